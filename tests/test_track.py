"""`attribution track`: a corpus read from folders and JSON Lines, every statement grouped
across articles, each variant graded as compare grades it, misattributions flagged, and the
same bytes from the local engine and from a Dask cluster."""

from __future__ import annotations

import copy
import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from attribution import compare, read_article
from attribution.cli import app
from attribution.pipeline import track

from .conftest import FIXTURES
from .test_schema import _closed

CORPUS = FIXTURES / "track"
SCHEMA: dict[str, Any] = json.loads(
    resources.files("attribution").joinpath("schema/clusters-v1.json").read_text("utf-8")
)
CLOSED = Draft202012Validator(_closed(copy.deepcopy(SCHEMA)))


def _clusters(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / "clusters.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus tracked once by the local engine, from its own folder so every
    position in the output is relative."""
    out = tmp_path_factory.mktemp("tracked")
    cwd = Path.cwd()
    os.chdir(CORPUS)
    try:
        track("folder", "wire.jsonl", output=out, workers=1)
    finally:
        os.chdir(cwd)
    return out


def test_the_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_every_line_validates_against_the_closed_schema(tracked: Path) -> None:
    for record in _clusters(tracked):
        errors = sorted(CLOSED.iter_errors(record), key=str)
        assert not errors, errors[0].message


def test_a_statement_and_its_altered_and_misattributed_printings_are_one_cluster(
    tracked: Path,
) -> None:
    first = _clusters(tracked)[0]
    assert first["statement"].startswith("We will not close the Harbour Street clinic")
    assert first["articles"] == 5
    assert first["first_seen"] == "2024-03-05"
    usual, *others = first["variants"]
    assert usual["verdict"] == "identical" and usual["against"] is None
    assert {p["article"] for p in usual["printings"]} == {
        "gazette/clinic.html",
        "herald/clinic.txt",
        "ledger/clinic.txt",
    }
    changes = {(c["a"], c["b"], c["category"]) for v in others for c in v["changes"]}
    assert changes == {("2027", "2029", "number"), ("not", "", "negation")}
    assert all(v["verdict"] == "altered" and v["severity"] == "critical" for v in others)
    assert first["altered"] == 2
    assert first["misattributed"] is True
    assert [(s["name"], s["articles"]) for s in first["speakers"]] == [
        ("Lena Ortiz", 4),
        ("Tom Becker", 1),
    ]
    credits = {p["article"]: p["credit"] for v in first["variants"] for p in v["printings"]}
    assert credits["herald/clinic.txt"] == "other"
    assert credits["ledger/clinic.txt"] == "main"


def test_statements_sharing_rare_words_stay_apart(tracked: Path) -> None:
    """ "The Harbour Street clinic has served ..." shares the clinic's name with the mayor's
    promise, and is another statement."""
    statements = [c["statement"] for c in _clusters(tracked)]
    assert sum("Harbour Street clinic" in s for s in statements) == 2


def test_one_person_credited_in_several_ways_is_no_misattribution(tracked: Path) -> None:
    """ "nurse Dana Kimura" and "Dana Kimura, a nurse there" credit one person."""
    nurse = next(c for c in _clusters(tracked) if "forty years" in c["statement"])
    assert nurse["misattributed"] is False
    assert [s["name"] for s in nurse["speakers"]] == ["Dana Kimura"]


def test_each_printing_locates_its_quote_in_the_article(tracked: Path) -> None:
    text = (CORPUS / "folder" / "ledger" / "clinic.txt").read_text(encoding="utf-8")
    for cluster in _clusters(tracked):
        for variant in cluster["variants"]:
            for p in variant["printings"]:
                if p["article"] == "ledger/clinic.txt":
                    printed = " ".join(text[s:e] for s, e in p["spans"])
                    assert printed == variant["text"]


def test_bad_records_are_reported_with_their_position_and_the_rest_is_read(
    tracked: Path,
) -> None:
    summary = (tracked / "summary.md").read_text(encoding="utf-8")
    assert "Read 7 articles (3 records skipped, listed below)" in summary
    assert "- wire.jsonl:3: not a JSON record (Expecting value); skipped" in summary
    assert "- wire.jsonl:4: no text (a non-empty string); skipped" in summary
    assert "- wire.jsonl:5: id 'wire-1' was already used; record skipped" in summary
    assert "- wire.jsonl:6: published 'last Tuesday' is not a date; read without it" in summary
    stone = next(c for c in _clusters(tracked) if "second clinic" in c["statement"])
    assert {p["article"] for p in stone["variants"][0]["printings"]} == {
        "herald/clinic.txt",
        "wire-4",
    }


def test_the_summary_counts_each_outlet_s_altered_and_misattributed_quotes(
    tracked: Path,
) -> None:
    summary = (tracked / "summary.md").read_text(encoding="utf-8")
    rows = {
        cells[0]: cells[1:]
        for line in summary.split("## Outlets", 1)[1].splitlines()
        if line.startswith("| ") and (cells := [c.strip() for c in line.strip("|").split("|")])
    }
    assert rows["courier"] == ["2", "1", "0"]
    assert rows["herald"] == ["2", "0", "1"]
    assert rows["Wire"] == ["3", "1", "0"]
    assert "| Lena Ortiz (4), Tom Becker (1) |" in summary.replace("  ", "")


def test_track_groups_what_compare_pairs(tracked: Path) -> None:
    """One definition of "the same statement": the pairs compare makes between two of the
    corpus's articles are exactly the pairs of their quotes that track puts in one cluster."""
    folder = CORPUS / "folder"
    names = {"a": "ledger/clinic.txt", "b": "courier/clinic.txt"}
    report = compare(*(read_article(str(folder / n), k) for k, n in names.items()))
    paired = {
        (m.a.replace("a:", names["a"] + ":"), m.b.replace("b:", names["b"] + ":"))
        for m in report.matches
    }
    where = {
        p["quote"]: c["id"]
        for c in _clusters(tracked)
        for v in c["variants"]
        for p in v["printings"]
    }
    together = {
        (qa, qb)
        for qa in where
        for qb in where
        if qa.startswith(names["a"]) and qb.startswith(names["b"]) and where[qa] == where[qb]
    }
    assert len(paired) == 2
    assert together == paired


def test_the_local_and_the_dask_engine_write_the_same_bytes(tracked: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    cwd = Path.cwd()
    os.chdir(CORPUS)
    try:
        runner = CliRunner()
        result = runner.invoke(
            app,
            [
                "track",
                "folder",
                "wire.jsonl",
                "--engine",
                "dask",
                "--jobs",
                "2",
                "-o",
                str(tmp_path),
            ],
        )
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "4 distinct (4 printed more than once, 1 altered, 1 misattributed)" in result.stdout
    assert "warning: wire.jsonl:3: not a JSON record" in result.stderr
    for name in ("clusters.jsonl", "summary.md"):
        assert (tmp_path / name).read_bytes() == (tracked / name).read_bytes()


def test_two_local_processes_write_the_same_bytes_as_one(tracked: Path, tmp_path: Path) -> None:
    cwd = Path.cwd()
    os.chdir(CORPUS)
    try:
        track("folder", "wire.jsonl", output=tmp_path, workers=2)
    finally:
        os.chdir(cwd)
    assert (tmp_path / "clusters.jsonl").read_bytes() == (tracked / "clusters.jsonl").read_bytes()


def test_parquet_holds_the_same_records(tracked: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    rows = pq.read_table(tracked / "clusters.parquet").to_pylist()
    assert rows == _clusters(tracked)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["track", "no-such-folder"], "Error: cannot read 'no-such-folder': file not found"),
        (["track", "README.md"], "Error: cannot read 'README.md': not a corpus"),
        (
            ["track", "seeds", "--engine", "spark"],
            "Error: unknown engine 'spark'; use local or dask",
        ),
        (
            ["track", "seeds", "--scheduler", "tcp://127.0.0.1:1"],
            "Error: --scheduler needs --engine dask",
        ),
        (["track", "seeds", "--jobs", "0"], "Error: invalid value for '--jobs'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    cwd = Path.cwd()
    os.chdir(FIXTURES.parent)
    try:
        result = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "out")])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(message), result.stderr


def test_the_readme_s_track_excerpt_is_what_the_tool_writes(tmp_path: Path) -> None:
    readme = (FIXTURES.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Tracking a corpus", 1)[1]
    command = section.split("```sh\n", 1)[1].split("\n```", 1)[0]
    excerpt = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    args = command.split()[1:]
    assert args[:3] == ["track", "fixtures/track/folder", "fixtures/track/wire.jsonl"]
    cwd = Path.cwd()
    os.chdir(FIXTURES.parent)
    try:
        result = CliRunner().invoke(app, [*args[:3], "--jobs", "1", "-o", str(tmp_path)])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0
    assert (tmp_path / "summary.md").read_text(encoding="utf-8") == excerpt
