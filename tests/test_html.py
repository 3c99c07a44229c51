"""The HTML report read back without a browser: what it holds, that it loads nothing, that no
article text can become markup, and that every quote is highlighted where it stands.

What a browser does with the page (clicks, keys, the script under its policy) is in
`test_html_browser.py`.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attribution import Article, Quote, Report, article_from_text, compare, extract, render_json
from attribution.cli import app
from attribution.model import QuoteKind
from attribution.report.html import render_difference_html, render_html
from attribution.report.html_text import Highlight, escape_attr, escape_text, marked_blocks

from .conftest import FIXTURES, ROOT, UK_SEED, US_SEED
from .htmlpage import Page

DIRECT, PARTIAL = QuoteKind.DIRECT, QuoteKind.PARTIAL
# Tags the page is built from; anything else in a page came from article text.
OUR_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "strong",
    "fieldset", "legend", "label", "input", "span", "kbd", "ul", "li", "bdi", "code", "section",
    "ol", "a", "del", "ins", "main", "div", "mark", "script",
}  # fmt: skip
BIDI = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}  # fmt: skip
HOSTILE = (
    "<script>window.canary = 1</script> “We will <b>not</b> </textarea><script>"
    "window.canary = 2</script> raise taxes,” the mayor said.\n\n"
    'Click <a href="javascript:window.canary=3">here</a> or '
    '<img src=x onerror="window.canary=4"> <!-- a comment --> ]]> </style></div></mark>\n\n'
    "“The \u202egnidaer\u202c order \u2066is isolated\u2069 and \x1b[2J cleared,” "
    'said Ann Lee "><script>window.canary=5</script>.\n'
)


def shown(text: str) -> str:
    """What a column must show for an article's text, one character at a time: explicit
    bidirectional formatting by name, control characters as their pictures."""
    out = []
    for char in text:
        code = ord(char)
        if char in BIDI:
            out.append(f"[{BIDI[char]}]")
        elif char in "\t\n\r":
            out.append(char)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def check_page(report: Report) -> Page:
    """Every law of a rendered page; returns it parsed."""
    document = render_html(report)
    page = Page(document)
    assert page.doctype.lower() == "doctype html"
    assert page.errors == []
    tags = {e.tag for e in page.root.iter()} - {"#document"}
    assert tags <= OUR_TAGS, tags - OUR_TAGS
    assert len(page.find_all("script")) == len(page.find_all("style")) == 1
    columns = page.columns()
    assert len(columns) == len(report.articles)
    for column, article in zip(columns, report.articles, strict=True):
        assert column.text() == shown(article.text)
    return page


# --- the page holds the report ------------------------------------------------------------


def test_seed_page_lists_the_findings_worst_first_as_the_json_does(seed_report: Report) -> None:
    page = check_page(seed_report)
    data = json.loads(render_json(seed_report))
    rank = ["none", "info", "minor", "major", "critical"]
    expected = sorted(
        [(m["severity"], m["verdict"], f"{m['a']} → {m['b']}") for m in data["matches"]]
        + [(u["severity"], f"only in {u['article']}", u["quote"]) for u in data["unmatched"]],
        key=lambda f: -rank.index(f[0]),
    )
    listed = []
    for item in page.findings():
        (head,) = item.find_all("p", "fh")
        verdict = head.find_all("span", "verdict")[0].text()
        quotes = " → ".join(a.text() for a in head.find_all("a"))
        listed.append((item.attrs["data-severity"], verdict, quotes))
    assert listed == [f for f in expected if f[0] != "none"]


def test_every_quote_is_highlighted_where_it_stands_and_labelled_in_words(
    seed_report: Report,
) -> None:
    page = check_page(seed_report)
    marks = [m for m in page.find_all("mark", "q") if "data-label" in m.attrs]
    labels = {m.attrs["data-label"].split(" · ")[0]: m for m in marks}
    assert sorted(labels) == ["a:q1", "a:q2", "b:q1", "b:q2"]
    assert labels["b:q1"].attrs["data-label"] == "b:q1 · info · only in b"
    assert labels["a:q1"].attrs["data-label"] == "a:q1 · info · only in a"
    assert labels["a:q2"].attrs["data-label"] == "a:q2 · major · altered (b:q2)"
    assert labels["b:q2"].attrs["data-label"] == "b:q2 · major · altered (a:q2)"
    for article, column in zip(seed_report.articles, page.columns(), strict=True):
        for quote in article.quotes:
            pieces = [
                m
                for m in column.find_all("mark", "q")
                if m.attrs.get("data-label", "").startswith(quote.id + " ")
            ]
            assert pieces, quote.id
            assert quote.text.startswith(pieces[0].text().replace("\n", " ")[:20])


def test_a_quote_reprinted_twice_names_each_reprint_once_on_its_label() -> None:
    said = "\u201cWe will not raise taxes this year,\u201d the mayor said.\n"
    report = compare(
        article_from_text(said),
        article_from_text(said.replace("not ", ""), "b"),
        article_from_text(said.replace("not ", ""), "c"),
    )
    page = check_page(report)
    (label,) = [
        m.attrs["data-label"]
        for m in page.find_all("mark")
        if "a:q1" in m.attrs.get("data-label", "")[:5]
    ]
    assert label == "a:q1 · critical · altered (b:q1, c:q1)"
    assert [c.find_all("mark")[0].attrs["data-label"] for c in page.columns()[1:]] == [
        "b:q1 · critical · altered (a:q1)",
        "c:q1 · critical · altered (a:q1)",
    ]


def test_a_finding_names_the_highlights_it_brings_into_view(seed_report: Report) -> None:
    page = check_page(seed_report)
    ids = page.by_id()
    for item in page.findings():
        targets = item.attrs["data-go"].split()
        assert targets
        for target in targets:
            assert ids[target].tag == "mark"
            assert item.attrs["id"] in ids[target].attrs["data-g"].split()
        links = [a.attrs["href"] for a in item.find_all("a")]
        assert links[: len(targets)] == [f"#{t}" for t in targets]


def test_the_word_by_word_change_strikes_a_s_words_and_inserts_b_s() -> None:
    report = compare(
        article_from_text(
            "\u201cWe will not raise the gas taxes this year, the governor promised on Monday,"
            " and meant it,\u201d she said."
        ),
        article_from_text(
            "\u201cWe will raise the [state] gas taxes \u2026 next year, the governor promised,"
            " and meant it,\u201d she said.",
            "b",
        ),
    )
    (match,) = report.matches
    diff = Page(render_difference_html(match))
    struck = [e.text() for e in diff.find_all("del")]
    inserted = [e.text() for e in diff.find_all("ins")]
    assert struck == ["not", "this", "on Monday"]
    assert inserted == ["[state]", "\u2026 next"]  # the bracket and the ellipsis as printed
    labelled = [e.attrs["data-cat"] for e in diff.root.iter() if "data-cat" in e.attrs]
    assert labelled == ["negation", "bracket", "wording", "wording"]
    assert diff.root.text().split() == render_text_of(match).split()


def render_text_of(match: object) -> str:
    """The markdown difference with its marks removed: the words the HTML must show too."""
    from attribution.report import render_difference

    text = render_difference(match)  # type: ignore[arg-type]
    return re.sub(r"~~|\*\*|\\(.)", r"\1", text)


def test_a_quote_over_two_paragraphs_is_highlighted_in_both() -> None:
    text = (
        "\u201cThe first paragraph of the statement runs on,\n\n"
        "\u201cand the second one ends it,\u201d the minister said.\n"
    )
    article = article_from_text(text)
    (quote,) = article.quotes
    assert len(quote.spans) == 2
    page = check_page(extract(article))
    pieces = page.find_all("mark", "q")
    assert [p.text() for p in pieces] == [text[s:e] for s, e in quote.spans]
    assert "data-label" in pieces[0].attrs and "data-label" not in pieces[1].attrs
    assert "id" in pieces[0].attrs and "id" not in pieces[1].attrs


def test_a_quote_inside_a_quote_is_nested_inside_it() -> None:
    text = (
        "\u201cWhen he said \u2018we will build it\u2019 he meant it,\u201d the columnist wrote.\n"
    )
    outer = Quote("a:q1", text[1:44], 1, 44, "the columnist", "the columnist", "wrote", DIRECT)
    inner = Quote("a:q2", "we will build it", 15, 31, None, None, None, PARTIAL, within="a:q1")
    assert (outer.text, inner.text) == (text[1:44], text[15:31])
    report = extract(Article("a", "column.txt", (outer, inner), text=text))
    page = check_page(report)
    (nested,) = [m for m in page.find_all("mark", "q") if m.parent and m.parent.tag == "mark"]
    assert nested.text() == inner.text
    assert nested.attrs["data-label"] == "a:q2 · partial · speaker unknown"


def test_a_quote_whose_end_is_a_guess_says_so_on_its_label() -> None:
    article = article_from_text("He said \u201cthis never closes.\n\nThe next paragraph.\n")
    (quote,) = article.quotes
    assert quote.uncertain
    (mark,) = check_page(extract(article)).find_all("mark", "uncertain")
    assert mark.attrs["data-label"].endswith(" · extent uncertain")


def test_a_statement_split_around_its_attribution_is_one_finding_marking_both_pieces() -> None:
    text = "\u201cWe will not raise the gas tax,\u201d Petersen said. \u201cNot this year.\u201d\n"
    second = text.index("Not")
    pieces: tuple[Quote, ...] = (
        Quote("a:q1", text[1:30], 1, 30, "Laura Petersen", "Petersen", "said", DIRECT),
        Quote("a:q2", "Not this year.", second, second + 14, "Laura Petersen", None, None, DIRECT),
    )
    pieces = tuple(dataclasses.replace(q, statement="a:s1") for q in pieces)
    other = article_from_text(
        "\u201cWe will raise the gas tax. Not this year,\u201d Petersen said.\n", "b"
    )
    report = compare(Article("a", "a.txt", pieces, text=text), other)
    (match,) = report.matches
    assert match.a_pieces == ("a:q1", "a:q2")
    page = check_page(report)
    (finding,) = page.findings()
    group = finding.attrs["id"]
    marked = [m for m in page.find_all("mark", "q") if group in m.attrs.get("data-g", "").split()]
    assert [m.text() for m in marked] == [text[1:30], "Not this year.", other.quotes[0].text]
    struck = [e.text() for e in page.find_all("span", "del") if group in e.attrs["data-g"]]
    assert "not" in struck


def test_a_check_marks_the_draft_s_quote_and_the_source_s_words() -> None:
    case = FIXTURES / "check" / "bridge-plan-tampered"
    from attribution import check

    report = check(
        str(case / "draft.md"),
        *(str(case / n) for n in ("transcript.txt", "release.txt", "wire.txt")),
    )
    page = check_page(report)
    assert report.check is not None
    assert page.find_all("h1")[0].text().startswith("FAIL: 13 of 16 quotes verified")
    ids = page.by_id()
    statuses = {}
    for item in page.findings():
        statuses[item.find_all("a")[0].text()] = item.find_all("span", "verdict")[0].text()
        draft_mark, *others = (ids[t] for t in item.attrs["data-go"].split())
        assert "q" in draft_mark.attrs["class"].split()
        for other in others:
            assert {"found", "unquoted"} & set(other.attrs["class"].split())
    assert statuses["draft:q5"] == "misattributed"
    assert statuses["draft:q12"] == "unsupported"
    assert statuses["draft:q8"] == "altered"
    (found,) = [
        m for m in page.find_all("mark", "found") if "draft:q8" in m.attrs.get("data-label", "")
    ]
    outcome = next(o for o in report.check.quotes if o.quote == "draft:q8")
    assert outcome.match is not None
    assert found.text() == outcome.match.b_text


# --- the page loads nothing and runs only its own script ---------------------------------


def test_the_policy_allows_exactly_the_page_s_own_style_and_script(seed_report: Report) -> None:
    page = Page(render_html(seed_report))
    (meta,) = [m for m in page.find_all("meta") if m.attrs.get("http-equiv")]
    head = [e for e in page.find_all("head")[0].children if not isinstance(e, str)]
    assert head[0].attrs == {"charset": "utf-8"} and head[1] is meta  # before anything it governs
    directives = [d.split() for d in meta.attrs["content"].split(";")]
    policy = {d[0]: d[1:] for d in directives}
    assert policy["default-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]

    def digest(element: str) -> str:
        (node,) = page.find_all(element)
        body = node.text().encode("utf-8")
        return f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'"

    assert policy["style-src"] == [digest("style")]
    assert policy["script-src"] == [digest("script")]


def test_the_page_refers_to_nothing_outside_itself(seed_report: Report) -> None:
    document = render_html(seed_report)
    page = Page(document)
    for element in page.root.iter():
        for name, value in element.attrs.items():
            assert name not in {"src", "srcset", "action", "formaction", "background"}
            assert not name.startswith("on"), name
            if name == "href":
                assert value.startswith("#"), value
    (style,) = page.find_all("style")
    (script,) = page.find_all("script")
    assert not re.search(r"url\(|@import|@font-face", style.text())
    assert not re.search(r"fetch|XMLHttpRequest|import\(|innerHTML|eval|https?:", script.text())


def test_a_hostile_article_is_text_and_nothing_else() -> None:
    report = compare(
        Article("a", "<script>x</script>.txt", text=HOSTILE),
        Article("b", 'b\u202e.txt"><img src=x>', text=HOSTILE.replace("not", "never")),
    )
    page = check_page(report)
    document = render_html(report)
    assert document.count("<script") == 1 and "javascript:" not in Page(document).find_all("a")[
        0
    ].attrs.get("href", "")
    assert "\u202e" not in document and "\u2066" not in document and "\x1b" not in document
    assert not [e for e in page.root.iter() if e.tag in {"img", "b", "textarea", "iframe"}]
    assert "[RLO]" in page.columns()[0].text()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("\u201cquoted\u201d 'single' \"double\"", "\u201cquoted\u201d 'single' \"double\""),
        ("\x1b[2J", "\u241b[2J"),
        ("\x85", "\ufffd"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        ("\ud800", "\ufffd"),
    ],
)
def test_article_text_is_escaped_for_element_content(text: str, expected: str) -> None:
    assert escape_text(text) == expected


def test_an_attribute_value_cannot_be_closed_or_hold_formatting() -> None:
    assert escape_attr('a" onmouseover="x') == "a&quot; onmouseover=&quot;x"
    assert escape_attr("it's\u202e\n") == "it&#x27;s[RLO]"


# --- highlights over text -----------------------------------------------------------------


def _blocks(text: str, *marks: tuple[int, int, str]) -> list[str]:
    highlights = [
        Highlight(s, e, "mark", name, ident=name, depth=n) for n, (s, e, name) in enumerate(marks)
    ]
    return list(marked_blocks(text, highlights))


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("abcdef", [], ["abcdef"]),
        ("abcdef", [(1, 3, "x")], ['a<mark class="x" id="x">bc</mark>def']),
        (
            "abcdef",
            [(0, 6, "x"), (2, 4, "y")],
            ['<mark class="x" id="x">ab<mark class="y" id="y">cd</mark>ef</mark>'],
        ),
        (
            # Crossing stretches: the later one is split where the earlier ends.
            "abcdef",
            [(0, 4, "x"), (2, 6, "y")],
            [
                '<mark class="x" id="x">ab<mark class="y" id="y">cd</mark></mark>'
                '<mark class="y">ef</mark>'
            ],
        ),
        (
            # Over a line break: closed at the block's end, opened again after it.
            "ab\ncd\n",
            [(1, 4, "x")],
            ['a<mark class="x" id="x">b\n</mark>', '<mark class="x">c</mark>d\n'],
        ),
        ("a<b", [(0, 3, "x")], ['<mark class="x" id="x">a&lt;b</mark>']),
        ("abc", [(2, 9, "out of range"), (1, 1, "empty")], ["abc"]),
    ],
)
def test_highlights_nest_and_split_where_they_cross(
    text: str, marks: list[tuple[int, int, str]], expected: list[str]
) -> None:
    assert _blocks(text, *marks) == expected


# --- the command line ---------------------------------------------------------------------


def test_compare_writes_the_page_to_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.html"
    args = ["compare", str(US_SEED), str(UK_SEED), "--format", "html", "--output", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')


def test_check_renders_one_draft_per_page(tmp_path: Path) -> None:
    case = FIXTURES / "check" / "bridge-plan-tampered"
    draft = str(case / "draft.md")
    result = CliRunner().invoke(
        app, ["check", draft, draft, "--source", str(case / "wire.txt"), "--format", "html"]
    )
    assert result.exit_code == 2
    assert result.stderr == "Error: --format html reports on one draft at a time; got 2 drafts\n"


# --- the README's picture -----------------------------------------------------------------


def test_the_readme_shows_a_picture_of_the_seed_page_as_the_tool_writes_it() -> None:
    from benchmarks.screenshot import PICTURE, page_digest, picture_size, recorded_digest

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](seeds/REPORT.png)" in readme
    assert picture_size(PICTURE) == (1280, 800)
    assert recorded_digest(PICTURE) == page_digest(), (
        "seeds/REPORT.png shows an older seeds/REPORT.html: run "
        ".venv/bin/python benchmarks/screenshot.py and commit the picture"
    )
