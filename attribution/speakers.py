"""Speaker attribution: who each quote is credited to, through which cue, and what kind it is.

Separate from mark pairing (`extract.py`) because it works on words and sentences around a
quote, and on the people and organisations the whole article has introduced: `he said` is
the last person named, `the statement said` is the issuer of the statement named earlier.
The same canonical names let `align.py` decide whether two articles credit one speaker.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import attribution.extract as qm  # a cycle: extract calls this module, at run time
from attribution import lexicon as lx
from attribution.model import QuoteKind
from attribution.normalize import is_name_variant

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from attribution.extract import Pairing

# Words (with inner hyphens, apostrophes and dots: al-Sadr, Iraq’s, U.S) or single marks.
_TOKEN_RE = re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]")
# A pronoun with a contracted verb: he's, she'd, they're, it'll, we've, I'm.
_CONTRACTION_IN_TEXT_RE = re.compile(
    r"\b(he|she|they|it|we|i|you)['\u2019](?:s|d|ll|re|ve|m)\b(?!['\u2019-]\w)", re.I
)
# Any quotation mark, for stopping a look-ahead at the next quote.
DOUBLE_AND_SINGLE_MARKS = frozenset(
    "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"
)
# Dashes that introduce a byline after a quote: ” — Commissioner Geoffrey Starks (em, en,
# horizontal bar, figure dash, hyphen).
_DASHES = frozenset({"\u2014", "\u2013", "\u2015", "\u2012", "-"})
# Closing quotation marks (and the last character of `''`), for telling a quote's end.
_CLOSING_MARKS = frozenset("\"'\u201d\u2019\u00bb\u203a\u201c")
# Small words between a term marker and its term: known as the “X”, a show called the “Y”.
_MARKER_TAILS = frozenset({"as", "the", "a", "an"})
# The most words a person's name has, suffixes aside.
_MAX_NAME_WORDS = 4
# The gender of each person pronoun, and of titles that tell one ("Mrs. Clinton").
_PRONOUN_GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# Titles written short or in another gender, read as the role "the ..." refers back by:
# Gov. Laura Petersen is "the governor", a spokeswoman is "the spokesman".
_ROLE_OF_TITLE = {
    "gov": "governor", "sen": "senator", "sens": "senator", "rep": "representative",
    "reps": "representative", "congressman": "representative",
    "congresswoman": "representative", "pres": "president", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "maj": "major", "capt": "captain", "sgt": "sergeant",
    "adm": "admiral", "cmdr": "commander", "dr": "doctor", "prof": "professor",
    "supt": "superintendent", "insp": "inspector", "det": "detective", "atty": "attorney",
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "chairwoman": "chairman",
    "chair": "chairman", "councilwoman": "councilman", "assemblywoman": "assemblyman",
}  # fmt: skip
_GENDERED_TITLES = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m",
    "lady": "f", "congressman": "m", "congresswoman": "f", "assemblyman": "m",
    "assemblywoman": "f", "councilman": "m", "councilwoman": "f", "chairman": "m",
    "chairwoman": "f", "spokesman": "m", "spokeswoman": "f", "king": "m", "queen": "f",
    "prince": "m", "princess": "f", "father": "m", "sister": "f", "brother": "m",
}  # fmt: skip
# Possessive pronouns, and the pronoun each stands for when resolving who owns the words.
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
# Common nouns that name an entity a pronoun or role noun may refer back to.
_ENTITY_NOUNS = lx.GROUP_NOUNS | lx.DOCUMENT_NOUNS | lx.ORG_NOUNS | lx.SPOKESPERSON_NOUNS
# The owner of tokens inside markup tags (quotes own theirs by index, free words are -1).
_MARKUP = -2
# Words that cannot open a speaker phrase after an inverted cue.
_NOT_INVERTED_SPEAKERS = frozenset(
    {"that", "this", "these", "those", "which", "who", "what", "how", "whether", "if", "it"}
)
# The most tokens an attribution closing a sentence has: ", Rep. Adam Schiff said Tuesday."
_TRAILING_ATTRIBUTION = 8
# How far back (tokens) a speaker may stand before the comma-set phrases describing it:
# "Kevin Barrett, a lawyer at Bailey & Glasser, who represents the state in the cases, said".
_MAX_APPOSITIVES = 60
# What sets off a phrase describing a speaker: commas and dashes ("Dickey -- the owner -- told").
_APPOSITIVE_SEPARATORS = frozenset({",", "\u2014", "\u2013", "-"})
# How many words into a sentence its cue may stand for the sentence to be an attribution
# ("a narrator in the Clinton ad asks." is six).
_MAX_CUE_OFFSET = 8
# The longest object between a cue and the title-shaped words it names, in tokens.
_MAX_OBJECT = 6
# How far before a quote (tokens) its owner's speech noun may stand: "Trump's claim that
# there have been, in gun-controlled Chicago alone, “thousands of shootings”".
_POSSESSOR_REACH = 16
# The farthest a cue may stand from a quote in an interrupting attribution, in tokens:
# “A,” said Hugh Hill, a doctor at the clinic in Basra, “B.” is about this long.
_MAX_INTERRUPTION = 16
# The longest speaker phrase walked over, in tokens ("Outgoing Prime Minister Adel Abdul Mahdi").
_MAX_NP = 9
# A term is short: the so-called "peace dividend", a show called "Keeping Up with the Kardashians".
_MAX_TERM_WORDS = 6
# A sentence ending inside a quote ("No. Never.") rules out a title.
_INNER_SENTENCE_END_RE = re.compile(r"[.!?]\s")
# How far back (characters) a pronoun or role noun looks for its antecedent.
_ANTECEDENT_WINDOW = 6000
# Abbreviations that take a dot inside a name: Gov. Mike Pence, Lt. Gen. Smith, Martin Luther
# King Jr.; also single initials (George W. Bush), handled by length.
_NAME_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gov",
        "sen",
        "rep",
        "lt",
        "gen",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "adm",
        "cmdr",
        "rev",
        "fr",
        "st",
        "jr",
        "sr",
        "prof",
        "pres",
        "supt",
        "insp",
        "det",
    }
)
# Punkt abbreviations shipped with the package, so no NLTK data is needed.
_PUNKT_ABBREVIATIONS = frozenset(
    _NAME_ABBREVIATIONS
    | {
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "d.c",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "ave",
        "blvd",
        "rd",
        "dept",
        "univ",
        "assn",
        "bros",
        "gen",
        "govt",
        "approx",
        "est",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
        "r",
        "d",
        "i",
    }
)
# Place words: a capitalised run holding one is a place or body, never a person.
_PLACE_WORDS = frozenset(
    {
        "united",
        "states",
        "kingdom",
        "republic",
        "north",
        "south",
        "east",
        "west",
        "new",
        "city",
        "county",
        "province",
        "island",
        "islands",
        "river",
        "street",
        "avenue",
        "road",
        "airport",
        "base",
        "airbase",
        "gulf",
        "sea",
        "ocean",
        "mountains",
        "valley",
        "bay",
        "park",
        "square",
        "bridge",
        "district",
        "region",
        "state",
        "force",
        "forces",
        "images",
        "group",
        "war",
        "day",
        "airlines",
        "festival",
        "awards",
        "church",
        "mosque",
        "tower",
        "hall",
        "center",
        "centre",
        "zone",
        "strait",
        "canal",
        "lake",
        "desert",
        "coast",
        "border",
    }
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is credited to (canonical and as written), the cue, and the quote's kind."""

    speaker: str | None
    mention: str | None
    cue: str | None
    kind: QuoteKind


@dataclass(frozen=True, slots=True)
class _Entity:
    """A person, organisation, group or document named in the article, for later reference."""

    start: int
    kind: str  # "person", "org", "group", "document", "name" (unknown kind of proper name)
    name: str  # canonical: titles stripped for people, issuer for documents
    head: str  # last word, lower case: what "the statement", "the ministry" refer back by
    gender: str | None = None  # "m" or "f" when a title or first name tells; for he / she
    # The roles its titles name ("governor", "spokesman"): what "the governor" refers back by.
    roles: frozenset[str] = frozenset()


def join_split_quotes(text: str, pairings: list[Pairing]) -> list[Pairing]:
    """Join a quote interrupted by its attribution (`“A,” she said, “B.”`) into one statement.

    Args:
        text: the article.
        pairings: quotes as paired by `extract.pair_quote_marks`, in text order.

    Returns:
        The pairings with each interrupted quote's parts joined, its pieces in order.
    """
    out: list[Pairing] = []
    for pairing in pairings:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.paragraph == pairing.paragraph
            and prev.close_mark is not None
            and prev.uncertain is None
            and pairing.uncertain is None
            and _same_family(qm.mark_at(text, prev.open_mark), qm.mark_at(text, pairing.open_mark))
            and _is_interruption(text[qm.mark_end(text, prev.close_mark) : pairing.open_mark])
            and not _has_own_attribution(text, pairing)
        ):
            prev.inner_marks.append((prev.close_mark, pairing.open_mark))
            prev.pieces.extend(pairing.pieces)
            prev.close_mark = pairing.close_mark
            continue
        out.append(pairing)
    return out


def attribute(
    text: str, pairings: Sequence[Pairing], paragraphs: Sequence[tuple[int, int]]
) -> list[Attribution]:
    """Find the speaker, cue and kind of every quote.

    Args:
        text: the article.
        pairings: its quotes, after `join_split_quotes`.
        paragraphs: its paragraph spans (`extract.paragraph_spans`).

    Returns:
        One attribution per pairing, in the same order. A quote whose speaker cannot be found
        keeps speaker None; it is never dropped.
    """
    doc = _Document(text, pairings, paragraphs)
    found = [doc.find_attribution(i) for i in range(len(pairings))]
    return doc.finish(found)


def canonical_speaker(name: str) -> str:
    """A speaker's name without titles and possessives, for comparing across articles.

    `Prime Minister Adel Abdul Mahdi` gives `Adel Abdul Mahdi`; organisations keep their
    determiner (`the Iraqi military`).
    """
    words = name.replace("\u2019s", "").replace("'s", "").split()
    if _is_organisation_name(words):
        return " ".join(words)  # an organisation keeps every word: Lothbury Health Board
    return " ".join(split_title(words)[1])


def _is_organisation_name(words: Sequence[str]) -> bool:
    """True when a name's head is an organisation: Lothbury Health Board, Office of X.

    An organisation word inside a person's title does not count (Senate Majority Leader
    Dana Cole is a person).
    """
    lows = [w.lower().strip(".,") for w in words]
    if not lows:
        return False
    if lows[-1] in lx.ORG_NOUNS:
        return True
    return any(low in lx.ORG_NOUNS and nxt == "of" for low, nxt in itertools.pairwise(lows))


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
    return _ROLE_OF_TITLE.get(low, low)


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


# --- quote interruption ---------------------------------------------------------------------


def _same_family(a: str, b: str) -> bool:
    return (a in qm.DOUBLE_MARKS) == (b in qm.DOUBLE_MARKS)


def _is_interruption(gap: str) -> bool:
    """True when the text between two quotes is only an attribution: `, she said, `."""
    tokens = _TOKEN_RE.findall(gap)
    words = [t for t in tokens if t[0].isalnum()]
    if not words or len(tokens) > _MAX_INTERRUPTION:
        return False
    # The second quote opens after punctuation (`, she said, “B`); one opening mid-clause
    # (`she wanted to speak “B”`) is a fragment of the reporter's sentence, not a continuation.
    if tokens[-1] not in {",", ".", ":", ";", "\u2014", "\u2013", "-"}:
        return False
    if any(t in lx.TERM_MARKERS for t in (w.lower() for w in words[:1])):
        return False
    lows = [w.lower() for w in words]
    has_cue = any(w in lx.CUE_VERBS for w in lows) or ("according" in lows and "to" in lows)
    # Nothing but the attribution: no second clause ("he said, adding that"), and no object
    # after a cue that has its subject ("she added the words"; "said the mayor" inverts).
    cue = next((i for i, w in enumerate(lows) if w in lx.CUE_VERBS), None)
    if cue is not None and 0 < cue < len(lows) - 1 and lows[cue + 1] in lx.NOUN_DETERMINERS:
        return False
    return has_cue and "that" not in lows and "because" not in lows


def _has_own_attribution(text: str, pairing: Pairing) -> bool:
    """True when a quote is followed by its own cue (“B,” she added): a second statement."""
    if pairing.close_mark is None:
        return False
    after = text[qm.mark_end(text, pairing.close_mark) : pairing.close_mark + 80]
    tokens = _TOKEN_RE.findall(after.split("\n", 1)[0])
    head = []
    for token in tokens:
        if token in {".", "!", "?"} or token in DOUBLE_AND_SINGLE_MARKS:
            break
        head.append(token.lower())
    return any(w in lx.CUE_VERBS for w in head[:6])


# --- the article --------------------------------------------------------------------------


class _Document:
    """The article's words, sentences and named entities, built once for all its quotes.

    Not a dataclass: it is a private working set with caches, built and dropped per article.
    """

    def __init__(
        self, text: str, pairings: Sequence[Pairing], paragraphs: Sequence[tuple[int, int]]
    ) -> None:
        self.text = text
        self.pairings = pairings
        self.paragraphs = paragraphs
        self.para_starts = [p[0] for p in paragraphs]
        matches = list(_TOKEN_RE.finditer(text))
        self.words = [m.group() for m in matches]
        # Lower case, with a contracted pronoun read as the pronoun: "He's claiming" is "he".
        self.lows = [w.lower() for w in self.words]
        self.starts = [m.start() for m in matches]
        for m in _CONTRACTION_IN_TEXT_RE.finditer(text):
            i = bisect.bisect_left(self.starts, m.start())
            if i < len(self.starts) and self.starts[i] == m.start():
                self.lows[i] = m.group(1).lower()
        # Which quote a token belongs to: -1 outside quotes; marks count as inside.
        self.owner = self._owners()
        # Filled in text order; a name resolved during the scan sees the entities before it.
        self.entities: list[_Entity] = []
        self._scanned = False
        self._scan_entities()
        self._scanned = True
        self.entity_starts = [e.start for e in self.entities]
        self._sentence_cache: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}

    # -- setup --

    def _owners(self) -> list[int]:
        owner = [-1] * len(self.words)
        for index, pairing in enumerate(self.pairings):
            regions = [(pairing.open_mark, pairing.pieces[0][1])]
            regions += [(s, e) for s, e in pairing.pieces[1:]]
            close = pairing.close_mark
            last_end = qm.mark_end(self.text, close) if close is not None else pairing.end
            regions[-1] = (regions[-1][0], last_end)
            for close_pos, open_pos in pairing.inner_marks:
                regions.append((close_pos, qm.mark_end(self.text, close_pos)))
                regions.append((open_pos, qm.mark_end(self.text, open_pos)))
            for start, end in regions:
                i = bisect.bisect_left(self.starts, start)
                while i < len(self.starts) and self.starts[i] < end:
                    owner[i] = index
                    i += 1
        # Markup tags (`<tweet author="...">`) hold no one's words or cues: like a quote,
        # they are skipped and bound the words around a quote.
        for start, end in qm.markup_spans(self.text):
            i = bisect.bisect_left(self.starts, start)
            while i < len(self.starts) and self.starts[i] < end:
                owner[i] = _MARKUP
                i += 1
        return owner

    def _scan_entities(self) -> None:
        """Every person, organisation, group and document named outside quotes, in order."""
        words, lows, owner = self.words, self.lows, self.owner
        entities = self.entities
        n = len(words)
        nouns = _ENTITY_NOUNS
        # Only capitalised words and entity nouns can start an entity: visit just those.
        candidates = [
            i
            for i, w in enumerate(words)
            if w[0].isupper() or (w[0].islower() and lows[i] in nouns)
        ]
        free = 0  # the first token not yet taken by a name
        for i in candidates:
            if i < free or owner[i] != -1:
                continue
            if words[i][0].isupper():
                if lows[i] in lx.NOT_NAMES:
                    continue
                end = self._name_run_end(i, n)
                entity = self._classify_run(i, end)
                if entity is not None:
                    entities.append(entity)
                free = max(end, i + 1)
                continue
            start = self._modifiers_start(i)
            entity = self._common_noun_entity(start, i + 1)
            if entity is not None and entity.kind == "document" and not entity.name:
                entity = self._issued_by_subject(entity, entities)
            if entity is not None:
                entities.append(entity)

    def _name_run_end(self, i: int, n: int) -> int:
        """The end (exclusive) of the capitalised name starting at token i."""
        words, lows, owner = self.words, self.lows, self.owner
        j = i + 1
        while j < n and owner[j] == -1:
            w, low = words[j], lows[j]
            if w == "." and (lows[j - 1] in _NAME_ABBREVIATIONS or len(words[j - 1]) == 1):
                if j + 1 < n and words[j + 1][:1].isupper():
                    j += 1
                    continue
                break
            if w[0].isupper() and low not in lx.NOT_NAMES - {"may"}:
                j += 1
                continue
            if (
                (low in lx.NAME_PARTICLES or low == "of")
                and j + 1 < n
                and words[j + 1][:1].isupper()
            ):
                j += 1
                continue
            break
        return j

    def _classify_run(self, i: int, end: int) -> _Entity | None:
        """Tell what a capitalised run names: an organisation, a person, a place, a document."""
        words = [_strip_possessive(w) for w in self.words[i:end] if w != "."]
        if not words:
            return None
        lows = [w.lower() for w in words]
        after = self.lows[end] if end < len(self.lows) else ""
        before = self.lows[i - 1] if i > 0 else ""
        start = self.starts[i]
        # An organisation keeps its whole name: "the Health Ministry", "the Iraqi military".
        if any(w in lx.ORG_NOUNS for w in lows) or after in lx.ORG_NOUNS:
            name = " ".join(words) + (" " + self.words[end] if after in lx.ORG_NOUNS else "")
            if before == "the" or after in lx.ORG_NOUNS:
                name = "the " + name
            return _Entity(start, "org", name, after if after in lx.ORG_NOUNS else lows[-1])
        # A title may stand just before the run, when the scan left it out ("Mrs." opens
        # sentences too often to start a name): Mrs. Okafor is a woman, and a person.
        title = self.lows[i - 2] if before == "." and i >= 2 else before
        titled = title in lx.TITLES and title not in lx.DETERMINERS
        gender = _GENDERED_TITLES.get(title)
        titles, words = split_title(words) if len(words) > 1 else ([], words)
        lows = [w.lower() for w in words]
        title_lows = [t.lower().rstrip(".") for t in titles] + ([title] if titled else [])
        titled = titled or any(t in lx.TITLES for t in title_lows)
        for t in title_lows:
            gender = gender or _GENDERED_TITLES.get(t)
        roles = frozenset(role_of(t) for t in title_lows if t in lx.TITLES)
        name = " ".join(words)
        if len(lows) >= 2:
            gender = gender or _first_name_genders().get(lows[0])
        head = lows[-1]
        if any(w in _PLACE_WORDS for w in lows):
            return _Entity(start, "name", name, head)
        if after in lx.DOCUMENT_NOUNS:
            return _Entity(start, "document", name, after)
        # A person's name has two to four words (Martin Luther King Jr); a longer capitalised
        # run is a headline or a title ("Chris Christie Calls Hillary Clinton").
        if titled or 2 <= len([w for w in lows if w not in lx.NAME_SUFFIXES]) <= _MAX_NAME_WORDS:
            return _Entity(start, "person", name, head, gender, roles)
        return _Entity(start, "name", name, head, gender)

    def _issued_by_subject(self, document: _Entity, earlier: list[_Entity]) -> _Entity:
        """A document named without its issuer ("issued a statement") is the clause subject's.

        The subject is the organisation or person named just before, in the same sentence.
        """
        if earlier:
            last = earlier[-1]
            between = self.text[last.start : document.start]
            if (
                last.kind in {"org", "person", "name"}
                and len(between) < 80
                and not any(mark in between for mark in (". ", "? ", "! ", "\n"))
            ):
                name = _fullest_name(last.name, earlier) if last.kind == "person" else last.name
                return _Entity(document.start, "document", name, document.head)
        return document

    def _modifiers_start(self, i: int) -> int:
        """The first token of the modifiers before a noun: 'anti-government' protesters."""
        j = i
        while j > 0 and i - j < 4 and self.owner[j - 1] == -1:
            w, low = self.words[j - 1], self.lows[j - 1]
            if not w[0].isalnum() or low in lx.SUBJECT_STOPS or low in lx.CUE_VERBS:
                break
            j -= 1
            if low in lx.DETERMINERS:
                break
        return j

    def _common_noun_entity(self, start: int, end: int) -> _Entity | None:
        words = self.words[start:end]
        lows = [w.lower() for w in words]
        head = lows[-1]
        body = [w for w, low in zip(words, lows, strict=True) if low not in lx.DETERMINERS]
        pos = self.starts[start]
        if head in lx.DOCUMENT_NOUNS or head in lx.SPOKESPERSON_NOUNS:
            issuer = self._issuer(start, end)
            return _Entity(pos, "document", issuer or "", head)
        if head in lx.GROUP_NOUNS:
            return _Entity(pos, "group", " ".join(body), head)
        if head in lx.ORG_NOUNS:
            has_proper = any(w[0].isupper() for w in body[:-1])
            name = ("the " + " ".join(body)) if has_proper else ""
            return _Entity(pos, "org", name, head)
        return None

    def _issuer(self, start: int, end: int) -> str | None:
        """Who issued a document or speaks through a spokesperson, from the words around it."""
        words = self.words[start : end - 1]
        lows = [w.lower() for w in words]
        body = [w for w, low in zip(words, lows, strict=True) if low not in lx.DETERMINERS]
        # "Trump's statement", "the ministry's spokesman"
        if body and (body[-1].endswith("\u2019s") or body[-1].endswith("'s")):
            return self.resolve_name(" ".join(_strip_possessive(w) for w in body))
        # "an Iraqi military statement", "Pentagon spokesman"
        if body and any(w[0].isupper() for w in body):
            named = " ".join(body)
            if any(w.lower() in lx.ORG_NOUNS for w in body) or not _looks_like_person(body):
                return "the " + named if not named.lower().startswith("the ") else named
            return self.resolve_name(named)
        # "a statement from the ministry", "a spokesman for Smith"
        if end + 1 < len(self.words) and self.lows[end] in {"from", "by", "of", "for"}:
            np = self._np_after(end + 1, min(end + 1 + _MAX_NP, len(self.words)))
            if np is not None:
                return self.mention_text(*np)
        return None

    # -- sentences --

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The quote-aware sentence around `pos` (a split inside a quote is undone)."""
        p = bisect.bisect_right(self.para_starts, pos) - 1
        if p < 0:
            return (0, len(self.text))
        if p not in self._sentence_cache:
            sentences = self._sentences(self.paragraphs[p])
            self._sentence_cache[p] = (sentences, [s for s, _ in sentences])
        sentences, starts = self._sentence_cache[p]
        k = bisect.bisect_right(starts, pos) - 1
        return sentences[max(k, 0)]

    @functools.cached_property
    def _pieces(self) -> tuple[list[tuple[int, int]], list[int]]:
        """Every quote's pieces in text order, and their starts, for finding a position's."""
        pieces = sorted(piece for pairing in self.pairings for piece in pairing.pieces)
        return pieces, [s for s, _ in pieces]

    def _sentences(self, para: tuple[int, int]) -> list[tuple[int, int]]:
        start, end = para
        spans = [(start + s, start + e) for s, e in _punkt().span_tokenize(self.text[start:end])]
        if not spans:
            return [para]
        # Undo splits inside a quote: Punkt cuts “No. Never.” in two.
        pieces, piece_starts = self._pieces
        merged = [spans[0]]
        for s, e in spans[1:]:
            k = bisect.bisect_left(piece_starts, s) - 1  # the last piece starting before s
            if (k >= 0 and s <= pieces[k][1]) or (
                # A quote ending in ? or ! and its attribution are one sentence, which Punkt
                # splits: “Why not?” Vitter demanded. (A statement ends its quote with a
                # comma when an attribution follows, so `.”` does end a sentence.)
                self.text[merged[-1][1] - 1] in _CLOSING_MARKS
                and self.text[merged[-1][1] - 2 : merged[-1][1] - 1] in ("?", "!")
                and _starts_with_attribution(self.text[s:e])
            ):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return merged

    # -- attribution of one quote --

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices (lo, hi) of the tokens starting within [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def find_attribution(self, index: int) -> _Found:
        """The cue and speaker phrase of one quote, from the strongest rule that applies."""
        pairing = self.pairings[index]
        close = pairing.close_mark if pairing.close_mark is not None else pairing.end
        after_close = qm.mark_end(self.text, close) if pairing.close_mark is not None else close
        # Rule 1: the attribution that interrupts a split quote (“A,” she said, “B.”).
        for close_pos, open_pos in pairing.inner_marks:
            lo, hi = self.token_range(qm.mark_end(self.text, close_pos), open_pos)
            found = self._cue_in(lo, hi, lo, hi, first=True)
            if found is not None:
                return found
        # Rule 2: a transcript's speaker label opens the quote: "PENCE: Well, look, ...".
        label = self._transcript_label(pairing)
        if label is not None:
            return _Found(None, label, "label")
        s_start, _ = self.sentence_of(pairing.open_mark)
        _, s_end = self.sentence_of(close)
        lead_lo, lead_hi = self.token_range(s_start, pairing.open_mark)
        trail_lo, trail_hi = self.token_range(after_close, s_end)
        trail_hi = self._until_next_quote(trail_lo, trail_hi)
        lead_lo = self._after_previous_quote(lead_lo, lead_hi)
        # Rule 3: a byline after a dash: ” — Commissioner Geoffrey Starks. The sentence
        # splitter may have put the byline in a sentence of its own, so read to the line's end.
        para_end = self.paragraphs[pairing.paragraph][1]
        byline_lo, byline_hi = self.token_range(after_close, para_end)
        byline_hi = self._until_next_quote(byline_lo, byline_hi)
        t = byline_lo
        while t < byline_hi and self.words[t] in {",", "."}:
            t += 1
        if t < byline_hi and self.words[t] in _DASHES:
            np = self._np_after(t + 1, byline_hi)
            if np is not None and self.words[np[0]][0].isupper():
                return _Found("\u2014", np, "trail")
        # Rule 4: "according to X" on either side.
        for lo, hi, where in ((trail_lo, trail_hi, "trail"), (lead_lo, lead_hi, "lead")):
            for k in range(lo, hi - 1):
                if self.lows[k] == "according" and self.lows[k + 1] == "to":
                    np = self._np_after(k + 2, hi)
                    if np is not None:
                        return _Found("according to", np, where)
        # Rule 5: a cue right after the quote: “...,” the statement said / said Hugh Hill.
        # Rule 6: a cue before it: Smith said: “...” / called the plan “a shell game”.
        # A quote inside the reporter's sentence (words before it) belongs to the cue before
        # it (Flynn said Trump was “right” when he spoke): rule 6 goes first there.
        trail = (trail_lo, min(trail_hi, trail_lo + _MAX_INTERRUPTION), trail_lo, trail_hi)
        lead = (lead_lo, lead_hi, lead_lo, lead_hi)
        order = [("lead", lead, False), ("trail", trail, True)]
        if lead_lo == lead_hi or self.words[lead_hi - 1] in {".", "!", "?"}:
            order.reverse()
        for where, (lo, hi, np_lo, np_hi), first in order:
            found = self._cue_in(lo, hi, np_lo, np_hi, first=first, framing=where == "lead")
            if found is not None:
                return _Found(found.cue, found.np, where)
        # Rule 7: a cue later in the sentence: “...” to defeat IS, a statement said Thursday.
        found = self._cue_in(trail_lo, trail_hi, trail_lo, trail_hi, first=True)
        if found is not None:
            return _Found(found.cue, found.np, "trail")
        # Rule 7b: a sentence opening with a participle cue has its subject after the
        # phrase, past the quote and its comma: Calling the plan “a shell game,” Ruiz voted no.
        if (
            lead_lo < lead_hi
            and self.lows[lead_lo].endswith("ing")
            and self.lows[lead_lo] in lx.FRAMING_VERBS
            and self.words[lead_lo][0].isupper()
            and trail_lo < trail_hi
        ):
            comma_inside = self.text[pairing.end - 1 : pairing.end] == ","
            start = trail_lo + 1 if self.words[trail_lo] == "," else trail_lo
            if comma_inside or start > trail_lo:
                np = self._np_after(start, trail_hi)
                if np is not None and self._is_speaker_like(np):
                    return _Found(self.words[lead_lo], np, "lead")
        # Rule 8: a colon ends the words before the quote without any cue: the subject of
        # that sentence introduces it (Obama is rolling out a new message: “It's about me.”).
        if lead_lo < lead_hi and self.words[lead_hi - 1] == ":":
            np = self._clause_subject(lead_lo, lead_hi - 1)
            if np is not None:
                return _Found(None, np, "colon")
        # Rule 9: words owned by someone: Clinton's “public option”, his “average American”
        # followers, Trump's claim that there have been “thousands of shootings”.
        np = self._possessor(lead_lo, lead_hi)
        if np is not None:
            return _Found(None, np, "possessive")
        # Rule 10: the sentence before introduced it with a colon: Smith said Tuesday: / “...”
        if lead_lo == lead_hi and s_start > 0:
            prev_end = s_start
            while prev_end > 0 and self.text[prev_end - 1].isspace():
                prev_end -= 1
            if prev_end > 0 and self.text[prev_end - 1] == ":":
                p_start, _ = self.sentence_of(prev_end - 1)
                lo, hi = self.token_range(p_start, prev_end)
                found = self._cue_in(lo, hi, lo, hi, first=False)
                if found is not None:
                    return _Found(found.cue, found.np, "colon")
                # Sanders made the following comment: / “...”
                np = self._clause_subject(lo, hi - 1)
                if np is not None:
                    return _Found(None, np, "colon")
            # Rule 11: the sentence before, in the same paragraph, ends with its attribution
            # (The administration may be reluctant to act, Schiff said. “The other ...”):
            # the same speaker goes on, now quoted.
            para_start = self.paragraphs[pairing.paragraph][0]
            if prev_end > para_start and self.text[prev_end - 1] == ".":
                p_start, _ = self.sentence_of(prev_end - 1)
                lo, hi = self.token_range(max(p_start, para_start), prev_end)
                lo = max(lo, hi - _TRAILING_ATTRIBUTION)
                found = self._cue_in(lo, hi, lo, hi, first=False)
                if found is not None and found.np is not None:
                    # Set off by a comma: ", Schiff said." or ", said Schiff."
                    start = found.np[0]
                    if "," in self.words[max(start - 2, 0) : start]:
                        return _Found(found.cue, found.np, "previous sentence")
        return _Found(None, None, "none")

    def _possessor(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Who owns the words before a quote: a possessive right before it, or one before a
        noun for speech in the same clause (Trump's claim that there have been “...”)."""
        if hi <= lo:
            return None
        if _is_possessive(self.words[hi - 1]) or self.lows[hi - 1] in _POSSESSIVE_PRONOUNS:
            # Only words (“public option”), not a title or name (DuVernay's “13th”).
            return self._owner_phrase(hi - 1, lo) if self._quote_starts_lower(hi) else None
        for k in range(hi - 2, max(lo, hi - _POSSESSOR_REACH) - 1, -1):
            if self.lows[k + 1] in lx.SPEECH_NOUNS and (
                _is_possessive(self.words[k]) or self.lows[k] in _POSSESSIVE_PRONOUNS
            ):
                return self._owner_phrase(k, lo)
        return None

    def _quote_starts_lower(self, k: int) -> bool:
        """True when the quote whose opening mark is token k begins with a lower-case word."""
        for word in self.words[k + 1 : k + 4]:  # past the mark (two tokens for '')
            if word[0].isalnum():
                return word[0].islower()
        return False

    def _owner_phrase(self, k: int, lo: int) -> tuple[int, int] | None:
        """The possessor ending at token k, when it can speak: Hillary Clinton's, his."""
        if self.lows[k] in _POSSESSIVE_PRONOUNS:
            return (k, k + 1)
        np = self._np_ending_at(k, lo)
        if np is None:
            return None
        if self.words[k][0].isupper() or _is_speaker_word(_strip_possessive(self.lows[k])):
            return np  # Clinton's, the woman's
        return None  # "the country's": a place or thing, more often than not

    def _transcript_label(self, pairing: Pairing) -> tuple[int, int] | None:
        """A speaker label in capitals opening a quote (`WALLACE: Let's start`), as tokens."""
        lo, hi = self.token_range(pairing.start, min(pairing.pieces[0][1], pairing.start + 40))
        k = lo
        while (
            k < hi
            and k - lo < 5
            and (_is_capitals_word(self.words[k]) or (self.words[k] == "." and k > lo))
        ):
            k += 1  # "MR. TRUMP": capital words, and an abbreviation's period
        if k > lo and k < hi and self.words[k] == ":":
            return (lo, k)
        return None

    def _until_next_quote(self, lo: int, hi: int) -> int:
        for k in range(lo, hi):
            if self.owner[k] != -1:
                return k
        return hi

    def _after_previous_quote(self, lo: int, hi: int) -> int:
        for k in range(hi - 1, lo - 1, -1):
            if self.owner[k] != -1:
                return k + 1
        return lo

    def _cue_in(
        self, lo: int, hi: int, np_lo: int, np_hi: int, *, first: bool, framing: bool = False
    ) -> _Found | None:
        """The first (or last) cue in tokens [lo, hi) that has a speaker phrase next to it.

        A cue whose subject is a relative pronoun or `it` ("a woman who suggested", "said it
        would tell") usually belongs to a clause inside the reported words: it is taken only
        when no other cue in the range has a speaker.
        """
        verbs = lx.FRAMING_VERBS if framing else lx.CUE_VERBS
        order = range(lo, hi) if first else range(hi - 1, lo - 1, -1)
        fallback: _Found | None = None
        for k in order:
            if self.owner[k] != -1:
                continue
            low = self.lows[k]
            if low not in verbs or self._is_noun_use(k, np_lo):
                continue
            if low in {"put", "puts"} and self.lows[k + 1 : k + 2] != ["it"]:
                continue  # "as he put it" quotes; "put on a show" does not
            if low in lx.USE_VERBS and not (
                self.lows[k + 1 : k + 2] == ["the"]
                and bool(set(self.lows[k + 2 : k + 3]) & lx.PHRASE_NOUNS)
            ):
                continue  # "used the phrase “X”" quotes someone; "used the money" does not
            np, weak = self._speaker_of_cue(k, np_lo, np_hi)
            if np is None:
                continue
            if not weak:
                return _Found(self.words[k], np, "")
            fallback = fallback or _Found(self.words[k], np, "")
        return fallback

    def _speaker_of_cue(
        self, k: int, np_lo: int, np_hi: int
    ) -> tuple[tuple[int, int] | None, bool]:
        """The speaker phrase of the cue at token k, and whether it is a weak one (a relative
        pronoun's antecedent or `it`)."""
        low = self.lows[k]
        if low.endswith("ing") and k > np_lo and self.words[k - 1] not in _APPOSITIVE_SEPARATORS:
            # "footage of Trump saying": a participle right after a name is that name's.
            np = self._np_ending_at(k - 1, np_lo)
            if np is not None and self._is_speaker_like(np):
                return np, False
        if low.endswith("ing") or self._follows_conjunction(k, np_lo):
            # "..., saying", "and added", "to say": the speaker is the clause's subject.
            return self._clause_subject(np_lo, k), False
        np, weak = self._subject_before(k, np_lo)
        if np is not None and low in lx.NOUN_LIKE_CUES and self.lows[np[0]] in {"a", "an"}:
            return None, False  # "a Donald Trump tweet": a noun, not "Trump tweeted"
        if np is not None and not self._is_speaker_like(np):
            # "Protesters marching through the streets chanted": the walk found "the streets";
            # the clause's subject speaks when it can. A phrase that is no noun phrase at all
            # ("that primarily benefits hedge") is dropped.
            first = self.lows[np[0]]
            fallback = self._clause_subject(np_lo, k)
            if fallback is not None or (
                first not in lx.DETERMINERS and self.words[np[0]].islower()
            ):
                np = fallback
        if np is None and self._may_invert(k):
            np = self._np_after(k + 1, np_hi, inverted=True)
        weak = weak or (np is not None and np[1] - np[0] == 1 and self.lows[np[0]] == "it")
        return np, weak

    def _is_noun_use(self, k: int, lo: int) -> bool:
        """True when a cue word is a noun here: the report, Obama's remarks, secretary of
        state, late-night tweets, The Huffington Post."""
        word = self.words[k]
        if not word.islower() and not (k == lo and word[1:].islower()):
            return True  # capitalised mid-sentence: part of a name ("Post"); "Said Ellis:" opens
        j = k - 1
        if j < lo or self.owner[j] != -1:
            return False
        prev, prev_low = self.words[j], self.lows[j]
        if prev_low in lx.NOUN_DETERMINERS:
            return True
        if prev_low in lx.PREPOSITIONS and not self.lows[k].endswith("ing"):
            return True  # "secretary of state"; but "before asking", "after saying" are verbs
        if _is_possessive(prev) and prev_low not in lx.PERSON_PRONOUNS | lx.THING_PRONOUNS:
            return True  # a possessive: "Trump's statement", "the voters' claims" (not "he's")
        if self.lows[k] not in lx.NOUN_LIKE_CUES:
            return False
        if prev[0].isupper():
            # "Trump tweets" is a verb, "a Donald Trump tweet" a noun compound; a base form
            # after a name is a verb only after a plural or before an object (call them).
            nxt = self.lows[k + 1] if k + 1 < len(self.lows) else ""
            return (
                not self.lows[k].endswith(("s", "ed", "ing"))
                and not prev.endswith("s")
                and nxt not in lx.OBJECT_PRONOUNS | {"it", "the", "a", "an"}
            )
        # After a lower-case word a noun-like cue is a verb only after a speaker word.
        return (
            prev[0].isalnum()
            and not _is_speaker_word(prev_low)
            and prev_low not in lx.CUE_ADVERBS
            and prev_low not in lx.SUBJECT_PRONOUNS
            and prev_low not in lx.SUBJECT_STOPS
            and not _is_adverb(prev_low)
        )

    def _follows_conjunction(self, k: int, lo: int) -> bool:
        """True for an infinitive or a second verb (`to say`, `and added`): no own subject."""
        j = k - 1
        while j >= lo and (self.lows[j] in lx.CUE_ADVERBS or _is_adverb(self.lows[j])):
            j -= 1
        return j >= lo and self.owner[j] == -1 and self.lows[j] in {"to", "and", "but", "or"}

    def _may_invert(self, k: int) -> bool:
        """True when a speaker may follow the cue (`said Hill`): not for `told X`, `calling X`,
        `described X` (a listener or a target), nor for a participle."""
        low = self.lows[k]
        return (
            low in lx.CUE_VERBS and low not in lx.CUES_WITHOUT_INVERSION and not low.endswith("ing")
        )

    def _clause_subject(self, lo: int, k: int) -> tuple[int, int] | None:
        """The subject of the clause that tokens [lo, k) begin, when it can speak.

        Opening phrases set off by commas are skipped (Following a late-afternoon meeting,
        the Security Council issued ...): the subject is the first noun phrase, at the start
        or after a comma, that is a pronoun, a name or a speaker noun and does not open with
        a preposition, a participle, a number or a sentence adverb. After an opening
        preposition with no comma ("On September 27 they published") only a pronoun soon
        after it can be told for the subject.
        """
        words, lows = self.words, self.lows
        pronouns = lx.SUBJECT_PRONOUNS
        starts = [lo] + [c + 1 for c in range(lo, k) if words[c] == ","]
        for start in starts:
            while start < k and lows[start] in {"but", "and", "so", "yet", "then", "still"}:
                start += 1
            if start >= k:
                continue
            low = lows[start]
            if low in pronouns:
                return (start, start + 1) if low not in lx.OBJECT_PRONOUNS else None
            if (
                low in lx.PREPOSITIONS
                and start == lo
                and not any(words[c] == "," for c in range(lo, k))
            ):
                pronoun = next(
                    (c for c in range(start, min(k, start + 8)) if lows[c] in pronouns), None
                )
                return (pronoun, pronoun + 1) if pronoun is not None else None
            if not self._may_open_subject(start):
                continue
            np = self._np_after(start, k)
            if np is not None and self._is_speaker_like(np):
                return np
        return None

    def _may_open_subject(self, i: int) -> bool:
        """True when token i can begin a clause's subject: not "Following", "If", "Twenty-two"."""
        low = self.lows[i]
        if low in lx.DETERMINERS:
            return True  # "The Republican nominee", "several environmental groups"
        return not (
            low in lx.SUBJECT_STOPS
            or low in lx.NOT_NAMES
            or low in lx.PREPOSITIONS
            or low.endswith("ing")
            or low.split("-")[0] in lx.NUMBER_WORDS
            or low[:1].isdigit()
            or not self.words[i][0].isalnum()
        )

    def _is_speaker_like(self, np: tuple[int, int]) -> bool:
        """True when a phrase can name who speaks: a name, a pronoun or a speaker noun."""
        head, low = self.words[np[1] - 1], self.lows[np[1] - 1]
        return head[0].isupper() or _is_speaker_word(low) or low in lx.SUBJECT_PRONOUNS

    def _subject_before(self, k: int, lo: int) -> tuple[tuple[int, int] | None, bool]:
        """The speaker phrase ending just before the cue at token k (Hill, a doctor, said),
        and whether it was reached through a relative pronoun (a weak subject)."""
        j = k - 1
        while j >= lo and (self.lows[j] in lx.CUE_ADVERBS or _is_adverb(self.lows[j])):
            j -= 1
        if j < lo or self.owner[j] != -1:
            return None, False
        if self.words[j] in _APPOSITIVE_SEPARATORS:
            return self._subject_before_appositives(j, lo), False
        if self.words[j] == ")":
            # A party or place in brackets after the name: Mike Pence (R-IN) said.
            c = j - 1
            while c >= lo and self.words[c] != "(" and j - c <= 8:
                c -= 1
            if c > lo and self.words[c] == "(":
                j = c - 1
        if self.lows[j] in {"who", "which", "that"}:
            # A relative clause: "the Chicago Police Department, which reported" speaks through
            # its antecedent, a speaker named just before (times skipped).
            j -= 1
            while j >= lo and (
                self.words[j] in _APPOSITIVE_SEPARATORS or self.lows[j] in lx.TIME_WORDS
            ):
                j -= 1
            np = self._np_ending_at(j, lo)
            return (np, True) if np is not None and self._is_speaker_like(np) else (None, False)
        return self._np_ending_at(j, lo), False

    def _subject_before_appositives(self, comma: int, lo: int) -> tuple[int, int] | None:
        """The speaker among comma-set phrases before a cue: "Donna Rawlings, 59, of Ashton,
        Md., who watched on a screen, said" is Donna Rawlings.

        The phrases are read from the clause's start: the first that is a name wins, else the
        first that is a speaker noun ("The engineer, who has worked there for years, said").
        """
        words, owner = self.words, self.owner
        segments: list[tuple[int, int]] = []
        end = comma
        c = comma - 1
        while c >= lo and owner[c] == -1 and comma - c <= _MAX_APPOSITIVES:
            w = words[c]
            if w in _APPOSITIVE_SEPARATORS:
                segments.append((c + 1, end))
                end = c
            elif w in {"!", "?", ";", ":"}:
                break  # a "." inside one sentence is an abbreviation's: R-Ky., Md., Jr.
            c -= 1
        segments.append((c + 1, end))
        segments.reverse()
        candidates = []
        for s_lo, s_hi in segments:
            if s_lo >= s_hi:
                continue
            j = s_hi - 1
            if words[j] == ")":  # Rep. Jim Clyburn (D-S.C.)
                while j > s_lo and words[j] != "(":
                    j -= 1
                j -= 1
            np = self._np_ending_at(j, s_lo)
            if np is not None:
                candidates.append(np)
        for np in candidates:
            if words[np[1] - 1][0].isupper() and self.lows[np[0]] not in lx.PREPOSITIONS:
                return np
        for np in candidates:
            if _is_speaker_word(self.lows[np[1] - 1]):
                return np
        return None

    def _np_ending_at(self, j: int, lo: int) -> tuple[int, int] | None:
        """Walk left from token j over a noun phrase; (start, end) token indices, or None."""
        words, lows, owner = self.words, self.lows, self.owner
        if j < lo or owner[j] != -1 or not words[j][0].isalnum():
            return None
        if lows[j] in lx.SUBJECT_STOPS and lows[j] not in lx.SPEAKING_PRONOUNS:
            return None
        end = j + 1
        i = j
        saw_proper = False
        lower_count = 0
        while i >= lo and end - i <= _MAX_NP and owner[i] == -1:
            w, low = words[i], lows[i]
            if w == ".":
                if i - 1 >= lo and (lows[i - 1] in _NAME_ABBREVIATIONS or len(words[i - 1]) == 1):
                    i -= 1
                    continue
                break
            if not w[0].isalnum():
                break
            if low in lx.DETERMINERS:
                i -= 1
                break
            if low in lx.SUBJECT_STOPS and not (low in lx.SPEAKING_PRONOUNS and i == j):
                break
            if w[0].isupper() or w[0].isdigit():
                if low in lx.NOT_NAMES and low not in lx.SPEAKING_PRONOUNS | lx.GROUP_NOUNS:
                    break
                saw_proper = True
            elif (low in lx.NAME_PARTICLES or low == "of") and saw_proper:
                pass
            else:
                if saw_proper or lower_count >= 4:
                    break
                lower_count += 1
            i -= 1
            if low in lx.SUBJECT_PRONOUNS and i + 1 == j:
                break
        start = i + 1
        # A lone pronoun is a whole phrase: "what they said" gives "they".
        if lows[j] in lx.SUBJECT_PRONOUNS:
            start = j
        while start < end and lows[start] in lx.NAME_PARTICLES | {"of"}:
            start += 1
        return (start, end) if start < end else None

    def _np_after(self, i: int, hi: int, *, inverted: bool = False) -> tuple[int, int] | None:
        """The noun phrase starting at token i: said Hugh Hill, a doctor / said the statement."""
        words, lows, owner = self.words, self.lows, self.owner
        if inverted:
            while i < hi and lows[i] in lx.TIME_WORDS and owner[i] == -1:
                i += 1
        if i >= hi or owner[i] != -1 or not words[i][0].isalnum():
            return None
        start = i
        # After an inverted cue, a clause ("suggests that Phoenix"), a time ("said this
        # week") or an object ("asking her") is no speaker.
        if inverted and (lows[i] in _NOT_INVERTED_SPEAKERS or lows[i] in lx.OBJECT_PRONOUNS):
            return None
        if lows[i] in lx.PERSON_PRONOUNS | lx.GROUP_PRONOUNS | lx.FIRST_PERSON_PRONOUNS:
            return (i, i + 1) if inverted or lows[i] in lx.SPEAKING_PRONOUNS else None
        if lows[i] in lx.DETERMINERS:
            i += 1
        proper = False
        while i < hi and owner[i] == -1 and i - start < _MAX_NP:
            w, low = words[i], lows[i]
            if w == "." and (lows[i - 1] in _NAME_ABBREVIATIONS or len(words[i - 1]) == 1):
                i += 1
                continue
            if not w[0].isalnum():
                break
            if w[0].isupper():
                proper = True
            elif (low in lx.NAME_PARTICLES or low == "of") and proper:
                pass
            elif not proper and low not in lx.SUBJECT_STOPS and low not in lx.CUE_VERBS:
                pass  # "the statement", "a spokesman"
            else:
                break
            i += 1
        while i > start + 1 and (lows[i - 1] in lx.NAME_PARTICLES or lows[i - 1] == "of"):
            i -= 1  # "Ann Ruiz of the U.S. Army": the name ends before "of"
        if i == start or (i == start + 1 and lows[start] in lx.DETERMINERS):
            return None
        if inverted and not proper and not _is_speaker_word(lows[i - 1]):
            return None
        return (start, i)

    def mention_text(self, start: int, end: int) -> str:
        """The phrase as printed, from its first to its last token (a contracted pronoun
        without its verb: "He's" gives "He")."""
        last = self.words[end - 1]
        if end - start == 1 and self.lows[start] != last.lower():
            return last[: len(self.lows[start])]
        return self.text[self.starts[start] : self.starts[end - 1] + len(last)]

    # -- resolution --

    def resolve(self, np: tuple[int, int], before: int) -> str | None:
        """The canonical speaker of a phrase: a pronoun's antecedent, a document's issuer."""
        start, end = np
        lows = self.lows[start:end]
        words = [w for w in self.words[start:end] if w != "."]
        head = lows[-1]
        pos = self.starts[start]
        if len(lows) == 1 and head in _POSSESSIVE_PRONOUNS:
            head = _POSSESSIVE_PRONOUNS[head]  # "his claim": the owner is who "he" is
            lows = [head]
        if len(lows) == 1 and head in lx.FIRST_PERSON_PRONOUNS:
            return None  # "I said": the writer, whom the article does not name here
        if len(lows) == 1 and head in lx.PERSON_PRONOUNS:
            return self._person_antecedent(pos, head)
        if len(lows) == 1 and head in lx.GROUP_PRONOUNS:
            return self._antecedent(pos, {"group", "org"})
        if len(lows) == 1 and head in lx.THING_PRONOUNS:
            return self._antecedent(pos, {"org", "document"})
        content = [w for w, low in zip(words, lows, strict=False) if low not in lx.DETERMINERS]
        # "the governor", "the spokesman": the person the article introduced with that title.
        if lows[0] == "the" and not any(w[0].isupper() for w in content):
            holder = self._role_holder(pos, role_of(head))
            if holder is not None:
                return holder
        if head in lx.DOCUMENT_NOUNS or head in lx.SPOKESPERSON_NOUNS:
            issuer = self._issuer(start, end)
            if issuer:
                return issuer
            # "the statement": the issuer of the last statement named.
            earlier = self._antecedent(pos, {"document"}, head=head, named=True)
            if earlier:
                return earlier
            return self.mention_text(start, end)
        if head in lx.ORG_NOUNS and not any(w[0].isupper() for w in content):
            earlier = self._antecedent(pos, {"org"}, head=head, named=True)
            return earlier or self.mention_text(start, end)
        if head in lx.GROUP_NOUNS and not any(w[0].isupper() for w in content[:-1]):
            return _as_written(words)
        if any(w[0].isupper() for w in content):
            bare = canonical_speaker(" ".join(words))
            if bare != " ".join(words) and not any(w.lower() in lx.ORG_NOUNS for w in bare.split()):
                return self.resolve_name(bare)  # Senate Majority Leader Dana Cole: a person
            if any(low in lx.ORG_NOUNS for low in lows) or lows[0] == "the":
                name = " ".join(content)
                return "the " + name if lows[0] == "the" else name
            return self.resolve_name(" ".join(words))
        return _as_written(words) or None

    def resolve_name(self, name: str) -> str:
        """The fullest form of a person's name in the article, without titles."""
        if not self._scanned:  # during the scan, against the entities named so far
            return _fullest_name(name, self.entities)
        bare = canonical_speaker(name)
        surname = _surname(bare.split())
        fullest = self._fullest_by_surname.get(surname)
        return fullest if fullest is not None and len(fullest.split()) > len(bare.split()) else bare

    @functools.cached_property
    def _fullest_by_surname(self) -> dict[str, str]:
        """The longest name of each surname among the people the article names (first wins)."""
        table: dict[str, str] = {}
        for entity in self.entities:
            tokens = entity.name.split()
            if entity.kind == "person" and tokens:
                key = _surname(tokens)
                if len(tokens) > len(table.get(key, "").split()):
                    table[key] = entity.name
        return table

    def _antecedent(
        self, pos: int, kinds: set[str], *, head: str | None = None, named: bool = False
    ) -> str | None:
        """The nearest earlier entity of one of `kinds` (with `head`, when given)."""
        # Entities starting at `pos` count: "a statement" is its own issuer's statement.
        k = bisect.bisect_right(self.entity_starts, pos) - 1
        while k >= 0 and pos - self.entities[k].start <= _ANTECEDENT_WINDOW:
            entity = self.entities[k]
            fits = entity.kind in kinds and (head is None or _same_head(entity.head, head))
            if fits and (entity.name or not named):
                if entity.kind == "person":
                    return self.resolve_name(entity.name)
                return entity.name or None
            k -= 1
        return None

    def _role_holder(self, pos: int, role: str) -> str | None:
        """The nearest person before `pos` whose titles name `role` (Gov. Laura Petersen)."""
        if role not in lx.TITLES and role not in _ROLE_OF_TITLE.values():
            return None
        k = bisect.bisect_right(self.entity_starts, pos) - 1
        while k >= 0 and pos - self.entities[k].start <= _ANTECEDENT_WINDOW:
            entity = self.entities[k]
            if entity.kind == "person" and role in entity.roles:
                return self.resolve_name(entity.name)
            k -= 1
        return None

    def _person_antecedent(self, pos: int, pronoun: str) -> str | None:
        """Who `he` or `she` at `pos` is: a named person of a compatible gender.

        Rule by rule: the subject of the pronoun's own sentence when it is such a person and
        stands before the pronoun (Clinton says she appreciated Machado's courage through
        what she calls ...); else the nearest such person before it. A person's gender comes
        from a title (Mrs., Congressman) or the first name of the fullest form of the name;
        an unknown gender fits either pronoun.
        """
        gender = _PRONOUN_GENDERS.get(pronoun)
        sentence_start, _ = self.sentence_of(pos)
        k = bisect.bisect_right(self.entity_starts, pos) - 1
        candidates: list[str] = []
        while k >= 0 and pos - self.entities[k].start <= _ANTECEDENT_WINDOW:
            entity = self.entities[k]
            k -= 1
            if entity.kind == "person" or (
                entity.kind == "name" and self._is_known_person(entity.name)
            ):
                name = self.resolve_name(entity.name)
                if gender is None or self._gender_of(entity, name) in {None, gender}:
                    candidates.append(name)
                    if entity.start < sentence_start:
                        break
        first = bisect.bisect_left(self.entity_starts, sentence_start)
        if first < len(self.entities) and self.entities[first].start < pos:
            subject = self.entities[first]
            name = self.resolve_name(subject.name)
            if subject.kind in {"person", "name"} and name in candidates:
                return name
        return candidates[0] if candidates else None

    def _gender_of(self, entity: _Entity, fullest: str) -> str | None:
        """A person's gender from a title seen with any form of the name, or a first name."""
        if entity.gender is not None:
            return entity.gender
        surname = fullest.split()[-1].lower() if fullest else ""
        for other in self.entities:
            if (
                other.gender
                and other.kind == "person"
                and other.name.split()[-1].lower() == surname
            ):
                return other.gender
        tokens = fullest.lower().split()
        return _first_name_genders().get(tokens[0]) if len(tokens) >= 2 else None

    @functools.cached_property
    def _person_surnames(self) -> frozenset[str]:
        return frozenset(
            e.name.split()[-1].lower() for e in self.entities if e.kind == "person" and e.name
        )

    def _is_known_person(self, name: str) -> bool:
        return bool(name) and name.split()[-1].lower() in self._person_surnames

    # -- assembling --

    def finish(self, found: list[_Found]) -> list[Attribution]:
        """Resolve speakers, let cue-less quotes inherit one, and decide each quote's kind."""
        self._share_within_sentences(found)
        speakers: list[str | None] = []
        mentions: list[str | None] = []
        for index, f in enumerate(found):
            if f.np is None:
                speakers.append(None)
                mentions.append(None)
                continue
            pairing = self.pairings[index]
            mention = self.mention_text(*f.np)
            if f.where == "possessive":
                mention = _strip_possessive(mention)  # "Ruiz's claim": the mention is Ruiz
            mentions.append(mention)
            if f.where == "label":  # a transcript's label in capitals: PENCE is Mike Pence
                speakers.append(self.resolve_name(mention.title()))
            else:
                speakers.append(self.resolve(f.np, pairing.open_mark))
        kinds = [self._kind(i, found[i]) for i in range(len(found))]
        self._share_kinds(kinds)
        self._inherit(found, speakers, mentions, kinds)
        return [
            Attribution(speakers[i], mentions[i], found[i].cue, kinds[i]) for i in range(len(found))
        ]

    def _share_within_sentences(self, found: list[_Found]) -> None:
        """Quoted fragments of one sentence share its attribution.

        In `Trump called her “disgusting” and “a con”` only the first fragment touches the
        cue; the others are the same speaker's words in the same sentence. The nearest
        attributed quote before it in the sentence gives its attribution, else the nearest
        after it.
        """
        by_sentence: dict[tuple[int, int], list[int]] = {}
        for i, pairing in enumerate(self.pairings):
            by_sentence.setdefault(self.sentence_of(pairing.open_mark), []).append(i)
        for members in by_sentence.values():
            attributed = [j for j in members if found[j].np is not None]
            if not attributed or len(attributed) == len(members):
                continue
            for i in members:
                if found[i].np is None:
                    before = [j for j in attributed if j < i]
                    donor = before[-1] if before else attributed[0]
                    found[i] = _Found(found[donor].cue, found[donor].np, "sentence")

    def _share_kinds(self, kinds: list[QuoteKind]) -> None:
        """Quotes joined by "and", "or" or a comma are alike: Trump called her “Miss Piggy”
        and “Miss Housekeeping” are both his words, a show's “Act One” and “Act Two” both
        titles. The first of the pair decides."""
        for i in range(1, len(kinds)):
            prev, pairing = self.pairings[i - 1], self.pairings[i]
            if prev.close_mark is None or prev.paragraph != pairing.paragraph:
                continue
            gap = self.text[qm.mark_end(self.text, prev.close_mark) : pairing.open_mark]
            if gap.strip() in {"and", "or", ",", ", and", ", or"}:
                kinds[i] = kinds[i - 1]

    def _inherit(
        self,
        found: list[_Found],
        speakers: list[str | None],
        mentions: list[str | None],
        kinds: list[QuoteKind],
    ) -> None:
        """A statement without a cue takes the speaker of a quote next to it.

        Rule by rule, each applied to the quotes still without a speaker: (1) the speaker of
        the quote before it in the same paragraph keeps talking (“A,” said X. “B.”); (2) the
        next quote of the paragraph gives its speaker (“A.” “B,” she said.); (3) a quote
        opening its paragraph continues the speaker of the last quote of the paragraph before.
        """
        n = len(found)
        statements = [i for i in range(n) if kinds[i] is not QuoteKind.TERM]
        para = [p.paragraph for p in self.pairings]

        def take(i: int, j: int, where: str) -> None:
            speakers[i], mentions[i] = speakers[j], mentions[j]
            found[i] = _Found(found[j].cue, found[j].np, where)

        for k, i in enumerate(statements):  # rule 1, forward so a run of quotes follows
            prev = statements[k - 1] if k > 0 else None
            if (
                speakers[i] is None
                and prev is not None
                and para[prev] == para[i]
                and speakers[prev]
            ):
                take(i, prev, "previous")
        for k in range(len(statements) - 1, -1, -1):  # rule 2, backward likewise
            i = statements[k]
            nxt = statements[k + 1] if k + 1 < len(statements) else None
            if speakers[i] is None and nxt is not None and para[nxt] == para[i] and speakers[nxt]:
                take(i, nxt, "next")
        for k, i in enumerate(statements):  # rule 3
            pairing = self.pairings[i]
            opens_paragraph = pairing.open_mark <= self.paragraphs[para[i]][0] + 1
            prev = statements[k - 1] if k > 0 else None
            if (
                speakers[i] is None
                and opens_paragraph
                and prev is not None
                and speakers[prev] is not None
                and para[i] - para[prev] <= 1
            ):
                take(i, prev, "previous")

    def _kind(self, index: int, found: _Found) -> QuoteKind:
        """Direct statement, partial quote inside the reporter's sentence, or a term.

        Terms first, rule by rule; then a quote standing as its own sentence (or introduced
        by its attribution) is direct, and a fragment of the reporter's sentence partial.
        """
        pairing = self.pairings[index]
        quote_text = " ".join(self.text[s:e] for s, e in pairing.pieces)
        quote_words = [t for t in _TOKEN_RE.findall(quote_text) if t[0].isalnum()]
        s_start, _ = self.sentence_of(pairing.open_mark)
        lead_lo, lead_hi = self.token_range(s_start, pairing.open_mark)
        lead_lo = self._after_previous_quote(lead_lo, lead_hi)
        lead = self.lows[lead_lo:lead_hi]
        lead_words = [w for w in lead if w[0].isalnum()]
        ends_sentence = quote_text.rstrip("\u201d\"'\u2019)").endswith((".", "!", "?", "\u2026"))
        # A question or several sentences is someone's statement, whatever stands before it.
        statement = ends_sentence_question(quote_text) or bool(
            _INNER_SENTENCE_END_RE.search(quote_text)
        )
        adjacent = found.where in {"trail", "lead", "colon"} and self._adjacent(index, found)
        short = len(quote_words) <= _MAX_TERM_WORDS and not statement
        # Rule T1: a term marker just before: the so-called "peace dividend", a show titled
        # "Morning Joe", the bill known as the "JASTA" (not a statement credited right after
        # it: In a column, "We lost," he wrote).
        punctuated = quote_text.rstrip().endswith((",", ".", "?", "!"))
        if lead_words and short and not (found.where == "trail" and adjacent and punctuated):
            tail = len(lead_words)
            while tail > 0 and len(lead_words) - tail < 2 and lead_words[tail - 1] in _MARKER_TAILS:
                tail -= 1
            if tail > 0 and lead_words[tail - 1] in lx.TERM_MARKERS:
                return QuoteKind.TERM
            # "a group called “X”" names something; "Tim Cook called it “crap”" is partial.
            if (
                lead_words[-1] in {"called", "named"}
                and lead[-1] == lead_words[-1]
                and (found.np is None or self.lows[found.np[0]] in {"a", "an"})
            ):
                return QuoteKind.TERM
        # Rule T2: a nickname inside a name: Rep. Robert C. “Bobby” Scott.
        if short and len(quote_words) <= 2 and self._inside_a_name(pairing):
            return QuoteKind.TERM
        # Rule T3: a title in capitals (“Fox News Sunday”, “Shark Tank”), unless someone is
        # credited with it right there: introduced by a cue, a colon or "as" (hailed him as
        # “The Comeback Kid”), named by a cue over its object (Trump called the pageant
        # winner “Miss Piggy”), or its attribution next to it. Where a title stands it is a
        # title all the same: after a possessive (MSNBC's “Morning Joe”), after "on" or "in"
        # (appeared on “Face the Nation”), after a media noun (a broadcast of “...”).
        if _is_title_like(quote_words) and short:
            last = lead_words[-1] if lead_words else ""
            title_place = bool(lead_words) and (
                _is_possessive(self.words[lead_hi - 1])
                or last in {"on", "in"}
                or last in lx.MEDIA_NOUNS
                or (len(lead_words) >= 2 and lead_words[-2] in lx.MEDIA_NOUNS)
            )
            credited = adjacent or (
                found.np is not None
                and (
                    last in {"as"} | lx.FRAMING_VERBS
                    or _lead_is_attribution(lead)
                    or self._cue_over_object(lead_lo, lead_hi)
                )
            )
            if title_place or not credited:
                return QuoteKind.TERM
        # Rule T4: a short fragment inside a sentence that credits nobody with it: scare
        # quotes (the “experts” were wrong). At the sentence's end too (a loud-mouthed
        # “he.”), when nothing in the sentence is a cue and no other quote shares it.
        if lead_words and found.np is None and len(quote_words) <= 4:
            if not ends_sentence:
                return QuoteKind.TERM
            sentence_lo, _ = self.token_range(s_start, pairing.open_mark)
            before = self.lows[sentence_lo:lead_hi]
            if not any(w in lx.FRAMING_VERBS for w in before) and all(
                o == -1 for o in self.owner[sentence_lo:lead_hi]
            ):
                return QuoteKind.TERM
        if not lead_words or _lead_is_attribution(lead):
            if quote_words and (
                quote_words[0][0].isupper() or quote_words[0][0].isdigit() or len(quote_words) >= 8
            ):
                return QuoteKind.DIRECT
            if not lead_words:
                return QuoteKind.DIRECT
        return QuoteKind.PARTIAL

    def _cue_over_object(self, lo: int, hi: int) -> bool:
        """True when the words before a quote are a cue and its object: called the 1996
        pageant winner, proclaimed a goal of, concluded his comments were."""
        for k in range(hi - 1, max(lo, hi - _MAX_OBJECT) - 1, -1):
            word, low = self.words[k], self.lows[k]
            if not word[0].isalnum():
                return False
            if word.islower() and low in lx.FRAMING_VERBS and not self._is_noun_use(k, lo):
                return k < hi - 1  # a cue right before the quote is handled already
        return False

    def _inside_a_name(self, pairing: Pairing) -> bool:
        """True when capitalised words stand right before and after the quote: a nickname."""
        lo, _ = self.token_range(pairing.open_mark, pairing.open_mark + 1)
        close = pairing.close_mark
        if close is None or lo == 0:
            return False
        after, _ = self.token_range(qm.mark_end(self.text, close), len(self.text))
        before = self.words[lo - 1]
        if before == "." and lo >= 2:
            before = self.words[lo - 2]  # an initial: Robert C. “Bobby” Scott
        return (
            after < len(self.words)
            and before[0].isupper()
            and self.words[after][0].isupper()
            and self.lows[after] not in lx.NOT_NAMES
            and all(w[0].isupper() for w in self.words[lo:after] if w[0].isalnum())
        )

    def _adjacent(self, index: int, found: _Found) -> bool:
        """True when the speaker phrase or cue touches the quote (within a few tokens)."""
        if found.np is None:
            return False
        pairing = self.pairings[index]
        close = pairing.close_mark if pairing.close_mark is not None else pairing.end
        after_close = qm.mark_end(self.text, close) if pairing.close_mark is not None else close
        lo, _ = self.token_range(after_close, after_close + 1)
        start, end = found.np
        if found.where == "trail":
            return start - lo <= 3 or (self._cue_index(lo, lo + 3) is not None)
        _, hi = self.token_range(0, pairing.open_mark)
        return hi - end <= 3

    def _cue_index(self, lo: int, hi: int) -> int | None:
        for k in range(lo, min(hi, len(self.lows))):
            if self.lows[k] in lx.CUE_VERBS:
                return k
        return None


@dataclass(frozen=True, slots=True)
class _Found:
    """What the rules found for one quote: the cue word, the speaker phrase, and where."""

    cue: str | None
    np: tuple[int, int] | None
    where: str


def _surname(tokens: Sequence[str]) -> str:
    """A name's last word that is not a suffix: King in Martin Luther King Jr."""
    words = [t.lower().rstrip(".") for t in tokens]
    while len(words) > 1 and words[-1] in lx.NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _fullest_name(name: str, entities: Sequence[_Entity]) -> str:
    """The longest form of a person's name among `entities` with the same surname."""
    bare = canonical_speaker(name)
    surname = _surname(bare.split())
    best = bare
    for entity in entities:
        if entity.kind != "person":
            continue
        tokens = entity.name.split()
        if tokens and _surname(tokens) == surname and len(tokens) > len(best.split()):
            best = entity.name
    return best


def _as_written(words: list[str]) -> str:
    """A common-noun speaker as printed, without a sentence's capital: 'The engineer'."""
    if words and words[0].lower() in lx.DETERMINERS:
        words = [words[0].lower(), *words[1:]]
    return " ".join(words)


def _strip_possessive(word: str) -> str:
    for suffix in ("\u2019s", "'s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _looks_like_person(words: list[str]) -> bool:
    """Two or more capitalised words with no organisation or place word: a person's name."""
    lows = [w.lower() for w in words]
    if any(w in _PLACE_WORDS or w in lx.ORG_NOUNS for w in lows):
        return False
    return len(words) >= 2 or lows[0] in lx.TITLES


def _starts_with_attribution(sentence: str) -> bool:
    """True when a sentence opens with an attribution: `he said.`, `Vitter demanded.`."""
    words = [t for t in _TOKEN_RE.findall(sentence[:160]) if t[0].isalnum()][:_MAX_CUE_OFFSET]
    if not words:
        return False
    if words[0].islower() and words[0] not in lx.NOT_NAMES - lx.PERSON_PRONOUNS:
        return True
    return any(w in lx.CUE_VERBS for w in words)


def _is_possessive(word: str) -> bool:
    """A possessive: Trump's, MSNBC\u2019s, voters'."""
    return word.lower().endswith(("'s", "\u2019s")) or word in {"'", "\u2019"}


def _is_speaker_word(low: str) -> bool:
    """A noun that can name who speaks (singular or plural): officials, the engineer, authors."""
    return low in lx.SPEAKER_WORDS or (low.endswith("s") and low[:-1] in lx.SPEAKER_WORDS)


def _is_capitals_word(word: str) -> bool:
    """A word in capitals, as transcripts label speakers: WALLACE, MR. TRUMP, SEN. KAINE."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _same_head(a: str, b: str) -> bool:
    spokes = lx.SPOKESPERSON_NOUNS
    return a == b or (a in spokes and b in spokes) or a.rstrip("s") == b.rstrip("s")


def _is_adverb(low: str) -> bool:
    """A manner adverb between speaker and cue: 'Smith angrily said'."""
    return len(low) > 4 and low.endswith("ly") and low not in {"family", "italy", "july", "ally"}


def _is_title_like(words: list[str]) -> bool:
    """Every significant word capitalised, and short: the shape of a show, book or bill title."""
    if not words or len(words) > _MAX_TERM_WORDS:
        return False
    significant = [w for w in words if w.lower() not in lx.TITLE_SMALL_WORDS]
    if not significant or (len(words) < 2 and len(words[0]) < 2):
        return False
    if len(words) == 1:
        return False  # one capitalised word is as often "Absolutely" as a title
    return all(w[0].isupper() or w[0].isdigit() for w in significant)


def ends_sentence_question(text: str) -> bool:
    """True for a quote ending in ? or !: a title rarely does, a question always."""
    return text.rstrip("\u201d\"'\u2019) ").endswith(("?", "!"))


def _lead_is_attribution(lead: list[str]) -> bool:
    """True when the words before a quote only introduce it: `Smith said:`, `He added,`."""
    if not lead:
        return True
    if lead[-1] == ":":
        return True
    if lead[-1] == "," and any(w in lx.CUE_VERBS for w in lead[-6:-1]):
        return True
    return lead[-1] == "," and "according" in lead[-8:]


@functools.cache
def _first_name_genders() -> dict[str, str]:
    """First names and the gender of the pronoun they take, shipped as package data."""
    table: dict[str, str] = {}
    data = resources.files("attribution").joinpath("data/first_names.tsv")
    for line in data.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            table[name] = gender
    return table


@functools.cache
def _punkt() -> PunktSentenceTokenizer:
    """Punkt with the package's own abbreviation list: no NLTK data, nothing downloaded."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_PUNKT_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)
