"""The GitHub-markdown pieces: each fast path beside the obviously right version it replaces."""

from __future__ import annotations

import string

import tabulate
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.report.gfm import (
    Anchors,
    escape_always,
    marked,
    md_escape,
    slug,
    slug_by_category,
    table,
)

TEXT = st.text(
    alphabet=st.sampled_from(
        [*string.ascii_letters[:6], *"0123456789 \t\n\u00a0.,-+=*_~`|#<>&$![]\\", "\u201c", "\x1b"]
    ),
    max_size=30,
)


@settings(max_examples=300)
@given(TEXT)
def test_escaping_plain_text_is_a_shortcut_not_a_change(text: str) -> None:
    """Law: md_escape (which returns plain text untouched) equals the full escaping."""
    assert md_escape(text) == escape_always(text)


CELL = st.text(alphabet=st.sampled_from([*"abc xyz-\u201c\u201d\\|", "é"]), max_size=12)


@settings(max_examples=200)
@given(
    st.integers(1, 5).flatmap(
        lambda n: st.tuples(
            st.lists(CELL.filter(str.strip), min_size=n, max_size=n),
            st.lists(st.lists(CELL, min_size=n, max_size=n), max_size=5),
        )
    )
)
def test_the_table_writer_lays_out_what_tabulate_does(
    case: tuple[list[str], list[list[str]]],
) -> None:
    """Law: the report's own table writer gives tabulate's github layout byte for byte."""
    headers, rows = case
    tabulate.WIDE_CHARS_MODE = False
    try:
        expected = tabulate.tabulate(
            rows, headers=headers, tablefmt="github", disable_numparse=True
        )
    finally:
        tabulate.WIDE_CHARS_MODE = tabulate.wcwidth is not None
    assert table(headers, rows) == expected + "\n"


def test_a_mark_beside_a_word_stands_apart_only_where_github_needs_it() -> None:
    assert marked(",", "~~", before="r", after=" ") == " ~~,~~"
    assert marked("not", "~~", before="l", after="r") == "~~not~~"  # letters: no space needed
    assert marked(".", "**", before=" ", after="N") == "**.** "
    assert marked("(IS)", "~~", before=" ", after=" ") == "~~(IS)~~"


def test_repeated_headings_get_github_s_numbered_ids() -> None:
    anchors = Anchors()
    assert [
        anchors.add(h) for h in ("a:q1: altered, major", "Details", "a:q1: altered, major")
    ] == [
        "aq1-altered-major",
        "details",
        "aq1-altered-major-1",
    ]


HEADING = st.text(
    alphabet=st.sampled_from(
        [*"aZ09 -_:.,`→*()", "\u00e9", "\u0301", "\u00b2", "\u2165", "\u00a0", "\u0660", "\u0130"]
    ),
    max_size=30,
)


@settings(max_examples=300)
@given(HEADING)
def test_the_slug_regex_keeps_what_the_character_categories_keep(heading: str) -> None:
    """Law: one regex pass gives the anchor the per-character category test gives."""
    assert slug(heading) == slug_by_category(heading)
