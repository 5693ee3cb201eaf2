#!/usr/bin/env python3
"""Browser test of `doppel diff --format html`: render the samples report in headless Chromium,
check through the rendered DOM that the expected edits are highlighted and linked in both
columns, and check that a screenshot of the page is not blank.

Usage: check_report.py DOPPEL_EXECUTABLE SAMPLE_A SAMPLE_B OUT_DIR [--screenshot PATH]
Exit status 0 when every check passes, 1 when one fails, 2 when Chromium is missing.
Only the Python standard library is used (the PNG decoder below included).
"""
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

# (text in A, text in B) of edits that must be highlighted in both columns, with a piece of
# B's line around the edit to show the highlight sits in the right place.
EXPECTED = [("王", "马", "马女士"), ("", "短", "感谢短信"), ("蔚", "莉", "郑莉")]


def fail(message):
    print(f"browser-test: FAIL: {message}")
    sys.exit(1)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print("browser-test: chromium not found (apt-get install chromium)")
    sys.exit(2)


def run_chromium(browser, profile, *args):
    command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", f"--user-data-dir={profile}", *args]
    result = subprocess.run(command, capture_output=True, timeout=180)
    if result.returncode != 0:
        fail(f"chromium exited {result.returncode}: {result.stderr.decode(errors='replace')[-500:]}")
    return result.stdout.decode("utf-8")


class ReportDOM(html.parser.HTMLParser):
    """Collects the highlighted edits of each column of the side-by-side table."""

    def __init__(self):
        super().__init__()
        self.side = None          # "a" or "b" inside a cell of the side-by-side table
        self.cell_depth = 0
        self.in_edit = None       # (number, side) while inside a highlighted piece
        self.edits = {}           # (number, side) -> {"text": str, "ids": [...], "hrefs": set}
        self.line = None          # text of the current line (div.ln) of a cell
        self.lines = {}           # (number, side) -> text of the line(s) holding the edit
        self.only_rows = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        if tag == "tr" and ("only-a" in classes or "only-b" in classes):
            self.only_rows += 1
        if tag == "td" and ("a" in classes or "b" in classes) and "absent" not in classes:
            self.side = "a" if "a" in classes else "b"
            self.cell_depth = 0
        if self.side and tag == "div" and "ln" in classes:
            self.line = []
        if self.side and tag == "a" and "ed" in classes:
            key = (int(attrs["data-edit"]), self.side)
            entry = self.edits.setdefault(key, {"text": "", "ids": [], "hrefs": set()})
            if attrs.get("id"):
                entry["ids"].append(attrs["id"])
            entry["hrefs"].add(attrs.get("href"))
            self.in_edit = key
            self.lines.setdefault(key, None)

    def handle_endtag(self, tag):
        if tag == "a":
            self.in_edit = None
        if tag == "div" and self.line is not None:
            text = "".join(self.line)
            for key, value in self.lines.items():
                if value is None:
                    self.lines[key] = text
            self.line = None
        if tag == "td":
            self.side = None

    def handle_data(self, data):
        if self.in_edit:
            self.edits[self.in_edit]["text"] += data
        if self.line is not None:
            self.line.append(data)


def check_dom(dom):
    parser = ReportDOM()
    parser.feed(dom)
    if parser.scripts:
        fail("the report contains a script element")
    numbers = sorted({n for n, _ in parser.edits})
    if not numbers:
        fail("no highlighted edits in the rendered page")
    for n in numbers:
        for side, twin in (("a", "b"), ("b", "a")):
            entry = parser.edits.get((n, side))
            if entry is None or entry["ids"] != [f"e{n}-{side}"]:
                fail(f"edit {n} has no single anchor e{n}-{side} in column {side.upper()}")
            if entry["hrefs"] != {f"#e{n}-{twin}"}:
                fail(f"edit {n} in column {side.upper()} does not link to its twin e{n}-{twin}")
    for a_text, b_text, context in EXPECTED:
        found = [n for n in numbers
                 if parser.edits[(n, "a")]["text"] == a_text and parser.edits[(n, "b")]["text"] == b_text
                 and context in (parser.lines.get((n, "b")) or "")]
        if not found:
            fail(f"no edit {a_text or '(insertion)'} → {b_text} highlighted in both columns within {context}")
        print(f"browser-test: edit {a_text or '∅'} → {b_text}: highlighted as e{found[0]}-a / e{found[0]}-b")
    if parser.only_rows == 0:
        fail("no shaded row of text found on one side only")
    print(f"browser-test: {len(numbers)} edits linked to their twins; {parser.only_rows} one-sided rows")


def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG: (width, height, rows of bytes, channels)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path} is not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + chunk) != struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]:
            fail(f"{path}: bad CRC in chunk {kind!r}")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace != 0:
        fail(f"{path}: unsupported PNG (depth {depth}, colour type {color}, interlace {interlace})")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else corner)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows, channels


def check_screenshot(path):
    size = os.path.getsize(path)
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
    print(f"browser-test: screenshot {width}x{height}, {size} bytes, {len(colours)} colours, {share:.1%} inked")
    if len(colours) < 50 or share < 0.02:
        fail("the screenshot is blank or nearly so")
    # The page's palette: orange (removed) and blue (added) highlights must be on screen.
    orange = any(p[0] > 230 and 190 < p[1] < 235 and p[2] < 200 for p in colours)
    blue = any(p[2] > 230 and 210 < p[1] < 240 and p[0] < 215 for p in colours)
    if not (orange and blue):
        fail("the screenshot shows no orange and blue edit highlights")


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
    doppel, sample_a, sample_b, out = args
    os.makedirs(out, exist_ok=True)
    report = os.path.abspath(os.path.join(out, "report.html"))
    status = subprocess.run([doppel, "diff", "--format", "html", "-o", report, sample_a, sample_b]).returncode
    if status != 1:
        fail(f"doppel diff exited {status}, expected 1 (differences)")
    browser = chromium()
    with tempfile.TemporaryDirectory() as profile:
        dom = run_chromium(browser, profile, "--dump-dom", f"file://{report}")
        check_dom(dom)
        screenshot = os.path.abspath(os.path.join(out, "report.png"))
        run_chromium(browser, profile, f"--screenshot={screenshot}", "--window-size=1400,1000",
                     f"file://{report}")
    check_screenshot(screenshot)
    if saved:
        shutil.copyfile(screenshot, saved)
        print(f"browser-test: screenshot saved to {saved}")
    print("browser-test: ok")


if __name__ == "__main__":
    main()
