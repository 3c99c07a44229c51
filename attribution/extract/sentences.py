"""Sentences: the quote-aware sentence around a position, for reading a quote's surroundings.

Separate from mark pairing because sentences are only used around quotes (where cues and
speakers stand), and because a sentence splitter cuts inside `“No. Never.”`: the split is
undone inside quotes. Punkt runs with the package's own abbreviation list, so no NLTK data
is needed and nothing is downloaded; it is imported only when a sentence is first asked for.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attribution import lexicon as lx
from attribution.extract.marks import Pairing
from attribution.extract.names import NAME_ABBREVIATIONS
from attribution.extract.phrases import says_how
from attribution.extract.punkt import sentence_splitter
from attribution.extract.tokens import TOKEN_RE
from attribution.typography import CLOSING_CHARACTERS

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Punkt abbreviations shipped with the package (lower case, no final dot): titles in names,
# months, states, units and Latin abbreviations. Without them Punkt splits "Lt. | Gen. Smith".
PUNKT_ABBREVIATIONS = NAME_ABBREVIATIONS | frozenset(
    {
        "u.s", "u.n", "u.k", "e.u", "d.c", "a.m", "p.m", "i.e", "e.g", "vs", "etc", "inc", "corp",
        "co", "ltd", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mt", "ft", "ave", "blvd", "rd", "dept", "univ", "assn", "bros", "govt",
        "approx", "est", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
        "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
        "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "r", "d", "i",
    }
)  # fmt: skip
# How many words into a sentence its cue may stand for the sentence to open with an
# attribution ("a narrator in the Clinton ad asks." is six).
MAX_CUE_OFFSET = 8
# Lower-case words that do not open an attribution (a pronoun does: "he said").
_NOT_NAMES_BUT_PRONOUNS = lx.NOT_NAMES - lx.PERSON_PRONOUNS
# The longest parenthesis after a name that a sentence goes on past: "(D-N.Y.)", "(R-Tex.)".
_MAX_ASIDE = 16


class SentenceIndex:
    """The quote-aware sentences of an article, split paragraph by paragraph on demand.

    Not a dataclass: a memo over the article, filled as quotes ask for their sentences.
    """

    def __init__(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        pairings: Sequence[Pairing],
        punkt_memo: dict[tuple[int, int], tuple[tuple[int, int], ...]] | None = None,
    ) -> None:
        self._text = text
        self._paragraphs = paragraphs
        self._para_starts = [p[0] for p in paragraphs]
        pieces = sorted(piece for pairing in pairings for piece in pairing.pieces)
        self._piece_starts = [s for s, _ in pieces]
        # The furthest any piece starting so far reaches: a quote within a quote starts
        # later but ends sooner than the quote around it.
        self._reach = list(itertools.accumulate((e for _, e in pieces), max))
        self._cache: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}
        # Punkt's raw splits of each paragraph, shared by the sentence indexes of one
        # article (one per level of quotes): each paragraph is split once.
        self._punkt_memo = punkt_memo if punkt_memo is not None else {}

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence around `pos`; a split inside a quote is undone."""
        p = bisect.bisect_right(self._para_starts, pos) - 1
        if p < 0:
            return (0, len(self._text))
        if p not in self._cache:
            sentences = self._split(self._paragraphs[p])
            self._cache[p] = (sentences, [s for s, _ in sentences])
        sentences, starts = self._cache[p]
        k = bisect.bisect_right(starts, pos) - 1
        return sentences[max(k, 0)]

    def _split(self, para: tuple[int, int]) -> list[tuple[int, int]]:
        start, end = para
        if para not in self._punkt_memo:
            self._punkt_memo[para] = tuple(punkt().span_tokenize(self._text[start:end]))
        spans = [(start + s, start + e) for s, e in self._punkt_memo[para]]
        if not spans:
            return [para]
        text, reach, piece_starts = self._text, self._reach, self._piece_starts
        merged = [spans[0]]
        for s, e in spans[1:]:
            k = bisect.bisect_left(piece_starts, s) - 1  # the last piece starting before s
            if (
                (k >= 0 and s <= reach[k])
                or (
                    # A quote ending in ? or ! and its attribution are one sentence, which Punkt
                    # splits: “Why not?” Vitter demanded. (A statement ends its quote with a
                    # comma when an attribution follows, so `.”` does end a sentence.)
                    _ends_in_question(text, merged[-1][1]) and starts_with_attribution(text[s:e])
                )
                or _ends_in_abbreviation_aside(text, merged[-1][1], s)
                # No sentence opens with a comma or a closing bracket: "(D-R.I.), said",
                # "Acme Inc., which".
                or text[s : s + 1] in {",", ";", ")"}
            ):
                # Sen. Jack Reed (D-R.I.) said ...: Punkt ends a sentence after "R.I.)".
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return merged


def _ends_in_abbreviation_aside(text: str, end: int, next_start: int) -> bool:
    """True when a sentence "ends" with a short parenthesis closed after an abbreviation's
    dot, such as a lawmaker's party and state, and the next one opens in lower case."""
    # Where the sentence's last character before trailing white space stands, found by
    # stepping back, not by copying the text before it (a copy per sentence is quadratic).
    last = end
    while last > 0 and text[last - 1].isspace():
        last -= 1
    if last < 2 or text[last - 2 : last] != ".)":
        return False
    if not text[next_start : next_start + 1].islower():
        return False
    return text.rfind("(", max(0, last - _MAX_ASIDE), last) >= 0


def _ends_in_question(text: str, end: int) -> bool:
    """True when a sentence ends with a quote closed after ? or ! (“Why?” or ''Why?'')."""
    closing = end
    while closing > end - 2 and closing > 0 and text[closing - 1] in CLOSING_CHARACTERS:
        closing -= 1
    return closing < end and text[closing - 1 : closing] in ("?", "!")


def starts_with_attribution(sentence: str) -> bool:
    """True when a sentence opens with an attribution: `he said.`, `Vitter demanded.`."""
    words = [t for t in TOKEN_RE.findall(sentence[:160]) if t[0].isalnum()][:MAX_CUE_OFFSET]
    if not words:
        return False
    if words[0].islower() and words[0] not in _NOT_NAMES_BUT_PRONOUNS:
        return True
    # A name of up to three words and a verb saying how it was spoken, ending the clause:
    # Trump went on, as if ...; Okafor snapped. (Not "Senate Republicans blocked the bill".)
    tag = _MANNER_TAG.match(sentence)
    if tag and says_how(tag.group(1), tag.group(2) or "."):
        return True
    return any(w in lx.CUE_VERBS for w in words)


# A name (up to three capitalised words, with initials' dots), a verb, an optional particle,
# then the clause's end.
_MANNER_TAG = re.compile(
    r"\s*(?:[A-Z][\w\u2019'.-]*\s+){1,3}([a-z]+)(?:\s+(on|back|in|up|out))?\s*[,.;!?\u2014]"
)


@functools.cache
def punkt() -> PunktSentenceTokenizer:
    """Punkt with the package's own abbreviation list: no NLTK data, nothing downloaded."""
    return sentence_splitter(PUNKT_ABBREVIATIONS)
