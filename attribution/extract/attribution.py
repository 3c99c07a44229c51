"""Attribution: who each quote is credited to, through which cue, and what kind it is.

The stages in order: tokens and sentences, mentions, a candidate speaker phrase per quote
(`candidates`), its resolution to a canonical speaker (`coreference`), the kind
(`kinds`); then quotes without a cue of their own take the speaker of the quote beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from attribution.extract.candidates import find_candidate
from attribution.extract.coreference import resolve
from attribution.extract.cues import has_own_attribution, is_interruption, same_family
from attribution.extract.document import Document, Found
from attribution.extract.kinds import kind_of, share_kinds
from attribution.extract.marks import Pairing, mark_at, mark_end
from attribution.extract.mentions import scan_mentions
from attribution.extract.names import strip_possessive
from attribution.extract.phrases import Span
from attribution.extract.sentences import SentenceIndex
from attribution.extract.tokens import tokenize
from attribution.model import QuoteKind


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
    _inherit(doc, found, speakers, mentions, kinds)
    return [
        Attribution(speakers[i], mentions[i], found[i].cue, kinds[i]) for i in range(len(found))
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


def link_statements(text: str, pairings: list[Pairing]) -> list[Pairing]:
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
            and same_family(mark_at(text, prev.open_mark), mark_at(text, pairing.open_mark))
            and is_interruption(text[mark_end(text, prev.close_mark) : pairing.open_mark])
            and not has_own_attribution(text, pairing)
        ):
            prev.inner_marks.append((prev.close_mark, pairing.open_mark))
            prev.pieces.extend(pairing.pieces)
            prev.close_mark = pairing.close_mark
            continue
        out.append(pairing)
    return out


def attribute(
    text: str, pairings: Sequence[Pairing], paragraphs: Sequence[Span]
) -> list[Attribution]:
    """Find the speaker, cue and kind of every quote.

    Args:
        text: the article.
        pairings: its quotes, after `link_statements`.
        paragraphs: its paragraph spans (`marks.paragraph_spans`).

    Returns:
        One attribution per pairing, in the same order. A quote whose speaker cannot be found
        keeps speaker None; it is never dropped.
    """
    tokens = tokenize(text, pairings)
    doc = Document(
        tokens,
        SentenceIndex(text, paragraphs, pairings),
        tuple(pairings),
        tuple(paragraphs),
        scan_mentions(tokens),
    )
    found = [find_candidate(doc, i) for i in range(len(pairings))]
    return _finish(doc, found)
