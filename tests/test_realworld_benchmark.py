"""The real-world evaluation's harness: its labels file, the mapping from a labelled span to the
tool's statement, and its scores, on a draft and transcript written here (no PolNeAR text).
Tests that need the PolNeAR train folder skip when it is absent."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from attribution.model import Quote, QuoteKind
from benchmarks import realworld as rw

POLNEAR = rw.DEFAULT_POLNEAR


def _check(**over: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "doc": "a",
        "start": 0,
        "end": 5,
        "split": "study",
        "kind": "check",
        "source": ["t.txt"],
        "expected": "verified",
        "speaker": "Dana Okafor",
        "category": None,
        "note": "",
    }
    raw.update(over)
    return raw


def _lines(*raws: dict[str, Any]) -> list[str]:
    return [json.dumps(r) for r in raws]


# --- the labels file --------------------------------------------------------------------------


def test_a_check_and_a_compare_label_are_read() -> None:
    pair = _check(kind="compare", expected="partial", other={"doc": "b", "start": 1, "end": 4})
    pair.pop("source")
    check, compare = rw.parse_labels(_lines(_check(), pair))
    assert (check.kind, check.expected, check.sources) == ("check", "verified", ("t.txt",))
    assert compare.other == rw.Span("b", 1, 4) and compare.line == 2


def test_a_quote_whose_credit_a_reader_cannot_tell_may_be_labelled_speaker_unverified() -> None:
    (label,) = rw.parse_labels(_lines(_check(expected="speaker_unverified", speaker=None)))
    assert label.expected == "speaker_unverified" and label.scored


@pytest.mark.parametrize(
    ("over", "says"),
    [
        ({"split": "dev"}, "'split' must be one of study, heldout"),
        ({"kind": "extract"}, "'kind' must be one of check, compare"),
        ({"expected": "partial"}, "a check label expects one of"),
        ({"source": []}, "needs 'source'"),
        ({"start": 7, "end": 7}, "0 <= start < end"),
        ({"start": "0"}, "0 <= start < end"),
        ({"doc": ""}, "'doc' must be a document id"),
        ({"speaker": 3}, "'speaker' must be a string or null"),
    ],
)
def test_a_bad_label_names_its_line_and_field(over: dict[str, Any], says: str) -> None:
    bad = _check(start=10, end=12)
    bad.update(over)
    with pytest.raises(rw.LabelError, match="line 2") as err:
        rw.parse_labels(_lines(_check(), bad))
    assert says in str(err.value)


def test_a_compare_pair_needs_two_articles_and_a_known_verdict() -> None:
    same = _check(kind="compare", expected="partial", other={"doc": "a", "start": 9, "end": 12})
    with pytest.raises(rw.LabelError, match="two different articles"):
        rw.parse_labels(_lines(same))
    odd = _check(kind="compare", expected="verified", other={"doc": "b", "start": 1, "end": 4})
    with pytest.raises(rw.LabelError, match="a compare label expects one of"):
        rw.parse_labels(_lines(odd))


def test_a_span_labelled_twice_or_a_line_not_json_is_refused() -> None:
    with pytest.raises(rw.LabelError, match="labelled twice"):
        rw.parse_labels(_lines(_check(), _check(expected="altered")))
    with pytest.raises(rw.LabelError, match="line 1: not JSON"):
        rw.parse_labels(["{doc: a}"])


def test_spans_must_fit_their_article_and_hold_the_labelled_words() -> None:
    text = "Okafor said the plan works."
    digest = hashlib.sha256(text[0:6].encode()).hexdigest()[:12]
    (good,) = rw.parse_labels(_lines(_check(end=6, sha256=digest)))
    rw.check_spans([good], {"a": text})
    with pytest.raises(rw.LabelError, match="not the labelled ones"):
        rw.check_spans([good], {"a": "Petersen said the plan works."})
    with pytest.raises(rw.LabelError, match="no article 'a'"):
        rw.check_spans([good], {})
    (long,) = rw.parse_labels(_lines(_check(end=60)))
    with pytest.raises(rw.LabelError, match="runs past the end"):
        rw.check_spans([long], {"a": text})


def test_the_shipped_labels_are_valid_and_name_shipped_transcripts() -> None:
    labels = rw.parse_labels(rw.LABELS.read_text(encoding="utf-8").splitlines())
    assert sum(lab.scored for lab in labels) >= 150
    for lab in labels:
        assert lab.span.sha256 is not None
        for name in lab.sources:
            assert (rw.TRANSCRIPTS / name).is_file(), name
        if lab.other is not None:
            # A pair is scored in one split: both its articles belong to it.
            assert lab.other.sha256 is not None
    split_of = {lab.span.doc: lab.split for lab in labels}
    assert all(split_of.get(lab.other.doc, lab.split) == lab.split for lab in labels if lab.other)
    # Split by article: no article has labels in both splits.
    assert all(split_of[lab.span.doc] == lab.split for lab in labels)


def test_the_shipped_labels_hold_out_enough_and_cover_the_failing_statuses() -> None:
    labels = rw.parse_labels(rw.LABELS.read_text(encoding="utf-8").splitlines())
    heldout = [lab for lab in labels if lab.split == "heldout" and lab.scored]
    assert len(heldout) >= 150
    docs = {lab.span.doc: lab.split for lab in labels}
    study = sum(1 for split in docs.values() if split == "study")
    # About 40% of the articles were for study; new articles are labelled for study (the
    # held-out ones are never looked at), so the share grows, while most of the scored
    # labels stay held out.
    assert 0.35 <= study / len(docs) <= 0.6
    scored = [lab for lab in labels if lab.scored]
    assert len(heldout) >= len(scored) / 2
    # Quotes from other occasions, checked against the event's transcript alone.
    assert sum(1 for lab in labels if lab.expected == "unsupported") >= 20
    assert {lab.split for lab in labels if lab.expected == "unsupported"} == set(rw.SPLITS)


def test_the_label_table_counts_articles_and_statuses_per_split() -> None:
    pair = _check(kind="compare", expected="partial", other={"doc": "b", "start": 1, "end": 4})
    pair.pop("source")
    labels = rw.parse_labels(
        _lines(
            _check(),
            _check(start=10, end=20, expected="unsupported"),
            _check(start=20, end=30, expected="out_of_scope"),
            _check(doc="c", split="heldout", expected="misattributed"),
            pair,
        )
    )
    table = rw.label_table(labels, rw.SPLITS).splitlines()
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    study, heldout = ([cell.strip() for cell in row.strip("|").split("|")] for row in table[2:])
    row = dict(zip(header, study, strict=True))
    assert (row["articles"], row["verified"], row["unsupported"]) == ("2", "1", "1")
    assert (row["out_of_scope"], row["compare"], row["scored"]) == ("1", "1", "3")
    row = dict(zip(header, heldout, strict=True))
    assert (row["articles"], row["misattributed"], row["scored"]) == ("1", "1", "1")


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR train folder not present")
def test_the_shipped_labels_fit_the_polnear_train_texts() -> None:
    labels = rw.parse_labels(rw.LABELS.read_text(encoding="utf-8").splitlines())
    docs = [lab.span.doc for lab in labels] + [lab.other.doc for lab in labels if lab.other]
    rw.check_spans(labels, rw.read_texts(POLNEAR, docs))


# --- from spans to the tool's statements ------------------------------------------------------


def _quote(qid: str, spans: tuple[tuple[int, int], ...], statement: str | None) -> Quote:
    return Quote(
        id=qid,
        text="x",
        start=spans[0][0],
        end=spans[-1][1],
        speaker=None,
        speaker_mention=None,
        cue=None,
        kind=QuoteKind.DIRECT,
        spans=spans,
        statement=statement,
    )


def test_a_label_over_a_split_statement_is_answered_by_both_pieces() -> None:
    # “A,” she said. “B.” as two quotes of one statement, and as one quote of two spans.
    pieces = [_quote("d:q1", ((10, 30),), "d:s1"), _quote("d:q2", ((34, 60),), "d:s1")]
    whole = [_quote("d:q1", ((10, 30), (34, 60)), "d:s1")]
    label = rw.Span("d", 10, 60)
    assert [q.id for q in rw.covering_statement(label, pieces)] == ["d:q1", "d:q2"]
    assert [q.id for q in rw.covering_statement(label, whole)] == ["d:q1"]
    # A label of the second piece alone is answered by that piece only.
    assert [q.id for q in rw.covering_statement(rw.Span("d", 34, 60), pieces)] == ["d:q2"]


def test_a_statement_covering_less_than_80_percent_does_not_answer() -> None:
    quotes = [_quote("d:q1", ((10, 26),), None), _quote("d:q2", ((40, 50),), None)]
    assert [q.id for q in rw.covering_statement(rw.Span("d", 10, 30), quotes)] == ["d:q1"]  # 80%
    assert rw.covering_statement(rw.Span("d", 10, 31), quotes) == []  # 16 of 21 characters
    # Two quotes of different statements do not add up to cover a label.
    assert rw.covering_statement(rw.Span("d", 10, 50), quotes) == []


def test_a_statement_in_pieces_takes_its_worst_status() -> None:
    assert rw.worst_status(["verified", "altered", "not_checked"]) == "altered"
    assert rw.worst_status(["not_checked", "verified"]) == "verified"
    assert rw.worst_status([]) == rw.MISSED


def test_labels_answered_by_one_statement_are_scored_against_the_worst() -> None:
    first, second, alone = rw.parse_labels(
        _lines(_check(), _check(start=8, end=12, expected="altered"), _check(start=20, end=30))
    )
    ids = frozenset({"draft:q1"})
    outcomes = rw.scored_against(
        [(first, "altered", ids), (second, "altered", ids), (alone, "verified", frozenset())]
    )
    assert [(o.expected, o.agrees) for o in outcomes] == [
        ("altered", True),
        ("altered", True),
        ("verified", True),
    ]


def test_scores_count_false_passes_and_false_alarms() -> None:
    labels = rw.parse_labels(
        _lines(
            _check(expected="altered"),
            _check(start=10, end=20, expected="unsupported"),
            _check(start=20, end=30, expected="verified"),
            _check(start=30, end=40, expected="verified"),
            _check(start=40, end=50, expected="out_of_scope"),
        )
    )
    answers = ["verified", "unsupported", "misattributed", "speaker_unverified", "verified"]
    result = rw.score(
        rw.Outcome(lab, got, lab.expected) for lab, got in zip(labels, answers, strict=True)
    )
    assert (result.total, result.agreed) == (4, 1)
    assert (result.false_passes, result.false_alarms) == (1, 1)
    assert result.confusion[("verified", "speaker_unverified")] == 1


# --- the whole run, on a draft and transcript written here ------------------------------------

TRANSCRIPT = """\
MODERATOR: Mayor Okafor, when will the Harbor Bridge reopen?

OKAFOR: The bridge will reopen in June, and not a day later. We are paying the crews overtime.

MODERATOR: Commissioner Ruiz, is that realistic?

RUIZ: Nobody on my staff believes June is realistic. The steel has not arrived.

OKAFOR: The steel arrives on Monday.
"""

DRAFT = (
    "Mayor Dana Okafor promised a quick fix. \u201cThe bridge will reopen in June, and not a day "
    "later,\u201d Okafor said at the debate.\n\n"
    "Commissioner Luis Ruiz was blunt: \u201cNobody on my staff believes July is realistic.\u201d\n\n"
    "Okafor added: \u201cWe are paying the crews overtime.\u201d\n\n"
    "Ruiz also said, \u201cThe city will sue the contractor over the delays.\u201d\n"
)


def _span_of(words: str) -> tuple[int, int]:
    start = DRAFT.index(words)
    return start, start + len(words)


def test_the_harness_scores_a_hand_made_draft_against_its_transcript(tmp_path: Path) -> None:
    (tmp_path / "debate.txt").write_text(TRANSCRIPT, encoding="utf-8")
    rows = [
        ("The bridge will reopen in June, and not a day later,", "verified"),
        ("Nobody on my staff believes July is realistic.", "altered"),
        ("We are paying the crews overtime.", "verified"),
        ("The city will sue the contractor over the delays.", "unsupported"),
    ]
    raws = []
    for words, expected in rows:
        start, end = _span_of(words)
        raws.append(
            _check(doc="draft-1", start=start, end=end, source=["debate.txt"], expected=expected)
        )
    labels = rw.parse_labels(_lines(*raws))
    outcomes = rw.run(labels, {"draft-1": DRAFT}, folder=tmp_path)
    assert [o.predicted for o in outcomes] == [expected for _, expected in rows]
    result = rw.score(outcomes)
    assert (result.agreement, result.false_passes, result.false_alarms) == (1.0, 0, 0)
    text = rw.render(outcomes, ("study",), errors=True)
    assert "| agreement" in text and "## disagreements (0)" in text
    assert "Nobody on my staff" not in text  # offsets, never the article's words


# --- the command line -------------------------------------------------------------------------


def test_a_missing_polnear_folder_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rw.main(["--polnear", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no PolNeAR folder" in err


def test_a_bad_labels_file_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text(json.dumps(_check(split="dev")) + "\n", encoding="utf-8")
    assert rw.main(["--polnear", str(tmp_path), "--labels", str(labels)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 1" in err and "'split'" in err
