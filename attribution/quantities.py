"""Quantities: the numbers and units a run of words states, so a `number` change compares
values, not the way they are written (`fifty` / `50`, `2.4 million` / `2,400,000`, `50%` /
`50 percent`). Separate from `classify.py`, which only asks whether two runs state the same.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from attribution.normalize import Token

# fmt: off
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
# Scale words that state a quantity by themselves ("a million votes", "thousands of people");
# the one-letter abbreviations do so only after a number ("5m").
_LONE_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "trillion": 1e12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
                "billions": 1e9, "trillions": 1e12, "dozens": 12}
# "one" is a number unless it stands for a person or thing: "no one", "the one", "this one".
_ONE_AS_PRONOUN_AFTER = frozenset({"no", "the", "this", "that", "every", "any", "some", "each",
                                   "which", "anyone", "someone"})
_DIGITS_RE = re.compile(r"^(\d+(?:\.\d+)?)(st|nd|rd|th|s|k|m|bn)?$")
# Digits inside a longer word: mid-30s, 90's, $12-an-hour, Future45.
_INNER_DIGITS_RE = re.compile(r"\d+(?:\.\d+)?")
# What a quantity is counted in; a sign and a word for one unit are one unit written two ways.
_UNIT_MARKS = {
    "%": "%", "percent": "%", "pct": "%", "$": "$", "dollar": "$", "dollars": "$", "usd": "$",
    "£": "£", "pound": "£", "pounds": "£", "gbp": "£", "€": "€", "euro": "€", "euros": "€",
    "eur": "€", "¥": "¥", "yen": "¥", "¢": "¢", "cent": "¢", "cents": "¢",
}

def number_values(words: Sequence[Token]) -> list[float]:
    """The numeric values a run of words states: `2.4 million`, `Eleven`, `21st`, `mid-30s`.

    A value written two ways (`fifty` and `50`, `2,400` and `2400`) gives one number; a scale
    word alone is a quantity (`a million votes`, `thousands of people`).
    """
    values: list[float] = []
    current: float | None = None  # a number being read over several words
    prev = ""
    for t in words:
        for part in _number_parts(t):
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
            elif part in _LONE_SCALES:
                if current is not None:
                    values.append(current)
                    current = None
                values.append(_LONE_SCALES[part])
            elif part == "and" and current is not None and current >= 100:
                pass  # two hundred and five
            else:
                if current is not None:
                    values.append(current)
                    current = None
                if part[:1].isdigit() or any(ch.isdigit() for ch in part):
                    values.extend(float(d) for d in _INNER_DIGITS_RE.findall(part))
            prev = part
    if current is not None:
        values.append(current)
    return values


@functools.lru_cache(maxsize=16384)
def _split_number_word(norm: str) -> tuple[str, ...]:
    """A word's parts as numbers read them: `twenty-one` → twenty, one; `2,400` → 2400."""
    w = norm.lower().replace(",", "")
    if "-" in w:
        return tuple(p for p in w.split("-") if p)
    return (w,)


def _number_parts(token: Token) -> tuple[str, ...]:
    if token.kind == "number":
        return (token.key,)
    return _split_number_word(token.norm)


@functools.lru_cache(maxsize=16384)
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


def units(tokens: Sequence[Token]) -> Counter[str]:
    """The units quantities are stated in: `$`, `dollars` → $; `%`, `percent`, `per cent` → %."""
    return Counter(u for u in unit_marks(tokens) if u)


def unit_marks(tokens: Sequence[Token]) -> list[str]:
    """For each token, the unit it states a quantity in, or "".

    A sign (`$`, `%`) is always a unit; a word (`dollars`, `percent`, `per cent`) only right
    after a number, so "more bang for the euro" states no quantity.
    """
    if not any(t.key in _UNIT_MARKS for t in tokens):
        return [""] * len(tokens)  # the common case: no unit at all
    out: list[str] = []
    after_number = False
    for i, t in enumerate(tokens):
        key = t.key
        unit = ""
        if t.kind == "punct":
            unit = _UNIT_MARKS.get(key, "") if key in _UNIT_SIGNS else ""
        elif after_number and key in _UNIT_MARKS:
            unit = _UNIT_MARKS[key]
        elif after_number and key == "cent" and i and tokens[i - 1].key == "per":
            unit = "%"
        out.append(unit)
        if t.is_word:
            after_number = _states_number(t) or (after_number and key == "per")
    return out


_UNIT_SIGNS = frozenset({"%", "$", "£", "€", "¥", "¢"})


def _states_number(token: Token) -> bool:
    return token.key in _SCALES or _norm_states_number(token.norm, token.kind)


@functools.lru_cache(maxsize=16384)
def _norm_states_number(norm: str, kind: str) -> bool:
    return bool(number_values((Token(norm, 0, len(norm), norm, norm.casefold(), kind),)))


# Anything that could be a unit: the signs (and their full-width forms, which NFKC folds to
# them), and the words in any case. A cheap first look before reading token by token.
UNIT_TEXT_RE = re.compile(
    r"[%$\u00a3\u20ac\u00a5\u00a2\uff05\uff04\uffe1\uffe5\uffe0]"
    r"|dollar|percent|pct|pound|euro|yen|cent|usd|gbp|eur",
    re.IGNORECASE,
)


def numbers_changed(
    aw: Sequence[Token],
    bw: Sequence[Token],
    ua: Counter[str],
    ub: Counter[str],
    *,
    units_agree: bool,
) -> bool:
    """True when a stated value, or the unit it is counted in, differs."""
    if Counter(number_values(aw)) != Counter(number_values(bw)):
        return True
    return not units_agree and ua != ub


# Words that only spell out how a number is written: "fifty" / "50", "50%" / "50 percent".
_NUMBER_FORMAT_WORDS = frozenset({"and", "per", "a"})


def same_quantities_written_differently(
    aw: Sequence[Token],
    bw: Sequence[Token],
    ua: Counter[str],
    ub: Counter[str],
    *,
    units_agree: bool,
) -> bool:
    """True for one quantity in two forms: fifty / 50, 2.4 million / 2,400,000, 50% / 50 percent."""
    values = Counter(number_values(aw))
    if not (values or ua or ub) or values != Counter(number_values(bw)):
        return False
    if ua != ub and not units_agree:
        return False
    return _non_number_words(aw) == _non_number_words(bw)


def _non_number_words(words: Sequence[Token]) -> list[str]:
    out = []
    for t in words:
        parts = _number_parts(t)
        if all(
            _word_value(p, "") is not None
            or p in _SCALES
            or p in _LONE_SCALES
            or p in _UNIT_MARKS
            or p in _NUMBER_FORMAT_WORDS
            or p == "cent"
            for p in parts
        ):
            continue
        out.append(t.key)
    return out
