"""Corpora with their true version groups, and how well doppel cluster recovers those groups.

Two generators (seeded, from the sentences of samples/*.txt except the print edition 001), each writing JSON Lines
{"id", "text"} and a sidecar `.groups.json` ({id: group}):

  versions   a folder of article versions: articles in web, print (hard-wrapped) and plain
             (half-width punctuation) form, truncated to their first 60-75 % (print layout, up to
             two one-character edits), edited (1-4 edits); short items of 80-260 characters with
             2-5 scattered one-character edits; templated reports that differ in their facts
             (another date, another committee, another count), each twin its own group
  excerpts   the stress corpus: documents of 5-8 sentences drawn from a small pool (so they share
             sentences by chance), a third with an edited version, and short documents that are
             excerpts (2-3 consecutive sentences) of one of them, so contained in it and often in
             others; an excerpt's group is its source's, and no two groups have excerpts of the
             same sentences (they would be versions of each other)

The figures (`score`):

  pair precision / recall / F1   pairs of documents in one cluster against pairs in one group
  largest cluster / group        the largest cluster found and the largest true group
  recall (J >= 0.8)              pairs with exact Jaccard >= 0.8 (doppel's shingling, brute force
                                 over a 2,000-document sample) that share a cluster
"""

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

TEMPLATES = [
    ("本报北京{0}电　{1}{0}召开全体会议，听取关于{2}情况的汇报，审议通过了有关工作安排。会议强调，"
     "要认真贯彻落实党中央决策部署，扎实做好各项工作，确保取得实效。",
     [["3月5日", "全国人大常委会法制工作委员会", "立法规划执行"],
      ["4月18日", "全国政协经济委员会", "重点提案办理"],
      ["9月2日", "国务院国有资产监督管理委员会", "中央企业改革"]]),
    ("记者从{0}获悉，{1}，全市共完成{2}项重点工程，完成投资{3}亿元，同比增长{4}%。下一步将继续加大推进"
     "力度，确保全年目标任务顺利完成。",
     [["市发展改革委", "今年一季度", "128", "356", "12"],
      ["市住房城乡建设局", "今年上半年", "86", "214", "7"],
      ["市交通运输局", "前三季度", "47", "98", "15"]]),
    ("{0}党组召开理论学习中心组学习会，围绕{1}进行专题研讨。{2}主持会议并讲话，要求各处室结合工作实际，"
     "把学习成果转化为推动{1}的实际成效。",
     [["省教育厅", "基础教育综合改革", "厅党组书记王建国"],
      ["省生态环境厅", "大气污染联防联控", "厅党组书记刘晓明"],
      ["省农业农村厅", "乡村产业振兴", "厅党组副书记陈志刚"]]),
]


def _pool():
    """The sentences of the sample pages except the print edition 001, which repeats page 000
    with small differences (its sentences would make documents of different groups versions)."""
    return common.sentence_pool([f for f in common.SAMPLE_FILES if not f.name.startswith("001_")])


def _is_han(c):
    return "\u4e00" <= c <= "\u9fff"


def one_char_edits(text, count, rng, hans):
    """`text` with `count` one-character edits (replace, insert or delete a Han character)."""
    chars = list(text)
    for _ in range(count):
        positions = [i for i, c in enumerate(chars) if _is_han(c)]
        if not positions:
            break
        i = rng.choice(positions)
        kind = rng.randrange(4)
        if kind == 0:
            chars.insert(i, rng.choice(hans))
        elif kind == 1:
            del chars[i]
        else:
            chars[i] = rng.choice(hans)
    return "".join(chars)


def print_layout(text, rng):
    width = rng.randint(18, 22)
    return "\u3000\u3000" + "\n".join(text[i:i + width] for i in range(0, len(text), width))


def plain_layout(text):
    return text.translate(str.maketrans({"，": ", ", "。": ". ", "：": ": ", "；": "; "}))


def _write(path, docs):
    """docs: [(text, group)] in order; ids v0000000, v0000001, … (input order)."""
    groups = {}
    with open(path, "w", encoding="utf-8") as f:
        for n, (text, group) in enumerate(docs):
            ident = f"v{n:07d}"
            groups[ident] = group
            f.write(json.dumps({"id": ident, "text": text}, ensure_ascii=False) + "\n")
    common.write_json(Path(path).with_suffix(".groups.json"), groups)


def versions_corpus(path, copies=1, seed=15):
    """The versions folder, `copies` times over (each copy from shuffled sentences)."""
    rng = random.Random(seed)
    base = [s for s in _pool() if len(s) >= 12]
    hans = common.han_pool(base)
    docs, group = [], 0
    for _ in range(copies):
        pool = base[:]
        rng.shuffle(pool)
        at = 0
        while at < len(pool) * 2 // 3:
            target, article = rng.randint(400, 900), ""
            while len(article) < target and at < len(pool):
                article += pool[at]
                at += 1
            forms = [article, print_layout(article, rng)]
            if rng.random() < 0.5:
                forms.append(plain_layout(article))
            cut = article[: int(len(article) * rng.uniform(0.60, 0.75))]
            forms.append(print_layout(one_char_edits(cut, rng.randint(0, 2), rng, hans), rng))
            forms.append(one_char_edits(article, rng.randint(1, 4), rng, hans))
            docs += [(t, group) for t in forms]
            group += 1
        while at < len(pool):
            target, item = rng.randint(80, 200), ""
            while len(item) < target and at < len(pool):
                item += pool[at]
                at += 1
            if not 80 <= len(item) <= 260:
                continue
            docs.append((item, group))
            docs += [(one_char_edits(item, rng.randint(2, 5), rng, hans), group)
                     for _ in range(rng.randint(1, 2))]
            group += 1
    for template, fills in TEMPLATES:
        for fill in fills:
            report = template
            for slot, value in enumerate(fill):
                report = report.replace("{%d}" % slot, value)
            docs += [(report, group), (print_layout(report, rng), group)]
            group += 1
    _write(path, docs)


def excerpt_corpus(path, long_documents=8000, excerpts_per_document=2, pool_size=100, seed=16):
    """The excerpt stress corpus (about 3.3 documents per long one)."""
    rng = random.Random(seed)
    sentences = [s for s in _pool() if 30 <= len(s) <= 60][:pool_size]
    hans = common.han_pool(sentences)
    docs = []
    excerpted = {}          # the sentences of each excerpt so far -> its group
    for group in range(long_documents):
        chosen = rng.sample(sentences, rng.randint(5, 8))
        docs.append(("".join(chosen), group))
        if group % 3 == 0:
            docs.append((one_char_edits("".join(chosen), 2, rng, hans), group))
        for _ in range(excerpts_per_document):
            # An excerpt of the same sentences as another group's (in any order) would be a
            # version of it (Jaccard >= 0.8) in another true group: such truth no clustering
            # can meet, so draw another (up to 10 times).
            for _attempt in range(10):
                length = rng.randint(2, 3)
                start = rng.randrange(len(chosen) - length + 1)
                if excerpted.setdefault(frozenset(chosen[start:start + length]), group) == group:
                    docs.append(("".join(chosen[start:start + length]), group))
                    break
    _write(path, docs)


def score(corpus_path, report_path, sample=2000, seed=20):
    """The figures of doppel cluster's JSON report against the corpus's true groups."""
    corpus_path = Path(corpus_path)
    groups = json.loads(corpus_path.with_suffix(".groups.json").read_text(encoding="utf-8"))
    report = json.loads(Path(report_path).read_text(encoding="utf-8"))
    cluster_of = {}
    for n, cluster in enumerate(report["clusters"]):
        for member in cluster["members"]:
            cluster_of[member] = n
    by_group, by_cluster = {}, {}
    for ident, group in groups.items():
        by_group.setdefault(group, []).append(ident)
    for ident, n in cluster_of.items():
        by_cluster.setdefault(n, []).append(ident)
    pairs = lambda sizes: sum(k * (k - 1) // 2 for k in sizes)
    true_pairs = pairs(len(v) for v in by_group.values())
    found_pairs = pairs(len(v) for v in by_cluster.values())
    right = 0
    for members in by_cluster.values():
        counts = {}
        for m in members:
            counts[groups[m]] = counts.get(groups[m], 0) + 1
        right += pairs(counts.values())
    precision = right / found_pairs if found_pairs else 1.0
    recall = right / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # Recall against exact Jaccard >= 0.8 on a sample: whole groups first, then random others.
    texts = {}
    with open(corpus_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            texts[record["id"]] = record["text"]
    rng = random.Random(seed)
    chosen = []
    for group in rng.sample(sorted(by_group), len(by_group)):
        if len(chosen) + len(by_group[group]) > sample:
            break
        chosen += by_group[group]
    sets = {i: common.shingles(texts[i]) for i in chosen}
    index = {}
    for i in chosen:
        for s in sets[i]:
            index.setdefault(s, []).append(i)
    seen, jaccard_pairs, joined = set(), 0, 0
    for i in chosen:
        for s in sets[i]:
            for j in index[s]:
                if j <= i or (i, j) in seen:
                    continue
                seen.add((i, j))
                a, b = sets[i], sets[j]
                if len(a) + len(b) and len(a & b) / len(a | b) >= 0.8:
                    jaccard_pairs += 1
                    joined += cluster_of.get(i, -1) >= 0 and cluster_of.get(i) == cluster_of.get(j)
    return {"documents": len(groups), "precision": precision, "recall": recall, "f1": f1,
            "largest_cluster": max((len(v) for v in by_cluster.values()), default=1),
            "largest_group": max(len(v) for v in by_group.values()),
            "jaccard_pairs": jaccard_pairs,
            "recall_jaccard": joined / jaccard_pairs if jaccard_pairs else 1.0,
            "contained_in": sum(len(c.get("contained_in", [])) for c in report["clusters"])}


if __name__ == "__main__":
    kind, out = sys.argv[1], sys.argv[2]
    (versions_corpus if kind == "versions" else excerpt_corpus)(out)
