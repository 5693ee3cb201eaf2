"""Shared helpers of the doppel benchmarks: paths, the sentence pool, seeded edits, shingling,
and a process runner that measures wall time and peak memory.

Everything random here takes an explicit `random.Random(seed)`, so inputs are identical on every
run and machine (Python's `random` algorithm is stable across versions for `random()`,
`randrange()` and `choice()` on the same seed).
"""

import json
import os
import re
import subprocess
import threading
import time
import unicodedata
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent          # bench/
REPO = BENCH.parent                                      # the package root
OUT = BENCH / "out"
SAMPLES = REPO / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))
DOPPEL = REPO / ".build" / "release" / "doppel"
DOPPEL_BENCH = REPO / ".build" / "release" / "DoppelBench"

# --------------------------------------------------------------------------------------------
# The sentence pool
# --------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^。！？]*[。！？]+[”’」』]?")


def sentences_of(path):
    """The sentences of one sample file, in order.

    The samples are hard-wrapped (the print edition has a line break every ~20 characters), so
    line breaks and the spaces around them are removed first; what is left is split after each
    `。`, `！` or `？` (a closing quote stays with its sentence). Fragments under six characters
    (stray headline pieces) are dropped.
    """
    text = Path(path).read_text(encoding="utf-8")
    text = re.sub(r"[ \t\u3000]*\n[\s\u3000]*", "", text)
    out = []
    for match in _SENTENCE.finditer(text):
        s = match.group(0).strip()
        if len(s) >= 6:
            out.append(s)
    return out


def sentence_pool(paths=None):
    """Distinct sentences of the given sample files (default: all), first occurrence order."""
    seen = {}
    for path in paths or SAMPLE_FILES:
        for s in sentences_of(path):
            seen.setdefault(s, None)
    return list(seen)


def han_pool(sentences):
    """The distinct Han characters of the sentences (sorted, so the pool is deterministic)."""
    return sorted({c for s in sentences for c in s if "\u4e00" <= c <= "\u9fff"})


def word_pool(sentences):
    """Two-character Han 'words' (bigrams) seen in the sentences, sorted."""
    words = set()
    for s in sentences:
        for i in range(len(s) - 1):
            if all("\u4e00" <= c <= "\u9fff" for c in s[i:i + 2]):
                words.add(s[i:i + 2])
    return sorted(words)


# --------------------------------------------------------------------------------------------
# Seeded edits
# --------------------------------------------------------------------------------------------

def apply_edits(text, count, rng, hans, words):
    """`text` with `count` random edits at distinct random positions (never on a line break).

    Each edit is, with equal odds, a replacement, an insertion or a deletion, of one character
    or of a short word (two characters; replacements and insertions draw from `hans`/`words`).
    Returns the edited text and the number of edits made.
    """
    n = len(text)
    count = min(count, n // 4)
    positions = sorted(rng.sample(range(n), count))
    pieces = []
    last = 0
    made = 0
    for pos in positions:
        if pos < last or text[pos] == "\n":
            continue  # overlaps the previous edit's span, or sits on a paragraph break
        pieces.append(text[last:pos])
        kind = rng.randrange(3)
        word = rng.random() < 0.3
        span = 2 if word and pos + 1 < n and text[pos + 1] != "\n" else 1
        new = rng.choice(words) if word else rng.choice(hans)
        if kind == 0:        # replace
            pieces.append(new)
            last = pos + span
        elif kind == 1:      # insert before pos
            pieces.append(new)
            last = pos
        else:                # delete
            last = pos + span
        made += 1
    pieces.append(text[last:])
    return "".join(pieces), made


def text_of_sentences(sentences, size_bytes, rng, paragraph=(2, 6)):
    """A text of about `size_bytes` UTF-8 bytes: random sentences (with replacement) in
    paragraphs of `paragraph` sentences separated by blank lines."""
    parts = []
    size = 0
    while size < size_bytes:
        para = "".join(rng.choice(sentences) for _ in range(rng.randint(*paragraph)))
        parts.append(para)
        size += len(para.encode("utf-8")) + 2
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------------------------
# Shingling: the peers' and the ground truth's copy of doppel's default (char5+word3)
# --------------------------------------------------------------------------------------------

# ScriptClass.ideograph in Sources/Doppel/Normalize/ScriptClass.swift: Han, kana, hangul, bopomofo.
_IDEO_RANGES = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3007\u3021-\u3029\u3038-\u303b"
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
    "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3\u3105-\u312f\u31a0-\u31bf"
    "\U00020000-\U0003ffff\U0001b000-\U0001b16f"
)
_IDEOGRAPH = re.compile("[" + _IDEO_RANGES + "]")
# A word: a maximal run of letters and digits that are not ideographs (`\w` minus `_`).
_WORD = re.compile("[^\\W_" + _IDEO_RANGES + "]+")


def shingles(text, char_gram=5, word_gram=3):
    """The shingle set of a text, as doppel's default shingling defines it.

    The text is NFKC-folded (doppel's normaliser does this, and more, before shingling); the
    character stream is its ideographs in order, everything else skipped, and gives the
    `char_gram`-grams; the word stream is its maximal runs of non-ideograph letters and digits
    and gives the `word_gram`-grams (joined by U+0001, prefixed U+0002 so they never equal a
    character gram). Shingles are strings here; doppel hashes them to 64 bits.
    """
    text = unicodedata.normalize("NFKC", text)
    ideo = "".join(_IDEOGRAPH.findall(text))
    out = {ideo[i:i + char_gram] for i in range(len(ideo) - char_gram + 1)}
    words = _WORD.findall(text)
    for i in range(len(words) - word_gram + 1):
        out.add("\u0002" + "\u0001".join(words[i:i + word_gram]))
    return out


# --------------------------------------------------------------------------------------------
# Measuring a process
# --------------------------------------------------------------------------------------------

def run_measured(cmd, timeout=None, stdout=None, env=None):
    """Runs `cmd` once; returns (wall seconds, peak RSS in bytes, exit status).

    Standard output goes to the open file `stdout` (default /dev/null). Wall time is taken around
    the whole process (start to exit). Peak memory is the child's own `ru_maxrss` from a blocking
    `wait4`, so each run is measured alone (RUSAGE_CHILDREN would keep the maximum over all
    children so far). A run still going at `timeout` seconds is killed; its status is then None.
    """
    sink = stdout if stdout is not None else open(os.devnull, "wb")
    killed = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=sink, env=env)

    def kill():
        killed.set()
        proc.kill()

    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if timer:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
    if stdout is None:
        sink.close()
    if killed.is_set():
        return wall, usage.ru_maxrss * 1024, None
    return wall, usage.ru_maxrss * 1024, proc.returncode


def median(values):
    """The median of a non-empty list (mean of the middle two for an even count)."""
    v = sorted(values)
    k = len(v) // 2
    return v[k] if len(v) % 2 else (v[k - 1] + v[k]) / 2


def write_json(path, value):
    Path(path).write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
