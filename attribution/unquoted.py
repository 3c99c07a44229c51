"""Unquoted reuse: find a quote's words printed in another article without quote marks.

Separate from pairing, which looks among quotes: this searches a whole article's text, so it
keeps its own word index and looks only at windows around a quote's rarest words, which keeps
searching 800 quotes in a long text linear.
"""

from __future__ import annotations

import bisect
import functools
from collections import defaultdict
from collections.abc import Iterable

from attribution.model import Quote
from attribution.normalize import Token, tokenize, word_keys
from attribution.opcodes import ALIGN_BAND, key_similarity, window_span, word_opcodes

# An unquoted reuse must match this share of the quote's words in a window of the other text.
MIN_UNQUOTED_SIMILARITY = 0.85
# Quotes this short are too common to be found "unquoted" by chance matches.
MIN_UNQUOTED_WORDS = 3
# Windows of the other text tried per rare word of the quote, when looking for unquoted use.
MAX_UNQUOTED_WINDOWS = 200
# `TextIndex.locate` scores up to 600 windows around a quote's rarest words; a quote of more
# than 66 words gets fewer (at least 3), so windows x its words (up to the band) stays under
# this and locating a quote costs time in proportion to its length.
LOCATE_WINDOW_WORDS = 40_000
# Room for rounding when a bound on a window's similarity is set against the best so far.
_SLACK = 1e-9


class TextIndex:
    """A whole article's words, for finding a quote's words printed without quote marks.

    Built once per article searched; `locate` looks only at windows around the quote's
    rarest words, so searching 800 quotes in a long text stays linear. Built over some
    spans of a text only (one speaker's passages of a source), it holds their words at
    their offsets in the whole text, as the text with everything else blanked would.
    """

    def __init__(self, text: str, spans: Iterable[tuple[int, int]] | None = None) -> None:
        self.text = text
        # The words are read from the spans alone, set apart by at most two spaces (a
        # wider gap tokenizes as two spaces do), not from a copy of the whole text with
        # the rest blanked: a source of a thousand speakers made a thousand such copies.
        self._read, self._read_starts, self._shifts = _compact(text, spans)
        # Keys and offsets only: tokens for a whole article are built if asked for.
        self.keys, self.starts, self.ends = word_keys(self._read)
        if self._shifts:
            self.starts = [self._at(s) for s in self.starts]
            self.ends = [self._at(e - 1) + 1 for e in self.ends]
        self.positions: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            self.positions[key].append(i)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The article's words as tokens (made on first use; `keys` index the same words)."""
        words = [t for t in tokenize(self._read) if t.is_word]
        if not self._shifts:
            return words
        return [t._replace(start=self._at(t.start), end=self._at(t.end - 1) + 1) for t in words]

    def _at(self, pos: int) -> int:
        """The offset in the whole text of an offset into the text the words were read from."""
        if not self._shifts:
            return pos
        return pos + self._shifts[bisect.bisect_right(self._read_starts, pos) - 1]

    def locate(self, quote_text: str) -> tuple[int, int, float] | None:
        """The best window of this text holding the quote's words.

        Args:
            quote_text: the quote as printed.

        Returns:
            (start, end, similarity): character offsets into the text and the word-level
            similarity (0 to 1), or None when no window comes close.
        """
        keys = _keys_of(quote_text)
        if not keys:
            return None
        anchors = sorted(
            {
                (len(self.positions.get(k, ())), i, k)
                for i, k in enumerate(keys)
                if k in self.positions
            }
        )[:3]
        best: tuple[float, int, int] | None = None
        wanted = set(keys)
        seen: set[int] = set()
        max_windows = max(3, LOCATE_WINDOW_WORDS // min(len(keys), ALIGN_BAND))
        for _, offset, key in anchors:
            for pos in self.positions[key][:MAX_UNQUOTED_WINDOWS]:
                start = max(0, pos - offset)
                if start in seen or len(seen) >= max_windows:
                    continue
                seen.add(start)
                window = self.keys[start : start + len(keys) + 2]
                if best is not None:
                    # A window pairs at most as many words as it holds of the quote's, so
                    # its similarity is at most their share of the quote: one that cannot
                    # beat the best is not aligned.
                    held = sum(1 for k in window if k in wanted)
                    if min(held, len(keys)) / len(keys) < best[0] - _SLACK:
                        continue
                opcodes = word_opcodes(keys, window)
                # Trim the window to what the quote's first and last words paired with.
                lo, hi = window_span(opcodes, len(window))
                sim = key_similarity(keys, window[lo:hi])
                if best is None or sim > best[0]:
                    best = (sim, start + lo, start + hi)
                    if sim >= 1.0:
                        break
            if best is not None and best[0] >= 1.0:
                # Every word in place: no later window can do better, and the first of
                # equals is kept. A quote printed many times over (a long transcript) is
                # located once, not once per printing.
                break
        if best is None or best[2] <= best[1]:
            return None
        sim, lo, hi = best
        return self.starts[lo], self.ends[hi - 1], sim


@functools.lru_cache(maxsize=1024)
def _keys_of(quote_text: str) -> tuple[str, ...]:
    # Cached: `check` locates one quote in each speaker's words of a source in turn.
    return tuple(word_keys(quote_text)[0])


def _compact(
    text: str, spans: Iterable[tuple[int, int]] | None
) -> tuple[str, list[int], list[int]]:
    """The spans of `text` in order, joined by the white space that stands for what lies
    between them, with where each piece starts there and how far it moved.

    Returns:
        (text read, piece starts in it, shift of each piece back to `text`); the whole
        text with no shifts when `spans` is None.
    """
    if spans is None:
        return text, [], []
    out: list[str] = []
    read_starts: list[int] = []
    shifts: list[int] = []
    pos = length = 0
    for s, e in sorted(spans):
        s, e = max(s, pos), min(e, len(text))
        if e <= s:
            continue
        gap = " " * min(s - pos, 2)  # one space stays one: `. .` across it is an ellipsis
        out.append(gap)
        length += len(gap)
        read_starts.append(length)
        shifts.append(s - length)
        out.append(text[s:e])
        length += e - s
        pos = e
    if not shifts:
        return "", [0], [0]
    return "".join(out), read_starts, shifts


def find_unquoted(quote: Quote, index: TextIndex) -> tuple[int, int] | None:
    """Where a quote's words stand in another article without being a quote there.

    Args:
        quote: a quote with no counterpart among the other article's quotes.
        index: the other article's `TextIndex`.

    Returns:
        Character offsets of the words in the other article, or None.
    """
    if len(word_keys(quote.text)[0]) < MIN_UNQUOTED_WORDS:
        return None
    found = index.locate(quote.text)
    if found is None or found[2] < MIN_UNQUOTED_SIMILARITY:
        return None
    if _inside_quote_marks(index.text, found[0]):
        return None  # quoted there too, only not paired (a quoted term, say): not unquoted
    return found[0], found[1]


# Double quote marks that open or close a quotation; a straight mark does either.
_OPENING_MARKS = frozenset("\u201c\u00ab\u201e")
_CLOSING_MARKS = frozenset("\u201d\u00bb")


def _inside_quote_marks(text: str, at: int) -> bool:
    """True when `at` stands inside double quote marks opened earlier in its paragraph."""
    start = text.rfind("\n", 0, at) + 1
    depth = 0
    for ch in text[start:at]:
        if ch in _OPENING_MARKS:
            depth += 1
        elif ch in _CLOSING_MARKS:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
    return depth > 0
