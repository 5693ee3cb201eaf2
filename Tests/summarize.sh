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
passed=$(grep -E '^.? ?Test .+ passed after' "$log" | grep -vc 'Test run with')
failed=$(grep -E '^.? ?Test .+ failed after' "$log" | grep -vc 'Test run with')
skips=$(grep -E '^.? ?Test .+ skipped' "$log" | grep -v 'Test run with' || true)
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
  details=$(sed -E 's/^.? ?Test (.+) skipped(: "(.*)")?\.?$/\3\t\1/' <<< "$skips" | awk -F'\t' '
    { reason = ($1 == "" ? "no reason given" : $1)
      if (!(reason in tests)) { order[++n] = reason; tests[reason] = $2 } else { tests[reason] = tests[reason] ", " $2 } }
    END { for (i = 1; i <= n; i++) printf "%s%s: %s", (i > 1 ? "; " : ""), order[i], tests[order[i]] }')
  line="$line ($details)"
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then line="$line; the test command failed with status $status"; fi
echo "$line"
exit "$status"
