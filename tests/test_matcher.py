"""The matcher: one decision of same statement, reworded or unrelated, for compare and check."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import article_from_text, compare
from attribution.align import align_texts, evidence_of, judge_alignment
from attribution.matcher import (
    Relation,
    information,
    required_similarity,
    stem_information,
    stem_key,
    too_short_to_verify,
    zipf,
)
from attribution.normalize import tokenize
from attribution.pipeline import check_sources
from attribution.sources import parse_source
from benchmarks import make_stem_frequency


def test_rare_words_carry_more_information_than_common_ones() -> None:
    assert information("the") < information("said") < information("bridge")
    assert information("bridge") < information("frontline") < information("okafor")
    assert zipf("organise") is not None and zipf("qwxzv") is None


@pytest.mark.parametrize("word", ["people", "country", "really", "because", "everything"])
def test_a_stem_that_is_no_word_weighs_as_its_commonest_word(word: str) -> None:
    """Snowball stems "people" to "peopl": looked up as a word it was unknown, as rare as a
    name, and three common words in common made two remarks one statement reworded."""
    stem = stem_key(word)
    assert zipf(stem) is None
    assert stem_information(stem) == pytest.approx(information(word))
    assert stem_information(stem) < information("okafor")


def test_common_words_in_common_are_no_rewording_however_they_stem() -> None:
    """More than three common topic words are needed (docs/taxonomy.md): "people", "country"
    and "really" are three, even though none of their stems is a word."""
    judged = judge_alignment(
        align_texts(
            "People in this country really want a change.",
            "I really think people across the country are angry.",
        ),
        supported=True,
    )
    assert judged.relation is Relation.UNRELATED


def test_the_shipped_stem_table_is_made_from_the_shipped_word_list() -> None:
    shipped = Path(__file__).resolve().parents[1] / "attribution" / "data" / "stem_frequency.tsv"
    assert shipped.read_text(encoding="utf-8") == make_stem_frequency.render(
        make_stem_frequency.stem_table()
    )


def test_a_shorter_wording_needs_more_of_itself_in_common() -> None:
    needed = [required_similarity(info) for info in (6, 12, 24, 48, 96)]
    assert needed == sorted(needed, reverse=True)
    assert required_similarity(12, supported=True) < required_similarity(12)


@pytest.mark.parametrize(
    ("quote", "short"),
    [
        ("true", True),
        ("very good", True),
        ("We will", True),
        ("fevered dreams", False),  # a rare word is worth checking
        ("deplorables", False),
        ("a shell game", False),
        ("40", False),
        ("[It] works", True),  # the editor's word is nobody's
    ],
)
def test_one_or_two_common_words_are_too_short_to_verify(quote: str, short: bool) -> None:
    assert too_short_to_verify(tokenize(quote)) is short


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        # A word changed in a long quote: the same statement, altered.
        (
            "We have 212 bridges rated poor, and we will start with the worst 40.",
            "We have 212 bridges rated poor, and we will start with the worst 14.",
            Relation.SAME,
        ),
        # Two translations of one statement share phrases, not wording.
        (
            "In order to use the time that remains for the coalition before the new agreement "
            "is signed, it was decided to carry out joint patrols.",
            "To make use of the remaining time of the coalition before a new agreement, the "
            "decision was taken to carry out joint patrols.",
            Relation.REWORDED,
        ),
        # Three common words in common are chance (issue 10: a five-word sentence paired
        # with another's that starts alike).
        (
            "We are going to win this.",
            "We are going to close the Route 9 bridge.",
            Relation.UNRELATED,
        ),
        # The same topic in other remarks is no rewording.
        (
            "The gas tax is a conversation for next year.",
            "We will not raise the gas tax this year.",
            Relation.UNRELATED,
        ),
    ],
)
def test_the_matcher_decides_on_evidence_proportionate_to_the_claim(
    a: str, b: str, relation: Relation
) -> None:
    assert judge_alignment(align_texts(a, b), supported=False).relation is relation


WORDINGS = [
    "We will not raise the gas tax this year.",
    "We will raise the gas tax this year.",
    "The bridge will reopen in May after the repairs.",
    "Crews will be on the Route 9 bridge by the first week of April.",
    "Our front-line workers kept the water running.",
    "Our front line workers kept the water running all winter.",
]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(WORDINGS), st.sampled_from(WORDINGS))
def test_similarity_is_symmetric(a: str, b: str) -> None:
    """Law: similarity(a, b) == similarity(b, a), and a wording is wholly like itself."""
    assert evidence_of(align_texts(a, b)).similarity == pytest.approx(
        evidence_of(align_texts(b, a)).similarity
    )
    assert evidence_of(align_texts(a, a)).similarity == 1.0


def test_compare_and_check_give_one_pair_one_similarity() -> None:
    """One definition: the same two wordings score alike whichever command pairs them."""
    said = "We have 212 bridges rated poor, and we will start with the worst 40."
    printed = "We have 212 bridges rated poor, and we will start with the worst 14."
    report = compare(
        article_from_text(f"\u201c{printed}\u201d Petersen said.", "a"),
        article_from_text(f"\u201c{said}\u201d Petersen said.", "b"),
    )
    checked = check_sources(
        article_from_text(f"\u201c{printed}\u201d Petersen said.", "draft"),
        [parse_source("s1", "t.txt", f"PETERSEN: {said}\n\nQ: Thank you.\n")],
    )
    (match,) = report.matches
    assert checked.check is not None
    found = checked.check.quotes[0].match
    assert found is not None
    assert match.similarity == found.similarity
