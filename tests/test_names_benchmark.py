"""The name-variant benchmark: its shipped pairs load and score, and never meet the model's list."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution.transliteration import fold_name, known_variants
from benchmarks import names


@pytest.fixture(scope="session")
def pairs() -> list[names.Pair]:
    return names.load_pairs()


def test_the_shipped_pairs_are_enough_for_both_parts(pairs: list[names.Pair]) -> None:
    for split in names.SPLITS:
        for label in names.LABELS:
            assert sum(p.split == split and p.label == label for p in pairs) >= 100


def test_the_harness_prints_both_models_on_both_parts(
    pairs: list[names.Pair], capsys: pytest.CaptureFixture[str]
) -> None:
    assert names.main([]) == 0
    out = capsys.readouterr().out
    assert "before: 0.75 similarity" in out
    assert "rules + known pairs" in out
    assert out.count("| study") == 2
    assert out.count("| heldout") == 2


def test_scores_count_true_and_false_answers() -> None:
    rows = [
        names.Pair("study", "variant", "Qasem", "Qassem", "t", "1"),
        names.Pair("study", "variant", "Aaa", "Bbb", "t", "2"),
        names.Pair("study", "distinct", "Ccc", "Ddd", "t", "3"),
        names.Pair("study", "distinct", "Eee", "Eeee", "t", "4"),
    ]
    counts = names.score(rows, lambda a, b: a[0] == b[0])
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    assert counts.precision() == 0.5


def test_no_benchmark_spelling_is_in_the_known_variant_list(pairs: list[names.Pair]) -> None:
    known = set(known_variants())
    for p in pairs:
        for name in (p.a, p.b):
            assert fold_name(name) not in known, name


def test_no_name_crosses_the_split(pairs: list[names.Pair]) -> None:
    study = {n.casefold() for p in pairs if p.split == "study" for n in (p.a, p.b)}
    heldout = {n.casefold() for p in pairs if p.split == "heldout" for n in (p.a, p.b)}
    assert not study & heldout


def test_a_malformed_row_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("\t".join(names.HEADER) + "\nstudy\tmaybe\ta\tb\to\tg\n", encoding="utf-8")
    with pytest.raises(names.PairsError, match="line 2"):
        names.load_pairs(path)
