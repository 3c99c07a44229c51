"""Pairing statements: pieces of one statement pair as one, whatever each printing splits."""

from __future__ import annotations

import pytest

from attribution import Article, Quote, QuoteKind, Verdict, compare
from attribution.model import CheckStatus
from attribution.pipeline import check_sources
from attribution.sources import parse_source


def _article(article_id: str, text: str, *pieces: tuple[str, str]) -> Article:
    """An article whose quotes are the given (words, statement) pieces, in order, built by
    hand as the extractor gives them: a statement split around its attribution is several
    quotes sharing one `statement` id."""
    quotes = []
    pos = 0
    for n, (words, statement) in enumerate(pieces, 1):
        start = text.index(words, pos)
        end = start + len(words)
        pos = end
        quotes.append(
            Quote(
                id=f"{article_id}:q{n}",
                text=words,
                start=start,
                end=end,
                speaker="Ana Ruiz",
                speaker_mention="Ruiz",
                cue="said",
                kind=QuoteKind.DIRECT,
                statement=f"{article_id}:{statement}",
            )
        )
    return Article(article_id, f"{article_id}.txt", tuple(quotes), text)


SPLIT = _article(
    "a",
    "\u201cThe river rose four feet overnight,\u201d Mayor Ana Ruiz said. \u201cNobody on "
    "Mill Street should have to wait for a second warning.\u201d",
    ("The river rose four feet overnight,", "s1"),
    ("Nobody on Mill Street should have to wait for a second warning.", "s1"),
)
WHOLE = _article(
    "b",
    "Mayor Ana Ruiz said: \u201cThe river rose four feet overnight. Nobody on Mill Street "
    "should have to wait for a second warning.\u201d",
    (
        "The river rose four feet overnight. Nobody on Mill Street should have to wait for a "
        "second warning.",
        "s1",
    ),
)
FIRST_HALF = _article(
    "b",
    "\u201cThe river rose four feet overnight,\u201d Mayor Ana Ruiz said.",
    ("The river rose four feet overnight,", "s1"),
)


@pytest.mark.parametrize(("ref", "other"), [(SPLIT, WHOLE), (WHOLE, SPLIT)])
def test_a_statement_split_in_one_printing_and_whole_in_the_other_pairs_as_one(
    ref: Article, other: Article
) -> None:
    report = compare(ref, other)
    (match,) = report.matches
    assert match.verdict in (Verdict.IDENTICAL, Verdict.COSMETIC)
    split = match.a_pieces if ref is SPLIT else match.b_pieces
    assert split == ("a:q1", "a:q2")
    assert report.unmatched == ()


def test_a_printing_that_leaves_out_the_second_piece_is_partial_never_a_negation() -> None:
    """The second half opens with "Nobody": a cut there is no negation change (issue 10)."""
    report = compare(SPLIT, FIRST_HALF)
    (match,) = report.matches
    assert match.verdict is Verdict.PARTIAL
    assert not any(c.category.value == "negation" for c in match.changes)


def test_two_statements_one_outlet_prints_as_one_quote_are_never_one_altered_quote() -> None:
    apart = _article(
        "a",
        "\u201cThe river rose four feet overnight,\u201d Mayor Ana Ruiz said on Monday.\n\n"
        "Later she added: \u201cThe pumping station on Dock Road will stay open all week.\u201d",
        ("The river rose four feet overnight,", "s1"),
        ("The pumping station on Dock Road will stay open all week.", "s2"),
    )
    together = _article(
        "b",
        "\u201cThe river rose four feet overnight. The pumping station on Dock Road will stay "
        "open all week,\u201d Mayor Ana Ruiz said.",
        (
            "The river rose four feet overnight. The pumping station on Dock Road will stay open "
            "all week,",
            "s1",
        ),
    )
    report = compare(apart, together)
    assert [(m.a, m.b, m.verdict) for m in report.matches] == [
        ("a:q1", "b:q1", Verdict.PARTIAL),
        ("a:q2", "b:q1", Verdict.PARTIAL),
    ]
    assert report.unmatched == ()


TRANSCRIPT = (
    "RUIZ: The river rose four feet overnight. Nobody on Mill Street should have to wait for a "
    "second warning.\n\nQ: And the pumps?\n\nRUIZ: We have six pumps running. The pumping "
    "station on Dock Road will stay open all week.\n"
)


def test_check_finds_a_split_statement_whole_and_gives_each_piece_its_status() -> None:
    report = check_sources(
        Article(SPLIT.id, SPLIT.source, SPLIT.quotes, SPLIT.text),
        [parse_source("s1", "t.txt", TRANSCRIPT)],
    )
    assert report.check is not None
    assert [(o.quote, o.status) for o in report.check.quotes] == [
        ("a:q1", CheckStatus.VERIFIED),
        ("a:q2", CheckStatus.VERIFIED),
    ]
    assert len(report.matches) == 1


def test_check_judges_two_remarks_a_draft_joined_piece_by_piece() -> None:
    """A draft joins two things the mayor said apart: each is faithful, neither unsupported."""
    draft = _article(
        "draft",
        "\u201cThe river rose four feet overnight,\u201d Mayor Ana Ruiz said. \u201cThe pumping "
        "station on Dock Road will stay open all week.\u201d",
        ("The river rose four feet overnight,", "s1"),
        ("The pumping station on Dock Road will stay open all week.", "s1"),
    )
    report = check_sources(draft, [parse_source("s1", "t.txt", TRANSCRIPT)])
    assert report.check is not None
    assert [o.status for o in report.check.quotes] == [CheckStatus.VERIFIED] * 2
    assert report.unmatched == ()
