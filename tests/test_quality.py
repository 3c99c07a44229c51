"""House rules the suite enforces: lint, format, strict types, and no NLTK data at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, UK_SEED, US_SEED


def _tool(name: str) -> str:
    """The tool installed beside the Python running the suite (the lowest-versions venv in
    CI's second run), else the project's .venv, else the PATH."""
    here = str(Path(sys.executable).parent)
    path = shutil.which(name, path=here) or shutil.which(name, path=str(ROOT / ".venv" / "bin"))
    path = path or shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: install the dev extra (pip install -e '.[dev]')")
    return path


@pytest.mark.parametrize(
    "args",
    [
        # The whole checkout, as contributors run it: code, and the Python in the
        # README's and docs' examples, which ruff formats too.
        ["check", "."],
        ["format", "--check", "."],
    ],
    ids=["ruff-check", "ruff-format"],
)
def test_ruff(args: list[str]) -> None:
    done = subprocess.run(
        [_tool("ruff"), *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict() -> None:
    done = subprocess.run([_tool("mypy")], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_runs_without_any_nltk_data(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """NLTK data is never needed: a run with data lookups forbidden still extracts quotes."""
    code = (
        "import nltk.data\n"
        "def refuse(*a, **k): raise LookupError('no NLTK data may be used')\n"
        "nltk.data.find = refuse\nnltk.data.load = refuse\n"
        "from attribution import compare\n"
        f"r = compare({str(US_SEED)!r}, {str(UK_SEED)!r})\n"
        "assert len(r.matches) == 1, r.matches\n"
    )
    env = {"NLTK_DATA": str(tmp_path), "PATH": "", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
