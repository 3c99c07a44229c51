"""Extraction: every quote of an article, with its speaker, cue and kind.

The stages, each a module, in the order an article goes through them: `marks` pairs the
quotation marks; `attribution` links a statement's pieces and runs `tokens`, `sentences`,
`mentions`, `candidates` (with `cues` and `phrases`), `coreference` and `kinds`. `names`
holds what a name is and when two names are one speaker, for extraction and comparison alike.
"""

from __future__ import annotations

from attribution.extract.attribution import attribute, link_statements
from attribution.extract.marks import (
    Pairing,
    mark_at,
    mark_end,
    markup_spans,
    pair_quote_marks,
    paragraph_spans,
    quoted_text,
    trim_span,
)
from attribution.extract.names import canonical_speaker, role_of, same_speaker, split_title
from attribution.model import Article, Quote, QuoteKind

__all__ = [
    "Pairing",
    "canonical_speaker",
    "countable",
    "extract_quotes",
    "mark_at",
    "mark_end",
    "markup_spans",
    "pair_quote_marks",
    "paragraph_spans",
    "role_of",
    "same_speaker",
    "split_title",
    "trim_span",
]


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Find an article's quotes with their speaker, cue and kind.

    Args:
        article: an article with its text; its existing quotes are ignored.

    Returns:
        The quotes in text order, with ids `<article id>:q1`, `:q2`, ... Terms (scare quotes,
        titles) are included with kind `term`.
    """
    text = article.text
    paragraphs = paragraph_spans(text)
    pairings = pair_quote_marks(text, paragraphs)
    statements = link_statements(text, pairings)
    attributions = attribute(text, pairings, paragraphs, statements)
    quotes: list[Quote] = []
    for n, (pairing, found) in enumerate(zip(pairings, attributions, strict=True), 1):
        quotes.append(
            Quote(
                id=f"{article.id}:q{n}",
                text=quoted_text(text, pairing),
                start=pairing.start,
                end=pairing.end,
                speaker=found.speaker,
                speaker_mention=found.mention,
                cue=found.cue,
                kind=found.kind,
                spans=tuple(pairing.pieces),
                statement=f"{article.id}:s{statements[n - 1] + 1}",
                within=None if pairing.within is None else f"{article.id}:q{pairing.within + 1}",
                uncertain=pairing.uncertain,
            )
        )
    return tuple(quotes)


def countable(quotes: tuple[Quote, ...] | list[Quote]) -> list[Quote]:
    """The quotes that are statements (direct or partial), leaving out scare-quoted terms."""
    return [q for q in quotes if q.kind is not QuoteKind.TERM]
