"""Article text as HTML, with highlights laid over it in place: quotes, the words a source
was found as, each changed word.

Kept apart from the page because this is the one place article text becomes markup: every
character is escaped here, control and bidirectional-formatting characters are shown
instead of obeyed, and highlights that cross each other or a line break become properly
nested elements, split where they cross.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from attribution.report.common import encodable, one_line

# C0 and C1 control characters other than tab and line breaks: a terminal obeys them, a
# browser drops or garbles them; shown as their control pictures (␛) or, for C1, as �.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Explicit bidirectional embeddings, overrides and isolates: in a quote they could make
# the words read in another order than they are stored (a "Trojan Source" quote). They are
# removed from the markup and shown as their names; the marks LRM/RLM/ALM only settle
# neutral characters and stay, as right-to-left copy needs them.
_BIDI_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_NAMES = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
}
_UNSAFE_RE = re.compile(f"{_CONTROL_RE.pattern}|{_BIDI_RE.pattern}")
# A block of the article column ends after a run of line breaks: blocks are what the
# browser may skip styling and laying out while off screen, so a long article opens fast.
_BLOCK_END_RE = re.compile(r"[\r\n]+")


@dataclass(frozen=True, slots=True)
class Highlight:
    """One highlighted stretch of an article's text, as [start, end) offsets.

    Every piece of it carries `classes` and `groups` (the ids of the findings it belongs
    to); the first piece also carries `ident` (an element id) and `label` (words shown
    before it), so the stretch is named once however often it is split.
    """

    start: int
    end: int
    tag: str
    classes: str
    groups: str = ""
    ident: str = ""
    label: str = ""
    # Between stretches with the same offsets, the lower depth is the outer element.
    depth: int = 0


def escape_text(text: str) -> str:
    """Article text as HTML element content: escaped, controls shown as symbols, explicit
    bidirectional formatting shown by name; white space kept as it is."""
    text = html.escape(encodable(text), quote=False)
    if _UNSAFE_RE.search(text) is None:
        return text
    return _UNSAFE_RE.sub(_shown_in_text, text)


def escape_line(text: str) -> str:
    """Article text for one line of the findings: `escape_text` with white space runs as one
    space."""
    return escape_text(one_line(text))


def escape_attr(text: str) -> str:
    """Text for a quoted attribute value: escaped quotes included, no control or formatting
    character left (an attribute cannot hold the markup `escape_text` shows them with)."""
    text = _UNSAFE_RE.sub(lambda m: _picture(m[0]), one_line(encodable(text)))
    return html.escape(text, quote=True)


def marked_blocks(
    text: str, highlights: Sequence[Highlight], *, min_chars: int = 0
) -> Iterator[str]:
    """The text as HTML blocks, each ending at a line break, highlights in place.

    Args:
        text: an article's text.
        highlights: stretches to mark, in any order; they may nest, cross and run over
            line breaks.
        min_chars: the least a block holds before the next line break ends it (0: every
            line is a block).

    Yields:
        Each block's inner HTML: escaped text and properly nested highlight elements, each
        highlight closed at the block's end and opened again in the next.
    """
    size = len(text)
    marks = sorted(
        (h for h in highlights if 0 <= h.start < h.end <= size),
        key=lambda h: (h.start, -h.end, h.depth),
    )
    block_ends = {size}
    last = 0
    for line_end in _BLOCK_END_RE.finditer(text):
        if line_end.end() - last >= min_chars:
            block_ends.add(line_end.end())
            last = line_end.end()
    points = sorted({0} | block_ends | {h.start for h in marks} | {h.end for h in marks})
    opened: set[int] = set()  # highlights whose first piece has been written
    active: list[Highlight] = []
    stack: list[Highlight] = []
    parts: list[str] = []
    following = 0
    for lo, hi in itertools.pairwise(points):
        active = [h for h in active if h.end > lo]
        while following < len(marks) and marks[following].start <= lo:
            active.append(marks[following])
            following += 1
        wanted = sorted(active, key=lambda h: (h.start, -h.end, h.depth))
        kept = 0
        while kept < len(stack) and kept < len(wanted) and stack[kept] is wanted[kept]:
            kept += 1
        parts.extend(f"</{h.tag}>" for h in reversed(stack[kept:]))
        for mark in wanted[kept:]:
            parts.append(_open(mark, first=id(mark) not in opened))
            opened.add(id(mark))
        stack = wanted
        parts.append(escape_text(text[lo:hi]))
        if hi in block_ends:
            parts.extend(f"</{h.tag}>" for h in reversed(stack))
            stack = []
            yield "".join(parts)
            parts = []
    if parts:
        yield "".join(parts)


def _open(mark: Highlight, *, first: bool) -> str:
    attrs = [f'class="{mark.classes}"']
    if mark.groups:
        attrs.append(f'data-g="{mark.groups}"')
    if first and mark.ident:
        attrs.append(f'id="{mark.ident}"')
    if first and mark.label:
        attrs.append(f'data-label="{escape_attr(mark.label)}"')
    return f"<{mark.tag} {' '.join(attrs)}>"


def _shown_in_text(match: re.Match[str]) -> str:
    char = match[0]
    if char in _BIDI_NAMES:
        name = unicodedata.name(char, f"U+{ord(char):04X}").lower()
        shown = _BIDI_NAMES[char]
        return f'<span class="ctl" title="{name}, shown instead of obeyed">[{shown}]</span>'
    return _picture(char)


def _picture(char: str) -> str:
    """A control character as its control picture (␛), a formatting one as its name."""
    if char in _BIDI_NAMES:
        return f"[{_BIDI_NAMES[char]}]"
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"
