"""Extraction over a corpus: each article's statements, ready to be indexed.

The map step of `track`: a pure function of a batch of records, so the local and the Dask
engine run it unchanged on any worker. It decodes a file's bytes (a web page through
`web.py`), finds the quotes with `extract_quotes`, and joins the pieces of a statement split
around its attribution as `compare` does (`pairing.statements`).
"""

from __future__ import annotations

from collections.abc import Sequence

from attribution import web
from attribution.corpus.index import rare_keys, word_keys
from attribution.corpus.model import Extracted, Record, Statement
from attribution.errors import UnreadableInput
from attribution.extract import extract_quotes
from attribution.inputs import ReadText, decode_input
from attribution.matcher import too_short_to_verify
from attribution.model import Article, QuoteKind
from attribution.normalize import tokenize
from attribution.pairing import statements


def extract_batch(records: Sequence[Record]) -> list[Extracted]:
    """Every statement of each article of a batch, in the batch's order.

    Args:
        records: articles as read (`read.read_corpus`).

    Returns:
        One `Extracted` per record: its statements (terms and quotes too short to verify
        left out, and counted), or the reason it could not be read.
    """
    return [extract_record(record) for record in records]


def extract_record(record: Record) -> Extracted:
    """One article's statements (see `extract_batch`)."""
    try:
        read = _text(record)
    except UnreadableInput as err:
        return Extracted(record.ordinal, problem=str(err))
    article = Article(record.id, record.position, text=read.text)
    quotes = extract_quotes(article)
    terms = sum(1 for q in quotes if q.kind is QuoteKind.TERM)
    found: list[Statement] = []
    short = 0
    for quote, pieces in statements(quotes):
        # A statement joined from pieces carries every piece's spans (`pairing.statements`).
        tokens = tokenize(quote.text)
        if too_short_to_verify(tokens):
            short += 1
            continue
        words = word_keys(tokens)
        found.append(
            Statement(
                pieces,
                quote.text,
                quote.speaker,
                quote.kind.value,
                rare_keys(words),
                quote.spans,
            )
        )
    return Extracted(record.ordinal, tuple(found), short, terms, warnings=read.warnings)


def _text(record: Record) -> ReadText:
    if record.text is not None:
        return ReadText(record.text)
    data = record.data or b""
    if web.looks_like_html(record.position, data):
        return web.page_text(data, record.position)
    return decode_input(data, record.position)
