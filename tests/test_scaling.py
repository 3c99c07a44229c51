"""Fast paths that keep long articles linear agree with their obviously right versions."""

from __future__ import annotations

import bisect
import contextlib
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Levenshtein

from attribution import opcodes
from attribution.extract import pair_quote_marks, paragraph_spans
from attribution.extract.mentions import MentionIndex, scan_mentions
from attribution.extract.names import canonical_speaker, surname
from attribution.extract.sentences import SentenceIndex, punkt
from attribution.extract.tokens import tokenize

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
    mentions = scan_mentions(tokenize(text, pair_quote_marks(text, paragraphs)))
    for title, first, last in people:
        for name in (last, f"{first} {last}", f"{title}{last}"):
            assert mentions.resolve_name(name) == _fullest_by_scan(name, mentions)


def _fullest_by_scan(name: str, mentions: MentionIndex) -> str:
    """The obviously right version: the first longest person name with the same surname."""
    bare = canonical_speaker(name)
    best = bare
    for mention in mentions.items:
        tokens = mention.name.split()
        if (
            mention.kind == "person"
            and tokens
            and surname(tokens) == surname(bare.split())
            and len(tokens) > len(best.split())
        ):
            best = mention.name
    return best


def test_sentences_of_a_paragraph_see_only_its_own_quotes() -> None:
    """A split inside a quote is undone in its paragraph and nowhere else."""
    text = (
        "\u201cNo. Never.\u201d she said.\n\nHe left. She stayed. \u201cYes. Always.\u201d he said."
    )
    paragraphs = paragraph_spans(text)
    sentences = SentenceIndex(text, paragraphs, pair_quote_marks(text, paragraphs))
    assert text[slice(*sentences.sentence_of(text.index("Never")))] == "\u201cNo. Never.\u201d"
    assert text[slice(*sentences.sentence_of(text.index("stayed")))] == "She stayed."
    assert text[slice(*sentences.sentence_of(text.index("Always")))] == "\u201cYes. Always.\u201d"


def _replay(ops: list[tuple[str, int, int, int, int]], a: list[str], b: list[str]) -> list[str]:
    """Apply opcodes to `a`, checking they cover both sides in order with RapidFuzz's shapes."""
    out: list[str] = []
    pos_a = pos_b = 0
    for tag, s1, e1, s2, e2 in ops:
        assert (s1, s2) == (pos_a, pos_b), ops
        if tag == "equal":
            assert a[s1:e1] == b[s2:e2]
        elif tag == "replace":
            assert e1 - s1 == e2 - s2 > 0
        elif tag == "delete":
            assert e1 > s1 and e2 == s2
        else:
            assert tag == "insert" and e2 > s2 and e1 == s1
        out += b[s2:e2]
        pos_a, pos_b = e1, e2
    assert (pos_a, pos_b) == (len(a), len(b))
    return out


WORDS = st.lists(st.sampled_from(["a", "b", "c", "d", "e"]), min_size=0, max_size=60)


@settings(max_examples=150, deadline=None)
@given(WORDS, WORDS, st.integers(min_value=0, max_value=8))
def test_banded_alignment_is_exact_within_the_band_and_always_a_valid_script(
    a: list[str], b: list[str], band: int
) -> None:
    """Law: with a small band, opcodes still rebuild b from a; within the band they are optimal."""
    with _band(band):
        ops = opcodes.word_opcodes(a, b)
        similarity = opcodes.key_similarity(a, b)
    assert _replay(ops, a, b) == b
    distance = Levenshtein.distance(a, b)
    exact = Levenshtein.normalized_similarity(a, b)
    if min(len(a), len(b)) <= band or distance <= band:
        assert sum(max(e1 - s1, e2 - s2) for t, s1, e1, s2, e2 in ops if t != "equal") == distance
        assert similarity == pytest.approx(exact)
    else:
        assert similarity <= exact + 1e-9


def test_one_huge_quote_against_an_unrelated_one_aligns_in_linear_time() -> None:
    """Two 50,000-word quotes with nothing in common become one replacement, not a stall."""
    a = [f"w{i}" for i in range(50_000)]
    b = ["same", *(f"v{i}" for i in range(49_998)), "end"]
    ops = opcodes.word_opcodes(["same", *a, "end"], b)
    assert [op[0] for op in ops] == ["equal", "replace", "delete", "equal"]


@contextlib.contextmanager
def _band(band: int) -> Iterator[None]:
    saved = opcodes.ALIGN_BAND
    opcodes.ALIGN_BAND = band
    try:
        yield
    finally:
        opcodes.ALIGN_BAND = saved


SENTENCE_PIECES = st.sampled_from(
    ["No. ", "Never. ", "\u201c", "\u201d ", "she said. ", "He left! ", "Why? ", "word ", "\n\n"]
)


@settings(max_examples=100, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=30).map("".join))
def test_sentence_merging_agrees_with_scanning_every_quote(text: str) -> None:
    """Law: merging splits inside quotes by furthest reach equals testing every quote piece."""
    paragraphs = paragraph_spans(text)
    pairings = pair_quote_marks(text, paragraphs)
    sentences = SentenceIndex(text, paragraphs, pairings)
    for para in paragraphs:
        spans = [(para[0] + s, para[0] + e) for s, e in punkt().span_tokenize(text[slice(*para)])]
        inside = [(s, e) for p in pairings for s, e in p.pieces if s < para[1] and e > para[0]]
        expected = spans[:1] or [para]
        for s, e in spans[1:]:
            if any(qs < s < qe + 1 for qs, qe in inside):
                expected[-1] = (expected[-1][0], e)
            else:
                expected.append((s, e))
        assert sentences._split(para) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab\n", max_size=40), st.data())
def test_located_lines_agree_with_counting_line_breaks(text: str, data: st.DataObject) -> None:
    """Law: the line of a position found by bisection equals counting the breaks before it."""
    from attribution.verify import _line_breaks

    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    assert bisect.bisect_left(_line_breaks(text), pos) == text.count("\n", 0, pos)
