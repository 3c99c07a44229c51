"""Pairing: find each statement's counterpart among another article's statements.

Separate from alignment (`align.py`, the words of one pair) because this is a search: the
other article's statements are indexed by word, the likeliest few aligned, and the matcher
(`matcher.py`) decides which is the same statement, which the same in other words. It works
on statements, not quotes: the pieces of a statement split around its attribution (quotes
sharing `Quote.statement`) are one statement, so a statement split in one printing and whole
in the other pairs as one, and a printing that leaves a piece out is a fragment of it.
"""

from __future__ import annotations

import bisect
import dataclasses
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rapidfuzz import fuzz

from attribution.align import Alignment, align_tokens, as_whole, judge_alignment
from attribution.matcher import (
    REWORDED_INFORMATION,
    REWORDED_OVERLAP,
    SAME_FLOOR,
    Judgement,
    Relation,
    content_stems,
    shared_information,
    stem_overlap,
    total_information,
)
from attribution.model import Quote, QuoteKind
from attribution.normalize import Token, tokenize

# Statements sharing indexed words, ranked by the words' rarity, that RapidFuzz re-ranks ...
MAX_INDEX_CANDIDATES = 24
# ... and of those, how many are aligned word by word.
MAX_CANDIDATES = 6
# A word in more than this share of the other article's statements says nothing about which
# is the counterpart; at least 50 are allowed, for short articles, and at most 500, so a
# lookup costs the same in an article of 20,000 quotes.
MAX_POSTING_SHARE = 0.25
MIN_POSTINGS = 50
MAX_POSTINGS = 500
# Two statements of one article pairing with the same words of the other overlap by more
# than this share of the shorter window: the article prints that statement twice.
TWIN_OVERLAP = 0.5
# Two statements whose speakers cannot be compared support each other when they stand at
# about the same place in their articles (this share of the way through).
MAX_PLACE_DISTANCE = 0.2

# Tells whether two quotes' speakers are one (True), two (False) or unknown (None).
SameSpeaker = Callable[[Quote, Quote], "bool | None"]


@dataclass(frozen=True, slots=True)
class Pair:
    """A statement of the reference article and its counterpart in another article.

    `a` and `b` stand for whole statements: a statement printed in several pieces is one
    quote here, its id the first piece's and its text the pieces joined by a space (as a
    multi-paragraph quote's is); `a_pieces`/`b_pieces` list the ids of every piece.
    """

    a: Quote
    b: Quote
    alignment: Alignment
    a_pieces: tuple[str, ...] = ()
    b_pieces: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Twin:
    """A statement an article prints twice: `quote` pairs with the same words of the other
    article as `twin`, a better printing of it in the same article, already does."""

    quote: Quote
    pieces: tuple[str, ...]
    twin: str
    counterpart: str


def statements(quotes: Sequence[Quote]) -> list[tuple[Quote, tuple[str, ...]]]:
    """An article's statements, terms left out, each as one quote and the ids of its pieces.

    Quotes sharing a `statement` id are joined in text order; any other quote is a statement
    of its own.
    """
    groups: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.kind is QuoteKind.TERM:
            continue
        groups.setdefault(quote.statement or quote.id, []).append(quote)
    out: list[tuple[Quote, tuple[str, ...]]] = []
    for pieces in groups.values():
        if len(pieces) == 1:
            out.append((pieces[0], (pieces[0].id,)))
        else:
            out.append((_joined(pieces), tuple(q.id for q in pieces)))
    return out


def find_counterparts(
    ref: Sequence[Quote], other: Sequence[Quote], *, same_speaker: SameSpeaker | None = None
) -> list[Pair]:
    """Pair each statement of the reference with its counterpart among another article's.

    Several reference statements may pair with different parts of one statement of the
    other article (two statements it printed next to each other as one quote); and a
    statement of the other article that no reference statement chose is paired with its own
    best counterpart, so a statement split differently is matched rather than missing. Two
    statements of one article pairing with the same words of the other are one statement
    printed twice: only the better is paired (`find_twins` names the other). Terms are never
    paired.

    Args:
        ref: the reference article's quotes.
        other: the other article's quotes.
        same_speaker: tells whether two quotes' speakers are one; a rewording credited to
            two different speakers is no counterpart.

    Returns:
        The pairs, in the reference's order and, for one reference statement, the other's.
    """
    pairs, _ = find_pairs_and_twins(ref, other, same_speaker=same_speaker)
    return pairs


def find_pairs_and_twins(
    ref: Sequence[Quote],
    other: Sequence[Quote],
    *,
    same_speaker: SameSpeaker | None = None,
    exhaustive: bool = False,
) -> tuple[list[Pair], list[Twin]]:
    """`find_counterparts`, with the statements each article prints twice.

    Args:
        ref: the reference article's quotes.
        other: the other article's quotes.
        same_speaker: as for `find_counterparts`.
        exhaustive: score every pair of statements instead of the indexed few: slow,
            obviously complete, the reference the fast search is tested against.
    """
    ref_side, other_side = _Side(ref), _Side(other)
    if exhaustive:
        return _pair_sides(ref_side, other_side, same_speaker, lambda s, q: range(len(s.quotes)))
    return _pair_sides(ref_side, other_side, same_speaker, lambda s, q: s.candidates(q))


def find_counterparts_exhaustive(
    ref: Sequence[Quote], other: Sequence[Quote], *, same_speaker: SameSpeaker | None = None
) -> list[Pair]:
    """`find_counterparts` scoring every pair of statements: slow, obviously complete."""
    return find_pairs_and_twins(ref, other, same_speaker=same_speaker, exhaustive=True)[0]


def _pair_sides(
    ref_side: _Side,
    other_side: _Side,
    same_speaker: SameSpeaker | None,
    candidates: Callable[[_Side, Prepared], Iterable[int]],
) -> tuple[list[Pair], list[Twin]]:
    """Both passes of the search; `candidates` says which statements of a side to score.

    The fast search and its exhaustive reference differ only there, so a test comparing them
    checks the index and nothing else.
    """
    found: dict[tuple[int, int], tuple[float, Alignment]] = {}
    for i, quote in enumerate(ref_side.quotes):
        best = _best_of(quote, other_side, candidates(other_side, quote), same_speaker, True)
        if best is not None:
            found[(i, best[0])] = (best[1], best[2])
    paired_other = {j for _, j in found}
    for j, quote in enumerate(other_side.quotes):
        if j in paired_other:
            continue
        best = _best_of(quote, ref_side, candidates(ref_side, quote), same_speaker, False)
        if best is not None:
            found.setdefault((best[0], j), (best[1], best[2]))
    twins = _twins(found, ref_side, other_side)
    pairs = [
        Pair(
            ref_side.quotes[i].quote,
            other_side.quotes[j].quote,
            alignment,
            ref_side.quotes[i].pieces,
            other_side.quotes[j].pieces,
        )
        for (i, j), (_, alignment) in sorted(found.items())
        if (i, j) not in twins
    ]
    out = []
    for (i, j), (keep_i, keep_j) in sorted(twins.items()):
        if keep_j == j:  # the reference prints it twice: i and keep_i pair with j
            twin = ref_side.quotes[i]
            out.append(
                Twin(twin.quote, twin.pieces, ref_side.quotes[keep_i].quote.id, _id(other_side, j))
            )
        else:  # the other article prints it twice
            twin = other_side.quotes[j]
            out.append(
                Twin(twin.quote, twin.pieces, other_side.quotes[keep_j].quote.id, _id(ref_side, i))
            )
    return pairs, out


def _id(side: _Side, k: int) -> str:
    return side.quotes[k].quote.id


def _twins(
    found: dict[tuple[int, int], tuple[float, Alignment]], ref_side: _Side, other_side: _Side
) -> dict[tuple[int, int], tuple[int, int]]:
    """Pairs that repeat a better pair's statement, each mapped to the pair it repeats.

    Two statements of one article that pair with overlapping words of one statement of the
    other are the first article printing it twice (a second translation, a quote repeated
    lower down): the other article is charged with nothing, so only the better pair stays.
    """
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for side in (0, 1):
        by_shared: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for key in found:
            by_shared[key[1 - side]].append(key)
        for keys in by_shared.values():
            if len(keys) < 2:
                continue
            ranked = sorted(keys, key=lambda k: (-found[k][0], k))
            kept: list[tuple[int, int]] = []
            for key in ranked:
                repeats = next(
                    (k for k in kept if _overlap(found[k][1], found[key][1], side) > TWIN_OVERLAP),
                    None,
                )
                if repeats is None:
                    kept.append(key)
                elif key not in out:
                    out[key] = repeats
    return out


def _overlap(x: Alignment, y: Alignment, side: int) -> float:
    """How much of the shorter of two windows on the shared statement the other covers.

    `side` 0: the shared statement is the other article's (b windows); 1: the reference's.
    """
    (x_lo, x_hi), (y_lo, y_hi) = (x.b_window, y.b_window) if side == 0 else (x.a_window, y.a_window)
    shorter = min(x_hi - x_lo, y_hi - y_lo)
    if shorter <= 0:
        return 0.0
    return max(0, min(x_hi, y_hi) - max(x_lo, y_lo)) / shorter


def _joined(pieces: Sequence[Quote]) -> Quote:
    """A statement's pieces as one quote: the first piece's id and speaker, texts joined."""
    first = pieces[0]
    speaker = next((q.speaker for q in pieces if q.speaker), None)
    mention = next((q.speaker_mention for q in pieces if q.speaker), first.speaker_mention)
    cue = next((q.cue for q in pieces if q.cue), None)
    return dataclasses.replace(
        first,
        text=" ".join(q.text for q in pieces),
        end=pieces[-1].end,
        speaker=speaker,
        speaker_mention=mention,
        cue=cue,
        spans=tuple(s for q in pieces for s in q.spans),
    )


@dataclass(slots=True)
class Prepared:
    """A statement with its tokens, word keys and content stems, made once per comparison
    (`prepare`)."""

    quote: Quote
    pieces: tuple[str, ...]
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    text_key: str  # the word keys joined by spaces, for RapidFuzz
    stems: tuple[str, ...]
    place: Fraction  # how far through its article's statements (0 to 1), exact for ties
    terms: frozenset[str]  # what the index holds it under
    bag: Counter[str]  # word keys and hyphenated parts, counted
    information: float  # of all its words


class _Side:
    """One article's statements (terms left out), prepared and indexed by word."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        units = statements(quotes)
        n = max(len(units) - 1, 1)  # places run from 0 to 1
        self.quotes: list[Prepared] = []
        self.exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, (quote, pieces) in enumerate(units):
            prepared = prepare(quote, pieces, Fraction(i, n))
            self.quotes.append(prepared)
            self.exact[prepared.keys].append(i)
            for term in prepared.terms:
                self.postings[term].append(i)
        self.max_postings = min(
            MAX_POSTINGS, max(MIN_POSTINGS, int(len(self.quotes) * MAX_POSTING_SHARE))
        )

    def candidates(self, quote: Prepared) -> list[int]:
        """Statements of this side that share rare words with `quote`, best first."""
        exact = self.exact.get(quote.keys)
        if exact and quote.keys:
            # The same words printed more than once: the one at the nearest place.
            # The nearest place is next to where this one would go (indices and places rise
            # together): a bisection, not a scan of every copy (200,000 bare quote marks).
            k = bisect.bisect_left(exact, quote.place, key=lambda i: self.quotes[i].place)
            near = exact[max(k - 1, 0) : k + 1]
            return [min(near, key=lambda i: (abs(self.quotes[i].place - quote.place), i))]
        scores: dict[int, float] = defaultdict(float)
        size = max(len(self.quotes), 1)
        for term in quote.terms:
            hits = self.postings.get(term)
            if not hits or len(hits) > self.max_postings:
                continue
            weight = math.log(1 + size / len(hits))
            for i in hits:
                scores[i] += weight
        # The best few, as sorting them all would give them: a statement's words may stand
        # in hundreds of the other's statements, and only these few are weighed further.
        ranked = heapq.nsmallest(
            MAX_INDEX_CANDIDATES, scores.items(), key=lambda item: (-item[1], item[0])
        )
        top = [i for i, _ in ranked]
        if len(top) <= MAX_CANDIDATES:
            return top
        # RapidFuzz re-ranks by word overlap; token_set_ratio scores a fragment of a longer
        # quote at 100, so fragments keep their counterpart.
        # Equal scores (the same words printed twice) go to the nearer place.
        fuzzy = sorted(
            top,
            key=lambda i: (
                -fuzz.token_set_ratio(quote.text_key, self.quotes[i].text_key),
                abs(self.quotes[i].place - quote.place),
                i,
            ),
        )
        return fuzzy[:MAX_CANDIDATES]


def _hyphen_parts(tokens: Sequence[Token]) -> list[str]:
    """The parts of hyphenated words ("robust-steps"), so "robust steps" finds them.

    A statement is indexed by these, its content stems and every word (so "this is not who
    we are" is found; words in many statements are skipped at lookup).
    """
    return [
        p.casefold() for t in tokens if t.is_word and "-" in t.norm for p in t.norm.split("-") if p
    ]


def _best_possible_rank(a: Prepared, b: Prepared) -> float:
    """The highest rank two statements could reach, from the words they share: a bound (a
    compound closed in one and spaced in the other aside), so skipping a candidate below it
    loses nothing."""
    longer = max(a.information, b.information)
    coverage = min(1.0, shared_information(a.bag, b.bag) / longer) if longer else 1.0
    return 1.5 + 0.5 * coverage


def _may_pair(a: Prepared, b: Prepared) -> bool:
    """False when two statements share too little to be one statement or a rewording of it:
    a bound that spares the word-by-word alignment of most candidates."""
    shared = shared_information(a.bag, b.bag)
    if shared > 0 and shared >= SAME_FLOOR / 2 * min(a.information, b.information):
        return True
    overlap, shared_stems = stem_overlap(a.stems, b.stems)
    return overlap >= REWORDED_OVERLAP and shared_stems >= REWORDED_INFORMATION


def prepare(quote: Quote, pieces: tuple[str, ...] = (), place: Fraction = Fraction(0)) -> Prepared:
    """A statement made ready to pair: its tokens, word keys, content stems and index terms.

    Args:
        quote: the statement, as `statements` gives it (pieces joined).
        pieces: the ids of its pieces (the quote's own id when empty).
        place: how far through its article's statements it stands (0 to 1).
    """
    tokens = tokenize(quote.text)
    keys = tuple(t.key for t in tokens if t.is_word)
    stems = content_stems(tokens)
    parts = _hyphen_parts(tokens)
    return Prepared(
        quote,
        pieces or (quote.id,),
        tokens,
        keys,
        " ".join(keys),
        stems,
        place,
        frozenset((*stems, *keys, *parts)),
        Counter((*keys, *parts)),
        total_information(keys),
    )


def relate(
    ref: Prepared,
    other: Prepared,
    *,
    same_speaker: SameSpeaker | None,
    places_comparable: bool = True,
) -> tuple[Judgement, Alignment] | None:
    """Whether two statements are one (the same, or the same in other words), and how their
    words align: the one decision `compare`, `check`'s article sources and `track` share.

    Args:
        ref: the reference statement.
        other: the other statement.
        same_speaker: tells whether two quotes' speakers are one; a rewording credited to
            two known, different speakers is no counterpart.
        places_comparable: the two articles tell one story, so statements at about the same
            place in both support each other when their speakers are unknown, and a rewording
            credited to no one may be one (`compare`'s articles); False in a corpus of
            unrelated articles (`track`), where a rewording needs the same speaker.

    Returns:
        The matcher's judgement and the alignment (both windows whole for a rewording), or
        None when the two are unrelated.
    """
    if not _may_pair(ref, other):
        return None
    alignment = align_tokens(ref.tokens, other.tokens, ref.quote.text, other.quote.text)
    agree = same_speaker(ref.quote, other.quote) if same_speaker is not None else None
    supported = agree is True or (
        places_comparable and agree is None and abs(ref.place - other.place) <= MAX_PLACE_DISTANCE
    )
    judgement = judge_alignment(alignment, supported=supported, stems=(ref.stems, other.stems))
    if judgement.relation is Relation.UNRELATED:
        return None
    if judgement.relation is Relation.REWORDED:
        # Words in common, order aside, are a rewording of one statement only in one story
        # or from one speaker: across a corpus they are as often two people on one topic.
        if agree is False or (not places_comparable and agree is not True):
            return None
        alignment = as_whole(alignment, reworded=True)
    return judgement, alignment


def _best_of(
    quote: Prepared,
    other: _Side,
    candidates: Iterable[int],
    same_speaker: SameSpeaker | None,
    forward: bool,
) -> tuple[int, float, Alignment] | None:
    """The candidate that is the same statement (best by the matcher's rank), or a rewording.

    The alignment always runs from the reference statement to the other article's,
    whichever side `quote` is on.
    """
    # Ranked by the matcher, then, among equals (the same words printed twice), by nearness
    # of place in the articles.
    # The same words printed alike rank above a respelling of them ("harbour" / "harbor"),
    # which the matcher weighs as equal: the fast search looks up exact copies first.
    best: tuple[tuple[float, bool, Fraction], int, Alignment] | None = None
    for j in candidates:
        cand = other.quotes[j]
        nearness = -abs(quote.place - cand.place)
        exact = quote.keys == cand.keys
        if best is not None and best[0] >= (_best_possible_rank(quote, cand), exact, nearness):
            continue  # cannot beat the counterpart found: spare the alignment
        ref_q, oth_q = (quote, cand) if forward else (cand, quote)
        related = relate(ref_q, oth_q, same_speaker=same_speaker)
        if related is None:
            continue
        judgement, alignment = related
        if best is None or (judgement.rank, exact, nearness) > best[0]:
            best = ((judgement.rank, exact, nearness), j, alignment)
    if best is None:
        return None
    return best[1], best[0][0], best[2]
