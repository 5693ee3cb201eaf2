"""One timed clustering run by a Python MinHash library, run as its own process by bench.py.

    python peer_cluster.py datasketch|rensa CORPUS.jsonl PAIRS_OUT [--threshold 0.8] [--perm 128]

The same job doppel cluster does, with the library doing the MinHash and LSH parts:
  1. read   the JSON Lines corpus ({"id", "text"} per line);
  2. shingle each text as doppel does by default (common.shingles: character 5-grams of the
            ideographs, word 3-grams of the other letters/digits, after NFKC);
  3. sketch 128-value MinHash signatures of the shingle sets;
  4. lsh    index all signatures, query each, and keep a candidate pair when the signatures'
            estimated Jaccard reaches the threshold (the peers have no exact verification);
  5. group  the kept pairs into clusters (union-find).
Prints one JSON line with the time of each stage and counts; writes the kept pairs (id pairs)
to PAIRS_OUT as JSON, for the accuracy check.

  datasketch  MinHash.bulk (default hash: SHA-1 of the UTF-8 shingle, seed 1) and MinHashLSH
              (bands x rows chosen by datasketch for the threshold: 9 x 13 at 0.8).
  rensa       RMinHash.from_token_sets (seed 42) and RMinHashLSH; its num_bands must divide
              num_perm, so it gets the fewest bands that do not lower the candidate probability
              at the threshold below datasketch's choice (16 x 8 at 0.8: 0.95 against 0.40).

Shingling and sketching go in chunks of 1,000 documents so that shingle sets (Python strings,
about 100 bytes a shingle) never all sit in memory at once; only the signatures are kept.
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402


def banding_error(threshold, bands, rows, steps=2000):
    """Datasketch's criterion for bands x rows: the area under the candidate probability below
    the threshold (false positives) plus the area above it missed (false negatives), equal
    weights, by the midpoint rule."""
    def p(s):
        return 1 - (1 - s ** rows) ** bands
    fp = sum(p((k + 0.5) * threshold / steps) for k in range(steps)) * threshold / steps
    width = 1 - threshold
    fn = sum(1 - p(threshold + (k + 0.5) * width / steps) for k in range(steps)) * width / steps
    return fp + fn


def candidate_probability(similarity, bands, rows):
    """The chance that a pair of this Jaccard similarity shares at least one band."""
    return 1 - (1 - similarity ** rows) ** bands


def datasketch_banding(threshold, perm):
    """(bands, rows) with bands * rows <= perm minimising `banding_error`, as datasketch's
    MinHashLSH chooses them (9 x 13 for 0.8 and 128)."""
    options = [(b, r) for b in range(1, perm + 1) for r in range(1, perm // b + 1)]
    return min(options, key=lambda br: banding_error(threshold, *br))


def divisor_banding(threshold, perm):
    """(bands, rows) with bands * rows == perm, as rensa requires: the fewest bands whose
    candidate probability at the threshold is at least that of datasketch's choice (so recall
    is not lowered by the constraint): 16 x 8 for 0.8 and 128."""
    floor = candidate_probability(threshold, *datasketch_banding(threshold, perm))
    for bands in range(1, perm + 1):
        if perm % bands == 0 and candidate_probability(threshold, bands, perm // bands) >= floor:
            return bands, perm // bands
    return perm, 1


def groups(count, pairs):
    """Clusters (lists of positions, two or more) joined by `pairs`, by union-find."""
    parent = list(range(count))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members = {}
    for i in range(count):
        members.setdefault(find(i), []).append(i)
    return [m for m in members.values() if len(m) > 1]


def sketch_in_chunks(texts, sketch_chunk, chunk=1000):
    """Shingles and sketches `texts` a chunk at a time; returns (sketches, shingle s, sketch s)."""
    sketches = []
    t_shingle = t_sketch = 0.0
    for k in range(0, len(texts), chunk):
        t0 = time.perf_counter()
        sets = [common.shingles(text) for text in texts[k:k + chunk]]
        t1 = time.perf_counter()
        sketches.extend(sketch_chunk(sets))
        t_shingle += t1 - t0
        t_sketch += time.perf_counter() - t1
    return sketches, t_shingle, t_sketch


def run_datasketch(texts, threshold, perm):
    from datasketch import MinHash, MinHashLSH

    def sketch_chunk(sets):
        return MinHash.bulk([[s.encode("utf-8") for s in shingle_set] for shingle_set in sets],
                            num_perm=perm)

    sketches, t_shingle, t_sketch = sketch_in_chunks(texts, sketch_chunk)
    t1 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=perm)
    with lsh.insertion_session() as session:
        for i, m in enumerate(sketches):
            session.insert(i, m)
    pairs = []
    candidates = 0
    for i, m in enumerate(sketches):
        for j in lsh.query(m):
            if j > i:
                candidates += 1
                if m.jaccard(sketches[j]) >= threshold:
                    pairs.append((i, j))
    t2 = time.perf_counter()
    return pairs, candidates, t_shingle, t_sketch, t2 - t1, {"bands": lsh.b, "rows": lsh.r}


def run_rensa(texts, threshold, perm):
    from rensa import RMinHash, RMinHashLSH
    bands, rows = divisor_banding(threshold, perm)
    sketches, t_shingle, t_sketch = sketch_in_chunks(
        texts, lambda sets: RMinHash.from_token_sets(sets, perm, 42))
    t1 = time.perf_counter()
    lsh = RMinHashLSH(threshold, perm, bands)
    lsh.insert_many(sketches)
    pairs = []
    candidates = 0
    for i, found in enumerate(lsh.query_all(sketches)):
        for j in found:
            if j > i:
                candidates += 1
                if sketches[i].jaccard(sketches[j]) >= threshold:
                    pairs.append((i, j))
    t2 = time.perf_counter()
    return pairs, candidates, t_shingle, t_sketch, t2 - t1, {"bands": bands, "rows": rows}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peer", choices=["datasketch", "rensa"])
    parser.add_argument("corpus")
    parser.add_argument("pairs_out")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--perm", type=int, default=128)
    args = parser.parse_args()

    start = time.perf_counter()
    ids, texts = [], []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            ids.append(record["id"])
            texts.append(record["text"])
    t_read = time.perf_counter() - start

    run = run_datasketch if args.peer == "datasketch" else run_rensa
    pairs, candidates, t_shingle, t_sketch, t_lsh, banding = run(texts, args.threshold, args.perm)

    t0 = time.perf_counter()
    clusters = groups(len(ids), pairs)
    t_group = time.perf_counter() - t0
    total = time.perf_counter() - start

    common.write_json(args.pairs_out, [[ids[a], ids[b]] for a, b in pairs])
    print(json.dumps({
        "peer": args.peer, "docs": len(ids), "read_s": t_read, "shingle_s": t_shingle,
        "sketch_s": t_sketch, "lsh_s": t_lsh, "group_s": t_group, "total_s": total,
        "candidates": candidates, "pairs": len(pairs), "clusters": len(clusters), **banding,
    }))


if __name__ == "__main__":
    main()
