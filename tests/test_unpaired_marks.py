"""Nothing lost: a quotation mark that cannot be paired yields an uncertain quote and a warning."""

from __future__ import annotations

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from attribution import Article, article_from_text, compare, extract
from attribution.extract import countable, pair_quote_marks
from attribution.report import render_json, render_markdown
from attribution.typography import DOUBLE_MARKS


@pytest.mark.parametrize(
    ("text", "words", "line", "why"),
    [
        pytest.param(
            "Intro.\n\nThe chief said \u201cwe are not ready",
            "we are not ready",
            3,
            "not closed before the end of the article",
            id="unclosed-at-the-end",
        ),
        pytest.param(
            "The chief said \u201cwe are not ready\n\nThe storm came anyway.",
            "we are not ready",
            1,
            "taken to end with its paragraph",
            id="unclosed-at-a-paragraph-end",
        ),
        pytest.param(
            "Intro.\n\nwe are not ready,\u201d the chief said.",
            "we are not ready,",
            3,
            "has no opening mark",
            id="closing-mark-without-an-opening",
        ),
        pytest.param(
            'The chief said "we are not ready',
            "we are not ready",
            1,
            "not closed",
            id="straight-mark-unclosed",
        ),
        pytest.param(
            "\u00abNous ne sommes pas pr\u00eats, a dit le chef.",
            "Nous ne sommes pas pr\u00eats, a dit le chef.",
            1,
            "not closed",
            id="guillemet-unclosed",
        ),
        pytest.param(
            "\u201cWe are not ready.\n\nWe never were,\u201d the chief said.",
            "We are not ready. We never were,",
            1,
            "continues this quote without reopening it",
            id="paragraph-continues-without-reopening",
        ),
    ],
)
def test_an_unpaired_mark_keeps_its_quote_marked_uncertain_with_a_warning(
    text: str, words: str, line: int, why: str
) -> None:
    report = extract(article_from_text(text, source="draft.txt"))
    uncertain = [q for q in report.articles[0].quotes if q.uncertain]
    assert [q.text for q in uncertain] == [words]
    (quote,) = uncertain
    assert why in quote.uncertain
    assert report.warnings == (f"draft.txt:{line}: {quote.id}: {quote.uncertain}",)
    markdown = render_markdown(report)
    assert "## Warnings" in markdown and f"draft.txt:{line}: {quote.id}" in markdown
    assert quote.id in markdown.split("## Warnings")[0]  # listed among the quotes too


def test_warnings_count_lines_for_many_uncertain_quotes_in_order() -> None:
    text = "".join(f"Line {i}.\n\u201cunclosed number {i}\n\n" for i in range(300))
    report = extract(article_from_text(text, source="dump.txt"))
    lines = [int(w.split(":")[1]) for w in report.warnings]
    assert lines == [3 * i + 2 for i in range(300)]


def test_warning_lines_stay_right_when_quotes_come_out_of_text_order() -> None:
    text = "one\ntwo\nthree \u201cx"
    base = article_from_text(text)
    (quote,) = base.quotes
    late = quote.__class__(**{**_fields(quote), "id": "a:q2", "start": 13, "end": 14})
    early = quote.__class__(**{**_fields(quote), "id": "a:q1", "start": 4, "end": 7})
    report = extract(Article("a", "t.txt", (late, early), text=text))
    assert [w.split(":")[1] for w in report.warnings] == ["3", "2"]


def _fields(quote: object) -> dict[str, object]:
    return {name: getattr(quote, name) for name in quote.__slots__}  # type: ignore[attr-defined]


def test_compare_keeps_uncertain_quotes_from_both_sides() -> None:
    a = "The chief said \u201cwe are not ready for the storm\n\nMore news."
    b = "The chief said \u201cwe are ready for the storm\n\nwe have sandbags,\u201d she added."
    report = compare(article_from_text(a, "a", "a.txt"), article_from_text(b, "b", "b.txt"))
    named = {w.split(": ")[1] for w in report.warnings}
    uncertain = {q.id for art in report.articles for q in art.quotes if q.uncertain}
    assert uncertain == named and {i[0] for i in uncertain} == {"a", "b"}
    data = json.loads(render_json(report))
    seen = {m["a"] for m in data["matches"]} | {m["b"] for m in data["matches"]}
    seen |= {u["quote"] for u in data["unmatched"]}
    assert uncertain <= seen
    assert "## Warnings" in render_markdown(report)


MARKED = st.lists(
    st.sampled_from(
        ["word", "Word", " ", " ", "\n", "\n\n", ",", ".", "7", "it's", *sorted(DOUBLE_MARKS), "'"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(MARKED)
@example('``"word')  # a TeX opening mark, then a straight one: both used to vanish
@example("word\u00ab``")
def test_every_double_mark_touching_a_word_ends_up_in_a_quote(text: str) -> None:
    """Law: a double mark next to a word opens, closes or lies inside some quote's extent."""
    pairings = pair_quote_marks(text)
    extents = [(p.open_mark, p.close_mark if p.close_mark is not None else p.end) for p in pairings]
    for pos, char in enumerate(text):
        if char not in DOUBLE_MARKS or (pos and text[pos - 1].isdigit()):
            continue
        touches = (pos and text[pos - 1].isalpha()) or text[pos + 1 : pos + 2].isalpha()
        if touches:
            assert any(lo <= pos <= hi for lo, hi in extents), (pos, pairings)


@settings(max_examples=100, deadline=None)
@given(MARKED, MARKED)
def test_compare_never_drops_a_quote(a: str, b: str) -> None:
    """Law: every counted quote is matched or unmatched, and every uncertain one is warned of."""
    report = compare(article_from_text(a, "a"), article_from_text(b, "b"))
    seen = {m.a for m in report.matches} | {m.b for m in report.matches}
    seen |= {u.quote for u in report.unmatched}
    for article in report.articles:
        assert {q.id for q in countable(article.quotes)} <= seen
        for quote in article.quotes:
            if quote.uncertain:
                assert any(f": {quote.id}: " in w for w in report.warnings)
