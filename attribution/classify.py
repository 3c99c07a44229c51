"""Classification: name every difference of an aligned pair and give the match its verdict.

The verdict comes from categorised changes, never from a similarity score: RapidFuzz rates
"We will not raise taxes" against "We will raise taxes" at 96 to 100, yet a dropped "not"
is the worst change there is. Each change gets one SPEC category; the match's verdict and
severity follow from its worst change.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from attribution import lexicon as lx
from attribution.align import Alignment
from attribution.model import Change, ChangeCategory, Severity, Verdict
from attribution.normalize import (
    CLOSE_BRACKETS,
    OPEN_BRACKETS,
    Token,
    is_name_variant,
    is_spelling_variant,
)

Cat = ChangeCategory

# SPEC.md's default severity of each change category.
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

NEGATIONS = lx.NEGATIONS
MODALS = lx.MODALS
# fmt: off
_CONTRACTED_MODALS = {
    "won't": "will", "wouldn't": "would", "shan't": "shall", "shouldn't": "should",
    "mightn't": "might", "can't": "can", "cannot": "can", "couldn't": "could",
    "mustn't": "must", "needn't": "need", "'ll": "will", "'d": "would",
}
# Contractions spelled out, so "don't" and "do not" compare as one wording.
_CONTRACTIONS = {
    "won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
    "ain't": "is not", "n't": " not", "'re": " are", "'ve": " have", "'ll": " will",
    "'m": " am", "'d": " would", "let's": "let us",
}
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "bn": 1e9}
# "one" is a number unless it stands for a person or thing: "no one", "the one", "this one".
_ONE_AS_PRONOUN_AFTER = frozenset({"no", "the", "this", "that", "every", "any", "some", "each",
                                   "which", "anyone", "someone"})
_DIGITS_RE = re.compile(r"^(\d+(?:\.\d+)?)(st|nd|rd|th|s|k|m|bn)?$")
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
    """How much each finding weighs. The defaults are SPEC.md's.

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
    a_tokens: Sequence[Token], b_tokens: Sequence[Token], *, at_start: bool = False
) -> ChangeCategory:
    """The category of one difference: what `a_tokens` became in `b_tokens`.

    Detectors run from the worst category down, so a replaced span that both changes a
    number and rewords is a `number` change.

    Args:
        a_tokens: the tokens on one side (empty for an insertion).
        b_tokens: the tokens on the other side (empty for a deletion).
        at_start: the span opens the quote, where a capital letter says nothing of a name.
    """
    aw = [t for t in a_tokens if t.is_word]
    bw = [t for t in b_tokens if t.is_word]
    if not aw and not bw:
        return Cat.PUNCTUATION
    if _joined(aw) == _joined(bw):
        return Cat.CASE if _only_case_differs(aw, bw) else Cat.PUNCTUATION
    if _negation_count(aw) != _negation_count(bw):
        return Cat.NEGATION
    a_ellipsis = any(t.kind == "ellipsis" for t in a_tokens)
    b_ellipsis = any(t.kind == "ellipsis" for t in b_tokens)
    if _numbers_changed(aw, bw, marked=a_ellipsis or b_ellipsis):
        return Cat.NUMBER
    if _same_values_written_differently(aw, bw):
        return Cat.PUNCTUATION
    if _name_replaced(aw, bw, at_start=at_start):
        return Cat.NAME
    if _modals(aw) != _modals(bw):
        return Cat.MODALITY
    if _all_bracketed(a_tokens, aw) or _all_bracketed(b_tokens, bw):
        return Cat.BRACKET
    if (b_ellipsis and not a_ellipsis and _subset(bw, aw)) or (
        a_ellipsis and not b_ellipsis and _subset(aw, bw)
    ):
        return Cat.ELLIPSIS
    if _same_words_spelled_differently(aw, bw):
        return Cat.SPELLING
    return Cat.WORDING


# --- changes ------------------------------------------------------------------------------


def _changes(alignment: Alignment, a_text: str, b_text: str, policy: Policy) -> list[Change]:
    a, b = alignment.a_tokens, alignment.b_tokens
    a_lo, a_hi = alignment.a_window
    b_lo, b_hi = alignment.b_window
    out: list[Change] = []
    for tag, s1, e1, s2, e2 in _blocks(alignment):
        if (e1 <= a_lo and e2 <= b_lo) or (s1 >= a_hi and s2 >= b_hi):
            continue  # context outside the window: the other side quotes only a fragment
        if tag == "equal":
            for k in range(e1 - s1):
                ta, tb = a[s1 + k], b[s2 + k]
                if ta.norm != tb.norm:
                    category = categorize((ta,), (tb,), at_start=s1 + k == 0)
                    out.append(
                        _change(
                            "replace",
                            a_text,
                            b_text,
                            a,
                            b,
                            s1=s1 + k,
                            e1=s1 + k + 1,
                            s2=s2 + k,
                            e2=s2 + k + 1,
                            category=category,
                            policy=policy,
                        )
                    )
            continue
        category = categorize(a[s1:e1], b[s2:e2], at_start=s1 == 0 or s2 == 0)
        op = "insert" if s1 == e1 else "delete" if s2 == e2 else "replace"
        out.append(
            _change(
                op,
                a_text,
                b_text,
                a,
                b,
                s1=s1,
                e1=e1,
                s2=s2,
                e2=e2,
                category=category,
                policy=policy,
            )
        )
    return out


def _change(
    op: str,
    a_text: str,
    b_text: str,
    a: Sequence[Token],
    b: Sequence[Token],
    *,
    s1: int,
    e1: int,
    s2: int,
    e2: int,
    category: ChangeCategory,
    policy: Policy,
) -> Change:
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
    change, not "terrorist group (" deleted and ")" deleted around an equal "IS".
    """
    merged: list[Block] = []
    for tag, s1, e1, s2, e2 in alignment.opcodes:
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, p1, _, p2, _ = merged[-1]
            merged[-1] = ("replace", p1, e1, p2, e2)
        else:
            merged.append((tag, s1, e1, s2, e2))
    a, b = alignment.a_tokens, alignment.b_tokens
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


def _unbalanced(tokens: Sequence[Token]) -> int:
    """Open brackets minus closed ones in a run of tokens."""
    return sum(1 for t in tokens if t.text in OPEN_BRACKETS) - sum(
        1 for t in tokens if t.text in CLOSE_BRACKETS
    )


# --- detectors ----------------------------------------------------------------------------


def _joined(words: Sequence[Token]) -> str:
    return "".join(t.key for t in words)


def _only_case_differs(aw: Sequence[Token], bw: Sequence[Token]) -> bool:
    a = "".join(t.norm for t in aw)
    b = "".join(t.norm for t in bw)
    return a != b and a.casefold() == b.casefold()


def _expanded(words: Sequence[Token]) -> list[str]:
    """Lower-case words with contractions spelled out: don't → do not."""
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
    return sum(1 for w in _expanded(words) if w in NEGATIONS)


def _modals(words: Sequence[Token]) -> Counter[str]:
    found: Counter[str] = Counter()
    for t in words:
        w = t.norm.lower()
        if w in MODALS:
            found[w] += 1
        elif w in _CONTRACTED_MODALS:
            found[_CONTRACTED_MODALS[w]] += 1
        else:
            for suffix, modal in (("'ll", "will"), ("'d", "would")):
                if w.endswith(suffix):
                    found[modal] += 1
    return found


def number_values(words: Sequence[Token]) -> list[float]:
    """The numeric values a run of words states: `2.4 million`, `Eleven`, `21st`, `50%`.

    A value written two ways (`fifty` and `50`, `2,400` and `2400`) gives one number.
    """
    values: list[float] = []
    current: float | None = None  # a number being read over several words
    prev = ""
    for t in words:
        w = t.norm.lower().replace(",", "")
        parts = (
            w.split("-")
            if "-" in w and all(p in _UNITS or p in _ORDINALS for p in w.split("-"))
            else [w]
        )
        for part in parts:
            value = _word_value(part, prev)
            scale = _SCALES.get(part)
            if value is not None:
                if current is not None and current >= 20 and value < 10 and current % 10 == 0:
                    current += value  # twenty one
                else:
                    if current is not None:
                        values.append(current)
                    current = value
            elif scale is not None and current is not None:
                if scale == 100:
                    current *= scale
                else:
                    values.append(current * scale)
                    current = None
            elif part == "and" and current is not None and current >= 100:
                pass  # two hundred and five
            else:
                if current is not None:
                    values.append(current)
                    current = None
            prev = part
    if current is not None:
        values.append(current)
    return values


@functools.lru_cache(maxsize=4096)
def _word_value(word: str, prev: str) -> float | None:
    m = _DIGITS_RE.match(word)
    if m:
        value = float(m.group(1))
        suffix = m.group(2)
        if suffix in _SCALES:
            value *= _SCALES[suffix]
        return value
    if word == "one" and prev in _ONE_AS_PRONOUN_AFTER:
        return None
    if word in _UNITS:
        return float(_UNITS[word])
    if word in _ORDINALS:
        return float(_ORDINALS[word])
    return None


def _numbers_changed(aw: Sequence[Token], bw: Sequence[Token], *, marked: bool) -> bool:
    """True when a stated value differs; a number left out under an ellipsis is an omission."""
    va, vb = Counter(number_values(aw)), Counter(number_values(bw))
    if va == vb:
        return False
    if va and vb:
        return True
    return not marked


# Words that only spell out how a number is written: "fifty" / "50", "50%" / "50 percent".
_NUMBER_FORMAT_WORDS = frozenset({"and", "percent", "per", "cent", "pct"})


def _same_values_written_differently(aw: Sequence[Token], bw: Sequence[Token]) -> bool:
    """True for one value in two forms: fifty / 50, 2.4 million / 2,400,000, 50% / 50 percent."""
    values = number_values(aw)
    if not values or Counter(values) != Counter(number_values(bw)):
        return False
    return _non_number_words(aw) == _non_number_words(bw)


def _non_number_words(words: Sequence[Token]) -> list[str]:
    out = []
    for t in words:
        key = t.key
        if _word_value(key, "") is not None or key in _SCALES or key in _NUMBER_FORMAT_WORDS:
            continue
        if "-" in t.norm and all(p in _UNITS or p in _ORDINALS for p in t.norm.lower().split("-")):
            continue
        out.append(key)
    return out


def _proper(words: Sequence[Token], *, at_start: bool) -> list[Token]:
    """Capitalised words that are names, not pronouns or a sentence's first word."""
    out = []
    for i, t in enumerate(words):
        if not t.text[:1].isupper() or t.key in _NOT_PROPER or t.kind == "number":
            continue
        if i == 0 and at_start and t.key in _COMMON_SENTENCE_STARTS:
            continue
        out.append(t)
    return out


# Capitalised at the start of a quote, these are ordinary words, not names.
_COMMON_SENTENCE_STARTS = frozenset(
    {
        "we",
        "our",
        "in",
        "it",
        "this",
        "there",
        "they",
        "today",
        "yesterday",
        "now",
        "no",
        "yes",
        "all",
        "every",
        "some",
        "many",
        "most",
        "for",
        "with",
        "after",
        "before",
        "while",
        "when",
        "if",
        "as",
        "at",
        "on",
        "by",
        "from",
        "to",
        "what",
        "why",
        "how",
        "where",
        "who",
    }
)


def _name_replaced(aw: Sequence[Token], bw: Sequence[Token], *, at_start: bool) -> bool:
    """True when a name on one side stands where another name (not a variant) stands."""
    pa = _proper(aw, at_start=at_start)
    pb = _proper(bw, at_start=at_start)
    if not pa or not pb:
        return False
    lost = [x for x in pa if not any(_name_like(x, y) for y in pb)]
    gained = [y for y in pb if not any(_name_like(x, y) for x in pa)]
    return bool(lost and gained)


def _name_like(x: Token, y: Token) -> bool:
    return x.key == y.key or is_name_variant(x.norm, y.norm) or is_spelling_variant(x.norm, y.norm)


def _all_bracketed(tokens: Sequence[Token], words: Sequence[Token]) -> bool:
    """True when every word of one side is inside [ ] or ( ): an editor's marked insertion."""
    if not words:
        return False
    depth = 0
    inside: set[int] = set()
    for t in tokens:
        if t.text in OPEN_BRACKETS:
            depth += 1
        elif t.text in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif depth and t.is_word:
            inside.add(id(t))
    return all(id(t) in inside for t in words)


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
        return False
    return all(
        x.key == y.key or is_spelling_variant(x.norm, y.norm) for x, y in zip(aw, bw, strict=True)
    )
