"""One timed diff by a diff-match-patch port, run as its own process by bench.py.

    python peer_diff.py fast|pure A B

Reads both files (untimed), then times only the diff call and prints one JSON line:
{"seconds": ..., "ops": <number of diff operations>}.

  fast  fast_diff_match_patch.diff(a, b, timelimit=0): the C++ port of diff-match-patch;
        timelimit=0 means no deadline, so the result is the complete minimal diff (its other
        settings keep their defaults: line-mode speed-up on, semantic cleanup).
  pure  diff_match_patch (pure Python) with Diff_Timeout = 0 (no deadline), diff_main with
        its default line-mode speed-up, then diff_cleanupSemantic as the C++ port does.
"""

import json
import sys
import time


def main():
    kind, path_a, path_b = sys.argv[1:4]
    with open(path_a, encoding="utf-8") as f:
        a = f.read()
    with open(path_b, encoding="utf-8") as f:
        b = f.read()
    if kind == "fast":
        import fast_diff_match_patch
        start = time.perf_counter()
        ops = fast_diff_match_patch.diff(a, b, timelimit=0)
        seconds = time.perf_counter() - start
    elif kind == "pure":
        from diff_match_patch import diff_match_patch
        dmp = diff_match_patch()
        dmp.Diff_Timeout = 0
        start = time.perf_counter()
        ops = dmp.diff_main(a, b)
        dmp.diff_cleanupSemantic(ops)
        seconds = time.perf_counter() - start
    else:
        raise SystemExit(f"unknown peer {kind!r}")
    print(json.dumps({"seconds": seconds, "ops": len(ops)}))


if __name__ == "__main__":
    main()
