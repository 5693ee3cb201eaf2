# doppel: the targets a newcomer guesses.
PREFIX ?= /usr/local
SWIFT ?= swift
SAMPLES = samples/000_d0a0d55efd38cf19.txt samples/001_bf998fbe8d636d66.txt

.PHONY: build release test demo bench install format lint clean fuzz browser-test spark-test

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

test:
	$(SWIFT) test

# The main job on the samples: what the print edition changed against the web edition, then the
# versions of each article across all five pages.
# Exit status 1 means "differences found", which is what the demo shows.
demo: release
	.build/release/doppel diff $(SAMPLES) || [ $$? -eq 1 ]
	.build/release/doppel cluster --split articles --include '*.txt' samples/ || [ $$? -eq 1 ]

bench: release
	bench/run

# The Spark job of contrib/spark/ against doppel cluster on a generated corpus (installs pyspark
# into contrib/spark/.venv once; needs Java 17+).
spark-test:
	$(SWIFT) build --product doppel
	contrib/spark/test.sh

install: release
	install -d $(PREFIX)/bin
	install -m 755 .build/release/doppel $(PREFIX)/bin/doppel

format:
	$(SWIFT) format --in-place --recursive Sources Tests bench/DoppelBench

lint:
	$(SWIFT) format lint --recursive Sources Tests bench/DoppelBench

# The HTML report in a real browser: renders the samples' report with headless Chromium, checks
# through the rendered DOM that the expected edits are highlighted and linked in both columns, and
# that a screenshot is not blank (Tests/browser/check_report.py); then the synoptic page of
# doppel collate on the samples and a third version: every variant location marked with its
# readings and linked to the side list (Tests/browser/check_collation.py). Needs chromium and python3.
# SCREENSHOT=docs/report.png keeps the screenshot.
browser-test: build
	python3 Tests/browser/check_report.py .build/debug/doppel $(SAMPLES) .build/browser-test $(if $(SCREENSHOT),--screenshot $(SCREENSHOT))
	python3 Tests/browser/check_collation.py .build/debug/doppel $(SAMPLES) .build/browser-test

# Fuzz the readers, the normaliser and the diff with libFuzzer (the Fuzz/ package), each target
# for FUZZ_SECONDS, seeded from samples/; fails on a crash or a broken property (Fuzz/run).
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run

clean:
	rm -rf .build bench/out Fuzz/.build contrib/spark/.venv
