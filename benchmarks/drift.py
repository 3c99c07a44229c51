"""Drift benchmark: known edits of every change category on real quotes, scored and timed.

Run it on a folder of articles (PolNeAR's dev split holds them in `text/`):

    .venv/bin/python -m benchmarks.drift ../shared/eval/polnear/dev

It extracts the quotes with the tool, makes one edited copy of each quote per change category
at a seeded random position (`drift_edits.py`), compares each original with its copy, and
prints per category how often the change was named (recall) and how often a change named so
was one (precision). Then speed: pairs aligned and classified per second, and `compare` on two
long documents (every article joined, against an edited copy) beside extracting them; and,
for the matcher's precision, how many quotes it pairs as changed between different stories.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tabulate import tabulate

from attribution import Article, ChangeCategory, QuoteKind, Severity, Verdict, compare
from attribution.align import align_texts
from attribution.classify import DEFAULT_SEVERITIES, classify_alignment
from attribution.extract import extract_quotes
from attribution.model import Change, Quote
from benchmarks import drift_edits as ed
from benchmarks.drift_vocabulary import HAND, Vocabulary, public

# Quotes shorter than this leave no inner word to edit.
MIN_QUOTE_WORDS = 3
# Timings are best of this many runs: the machine is shared, and the best run is the one
# least disturbed by other work.
DEFAULT_REPEAT = 5
DEFAULT_SEED = 7
# Share of the long document's quotes that get an edit; the rest stay as printed.
LONG_EDIT_SHARE = 0.5

Cat = ChangeCategory
Editor = Callable[[str, random.Random], "str | None"]
COSMETIC = frozenset({Cat.PUNCTUATION, Cat.CASE, Cat.SPELLING})
_CATEGORY_VALUES = frozenset(c.value for c in Cat)

# Edit kinds with no category: they must leave no change at all, or only a fragment.
NO_CHANGE = "no change"
MARKS = "quote marks, ellipsis form"
SPACING = "spacing"
FRAGMENT = "fragment"
EXTRA_KINDS = (MARKS, SPACING, FRAGMENT, NO_CHANGE)
# What each of those must come out as.
EXPECTED_VERDICT = {
    MARKS: Verdict.IDENTICAL,
    SPACING: Verdict.IDENTICAL,
    FRAGMENT: Verdict.PARTIAL,
    NO_CHANGE: Verdict.IDENTICAL,
}


@dataclass(frozen=True, slots=True)
class Case:
    """One quote and its edited copy, with the kind of edit made."""

    kind: str  # a ChangeCategory value, or one of EXTRA_KINDS
    original: str
    edited: str


@dataclass(slots=True)
class Confusion:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def precision(self) -> float:
        """Share of the cases named with this category that had such an edit (0 when none)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        """Share of the edits of this category that were named so (0 when none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the classifier made of one case."""

    case: Case
    categories: frozenset[Cat]
    verdict: Verdict
    severity: Severity


@dataclass(slots=True)
class Scores:
    """Per-category confusion and the checks on cases with no category."""

    by_category: dict[Cat, Confusion] = field(default_factory=lambda: {c: Confusion() for c in Cat})
    edits: dict[str, int] = field(default_factory=dict)
    only: dict[str, int] = field(default_factory=dict)  # cases whose one category is the edit's
    verdict_right: dict[str, int] = field(default_factory=dict)
    cosmetic_above_info: int = 0
    cosmetic_cases: int = 0
    misses: dict[str, list[Outcome]] = field(default_factory=dict)
    false_positives: dict[str, list[Outcome]] = field(default_factory=dict)


# --- corpus -------------------------------------------------------------------------------


def article_texts(folder: Path) -> list[tuple[str, str]]:
    """(name, text) of each article in `folder/text/*.txt`, or `folder/*.txt`, by name."""
    base = folder / "text" if (folder / "text").is_dir() else folder
    paths = sorted(base.glob("*.txt"))
    if not paths:
        raise SystemExit(f"error: no articles (*.txt) in {base}")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def extract_statements(text: str, article_id: str = "a") -> tuple[Quote, ...]:
    """The quotes the tool finds in an article, without quoted terms and without quotes
    inside other quotes (an edit of the outer quote edits them too)."""
    quotes = extract_quotes(Article(article_id, "<benchmark>", text=text))
    return tuple(q for q in quotes if q.kind is not QuoteKind.TERM and q.within is None)


def corpus_quotes(texts: Iterable[tuple[str, str]]) -> list[str]:
    """Every statement quoted in the articles, long enough to edit inside."""
    out: list[str] = []
    for _, text in texts:
        for quote in extract_statements(text):
            if len(ed.quote_words(quote.text)) >= MIN_QUOTE_WORDS:
                out.append(quote.text)
    return out


# --- cases --------------------------------------------------------------------------------


def editors(names: frozenset[str], vocab: Vocabulary | None = None) -> dict[str, Editor]:
    """The edit for each change category and each kind that must change nothing.

    Args:
        names: words used as names in the quotes (`drift_edits.name_lexicon`).
        vocab: the words edits use (`drift_vocabulary`); the public lists when None.
    """
    vocab = vocab or public()

    def with_vocab(edit: Callable[..., str | None]) -> Editor:
        return lambda text, rng: edit(text, rng, vocab=vocab)

    def spelling(text: str, rng: random.Random) -> str | None:
        return ed.edit_spelling(text, rng, names=names, vocab=vocab)

    def name(text: str, rng: random.Random) -> str | None:
        return ed.edit_name(text, rng, names=names, vocab=vocab)

    return {
        Cat.PUNCTUATION.value: ed.edit_punctuation,
        Cat.CASE.value: ed.edit_case,
        Cat.SPELLING.value: spelling,
        Cat.ELLIPSIS.value: with_vocab(ed.edit_ellipsis),
        Cat.BRACKET.value: ed.edit_bracket,
        Cat.WORDING.value: with_vocab(ed.edit_wording),
        Cat.MODALITY.value: with_vocab(ed.edit_modality),
        Cat.NUMBER.value: ed.edit_number,
        Cat.NEGATION.value: with_vocab(ed.edit_negation),
        Cat.NAME.value: name,
        MARKS: ed.edit_marks,
        SPACING: ed.edit_spacing,
        FRAGMENT: with_vocab(ed.edit_fragment),
        NO_CHANGE: lambda text, rng: text,
    }


def make_cases(quotes: Sequence[str], *, seed: int, vocab: Vocabulary | None = None) -> list[Case]:
    """One edited copy of every quote per edit kind that applies to it, seeded."""
    table = editors(ed.name_lexicon(quotes, vocab), vocab)
    cases: list[Case] = []
    for i, quote in enumerate(quotes):
        for kind, edit in table.items():
            rng = random.Random(f"{seed}:{i}:{kind}")
            edited = edit(quote, rng)
            if edited is not None and (edited != quote or kind == NO_CHANGE):
                cases.append(Case(kind, quote, edited))
    return cases


# --- classification and scoring -----------------------------------------------------------


def classify_pair(a: str, b: str) -> tuple[tuple[Change, ...], Verdict, Severity]:
    """Align two wordings and classify every difference, as `compare` does for a match."""
    alignment = align_texts(a, b)
    return classify_alignment(alignment, a, b)


def run_cases(cases: Sequence[Case]) -> list[Outcome]:
    """Classify every case."""
    out = []
    for case in cases:
        changes, verdict, severity = classify_pair(case.original, case.edited)
        out.append(Outcome(case, frozenset(c.category for c in changes), verdict, severity))
    return out


def score(outcomes: Iterable[Outcome]) -> Scores:
    """Count, per category, edits named (tp), missed (fn) and categories named wrongly (fp).

    The matching rule: a case counts for category C when the classifier names at least one
    change of category C; a case whose edit was of category C and that names none is C's
    false negative; every other category it names is that category's false positive (so a
    wording edit also reported as a name change costs `name` precision). Cases with no
    category (quote marks, spacing, no change, fragment) can only add false positives.
    """
    scores = Scores()
    for outcome in outcomes:
        kind = outcome.case.kind
        scores.edits[kind] = scores.edits.get(kind, 0) + 1
        expected = Cat(kind) if kind in _CATEGORY_VALUES else None
        for category in Cat:
            named = category in outcome.categories
            if category is expected:
                if named:
                    scores.by_category[category].tp += 1
                else:
                    scores.by_category[category].fn += 1
            elif named:
                scores.by_category[category].fp += 1
        if expected is not None and outcome.categories == {expected}:
            scores.only[kind] = scores.only.get(kind, 0) + 1
        if expected is None and outcome.verdict is EXPECTED_VERDICT[kind]:
            scores.verdict_right[kind] = scores.verdict_right.get(kind, 0) + 1
        if expected in COSMETIC or kind in (MARKS, SPACING):
            scores.cosmetic_cases += 1
            if outcome.severity > Severity.INFO:
                scores.cosmetic_above_info += 1
        missed = (expected is not None and expected not in outcome.categories) or (
            expected is None and outcome.verdict is not EXPECTED_VERDICT[kind]
        )
        if missed:
            scores.misses.setdefault(kind, []).append(outcome)
        for category in outcome.categories - {expected}:
            scores.false_positives.setdefault(category.value, []).append(outcome)
    return scores


# --- speed --------------------------------------------------------------------------------


def best_time(run: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def pairs_per_second(cases: Sequence[Case], repeat: int) -> float:
    """Quote pairs aligned and classified per second, best of `repeat` runs."""

    def run() -> None:
        for case in cases:
            classify_pair(case.original, case.edited)

    return len(cases) / best_time(run, repeat)


@dataclass(frozen=True, slots=True)
class LongRun:
    """The two long documents and what `compare` made of them."""

    quotes_a: int
    quotes_b: int
    edited: int
    extract_seconds: float
    compare_seconds: float
    paired_right: int  # quotes of a paired with the quote made from them in b
    edits_named: int  # edited quotes whose match names the edit's category
    edits_named_of: int


def edit_long_document(
    text: str, quotes: Sequence[Quote], *, seed: int, vocab: Vocabulary | None = None
) -> tuple[str, list[tuple[Quote, str, int, int]]]:
    """An edited copy of a long document: about half its quotes edited in place.

    Returns:
        The new text and, for each quote, (quote, edit kind, start, end) of its words in it.
    """
    rng = random.Random(f"{seed}:long")
    names = ed.name_lexicon([q.text for q in quotes], vocab)
    table = editors(names, vocab)
    kinds = [c.value for c in Cat]
    pieces: list[str] = []
    placed: list[tuple[Quote, str, int, int]] = []
    pos = 0
    length = 0
    for quote in quotes:
        kind = NO_CHANGE
        new = quote.text
        if len(quote.spans) == 1 and rng.random() < LONG_EDIT_SHARE:
            kind = rng.choice(kinds)
            edited = table[kind](quote.text, random.Random(f"{seed}:{quote.id}:{kind}"))
            if edited is None or edited == quote.text or not _keeps_quote_marks(edited):
                kind, edited = NO_CHANGE, quote.text
            new = edited
        if len(quote.spans) > 1:
            new_start = length + (quote.start - pos)
            pieces.append(text[pos : quote.end])
            length += quote.end - pos
            placed.append((quote, kind, new_start, length))
            pos = quote.end
            continue
        pieces.append(text[pos : quote.start])
        length += quote.start - pos
        pieces.append(new)
        placed.append((quote, kind, length, length + len(new)))
        length += len(new)
        pos = quote.end
    pieces.append(text[pos:])
    return "".join(pieces), placed


def _keeps_quote_marks(text: str) -> bool:
    """An edit must not add quote marks, which would change where quotes are found."""
    return not any(ch in text for ch in '\u201c\u201d"')


def long_documents(
    texts: Sequence[tuple[str, str]], *, seed: int, repeat: int, vocab: Vocabulary | None = None
) -> LongRun:
    """Time `compare` on all articles joined against an edited copy, and check its pairs."""
    doc_a = "\n\n".join(text for _, text in texts)
    quotes_a = extract_statements(doc_a, "a")
    doc_b, placed = edit_long_document(doc_a, quotes_a, seed=seed, vocab=vocab)

    def extract_both() -> None:
        extract_quotes(Article("a", "a", text=doc_a))
        extract_quotes(Article("b", "b", text=doc_b))

    report = None

    def run_compare() -> None:
        nonlocal report
        report = compare(Article("a", "a", text=doc_a), Article("b", "b", text=doc_b))

    # Interleaved, so that load from other work on the machine falls on both alike.
    extract_seconds = compare_seconds = float("inf")
    for _ in range(repeat):
        extract_seconds = min(extract_seconds, best_time(extract_both, 1))
        compare_seconds = min(compare_seconds, best_time(run_compare, 1))
    assert report is not None
    b_quotes = {q.id: q for q in report.article("b").quotes}
    # A statement printed in pieces is matched whole, under its first piece's id.
    matches = {piece: m for m in report.matches for piece in m.a_pieces}
    paired = named = named_of = 0
    for quote, kind, start, end in placed:
        match = matches.get(quote.id)
        if match is None:
            continue
        if any(b_quotes[b].start < end and start < b_quotes[b].end for b in match.b_pieces):
            paired += 1
        if kind in _CATEGORY_VALUES:
            named_of += 1
            if any(c.category is Cat(kind) for c in match.changes):
                named += 1
    statements_b = sum(
        1 for q in report.article("b").quotes if q.kind is not QuoteKind.TERM and q.within is None
    )
    return LongRun(
        quotes_a=len(quotes_a),
        quotes_b=statements_b,
        edited=sum(1 for _, kind, _, _ in placed if kind != NO_CHANGE),
        extract_seconds=extract_seconds,
        compare_seconds=compare_seconds,
        paired_right=paired,
        edits_named=named,
        edits_named_of=named_of,
    )


@dataclass(frozen=True, slots=True)
class CrossRun:
    """Each article compared with the next one in the folder: different stories."""

    comparisons: int
    quotes: int
    changed_pairs: int  # matches that report a change or a rewording: false pairings


def different_stories(texts: Sequence[tuple[str, str]]) -> CrossRun:
    """Compare each article with the next (another story): any changed match is a false pair.

    Two stories may share a quote word for word (a debate line), so identical, cosmetic and
    partial matches are not counted; a match reported altered, editorial or reworded is
    a quote paired with one it is not.
    """
    changed = quotes = 0
    for (_, first), (_, second) in zip(texts, [*texts[1:], texts[0]], strict=True):
        report = compare(Article("a", "a", text=first), Article("b", "b", text=second))
        quotes += sum(1 for a in report.articles for q in a.quotes if q.kind is not QuoteKind.TERM)
        changed += sum(
            1
            for m in report.matches
            if m.verdict in (Verdict.ALTERED, Verdict.EDITORIAL, Verdict.REWORDED)
        )
    return CrossRun(len(texts), quotes, changed)


# --- report -------------------------------------------------------------------------------

# Recall each category must reach.
RECALL_TARGETS = {c: 1.0 if c in (Cat.NEGATION, Cat.NUMBER, Cat.NAME) else 0.98 for c in Cat}
MIN_PAIRS_PER_SECOND = 5000
MAX_COMPARE_TO_EXTRACT = 2.0


def render(
    *,
    corpus: str,
    articles: int,
    quotes: int,
    scores: Scores,
    rate: float,
    long_run: LongRun,
    cross: CrossRun,
    seed: int,
    repeat: int,
) -> str:
    """The benchmark's tables, with a header naming corpus, counts and Python version."""
    cases = sum(scores.edits.values())
    lines = [
        f"Drift detection on {corpus}: {articles} articles, {quotes} quotes, {cases} edited "
        f"pairs (seed {seed}); Python {platform.python_version()}, timings best of {repeat}",
        "",
    ]
    rows = []
    for category in Cat:
        conf = scores.by_category[category]
        n = scores.edits.get(category.value, 0)
        target = RECALL_TARGETS[category]
        rows.append(
            [
                category.value,
                DEFAULT_SEVERITIES[category].value,
                n,
                f"{conf.recall():.3f}",
                f"{conf.precision():.3f}",
                f"{scores.only.get(category.value, 0) / n:.3f}" if n else "-",
                f"\u2265 {target:.2f}",
                "yes" if conf.recall() >= target else "NO",
            ]
        )
    for kind in EXTRA_KINDS:
        n = scores.edits.get(kind, 0)
        right = scores.verdict_right.get(kind, 0)
        rows.append(
            [
                kind,
                "",
                n,
                f"{right / n:.3f}" if n else "-",
                "",
                "",
                f"verdict {EXPECTED_VERDICT[kind].value}",
                "yes" if n and right == n else "NO",
            ]
        )
    lines.append(
        tabulate(
            rows,
            headers=[
                "edit",
                "severity",
                "edits",
                "recall",
                "precision",
                "only this change",
                "target",
                "met",
            ],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    ratio = long_run.compare_seconds / long_run.extract_seconds
    speed = [
        [
            "cosmetic-only edits rated above info",
            f"{scores.cosmetic_above_info} of {scores.cosmetic_cases}",
            "0",
            "yes" if scores.cosmetic_above_info == 0 else "NO",
        ],
        [
            "quote pairs aligned and classified per second",
            f"{rate:,.0f}",
            f"\u2265 {MIN_PAIRS_PER_SECOND:,}",
            "yes" if rate >= MIN_PAIRS_PER_SECOND else "NO",
        ],
        [
            f"compare, two long documents ({long_run.quotes_a:,} and {long_run.quotes_b:,} "
            f"quotes, {long_run.edited:,} edited)",
            f"{long_run.compare_seconds:.2f} s",
            f"< {MAX_COMPARE_TO_EXTRACT:.0f} \u00d7 extract",
            "yes" if ratio < MAX_COMPARE_TO_EXTRACT else "NO",
        ],
        ["extract both long documents", f"{long_run.extract_seconds:.2f} s", "", ""],
        ["compare / extract", f"{ratio:.2f}", "", ""],
        [
            "long documents: quotes paired with their edited copy",
            f"{long_run.paired_right:,} of {long_run.quotes_a:,}",
            "",
            "",
        ],
        [
            "long documents: edits named in their match",
            f"{long_run.edits_named:,} of {long_run.edits_named_of:,}",
            "",
            "",
        ],
        [
            f"different stories ({cross.comparisons} articles, each against the next): "
            "quotes paired as altered, editorial or reworded",
            f"{cross.changed_pairs:,} of {cross.quotes:,} quotes",
            "",
            "",
        ],
    ]
    lines += [
        "",
        tabulate(
            speed,
            headers=["measure", "value", "target", "met"],
            tablefmt="github",
            disable_numparse=True,
        ),
    ]
    return "\n".join(lines) + "\n"


def render_misses(scores: Scores, limit: int) -> str:
    """Up to `limit` missed cases per edit kind, and per category named wrongly."""
    out = []
    listed = [(f"{k}: missed", v) for k, v in sorted(scores.misses.items())]
    listed += [(f"{k}: named wrongly", v) for k, v in sorted(scores.false_positives.items())]
    for title, outcomes in listed:
        out.append(f"## {title} ({len(outcomes)})")
        for o in outcomes[:limit]:
            named = ", ".join(sorted(c.value for c in o.categories)) or "nothing"
            out.append(f"- {o.case.kind} edit: {o.verdict.value}/{o.severity.value} ({named})")
            out.append(f"  a: {o.case.original}")
            out.append(f"  b: {o.case.edited}")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its tables; exit 1 when a target is missed with --check."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.drift", description=__doc__)
    parser.add_argument("folder", type=Path, help="articles: FOLDER/text/*.txt or FOLDER/*.txt")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timing runs")
    parser.add_argument("--corpus", default=None, help="corpus name for the header")
    parser.add_argument(
        "--show-misses", type=int, default=0, metavar="N", help="print N missed cases per kind"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when an accuracy target is missed"
    )
    parser.add_argument(
        "--vocabulary",
        choices=("public", "hand"),
        default="public",
        help="the words edits use: public lists the tool does not use (drift_lists/SOURCE.md),"
        " or the hand-written lists of the benchmark's first version, for its old figures",
    )
    args = parser.parse_args(argv)
    vocab = public() if args.vocabulary == "public" else HAND
    texts = article_texts(args.folder)
    quotes = corpus_quotes(texts)
    cases = make_cases(quotes, seed=args.seed, vocab=vocab)
    scores = score(run_cases(cases))
    rate = pairs_per_second(cases, args.repeat)
    long_run = long_documents(texts, seed=args.seed, repeat=args.repeat, vocab=vocab)
    cross = different_stories(texts)
    corpus = f"{args.corpus or _corpus_name(args.folder)}, edits from {vocab.name}"
    sys.stdout.write(
        render(
            corpus=corpus,
            articles=len(texts),
            quotes=len(quotes),
            scores=scores,
            rate=rate,
            long_run=long_run,
            cross=cross,
            seed=args.seed,
            repeat=args.repeat,
        )
    )
    if args.show_misses:
        sys.stdout.write("\n" + render_misses(scores, args.show_misses))
    missed = (
        any(scores.by_category[c].recall() < RECALL_TARGETS[c] for c in Cat)
        or scores.cosmetic_above_info
    )
    return 1 if args.check and missed else 0


def _corpus_name(folder: Path) -> str:
    parts = folder.resolve().parts
    return " ".join(parts[-2:]) if len(parts) >= 2 else str(folder)


if __name__ == "__main__":
    raise SystemExit(main())
