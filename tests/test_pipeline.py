"""The library entry points: reading, extraction and comparison across several articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution import BadOption, Verdict, article_from_text, compare, extract, read_article

REF = "\u201cWe will not close the school,\u201d Principal Ada Byrne said. \u201cIt has served this town for a century,\u201d she added."
SECOND = "\u201cWe will close the school,\u201d Principal Ada Byrne said."
THIRD = "\u201cWe will not close the school,\u201d said Byrne, who has led it since 2009."


def test_with_three_articles_each_other_is_compared_with_the_first() -> None:
    report = compare(
        article_from_text(REF, "a"), article_from_text(SECOND, "b"), article_from_text(THIRD, "c")
    )
    pairs = {(m.a, m.b): m.verdict for m in report.matches}
    assert pairs[("a:q1", "b:q1")] is Verdict.ALTERED
    assert pairs[("a:q1", "c:q1")] is Verdict.IDENTICAL
    assert not any(m.b.startswith("a") for m in report.matches)
    assert report.summary.worst.value == "critical"


def test_file_with_a_byte_order_mark_keeps_offsets_true_to_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff\u201cWe are ready,\u201d the coach said.".encode())
    article = read_article(str(path), "a")
    (quote,) = article.quotes
    assert article.text[quote.start : quote.end] == "We are ready,"
    assert quote.start == 1


def test_crlf_line_ends_are_kept_and_paragraphs_still_split(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("Intro line.\r\n\r\n\u201cWe are ready,\u201d the coach said.\r\n".encode())
    article = read_article(str(path), "a")
    (quote,) = article.quotes
    assert article.text[quote.start : quote.end] == "We are ready,"
    assert quote.speaker == "the coach"


def test_an_empty_article_has_no_quotes(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    report = extract(str(path))
    assert report.articles[0].quotes == ()


def test_compare_needs_two_articles() -> None:
    with pytest.raises(BadOption, match="at least two"):
        compare(article_from_text(REF))
