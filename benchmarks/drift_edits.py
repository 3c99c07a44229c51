"""Known edits of every change category, applied to a quote at a seeded random position.

The drift benchmark compares a real quote with an edited copy and checks that the change it
made is the change the classifier names. The edits are written from the change taxonomy, not
from the classifier's code: they find words with their own patterns and word lists, so a
detector that misses a case cannot hide it by sharing the generator's blind spot.

Every editor takes the quote and a `random.Random` and returns the edited text, or None when
the quote offers no place for that kind of edit (no modal verb to swap, no name to replace).
Edits stay inside the quote: an edit at either end of a quote cannot be told from quoting a
fragment, so word insertions and deletions are made between the first and the last word, and
fragments are an edit kind of their own (`fragment`, expected verdict `partial`). For the same
reason no word is inserted or deleted right next to an ellipsis the quote already prints: a
word one printing has beside a shared `…` is what the other left out there, and marked.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from benchmarks.drift_vocabulary import Vocabulary, public

# A word as a reader sees it: a dotted abbreviation (U.S.), or letters or digits with inner
# apostrophes, hyphens, commas between digit groups or a decimal point, perhaps with an
# editor's bracketed first letter ([W]e). Each repetition
# starts with a fixed separator, so matching is linear.
_WORD_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"
    r"|(?:\[[^\W\d_]\])?[^\W_]+(?:(?:['\u2019\-]|(?<=\d)[.,](?=\d))[^\W_]+)*"
)
_SPACES_RE = re.compile(r"[ \t]{2,}")
_DIGITS_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# fmt: off
# Negations with a positive counterpart, for removing a negation without leaving a gap.
NEGATION_OPPOSITES = {
    "never": "always", "nobody": "somebody", "nothing": "something", "none": "some",
    "neither": "either", "nor": "or", "without": "with", "cannot": "can", "nowhere": "somewhere",
    "no": "some",
}
# Auxiliaries a "not" can follow, and their contracted negative forms.
AUXILIARIES = {
    "is": "isn't", "are": "aren't", "was": "wasn't", "were": "weren't", "will": "won't",
    "would": "wouldn't", "can": "can't", "could": "couldn't", "should": "shouldn't",
    "must": "mustn't", "do": "don't", "does": "doesn't", "did": "didn't", "have": "haven't",
    "has": "hasn't", "had": "hadn't",
}
CONTRACTED = {v: k for k, v in AUXILIARIES.items()} | {"ain't": "is", "shan't": "shall"}
CONTRACTED_MODALS = {
    "won't": "will", "wouldn't": "would", "can't": "can", "couldn't": "could",
    "shouldn't": "should", "mustn't": "must",
}
NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth",
)
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
# Words that carry a category of their own besides the vocabulary's negations and modals:
# a wording edit leaves them alone.
_OTHER_SPECIAL = (
    set(NUMBER_WORDS) | set(ORDINAL_WORDS) | set(SCALE_WORDS)
    | {"half", "dozen", "percent", "ought", "need", "dare", "hardly", "barely", "scarcely"}
)
# Plain words a reporter might slip into a quote or swap for another.
PLAIN_WORDS = (
    "really", "very", "just", "clearly", "certainly", "also", "even", "simply", "truly",
    "great", "new", "big", "strong", "important", "whole", "real", "entire", "serious",
    "people", "country", "plan", "money", "family", "problem", "government", "system",
    "quickly", "probably", "again", "together", "everyone", "something", "good", "bad",
)
PRONOUNS = ("he", "she", "they", "it", "this", "that", "him", "her", "them", "we", "us")
BRACKET_FILLS = (
    "the senator", "the campaign", "the bill", "the company", "the candidate", "the agency",
    "the president", "the governor", "voters", "the police",
)
INSERTED_NOTES = ("[sic]", "[the plan]", "[emphasis added]", "(the agency)", "[in the state]",
                  "(the law)", "[laughter]")
_UK_SUFFIXES = (
    ("izations", "isations"), ("ization", "isation"), ("izing", "ising"), ("izers", "isers"),
    ("izer", "iser"), ("ized", "ised"), ("izes", "ises"), ("ize", "ise"),
    ("yzing", "ysing"), ("yzed", "ysed"), ("yzes", "yses"), ("yze", "yse"),
)
# Words ending in -ize that are not the -ize/-ise suffix.
_NOT_IZE = frozenset({"size", "sizes", "sized", "seize", "seized", "seizes", "prize", "prizes",
                      "capsize", "downsize", "downsized", "oversized", "resize", "citizen"})
SENTENCE_ENDS = frozenset(".!?:;\"\u201c\u201d'\u2018\u2019(-\u2014")
# fmt: on


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a quote and where it stands."""

    text: str
    start: int
    end: int
    index: int
    initial: bool  # first word of the quote or of a sentence in it
    mark_before: bool = False  # an ellipsis stands between this word and the one before
    mark_after: bool = False  # ... or the one after

    @property
    def low(self) -> str:
        return self.text.lower().replace("\u2019", "'")


def quote_words(text: str) -> list[Word]:
    """The words of a quote in order, each marked when it opens a sentence or an ellipsis
    stands next to it."""
    found = list(_WORD_RE.finditer(text))
    out: list[Word] = []
    for i, m in enumerate(found):
        before = text[: m.start()].rstrip()
        initial = not before or before[-1] in SENTENCE_ENDS
        gap_before = text[found[i - 1].end() if i else 0 : m.start()]
        gap_after = text[m.end() : found[i + 1].start() if i + 1 < len(found) else len(text)]
        out.append(
            Word(
                m.group(),
                m.start(),
                m.end(),
                i,
                initial,
                _has_ellipsis(gap_before),
                _has_ellipsis(gap_after),
            )
        )
    return out


def _has_ellipsis(gap: str) -> bool:
    return "\u2026" in gap or ".." in gap.replace(" ", "")


def splice(text: str, start: int, end: int, new: str) -> str:
    """`text` with `text[start:end]` replaced by `new`, runs of spaces made single."""
    out = text[:start] + new + text[end:]
    return _SPACES_RE.sub(" ", out).strip()


def _interior(words: Sequence[Word]) -> list[Word]:
    return list(words[1:-1])


def _pick(rng: random.Random, options: Sequence[Callable[[], str | None]]) -> str | None:
    """Run the options in a random order and return the first edit that applies."""
    order = list(options)
    rng.shuffle(order)
    for option in order:
        edited = option()
        if edited is not None:
            return edited
    return None


def _case_like(model: str, word: str) -> str:
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- cosmetic edits -----------------------------------------------------------------------


def edit_punctuation(text: str, rng: random.Random) -> str | None:
    """A mark added, dropped or printed another way; a number written in another format."""
    words = quote_words(text)
    inner = _interior(words)

    def add_comma() -> str | None:
        spots = [w for w in inner if text[w.end : w.end + 1] == " "]
        if not spots:
            return None
        w = rng.choice(spots)
        return splice(text, w.end, w.end, ",")

    def drop_comma() -> str | None:
        spots = [w for w in inner if text[w.end : w.end + 2] == ", "]
        if not spots:
            return None
        w = rng.choice(spots)
        return splice(text, w.end, w.end + 1, "")

    def hyphenate() -> str | None:
        spots = [
            (a, b)
            for a, b in itertools.pairwise(words)
            if a.text.isalpha() and b.text.isalpha() and text[a.end : b.start] == " "
        ]
        if not spots:
            return None
        a, b = rng.choice(spots)
        return splice(text, a.end, b.start, "-")

    def unhyphenate() -> str | None:
        spots = [w for w in words if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)+", w.text)]
        if not spots:
            return None
        w = rng.choice(spots)
        return splice(text, w.start, w.end, w.text.replace("-", " "))

    def digit_groups() -> str | None:
        spots = [w for w in words if re.fullmatch(r"\d{4,}|\d{1,3}(?:,\d{3})+", w.text)]
        if not spots:
            return None
        w = rng.choice(spots)
        plain = w.text.replace(",", "")
        new = plain if "," in w.text else f"{int(plain):,}"
        if new == w.text:
            return None
        return splice(text, w.start, w.end, new)

    def number_in_words() -> str | None:
        spots = [w for w in words if w.low in NUMBER_WORDS[:19] or w.text in _SMALL_DIGITS]
        if not spots:
            return None
        w = rng.choice(spots)
        if w.text.isdigit():
            new = _case_like(w.text, NUMBER_WORDS[int(w.text) - 1])
        else:
            new = str(NUMBER_WORDS.index(w.low) + 1)
        return splice(text, w.start, w.end, new)

    def percent_sign() -> str | None:
        m = re.search(r"(\d)%|(\d) percent\b", text)
        if not m:
            return None
        if m.group(1):
            return splice(text, m.start() + 1, m.end(), " percent")
        return splice(text, m.start() + 1, m.end(), "%")

    def dash_form() -> str | None:
        m = re.search(r" ?(?:--|\u2014) ?", text)
        if not m:
            return None
        return splice(text, m.start(), m.end(), " -- " if "\u2014" in m.group() else "\u2014")

    return _pick(
        rng,
        [
            add_comma,
            drop_comma,
            hyphenate,
            unhyphenate,
            digit_groups,
            number_in_words,
            percent_sign,
            dash_form,
        ],
    )


_SMALL_DIGITS = frozenset(str(n) for n in range(1, 20))


def edit_case(text: str, rng: random.Random) -> str | None:
    """One word's capitals changed: `plan` to `Plan`, `Senate` to `senate`, or all capitals."""
    words = [w for w in quote_words(text) if w.text[:1].isalpha() and w.text != "I"]
    if not words:
        return None
    w = rng.choice(words)
    if w.text[:1].isupper():
        new = w.text.lower() if rng.random() < 0.7 else w.text.upper()
    else:
        new = w.text.capitalize() if rng.random() < 0.7 else w.text.upper()
    if new == w.text:
        return None
    return splice(text, w.start, w.end, new)


def uk_spelling(word: str, vocab: Vocabulary | None = None) -> str | None:
    """The UK spelling of a US word, or None when it has none (by the vocabulary's list)."""
    us_to_uk = (vocab or public()).us_to_uk
    low = word.lower()
    for suffix in ("", "s", "es", "ed", "ing", "er", "ers", "ite", "ites", "able", "ful", "ly"):
        base = low[: len(low) - len(suffix)] if suffix else low
        if suffix and not low.endswith(suffix):
            continue
        if base in us_to_uk:
            uk = us_to_uk[base] + suffix
            return _case_like(word, uk)
    if low not in _NOT_IZE and len(low) >= 7:
        for us, uk in _UK_SUFFIXES:
            if low.endswith(us):
                return _case_like(word, low[: -len(us)] + uk)
    return None


def transliterate(name: str, rng: random.Random) -> str | None:
    """Another transliteration of a name: a consonant doubled or one inner vowel changed.

    A vowel is changed only in a name of several syllables: a script that leaves short
    vowels unwritten spells a longer name several ways (Adel, Adil), while a one-syllable
    name with another vowel is another name (Trump, Tromp; Ted, Tad).
    """
    if len(name) < 4 or not name.isalpha():
        return None
    syllables = len(re.findall(r"[aeiouy]+", name.lower()))
    options: list[str] = []
    for i in range(1, len(name) - 1):
        ch = name[i]
        if ch.lower() in "bcdfgklmnprstz" and name[i - 1] != ch and name[i + 1] != ch:
            options.append(name[: i + 1] + ch + name[i + 1 :])
        swap = {"e": "i", "i": "e", "o": "u", "u": "o", "a": "e"}.get(ch)
        if swap and syllables < 2:
            continue
        if swap and name[i - 1].lower() not in "aeiou" and name[i + 1].lower() not in "aeiou":
            options.append(name[:i] + swap + name[i + 1 :])
    return rng.choice(options) if options else None


def edit_spelling(
    text: str,
    rng: random.Random,
    *,
    names: Collection[str] = frozenset(),
    vocab: Vocabulary | None = None,
) -> str | None:
    """A word in its UK spelling (organize to organise), or a name transliterated otherwise."""
    words = quote_words(text)

    def us_to_uk() -> str | None:
        spots = [(w, uk) for w in words if (uk := uk_spelling(w.text, vocab)) and uk != w.text]
        if not spots:
            return None
        w, uk = rng.choice(spots)
        return splice(text, w.start, w.end, uk)

    def name() -> str | None:
        # Short capitalised words are as often ordinary words (the Promised Land) as names.
        spots = [w for w in words if w.text in names and len(w.text) >= 5]
        rng.shuffle(spots)
        for w in spots:
            other = transliterate(w.text, rng)
            if other:
                return splice(text, w.start, w.end, other)
        return None

    return _pick(rng, [us_to_uk, name])


# --- editorial edits ----------------------------------------------------------------------


def edit_ellipsis(text: str, rng: random.Random, *, vocab: Vocabulary | None = None) -> str | None:
    """One to four inner words left out and the omission marked with an ellipsis.

    A run holding a negation is never left out: dropping "not", even under a mark, reverses
    the statement, and the classifier rightly calls that a negation change.
    """
    words = quote_words(text)
    if len(words) < 4:
        return None
    for _ in range(8):
        first = rng.randrange(1, len(words) - 2)
        last = min(len(words) - 2, first + rng.randrange(4))
        run = words[first : last + 1]
        cut = text[words[first - 1].end : words[last + 1].start]
        if any(_negates(w.low, vocab) for w in run) or any(ch in cut for ch in "[]()"):
            continue  # never a negation, and never half of a bracketed group
        mark = rng.choice([" \u2026 ", " ... ", "\u2026", " [\u2026] "])
        return splice(text, words[first - 1].end, words[last + 1].start, mark)
    return None


def edit_bracket(text: str, rng: random.Random) -> str | None:
    """A pronoun replaced by [who it means], or an editor's note inserted in brackets."""
    words = quote_words(text)

    def explain_pronoun() -> str | None:
        # "US" in capitals is the country, not the pronoun.
        spots = [w for w in words if w.low in PRONOUNS and not w.text.isupper()]
        if not spots:
            return None
        w = rng.choice(spots)
        fill = _case_like(w.text, rng.choice(BRACKET_FILLS))
        return splice(text, w.start, w.end, f"[{fill}]")

    def insert_note() -> str | None:
        inner = [w for w in _interior(words) if not w.mark_after]
        if not inner:
            return None
        w = rng.choice(inner)
        return splice(text, w.end, w.end, " " + rng.choice(INSERTED_NOTES))

    return _pick(rng, [explain_pronoun, insert_note])


def edit_fragment(text: str, rng: random.Random, *, vocab: Vocabulary | None = None) -> str | None:
    """The quote cut to a fragment: one to three words dropped at one end or both.

    Never past a negation, which would make it a negation change; at least three words stay.
    """
    words = quote_words(text)
    if len(words) < 7:
        return None
    head = rng.randrange(0, 4)
    tail = rng.randrange(0 if head else 1, 4)
    kept = words[head : len(words) - tail]
    dropped = words[:head] + words[len(words) - tail :]
    if any(_negates(w.low, vocab) for w in dropped):
        return None
    # An end where no word is dropped keeps its marks: the fragment ends where the quote does.
    start = kept[0].start if head else 0
    end = kept[-1].end if tail else len(text)
    return text[start:end]


# --- changes of meaning -------------------------------------------------------------------


def edit_wording(text: str, rng: random.Random, *, vocab: Vocabulary | None = None) -> str | None:
    """A plain inner word inserted, deleted or replaced with no mark."""
    words = quote_words(text)
    inner = [w for w in _interior(words) if w.text.isalpha() and w.text.islower()]
    plain = [
        w
        for w in inner
        if w.low not in _special(vocab)
        and not _negates(w.low, vocab)
        and not (w.mark_before or w.mark_after)
    ]

    def insert() -> str | None:
        spots = [w for w in words[1:-1] if not w.mark_before]
        if not spots:
            return None
        w = rng.choice(spots)
        return splice(text, w.start, w.start, rng.choice(PLAIN_WORDS) + " ")

    def delete() -> str | None:
        if not plain or len(words) < 4:
            return None
        w = rng.choice(plain)
        return splice(text, w.start, w.end, "")

    def replace() -> str | None:
        if not plain:
            return None
        w = rng.choice(plain)
        new = rng.choice([p for p in PLAIN_WORDS if p != w.low])
        return splice(text, w.start, w.end, new)

    return _pick(rng, [insert, delete, replace])


def edit_modality(text: str, rng: random.Random, *, vocab: Vocabulary | None = None) -> str | None:
    """A modal verb swapped for another: will to may, must to should, can't to couldn't."""
    words = quote_words(text)
    modals = (vocab or public()).modals
    spots = [w for w in words if w.text in modals or w.low in CONTRACTED_MODALS]
    if not spots:
        return None
    w = rng.choice(spots)
    if w.low in CONTRACTED_MODALS:
        old = CONTRACTED_MODALS[w.low]
        new = rng.choice([m for m in CONTRACTED_MODALS if CONTRACTED_MODALS[m] != old])
    else:
        new = rng.choice([m for m in modals if m != w.text])
    return splice(text, w.start, w.end, new)


def edit_number(text: str, rng: random.Random) -> str | None:
    """A stated value changed (digits, number words, ordinals, scales), or a number added."""
    words = quote_words(text)

    def digits() -> str | None:
        spots = [w for w in words if _DIGITS_RE.search(w.text)]
        if not spots:
            return None
        w = rng.choice(spots)
        m = _DIGITS_RE.search(w.text)
        assert m is not None
        old = int(m.group().replace(",", ""))
        new = old + rng.randrange(1, 10) * 10 ** rng.randrange(0, max(1, len(str(old))))
        shown = f"{new:,}" if "," in m.group() else str(new)
        word = w.text[: m.start()] + shown + w.text[m.end() :]
        word = re.sub(r"(?<=\d)(st|nd|rd|th)$", _ordinal_suffix(new), word)
        return splice(text, w.start, w.end, word)

    def number_word() -> str | None:
        spots = [w for w in words if w.low in NUMBER_WORDS or w.low in ORDINAL_WORDS]
        if not spots:
            return None
        w = rng.choice(spots)
        pool = ORDINAL_WORDS if w.low in ORDINAL_WORDS else NUMBER_WORDS
        return splice(text, w.start, w.end, _case_like(w.text, rng.choice(_others(pool, w.low))))

    def scale() -> str | None:
        spots = [w for w in words if w.low in SCALE_WORDS]
        if not spots:
            return None
        w = rng.choice(spots)
        return splice(text, w.start, w.end, rng.choice(_others(SCALE_WORDS, w.low)))

    def add_number() -> str | None:
        inner = [
            w
            for w in _interior(words)
            if w.text.isalpha() and w.text.islower() and not w.mark_before
        ]
        if not inner:
            return None
        w = rng.choice(inner)
        number = rng.choice(["two", "15", "300", "1,200", "seven", "40"])
        return splice(text, w.start, w.start, number + " ")

    found = _pick(rng, [digits, number_word, scale])
    return found if found is not None else add_number()


def _ordinal_suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _others(pool: Sequence[str], word: str) -> list[str]:
    return [p for p in pool if p != word]


def _special(vocab: Vocabulary | None) -> frozenset[str]:
    """Words with a category of their own, which a wording edit leaves alone."""
    v = vocab or public()
    return frozenset(_OTHER_SPECIAL | v.negations | set(v.modals))


def _negates(low: str, vocab: Vocabulary | None = None) -> bool:
    return low in (vocab or public()).negations or low.endswith("n't")


def edit_negation(text: str, rng: random.Random, *, vocab: Vocabulary | None = None) -> str | None:
    """A negation added or taken away: `is` to `is not` or `isn't`, `never` to `always` ..."""
    words = quote_words(text)

    def remove() -> str | None:
        spots = [w for w in words if _negates(w.low, vocab)]
        if not spots:
            return None
        w = rng.choice(spots)
        if w.low == "not":
            return splice(text, w.start, w.end, "")
        if w.low in CONTRACTED:
            return splice(text, w.start, w.end, _case_like(w.text, CONTRACTED[w.low]))
        if w.low.endswith("n't"):
            return splice(text, w.start, w.end, w.text[:-3])
        if w.low in NEGATION_OPPOSITES:
            return splice(text, w.start, w.end, _case_like(w.text, NEGATION_OPPOSITES[w.low]))
        return None

    def negate_auxiliary() -> str | None:
        spots = [w for w in words if w.low in AUXILIARIES]
        if not spots:
            return None
        w = rng.choice(spots)
        if rng.random() < 0.5:
            return splice(text, w.start, w.end, _case_like(w.text, AUXILIARIES[w.low]))
        return splice(text, w.end, w.end, " not")

    def insert_anywhere() -> str | None:
        w = rng.choice(words) if words else None
        if w is None:
            return None
        return splice(text, w.start, w.start, rng.choice(["not ", "never "]))

    return _pick(rng, [remove, negate_auxiliary, insert_anywhere])


def edit_name(
    text: str,
    rng: random.Random,
    *,
    names: Collection[str] = frozenset(),
    vocab: Vocabulary | None = None,
) -> str | None:
    """A proper name replaced by another person's or place's name (not a spelling variant)."""
    spots = [w for w in quote_words(text) if w.text in names]
    if not spots:
        return None
    w = rng.choice(spots)
    others = (vocab or public()).other_names
    pool = [n for n in others if n[0] != w.text[0] and n.lower() != w.low]
    return splice(text, w.start, w.end, rng.choice(pool))


# --- cosmetic-only edits that are no change at all ----------------------------------------


def edit_marks(text: str, rng: random.Random) -> str | None:
    """Curly marks straightened or straight ones curled, `…` printed as `...` or back."""
    swaps = [
        ("\u2019", "'"),
        ("'", "\u2019"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ('"', "\u201c"),
        ("\u2026", "..."),
        ("...", "\u2026"),
    ]
    present = [(a, b) for a, b in swaps if a in text]
    if not present:
        return None
    a, b = rng.choice(present)
    return text.replace(a, b)


def edit_spacing(text: str, rng: random.Random) -> str | None:
    """A space doubled, made a no-break space, or a line break: no change of words."""
    spaces = [m.start() for m in re.finditer(" ", text)]
    if not spaces:
        return None
    at = rng.choice(spaces)
    return text[:at] + rng.choice(["  ", "\u00a0", "\n", " \u200b"]) + text[at + 1 :]


def name_lexicon(quotes: Sequence[str], vocab: Vocabulary | None = None) -> frozenset[str]:
    """Words used as names in these quotes: capitalised inside a sentence, never lower case.

    The edits of names and transliterations pick from these, so they never mistake a word
    that opens a sentence for a name.
    """
    capital: set[str] = set()
    lower: set[str] = set()
    for text in quotes:
        for w in quote_words(text):
            if not w.text[:1].isalpha():
                continue
            if w.text[:1].islower():
                lower.add(w.text.lower())
            elif not w.initial and w.text != "I" and not w.text.isupper():
                capital.add(w.text)
    return frozenset(
        w
        for w in capital
        if w.lower() not in lower
        and len(w) >= 3
        and w.isalpha()
        and w.lower() not in _special(vocab)
    )
