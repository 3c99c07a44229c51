"""Verification: find a draft quote's words in a source, cut them out, and say what changed.

Separate from `pairing.py` because a source is not a list of quotes to pair with but a text
whose passages are credited to speakers: the quote is searched in each speaker's words apart,
the stretch that holds its words is cut out word for word, and the matcher (`matcher.py`, the
same as `compare`'s) judges whether it is the quote, the quote in other words, or nothing;
the pair is then classified like any match of `compare`. Drafts quote fragments, so nothing
here expects a whole passage.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from attribution.align import (
    Alignment,
    align_tokens,
    as_whole,
    draft_whole,
    is_negation,
    judge_alignment,
)
from attribution.classify import DEFAULT_POLICY, Policy, build_match
from attribution.extract import countable, same_speaker
from attribution.matcher import Relation, content_stems
from attribution.model import (
    Match,
    Quote,
    QuoteKind,
    SourceKind,
    Verdict,
)
from attribution.normalize import (
    CLOSE_BRACKETS,
    OPEN_BRACKETS,
    Token,
    spelling_key,
    tokenize,
)
from attribution.pairing import Pair
from attribution.shortlist import QuoteClues, Shortlist, joined_forms
from attribution.sources import Source
from attribution.unquoted import TextIndex

# Words searched beyond the located stretch on each side, at least: room for words the
# draft left out without marking them, which must show as changes rather than be missed.
MARGIN_WORDS = 8
# Starts tried for the shortest stretch: up to this many for a quote of ordinary length,
# and fewer for a long one (a whole speech), those nearest where the index located it:
# a long quote is located exactly, and trying every start would take time growing with
# the cube of its length (a 5,000-word quote took 5 s).
MAX_STARTS = 64
# Marks a stretch may end on when the draft's quote ends on punctuation too.
_TRAILING_MARKS = frozenset(".,;:!?\u2026")
# Characters that end a sentence or clause before a quoted stretch may start.
_SENTENCE_ENDS = frozenset(".!?:;\u2026")


@dataclass(frozen=True, slots=True)
class Found:
    """Where a draft quote's words stand in a source, and the match they make there."""

    source: Source
    passage: Quote
    start: int
    end: int
    match: Match
    # The pieces of the source's words the match's `b_text` joins, as offsets into the
    # source's text (a transcript's stage directions left out).
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def location(self) -> str:
        """`path:line` of the stretch's first word."""
        line = bisect.bisect_left(_line_breaks(self.source.article.text), self.start) + 1
        return f"{self.source.article.source}:{line}"

    @property
    def reworded(self) -> bool:
        """True when only the same statement in other words was found."""
        return self.match.verdict is Verdict.REWORDED


@functools.lru_cache(maxsize=8)
def _line_breaks(text: str) -> tuple[int, ...]:
    # Cached per source: every located quote asks for its line, and counting line breaks
    # from the top each time is quadratic for thousands of quotes in a long transcript.
    return tuple(m.start() for m in re.finditer("\n", text))


class SourceIndex:
    """A source's credited words, one index per speaker so each speaker is searched apart.

    Not a dataclass: a working set built once per source and searched for every draft quote.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        by_speaker: dict[str | None, list[Quote]] = {}
        for quote in countable(source.article.quotes):
            by_speaker.setdefault(quote.speaker, []).append(quote)
        self.groups = [_Group(source, quotes) for quotes in by_speaker.values()]
        # Which speakers could hold a quote at all, so a quote is not searched for in every
        # speaker's words of a source with thousands of them.
        self.shortlist = Shortlist(
            (n, words, stems, printed)
            for n, group in enumerate(self.groups)
            for words, stems, printed in group.passages()
        )
        # An article's whole text, to tell a quote printed there without quote marks.
        self.full = TextIndex(source.article.text) if source.kind is SourceKind.ARTICLE else None


def search(quote: Quote, index: SourceIndex, *, policy: Policy = DEFAULT_POLICY) -> Found | None:
    """The stretch of a source that best holds a draft quote's words.

    Args:
        quote: a quote of the draft.
        index: the source, indexed (`SourceIndex`).
        policy: severities for the match.

    Returns:
        The best stretch found: its words with at most the changes a match may have, or,
        failing that, the same statement in other words (verdict `reworded`); None when the
        source holds neither.
    """
    probe = _Probe.of(quote)
    if not probe.keys:
        return None
    worth = index.shortlist.worth_searching(probe.clues)
    groups = [group for n, group in enumerate(index.groups) if n in worth]
    found = [f for f in (group.search(probe, quote, index.source, policy) for group in groups) if f]
    return min(found, key=rank) if found else None


def rank(found: Found) -> tuple[int, int, int, float]:
    """How good a stretch is, best lowest: the words before other words, then the speaker
    the draft names before anyone else (a moderator repeating a candidate's words does not
    make the candidate's own, slightly different, words someone else's), then the smallest
    finding, then the most similar (`min` keeps the first of equals)."""
    other_speaker = int(found.match.speakers.same is False)
    return (int(found.reworded), other_speaker, found.match.severity.rank, -found.match.similarity)


# --- searching ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Probe:
    """A draft quote's words as searched: comparison keys, and the pieces its ellipses part.

    Words inside [brackets] are the editor's, not the speaker's, so they are not searched.
    """

    keys: tuple[str, ...]
    words: tuple[str, ...]
    pieces: tuple[str, ...]
    piece_keys: tuple[tuple[str, ...], ...]
    opens_bracket: bool
    closes_bracket: bool
    ends_marked: bool
    # What a stretch must hold to be the quote or a rewording of it (`shortlist`).
    clues: QuoteClues
    # The quote's tokens and content stems, made once however many stretches it is
    # aligned with.
    tokens: tuple[Token, ...] = ()
    content: tuple[str, ...] = ()

    def stems_of(self, alignment: Alignment) -> tuple[Sequence[str], Sequence[str]]:
        """Both sides' content stems of an alignment of the quote (`_aligned`)."""
        return self.content, content_stems(alignment.b_tokens)

    @classmethod
    def of(cls, quote: Quote) -> _Probe:
        tokens = tokenize(quote.text)
        keys: list[str] = []
        words: list[str] = []
        pieces: list[list[Token]] = [[]]
        depth = 0
        for t in tokens:
            if t.text in OPEN_BRACKETS:
                depth += 1
            elif t.text in CLOSE_BRACKETS:
                depth = max(0, depth - 1)
            elif t.kind == "ellipsis":
                pieces.append([])
            elif t.is_word and not depth:
                keys.append(_key(t))
                words.append(t.norm)
                pieces[-1].append(t)
        return cls(
            keys=tuple(keys),
            words=tuple(words),
            pieces=tuple(" ".join(t.text for t in p) for p in pieces if p),
            piece_keys=tuple(tuple(_key(t) for t in p) for p in pieces if p),
            opens_bracket=bool(tokens) and tokens[0].text == "[",
            closes_bracket=bool(tokens) and tokens[-1].text == "]",
            ends_marked=bool(tokens) and bool(words) and not tokens[-1].is_word,
            clues=QuoteClues.of(tokens),
            tokens=tokens,
            content=content_stems(tokens),
        )


class _Group:
    """One speaker's passages in a source, indexed for searching.

    Not a dataclass: it holds an index and lookup tables built once.
    """

    def __init__(self, source: Source, passages: Sequence[Quote]) -> None:
        spans = [s for q in passages for s in q.spans]
        # Each piece of each passage, in text order: (start, end, passage).
        self.pieces = sorted(((s, e, q) for q in passages for s, e in q.spans), key=lambda p: p[0])
        self.piece_starts = [p[0] for p in self.pieces]
        self.passages_of = list(passages)
        self.text = source.article.text
        self.index = TextIndex(source.article.text, spans)
        self.tokens = self.index.tokens
        self.starts = [t.start for t in self.tokens]
        self.keys = [_key(t) for t in self.tokens]

    @functools.cached_property
    def joined_forms(self) -> frozenset[str]:
        """Every run of this speaker's words written as one (`shortlist`)."""
        return frozenset(joined_forms(self.tokens))

    @functools.cached_property
    def token_stems(self) -> list[tuple[str, ...]]:
        """Each word's content stem (none for a common word), made once per speaker."""
        return [content_stems((t,)) for t in self.tokens]

    def passages(self) -> list[tuple[list[Token], list[tuple[str, ...]], str]]:
        """Each passage's words as a search sees them (every word between its first and
        last character), their content stems, and its pieces as `_text` joins them."""
        out = []
        for passage in self.passages_of:
            lo = bisect.bisect_left(self.starts, passage.start)
            hi = bisect.bisect_left(self.starts, passage.end)
            # The pieces `_text` would join here, joined as it joins them.
            first = max(bisect.bisect_right(self.piece_starts, passage.start) - 1, 0)
            last = bisect.bisect_left(self.piece_starts, passage.end)
            printed = " ".join(self.text[s:e] for s, e, _ in self.pieces[first:last])
            out.append((self.tokens[lo:hi], self.token_stems[lo:hi], printed))
        return out

    def search(self, probe: _Probe, quote: Quote, source: Source, policy: Policy) -> Found | None:
        """The best stretch of this speaker's words for the quote, if any."""
        probe = self._as_compounded_here(probe)
        found = []
        for passage, lo, hi, hint in self._regions(probe):
            window = tighten(probe.keys, self.keys, lo, hi, near=hint)
            if window is not None:
                found.append(self._found(probe, quote, source, passage, window, (lo, hi), policy))
        candidates = [f for f in found if f is not None]
        return min(candidates, key=rank) if candidates else None

    @functools.cached_property
    def _key_set(self) -> frozenset[str]:
        return frozenset(self.keys)

    @functools.cached_property
    def _spaced(self) -> dict[str, tuple[str, str]]:
        """Each two words in a row of this speaker's, by their joined key: "front line"
        under "frontline"."""
        return {x + y: (x, y) for x, y in itertools.pairwise(self.keys)}

    def _as_compounded_here(self, probe: _Probe) -> _Probe:
        """The probe's words with compounds written as this speaker's words write them.

        A draft's "front-line" or "frontline" (one key) against a transcript's "front
        line" (two), or the other way round, would leave a short quote unfound: the key is
        split or joined as the source has it, so the search pairs word for word.
        """
        keys = self._compounded(probe.keys)
        if keys == probe.keys:
            return probe
        pieces = tuple(self._compounded(p) for p in probe.piece_keys)
        return dataclasses.replace(probe, keys=keys, piece_keys=pieces)

    def _compounded(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        i = 0
        while i < len(keys):
            key = keys[i]
            if key not in self._key_set and key in self._spaced:
                out.extend(self._spaced[key])  # closed in the draft, spaced here
                i += 1
                continue
            if i + 1 < len(keys):
                joined = key + keys[i + 1]
                if joined in self._key_set and self._spaced.get(joined) != (key, keys[i + 1]):
                    out.append(joined)  # spaced in the draft, closed here
                    i += 2
                    continue
            out.append(key)
            i += 1
        return tuple(out)

    def _regions(self, probe: _Probe) -> list[tuple[Quote, int, int, int]]:
        """Token ranges to search: around where the index locates the quote and each piece."""
        texts = [" ".join(probe.pieces)] + (list(probe.pieces) if len(probe.pieces) > 1 else [])
        hinted: dict[str, tuple[Quote, int, int]] = {}
        margin = max(MARGIN_WORDS, len(probe.keys))
        for text in texts:
            located = self.index.locate(text)
            if located is None:
                continue
            passage = self._passage_at(located[0])
            if passage is None:
                continue
            lo = bisect.bisect_left(self.starts, located[0])
            hi = bisect.bisect_left(self.starts, located[1])
            if passage.id in hinted:
                _, plo, phi = hinted[passage.id]
                lo, hi = min(lo, plo), max(hi, phi)
            hinted[passage.id] = (passage, lo, hi)
        regions = []
        for passage, lo, hi in hinted.values():
            p_lo = bisect.bisect_left(self.starts, passage.start)
            p_hi = bisect.bisect_left(self.starts, passage.end)
            regions.append((passage, max(p_lo, lo - margin), min(p_hi, hi + margin), lo))
        return regions

    def _passage_at(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self.piece_starts, pos) - 1
        if i >= 0 and self.pieces[i][0] <= pos < self.pieces[i][1]:
            return self.pieces[i][2]
        return None

    def _found(
        self,
        probe: _Probe,
        quote: Quote,
        source: Source,
        passage: Quote,
        window: tuple[int, int, int],
        region: tuple[int, int],
        policy: Policy,
    ) -> Found | None:
        """The stretch's match when the matcher finds the quote there, or the quote in other
        words in the sentences around it; None when it finds neither."""
        text = source.article.text
        lo, hi = self._widen(probe, source, window[0], window[1], region)
        start, end = self.tokens[lo].start, self.tokens[hi - 1].end
        if probe.ends_marked:
            end = self._through_marks(text, end)
        b_text = self._text(source, start, end)
        # A speaker the draft names and the source contradicts is no support: a few common
        # words from someone else's mouth are chance, not a misattribution.
        supported = same_speaker(quote.speaker, passage.speaker) is not False
        # Aligned only when its words could be enough for the matcher (`shortlist`).
        same = False
        if probe.clues.could_print(self.tokens[lo:hi], b_text, self.joined_forms):
            alignment = draft_whole(_aligned(probe, quote, b_text))
            judged = judge_alignment(
                alignment, supported=supported, stems=probe.stems_of(alignment)
            )
            same = judged.relation is Relation.SAME
        if same:
            fragment = self._is_fragment(text, start, end)
            match = _match(quote, passage, b_text, alignment, fragment=fragment, policy=policy)
            return Found(
                source,
                self._passage_at(start) or passage,
                start,
                end,
                match,
                self._spans(source, start, end),
            )
        lo, hi = self._stretch_of_stems(probe, *region, lo, hi)
        lo, hi = self._whole_sentences(text, passage, lo, hi)
        # The same statement in other words: the sentence, or two in a row, of the stretch
        # that shares the most of the quote's content.
        best: tuple[float, int, int, str, Alignment] | None = None
        for s_lo, s_hi in self._sentence_runs(text, lo, hi):
            if not probe.clues.could_reword(self.token_stems[s_lo:s_hi]):
                continue  # too little of the quote's content to be it in other words
            b_text = self._text(source, self.tokens[s_lo].start, self.tokens[s_hi - 1].end)
            alignment = as_whole(_aligned(probe, quote, b_text), reworded=True)
            judged = judge_alignment(
                alignment, supported=supported, stems=probe.stems_of(alignment)
            )
            if judged.relation is Relation.REWORDED and (best is None or judged.overlap > best[0]):
                best = (judged.overlap, s_lo, s_hi, b_text, alignment)
        if best is None:
            return None
        _, lo, hi, b_text, alignment = best
        start, end = self.tokens[lo].start, self.tokens[hi - 1].end
        match = _match(quote, passage, b_text, alignment, fragment=False, policy=policy)
        return Found(
            source,
            self._passage_at(start) or passage,
            start,
            end,
            match,
            self._spans(source, start, end),
        )

    def _sentence_runs(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """The sentences of tokens[lo:hi], each alone and each with the next."""
        cuts = [lo] + [i for i in range(lo + 1, hi) if not self._same_sentence(text, i - 1, i)]
        bounds = [*cuts, hi]
        singles = list(itertools.pairwise(bounds))
        doubles = [(bounds[k], bounds[k + 2]) for k in range(len(bounds) - 2)]
        return singles + doubles

    def _widen(
        self, probe: _Probe, source: Source, lo: int, hi: int, region: tuple[int, int]
    ) -> tuple[int, int]:
        """Take in the words the draft replaced at either end, and a `not` right after.

        The tightest stretch holding the common words leaves out a first or last word the
        draft changed ("six weeks" for "Eight weeks"), and a word it replaced with
        [brackets] ("[Alvarez] should" for "the senator should"): the stretch takes in as
        many words of the same sentence as the draft has there, so the change shows as a
        replacement. A negation right after the stretch, in the same clause or as a sentence of
        its own, belongs to it ("We will raise the fares not now ...", "... raise taxes.
        Never."): a quote that stops short of it says the opposite.
        """
        text = source.article.text
        r_lo, r_hi = region
        ops = LCSseq.opcodes(list(probe.keys), self.keys[lo:hi])
        lead = ops[0].src_end if ops and ops[0].tag == "delete" else 0
        trail = len(probe.keys) - ops[-1].src_start if ops and ops[-1].tag == "delete" else 0
        lead += int(probe.opens_bracket)
        trail += int(probe.closes_bracket)
        for _ in range(lead):
            if lo > r_lo and self._same_sentence(text, lo - 1, lo):
                lo -= 1
        for _ in range(trail):
            if hi < r_hi and self._same_sentence(text, hi - 1, hi):
                hi += 1
        if hi < r_hi and is_negation(self.tokens[hi]):
            between = text[self.tokens[hi - 1].end : self.tokens[hi].start]
            after = text[self.tokens[hi].end : self.tokens[hi].end + 1]
            alone = any(ch in ".!?" for ch in between) and after in {".", "!", "?"}
            if not between.strip() or alone:
                hi += 1
        # Whole printed words: a stretch never starts or ends inside "He's" or "don't".
        while lo > r_lo and self.tokens[lo - 1].end == self.tokens[lo].start:
            lo -= 1
        while hi < r_hi and self.tokens[hi - 1].end == self.tokens[hi].start:
            hi += 1
        return lo, hi

    def _whole_sentences(self, text: str, passage: Quote, lo: int, hi: int) -> tuple[int, int]:
        """The stretch grown to the sentences it touches, within its passage."""
        p_lo = bisect.bisect_left(self.starts, passage.start)
        p_hi = bisect.bisect_left(self.starts, passage.end)
        while lo > p_lo and self._same_sentence(text, lo - 1, lo):
            lo -= 1
        while hi < p_hi and self._same_sentence(text, hi - 1, hi):
            hi += 1
        return lo, hi

    def _same_sentence(self, text: str, i: int, j: int) -> bool:
        between = text[self.tokens[i].end : self.tokens[j].start]
        return not any(ch in _SENTENCE_ENDS for ch in between) and "\n\n" not in between

    def _through_marks(self, text: str, end: int) -> int:
        """The stretch's end moved over the punctuation right after it (`year.` not `year`)."""
        i = bisect.bisect_right(self.piece_starts, end - 1) - 1
        limit = self.pieces[i][1] if i >= 0 else len(text)
        while end < limit and text[end] in _TRAILING_MARKS:
            end += 1
        return end

    def _stretch_of_stems(
        self, probe: _Probe, r_lo: int, r_hi: int, lo: int, hi: int
    ) -> tuple[int, int]:
        """The stretch from the first to the last word sharing a stem with the quote."""
        wanted = set(probe.content)
        stems = self.token_stems
        hits = [i for i in range(r_lo, r_hi) if not wanted.isdisjoint(stems[i])]
        if not hits:
            return lo, hi
        return min(hits[0], lo), max(hits[-1] + 1, hi)

    def _text(self, source: Source, start: int, end: int) -> str:
        """The speaker's words between two character offsets, piece by piece.

        A stage direction or another speaker's words inside the stretch are left out; the
        pieces are joined by one space, as a passage's text is.
        """
        text = source.article.text
        return " ".join(text[s:e] for s, e in self._spans(source, start, end))

    def _spans(self, source: Source, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """Where `_text`'s pieces stand in the source: each piece's words, white space
        trimmed, as [start, end) offsets, so a report can mark them in place."""
        text = source.article.text
        spans = []
        i = max(bisect.bisect_right(self.piece_starts, start) - 1, 0)
        while i < len(self.pieces) and self.pieces[i][0] < end:
            s, e, _ = self.pieces[i]
            s, e = max(s, start), min(e, end)
            piece = text[s:e]
            words = piece.strip()
            if words:
                s += len(piece) - len(piece.lstrip())
                spans.append((s, s + len(words)))
            i += 1
        return tuple(spans)

    def _is_fragment(self, text: str, start: int, end: int) -> bool:
        """True when the stretch starts or ends inside a sentence of its passage."""
        i = bisect.bisect_right(self.piece_starts, start) - 1
        j = bisect.bisect_right(self.piece_starts, end - 1) - 1
        before = text[self.pieces[i][0] : start].rstrip() if i >= 0 else ""
        after = text[end : self.pieces[j][1]].lstrip() if j >= 0 else ""
        starts_clean = not any(ch.isalnum() for ch in before) or before[-1] in _SENTENCE_ENDS
        ends_clean = (
            not any(ch.isalnum() for ch in after)
            or after[0] in _SENTENCE_ENDS
            or text[end - 1] in _SENTENCE_ENDS
        )
        return not (starts_clean and ends_clean)


def tighten(
    keys: Sequence[str], text_keys: Sequence[str], lo: int, hi: int, *, near: int | None = None
) -> tuple[int, int, int] | None:
    """The shortest stretch of text_keys[lo:hi] holding as many of `keys`, in order, as all of it.

    A draft's words may be scattered through a passage by chance ("not ... Not" around a
    sentence); the shortest stretch that still holds all the words the passage has in
    common with the quote is where the quote stands. A stretch starts on a common word,
    and for each start its end is found by bisection, since the common subsequence only
    grows as a stretch does. A quote longer than `MAX_STARTS` words has fewer starts
    tried, those nearest `near`, the longer it is.

    Args:
        keys: the quote's word keys.
        text_keys: the source's word keys.
        lo: where the search starts (token index).
        hi: where it ends.
        near: a token index the stretch should be close to, to choose between equals.

    Returns:
        (start, end, common words), or None when no word is in common.
    """
    if lo >= hi:
        return None
    # Only the quote's own words can be in common: the search runs over where they stand
    # (`at`), not through every word of a long passage, with the same result.
    wanted = set(keys)
    at = [i for i in range(lo, hi) if text_keys[i] in wanted]
    held = [text_keys[i] for i in at]
    common = _lcs(keys, held)
    if common == 0:
        return None
    # The latest start that keeps every common word: no stretch starts after it.
    a, b = 0, len(at) - 1
    while a < b:
        mid = (a + b + 1) // 2
        if _lcs(keys, held[mid:]) == common:
            a = mid
        else:
            b = mid - 1
    # Starts, as indices into `at`: every common word up to the latest start.
    starts = list(range(a + 1))
    tries = max(2, MAX_STARTS * MAX_STARTS // max(len(keys), MAX_STARTS))
    if len(starts) > tries:
        centre = near if near is not None else at[a]
        starts = [*sorted(starts, key=lambda j: abs(at[j] - centre))[:tries], a]
    best: tuple[int, int, int, int] | None = None
    # Nearest `near` first: the best stretch is usually there, and once one is known a start
    # is weighed only over as many words as it spans (a start whose stretch is longer
    # cannot be better), not through the rest of a long passage. The order changes nothing:
    # no two starts rank alike.
    if near is not None:
        starts = sorted(starts, key=lambda j: (abs(at[j] - near), at[j]))
    for j in starts:
        start = at[j]
        distance = abs(start - near) if near is not None else 0
        if best is not None and (common, distance, start) > best[:3]:
            continue  # even a stretch of the common words alone would rank below the best
        stop = len(at) if best is None else bisect.bisect_left(at, start + best[0])
        if _lcs(keys, held[j:stop]) < common:
            continue
        # The fewest of the words from this start that hold every common word.
        x, y = j + 1, stop
        while x < y:
            mid = (x + y) // 2
            if _lcs(keys, held[j:mid]) == common:
                y = mid
            else:
                x = mid + 1
        end = at[x - 1] + 1
        rank = (end - start, distance, start, end)
        if best is None or rank < best:
            best = rank
    assert best is not None  # the latest start holds every common word
    return best[2], best[3], common


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    return int(LCSseq.similarity(a, b))


def _aligned(probe: _Probe, quote: Quote, b_text: str) -> Alignment:
    """`align_texts(quote.text, b_text)`, the quote's tokens made once (`_Probe`)."""
    return align_tokens(probe.tokens, tokenize(b_text), quote.text, b_text)


def _match(
    quote: Quote,
    passage: Quote,
    b_text: str,
    alignment: Alignment,
    *,
    fragment: bool,
    policy: Policy,
) -> Match:
    """The match of a draft quote with a source's words, every draft word accounted for."""
    words_of = Quote(
        id=passage.id,
        text=b_text,
        start=0,
        end=len(b_text),
        speaker=passage.speaker,
        speaker_mention=passage.speaker_mention,
        cue=passage.cue,
        kind=QuoteKind.DIRECT,
    )
    match = build_match(Pair(quote, words_of, alignment), policy=policy)
    if fragment and match.verdict in (Verdict.IDENTICAL, Verdict.COSMETIC):
        match = dataclasses.replace(match, verdict=Verdict.PARTIAL)
    return match


def _key(token: Token) -> str:
    """A word's search key: case, hyphens, apostrophes and US/UK spelling folded."""
    return spelling_key(token.key)
