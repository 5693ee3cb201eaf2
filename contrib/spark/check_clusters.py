"""Compares the clusters of `doppel cluster --format json` with those of cluster_signatures.py.

    python check_clusters.py NAME DOPPEL.json SPARK_OUTPUT_FOLDER

Two clusterings are equal when they have the same clusters (member sets) with the same
representatives and the same `contained_in` lists (members also contained in documents outside
their cluster, and those containers). Prints one line per difference, then `NAME: 1 passed, 0 failed` or
`NAME: 0 passed, 1 failed`, and exits 1 on a difference.
"""

import json
import sys
from pathlib import Path


def contained(entries):
    return sorted((e["id"], tuple(sorted(e["containers"]))) for e in entries or [])


def doppel_clusters(path):
    report = json.loads(Path(path).read_text(encoding="utf-8"))
    return {tuple(sorted(c["members"])): (c["representative"], contained(c.get("contained_in")))
            for c in report["clusters"]}


def spark_clusters(folder):
    clusters = {}
    for part in sorted(Path(folder).glob("part-*")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                c = json.loads(line)
                clusters[tuple(sorted(c["members"]))] = (c["representative"], contained(c.get("contained_in")))
    return clusters


def main():
    name, doppel, spark = sys.argv[1:4]
    expected, found = doppel_clusters(doppel), spark_clusters(spark)
    problems = []
    for members in sorted(set(expected) - set(found)):
        problems.append(f"only in doppel cluster: {list(members)}")
    for members in sorted(set(found) - set(expected)):
        problems.append(f"only in Spark: {list(members)}")
    for members in sorted(set(expected) & set(found)):
        if expected[members][0] != found[members][0]:
            problems.append(f"representative of {list(members)}: doppel {expected[members][0]}, Spark {found[members][0]}")
        if expected[members][1] != found[members][1]:
            problems.append(f"contained_in of {list(members)}: doppel {expected[members][1]}, Spark {found[members][1]}")
    for problem in problems:
        print(f"{name}: {problem}")
    sizes = sorted(len(m) for m in expected)
    listed = sum(len(c[1]) for c in expected.values())
    print(f"{name}: {len(expected)} clusters (largest {sizes[-1] if sizes else 0}, {listed} members "
          f"also contained elsewhere), {len(found)} from Spark")
    print(f"{name}: {0 if problems else 1} passed, {1 if problems else 0} failed")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
