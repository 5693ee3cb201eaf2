#!/usr/bin/env python3
"""Browser test of `doppel cluster --format html` on a phone-sized screen: renders the samples'
cluster page in headless Chromium 420 px wide and checks, through layout measured in the page,
that nothing runs past the right edge (no sideways scrolling, no cell cut off) and that each
member's path gets most of the width (paths do not wrap every few characters).

Usage: check_cluster_report.py DOPPEL_EXECUTABLE SAMPLES_DIR OUT_DIR
Exit status 0 when every check passes, 1 when one fails, 2 when Chromium is missing.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

from check_report import chromium, fail, run_chromium

WIDTH = 420

# A page that shows the report in a frame WIDTH px wide (Chromium's headless window is at least
# 500 px wide), measures its layout once it is laid out, and writes the result into the DOM,
# which --dump-dom then prints. The report itself stays without scripts.
MEASURE = """<!DOCTYPE html>
<html><body style="margin:0">
<iframe id="report" src="cluster.html" style="width:%dpx;height:900px;border:0"></iframe>
<script>
document.getElementById("report").addEventListener("load", () => {
  const doc = document.getElementById("report").contentDocument;
  const view = doc.documentElement.clientWidth;
  const cells = [...doc.querySelectorAll("table.clusters td")];
  const cut = cells.filter(td => td.getBoundingClientRect().right > view + 1).length;
  const paths = [...doc.querySelectorAll("table.clusters td.path")].map(td => td.getBoundingClientRect().width);
  const result = {view, scroll: doc.documentElement.scrollWidth, cells: cells.length, cut,
                  paths: paths.length, narrowest: paths.length ? Math.min(...paths) : 0};
  const out = document.createElement("pre");
  out.id = "layout-check";
  out.textContent = JSON.stringify(result);
  document.body.appendChild(out);
});
</script>
</body></html>
""" % WIDTH


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    doppel, samples, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    report = os.path.abspath(os.path.join(out, "cluster.html"))
    status = subprocess.run([doppel, "cluster", "--split", "articles", "--include", "*.txt",
                             "-o", report, samples]).returncode
    if status != 1:
        fail(f"doppel cluster exited {status}, expected 1 (clusters found)")
    measured = os.path.join(out, "cluster-measure.html")
    with open(measured, "w", encoding="utf-8") as f:
        f.write(MEASURE)
    browser = chromium()
    with tempfile.TemporaryDirectory() as profile:
        dom = run_chromium(browser, profile, "--allow-file-access-from-files", "--virtual-time-budget=5000",
                           "--dump-dom", f"file://{os.path.abspath(measured)}")
    found = re.search(r'<pre id="layout-check">(.*?)</pre>', dom, re.S)
    if not found:
        fail("the layout measurement did not run")
    result = json.loads(found.group(1).replace("&quot;", '"'))
    print(f"browser-test: cluster page at {WIDTH} px: {json.dumps(result)}")
    if result["view"] > WIDTH + 20:
        fail(f"the page was laid out {result['view']} px wide, not {WIDTH}")
    if result["scroll"] > result["view"] + 1:
        fail(f"the cluster page scrolls sideways: {result['scroll']} px of content in {result['view']} px")
    if result["cells"] == 0 or result["paths"] == 0:
        fail("no cluster table in the page")
    if result["cut"]:
        fail(f"{result['cut']} cells of the cluster table run past the right edge")
    if result["narrowest"] < 0.6 * result["view"]:
        fail(f"a member's path gets {result['narrowest']:.0f} px of {result['view']}: it wraps every few characters")
    print("browser-test: cluster page reflows at 420 px")


if __name__ == "__main__":
    main()
