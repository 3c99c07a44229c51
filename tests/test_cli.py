"""The command line: exit codes, one-line errors, formats, output files, standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attribution import __version__
from attribution.cli import app

from .conftest import ROOT, UK_SEED, US_SEED

runner = CliRunner()


def invoke(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_compare_prints_the_markdown_report_and_exits_0() -> None:
    result = invoke("compare", str(US_SEED), str(UK_SEED))
    assert result.exit_code == 0
    assert result.stdout.startswith("# Quote drift report")
    assert result.stderr == ""


@pytest.mark.parametrize(("fail_on", "code"), [("major", 1), ("critical", 0), ("info", 1)])
def test_fail_on_sets_the_exit_code(fail_on: str, code: int) -> None:
    result = invoke("compare", str(US_SEED), str(UK_SEED), "--fail-on", fail_on)
    assert result.exit_code == code


def test_json_output_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = invoke("compare", str(US_SEED), str(UK_SEED), "--format", "json", "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "attribution/report-v1"
    assert data["articles"][0]["source"] == str(US_SEED)


def test_extract_reads_standard_input_with_a_bom() -> None:
    text = "\ufeff\u201cWe are ready,\u201d the coach said.".encode()
    result = invoke("extract", "-", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    (quote,) = json.loads(result.stdout)["articles"][0]["quotes"]
    assert (quote["text"], quote["speaker"], quote["start"]) == ("We are ready,", "the coach", 1)
    assert json.loads(result.stdout)["articles"][0]["source"] == "-"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("compare", "missing.txt", str(UK_SEED)),
            "Error: cannot read 'missing.txt': file not found",
        ),
        (("compare", str(ROOT / "seeds"), str(UK_SEED)), "it is a folder, not a file"),
        (("compare", str(US_SEED)), "compare needs at least two articles"),
        (("compare", str(US_SEED), str(UK_SEED), "--format", "pdf"), "'pdf' is not one of"),
        (("compare", str(US_SEED), str(UK_SEED), "--fail-on", "worst"), "'worst' is not one of"),
        (("extract", "--bogus", str(US_SEED)), "no such option"),
        (("extract",), "missing argument"),
    ],
)
def test_bad_usage_or_input_is_one_line_on_stderr_and_exit_2(
    args: tuple[str, ...], message: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in result.output


def test_binary_input_is_refused_cleanly(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    result = invoke("extract", str(binary))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot read '{binary}'")


def test_unwritable_output_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = invoke("extract", str(US_SEED), "--output", str(tmp_path / "no" / "such" / "dir.md"))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "cannot write" in result.stderr


def test_uncertain_quote_is_warned_about_on_stderr(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("The chief said \u201cwe are not ready\n\nMore news.", encoding="utf-8")
    result = invoke("extract", str(draft))
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "draft.txt:1" in result.stderr
    assert "## Warnings" in result.stdout


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"attribution {__version__}"


@pytest.mark.parametrize("command", ["compare", "extract"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example: attribution " + command in " ".join(result.stdout.split())


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "attribution", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "compare" in done.stdout and "extract" in done.stdout
