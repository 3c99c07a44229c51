"""Mentions: every person, organisation, group and document the article names, with its kind.

A stage of its own because the speakers of later quotes are found among them: `he said` is
the last person named, `the statement said` the issuer of the statement named earlier, `the
governor` the person introduced as Gov. Laura Petersen. The scan runs once per article, in
text order, and keeps indexes (fullest name and gender by surname) as it goes, so no lookup
rescans what came before.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from attribution import lexicon as lx
from attribution.extract.names import (
    GENDERED_TITLES,
    MAX_NAME_WORDS,
    NAME_ABBREVIATIONS,
    canonical_speaker,
    first_name_genders,
    is_organisation_name,
    is_place,
    is_possessive,
    looks_like_person,
    role_of,
    split_title,
    strip_possessive,
    surname,
)
from attribution.extract.phrases import MAX_NP, np_after
from attribution.extract.tokens import FREE, Tokens

# Common nouns that name an entity a pronoun or role noun may refer back to.
_ENTITY_NOUNS = lx.GROUP_NOUNS | lx.DOCUMENT_NOUNS | lx.ORG_NOUNS | lx.SPOKESPERSON_NOUNS
_NO_ROLES: frozenset[str] = frozenset()
# Capitalised words that go on a name already begun ("May" is a name's, inside one).
_NOT_NAMES_INSIDE = lx.NOT_NAMES - {"may"}


class Mention(NamedTuple):
    """A person, organisation, group or document named in the article, for later reference.

    A named tuple, not a frozen dataclass: as immutable, and made several times faster (an
    article has a mention every ten words).
    """

    start: int
    # "person", "org", "group", "document", "place", "name" (a proper name of unknown kind)
    kind: str
    name: str  # canonical: titles stripped for people, issuer for documents
    head: str  # last word, lower case: what "the statement", "the ministry" refer back by
    gender: str | None = None  # "m" or "f" when a title or first name tells; for he / she
    # The roles its titles name ("governor", "spokesman"): what "the governor" refers back by.
    roles: frozenset[str] = frozenset()


@dataclass(slots=True)
class MentionIndex:
    """The article's mentions in text order, with what later lookups need, kept as they come.

    Not frozen: the scan appends to it; once `scan_mentions` returns it is only read.
    """

    items: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    # The fullest name of each person's surname (the first of the longest forms).
    fullest: dict[str, str] = field(default_factory=dict)
    # The gender a title or first name gave some form of each person's name (the first seen).
    genders: dict[str, str] = field(default_factory=dict)
    # The last word of every person's name, lower case.
    surnames: set[str] = field(default_factory=set)
    # Words (lower case) the article capitalises where no sentence starts, after a word or a
    # comma: names, not words capitalised for opening a sentence ("Sometimes", "Harsh").
    capitalised_inside: set[str] = field(default_factory=set)

    def add(self, mention: Mention) -> None:
        """Keep a mention found at the end of the text scanned so far."""
        self.items.append(mention)
        self.starts.append(mention.start)
        if mention.kind != "person":
            return
        tokens = mention.name.split()
        if not tokens:
            return
        key = surname(tokens)
        if len(tokens) > len(self.fullest.get(key, "").split()):
            self.fullest[key] = mention.name
        last = tokens[-1].lower()
        self.surnames.add(last)
        if mention.gender and last not in self.genders:
            self.genders[last] = mention.gender

    def resolve_name(self, name: str) -> str:
        """The fullest form of a person's name among the mentions kept, without titles."""
        bare = canonical_speaker(name)
        fullest = self.fullest.get(surname(bare.split()))
        return fullest if fullest is not None and len(fullest.split()) > len(bare.split()) else bare

    def gender_of(self, mention: Mention, fullest: str) -> str | None:
        """A person's gender from a title seen with any form of the name, or a first name."""
        if mention.gender is not None:
            return mention.gender
        last = fullest.split()[-1].lower() if fullest else ""
        if last in self.genders:
            return self.genders[last]
        tokens = fullest.lower().split()
        return first_name_genders().get(tokens[0]) if len(tokens) >= 2 else None

    def is_known_person(self, name: str) -> bool:
        """True when a bare name's last word is the surname of a person the article named."""
        return bool(name) and name.split()[-1].lower() in self.surnames

    def before(self, pos: int) -> int:
        """The index of the last mention starting at or before `pos` (-1 when none)."""
        return bisect.bisect_right(self.starts, pos) - 1

    def back_from(self, pos: int, window: int) -> Iterator[Mention]:
        """The mentions starting at or before `pos`, nearest first, back as far as `window`
        characters: where a pronoun or role noun looks for whom it refers to."""
        k = self.before(pos)
        while k >= 0 and pos - self.items[k].start <= window:
            yield self.items[k]
            k -= 1


def scan_mentions(t: Tokens) -> MentionIndex:
    """Every person, organisation, group and document named outside quotes, in text order.

    Args:
        t: the article's tokens.

    Returns:
        The mentions, indexed for lookups by position, surname and gender.
    """
    index = MentionIndex()
    words, lows, owner = t.words, t.lows, t.owner
    n = len(words)
    # Only capitalised words and entity nouns can start a mention: visit just those, told
    # apart once per distinct word (`lows` reads a contracted pronoun as the pronoun, and no
    # pronoun is an entity noun, so the word's own lower case tells the same).
    starters = {
        w for w in set(words) if w[0].isupper() or (w[0].islower() and w.lower() in _ENTITY_NOUNS)
    }
    candidates = [
        i
        for i in itertools.compress(range(n), map(starters.__contains__, words))
        if owner[i] == FREE
    ]
    index.capitalised_inside.update(
        lows[i]
        for i in candidates
        if i > 0 and words[i][0].isupper() and (words[i - 1][0].isalnum() or words[i - 1] == ",")
    )
    free = 0  # the first token not yet taken by a name
    headlines = _Headlines(t.text)
    for i in candidates:
        if i < free:
            continue
        if words[i][0].isupper():
            if lows[i] in lx.NOT_NAMES:
                continue
            end = _name_run_end(t, i, n)
            mention = _classify_run(t, i, end, index, headlines)
            if mention is not None:
                index.add(mention)
            free = max(end, i + 1)
            continue
        start = _modifiers_start(t, i)
        mention = _common_noun_mention(t, index, start, i + 1)
        if mention is not None and mention.kind == "document" and not mention.name:
            mention = _issued_by_subject(t, index, mention)
        if mention is not None:
            index.add(mention)
    return index


def issuer(t: Tokens, index: MentionIndex, start: int, end: int) -> str | None:
    """Who issued a document or speaks through a spokesperson, from the words around it."""
    words = t.words[start : end - 1]
    lows = [w.lower() for w in words]
    body = [w for w, low in zip(words, lows, strict=True) if low not in lx.DETERMINERS]
    # "Trump's statement", "the ministry's spokesman"
    if body and (body[-1].endswith("\u2019s") or body[-1].endswith("'s")):
        return index.resolve_name(" ".join(strip_possessive(w) for w in body))
    # "an Iraqi military statement", "Pentagon spokesman"
    if body and any(w[0].isupper() for w in body):
        named = " ".join(body)
        if any(w.lower() in lx.ORG_NOUNS for w in body) or not looks_like_person(body):
            return "the " + named if not named.lower().startswith("the ") else named
        return index.resolve_name(named)
    # "a statement from the ministry", "a spokesman for Smith"
    if end + 1 < len(t.words) and t.lows[end] in {"from", "by", "of", "for"}:
        np = np_after(t, end + 1, min(end + 1 + MAX_NP, len(t.words)))
        if np is not None:
            return t.phrase(*np)
    return None


def _name_run_end(t: Tokens, i: int, n: int) -> int:
    """The end (exclusive) of the capitalised name starting at token i."""
    words, lows, owner = t.words, t.lows, t.owner
    j = i + 1
    while j < n and owner[j] == FREE:
        w, low = words[j], lows[j]
        if w == "." and (lows[j - 1] in NAME_ABBREVIATIONS or len(words[j - 1]) == 1):
            if j + 1 < n and words[j + 1][:1].isupper():
                j += 1
                continue
            break
        if w[0].isupper() and low not in _NOT_NAMES_INSIDE:
            if is_possessive(words[j - 1]) and j - 1 >= i:
                break  # HuffPost Live's Alyona Minkovski: an owner, then another name
            j += 1
            continue
        if (low in lx.NAME_PARTICLES or low == "of") and j + 1 < n and words[j + 1][:1].isupper():
            j += 1
            continue
        if (
            low in lx.ORG_CONNECTORS
            and j + 1 < n
            and words[j + 1][:1].isupper()
            and owner[j + 1] == FREE
            and not lx.ORG_NOUNS.isdisjoint(lows[i:j])
        ):
            j += 1  # the Center for American Progress, the Council on Foreign Relations
            continue
        break
    return j


def _classify_run(
    t: Tokens, i: int, end: int, index: MentionIndex, headlines: _Headlines
) -> Mention | None:
    """Tell what a capitalised run names: an organisation, a person, a place, a document.

    Rule by rule: an organisation word anywhere makes an organisation; a place named whole
    (Dallas, New Hampshire, the U.S.) is a place unless a person of that surname was named;
    a plural of a people or party (Muslim Americans, Republicans) is a group; a run after "a"
    or "an" (a Sarasota Republican) or in a title-case headline is no one's name; else a
    titled run, or one of two to four words, is a person.
    """
    run = t.words[i:end]
    words = [strip_possessive(w) for w in run if w != "."]
    if not words:
        return None
    lows = [w.lower() for w in words]
    after = t.lows[end] if end < len(t.lows) else ""
    before = t.lows[i - 1] if i > 0 else ""
    start = t.starts[i]
    if is_place(run) and lows[-1] not in index.surnames:
        return Mention(start, "place", " ".join(words), lows[-1])
    # An organisation keeps its whole name: "the Health Ministry", "the Iraqi military"; an
    # organisation word in a person's title does not make one (Council President Dan Reyes).
    if (
        is_organisation_name(words)
        or after in lx.ORG_NOUNS
        or (not lx.ORG_NOUNS.isdisjoint(lows) and not split_title(words)[0])
    ):
        name = " ".join(words) + (" " + t.words[end] if after in lx.ORG_NOUNS else "")
        if before == "the" or after in lx.ORG_NOUNS:
            name = "the " + name
        return Mention(start, "org", name, after if after in lx.ORG_NOUNS else lows[-1])
    # A title may stand just before the run, when the scan left it out ("Mrs." opens
    # sentences too often to start a name): Mrs. Okafor is a woman, and a person.
    abbreviated = before == "." and i >= 2 and t.lows[i - 2] in NAME_ABBREVIATIONS
    title = t.lows[i - 2] if abbreviated else before  # not "spoke first. Sometimes"
    titled = title in lx.TITLES and title not in lx.DETERMINERS
    gender = GENDERED_TITLES.get(title)
    titles, words = split_title(words) if len(words) > 1 else ([], words)
    if titles:
        lows = lows[len(titles) :]
    title_lows = [w.lower().rstrip(".") for w in titles] + ([title] if titled else [])
    titled = titled or not lx.TITLES.isdisjoint(title_lows)
    for w in title_lows:
        gender = gender or GENDERED_TITLES.get(w)
    roles = frozenset(role_of(w) for w in title_lows if w in lx.TITLES) if title_lows else _NO_ROLES
    name = " ".join(words)
    if len(lows) >= 2:
        gender = gender or first_name_genders().get(lows[0])
    head = lows[-1]
    if not lx.PLACE_WORDS.isdisjoint(lows):
        return Mention(start, "name", name, head)
    if after in lx.DOCUMENT_NOUNS:
        return Mention(start, "document", name, after)
    if head in lx.GROUP_NOUNS or (head.endswith("ans") and len(head) > 5):
        return Mention(start, "group", name, head)  # Muslim Americans, Democrats
    if before in {"a", "an"} or headlines.holds(start) or not _may_be_a_name(words, lows):
        return Mention(start, "name", name, head, gender)
    # A person's name has two to four words (Martin Luther King Jr); a longer capitalised
    # run is a headline or a title ("Chris Christie Calls Hillary Clinton").
    if titled or 2 <= len([w for w in lows if w not in lx.NAME_SUFFIXES]) <= MAX_NAME_WORDS:
        return Mention(start, "person", name, head, gender, roles)
    return Mention(start, "name", name, head, gender)


def _issued_by_subject(t: Tokens, index: MentionIndex, document: Mention) -> Mention:
    """A document named without its issuer ("issued a statement") is the clause subject's.

    The subject is the organisation or person named just before, in the same sentence.
    """
    if index.items:
        last = index.items[-1]
        between = t.text[last.start : document.start]
        if (
            last.kind in {"org", "person", "name"}
            and len(between) < 80
            and not any(mark in between for mark in (". ", "? ", "! ", "\n"))
        ):
            name = index.resolve_name(last.name) if last.kind == "person" else last.name
            return Mention(document.start, "document", name, document.head)
    return document


def _modifiers_start(t: Tokens, i: int) -> int:
    """The first token of the modifiers before a noun: 'anti-government' protesters."""
    j = i
    while j > 0 and i - j < 4 and t.owner[j - 1] == FREE:
        w, low = t.words[j - 1], t.lows[j - 1]
        if not w[0].isalnum() or low in lx.SUBJECT_STOPS or low in lx.CUE_VERBS:
            break
        j -= 1
        if low in lx.DETERMINERS:
            break
    return j


def _common_noun_mention(t: Tokens, index: MentionIndex, start: int, end: int) -> Mention | None:
    """A mention headed by a common noun: the statement, a spokesman, protesters, the ministry."""
    words = t.words[start:end]
    lows = [w.lower() for w in words]
    head = lows[-1]
    body = [w for w, low in zip(words, lows, strict=True) if low not in lx.DETERMINERS]
    pos = t.starts[start]
    if head in lx.DOCUMENT_NOUNS or head in lx.SPOKESPERSON_NOUNS:
        return Mention(pos, "document", issuer(t, index, start, end) or "", head)
    if head in lx.GROUP_NOUNS:
        return Mention(pos, "group", " ".join(body), head)
    if head in lx.ORG_NOUNS:
        has_proper = any(w[0].isupper() for w in body[:-1])
        name = ("the " + " ".join(body)) if has_proper else ""
        return Mention(pos, "org", name, head)
    return None


def _may_be_a_name(words: list[str], lows: list[str]) -> bool:
    """False for runs that cannot be a person's name: no word but titles (Former U.S., the
    first Republican), a word in capitals (FULL TEXT, Notorious RBG), or the head of a law,
    plan or party description (the Affordable Care Act, a Wisconsin Republican)."""
    if all(low.rstrip(".") in lx.TITLES for low in lows):
        return False
    if any(len(w) >= 2 and w.isupper() and w.isalpha() and w.lower() not in lx.NAME_SUFFIXES
           for w in words):  # fmt: skip
        return False
    return lows[-1] not in _NOT_PERSON_HEADS


# Words that end a capitalised run naming no person: laws, plans, and party descriptions.
_NOT_PERSON_HEADS = frozenset(
    {
        "act", "law", "bill", "amendment", "treaty", "agreement", "accord", "plan", "program",
        "programme", "initiative", "project", "republican", "democrat", "independent",
        "libertarian", "conservative", "liberal", "progressive",
    }
)  # fmt: skip


class _Headlines:
    """Which lines of the text are title-case headlines ("Trump's ISIL Tone Belies Dovish
    Record"), whose capitalised runs are words of a title, not names.

    Not a dataclass: a memo of the lines already measured.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._memo: dict[int, bool] = {}

    def holds(self, pos: int) -> bool:
        """True when the line holding `pos` is a headline in title case."""
        # Only a line's last _HEADLINE_CHARS characters can hold a headline's words.
        start = self._text.rfind("\n", max(0, pos - _HEADLINE_CHARS), pos) + 1
        if start == 0 and pos > _HEADLINE_CHARS:
            return False  # the line runs on further back: longer than any headline
        if start not in self._memo:
            end = self._text.find("\n", pos, start + _HEADLINE_CHARS + 1)
            line = self._text[start : end if end != -1 else start + _HEADLINE_CHARS + 1]
            self._memo[start] = _is_title_case(line)
        return self._memo[start]


# A line with at least this many words, this share of them capitalised, is a headline.
_HEADLINE_WORDS = 5
_HEADLINE_SHARE = 0.8
# A headline is one line of at most this many characters.
_HEADLINE_CHARS = 200


def _is_title_case(line: str) -> bool:
    """True for a short line, not ended by a full stop, whose words nearly all begin with a
    capital letter."""
    if len(line) > _HEADLINE_CHARS or line.rstrip().endswith("."):
        return False  # a sentence full of names ends with a full stop; a headline does not
    words = [w for w in line.split() if w[:1].isalpha() and w.lower() not in lx.TITLE_SMALL_WORDS]
    if len(words) < _HEADLINE_WORDS:
        return False
    return sum(w[0].isupper() for w in words) >= _HEADLINE_SHARE * len(words)
