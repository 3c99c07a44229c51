"""Real-world evaluation of the check gate: 2016 campaign coverage against public transcripts.

Each label in `benchmarks/realworld/labels.jsonl` points at a quote of a PolNeAR train article
by document id and character offsets (the article text does not ship) and says, from a reading
of the transcript in `benchmarks/realworld/transcripts/`, what `check` should report for it
(`verified`, `altered`, `misattributed`, `unsupported`, `speaker_unverified` or
`not_checked`; `out_of_scope` marks words from an occasion no transcript covers, left out of
the scores). A `compare` label pairs two outlets' printings of one moment and gives the
verdict `compare` should reach.

For every labelled article the benchmark runs the library's `check` with the article as the
draft and the event's transcript as a source (read as `transcript:`, as a careful user would
name it), and `compare` on every labelled pair. A label is answered by the statement of the
draft whose quotes cover at least 80% of its characters; a statement printed in several
pieces takes the worst status of the pieces it covers. Run it with a PolNeAR train folder:

    .venv/bin/python -m benchmarks.realworld --polnear PATH/TO/PolNeAR/data/train

`--split study` is for studying errors, `--split heldout` only for reporting; `--errors` lists
every disagreement by document and offsets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from attribution import article_from_text
from attribution.model import Quote, Report, SourceKind
from attribution.pipeline import DRAFT_ID, check_sources, compare_articles
from attribution.sources import Source, parse_source

HERE = Path(__file__).resolve().parent
DATA = HERE / "realworld"
LABELS = DATA / "labels.jsonl"
TRANSCRIPTS = DATA / "transcripts"
DEFAULT_POLNEAR = HERE.parent.parent / "shared" / "eval" / "polnear" / "train"
CORPUS = "PolNeAR train (2016 US campaign coverage) against public debate and speech transcripts"

SPLITS = ("study", "heldout")
KINDS = ("check", "compare")
# What a check label may expect: `speaker_unverified` for a quote whose speaker a careful
# reader cannot tell from the article (found in the transcript, but the credit unreadable).
CHECK_EXPECTED = (
    "verified",
    "altered",
    "misattributed",
    "unsupported",
    "speaker_unverified",
    "not_checked",
)
OUT_OF_SCOPE = "out_of_scope"
VERDICTS = ("identical", "cosmetic", "partial", "editorial", "altered", "reworded")
# A label is answered by the statement whose quotes cover this share of its characters.
COVERAGE = 0.8
# What the benchmark reports when no statement covers a label, or a pair is not matched.
MISSED = "not_extracted"
UNMATCHED = "unmatched"
FAILING = frozenset({"altered", "misattributed", "unsupported"})
# Worst first: the status a statement printed in pieces gets from the pieces a label covers.
STATUS_ORDER = (
    "unsupported",
    "misattributed",
    "altered",
    "speaker_unverified",
    "verified",
    "not_checked",
)
# Worst first, for a pair whose printings the tool reads as one statement with another pair.
VERDICT_ORDER = ("reworded", "altered", "editorial", "partial", "cosmetic", "identical")


class LabelError(ValueError):
    """A labels file that cannot be used: the message names the line and the field."""


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted passage of a PolNeAR article: its document id and [start, end) offsets."""

    doc: str
    start: int
    end: int
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """One hand label: a check expectation for a span, or a compare verdict for a pair."""

    line: int
    span: Span
    split: str
    kind: str
    expected: str
    sources: tuple[str, ...] = ()
    other: Span | None = None
    speaker: str | None = None
    category: str | None = None
    note: str = ""

    @property
    def scored(self) -> bool:
        return self.expected != OUT_OF_SCOPE


@dataclass(frozen=True, slots=True)
class Outcome:
    """A label and what the tool answered.

    `expected` is what the label is scored against: the label's own expectation, or, when the
    tool reads the labelled passage and other labelled passages as one statement (a quote
    split around its attribution, which `check` judges whole), the worst expectation among
    them.
    """

    label: Label
    predicted: str
    expected: str

    @property
    def agrees(self) -> bool:
        return self.expected == self.predicted


# --- labels ---------------------------------------------------------------------------------


def _span(raw: Any, where: str) -> Span:
    if not isinstance(raw, Mapping):
        raise LabelError(f"{where}: expected an object with doc, start and end")
    doc, start, end = raw.get("doc"), raw.get("start"), raw.get("end")
    if not isinstance(doc, str) or not doc:
        raise LabelError(f"{where}: 'doc' must be a document id")
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        raise LabelError(f"{where}: 'start' and 'end' must be offsets with 0 <= start < end")
    digest = raw.get("sha256")
    if digest is not None and not isinstance(digest, str):
        raise LabelError(f"{where}: 'sha256' must be a string")
    return Span(doc, start, end, digest)


def parse_label(raw: Any, line: int) -> Label:
    """One line of the labels file, validated.

    Raises:
        LabelError: a field is missing or has a value the benchmark does not know.
    """
    where = f"line {line}"
    if not isinstance(raw, Mapping):
        raise LabelError(f"{where}: expected a JSON object")
    span = _span(raw, where)
    split, kind, expected = raw.get("split"), raw.get("kind"), raw.get("expected")
    if split not in SPLITS:
        raise LabelError(f"{where}: 'split' must be one of {', '.join(SPLITS)}, not {split!r}")
    if kind not in KINDS:
        raise LabelError(f"{where}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    allowed = (*CHECK_EXPECTED, OUT_OF_SCOPE) if kind == "check" else VERDICTS
    if not isinstance(expected, str) or expected not in allowed:
        raise LabelError(f"{where}: a {kind} label expects one of {', '.join(allowed)}")
    sources: tuple[str, ...] = ()
    other = None
    if kind == "check":
        raw_sources = raw.get("source")
        if (
            not isinstance(raw_sources, list)
            or not raw_sources
            or not all(isinstance(s, str) and s for s in raw_sources)
        ):
            raise LabelError(f"{where}: a check label needs 'source', a list of transcripts")
        sources = tuple(raw_sources)
    else:
        other = _span(raw.get("other"), f"{where}, other")
        if other.doc == span.doc:
            raise LabelError(f"{where}: a compare pair needs two different articles")
    speaker, category, note = raw.get("speaker"), raw.get("category"), raw.get("note", "")
    for name, value in (("speaker", speaker), ("category", category)):
        if value is not None and not isinstance(value, str):
            raise LabelError(f"{where}: {name!r} must be a string or null")
    if not isinstance(note, str):
        raise LabelError(f"{where}: 'note' must be a string")
    return Label(line, span, split, kind, expected, sources, other, speaker, category, note)


def parse_labels(lines: Iterable[str]) -> list[Label]:
    """Every label of a JSON-lines text; blank lines are skipped.

    Raises:
        LabelError: a line is not JSON, a label is invalid, or a span is labelled twice.
    """
    labels: list[Label] = []
    seen: set[tuple[str, str, int, int]] = set()
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as err:
            raise LabelError(f"line {number}: not JSON ({err.msg})") from None
        label = parse_label(raw, number)
        key = (label.kind, label.span.doc, label.span.start, label.span.end)
        if key in seen:
            raise LabelError(
                f"line {number}: {label.span.doc} [{label.span.start}, "
                f"{label.span.end}) is labelled twice"
            )
        seen.add(key)
        labels.append(label)
    return labels


def check_spans(labels: Sequence[Label], texts: Mapping[str, str]) -> None:
    """Make sure every span lies inside its article and, where a digest is given, still
    holds the words that were labelled (another copy of the corpus would not).

    Raises:
        LabelError: a document is missing or a span does not fit its text.
    """
    for label in labels:
        for span in (label.span, label.other):
            if span is None:
                continue
            text = texts.get(span.doc)
            if text is None:
                raise LabelError(f"line {label.line}: no article {span.doc!r} in the corpus")
            if span.end > len(text):
                raise LabelError(
                    f"line {label.line}: [{span.start}, {span.end}) runs past the end of {span.doc}"
                )
            if span.sha256 is not None:
                got = hashlib.sha256(text[span.start : span.end].encode()).hexdigest()
                if not got.startswith(span.sha256):
                    raise LabelError(
                        f"line {label.line}: the words at [{span.start}, "
                        f"{span.end}) of {span.doc} are not the labelled ones; "
                        f"is this another copy of PolNeAR?"
                    )


# --- from the tool's quotes to a label's answer ----------------------------------------------


def _overlap(span: Span, pieces: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(span.end, e) - max(span.start, s)) for s, e in pieces)


def covering_statement(span: Span, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes of the statement that covers the span best, if it covers `COVERAGE` of it.

    Quotes sharing a `statement` id (one statement split around its attribution) count
    together; a quote with no statement id is a statement of its own. Only the quotes of that
    statement which overlap the span are returned, in text order; none when no statement
    covers enough of it.
    """
    groups: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        groups[quote.statement or quote.id].append(quote)
    best: list[Quote] = []
    best_cover = 0
    for members in groups.values():
        touching = [q for q in members if _overlap(span, q.spans) > 0]
        cover = _overlap(span, [p for q in touching for p in q.spans])
        if cover > best_cover:
            best, best_cover = touching, cover
    if best_cover < COVERAGE * (span.end - span.start):
        return []
    return sorted(best, key=lambda q: q.start)


def worst_status(statuses: Iterable[str]) -> str:
    """The status a statement gets from its pieces' statuses: the worst of them."""
    ranked = sorted(statuses, key=lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else -1)
    return ranked[0] if ranked else MISSED


Answer = tuple[str, frozenset[str]]


def check_answer(span: Span, report: Report) -> Answer:
    """The status `check` gave the statement covering a span (or `MISSED`), and the ids of
    the quotes that answered it."""
    assert report.check is not None
    draft = report.articles[0]
    statuses = {c.quote: c.status.value for c in report.check.quotes}
    covering = [q for q in covering_statement(span, draft.quotes) if q.id in statuses]
    if not covering:
        return MISSED, frozenset()
    # The tool answers for the whole statement: every piece of it counts as answering, so
    # labels on different pieces of one statement are scored together (see `Outcome`).
    keys = {q.statement or q.id for q in covering}
    members = frozenset(q.id for q in draft.quotes if (q.statement or q.id) in keys)
    return worst_status(statuses[q.id] for q in covering), members


def compare_answer(a: Span, b: Span, report: Report) -> Answer:
    """The verdict of the match pairing the statements covering two spans (`UNMATCHED` when
    they are not paired, `MISSED` when either is not found), and the quotes that answered."""
    ref, other = report.articles[0], report.articles[1]
    a_ids = {q.id for q in covering_statement(a, ref.quotes)}
    b_ids = {q.id for q in covering_statement(b, other.quotes)}
    if not a_ids or not b_ids:
        return MISSED, frozenset()
    ids = frozenset(a_ids | b_ids)
    for match in report.matches:
        # A statement printed in pieces is matched whole, under its first piece's id.
        if a_ids & set(match.a_pieces) and b_ids & set(match.b_pieces):
            return match.verdict.value, ids
    return UNMATCHED, ids


def scored_against(answers: Sequence[tuple[Label, str, frozenset[str]]]) -> list[Outcome]:
    """Outcomes, each label scored against the worst expectation of the labels the tool
    answered with the same quotes (see `Outcome`)."""
    order = {"check": STATUS_ORDER, "compare": VERDICT_ORDER}
    groups: dict[tuple[str, str, frozenset[str]], list[str]] = defaultdict(list)
    for label, _, ids in answers:
        if ids and label.scored:
            groups[label.kind, label.span.doc, ids].append(label.expected)
    outcomes = []
    for label, predicted, ids in answers:
        expected = label.expected
        together = groups.get((label.kind, label.span.doc, ids), []) if label.scored else []
        if len(together) > 1:
            expected = min(together, key=order[label.kind].index)
        outcomes.append(Outcome(label, predicted, expected))
    return outcomes


# --- running the tool ------------------------------------------------------------------------


def load_source(name: str, article_id: str, folder: Path = TRANSCRIPTS) -> Source:
    """A transcript of `benchmarks/realworld/transcripts/`, read as `transcript:PATH`."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    return parse_source(article_id, name, text, kind=SourceKind.TRANSCRIPT)


def run(
    labels: Sequence[Label], texts: Mapping[str, str], folder: Path = TRANSCRIPTS
) -> list[Outcome]:
    """Answer every label with the tool: `check` per article and sources, `compare` per pair."""
    sources: dict[str, Source] = {}
    checks: dict[tuple[str, tuple[str, ...]], Report] = {}
    compares: dict[tuple[str, str], Report] = {}
    answers: list[tuple[Label, str, frozenset[str]]] = []
    for label in labels:
        if label.kind == "check":
            key = (label.span.doc, label.sources)
            if key not in checks:
                loaded = []
                for i, name in enumerate(label.sources, 1):
                    if name not in sources:
                        sources[name] = load_source(name, f"s{i}", folder)
                    loaded.append(sources[name])
                draft = article_from_text(texts[label.span.doc], DRAFT_ID, label.span.doc)
                checks[key] = check_sources(draft, loaded)
            predicted, ids = check_answer(label.span, checks[key])
        else:
            assert label.other is not None
            pair = (label.span.doc, label.other.doc)
            if pair not in compares:
                articles = [
                    article_from_text(texts[d], x, d) for d, x in zip(pair, "ab", strict=True)
                ]
                compares[pair] = compare_articles(articles)
            predicted, ids = compare_answer(label.span, label.other, compares[pair])
        answers.append((label, predicted, ids))
    return scored_against(answers)


# --- scores and tables ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SplitScore:
    """The scores of one split and kind of label."""

    total: int
    agreed: int
    confusion: dict[tuple[str, str], int]
    false_passes: int
    false_alarms: int

    @property
    def agreement(self) -> float:
        return self.agreed / self.total if self.total else 0.0


def score(outcomes: Iterable[Outcome]) -> SplitScore:
    """Agreement, confusion and the gate's two errors over the scored outcomes.

    A false pass is a label expected altered, misattributed or unsupported that the tool
    reports verified; a false alarm is one expected verified that it reports failing.
    """
    scored = [o for o in outcomes if o.label.scored]
    confusion = Counter((o.expected, o.predicted) for o in scored)
    false_passes = sum(1 for o in scored if o.expected in FAILING and o.predicted == "verified")
    false_alarms = sum(1 for o in scored if o.expected == "verified" and o.predicted in FAILING)
    return SplitScore(
        len(scored), sum(o.agrees for o in scored), dict(confusion), false_passes, false_alarms
    )


def confusion_table(result: SplitScore, rows: Sequence[str]) -> str:
    """Expected statuses down, predicted ones across (only those that occur)."""
    seen_rows = [r for r in rows if any(e == r for e, _ in result.confusion)]
    cols = sorted(
        {p for _, p in result.confusion},
        key=lambda p: (
            (STATUS_ORDER + VERDICTS + (MISSED, UNMATCHED)).index(p)
            if p in STATUS_ORDER + VERDICTS + (MISSED, UNMATCHED)
            else 99
        ),
    )
    table = [[f"expected {r}", *[result.confusion.get((r, c), 0) for c in cols]] for r in seen_rows]
    return str(tabulate(table, headers=["", *cols], tablefmt="github"))


def label_table(labels: Sequence[Label], splits: Sequence[str]) -> str:
    """The labels per split: articles, then check labels by expected status (out of scope
    included), compare labels, and how many of them are scored."""
    statuses = (*CHECK_EXPECTED, OUT_OF_SCOPE)
    rows = []
    for split in splits:
        chosen = [lab for lab in labels if lab.split == split]
        docs = {lab.span.doc for lab in chosen} | {lab.other.doc for lab in chosen if lab.other}
        checks = Counter(lab.expected for lab in chosen if lab.kind == "check")
        rows.append(
            [
                split,
                len(docs),
                *(checks[s] for s in statuses),
                sum(1 for lab in chosen if lab.kind == "compare"),
                sum(1 for lab in chosen if lab.scored),
            ]
        )
    headers = ["split", "articles", *statuses, "compare", "scored"]
    return str(tabulate(rows, headers=headers, tablefmt="github"))


def render(outcomes: Sequence[Outcome], splits: Sequence[str], errors: bool) -> str:
    """The report: a header and the labels per split, then per split the agreement,
    confusion and errors."""
    labels = [o.label for o in outcomes]
    docs = {lab.span.doc for lab in labels} | {lab.other.doc for lab in labels if lab.other}
    sources = {s for lab in labels for s in lab.sources}
    counts = Counter((lab.split, lab.kind) for lab in labels if lab.scored)
    out = [
        f"Corpus: {CORPUS}",
        f"{len(docs)} articles, {len(sources)} transcripts, {len(labels)} labels "
        f"({sum(1 for lab in labels if not lab.scored)} out of scope); scored: "
        + ", ".join(
            f"{s} {counts[s, 'check']} check + {counts[s, 'compare']} compare" for s in splits
        ),
        "",
        label_table(labels, splits),
        "",
    ]
    for split in splits:
        for kind, rows in (("check", CHECK_EXPECTED), ("compare", VERDICTS)):
            chosen = [o for o in outcomes if o.label.split == split and o.label.kind == kind]
            result = score(chosen)
            if not result.total:
                continue
            out.append(f"## {split}: {kind} ({result.total} labels)")
            out.append("")
            summary: list[list[object]] = [
                ["agreement", f"{result.agreement:.3f} ({result.agreed} of {result.total})"]
            ]
            if kind == "check":
                summary += [
                    ["false passes (expected failing, reported verified)", result.false_passes],
                    ["false alarms (expected verified, reported failing)", result.false_alarms],
                ]
            out.append(str(tabulate(summary, headers=["measure", "value"], tablefmt="github")))
            out.append("")
            out.append(confusion_table(result, rows))
            out.append("")
    if errors:
        wrong = [o for o in outcomes if o.label.split in splits and o.label.scored and not o.agrees]
        out.append(f"## disagreements ({len(wrong)})")
        out.append("")
        table = [
            [
                o.label.split,
                o.label.kind,
                o.label.span.doc,
                f"[{o.label.span.start}, {o.label.span.end})",
                o.expected if o.expected == o.label.expected else f"{o.expected} (statement)",
                o.predicted,
                o.label.category or "",
            ]
            for o in wrong
        ]
        headers = ["split", "kind", "document", "offsets", "expected", "predicted", "category"]
        out.append(str(tabulate(table, headers=headers, tablefmt="github")))
        out.append("")
    return "\n".join(out)


# --- command line -----------------------------------------------------------------------------


def read_texts(folder: Path, docs: Iterable[str]) -> dict[str, str]:
    """The text of each document, from FOLDER/text/DOC.txt (or FOLDER/DOC.txt)."""
    base = folder / "text" if (folder / "text").is_dir() else folder
    texts = {}
    for doc in sorted(set(docs)):
        path = base / f"{doc}.txt"
        if path.is_file():
            texts[doc] = path.read_text(encoding="utf-8")
    return texts


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print its tables; exit 2 with one line on bad input."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realworld", description=__doc__)
    parser.add_argument(
        "--polnear",
        type=Path,
        default=DEFAULT_POLNEAR,
        help="PolNeAR's train folder (with text/); default: ../shared/eval/polnear/train",
    )
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--labels", type=Path, default=LABELS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--errors", action="store_true", help="list every disagreement by document and offsets"
    )
    args = parser.parse_args(argv)
    if not args.polnear.is_dir():
        print(f"error: no PolNeAR folder at {args.polnear}; give --polnear PATH", file=sys.stderr)
        return 2
    try:
        labels = parse_labels(args.labels.read_text(encoding="utf-8").splitlines())
        docs = [lab.span.doc for lab in labels] + [lab.other.doc for lab in labels if lab.other]
        texts = read_texts(args.polnear, docs)
        check_spans(labels, texts)
        for name in {s for lab in labels for s in lab.sources}:
            if not (TRANSCRIPTS / name).is_file():
                raise LabelError(f"no transcript {name!r} in {TRANSCRIPTS}")
    except (LabelError, OSError, UnicodeDecodeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    splits = SPLITS if args.split == "all" else (args.split,)
    chosen = [lab for lab in labels if lab.split in splits]
    sys.stdout.write(render(run(chosen, texts), splits, args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
