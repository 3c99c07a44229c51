"""Names: what a name is, its canonical form, and when two names are one speaker.

One definition shared by every stage that reads names (mentions, coreference) and by
comparison, which decides whether two articles credit one speaker: `Prime Minister Adel
Abdul Mahdi`, `Abdul-Mahdi` and `Adil Abdul Mahdi` are one person.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from importlib import resources

from attribution import lexicon as lx
from attribution.normalize import is_name_variant

# The most words a person's name has, suffixes aside.
MAX_NAME_WORDS = 4
# Abbreviations that take a dot inside a name: Gov. Mike Pence, Lt. Gen. Smith, Martin Luther
# King Jr.; single initials (George W. Bush) are handled by length.
NAME_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "lt", "gen", "col", "maj", "capt", "sgt",
        "cpl", "adm", "cmdr", "rev", "fr", "st", "jr", "sr", "prof", "pres", "supt", "insp", "det",
    }
)  # fmt: skip
# Titles written short or in another gender, read as the role "the ..." refers back by:
# Gov. Laura Petersen is "the governor", a spokeswoman is "the spokesman".
ROLE_OF_TITLE = {
    "gov": "governor", "sen": "senator", "sens": "senator", "rep": "representative",
    "reps": "representative", "congressman": "representative",
    "congresswoman": "representative", "pres": "president", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant",
    "adm": "admiral", "cmdr": "commander", "dr": "doctor", "prof": "professor",
    "supt": "superintendent", "insp": "inspector", "det": "detective", "atty": "attorney",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
    "chair": "chairman", "councilwoman": "councilman", "assemblywoman": "assemblyman",
}  # fmt: skip
# Titles that tell a person's gender, for he / she.
GENDERED_TITLES = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m",
    "lady": "f", "congressman": "m", "congresswoman": "f", "assemblyman": "m",
    "assemblywoman": "f", "councilman": "m", "councilwoman": "f", "chairman": "m",
    "chairwoman": "f", "spokesman": "m", "spokeswoman": "f", "king": "m", "queen": "f",
    "prince": "m", "princess": "f", "father": "m", "sister": "f", "brother": "m",
}  # fmt: skip


def canonical_speaker(name: str) -> str:
    """A speaker's name without titles and possessives, for comparing across articles.

    `Prime Minister Adel Abdul Mahdi` gives `Adel Abdul Mahdi`; organisations keep their
    determiner (`the Iraqi military`).
    """
    words = name.replace("\u2019s", "").replace("'s", "").split()
    if is_organisation_name(words):
        return " ".join(words)  # an organisation keeps every word: Lothbury Health Board
    return " ".join(split_title(words)[1])


def is_organisation_name(words: Sequence[str]) -> bool:
    """True when a name's head is an organisation: Lothbury Health Board, Office of X.

    An organisation word inside a person's title does not count (Senate Majority Leader
    Dana Cole is a person).
    """
    lows = [w.lower().strip(".,") for w in words]
    if not lows:
        return False
    if lows[-1] in lx.ORG_NOUNS:
        return True
    if lx.ORG_NOUNS.isdisjoint(lows):
        return False
    return any(
        low in lx.ORG_NOUNS and nxt in lx.ORG_CONNECTORS for low, nxt in itertools.pairwise(lows)
    )


def split_title(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """A capitalised run split into the titles before a name and the name.

    The titles end at the last title word that still leaves a name after it, so a title
    with a department in it comes off whole ("Transportation Secretary Dana Okafor",
    "Secretary of State John Kerry"), while a name that holds a title word keeps it
    ("Martin Luther King Jr.", "John Major").

    Args:
        words: the run's words as printed.

    Returns:
        (title words, name words); the titles are empty when the run has none.
    """
    lows = [w.lower().rstrip(".") for w in words]
    cut = 0
    for i, low in enumerate(lows):
        if words[i].islower() and low in lx.PERSON_NOUNS and i + 1 < len(words):
            cut = i + 1  # "CBS moderator Nancy Cordes": a role in lower case ends the titles
            continue
        if low not in lx.TITLES:
            continue
        rest = [w for w in lows[i + 1 :] if w not in lx.NAME_SUFFIXES and w != "of"]
        if rest and rest[0] not in lx.TITLES:
            cut = i + 1
    while cut < len(words) and lows[cut] == "of":
        cut += 1
    return list(words[:cut]), list(words[cut:])


def role_of(title_word: str) -> str:
    """The role a title word names: "Gov." is a governor, a spokeswoman a spokesman."""
    low = title_word.lower().rstrip(".")
    return ROLE_OF_TITLE.get(low, low)


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """Whether two canonical speakers, each from its own article, are one speaker.

    Names agree word by word up to transliteration (`Adel`/`Adil`) and hyphenation
    (`Abdul-Mahdi`/`Abdul Mahdi`); a shorter form agrees when it is the longer one's ending
    (`Abdul-Mahdi`, `Petersen`) or keeps its first and last names (`George Bush`).

    Returns:
        None when either side is unknown.
    """
    if a is None or b is None:
        return None
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb:
        return ta == tb
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if all(_variant(s, t) for s, t in zip(short, long_[len(long_) - len(short) :], strict=True)):
        return True
    return len(short) >= 2 and _variant(short[0], long_[0]) and _variant(short[-1], long_[-1])


def _name_tokens(name: str) -> list[str]:
    words = [w for w in re.split(r"[\s\-]+", canonical_speaker(name).lower()) if w]
    if words and words[0] in lx.DETERMINERS:
        words.pop(0)
    return [w.rstrip(".") for w in words if w.rstrip(".") not in lx.NAME_SUFFIXES]


def _variant(a: str, b: str) -> bool:
    return a == b or is_name_variant(a, b)


def surname(tokens: Sequence[str]) -> str:
    """A name's last word that is not a suffix, lower case: king in Martin Luther King Jr."""
    words = [t.lower().rstrip(".") for t in tokens]
    while len(words) > 1 and words[-1] in lx.NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def strip_possessive(word: str) -> str:
    """A word without its possessive ending: Trump's gives Trump."""
    return word[:-2] if word[-2:] in ("\u2019s", "'s") else word


def is_possessive(word: str) -> bool:
    """A possessive: Trump's, MSNBC\u2019s, voters'."""
    return word.lower().endswith(("'s", "\u2019s")) or word in {"'", "\u2019"}


def looks_like_person(words: list[str]) -> bool:
    """Two or more capitalised words with no organisation or place word: a person's name."""
    lows = [w.lower() for w in words]
    if any(w in lx.PLACE_WORDS or w in lx.ORG_NOUNS for w in lows):
        return False
    return len(words) >= 2 or lows[0] in lx.TITLES


def is_speaker_word(low: str) -> bool:
    """A noun that can name who speaks (singular or plural): officials, the engineer, authors."""
    return low in lx.SPEAKER_WORDS or (low.endswith("s") and low[:-1] in lx.SPEAKER_WORDS)


def is_capitals_word(word: str) -> bool:
    """A word in capitals, as transcripts label speakers: WALLACE, MR. TRUMP, SEN. KAINE."""
    letters = word.replace(".", "").replace("'", "").replace("\u2019", "")  # O'NEILL
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def as_written(words: list[str]) -> str:
    """A common-noun speaker as printed, without a sentence's capital: 'The engineer'."""
    if words and words[0].lower() in lx.DETERMINERS:
        words = [words[0].lower(), *words[1:]]
    return " ".join(words)


@functools.cache
def common_surnames() -> frozenset[str]:
    """Common surnames that are not everyday words, shipped as package data (Cruz, Carson)."""
    data = resources.files("attribution").joinpath("data/surnames.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def first_name_genders() -> dict[str, str]:
    """First names and the gender of the pronoun they take, shipped as package data."""
    table: dict[str, str] = {}
    data = resources.files("attribution").joinpath("data/first_names.tsv")
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            table[name] = gender
    return table


@functools.cache
def _places() -> frozenset[str]:
    """Place names shipped as package data (lower case, dots of abbreviations kept inside)."""
    data = resources.files("attribution").joinpath("data/places.txt")
    lines = data.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def is_place(words: Sequence[str]) -> bool:
    """True when words name a place as a whole: Dallas, New Hampshire, the U.S., Calif."""
    last = (
        words[-1]
        if words and words[-1] != "."
        else next((w for w in reversed(words) if w != "."), "")
    )
    if last.lower().rstrip(".") not in _place_ends():
        return False  # most runs are no place: one look at the last word says so
    lows = [w.lower().rstrip(".") for w in words if w != "."]
    if lows and lows[0] in lx.DETERMINERS:
        lows = lows[1:]
    return bool(lows) and " ".join(lows) in _places()


@functools.cache
def _place_ends() -> frozenset[str]:
    """The last word of every shipped place name (and the abbreviations' last letters)."""
    ends = {name.split()[-1] for name in _places()}
    return frozenset(ends | {name.split(".")[-1] for name in ends})


def is_date(words: Sequence[str]) -> bool:
    """True when a phrase is headed by a month or a day: a separate June, last Tuesday."""
    return bool(words) and words[-1].lower().rstrip(".") in lx.DATE_WORDS
