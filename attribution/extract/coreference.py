"""Coreference: who a speaker phrase is, when it is a pronoun, a role noun or a document.

`he said` is a person named before it, of the pronoun's gender; `the governor` is the person
introduced as Gov. Laura Petersen; `the statement said` is the issuer of the statement named
earlier; `Prime Minister Adel Abdul Mahdi` is Adel Abdul Mahdi, the fullest form of his name
the article prints.
"""

from __future__ import annotations

import bisect
import itertools

from attribution import lexicon as lx
from attribution.extract.document import Document
from attribution.extract.mentions import Mention, issuer
from attribution.extract.names import (
    NAME_ABBREVIATIONS,
    ROLE_OF_TITLE,
    as_written,
    canonical_speaker,
    common_surnames,
    is_possessive,
    role_of,
)
from attribution.extract.phrases import MAX_NP, Span, governing_end, is_adverb, is_speaker_head
from attribution.extract.tokens import Tokens

# The gender of each person pronoun.
_PRONOUN_GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# How far back (characters) a pronoun or role noun looks for its antecedent.
_ANTECEDENT_WINDOW = 6000
# How many sentences back a pronoun looks for a person of its gender.
_MAX_SENTENCES_BACK = 6
# Words that open a phrase before a sentence's subject: After meeting Obama, Trump said ...
_OPENING_SUBORDINATORS = frozenset({"after", "before", "when", "while", "as", "since", "if"})
# Adverbs that may come before an opening phrase's preposition: Soon after, Just before.
_DEGREE_ADVERBS = frozenset({"soon", "shortly", "just", "right", "even", "long", "only", "well"})


def resolve(doc: Document, np: Span, before: int) -> str | None:
    """The canonical speaker of a phrase: a pronoun's antecedent, a document's issuer."""
    t = doc.tokens
    start, end = np
    lows = list(t.lows[start:end])
    words = [w for w in t.words[start:end] if w != "."]
    head = lows[-1]
    pos = t.starts[start]
    if len(lows) == 1 and head in lx.POSSESSIVE_PRONOUNS:
        head = lx.POSSESSIVE_PRONOUNS[head]  # "his claim": the owner is who "he" is
        lows = [head]
    if len(lows) == 1 and head in lx.FIRST_PERSON_PRONOUNS:
        return None  # "I said": the writer, whom the article does not name here
    if len(lows) == 1 and head in lx.PERSON_PRONOUNS:
        return _person_antecedent(doc, pos, head)
    if len(lows) == 1 and head in lx.GROUP_PRONOUNS:
        return _antecedent(doc, pos, {"group", "org"})
    if len(lows) == 1 and head in lx.THING_PRONOUNS:
        return _antecedent(doc, pos, {"org", "document"})
    head_end = governing_end(t, np)
    if head_end < end and t.lows[head_end - 1] in lx.SPOKESPERSON_NOUNS:
        # "a spokesman for Mayor Tom Reyes", "a lawyer for Reyes": whom they speak for.
        return resolve(doc, (head_end + 1, end), before)
    if head_end < end:
        # "the senator from Vermont", "a reporter for Agence France-Presse": the phrase is
        # who its head is (the senator introduced before), never the name after the
        # preposition; "a spokesman for X" is read below, as X's.
        role = role_of(t.lows[head_end - 1])
        holder = _role_holder(doc, pos, role) if lows[0] == "the" else None
        return holder or as_written(words)
    if len(words) > 1 and lows[0].endswith("-year-old") and words[1][0].isupper():
        words, lows = words[1:], lows[1:]  # "17-year-old Jared Potts" is Jared Potts
    owner = next((i for i, w in enumerate(words[:-1]) if is_possessive(w)), None)
    if owner is not None and all(w[0].isupper() for w in words[owner + 1 :]):
        words, lows = words[owner + 1 :], lows[owner + 1 :]  # "Variety's Gordon Cox"
    content = [w for w, low in zip(words, lows, strict=False) if low not in lx.DETERMINERS]
    # "the governor", "the spokesman": the person the article introduced with that title.
    if lows[0] == "the" and not any(w[0].isupper() for w in content):
        holder = _role_holder(doc, pos, role_of(head))
        if holder is not None:
            return holder
    if head in lx.DOCUMENT_NOUNS or head in lx.SPOKESPERSON_NOUNS:
        named_issuer = issuer(t, doc.mentions, start, end)
        if named_issuer:
            return named_issuer
        # "the statement": the issuer of the last statement named.
        earlier = _antecedent(doc, pos, {"document"}, head=head, named=True)
        if earlier:
            return earlier
        return t.phrase(start, end)
    if head in lx.ORG_NOUNS and not any(w[0].isupper() for w in content):
        earlier = _antecedent(doc, pos, {"org"}, head=head, named=True)
        return earlier or t.phrase(start, end)
    if head in lx.GROUP_NOUNS and not any(w[0].isupper() for w in content[:-1]):
        return as_written(words)
    if any(w[0].isupper() for w in content):
        if lows[0] in lx.DETERMINERS and not any(low in lx.ORG_NOUNS for low in lows):
            # "an angry Hollande": words describing a person named after them are no name.
            first = next(i for i, w in enumerate(words) if w[0].isupper())
            if first > 1 and all(w.islower() for w in words[1:first]):
                words, lows = words[first:], lows[first:]
        words = _without_home(words)
        bare = canonical_speaker(" ".join(words))
        if bare != " ".join(words) and not any(w.lower() in lx.ORG_NOUNS for w in bare.split()):
            return doc.mentions.resolve_name(bare)  # Senate Majority Leader Dana Cole: a person
        if any(low in lx.ORG_NOUNS for low in lows) or lows[0] == "the":
            name = " ".join(content)
            return "the " + name if lows[0] == "the" else name
        return doc.mentions.resolve_name(" ".join(words))
    return as_written(words) or None


def _without_home(words: list[str]) -> list[str]:
    """A person's name without the place after it: "Ana Ruiz of Riverton" is Ana Ruiz (not
    "Secretary of State John Kerry", nor an organisation's "Bank of Riverton")."""
    if "of" not in words:
        return words
    cut = words.index("of")
    before = words[:cut]
    titles = 0
    while titles < cut and before[titles].lower().rstrip(".") in lx.TITLES | NAME_ABBREVIATIONS:
        titles += 1  # Mayor, Rep., Gov.
    if (
        cut - titles >= 2
        and all(w[0].isupper() for w in before)
        and not any(w.lower() in lx.ORG_NOUNS for w in words[cut + 1 :])
    ):
        return before
    return words


def _antecedent(
    doc: Document, pos: int, kinds: set[str], *, head: str | None = None, named: bool = False
) -> str | None:
    """The nearest earlier entity of one of `kinds` (with `head`, when given)."""
    # Entities starting at `pos` count: "a statement" is its own issuer's statement.
    for entity in doc.mentions.back_from(pos, _ANTECEDENT_WINDOW):
        fits = entity.kind in kinds and (head is None or _same_head(entity.head, head))
        if fits and (entity.name or not named):
            if entity.kind == "person":
                return doc.mentions.resolve_name(entity.name)
            return entity.name or None
    return None


def _role_holder(doc: Document, pos: int, role: str) -> str | None:
    """The nearest person before `pos` whose titles name `role` (Gov. Laura Petersen)."""
    if role not in lx.TITLES and role not in ROLE_OF_TITLE.values():
        return None
    for entity in doc.mentions.back_from(pos, _ANTECEDENT_WINDOW):
        if entity.kind == "person" and role in entity.roles:
            return doc.mentions.resolve_name(entity.name)
    return None


def _person_antecedent(doc: Document, pos: int, pronoun: str) -> str | None:
    """Who `he` or `she` at `pos` is: the most salient named person of its gender.

    Sentence by sentence, from the pronoun's own (the words before it) back to earlier
    ones: the first sentence naming a person of a compatible gender decides, and within it
    the subject, that is the first such person, unless that one stands in an opening
    phrase (After meeting Obama, Trump said he ...). So the subject of the sentence that
    introduces a quote wins over a person named after it (McConnell said it was wrong for
    Ginsburg to criticize Trump. He said ...), and the last quoted speaker counts for
    nothing by itself. A person's gender comes from a title (Mrs., Congressman) or the
    first name of the fullest form of the name; an unknown gender fits either pronoun.
    """
    gender = _PRONOUN_GENDERS.get(pronoun)
    mentions, text = doc.mentions, doc.tokens.text
    start, _ = doc.sentences.sentence_of(pos)
    end = pos
    for _ in range(_MAX_SENTENCES_BACK):
        # No further back than the window, even within the pronoun's own sentence: a
        # "sentence" of a whole article (no full stop anywhere) is read as far as any other.
        lo = bisect.bisect_left(mentions.starts, max(start, pos - _ANTECEDENT_WINDOW))
        hi = bisect.bisect_left(mentions.starts, end)
        # Only the first two agreeing people can be the subject (`_subject_of`): checking
        # every name of a long sentence for each pronoun in it would be quadratic.
        agreeing = list(
            itertools.islice(
                (
                    m
                    for m in mentions.items[lo:hi]
                    if _is_person(doc, m) and _agrees(doc, m, gender)
                ),
                2,
            )
        )
        if agreeing:
            return mentions.resolve_name(_subject_of(doc, agreeing, start).name)
        prev = start - 1
        while prev > 0 and text[prev].isspace():
            prev -= 1
        if prev <= 0 or pos - prev > _ANTECEDENT_WINDOW:
            return None
        end = start
        start, _ = doc.sentences.sentence_of(prev)
    return None


def _is_person(doc: Document, mention: Mention) -> bool:
    """A person, or a name of unknown kind whose surname a person of the article bears or
    that opens its sentence as the subject of a verb (Cruz openly admitted that ...)."""
    return mention.kind == "person" or (
        mention.kind == "name"
        and (doc.mentions.is_known_person(mention.name) or _acting_subject(doc, mention))
    )


def _acting_subject(doc: Document, mention: Mention) -> bool:
    """True for a one-word name opening its sentence before a verb in the past tense or
    the present's -s form, adverbs aside (`Cruz openly admitted`, `Carson defied`), that
    the article also capitalises inside a sentence, where only a name is capitalised, or
    that is a common surname and no everyday word (`data/surnames.txt`)."""
    low = mention.name.lower()
    if " " in mention.name or (
        low not in doc.mentions.capitalised_inside and low not in common_surnames()
    ):
        return False  # a capital opening a sentence says nothing, unless a surname's
    if doc.sentences.sentence_of(mention.start)[0] != mention.start:
        return False
    t = doc.tokens
    k, hi = t.token_range(mention.start, len(t.text))
    k += 1
    while k < hi and k < len(t.words) and is_adverb(t.words[k]) and t.words[k].islower():
        k += 1
    if k >= len(t.words):
        return False
    verb = t.words[k]
    return (
        verb.isalpha()
        and verb.islower()
        and verb.endswith(("ed", "s"))
        and verb not in lx.SUBJECT_STOPS
        and verb not in {"has", "was", "is", "does"}
    )


def _agrees(doc: Document, mention: Mention, gender: str | None) -> bool:
    """True when a person can be `he` or `she`: same gender, or either unknown."""
    if gender is None:
        return True
    found = doc.mentions.gender_of(mention, doc.mentions.resolve_name(mention.name))
    return found in {None, gender}


def _subject_of(doc: Document, agreeing: list[Mention], sentence_start: int) -> Mention:
    """The first of a sentence's agreeing people, past one named in an opening phrase."""
    first = agreeing[0]
    if len(agreeing) > 1:
        t = doc.tokens
        lo, _ = t.token_range(sentence_start, agreeing[1].start)
        while lo < len(t.lows) - 1 and t.lows[lo] in _DEGREE_ADVERBS:
            lo += 1  # "Soon after the attack on Mayor Reyes, Okafor said": the "after" opens
        opener = t.lows[lo] if lo < len(t.lows) else ""
        if opener in lx.PREPOSITIONS or opener in _OPENING_SUBORDINATORS:
            # A comma between the two closes the opening phrase; only the words between
            # them are read, not the whole sentence before. A first person after the
            # opening phrase's comma is the subject (During the debate, Trump mentioned
            # his son-in-law, Jared Kushner).
            before_lo, before_hi = t.token_range(sentence_start, first.start)
            if "," in t.words[before_lo:before_hi] and _acts(t, first.start):
                return first
            between_lo, between_hi = t.token_range(first.start + 1, agreeing[1].start)
            if "," in t.words[between_lo:between_hi]:
                return agreeing[1]
    return first


def _acts(t: Tokens, start: int) -> bool:
    """True when the name starting at character `start` is followed by a verb in the past or
    -s form (Trump mentioned), not by a comma (an aside: ..., Mr. Putin, Mr. Trump) or a
    noun (John Smith supporters)."""
    k, _ = t.token_range(start, start + 1)
    end = min(len(t.words), k + MAX_NP)
    while k < end and (t.words[k][0].isupper() or t.words[k] == "."):
        k += 1
    if k >= end or not t.words[k].isalpha() or not t.words[k].islower():
        return False
    while k + 1 < end and is_adverb(t.words[k]):
        k += 1  # Suu Kyi recently presided
    verb = t.lows[k]  # a verb form, not a noun the name modifies (John Smith supporters)
    return verb.endswith(("ed", "s")) and not is_speaker_head(verb)


def _same_head(a: str, b: str) -> bool:
    spokes = lx.SPOKESPERSON_NOUNS
    return a == b or (a in spokes and b in spokes) or a.rstrip("s") == b.rstrip("s")
