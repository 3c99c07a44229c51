"""The values that cross pipeline stages, and their JSON form (schema `attribution/report-v1`).

Kept apart from the stages so every stage, the renderers and library users share one definition,
and so the report's key order is the field order written here (serialisation walks the fields).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "attribution/report-v1"

# Field metadata marking values the pipeline needs but the JSON contract does not carry
# (the article text, a quote's pieces); `to_json_dict` skips them.
INTERNAL: Mapping[str, bool] = {"internal": True}


class Severity(enum.StrEnum):
    """How much a finding matters, lowest first; ordered so the worst of several is `max()`."""

    NONE = "none"
    INFO = "info"
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Position from `none` (0) to `critical` (4)."""
        return _SEVERITY_ORDER.index(self)

    # StrEnum would compare alphabetically; a severity compares by rank.
    def __lt__(self, other: object) -> bool:
        return self.rank < _as_severity(other).rank

    def __le__(self, other: object) -> bool:
        return self.rank <= _as_severity(other).rank

    def __gt__(self, other: object) -> bool:
        return self.rank > _as_severity(other).rank

    def __ge__(self, other: object) -> bool:
        return self.rank >= _as_severity(other).rank

    __hash__ = enum.StrEnum.__hash__


_SEVERITY_ORDER = tuple(Severity)


def _as_severity(value: object) -> Severity:
    if isinstance(value, Severity):
        return value
    if isinstance(value, str):
        return Severity(value)
    raise TypeError(f"cannot compare a severity with {type(value).__name__}")


class ChangeCategory(enum.StrEnum):
    """The kind of one difference between two wordings of a quote (docs/taxonomy.md)."""

    PUNCTUATION = "punctuation"
    CASE = "case"
    SPELLING = "spelling"
    ELLIPSIS = "ellipsis"
    BRACKET = "bracket"
    WORDING = "wording"
    MODALITY = "modality"
    NUMBER = "number"
    NEGATION = "negation"
    NAME = "name"


class Verdict(enum.StrEnum):
    """The verdict on a match, or on a quote left without a counterpart (the last three)."""

    IDENTICAL = "identical"
    COSMETIC = "cosmetic"
    PARTIAL = "partial"
    EDITORIAL = "editorial"
    ALTERED = "altered"
    REWORDED = "reworded"
    ONLY_IN = "only_in"
    UNQUOTED = "unquoted"
    UNSUPPORTED = "unsupported"


class QuoteKind(enum.StrEnum):
    """What a quoted span is: a full statement, a fragment in the reporter's sentence, or a term."""

    DIRECT = "direct"
    PARTIAL = "partial"
    TERM = "term"


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation found in an article: the words between one pair of marks.

    Invariant: `" ".join(article.text[s:e] for s, e in spans) == text`, and `start`/`end` are
    the first piece's start and the last piece's end. A quote printed in one piece therefore
    satisfies `article.text[start:end] == text`; one that runs over several paragraphs is its
    paragraphs joined by one space, without the marks that reopen them.

    A statement interrupted by its attribution (“A,” she said. “B.”) is several quotes that
    share one `statement` id; a quote inside another quote names the outer one in `within`.
    """

    id: str
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    kind: QuoteKind
    # The quote's pieces, one per paragraph it runs over: [start, end] pairs.
    spans: tuple[tuple[int, int], ...] = ()
    # The statement this quote is part of ("a:s3"); the pieces of a statement split around
    # its attribution share it. None only for quotes built by hand without one.
    statement: str | None = None
    # The id of the quote this one stands inside (a columnist quoting a candidate), or None.
    within: str | None = None
    # Why the extractor is unsure of this quote's extent (an unpaired mark), or None.
    uncertain: str | None = field(default=None, metadata=INTERNAL)

    def __post_init__(self) -> None:
        spans = tuple((int(s), int(e)) for s, e in self.spans) or ((self.start, self.end),)
        object.__setattr__(self, "spans", spans)
        object.__setattr__(self, "kind", QuoteKind(self.kind))


@dataclass(frozen=True, slots=True)
class Article:
    """An article as the tool read it, and the quotes found in it."""

    id: str
    source: str
    quotes: tuple[Quote, ...] = ()
    # The decoded text all offsets refer to.
    text: str = field(default="", metadata=INTERNAL)
    # What the reader should know about how the article was read (an encoding that had to
    # be guessed); the report's warnings repeat them with the article's source.
    warnings: tuple[str, ...] = field(default=(), metadata=INTERNAL)
    # The quotes by id, made on the first lookup: a scan per lookup made a draft of
    # thousands of quotes quadratic. Not compared, not serialised, never passed in.
    _by_id: dict[str, Quote] | None = field(
        default=None, init=False, repr=False, compare=False, metadata=INTERNAL
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "quotes", tuple(self.quotes))
        object.__setattr__(self, "warnings", tuple(self.warnings))

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id.

        Raises:
            KeyError: no quote of this article has that id.
        """
        by_id = self._by_id
        if by_id is None:
            # setdefault: the first of two quotes with one id wins, as the scan it replaces.
            by_id = {}
            for quote in self.quotes:
                by_id.setdefault(quote.id, quote)
            object.__setattr__(self, "_by_id", by_id)
        return by_id[quote_id]


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the two wordings of a match.

    `a`/`b` are the words as printed on each side (empty for an insertion or deletion);
    the internal offsets locate them in the match's `a_text` and `b_text`.
    """

    op: str
    a: str
    b: str
    category: ChangeCategory
    severity: Severity
    a_start: int = field(default=0, metadata=INTERNAL)
    a_end: int = field(default=0, metadata=INTERNAL)
    b_start: int = field(default=0, metadata=INTERNAL)
    b_end: int = field(default=0, metadata=INTERNAL)

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", ChangeCategory(self.category))
        object.__setattr__(self, "severity", Severity(self.severity))


@dataclass(frozen=True, slots=True)
class Speakers:
    """Who each side of a match is credited to, and whether that is one speaker."""

    a: str | None
    b: str | None
    same: bool | None


@dataclass(frozen=True, slots=True)
class Match:
    """A quote of one article paired with its counterpart in another, and how they differ."""

    a: str
    b: str
    a_text: str
    b_text: str
    verdict: Verdict
    severity: Severity
    similarity: float
    speakers: Speakers
    changes: tuple[Change, ...] = ()
    # The part of each text the other side was aligned with (the whole text unless one side
    # is a fragment of the other), as character offsets into a_text / b_text.
    a_window: tuple[int, int] = field(default=(0, 0), metadata=INTERNAL)
    b_window: tuple[int, int] = field(default=(0, 0), metadata=INTERNAL)
    # The ids of every piece of each side's statement (`a` and `b` are the first pieces'):
    # a statement split around its attribution is matched whole.
    a_pieces: tuple[str, ...] = field(default=(), metadata=INTERNAL)
    b_pieces: tuple[str, ...] = field(default=(), metadata=INTERNAL)

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", tuple(self.changes))
        object.__setattr__(self, "a_pieces", tuple(self.a_pieces) or (self.a,))
        object.__setattr__(self, "b_pieces", tuple(self.b_pieces) or (self.b,))
        object.__setattr__(self, "verdict", Verdict(self.verdict))
        object.__setattr__(self, "severity", Severity(self.severity))


@dataclass(frozen=True, slots=True)
class Unmatched:
    """A quote with no counterpart in the article it was compared with."""

    quote: str
    article: str
    text: str
    verdict: Verdict
    severity: Severity
    found_unquoted: bool
    # The article searched for a counterpart, and where the words were found without quote
    # marks (character offsets into that article's text) when `found_unquoted`.
    other: str | None = field(default=None, metadata=INTERNAL)
    found_at: tuple[int, int] | None = field(default=None, metadata=INTERNAL)
    # Another quote of the same article printing the same statement, which is paired: the
    # article prints the statement twice (a second translation, a quote repeated).
    twin: str | None = field(default=None, metadata=INTERNAL)

    def __post_init__(self) -> None:
        object.__setattr__(self, "verdict", Verdict(self.verdict))
        object.__setattr__(self, "severity", Severity(self.severity))


@dataclass(frozen=True, slots=True)
class NameSpelling:
    """A name the reference prints one way and another article another (Qasem/Qassem)."""

    a_article: str
    a_name: str
    b_article: str
    b_name: str


@dataclass(frozen=True, slots=True)
class Summary:
    """Counts over a report's findings (matches and unmatched quotes)."""

    worst: Severity
    by_severity: Mapping[str, int]
    by_verdict: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class Report:
    """The whole result of `compare`, `check` or `extract`."""

    schema: str
    articles: tuple[Article, ...]
    matches: tuple[Match, ...]
    unmatched: tuple[Unmatched, ...]
    summary: Summary
    # Things the reader should know that are not findings (an unpaired quote mark, ...),
    # each naming its place. Shown in the markdown report and on standard error; not a
    # report-v1 key, so JSON consumers see exactly the schema docs/report-json.md fixes.
    warnings: tuple[str, ...] = field(default=(), metadata=INTERNAL)
    # Which command made the report ("compare", "check" or "extract"): the markdown differs.
    command: str = field(default="compare", metadata=INTERNAL)
    # Names of people and places the articles spell differently; shown in the markdown
    # report, not a report-v1 key.
    names: tuple[NameSpelling, ...] = field(default=(), metadata=INTERNAL)
    # `check` only: each draft quote's outcome and the sources searched; report-v1 carries the
    # same facts as matches and unmatched quotes, so this stays out of the JSON.
    check: CheckResult | None = field(default=None, metadata=INTERNAL)
    # The articles by id, made on the first lookup (as `Article._by_id`).
    _by_id: dict[str, Article] | None = field(
        default=None, init=False, repr=False, compare=False, metadata=INTERNAL
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", tuple(self.articles))
        object.__setattr__(self, "matches", tuple(self.matches))
        object.__setattr__(self, "unmatched", tuple(self.unmatched))
        object.__setattr__(self, "warnings", tuple(self.warnings))
        object.__setattr__(self, "names", tuple(self.names))

    def article(self, article_id: str) -> Article:
        """The article with this id.

        Raises:
            KeyError: no article of this report has that id.
        """
        by_id = self._by_id
        if by_id is None:
            by_id = {}
            for article in self.articles:
                by_id.setdefault(article.id, article)
            object.__setattr__(self, "_by_id", by_id)
        return by_id[article_id]

    def quote(self, quote_id: str) -> Quote:
        """The quote with this id (`"a:q1"`), from whichever article holds it.

        Raises:
            KeyError: no such quote.
        """
        article_id, _, _ = quote_id.partition(":")
        return self.article(article_id).quote(quote_id)

    @property
    def worst(self) -> Severity:
        """The severity of the worst finding, `none` when there is none."""
        return self.summary.worst


class SourceKind(enum.StrEnum):
    """What a `check` source is, which decides whose words its text holds."""

    ARTICLE = "article"  # a published story: only its quotes are anyone's words
    TRANSCRIPT = "transcript"  # speaker turns: each turn's words are its speaker's
    STATEMENT = "statement"  # a statement or press release: its text is its issuer's


class CheckStatus(enum.StrEnum):
    """The outcome for one draft quote in `check`."""

    VERIFIED = "verified"  # found, credited to the same speaker, at most editorial changes
    ALTERED = "altered"  # found with unmarked changes, or only in other words
    MISATTRIBUTED = "misattributed"  # found, but said by someone other than the draft says
    UNSUPPORTED = "unsupported"  # in no source
    # Found, but the draft's speaker cannot be read, so the credit could not be checked.
    SPEAKER_UNVERIFIED = "speaker_unverified"
    # Not a checkable statement (a quoted term, too short to verify): `reason` says which.
    NOT_CHECKED = "not_checked"

    @property
    def label(self) -> str:
        """The status in words, for people: `speaker unverified`, `not checked`."""
        return self.value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One source of a `check`: its article id, its kind and who its text is credited to."""

    article: str
    kind: SourceKind
    # The issuer of a statement, or the speaker of a transcript's `A:` turns; None if unknown.
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """The outcome for one draft quote: its status and the finding behind it.

    Exactly one of `match` (the quote was found) and `unmatched` (it was not) is set, except
    for a quote that is `not checked`, which has neither.
    """

    quote: str
    status: CheckStatus
    severity: Severity
    match: Match | None = None
    unmatched: Unmatched | None = None
    # Where the source's words stand, as `path:line`; and the same for every other source
    # that holds them too.
    location: str | None = None
    also_in: tuple[str, ...] = ()
    # Why a quote was not checked ("a quoted term", "too short to verify"), or None.
    reason: str | None = None
    # Where the source's words (the match's `b_text`) stand in the source's text, piece by
    # piece, so a report can mark them in place.
    spans: tuple[tuple[int, int], ...] = field(default=(), metadata=INTERNAL)

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", CheckStatus(self.status))
        object.__setattr__(self, "severity", Severity(self.severity))
        object.__setattr__(self, "also_in", tuple(self.also_in))
        object.__setattr__(self, "spans", tuple((int(s), int(e)) for s, e in self.spans))


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check` decided: every draft quote's outcome, and the threshold for failing."""

    fail_on: Severity
    sources: tuple[SourceInfo, ...]
    quotes: tuple[QuoteCheck, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fail_on", Severity(self.fail_on))
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "quotes", tuple(self.quotes))

    @property
    def passed(self) -> bool:
        """True when no quote's finding is at or above `fail_on`."""
        return all(q.severity < self.fail_on for q in self.quotes)

    def count(self, status: CheckStatus) -> int:
        """How many draft quotes ended with this status."""
        return sum(1 for q in self.quotes if q.status is status)


def summarize(matches: Iterable[Match], unmatched: Iterable[Unmatched]) -> Summary:
    """Count findings by severity and verdict, worst first, leaving out zero counts."""
    severities: list[Severity] = []
    verdicts: list[Verdict] = []
    for match in matches:
        severities.append(match.severity)
        verdicts.append(match.verdict)
    for item in unmatched:
        severities.append(item.severity)
        verdicts.append(item.verdict)
    by_severity = {s.value: severities.count(s) for s in reversed(Severity) if s in severities}
    by_verdict = {v.value: verdicts.count(v) for v in Verdict if v in verdicts}
    return Summary(max(severities, default=Severity.NONE), by_severity, by_verdict)


def to_json_dict(value: Any) -> Any:
    """The JSON-ready form of a model value: fields in declaration order, internals left out."""
    names = json_fields(type(value))
    if names is not None:
        return {name: to_json_dict(getattr(value, name)) for name in names}
    if value is None or type(value) in (str, int, float, bool):  # exactly: not an enum
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): to_json_dict(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [to_json_dict(v) for v in value]
    return value


# Each class's contract fields, found once: a report of 20,000 quotes asked
# dataclasses.fields() 200,000 times.
_JSON_FIELDS: dict[type, tuple[str, ...] | None] = {}


def json_fields(cls: type) -> tuple[str, ...] | None:
    """A dataclass's contract fields in declaration order; None for any other type."""
    if cls not in _JSON_FIELDS:
        _JSON_FIELDS[cls] = (
            tuple(f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal"))
            if dataclasses.is_dataclass(cls)
            else None
        )
    return _JSON_FIELDS[cls]
