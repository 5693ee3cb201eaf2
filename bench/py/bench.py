"""The benchmark driver that bench/run starts: runs every benchmark, prints the results table and
writes bench/out/results.md (and results.json).

Settings come from the environment (bench/run documents them):
  BENCH_RUNS             runs per figure, the median is reported (default 5)
  BENCH_TIMEOUT          seconds before one diff run is killed (default 120)
  BENCH_CLUSTER_TIMEOUT  seconds before one cluster run is killed (default 1800)
  BENCH_LARGE            1: also the 1M-document corpus (doppel; the peers extrapolated from 100k)
  BENCH_LARGE_PEERS      1: with BENCH_LARGE, run the peers on the 1M corpus too
  BENCH_ONLY             comma-separated sections to run: diff, inproc, pages, cluster (default all)
  BENCH_CORPORA          comma-separated corpora to cluster: 10k, 100k, 1M (default all built)
  BENCH_PEERS            comma-separated cluster peers to run: datasketch, rensa (default both)
  BENCH_CLUSTER_ARGS     extra arguments for doppel cluster (split like a shell would)

Every process is timed from start to exit and its peak resident memory read from its own
rusage (common.run_measured). A run killed at the timeout ends that series: the figure is
reported as "> timeout" and the remaining runs are skipped.
"""

import importlib.util
import json
import os
import platform
import re
import shlex
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import accuracy
import groups  # noqa: E402
import common  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "120"))
CLUSTER_TIMEOUT = float(os.environ.get("BENCH_CLUSTER_TIMEOUT", "1800"))
LARGE = os.environ.get("BENCH_LARGE") == "1"
LARGE_PEERS = os.environ.get("BENCH_LARGE_PEERS") == "1"
ONLY = set(filter(None, os.environ.get("BENCH_ONLY", "diff,inproc,pages,cluster").split(",")))
CORPORA = set(filter(None, os.environ.get("BENCH_CORPORA", "").split(",")))
PEERS = set(filter(None, os.environ.get("BENCH_PEERS", "datasketch,rensa").split(",")))
PY = sys.executable
HERE = Path(__file__).resolve().parent
SAMPLE_A = common.SAMPLES / "000_d0a0d55efd38cf19.txt"
SAMPLE_B = common.SAMPLES / "001_bf998fbe8d636d66.txt"
PURE_DMP_LIMIT = 60.0
# doppel cluster's defaults (`--containment 0.8`, ClusterOptions.minimumContainedShingles 50):
# the criterion its precision is judged by, besides Jaccard alone.
DOPPEL_CONTAINMENT = 0.8
DOPPEL_MIN_CONTAINED = 50

notes = []          # things a reader of the results must know (skips, time-outs, mismatches)


def say(line=""):
    print(line, flush=True)


def series(cmd, runs=RUNS, timeout=TIMEOUT, ok=(0,), stdout_path=None, parse=None):
    """Runs `cmd` up to `runs` times. Returns a dict with the wall times, peak RSS values, the
    parsed stdout of each run (when `parse` is given) and `timed_out`/`failed` flags."""
    result = {"walls": [], "rss": [], "parsed": [], "timed_out": False, "failed": None}
    for _ in range(runs):
        path = stdout_path or (common.OUT / "last-stdout.txt")
        with open(path, "wb") as out:
            wall, rss, status = common.run_measured(cmd, timeout=timeout, stdout=out)
        if status is None:
            result["timed_out"] = True
            break
        if status not in ok:
            result["failed"] = f"exit status {status}"
            break
        result["walls"].append(wall)
        result["rss"].append(rss)
        if parse:
            result["parsed"].append(parse(Path(path).read_text(encoding="utf-8")))
    return result


def med(values):
    return common.median(values) if values else None


def fmt_time(seconds, timed_out=False, limit=None):
    if seconds is None:
        return f"> {limit:.0f} s" if timed_out else "—"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_mib(rss):
    return "—" if not rss else f"{rss / 2**20:.0f} MiB"


def has_module(name):
    return importlib.util.find_spec(name) is not None


def one_json_line(text):
    return json.loads(text.strip().splitlines()[-1])


# ------------------------------------------------------------------------------------------------
# Diff
# ------------------------------------------------------------------------------------------------

def diff_inputs():
    pairs = [("a. samples pair", SAMPLE_A, SAMPLE_B)]
    labels = {"b-1mb-1pct": "b. 1 MB, 1% edits", "c-10mb-0.1pct": "c. 10 MB, 0.1% edits",
              "d-unrelated-1mb": "d. unrelated 1 MB", "e-aaaa-aaab-1mb": "e. aaaa… vs aaab… 1 MB"}
    for stem, label in labels.items():
        pairs.append((label, common.OUT / "diff" / f"{stem}.a.txt",
                      common.OUT / "diff" / f"{stem}.b.txt"))
    return pairs


def bench_diff():
    rows = []
    say("diff: process start-up (doppel --version) …")
    s = series([str(common.DOPPEL), "--version"])
    startup = {"input": "start-up only (`doppel --version`)", "bytes": 0,
               "doppel_s": med(s["walls"]), "doppel_rss": max(s["rss"], default=None),
               "doppel_runs": len(s["walls"]), "doppel_timed_out": False, "doppel_failed": None}
    fast = has_module("fast_diff_match_patch")
    pure = has_module("diff_match_patch")
    if not fast:
        notes.append("fast-diff-match-patch is not installed: the C++ peer was skipped.")
    for label, a, b in diff_inputs():
        size = a.stat().st_size + b.stat().st_size
        say(f"diff {label}: doppel …")
        # Exit status 1 means "differences found"; 2 is trouble.
        d = series([str(common.DOPPEL), "diff", str(a), str(b), "--format", "json"], ok=(0, 1))
        row = {"input": label, "bytes": size, "doppel_s": med(d["walls"]),
               "doppel_rss": max(d["rss"], default=None), "doppel_runs": len(d["walls"]),
               "doppel_timed_out": d["timed_out"], "doppel_failed": d["failed"]}
        if d["failed"]:
            notes.append(f"doppel diff failed on {label}: {d['failed']}.")
        # The same comparison in process (DoppelBench --stages: files already read, no report),
        # what the peer's figure measures too.
        if common.DOPPEL_BENCH.exists():
            stages = common.OUT / "doppelbench-stages.jsonl"
            with open(stages, "wb") as out:
                _, _, status = common.run_measured(
                    [str(common.DOPPEL_BENCH), "--stages", str(a), str(b), "--runs", str(RUNS)],
                    timeout=TIMEOUT, stdout=out)
            if status == 0:
                line = json.loads(stages.read_text().splitlines()[-1])
                row.update(inproc_s=line["compare_s"], stages=line)
        if fast:
            say(f"diff {label}: fast_diff_match_patch …")
            p = series([PY, str(HERE / "peer_diff.py"), "fast", str(a), str(b)], parse=one_json_line)
            row.update(fdmp_s=med([x["seconds"] for x in p["parsed"]]),
                       fdmp_rss=max(p["rss"], default=None), fdmp_runs=len(p["parsed"]),
                       fdmp_timed_out=p["timed_out"])
            if p["timed_out"]:
                notes.append(f"fast_diff_match_patch on {label} was killed after {TIMEOUT:.0f} s "
                             f"(no time limit, so it computes the complete minimal diff).")
        if label.startswith("a.") and pure:
            say(f"diff {label}: diff_match_patch (pure Python) …")
            p = series([PY, str(HERE / "peer_diff.py"), "pure", str(a), str(b)],
                       timeout=PURE_DMP_LIMIT, parse=one_json_line)
            row.update(pure_s=med([x["seconds"] for x in p["parsed"]]),
                       pure_runs=len(p["parsed"]), pure_timed_out=p["timed_out"])
            if p["timed_out"]:
                notes.append(f"pure-Python diff_match_patch on the samples pair: skipped, a run "
                             f"took over {PURE_DMP_LIMIT:.0f} s.")
        rows.append(row)
        say(f"   doppel {fmt_time(row['doppel_s'], row['doppel_timed_out'], TIMEOUT)}, "
            f"fdmp {fmt_time(row.get('fdmp_s'), row.get('fdmp_timed_out'), TIMEOUT)}")
    rows.append(startup)
    return rows


# ------------------------------------------------------------------------------------------------
# In-process (DoppelBench)
# ------------------------------------------------------------------------------------------------

def bench_inproc():
    say("in-process: DoppelBench (normaliser on 100 MB, samples-pair comparison x 20) …")
    path = common.OUT / "doppelbench.jsonl"
    with open(path, "wb") as out:
        wall, rss, status = common.run_measured(
            [str(common.DOPPEL_BENCH), "--samples", str(common.SAMPLES), "--runs", str(RUNS),
             "--compare-runs", "20"], stdout=out)
    if status != 0:
        notes.append(f"DoppelBench failed (exit status {status}).")
        return []
    lines = [json.loads(x) for x in path.read_text().splitlines() if x.startswith("{")]
    for line in lines:
        line["process_rss"] = rss
    return lines


def bench_pages():
    """Recall and precision per class of doppel diff on the generated web/print page pairs."""
    say("pages: DoppelBench --pages (generated web/print page pairs scored against their truth) …")
    done = subprocess.run([str(common.DOPPEL_BENCH), "--pages", "--samples", str(common.SAMPLES)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        notes.append(f"DoppelBench --pages failed (exit status {done.returncode}).")
        return []
    return [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]


# ------------------------------------------------------------------------------------------------
# Cluster
# ------------------------------------------------------------------------------------------------

def cluster_help():
    """`doppel cluster --help`, or None when the subcommand does not exist yet."""
    proc = subprocess.run([str(common.DOPPEL), "cluster", "--help"], capture_output=True, text=True)
    if proc.returncode != 0 or "Unknown subcommand" in proc.stderr + proc.stdout:
        return None
    return proc.stdout


def doppel_cluster_command(help_text, corpus):
    """The command line for one corpus, built from what --help offers."""
    cmd = [str(common.DOPPEL), "cluster"]
    cmd += ["--jsonl", str(corpus)] if "--jsonl" in help_text else [str(corpus)]
    if "--format" in help_text:
        cmd += ["--format", "json"]
    if "--threshold" in help_text:
        cmd += ["--threshold", "0.8"]
    cmd += shlex.split(os.environ.get("BENCH_CLUSTER_ARGS", ""))
    return cmd


def parse_doppel_clusters(text, ids_by_line):
    """(verified pairs, clusters) as id lists from doppel cluster's JSON report.

    Reads the shape of ClusterResult: `documents` (ids by position), `clusters` each with
    `members` and the `pairs` ({a, b, ...}) that joined them; positions or ids are accepted."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:                     # JSON Lines: one cluster per line
        data = {"clusters": [json.loads(x) for x in text.splitlines() if x.strip()]}
    documents = data.get("documents") if isinstance(data, dict) else None
    by_position = ([d["id"] if isinstance(d, dict) else d for d in documents]
                   if documents else ids_by_line)

    def to_id(x):
        if isinstance(x, bool):
            raise ValueError(x)
        if isinstance(x, int):
            return by_position[x]
        if isinstance(x, dict):
            return to_id(x["id"] if "id" in x else x.get("index", x.get("position")))
        return str(x)

    clusters, pairs = [], []
    raw_clusters = data.get("clusters", data.get("groups", [])) if isinstance(data, dict) else data
    for c in raw_clusters:
        members = c.get("members", c.get("documents", [])) if isinstance(c, dict) else c
        clusters.append([to_id(m) for m in members])
        for p in (c.get("pairs", []) if isinstance(c, dict) else []):
            a, b = (p["a"], p["b"]) if isinstance(p, dict) else p[:2]
            pairs.append((to_id(a), to_id(b)))
    for p in (data.get("pairs", []) if isinstance(data, dict) else []):
        a, b = (p["a"], p["b"]) if isinstance(p, dict) else p[:2]
        pairs.append((to_id(a), to_id(b)))
    return pairs, clusters


def corpus_ids(corpus):
    with open(corpus, encoding="utf-8") as f:
        return [json.loads(line)["id"] for line in f]


def bench_cluster():
    help_text = cluster_help()
    corpora = [("10k", common.OUT / "cluster" / "corpus-10k.jsonl"),
               ("100k", common.OUT / "cluster" / "corpus-100k.jsonl")]
    if LARGE:
        corpora.append(("1M", common.OUT / "cluster" / "corpus-1m.jsonl"))
    corpora = [c for c in corpora if c[0] in CORPORA or not CORPORA]
    if help_text is None:
        say("cluster: not built yet")
        notes.append("cluster: not built yet (`doppel cluster` does not exist in this build); "
                     "only the peers were measured.")
    else:
        shingle_lines = [x.strip() for x in help_text.splitlines()
                         if re.search(r"gram", x, re.I)]
        if shingle_lines:
            notes.append("doppel cluster --help on shingling: " + " / ".join(shingle_lines))
    peers = [p for p in ("datasketch", "rensa") if p in PEERS and has_module(p)]
    for p in ("datasketch", "rensa"):
        if p not in PEERS:
            notes.append(f"{p} was not asked for (BENCH_PEERS): that peer was skipped.")
        elif p not in peers:
            notes.append(f"{p} is not installed: that peer was skipped.")
    rows = []
    for name, corpus in corpora:
        docs = sum(1 for _ in open(corpus, "rb"))
        size = corpus.stat().st_size
        say(f"cluster {name}: exact Jaccard of a 2,000-document sample (cached) …")
        truth = accuracy.truth(corpus)
        row = {"corpus": name, "docs": docs, "bytes": size, "peers": {}}
        if help_text is not None:
            say(f"cluster {name}: doppel …")
            out = common.OUT / f"doppel-cluster-{name}.json"
            d = series(doppel_cluster_command(help_text, corpus), timeout=CLUSTER_TIMEOUT,
                       ok=(0, 1), stdout_path=out)
            row.update(doppel_s=med(d["walls"]), doppel_rss=max(d["rss"], default=None),
                       doppel_runs=len(d["walls"]), doppel_timed_out=d["timed_out"],
                       doppel_failed=d["failed"])
            if d["failed"]:
                notes.append(f"doppel cluster failed on {name}: {d['failed']}.")
            elif truth and d["walls"]:
                try:
                    pairs, clusters = parse_doppel_clusters(out.read_text(encoding="utf-8"),
                                                            corpus_ids(corpus))
                    if not pairs:
                        # No verified pairs in the report: judge every pair that shares a
                        # cluster instead (stricter: a chain A~B~C also counts A-C).
                        pairs = [(c[x], c[y]) for c in clusters for x in range(len(c))
                                 for y in range(x + 1, len(c))]
                        notes.append(f"doppel cluster's report on {name} lists no pairs: "
                                     f"precision is over all pairs that share a cluster.")
                    row["doppel_accuracy"] = accuracy.score(
                        truth, pairs, clusters, containment=DOPPEL_CONTAINMENT,
                        min_contained=DOPPEL_MIN_CONTAINED)
                except (ValueError, KeyError, IndexError, TypeError, AttributeError) as error:
                    notes.append(f"doppel cluster's JSON on {name} could not be read for the "
                                 f"accuracy check ({type(error).__name__}: {error}).")
                if "--containment" in help_text:
                    # Containment (on by default) joins a document to one that holds 80% of
                    # its shingles whatever their Jaccard; one more run without it shows the
                    # accuracy against Jaccard alone.
                    say(f"cluster {name}: doppel --containment off (accuracy only, one run) …")
                    off = common.OUT / f"doppel-cluster-{name}-nocontainment.json"
                    o = series(doppel_cluster_command(help_text, corpus) + ["--containment", "off"],
                               runs=1, timeout=CLUSTER_TIMEOUT, ok=(0, 1), stdout_path=off)
                    if o["walls"]:
                        pairs, clusters = parse_doppel_clusters(off.read_text(encoding="utf-8"),
                                                                corpus_ids(corpus))
                        row["doppel_nocontainment_accuracy"] = accuracy.score(truth, pairs,
                                                                              clusters)
        if name == "1M" and not LARGE_PEERS:
            # The peers take about 10 s (rensa) and 15 s (datasketch) of one core per 10,000
            # documents: an estimate from the 100k run, labelled as such, unless asked for.
            measured = next((r for r in rows if r["corpus"] == "100k"), None)
            for peer, p in (measured or {}).get("peers", {}).items():
                if p.get("wall_s"):
                    scale = docs / measured["docs"]
                    row["peers"][peer] = {
                        "runs": 0, "timed_out": False, "rss": None, "extrapolated": True,
                        "wall_s": p["wall_s"] * scale, "banding": p.get("banding", "?"),
                        "library_s": p["library_s"] * scale if p.get("library_s") else None}
            notes.append("1M: the peers' times are extrapolated linearly from their 100k run "
                         "(marked ≈; measured with BENCH_LARGE_PEERS=1, 10-15 minutes each).")
            rows.append(row)
            continue
        for peer in peers:
            say(f"cluster {name}: {peer} …")
            pairs_out = common.OUT / f"{peer}-pairs-{name}.json"
            p = series([PY, str(HERE / "peer_cluster.py"), peer, str(corpus), str(pairs_out)],
                       timeout=CLUSTER_TIMEOUT, parse=one_json_line)
            entry = {"runs": len(p["parsed"]), "timed_out": p["timed_out"],
                     "rss": max(p["rss"], default=None), "wall_s": med(p["walls"])}
            if p["parsed"]:
                last = p["parsed"][-1]
                entry.update(banding=f"{last['bands']}x{last['rows']}",
                             library_s=med([x["sketch_s"] + x["lsh_s"] for x in p["parsed"]]),
                             shingle_s=med([x["shingle_s"] for x in p["parsed"]]))
                if truth:
                    found = [tuple(x) for x in json.loads(pairs_out.read_text(encoding="utf-8"))]
                    entry["accuracy"] = accuracy.score(truth, found,
                                                       accuracy.clusters_of_pairs(found))
            row["peers"][peer] = entry
        rows.append(row)
    return rows


def bench_groups():
    """doppel cluster (defaults) on the corpora with true groups (py/groups.py), one run each,
    timed, and its pair precision, recall and F1 against the groups."""
    rows = []
    for name in ("versions", "excerpts"):
        corpus = common.OUT / "cluster" / f"{name}.jsonl"
        if not corpus.exists():
            continue
        say(f"cluster {name}: doppel (groups) …")
        out = common.OUT / f"doppel-cluster-{name}.json"
        d = series([str(common.DOPPEL), "cluster", "--jsonl", str(corpus), "--format", "json"],
                   runs=1, timeout=CLUSTER_TIMEOUT, ok=(0, 1), stdout_path=out)
        if d["failed"] or not d["walls"]:
            notes.append(f"doppel cluster failed on {name}: {d['failed']}.")
            continue
        row = {"corpus": name, "wall_s": d["walls"][0]}
        row.update(groups.score(corpus, out))
        rows.append(row)
    return rows


# ------------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------------

def machine():
    model = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = subprocess.run([str(common.DOPPEL), "--version"], capture_output=True,
                             text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", str(common.REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    versions = {}
    for pkg in ("fast-diff-match-patch", "diff-match-patch", "datasketch", "rensa"):
        try:
            from importlib.metadata import version as pkg_version
            versions[pkg] = pkg_version(pkg)
        except Exception:  # noqa: BLE001 - not installed
            versions[pkg] = "not installed"
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    return {"cores": os.cpu_count(), "load_at_start": " ".join(load), "nproc": subprocess.run(["nproc"], capture_output=True,
                                                              text=True).stdout.strip(),
            "cpu": model, "python": platform.python_version(), "doppel": version,
            "commit": commit, "runs": RUNS, "packages": versions}


def ratio(numerator, denominator):
    """numerator / denominator as "N.Nx", or a dash when either is missing."""
    if not numerator or not denominator:
        return "—"
    return f"{numerator / denominator:.1f}x"


def fmt_rate(value, spec):
    return "—" if not value else format(value, spec)


def render(results):
    m = results["machine"]
    out = ["# doppel benchmark results", "",
           f"Machine: {m['nproc']} cores ({m['cpu']}), Python {m['python']}; {m['doppel']} at "
           f"{m['commit']}. Every figure is the median of {m['runs']} runs unless noted. "
           f"Load average when the run began: {m['load_at_start']}.", "",
           "Peers: " + ", ".join(f"{k} {v}" for k, v in m["packages"].items()), ""]

    if results.get("diff"):
        out += ["## Diff", "",
                "doppel: whole process `doppel diff A B --format json > /dev/null` (start-up, "
                "reading and decoding both files, the JSON report and exit included). doppel "
                "in-process: `Comparer.compare(a, b)` on texts already read (normalising, aligning "
                "and diffing; DoppelBench --stages), which is what the peer's figure measures. "
                "fast-dmp: only the `fast_diff_match_patch.diff(a, b, timelimit=0)` call. "
                "Speed-up = fast-dmp time / doppel time (above 1: doppel is faster).", "",
                "| input | size (A+B) | doppel | doppel peak RSS | doppel in-process | fast-dmp (C++) "
                "| fast-dmp peak RSS | speed-up, whole process | speed-up, in-process |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in results["diff"]:
            fd = r.get("fdmp_s")
            if fd is None and r.get("fdmp_timed_out") and r["doppel_s"]:
                speed = f"> {TIMEOUT / r['doppel_s']:.0f}x"
            else:
                speed = ratio(fd, r["doppel_s"])
            inproc = r.get("inproc_s")
            if fd is None and r.get("fdmp_timed_out") and inproc:
                speed_inproc = f"> {TIMEOUT / inproc:.0f}x"
            else:
                speed_inproc = ratio(fd, inproc)
            out.append(f"| {r['input']} | {r['bytes'] / 1e6:.2f} MB | "
                       f"{fmt_time(r['doppel_s'], r['doppel_timed_out'], TIMEOUT)} | "
                       f"{fmt_mib(r['doppel_rss'])} | {fmt_time(inproc)} | "
                       f"{fmt_time(fd, r.get('fdmp_timed_out'), TIMEOUT)} | "
                       f"{fmt_mib(r.get('fdmp_rss'))} | {speed} | {speed_inproc} |")
        first = results["diff"][0]
        out += ["", "Peak RSS per MB of input (memory linear in the input): " + ", ".join(
            f"{r['input'].split('.')[0]}. {r['doppel_rss'] / r['bytes']:.1f}"
            for r in results["diff"] if r["bytes"] > 1e6 and r.get("doppel_rss"))
            + " bytes of peak RSS per byte of A+B."]
        staged = [r for r in results["diff"] if r.get("stages")]
        if staged:
            out += ["", "Where the in-process time goes, stage by stage (each timed on its own; "
                        "reading is not part of the in-process figure):", "",
                    "| input | read both | normalise both | align | diff every gap | check | JSON report |",
                    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
            for r in staged:
                st = r["stages"]
                out.append(f"| {r['input']} | {fmt_time(st['read_s'])} | {fmt_time(st['normalize_s'])} | "
                           f"{fmt_time(st['align_s'])} | {fmt_time(st['diff_s'])} | "
                           f"{fmt_time(st.get('check_s'))} | {fmt_time(st['report_s'])} |")
        if "pure_s" in first or first.get("pure_timed_out"):
            out += ["", f"Pure-Python diff_match_patch (Diff_Timeout = 0) on the samples pair: "
                        f"{fmt_time(first.get('pure_s'), first.get('pure_timed_out'), PURE_DMP_LIMIT)}"
                        f" (diff call and semantic cleanup)."]
        out.append("")

    if results.get("inproc"):
        out += ["## In-process (DoppelBench)", "", "| benchmark | median | throughput |",
                "| --- | ---: | ---: |"]
        for r in results["inproc"]:
            if r["bench"] == "compare":
                out.append(f"| `Comparer.compare` samples pair ({r['runs']} runs) | "
                           f"{fmt_time(r['median_s'])} | — |")
            elif r["bench"] == "check":
                out.append(f"| `Checker.check` samples pair, forms and consistency ({r['runs']} runs) | "
                           f"{fmt_time(r['check_s'])} | +{100 * r['added']:.0f}% of the comparison |")
            elif r["bench"] == "evidence_reference":
                out.append(f"| evidence: {r['lookups']} lookups of one page pair in {r['articles']:,} articles "
                           f"({r['runs']} runs; building the table {fmt_time(r['build_s'])}) | "
                           f"{fmt_time(r['lookups_s'])} | — |")
            else:
                what = ("one 100 MB text" if r["bench"] == "normalize"
                        else f"{r['texts']} pages of ~18 KB")
                out.append(f"| normalise {what}, keepMap {str(r['keep_map']).lower()} "
                           f"({r['runs']} runs) | {fmt_time(r['median_s'])} | "
                           f"{r['mb_per_s']:.1f} MB/s |")
        out.append("")

    if results.get("pages"):
        def f3(x):
            return "—" if x is None else f"{x:.3f}"
        out += ["## Unseen pages (generated web/print pairs)", "",
                "`doppel diff` on the pairs of `PagePairGenerator.standardSet()` and `widenedSet()` "
                "(Tests/PagePairs), scored against their truth (see docs/diff-pages.md)."]
        current = None
        for r in results["pages"]:
            if r.get("set", "standard") != current:
                current = r.get("set", "standard")
                out += ["", f"Set `{current}`:", "",
                        "| class | truth | found | recall | reported | precision |",
                        "| --- | ---: | ---: | ---: | ---: | ---: |"]
            if r["class"] == "all":
                out += ["", f"All edits on {r['pages']} pages: recall {f3(r['recall'])}, precision "
                            f"{f3(r['precision'])}; {r['controls']} control pages: {r['control_edits']} "
                            f"edits, {r['controls_with_differences']} with any difference."]
            else:
                out.append(f"| {r['class']} | {r['truth']} | {r['found']} | {f3(r.get('recall'))} | "
                           f"{r['reported']} | {f3(r.get('precision'))} |")
        out.append("")

    if results.get("cluster"):
        out += ["## Cluster", "",
                "Whole process for every tool: doppel reads, normalises, shingles, signs, bands, "
                "verifies and reports; a peer (Python) reads, shingles, signs, bands, keeps "
                "candidates whose estimated Jaccard >= 0.8 and groups them. The library-only "
                "column times only the peer's MinHash + LSH calls. Ratios: doppel docs/s / peer "
                "docs/s.", "",
                "| corpus | tool | wall | docs/s | MB/s | peak RSS | library part docs/s | "
                "doppel / tool | doppel / tool's library part |",
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in results["cluster"]:
            mb = r["bytes"] / 1e6
            label = f"{r['corpus']} ({mb:.0f} MB)"
            dps = r["docs"] / r["doppel_s"] if r.get("doppel_s") else None
            if "doppel_s" in r:
                wall = fmt_time(r["doppel_s"], r["doppel_timed_out"], CLUSTER_TIMEOUT)
                out.append(f"| {label} | doppel | {wall} | {fmt_rate(dps, ',.0f')} | "
                           f"{fmt_rate(dps and mb * dps / r['docs'], '.1f')} | "
                           f"{fmt_mib(r['doppel_rss'])} | | | |")
            for peer, p in r["peers"].items():
                pdps = r["docs"] / p["wall_s"] if p.get("wall_s") else None
                lib = r["docs"] / p["library_s"] if p.get("library_s") else None
                wall = fmt_time(p["wall_s"], p["timed_out"], CLUSTER_TIMEOUT)
                if p.get("extrapolated"):
                    wall = f"≈ {wall} (extrapolated)"
                out.append(f"| {label} | {peer} ({p.get('banding', '?')}) | {wall} | "
                           f"{fmt_rate(pdps, ',.0f')} | "
                           f"{fmt_rate(pdps and mb * pdps / r['docs'], '.2f')} | "
                           f"{fmt_mib(p['rss'])} | {fmt_rate(lib, ',.0f')} | "
                           f"{ratio(dps, pdps)} | {ratio(dps, lib)} |")
        out += ["", "Time against the fastest peer (doppel's wall / the peer's; issue 15's targets: "
                "at most 0.14x on 100k, 0.10x on 1M, with at most 1 GiB peak on 1M):", ""]
        for r in results["cluster"]:
            walls = [(p["wall_s"], k, p.get("extrapolated")) for k, p in r["peers"].items()
                     if p.get("wall_s")]
            if r.get("doppel_s") and walls:
                fastest, peer, guessed = min(walls)
                out.append(f"- {r['corpus']}: {r['doppel_s'] / fastest:.3f}x ({peer}"
                           f"{', extrapolated' if guessed else ''}); doppel peak "
                           f"{fmt_mib(r.get('doppel_rss'))}")
        out += ["", "Accuracy on a 2,000-document sample, against exact similarity computed by brute "
                "force over all pairs of the sample (see bench/README.md). Criterion: the test "
                "the tool applies to a pair, checked on exact shingle sets: `J` = Jaccard >= 0.8; "
                "`J or C` = Jaccard >= 0.8, or containment >= 0.8 with the smaller document "
                f"holding >= {DOPPEL_MIN_CONTAINED} shingles (doppel's default). Recall is over "
                "the pairs with exact Jaccard >= 0.8 (the same set for every tool); precision is "
                "over the pairs the tool reported as verified.", "",
                "| corpus | tool | criterion | true pairs (J) | recall (J) | pairs meeting criterion "
                "| recall (criterion) | reported pairs | precision (criterion) | precision (J only) |",
                "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]

        def f4(x):
            return "—" if x is None else f"{x:.4f}"

        for r in results["cluster"]:
            tools = []
            if r.get("doppel_accuracy"):
                tools.append(("doppel", "J or C", r["doppel_accuracy"]))
            if r.get("doppel_nocontainment_accuracy"):
                tools.append(("doppel --containment off", "J", r["doppel_nocontainment_accuracy"]))
            tools += [(k, "J (estimated)", v["accuracy"]) for k, v in r["peers"].items()
                      if v.get("accuracy")]
            for tool, criterion, a in tools:
                out.append(f"| {r['corpus']} | {tool} | {criterion} | {a['true_pairs']} | "
                           f"{f4(a['recall'])} | {a['criterion_pairs']} | "
                           f"{f4(a['recall_criterion'])} | {a['reported_pairs']} | "
                           f"{f4(a['precision'])} | {f4(a['precision_jaccard'])} |")
        out.append("")

    if results.get("groups"):
        out += ["### True groups", "",
                "doppel cluster (defaults) on the corpora of py/groups.py, one run each: pairs of "
                "documents in one cluster against pairs in one true group; recall (J >= 0.8) over "
                "the pairs of a 2,000-document sample whose exact Jaccard reaches 0.8.", "",
                "| corpus | documents | wall | pair precision | pair recall | F1 | largest cluster "
                "| largest group | recall (J >= 0.8) | members also contained elsewhere |",
                "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for g in results["groups"]:
            out.append(f"| {g['corpus']} | {g['documents']} | {fmt_time(g['wall_s'])} | "
                       f"{g['precision']:.4f} | {g['recall']:.4f} | {g['f1']:.4f} | "
                       f"{g['largest_cluster']} | {g['largest_group']} | "
                       f"{g['recall_jaccard']:.4f} ({g['jaccard_pairs']} pairs) | {g['contained_in']} |")
        out.append("")

    if notes:
        out += ["## Notes", ""] + [f"- {n}" for n in notes] + [""]
    return "\n".join(out)


def main():
    if not common.DOPPEL.exists():
        sys.exit("bench: .build/release/doppel is missing: run `make bench` "
                 "(or `swift build -c release` first)")
    results = {"machine": machine()}
    say(f"cores (nproc): {results['machine']['nproc']}; runs per figure: {RUNS}")
    if "diff" in ONLY:
        results["diff"] = bench_diff()
    if "inproc" in ONLY:
        if common.DOPPEL_BENCH.exists():
            results["inproc"] = bench_inproc()
        else:
            notes.append("DoppelBench is not built: in-process figures skipped.")
    if "pages" in ONLY and common.DOPPEL_BENCH.exists():
        results["pages"] = bench_pages()
    if "cluster" in ONLY:
        results["cluster"] = bench_cluster()
        results["groups"] = bench_groups()
    results["notes"] = notes
    common.write_json(common.OUT / "results.json", results)
    report = render(results)
    (common.OUT / "results.md").write_text(report, encoding="utf-8")
    say()
    say(report)


if __name__ == "__main__":
    main()
