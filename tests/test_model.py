"""The data model: severity order, JSON key order, and the report-v1 contract."""

from __future__ import annotations

import json

from attribution import SCHEMA, Report, Severity
from attribution.model import Quote, QuoteKind, summarize, to_json_dict
from attribution.report import render_json


def test_severities_order_from_none_to_critical() -> None:
    assert sorted(Severity, reverse=True)[0] is Severity.CRITICAL
    assert max(Severity.INFO, Severity.MAJOR, Severity.NONE) is Severity.MAJOR
    assert Severity("minor") <= Severity.MINOR and Severity.MINOR < Severity.MAJOR


def test_quote_json_has_exactly_the_spec_keys_in_order() -> None:
    quote = Quote("a:q1", "Hi.", 1, 4, None, None, None, QuoteKind.DIRECT, spans=[(1, 4)])
    assert list(to_json_dict(quote)) == [
        "id",
        "text",
        "start",
        "end",
        "speaker",
        "speaker_mention",
        "cue",
        "kind",
        "spans",
        "statement",
        "within",
    ]
    assert quote.spans == ((1, 4),)
    assert to_json_dict(quote)["spans"] == [[1, 4]]


def test_report_json_follows_report_v1(seed_report: Report) -> None:
    data = json.loads(render_json(seed_report))
    assert data["schema"] == SCHEMA == "attribution/report-v1"
    assert list(data) == ["schema", "articles", "matches", "unmatched", "summary"]
    assert list(data["articles"][0]) == ["id", "source", "quotes"]
    assert list(data["matches"][0]) == [
        "a",
        "b",
        "a_text",
        "b_text",
        "verdict",
        "severity",
        "similarity",
        "speakers",
        "changes",
    ]
    assert list(data["matches"][0]["speakers"]) == ["a", "b", "same"]
    changed = next(m for m in data["matches"] if m["changes"])
    assert list(changed["changes"][0]) == ["op", "a", "b", "category", "severity"]
    assert list(data["unmatched"][0]) == [
        "quote",
        "article",
        "text",
        "verdict",
        "severity",
        "found_unquoted",
    ]
    assert list(data["summary"]) == ["worst", "by_severity", "by_verdict"]
    assert 0.0 <= data["matches"][0]["similarity"] <= 1.0


def test_summary_counts_findings_worst_first() -> None:
    summary = summarize((), ())
    assert summary.worst is Severity.NONE and summary.by_severity == {}


def test_a_check_passes_only_below_its_threshold_and_stays_out_of_the_json() -> None:
    from attribution.model import CheckResult, CheckStatus, QuoteCheck, SourceInfo, SourceKind

    quotes = (
        QuoteCheck("draft:q1", "verified", "info"),
        QuoteCheck("draft:q2", CheckStatus.MISATTRIBUTED, Severity.MAJOR),
    )
    result = CheckResult("major", (SourceInfo("s1", SourceKind.TRANSCRIPT),), quotes)
    assert result.fail_on is Severity.MAJOR and quotes[0].status is CheckStatus.VERIFIED
    assert not result.passed
    assert CheckResult(Severity.CRITICAL, (), quotes).passed
    assert result.count(CheckStatus.MISATTRIBUTED) == 1
    report = Report(SCHEMA, (), (), (), summarize((), ()), command="check", check=result)
    assert "check" not in to_json_dict(report)
