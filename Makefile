# doppel: the targets a newcomer guesses.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SAMPLES = samples/000_d0a0d55efd38cf19.txt samples/001_bf998fbe8d636d66.txt

.PHONY: build release test demo bench install dist man format lint clean fuzz browser-test spark-test

build:
	$(SWIFT) build

# The release binary links the Swift runtime and Foundation statically, so it runs on a Linux
# machine without Swift (only the C library and its friends are needed). Only the doppel product:
# the benchmark program is built by `make bench`.
release:
	$(SWIFT) build -c release --product doppel --static-swift-stdlib

# Runs the tests and ends with one line of totals that names skipped tests and why
# (Tests/summarize.sh keeps swift test's own closing lines above it).
test:
	Tests/summarize.sh $(SWIFT) test

# The main job on the samples: what the print edition changed against the web edition, then the
# versions of each article across all five pages.
# Exit status 1 means "differences found", which is what the demo shows.
demo: release
	.build/release/doppel diff $(SAMPLES) || [ $$? -eq 1 ]
	.build/release/doppel cluster --split articles --include '*.txt' samples/ || [ $$? -eq 1 ]

# The benchmarks time the binary as `make release` ships it, linked statically (its start-up
# takes a third of the time of one linked to the shared Swift libraries), and DoppelBench alike.
bench:
	$(SWIFT) build -c release --static-swift-stdlib
	bench/run

# The Spark job of contrib/spark/ against doppel cluster on a generated corpus (installs pyspark
# into contrib/spark/.venv once; needs Java 17+).
spark-test:
	$(SWIFT) build --product doppel
	contrib/spark/test.sh

# The man page, generated from the same option tables as --help.
man: release
	.build/release/doppel man > doppel.1

# Installs the binary, the man page and the completions under $(DESTDIR)$(PREFIX).
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/doppel $(DESTDIR)$(PREFIX)/bin/doppel
	.build/release/doppel man > $(DESTDIR)$(PREFIX)/share/man/man1/doppel.1
	.build/release/doppel completions bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/doppel
	.build/release/doppel completions zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_doppel
	.build/release/doppel completions fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/doppel.fish

# A versioned tarball to copy to machines without Swift: dist/doppel-VERSION-linux-ARCH.tar.gz
# holding bin/doppel, share/man/man1/doppel.1, the completions, README.md (and LICENSE when the
# repository has one). Tests/dist/check_dist.sh checks it runs without the toolchain.
ARCH := $(shell uname -m)
dist: release
	set -e; version=$$(.build/release/doppel --version | cut -d' ' -f2); \
	name=doppel-$$version-linux-$(ARCH); stage=dist/$$name; \
	rm -rf $$stage; mkdir -p $$stage/bin $$stage/share/man/man1 $$stage/share/completions; \
	install -m 755 .build/release/doppel $$stage/bin/doppel; \
	if command -v strip > /dev/null; then strip $$stage/bin/doppel; fi; \
	.build/release/doppel man > $$stage/share/man/man1/doppel.1; \
	for shell in bash zsh fish; do .build/release/doppel completions $$shell > $$stage/share/completions/doppel.$$shell; done; \
	cp README.md $$stage/; if [ -f LICENSE ]; then cp LICENSE $$stage/; fi; \
	tar -C dist -czf dist/$$name.tar.gz $$name; rm -rf $$stage; echo dist/$$name.tar.gz

format:
	$(SWIFT) format --in-place --recursive Sources Tests bench/DoppelBench Fuzz/Sources Fuzz/Package.swift Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests bench/DoppelBench Fuzz/Sources Fuzz/Package.swift Package.swift

# The HTML report in a real browser: renders the samples' report with headless Chromium, checks
# through the rendered DOM that the expected edits are highlighted and linked in both columns, and
# that a screenshot is not blank (Tests/browser/check_report.py); then the synoptic page of
# doppel collate on the samples and a third version: every variant location marked with its
# readings and linked to the side list (Tests/browser/check_collation.py); then the cluster page on
# a 420 px screen: no sideways scrolling, paths not squeezed (Tests/browser/check_cluster_report.py).
# Needs chromium and python3. SCREENSHOT=docs/report.png keeps the screenshot.
browser-test: build
	python3 Tests/browser/check_report.py .build/debug/doppel $(SAMPLES) .build/browser-test $(if $(SCREENSHOT),--screenshot $(SCREENSHOT))
	python3 Tests/browser/check_collation.py .build/debug/doppel $(SAMPLES) .build/browser-test
	python3 Tests/browser/check_cluster_report.py .build/debug/doppel samples .build/browser-test

# Fuzz the readers, the normaliser and the diff with libFuzzer (the Fuzz/ package), each target
# for FUZZ_SECONDS, seeded from samples/; fails on a crash or a broken property (Fuzz/run).
FUZZ_SECONDS ?= 60
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/run

clean:
	rm -rf .build bench/out Fuzz/.build contrib/spark/.venv dist doppel.1
