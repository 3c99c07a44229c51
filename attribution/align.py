"""Alignment: find each quote's counterpart in another article and pair their words.

Separate from classification (`classify.py`) so that what is paired and how a difference is
named can each be tested alone. Candidates come from a word index and RapidFuzz, never all
pairs, so long articles stay fast; the word-level alignment is RapidFuzz's Levenshtein opcodes
over tokens, with a fragment first located in the longer quote by `partial_ratio_alignment`.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from attribution.model import Article, NameSpelling, Quote, QuoteKind
from attribution.normalize import Token, negation_count, spelling_key, tokenize, word_keys

# Share of the shorter quote's words that must pair with equal words, and word-level
# similarity of the aligned windows, for two quotes to be one printing of the same words
# (possibly with changes); below either they can only be `reworded`. Two translations of one
# statement share half their words ("it was decided to carry out joint actions") but score
# about 0.35; a quote with a few words changed scores above 0.8.
MIN_SAME_WORDS = 0.5
MIN_SAME_SIMILARITY = 0.55
# A reworded pair shares this share of content stems (Dice), or a run of this many words.
MIN_REWORDED_DICE = 0.3
MIN_REWORDED_RUN = 5
# With the same speaker and a content overlap this large, two quotes are one statement
# in other words when they also share a long run of words ...
MIN_REWORDED_DICE_SAME_SPEAKER = 0.2
# ... or stand at about the same place in their articles (share of the way through).
MIN_REWORDED_DICE_SAME_PLACE = 0.25
MAX_PLACE_DISTANCE = 0.2
# Content overlap that makes two quotes one statement whoever is credited.
MIN_REWORDED_DICE_ALONE = 0.5
# Fewest shared content stems for any reworded pair: two common words are chance.
MIN_REWORDED_SHARED = 3
# Quotes sharing indexed stems, ranked by the stems' rarity, that RapidFuzz re-ranks ...
MAX_INDEX_CANDIDATES = 24
# ... and of those, how many are aligned word by word.
MAX_CANDIDATES = 6
# A short quote with this many unmarked words changed or fewer is still the same statement
# when it keeps a content word: "cross-sell" and "not cross-sell" are one quote, altered,
# though half their words differ.
MAX_SMALL_CHANGE = 2
# A quote this short whose content words do not all pair needs its speaker (or place) to
# agree before it is taken for another printing: a word or two in common is often chance.
SHORT_QUOTE_WORDS = 4
# A stem in more than this share of the other article's quotes says nothing about which
# quote is the counterpart; at least 50 quotes are allowed, for short articles, and at most
# 500, so a lookup costs the same in an article of 20,000 quotes.
MAX_POSTING_SHARE = 0.25
MIN_POSTINGS = 50
MAX_POSTINGS = 500
# An unquoted reuse must match this share of the quote's words in a window of the other text.
MIN_UNQUOTED_SIMILARITY = 0.85
# Quotes this short are too common to be found "unquoted" by chance matches.
MIN_UNQUOTED_WORDS = 3
# Windows of the other text tried per rare word of the quote, when looking for unquoted use.
MAX_UNQUOTED_WINDOWS = 200
# Word alignment is quadratic in the tokens of the shorter side. Past this many tokens (a
# quote no article prints, but an unclosed mark in a wire dump makes) two wordings are
# aligned within a band of this many edits: exact when they differ by fewer, else their
# common start and end are kept and the middle is one replacement. Either way the cost is
# linear in the longer side, so one huge quote cannot stall a comparison.
ALIGN_BAND = 1000
# `TextIndex.locate` scores up to 600 windows around a quote's rarest words; a quote of more
# than 66 words gets fewer (at least 3), so windows × its words (up to the band) stays under
# this and locating a quote costs time in proportion to its length.
LOCATE_WINDOW_WORDS = 40_000
# A fragment is located in the longer quote only when that is longer by this many words.
MIN_FRAGMENT_GAP = 3

# Function words left out of content overlap: they say nothing about which statement it is.
STOPWORDS = frozenset(
    """a an the and or but nor so for to of in on at by with from as into onto about over
    under after before than then that this these those there here it its it's he she they
    we i you me him her them us my your our their his is are was were be been being am do
    does did have has had will would shall should can could may might must not no yes if
    when while where who whom whose which what why how all any some each every both either
    neither also just only very too more most much many such own same other another again
    out up down off once said says say""".split()  # noqa: SIM905 - a word list reads better as text
)

Opcode = tuple[str, int, int, int, int]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two wordings paired token by token.

    `opcodes` cover both token sequences whole (`equal`, `replace`, `delete`, `insert`, as
    (tag, a_start, a_end, b_start, b_end) token indices); `a_window`/`b_window` are the token
    ranges the other side was aligned with (the whole quote unless one side is a fragment).
    """

    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]
    opcodes: tuple[Opcode, ...]
    a_window: tuple[int, int]
    b_window: tuple[int, int]
    similarity: float
    reworded: bool = False

    @property
    def is_fragment(self) -> bool:
        """True when either side has words outside the window the other was aligned with."""
        return self.a_window != (0, len(self.a_tokens)) or self.b_window != (0, len(self.b_tokens))


@dataclass(frozen=True, slots=True)
class Pair:
    """A quote of the reference article and its counterpart in another article."""

    a: Quote
    b: Quote
    alignment: Alignment


def align_texts(a_text: str, b_text: str) -> Alignment:
    """Pair the words of two wordings of one quote.

    The longer side (or, at equal length, the first in code-point order) is always the
    source of the edit script, so aligning b with a mirrors aligning a with b exactly.

    Args:
        a_text: one wording, as printed.
        b_text: the other wording, as printed.

    Returns:
        The token alignment, with leading and trailing words that only one side has taken
        as context outside the window when the rest pairs up.
    """
    return align_tokens(tokenize(a_text), tokenize(b_text), a_text, b_text)


def align_tokens(
    a_tokens: tuple[Token, ...], b_tokens: tuple[Token, ...], a_text: str = "", b_text: str = ""
) -> Alignment:
    """`align_texts` over tokens already made (the texts only break ties in direction)."""
    swap = (len(b_tokens), b_text) > (len(a_tokens), a_text)
    if swap:
        return _mirror(_align_tokens(b_tokens, a_tokens))
    return _align_tokens(a_tokens, b_tokens)


def find_counterparts(
    ref: Sequence[Quote],
    other: Sequence[Quote],
    *,
    same_speaker: Callable[[Quote, Quote], bool] | None = None,
) -> list[Pair]:
    """Pair each quote of the reference with its counterpart among another article's quotes.

    Several reference quotes may pair with one quote of the other article (two renderings of
    one statement, or a statement the other article prints whole and this one in pieces);
    and a quote of the other article that no reference quote chose is paired with its own
    best counterpart in the reference, so a statement printed twice there, or split in two,
    is matched rather than reported missing. Terms are never paired.

    Args:
        ref: the reference article's quotes.
        other: the other article's quotes.
        same_speaker: tells whether two quotes' speakers are one; it lowers the bar for a
            `reworded` pair.

    Returns:
        The pairs, in the reference's order and, for one reference quote, the other's.
    """
    return _pair_sides(
        _Side(ref), _Side(other), same_speaker, lambda side, quote: side.candidates(quote)
    )


def find_counterparts_exhaustive(
    ref: Sequence[Quote],
    other: Sequence[Quote],
    *,
    same_speaker: Callable[[Quote, Quote], bool] | None = None,
) -> list[Pair]:
    """`find_counterparts` scoring every pair of quotes: slow, obviously complete, for tests."""
    return _pair_sides(
        _Side(ref), _Side(other), same_speaker, lambda side, quote: range(len(side.quotes))
    )


def _pair_sides(
    ref_side: _Side,
    other_side: _Side,
    same_speaker: Callable[[Quote, Quote], bool] | None,
    candidates: Callable[[_Side, _Prepared], Iterable[int]],
) -> list[Pair]:
    """Both passes of `find_counterparts`; `candidates` says which quotes of a side to score.

    The fast search and its exhaustive reference differ only there, so a test comparing them
    checks the index and nothing else.
    """
    chosen: dict[tuple[int, int], Pair] = {}
    for i, quote in enumerate(ref_side.quotes):
        every = candidates(other_side, quote)
        found = _best_of(quote, ref_side, other_side, every, same_speaker, forward=True)
        if found is not None:
            j, alignment = found
            chosen[(i, j)] = Pair(quote.quote, other_side.quotes[j].quote, alignment)
    paired_other = {j for _, j in chosen}
    for j, quote in enumerate(other_side.quotes):
        if j in paired_other:
            continue
        every = candidates(ref_side, quote)
        found = _best_of(quote, other_side, ref_side, every, same_speaker, forward=False)
        if found is not None:
            i, alignment = found
            chosen.setdefault((i, j), Pair(ref_side.quotes[i].quote, quote.quote, alignment))
    return [chosen[key] for key in sorted(chosen)]


class TextIndex:
    """A whole article's words, for finding a quote's words printed without quote marks.

    Built once per article searched; `locate` looks only at windows around the quote's
    rarest words, so searching 800 quotes in a long text stays linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        # Keys and offsets only: tokens for a whole article are built if asked for.
        self.keys, self.starts, self.ends = word_keys(text)
        self.positions: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            self.positions[key].append(i)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The article's words as tokens (made on first use; `keys` index the same words)."""
        return [t for t in tokenize(self.text) if t.is_word]

    def locate(self, quote_text: str) -> tuple[int, int, float] | None:
        """The best window of this text holding the quote's words.

        Args:
            quote_text: the quote as printed.

        Returns:
            (start, end, similarity): character offsets into the text and the word-level
            similarity (0 to 1), or None when no window comes close.
        """
        keys = word_keys(quote_text)[0]
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
        seen: set[int] = set()
        max_windows = max(3, LOCATE_WINDOW_WORDS // min(len(keys), ALIGN_BAND))
        for _, offset, key in anchors:
            for pos in self.positions[key][:MAX_UNQUOTED_WINDOWS]:
                start = max(0, pos - offset)
                if start in seen or len(seen) >= max_windows:
                    continue
                seen.add(start)
                window = self.keys[start : start + len(keys) + 2]
                opcodes = _opcodes(keys, window)
                # Trim the window to what the quote's first and last words paired with.
                lo, hi = _window_span(opcodes, len(window))
                sim = _similarity(keys, window[lo:hi])
                if best is None or sim > best[0]:
                    best = (sim, start + lo, start + hi)
        if best is None or best[2] <= best[1]:
            return None
        sim, lo, hi = best
        return self.starts[lo], self.ends[hi - 1], sim


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


def content_stems(text: str) -> list[str]:
    """Snowball stems of a text's content words (function words left out).

    `organizing` and `organising` stem apart, so US/UK spellings are folded first.
    """
    return list(_content_stems(tokenize(text)))


def names_spelled_differently(articles: Sequence[Article]) -> tuple[NameSpelling, ...]:
    """Names of people and places that the reference and another article spell differently.

    A name is a run of capitalised words, titles left out (`Prime Minister`, `General`); two
    runs are one name spelled two ways when they have as many words, every word agrees up
    to transliteration or hyphenation and one is spelled alike (`Adel Abdul Mahdi` /
    `Adil Abdul-Mahdi`), and neither article also prints the other's spelling.

    Args:
        articles: the articles compared, the reference first.

    Returns:
        One entry per pair of spellings, in the reference's order.
    """
    from attribution.normalize import is_name_variant, name_skeleton

    if len(articles) < 2:
        return ()
    ref = articles[0]
    ref_names = _names_in(ref.text)
    ref_set = {_fold_name(n) for n in ref_names}
    out: list[NameSpelling] = []
    seen: set[tuple[str, str, str]] = set()
    for other in articles[1:]:
        other_names = _names_in(other.text)
        other_set = {_fold_name(n) for n in other_names}
        # Variants share their consonant skeletons word by word: index by them.
        by_skeleton: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for name in other_names:
            by_skeleton[tuple(name_skeleton(w) for w in _fold_name(name))].append(name)
        for name in ref_names:
            folded = _fold_name(name)
            if folded in other_set:
                continue  # the other article prints this spelling too
            for candidate in by_skeleton.get(tuple(name_skeleton(w) for w in folded), ()):
                cand_folded = _fold_name(candidate)
                if cand_folded in ref_set:
                    continue  # ... or the reference prints the other's
                # One word spelled alike as well, as a person's other name or a place's
                # other word: a lone pair of similar words (Marcia/March) is often chance.
                pairs = list(zip(folded, cand_folded, strict=True))
                if any(x.lower() == y.lower() for x, y in pairs) and all(
                    x == y or is_name_variant(x, y) for x, y in pairs
                ):
                    key = (" ".join(name), other.id, " ".join(candidate))
                    if key not in seen:
                        seen.add(key)
                        out.append(NameSpelling(ref.id, key[0], other.id, key[2]))
    return tuple(out)


# --- internals ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Prepared:
    """A quote with its tokens, word keys and content stems, made once per comparison."""

    quote: Quote
    tokens: tuple[Token, ...]
    keys: tuple[str, ...]
    text_key: str  # the word keys joined by spaces, for RapidFuzz
    stems: tuple[str, ...]
    place: Fraction  # how far through its article's quotes (0 to 1), exact for ties
    terms: frozenset[str]  # what the index holds it under
    bag: Counter[str]  # word keys and hyphenated parts, counted
    stem_bag: Counter[str]  # content stems, counted
    words: int  # how many words


class _Side:
    """One article's statements (terms left out), prepared and indexed by content stem."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        statements = [q for q in quotes if q.kind is not QuoteKind.TERM]
        n = max(len(statements) - 1, 1)  # places run from 0 to 1
        self.quotes: list[_Prepared] = []
        self.exact: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, quote in enumerate(statements):
            tokens = tokenize(quote.text)
            keys = tuple(t.key for t in tokens if t.is_word)
            stems = _content_stems(tokens)
            parts = _hyphen_parts(tokens)
            terms = frozenset((*stems, *keys, *parts))
            bag, stem_bag = Counter((*keys, *parts)), Counter(stems)
            prepared = _Prepared(
                quote,
                tokens,
                keys,
                " ".join(keys),
                stems,
                Fraction(i, n),
                terms,
                bag,
                stem_bag,
                len(keys),
            )
            self.quotes.append(prepared)
            self.exact[keys].append(i)
            for term in terms:
                self.postings[term].append(i)
        self.max_postings = min(
            MAX_POSTINGS, max(MIN_POSTINGS, int(len(self.quotes) * MAX_POSTING_SHARE))
        )

    def candidates(self, quote: _Prepared) -> list[int]:
        """Quotes of this side that share rare stems with `quote`, best first."""
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
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        top = [i for i, _ in ranked[:MAX_INDEX_CANDIDATES]]
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

    A quote is indexed by these, its content stems and every word (so "this is not who we
    are" is found; words in many quotes are skipped at lookup).
    """
    return [
        p.casefold() for t in tokens if t.is_word and "-" in t.norm for p in t.norm.split("-") if p
    ]


def _best_possible_rank(a: _Prepared, b: _Prepared) -> float:
    """The highest `_same_statement_rank` two quotes could reach, from the words they share:
    an exact bound, so skipping a candidate below it loses nothing."""
    shared = sum((a.bag & b.bag).values())
    shorter, longer = max(min(a.words, b.words), 1), max(a.words, b.words, 1)
    share, coverage = min(1.0, shared / shorter), min(1.0, shared / longer)
    return 1.0 + 0.5 * share + 0.5 * coverage


def _may_pair(a: _Prepared, b: _Prepared) -> bool:
    """False when two quotes share too few words to be one statement or a rewording of it:
    an upper bound that spares the word-by-word alignment of most candidates."""
    shared_words = sum((a.bag & b.bag).values())
    if shared_words and shared_words >= MIN_SAME_WORDS * min(a.words, b.words):
        return True
    return sum((a.stem_bag & b.stem_bag).values()) >= MIN_REWORDED_SHARED


def _best_of(
    quote: _Prepared,
    own: _Side,
    other: _Side,
    candidates: Iterable[int],
    same_speaker: Callable[[Quote, Quote], bool] | None,
    *,
    forward: bool,
) -> tuple[int, Alignment] | None:
    """The candidate that is the same statement (best by shared words), or a rewording of it.

    The alignment always runs from the reference quote to the other article's, whichever side
    `quote` is on.
    """
    # Ranked by how well the words pair, then, among equals (the same words printed twice),
    # by nearness of place in the articles.
    best: tuple[tuple[float, Fraction], int, Alignment] | None = None
    for j in candidates:
        cand = other.quotes[j]
        if not _may_pair(quote, cand):
            continue
        nearness = -abs(quote.place - cand.place)
        if best is not None and best[0] >= (_best_possible_rank(quote, cand), nearness):
            continue  # cannot beat the counterpart found: spare the alignment
        ref_q, oth_q = (quote, cand) if forward else (cand, quote)
        alignment = align_tokens(ref_q.tokens, oth_q.tokens, ref_q.quote.text, oth_q.quote.text)
        same = _same_statement_rank(alignment)
        # A short quote with a content word changed: its few shared words could be chance,
        # so the speaker (or, unknown, the place) must agree as well.
        if (
            same is not None
            and _needs_support(alignment)
            and not _supported(ref_q, oth_q, same_speaker)
        ):
            same = None
        if same is not None:
            rank = same
        else:
            agree = bool(same_speaker and same_speaker(ref_q.quote, oth_q.quote))
            dice = _reworded_dice(ref_q, oth_q, alignment, speakers_agree=agree)
            if dice is None:
                continue
            rank = dice
            alignment = _as_reworded(alignment, dice)
        if best is None or (rank, nearness) > best[0]:
            best = ((rank, nearness), j, alignment)
    if best is None:
        return None
    return best[1], best[2]


def _align_tokens(a: tuple[Token, ...], b: tuple[Token, ...]) -> Alignment:
    ka = [t.key for t in a]
    kb = [t.key for t in b]
    if ka == kb:  # the same words and marks (the common case): nothing to search for
        ops: tuple[Opcode, ...] = (("equal", 0, len(a), 0, len(b)),) if a else ()
        return Alignment(a, b, ops, (0, len(a)), (0, len(b)), 1.0)
    opcodes = tuple(_opcodes(ka, kb))
    alignment = _finish(a, b, opcodes)
    words_a = sum(1 for t in a if t.is_word)
    words_b = sum(1 for t in b if t.is_word)
    # A fragment is searched for only in a quote short enough to align exactly: the search
    # is quadratic too, and nobody quotes a fragment of a thousand-word statement.
    if (
        abs(words_a - words_b) >= MIN_FRAGMENT_GAP
        and min(words_a, words_b) > 0
        and min(len(ka), len(kb)) <= ALIGN_BAND
    ):
        windowed = _align_in_window(a, b, ka, kb)
        if windowed is not None and _quality(windowed) > _quality(alignment):
            return windowed
    return alignment


def _finish(a: tuple[Token, ...], b: tuple[Token, ...], opcodes: tuple[Opcode, ...]) -> Alignment:
    """An alignment from whole-sequence opcodes: context trimmed, similarity of the windows."""
    opcodes = _shift_edge_gaps(_slide_to_same_print(opcodes, a, b), a, b)
    opcodes = _join_compounds(_balance_bracket_gaps(opcodes, a, b), a, b)
    a_window, b_window = _trim_context(opcodes, len(a), len(b), a, b)
    wa = [t.key for t in a[a_window[0] : a_window[1]] if t.is_word]
    wb = [t.key for t in b[b_window[0] : b_window[1]] if t.is_word]
    similarity = _similarity(wa, wb) if (wa or wb) else 1.0
    return Alignment(a, b, opcodes, a_window, b_window, round(similarity, 4))


def _align_in_window(
    a: tuple[Token, ...], b: tuple[Token, ...], ka: list[str], kb: list[str]
) -> Alignment | None:
    """Align the shorter side with the part of the longer one it best matches.

    Levenshtein over whole sequences may scatter a fragment's words over a long quote (each
    "the" pairs with some "the"); locating the fragment first keeps its words together.
    """
    a_is_long = len(ka) >= len(kb)
    short, long_ = (kb, ka) if a_is_long else (ka, kb)
    found = fuzz.partial_ratio_alignment(short, long_)
    if found is None or found.score == 0:
        return None
    slack = max(2, len(short) // 4)
    lo = max(0, found.dest_start - slack)
    hi = min(len(long_), found.dest_end + slack)
    inner = Levenshtein.opcodes(short, long_[lo:hi])
    ops: list[Opcode] = []
    if a_is_long:
        if lo:
            ops.append(("delete", 0, lo, 0, 0))
        for op in inner:
            ops.append(
                (
                    _flip(op.tag),
                    op.dest_start + lo,
                    op.dest_end + lo,
                    op.src_start,
                    op.src_end,
                )
            )
        if hi < len(long_):
            ops.append(("delete", hi, len(long_), len(short), len(short)))
    else:
        if lo:
            ops.append(("insert", 0, 0, 0, lo))
        for op in inner:
            ops.append((op.tag, op.src_start, op.src_end, op.dest_start + lo, op.dest_end + lo))
        if hi < len(long_):
            ops.append(("insert", len(short), len(short), hi, len(long_)))
    return _finish(a, b, _merge_ops(ops))


def _flip(tag: str) -> str:
    return {"delete": "insert", "insert": "delete"}.get(tag, tag)


def _merge_ops(ops: Iterable[Opcode]) -> tuple[Opcode, ...]:
    """Neighbouring opcodes of one tag joined, so each end of the script is one opcode."""
    out: list[Opcode] = []
    for op in ops:
        if out and out[-1][0] == op[0] and op[0] in ("delete", "insert", "equal"):
            tag, s1, _, s2, _ = out[-1]
            out[-1] = (tag, s1, op[2], s2, op[4])
        else:
            out.append(op)
    return tuple(out)


def _quality(alignment: Alignment) -> tuple[int, int]:
    """How well an alignment pairs two wordings: more equal words, then fewer unmarked edits.

    An edit next to an ellipsis costs nothing: it is an omission the text marks, so "She's a
    disgrace. She's a disgrace and" against "She's a disgrace … and" is an omission in the
    middle, not a fragment from the second "She's" on with a stray "…".
    """
    a, b = alignment.a_tokens, alignment.b_tokens
    a_lo, a_hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    equal_words = 0
    cost = 0
    run: list[Opcode] = []
    for op in (*alignment.opcodes, ("equal", 0, 0, 0, 0)):
        tag, s1, e1 = op[0], op[1], op[2]
        if tag != "equal":
            run.append(op)
            continue
        if run:
            run_a = [t for _, r1, q1, _, _ in run for t in a[r1:q1]]
            run_b = [t for _, _, _, r2, q2 in run for t in b[r2:q2]]
            if not _is_marked_omission(run_a, run_b):
                for _, r1, q1, r2, q2 in run:
                    cost += max(0, min(q1, a_hi) - max(r1, a_lo))
                    cost += max(0, min(q2, b_hi) - max(r2, b_lo))
            run = []
        equal_words += sum(1 for t in a[max(s1, a_lo) : min(e1, a_hi)] if t.is_word)
    return equal_words, -cost


def _is_marked_omission(run_a: Sequence[Token], run_b: Sequence[Token]) -> bool:
    """True when one side of an edit prints an ellipsis where the other has more words, and
    adds none of its own: words left out and marked, not words changed beside a mark."""
    for marked, full in ((run_b, run_a), (run_a, run_b)):
        if any(t.kind == "ellipsis" for t in marked):
            have = Counter(t.key for t in full if t.is_word)
            need = Counter(t.key for t in marked if t.is_word)
            if sum(have.values()) > sum(need.values()) and not need - have:
                return True
    return False


def _shift_edge_gaps(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Move the first and last one-sided gaps out to the ends where the words allow it.

    Levenshtein is indifferent to where a run of deletions goes among equal words: "You say
    you accept" against "you accept" may pair the first "You" and delete "say you"; and "a
    big, big problem" against "big problem" may keep the first "big". Pushed to the ends, the
    deletions are words before or after a fragment, which are context.
    """
    if not any(op[0] == "delete" or op[0] == "insert" for op in opcodes):
        return opcodes
    steps = _steps(opcodes)
    if steps is None:
        return opcodes
    changed = False
    for _ in range(len(steps)):
        pushed = _push_leading_gap(steps, a, b)
        if pushed is None:
            break
        steps, changed = pushed, True
    for _ in range(len(steps)):
        pushed = _push_trailing_gap(steps, a, b)
        if pushed is None:
            break
        steps, changed = pushed, True
    return _steps_to_opcodes(steps, len(a), len(b)) if changed else opcodes


Step = tuple[str, int, int]  # ("=", i, j), ("-", i, -1) or ("+", -1, j)


def _steps(opcodes: Sequence[Opcode]) -> list[Step] | None:
    """The opcodes as one step per token, or None when they replace (left as they are)."""
    steps: list[Step] = []
    for tag, s1, e1, s2, e2 in opcodes:
        if tag == "equal":
            steps.extend(("=", s1 + k, s2 + k) for k in range(e1 - s1))
        elif tag == "delete":
            steps.extend(("-", i, -1) for i in range(s1, e1))
        elif tag == "insert":
            steps.extend(("+", -1, j) for j in range(s2, e2))
        else:
            return None
    return steps


def _gap_key(step: Step, a: Sequence[Token], b: Sequence[Token]) -> str:
    return a[step[1]].key if step[0] == "-" else b[step[2]].key


def _push_leading_gap(
    steps: list[Step], a: Sequence[Token], b: Sequence[Token]
) -> list[Step] | None:
    """[gaps] [equal E] [gaps G] with G ending in E's words → [gaps] [equal] : one push."""
    k = next((n for n, s in enumerate(steps) if s[0] == "="), None)
    if k is None:
        return None
    m = k
    while m < len(steps) and steps[m][0] == "=":
        m += 1
    if m == len(steps):
        return None
    kind = steps[m][0]
    if any(s[0] != kind for s in steps[:k]):
        return None
    g = m
    while g < len(steps) and steps[g][0] == kind:
        g += 1
    n = m - k
    if g - m < n:
        return None
    equal_keys = [a[s[1]].key for s in steps[k:m]]
    tail = steps[g - n : g]
    if [_gap_key(s, a, b) for s in tail] != equal_keys:
        return None
    # E's tokens on the gap's side and G's head become the gap; G's tail pairs with E's other side.
    moved = [(kind, s[1], -1) if kind == "-" else (kind, -1, s[2]) for s in steps[k:m]]
    moved += steps[m : g - n]
    paired = [
        ("=", t[1], e[2]) if kind == "-" else ("=", e[1], t[2])
        for t, e in zip(tail, steps[k:m], strict=True)
    ]
    return steps[:k] + _in_order(moved, kind) + paired + steps[g:]


def _push_trailing_gap(
    steps: list[Step], a: Sequence[Token], b: Sequence[Token]
) -> list[Step] | None:
    """[gaps G] [equal E] [gaps] with G starting with E's words → [equal] [gaps]: one push."""
    k = next((n for n in range(len(steps) - 1, -1, -1) if steps[n][0] == "="), None)
    if k is None:
        return None
    m = k  # E is steps[m : k + 1]
    while m > 0 and steps[m - 1][0] == "=":
        m -= 1
    if m == 0:
        return None
    kind = steps[m - 1][0]
    if any(s[0] != kind for s in steps[k + 1 :]):
        return None
    g = m
    while g > 0 and steps[g - 1][0] == kind:
        g -= 1
    n = k + 1 - m
    if m - g < n:
        return None
    equal_keys = [a[s[1]].key for s in steps[m : k + 1]]
    head = steps[g : g + n]
    if [_gap_key(s, a, b) for s in head] != equal_keys:
        return None
    paired = [
        ("=", h[1], e[2]) if kind == "-" else ("=", e[1], h[2])
        for h, e in zip(head, steps[m : k + 1], strict=True)
    ]
    moved = steps[g + n : m]
    moved += [(kind, s[1], -1) if kind == "-" else (kind, -1, s[2]) for s in steps[m : k + 1]]
    return steps[:g] + paired + _in_order(moved, kind) + steps[k + 1 :]


def _join_compounds(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Neighbouring edits that only join or split words become one replacement.

    "of shootings" against "of-shootings" comes out of Levenshtein as "of" replaced and
    "shootings" deleted; read together they are one compound hyphenated.
    """
    out: list[Opcode] = []
    for op in opcodes:
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, s1, _, s2, _ = out[-1]
            words_a = "".join(t.key for t in a[s1 : op[2]] if t.is_word)
            words_b = "".join(t.key for t in b[s2 : op[4]] if t.is_word)
            if words_a and words_a == words_b:
                out[-1] = ("replace", s1, op[2], s2, op[4])
                continue
        out.append(op)
    return tuple(out)


def _balance_bracket_gaps(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Slide an inserted or deleted run so it holds whole bracket pairs where it can.

    "on [Suu Kyi's]" against "on [laughter] [Suu Kyi's]" may insert "laughter] [" after the
    first "["; slid one token left, the insertion is "[laughter]", an editor's note.
    """
    if not any(
        t.text in _BRACKETS
        for tag, s1, e1, s2, e2 in opcodes
        if tag in ("insert", "delete")
        for t in (*a[s1:e1], *b[s2:e2])
    ):
        return opcodes
    steps = _steps(opcodes)
    if steps is None:
        return opcodes
    n = 0
    changed = False
    while n < len(steps):
        kind = steps[n][0]
        if kind == "=":
            n += 1
            continue
        end = n
        while end < len(steps) and steps[end][0] == kind:
            end += 1
        side, tokens = (1, a) if kind == "-" else (2, b)
        for direction in (-1, 1):
            lo, hi = n, end
            run = steps[lo:hi]
            for _ in range(hi - lo):
                if _bracket_depth(tokens, run, side) == 0:
                    break
                moved = _slide_once(steps, lo, hi, direction, tokens, side)
                if moved is None:
                    break
                steps = moved
                lo, hi = lo + direction, hi + direction
                run = steps[lo:hi]
            if _bracket_depth(tokens, steps[lo:hi], side) == 0 and (lo, hi) != (n, end):
                changed = True
                n, end = lo, hi
                break
        n = end
    return _steps_to_opcodes(steps, len(a), len(b)) if changed else opcodes


_BRACKETS = frozenset("[]()")


def _pos(step: Step, side: int) -> int:
    """A step's token index on side 1 (a) or 2 (b)."""
    return step[1] if side == 1 else step[2]


def _bracket_depth(tokens: Sequence[Token], run: Sequence[Step], side: int) -> int:
    """Brackets a run leaves open or closes without opening (0 when balanced)."""
    depth = unmatched = 0
    for step in run:
        text = tokens[_pos(step, side)].text
        if text in ("[", "("):
            depth += 1
        elif text in ("]", ")"):
            if depth:
                depth -= 1
            else:
                unmatched += 1
    return depth + unmatched


def _slide_once(
    steps: list[Step], lo: int, hi: int, direction: int, tokens: Sequence[Token], side: int
) -> list[Step] | None:
    """The gap steps[lo:hi] moved one token left (-1) or right (1) past an equal step."""
    if direction < 0:
        if lo == 0 or steps[lo - 1][0] != "=":
            return None
        eq = steps[lo - 1]
        first, last = _pos(eq, side), _pos(steps[hi - 1], side)
        if tokens[first].key != tokens[last].key:
            return None
    else:
        if hi >= len(steps) or steps[hi][0] != "=":
            return None
        eq = steps[hi]
        first, last = _pos(steps[lo], side), _pos(eq, side)
        if tokens[first].key != tokens[last].key:
            return None
    kind = steps[lo][0]
    positions = [_pos(s, side) for s in steps[lo:hi]]
    if direction < 0:
        gap_positions = [_pos(eq, side), *positions[:-1]]
        paired_at = positions[-1]
    else:
        gap_positions = [*positions[1:], _pos(eq, side)]
        paired_at = positions[0]
    gap: list[Step] = [(kind, p, -1) if kind == "-" else (kind, -1, p) for p in gap_positions]
    pair: Step = ("=", paired_at, eq[2]) if side == 1 else ("=", eq[1], paired_at)
    if direction < 0:
        return [*steps[: lo - 1], *gap, pair, *steps[hi:]]
    return [*steps[:lo], pair, *gap, *steps[hi + 1 :]]


def _in_order(gaps: list[Step], kind: str) -> list[Step]:
    return sorted(gaps, key=lambda s: s[1] if kind == "-" else s[2])


def _slide_to_same_print(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...]:
    """Move one-token insertions and deletions so equal keys pair the same printed word.

    "Probably not" against "probably Probably not" pairs either "probably" with "Probably";
    pairing the one printed alike leaves a clean insertion instead of a case change plus one.
    """
    if not any(tag in ("insert", "delete") for tag, *_ in opcodes):
        return opcodes
    found = _steps(opcodes)
    if found is None:
        return opcodes  # replaced runs are left as Levenshtein made them
    steps = found
    changed = False
    for k in range(len(steps) - 1):
        x, y = steps[k], steps[k + 1]
        if {x[0], y[0]} == {"=", "+"}:
            eq, gap = (x, y) if x[0] == "=" else (y, x)
            i, j, g = eq[1], eq[2], gap[2]
            if b[g].key == b[j].key and b[g].norm == a[i].norm != b[j].norm:
                pair, lone = ("=", i, g), ("+", -1, j)
                steps[k], steps[k + 1] = (pair, lone) if g < j else (lone, pair)
                changed = True
        elif {x[0], y[0]} == {"=", "-"}:
            eq, gap = (x, y) if x[0] == "=" else (y, x)
            i, j, g = eq[1], eq[2], gap[1]
            if a[g].key == a[i].key and a[g].norm == b[j].norm != a[i].norm:
                pair, lone = ("=", g, j), ("-", i, -1)
                steps[k], steps[k + 1] = (pair, lone) if g < i else (lone, pair)
                changed = True
    if not changed:
        return opcodes
    return _steps_to_opcodes(steps, len(a), len(b))


def _steps_to_opcodes(steps: Sequence[Step], len_a: int, len_b: int) -> tuple[Opcode, ...]:
    ops: list[Opcode] = []
    i = j = 0
    names = {"=": "equal", "-": "delete", "+": "insert"}
    for step, _, _ in steps:
        di, dj = (1, 1) if step == "=" else (1, 0) if step == "-" else (0, 1)
        ops.append((names[step], i, i + di, j, j + dj))
        i, j = i + di, j + dj
    assert (i, j) == (len_a, len_b)
    return _merge_ops(ops)


def _trim_context(
    opcodes: tuple[Opcode, ...],
    len_a: int,
    len_b: int,
    a: Sequence[Token],
    b: Sequence[Token],
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Leading and trailing words only one side has are context, when the rest pairs up.

    A fragment quoted from a longer statement aligns with part of it; the words before and
    after that part are not changes. An end counts as context only when it is a pure
    deletion or insertion of at least one word next to words both sides print: a fragment
    ends where the printings stop matching, so a replaced word before it is a change and
    the end is part of that change.
    """
    a_lo, a_hi, b_lo, b_hi = 0, len_a, 0, len_b
    if len(opcodes) < 2:
        return (0, len_a), (0, len_b)
    equal_words = sum(
        sum(1 for t in a[s1:e1] if t.is_word) for tag, s1, e1, _, _ in opcodes if tag == "equal"
    )
    if equal_words == 0:
        return (0, len_a), (0, len_b)
    first, last = opcodes[0], opcodes[-1]
    if first[0] in ("delete", "insert") and opcodes[1][0] == "equal":
        tag, s1, e1, s2, e2 = first
        if _is_context(a[s1:e1] if tag == "delete" else b[s2:e2], before=True):
            a_lo, b_lo = e1, e2
    if last[0] in ("delete", "insert") and opcodes[-2][0] == "equal":
        tag, s1, e1, s2, e2 = last
        if _is_context(a[s1:e1] if tag == "delete" else b[s2:e2], before=False):
            a_hi, b_hi = s1, s2
    return (a_lo, a_hi), (b_lo, b_hi)


def _is_context(tokens: Sequence[Token], *, before: bool) -> bool:
    """Words one side has beyond the other's end are context, unless they negate it.

    "We will raise taxes. Not." printed as "We will raise taxes." is no fragment: the
    dropped "Not" reverses the statement and must be reported as a change; so does a
    "not" left out before a fragment of its own sentence ("We will not | raise taxes").
    A negation in another sentence of the context ("We will not raise taxes. But we will
    | fix the roads") says nothing of the fragment.

    Args:
        tokens: the words and marks beyond the fragment's end.
        before: they stand before the fragment (else after it).
    """
    words = [t for t in tokens if t.is_word]
    if not words:
        return False
    ends = [i for i, t in enumerate(tokens) if t.norm in _SENTENCE_END_MARKS]
    if before:
        near = tokens[ends[-1] + 1 :] if ends else tokens
    else:
        near = tokens[: ends[0] + 1] if ends else tokens
        if ends and ends[0] == 0:
            near = tokens[: ends[1] + 1] if len(ends) > 1 else tokens
    return not any(is_negation(t) for t in near if t.is_word)


# Marks that end a sentence, for telling a fragment's own sentence from its neighbours.
_SENTENCE_END_MARKS = frozenset({".", "!", "?"})


def is_negation(token: Token) -> bool:
    """True for a word that negates: not, never, no, nobody, don't, can't ..."""
    return negation_count(token.norm.lower()) > 0


def _mirror(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other side."""
    opcodes = tuple((_flip(tag), s2, e2, s1, e1) for tag, s1, e1, s2, e2 in alignment.opcodes)
    return Alignment(
        alignment.b_tokens,
        alignment.a_tokens,
        opcodes,
        alignment.b_window,
        alignment.a_window,
        alignment.similarity,
        alignment.reworded,
    )


def _equal_words(alignment: Alignment) -> int:
    return sum(
        sum(1 for t in alignment.a_tokens[s1:e1] if t.is_word)
        for tag, s1, e1, _, _ in alignment.opcodes
        if tag == "equal"
    )


def _same_statement_rank(alignment: Alignment) -> float | None:
    """How well two quotes are one printing of the same words (1 to 2), or None if they are not.

    They are when half the shorter quote's words pair with equal words and the aligned windows
    are similar (or, for a short quote, few words changed and a content word kept). The rank
    weighs how much of the shorter quote pairs, how similar the windows are, and how much of
    the longer quote is covered, so a quote's whole counterpart ranks above a one-word
    fragment of it.
    """
    equal, edits, longer = _edit_summary(alignment)
    wa = sum(1 for t in alignment.a_tokens if t.is_word)
    wb = sum(1 for t in alignment.b_tokens if t.is_word)
    if not equal or equal < MIN_SAME_WORDS * min(wa, wb):
        return None
    similarity = 1.0 - edits / longer if longer else 1.0
    if similarity < MIN_SAME_SIMILARITY and (
        edits > MAX_SMALL_CHANGE or not _keeps_content_word(alignment)
    ):
        return None
    share = min(1.0, equal / min(wa, wb))
    coverage = equal / max(wa, wb)
    return 1.0 + 0.5 * share * similarity + 0.5 * coverage


def _needs_support(alignment: Alignment) -> bool:
    """True for a short quote (SHORT_QUOTE_WORDS words or fewer) not all of whose content
    words pair: "thousands of shootings" against "thousands of $12-an-hour"."""
    a, b = alignment.a_tokens, alignment.b_tokens
    wa = sum(1 for t in a if t.is_word)
    wb = sum(1 for t in b if t.is_word)
    short_is_a = wa <= wb
    if min(wa, wb) > SHORT_QUOTE_WORDS:
        return False
    paired: set[int] = set()
    for tag, s1, e1, s2, e2 in alignment.opcodes:
        if tag == "equal":
            paired.update(range(s1, e1) if short_is_a else range(s2, e2))
    tokens = a if short_is_a else b
    return any(
        t.is_word and t.key not in STOPWORDS and i not in paired for i, t in enumerate(tokens)
    )


def _supported(
    a: _Prepared, b: _Prepared, same_speaker: Callable[[Quote, Quote], bool] | None
) -> bool:
    """The speakers agree, or, when either is unknown, the quotes stand at about one place."""
    if a.quote.speaker is not None and b.quote.speaker is not None and same_speaker is not None:
        return same_speaker(a.quote, b.quote)
    return abs(a.place - b.place) <= MAX_PLACE_DISTANCE


def _edit_summary(alignment: Alignment) -> tuple[int, int, int]:
    """(words paired, unmarked words changed, words on the longer side) inside the windows.

    Words left out under an ellipsis are set aside on both sides: a quote printed with a
    marked omission ("providing…weapons") is no less the same quote. Words only joined or
    split differently ("robust steps" / "robust-steps") pair.
    """
    a, b = alignment.a_tokens, alignment.b_tokens
    a_lo, a_hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    equal = edits = len_a = len_b = 0
    run: list[Opcode] = []
    for op in (*alignment.opcodes, ("equal", len(a), len(a), len(b), len(b))):
        tag, s1, e1 = op[0], op[1], op[2]
        if tag != "equal":
            run.append(op)
            continue
        if run:
            run_a = [t for _, r1, q1, _, _ in run for t in a[max(r1, a_lo) : min(q1, a_hi)]]
            run_b = [t for _, _, _, r2, q2 in run for t in b[max(r2, b_lo) : min(q2, b_hi)]]
            if not _is_marked_omission(run_a, run_b):
                words_a = [t.key for t in run_a if t.is_word]
                words_b = [t.key for t in run_b if t.is_word]
                if words_a and "".join(words_a) == "".join(words_b):
                    equal += min(len(words_a), len(words_b))
                else:
                    edits += max(len(words_a), len(words_b))
                len_a += len(words_a)
                len_b += len(words_b)
            run = []
        same = sum(1 for t in a[max(s1, a_lo) : min(e1, a_hi)] if t.is_word)
        equal += same
        len_a += same
        len_b += same
    return equal, edits, max(len_a, len_b)


def _keeps_content_word(alignment: Alignment) -> bool:
    for tag, s1, e1, _, _ in alignment.opcodes:
        if tag == "equal" and any(
            t.is_word and t.key not in STOPWORDS for t in alignment.a_tokens[s1:e1]
        ):
            return True
    return False


def _reworded_dice(
    a: _Prepared, b: _Prepared, alignment: Alignment, *, speakers_agree: bool
) -> float | None:
    """The content-stem overlap (Dice) of a pair that states one thing in other words, or None.

    The rules, from strictest evidence down:
    - half the content stems shared: the same statement whoever is credited;
    - a third shared and a run of five words in common (a second translation keeps phrases);
    - the same speaker, a fifth shared and a run of five words;
    - the same speaker, a quarter shared, at about the same place in both articles.
    Never fewer than three shared stems: two common words are chance.
    """
    shared = sum((Counter(a.stems) & Counter(b.stems)).values())
    if shared < MIN_REWORDED_SHARED:
        return None
    dice = 2 * shared / (len(a.stems) + len(b.stems))
    if dice >= MIN_REWORDED_DICE_ALONE:
        return dice
    run = _longest_equal_run(alignment)
    if dice >= MIN_REWORDED_DICE and run >= MIN_REWORDED_RUN:
        return dice
    if not speakers_agree:
        return None
    if dice >= MIN_REWORDED_DICE_SAME_SPEAKER and run >= MIN_REWORDED_RUN:
        return dice
    if dice >= MIN_REWORDED_DICE_SAME_PLACE and abs(a.place - b.place) <= MAX_PLACE_DISTANCE:
        return dice
    return None


def _as_reworded(alignment: Alignment, dice: float) -> Alignment:
    return Alignment(
        alignment.a_tokens,
        alignment.b_tokens,
        alignment.opcodes,
        (0, len(alignment.a_tokens)),
        (0, len(alignment.b_tokens)),
        round(dice, 4),
        reworded=True,
    )


def _longest_equal_run(alignment: Alignment) -> int:
    best = 0
    for tag, s1, e1, _, _ in alignment.opcodes:
        if tag == "equal":
            best = max(best, sum(1 for t in alignment.a_tokens[s1:e1] if t.is_word))
    return best


def _window_span(opcodes: Sequence[Opcode], length: int) -> tuple[int, int]:
    """The part of a searched window that the quote's words paired with."""
    lo, hi = 0, length
    if opcodes and opcodes[0][0] == "insert":
        lo = opcodes[0][4]
    if opcodes and opcodes[-1][0] == "insert":
        hi = opcodes[-1][3]
    return lo, max(hi, lo)


def _opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """Levenshtein opcodes of two key sequences, within `ALIGN_BAND` edits when both are long."""
    if min(len(a), len(b)) > ALIGN_BAND:
        distance = Levenshtein.distance(a, b, score_cutoff=ALIGN_BAND)
        if distance > ALIGN_BAND:
            return _coarse_opcodes(a, b)
        ops = Levenshtein.opcodes(a, b, score_hint=distance)
    else:
        ops = Levenshtein.opcodes(a, b)
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


def _coarse_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """The common start and end as equal, the middle replaced word for word, the rest of the
    longer middle deleted or inserted (the shape RapidFuzz's opcodes have)."""
    prefix, suffix = _common_ends(a, b)
    a_end, b_end = len(a) - suffix, len(b) - suffix
    replaced = min(a_end, b_end) - prefix
    ops: list[Opcode] = [("equal", 0, prefix, 0, prefix)] if prefix else []
    if replaced:
        ops.append(("replace", prefix, prefix + replaced, prefix, prefix + replaced))
    if a_end > prefix + replaced:
        ops.append(("delete", prefix + replaced, a_end, b_end, b_end))
    if b_end > prefix + replaced:
        ops.append(("insert", a_end, a_end, prefix + replaced, b_end))
    if suffix:
        ops.append(("equal", a_end, len(a), b_end, len(b)))
    return ops


def _common_ends(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """The lengths of the longest common start and (not overlapping it) common end."""
    shorter = min(len(a), len(b))
    prefix = 0
    while prefix < shorter and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < shorter - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Levenshtein similarity (0 to 1) of two key sequences.

    Two long sides more than `ALIGN_BAND` edits apart get the similarity of their coarse
    alignment (`_coarse_opcodes`): never more than the true value, so a huge quote is never
    taken for a counterpart or an unquoted reuse it is not.
    """
    if min(len(a), len(b)) > ALIGN_BAND:
        longer = max(len(a), len(b))
        distance = Levenshtein.distance(a, b, score_cutoff=ALIGN_BAND)
        if distance > ALIGN_BAND:
            prefix, suffix = _common_ends(a, b)
            distance = longer - prefix - suffix
        return 1.0 - distance / longer
    return float(Levenshtein.normalized_similarity(a, b))


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stem(spelling_key(word)))


@functools.cache
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def _content_stems(tokens: Iterable[Token]) -> tuple[str, ...]:
    return tuple(
        _stem(t.key) for t in tokens if t.is_word and t.key not in STOPWORDS and not t.key.isdigit()
    )


# A name: capitalised words in a row, joined by spaces or hyphens (`Abdul-Mahdi`); a single
# word after a sentence's end is left out, since any word may open a sentence.
_NAME_RE = re.compile(r"(?<![\w.])[A-Z][a-z\u00c0-\u024f]+(?:[- ][A-Z][a-z\u00c0-\u024f]+)*")


def _names_in(text: str) -> list[tuple[str, ...]]:
    """The capitalised word runs of a text that look like names, in order, each once."""
    from attribution.lexicon import TITLES
    from attribution.normalize import common_words

    common = common_words()
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[str, ...]] = []
    for m in _NAME_RE.finditer(text):
        words = tuple(w for w in m.group().split(" ") if w)
        # Leading common words open a sentence ("The Iraqi"), and titles are no part of a
        # person's name ("Prime Minister Adel Abdul Mahdi").
        while words and (words[0].lower() in common or words[0].lower() in TITLES):
            words = words[1:]
        if not words or all(w.lower() in common for w in words):
            continue
        if words not in seen:
            seen.add(words)
            out.append(words)
    return out


def _fold_name(name: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words, hyphenated parts split: `Abdul-Mahdi` and `Abdul Mahdi` agree."""
    return tuple(part for word in name for part in word.split("-") if part)
