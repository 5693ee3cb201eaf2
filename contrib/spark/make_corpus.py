"""Writes the seeded test corpus of `make spark-test`: JSON Lines {"id", "text"} of documents made
from the sentences of samples/*.txt, with near-duplicates of every kind doppel cluster joins, in
input order d00000, d00001, ... (so id order is input order), split into shards for doppel sign.

    python make_corpus.py OUT_FOLDER [--documents 1200] [--shards 3] [--seed 7]

Writes OUT_FOLDER/corpus.jsonl (all documents) and OUT_FOLDER/shard-N.jsonl (consecutive slices).
Families: edited versions (a few Han characters replaced), truncated versions (joined by
containment), exact copies, one notice copied 40 times with small edits (a bucket above the
bucket limit of 32, so the star-and-chain rule is exercised), a few empty or very short texts
(which never cluster), short items with a few one-character edits (joined by the aligned share),
and briefs quoted in two round-ups each: verbatim in both (contained as fully in two unrelated
documents, the brief joins neither) or edited in the second (the brief attaches to the first; the
second is listed in `contained_in`).
"""

import argparse
import json
import random
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』]?")


def sentences():
    pool = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        text = re.sub(r"[ \t\u3000]*\n[\s\u3000]*", "", path.read_text(encoding="utf-8"))
        for match in SENTENCE.finditer(text):
            s = match.group(0).strip()
            if len(s) >= 6:
                pool.setdefault(s, None)
    return list(pool)


def edit(text, count, rng, hans):
    chars = list(text)
    positions = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(positions, min(count, len(positions))):
        chars[i] = rng.choice(hans)
    return "".join(chars)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--documents", type=int, default=1200)
    parser.add_argument("--shards", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = sentences()
    hans = sorted({c for s in pool for c in s if "\u4e00" <= c <= "\u9fff"})
    texts = []
    notice = "".join(rng.sample(pool, 12))
    while len(texts) < args.documents:
        original = "".join(rng.sample(pool, rng.randint(6, 20)))
        texts.append(original)
        roll = rng.random()
        if roll < 0.15:
            texts += [edit(original, rng.randint(1, 8), rng, hans) for _ in range(rng.randint(1, 3))]
        elif roll < 0.22:
            texts.append(original[: int(len(original) * rng.uniform(0.6, 0.9))])
        elif roll < 0.25:
            texts.append(original)
        elif roll < 0.27:
            texts.append(rng.choice(["", "短。", "本报讯"]))
        if len(texts) >= args.documents // 2 and notice is not None:
            texts += [edit(notice, rng.randint(0, 2), rng, hans) for _ in range(40)]
            notice = None
        if rng.random() < 0.02:
            item = "".join(rng.sample(pool, 3))[:rng.randint(90, 200)]
            texts += [item] + [edit(item, rng.randint(3, 5), rng, hans) for _ in range(2)]
        if rng.random() < 0.02:
            brief = "".join(rng.sample(pool, 3))
            verbatim = rng.random() < 0.5
            for n in range(2):
                quoted = brief if verbatim or n == 0 else edit(brief, 1, rng, hans)
                texts.append("".join(rng.sample(pool, 4)) + quoted + "".join(rng.sample(pool, 4)))
            texts.append(brief)
    texts = texts[: args.documents]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": f"d{n:05d}", "text": t}, ensure_ascii=False) + "\n" for n, t in enumerate(texts)]
    (out / "corpus.jsonl").write_text("".join(lines), encoding="utf-8")
    size = -(-len(lines) // args.shards)
    for shard in range(args.shards):
        (out / f"shard-{shard}.jsonl").write_text("".join(lines[shard * size:(shard + 1) * size]), encoding="utf-8")


if __name__ == "__main__":
    main()
