"""What every report format shares: which findings a report lists and in what order, a
match's word-by-word difference, cutting text for a table, counting, locating a line.

Kept apart from the formats so markdown, JSON and HTML list, mark, cut, count and place alike.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal, NamedTuple

from attribution.model import (
    Change,
    ChangeCategory,
    CheckStatus,
    Match,
    QuoteCheck,
    Report,
    Severity,
    Unmatched,
    Verdict,
)

# Control characters would reach a terminal as escape sequences (clearing the screen,
# rewriting lines); they are shown as their control pictures (␛) or, for C1 codes, as �.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421"}
# Quote text longer than this is cut (with …) in tables; the match sections show it whole.
TABLE_QUOTE_CHARS = 90
# Changes listed in a findings row, worst first; the match's own section lists them all.
SUMMARY_CHANGES = 4

VERDICT_NOTES = {
    Verdict.IDENTICAL: "the same words",
    Verdict.COSMETIC: "only punctuation, case or spelling",
    Verdict.PARTIAL: "one is a fragment of the other",
    Verdict.EDITORIAL: "marked omissions or insertions",
    Verdict.ALTERED: "words changed without any mark",
    Verdict.REWORDED: "the same statement in other words",
}

# Statuses in the order a check's verdict line counts them.
STATUS_ORDER = (
    CheckStatus.VERIFIED,
    CheckStatus.ALTERED,
    CheckStatus.MISATTRIBUTED,
    CheckStatus.UNSUPPORTED,
    CheckStatus.SPEAKER_UNVERIFIED,
    CheckStatus.NOT_CHECKED,
)
# Changes too slight to open a verified quote's details for: marks and capitals alone
# ("," for "." where a quote is split).
_MARKS_ONLY = frozenset({ChangeCategory.PUNCTUATION, ChangeCategory.CASE})


class Piece(NamedTuple):
    """One piece of a word-by-word difference: words both wordings share (`same`), words only
    the first has (`del`), words only the second has (`ins`), or a space that keeps a marked
    piece apart from the words around it (`gap`)."""

    kind: Literal["same", "del", "ins", "gap"]
    text: str
    # The change a `del` or `ins` piece shows (for its category and severity), else None.
    change: Change | None = None


_GAP = Piece("gap", " ")


def ordered_findings(report: Report) -> list[Match | Unmatched]:
    """A report's findings as every format lists them.

    Args:
        report: the result of `compare` or `check`.

    Returns:
        Each match and each unmatched quote with a severity above none, worst first, and in
        the report's order (matches, then unmatched quotes) within a severity.
    """
    found: list[Match | Unmatched] = [*report.matches, *report.unmatched]
    ranked = [(-f.severity.rank, i) for i, f in enumerate(found) if f.severity is not Severity.NONE]
    return [found[i] for _, i in sorted(ranked)]


def difference(match: Match) -> list[Piece]:
    """The second wording with every change in place, as pieces a format marks its own way.

    Args:
        match: a match with its changes located in its texts.

    Returns:
        The pieces in reading order, covering the aligned part of `b_text`; each change is
        its `del` words then its `ins` words, a gap between them.
    """
    out: list[Piece] = []
    pos = match.b_window[0] if match.b_window != (0, 0) else 0
    end = match.b_window[1] if match.b_window != (0, 0) else len(match.b_text)
    for change in sorted(match.changes, key=lambda c: (c.b_start, c.a_start)):
        same = match.b_text[pos : change.b_start]
        if same:
            out.append(Piece("same", same))
        # A mark stands apart from the words around it, as the words it marks did:
        # "will ~~not~~ raise", never "will ~~not~~raise".
        first = (change.a or change.b)[:1]
        joined = bool(same) and not same[-1].isspace()
        if joined and first.isalnum() and match.b_text[change.b_start - 1].isalnum():
            out.append(_GAP)
        if change.a:
            out.append(Piece("del", change.a, change))
        if change.a and change.b:
            out.append(_GAP)
        if change.b:
            out.append(Piece("ins", change.b, change))
        pos = change.b_end
        after = match.b_text[pos : pos + 1]
        if not change.b and after and after[0].isalnum():
            out.append(_GAP)
    if match.b_text[pos:end]:
        out.append(Piece("same", match.b_text[pos:end]))
    return out


def needs_details(outcome: QuoteCheck) -> bool:
    """A check outcome an editor must look at: every quote not verified, and a verified one
    that changed at all (an editor's bracket or omission, a respelling), so every difference
    is shown word by word; never a quote that was not checked."""
    if outcome.status is CheckStatus.NOT_CHECKED:
        return False
    if outcome.status is not CheckStatus.VERIFIED:
        return True
    return outcome.match is not None and any(
        c.category not in _MARKS_ONLY for c in outcome.match.changes
    )


def not_checked_reason(outcome: QuoteCheck) -> str:
    """Why a quote was not checked, in a few words: the check's own reason, else the one
    reason the check had before it gave reasons (the quote is a quoted term)."""
    return outcome.reason or "a quoted term"


def one_line(text: str) -> str:
    """Runs of white space (newlines included) as one space, stripped."""
    # str.split and the regex's \s agree on what white space is; splitting is the faster.
    return " ".join(text.split())


def shorten(text: str, limit: int = TABLE_QUOTE_CHARS) -> str:
    """Text cut at a word boundary to about `limit` characters, with … when cut."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " \u2026"


def cut(text: str, limit: int = TABLE_QUOTE_CHARS) -> tuple[str, int]:
    """Text cut at a word boundary to about `limit` characters, and how many words were cut.

    For a table cell that must not be read as the article's own ellipsis: the format shows
    the count outside the quote marks (“We will not raise the gas tax” +8 words).
    """
    text = one_line(text)
    if len(text) <= limit:
        return text, 0
    at = text.rfind(" ", 0, limit + 1)
    at = at if at > limit // 2 else limit
    kept = text[:at].rstrip(" ,;:")
    return kept, len(text[len(kept) :].split())


def count(n: int, one: str, many: str | None = None) -> str:
    """`1 quote`, `2 quotes`, `0 matches`."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def place(source: str, text: str, offset: int) -> str:
    """`path:line` of a character offset."""
    return f"{source}:{text.count(chr(10), 0, offset) + 1}"


class Lines:
    """Line numbers of offsets in one text, each found by bisection: a report locates every
    quote, and counting line breaks from the top for each was quadratic in a long article.
    Not a dataclass: an index built once per text."""

    def __init__(self, text: str) -> None:
        self._breaks = [i for i, char in enumerate(text) if char == "\n"]

    def of(self, offset: int) -> int:
        """The line (1 for the first) the character at `offset` is on."""
        return bisect.bisect_left(self._breaks, offset) + 1


def encodable(text: str) -> str:
    """The text with lone surrogates (a file name that is not UTF-8, as Python passes it on)
    as U+FFFD, so it can always be written as UTF-8."""
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub("\ufffd", text)


def visible(text: str) -> str:
    """Control characters as symbols a terminal shows instead of obeying."""
    if _CONTROL_RE.search(text) is None:
        return text
    return _CONTROL_RE.sub(lambda m: _CONTROL_PICTURES.get(ord(m[0]), "\ufffd"), text)
