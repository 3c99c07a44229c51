"""Normalisation for comparison, done once and explicitly: folded text, word tokens, variant tests.

The report always shows an article's own characters; these forms exist only so that two
printings of a quote can be compared (curly vs straight marks, no-break spaces, `…` vs `...`,
`organize` vs `organise`). Scorers never normalise on their own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

# Every quotation mark and apostrophe form folded to its ASCII counterpart for comparison.
# Guillemets and low-9 marks fold to `"` because they open and close quotes, never apostrophes.
_QUOTE_FOLD = str.maketrans(
    {
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″ (a double prime typed for a quote mark)
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2039": "'",  # ‹
        "\u203a": "'",  # ›
        "\u2032": "'",  # ′
        "`": "'",
        "\u00b4": "'",  # ´
    }
)

# Spaces that are not U+0020 (no-break, thin, ideographic ...) and invisible format characters.
_ODD_SPACE_RE = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE_RE = re.compile(r"[\u00ad\u200b\u200c\u2060\ufeff]")
_SPACE_RUN_RE = re.compile(r"\s+")
# Dash forms folded to one hyphen for comparison; the category detector still sees the original.
_DASH_FOLD = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-"})

# A token is an ellipsis, a dotted abbreviation, a number with digit groups or decimals,
# a word (letters and digits, with inner hyphens or apostrophes), or one other visible character.
# Every alternative is a run of a single class with fixed separators, so matching is linear:
# no nested quantifier can backtrack over the same characters twice.
_TOKEN_RE = re.compile(
    r"""
    (?P<ellipsis>\.(?:[ \u00a0]?\.){2,}|\u2026)
  | (?P<abbr>(?:[^\W\d_]\.){2,})
  | (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\d+\.\d+(?!\w))
  | (?P<word>\w+(?:[-\u2010\u2011'\u2019]\w+)*)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)

OPEN_BRACKETS = frozenset("[(")
CLOSE_BRACKETS = frozenset("])")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or mark of a quote, with where it is printed and its comparison forms.

    `norm` is what `identical` compares (Unicode NFKC, quote marks and spaces folded);
    `key` is what the aligner pairs on (`norm` case-folded, without the hyphens, apostrophes,
    digit-group commas and abbreviation dots that only change how a word is printed).
    """

    text: str
    start: int
    end: int
    norm: str
    key: str
    kind: str  # "word", "number", "abbr", "ellipsis" or "punct"

    @property
    def is_word(self) -> bool:
        """True for words, numbers and abbreviations: what a reader counts as words."""
        return self.kind in ("word", "number", "abbr")


def fold_text(text: str) -> str:
    """Text folded for comparison: NFKC, quote marks straightened, spaces and ellipses unified.

    Args:
        text: any text, as printed.

    Returns:
        The folded text; lengths and offsets differ from the input, so use it only to compare.
    """
    text = _INVISIBLE_RE.sub("", text)
    text = _ODD_SPACE_RE.sub(" ", text)
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD).translate(_DASH_FOLD)
    text = text.replace("\u2026", "...")
    return _SPACE_RUN_RE.sub(" ", text).strip()


def tokenize(text: str) -> tuple[Token, ...]:
    """Split a quote into word and punctuation tokens with offsets into `text`.

    Args:
        text: the quote as printed.

    Returns:
        The tokens in reading order; white space and invisible characters are not tokens.
    """
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group()
        if kind == "punct" and _INVISIBLE_RE.match(raw):
            continue
        norm = _norm_token(raw, kind)
        tokens.append(Token(raw, m.start(), m.end(), norm, _key_token(norm, kind), kind))
    return tuple(tokens)


@functools.lru_cache(maxsize=65536)
def _norm_token(raw: str, kind: str) -> str:
    # Cached: quotes repeat the same few thousand words, and NFKC is the costly step.
    if kind == "ellipsis":
        return "..."
    return unicodedata.normalize("NFKC", raw).translate(_QUOTE_FOLD).translate(_DASH_FOLD)


@functools.lru_cache(maxsize=65536)
def _key_token(norm: str, kind: str) -> str:
    key = norm.casefold()
    if kind == "number":
        return key.replace(",", "")
    if kind == "abbr":
        return key.replace(".", "")
    if kind == "word":
        return key.replace("-", "").replace("'", "")
    return key


def words(text: str) -> list[str]:
    """The alignment keys of the words of `text` (no punctuation), for quick overlap scoring."""
    return [t.key for t in tokenize(text) if t.is_word]


# --- spelling variants --------------------------------------------------------------------

# Regular US/UK spelling rules, each rewriting the UK form to the US one. Applied to both words
# of a pair, so a rule that also touches a word with no variant (`promise` -> `promize`)
# changes both sides alike and cannot make two different words equal, except where noted.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # organise/organize, realisation/realization; `s` after a vowel or consonant is the same rule.
    (re.compile(r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|er|ers|able)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})yse(s|d)?$"), r"yze\1"),
    (re.compile(r"(?<=[a-z]{2})ys(ing)$"), r"yz\1"),
    # colour/color, honourable/honorable; two letters first so `four`/`for`, `your` are kept.
    (
        re.compile(r"(?<=[a-z]{2}[^aeiou])our(s|ed|ing|ite|ites|able|ably|er|ers|ful|less)?$"),
        r"or\1",
    ),
    # centre/center, fibre/fiber, theatre/theater.
    (re.compile(r"(?<=[a-z]{2}[bt])re(s|d)?$"), r"er\1"),
    # defence/defense, offence, licence, pretence.
    (re.compile(r"^(def|off|lic|pret)enc(e|es)$"), r"\1ens\2"),
    # travelled/traveled, cancelling, counsellor: only after an unstressed second syllable,
    # so `filled`/`filed` and `polled`/`poled` stay different words.
    (re.compile(r"([aeiou][^aeiou]{1,3}[aeiou])ll(ed|ing|er|ers|or|ors)$"), r"\1l\2"),
    # catalogue/catalog, dialogue, analogue.
    (re.compile(r"(?<=[a-z]{3})ogue(s|d)?$"), r"og\1"),
    # focussed/focused, biassed.
    (re.compile(r"(?<=[a-z]{3}[aeiou])ss(ed|ing|es)$"), r"s\1"),
)


@functools.cache
def _variant_table() -> dict[str, str]:
    """UK spellings the rules do not cover, mapped to the US form (shipped as package data)."""
    table: dict[str, str] = {}
    data = resources.files("attribution").joinpath("data/spelling_variants.tsv")
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        us, uk = line.split("\t")[:2]
        for suffix in ("", "s", "es", "ed", "d", "ing", "er", "ers", "ly"):
            table[uk + suffix] = us + suffix
    return table


@functools.lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A word's spelling with US/UK differences folded: `organising` and `organizing` agree."""
    word = word.casefold().replace("-", "").replace("'", "")
    table = _variant_table()
    if word in table:
        return table[word]
    for pattern, repl in _SPELLING_RULES:
        word = pattern.sub(repl, word)
    return table.get(word, word)


def is_spelling_variant(a: str, b: str) -> bool:
    """True when `a` and `b` are one word spelled two ways (US/UK, or a transliterated name).

    Args:
        a: a word as printed on one side.
        b: the word it replaces on the other side.
    """
    if a.casefold() == b.casefold():
        return False
    if spelling_key(a) == spelling_key(b):
        return True
    return a[:1].isupper() and b[:1].isupper() and is_name_variant(a, b)


# Letters that transliterations of one sound swap (Qasem/Kasem, Philipp/Filip).
_SKELETON_FOLD = (("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"), ("z", "s"))
_VOWELS = frozenset("aeiouy")


@functools.lru_cache(maxsize=16384)
def name_skeleton(name: str) -> str:
    """A name's consonants in order, doubled letters collapsed and sound-alike letters folded.

    `Qasem`, `Qassem` and `Kasem` share `ksm`; `Adel`/`Adil` share `adl` (a first vowel is kept
    so that names differing in their first sound stay apart).
    """
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if ch.isalpha())
    for old, new in _SKELETON_FOLD:
        s = s.replace(old, new)
    if not s:
        return s
    head, rest = s[0], s[1:]
    rest = "".join(ch for ch in rest if ch not in _VOWELS and ch != "h")
    out = [head]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def is_name_variant(a: str, b: str) -> bool:
    """True when two spellings of a proper name are transliterations of one name.

    `Qasem`/`Qassem`, `Adel`/`Adil`, `Mohammed`/`Muhammad` are variants; `Ortega`/`Ortiz` are
    not. Very short names must differ only in doubled letters, so `Dan`/`Don` stay two people.
    """
    if a.casefold() == b.casefold():
        return True
    ka, kb = name_skeleton(a), name_skeleton(b)
    if not ka or ka != kb:
        return False
    if min(len(a), len(b)) < 4:
        return _collapse_doubles(a.casefold()) == _collapse_doubles(b.casefold())
    return True


def _collapse_doubles(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)
