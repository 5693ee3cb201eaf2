#!/usr/bin/env bash
# Runs a test command (`make test` passes `swift test`), shows its output as it comes, and ends
# with one line of totals over Swift Testing and XCTest, naming the skipped tests and why:
#   tests: 519 passed, 0 failed, 2 skipped (pdftotext is not installed …: pdfPagesAreNumbered(), …)
# swift test's own closing lines stay above it (CI reads them). Exits with the command's status.
set -uo pipefail
log=$(mktemp)
trap 'rm -f "$log"' EXIT
"$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Swift Testing: one "✔ Test name() passed after …", "✘ Test name() failed after …" or
# "➜ Test name() skipped: "reason"" line per test function; "Test run with …" is the total.
# XCTest: "Executed N tests, with F failures" (the last one sums every suite).
# The leading symbol differs by platform (and is several bytes in UTF-8), so lines are matched
# from the word "Test"; "Test run with" (the total) and "Test case" (an argument) are not tests.
tests() { grep -E "(^|[^A-Za-z])Test [^ ]+.* $1" "$log" | grep -vE 'Test (run with|case) ' || true; }
passed=$(tests 'passed after [0-9.]+ seconds' | grep -c . || true)
failed=$(tests 'failed after [0-9.]+ seconds' | grep -c . || true)
skips=$(tests 'skipped(: "|\.?$)')
skipped=$(printf '%s' "$skips" | grep -c . || true)
xctest=$(grep -E 'Executed [0-9]+ tests?, with [0-9]+ failures?' "$log" | tail -n 1)
if [ -n "$xctest" ]; then
  ran=$(sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\1/' <<< "$xctest")
  bad=$(sed -E 's/.*Executed ([0-9]+) tests?, with ([0-9]+) failures?.*/\2/' <<< "$xctest")
  passed=$((passed + ran - bad))
  failed=$((failed + bad))
fi
line="tests: $passed passed, $failed failed, $skipped skipped"
if [ "$skipped" -gt 0 ]; then
  # "reason: test, test; reason: test", reasons in order of first appearance.
  details=$(sed -E 's/^[^T]*Test (.+) skipped(: "(.*)")?\.?$/\3\t\1/' <<< "$skips" | awk -F'\t' '
    { reason = ($1 == "" ? "no reason given" : $1)
      if (!(reason in tests)) { order[++n] = reason; tests[reason] = $2 } else { tests[reason] = tests[reason] ", " $2 } }
    END { for (i = 1; i <= n; i++) printf "%s%s: %s", (i > 1 ? "; " : ""), order[i], tests[order[i]] }')
  line="$line ($details)"
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then line="$line; the test command failed with status $status"; fi
echo "$line"
exit "$status"
