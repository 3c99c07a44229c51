"""What every report format shares: the findings' order and a match's word-by-word pieces."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from attribution import Match, Report, Severity, Unmatched, article_from_text, compare
from attribution.report.common import difference, ordered_findings

# A word list reads better as text.
_VOCABULARY = "we will not raise the gas tax 12 2,400 [sic] … ... (IS) organise organize Qasem"
WORDS = st.sampled_from([*_VOCABULARY.split(), "Qassem", "may", "must", ",", ".", "this", "year"])
WORDING = st.lists(WORDS, min_size=3, max_size=14).map(" ".join)


def _pair(a: str, b: str) -> Report:
    return compare(
        article_from_text(f"\u201c{a}\u201d she said.", "a"),
        article_from_text(f"\u201c{b}\u201d she said.", "b"),
    )


@settings(max_examples=60, deadline=None)
@given(WORDING, WORDING)
# A word dropped right at the end of a fragment's window, an ellipsis after it.
@example("we 12 will", "12 \u2026 we we")
def test_shared_and_inserted_pieces_rebuild_the_second_wording(a: str, b: str) -> None:
    """Law: the `same` and `ins` pieces, in order, are the aligned part of `b_text`."""
    for match in _pair(a, b).matches:
        lo, hi = match.b_window if match.b_window != (0, 0) else (0, len(match.b_text))
        rebuilt = "".join(p.text for p in difference(match) if p.kind in ("same", "ins"))
        assert rebuilt == match.b_text[lo:hi]


def test_a_dropped_word_is_a_deleted_piece_kept_apart_from_its_neighbours() -> None:
    (match,) = _pair(
        "We will not raise the gas tax this year", "We will raise the gas tax this year"
    ).matches
    kinds = [(p.kind, p.text) for p in difference(match)]
    assert ("del", "not") in kinds
    at = kinds.index(("del", "not"))
    assert kinds[at - 1][1].endswith(" ") or kinds[at - 1] == ("gap", " ")
    assert kinds[at + 1] == ("gap", " ") or kinds[at + 1][1].startswith(" ")


def test_findings_are_worst_first_in_report_order_and_leave_out_none(seed_report: Report) -> None:
    findings = ordered_findings(seed_report)
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    assert all(f.severity is not Severity.NONE for f in findings)
    everything = [*seed_report.matches, *seed_report.unmatched]
    listed = [f for f in everything if f.severity is not Severity.NONE]
    assert sorted(map(id, findings)) == sorted(map(id, listed))
    # the altered statement, then a's second printing of it and b's "last chance" (info)
    assert [type(f) for f in findings] == [Match, Unmatched, Unmatched]
