"""Rendering: markdown that reads well and cannot be broken by article text; exact JSON."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attribution import Article, Report, article_from_text, check, compare, extract
from attribution.report import md_escape, render_json, render_markdown, shorten

from .conftest import FIXTURES


def test_report_opens_with_summary_then_findings_matches_and_quotes(seed_report: Report) -> None:
    text = render_markdown(seed_report)
    headings = re.findall(r"^#+ .*$", text, flags=re.M)
    assert headings[0] == "# Quote drift report"
    assert headings[1:3] == ["## Findings", "## Matches"]
    assert "## Quotes by article" in headings
    assert "Worst finding: **major**" in text


def test_findings_are_sorted_worst_first(seed_report: Report) -> None:
    text = render_markdown(seed_report)
    findings = text.split("## Findings")[1].split("## Matches")[0]
    severities = re.findall(r"^\| \d+\s+\| (\w+)", findings, flags=re.M)
    order = ["critical", "major", "minor", "info", "none"]
    assert severities == sorted(severities, key=order.index)


def test_difference_marks_deleted_and_inserted_words(seed_report: Report) -> None:
    text = render_markdown(seed_report)
    assert "~~terrorist group (IS)~~ **IS**" in text
    assert "~~organizing~~ **organising**" in text


def test_markdown_escapes_what_github_would_read_as_syntax() -> None:
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("<script>alert(1)</script>") == "\\<script\\>alert(1)\\</script\\>"
    assert md_escape("<!-- hidden -->") == "\\<\\!-- hidden --\\>"
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("- not a list") == "\\- not a list"
    assert md_escape("two\nlines") == "two lines"
    assert md_escape("`code` *em* _em_ ~~s~~ [l](u) $x$") == (
        "\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ \\[l\\](u) \\$x\\$"
    )


HOSTILE = st.text(
    alphabet=st.sampled_from(list("ab |`*_~<>#[]()\n\\$!&-:\u201c\u201d\"'")),
    min_size=1,
    max_size=40,
)


@given(HOSTILE)
def test_quotes_with_markdown_syntax_never_break_a_table(words: str) -> None:
    """Law: every table row keeps its column count, whatever the quote holds."""
    text = f"\u201c{words} end,\u201d the mayor said."
    report = extract(article_from_text(text))
    markdown = render_markdown(report)
    for block in re.findall(r"(?:^\|.*\n)+", markdown, flags=re.M):
        rows = block.strip("\n").split("\n")
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(counts) == 1, block
    assert "<script" not in markdown


def test_json_is_utf8_with_two_space_indent_and_a_final_newline(seed_report: Report) -> None:
    text = render_json(seed_report)
    assert text.endswith("}\n") and '\n  "articles"' in text
    assert "\u201c" not in text or "\\u201c" not in text
    assert json.loads(text)["summary"]["worst"] == "major"


def test_shorten_cuts_at_a_word_with_an_ellipsis() -> None:
    assert shorten("word " * 40, 20) == "word word word word \u2026"
    assert shorten("short") == "short"


def test_extract_report_lists_each_article_s_quotes() -> None:
    report = extract(article_from_text("\u201cWe are ready,\u201d the coach said."))
    text = render_markdown(report)
    assert text.startswith("# Quotes\n")
    assert "| a:q1" in text and "the coach" in text


def test_identical_articles_have_no_findings() -> None:
    text = "\u201cWe are ready for the storm,\u201d the mayor said."
    report = compare(article_from_text(text, "a"), article_from_text(text, "b"))
    assert report.summary.worst.value == "none"
    assert "No findings" in render_markdown(report)


def test_names_spelled_differently_are_listed_in_markdown_only(seed_report: Report) -> None:
    text = render_markdown(seed_report)
    section = text.split("## Names spelled differently")[1].split("\n## ")[0]
    assert "| Qasem Soleimani  | Qassem Soleimani |" in section
    assert "| Adel Abdul Mahdi | Adil Abdul-Mahdi |" in section
    assert "names" not in json.loads(render_json(seed_report))


def test_no_names_section_when_every_name_is_spelled_alike() -> None:
    text = "\u201cWe are ready for the storm,\u201d Mayor Ana Ruiz said in Riverton."
    report = compare(article_from_text(text, "a"), article_from_text(text, "b"))
    assert "Names spelled differently" not in render_markdown(report)


@given(HOSTILE)
def test_the_editor_s_report_keeps_its_tables_whatever_a_quote_holds(words: str) -> None:
    """Law: every table row of a check report keeps its column count; no HTML gets through."""
    from attribution.pipeline import check_sources
    from attribution.sources import parse_source

    source = parse_source("s1", "t|x.txt", f"RUIZ: {words} end.\n\nQ: Why?\n\nLEE: <b>No</b>.\n")
    draft = article_from_text(f"\u201c{words} end,\u201d the mayor said.", "draft", "d`raft.md")
    markdown = render_markdown(check_sources(draft, [source]))
    assert markdown.startswith(("# PASS: ", "# FAIL: "))
    for block in re.findall(r"(?:^\|.*\n)+", markdown, flags=re.M):
        rows = block.strip("\n").split("\n")
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(counts) == 1, block
    assert "<script" not in markdown and "<b>" not in markdown


HOSTILE_QUOTES = [
    "pipes | in | the | middle",
    "`rm -rf /` and ``double`` ticks",
    "<script>alert('x')</script> now",
    "<!-- hidden comment --> shown",
    "# a heading at the start",
    "first line\nsecond line\r\nthird\u2028fourth",
    "escape \x1b[2J the terminal \x9b31m now",
    "**bold** _em_ [link](http://x) ![img](y) &amp; $x$ \\ end",
    "> a block quote and 1. a list - item",
]


def _tables_keep_their_columns(markdown: str) -> None:
    for block in re.findall(r"(?:^\|.*\n)+", markdown, flags=re.M):
        rows = block.strip("\n").split("\n")
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(counts) == 1, block


def _hostile_article(article_id: str, changed: bool) -> str:
    paragraphs = []
    for i, words in enumerate(HOSTILE_QUOTES):
        said = f"{words} {'fixed' if changed else 'kept'} {i}"
        paragraphs.append(f"\u201c{said},\u201d Mayor Ana Ruiz said.")
    return "\n\n".join(paragraphs)


def test_hostile_quote_text_cannot_break_the_markdown_report_or_the_json() -> None:
    report = compare(
        article_from_text(_hostile_article("a", False), "a", "a|`b`.txt"),
        article_from_text(_hostile_article("b", True), "b", "<script>.txt\n# x"),
    )
    assert len(report.matches) == len(HOSTILE_QUOTES)
    markdown = render_markdown(report)
    _tables_keep_their_columns(markdown)
    headings = re.findall(r"^#+ .*$", markdown, flags=re.M)
    assert all(h.startswith(("# Quote drift report", "## ", "### ")) for h in headings)
    assert len([h for h in headings if h.startswith("### a:q")]) == len(HOSTILE_QUOTES)
    outside_code = re.sub(r"`[^`\n]*`", "", markdown)  # a code span shows <script> as text
    assert not re.search(r"(?<!\\)<(?:script|/script|!--)", outside_code)
    for raw in ("\x1b", "\x9b", "\u2028", "\r"):
        assert raw not in markdown
    assert "\u241b\\[2J" in markdown  # the escape is shown, not obeyed
    assert not re.search(r"^(?:>\s*)?[-+*] |^\d+\. |^ {4}", markdown, flags=re.M)
    data = json.loads(render_json(report))
    # Quotes within these quotes (``double``, 'x') are quotes of their own, named by `within`.
    texts = [q["text"] for q in data["articles"][0]["quotes"] if q["within"] is None]
    assert texts == [f"{w} kept {i}," for i, w in enumerate(HOSTILE_QUOTES)]
    assert data["articles"][0]["source"] == "a|`b`.txt"


def test_an_extract_report_of_hostile_quotes_keeps_its_shape() -> None:
    report = extract(article_from_text(_hostile_article("a", False), "a", "x|y.txt"))
    markdown = render_markdown(report)
    _tables_keep_their_columns(markdown)
    nested = sum(1 for q in report.articles[0].quotes if q.within is not None)
    assert markdown.count("\n| a:q") == len(HOSTILE_QUOTES) + nested
    assert "### a: `x|y.txt`" in markdown


def test_a_struck_word_stands_apart_from_its_neighbours() -> None:
    from attribution.report import render_difference

    report = compare(
        article_from_text("\u201cWe will not raise the taxes,\u201d she said.", "a"),
        article_from_text("\u201cWe will raise taxes.\u201d she said.", "b"),
    )
    # The struck comma stands apart from "taxes", or GitHub prints its tildes as text.
    assert render_difference(report.matches[0]) == "We will ~~not~~ raise ~~the~~ taxes ~~,~~ **.**"


def test_rendering_does_not_search_the_report_per_quote(
    seed_report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering stays linear in the report's size: no quote is looked up by scanning the
    report (Report.quote walks every article), and no table goes through tabulate (one call
    per match made a 20,000-quote report take most of a minute). benchmarks/render.py times it."""
    from attribution.report import markdown, markdown_check

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a renderer searched the report for a quote")

    monkeypatch.setattr(Report, "quote", refuse)
    monkeypatch.setattr(Article, "quote", refuse)
    monkeypatch.setattr("tabulate.tabulate", refuse)
    assert markdown.render_markdown(seed_report).startswith("# Quote drift report")
    assert render_json(seed_report).startswith("{")
    draft = FIXTURES / "check" / "bridge-plan-tampered"
    monkeypatch.undo()
    checked = check(str(draft / "draft.md"), str(draft / "transcript.txt"), str(draft / "wire.txt"))
    monkeypatch.setattr(Report, "quote", refuse)
    monkeypatch.setattr(Article, "quote", refuse)
    assert markdown_check.check_markdown(checked, checked.check).startswith("# FAIL")  # type: ignore[arg-type]
