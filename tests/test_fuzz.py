"""Fuzzing: reader, extractor, aligner and renderers over arbitrary Unicode never fail.

Each law is a plain `check_*` function over generated input, run here with a modest number
of examples; `benchmarks/fuzz.py` runs the same laws for hundreds of thousands.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attribution import Article, article_from_text, compare, extract
from attribution.align import align_texts
from attribution.errors import UnreadableInput
from attribution.inputs import decode_input, read_input
from attribution.normalize import tokenize
from attribution.report import md_escape, render_json, render_markdown
from attribution.typography import DOUBLE_MARKS, SINGLE_MARKS
from attribution.web import looks_like_html

from .test_html import check_page

# Pieces real and hostile articles are made of: words, names and cues, every quotation mark,
# right-to-left script, combining marks, emoji (with modifiers and joiners), control and
# format characters, odd spaces, line and paragraph breaks, markdown and HTML syntax.
FRAGMENTS = [
    *sorted(DOUBLE_MARKS | SINGLE_MARKS),
    "\u201c", "\u201d", '"', "'", "\u00ab", "\u00bb",
    "We will", " not ", "raise taxes", " said ", "Mayor Ana Ruiz", " she ", "told", "the ministry",
    "according to", "12", "2,400", "...", "\u2026", "[sic]", "(IS)", "\u2014", "-", ",", ".", ":",
    "\u05e9\u05dc\u05d5\u05dd", "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631",
    "\u200f", "\u202e", "\u2066", "\u2069",
    "e\u0301", "\u0915\u094d\u0937", "Z\u0351\u0360\u0334a\u0353\u0337",
    "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1e6",
    "\x00", "\x07", "\x1b[2J", "\x7f", "\x9b", "\ufeff", "\u200b", "\u00ad", "\ufffd",
    " ", " ", "\u00a0", "\u202f", "\u3000", "\t", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029",
    "|", "`", "<script>", "<!--", "-->", "# ", "* ", "1. ", "> ", "**", "_", "~~", "\\", "&amp;",
]  # fmt: skip
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map(
    "".join
)
BYTES = st.one_of(
    st.binary(max_size=300),
    TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    TEXT.map(lambda t: t.encode("utf-16")),
    TEXT.map(lambda t: t.encode("cp1252", errors="ignore")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]), st.binary()).map(
        b"".join
    ),
)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- the laws -----------------------------------------------------------------------------


def check_reader(data: bytes) -> None:
    """Law: any bytes read as text or are refused as unreadable; nothing else escapes."""
    try:
        read = decode_input(data, "fuzz.txt")
    except UnreadableInput as err:
        message = str(err)
        assert message.startswith("cannot read 'fuzz.txt': ") and "\n" not in message
        return
    assert "\x00" not in read.text
    if looks_like_html("-", data):
        with contextlib.suppress(UnreadableInput):  # a web page: its article text, or refused
            read_input("-", stdin=io.BytesIO(data))
    else:
        assert read_input("-", stdin=io.BytesIO(data)) == read


def check_extract(text: str) -> None:
    """Law: every quote's offsets slice the text back to its words; quote ids are unique."""
    article = article_from_text(text)
    assert len({q.id for q in article.quotes}) == len(article.quotes)
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(text)
        assert (quote.start, quote.end) == (quote.spans[0][0], quote.spans[-1][1])
        assert all(s < e for s, e in quote.spans)
        assert " ".join(text[s:e] for s, e in quote.spans) == quote.text


def check_align(a: str, b: str) -> None:
    """Law: an alignment covers both token sequences and its similarity is symmetric, in [0, 1]."""
    ab, ba = align_texts(a, b), align_texts(b, a)
    for alignment in (ab, ba):
        pos_a = pos_b = 0
        for _, s1, e1, s2, e2 in alignment.opcodes:
            assert (s1, s2) == (pos_a, pos_b)
            pos_a, pos_b = e1, e2
        assert (pos_a, pos_b) == (len(alignment.a_tokens), len(alignment.b_tokens))
        assert 0.0 <= alignment.similarity <= 1.0
    assert ab.similarity == ba.similarity
    assert len(ab.a_tokens) == len(tokenize(a))


def check_compare_and_render(a: str, b: str) -> None:
    """Law: compare never fails; its JSON is valid and exact, its markdown tables keep shape."""
    report = compare(Article("a", "a.txt", text=a), Article("b", "b|`x`.txt", text=b))
    data = json.loads(render_json(report))
    for article, rendered in zip(report.articles, data["articles"], strict=True):
        assert [q["text"] for q in rendered["quotes"]] == [q.text for q in article.quotes]
    assert len(data["matches"]) == len(report.matches)
    check_markdown(render_markdown(report))
    check_markdown(render_markdown(extract(Article("a", "a.txt", text=a))))


def check_html(a: str, b: str) -> None:
    """Law: any two articles render as the page's own markup, nested, columns their text."""
    report = compare(Article("a", "a<b>.txt", text=a), Article("b", "b\u202e.txt", text=b))
    check_page(report)
    check_page(extract(Article("a", "a.txt", text=a)))


def check_markdown(markdown: str) -> None:
    """Law: every table row has its header's column count; no stray control characters."""
    for block in re.findall(r"(?:^\|.*\n)+", markdown, flags=re.M):
        rows = block.strip("\n").split("\n")
        counts = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(counts) == 1, block
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]", markdown)


def check_escape(text: str) -> None:
    """Law: escaped text is one line with no unescaped markdown or HTML syntax."""
    escaped = md_escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    bare = re.sub(r"\\.", "", escaped)  # what is left once every escaped character is gone
    assert not set(bare) & set("\\`*_~[]|#<>&$!")


LAWS: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
    (check_reader, (BYTES,)),
    (check_extract, (TEXT,)),
    (check_align, (TEXT, TEXT)),
    (check_compare_and_render, (TEXT, TEXT)),
    (check_escape, (TEXT,)),
    (check_html, (TEXT, TEXT)),
]


# --- the same laws in the suite, with few examples ----------------------------------------


@FAST
@given(BYTES)
def test_reader_reads_or_refuses_any_bytes(data: bytes) -> None:
    """Law: any bytes read as text or are refused as unreadable; nothing else escapes."""
    check_reader(data)


@FAST
@given(TEXT)
def test_extract_offsets_always_slice_the_text(text: str) -> None:
    """Law: every quote's offsets slice the text back to its words."""
    check_extract(text)


@FAST
@given(TEXT, TEXT)
def test_alignment_covers_both_sides_symmetrically(a: str, b: str) -> None:
    """Law: an alignment covers both token sequences; similarity is symmetric, in [0, 1]."""
    check_align(a, b)


@FAST
@given(TEXT, TEXT)
def test_compare_and_renderers_never_fail_and_keep_their_shape(a: str, b: str) -> None:
    """Law: compare never fails; JSON is valid and exact; markdown tables keep their columns."""
    check_compare_and_render(a, b)


@FAST
@given(TEXT)
def test_escaped_text_is_one_inert_line(text: str) -> None:
    """Law: escaped text is one line with no unescaped markdown or HTML syntax."""
    check_escape(text)


@FAST
@given(TEXT, TEXT)
def test_any_articles_render_as_a_page_of_their_text(a: str, b: str) -> None:
    """Law: the page is the report's own markup, properly nested, each column its article."""
    check_html(a, b)
