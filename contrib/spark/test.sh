#!/usr/bin/env bash
# make spark-test: installs pyspark into contrib/spark/.venv (once), generates a seeded corpus,
# signs it shard by shard with doppel sign, clusters the signatures with cluster_signatures.py
# in Spark local mode, and checks the clusters equal doppel cluster's, for both verifications.
# Needs Java 17+ and python3 with venv. DOPPEL overrides the executable (default: debug build).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=contrib/spark
doppel=${DOPPEL:-.build/debug/doppel}
if [ ! -x "$doppel" ]; then swift build --product doppel; fi
venv=$here/.venv
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5,<5"
fi
python=$venv/bin/python
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" $here/make_corpus.py "$work"
mkdir "$work/signed"
for shard in "$work"/shard-*.jsonl; do
  "$doppel" sign --shingles --jsonl "$shard" -o "$work/signed/$(basename "$shard")"
done
status=0
for verify in exact signature; do
  "$doppel" cluster --jsonl "$work/corpus.jsonl" --verify $verify --format json -o "$work/doppel-$verify.json" \
    || [ $? -eq 1 ]
  "$python" $here/cluster_signatures.py "$work"/signed/*.jsonl --output "$work/spark-$verify" \
    --verify $verify --master "local[2]" --partitions 4 2> "$work/spark-$verify.log" \
    || { cat "$work/spark-$verify.log" >&2; exit 1; }
  "$python" $here/check_clusters.py "spark-$verify" "$work/doppel-$verify.json" "$work/spark-$verify" || status=1
done
exit $status
