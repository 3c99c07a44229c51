"""What the extraction benchmark and its gate share: read and validate a PolNeAR-format gold
folder, build its gold quotes, and score predictions with one matching rule.

Kept apart from `extraction.py` so the benchmark, the gate and the harness's own tests use one
definition of a gold quote, of a match and of a correct speaker, and cannot drift apart.

The scoring definition (fixed, so numbers stay comparable between versions):

- Gold quotes: the spans between double quote marks (straight or curly, or two apostrophes
  typed for one, as New York Times archive copy prints ''every quote'') that lie inside the
  Content span of an attribution, one annotator per article (the first `.ann` file in sorted
  order); a quote left open at a paragraph's end closes there.
- Predicted: every extracted quote whose kind is not `term`; a gold quote the tool calls a term
  is therefore a miss. A gold quote is found when at least 80% of its characters lie inside one
  predicted quote; a predicted quote is correct when at least 80% of its characters lie inside
  gold quotes.
- Speaker accuracy over the found quotes: the predicted `speaker_mention` or `speaker` shares a
  content word with the gold Source span. A pronoun Source (`he`) is met only by that pronoun
  as the mention: whether the pronoun was resolved to the right person is measured apart, on
  hand-labelled pronoun quotes (`benchmarks/pronouns/`), never by "some name was given".

How this module reads the words the definition leaves open, each once (`is_covered`,
`quoted_spans`, `speaker_agrees`): "lie inside" is the same 80% rule as "found"; a paragraph
is a line (PolNeAR's texts hold one per line); a quote inside a quoted
passage that no Content covers is gold when a Content covers it; the Source of a gold quote is
that of the innermost attribution holding it, and a quote whose attribution has no Source is
left out of speaker accuracy.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Span = tuple[int, int]

# Straight and curly double marks, and two apostrophes typed for one (the New York Times
# archive prints every quote ''like this''): what the gold definition pairs. Single marks are
# left out: in US news they are apostrophes or quotes within quotes.
GOLD_MARK_RE = re.compile("''|[\"\u201c\u201d]")
# Only the double-mark glyphs, for reading the definition without typed marks.
DOUBLE_GLYPH_RE = re.compile('["\u201c\u201d]')
GOLD_MARKS = frozenset('"\u201c\u201d')
# The share of a quote's characters that must lie inside another span for it to count as
# inside it: found, correct, and (for gold) inside an attribution's Content. 80% forgives an
# annotator's or extractor's stray edge (a speaker label, a final period) but not a half quote.
COVERAGE = 0.8
# What may stand before an opening mark and after a closing one, besides white space.
_BEFORE_OPENING = frozenset("([{\u2014\u2013-/:") | GOLD_MARKS | frozenset("'\u2018\u2019")
_AFTER_CLOSING = frozenset(".,;:!?)]}\u2014\u2013-/\u2026*") | GOLD_MARKS | frozenset("'\u2019")
# BRAT lines: a text-bound annotation (T), an event tying roles together (E).
_T_LINE_RE = re.compile(
    r"T\d+\t(?P<label>[\w-]+) (?P<spans>\d+ \d+(?:;\d+ \d+)*)\t(?P<text>.*)", re.S
)
_E_LINE_RE = re.compile(r"E\d+\t(?P<args>\S.*)")
# The start of a BRAT line of any type: its id (T12, E3, A1, R2, N1, M1, #1) and a tab.
_LINE_TYPE_RE = re.compile(r"[TEARNM#]\d*\t")
# Roles whose spans hold what was said (PolNeAR adds Content2 for a second content part).
_CONTENT_ROLE_RE = re.compile(r"Content\d*")
# Words counted when comparing a speaker with the gold Source: letters and digits.
_WORD_RE = re.compile(r"[^\W_]+")
# Words that say nothing about who spoke: articles, possessives, prepositions, honorifics.
FUNCTION_WORDS = frozenset(
    {
        "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from",
        "as", "s", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
        "those", "who", "which", "mr", "mrs", "ms", "dr", "jr", "sr",
    }
)  # fmt: skip
# A Source consisting of one of these is a pronoun Source.
PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them"}
    # possessive: "his warning that ...", "their claim": as unscoreable by content words
    | {"my", "our", "your", "his", "its", "their"}
)


class GoldDataError(Exception):
    """A gold folder is missing files or holds a malformed annotation; lists every problem."""


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution: the spans of what was said and of who said it."""

    content: tuple[Span, ...]
    source: tuple[Span, ...]  # empty for PolNeAR's Attribution-no-source


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold quote: its characters, and the Source text of the attribution it belongs to.

    `source` is None when that attribution names no source; such a quote counts for quote
    detection but not for speaker accuracy.
    """

    start: int
    end: int
    source: str | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """An article's text with the annotation file used for it and its gold quotes."""

    name: str
    text: str
    annotation: str
    quotes: tuple[GoldQuote, ...]
    attributions: tuple[GoldAttribution, ...] = ()


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted quote as the scorer sees it: its pieces, who it is credited to."""

    pieces: tuple[Span, ...]
    speaker: str | None
    mention: str | None


@dataclass(slots=True)
class Counts:
    """tp/fp/fn of quote detection, with precision, recall and F1 (0.0 on empty denominators).

    Matching is not one-to-one (one predicted quote over three paragraphs finds three gold
    quotes), so true positives are counted on each side: `tp` gold quotes found (recall),
    `tp_predicted` predicted quotes correct (precision).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_predicted: int = 0

    def precision(self) -> float:
        return _ratio(self.tp_predicted, self.tp_predicted + self.fp)

    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return _ratio(2 * p * r, p + r)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tp_predicted += other.tp_predicted


@dataclass(slots=True)
class Accuracy:
    """Correct out of total (speaker accuracy over found quotes), 0.0 when there is none."""

    correct: int = 0
    total: int = 0

    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total


@dataclass(slots=True)
class ArticleScore:
    """One article's counts, and its errors for a reader studying them."""

    quotes: Counts = field(default_factory=Counts)
    speakers: Accuracy = field(default_factory=Accuracy)
    missed: list[GoldQuote] = field(default_factory=list)
    wrong: list[Prediction] = field(default_factory=list)
    # (gold quote, the prediction that found it) where the speaker disagrees with the gold.
    wrong_speaker: list[tuple[GoldQuote, Prediction]] = field(default_factory=list)


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


# --- loading and validation ---------------------------------------------------------------


def load_folder(folder: Path) -> list[GoldArticle]:
    """Read a PolNeAR-format folder (`text/*.txt`, `attributions/*.ann`) into gold articles.

    Each article uses its first annotation file in sorted order (`<article>_<annotator>.ann`).

    Raises:
        GoldDataError: the folder is incomplete or an annotation is malformed; the message
            lists every problem, each leading with its file and line.
    """
    problems, articles = _read_folder(folder)
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise GoldDataError(f"{folder}: {len(problems)} problem(s):\n  {shown}{more}")
    return articles


def validate(folder: Path) -> list[str]:
    """Every problem in a gold folder, each leading with its location; empty when it is sound."""
    return _read_folder(folder)[0]


def _read_folder(folder: Path) -> tuple[list[str], list[GoldArticle]]:
    text_dir, ann_dir = folder / "text", folder / "attributions"
    problems = [f"{d}: not a folder" for d in (text_dir, ann_dir) if not d.is_dir()]
    if problems:
        return problems, []
    texts = sorted(text_dir.glob("*.txt"))
    if not texts:
        return [f"{text_dir}: no .txt files"], []
    annotations: dict[str, list[Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article, sep, _annotator = ann.stem.rpartition("_")
        if not sep:
            problems.append(f"{ann}: name is not <article>_<annotator>.ann")
            continue
        annotations.setdefault(article, []).append(ann)
    names = {t.stem for t in texts}
    problems += [f"{anns[0]}: no text/{a}.txt" for a, anns in annotations.items() if a not in names]
    articles: list[GoldArticle] = []
    for path in texts:
        anns = annotations.get(path.stem)
        if not anns:
            problems.append(f"{path}: no annotation file {ann_dir.name}/{path.stem}_*.ann")
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(f"{path}: cannot read as UTF-8: {err}")
            continue
        attributions, ann_problems = parse_annotation(anns[0], text)
        problems += ann_problems
        quotes = gold_quotes(text, attributions)
        articles.append(
            GoldArticle(path.stem, text, anns[0].name, tuple(quotes), tuple(attributions))
        )
    return problems, articles


def parse_annotation(path: Path, text: str) -> tuple[list[GoldAttribution], list[str]]:
    """The attributions of one BRAT file, and its problems (each `file: line n: what`).

    Every span must lie in the text and every T line's text must equal its spans' text (parts
    joined by one space, as BRAT writes discontinuous spans); every event must name known T ids.
    """
    problems: list[str] = []
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[tuple[int, list[tuple[str, str]]]] = []
    try:
        lines = _logical_lines(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        return [], [f"{path}: cannot read as UTF-8: {err}"]
    for number, line in lines:
        where = f"{path}: line {number}"
        if not line.strip() or line.startswith(("#", "A", "R", "N", "M")):
            continue  # notes, attributes and relations say nothing about quotes or sources
        if line.startswith("T"):
            match = _T_LINE_RE.fullmatch(line)
            if match is None:
                problems.append(f"{where}: malformed T line {line[:60]!r}")
                continue
            parts = tuple(
                (int(a), int(b)) for a, b in (p.split() for p in match.group("spans").split(";"))
            )
            if any(not 0 <= a <= b <= len(text) for a, b in parts):
                problems.append(
                    f"{where}: span {match.group('spans')} is outside the text "
                    f"({len(text)} characters)"
                )
                continue
            if " ".join(text[a:b] for a, b in parts) != match.group("text"):
                problems.append(f"{where}: its text does not match the article at those offsets")
                continue
            spans[line.split("\t", 1)[0]] = parts
        elif line.startswith("E"):
            match = _E_LINE_RE.fullmatch(line.rstrip())
            pairs = [a.split(":", 1) for a in match.group("args").split()] if match else []
            if match is None or any(len(p) != 2 for p in pairs):
                problems.append(f"{where}: malformed E line {line[:60]!r}")
                continue
            events.append((number, [(role, tid) for role, tid in pairs]))
        else:
            problems.append(f"{where}: unknown line type {line[:20]!r}")
    attributions: list[GoldAttribution] = []
    for number, args in events:
        unknown = [tid for _, tid in args if tid not in spans]
        if unknown:
            problems.append(f"{path}: line {number}: unknown id(s) {', '.join(unknown)}")
            continue
        content = tuple(
            s for role, tid in args if _CONTENT_ROLE_RE.fullmatch(role) for s in spans[tid]
        )
        source = tuple(s for role, tid in args if role == "Source" for s in spans[tid])
        if content:
            attributions.append(GoldAttribution(tuple(sorted(content)), tuple(sorted(source))))
    return attributions, problems


def _logical_lines(content: str) -> list[tuple[int, str]]:
    """The annotation's lines with their numbers, a T line's text rejoined across line breaks.

    BRAT writes a span's text as it stands, so a Content running over a paragraph break
    continues on the next physical lines (PolNeAR train has such spans): a line that opens
    with no known line type continues the T line before it.
    """
    out: list[tuple[int, str]] = []
    lines = content.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the file's final line end
    for number, line in enumerate(lines, 1):
        if out and out[-1][1].startswith("T") and not _LINE_TYPE_RE.match(line):
            out[-1] = (out[-1][0], out[-1][1] + "\n" + line)
        else:
            out.append((number, line))
    return out


def gold_digest(folder: Path) -> str:
    """A SHA-256 over the gold data the score depends on: each text and its annotation file."""
    digest = hashlib.sha256()
    for path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(f"{glob_escape(path.stem)}_*.ann"))
        for part in [path, *anns[:1]]:
            digest.update(part.name.encode() + b"\0" + part.read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


def glob_escape(name: str) -> str:
    """A file name with glob's special characters bracketed, so it matches only itself."""
    return re.sub(r"([*?\[])", r"[\1]", name)


# --- gold quotes ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Quoted:
    """A span between paired marks, with the spans quoted inside it."""

    start: int
    end: int
    inner: list[_Quoted] = field(default_factory=list)


def reread(articles: Sequence[GoldArticle], marks: re.Pattern[str]) -> list[GoldArticle]:
    """The articles with their gold quotes rebuilt under another reading of the marks."""
    return [
        GoldArticle(
            a.name, a.text, a.annotation,
            tuple(gold_quotes(a.text, a.attributions, marks=marks)), a.attributions,
        )
        for a in articles
    ]  # fmt: skip


def quoted_spans(text: str, *, marks: re.Pattern[str] = GOLD_MARK_RE) -> list[_Quoted]:
    """The spans between paired double marks, line by line, outermost first with their inner.

    A line is a paragraph (PolNeAR's texts hold one paragraph per line). A mark opens when a
    word follows it and white space (or an opening bracket or dash) precedes it, and closes in
    the mirror case; a mark opening its line opens; when its surroundings cannot tell, a
    curly mark's own direction decides, and a straight mark closes whatever is open. A quote
    still open at the line's end closes there. Each span excludes its marks and is trimmed
    of white space.
    """
    out: list[_Quoted] = []
    pos = 0
    for line in text.split("\n"):
        out.extend(_pair_line(text, pos, pos + len(line), marks))
        pos += len(line) + 1
    return out


def _pair_line(text: str, lo: int, hi: int, marks: re.Pattern[str]) -> list[_Quoted]:
    top: list[_Quoted] = []
    stack: list[_Quoted] = []
    for match in marks.finditer(text, lo, hi):
        mark, pos, after = match.group(), match.start(), match.end()
        prev = text[pos - 1] if pos > lo else " "
        nxt = text[after] if after < hi else " "
        can_open = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPENING)
        can_close = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSING)
        if not text[lo:pos].strip():
            opens = True  # a mark opening its line opens, whatever its glyph (” … as he said)
        elif can_open != can_close:
            opens = can_open
        elif mark in "\u201c\u201d":
            opens = mark == "\u201c"
        else:
            opens = not stack
        if opens:
            stack.append(_Quoted(after, hi))
        elif stack:
            quoted = stack.pop()
            quoted.end = pos
            (stack[-1].inner if stack else top).append(quoted)
    while stack:  # left open: closes at the line's end
        quoted = stack.pop()
        (stack[-1].inner if stack else top).append(quoted)
    return [q for q in (_trim(text, q) for q in top) if q.start < q.end]


def _trim(text: str, quoted: _Quoted) -> _Quoted:
    start, end = quoted.start, quoted.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = [q for q in (_trim(text, q) for q in quoted.inner) if q.start < q.end]
    return _Quoted(start, end, inner)


def gold_quotes(
    text: str,
    attributions: Sequence[GoldAttribution],
    *,
    marks: re.Pattern[str] = GOLD_MARK_RE,
) -> list[GoldQuote]:
    """The quoted spans lying inside some attribution's Content, each with its Source text.

    A span inside no Content may still hold a quoted span that is (a quote of a speaker inside
    a passage the annotator did not attribute): its inner spans are then considered in turn.
    The Source is that of the innermost attribution (the smallest Content) holding the quote.
    """
    ordered = sorted(attributions, key=lambda a: sum(e - s for s, e in a.content))
    contents = merge_spans(s for a in attributions for s in a.content)
    out: list[GoldQuote] = []
    todo = quoted_spans(text, marks=marks)
    while todo:
        quoted = todo.pop(0)
        piece = ((quoted.start, quoted.end),)
        if not is_covered(piece, contents):
            todo[:0] = quoted.inner
            continue
        source: str | None = None
        for attribution in ordered:
            if is_covered(piece, merge_spans(attribution.content)):
                source = " ".join(text[s:e] for s, e in attribution.source) or None
                break
        out.append(GoldQuote(quoted.start, quoted.end, source))
    return out


# --- matching ------------------------------------------------------------------------------


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans sorted and merged where they overlap or touch."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def covered_share(pieces: Sequence[Span], targets: Sequence[Span]) -> float:
    """The share of the characters of `pieces` that lie inside `targets` (merged spans)."""
    total = sum(e - s for s, e in pieces)
    inside = 0
    for start, end in pieces:
        for t_start, t_end in targets:
            if t_start >= end:
                break
            inside += max(0, min(end, t_end) - max(start, t_start))
    return _ratio(inside, total)


def is_covered(pieces: Sequence[Span], targets: Sequence[Span]) -> bool:
    """The one matching rule: at least 80% of the characters of `pieces` lie inside `targets`.

    A gold quote is found when it is covered by one predicted quote's pieces; a predicted quote
    is correct when it is covered by the gold quotes; a quoted span is gold when covered by
    Content spans. A predicted quote in several pieces (over paragraphs, or split around its
    attribution) covers its pieces' characters, not the gaps between them.
    """
    return covered_share(pieces, targets) >= COVERAGE


def content_words(phrase: str) -> set[str]:
    """The words of a speaker phrase that can identify someone: no articles or honorifics."""
    return {w for w in _WORD_RE.findall(phrase.lower()) if w not in FUNCTION_WORDS}


def speaker_agrees(source: str, mention: str | None, speaker: str | None) -> bool:
    """Whether a predicted speaker agrees with the gold Source text.

    The mention or the speaker shares a content word with the Source. A pronoun Source (`he`)
    is met only by that pronoun as the mention: a name in its place may be the wrong person,
    and who the pronoun is gets scored on hand labels instead.
    """
    words = _WORD_RE.findall(source.lower())
    if len(words) == 1 and words[0] in PRONOUNS:
        return mention is not None and mention.strip().lower() == words[0]
    gold = content_words(source)
    return any(gold & content_words(p) for p in (mention, speaker) if p)


def score_article(gold: GoldArticle, predicted: Sequence[Prediction]) -> ArticleScore:
    """Quote detection counts and speaker accuracy for one article."""
    score = ArticleScore()
    gold_spans = merge_spans((q.start, q.end) for q in gold.quotes)
    merged = [merge_spans(p.pieces) for p in predicted]
    for quote in gold.quotes:
        piece = ((quote.start, quote.end),)
        finder = next(
            (p for p, m in zip(predicted, merged, strict=True) if is_covered(piece, m)), None
        )
        if finder is None:
            score.quotes.fn += 1
            score.missed.append(quote)
            continue
        score.quotes.tp += 1
        if quote.source is None:
            continue
        score.speakers.total += 1
        if speaker_agrees(quote.source, finder.mention, finder.speaker):
            score.speakers.correct += 1
        else:
            score.wrong_speaker.append((quote, finder))
    for prediction, pieces in zip(predicted, merged, strict=True):
        if is_covered(pieces, gold_spans):
            score.quotes.tp_predicted += 1
        else:
            score.quotes.fp += 1
            score.wrong.append(prediction)
    return score


# --- floors and the gate -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tolerance:
    """The measures the gate pins, each with the share it may fall below its floor (or rise
    above its ceiling) before the gate fails: 0.01 allows 1% worse than pinned."""

    floors: Mapping[str, float]
    ceilings: Mapping[str, float]


def gate_failures(
    measured: Mapping[str, float], baseline: Mapping[str, Any], tolerance: Tolerance, digest: str
) -> list[str]:
    """Why the measured numbers fail the pinned baseline; empty when they pass.

    Args:
        measured: the run's measures by name (`quote_f1`, `words_per_second`, ...).
        baseline: the parsed `baseline.json` (`gold_digest`, `floors`, `ceilings`).
        tolerance: the gated measures and their allowed shortfall.
        digest: the digest of the gold data measured on.
    """
    if not baseline:
        return ["no baseline is pinned yet: run with --update"]
    if baseline.get("gold_digest") != digest:
        return [
            f"the gold data differ from those the floors were pinned on "
            f"({baseline.get('gold_digest')} vs {digest}): re-pin with --update --allow-regression"
        ]
    failures: list[str] = []
    floors, ceilings = baseline.get("floors", {}), baseline.get("ceilings", {})
    for name, share in tolerance.floors.items():
        value, floor = measured.get(name), floors.get(name)
        if floor is None:
            failures.append(f"{name}: no floor pinned: run with --update")
        elif value is None:
            failures.append(f"{name}: not measured (floor {floor:.4g})")
        elif value < floor * (1 - share):
            failures.append(
                f"{name}: {value:.4g} is below its floor {floor:.4g} "
                f"(allowed down to {floor * (1 - share):.4g})"
            )
    for name, share in tolerance.ceilings.items():
        value, ceiling = measured.get(name), ceilings.get(name)
        if ceiling is None:
            failures.append(f"{name}: no ceiling pinned: run with --update")
        elif value is None:
            failures.append(f"{name}: not measured (ceiling {ceiling:.4g})")
        elif value > ceiling * (1 + share):
            failures.append(
                f"{name}: {value:.4g} is above its ceiling {ceiling:.4g} "
                f"(allowed up to {ceiling * (1 + share):.4g})"
            )
    return failures


class RegressionRefused(Exception):
    """`--update` would lower a floor or raise a ceiling without `--allow-regression`."""


def updated_baseline(
    baseline: Mapping[str, Any],
    measured: Mapping[str, float],
    digest: str,
    tolerance: Tolerance,
    *,
    allow_regression: bool,
) -> dict[str, Any]:
    """The baseline re-pinned on the measured numbers of the gated measures.

    Floors only rise and ceilings only fall: a measure within its tolerance of the pinned
    number keeps the pinned number (timing noise), one beyond it is refused. With
    `allow_regression` every number is re-pinned on this run, up or down; that is also what
    other gold data (another digest) need once a baseline exists.

    Raises:
        RegressionRefused: a number would get worse and `allow_regression` is false.
    """
    old_floors: Mapping[str, float] = baseline.get("floors", {})
    old_ceilings: Mapping[str, float] = baseline.get("ceilings", {})
    same_gold = baseline.get("gold_digest") == digest
    worse: list[str] = []
    if baseline and not same_gold:
        worse.append(f"the gold data changed ({baseline.get('gold_digest')} -> {digest})")
    floors: dict[str, float] = {}
    for name, share in tolerance.floors.items():
        value, old = measured[name], old_floors.get(name) if same_gold else None
        # Within tolerance below the floor is noise: the floor stays where it was.
        floors[name] = value if old is None or value >= old or allow_regression else old
        if old is not None and value < old * (1 - share):
            worse.append(f"{name}: floor {old:.4g} -> {value:.4g}")
    ceilings: dict[str, float] = {}
    for name, share in tolerance.ceilings.items():
        value, old = measured[name], old_ceilings.get(name) if same_gold else None
        ceilings[name] = value if old is None or value <= old or allow_regression else old
        if old is not None and value > old * (1 + share):
            worse.append(f"{name}: ceiling {old:.4g} -> {value:.4g}")
    if worse and not allow_regression:
        raise RegressionRefused(
            "refusing to make the baseline worse without --allow-regression: " + "; ".join(worse)
        )
    return {**baseline, "gold_digest": digest, "floors": floors, "ceilings": ceilings}


def read_baseline(path: Path) -> dict[str, Any]:
    """The pinned baseline, or an empty one when the file does not exist yet.

    Raises:
        GoldDataError: the file is not a JSON object.
    """
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise GoldDataError(f"{path}: not valid JSON: {err}") from err
    if not isinstance(data, dict):
        raise GoldDataError(f"{path}: expected a JSON object")
    return data


def write_baseline(path: Path, baseline: Mapping[str, Any]) -> None:
    """Write the baseline as stable, reviewable JSON (2-space indent, trailing newline)."""
    path.write_text(json.dumps(baseline, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
