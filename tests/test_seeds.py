"""The seed pair (one AP story in two reprints): what the report must show, point by point."""

from __future__ import annotations

from attribution import ChangeCategory, QuoteKind, Report, Severity, Verdict


def _quote_starting(report: Report, article: str, words: str):  # type: ignore[no-untyped-def]
    quotes = [q for q in report.article(article).quotes if q.text.startswith(words)]
    assert len(quotes) == 1, [q.text[:40] for q in report.article(article).quotes]
    return quotes[0]


def test_each_article_has_exactly_its_real_quotes(seed_report: Report) -> None:
    a, b = seed_report.articles
    assert [q.text[:20] for q in a.quotes] == ["In order to exploit ", "In light of continue"]
    assert b.quotes[0].text == "last chance"
    assert len(b.quotes) == 2


def test_stray_line_break_apostrophe_caption_and_comment_form_hold_no_quote(
    seed_report: Report,
) -> None:
    a = seed_report.article("a")
    broken = a.text.index("\u2018s military relationship")
    caption = a.text.index("Photo:")
    for quote in a.quotes:
        assert not quote.start <= broken + 1 < quote.end + 1
        assert quote.end < caption
    assert not any("Required fields" in q.text or "Reply" in q.text for q in a.quotes)


def test_the_statement_is_altered_by_dropping_terrorist_group(seed_report: Report) -> None:
    qa = _quote_starting(seed_report, "a", "In light of")
    qb = _quote_starting(seed_report, "b", "In light of")
    (match,) = [m for m in seed_report.matches if (m.a, m.b) == (qa.id, qb.id)]
    assert match.verdict is Verdict.ALTERED
    assert match.severity >= Severity.MAJOR
    found = {(c.category, c.a, c.b) for c in match.changes}
    assert (ChangeCategory.WORDING, "terrorist group (IS)", "IS") in found
    assert (ChangeCategory.SPELLING, "organizing", "organising") in found


def test_ellipsis_spacing_is_no_change_of_words(seed_report: Report) -> None:
    qa = _quote_starting(seed_report, "a", "In light of")
    (match,) = [m for m in seed_report.matches if m.a == qa.id]
    assert " \u2026 " in match.a_text and "relationship\u2026it" in match.b_text
    assert not any("\u2026" in c.a or "\u2026" in c.b for c in match.changes)
    assert {c.category for c in match.changes} == {ChangeCategory.WORDING, ChangeCategory.SPELLING}


def test_both_printings_credit_the_iraqi_military_through_the_statement(
    seed_report: Report,
) -> None:
    qa = _quote_starting(seed_report, "a", "In light of")
    qb = _quote_starting(seed_report, "b", "In light of")
    for quote in (qa, qb):
        assert quote.speaker == "the Iraqi military"
        assert quote.speaker_mention == "the statement"
        assert quote.cue == "said"
    (match,) = [m for m in seed_report.matches if m.a == qa.id]
    assert match.speakers.same is True


def test_the_second_translation_is_a_printed_twice_not_a_charge_against_b(
    seed_report: Report,
) -> None:
    """a prints the military's statement twice, in two translations; b prints it once. b's
    printing is matched with a's close one, and a's other translation is information about
    a (it prints the statement twice), never a `reworded` charge against b (issue 10)."""
    qa = _quote_starting(seed_report, "a", "In order to exploit")
    twin = _quote_starting(seed_report, "a", "In light of")
    qb = _quote_starting(seed_report, "b", "In light of")
    assert not any(m.a == qa.id for m in seed_report.matches)
    assert [m.a for m in seed_report.matches if m.b == qb.id] == [twin.id]
    (item,) = [u for u in seed_report.unmatched if u.quote == qa.id]
    assert (item.verdict, item.severity, item.twin) == (Verdict.ONLY_IN, Severity.INFO, twin.id)
    assert qa.speaker == "the Iraqi military"
    charged_b = [m for m in seed_report.matches if m.b == qb.id and m.severity >= Severity.MAJOR]
    assert [m.verdict for m in charged_b] == [Verdict.ALTERED]  # only "terrorist group" dropped


def test_last_chance_is_a_partial_quote_of_the_protesters_found_in_one_article_only(
    seed_report: Report,
) -> None:
    quote = _quote_starting(seed_report, "b", "last chance")
    assert quote.kind is QuoteKind.PARTIAL
    assert quote.speaker is not None and "protesters" in quote.speaker
    assert quote.speaker_mention == "they"
    (item,) = [u for u in seed_report.unmatched if u.quote == quote.id]
    assert item.verdict is Verdict.ONLY_IN
    assert item.article == "b"
    assert item.found_unquoted is False


def test_offsets_point_at_the_quoted_words(seed_report: Report) -> None:
    for article in seed_report.articles:
        for quote in article.quotes:
            assert article.text[quote.start : quote.end] == quote.text
