"""Stress run: hostile and huge articles through `extract` and `compare`, timed and measured.

Each case is generated from a fixed seed, run in a fresh child process (so one case's memory
cannot hide in another's), timed best-of-N, and its peak memory taken as the rise in the
child's maximum resident set size over what it held before the call (Python objects and
RapidFuzz's native buffers alike). `compare` is the library call a user makes: both articles
read from text, their quotes found, aligned and classified.

    .venv/bin/python benchmarks/stress.py              # every case, best of 3
    .venv/bin/python benchmarks/stress.py --scale 0.5  # half-size inputs, to see growth
    .venv/bin/python benchmarks/stress.py --case 20k-quotes --repeat 1
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEED = 20261121
MB = 1024 * 1024
# Every quotation mark the extractor knows, plus the primes typed for marks.
MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2018\u2019\u201a\u201b\u2039\u203a"
# Prose words follow Zipf's law over a news-sized vocabulary, as real copy does: a few
# function words are everywhere, most words are rare. Numbers and negations are among the
# common words so classification has work to do.
COMMON = """the of and to a in that is was he for it with as his on be at by i this had not are
but from or have an they which one you were her all she there would their we him been has when
who will more no if out so said what up its about into than them can only other new some could
time these two may then do first any my now such like our over man me even most made after also
did many before must through back years where much your way well down should because each just
those people mr how too little state good very make world still own see men work long get here
between both life being under never day same another know while last might us great old year off
come since against go came right used take three 12 40 2,400 council budget taxes raise school
bridge""".split()  # noqa: SIM905 - a word list reads better as text
SYLLABLES = ("ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "dre", "fin", "gal")


def _vocabulary(size: int = 20_000) -> tuple[list[str], list[float]]:
    """Common words then made-up rare ones, with Zipf cumulative weights (1/rank)."""
    rng = random.Random(SEED - 1)
    words = list(dict.fromkeys(COMMON))
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    total = 0.0
    cumulative = []
    for rank in range(1, len(words) + 1):
        total += 1 / rank
        cumulative.append(total)
    return words, cumulative


VOCAB, _CUMULATIVE = _vocabulary()
SPEAKERS = ["Mayor Ann Lee", "Hugh Hill", "Gov. Laura Petersen", "the ministry", "Dr. Adel Mahdi"]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(VOCAB, cum_weights=_CUMULATIVE, k=n))


def bare_marks(scale: float) -> str:
    """200,000 quotation marks of every kind, in random order, with random spacing."""
    rng = random.Random(SEED)
    gaps = ["", "", " ", " ", "\n", "\n\n", "a"]
    return "".join(rng.choice(MARKS) + rng.choice(gaps) for _ in range(int(200_000 * scale)))


def unclosed_quotes(scale: float) -> str:
    """1 MB of paragraphs that each open a quote and never close it."""
    rng = random.Random(SEED)
    out: list[str] = []
    size = 0
    while size < MB * scale:
        para = f"{rng.choice(SPEAKERS)} said \u201c{_words(rng, rng.randint(5, 40))}\n\n"
        out.append(para)
        size += len(para.encode())
    return "".join(out)


def reopened_quote(scale: float) -> str:
    """One quote of 1 MB: every paragraph reopens it, none closes it."""
    rng = random.Random(SEED)
    out = ["The minister said:\n\n"]
    size = 0
    while size < MB * scale:
        para = f"\u201c{_words(rng, rng.randint(20, 60))}.\n\n"
        out.append(para)
        size += len(para.encode())
    return "".join(out)


def one_line(scale: float) -> str:
    """1 MB on one line: sentences with a quote every few sentences, no line break at all."""
    rng = random.Random(SEED)
    out: list[str] = []
    size = 0
    while size < MB * scale:
        if rng.random() < 0.3:
            words = _words(rng, rng.randint(4, 20)).capitalize()
            piece = f"\u201c{words},\u201d {rng.choice(SPEAKERS)} said. "
        else:
            piece = f"{_words(rng, rng.randint(6, 25)).capitalize()}. "
        out.append(piece)
        size += len(piece.encode())
    return "".join(out)


def many_quotes(scale: float) -> str:
    """20,000 attributed quotes, one paragraph each, with random words."""
    rng = random.Random(SEED)
    return "".join(
        f"\u201c{_words(rng, rng.randint(6, 30)).capitalize()},\u201d {rng.choice(SPEAKERS)} "
        f"said on day {i}.\n\n"
        for i in range(int(20_000 * scale))
    )


def web_page(scale: float) -> str:
    """A saved web page: navigation, then the 20,000-quote article as paragraphs, a footer."""
    paragraphs = "".join(f"<p>{p}</p>\n" for p in many_quotes(scale).split("\n\n") if p)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Wire</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><article>"
        f"<h1>Wire copy</h1>{paragraphs}</article></main><footer>\u00a9 Wire</footer>"
        "</body></html>"
    )


CASES: dict[str, tuple[str, Callable[[float], str]]] = {
    "bare-marks": ("200,000 bare quote marks", bare_marks),
    "unclosed-quotes": ("1 MB of unclosed quotes", unclosed_quotes),
    "reopened-quote": ("one 1 MB quote, never closed", reopened_quote),
    "one-line": ("one 1 MB line", one_line),
    "20k-quotes": ("20,000 quotes", many_quotes),
    "web-page": ("a web page of 20,000 quoted paragraphs", web_page),
}


def reprint(text: str) -> str:
    """The same article as another outlet printed it: every 37th word replaced."""
    rng = random.Random(SEED + 1)
    words = text.split(" ")
    for i in range(0, len(words), 37):
        if words[i].isalpha():
            words[i] = rng.choices(VOCAB, cum_weights=_CUMULATIVE)[0]
    return " ".join(words)


# --- one case in a child process ----------------------------------------------------------


def _max_rss_bytes() -> int:
    # Linux reports kilobytes; macOS bytes.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024


def run_case(name: str, stage: str, scale: float, repeat: int) -> dict[str, float]:
    """Time one stage on one case (best of `repeat`) and measure its peak memory.

    Each article is read from its bytes as standard input would be (decoding, and for a
    web page the article extraction), then its quotes are found.
    """
    from attribution import Article, article_from_text, compare
    from attribution.inputs import read_input

    text = CASES[name][1](scale)
    data, other = text.encode("utf-8"), reprint(text).encode("utf-8")
    # Warm up: imports, the sentence splitter and caches are not the input's cost.
    warm = article_from_text("\u201cWe are ready,\u201d she said.", "a")
    compare(warm, article_from_text("x", "b"))
    if name == "web-page":
        read_input("-", stdin=io.BytesIO(b"<html><body><p>warm</p></body></html>"))

    def read(article_id: str, raw: bytes) -> Article:
        return Article(article_id, "-", text=read_input("-", stdin=io.BytesIO(raw)).text)

    def job() -> int:
        if stage == "extract":
            return len(article_from_text(read("a", data).text).quotes)
        report = compare(read("a", data), read("b", other))
        return len(report.matches) + len(report.unmatched)

    before = _max_rss_bytes()
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = job()
        best = min(best, time.perf_counter() - start)
    return {
        "seconds": best,
        "peak_mb": max(0, _max_rss_bytes() - before) / MB,
        "input_mb": len(data) / MB,
        "count": count,
    }


# --- regular expressions ------------------------------------------------------------------

# Runs that make backtracking regexes blow up: long runs of one class, separators that
# almost continue a token, unclosed openers, digit groups, comment and tag starts.
HOSTILE_UNITS = [
    "a", "1", " ", "\n", "\n \n", "\r", ".", ". ", "a.", "a-", "a'", "1,000", "1,0000", "1.",
    "\u201c", "\u201ca ", "'", "<!--", "<!-- -->", "<meta ", "<html", "\u00a0", "#", "\\", "ourour",
]  # fmt: skip


# Patterns the package only ever runs on a bounded stretch of text, and that bound: they are
# audited at it (a pattern that starts with \s* is quadratic under finditer over megabytes
# of spaces, and harmless on the first kilobyte it is matched against).
BOUNDED_USE = {
    "extract._ELISION_RE": 7,  # matched on the six characters after an apostrophe
    "web._HTML_START_RE": 1024,  # matched on a page's first kilobyte
    "web._META_CHARSET_RE": 4096,  # searched in a page's first 4 KB
    "web._BARE_QUOTATION_RE": 400,  # fullmatched on paragraphs of at most 400 characters
    "sources._LABEL_RE": 120,  # matched on a line's first LABEL_SCAN characters
}
# Patterns the package only ever matches against a whole string (a source argument, a
# speaker's name), never searches with: audited with match and fullmatch alone.
ANCHORED_USE = {"sources._SPEC_RE", "verify._ROLE_RE"}


def regex_audit(size: int) -> list[tuple[str, str, str, float]]:
    """Every module-level pattern of the package: its slowest hostile input and time."""
    import importlib
    import pkgutil
    import re

    import attribution

    rows = []
    for info in pkgutil.iter_modules(attribution.__path__):
        if info.name == "__main__":
            continue  # importing it runs the command line
        module = importlib.import_module(f"attribution.{info.name}")
        for name, value in sorted(vars(module).items()):
            patterns = [value] if isinstance(value, re.Pattern) else []
            if isinstance(value, tuple):  # tables of (pattern, replacement)
                patterns = [p for row in value if isinstance(row, tuple) for p in row]
                patterns = [p for p in patterns if isinstance(p, re.Pattern)]
            for n, pattern in enumerate(patterns):
                label = f"{info.name}.{name}" + (f"[{n}]" if len(patterns) > 1 else "")
                length = BOUNDED_USE.get(label, size)
                worst, seconds = "", 0.0
                for unit in HOSTILE_UNITS:
                    text = unit * max(1, length // len(unit))
                    subject = text.encode() if isinstance(pattern.pattern, bytes) else text
                    start = time.perf_counter()
                    if label not in ANCHORED_USE:
                        for _ in pattern.finditer(subject):
                            pass
                    pattern.match(subject)
                    pattern.fullmatch(subject)
                    elapsed = time.perf_counter() - start
                    if elapsed > seconds:
                        worst, seconds = unit, elapsed
                used_on = f"{length:,} chars" if label in BOUNDED_USE else "any length"
                if label in ANCHORED_USE:
                    used_on += ", whole"
                rows.append((label, used_on, worst, seconds))
    return rows


def _in_child(name: str, stage: str, scale: float, repeat: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", name, stage, str(scale), str(repeat)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{name} {stage} failed:\n{done.stderr}")
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--scale", type=float, default=1.0, help="input size factor")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, stage, scale, repeat = args.child
        print(json.dumps(run_case(name, stage, float(scale), int(repeat))))
        return
    rows = []
    for name in args.case or list(CASES):
        ext = _in_child(name, "extract", args.scale, args.repeat)
        cmp = _in_child(name, "compare", args.scale, args.repeat)
        rows.append(
            [
                CASES[name][0],
                f"{ext['input_mb']:.2f}",
                int(ext["count"]),
                f"{ext['seconds']:.2f}",
                f"{ext['peak_mb']:.0f}",
                int(cmp["count"]),
                f"{cmp['seconds']:.2f}",
                f"{cmp['peak_mb']:.0f}",
            ]
        )
    if not args.case:
        _print_regex_audit()
    print(
        f"Stress inputs at scale {args.scale:g}, best of {args.repeat}; Python "
        f"{platform.python_version()}, {os.cpu_count()} cores. Peak MB is the rise in resident "
        "memory during the call; compare reads both articles and finds their quotes too."
    )
    print()
    print(
        tabulate(
            rows,
            headers=[
                "case",
                "input MB",
                "quotes",
                "extract s",
                "extract peak MB",
                "findings",
                "compare s",
                "compare peak MB",
            ],
            tablefmt="github",
            disable_numparse=True,
        )
    )


def _print_regex_audit() -> None:
    small, large = regex_audit(MB // 4), regex_audit(MB)
    slowest = max(large, key=lambda row: row[3])
    print(
        f"Regex audit: {len(large)} patterns of the package, each run (finditer, match and "
        "fullmatch; the last two alone for patterns only matched whole) "
        f"over {len(HOSTILE_UNITS)} hostile inputs of 0.25 MB and 1 MB (or the length the "
        f"package runs it on); slowest {slowest[3]:.3f} s ({slowest[0]}). Linear time grows "
        "4x from 0.25 to 1 MB; quadratic would grow 16x."
    )
    print()
    rows = [
        [label, used_on, repr(worst), f"{t_small:.4f}", f"{t_large:.4f}"]
        for (label, used_on, worst, t_small), (*_, t_large) in zip(small, large, strict=True)
    ]
    print(
        tabulate(
            rows,
            headers=["pattern", "run on", "slowest input (repeated)", "0.25 MB s", "1 MB s"],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    print()


if __name__ == "__main__":
    main()
