"""Attribution: who each quote is credited to, through which cue, and what kind it is.

The stages in order: tokens and sentences, mentions, a candidate speaker phrase per quote
(`candidates`), its resolution to a canonical speaker (`coreference`), the kind
(`kinds`); then quotes without a cue of their own take the speaker of the quote beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from attribution.extract.candidates import find_candidate, pronoun_acting
from attribution.extract.coreference import resolve
from attribution.extract.cues import (
    has_lead_attribution,
    has_own_attribution,
    is_interruption,
    same_family,
)
from attribution.extract.document import Document, Found
from attribution.extract.kinds import is_title_shaped, kind_of, share_kinds
from attribution.extract.marks import Pairing, mark_at, mark_end, quoted_text
from attribution.extract.mentions import scan_mentions
from attribution.extract.names import strip_possessive
from attribution.extract.phrases import Span
from attribution.extract.sentences import SentenceIndex
from attribution.extract.tokens import Tokens, tokenize
from attribution.model import QuoteKind
from attribution.typography import ends_sentence


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is credited to (canonical and as written), the cue, and the quote's kind."""

    speaker: str | None
    mention: str | None
    cue: str | None
    kind: QuoteKind


def _finish(doc: Document, found: list[Found]) -> list[Attribution]:
    """Resolve speakers, let cue-less quotes inherit one, and decide each quote's kind."""
    t = doc.tokens
    _share_within_sentences(doc, found)
    for i, f in enumerate(found):
        if f.np is None and not is_title_shaped(quoted_text(t.text, doc.pairings[i])):
            found[i] = pronoun_acting(doc, i) or f  # not a title: ''This Kind of War''
    speakers: list[str | None] = []
    mentions: list[str | None] = []
    for index, f in enumerate(found):
        if f.np is None:
            speakers.append(None)
            mentions.append(None)
            continue
        pairing = doc.pairings[index]
        mention = t.phrase(*f.np)
        if f.where == "possessive":
            mention = strip_possessive(mention)  # "Ruiz's claim": the mention is Ruiz
        mentions.append(mention)
        if f.where == "label":  # a transcript's label in capitals: PENCE is Mike Pence
            speakers.append(doc.mentions.resolve_name(mention.title()))
        else:
            speakers.append(resolve(doc, f.np, pairing.open_mark))
    kinds = [kind_of(doc, i, found[i]) for i in range(len(found))]
    share_kinds(doc, kinds)
    for i, members in enumerate(doc.statements):
        if kinds[members[0]] is not QuoteKind.TERM:
            kinds[i] = kinds[members[0]]  # a statement's pieces are one statement's kind
    _inherit(doc, found, speakers, mentions, kinds)
    for i, members in enumerate(doc.statements):
        donor = next((j for j in members if speakers[j] is not None), members[0])
        speakers[i], mentions[i], found[i] = speakers[donor], mentions[donor], found[donor]
    # A term is nobody's words: it is never given a speaker (the so-called “peace dividend”).
    return [
        Attribution(speakers[i], mentions[i], found[i].cue, kinds[i])
        if kinds[i] is not QuoteKind.TERM
        else Attribution(None, None, None, kinds[i])
        for i in range(len(found))
    ]


def _share_within_sentences(doc: Document, found: list[Found]) -> None:
    """Quoted fragments of one sentence share its attribution.

    In `Trump called her “disgusting” and “a con”` only the first fragment touches the
    cue; the others are the same speaker's words in the same sentence. The nearest
    attributed quote before it in the sentence gives its attribution, else the nearest
    after it.
    """
    by_sentence: dict[Span, list[int]] = {}
    for i, pairing in enumerate(doc.pairings):
        by_sentence.setdefault(doc.sentences.sentence_of(pairing.open_mark), []).append(i)
    for members in by_sentence.values():
        attributed = [j for j in members if found[j].np is not None]
        if not attributed or len(attributed) == len(members):
            continue
        for i in members:
            if found[i].np is None:
                before = [j for j in attributed if j < i]
                donor = before[-1] if before else attributed[0]
                found[i] = Found(found[donor].cue, found[donor].np, "sentence")


def _inherit(
    doc: Document,
    found: list[Found],
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
    para = [p.paragraph for p in doc.pairings]

    def take(i: int, j: int, where: str) -> None:
        if found[i].np is not None:
            speakers[i] = speakers[j]  # "she said", unresolved: the neighbour's speaker is she
            return
        speakers[i], mentions[i] = speakers[j], mentions[j]
        found[i] = Found(found[j].cue, found[j].np, where)

    for k, i in enumerate(statements):  # rule 1, forward so a run of quotes follows
        prev = statements[k - 1] if k > 0 else None
        if speakers[i] is None and prev is not None and para[prev] == para[i] and speakers[prev]:
            take(i, prev, "previous")
    for k in range(len(statements) - 1, -1, -1):  # rule 2, backward likewise
        i = statements[k]
        nxt = statements[k + 1] if k + 1 < len(statements) else None
        if speakers[i] is None and nxt is not None and para[nxt] == para[i] and speakers[nxt]:
            take(i, nxt, "next")
    for k, i in enumerate(statements):  # rule 3
        pairing = doc.pairings[i]
        opens_paragraph = pairing.open_mark <= doc.paragraphs[para[i]][0] + 1
        prev = statements[k - 1] if k > 0 else None
        if (
            speakers[i] is None
            and opens_paragraph
            and prev is not None
            and speakers[prev] is not None
            and para[i] - para[prev] <= 1
        ):
            take(i, prev, "previous")


def link_statements(text: str, pairings: Sequence[Pairing]) -> list[int]:
    """Which statement each quote is part of: a statement interrupted by its attribution
    (`“A,” she said, “B.”`) is several quotes, one statement.

    Two quotes of one paragraph are one statement when the words between them are nothing
    but one attribution, the first has none of its own before it, both use the same family
    of marks, both are closed, and the second has no attribution of its own (`“A,” she said.
    “B,” he added.` is two statements).

    Args:
        text: the article.
        pairings: quotes as paired by `marks.pair_quote_marks`, in text order.

    Returns:
        The statement number (from 0, in text order) of each pairing.
    """
    numbers: list[int] = []
    prev: Pairing | None = None
    prev_number = -1  # the statement of `prev` (a quote within a quote may stand between)
    top = -1  # the last statement number given
    for pairing in pairings:
        if prev is not None and is_title_shaped(quoted_text(text, prev)):
            prev = None  # a title before an attribution is no statement's first piece
        if pairing.within is not None:
            numbers.append(-1)  # numbered below, after the quotes they stand in
            continue
        if (
            prev is not None
            and prev.paragraph == pairing.paragraph
            and prev.close_mark is not None
            and prev.uncertain is None
            and pairing.uncertain is None
            and same_family(mark_at(text, prev.open_mark), mark_at(text, pairing.open_mark))
            and is_interruption(gap := text[mark_end(text, prev.close_mark) : pairing.open_mark])
            and not _introduces_a_new_statement(gap, quoted_text(text, prev))
            and not has_own_attribution(text, pairing)
            and not has_lead_attribution(text, prev)
        ):
            numbers.append(prev_number)
        else:
            top += 1
            numbers.append(top)
        prev, prev_number = pairing, numbers[-1]
    for i, number in enumerate(numbers):
        if number == -1:
            top += 1
            numbers[i] = top
    return numbers


def _introduces_a_new_statement(gap: str, before: str) -> bool:
    """True when an attribution ending in a colon follows a quote that ended its sentence:
    `“We are not beaten.” Mr. Okafor said: “Neither are we.”` introduces another statement
    (after `“A,” she said: “B.”` the statement goes on)."""
    return gap.rstrip().endswith(":") and ends_sentence(before)


def attribute(
    text: str,
    pairings: Sequence[Pairing],
    paragraphs: Sequence[Span],
    statements: Sequence[int],
) -> list[Attribution]:
    """Find the speaker, cue and kind of every quote.

    Args:
        text: the article.
        pairings: its quotes as paired by `marks.pair_quote_marks`.
        paragraphs: its paragraph spans (`marks.paragraph_spans`).
        statements: the statement number of each pairing (`link_statements`); the pieces of
            one statement share its attribution and kind.

    Returns:
        One attribution per pairing, in the same order. A quote whose speaker cannot be found
        keeps speaker None; it is never dropped.
    """
    out: list[Attribution | None] = [None] * len(pairings)
    # Quotes are read level by level: the article's own, then the quotes within them, read
    # inside the quotes that hold them, whose words are their cues and speakers ("... and
    # then he said, ‘We will ...’"), and so on down (a British quote holding a double-quoted
    # passage that quotes someone in turn). An outer quote opens first, so comes first.
    levels: list[list[int]] = []
    depth: list[int] = []
    for i, pairing in enumerate(pairings):
        depth.append(0 if pairing.within is None else depth[pairing.within] + 1)
        if depth[i] == len(levels):
            levels.append([])
        levels[depth[i]].append(i)
    words: Tokens | None = None
    splits: dict[Span, tuple[Span, ...]] = {}
    for level in levels:
        outers = sorted({w for w in (pairings[i].within for i in level) if w is not None})
        where = [piece for j in outers for piece in pairings[j].pieces] if outers else None
        doc = _document(
            text,
            [pairings[i] for i in level],
            paragraphs,
            [statements[i] for i in level],
            where,
            words,
            splits,
        )
        words = doc.tokens
        found = [find_candidate(doc, k) for k in range(len(level))]
        for i, attribution in zip(level, _finish(doc, found), strict=True):
            out[i] = attribution
    return [a for a in out if a is not None]


def _document(
    text: str,
    pairings: Sequence[Pairing],
    paragraphs: Sequence[Span],
    statements: Sequence[int],
    scope: Sequence[Span] | None,
    words: Tokens | None = None,
    splits: dict[Span, tuple[Span, ...]] | None = None,
) -> Document:
    """The article as the candidate rules read it for one level of quotes."""
    members: dict[int, list[int]] = {}
    for k, number in enumerate(statements):
        members.setdefault(number, []).append(k)
    titles = frozenset(k for k, p in enumerate(pairings) if is_title_shaped(quoted_text(text, p)))
    tokens = tokenize(text, pairings, scope=scope, titles=titles, words_of=words)
    return Document(
        tokens,
        SentenceIndex(text, paragraphs, pairings, splits),
        tuple(pairings),
        tuple(paragraphs),
        scan_mentions(tokens),
        tuple(tuple(members[number]) for number in statements),
    )
