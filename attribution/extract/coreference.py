"""Coreference: who a speaker phrase is, when it is a pronoun, a role noun or a document.

`he said` is a person named before it, of the pronoun's gender; `the governor` is the person
introduced as Gov. Laura Petersen; `the statement said` is the issuer of the statement named
earlier; `Prime Minister Adel Abdul Mahdi` is Adel Abdul Mahdi, the fullest form of his name
the article prints.
"""

from __future__ import annotations

import bisect

from attribution import lexicon as lx
from attribution.extract.candidates import POSSESSIVE_PRONOUNS
from attribution.extract.document import Document
from attribution.extract.mentions import issuer
from attribution.extract.names import ROLE_OF_TITLE, as_written, canonical_speaker, role_of
from attribution.extract.phrases import Span

# The gender of each person pronoun.
_PRONOUN_GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}
# How far back (characters) a pronoun or role noun looks for its antecedent.
_ANTECEDENT_WINDOW = 6000


def resolve(doc: Document, np: Span, before: int) -> str | None:
    """The canonical speaker of a phrase: a pronoun's antecedent, a document's issuer."""
    t = doc.tokens
    start, end = np
    lows = list(t.lows[start:end])
    words = [w for w in t.words[start:end] if w != "."]
    head = lows[-1]
    pos = t.starts[start]
    if len(lows) == 1 and head in POSSESSIVE_PRONOUNS:
        head = POSSESSIVE_PRONOUNS[head]  # "his claim": the owner is who "he" is
        lows = [head]
    if len(lows) == 1 and head in lx.FIRST_PERSON_PRONOUNS:
        return None  # "I said": the writer, whom the article does not name here
    if len(lows) == 1 and head in lx.PERSON_PRONOUNS:
        return _person_antecedent(doc, pos, head)
    if len(lows) == 1 and head in lx.GROUP_PRONOUNS:
        return _antecedent(doc, pos, {"group", "org"})
    if len(lows) == 1 and head in lx.THING_PRONOUNS:
        return _antecedent(doc, pos, {"org", "document"})
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
        bare = canonical_speaker(" ".join(words))
        if bare != " ".join(words) and not any(w.lower() in lx.ORG_NOUNS for w in bare.split()):
            return doc.mentions.resolve_name(bare)  # Senate Majority Leader Dana Cole: a person
        if any(low in lx.ORG_NOUNS for low in lows) or lows[0] == "the":
            name = " ".join(content)
            return "the " + name if lows[0] == "the" else name
        return doc.mentions.resolve_name(" ".join(words))
    return as_written(words) or None


def _antecedent(
    doc: Document, pos: int, kinds: set[str], *, head: str | None = None, named: bool = False
) -> str | None:
    """The nearest earlier entity of one of `kinds` (with `head`, when given)."""
    # Entities starting at `pos` count: "a statement" is its own issuer's statement.
    k = bisect.bisect_right(doc.mentions.starts, pos) - 1
    while k >= 0 and pos - doc.mentions.items[k].start <= _ANTECEDENT_WINDOW:
        entity = doc.mentions.items[k]
        fits = entity.kind in kinds and (head is None or _same_head(entity.head, head))
        if fits and (entity.name or not named):
            if entity.kind == "person":
                return doc.mentions.resolve_name(entity.name)
            return entity.name or None
        k -= 1
    return None


def _role_holder(doc: Document, pos: int, role: str) -> str | None:
    """The nearest person before `pos` whose titles name `role` (Gov. Laura Petersen)."""
    if role not in lx.TITLES and role not in ROLE_OF_TITLE.values():
        return None
    k = bisect.bisect_right(doc.mentions.starts, pos) - 1
    while k >= 0 and pos - doc.mentions.items[k].start <= _ANTECEDENT_WINDOW:
        entity = doc.mentions.items[k]
        if entity.kind == "person" and role in entity.roles:
            return doc.mentions.resolve_name(entity.name)
        k -= 1
    return None


def _person_antecedent(doc: Document, pos: int, pronoun: str) -> str | None:
    """Who `he` or `she` at `pos` is: a named person of a compatible gender.

    Rule by rule: the subject of the pronoun's own sentence when it is such a person and
    stands before the pronoun (Clinton says she appreciated Machado's courage through
    what she calls ...); else the nearest such person before it. A person's gender comes
    from a title (Mrs., Congressman) or the first name of the fullest form of the name;
    an unknown gender fits either pronoun.
    """
    gender = _PRONOUN_GENDERS.get(pronoun)
    sentence_start, _ = doc.sentences.sentence_of(pos)
    k = bisect.bisect_right(doc.mentions.starts, pos) - 1
    candidates: list[str] = []
    while k >= 0 and pos - doc.mentions.items[k].start <= _ANTECEDENT_WINDOW:
        entity = doc.mentions.items[k]
        k -= 1
        if entity.kind == "person" or (
            entity.kind == "name" and doc.mentions.is_known_person(entity.name)
        ):
            name = doc.mentions.resolve_name(entity.name)
            if gender is None or doc.mentions.gender_of(entity, name) in {None, gender}:
                candidates.append(name)
                if entity.start < sentence_start:
                    break
    first = bisect.bisect_left(doc.mentions.starts, sentence_start)
    if first < len(doc.mentions.items) and doc.mentions.items[first].start < pos:
        subject = doc.mentions.items[first]
        name = doc.mentions.resolve_name(subject.name)
        if subject.kind in {"person", "name"} and name in candidates:
            return name
    return candidates[0] if candidates else None


def _same_head(a: str, b: str) -> bool:
    spokes = lx.SPOKESPERSON_NOUNS
    return a == b or (a in spokes and b in spokes) or a.rstrip("s") == b.rstrip("s")
