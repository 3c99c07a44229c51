"""Benchmark quote extraction and speaker attribution on a PolNeAR-format gold folder.

Prints one table: quote precision, recall and F1, speaker accuracy, words per second and peak
memory, for attribution and for a naive baseline, on each corpus given (train and dev side by
side), under a header naming the corpora, their counts and the Python version; then the share
of hand-labelled pronoun quotes whose pronoun was resolved to the right person. The scoring
definition is in `eval_common.py`.

    python benchmarks/extraction.py TRAIN DEV                # the table (PolNeAR data/ folders)
    python benchmarks/extraction.py TRAIN --errors           # and every error on train
    python benchmarks/extraction.py TRAIN DEV --gate         # exit 1 below the pinned floors
    python benchmarks/extraction.py TRAIN DEV --update       # re-pin the floors
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tabulate import tabulate

try:
    from benchmarks import eval_common as ec
except ModuleNotFoundError:  # run as a script (python benchmarks/extraction.py): no package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks import eval_common as ec

from attribution.extract import countable, extract_quotes, same_speaker, trim_span
from attribution.model import Article

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "benchmarks" / "baseline.json"
# Pronoun quotes of PolNeAR train, each labelled by hand with who the pronoun is.
PRONOUN_LABELS = ROOT / "benchmarks" / "pronouns" / "labels.tsv"
# The gate's allowed slack, as a share of the pinned number. Accuracy is deterministic, so
# 0.2% (about one quote of dev's several hundred) is room for nothing but a real change.
# Timing on a shared machine varies by a third between runs: only falling to half the pinned
# speed is a real slowdown (a loop gone quadratic). Peak memory moves little: 20%.
TOLERANCE = ec.Tolerance(
    floors={
        "quote_precision": 0.002,
        "quote_recall": 0.002,
        "quote_f1": 0.002,
        "speaker_accuracy": 0.002,
        "words_per_second": 0.5,
    },
    ceilings={"peak_memory_mb": 0.2},
)
# Timing passes over the workload; the best is reported (the least disturbed by other work).
DEFAULT_REPEAT = 10
DEFAULT_SEED = 0

Predictor = Callable[[str], list[ec.Prediction]]


# --- the two modes ---------------------------------------------------------------------------


def attribution_predictions(text: str) -> list[ec.Prediction]:
    """attribution's quotes (terms left out), each with its pieces, speaker and mention."""
    quotes = extract_quotes(Article("a", "<benchmark>", text=text))
    return [ec.Prediction(q.spans, q.speaker, q.speaker_mention) for q in countable(quotes)]


def naive_predictions(
    text: str, *, marks: re.Pattern[str] = ec.GOLD_MARK_RE
) -> list[ec.Prediction]:
    """The naive baseline: text between quote marks, the capitalised name next to "said".

    The gold definition's marks are paired in turn on each line (one left over closes at the
    line's end); the speaker is the capitalised name just before or after "said" outside
    quotes on the quote's line: the first such after the quote, else the last before it.
    """
    out: list[ec.Prediction] = []
    pos = 0
    for line in text.split("\n"):
        found = [(m.start(), m.end()) for m in marks.finditer(line)]
        pairs = [
            (found[i][1], found[i + 1][0] if i + 1 < len(found) else len(line))
            for i in range(0, len(found), 2)
        ]
        bare = line
        for start, end in pairs:  # blank out quotes (keeping offsets) to search outside them
            bare = bare[:start] + " " * (end - start) + bare[end:]
        for start, end in pairs:
            s, e = trim_span(line, start, end)
            if s >= e:
                continue
            name = _name_next_to_said(bare[end:]) or _name_next_to_said(bare[:start], last=True)
            out.append(ec.Prediction(((pos + s, pos + e),), name, name))
        pos += len(line) + 1
    return out


# A capitalised name (one to five capitalised words) right before or after "said". Words are
# separated by one white-space character the word class excludes, and the repetition is
# bounded, so a long run of capitalised words costs linear time, not a backtracking storm.
_NAME_SAID_RE = re.compile(r"((?:[A-Z][\w.'\u2019-]*\s){0,4}[A-Z][\w.'\u2019-]*)\s+said\b")
_SAID_NAME_RE = re.compile(r"\bsaid\s+([A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,4})")


def _name_next_to_said(segment: str, *, last: bool = False) -> str | None:
    """The capitalised name beside the first (or last) "said" in a stretch of text."""
    found: list[tuple[int, str]] = []
    for regex in (_NAME_SAID_RE, _SAID_NAME_RE):
        found += [(m.start(), m.group(1)) for m in regex.finditer(segment)]
    if not found:
        return None
    found.sort()
    return found[-1][1] if last else found[0][1]


# The modes in the table, first the one the gate measures.
MODES: dict[str, Predictor] = {
    "attribution": attribution_predictions,
    "naive baseline": naive_predictions,
}


# --- running ---------------------------------------------------------------------------------


@dataclass(slots=True)
class ModeResult:
    """One mode's scores over the corpus, its speed and memory, and its per-article errors."""

    name: str
    corpus: str = ""
    quotes: ec.Counts = field(default_factory=ec.Counts)
    speakers: ec.Accuracy = field(default_factory=ec.Accuracy)
    words_per_second: float = 0.0
    peak_memory_mb: float = 0.0
    crashed: list[str] = field(default_factory=list)
    scores: dict[str, ec.ArticleScore] = field(default_factory=dict)


def predict_safely(
    predict: Predictor, article: ec.GoldArticle, crashed: list[str]
) -> list[ec.Prediction]:
    """The predictions for one article; a crash is that article's miss, printed once."""
    try:
        return predict(article.text)
    except Exception as err:  # a crash is scored as a miss, never aborts the benchmark
        if article.name not in crashed:
            crashed.append(article.name)
            print(f"error: {article.name}: {type(err).__name__}: {err}", file=sys.stderr)
        return []


def score_mode(name: str, predict: Predictor, articles: Sequence[ec.GoldArticle]) -> ModeResult:
    """Quote and speaker scores of one mode over every article."""
    result = ModeResult(name)
    for article in articles:
        score = ec.score_article(article, predict_safely(predict, article, result.crashed))
        result.quotes.add(score.quotes)
        result.speakers.add(score.speakers)
        result.scores[article.name] = score
    return result


def words_per_second(
    predict: Predictor, articles: Sequence[ec.GoldArticle], *, repeat: int, seed: int
) -> float:
    """Words per second over a seeded shuffle of the articles, best of `repeat` passes."""
    workload = [a.text for a in articles]
    random.Random(seed).shuffle(workload)
    words = sum(len(text.split()) for text in workload)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in workload:
            try:
                predict(text)
            except Exception:  # already reported by the scoring pass
                continue
        best = min(best, time.perf_counter() - started)
    return words / best if best > 0 else 0.0


def peak_memory_mb(mode: str, folder: Path) -> float:
    """Peak resident memory (MB) of a fresh process extracting the whole corpus in one mode.

    A process of its own, so the number is what a user's run costs: interpreter, libraries,
    texts and every result kept, nothing of this benchmark's gold data or earlier passes.
    """
    code = (
        "import resource, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pathlib import Path\n"
        "from benchmarks.extraction import MODES\n"
        f"predict = MODES[{mode!r}]\n"
        f"paths = sorted(Path({str(folder)!r}, 'text').glob('*.txt'))\n"
        "kept = []\n"
        "for path in paths:\n"
        "    try:\n"
        "        kept.append(predict(path.read_text(encoding='utf-8')))\n"
        "    except Exception:\n"
        "        pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return int(done.stdout.split()[-1]) * scale / 1e6


def run(
    folder: Path, articles: Sequence[ec.GoldArticle], *, repeat: int, seed: int
) -> list[ModeResult]:
    """Score, time and measure every mode on the articles read from `folder`."""
    results = []
    for name, predict in MODES.items():
        result = score_mode(name, predict, articles)
        result.corpus = corpus_name(folder)
        result.words_per_second = words_per_second(predict, articles, repeat=repeat, seed=seed)
        result.peak_memory_mb = peak_memory_mb(name, folder)
        results.append(result)
    return results


def corpus_name(folder: Path) -> str:
    """A corpus's name in the table and the floors file: its folder's name (train, dev)."""
    return folder.resolve().name


# --- pronouns --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PronounLabel:
    """A hand label: the quote whose gold Source is a pronoun, and who the pronoun is."""

    doc: str
    quote: ec.Span
    pronoun: str
    referent: str  # "?" when the article never names who it is


def read_pronoun_labels(path: Path) -> list[PronounLabel]:
    """The hand labels of `benchmarks/pronouns/labels.tsv` (empty when the file is absent).

    Raises:
        ec.GoldDataError: a row is malformed; the message names its line.
    """
    if not path.exists():
        return []
    labels = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if not line.strip():
            continue
        try:
            labels.append(
                PronounLabel(cells[0], (int(cells[1]), int(cells[2])), cells[5], cells[6])
            )
        except (IndexError, ValueError) as err:
            raise ec.GoldDataError(f"{path}: line {number}: malformed row ({err})") from err
    return labels


def pronoun_resolution(
    labels: Sequence[PronounLabel], articles: Sequence[ec.GoldArticle]
) -> ec.Accuracy:
    """How many labelled pronoun quotes (of these articles) attribution credits to the referent.

    A label whose referent the article never names counts as right only when the tool leaves
    the speaker unknown; a quote the tool does not find counts as wrong.
    """
    by_name = {a.name: a for a in articles}
    accuracy = ec.Accuracy()
    cache: dict[str, list[ec.Prediction]] = {}
    for label in labels:
        article = by_name.get(label.doc)
        if article is None:
            continue
        if label.doc not in cache:
            cache[label.doc] = attribution_predictions(article.text)
        finder = next(
            (p for p in cache[label.doc] if ec.is_covered((label.quote,), p.pieces)), None
        )
        accuracy.total += 1
        if finder is None:
            continue
        if label.referent == "?":
            accuracy.correct += finder.speaker is None
        elif same_speaker(finder.speaker, label.referent):
            accuracy.correct += 1
    return accuracy


def pin_to_one_core() -> str:
    """Run on one core when the OS allows it; says which, for the header."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "one process"


# --- reporting -------------------------------------------------------------------------------


def header(
    corpora: Sequence[tuple[Path, Sequence[ec.GoldArticle]]], *, repeat: int, seed: int
) -> str:
    """Each corpus and its counts, the Python version and how speed was measured."""
    lines = []
    for folder, articles in corpora:
        words = sum(len(a.text.split()) for a in articles)
        gold = sum(len(a.quotes) for a in articles)
        sourced = sum(1 for a in articles for q in a.quotes if q.source is not None)
        lines.append(
            f"Corpus {corpus_name(folder)}: {folder} ({len(articles)} articles, {words:,} words, "
            f"{gold} gold quotes, {sourced} with a Source; first annotation file per article)"
        )
    return "\n".join(lines) + (
        f"\nPython {platform.python_version()} on {platform.machine()}; words/s: best of "
        f"{repeat} passes over a seeded shuffle (seed {seed}), extraction with attribution; "
        "peak MB: resident memory of a fresh process extracting the whole corpus"
    )


def table(results: Sequence[ModeResult]) -> str:
    """The results as a GitHub markdown table."""
    rows = [
        [
            r.corpus,
            r.name,
            f"{r.quotes.precision():.3f}",
            f"{r.quotes.recall():.3f}",
            f"{r.quotes.f1():.3f}",
            f"{r.speakers.value():.3f}",
            f"{r.words_per_second:,.0f}" if r.words_per_second else "",
            f"{r.peak_memory_mb:.1f}" if r.peak_memory_mb else "",
        ]
        for r in results
    ]
    head = [
        "corpus", "mode", "quote P", "quote R", "quote F1", "speaker acc.", "words/s",
        "peak MB",
    ]  # fmt: skip
    return str(
        tabulate(
            rows,
            head,
            tablefmt="github",
            disable_numparse=True,
            colalign=("left", "left") + ("right",) * 6,
        )
    )


def print_errors(result: ModeResult, articles: Sequence[ec.GoldArticle]) -> None:
    """Every missed gold quote, wrong predicted quote and wrong speaker, article by article."""
    for article in articles:
        score = result.scores[article.name]
        text = article.text
        for quote in score.missed:
            print(f"MISSED  {article.name} {quote.start}: {_excerpt(text, quote.start, quote.end)}")
        for prediction in score.wrong:
            s, e = prediction.pieces[0][0], prediction.pieces[-1][1]
            print(f"WRONG   {article.name} {s}: {_excerpt(text, s, e)}")
        for quote, prediction in score.wrong_speaker:
            print(
                f"SPEAKER {article.name} {quote.start}: gold {quote.source!r}, predicted "
                f"{prediction.mention!r} -> {prediction.speaker!r}: "
                f"{_excerpt(text, quote.start, quote.end, 60)}"
            )


def _excerpt(text: str, start: int, end: int, width: int = 100) -> str:
    quoted = text[start:end].replace("\n", " | ")
    return repr(quoted if len(quoted) <= width else quoted[: width - 3] + "...")


def measures(result: ModeResult) -> dict[str, float]:
    """The gated measures of one mode, by name."""
    return {
        "quote_precision": round(result.quotes.precision(), 4),
        "quote_recall": round(result.quotes.recall(), 4),
        "quote_f1": round(result.quotes.f1(), 4),
        "speaker_accuracy": round(result.speakers.value(), 4),
        "words_per_second": round(result.words_per_second, -3),
        "peak_memory_mb": round(result.peak_memory_mb, 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 0, or 1 when the gate fails, or 2 on bad gold data or usage."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument(
        "folders", type=Path, nargs="+", help="PolNeAR-format folders (text/, attributions/)"
    )
    parser.add_argument("--gate", action="store_true", help="exit 1 when below the pinned floors")
    parser.add_argument("--update", action="store_true", help="re-pin the floors on this run")
    parser.add_argument(
        "--allow-regression", action="store_true", help="let --update lower a floor"
    )
    parser.add_argument("--errors", action="store_true", help="print every error of attribution")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timing passes")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="workload shuffle seed")
    parser.add_argument("--baseline", type=Path, default=BASELINE, help="the floors file")
    parser.add_argument(
        "--pronouns", type=Path, default=PRONOUN_LABELS, help="the hand-labelled pronoun quotes"
    )
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        corpora = [(folder, ec.load_folder(folder)) for folder in args.folders]
        baselines = ec.read_baseline(args.baseline)
        labels = read_pronoun_labels(args.pronouns)
    except ec.GoldDataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    pin_to_one_core()
    results = [
        r
        for folder, articles in corpora
        for r in run(folder, articles, repeat=args.repeat, seed=args.seed)
    ]
    print(header(corpora, repeat=args.repeat, seed=args.seed))
    print()
    print(table(results))
    for folder, articles in corpora:
        resolved = pronoun_resolution(labels, articles)
        if resolved.total:
            print(
                f"\nPronouns resolved to the right person ({corpus_name(folder)}, hand labels in "
                f"{args.pronouns.name}): {resolved.correct} of {resolved.total} "
                f"({resolved.value():.3f})"
            )
    ours = {r.corpus: r for r in results if r.name == "attribution"}
    for corpus, result in ours.items():
        if result.crashed:
            print(f"\n{corpus}: {len(result.crashed)} article(s) crashed and count as misses.")
    if args.errors:
        for folder, articles in corpora:
            print()
            print_errors(ours[corpus_name(folder)], articles)
    failed = False
    for folder, _articles in corpora:
        name = corpus_name(folder)
        baseline = baselines.get(name, {})
        digest = ec.gold_digest(folder)
        measured = measures(ours[name])
        if args.update:
            try:
                pinned = ec.updated_baseline(
                    baseline, measured, digest, TOLERANCE, allow_regression=args.allow_regression
                )
            except ec.RegressionRefused as err:
                print(f"error: {name}: {err}", file=sys.stderr)
                return 1
            baselines[name] = pinned
            ec.write_baseline(args.baseline, baselines)
            print(f"\nPinned the floors of {name} in {args.baseline}.")
        if args.gate:
            failures = ec.gate_failures(measured, baseline, TOLERANCE, digest)
            for failure in failures:
                print(f"gate: {name}: {failure}", file=sys.stderr)
            failed = failed or bool(failures)
    if args.gate:
        if failed:
            return 1
        print("\nGate passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
