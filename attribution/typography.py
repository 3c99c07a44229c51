"""Typography: the quotation marks and sentence ends every stage reads text by, defined once.

Kept on the ground floor, apart from the extractor, because reading (web pages), extraction
and comparison all need to know which characters are quotation marks and which end a
sentence, and each must mean the same characters.
"""

from __future__ import annotations

import re

# Double marks in every direction and language form; `″` is a double prime typed for a mark,
# and two apostrophes or backticks stand for one double mark in typewriter-style copy (the
# New York Times archive prints ''every quote'' so; TeX-style text ``opens'' them).
DOUBLE_MARKS = frozenset(
    ['"', "\u201c", "\u201d", "\u201e", "\u201f", "\u00ab", "\u00bb", "\u2033", "''", "``"]
)
# Single marks; most of these in running text are apostrophes, which the extractor tells apart.
SINGLE_MARKS = frozenset("'\u2018\u2019\u201a\u201b\u2039\u203a")
# Every one-character quotation mark, double or single.
MARK_CHARACTERS = frozenset(m for m in DOUBLE_MARKS | SINGLE_MARKS if len(m) == 1)
# Every mark as the extractor finds it; three apostrophes are a single mark and a double one
# (''He said 'no.'''), split by context.
MARK_RE = re.compile(
    "'''|''|``|[\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2018\u2019\u201a\u201b\u2039\u203a]"
)

OPEN, CLOSE = 1, -1
# The direction a glyph claims; context (what stands on each side) outranks it, so a quote
# opened with `”` or closed with `“` is still read right. `„` opens German quotes closed by `“`.
GLYPH_DIRECTION = {
    "\u201c": OPEN,
    "\u201e": OPEN,
    "\u201f": OPEN,
    "``": OPEN,
    "\u00ab": OPEN,
    "\u2018": OPEN,
    "\u201a": OPEN,
    "\u201b": OPEN,
    "\u2039": OPEN,
    "\u201d": CLOSE,
    "\u00bb": CLOSE,
    "\u2019": CLOSE,
    "\u203a": CLOSE,
}
# Characters that can end a quote's last piece: closing glyphs, straight marks and the `“`
# some writers close with (and the last character of `''`).
CLOSING_CHARACTERS = frozenset("\"'\u201d\u2019\u00bb\u203a\u201c")
# Marks that after a digit may be units (feet, inches, seconds) instead of closing a quote.
PRIMES = frozenset("\"'\u2032\u2033")

# What may follow the words that end a sentence: closing marks, a bracket, spaces.
_CLOSING_TAIL = "".join(sorted(CLOSING_CHARACTERS)) + ") "

# What ends a sentence: a full stop, a question or exclamation mark, an ellipsis character.
SENTENCE_ENDS = frozenset(".!?\u2026")
# A sentence end followed by white space inside a span: a quote of several sentences.
INNER_SENTENCE_END_RE = re.compile(r"[.!?\u2026]\s")


def is_double(mark: str) -> bool:
    """True for a double mark (`“`, `"`, `''`, `«` ...), False for a single one."""
    return mark in DOUBLE_MARKS


def without_closing(text: str) -> str:
    """Text without the closing marks, brackets and spaces at its end: `... won.’)` gives
    `... won.`, so what ends the words themselves can be read."""
    return text.rstrip(_CLOSING_TAIL)


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence, closing marks and brackets aside: `... won.”`."""
    return without_closing(text).endswith(tuple(SENTENCE_ENDS))
