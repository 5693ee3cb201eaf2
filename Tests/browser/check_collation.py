#!/usr/bin/env python3
"""Browser test of `doppel collate --format html`: collate the web page, the print page and a
third version of it (made here: the first 马女士 → 张女士, 郑莉 → 郑丽), render the synoptic page
in headless Chromium, and check through the rendered DOM that every variant location of the base
text is marked, carries its readings for hover (title) and links to its entry in the side list
and back, that the 王/马/张 location shows all three readings, that --base changes the text shown,
and that a screenshot is not blank and shows the marks.

Usage: check_collation.py DOPPEL_EXECUTABLE SAMPLE_WEB SAMPLE_PRINT OUT_DIR [--screenshot PATH]
Exit status 0 when every check passes, 1 when one fails, 2 when Chromium is missing.
Only the Python standard library is used (Chromium and the PNG decoder from check_report.py).
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_report import chromium, fail, png_pixels, run_chromium  # noqa: E402

NAME = "王 (w1) | 马 (w2) | 张 (w3)"


class SynopsisDOM(html.parser.HTMLParser):
    """Collects the marks of the base text and the entries of the side list."""

    def __init__(self):
        super().__init__()
        self.marks = {}       # number -> {"ids": [...], "href": set, "title": str, "text": str}
        self.mark = None
        self.entries = {}     # "v<n>-l" -> {"links": [...], "text": str}
        self.entry = None
        self.depth = 0
        self.scripts = 0
        self.base = ""
        self.in_h2 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        if tag == "h2":
            self.in_h2 = True
        if tag == "a" and "var" in classes:
            n = int(attrs["data-variant"])
            mark = self.marks.setdefault(n, {"ids": [], "href": set(), "title": attrs.get("title"), "text": ""})
            if attrs.get("id"):
                mark["ids"].append(attrs["id"])
            mark["href"].add(attrs.get("href"))
            self.mark = n
        if tag == "li" and (attrs.get("id") or "").endswith("-l"):
            self.entry = attrs["id"]
            self.entries[self.entry] = {"links": [], "text": ""}
            self.depth = 0
        elif tag == "li" and self.entry:
            self.depth += 1
        if tag == "a" and self.entry and "to" in classes:
            self.entries[self.entry]["links"].append(attrs.get("href"))

    def handle_endtag(self, tag):
        if tag == "a":
            self.mark = None
        if tag == "h2":
            self.in_h2 = False
        if tag == "li" and self.entry:
            if self.depth == 0:
                self.entry = None
            else:
                self.depth -= 1

    def handle_data(self, data):
        if self.mark is not None:
            self.marks[self.mark]["text"] += data
        if self.entry:
            self.entries[self.entry]["text"] += data + " "
        if self.in_h2 and data.startswith("Base text"):
            self.base = data


def check_dom(dom, variants, base_reading):
    parser = SynopsisDOM()
    parser.feed(dom)
    if parser.scripts:
        fail("the page contains a script element")
    if len(parser.entries) != variants:
        fail(f"the side list has {len(parser.entries)} entries, the collation {variants} variant locations")
    if not parser.marks:
        fail("no variant location is marked in the base text")
    for n, mark in parser.marks.items():
        if mark["ids"] != [f"v{n}"] or mark["href"] != {f"#v{n}-l"}:
            fail(f"variant {n}: mark ids {mark['ids']} / links {mark['href']} instead of v{n} → #v{n}-l")
        entry = parser.entries.get(f"v{n}-l")
        if entry is None or entry["links"] != [f"#v{n}"]:
            fail(f"variant {n}: no side-list entry linking back to its mark")
        if not mark["title"] or " | " not in mark["title"]:
            fail(f"variant {n}: the mark carries no readings to show on hover")
    name = [n for n, m in parser.marks.items() if m["title"] == NAME and m["text"] == base_reading]
    if not name:
        fail(f"no mark {base_reading} with the readings {NAME}")
    entry = parser.entries[f"v{name[0]}-l"]["text"]
    for reading, witness in (("王", "w1"), ("马", "w2"), ("张", "w3")):
        if f"{reading} {witness}" not in " ".join(entry.split()):
            fail(f"the side list of variant {name[0]} lacks the reading {reading} of {witness}: {entry}")
    print(f"browser-test: {parser.base.strip()}: {len(parser.marks)} marks, {len(parser.entries)} listed; "
          f"variant {name[0]} marked {base_reading} with {NAME}")


def check_screenshot(path):
    width, height, rows, channels = png_pixels(path)
    colours, inked, sampled = set(), 0, 0
    for y in range(0, height, 3):
        row = rows[y]
        for x in range(0, width, 3):
            pixel = row[x * channels:x * channels + 3]
            colours.add(pixel)
            sampled += 1
            if sum(pixel) < 600:
                inked += 1
    share = inked / sampled
    print(f"browser-test: screenshot {width}x{height}, {len(colours)} colours, {share:.1%} inked")
    if len(colours) < 50 or share < 0.02:
        fail("the screenshot is blank or nearly so")
    blue = any(p[2] > 230 and 210 < p[1] < 240 and p[0] < 215 for p in colours)
    if not blue:
        fail("the screenshot shows no marked variant location")


def main():
    args = sys.argv[1:]
    saved = None
    if "--screenshot" in args:
        i = args.index("--screenshot")
        saved = args[i + 1]
        del args[i:i + 2]
    if len(args) != 4:
        print(__doc__)
        sys.exit(2)
    doppel, web, print_page, out = args
    os.makedirs(out, exist_ok=True)
    with open(print_page, encoding="utf-8") as f:
        text = f.read().replace("马女士", "张女士", 1).replace("郑莉", "郑丽", 1)
    third = os.path.join(out, "v3.txt")
    with open(third, "w", encoding="utf-8") as f:
        f.write(text)
    result = subprocess.run([doppel, "collate", "--format", "json", web, print_page, third],
                            capture_output=True)
    if result.returncode != 1:
        fail(f"doppel collate exited {result.returncode}, expected 1 (differences)")
    variants = len(json.loads(result.stdout)["variants"])
    browser = chromium()
    for base, reading in (("w1", "王"), ("w3", "张")):
        page = os.path.abspath(os.path.join(out, f"collation-{base}.html"))
        status = subprocess.run([doppel, "collate", "--format", "html", "--base", base, "-o", page,
                                 web, print_page, third]).returncode
        if status != 1:
            fail(f"doppel collate --format html exited {status}, expected 1")
        with tempfile.TemporaryDirectory() as profile:
            check_dom(run_chromium(browser, profile, "--dump-dom", f"file://{page}"), variants, reading)
            if base == "w1":
                screenshot = os.path.abspath(os.path.join(out, "collation.png"))
                run_chromium(browser, profile, f"--screenshot={screenshot}", "--window-size=1400,1000",
                             f"file://{page}")
    check_screenshot(screenshot)
    if saved:
        shutil.copyfile(screenshot, saved)
        print(f"browser-test: screenshot saved to {saved}")
    print("browser-test: collation ok")


if __name__ == "__main__":
    main()
