"""The benchmark harness: gold loading and validation, the matching rule, scores and the gate.

Every folder here is synthetic, written for these tests in PolNeAR's layout and BRAT format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import eval_common as ec
from benchmarks import extraction

TEXT = (
    "Harbor Plan Wins Support\n"
    "\u201cWe will dredge the channel this winter,\u201d Mayor Ana Ruiz said on Monday.\n"
    "The council called the plan a \u201cbold step\u201d and the \u201cMorning Show\u201d covered it.\n"
    '"It is overdue," he said.\n'
)
# Offsets of the phrases above, found rather than typed so the annotation stays right.
_Q1 = "We will dredge the channel this winter,"
_SPEAKER1 = "Mayor Ana Ruiz"
_Q2 = "bold step"
_Q4 = "It is overdue,"


def _span(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _t(tid: int, label: str, spans: list[tuple[int, int]], text: str = TEXT) -> str:
    where = ";".join(f"{a} {b}" for a, b in spans)
    return f"T{tid}\t{label} {where}\t{' '.join(text[a:b] for a, b in spans)}"


def _annotation() -> str:
    q1 = _span("\u201c" + _Q1 + "\u201d")
    council = _span("The council")
    called = _span("called")
    q2 = _span("the plan a \u201cbold step\u201d")
    he = _span("he said")
    q4 = _span('"' + _Q4 + '"')
    said = (_span("said on")[0], _span("said on")[0] + 4)
    return "\n".join(
        [
            _t(1, "Content", [q1]),
            _t(2, "Source", [_span(_SPEAKER1)]),
            _t(3, "Cue", [said]),
            _t(4, "Attribution", [said]),
            "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
            _t(5, "Source", [council]),
            _t(6, "Cue", [called]),
            _t(7, "Content", [q2]),
            _t(8, "Attribution", [called]),
            "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
            _t(9, "Source", [(he[0], he[0] + 2)]),
            _t(10, "Cue", [(he[1] - 4, he[1])]),
            _t(11, "Content", [q4]),
            _t(12, "Attribution", [(he[1] - 4, he[1])]),
            "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
        ]
    )


def make_folder(root: Path, articles: dict[str, tuple[str, dict[str, str]]]) -> Path:
    """A PolNeAR-format folder: {article: (text, {annotator: annotation})}."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, (text, by_annotator) in articles.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
        for annotator, annotation in by_annotator.items():
            path = root / "attributions" / f"{name}_{annotator}.ann"
            path.write_text(annotation + "\n", encoding="utf-8")
    return root


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_folder(tmp_path / "gold", {"harbor": (TEXT, {"b2": _annotation(), "a1": ""})})


# --- gold quotes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        pytest.param("\u201cA b,\u201d she said.", ["A b,"], id="curly"),
        pytest.param('"A b," she said.', ["A b,"], id="straight"),
        pytest.param("''A b,'' she said.", ["A b,"], id="two-apostrophes-are-a-double-mark"),
        pytest.param("It's the kids' book.", [], id="apostrophes-are-no-double-mark"),
        pytest.param('She said "a b" and "c d".', ["a b", "c d"], id="two-in-a-line"),
        pytest.param("\u201dA b,\u201d she said.", ["A b,"], id="wrong-direction-opening"),
        pytest.param("\u201d \u2026 a b,\u201d she said.", ["\u2026 a b,"], id="line-opening-mark"),
        pytest.param(
            "\u201cA \u201cb\u201d c,\u201d she said.", ["A \u201cb\u201d c,"], id="nested"
        ),
        pytest.param("\u201cA b c", ["A b c"], id="left-open-closes-at-line-end"),
        pytest.param("It\u2019s 6 o\u2019clock.", [], id="apostrophes-are-not-marks"),
        pytest.param("\u201c \u201d", [], id="empty"),
    ],
)
def test_quoted_spans_pair_marks_line_by_line(line: str, quoted: list[str]) -> None:
    assert [line[q.start : q.end] for q in ec.quoted_spans(line)] == quoted


def test_two_apostrophes_and_double_glyphs_are_read_alike() -> None:
    line = "''A b,'' she said, \u201cc d.\u201d"
    spans = ec.quoted_spans(line)
    assert [line[q.start : q.end] for q in spans] == ["A b,", "c d."]
    glyphs_only = ec.quoted_spans(line, marks=ec.DOUBLE_GLYPH_RE)
    assert [line[q.start : q.end] for q in glyphs_only] == ["c d."]


def test_reread_rebuilds_gold_quotes_under_another_reading(tmp_path: Path) -> None:
    text = "''We won,'' Ann Lee said.\n"
    content = (2, 9)
    article = ec.GoldArticle(
        "x", text, "x_a.ann", (), (ec.GoldAttribution(content=(content,), source=((12, 19),)),)
    )
    (typed,) = ec.reread([article], ec.GOLD_MARK_RE)
    assert [(q.start, q.end, q.source) for q in typed.quotes] == [(2, 9, "Ann Lee")]
    assert ec.reread([article], ec.DOUBLE_GLYPH_RE)[0].quotes == ()


def test_a_quote_left_open_does_not_run_into_the_next_line() -> None:
    text = "\u201cA b\n\u201cC d.\u201d"
    assert [text[q.start : q.end] for q in ec.quoted_spans(text)] == ["A b", "C d."]


def test_gold_quotes_are_quoted_spans_inside_content_with_the_innermost_source() -> None:
    text = 'Ann said that Bo called it "a mess" and "a shame". "Unrelated."'
    outer = ec.GoldAttribution(
        content=((text.index("that"), text.index(". ")),), source=(_span("Ann", text),)
    )
    inner = ec.GoldAttribution(content=(_span('it "a mess"', text),), source=(_span("Bo", text),))
    quotes = ec.gold_quotes(text, [outer, inner])
    assert [(text[q.start : q.end], q.source) for q in quotes] == [
        ("a mess", "Bo"),
        ("a shame", "Ann"),
    ]


def test_an_unattributed_passage_still_yields_the_quote_inside_it() -> None:
    text = '"The crowd chanted \u201cNo more\u201d all night," the post read.'
    chant = ec.GoldAttribution(content=(_span("\u201cNo more\u201d", text),), source=())
    (quote,) = ec.gold_quotes(text, [chant])
    assert text[quote.start : quote.end] == "No more"
    assert quote.source is None


# --- loading and validation ------------------------------------------------------------------


def test_load_folder_uses_the_first_annotation_file_in_sorted_order(folder: Path) -> None:
    (article,) = ec.load_folder(folder)
    assert article.annotation == "harbor_a1.ann"  # empty: no gold quotes
    assert article.quotes == ()


def test_load_folder_builds_gold_quotes_and_sources(tmp_path: Path) -> None:
    gold = make_folder(tmp_path / "g", {"harbor": (TEXT, {"a1": _annotation()})})
    (article,) = ec.load_folder(gold)
    assert [(TEXT[q.start : q.end], q.source) for q in article.quotes] == [
        (_Q1, _SPEAKER1),
        (_Q2, "The council"),
        (_Q4, "he"),
    ]


@pytest.mark.parametrize(
    ("annotation", "problem"),
    [
        pytest.param("T1\tContent 0 9999\tx", "outside the text", id="span-past-end"),
        pytest.param("T1\tContent 0 6\tNot it", "does not match", id="text-mismatch"),
        pytest.param(
            "T1\tContent 0 6\tHarbor\nE1\tContent:T1 Source:T7", "unknown id(s) T7", id="unknown-id"
        ),
        pytest.param("T1\tContent zero six\tHarbor", "malformed T line", id="malformed-t"),
        pytest.param("X1\tsomething", "unknown line type", id="unknown-line"),
    ],
)
def test_validation_names_file_line_and_problem(
    tmp_path: Path, annotation: str, problem: str
) -> None:
    gold = make_folder(tmp_path / "g", {"harbor": (TEXT, {"a1": annotation})})
    (found,) = ec.validate(gold)
    assert "harbor_a1.ann: line" in found and problem in found
    with pytest.raises(ec.GoldDataError, match="1 problem"):
        ec.load_folder(gold)


def test_a_span_running_over_a_paragraph_break_continues_its_t_line(tmp_path: Path) -> None:
    """BRAT writes a span's text as it stands: a line break inside it starts a new file line."""
    text = "\u201cWe will build it.\nAnd soon,\u201d Ana Ruiz said.\n"
    content = (1, text.index("\u201d"))
    source = (text.index("Ana"), text.index(" said"))
    annotation = "\n".join(
        [
            _t(1, "Content", [content], text),
            _t(2, "Source", [source], text),
            "E1\tContent:T1 Source:T2",
        ]
    )
    gold = make_folder(tmp_path / "g", {"harbor": (text, {"a1": annotation})})
    assert ec.validate(gold) == []
    (article,) = ec.load_folder(gold)
    assert [(text[q.start : q.end], q.source) for q in article.quotes] == [
        ("We will build it.", "Ana Ruiz")
    ]


def test_validation_reports_missing_files_loudly(tmp_path: Path) -> None:
    gold = make_folder(tmp_path / "g", {"harbor": (TEXT, {})})
    (tmp_path / "g" / "attributions" / "orphan_a1.ann").write_text("", encoding="utf-8")
    problems = ec.validate(gold)
    assert any("harbor.txt: no annotation file" in p for p in problems)
    assert any("orphan_a1.ann: no text/orphan.txt" in p for p in problems)
    assert ec.validate(tmp_path / "nowhere")[0].endswith("text: not a folder")


def test_gold_digest_changes_with_the_gold_data(folder: Path) -> None:
    before = ec.gold_digest(folder)
    assert before == ec.gold_digest(folder) and before.startswith("sha256:")
    (folder / "attributions" / "harbor_a1.ann").write_text(_annotation(), encoding="utf-8")
    assert ec.gold_digest(folder) != before


# --- matching and scores ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pieces", "targets", "covered"),
    [
        pytest.param([(0, 10)], [(0, 10)], True, id="same"),
        pytest.param([(0, 10)], [(2, 10)], True, id="exactly-80-percent"),
        pytest.param([(0, 10)], [(3, 10)], False, id="70-percent"),
        pytest.param([(0, 10)], [(0, 4), (6, 10)], True, id="two-targets-together"),
        pytest.param([(0, 5), (20, 25)], [(0, 25)], True, id="pieces-not-gap"),
        pytest.param([(0, 5), (20, 25)], [(0, 5)], False, id="one-piece-of-two"),
        pytest.param([(0, 10)], [], False, id="no-target"),
    ],
)
def test_is_covered_is_the_80_percent_rule(
    pieces: list[tuple[int, int]], targets: list[tuple[int, int]], covered: bool
) -> None:
    assert ec.is_covered(pieces, ec.merge_spans(targets)) is covered


def test_counts_return_zero_on_empty_denominators() -> None:
    empty = ec.Counts()
    assert (empty.precision(), empty.recall(), empty.f1()) == (0.0, 0.0, 0.0)
    assert ec.Accuracy().value() == 0.0
    counts = ec.Counts(tp=3, fn=1, tp_predicted=2, fp=2)
    assert (counts.precision(), counts.recall()) == (0.5, 0.75)
    assert counts.f1() == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("source", "mention", "speaker", "agrees"),
    [
        pytest.param("Mayor Ana Ruiz", "Ruiz", "Ana Ruiz", True, id="surname"),
        pytest.param("Ruiz, the mayor,", "the mayor", None, True, id="role-word"),
        pytest.param("Mayor Ana Ruiz", "Ben Ortiz", "Ben Ortiz", False, id="other-person"),
        pytest.param("Mr. Ortiz", "Mr. Ruiz", "Ruiz", False, id="honorific-is-no-content-word"),
        pytest.param("he", "he", None, True, id="pronoun-mention"),
        pytest.param("He", "Ruiz", "Ana Ruiz", False, id="a-name-for-a-pronoun-is-scored-apart"),
        pytest.param("She", "she", "Ana Ruiz", True, id="pronoun-mention-resolved"),
        pytest.param("he", "she", None, False, id="other-pronoun"),
        pytest.param("he", "the spokesman", "the spokesman", False, id="pronoun-not-a-name"),
        pytest.param("Ana Ruiz", None, None, False, id="no-speaker"),
        pytest.param("his", "his", "Tom Reyes", True, id="possessive-pronoun-mention"),
        pytest.param("his", "Reyes", "Tom Reyes", False, id="a-name-for-a-possessive-too"),
    ],
)
def test_speaker_agrees(
    source: str, mention: str | None, speaker: str | None, agrees: bool
) -> None:
    assert ec.speaker_agrees(source, mention, speaker) is agrees


def test_score_article_counts_both_sides_and_speakers(tmp_path: Path) -> None:
    gold = make_folder(tmp_path / "g", {"harbor": (TEXT, {"a1": _annotation()})})
    (article,) = ec.load_folder(gold)
    predicted = [
        ec.Prediction((_span(_Q1),), "Ana Ruiz", _SPEAKER1),  # found, right speaker
        ec.Prediction((_span(_Q2),), None, None),  # found, no speaker
        ec.Prediction((_span("Morning Show"),), None, None),  # not gold: a show
    ]
    score = ec.score_article(article, predicted)
    assert (score.quotes.tp, score.quotes.fn, score.quotes.tp_predicted, score.quotes.fp) == (
        2,
        1,
        2,
        1,
    )
    assert (score.speakers.correct, score.speakers.total) == (1, 2)
    assert [TEXT[q.start : q.end] for q in score.missed] == [_Q4]
    assert [TEXT[slice(*p.pieces[0])] for p in score.wrong] == ["Morning Show"]


def test_a_crash_is_the_articles_miss_printed_once(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    articles = ec.load_folder(folder) * 2

    def crash(text: str) -> list[ec.Prediction]:
        raise ValueError("boom")

    result = extraction.score_mode("crashing", crash, articles)
    assert result.crashed == ["harbor"]
    assert capsys.readouterr().err.count("error: harbor: ValueError: boom") == 1


def test_naive_baseline_name_is_at_most_five_words() -> None:
    (prediction,) = extraction.naive_predictions(
        '"We won," Alpha Beta Gamma Delta Epsilon Zeta said.'
    )
    assert prediction.speaker == "Beta Gamma Delta Epsilon Zeta"


def test_naive_baseline_takes_marks_and_the_name_next_to_said() -> None:
    predictions = extraction.naive_predictions(TEXT)
    assert [(TEXT[slice(*p.pieces[0])], p.speaker) for p in predictions] == [
        (_Q1, _SPEAKER1),
        (_Q2, None),
        ("Morning Show", None),
        (_Q4, None),
    ]


# --- the gate --------------------------------------------------------------------------------

TOLERANCE = ec.Tolerance(floors={"f1": 0.01, "speed": 0.5}, ceilings={"memory": 0.2})
PINNED = {"gold_digest": "d", "floors": {"f1": 0.9, "speed": 100.0}, "ceilings": {"memory": 50.0}}


@pytest.mark.parametrize(
    ("measured", "failing"),
    [
        pytest.param({"f1": 0.9, "speed": 100.0, "memory": 50.0}, [], id="at-floors"),
        pytest.param({"f1": 0.892, "speed": 51.0, "memory": 59.0}, [], id="within-tolerance"),
        pytest.param({"f1": 0.88, "speed": 100.0, "memory": 50.0}, ["f1"], id="f1-below"),
        pytest.param(
            {"f1": 0.9, "speed": 49.0, "memory": 61.0}, ["speed", "memory"], id="speed-memory"
        ),
        pytest.param({"f1": 0.9, "memory": 50.0}, ["speed"], id="not-measured"),
    ],
)
def test_gate_fails_below_floor_minus_tolerance(
    measured: dict[str, float], failing: list[str]
) -> None:
    failures = ec.gate_failures(measured, PINNED, TOLERANCE, "d")
    assert [f.split(":")[0] for f in failures] == failing


def test_gate_fails_on_other_gold_data_or_no_baseline() -> None:
    measured = {"f1": 1.0, "speed": 1e9, "memory": 1.0}
    assert "gold data differ" in ec.gate_failures(measured, PINNED, TOLERANCE, "other")[0]
    assert "no baseline" in ec.gate_failures(measured, {}, TOLERANCE, "d")[0]


def test_update_raises_floors_and_keeps_them_through_noise() -> None:
    better = ec.updated_baseline(
        PINNED, {"f1": 0.95, "speed": 80.0, "memory": 45.0}, "d", TOLERANCE, allow_regression=False
    )
    # f1 rose; speed fell within its tolerance (noise): the pinned speed stays.
    assert better["floors"] == {"f1": 0.95, "speed": 100.0}
    assert better["ceilings"] == {"memory": 45.0}


def test_update_never_lowers_a_floor_without_allow_regression() -> None:
    worse = {"f1": 0.8, "speed": 100.0, "memory": 50.0}
    with pytest.raises(ec.RegressionRefused, match=r"f1: floor 0\.9 -> 0\.8"):
        ec.updated_baseline(PINNED, worse, "d", TOLERANCE, allow_regression=False)
    lowered = ec.updated_baseline(PINNED, worse, "d", TOLERANCE, allow_regression=True)
    assert lowered["floors"] == {"f1": 0.8, "speed": 100.0}
    slower = {"f1": 0.9, "speed": 80.0, "memory": 50.0}  # within tolerance: re-pinned all the same
    assert ec.updated_baseline(PINNED, slower, "d", TOLERANCE, allow_regression=True)["floors"] == {
        "f1": 0.9,
        "speed": 80.0,
    }
    with pytest.raises(ec.RegressionRefused, match="gold data changed"):
        ec.updated_baseline(PINNED, worse, "new", TOLERANCE, allow_regression=False)


def test_benchmark_pins_then_gates(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    args = [str(folder), "--repeat", "1", "--baseline", str(baseline)]
    assert extraction.main([*args, "--gate"]) == 1  # nothing pinned yet
    assert extraction.main([*args, "--update"]) == 0
    pinned = json.loads(baseline.read_text(encoding="utf-8"))
    corpus = extraction.corpus_name(folder)
    assert pinned[corpus]["gold_digest"] == ec.gold_digest(folder)
    assert set(pinned[corpus]["floors"]) == set(extraction.TOLERANCE.floors)
    # A one-article corpus times in microseconds: keep this test off the machine's noise.
    pinned[corpus]["floors"]["words_per_second"] = 0.0
    pinned[corpus]["ceilings"]["peak_memory_mb"] = 1e6
    baseline.write_text(json.dumps(pinned), encoding="utf-8")
    assert extraction.main([*args, "--gate"]) == 0
    out = capsys.readouterr().out
    assert "| attribution" in out and "| naive baseline" in out and "Python 3." in out
    pinned[corpus]["floors"]["quote_precision"] = 2.0
    baseline.write_text(json.dumps(pinned), encoding="utf-8")
    assert extraction.main([*args, "--gate"]) == 1
    assert extraction.main([*args, "--update"]) == 1  # would lower a floor
    assert extraction.main([*args, "--update", "--allow-regression"]) == 0


def test_benchmark_rejects_a_broken_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert extraction.main([str(tmp_path)]) == 2
    assert "not a folder" in capsys.readouterr().err
