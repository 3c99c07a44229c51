"""The README is a promise: its commands run, CI runs its test command, every command is in it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from typer.main import get_command

from attribution.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, flags=re.S)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start()
    assert len(commands) == 2
    assert all("\n" not in c for c in commands)
    assert "attribution compare seeds/" in commands[0]
    assert commands[1].endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert _quick_start()[1] in ci.splitlines()


COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    assert f"`attribution {command} " in README


OPTIONS = sorted(
    {
        name
        for command in get_command(app).commands.values()  # type: ignore[attr-defined]
        for param in command.params
        for name in [*param.opts, *param.secondary_opts]
        if name.startswith("--")
    }
)


@pytest.mark.parametrize("option", OPTIONS)
def test_every_option_is_documented_in_the_readme_and_the_docs(option: str) -> None:
    commands_page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert f"`{option}" in README or f"/ `{option}`" in README
    assert option in commands_page


def test_the_seed_files_named_in_the_readme_exist() -> None:
    for path in re.findall(r"seeds/[\w.\-]+", README):
        assert (ROOT / path).exists(), path


def test_library_example_in_the_readme_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    code = README.split("## Use as a library", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert "altered" in done.stdout


def test_the_readme_s_seed_excerpt_is_what_the_tool_prints() -> None:
    section = README.split("## What it catches", 1)[1].split("\n## Quick start", 1)[0]
    excerpt = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    golden = (ROOT / "seeds" / "REPORT.md").read_text(encoding="utf-8")
    lines = [line for line in excerpt.splitlines() if line]
    assert len(lines) >= 5
    for line in lines:
        assert line in golden.splitlines(), line
    quoted = [line[2:] for line in section.splitlines() if line.startswith("> ")]
    assert " ".join(quoted) in golden
