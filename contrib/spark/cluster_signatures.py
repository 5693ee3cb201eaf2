"""Clusters the JSON Lines that `doppel sign` writes, on Spark: the reduce step of `doppel cluster`
for archives larger than one machine.

    python cluster_signatures.py SIGNED.jsonl... --output DIR [--verify exact|signature]
        [--threshold 0.8] [--containment 0.8|off] [--min-contained 50] [--bucket-limit 32]
        [--master local[*]] [--partitions N]

Input: one line per document, `{"id", "chars", "shingles", "signature", "bands"[, "set"]}`
(`doppel sign`, with `--shingles` for exact verification). Output: DIR holds JSON Lines part
files, one cluster a line, `{"representative": id, "members": [id, ...], "size": n}`, members
ascending; documents in no cluster are not listed.

The steps are `doppel cluster`'s, in Spark SQL only (no Python UDF, no GraphFrames):
1. Candidates: every (band, key) bucket of two or more documents gives all its pairs, or, above
   `--bucket-limit` documents, the star from its first document and the chain of consecutive ones
   (members in id order).
2. Verification: `exact` intersects the compact shingle sets (`array_intersect`); `signature`
   counts agreeing signature values and estimates the overlap from the shingle counts, with the
   same arithmetic as `SetOverlap.estimated`. A pair is kept when its Jaccard similarity reaches
   `--threshold`, or its containment reaches `--containment` and the smaller document has at
   least `--min-contained` shingles (`ClusterOptions.accepts`).
3. Connected components of the kept pairs by minimum-label propagation with pointer jumping
   (each round: a vertex takes the smallest label among itself and its neighbours, then the
   label of its label), until no label changes; lineage is cut every round.
4. Each component is a cluster; its representative has the most characters (the smallest id on
   a tie).

With the same options as `doppel sign`/`doppel cluster` and ids in input order, the clusters
equal `doppel cluster`'s. Two documented differences can only matter at scale: buckets are keyed
by the full 64-bit band key (doppel cluster keys them by its upper 32 bits, which merges a few
unrelated buckets per band among millions of documents), and within a bucket above the limit
the star and chain follow id order (doppel cluster: input order).
"""

import argparse

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

SCHEMA = T.StructType([
    T.StructField("id", T.StringType(), False),
    T.StructField("chars", T.LongType()),
    T.StructField("shingles", T.LongType()),
    T.StructField("signature", T.ArrayType(T.LongType())),
    T.StructField("bands", T.ArrayType(T.StringType())),
    T.StructField("set", T.ArrayType(T.LongType())),
])


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSON Lines written by doppel sign")
    parser.add_argument("--output", required=True, help="folder for the clusters (replaced)")
    parser.add_argument("--verify", choices=["exact", "signature"], default="exact")
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--containment", default="0.8", help="a number, or off")
    parser.add_argument("--min-contained", type=int, default=50)
    parser.add_argument("--bucket-limit", type=int, default=32)
    parser.add_argument("--master", help="Spark master (default: spark-submit's, else local[*])")
    parser.add_argument("--partitions", type=int, help="spark.sql.shuffle.partitions")
    args = parser.parse_args(argv)
    args.containment = None if args.containment == "off" else float(args.containment)
    if args.bucket_limit < 2:
        parser.error("--bucket-limit must be at least 2")
    return args


def candidate_pairs(documents, bucket_limit):
    """Distinct (a, b) with a < b that share a band key: all pairs of a bucket up to the limit,
    star and chain above it."""
    entries = documents.select("id", F.posexplode("bands").alias("band", "key"))
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


def verified_pairs(documents, pairs, args):
    """The candidate pairs that pass verification, with their Jaccard similarity and containment."""
    values = "set" if args.verify == "exact" else "signature"
    side = lambda name: documents.select(F.col("id").alias(name),
                                         F.col("shingles").alias("n" + name),
                                         F.col(values).alias("v" + name))
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
    accepted = F.col("jaccard") >= args.threshold
    if args.containment is not None:
        accepted = accepted | ((F.col("smaller") >= args.min_contained)
                               & (F.col("containment") >= args.containment))
    return joined.where(accepted).select("a", "b", "jaccard", "containment")


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


def clusters(documents, labels):
    members = labels.join(documents.select(F.col("id").alias("v"), "chars"), "v")
    fullest = F.sort_array(F.collect_list(F.struct((-F.col("chars")).alias("order"), F.col("v").alias("id"))))
    return (members.groupBy("label")
            .agg(F.array_sort(F.collect_list("v")).alias("members"), fullest[0]["id"].alias("representative"))
            .select("representative", "members", F.size("members").alias("size"))
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
        edges = verified_pairs(documents, candidate_pairs(documents, args.bucket_limit), args).select("a", "b")
        clusters(documents, connected_components(edges)).write.mode("overwrite").json(args.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
