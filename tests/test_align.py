"""Alignment: counterparts among another article's quotes, fragments, and unquoted reuse."""

from __future__ import annotations

from attribution import Verdict, article_from_text, compare
from attribution.align import TextIndex, align_texts, find_counterparts, find_unquoted


def test_fragment_aligns_with_its_window_and_leaves_the_rest_as_context() -> None:
    alignment = align_texts(
        "We will fix the roads before the winter comes, and we will pay for it.",
        "fix the roads before the winter comes",
    )
    assert alignment.is_fragment
    lo, hi = alignment.a_window
    assert [t.text for t in alignment.a_tokens[lo:hi]] == [
        "fix",
        "the",
        "roads",
        "before",
        "the",
        "winter",
        "comes",
    ]


def test_dropped_negation_at_the_end_is_a_change_not_context() -> None:
    alignment = align_texts("We will raise taxes. Not.", "We will raise taxes.")
    assert not alignment.is_fragment


def test_each_quote_finds_its_counterpart_and_unrelated_quotes_stay_apart() -> None:
    ref = article_from_text(
        "\u201cThe bridge will reopen in May,\u201d the mayor said. \u201cWe have hired two "
        "more crews for the night shift,\u201d she added.",
        "a",
    )
    other = article_from_text(
        "\u201cWe have hired two more crews for the night shift,\u201d Mayor Ruiz said. "
        "\u201cSchools will close early on Friday,\u201d the district said.",
        "b",
    )
    pairs = find_counterparts(ref.quotes, other.quotes)
    assert [(p.a.text[:10], p.b.text[:10]) for p in pairs] == [("We have hi", "We have hi")]


def test_two_renderings_of_one_statement_both_pair_with_the_single_printing() -> None:
    ref = article_from_text(
        "\u201cWe will not cut the pensions of anyone who has already retired,\u201d the minister "
        "said.\n\n\u201cWe will not cut pensions for people who are already retired,\u201d she "
        "said later.",
        "a",
    )
    other = article_from_text(
        "\u201cWe will not cut the pensions of anyone who has already retired,\u201d the "
        "minister said.",
        "b",
    )
    pairs = find_counterparts(ref.quotes, other.quotes)
    assert [p.b.id for p in pairs] == ["b:q1", "b:q1"]


def test_words_found_without_quote_marks_make_the_quote_unquoted() -> None:
    ref = article_from_text(
        "\u201cThe dam was never inspected after the 2019 flood,\u201d the engineer said.", "a"
    )
    other = article_from_text(
        "The engineer said the dam was never inspected after the 2019 flood, records show.", "b"
    )
    (quote,) = ref.quotes
    found = find_unquoted(quote, TextIndex(other.text))
    assert found is not None
    assert other.text[found[0] : found[1]] == "the dam was never inspected after the 2019 flood"
    report = compare(ref, other)
    (item,) = report.unmatched
    assert item.verdict is Verdict.UNQUOTED and item.found_unquoted


def test_quote_split_in_one_article_pairs_with_the_whole_quote_in_the_other() -> None:
    ref = article_from_text(
        "\u201cThe water came up fast,\u201d she said, \u201cand by midnight the street was "
        "gone.\u201d",
        "a",
    )
    other = article_from_text(
        "\u201cThe water came up fast, and by midnight the street was gone,\u201d she said.", "b"
    )
    report = compare(ref, other)
    (match,) = report.matches
    assert match.verdict in (Verdict.IDENTICAL, Verdict.COSMETIC)
