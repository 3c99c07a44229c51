"""Alignment: find each quote's counterpart in another article and pair their words.

Separate from classification (`classify.py`) so that what is paired and how a difference is
named can each be tested alone. Candidates come from a word index, never all pairs, so long
articles stay fast; the word-level alignment is RapidFuzz's Levenshtein opcodes over tokens.
"""

from __future__ import annotations

import functools
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from attribution import lexicon as lx
from attribution.model import Quote, QuoteKind
from attribution.normalize import Token, tokenize

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
# in other words even without a long shared run.
MIN_REWORDED_DICE_SAME_SPEAKER = 0.2
# Fewest shared content stems for any reworded pair: two common words are chance.
MIN_REWORDED_SHARED = 3
# Candidates scored in full per quote after the index lookup.
MAX_CANDIDATES = 8
# A stem in more quotes than this says little about which is the counterpart; the ceiling
# keeps each lookup's cost flat in an article of 20,000 quotes (a quarter of those is 5,000).
MAX_STEM_QUOTES = 500
# An unquoted reuse must match this share of the quote's words in a window of the other text.
MIN_UNQUOTED_SIMILARITY = 0.85
# Quotes this short are too common to be found "unquoted" by chance matches.
MIN_UNQUOTED_WORDS = 3
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


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two wordings paired token by token.

    `opcodes` cover both token sequences whole (`equal`, `replace`, `delete`, `insert`, as
    (tag, a_start, a_end, b_start, b_end) token indices); `a_window`/`b_window` are the token
    ranges the other side was aligned with (the whole quote unless one side is a fragment).
    """

    a_tokens: tuple[Token, ...]
    b_tokens: tuple[Token, ...]
    opcodes: tuple[tuple[str, int, int, int, int], ...]
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
    a_tokens, b_tokens = _tokenize(a_text), _tokenize(b_text)
    swap = (len(b_tokens), b_text) > (len(a_tokens), a_text)
    if swap:
        alignment = _align_tokens(b_tokens, a_tokens)
        return _mirror(alignment)
    return _align_tokens(a_tokens, b_tokens)


def find_counterparts(
    ref: Sequence[Quote],
    other: Sequence[Quote],
    *,
    same_speaker: Callable[[Quote, Quote], bool] | None = None,
) -> list[Pair]:
    """Pair each quote of the reference with its counterpart among another article's quotes.

    Several reference quotes may pair with one quote of the other article (two renderings of
    one statement). Terms are never paired.

    Args:
        ref: the reference article's quotes.
        other: the other article's quotes.
        same_speaker: tells whether two quotes' speakers are one; it lowers the bar for a
            `reworded` pair.

    Returns:
        One pair per reference quote that has a counterpart, in reference order.
    """
    statements = [q for q in other if q.kind is not QuoteKind.TERM]
    index = _StemIndex(statements)
    pairs: list[Pair] = []
    for quote in ref:
        if quote.kind is QuoteKind.TERM:
            continue
        best: tuple[float, Pair] | None = None
        for candidate in index.candidates(quote.text):
            alignment = align_texts(quote.text, candidate.text)
            score = _same_words_share(alignment)
            if score >= MIN_SAME_WORDS and alignment.similarity >= MIN_SAME_SIMILARITY:
                rank = 1.0 + score
            else:
                speakers_agree = bool(same_speaker and same_speaker(quote, candidate))
                if not _is_reworded(quote.text, candidate.text, alignment, speakers_agree):
                    continue
                rank = score
                alignment = _as_reworded(alignment, quote.text, candidate.text)
            if best is None or rank > best[0]:
                best = (rank, Pair(quote, candidate, alignment))
            if rank >= 2.0:
                break  # every word of the shorter side paired: no later candidate ranks higher
        if best is not None:
            pairs.append(best[1])
    # The caches serve one comparison; a long-running caller should not keep its tokens.
    _tokenize.cache_clear()
    _content_stems.cache_clear()
    return pairs


class TextIndex:
    """A whole article's words, for finding a quote's words printed without quote marks.

    Built once per article searched; `locate` looks only at windows around the quote's
    rarest words, so searching 800 quotes in a long text stays linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = [t for t in tokenize(text) if t.is_word]
        self.keys = [t.key for t in self.tokens]
        self.positions: dict[str, list[int]] = defaultdict(list)
        for i, key in enumerate(self.keys):
            self.positions[key].append(i)

    def locate(self, quote_text: str) -> tuple[int, int, float] | None:
        """The best window of this text holding the quote's words.

        Args:
            quote_text: the quote as printed.

        Returns:
            (start, end, similarity): character offsets into the text and the word-level
            similarity (0 to 1), or None when no window comes close.
        """
        keys = [t.key for t in _tokenize(quote_text) if t.is_word]
        if not keys:
            return None
        max_windows = max(3, LOCATE_WINDOW_WORDS // min(len(keys), ALIGN_BAND))
        anchors = sorted(
            {
                (len(self.positions.get(k, ())), i, k)
                for i, k in enumerate(keys)
                if k in self.positions
            }
        )[:3]
        best: tuple[float, int, int] | None = None
        seen: set[int] = set()
        for _, offset, key in anchors:
            for pos in self.positions[key][:200]:
                start = max(0, pos - offset)
                if start in seen or len(seen) >= max_windows:
                    continue
                seen.add(start)
                window = self.keys[start : start + len(keys) + 2]
                alignment = _opcodes(keys, window)
                # Trim the window to what the quote's first and last words paired with.
                lo, hi = _window_span(alignment, len(window))
                sim = _similarity(keys, window[lo:hi])
                if best is None or sim > best[0]:
                    best = (sim, start + lo, start + hi)
        if best is None or best[2] <= best[1]:
            return None
        sim, lo, hi = best
        return self.tokens[lo].start, self.tokens[hi - 1].end, sim


def find_unquoted(quote: Quote, index: TextIndex) -> tuple[int, int] | None:
    """Where a quote's words stand in another article without being a quote there.

    Args:
        quote: a quote with no counterpart among the other article's quotes.
        index: the other article's `TextIndex`.

    Returns:
        Character offsets of the words in the other article, or None.
    """
    words = [t for t in _tokenize(quote.text) if t.is_word]
    if len(words) < MIN_UNQUOTED_WORDS:
        return None
    found = index.locate(quote.text)
    if found is None or found[2] < MIN_UNQUOTED_SIMILARITY:
        return None
    return found[0], found[1]


# --- internals ----------------------------------------------------------------------------


def _align_tokens(a: tuple[Token, ...], b: tuple[Token, ...]) -> Alignment:
    ka = [t.key for t in a]
    kb = [t.key for t in b]
    opcodes = tuple(_opcodes(ka, kb))
    a_window, b_window = _trim_context(opcodes, len(a), len(b), a, b)
    wa = [t.key for t in a[a_window[0] : a_window[1]] if t.is_word]
    wb = [t.key for t in b[b_window[0] : b_window[1]] if t.is_word]
    similarity = _similarity(wa, wb) if (wa or wb) else 1.0
    return Alignment(a, b, opcodes, a_window, b_window, round(similarity, 4))


def _trim_context(
    opcodes: tuple[tuple[str, int, int, int, int], ...],
    len_a: int,
    len_b: int,
    a: tuple[Token, ...],
    b: tuple[Token, ...],
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Leading and trailing words only one side has are context, when the rest pairs up.

    A fragment quoted from a longer statement aligns with part of it; the words before and
    after that part are not changes. An end counts as context only when it is a pure
    deletion or insertion of at least one word (a replaced first word is a change).
    """
    a_lo, a_hi, b_lo, b_hi = 0, len_a, 0, len_b
    if not opcodes:
        return (0, len_a), (0, len_b)
    equal_words = sum(
        sum(1 for t in a[s1:e1] if t.is_word) for tag, s1, e1, _, _ in opcodes if tag == "equal"
    )
    if equal_words == 0:
        return (0, len_a), (0, len_b)
    first, last = opcodes[0], opcodes[-1]
    if first[0] in ("delete", "insert") and len(opcodes) > 1:
        tag, s1, e1, s2, e2 = first
        if _is_context(a[s1:e1] if tag == "delete" else b[s2:e2]):
            a_lo, b_lo = e1, e2
    if last[0] in ("delete", "insert") and len(opcodes) > 1:
        tag, s1, e1, s2, e2 = last
        if _is_context(a[s1:e1] if tag == "delete" else b[s2:e2]):
            a_hi, b_hi = s1, s2
    return (a_lo, a_hi), (b_lo, b_hi)


def _is_context(tokens: Sequence[Token]) -> bool:
    """Words one side has beyond the other's end are context, unless they negate.

    "We will raise taxes. Not." printed as "We will raise taxes." is no fragment: the
    dropped "Not" reverses the statement and must be reported as a change.
    """
    words = [t for t in tokens if t.is_word]
    return bool(words) and not any(is_negation(t) for t in words)


def is_negation(token: Token) -> bool:
    """True for a word that negates: not, never, no, nobody, don't, can't ..."""
    low = token.norm.lower()
    return low in lx.NEGATIONS or low.endswith("n't")


def _mirror(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other side."""
    flip = {"delete": "insert", "insert": "delete"}
    opcodes = tuple(
        (flip.get(tag, tag), s2, e2, s1, e1) for tag, s1, e1, s2, e2 in alignment.opcodes
    )
    return Alignment(
        alignment.b_tokens,
        alignment.a_tokens,
        opcodes,
        alignment.b_window,
        alignment.a_window,
        alignment.similarity,
        alignment.reworded,
    )


def _same_words_share(alignment: Alignment) -> float:
    """Share of the shorter side's words (within the windows) paired with an equal word."""
    equal = 0
    for tag, s1, e1, _, _ in alignment.opcodes:
        if tag == "equal":
            equal += sum(1 for t in alignment.a_tokens[s1:e1] if t.is_word)
    wa = sum(1 for t in alignment.a_tokens if t.is_word)
    wb = sum(1 for t in alignment.b_tokens if t.is_word)
    shorter = min(wa, wb)
    return equal / shorter if shorter else 0.0


def _is_reworded(a_text: str, b_text: str, alignment: Alignment, speakers_agree: bool) -> bool:
    """The same statement in other words: shared content stems and a long shared run."""
    sa, sb = content_stems(a_text), content_stems(b_text)
    shared = sum((Counter(sa) & Counter(sb)).values())
    if shared < MIN_REWORDED_SHARED:
        return False
    dice = 2 * shared / (len(sa) + len(sb))
    run = _longest_equal_run(alignment)
    if dice >= MIN_REWORDED_DICE and run >= MIN_REWORDED_RUN:
        return True
    if speakers_agree and dice >= MIN_REWORDED_DICE_SAME_SPEAKER and run >= MIN_REWORDED_RUN:
        return True
    return dice >= 0.5


def _as_reworded(alignment: Alignment, a_text: str, b_text: str) -> Alignment:
    sa, sb = content_stems(a_text), content_stems(b_text)
    shared = sum((Counter(sa) & Counter(sb)).values())
    dice = 2 * shared / (len(sa) + len(sb)) if (sa or sb) else 0.0
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


def _window_span(opcodes: Sequence[tuple[str, int, int, int, int]], length: int) -> tuple[int, int]:
    """The part of a searched window that the quote's words paired with."""
    lo, hi = 0, length
    if opcodes and opcodes[0][0] == "insert":
        lo = opcodes[0][4]
    if opcodes and opcodes[-1][0] == "insert":
        hi = opcodes[-1][3]
    return lo, max(hi, lo)


def _opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """Levenshtein opcodes of two key sequences, within `ALIGN_BAND` edits when both are long."""
    if min(len(a), len(b)) > ALIGN_BAND:
        distance = Levenshtein.distance(a, b, score_cutoff=ALIGN_BAND)
        if distance > ALIGN_BAND:
            return _coarse_opcodes(a, b)
        ops = Levenshtein.opcodes(a, b, score_hint=distance)
    else:
        ops = Levenshtein.opcodes(a, b)
    return [(op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end) for op in ops]


def _coarse_opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """The common start and end as equal, the middle replaced word for word, the rest of the
    longer middle deleted or inserted (the shape RapidFuzz's opcodes have)."""
    prefix, suffix = _common_ends(a, b)
    a_end, b_end = len(a) - suffix, len(b) - suffix
    replaced = min(a_end, b_end) - prefix
    ops = [("equal", 0, prefix, 0, prefix)] if prefix else []
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


@functools.lru_cache(maxsize=1 << 15)
def _tokenize(text: str) -> tuple[Token, ...]:
    # Cached: pairing a quote with each of its candidates tokenizes both sides again and again.
    return tokenize(text)


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_stemmer().stem(word))


@functools.cache
def _stemmer():  # type: ignore[no-untyped-def]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def content_stems(text: str) -> list[str]:
    """Snowball stems of a text's content words (function words left out).

    `organizing` and `organising` stem apart, so US/UK spellings are folded first.
    """
    return list(_content_stems(text))


@functools.lru_cache(maxsize=1 << 15)
def _content_stems(text: str) -> tuple[str, ...]:
    # Cached: each candidate pairing of a quote asks for both sides' stems again.
    from attribution.normalize import spelling_key

    return tuple(
        _stem(spelling_key(t.key))
        for t in _tokenize(text)
        if t.is_word and t.key not in STOPWORDS and not t.key.isdigit()
    )


class _StemIndex:
    """Quotes indexed by their content stems, so each lookup scores only quotes sharing some."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = list(quotes)
        self.postings: dict[str, set[int]] = defaultdict(set)
        for i, quote in enumerate(self.quotes):
            for stem in set(content_stems(quote.text)) | set(_all_keys(quote.text)):
                self.postings[stem].add(i)
        self.size = max(len(self.quotes), 1)

    def candidates(self, text: str) -> list[Quote]:
        scores: dict[int, float] = defaultdict(float)
        for stem in set(content_stems(text)) | set(_all_keys(text)):
            hits = self.postings.get(stem)
            if not hits or len(hits) > min(max(50, self.size // 4), MAX_STEM_QUOTES):
                continue
            weight = math.log(1 + self.size / len(hits))
            for i in hits:
                scores[i] += weight
        ranked = heapq.nsmallest(
            MAX_CANDIDATES, scores.items(), key=lambda item: (-item[1], item[0])
        )
        return [self.quotes[i] for i, _ in ranked]


def _all_keys(text: str) -> list[str]:
    """Word keys of a short quote, so a two-word fragment of function words is still found."""
    keys = [t.key for t in _tokenize(text) if t.is_word]
    return keys if len(keys) <= 4 else []
