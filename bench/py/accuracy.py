"""Accuracy of near-duplicate pairs against exact similarity, on a sample of a corpus.

The sample holds 2,000 documents: whole families (an original and its versions, drawn at random
until about half the sample) so that true pairs fall inside it, filled up with documents drawn at
random from the rest. For all ~2 million pairs among them the exact Jaccard similarity and
containment of their shingle sets (common.shingles, doppel's default shingling) are computed by
brute force, with each document's number of shingles. The result is cached beside the corpus (it
depends only on the corpus).

A pair *meets the criterion* of a tool when its exact similarity passes the test that tool
applies: Jaccard >= threshold, or, for doppel with containment on (its default), also
containment >= the containment threshold with the smaller document holding at least
min_contained shingles (a truncated copy joins its full version).

  recall            = true pairs (exact Jaccard >= threshold) whose two documents the tool put
                      in one cluster / true pairs
  recall_criterion  = the same over the pairs that meet the tool's criterion
  precision         = pairs the tool reported as verified that meet its criterion / reported
                      pairs (both restricted to the sample)
  precision_jaccard = pairs the tool reported whose exact Jaccard >= threshold / reported pairs
"""

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

SAMPLE_SIZE = 2000
KEEP_BELOW = 0.5    # pairs under this Jaccard and containment are not stored in the cache


def draw_sample(ids, families, seed=20):
    """Ids of the sample: whole families until about half of SAMPLE_SIZE, then random others."""
    rng = random.Random(seed)
    chosen = []
    in_family = set()
    for family in rng.sample(families, len(families)):
        if len(chosen) + len(family) > SAMPLE_SIZE // 2:
            break
        chosen.extend(family)
    for family in families:
        in_family.update(family)
    others = [i for i in ids if i not in in_family]
    chosen.extend(rng.sample(others, min(len(others), SAMPLE_SIZE - len(chosen))))
    return sorted(chosen)


TRUTH_VERSION = 2  # 2: with the shingle count of every sampled document


def truth(corpus_path):
    """The sample, its documents' shingle counts and its similar pairs,
    [[a, b, jaccard, containment]], computed once."""
    corpus_path = Path(corpus_path)
    cache = corpus_path.with_suffix(".truth.json")
    if cache.exists() and cache.stat().st_mtime >= corpus_path.stat().st_mtime:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("version") == TRUTH_VERSION:
            return cached
    families = json.loads(corpus_path.with_suffix(".families.json").read_text(encoding="utf-8"))
    with open(corpus_path, encoding="utf-8") as f:   # two passes: only the sample's texts kept
        ids = [json.loads(line)["id"] for line in f]
    sample = draw_sample(ids, families)
    wanted = set(sample)
    texts = {}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    sets = [common.shingles(texts[i]) for i in sample]
    sizes = [len(s) for s in sets]
    start = time.perf_counter()
    pairs = []
    for x in range(len(sample)):
        sx, nx = sets[x], sizes[x]
        for y in range(x + 1, len(sample)):
            common_count = len(sx & sets[y])
            if not common_count:
                continue
            union = nx + sizes[y] - common_count
            jaccard = common_count / union
            containment = common_count / max(1, min(nx, sizes[y]))
            if jaccard >= KEEP_BELOW or containment >= KEEP_BELOW:
                pairs.append([sample[x], sample[y], jaccard, containment])
    result = {"version": TRUTH_VERSION, "sample": sample, "sizes": dict(zip(sample, sizes)),
              "pairs": pairs, "all_pairs": len(sample) * (len(sample) - 1) // 2,
              "seconds": time.perf_counter() - start}
    common.write_json(cache, result)
    return result


def score(truth_result, reported_pairs, clusters, threshold=0.8, containment=None,
          min_contained=50):
    """Recall and precision of a tool's output restricted to the sample.

    `reported_pairs` are the id pairs the tool verified; `clusters` its groups of ids (for
    recall: a true pair counts as found when both ids share a cluster). `containment` is the
    tool's containment threshold (None: it judges by Jaccard alone) and `min_contained` the
    fewest shingles the smaller document needs for containment to count."""
    sample = set(truth_result["sample"])
    sizes = truth_result["sizes"]
    similar = {(a, b): (j, c) for a, b, j, c in truth_result["pairs"]}

    def meets(pair):
        j, c = similar.get(pair, (0, 0))
        return j >= threshold or (containment is not None and c >= containment
                                  and min(sizes[pair[0]], sizes[pair[1]]) >= min_contained)

    true_pairs = {p for p, (j, _) in similar.items() if j >= threshold}
    criterion_pairs = {p for p in similar if meets(p)}
    cluster_of = {}
    for k, members in enumerate(clusters):
        for m in members:
            cluster_of[m] = k

    def found(pairs):
        return sum(1 for a, b in pairs if a in cluster_of and cluster_of.get(a) == cluster_of.get(b))

    inside = [tuple(sorted(p)) for p in reported_pairs if p[0] in sample and p[1] in sample]
    correct = sum(1 for p in inside if meets(p))
    correct_jaccard = sum(1 for p in inside if similar.get(p, (0, 0))[0] >= threshold)
    found_true, found_criterion = found(true_pairs), found(criterion_pairs)
    return {
        "sample_docs": len(sample), "true_pairs": len(true_pairs), "found": found_true,
        "recall": found_true / len(true_pairs) if true_pairs else None,
        "criterion_pairs": len(criterion_pairs), "criterion_found": found_criterion,
        "recall_criterion": found_criterion / len(criterion_pairs) if criterion_pairs else None,
        "reported_pairs": len(inside), "correct": correct,
        "precision": correct / len(inside) if inside else None,
        "correct_jaccard": correct_jaccard,
        "precision_jaccard": correct_jaccard / len(inside) if inside else None,
    }


def clusters_of_pairs(pairs):
    """Groups of ids joined by pairs (union-find)."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return list(groups.values())


if __name__ == "__main__":
    t = truth(sys.argv[1])
    print(len(t["sample"]), len(t["pairs"]), t["seconds"])
