"""Pairing statements: pieces of one statement pair as one, whatever each printing splits."""

from __future__ import annotations

import pytest

from attribution import Article, Quote, QuoteKind, Verdict, article_from_text, compare
from attribution.model import CheckStatus, SourceKind
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


# A debate answer as a wire transcript prints it; the drafts below quote it as reporters do.
HEARING = (
    "HOLLIS: Mayor, the flood?\n\n"
    "OKAFOR: We will keep the Elm Street clinic open on weekends through the whole spring, "
    "and we will hire twelve more nurses for the night shift. The state has promised money "
    "for the levee. I expect it by June. Nobody on Mill Street should have to wait for a "
    "second warning.\n\n"
    "HOLLIS: Thank you, Mayor.\n"
)


def _check_text(draft: str) -> list[tuple[CheckStatus, list[tuple[str, str]]]]:
    """Each draft quote's status and the changes found, the draft read as `check` reads it."""
    report = check_sources(
        article_from_text(draft, "draft"),
        [parse_source("s1", "hearing.txt", HEARING, kind=SourceKind.TRANSCRIPT)],
    )
    assert report.check is not None
    return [
        (
            o.status,
            [(c.category.value, c.b) for c in o.match.changes if c.category.value != "punctuation"]
            if o.match
            else [],
        )
        for o in report.check.quotes
    ]


def test_a_sentence_its_attribution_interrupts_is_one_run_so_words_cut_inside_show() -> None:
    """“A,” she said, “b.” prints one sentence: the words left out between its halves are an
    unmarked omission, not two faithful fragments (issue 10)."""
    cut = (
        "\u201cWe will keep the Elm Street clinic open on weekends,\u201d Mayor Grace Okafor "
        "said, \u201cand we will hire twelve more nurses for the night shift.\u201d\n"
    )
    altered = (CheckStatus.ALTERED, [("wording", "through the whole spring")])
    assert _check_text(cut) == [altered, altered]
    whole = cut.replace("weekends,", "weekends through the whole spring,")
    assert [status for status, _ in _check_text(whole)] == [CheckStatus.VERIFIED] * 2


def test_a_quote_over_two_paragraphs_is_one_quote_so_a_sentence_left_out_shows() -> None:
    """A quote whose paragraphs reopen with a mark is one quote (docs/taxonomy.md): a sentence
    left out between its paragraphs is a change unless the draft marks it."""
    draft = (
        "Mayor Grace Okafor took questions on Tuesday.\n\n"
        "\u201cThe state has promised money for the levee.\n\n"
        "\u201cNobody on Mill Street should have to wait for a second warning,\u201d she said.\n"
    )
    assert _check_text(draft) == [(CheckStatus.ALTERED, [("wording", "I expect it by June.")])]
    marked = draft.replace("levee.", "levee ...")
    assert [status for status, _ in _check_text(marked)] == [CheckStatus.VERIFIED]
    kept = draft.replace("levee.", "levee. I expect it by June.")
    assert _check_text(kept) == [(CheckStatus.VERIFIED, [])]


def test_pieces_parted_by_an_attribution_that_ends_a_sentence_are_judged_apart() -> None:
    """“A,” she said. “B.” shows the reader a break: a writer may join two remarks there,
    and each piece is faithful (docs/taxonomy.md), even with a sentence between them."""
    draft = (
        "\u201cThe state has promised money for the levee,\u201d Mayor Grace Okafor said. "
        "\u201cNobody on Mill Street should have to wait for a second warning.\u201d\n"
    )
    assert [status for status, _ in _check_text(draft)] == [CheckStatus.VERIFIED] * 2
