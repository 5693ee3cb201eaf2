"""Accuracy of near-duplicate pairs against exact Jaccard, on a sample of a corpus.

The sample holds 2,000 documents: whole families (an original and its versions, drawn at random
until about half the sample) so that true pairs fall inside it, filled up with documents drawn at
random from the rest. For all ~2 million pairs among them the exact Jaccard similarity of their
shingle sets (common.shingles, doppel's default shingling) is computed by brute force. The
result is cached beside the corpus (it depends only on the corpus).

  recall    = true pairs (exact Jaccard >= threshold) whose two documents the tool put in one
              cluster / true pairs
  precision = pairs the tool reported as verified whose exact Jaccard >= threshold / reported
              pairs (both restricted to the sample)
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


def truth(corpus_path):
    """The sample and its similar pairs, [[a, b, jaccard, containment]], computed once."""
    corpus_path = Path(corpus_path)
    cache = corpus_path.with_suffix(".truth.json")
    if cache.exists() and cache.stat().st_mtime >= corpus_path.stat().st_mtime:
        return json.loads(cache.read_text(encoding="utf-8"))
    families = json.loads(corpus_path.with_suffix(".families.json").read_text(encoding="utf-8"))
    texts = {}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    sample = draw_sample(list(texts), families)
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
    result = {"sample": sample, "pairs": pairs, "all_pairs": len(sample) * (len(sample) - 1) // 2,
              "seconds": time.perf_counter() - start}
    common.write_json(cache, result)
    return result


def score(truth_result, reported_pairs, clusters, threshold=0.8):
    """Recall and precision of a tool's output restricted to the sample.

    `reported_pairs` are the id pairs the tool verified; `clusters` its groups of ids (for
    recall: a true pair counts as found when both ids share a cluster)."""
    sample = set(truth_result["sample"])
    similar = {(a, b): (j, c) for a, b, j, c in truth_result["pairs"]}
    true_pairs = {p for p, (j, _) in similar.items() if j >= threshold}
    cluster_of = {}
    for k, members in enumerate(clusters):
        for m in members:
            cluster_of[m] = k
    found = sum(1 for a, b in true_pairs
                if a in cluster_of and cluster_of.get(a) == cluster_of.get(b))
    inside = [tuple(sorted(p)) for p in reported_pairs if p[0] in sample and p[1] in sample]
    correct = sum(1 for p in inside if similar.get(p, (0, 0))[0] >= threshold)
    by_containment = sum(1 for p in inside if similar.get(p, (0, 0))[0] < threshold
                         and similar.get(p, (0, 0))[1] >= threshold)
    return {
        "sample_docs": len(sample), "true_pairs": len(true_pairs), "found": found,
        "recall": found / len(true_pairs) if true_pairs else None,
        "reported_pairs": len(inside), "correct": correct,
        "precision": correct / len(inside) if inside else None,
        "false_but_containment": by_containment,
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
