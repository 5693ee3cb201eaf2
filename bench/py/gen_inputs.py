"""Generates the benchmark inputs into bench/out/ from the real sentences of samples/*.txt.

    python gen_inputs.py [--large]

Diff pairs (bench/out/diff/):
  b-1mb-1pct.{a,b}.txt      1 MB of sentences; B = A with edits at 1% of its characters
  c-10mb-0.1pct.{a,b}.txt   10 MB of sentences; B = A with edits at 0.1% of its characters
  d-unrelated-1mb.{a,b}.txt A from the sentences of samples 000-001 (one page, web and print),
                            B from those of samples 002-004 (other pages): no sentence in common
  e-aaaa-aaab-1mb.{a,b}.txt A = "a" x 1,000,000, B = "aaab" x 250,000 (a repetitive worst case)
Cluster corpora (bench/out/cluster/): JSON Lines {"id", "text"}, documents of 1-3 KB (UTF-8),
  a tenth of the originals with 1-3 near-duplicate versions of 1-4 edits each, in shuffled order:
  corpus-10k.jsonl, corpus-100k.jsonl (and corpus-1m.jsonl, documents of 1.8-2.2 KB, with --large),
  each with a .families.json sidecar (the ids of each original and its versions);
  versions.jsonl and excerpts.jsonl (py/groups.py: a versions folder and the excerpt stress
  corpus), each with a .groups.json sidecar (the true group of every id).

Every generator has its own fixed seed. A stamp file records a digest of this script and
common.py; inputs are regenerated only when those change or a file is missing.
"""

import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import groups  # noqa: E402

DIFF = common.OUT / "diff"
CLUSTER = common.OUT / "cluster"
MB = 1_000_000


def diff_pairs():
    """(name, builder) for the generated diff pairs; a builder returns the two texts."""
    pool = common.sentence_pool()
    hans = common.han_pool(pool)
    words = common.word_pool(pool)

    def edited(size, rate, seed):
        rng = random.Random(seed)
        a = common.text_of_sentences(pool, size, rng)
        b, _ = common.apply_edits(a, round(rate * len(a)), rng, hans, words)
        return a, b

    def unrelated():
        rng = random.Random(4)
        a = common.text_of_sentences(common.sentence_pool(common.SAMPLE_FILES[:2]), MB, rng)
        b = common.text_of_sentences(common.sentence_pool(common.SAMPLE_FILES[2:]), MB, rng)
        return a, b

    return [
        ("b-1mb-1pct", lambda: edited(MB, 0.01, 2)),
        ("c-10mb-0.1pct", lambda: edited(10 * MB, 0.001, 3)),
        ("d-unrelated-1mb", unrelated),
        ("e-aaaa-aaab-1mb", lambda: ("a" * MB, "aaab" * (MB // 4))),
    ]


def document(pool, rng, lo, hi):
    """Random sentences, in paragraphs of 2-6, until the text has between lo and hi UTF-8 bytes."""
    target = rng.randint(lo, hi)
    paragraphs, current, size = [], [], 0
    while size < target:
        s = rng.choice(pool)
        n = len(s.encode("utf-8"))
        if size + n > hi:
            if size >= lo:
                break
            continue                       # too long to fit: draw another
        current.append(s)
        size += n
        if len(current) >= rng.randint(2, 6):
            paragraphs.append("".join(current))
            current = []
            size += 2                      # the blank line
    if current:
        paragraphs.append("".join(current))
    return "\n\n".join(paragraphs)


def corpus(path, count, seed, lo=1000, hi=3000):
    """Writes `count` documents to `path` (JSON Lines) and their families beside it."""
    rng = random.Random(seed)
    pool = common.sentence_pool()
    hans = common.han_pool(pool)
    words = common.word_pool(pool)
    texts, families = [], []
    while len(texts) < count:
        original = document(pool, rng, lo, hi)
        family = [len(texts)]
        texts.append(original)
        if rng.random() < 0.1:
            for _ in range(min(rng.randint(1, 3), count - len(texts))):
                version, _ = common.apply_edits(original, rng.randint(1, 4), rng, hans, words)
                family.append(len(texts))
                texts.append(version)
        if len(family) > 1:
            families.append(family)
    order = list(range(count))
    rng.shuffle(order)                     # order[k] = which text goes to line k
    line_of = [0] * count
    for line, k in enumerate(order):
        line_of[k] = line
    with open(path, "w", encoding="utf-8") as f:
        for line, k in enumerate(order):
            f.write(json.dumps({"id": f"d{line:07d}", "text": texts[k]}, ensure_ascii=False))
            f.write("\n")
    ids = [[f"d{line_of[k]:07d}" for k in fam] for fam in families]
    common.write_json(Path(path).with_suffix(".families.json"), ids)


def digest():
    h = hashlib.sha256()
    for name in ("gen_inputs.py", "common.py", "groups.py"):
        h.update((Path(__file__).resolve().parent / name).read_bytes())
    for sample in common.SAMPLE_FILES:
        h.update(sample.read_bytes())
    return h.hexdigest()


def main():
    large = "--large" in sys.argv
    DIFF.mkdir(parents=True, exist_ok=True)
    CLUSTER.mkdir(parents=True, exist_ok=True)
    stamp = common.OUT / "inputs.stamp"
    fresh = stamp.exists() and stamp.read_text().strip() == digest()

    for name, build in diff_pairs():
        a, b = DIFF / f"{name}.a.txt", DIFF / f"{name}.b.txt"
        if fresh and a.exists() and b.exists():
            continue
        print(f"  generating diff pair {name}", flush=True)
        ta, tb = build()
        a.write_text(ta, encoding="utf-8")
        b.write_text(tb, encoding="utf-8")

    corpora = [("corpus-10k.jsonl", 10_000, 10, 1000, 3000),
               ("corpus-100k.jsonl", 100_000, 11, 1000, 3000)]
    if large:
        corpora.append(("corpus-1m.jsonl", 1_000_000, 12, 1800, 2200))
    for name, count, seed, lo, hi in corpora:
        path = CLUSTER / name
        if fresh and path.exists() and path.with_suffix(".families.json").exists():
            continue
        print(f"  generating corpus {name} ({count} documents)", flush=True)
        corpus(path, count, seed, lo, hi)
    for name, generate in (("versions.jsonl", groups.versions_corpus),
                           ("excerpts.jsonl", groups.excerpt_corpus)):
        path = CLUSTER / name
        if fresh and path.exists() and path.with_suffix(".groups.json").exists():
            continue
        print(f"  generating corpus {name}", flush=True)
        generate(path)
    stamp.write_text(digest() + "\n")


if __name__ == "__main__":
    main()
