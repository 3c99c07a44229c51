"""Shortlist: where in a source a draft quote could possibly be found, before aligning it.

`verify` searches each speaker's words for a draft quote and lets the matcher judge the best
stretch, always inside one passage of that speaker's, and failing that each sentence around
it as a rewording. A source of many speakers (a long article, a day of wire copy) made every
quote search every speaker, and every search align a dozen stretches: a check took time
growing with the square of its length. The matcher accepts a stretch only when the words it
prints alike carry enough of the quote's information, or, for a rewording, when it shares
enough of the quote's content; both are bounded from above by the words the stretch holds,
in any order. A speaker, a stretch or a sentence whose bound falls short cannot hold the
quote: leaving it out changes no finding, only the time taken (tests/test_shortlist.py
holds the search with the shortlist to the search without it).
"""

from __future__ import annotations

import array
import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from attribution.matcher import (
    MIN_EVIDENCE,
    REWORDED_INFORMATION,
    REWORDED_OVERLAP,
    SAME_CEILING,
    SAME_FLOOR,
    SUPPORT_BONUS,
    content_stems,
    information,
    is_telling,
    speakers_words,
)
from attribution.normalize import Token, name_skeleton, spelling_key

# The least similarity `matcher.required_similarity` ever asks for: its floor, less all the
# support a speaker's agreement can give (tests/test_shortlist.py checks it is the least).
LOWEST_REQUIRED_SIMILARITY = SAME_FLOOR - SUPPORT_BONUS
# A quote's word this short counts as found anywhere: a stretch cut inside a printed word
# ("He|'s", "do|n't", "sha|n't") holds a fragment that no whole word is.
SHORT_KEY = 3
# Words run together or apart ("front line", "mother in law" / "motherinlaw") are found up to
# this many in a row; more is not how compounds are written.
MAX_COMPOUND = 3
# Slack for rounding: a bound equal to what is needed keeps the stretch.
_EPSILON = 1e-9
# Sets a name's skeleton apart from the words among a stretch's forms.
_NAME = "\x00"


@dataclass(frozen=True, slots=True)
class Clue:
    """Information a stretch may pair with the quote if it prints one of `forms`."""

    weight: float
    forms: frozenset[str]
    telling: bool


@dataclass(frozen=True, slots=True)
class QuoteClues:
    """What of a draft quote a stretch must hold for the matcher to accept it.

    `everywhere` is the information of words any stretch may pair (short ones); `clues` the
    rest, each with the forms under which a stretch prints it; `stems` the quote's content
    stems with their information, for a rewording.
    """

    total: float
    everywhere: float
    clues: tuple[Clue, ...]
    stems: tuple[tuple[str, float], ...]
    stems_total: float

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> QuoteClues:
        """The clues of a quote, from its tokens (`normalize.tokenize`)."""
        words = speakers_words(tokens)
        clues = [
            Clue(information(t.key), word_forms(t), is_telling(t.key))
            for t in words
            if len(t.key) > SHORT_KEY
        ]
        for run in _runs(words):
            long = [t for t in run if len(t.key) > SHORT_KEY]
            if long:
                weight = sum(information(t.key) for t in long)
                telling = any(is_telling(t.key) for t in long)
                clues.append(Clue(weight, _joined_forms(run), telling))
        stems = Counter(content_stems(tokens))
        return cls(
            total=sum(information(t.key) for t in words),
            everywhere=sum(information(t.key) for t in words if len(t.key) <= SHORT_KEY),
            clues=tuple(clues),
            stems=tuple((s, information(s) * n) for s, n in stems.items()),
            stems_total=sum(information(s) * n for s, n in stems.items()),
        )

    @property
    def print_need(self) -> float:
        """The least information a stretch must print alike (`matcher.judge`) unless a
        telling word pairs: `MIN_EVIDENCE`, or a similarity of `SAME_CEILING`, besides the
        lowest similarity required (`telling_need`).

        Words the matcher weighs on both sides as less than the quote prints them (a
        respelling weighs as the lighter spelling) or sets aside (a marked omission) are
        among those paired, so a similarity c asks at least c/(2-c) of the quote's
        information to be printed alike.
        """
        ceiling = SAME_CEILING / (2 - SAME_CEILING) * self.total
        return max(self.telling_need, min(MIN_EVIDENCE, ceiling) * (1 - _EPSILON))

    @property
    def telling_need(self) -> float:
        """The least information printed alike, whatever it is: the lowest similarity the
        matcher requires (a respelling or an omission only raises it, as it lowers the
        quote's weight by what it takes from the words printed alike)."""
        return LOWEST_REQUIRED_SIMILARITY * self.total * (1 - _EPSILON)

    @property
    def reword_need(self) -> float:
        """The least content a rewording must share: `REWORDED_INFORMATION`, and enough
        for `REWORDED_OVERLAP` (content S shared of the quote's T overlaps at most 2S/(T+S))."""
        floor = REWORDED_OVERLAP * self.stems_total / (2 - REWORDED_OVERLAP)
        return max(REWORDED_INFORMATION, floor) * (1 - _EPSILON)

    def could_print(self, words: Sequence[Token], printed: str, joined: frozenset[str]) -> bool:
        """Whether a stretch of these words (as printed: `printed`) may be the quote;
        `joined` holds at least the forms of its runs of words written as one."""
        if has_ellipsis(printed):
            return True  # words left out under an ellipsis are set aside: no bound holds
        forms: set[str] = set()
        for t in words:
            forms |= word_forms(t)
        held = [
            c for c in self.clues if not (c.forms.isdisjoint(forms) and c.forms.isdisjoint(joined))
        ]
        paired = self.everywhere + sum(c.weight for c in held)
        need = self.telling_need if any(c.telling for c in held) else self.print_need
        return paired >= need

    def could_reword(self, stems: Iterable[Iterable[str]]) -> bool:
        """Whether a stretch may be the quote in other words, by its words' content stems."""
        held = {s for word in stems for s in word}
        return sum(w for s, w in self.stems if s in held) >= self.reword_need


class Shortlist:
    """A source's passages, indexed by the words they use, to rule speakers out.

    Not a dataclass: inverted indexes from each form of a word (and each content stem) to
    the passages that print it, built once per source.
    """

    def __init__(
        self, passages: Iterable[tuple[int, Sequence[Token], Sequence[Iterable[str]], str]]
    ) -> None:
        """Index passages given as (speaker number, the passage's words, their content
        stems, its text as printed). A speaker with a passage that prints an ellipsis is
        always searched."""
        self._speaker_of = array.array("i")
        self._always: set[int] = set()
        self._by_form: dict[str, array.array[int]] = {}
        self._by_stem: dict[str, array.array[int]] = {}
        for speaker, words, stems, printed in passages:
            n = len(self._speaker_of)
            self._speaker_of.append(speaker)
            if has_ellipsis(printed):
                self._always.add(speaker)
            forms = {f for t in words for f in word_forms(t)} | joined_forms(words)
            for form in forms:
                self._by_form.setdefault(form, array.array("i")).append(n)
            for stem in {s for word in stems for s in word}:
                self._by_stem.setdefault(stem, array.array("i")).append(n)

    def worth_searching(self, clues: QuoteClues) -> set[int]:
        """The speakers (by number) with a passage that could hold the quote."""
        # A passage holding a telling word of the quote needs less printed alike; a quote
        # without one needs `print_need` anywhere.
        telling = any(c.telling for c in clues.clues)
        need = clues.telling_need if telling else clues.print_need
        every = [(c.weight, c.forms) for c in clues.clues]
        passages = self._reaching(need - clues.everywhere, every, self._by_form)
        stems = [(w, frozenset((s,))) for s, w in clues.stems]
        passages |= self._reaching(clues.reword_need, stems, self._by_stem)
        return self._always | {self._speaker_of[p] for p in passages}

    def _reaching(
        self,
        need: float,
        clues: Sequence[tuple[float, frozenset[str]]],
        postings: dict[str, array.array[int]],
    ) -> set[int]:
        """The passages whose clues (weight, forms: held when a form is printed) may weigh
        `need` together.

        The clues printed in the most passages, as many as together weigh less than
        `need`, cannot make a passage by themselves: only passages holding one of the
        others are weighed, counting those common clues as held. A quote's common words
        thus never send the search through every passage.
        """
        if need <= 0:
            return set(range(len(self._speaker_of)))
        held = [(weight, _postings(forms, postings)) for weight, forms in clues]
        held.sort(key=lambda c: -len(c[1]))
        assumed = 0.0
        cut = 0
        while cut < len(held) and assumed + held[cut][0] < need:
            assumed += held[cut][0]
            cut += 1
        weight_of: dict[int, float] = {}
        for weight, passages in held[cut:]:
            for p in passages:
                weight_of[p] = weight_of.get(p, 0.0) + weight
        return {p for p, w in weight_of.items() if assumed + w >= need}


def has_ellipsis(printed: str) -> bool:
    """True when the text prints an ellipsis in any of the tokenizer's ways (`...`, `. . .`,
    `…`), which a search must not bound."""
    return "..." in printed or ". ." in printed or ".\u00a0." in printed or "\u2026" in printed


def joined_forms(words: Sequence[Token]) -> set[str]:
    """The forms of every run of words in a row written as one ("front line": "frontline")."""
    forms: set[str] = set()
    for run in _runs(words):
        forms |= _joined_forms(run)
    return forms


def _postings(forms: Iterable[str], postings: dict[str, array.array[int]]) -> set[int]:
    """The passages printing any of the forms."""
    out: set[int] = set()
    for form in forms:
        out.update(postings.get(form, ()))
    return out


def word_forms(token: Token) -> frozenset[str]:
    """Every form under which the aligner pairs a word with another: its key, its spelling
    with US/UK folded, and for a name its skeleton (romanisations of one name share it)."""
    return _forms(token.key, token.norm)


@functools.lru_cache(maxsize=65536)
def _forms(key: str, norm: str) -> frozenset[str]:
    forms = {key, spelling_key(key), spelling_key(norm)}
    if norm[:1].isupper():
        forms.add(_NAME + name_skeleton(norm))
    return frozenset(forms)


def _joined_forms(run: Sequence[Token]) -> frozenset[str]:
    """Words written as one ("front line" for "frontline")."""
    return frozenset({"".join(t.key for t in run), "".join(spelling_key(t.key) for t in run)})


def _runs(tokens: Sequence[Token]) -> Iterable[Sequence[Token]]:
    """Every run of two to `MAX_COMPOUND` words in a row."""
    for n in range(2, MAX_COMPOUND + 1):
        for i in range(len(tokens) - n + 1):
            yield tokens[i : i + n]
