"""Classification: name every difference of an aligned pair and give the match its verdict.

The verdict comes from categorised changes, never from a similarity score: RapidFuzz rates
"We will not raise taxes" against "We will raise taxes" at 96 to 100, yet a dropped "not"
is the worst change there is. Each change gets one category (docs/taxonomy.md); the match's
verdict and severity follow from its worst change.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from attribution import lexicon as lx
from attribution import quantities as q
from attribution.align import Alignment
from attribution.extract import same_speaker
from attribution.extract.names import first_name_genders
from attribution.matcher import is_content, word_zipf_table
from attribution.model import Change, ChangeCategory, Match, Severity, Speakers, Verdict
from attribution.normalize import (
    CLOSE_BRACKETS,
    OPEN_BRACKETS,
    Token,
    common_words,
    is_name_variant,
    is_spelling_variant,
    negation_count,
    opens_a_phrase,
    spelling_key,
)
from attribution.pairing import Pair

Cat = ChangeCategory

# The default severity of each change category (docs/taxonomy.md).
DEFAULT_SEVERITIES: Mapping[ChangeCategory, Severity] = {
    Cat.PUNCTUATION: Severity.NONE,
    Cat.CASE: Severity.NONE,
    Cat.SPELLING: Severity.NONE,
    Cat.ELLIPSIS: Severity.INFO,
    Cat.BRACKET: Severity.INFO,
    Cat.WORDING: Severity.MAJOR,
    Cat.MODALITY: Severity.MAJOR,
    Cat.NUMBER: Severity.CRITICAL,
    Cat.NEGATION: Severity.CRITICAL,
    Cat.NAME: Severity.CRITICAL,
}
COSMETIC = frozenset({Cat.PUNCTUATION, Cat.CASE, Cat.SPELLING})
EDITORIAL = frozenset({Cat.ELLIPSIS, Cat.BRACKET})

MODALS = lx.MODALS
# fmt: off
# Contracted modals by alignment key (apostrophes dropped): "won't" and "wont" are one word.
_CONTRACTED_MODALS = {
    "wont": "will", "wouldnt": "would", "shant": "shall", "shouldnt": "should",
    "mightnt": "might", "cant": "can", "cannot": "can", "couldnt": "could",
    "mustnt": "must", "neednt": "need",
}
# Contractions spelled out, so "don't" and "do not" compare as one wording.
_CONTRACTIONS = {
    "won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
    "ain't": "is not", "n't": " not", "'re": " are", "'ve": " have", "'ll": " will",
    "'m": " am", "'d": " would", "let's": "let us",
    # "because" clipped, as speech is transcribed ("cause he says what people wish ...").
    "'cause": "because", "cause": "because", "cos": "because", "'cos": "because",
    "cuz": "because",
    # Words run together as they are spoken, which transcribers write either way: a draft
    # that prints the transcript's "gonna" as "going to" (or back) changes no word.
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "kinda": "kind of",
    "sorta": "sort of", "outta": "out of", "lotta": "lot of", "lemme": "let me",
    "gimme": "give me", "em": "them", "'em": "them", "til": "until", "'til": "until",
    "c'mon": "come on", "ok": "okay",
}
# Pronouns and function words capitalised only by their place: never a changed name.
_NOT_PROPER = frozenset(
    {"i", "he", "she", "it", "we", "they", "you", "the", "a", "an", "this", "that", "these",
     "those", "there", "his", "her", "its", "our", "their", "my", "your", "but", "and", "or",
     "so", "if", "when", "what", "who", "why", "how", "in", "on", "at", "for", "to", "of", "as",
     "we're", "i'm", "it's", "that's", "there's", "yes", "no", "not", "now", "then", "well"}
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Policy:
    """How much each finding weighs. The defaults are docs/taxonomy.md's.

    `count_spelling` makes US/UK and transliteration variants a `minor` finding (a house
    style that wants quotes kept letter for letter); `count_editorial=False` stops marked
    omissions and bracketed insertions from being findings at all.
    """

    severities: Mapping[ChangeCategory, Severity] = field(
        default_factory=lambda: dict(DEFAULT_SEVERITIES)
    )
    reworded: Severity = Severity.MAJOR
    speaker_mismatch: Severity = Severity.MAJOR

    @classmethod
    def from_options(cls, *, count_spelling: bool = False, count_editorial: bool = True) -> Policy:
        """The policy for the CLI's `--count-spelling` and `--count-editorial` switches."""
        severities = dict(DEFAULT_SEVERITIES)
        if count_spelling:
            severities[Cat.SPELLING] = Severity.MINOR
        if not count_editorial:
            severities[Cat.ELLIPSIS] = Severity.NONE
            severities[Cat.BRACKET] = Severity.NONE
        return cls(severities=severities)

    def severity(self, category: ChangeCategory) -> Severity:
        """The severity of one change of this category."""
        return self.severities.get(category, DEFAULT_SEVERITIES[category])


DEFAULT_POLICY = Policy()


def classify_alignment(
    alignment: Alignment, a_text: str, b_text: str, *, policy: Policy = DEFAULT_POLICY
) -> tuple[tuple[Change, ...], Verdict, Severity]:
    """Categorise every change of an alignment and decide the verdict.

    Args:
        alignment: the two wordings paired token by token (`align.align_texts`).
        a_text: the first wording, as printed (the alignment's tokens index into it).
        b_text: the second wording, as printed.
        policy: severities to apply.

    Returns:
        The changes in reading order, the verdict and the severity (the worst change's, or
        the policy's for a reworded pair).
    """
    if alignment.reworded:
        return (), Verdict.REWORDED, policy.reworded
    changes = tuple(_changes(alignment, a_text, b_text, policy))
    categories = {c.category for c in changes}
    severity = max((c.severity for c in changes), default=Severity.NONE)
    if categories - COSMETIC - EDITORIAL:
        verdict = Verdict.ALTERED
    elif categories & EDITORIAL:
        verdict = Verdict.EDITORIAL
    elif alignment.is_fragment:
        verdict = Verdict.PARTIAL
    elif changes:
        verdict = Verdict.COSMETIC
    else:
        verdict = Verdict.IDENTICAL
    return changes, verdict, severity


def categorize(
    a_tokens: Sequence[Token],
    b_tokens: Sequence[Token],
    *,
    units_agree: bool = False,
    a_units: Counter[str] | None = None,
    b_units: Counter[str] | None = None,
) -> ChangeCategory:
    """The category of one difference: what `a_tokens` became in `b_tokens`.

    Detectors run from the worst category down, so a replaced span that both changes a
    number and rewords is a `number` change. The exceptions are the marks that tell the
    reader: a number left out under an ellipsis, or added inside brackets, is editorial.

    Args:
        a_tokens: the tokens on one side (empty for an insertion).
        b_tokens: the tokens on the other side (empty for a deletion).
        units_agree: the two whole wordings state the same units (`$`, `%`, `dollars`), so
            a unit moved from a sign to a word here is only a change of format.
        a_units: the units `a_tokens` state, read in their sentence (`percent` after a
            number that is not in the span); from the span alone when not given.
        b_units: the same for `b_tokens`.
    """
    aw = [t for t in a_tokens if t.is_word]
    bw = [t for t in b_tokens if t.is_word]
    ua = q.units(a_tokens) if a_units is None else a_units
    ub = q.units(b_tokens) if b_units is None else b_units
    if not aw and not bw:
        if not units_agree and ua != ub:
            return Cat.NUMBER  # $ became £, or a % sign was dropped: another quantity
        return Cat.PUNCTUATION
    if _joined(aw) == _joined(bw) and (
        _expanded(aw) == _expanded(bw) or not _function_word_join(aw, bw)
    ):
        if _only_case_differs(aw, bw):
            return Cat.CASE
        # "don't" for "do not" (the contraction is split into do + n't, keyed "not"): the
        # same words spelled another way, like a US/UK respelling.
        return Cat.SPELLING if _contracted(aw) != _contracted(bw) else Cat.PUNCTUATION
    # A negation added or dropped reverses the statement, marked or not; "not acceptable"
    # for "unacceptable" reverses nothing.
    if _negation_count(aw) + _prefix_negations(aw, bw) != _negation_count(bw) + _prefix_negations(
        bw, aw
    ):
        return Cat.NEGATION
    omission = _is_marked_omission(a_tokens, aw, b_tokens, bw)
    a_bracketed = _all_bracketed(a_tokens, aw)
    b_bracketed = _all_bracketed(b_tokens, bw)
    if not omission and q.numbers_changed(aw, bw, ua, ub, units_agree=units_agree):
        # An editor's bracketed addition ("[in 2016]") that replaces no number is editorial.
        added_in_brackets = (b_bracketed and not q.number_values(aw)) or (
            a_bracketed and not q.number_values(bw)
        )
        if not added_in_brackets:
            return Cat.NUMBER
    if q.same_quantities_written_differently(aw, bw, ua, ub, units_agree=units_agree):
        return Cat.PUNCTUATION
    if _same_possessives(a_tokens, b_tokens):
        return Cat.SPELLING
    if _name_replaced(aw, bw):
        return Cat.NAME
    if omission:
        return Cat.ELLIPSIS
    if a_bracketed or b_bracketed:
        # What the bracket stands for decides: a pronoun or a role made plain ("[Alvarez]"
        # for "the senator", "[the plan]" for "it") or a word added is the editor's
        # marked help; a content word put in another's place ("[west]" for "east") is the
        # speaker's words changed, marked or not (issue 10).
        replaced = bw if a_bracketed else aw
        if replaced and _negation_count(replaced):
            return Cat.NEGATION  # "[never]" for "not": a negation replaced
        if replaced and _modals(aw) != _modals(bw):
            return Cat.MODALITY  # "[may]" for "will"
        if all(_refers(t) for t in replaced):
            return Cat.BRACKET
    if _modals(aw) != _modals(bw):
        return Cat.MODALITY
    if _same_words_spelled_differently(aw, bw):
        return Cat.SPELLING
    return Cat.WORDING


def _refers(token: Token) -> bool:
    """True for a word a bracket may stand in for: a pronoun, a function word, or a
    role or title naming who is meant (the senator, the agency, the company)."""
    return not is_content(token.key) or token.key in _REFERRING_NOUNS


# Pronouns, and nouns that name who or what is meant rather than say anything of it.
_REFERRING_NOUNS = lx.TITLES | lx.PERSON_NOUNS | lx.SPOKESPERSON_NOUNS | lx.ORG_NOUNS
_REFERRING_NOUNS |= lx.GROUP_NOUNS | frozenset(
    """he she it they him her them his hers its their theirs we us our ours i me my mine
    you your yours this that these those who whom which one ones here there""".split()  # noqa: SIM905
)


def build_match(pair: Pair, *, policy: Policy = DEFAULT_POLICY) -> Match:
    """The match for an aligned pair: changes, verdict, severity and speakers.

    Args:
        pair: two statements and their alignment (`pairing.find_counterparts`).
        policy: severities to apply; a pair credited to two speakers is at least
            `policy.speaker_mismatch`.
    """
    a, b, alignment = pair.a, pair.b, pair.alignment
    changes, verdict, severity = classify_alignment(alignment, a.text, b.text, policy=policy)
    same = same_speaker(a.speaker, b.speaker)
    if same is False:
        severity = max(severity, policy.speaker_mismatch)
    return Match(
        a=a.id,
        b=b.id,
        a_text=a.text,
        b_text=b.text,
        verdict=verdict,
        severity=severity,
        similarity=alignment.similarity,
        speakers=Speakers(a.speaker, b.speaker, same),
        changes=changes,
        a_window=_char_window(alignment.a_tokens, alignment.a_window, len(a.text)),
        b_window=_char_window(alignment.b_tokens, alignment.b_window, len(b.text)),
        a_pieces=pair.a_pieces,
        b_pieces=pair.b_pieces,
    )


def _char_window(tokens: Sequence[Token], window: tuple[int, int], length: int) -> tuple[int, int]:
    lo, hi = window
    if (lo, hi) == (0, len(tokens)) or lo >= hi:
        return (0, length)
    return (tokens[lo].start, tokens[hi - 1].end)


# --- changes ------------------------------------------------------------------------------


def _changes(alignment: Alignment, a_text: str, b_text: str, policy: Policy) -> list[Change]:
    a, b = alignment.a_tokens, alignment.b_tokens
    a_lo, a_hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    if q.UNIT_TEXT_RE.search(a_text) or q.UNIT_TEXT_RE.search(b_text):
        a_marks, b_marks = q.unit_marks(a), q.unit_marks(b)
    else:  # the common case, found at C speed: no unit on either side
        a_marks, b_marks = [""] * len(a), [""] * len(b)
    units_agree = Counter(u for u in a_marks[a_lo:a_hi] if u) == Counter(
        u for u in b_marks[b_lo:b_hi] if u
    )

    def category(s1: int, e1: int, s2: int, e2: int) -> ChangeCategory:
        return categorize(
            a[s1:e1],
            b[s2:e2],
            units_agree=units_agree,
            a_units=Counter(u for u in a_marks[s1:e1] if u),
            b_units=Counter(u for u in b_marks[s2:e2] if u),
        )

    out: list[Change] = []
    for tag, s1, e1, s2, e2 in _blocks(alignment):
        if (e1 <= a_lo and e2 <= b_lo) or (s1 >= a_hi and s2 >= b_hi):
            continue  # context outside the window: the other side quotes only a fragment
        if tag == "equal":
            k = 0
            while k < e1 - s1:
                ta, tb = a[s1 + k], b[s2 + k]
                if ta.norm == tb.norm:
                    k += 1
                    continue
                # A word printed as one (a contraction's halves) changes whole.
                lo, hi = k, k + 1
                while lo > 0 and (_glued(a, s1 + lo) or _glued(b, s2 + lo)):
                    lo -= 1
                while hi < e1 - s1 and (_glued(a, s1 + hi) or _glued(b, s2 + hi)):
                    hi += 1
                if out and lo < k and out[-1].a_end > a[s1 + lo].start:
                    lo = k  # the part before was changed already
                span = (s1 + lo, s1 + hi, s2 + lo, s2 + hi)
                out.append(_change("replace", a_text, b_text, a, b, span, category(*span), policy))
                k = hi
            continue
        op = "insert" if s1 == e1 else "delete" if s2 == e2 else "replace"
        span = (s1, e1, s2, e2)
        change = _change(op, a_text, b_text, a, b, span, category(*span), policy)
        # Words one side lacks at the very end of the other's window sit at that window's
        # end, not at the next word, which lies outside it (after an ellipsis, say).
        if s2 == e2 and 0 < b_hi <= s2 < len(b):
            change = dataclasses.replace(change, b_start=b[b_hi - 1].end, b_end=b[b_hi - 1].end)
        if s1 == e1 and 0 < a_hi <= s1 < len(a):
            change = dataclasses.replace(change, a_start=a[a_hi - 1].end, a_end=a[a_hi - 1].end)
        out.append(change)
    return out


def _change(
    op: str,
    a_text: str,
    b_text: str,
    a: Sequence[Token],
    b: Sequence[Token],
    span: tuple[int, int, int, int],
    category: ChangeCategory,
    policy: Policy,
) -> Change:
    s1, e1, s2, e2 = span
    a_start, a_end = _char_span(a, s1, e1, len(a_text))
    b_start, b_end = _char_span(b, s2, e2, len(b_text))
    return Change(
        op=op,
        a=a_text[a_start:a_end],
        b=b_text[b_start:b_end],
        category=category,
        severity=policy.severity(category),
        a_start=a_start,
        a_end=a_end,
        b_start=b_start,
        b_end=b_end,
    )


def _glued(tokens: Sequence[Token], i: int) -> bool:
    """True when tokens[i - 1] and tokens[i] are two words printed as one (`do` + `n't`)."""
    if i <= 0 or i >= len(tokens):
        return False
    x, y = tokens[i - 1], tokens[i]
    return x.is_word and y.is_word and x.end == y.start


def _char_span(tokens: Sequence[Token], s: int, e: int, length: int) -> tuple[int, int]:
    """Character offsets of tokens[s:e]; an empty range sits where the next token starts."""
    if s < e:
        return tokens[s].start, tokens[e - 1].end
    if s < len(tokens):
        return tokens[s].start, tokens[s].start
    return length, length


Block = tuple[str, int, int, int, int]


def _blocks(alignment: Alignment) -> list[Block]:
    """The alignment's opcodes with neighbouring edits joined into one change each.

    A bracketed or parenthesised group is never split: "terrorist group (IS)" → "IS" is one
    change, not "terrorist group (" deleted and ")" deleted around an equal "IS". An ellipsis
    printed on both sides next to words only one side has belongs to that change: "them. …
    Democratic groups" printed as "…" is one marked omission, not two unmarked deletions.
    """
    a, b = alignment.a_tokens, alignment.b_tokens
    a_lo, a_hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    # Context outside the windows (words around a fragment) never joins a change.
    inside = [
        op
        for op in alignment.opcodes
        if not ((op[2] <= a_lo and op[4] <= b_lo) or (op[1] >= a_hi and op[3] >= b_hi))
    ]
    ops = _absorb_shared_ellipses(inside, a)
    merged: list[Block] = []
    for tag, s1, e1, s2, e2 in ops:
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, p1, _, p2, _ = merged[-1]
            merged[-1] = ("replace", p1, e1, p2, e2)
        else:
            merged.append((tag, s1, e1, s2, e2))
    out: list[Block] = []
    i = 0
    while i < len(merged):
        tag, s1, e1, s2, e2 = merged[i]
        if tag != "equal":
            # Take in following blocks until the brackets this change opens are closed ...
            while (_unbalanced(a[s1:e1]) > 0 or _unbalanced(b[s2:e2]) > 0) and i + 1 < len(merged):
                i += 1
                _, _, e1, _, e2 = merged[i]
            # ... and the blocks before it that open the brackets it closes.
            while (_unbalanced(a[s1:e1]) < 0 or _unbalanced(b[s2:e2]) < 0) and out:
                _, s1, _, s2, _ = out.pop()
            tag = "replace" if s1 < e1 and s2 < e2 else "delete" if s1 < e1 else "insert"
        out.append((tag, s1, e1, s2, e2))
        i += 1
    return out


def _absorb_shared_ellipses(ops: list[Block], a: Sequence[Token]) -> list[Block]:
    """Ellipses both sides print, next to a one-sided edit, join that edit.

    The marks at the edge of an equal run (an ellipsis, with any stops or commas around it)
    are split off and turned into an edit, which the caller then merges with its neighbour.
    """
    out: list[Block] = []
    for k, (tag, s1, e1, s2, e2) in enumerate(ops):
        if tag != "equal":
            out.append((tag, s1, e1, s2, e2))
            continue
        before = k > 0 and ops[k - 1][0] in ("delete", "insert")
        after = k + 1 < len(ops) and ops[k + 1][0] in ("delete", "insert")
        lo, hi = s1, e1
        if before:
            lo = _marks_run_end(a, s1, e1)
        if after:
            hi = _marks_run_start(a, max(lo, s1), e1)
        shift = s2 - s1
        if lo > s1:
            out.append(("replace", s1, lo, s2, lo + shift))
        if hi > lo:
            out.append(("equal", lo, hi, lo + shift, hi + shift))
        if e1 > hi and hi >= lo:
            out.append(("replace", hi, e1, hi + shift, e2))
    return out


def _marks_run_end(tokens: Sequence[Token], start: int, end: int) -> int:
    """End of the marks opening tokens[start:end], if they hold an ellipsis, else `start`."""
    i = start
    while i < end and not tokens[i].is_word:
        i += 1
    return i if any(t.kind == "ellipsis" for t in tokens[start:i]) else start


def _marks_run_start(tokens: Sequence[Token], start: int, end: int) -> int:
    """Start of the marks closing tokens[start:end], if they hold an ellipsis, else `end`."""
    i = end
    while i > start and not tokens[i - 1].is_word:
        i -= 1
    return i if any(t.kind == "ellipsis" for t in tokens[i:end]) else end


def _unbalanced(tokens: Sequence[Token]) -> int:
    """Open brackets minus closed ones in a run of tokens."""
    return sum(1 for t in tokens if t.text in OPEN_BRACKETS) - sum(
        1 for t in tokens if t.text in CLOSE_BRACKETS
    )


# --- detectors ----------------------------------------------------------------------------


def _joined(words: Sequence[Token]) -> str:
    return "".join(t.key for t in words)


def _function_word_join(aw: Sequence[Token], bw: Sequence[Token]) -> bool:
    """True when one side's single word is the other's words closed up after a function
    word: `maybe` / `may be`, `nobody` / `no body` are other words, not a compound written
    two ways (`normalize.opens_a_phrase`). Hyphenated, the words stay the same words
    (`on-the-record` / `on the record`)."""
    for one, run in ((aw, bw), (bw, aw)):
        if len(one) == 1 and len(run) > 1:
            return "-" not in one[0].norm and opens_a_phrase([t.key for t in run])
    return False


def _contracted(words: Sequence[Token]) -> list[str]:
    """The contraction halves printed with an apostrophe (n't, 're, 's ...), lower case."""
    return [t.norm.lower() for t in words if "'" in t.norm and t.key != t.norm.lower()]


def _only_case_differs(aw: Sequence[Token], bw: Sequence[Token]) -> bool:
    a = "".join(t.norm for t in aw)
    b = "".join(t.norm for t in bw)
    return a != b and a.casefold() == b.casefold()


def _expanded(words: Sequence[Token]) -> list[str]:
    """Lower-case words with contractions and run-together words spelled out (don't → do
    not, gonna → going to)."""
    out: list[str] = []
    for t in words:
        w = t.norm.lower()
        if w in _CONTRACTIONS:
            out.extend(_CONTRACTIONS[w].split())
            continue
        for suffix in ("n't", "'re", "'ve", "'ll", "'m", "'d"):
            if w.endswith(suffix) and len(w) > len(suffix):
                out.extend((w[: -len(suffix)] + _CONTRACTIONS[suffix]).split())
                break
        else:
            out.append(w)
    return out


def _negation_count(words: Sequence[Token]) -> int:
    return sum(negation_count(t.norm.lower()) for t in words)


# Prefixes that negate the word they stand on: unacceptable is not acceptable.
_NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis")


def _prefix_negations(words: Sequence[Token], other: Sequence[Token]) -> int:
    """How many words of one side are the other side's words with a negating prefix
    (`unacceptable` where the other prints `acceptable`): negations written into a word."""
    keys = {t.key for t in other}
    return sum(
        1
        for t in words
        if any(t.key.startswith(p) and t.key[len(p) :] in keys for p in _NEGATING_PREFIXES)
    )


def _modals(words: Sequence[Token]) -> Counter[str]:
    found: Counter[str] = Counter()
    for t in words:
        if t.key in MODALS:
            found[t.key] += 1
        elif t.key in _CONTRACTED_MODALS:
            found[_CONTRACTED_MODALS[t.key]] += 1
        else:
            low = t.norm.lower()
            if low.endswith("'ll"):
                found["will"] += 1
            elif low.endswith("'d"):
                found["would"] += 1
    return found


def _proper(words: Sequence[Token]) -> list[Token]:
    """Capitalised words that are names, not pronouns or a common word opening a sentence."""
    common = common_words()
    out = []
    for t in words:
        if not t.text[:1].isupper() or t.key in _NOT_PROPER or t.kind == "number":
            continue
        if t.initial and t.key in common:
            continue
        out.append(t)
    return out


def _named(token: Token) -> bool:
    """True when a capitalised word is a name by more than its capital: a first name, or a
    word no English word list holds (`Ortiz`, `Qassem`). A sentence's first word is
    capitalised whatever it is: `Desert` there is the word, and `Dessert` for it a
    misprint, not another spelling of one name."""
    return token.key in first_name_genders() or token.key not in word_zipf_table()


def _name_replaced(aw: Sequence[Token], bw: Sequence[Token]) -> bool:
    """True when a name on one side stands where another name (not a variant) stands."""
    pa = _proper(aw)
    pb = _proper(bw)
    if not pa or not pb:
        return False
    lost = [x for x in pa if not any(_name_like(x, y) for y in pb)]
    gained = [y for y in pb if not any(_name_like(x, y) for x in pa)]
    return bool(lost and gained)


def _name_like(x: Token, y: Token) -> bool:
    """True when two words name one person or place: the same name, a variant spelling of
    it, or its possessive (`Cruz` and `Cruz's` are one name; what the `'s` changes is the
    wording around it, not who is named)."""
    if x.key == y.key or is_name_variant(x.norm, y.norm) or is_spelling_variant(x.norm, y.norm):
        return True
    bx, by = _name_base(x.norm), _name_base(y.norm)
    if (bx, by) == (x.norm, y.norm):
        return False
    return bx.casefold() == by.casefold() or is_name_variant(bx, by)


def _name_base(word: str) -> str:
    """The name a possessive is made on (`Cruz's`, `Cruz'` and `Cruz` are all `Cruz`)."""
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if word.casefold().endswith(tail) and len(word) > len(tail):
            return word[: -len(tail)]
    return word


def _possessive_base(word: str) -> str | None:
    """The word a possessive of a word ending in s, x or z stands on (`Cruz'` and `Cruz's`
    are both `cruz`), or None for a word that is not written as such a possessive."""
    low = word.casefold()
    for tail in ("'s", "'"):
        if low.endswith(tail) and low[: -len(tail)][-1:] in ("s", "x", "z"):
            return low[: -len(tail)]
    return None


def _same_possessives(a_tokens: Sequence[Token], b_tokens: Sequence[Token]) -> bool:
    """True when two wordings differ only in how a possessive of a word ending in s, x or
    z is written, both ways style guides allow (`Cruz' plan` and `Cruz's plan`, `the boss'`
    and `the boss's`). The tokenizer reads the apostrophe after such a word as a mark of its
    own, so a word and the apostrophe printed right after it are read together."""
    a, b = _possessive_words(a_tokens), _possessive_words(b_tokens)
    return a != b and [_one_possessive(w) for w in a] == [_one_possessive(w) for w in b]


def _one_possessive(word: str) -> str:
    """A possessive of a word ending in s, x or z written one way (`Cruz'` → `cruz's`)."""
    base = _possessive_base(word)
    return word if base is None else base + "'s"


def _possessive_words(words: Sequence[Token]) -> list[str]:
    """The words in lower case, an apostrophe printed right after a word joined to it."""
    out: list[str] = []
    for i, t in enumerate(words):
        if t.is_word:
            out.append(t.norm.lower())
        elif t.norm == "'" and i and words[i - 1].is_word and words[i - 1].end == t.start:
            out[-1] += "'"
    return out


def _all_bracketed(tokens: Sequence[Token], words: Sequence[Token]) -> bool:
    """True when every word of one side is inside [ ] or ( ): an editor's marked insertion."""
    if not words:
        return False
    depth = 0
    inside: set[int] = set()
    for i, t in enumerate(tokens):
        if t.text in OPEN_BRACKETS:
            depth += 1
        elif t.text in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif depth and t.is_word:
            inside.add(i)
    return len(inside) == len(words)


def _is_marked_omission(
    a_tokens: Sequence[Token],
    aw: Sequence[Token],
    b_tokens: Sequence[Token],
    bw: Sequence[Token],
) -> bool:
    """True when one side leaves words out and marks the gap with an ellipsis.

    The marked side's words must all be the other side's (it adds nothing of its own) and
    fewer; an ellipsis the other side also prints does not matter.
    """
    for marked, mw, full in ((b_tokens, bw, aw), (a_tokens, aw, bw)):
        if len(mw) < len(full) and any(t.kind == "ellipsis" for t in marked) and _subset(mw, full):
            return True
    return False


def _subset(small: Sequence[Token], large: Sequence[Token]) -> bool:
    """True when the words of `small` all appear in `large` (the ellipsis side adds nothing)."""
    need = Counter(t.key for t in small)
    have = Counter(t.key for t in large)
    return not (need - have)


def _same_words_spelled_differently(aw: Sequence[Token], bw: Sequence[Token]) -> bool:
    """True for one wording in two spellings: organize/organise, Qasem/Qassem, don't/do not."""
    if _expanded(aw) == _expanded(bw):
        return True
    if len(aw) != len(bw):
        return _joined_spelling(aw) == _joined_spelling(bw) and not _function_word_join(aw, bw)
    return all(x.key == y.key or _respelled(x, y) for x, y in zip(aw, bw, strict=True))


def _respelled(x: Token, y: Token) -> bool:
    """True for one word in two spellings: US/UK, or a name in two romanisations, where the
    capitals say a name (not only a sentence's start: `Desert` / `Dessert`)."""
    if x.initial and y.initial and not (_named(x) or _named(y)):
        return spelling_key(x.key) == spelling_key(y.key)
    return is_spelling_variant(x.norm, y.norm)


def _joined_spelling(words: Sequence[Token]) -> str:
    """Words run together with US/UK spellings folded: `neighbour hood` / `neighborhood`."""
    return "".join(spelling_key(t.key) for t in words)
