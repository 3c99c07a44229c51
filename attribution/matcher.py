"""The matcher: are two wordings one statement, the same statement in other words, or unrelated?

One definition shared by `compare` (a quote of one article against another's) and `check` (a
draft quote against a source's words), so `similarity`, `reworded` and "found" mean the same
in both. The evidence is the words two wordings share, weighed by how rare each word is in
English (a shipped frequency list, `data/word_frequency.tsv`, from wordfreq): sharing "we are
going to" proves little, sharing "Tanner River bridge" a great deal. A shorter wording must
share a larger part of itself, since a few words in common are often chance.
"""

from __future__ import annotations

import enum
import functools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from attribution.normalize import CLOSE_BRACKETS, OPEN_BRACKETS, Token, spelling_key

# A word's information is 9 minus its Zipf frequency: about log10 of one over its share of
# English text. "the" (Zipf 7.7) carries 1.3, "said" 3.0, "bridge" 4.2, "frontline" 5.7.
_ZIPF_CEILING = 9.0
# Words not in the list are seen less than once per million words (Zipf < 3): names, rare
# words, misspellings. They count as a word of Zipf 2.
UNKNOWN_INFORMATION = 7.0
# A number stated in digits pins a statement down as a rare word does.
NUMBER_INFORMATION = 6.0
# Words at least this frequent (once per 10,000 words of English) are common: two of them
# are too short a quote to verify.
COMMON_ZIPF = 4.0
# A word is a content word (it says what the statement is about) unless it is among the
# commonest words of English (Zipf 6.5 and above: the, to, and, of, we, not, ...).
CONTENT_ZIPF = 6.5
# A quote of this many words or fewer, all common, is too short to verify: "true", "very
# good" and "we will" are said by everyone about everything.
MAX_SHORT_WORDS = 2

# Two wordings are one statement (possibly with changes) when their rarity-weighted
# similarity reaches SAME_BASE minus SAME_SLOPE times the log of the shorter wording's
# information, bounded to [SAME_FLOOR, SAME_CEILING]: a long quote with half its words
# changed is still the same quote altered, a five-word one needs nearly all of them.
# Fitted on PolNeAR train (benchmarks/fit_matcher.py): edited copies of real quotes against
# every other quote of other stories.
SAME_BASE = 1.1
SAME_SLOPE = 0.16
SAME_FLOOR = 0.6
SAME_CEILING = 0.8
# The same statement in other words (a paraphrase, another translation): this share of
# the content words' information in common, order aside, and at least this much of it
# (more than three common topic words: "gas", "tax" and "year" in two remarks are one
# topic, not one statement). Fitted on the same material; the share was lowered from 0.4
# on the real-world study split, where two paraphrases shared 0.39 of a sentence.
REWORDED_OVERLAP = 0.35
REWORDED_INFORMATION = 12.0
# Words printed alike that carry less information than this (about three uncommon words:
# "a shell game", "last chance") are as often chance as a quote: such a pair is one
# statement only with support from outside the words (the same speaker, or, when a speaker
# is unknown, the same place in both articles).
MIN_EVIDENCE = 12.0
# ... and the support counts only when nearly all the words are printed alike ("on the up
# and up" / "on a up and up"), or a telling word is among them: "we are going to" in one
# mayor's two sentences is no sign of one statement.
TELLING_ZIPF = 5.0
# Support lowers the similarity a short pair needs by up to this much, less the more the
# words say by themselves (scaled by the square of MIN_EVIDENCE over the shorter wording's
# information, so a long quote gets almost none): "from that podium" for "from this podium"
# is the quote altered; "a stronger deal" for "a serious deal", two common words in
# common, is not the quote (the real-world study set), whoever is credited.
SUPPORT_BONUS = 0.15


class Relation(enum.Enum):
    """What two wordings are to each other."""

    SAME = "same"  # one statement, printed with at most some changes
    REWORDED = "reworded"  # one statement in substantially other words
    UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True)
class Judgement:
    """The matcher's decision on two wordings, with the evidence behind it.

    `similarity` is the SPEC's 0-1 similarity: the rarity-weighted share of each wording's
    words that the other prints alike, in order (the lesser share), within the part of each
    aligned with the other.
    `overlap` is the same share for content words regardless of order. `rank` orders
    candidates: a same statement above any rewording, and a whole counterpart above a
    fragment of it.
    """

    relation: Relation
    similarity: float
    overlap: float
    rank: float


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the words of two aligned wordings have in common, as information.

    `paired` is the information of the words printed alike, in order (counted once);
    `a_total`/`b_total` the information of each side's words inside the aligned windows,
    words left out under an ellipsis set aside; `a_whole`/`b_whole` of all their words.
    """

    paired: float
    a_total: float
    b_total: float
    a_whole: float
    b_whole: float
    # The information of the telling words among those printed alike (`is_telling`).
    paired_telling: float = 0.0
    # How many words are printed alike, and how many the shorter whole wording has.
    paired_words: int = 0
    shorter_words: int = 0

    @property
    def similarity(self) -> float:
        """The share of each wording the other prints alike, the lesser of the two (1.0 for
        the same words): a draft quote whose source holds half its words is half found,
        however closely those words fill the stretch they stand in."""
        larger = max(self.a_total, self.b_total)
        return 1.0 if larger == 0 else min(1.0, self.paired / larger)

    @property
    def coverage(self) -> float:
        """Share of the longer whole wording that is printed alike in the other."""
        longer = max(self.a_whole, self.b_whole)
        return 1.0 if longer == 0 else min(1.0, self.paired / longer)


@functools.cache
def word_zipf_table() -> dict[str, float]:
    """Each listed word's Zipf frequency, by its alignment key (`data/word_frequency.tsv`)."""
    return _read_table("data/word_frequency.tsv")


@functools.cache
def _stem_zipf_table() -> dict[str, float]:
    """Each content stem's Zipf frequency: its commonest word's (`data/stem_frequency.tsv`,
    made by `benchmarks/make_stem_frequency.py`)."""
    return _read_table("data/stem_frequency.tsv")


def _read_table(name: str) -> dict[str, float]:
    data = resources.files("attribution").joinpath(name)
    table: dict[str, float] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, zipf = line.split("\t")
            table[key] = float(zipf)
    return table


@functools.lru_cache(maxsize=65536)
def zipf(key: str) -> float | None:
    """A word's Zipf frequency by its alignment key (`Token.key`), None when not listed."""
    table = word_zipf_table()
    found = table.get(key)
    if found is None:
        found = table.get(spelling_key(key))
    return found


@functools.lru_cache(maxsize=65536)
def information(key: str) -> float:
    """How much sharing this word says about two wordings being one: rare words say more.

    Args:
        key: a word's alignment key (`Token.key`).
    """
    if any(ch.isdigit() for ch in key):
        return NUMBER_INFORMATION
    z = zipf(key)
    return UNKNOWN_INFORMATION if z is None else max(0.5, _ZIPF_CEILING - z)


@functools.lru_cache(maxsize=65536)
def stem_information(stem: str) -> float:
    """How much sharing a content stem says: the information of its commonest word.

    A stem is often no word of its own ("peopl", "countri"): looked up as a word it would be
    unknown, and "people" would weigh as much as a name.
    """
    z = _stem_zipf_table().get(stem)
    return UNKNOWN_INFORMATION if z is None else max(0.5, _ZIPF_CEILING - z)


def is_telling(key: str) -> bool:
    """True for a word outside the few thousand commonest of English (Zipf below
    `TELLING_ZIPF`): "podium", "bridge", "Tanner", not "going", "win" or "system"."""
    if any(ch.isdigit() for ch in key):
        return True
    z = zipf(key)
    return z is None or z < TELLING_ZIPF


def is_content(key: str) -> bool:
    """True for a word that says what a statement is about (not the, to, we, not ...)."""
    z = zipf(key)
    return z is None or z < CONTENT_ZIPF


def too_short_to_verify(tokens: Sequence[Token]) -> bool:
    """True for a quote of one or two common words ("true", "very good"), said by anyone.

    Words inside an editor's [brackets] are not the speaker's and are not counted.
    """
    words = speakers_words(tokens)
    if len(words) > MAX_SHORT_WORDS:
        return False
    return all(
        not any(ch.isdigit() for ch in t.key) and (zipf(t.key) or 0.0) >= COMMON_ZIPF for t in words
    )


def required_similarity(shorter_information: float, *, supported: bool = False) -> float:
    """The similarity two wordings need to be one statement, given the shorter's information
    and whether something besides the words (the same speaker) ties them."""
    if shorter_information <= 0:
        return SAME_CEILING
    needed = min(
        SAME_CEILING, max(SAME_FLOOR, SAME_BASE - SAME_SLOPE * math.log(shorter_information))
    )
    if supported:
        needed -= SUPPORT_BONUS * min(1.0, MIN_EVIDENCE / shorter_information) ** 2
    return needed


def judge(
    evidence: Evidence, a_stems: Sequence[str], b_stems: Sequence[str], *, supported: bool
) -> Judgement:
    """Decide what two wordings are, from their aligned evidence and their content stems.

    Args:
        evidence: what their aligned words have in common (`evidence_of`).
        a_stems: one wording's content stems (`content_stems`).
        b_stems: the other's.
        supported: something besides the words ties the two (the same speaker): needed
            when the words printed alike carry less than `MIN_EVIDENCE`.

    Returns:
        The judgement; a same statement ranks from 1 to 2, a rewording below 1.
    """
    similarity = evidence.similarity
    overlap, shared = stem_overlap(a_stems, b_stems)
    shorter = min(evidence.a_total, evidence.b_total)
    enough = evidence.paired >= MIN_EVIDENCE or (
        supported
        and (evidence.paired_telling > 0 or similarity >= SAME_CEILING)
        # One word in common is the topic, not the quote: "entirely pro-tunnel" is not
        # "I am pro-tunnel", whoever said both (a one-word quote is its one word).
        and (evidence.paired_words >= 2 or evidence.paired_words >= evidence.shorter_words)
    )
    if enough and similarity >= required_similarity(shorter, supported=supported):
        rank = 1.0 + 0.5 * similarity + 0.5 * evidence.coverage
        return Judgement(Relation.SAME, round(similarity, 4), round(overlap, 4), rank)
    if overlap >= REWORDED_OVERLAP and shared >= REWORDED_INFORMATION:
        return Judgement(Relation.REWORDED, round(similarity, 4), round(overlap, 4), overlap)
    return Judgement(Relation.UNRELATED, round(similarity, 4), round(overlap, 4), 0.0)


def stem_overlap(a_stems: Sequence[str], b_stems: Sequence[str]) -> tuple[float, float]:
    """(weighted Dice, information shared) of two bags of content stems, order aside."""
    ca, cb = Counter(a_stems), Counter(b_stems)
    shared = sum(stem_information(s) * n for s, n in (ca & cb).items())
    total = sum(stem_information(s) * n for s, n in ca.items()) + sum(
        stem_information(s) * n for s, n in cb.items()
    )
    return (2 * shared / total if total else 0.0), shared


def content_stems(tokens: Iterable[Token]) -> tuple[str, ...]:
    """Snowball stems of the content words, US/UK spellings folded first
    (`organizing` and `organising` stem apart otherwise); numbers and editor's words left out."""
    return tuple(stem for t in speakers_words(tokens) if (stem := _content_stem(t.key)))


@functools.lru_cache(maxsize=65536)
def _content_stem(key: str) -> str:
    """A word's stem if it is a content word (not a number), else ""."""
    if key.isdigit() or not is_content(key):
        return ""
    return stem_key(key)


def shared_information(a: Counter[str], b: Counter[str]) -> float:
    """The information of the words two bags share: a bound on `Evidence.paired`."""
    return sum(information(k) * n for k, n in (a & b).items())


def total_information(keys: Iterable[str]) -> float:
    """The information of a run of word keys."""
    return sum(information(k) for k in keys)


def speakers_words(tokens: Iterable[Token]) -> list[Token]:
    """The words of a wording the matcher weighs, leaving out those inside an editor's
    [brackets]."""
    out = []
    depth = 0
    for t in tokens:
        if t.text in OPEN_BRACKETS:
            depth += 1
        elif t.text in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif t.is_word and not depth:
            out.append(t)
    return out


@functools.lru_cache(maxsize=65536)
def stem_key(word: str) -> str:
    """A word's content stem: its Snowball stem, US/UK spelling folded first."""
    return str(_stemmer().stem(spelling_key(word)))


@functools.cache
def _stemmer():  # type: ignore[no-untyped-def]
    # Imported on first use: any nltk import runs the whole package (a quarter second).
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")
