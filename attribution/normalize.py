"""Normalisation for comparison, done once and explicitly: folded text, word tokens, variant tests.

The report always shows an article's own characters; these forms exist only so that two
printings of a quote can be compared (curly vs straight marks, no-break spaces, `…` vs `...`,
`organize` vs `organise`). Scorers never normalise on their own.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from importlib import resources
from typing import NamedTuple

from attribution import lexicon as lx
from attribution.transliteration import blocking_key, fold_name, known_variants, same_romanisation

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

# A token is an ellipsis (three dots, spaced or not, however the spaces are typed, or `…`),
# a dotted abbreviation, a number with digit groups or decimals, a word (letters and
# digits, with inner hyphens or apostrophes, and an editor's bracketed first letter as in
# `[T]he`), or one other visible character.
# A fourth dot after an ellipsis is the sentence's full stop, its own token, so `that….` and
# `that....` tokenize alike. Every alternative is a run of a single class with fixed
# separators, so matching is linear: no nested quantifier can backtrack over the same text.
# A number glued to its scale word ("2.6million", "2.6m", "40bn") is its own token, so it
# pairs with the same number printed apart from the scale ("2.6 million").
_TOKEN_RE = re.compile(
    r"""
    (?P<ellipsis>\.\.\.|\u2026
      |\.[ \u00a0\u2009\u202f\u200b]{1,3}\.[ \u00a0\u2009\u202f\u200b]{1,3}\.)
  | (?P<abbr>(?:[^\W\d_]\.){2,})
  | (?P<glued>\d+(?:\.\d+)?(?=(?i:million|billion|trillion|thousand|mn|bn|tn|m|k)(?!\w)))
  | (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\d+\.\d+(?!\w))
  | (?P<word>(?:\[[^\W\d_]\](?=\w))?\w+(?:[-\u2010\u2011'\u2019]\w+)*)
  | (?P<punct>[^\w\s])
    """,
    re.VERBOSE,
)

# Contractions are two words, as a reader hears them: "don't" is do + n't (not), "we're" is
# we + 're (are), "He's" is He + 's (is); split, "don't" pairs with "do not" and a fragment
# starting "is right" with "He's right" word for word. An 's is split only after a pronoun
# ("it's", "that's"): after a noun it is a possessive ("Iraq's"), one word.
_CONTRACTION_RE = re.compile(r"([^\W\d_]+?)(n['\u2019]t|['\u2019](?:re|ve|ll|m|d|s))", re.I)
_CONTRACTION_KEYS = {
    "n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am", "'d": "would",
    "'s": "is",
}  # fmt: skip
# The first halves of negative contractions that are not words of their own.
_NEGATIVE_HEADS = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_S_AS_IS = frozenset(
    {"he", "she", "it", "that", "there", "here", "what", "who", "where", "how", "when", "why",
     "let"}
)  # fmt: skip
# Scale words abbreviated after a glued number, keyed as the word: "2.6m" is 2.6 million.
_SCALE_ABBREVIATIONS = {"m": "million", "mn": "million", "bn": "billion", "tn": "trillion",
                        "k": "thousand"}  # fmt: skip

OPEN_BRACKETS = frozenset("[(")
CLOSE_BRACKETS = frozenset("])")
# Marks after which the next word opens a sentence (and may be capitalised for that alone).
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "..."})
# Marks that stand between a sentence end and the next word without ending anything.
_TRANSPARENT = frozenset({'"', "'", "(", "[", "-", "\u2014", "\u2013"})


class Token(NamedTuple):
    """A word or mark of a quote, with where it is printed and its comparison forms.

    `norm` is what `identical` compares (Unicode NFKC, quote marks and spaces folded);
    `key` is what the aligner pairs on (`norm` case-folded, without the hyphens, apostrophes,
    digit-group commas, abbreviation dots and editor's brackets that only change how a word
    is printed). `initial` is true for a word that opens the text or a sentence in it.
    Not a dataclass: an article has tens of thousands of tokens, and a tuple is made several
    times faster than a frozen dataclass.
    """

    text: str
    start: int
    end: int
    norm: str
    key: str
    kind: str  # "word", "number", "abbr", "ellipsis" or "punct"
    initial: bool = False

    @property
    def is_word(self) -> bool:
        """True for words, numbers and abbreviations: what a reader counts as words."""
        return self.kind != "punct" and self.kind != "ellipsis"


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
        A contraction is two tokens (`do` + `n't`), a number glued to its scale two more
        (`2.6` + `million`).
    """
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__  # Token's own __new__ is a Python function; this is the same tuple
    opens = True  # the next word opens a sentence
    glued = False  # the previous token was a number glued to a scale word
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group()
        start, end = m.span()
        if kind == "word" and (glued or "'" in raw or "\u2019" in raw):
            for part in _word_parts(raw, start, glued):
                append(make(Token, (*part, opens)))
                opens = False
            glued = False
            continue
        if kind == "glued":
            kind, glued = "number", True
        else:
            glued = False
        norm, key, mark = _forms(raw, kind)
        if mark:
            if norm:  # an invisible character is no token
                append(make(Token, (raw, start, end, norm, key, kind, False)))
                if norm in _SENTENCE_ENDS:
                    opens = True
                elif norm not in _TRANSPARENT:
                    opens = False
            continue
        append(make(Token, (raw, start, end, norm, key, kind, opens)))
        opens = False
    return tuple(tokens)


@functools.lru_cache(maxsize=16384)
def _word_parts(
    raw: str, start: int, after_glued: bool
) -> tuple[tuple[str, int, int, str, str, str], ...]:
    """A word's tokens (text, start, end, norm, key, kind): itself, or a contraction's two
    halves, or a scale word after a glued number keyed in full (`m` as `million`)."""
    norm, key, _ = _forms(raw, "word")
    if after_glued and key in _SCALE_ABBREVIATIONS:
        return ((raw, start, start + len(raw), norm, _SCALE_ABBREVIATIONS[key], "word"),)
    m = _CONTRACTION_RE.fullmatch(raw)
    if m is None:
        return ((raw, start, start + len(raw), norm, key, "word"),)
    head, tail = m.group(1), m.group(2)
    tail_form = tail.lower().replace("\u2019", "'")
    head_key = head.casefold()
    if tail_form == "'s" and head_key not in _S_AS_IS:
        return ((raw, start, start + len(raw), norm, key, "word"),)
    tail_key = "us" if head_key == "let" else _CONTRACTION_KEYS[tail_form]
    if tail_form == "n't":
        head_key = _NEGATIVE_HEADS.get(head_key, head_key)
    mid = start + len(head)
    head_norm, _, _ = _forms(head, "word")
    tail_norm, _, _ = _forms(tail, "word")
    return (
        (head, start, mid, head_norm, head_key, "word"),
        (tail, mid, mid + len(tail), tail_norm, tail_key, "word"),
    )


@functools.lru_cache(maxsize=65536)
def _forms(raw: str, kind: str) -> tuple[str, str, bool]:
    """A token's `norm`, its `key`, and whether it is a mark (not a word); cached, since
    quotes repeat the same few thousand words and NFKC is the costly step."""
    if kind == "ellipsis":
        return "...", "...", True
    if kind == "glued":
        kind = "number"
    if kind == "punct" and _INVISIBLE_RE.match(raw):
        return "", "", True
    norm = unicodedata.normalize("NFKC", raw).translate(_QUOTE_FOLD).translate(_DASH_FOLD)
    key = norm.casefold()
    if kind == "number":
        key = key.replace(",", "")
    elif kind == "abbr":
        key = key.replace(".", "")
    elif kind == "word":
        key = key.replace("-", "").replace("'", "").replace("[", "").replace("]", "")
    return norm, key, kind == "punct"


# The token pattern without its single-mark alternative: the same words at the same offsets
# (a mark never starts a word), found without stopping at every comma and stop.
_WORD_TOKEN_RE = re.compile(_TOKEN_RE.pattern.rsplit("|", 1)[0], re.VERBOSE)


def word_keys(text: str) -> tuple[list[str], list[int], list[int]]:
    """The alignment keys of a text's words, with their start and end offsets.

    What `tokenize` gives for its words, without building tokens: for a whole article,
    searched for a quote's words, building tokens would cost more than the search.

    Returns:
        (keys, starts, ends), one entry per word in reading order.
    """
    keys: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    glued = False
    for m in _WORD_TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind is None or kind == "ellipsis":
            continue
        raw = m.group()
        start, end = m.span()
        if kind == "word" and (glued or "'" in raw or "\u2019" in raw):
            for _, s, e, _, key, _ in _word_parts(raw, start, glued):
                keys.append(key)
                starts.append(s)
                ends.append(e)
        else:
            keys.append(_forms(raw, kind)[1])
            starts.append(start)
            ends.append(end)
        glued = kind == "glued"
    return keys, starts, ends


def words(text: str) -> list[str]:
    """The alignment keys of the words of `text` (no punctuation), for quick overlap scoring."""
    return [t.key for t in tokenize(text) if t.is_word]


# --- negation ---------------------------------------------------------------------------

# Words that negate what they stand in. "hardly", "barely" and "scarcely" deny as surely as
# "not" ("he hardly knew her"); "no one" is two words, and "no" is counted.
NEGATION_WORDS = frozenset(
    {
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without",
        "cannot", "nowhere", "noone", "nope", "nay", "hardly", "barely", "scarcely",
    }
)  # fmt: skip
# Negative contractions written without their apostrophe: `dont`, `isnt`, `cant`.
_BARE_NEGATIVES = frozenset(
    {
        "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt",
        "wouldnt", "shouldnt", "wont", "havent", "hasnt", "hadnt", "aint", "mustnt",
        "neednt", "shant", "mightnt", "darent", "oughtnt",
    }
)  # fmt: skip


def negation_count(key: str) -> int:
    """How many negations one word holds: 1 for `not`, `never`, `don't`, `cannot`, else 0.

    Args:
        key: the word's alignment key (`Token.key`), or any lower-case word.
    """
    if key in NEGATION_WORDS or key in _BARE_NEGATIVES:
        return 1
    return 1 if key.endswith("n't") or key.endswith("n\u2019t") else 0


# --- spelling variants --------------------------------------------------------------------

# Regular US/UK spelling rules, each rewriting the UK form to the US one. Applied to both words
# of a pair, so a rule that also touches a word with no variant (`promise` -> `promize`)
# changes both sides alike and cannot make two different words equal, except where noted.
# Every pattern is anchored at the word's end with bounded repeats: no backtracking blow-up.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # organise/organize, realisation/realization, organisational; after two letters so
    # `rise`, `wise` are kept.
    (
        re.compile(
            r"(?<=[a-z]{2})is(e|es|ed|ing|ation|ations|ational|ationally|er|ers|able|ability)$"
        ),
        r"iz\1",
    ),
    (re.compile(r"(?<=[a-z]{2})yse(s|d|r|rs)?$"), r"yze\1"),
    (re.compile(r"(?<=[a-z]{2})ys(ing)$"), r"yz\1"),
    # colour/color, honourable/honorable; two letters first so `four`/`for`, `your` are kept.
    (
        re.compile(
            r"(?<=[a-z]{2}[^aeiou])our(s|ed|ing|ite|ites|able|ably|er|ers|ful|less|al|ally)?$"
        ),
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
# Words the rules would fold into another word: `timbre` (a sound) is no `timber` (wood).
_RULE_EXCEPTIONS = frozenset({"timbre", "timbres", "sabres"})

# Inflections derived for every pair of the variants table, each side by its own spelling:
# centre -> centred, centring; center -> centered, centering.
_INFLECTIONS = ("s", "ed", "ing", "er", "ers", "ly")


def _inflect(word: str) -> dict[str, str]:
    """Regular inflected forms of a word, by suffix: `centre` gives centres, centred, centring."""
    forms = {"": word}
    if word.endswith("e"):
        stem = word[:-1]
        forms |= {"s": word + "s", "ed": word + "d", "ing": stem + "ing"}
        forms |= {"er": word + "r", "ers": word + "rs", "ly": word + "ly"}
    elif word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        stem = word[:-1]
        forms |= {"s": stem + "ies", "ed": stem + "ied", "ing": word + "ing"}
        forms |= {"er": stem + "ier", "ers": stem + "iers", "ly": stem + "ily"}
    else:
        plural = word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s")
        forms |= {"s": plural, "ed": word + "ed", "ing": word + "ing"}
        forms |= {"er": word + "er", "ers": word + "ers", "ly": word + "ly"}
    return forms


@functools.cache
def _variant_table() -> dict[str, str]:
    """UK spellings the rules do not cover, with their inflections, mapped to the US form."""
    table: dict[str, str] = {}
    data = resources.files("attribution").joinpath("data/spelling_variants.tsv")
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        us, uk = line.split("\t")[:2]
        us_forms, uk_forms = _inflect(us), _inflect(uk)
        for suffix in ("", *_INFLECTIONS):
            uk_form, us_form = uk_forms[suffix], us_forms[suffix]
            # A derived form never overrides a listed word (`learnt` is listed; `learnts` not).
            if uk_form != us_form and (suffix == "" or uk_form not in table):
                table[uk_form] = us_form
    return table


def variant_pairs() -> list[tuple[str, str]]:
    """Every (UK, US) spelling the shipped table holds, inflections included, sorted."""
    return sorted(_variant_table().items())


@functools.lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """A word's spelling with US/UK differences folded: `organising` and `organizing` agree."""
    word = word.casefold().replace("-", "").replace("'", "").replace("\u2019", "")
    table = _variant_table()
    if word in table:
        return table[word]
    if word in _RULE_EXCEPTIONS:
        return word
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


@functools.cache
def common_words() -> frozenset[str]:
    """Frequent English words (package data): never taken for names or their variants."""
    data = resources.files("attribution").joinpath("data/common_words.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@functools.lru_cache(maxsize=16384)
def name_skeleton(name: str) -> str:
    """A key that two spellings of one name always share, for indexing names before comparing.

    The letters no romanisation class changes (b, l, m, n, r), in order: `Qasem`, `Qassem`
    and `Kasem` give `m`, `Adel`/`Adil` give `l`. Two different names may share a key.
    """
    return blocking_key(name)


@functools.lru_cache(maxsize=16384)
def is_name_variant(a: str, b: str) -> bool:
    """True when two spellings of a proper name are romanisations of one name.

    Decided by rule, with no similarity threshold: the spellings are variants when they are
    one known-variant group (`Gaddafi`/`Kadhafi`, `Kyiv`/`Kiev`), or when one becomes the
    other through romanisation classes alone (vowels Arabic script leaves unwritten,
    doubled letters, `q`/`k`, `kh`/`h`, `y`/`iy` endings, particles and hyphens:
    `Mohamed`/`Muhammad`, `Zelensky`/`Zelenskyy`, `Abdul-Mahdi`/`Abdulmahdi`).
    `Hassan`/`Hussein`, `Ortega`/`Ortiz` and `Dan`/`Don` are other names; common words
    (`These`/`Those`) and words with digits are never variants.

    Args:
        a: a name (one or more words) as printed on one side.
        b: the name it stands against on the other side.
    """
    la, lb = a.casefold(), b.casefold()
    if la == lb:
        return True
    if not _letters_only(la) or not _letters_only(lb):
        return False
    common = common_words()
    if la in common or lb in common:
        return False
    fa, fb = fold_name(a), fold_name(b)
    if fa == fb:
        return True
    if _one_syllable_vowel_swapped(a.split(), b.split()):
        return False
    known = known_variants()
    group = known.get(fa)
    if group is not None and group == known.get(fb):
        return True
    if same_romanisation(fa, fb):
        return True
    # Word by word, so a known variant inside a longer name counts: Muammar Gaddafi /
    # Moammar Kadhafi.
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) > 1 and all(
        is_name_variant(x, y) for x, y in zip(wa, wb, strict=True)
    )


def _one_syllable_vowel_swapped(wa: Sequence[str], wb: Sequence[str]) -> bool:
    """True when a word of one name and the word in its place have one syllable, with a
    single vowel letter, and differ only in it: `Ted`/`Tad`, `Ben`/`Bin`, `Tad Cruz`/`Ted Cruz`.

    The vowel classes stand for short vowels a script leaves unwritten, in a name of
    several syllables (`Adel`/`Adil`, `Osama`/`Usama`); a name of one syllable whose only
    vowel is another is another name, as in English (`Dan`/`Don`, `Jim`/`Jem`).
    """
    if len(wa) != len(wb):
        return False
    for x, y in zip(wa, wb, strict=True):
        fx, fy = fold_name(x), fold_name(y)
        if len(fx) != len(fy) or fx == fy:
            continue
        diff = [i for i, (p, q) in enumerate(zip(fx, fy, strict=True)) if p != q]
        if (
            len(diff) == 1
            and fx[diff[0]] in _SINGLE_VOWELS
            and fy[diff[0]] in _SINGLE_VOWELS
            and _VOWEL_RUN_RE.findall(fx) == [fx[diff[0]]]
            and _VOWEL_RUN_RE.findall(fy) == [fy[diff[0]]]
        ):
            return True
    return False


_SINGLE_VOWELS = frozenset("aeiou")
_VOWEL_RUN_RE = re.compile(r"[aeiouy]+")  # a name's vowels, a run of them one syllable


def _letters_only(word: str) -> bool:
    return all(ch.isalpha() or ch in " -'\u2019\u02bc\u02bf." for ch in word)


def opens_a_phrase(spaced: Sequence[str]) -> bool:
    """True when a run of words opens with a function word, so that the run is a phrase
    and the same letters closed up are another word, not a compound written two ways.

    A compound's halves say something (`front line` / `frontline`, `mother in law` /
    `mother-in-law`); a run opening with a determiner, quantifier, modal, preposition or
    negation (`may be`, `no body`, `every day`, `any one`, `in to`) has a closed form with
    another meaning (`maybe`, `nobody`, `everyday`, `anyone`, `into`).

    Args:
        spaced: the run's keys, as `Token.key` gives them.
    """
    return bool(spaced) and spaced[0] in _FUNCTION_WORDS


# Words that make a phrase, not a compound, with the word after them.
_FUNCTION_WORDS: frozenset[str] = (
    lx.NOUN_DETERMINERS
    | lx.DETERMINERS
    | lx.MODALS
    | lx.PREPOSITIONS
    | lx.NEGATIONS
    | frozenset({"any", "all", "some", "every", "each", "no", "be", "to", "so"})
)
