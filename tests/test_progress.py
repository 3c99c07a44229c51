"""Progress: a bar on standard error for work on several articles, only on a terminal."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from attribution import article_from_text, compare, extract
from attribution.cli import app

from .conftest import ROOT, UK_SEED, US_SEED
from .terminal import run_on_terminal

TEXTS = ["\u201cWe are ready,\u201d the coach said.", "\u201cWe are not ready,\u201d he said.", ""]


def test_extract_tells_progress_after_each_article() -> None:
    calls: list[tuple[int, int]] = []
    extract(
        *(article_from_text(t, i) for i, t in zip("abc", TEXTS, strict=True)),
        progress=lambda *a: calls.append(a),
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_compare_counts_reading_then_comparing() -> None:
    calls: list[tuple[int, int]] = []
    compare(
        *(article_from_text(t, i) for i, t in zip("abc", TEXTS, strict=True)),
        progress=lambda *a: calls.append(a),
    )
    assert calls == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_no_bar_when_standard_error_is_not_a_terminal() -> None:
    result = CliRunner().invoke(app, ["extract", str(US_SEED), str(UK_SEED), str(US_SEED)])
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_bar_is_drawn_on_a_terminal_and_the_report_is_untouched() -> None:
    done, drawn = run_on_terminal(
        [sys.executable, "-m", "attribution", "compare", str(US_SEED), str(UK_SEED), str(US_SEED)],
        ROOT,
        timeout=120,
    )
    assert done.returncode == 0
    assert "\u2501".encode() in drawn  # the bar
    assert b"5/5" in drawn  # three read, two compared
    assert done.stdout.startswith(b"# Quote drift report") and b"\x1b" not in done.stdout
