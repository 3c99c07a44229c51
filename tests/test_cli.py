"""The command line: exit codes, one-line errors, formats, output files, standard input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
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
        (
            ("compare", str(US_SEED), str(UK_SEED), "--format", "pdf"),
            "Error: unknown format 'pdf'; use markdown, json or html",
        ),
        (
            ("compare", str(US_SEED), str(UK_SEED), "--fail-on", "worst"),
            "Error: unknown severity 'worst'; use info, minor, major or critical",
        ),
        (
            ("check", "d.md", "--house-spelling", "ca"),
            "Error: unknown house spelling 'ca'; use us or uk",
        ),
        (("extract", "--bogus", str(US_SEED)), "Error: no such option"),
        (("extract", "--bogus", str(US_SEED)), "--bogus"),
        (("extract", "--bogus", str(US_SEED)), "(see 'attribution extract --help')"),
        (("extract",), "Error: missing argument 'ARTICLE...' (see 'attribution extract --help')"),
        (
            ("extract", str(US_SEED), "--include-text"),
            "Error: --include-text adds the articles' text to JSON; use it with --format json",
        ),
        (("comapre", "a", "b"), "Error: no such command 'comapre'. Did you mean 'compare'?"),
        (("check", "d.md", "--source"), "Error: option '--source' requires an argument"),
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


def test_choices_are_read_in_any_case() -> None:
    result = invoke("compare", str(US_SEED), str(UK_SEED), "-f", "JSON", "--fail-on", "Critical")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["schema"] == "attribution/report-v1"


def test_a_bare_command_prints_a_short_usage_once_and_exits_2() -> None:
    result = invoke()
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("Usage: attribution") == 1
    for command in ("compare", "check", "extract"):
        assert f"  {command}  " in result.stderr
    assert len(result.stderr.splitlines()) <= 12
    assert "Options:" not in result.stderr  # the short form; --help has the rest


COMMANDS = ["compare", "check", "extract"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_at_80_columns_names_every_option_whole_and_shows_no_types(
    command: str | None,
) -> None:
    """At 80 columns every line fits, each option is printed whole, and typer's type labels
    (<bool>, <list[str]>) and boxes do not appear."""
    result = CliRunner(env={"COLUMNS": "80"}).invoke(app, [*([command] if command else []), "-h"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80, result.stdout
    group = typer.main.get_command(app)
    cmd = group.commands[command] if command else group  # type: ignore[attr-defined]
    for param in cmd.params:
        for name in [*param.opts, *param.secondary_opts]:
            if name.startswith("-"):
                assert re.search(rf"(^|[ ,/]){re.escape(name)}( |,|$)", result.stdout, re.M), name
    for noise in ("<bool>", "<list", "<str>", "╭", "…]", "\\["):
        assert noise not in result.stdout
    assert result.stdout.count("Usage: ") == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    example = result.stdout.split("\nExample:\n", 1)[1]
    assert example.lstrip().startswith(f"attribution {command} ")


def test_usage_errors_are_worded_without_click_class_names() -> None:
    """The one-line error names the problem, never an exception class."""
    for args in (["extract", "--nope", "x"], ["extract"], ["nope"], ["compare", "-f"]):
        result = invoke(*args)
        assert result.exit_code == 2
        assert not re.search(r"[A-Z][a-z]+(Error|Exception)\b", result.stderr), result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_python_dash_m_runs_the_cli() -> None:
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-m", "attribution", "compare", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 0
    assert "--count-spelling / --ignore-spelling" in done.stdout
    assert max(len(line) for line in done.stdout.splitlines()) <= 80
    bare = subprocess.run(
        [sys.executable, "-m", "attribution"], capture_output=True, text=True, check=False
    )
    assert bare.returncode == 2 and bare.stdout == ""
    assert bare.stderr.count("Usage: attribution ") == 1 and "Traceback" not in bare.stderr


def test_include_text_lets_a_program_resolve_every_offset() -> None:
    """With --include-text each article carries the text its offsets index; without, not."""
    result = invoke("compare", str(US_SEED), str(UK_SEED), "-f", "json", "--include-text")
    assert result.exit_code == 0, result.output
    articles = json.loads(result.stdout)["articles"]
    for article in articles:
        text = article["text"]
        assert text and list(article)[-1] == "text"  # added after the report-v1 keys
        for quote in article["quotes"]:
            pieces = [text[s:e] for s, e in quote["spans"]]
            assert " ".join(pieces) == quote["text"]
            assert quote["start"] == quote["spans"][0][0] and quote["end"] == quote["spans"][-1][1]
    plain = json.loads(invoke("compare", str(US_SEED), str(UK_SEED), "-f", "json").stdout)
    assert all("text" not in a for a in plain["articles"])
