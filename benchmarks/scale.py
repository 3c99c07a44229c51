"""Scale: how extraction, comparison, checking and rendering grow with the input, and the
speed figures beside what they are measured against, from one command.

    .venv/bin/python -m benchmarks.scale PolNeAR/data/dev               # the README's table
    .venv/bin/python -m benchmarks.scale PolNeAR/data/dev --scales 1,2,4 --skip-stress
    .venv/bin/python -m benchmarks.scale PolNeAR/data/dev --check-scales 1,2,4,8,16  # ~20 min
    git worktree add ../before 1257d43   # an earlier commit, to measure extraction against
    .venv/bin/python -m benchmarks.scale PolNeAR/data/dev --skip-scale --skip-stress \
        --against ../before

The inputs are made at run time in a temporary folder from a PolNeAR-format split (its
`text/*.txt` articles; nothing of it is kept): at scale k, one long article of every article
joined k times, and its reprint (every 37th word replaced, as the stress run does). Each
stage at each scale runs in a fresh child process, so one measurement's memory cannot hide in
another's: `extract` reads and extracts the long article; `compare` is the library call on the
article and its reprint (both read and extracted); `check` checks the article against its
reprint as a transcript (by default at x1, x2 and x4 only: it seeks every quote through the
whole transcript, and at x16 one check takes some ten minutes); `markdown` and `json` render
the compare report.
A stage is timed in processor seconds (it runs on one core: on an idle machine, its wall
time; on a busy one, the part of it spent on this work) until it has run three times or for
more than ten seconds, and its median is kept. The growth exponent is the slope of
log(seconds) on log(words) over the scales.

Then the side-by-side figures, each a median of runs taken in turn (A, B, A, B, ...) in this
one run, so a ratio holds while a shared machine's speed drifts: the long article as one
file against its articles as separate files, extraction in process against one regular
expression pass over the same text, a one-article command against an empty interpreter,
`compare` against extracting both its articles, `--jobs 2` against `--jobs 1`, with
`--against` the same extraction against another checkout (each in a fresh process), and the
markdown of the stress run's 20,000-quote pair. Peak memory is a child process's whole
maximum resident set. The machine's load average is printed before and after.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1024 * 1024
# Each row of the scale table; markdown and json render the compare report.
STAGES = ("extract", "compare", "markdown", "json", "check")
# A stage is timed until it has run this many times, or has taken this long in all.
RUNS, BUDGET_SECONDS = 3, 10.0
# The targets of the speed table.
MAX_EXPONENT = 1.1


# --- inputs ---------------------------------------------------------------------------------


def paths_of(folder: Path) -> list[Path]:
    """The articles of a PolNeAR-format split (`text/*.txt`, or `*.txt` in the folder itself)."""
    texts = folder / "text"
    paths = sorted((texts if texts.is_dir() else folder).glob("*.txt"))
    if not paths:
        raise SystemExit(f"error: no .txt articles in {folder}")
    return paths


def read_split(folder: Path) -> list[str]:
    """The texts of a PolNeAR-format split."""
    return [p.read_text(encoding="utf-8") for p in paths_of(folder)]


def long_article(texts: Sequence[str], scale: int) -> str:
    """Every article joined, `scale` times over, as one article of paragraphs."""
    return "\n\n".join(list(texts) * scale)


def words_in(text: str) -> int:
    return len(text.split())


# --- child processes ------------------------------------------------------------------------


def run_process(command: Sequence[str], stdout: Path | None = None) -> tuple[float, float, float]:
    """Run a command to its end: (wall seconds, its processor seconds, its own peak resident
    set in MB)."""
    sink = open(stdout, "wb") if stdout is not None else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdout is not None:
            sink.close()  # type: ignore[union-attr]
    if child.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} exited {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, _rss_mb(usage.ru_maxrss)


def _rss_mb(maxrss: int) -> float:
    # Linux reports kilobytes; macOS bytes.
    return maxrss / MB if sys.platform == "darwin" else maxrss / 1024


def stage_in_child(stage: str, folder: Path, scale: int) -> dict[str, dict[str, float]]:
    """Time one stage at one scale in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.scale", str(folder), "--child", stage, str(scale)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, dict[str, float]] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def child(stage: str, folder: Path, scale: int) -> None:
    """The child's side of `stage_in_child`: prints one JSON line, each measure's seconds and
    memory (`compare` also times both renderers on its report)."""
    from attribution import article_from_text, check, compare, render_json, render_markdown

    article = folder / "article.txt"
    reprinted = folder / "reprint.txt"
    words = words_in(article.read_text(encoding="utf-8"))
    # Warm up: imports and the sentence splitter are not the input's cost.
    compare(
        article_from_text("\u201cWe are ready,\u201d she said.", "a"), article_from_text("x", "b")
    )
    made: list[object] = []
    jobs: dict[str, Callable[[], object]] = {
        "extract": lambda: article_from_text(article.read_text(encoding="utf-8")),
        "compare": lambda: made.append(compare(str(article), str(reprinted))),
        "check": lambda: check(str(article), str(reprinted)),
    }
    measures = [stage]
    if stage == "compare":
        jobs["markdown"] = lambda: render_markdown(made[-1])  # type: ignore[arg-type]
        jobs["json"] = lambda: render_json(made[-1])  # type: ignore[arg-type]
        measures += ["markdown", "json"]
    out = {}
    for name in measures:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        times: list[float] = []
        walls: list[float] = []
        while len(times) < RUNS and sum(walls) < BUDGET_SECONDS:
            start, cpu = time.perf_counter(), time.process_time()
            jobs[name]()
            times.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - start)
        del made[:-1]
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out[name] = {
            "seconds": statistics.median(times),
            "wall": statistics.median(walls),
            "runs": len(times),
            "words": words,
            "peak_mb": _rss_mb(after),
            "rise_mb": _rss_mb(after - before),
        }
    print(json.dumps(out))


# --- the scale table ------------------------------------------------------------------------


def exponent(points: Sequence[tuple[float, float]]) -> float:
    """The least-squares slope of log(y) on log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def scale_table(
    texts: Sequence[str], scales: dict[str, Sequence[int]], work: Path
) -> tuple[list[int], list[list[str]]]:
    """Run every stage at each of its scales; the table's rows and its columns' scales."""
    from benchmarks.stress import reprint

    columns = sorted({s for stage_scales in scales.values() for s in stage_scales})
    results: dict[tuple[str, int], dict[str, float]] = {}
    for scale in columns:
        folder = work / f"x{scale}"
        folder.mkdir()
        text = long_article(texts, scale)
        (folder / "article.txt").write_text(text, encoding="utf-8")
        (folder / "reprint.txt").write_text(reprint(text), encoding="utf-8")
        for stage, stage_scales in scales.items():
            if scale not in stage_scales:
                continue
            for name, result in stage_in_child(stage, folder, scale).items():
                results[name, scale] = result
                print(f"  {name} x{scale}: {result['seconds']:.2f} s", file=sys.stderr, flush=True)
        shutil.rmtree(folder)
    rows = []
    names = [n for n in STAGES if any((n, s) in results for s in columns)]
    for name in names:
        done = [s for s in columns if (name, s) in results]
        points = [(results[name, s]["words"], results[name, s]["seconds"]) for s in done]
        slope = exponent(points) if len(done) > 1 else float("nan")
        rows.append(
            [
                name,
                *(f"{results[name, s]['seconds']:.2f}" if s in done else "" for s in columns),
                f"{slope:.2f}",
                f"{results[name, done[-1]]['peak_mb']:.0f} (x{done[-1]})",
                f"<= {MAX_EXPONENT}",
                "" if math.isnan(slope) else "yes" if slope <= MAX_EXPONENT else "NO",
            ]
        )
    return columns, rows


# --- side by side ---------------------------------------------------------------------------


def paired(
    a: Callable[[], float], b: Callable[[], float], pairs: int
) -> tuple[float, float, float]:
    """Medians of A's and B's seconds and of A/B, taken in turn."""
    times_a, times_b, ratios = [], [], []
    for _ in range(pairs):
        ta, tb = a(), b()
        times_a.append(ta)
        times_b.append(tb)
        ratios.append(ta / tb)
    return statistics.median(times_a), statistics.median(times_b), statistics.median(ratios)


# Extraction of the articles in process, in a fresh interpreter that imports the package
# from the folder given first (this checkout or an earlier one: the API it uses, `Article`
# and `extract_quotes`, is the same in both); prints the fastest of three runs' processor
# seconds, after one run that warms up.
_EXTRACTION_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from attribution.extract import extract_quotes
from attribution.model import Article
texts = [open(path, encoding="utf-8").read() for path in sys.argv[2:]]
def run():
    start = time.process_time()
    for text in texts:
        extract_quotes(Article(id="a", source="<text>", text=text))
    return time.process_time() - start
run()
print(min(run() for _ in range(3)))
"""


def extraction_in_child(args: Sequence[str]) -> float:
    """The processor seconds `_EXTRACTION_CHILD` reports for a checkout and its articles."""
    out = subprocess.run(
        [sys.executable, "-c", _EXTRACTION_CHILD, *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=args[0],
    )
    return float(out.stdout.strip().splitlines()[-1])


def timed(job: Callable[[], object]) -> float:
    """The processor seconds `job` takes (this process is one thread: on an idle machine, its
    wall time; on a busy one, the part of it spent on this work)."""
    start = time.process_time()
    job()
    return time.process_time() - start


def command_line() -> list[str]:
    """The tool's command as installed beside this interpreter (else `python -m`)."""
    script = Path(sys.executable).with_name("attribution")
    return [str(script)] if script.exists() else [sys.executable, "-m", "attribution"]


def side_by_side(
    texts: Sequence[str],
    work: Path,
    big: int,
    pairs: int,
    stress: bool,
    folder: Path,
    against: Path | None = None,
) -> list[list[str]]:
    from attribution import article_from_text, compare, render_markdown
    from benchmarks.stress import many_quotes, reprint

    rows: list[list[str]] = []
    cli = command_line()

    def row(what: str, value: str, against: str, target: str, met: bool | None) -> None:
        rows.append([what, value, against, target, "" if met is None else "yes" if met else "NO"])

    # One long article against the same words as separate files (the command line, one core).
    one, many = work / "one", work / "many"
    one.mkdir()
    many.mkdir()
    text = long_article(texts, big)
    words = words_in(text)
    (one / "article.txt").write_text(text, encoding="utf-8")
    paths = []
    for n, piece in enumerate(list(texts) * big):
        path = many / f"{n:05d}.txt"
        path.write_text(piece, encoding="utf-8")
        paths.append(str(path))
    memory: dict[str, float] = {}

    def extract_run(
        name: str, files: Sequence[str], jobs: int, *, wall: bool = False
    ) -> Callable[[], float]:
        """A run of `extract` on the files: its processor seconds, or with `wall` its wall
        seconds (what more cores shorten)."""

        def run() -> float:
            out = work / f"{name}.json"
            took, cpu, peak = run_process(
                [*cli, "extract", "--format", "json", "--jobs", str(jobs), *files], out
            )
            memory[name] = max(memory.get(name, 0.0), peak)
            return took if wall else cpu

        return run

    single, split, ratio = paired(
        extract_run("one", [str(one / "article.txt")], 1),
        extract_run("many", paths, 1),
        pairs,
    )
    row(
        f"one {words / 1e6:.2f}M-word article (dev x{big} in one file), extract --jobs 1, "
        "processor seconds",
        f"{single:.1f} s ({words / single / 1000:.0f}k words/s)",
        f"as {len(paths):,} files: {split:.1f} s",
        "<= 1.2x",
        ratio <= 1.2,
    )
    rows[-1][1] += f"; {ratio:.2f}x"
    row(
        f"peak memory, the {words / 1e6:.2f}M-word article",
        f"{memory['one']:.0f} MB",
        f"as {len(paths):,} files: {memory['many']:.0f} MB",
        "<= 200 MB",
        memory["one"] <= 200,
    )

    # --jobs 2 against --jobs 1 on the separate files, with the same report.
    serial, parallel, ratio = paired(
        extract_run("jobs1", paths, 1, wall=True), extract_run("jobs2", paths, 2, wall=True), pairs
    )
    load = os.getloadavg()[0]
    same = (work / "jobs1.json").read_bytes() == (work / "jobs2.json").read_bytes()
    row(
        f"extract --jobs 2, dev x{big} as {len(paths):,} files, wall ({os.cpu_count()} cores, "
        f"load {load:.1f})",
        f"{parallel:.1f} s: {ratio:.2f}x faster, report {'identical' if same else 'DIFFERENT'}",
        f"--jobs 1: {serial:.1f} s",
        ">= 1.7x, identical",
        ratio >= 1.7 and same,
    )
    shutil.rmtree(one)
    shutil.rmtree(many)

    # Extraction in process, one core, against one regular-expression pass over the same text.
    dev_words = sum(map(words_in, texts))
    word_re = re.compile(r"\w+")

    def extract_all() -> float:
        return timed(lambda: [article_from_text(t) for t in texts])

    def one_pass() -> float:
        return timed(lambda: [word_re.findall(t) for t in texts])

    extract_all()
    rate_s, floor_s, ratio = paired(extract_all, one_pass, max(pairs, 5))
    row(
        "extraction with attribution in process, dev articles, one core, processor seconds",
        f"{dev_words / rate_s / 1000:.0f}k words/s",
        f"one regex pass: {dev_words / floor_s / 1e6:.1f}M words/s ({ratio:.0f}x)",
        ">= 500k words/s, <= 10x",
        dev_words / rate_s >= 500_000 and ratio <= 10,
    )

    # The same extraction, each side in a fresh interpreter, against another checkout of the
    # package (an earlier commit): "no slower than it was", measured in turn in one run.
    if against is not None:
        here = [str(ROOT), *map(str, paths_of(folder))]
        there = [str(against), *map(str, paths_of(folder))]
        here_s, there_s, ratio = paired(
            lambda: extraction_in_child(here), lambda: extraction_in_child(there), pairs
        )
        row(
            f"the same in a fresh process each, against the checkout in {against.name}/",
            f"{dev_words / here_s / 1000:.0f}k words/s ({1 / ratio:.2f}x)",
            f"{against.name}/: {dev_words / there_s / 1000:.0f}k words/s",
            ">= 1x",
            ratio <= 1,
        )

    # One article on the command line against an interpreter doing nothing.
    lengths = sorted(texts, key=len)
    story = work / "story.txt"
    story.write_text(lengths[len(lengths) // 2], encoding="utf-8")
    cpus: list[float] = []

    def one_article() -> float:
        wall, cpu, _ = run_process([*cli, "extract", str(story)])
        cpus.append(cpu)
        return wall

    cli_s, bare_s, ratio = paired(
        one_article, lambda: run_process([sys.executable, "-c", "pass"])[0], max(pairs, 7)
    )
    row(
        f"attribution extract one-article.txt ({words_in(story.read_text())} words), wall",
        f"{cli_s:.2f} s (processor {statistics.median(cpus):.2f} s)",
        f"python -c pass: {bare_s:.2f} s",
        "<= 0.3 s",
        cli_s <= 0.3,
    )

    # compare of two long documents against extracting both.
    long_text = long_article(texts, 1)
    other = reprint(long_text)

    def extract_both() -> float:
        return timed(lambda: (article_from_text(long_text, "a"), article_from_text(other, "b")))

    def compare_both() -> float:
        return timed(
            lambda: compare(article_from_text(long_text, "a"), article_from_text(other, "b"))
        )

    compare_s, both_s, ratio = paired(compare_both, extract_both, pairs)
    row(
        f"compare of two long documents (dev joined, {words_in(long_text):,} words each)",
        f"{compare_s:.2f} s ({ratio:.2f}x)",
        f"extracting both: {both_s:.2f} s",
        "<= 1.5x",
        ratio <= 1.5,
    )

    if stress:
        quotes = many_quotes(1.0)
        report = compare(article_from_text(quotes, "a"), article_from_text(reprint(quotes), "b"))
        markdown = statistics.median(timed(lambda: render_markdown(report)) for _ in range(3))
        row(
            "markdown of the stress run's 20,000-quote pair",
            f"{markdown:.2f} s",
            f"{len(report.matches):,} matches",
            "<= 2 s",
            markdown <= 2,
        )
    return rows


# --- main -----------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Print the scale table and the side-by-side figures; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("split", type=Path, help="a PolNeAR-format split folder (text/*.txt)")
    parser.add_argument("--scales", default="1,2,4,8,16", help="comma-separated multiples")
    parser.add_argument(
        "--check-scales",
        default="1,2,4",
        help="the scales for check (each quote is sought through the whole reprint as a "
        "transcript: at x16 one check takes about ten minutes)",
    )
    parser.add_argument("--pairs", type=int, default=3, help="runs of each side by side")
    parser.add_argument(
        "--skip-stress", action="store_true", help="leave out the 20,000-quote render"
    )
    parser.add_argument("--skip-scale", action="store_true", help="only the side-by-side figures")
    parser.add_argument(
        "--against",
        type=Path,
        help="a checkout of an earlier commit: time in-process extraction of the split "
        "against it, side by side (e.g. made by `git worktree add`)",
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.split, int(args.child[1]))
        return 0
    texts = read_split(args.split)
    scales = [int(s) for s in args.scales.split(",")]
    check_scales = [int(s) for s in args.check_scales.split(",") if s]
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="attribution-scale-") as tmp:
        work = Path(tmp)
        columns: list[int] = []
        table: list[list[str]] = []
        if not args.skip_scale:
            columns, table = scale_table(
                texts, {"extract": scales, "compare": scales, "check": check_scales}, work
            )
        rows = side_by_side(
            texts, work, max(scales), args.pairs, not args.skip_stress, args.split, args.against
        )
    after = os.getloadavg()
    print(
        f"Scale on {args.split.name} ({len(texts)} articles, {sum(map(words_in, texts)):,} "
        f"words at x1); Python {platform.python_version()}, {os.cpu_count()} cores; load "
        f"average {load[0]:.1f} before, {after[0]:.1f} after\n"
    )
    if table:
        print(
            tabulate(
                table,
                headers=[
                    "stage (processor s)",
                    *(f"x{s}" for s in columns),
                    "growth exponent",
                    "peak MB",
                    "target",
                    "met",
                ],
                tablefmt="github",
                disable_numparse=True,
            )
        )
        print()
    print(
        tabulate(
            rows,
            headers=["measure", "value", "beside it", "target", "met"],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
