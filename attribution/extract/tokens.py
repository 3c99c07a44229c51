"""Tokens: an article's words with their offsets, and which quote (if any) owns each.

Built once per article after mark pairing, and read by every later stage (mentions, cues,
candidates, coreference, kinds): a frozen value, so no stage can change what another sees.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from attribution.extract.marks import Pairing, after_close, mark_end, markup_spans

# Words (with inner hyphens, apostrophes and dots: al-Sadr, Iraq’s, U.S) or single marks.
# Possessive quantifiers: a word's letters never match a shorter way, so the engine need not
# keep the places to try one.
TOKEN_RE = re.compile(r"\w++(?:[-'\u2019.]\w++)*+|[^\w\s]")
# The text cut into gaps and tokens in one pass: [gap, token, gap, token, ..., gap].
_PARTS_RE = re.compile(f"({TOKEN_RE.pattern})")
# A pronoun with a contracted verb, as a whole token: he's, she'd, they're, it'll, we've, I'm.
_CONTRACTION_RE = re.compile(
    r"\b(he|she|they|it|we|i|you)['\u2019](?:s|d|ll|re|ve|m)\b(?!['\u2019-]\w)", re.I
)
# The owner of words outside every quote, and of words inside markup tags (`<tweet ...>`),
# which hold no one's words or cues; quotes own theirs by index.
FREE = -1
MARKUP = -2
# The owner of the words of a quoted title (“Meet the Press”, ''America's Unwritten
# Constitution''): not the reporter's words, so no cue or speaker, but no boundary either: a
# speaker phrase may run past one (Akhil Amar, author of “...”, put it, “...”).
TITLE = -3


@dataclass(frozen=True, slots=True, eq=False)
class Tokens:
    """An article's tokens: as printed, lower case, where each starts, and who owns it.

    `lows` reads a contracted pronoun as the pronoun ("He's claiming" gives "he"); `owner` is
    the index of the quote a token belongs to (its marks count as inside), `FREE` outside
    quotes and `MARKUP` inside markup tags.
    """

    text: str
    words: tuple[str, ...]
    lows: tuple[str, ...]
    starts: Sequence[int]  # an array of machine integers for the whole text
    owner: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices (lo, hi) of the tokens starting within [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def end_of(self, k: int) -> int:
        """The character offset where token k ends."""
        return self.starts[k] + len(self.words[k])

    def phrase(self, start: int, end: int) -> str:
        """Tokens [start, end) as printed, from the first's start to the last's end (a
        contracted pronoun without its verb: "He's" gives "He")."""
        last = self.words[end - 1]
        if end - start == 1 and self.lows[start] != last.lower():
            return last[: len(self.lows[start])]
        return self.text[self.starts[start] : self.starts[end - 1] + len(last)]

    def is_free(self, k: int) -> bool:
        """True when token k stands outside every quote and markup tag."""
        return self.owner[k] == FREE

    def first_bound(self, lo: int, hi: int) -> int:
        """The first token in [lo, hi) that ends the reporter's words around a quote (hi when
        none): another quote's, or markup's (a quoted title's words do not)."""
        owner = self.owner
        for k in range(lo, hi):
            if owner[k] not in (FREE, TITLE):
                return k
        return hi

    def last_bound(self, lo: int, hi: int) -> int:
        """The last token in [lo, hi) that ends the reporter's words around a quote (lo - 1
        when none)."""
        owner = self.owner
        for k in range(hi - 1, lo - 1, -1):
            if owner[k] not in (FREE, TITLE):
                return k
        return lo - 1


def tokenize(
    text: str,
    pairings: Sequence[Pairing],
    *,
    scope: Sequence[tuple[int, int]] | None = None,
    titles: frozenset[int] = frozenset(),
    words_of: Tokens | None = None,
) -> Tokens:
    """The article's tokens, each with the quote that owns it.

    Args:
        text: the article.
        pairings: the quotes to own tokens, in text order: the article's outermost quotes,
            or the quotes within them.
        scope: where the words to read for these quotes stand (for quotes within a quote,
            the outer quotes' pieces); tokens elsewhere are owned like markup, no one's
            words or cues. None for the whole text.
        titles: the indexes of pairings shaped like a title, whose words are owned as
            `TITLE`.
        words_of: tokens of the same text already made (for another level of quotes), whose
            words are reused so the text is split once.

    Returns:
        The tokens of the whole text.
    """
    starts: Sequence[int]
    if words_of is not None:
        words, lows, starts = words_of.words, words_of.lows, words_of.starts
    else:
        words, lows, starts = _split_words(text)
    owner = _owners(text, starts, pairings, titles)
    if scope is not None:
        scoped = [MARKUP] * len(owner)
        for start, end in scope:
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            scoped[lo:hi] = owner[lo:hi]
        owner = scoped
    return Tokens(text, words, lows, starts, tuple(owner))


def _split_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...], Sequence[int]]:
    """The text's tokens as printed, lower case, and where each starts, from one regex pass.

    One string per distinct word, and its lower case made once: a long article says "the"
    tens of thousands of times, and holds one copy of it, not one per use. Offsets are
    machine integers, 8 bytes a token, not an int object each.
    """
    parts = _PARTS_RE.split(text)
    found = parts[1::2]
    shared = dict(zip(found, found, strict=True))
    words = tuple(map(shared.__getitem__, found))
    del found
    # Each token starts where the text before it (every part before it) ends.
    starts = array("q", itertools.islice(itertools.accumulate(map(len, parts)), 0, None, 2))
    del parts, starts[len(words) :]
    lower = {w: shared.get(low, low) for w in shared for low in (w.lower(),)}
    for w in shared:
        # A token is a contracted pronoun where the text matches at its start: a token
        # runs on past the verb only with the characters that would stop the match there.
        if ("'" in w or "\u2019" in w) and (m := _CONTRACTION_RE.match(w)) is not None:
            lower[w] = m.group(1).lower()
    return words, tuple(map(lower.__getitem__, words)), starts


def _owners(
    text: str, starts: Sequence[int], pairings: Sequence[Pairing], titles: frozenset[int]
) -> list[int]:
    """Which of the pairings each token belongs to (its marks count as inside); the words
    of a pairing in `titles` are owned as `TITLE`."""
    owner = [FREE] * len(starts)
    for index, pairing in enumerate(pairings):
        regions = [(pairing.open_mark, pairing.pieces[0][1])]
        regions += [(s, e) for s, e in pairing.pieces[1:]]
        regions[-1] = (regions[-1][0], after_close(text, pairing))
        regions += [(pos, mark_end(text, pos)) for pos in pairing.reopen_marks]
        owned = TITLE if index in titles else index
        for start, end in regions:
            lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            owner[lo:hi] = [owned] * (hi - lo)
    for start, end in markup_spans(text):
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        owner[lo:hi] = [MARKUP] * (hi - lo)
    return owner
