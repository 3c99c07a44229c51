"""Alignment: pair the words of two wordings of one statement, and weigh what they share.

Separate from pairing (`pairing.py`: which quote is whose counterpart) and classification
(`classify.py`: what each difference is called), so each can be tested alone. The word-level
alignment is RapidFuzz's Levenshtein opcodes over tokens (`opcodes.py`), with a fragment first
located in the longer wording by `partial_ratio_alignment`; words beyond a fragment's ends
are context, not changes. What the aligned words have in common is the matcher's evidence.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from attribution.matcher import (
    Evidence,
    Judgement,
    content_stems,
    information,
    is_telling,
    judge,
    zipf,
)
from attribution.normalize import (
    CLOSE_BRACKETS,
    OPEN_BRACKETS,
    Token,
    is_spelling_variant,
    negation_count,
    spelling_key,
    tokenize,
)
from attribution.opcodes import ALIGN_BAND, Opcode, flip, merge_ops, shape, word_opcodes

# A fragment is located in the longer quote only when that is longer by this many words.
MIN_FRAGMENT_GAP = 3


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two wordings paired token by token.

    `opcodes` cover both token sequences whole (`equal`, `replace`, `delete`, `insert`, as
    (tag, a_start, a_end, b_start, b_end) token indices); `a_window`/`b_window` are the token
    ranges the other side was aligned with (the whole quote unless one side is a fragment).
    `similarity` is the matcher's (`Evidence.similarity`); `reworded` marks a pair the
    matcher judged the same statement in other words, whose windows are both whole.
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


def judge_alignment(
    alignment: Alignment,
    *,
    supported: bool,
    stems: tuple[Sequence[str], Sequence[str]] | None = None,
) -> Judgement:
    """The matcher's judgement of two aligned wordings (`matcher.judge`).

    Args:
        alignment: the two wordings aligned.
        supported: something besides the words ties them (the same speaker).
        stems: both wordings' content stems, when already made (`matcher.content_stems`).

    Returns:
        Whether they are one statement, the same in other words, or unrelated.
    """
    if stems is None:
        stems = (content_stems(alignment.a_tokens), content_stems(alignment.b_tokens))
    return judge(evidence_of(alignment), *stems, supported=supported)


def as_whole(alignment: Alignment, *, reworded: bool) -> Alignment:
    """The alignment with both windows whole: every word of each side counts as a change.

    A rewording has no fragment to speak of; a draft's words beyond its source's are
    changes, not context.
    """
    whole = dataclasses.replace(
        alignment,
        a_window=(0, len(alignment.a_tokens)),
        b_window=(0, len(alignment.b_tokens)),
        reworded=reworded,
    )
    return dataclasses.replace(whole, similarity=round(evidence_of(whole).similarity, 4))


def draft_whole(alignment: Alignment) -> Alignment:
    """The alignment with the first side (a draft quote) whole and the second (a source's
    stretch) trimmed to what the draft quotes: every word the draft prints counts, while
    source words beyond its ends ("He" of "He's" before a quote starting "is right") are
    context, as in any fragment."""
    whole = dataclasses.replace(alignment, a_window=(0, len(alignment.a_tokens)))
    return dataclasses.replace(whole, similarity=round(evidence_of(whole).similarity, 4))


# The last alignment weighed and its evidence: an alignment's similarity is set from its
# evidence, and the matcher then judges the alignment (a copy with the similarity set) from
# the same evidence (`judge_alignment`).
_last_weighed: tuple[Alignment, Evidence] | None = None


def evidence_of(alignment: Alignment) -> Evidence:
    """What two aligned wordings have in common, weighed by word rarity (`_weigh`), weighed
    once for an alignment and its copies with another similarity."""
    global _last_weighed
    last = _last_weighed
    if (
        last is not None
        and last[0].opcodes is alignment.opcodes
        and last[0].a_tokens is alignment.a_tokens
        and last[0].b_tokens is alignment.b_tokens
        and last[0].a_window == alignment.a_window
        and last[0].b_window == alignment.b_window
    ):
        return last[1]
    evidence = _weigh(alignment)
    _last_weighed = (alignment, evidence)
    return evidence


def _weigh(alignment: Alignment) -> Evidence:
    """What two aligned wordings have in common, weighed by word rarity.

    Inside the windows, words paired equal count once; words left out under an ellipsis are
    set aside on both sides (a quote printed with a marked omission is no less the same
    quote); words only joined or split differently ("front line" / "front-line") pair; an
    editor's words in [brackets] are nobody's and count on neither side.
    """
    a, b = alignment.a_tokens, alignment.b_tokens
    a_lo, a_hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    a_editor, b_editor = _bracketed(a), _bracketed(b)
    paired = a_total = b_total = telling = 0.0
    paired_words = 0
    run: list[Opcode] = []
    for op in (*alignment.opcodes, ("equal", len(a), len(a), len(b), len(b))):
        tag, s1, e1 = op[0], op[1], op[2]
        if tag != "equal":
            run.append(op)
            continue
        if run:
            ia = [i for _, r1, q1, _, _ in run for i in range(max(r1, a_lo), min(q1, a_hi))]
            ib = [j for _, _, _, r2, q2 in run for j in range(max(r2, b_lo), min(q2, b_hi))]
            run_a, run_b = [a[i] for i in ia], [b[j] for j in ib]
            if not _is_marked_omission(run_a, run_b):
                wa = [a[i] for i in ia if a[i].kind not in _MARK_KINDS and i not in a_editor]
                wb = [b[j] for j in ib if b[j].kind not in _MARK_KINDS and j not in b_editor]
                info_a = sum(_weight(t.key)[0] for t in wa)
                info_b = sum(_weight(t.key)[0] for t in wb)
                if wa and _same_words(wa, wb):
                    # One wording written two ways weighs as the lighter of the two, on
                    # both sides, so the measure stays symmetric.
                    info_a = info_b = min(info_a, info_b)
                    paired += info_a
                    paired_words += min(len(wa), len(wb))
                    if any(_weight(t.key)[1] for t in wa):
                        telling += info_a
                a_total += info_a
                b_total += info_b
            run = []
        for i in range(max(s1, a_lo), min(e1, a_hi)):
            t = a[i]
            if t.kind not in _MARK_KINDS and i not in a_editor:
                info, tells = _weight(t.key)
                paired += info
                paired_words += 1
                a_total += info
                b_total += info
                if tells:
                    telling += info
    a_whole, a_words = _whole(a, a_editor)
    b_whole, b_words = _whole(b, b_editor)
    return Evidence(
        paired, a_total, b_total, a_whole, b_whole, telling, paired_words, min(a_words, b_words)
    )


def _whole(tokens: Sequence[Token], editor: frozenset[int]) -> tuple[float, int]:
    """The information of a wording's words, and how many there are (an editor's left out)."""
    info = 0.0
    words = 0
    for i, t in enumerate(tokens):
        if t.kind not in _MARK_KINDS and i not in editor:
            info += _weight(t.key)[0]
            words += 1
    return info, words


# Token kinds that are marks, not words (`Token.is_word` is false for them).
_MARK_KINDS = frozenset({"punct", "ellipsis"})


@functools.lru_cache(maxsize=65536)
def _weight(key: str) -> tuple[float, bool]:
    """A word's information and whether it is telling, looked up once per word."""
    return information(key), is_telling(key)


def _same_words(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """True when two runs of words are one wording: joined or split differently
    (`front line` / `frontline`), or respelled (`organising` / `organizing`, `Qasem` /
    `Qassem`)."""
    ka, kb = [t.key for t in a], [t.key for t in b]
    if "".join(ka) == "".join(kb) or "".join(map(spelling_key, ka)) == "".join(
        map(spelling_key, kb)
    ):
        return True
    return len(a) == len(b) and all(
        x.key == y.key or is_spelling_variant(x.norm, y.norm) for x, y in zip(a, b, strict=True)
    )


def is_negation(token: Token) -> bool:
    """True for a word that negates: not, never, no, nobody, don't, can't ..."""
    return negation_count(token.norm.lower()) > 0


def _bracketed(tokens: Sequence[Token]) -> frozenset[int]:
    """Indices of the words inside [brackets] or (parentheses): an editor's, not the speaker's."""
    if not any(t.text in OPEN_BRACKETS for t in tokens):
        return frozenset()
    inside: set[int] = set()
    depth = 0
    for i, t in enumerate(tokens):
        if t.text in OPEN_BRACKETS:
            depth += 1
        elif t.text in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif depth and t.is_word:
            inside.add(i)
    return frozenset(inside)


def _align_tokens(a: tuple[Token, ...], b: tuple[Token, ...]) -> Alignment:
    ka = [t.key for t in a]
    kb = [t.key for t in b]
    if ka == kb:  # the same words and marks (the common case): nothing to search for
        ops: tuple[Opcode, ...] = (("equal", 0, len(a), 0, len(b)),) if a else ()
        return Alignment(a, b, ops, (0, len(a)), (0, len(b)), 1.0)
    opcodes = tuple(word_opcodes(ka, kb))
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
            return _with_similarity(windowed)
    return _with_similarity(alignment)


def _with_similarity(alignment: Alignment) -> Alignment:
    return dataclasses.replace(alignment, similarity=round(evidence_of(alignment).similarity, 4))


def _finish(a: tuple[Token, ...], b: tuple[Token, ...], opcodes: tuple[Opcode, ...]) -> Alignment:
    """An alignment from whole-sequence opcodes, context trimmed; its similarity is set once
    the better of the whole and the windowed alignment is chosen (`_with_similarity`)."""
    opcodes = shape(opcodes, a, b)
    recut = _recut(opcodes, a, b)
    if recut is not None:
        opcodes = shape(recut, a, b)
    a_window, b_window = _trim_context(opcodes, len(a), len(b), a, b)
    return Alignment(a, b, opcodes, a_window, b_window, 1.0)


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
                    flip(op.tag),
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
    return _finish(a, b, merge_ops(ops))


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


def _trim_context(
    opcodes: tuple[Opcode, ...],
    len_a: int,
    len_b: int,
    a: Sequence[Token],
    b: Sequence[Token],
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Leading and trailing words only one side has are context, when the rest pairs up.

    A fragment quoted from a longer statement aligns with part of it; the words before and
    after that part are not changes. An end counts as context when, beyond the first (or
    last) words both sides print, only one side has words: marks the other side has there
    (the comma a fragment ends on where the longer printing has a full stop) do not stop
    it. A fragment ends where the printings stop matching, so a replaced word before it is
    a change and the end is part of that change.
    """
    a_lo, a_hi, b_lo, b_hi = 0, len_a, 0, len_b
    worded = [
        k
        for k, (tag, s1, e1, _, _) in enumerate(opcodes)
        if tag == "equal" and any(t.is_word for t in a[s1:e1])
    ]
    if not worded:
        return (0, len_a), (0, len_b)
    first, last = worded[0], worded[-1]
    if first > 0:
        a_end, b_end = opcodes[first][1], opcodes[first][3]
        side = _one_sided(a, b, 0, a_end, 0, b_end)
        if side is not None and _is_context(side[0], side[1], side[2], before=True):
            a_lo, b_lo = a_end, b_end
        elif _whole_clauses(opcodes[0], a, b, before=True):
            a_lo, b_lo = opcodes[0][2], opcodes[0][4]
    if last < len(opcodes) - 1:
        a_start, b_start = opcodes[last][2], opcodes[last][4]
        side = _one_sided(a, b, a_start, len_a, b_start, len_b)
        if side is not None and _is_context(side[0], side[1], side[2], before=False):
            a_hi, b_hi = a_start, b_start
        elif _whole_clauses(opcodes[-1], a, b, before=False):
            a_hi, b_hi = opcodes[-1][1], opcodes[-1][3]
    return (a_lo, a_hi), (b_lo, b_hi)


def _recut(
    opcodes: tuple[Opcode, ...], a: Sequence[Token], b: Sequence[Token]
) -> tuple[Opcode, ...] | None:
    """Opcodes realigned so the longer side's earlier (or later) whole clauses stand alone
    as context, when both sides have words before (or after) the first (or last) words they
    share; None when there is nothing to recut.

    "But presidents can't ..." against "I know ... wish they could say, The problem is
    presidents can't ...": "But" stands for "The problem is", and the clause before it is
    what the shorter printing did not quote. Realigned without that clause, the rest pairs
    as a fragment does, and the clause is an edit of its own at the end, which the context
    rule then takes (`_trim_context`).
    """
    worded = [
        k
        for k, (tag, s1, e1, _, _) in enumerate(opcodes)
        if tag == "equal" and any(t.is_word for t in a[s1:e1])
    ]
    if not worded:
        return None
    first, last = opcodes[worded[0]], opcodes[worded[-1]]
    lead = _clause_cut(a, b, (0, first[1]), (0, first[3]), before=True)
    trail = _clause_cut(a, b, (last[2], len(a)), (last[4], len(b)), before=False)
    if lead is None and trail is None:
        return None
    a_lo = lead[1] if lead is not None and lead[0] == "a" else 0
    b_lo = lead[1] if lead is not None and lead[0] == "b" else 0
    a_hi = trail[1] if trail is not None and trail[0] == "a" else len(a)
    b_hi = trail[1] if trail is not None and trail[0] == "b" else len(b)
    inner = word_opcodes([t.key for t in a[a_lo:a_hi]], [t.key for t in b[b_lo:b_hi]])
    ops: list[Opcode] = []
    if a_lo:
        ops.append(("delete", 0, a_lo, 0, 0))
    if b_lo:
        ops.append(("insert", 0, 0, 0, b_lo))
    ops += [(tag, s1 + a_lo, e1 + a_lo, s2 + b_lo, e2 + b_lo) for tag, s1, e1, s2, e2 in inner]
    if a_hi < len(a):
        ops.append(("delete", a_hi, len(a), len(b), len(b)))
    if b_hi < len(b):
        ops.append(("insert", len(a), len(a), b_hi, len(b)))
    return merge_ops(ops)


def _whole_clauses(op: Opcode, a: Sequence[Token], b: Sequence[Token], *, before: bool) -> bool:
    """True for an edit at a quote's start (or end) that is only one side's whole clauses,
    as `_recut` leaves them: context, though the words next to it changed too."""
    tag, s1, e1, s2, e2 = op
    if tag not in ("delete", "insert"):
        return False
    side, lo, hi = (a, s1, e1) if tag == "delete" else (b, s2, e2)
    edge = side[hi - 1] if before else side[lo]
    if edge.norm not in _CLAUSE_MARKS or not any(t.is_word for t in side[lo:hi]):
        return False
    return _is_context(side, lo, hi, before=before)


def _clause_cut(
    a: Sequence[Token],
    b: Sequence[Token],
    a_range: tuple[int, int],
    b_range: tuple[int, int],
    *,
    before: bool,
) -> tuple[str, int] | None:
    """Where the longer side's run before (or after) the shared words is cut into whole
    clauses of context and the few words that stand for the shorter side's: ("a" or "b",
    token index), or None."""
    a_words = sum(1 for t in a[a_range[0] : a_range[1]] if t.is_word)
    b_words = sum(1 for t in b[b_range[0] : b_range[1]] if t.is_word)
    if not a_words or not b_words or a_words == b_words:
        return None
    name, longer, (lo, hi), shorter_words = (
        ("b", b, b_range, a_words) if b_words > a_words else ("a", a, a_range, b_words)
    )
    marks = [i for i in range(lo, hi) if longer[i].norm in _CLAUSE_MARKS]
    if not marks:
        return None
    cut = marks[-1] + 1 if before else marks[0]
    kept = longer[cut:hi] if before else longer[lo:cut]
    if sum(1 for t in kept if t.is_word) > shorter_words + MAX_REPLACED_LEAD:
        return None
    context = (lo, cut) if before else (cut, hi)
    if not any(t.is_word for t in longer[context[0] : context[1]]):
        return None
    if not _is_context(longer, context[0], context[1], before=before):
        return None
    return name, cut


def _one_sided(
    a: Sequence[Token], b: Sequence[Token], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> tuple[Sequence[Token], int, int] | None:
    """The side, and its range, that alone has words in a[a_lo:a_hi] / b[b_lo:b_hi]."""
    a_words = any(t.is_word for t in a[a_lo:a_hi])
    b_words = any(t.is_word for t in b[b_lo:b_hi])
    if a_words == b_words:
        return None
    # The other side may have sentence marks there, never a sign that stands for a word
    # ("1%" for "1 percent" is the same words, not a fragment).
    marks = b[b_lo:b_hi] if a_words else a[a_lo:a_hi]
    if any(t.norm not in _CUT_MARKS for t in marks):
        return None
    side, lo, hi = (a, a_lo, a_hi) if a_words else (b, b_lo, b_hi)
    # Words in [brackets] are an editor's addition to the quote, never context around it.
    editor = _bracketed(side[lo:hi])
    if len(editor) == sum(1 for t in side[lo:hi] if t.is_word):
        return None
    return side, lo, hi


def _is_context(tokens: Sequence[Token], lo: int, hi: int, *, before: bool) -> bool:
    """Words one side has beyond the other's end (tokens[lo:hi]) are context: a fragment.

    A cut is never a negation change, whatever the words left out hold: a sentence or a
    clause left out ("We fixed the roads | , and nobody helped us"), or the second half of
    a split quote ("We saw it coming. | Nobody should be surprised."). The one exception
    is a negation of the kept words themselves, right at the cut: "We will not | raise
    taxes", "raise the fares | not now", or a sentence that is only a negation ("raise
    taxes. | Never."); printed without it, the kept words say the opposite.

    Args:
        tokens: one side's tokens.
        lo: where the words beyond the fragment start.
        hi: where they end.
        before: they stand before the fragment (else after it).
    """
    cut = tokens[lo:hi]
    if not any(t.is_word for t in cut):
        return False
    if before:
        return not (cut[-1].is_word and is_negation(cut[-1]))
    if cut[0].is_word:
        opens_sentence = lo > 0 and (
            tokens[lo - 1].norm in _SENTENCE_END_MARKS or _opens_piece(tokens[lo - 1], cut[0])
        )
        if not opens_sentence:
            return not is_negation(cut[0])
    elif cut[0].norm not in _SENTENCE_END_MARKS:
        return True  # a clause after a comma or a dash: never the kept words' negation
    # A new sentence: a negation only when it is nothing else ("Never.", "Not at all" is more).
    words = []
    for t in cut:
        if t.is_word:
            words.append(t)
        elif words and t.norm in _SENTENCE_END_MARKS:
            break
    return not (len(words) == 1 and is_negation(words[0]))


def _opens_piece(before: Token, word: Token) -> bool:
    """True for the first word of a statement's second piece, joined after the first's comma:
    “We saw it coming,” she said. “Nobody ...” reads "coming, Nobody"; a common word
    capitalised after a comma opens a sentence, where a name would not tell."""
    return before.norm == "," and word.text[:1].isupper() and (zipf(word.key) or 0.0) >= 4.0


# Marks that close a clause: the longer printing's clauses beyond them are a fragment's
# context even where both printings have words there.
_CLAUSE_MARKS = frozenset({".", ",", ";", ":", "!", "?", "...", "\u2014", "\u2013"})
# How many more words the longer printing may have between that clause mark and the first
# shared word than the shorter has before it: "But" for "The problem is".
MAX_REPLACED_LEAD = 3
# Marks a fragment may end on where the longer printing goes on: stops, commas, dashes, quote
# marks and an ellipsis.
_CUT_MARKS = frozenset({".", ",", ";", ":", "!", "?", "...", "-", "\u2014", "\u2013", '"', "'"})
# Marks that end a sentence, for telling a fragment's own sentence from its neighbours.
_SENTENCE_END_MARKS = frozenset({".", "!", "?"})


def _mirror(alignment: Alignment) -> Alignment:
    """The same alignment seen from the other side."""
    opcodes = tuple((flip(tag), s2, e2, s1, e1) for tag, s1, e1, s2, e2 in alignment.opcodes)
    return Alignment(
        alignment.b_tokens,
        alignment.a_tokens,
        opcodes,
        alignment.b_window,
        alignment.a_window,
        alignment.similarity,
        alignment.reworded,
    )
