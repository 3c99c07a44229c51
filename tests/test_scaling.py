"""Fast paths that keep long articles linear agree with their obviously right versions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.extract import pair_quote_marks, paragraph_spans
from attribution.speakers import _Document, _fullest_name

FIRST = st.sampled_from(["Ann", "Hugh", "Maria", "Adel Abdul", "Laura", ""])
SURNAME = st.sampled_from(["Lee", "Hill", "Ortiz", "Mahdi", "Petersen"])
TITLE = st.sampled_from(["", "Gov. ", "Sen. ", "Dr. ", "Prime Minister "])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(TITLE, FIRST, SURNAME), min_size=1, max_size=12))
def test_indexed_name_resolution_agrees_with_a_full_scan(
    people: list[tuple[str, str, str]],
) -> None:
    """Law: resolving a name through the surname index equals scanning every entity."""
    text = "\n\n".join(
        f"{title}{first} {surname} spoke on Monday. \u201cWe are ready,\u201d {surname} said."
        for title, first, surname in people
    )
    paragraphs = paragraph_spans(text)
    doc = _Document(text, pair_quote_marks(text, paragraphs), paragraphs)
    for title, first, surname in people:
        for name in (surname, f"{first} {surname}", f"{title}{surname}"):
            assert doc.resolve_name(name) == _fullest_name(name, doc.entities)


def test_sentences_of_a_paragraph_see_only_its_own_quotes() -> None:
    """A split inside a quote is undone in its paragraph and nowhere else."""
    text = (
        "\u201cNo. Never.\u201d she said.\n\nHe left. She stayed. \u201cYes. Always.\u201d he said."
    )
    paragraphs = paragraph_spans(text)
    doc = _Document(text, pair_quote_marks(text, paragraphs), paragraphs)
    assert text[slice(*doc.sentence_of(text.index("Never")))] == "\u201cNo. Never.\u201d"
    assert text[slice(*doc.sentence_of(text.index("stayed")))] == "She stayed."
    assert text[slice(*doc.sentence_of(text.index("Always")))] == "\u201cYes. Always.\u201d"
