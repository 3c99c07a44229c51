"""What every report format shares: cutting text for a table, counting, locating a line.

Kept apart from the formats so markdown, JSON and HTML cut, count and place alike.
"""

from __future__ import annotations

import re

from attribution.model import CheckStatus, Verdict

_SPACE_RE = re.compile(r"\s+")
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
    CheckStatus.NOT_CHECKED,
)


def one_line(text: str) -> str:
    """Runs of white space (newlines included) as one space, stripped."""
    return _SPACE_RE.sub(" ", text).strip()


def shorten(text: str, limit: int = TABLE_QUOTE_CHARS) -> str:
    """Text cut at a word boundary to about `limit` characters, with … when cut."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " \u2026"


def count(n: int, one: str, many: str | None = None) -> str:
    """`1 quote`, `2 quotes`, `0 matches`."""
    return f"{n} {one if n == 1 else many or one + 's'}"


def place(source: str, text: str, offset: int) -> str:
    """`path:line` of a character offset."""
    return f"{source}:{text.count(chr(10), 0, offset) + 1}"


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
