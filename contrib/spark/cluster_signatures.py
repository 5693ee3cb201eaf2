"""Clusters the JSON Lines that `doppel sign` writes, on Spark: the reduce step of `doppel cluster`
for archives larger than one machine.

    python cluster_signatures.py SIGNED.jsonl... --output DIR [--verify exact|signature]
        [--threshold 0.8] [--containment 0.8|off] [--min-contained 50]
        [--aligned-share 0.85|off] [--short-item 300] [--bucket-limit 32]
        [--master local[*]] [--partitions N]

Input: one line per document, `{"id", "chars", "shingles", "signature", "bands"[, "set"[,
"sequence"]]}` (`doppel sign`, with `--shingles` for exact verification; `sequence` comes with
short items). Output: DIR holds JSON Lines part files, one cluster a line, `{"representative":
id, "members": [id, ...], "size": n, "contained_in": [{"id", "containers": [id, ...]}, ...]}`,
members ascending; documents in no cluster are not listed.

The steps are `doppel cluster`'s (docs/cluster-rules.md), in Spark SQL only (no Python UDF, no
GraphFrames):
1. Candidates: every (band, key) bucket of two or more documents gives all its pairs, or, above
   `--bucket-limit` documents, the star from its first document and the chain of consecutive ones
   (members in id order); the same over the containment banding (4-row bands of the signature
   values' lowest bytes) for pairs of unequal size or short items; and (exact only) the pairs of
   the containment sample: a larger document that holds enough of a short one's 16 smallest
   compact shingles and contains it (ContainmentSample).
2. Verification: `exact` intersects the compact shingle sets (`array_intersect`); `signature`
   counts agreeing signature values and estimates the overlap from the shingle counts, with the
   same arithmetic as `SetOverlap.estimated`. A pair is a version when its Jaccard similarity
   reaches `--threshold`, or (exact only) it is a short item in the grey zone whose aligned share
   (runs of missing shingles along `sequence`) reaches `--aligned-share` without a changed number;
   an excerpt when its containment reaches `--containment` and the smaller document has at least
   `--min-contained` shingles (`ClusterOptions.relation`).
3. Clusters: connected components of the version pairs (the cores), then one excerpt pair per
   core, its best container, unless a document of a third core contains it as fully (and is not
   itself an excerpt of the best container), then connected components again, by minimum-label
   propagation with pointer jumping (each round: a vertex takes the smallest label among itself
   and its neighbours, then the label of its label), until no label changes; lineage is cut
   every round.
4. Each component is a cluster; its representative has the most characters (the smallest id on
   a tie); `contained_in` lists members contained in documents outside it.

With the same options as `doppel sign`/`doppel cluster` and ids in input order, the clusters
equal `doppel cluster`'s. Documented differences can only matter at scale: buckets are keyed
by the full 64-bit band key (doppel cluster keys them by its upper 32 bits, which merges a few
unrelated buckets per band among millions of documents), within a bucket above the limit the star
and chain follow id order (doppel cluster: input order), and doppel cluster's sketch pre-filter
(`CandidateFilter`, a miss rate of 10⁻⁹ per pair) is not applied.
"""

import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T
from pyspark.sql import Window

SCHEMA = T.StructType([
    T.StructField("id", T.StringType(), False),
    T.StructField("chars", T.LongType()),
    T.StructField("shingles", T.LongType()),
    T.StructField("signature", T.ArrayType(T.LongType())),
    T.StructField("bands", T.ArrayType(T.StringType())),
    T.StructField("set", T.ArrayType(T.LongType())),
    T.StructField("sequence", T.ArrayType(T.LongType())),
])

# doppel's default shingling (char5+word3): the gram lengths the aligned share counts runs with.
CHARACTER_GRAM, WORD_GRAM = 5, 3
# ClusterOptions.greyZoneFloor: the lowest Jaccard at which the aligned share is measured.
GREY_ZONE_FLOOR = 0.4
# ClusterOptions.containmentSizeRatio: the largest size ratio of a pair offered for containment.
SIZE_RATIO = 0.8
# ContainmentSample: values sampled per document, the most documents that may sample one value,
# the candidate probability aimed at, and how far above the containment threshold.
SAMPLE_SIZE, POSTING_LIMIT, TARGET_PROBABILITY, DESIGN_MARGIN = 16, 4096, 0.99, 0.1
# ContainmentSample.largestSampled: the largest set sampled (a short document).
LARGEST_SAMPLED = 200


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines written by doppel sign")
    parser.add_argument("--output", required=True, help="folder for the clusters (replaced)")
    parser.add_argument("--verify", choices=["exact", "signature"], default="exact")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--containment", default="0.8", help="a number, or off")
    parser.add_argument("--min-contained", type=int, default=50)
    parser.add_argument("--aligned-share", default="0.85", help="a number, or off")
    parser.add_argument("--short-item", type=int, default=300)
    parser.add_argument("--bucket-limit", type=int, default=32)
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, help="spark.sql.shuffle.partitions")
    args = parser.parse_args(argv)
    args.containment = None if args.containment == "off" else float(args.containment)
    args.aligned_share = None if args.aligned_share == "off" else float(args.aligned_share)
    if args.bucket_limit < 2:
        parser.error("--bucket-limit must be at least 2")
    return args


def candidate_pairs(documents, bucket_limit, args=None):
    """Distinct (a, b) with a < b that share a band key: all pairs of a bucket up to the limit,
    star and chain above it; with `args`, also the pairs of the containment banding
    (BandKeyTable.sketchPairs): bands of 4 rows over the lowest byte of each signature value,
    kept for pairs whose smaller set holds at most 0.8 of the larger (and at least
    --min-contained shingles) or whose larger set is a short item (ClusterEngine
    .needsContainmentBands)."""
    pairs = bucket_pairs(documents.select("id", F.posexplode("bands").alias("band", "key")), bucket_limit)
    if args is None or (args.containment is None and args.aligned_share is None):
        return pairs
    sketch_keys = F.expr("""transform(sequence(0, CAST(size(signature) / 4 AS INT) - 1), i ->
        CAST((signature[4 * i] & 255) + 256 * (signature[4 * i + 1] & 255)
             + 65536 * (signature[4 * i + 2] & 255) + 16777216 * (signature[4 * i + 3] & 255) AS STRING))""")
    keyed = documents.where(F.size("bands") > 0).select("id", F.posexplode(sketch_keys).alias("band", "key"))
    sizes = lambda name: documents.select(F.col("id").alias(name), F.col("shingles").alias("n" + name))
    sketched = bucket_pairs(keyed, bucket_limit).join(sizes("a"), "a").join(sizes("b"), "b")
    smaller, larger = F.least("na", "nb"), F.greatest("na", "nb")
    needed = F.lit(False)
    if args.aligned_share is not None and args.verify == "exact":
        needed = larger <= args.short_item
    if args.containment is not None:
        needed = needed | ((smaller >= args.min_contained)
                           & (smaller.cast("double") <= F.lit(0.8) * larger.cast("double")))
    pairs = pairs.union(sketched.where(needed).select("a", "b"))
    if args.containment is not None and args.verify == "exact":
        sampled = sample_pairs(documents, args)
        if sampled is not None:
            pairs = pairs.union(sampled)
    return pairs.distinct()


def candidate_probability(kept, hits, containment):
    """P(Binomial(kept, containment) >= hits) (ContainmentSample.candidateProbability)."""
    total = 0.0
    for count in range(max(0, hits), kept + 1):
        ways = 1.0
        for i in range(count):
            ways = ways * (kept - i) / (i + 1)
        total += ways * containment ** count * (1 - containment) ** (kept - count)
    return total


def needed_hits(threshold):
    """[hits needed among k kept samples for k = 0 ... SAMPLE_SIZE] (ContainmentSample.neededHits)."""
    design = min(1.0, threshold + DESIGN_MARGIN)
    needed = [0]
    for kept in range(1, SAMPLE_SIZE + 1):
        hits = kept
        while hits > 1 and candidate_probability(kept, hits, design) < TARGET_PROBABILITY:
            hits -= 1
        needed.append(hits)
    return needed


def sample_pairs(documents, args):
    """The pairs of the containment sample (ClusterEngine.containmentPairs): each short document
    (at least --min-contained and at most LARGEST_SAMPLED shingles, at most SIZE_RATIO of the
    largest set) samples its
    SAMPLE_SIZE smallest compact shingles (the first of its ascending set), values sampled by more
    than POSTING_LIMIT documents are dropped; a document at least 1 / SIZE_RATIO times larger is
    its candidate when it holds enough of the kept samples (needed_hits) and the whole smaller
    set counts as contained in it (containment >= --containment)."""
    sized = documents.select("id", "set", F.size("set").alias("n"))
    largest = sized.agg(F.max("n")).first()[0]
    if largest is None:
        return None
    smaller = sized.where((F.col("n") >= args.min_contained) & (F.col("n") <= LARGEST_SAMPLED)
                          & (F.col("n").cast("double") <= F.lit(SIZE_RATIO) * F.lit(float(largest))))
    smallest = smaller.agg(F.min("n")).first()[0]
    if smallest is None:
        return None
    samples = smaller.select(F.col("id").alias("e"), F.col("n").alias("ne"),
                             F.explode(F.slice("set", 1, SAMPLE_SIZE)).alias("v"))
    common = samples.groupBy("v").count().where(F.col("count") > POSTING_LIMIT).select("v")
    samples = samples.join(common, "v", "left_anti")
    kept = samples.groupBy("e").agg(F.count("*").alias("kept"))
    larger = (sized.where(F.floor(F.lit(SIZE_RATIO) * F.col("n").cast("double")) >= smallest)
              .select(F.col("id").alias("s"), F.col("n").alias("ns"), F.explode("set").alias("v")))
    hits = (samples.join(larger, "v")
            .where(F.col("ne") <= F.floor(F.lit(SIZE_RATIO) * F.col("ns").cast("double")))
            .groupBy("e", "s").agg(F.count("*").alias("hits")))
    needed = F.array(*[F.lit(h) for h in needed_hits(args.containment)])
    offered = hits.join(kept, "e").where(F.col("hits") >= F.element_at(needed, F.col("kept").cast("int") + 1))
    sets = lambda name, column: documents.select(F.col("id").alias(name), F.col("set").alias(column))
    contained = (offered.join(sets("e", "se"), "e").join(sets("s", "ss"), "s")
                 .where(F.size(F.array_intersect("se", "ss")).cast("double") / F.size("se").cast("double")
                        >= args.containment))
    return contained.select(F.least("e", "s").alias("a"), F.greatest("e", "s").alias("b"))


def bucket_pairs(entries, bucket_limit):
    """The pairs of the (band, key) buckets of `entries` (id, band, key)."""
    buckets = (entries.groupBy("band", "key")
               .agg(F.array_sort(F.collect_list("id")).alias("m"))
               .where(F.size("m") > 1))
    pairs = F.expr(f"""
        CASE WHEN size(m) <= {bucket_limit}
          THEN flatten(transform(sequence(0, size(m) - 2), i ->
                 transform(sequence(i + 1, size(m) - 1), j -> named_struct('a', m[i], 'b', m[j]))))
          ELSE concat(
                 transform(sequence(1, size(m) - 1), j -> named_struct('a', m[0], 'b', m[j])),
                 transform(sequence(2, size(m) - 1), j -> named_struct('a', m[j - 1], 'b', m[j])))
        END""")
    return buckets.select(F.explode(pairs).alias("p")).select("p.a", "p.b").distinct()


def aligned_side(x, other):
    """SQL for one side's aligned share and its word shingles missing from `other` (AlignedShare):
    `x` a sequence column (character-shingle count, character shingles, word shingles), `other`
    a set column. Runs of missing shingles of length L count as greatest(1, L - gram + 1)."""
    chars = f"slice({x}, 2, {x}[0])"
    words = f"slice({x}, 2 + {x}[0], size({x}) - 1 - {x}[0])"

    def changed(values, gram):
        step = (f"(acc, v) -> IF(array_contains({other}, v), named_struct('run', 0, 'changed', "
                f"acc.changed + IF(acc.run > 0, greatest(1, acc.run - {gram} + 1), 0)), "
                f"named_struct('run', acc.run + 1, 'changed', acc.changed))")
        return (f"aggregate({values}, named_struct('run', 0, 'changed', 0), {step}, "
                f"acc -> acc.changed + IF(acc.run > 0, greatest(1, acc.run - {gram} + 1), 0))")
    units = (f"(IF(size({chars}) > 0, size({chars}) + {CHARACTER_GRAM - 1}, 0)"
             f" + IF(size({words}) > 0, size({words}) + {WORD_GRAM - 1}, 0))")
    share = (f"IF({units} = 0, 0D, greatest(0D, 1D - CAST({changed(chars, CHARACTER_GRAM)} + "
             f"{changed(words, WORD_GRAM)} AS DOUBLE) / CAST({units} AS DOUBLE)))")
    missing_words = f"size(filter({words}, v -> NOT array_contains({other}, v)))"
    return F.expr(share), F.expr(missing_words), F.expr(f"size({chars}) > 0")


def verified_pairs(documents, pairs, args):
    """The candidate pairs that pass verification, with their Jaccard similarity, containment and
    relation (ClusterOptions.relation): `version` when Jaccard reaches --threshold or, for short
    items in the grey zone, the aligned share of both sides reaches --aligned-share without a
    changed fact; `excerpt` when the smaller set counts as contained in the larger."""
    values = "set" if args.verify == "exact" else "signature"
    side = lambda name: documents.select(F.col("id").alias(name),
                                         F.col("shingles").alias("n" + name),
                                         F.col(values).alias("v" + name),
                                         F.col("sequence").alias("q" + name))
    joined = pairs.join(side("a"), "a").join(side("b"), "b")
    na, nb = F.col("na"), F.col("nb")
    smaller = F.least(na, nb)
    if args.verify == "exact":
        na, nb = F.size("va").cast("long"), F.size("vb").cast("long")
        smaller = F.least(na, nb)
        common = F.size(F.array_intersect("va", "vb")).cast("long")
        union = na + nb - common
        jaccard = F.when(union == 0, F.lit(0.0)).otherwise(common.cast("double") / union.cast("double"))
    else:
        agreeing = F.expr("aggregate(zip_with(va, vb, (x, y) -> IF(x = y, 1, 0)), 0, (s, v) -> s + v)")
        jaccard = (F.when((F.size("va") == 0) | (F.size("vb") == 0), F.lit(0.0))
                   .otherwise(agreeing.cast("double") / F.size("va").cast("double")))
        # SetOverlap.estimated: J·(|A| + |B|) / (1 + J), rounded half away from zero, clamped.
        raw = F.col("jaccard") * (na + nb).cast("double") / (F.lit(1.0) + F.col("jaccard"))
        rounded = F.floor(raw) + F.when(raw - F.floor(raw) >= 0.5, 1).otherwise(0)
        common = F.least(smaller, F.greatest(F.lit(0).cast("long"), rounded.cast("long")))
    joined = joined.withColumn("jaccard", jaccard)
    containment = F.when(smaller == 0, F.lit(0.0)).otherwise(common.cast("double") / smaller.cast("double"))
    joined = joined.withColumn("containment", containment).withColumn("smaller", smaller)
    version = F.col("jaccard") >= args.threshold
    if args.verify == "exact" and args.aligned_share is not None:
        grey = ((F.greatest(na, nb) <= args.short_item) & (F.col("jaccard") >= GREY_ZONE_FLOOR)
                & (F.col("jaccard") < args.threshold) & F.col("qa").isNotNull() & F.col("qb").isNotNull())
        share_a, missing_a, ideographic_a = aligned_side("qa", "vb")
        share_b, missing_b, ideographic_b = aligned_side("qb", "va")
        facts_differ = ideographic_a & ideographic_b & ((missing_a + missing_b) > 0)
        aligned = F.when(grey, F.least(share_a, share_b))
        joined = joined.withColumn("aligned", aligned).withColumn(
            "facts_differ", F.when(grey, facts_differ))
        version = version | (F.col("aligned").isNotNull() & (F.col("aligned") >= args.aligned_share)
                             & ~F.col("facts_differ"))
    contained = F.lit(False)
    if args.containment is not None:
        contained = (F.col("smaller") >= args.min_contained) & (F.col("containment") >= args.containment)
    relation = F.when(version, F.lit("version")).when(contained, F.lit("excerpt"))
    return (joined.withColumn("relation", relation).where(F.col("relation").isNotNull())
            .select("a", "b", "na", "nb", "jaccard", "containment", "relation"))


def joined_pairs(verified):
    """The pairs that join clusters (ClusterEngine.clusters): every version pair, and for each
    core (a connected component of the version pairs) whose members are contained in documents
    of other cores, one excerpt pair, its best container: highest containment, then the largest
    container, then the earliest pair; none when a document of a third core contains it as
    fully and is not itself an excerpt of the best container. The contained side is the smaller
    set, the later id on a tie (ids are in input order)."""
    versions = verified.where(F.col("relation") == "version").select("a", "b")
    excerpts = verified.where(F.col("relation") == "excerpt")
    inner_is_a = F.col("na") < F.col("nb")
    excerpts = excerpts.select(
        "a", "b", "containment",
        F.when(inner_is_a, F.col("a")).otherwise(F.col("b")).alias("inner"),
        F.when(inner_is_a, F.col("b")).otherwise(F.col("a")).alias("outer"),
        F.when(inner_is_a, F.col("nb")).otherwise(F.col("na")).alias("outer_size"))
    cores = connected_components(versions)
    core = lambda column, name: (cores.select(F.col("v").alias(column), F.col("label").alias(name)))
    excerpts = (excerpts.join(core("inner", "inner_core"), "inner", "left")
                .join(core("outer", "outer_core"), "outer", "left")
                .withColumn("inner_core", F.coalesce("inner_core", "inner"))
                .withColumn("outer_core", F.coalesce("outer_core", "outer"))
                .where(F.col("inner_core") != F.col("outer_core")))
    ranked = F.row_number().over(Window.partitionBy("inner_core").orderBy(
        F.col("containment").desc(), F.col("outer_size").desc(), F.col("a"), F.col("b")))
    best = excerpts.withColumn("rank", ranked).where(F.col("rank") == 1).select(
        "a", "b", "inner_core", F.col("outer").alias("best_outer"),
        F.col("outer_core").alias("best_core"), F.col("containment").alias("best_containment"))
    # A core attaches only when no document of a third core contains it as fully, unless that
    # document is itself an excerpt of the best container (a teaser cut from a cut version).
    nested = excerpts.select(F.col("inner").alias("outer"), F.col("outer").alias("best_outer"))
    rivalled = (excerpts.select("inner_core", "outer", "outer_core", "containment")
                .join(best.select("inner_core", "best_outer", "best_core", "best_containment"),
                      "inner_core")
                .where((F.col("containment") >= F.col("best_containment"))
                       & (F.col("outer_core") != F.col("best_core")))
                .join(nested, ["outer", "best_outer"], "left_anti")
                .select("inner_core").distinct())
    best = best.join(rivalled, "inner_core", "left_anti").select("a", "b")
    return versions.union(best), excerpts.select("inner", "outer")


def connected_components(edges):
    """(v, label) for every vertex of `edges`: label = the smallest id of its component."""
    both = (edges.select(F.col("a").alias("src"), F.col("b").alias("dst"))
            .union(edges.select(F.col("b").alias("src"), F.col("a").alias("dst")))).cache()
    labels = both.select(F.col("src").alias("v")).distinct().withColumn("label", F.col("v"))
    labels = labels.localCheckpoint()
    while True:
        offered = (both.join(labels, both.src == labels.v)
                   .groupBy("dst").agg(F.min("label").alias("offer")))
        step = (labels.join(offered, labels.v == offered.dst, "left")
                .select("v", F.least("label", F.coalesce("offer", "label")).alias("label")))
        target = step.select(F.col("v").alias("t"), F.col("label").alias("jump"))
        jumped = (step.join(target, step.label == target.t)
                  .select("v", "jump").withColumnRenamed("jump", "label")).localCheckpoint()
        previous = labels.select("v", F.col("label").alias("before"))
        changed = jumped.join(previous, "v").where(F.col("label") != F.col("before")).count()
        labels = jumped
        if changed == 0:
            return labels


def clusters(documents, labels, excerpts):
    """One row per cluster, with `contained_in`: its members also contained in documents outside
    it, and those containers."""
    members = labels.join(documents.select(F.col("id").alias("v"), "chars"), "v")
    fullest = F.sort_array(F.collect_list(F.struct((-F.col("chars")).alias("order"), F.col("v").alias("id"))))
    label = lambda column, name: labels.select(F.col("v").alias(column), F.col("label").alias(name))
    outside = (excerpts.join(label("inner", "cluster"), "inner")
               .join(label("outer", "outer_cluster"), "outer", "left")
               .where(F.col("outer_cluster").isNull() | (F.col("outer_cluster") != F.col("cluster")))
               .groupBy("cluster", "inner").agg(F.array_sort(F.collect_list("outer")).alias("containers"))
               .groupBy("cluster").agg(F.array_sort(F.collect_list(
                   F.struct(F.col("inner").alias("id"), "containers"))).alias("contained_in")))
    grouped = (members.groupBy("label")
               .agg(F.array_sort(F.collect_list("v")).alias("members"), fullest[0]["id"].alias("representative")))
    return (grouped.join(outside, grouped.label == outside.cluster, "left")
            .select("representative", "members", F.size("members").alias("size"),
                    F.coalesce("contained_in", F.array()).alias("contained_in"))
            .orderBy(F.col("members")[0]))


def main(argv=None):
    args = parse_arguments(argv)
    builder = SparkSession.builder.appName("doppel-cluster-signatures")
    if args.master:
        builder = builder.master(args.master)
    if args.partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(args.partitions))
    spark = builder.getOrCreate()
    try:
        documents = spark.read.schema(SCHEMA).json(args.inputs)
        if args.verify == "exact" and documents.where(F.col("set").isNull()).limit(1).count() > 0:
            raise SystemExit("cluster_signatures.py: --verify exact needs shingle sets: run doppel sign --shingles")
        documents = documents.cache()
        verified = verified_pairs(documents, candidate_pairs(documents, args.bucket_limit, args), args).localCheckpoint()
        edges, excerpts = joined_pairs(verified)
        labels = connected_components(edges)
        clusters(documents, labels, excerpts).write.mode("overwrite").json(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
