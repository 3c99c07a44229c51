"""Golden reports: whole-text comparison so a change in output shows as a reviewable diff.

Each folder under fixtures/reports/ (and fixtures/check/ for `check`) is a case: its inputs,
`args.json` and the expected `report.md`, `report.json` and `report.html`; a new case is a new
folder. The seed pair and the check cases run through the CLI; the seed pair's reports are
kept in seeds/REPORT.md, seeds/REPORT.json and seeds/REPORT.html. Regenerate with `pytest --update-golden` and review
the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import tabulate
from typer.testing import CliRunner

from attribution import Article, Report, compare, extract
from attribution.classify import Policy
from attribution.cli import app
from attribution.inputs import read_text

from .conftest import FIXTURES, ROOT

CASES = sorted(p for p in (FIXTURES / "reports").iterdir() if p.is_dir())


@pytest.fixture(autouse=True)
def _no_wide_char_padding(monkeypatch: pytest.MonkeyPatch) -> None:
    # tabulate pads East Asian wide characters differently when wcwidth is importable;
    # golden bytes must not depend on what else is installed.
    monkeypatch.setattr(tabulate, "WIDE_CHARS_MODE", False)


def _check(path: Path, actual: str, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8", newline="")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path} is out of date: run pytest --update-golden and review"


def _run_case(case: Path) -> Report:
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    articles = [
        Article(article_id, name, text=read_text(str(case / name)))
        for article_id, name in zip("abcdefgh", args["articles"], strict=False)
    ]
    if args["command"] == "extract":
        return extract(*articles)
    return compare(*articles, policy=Policy.from_options(**args.get("options", {})))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, update_golden: bool) -> None:
    from attribution import render_html, render_json, render_markdown

    report = _run_case(case)
    _check(case / "report.md", render_markdown(report), update_golden)
    _check(case / "report.json", render_json(report), update_golden)
    _check(case / "report.html", render_html(report), update_golden)


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [("markdown", "REPORT.md"), ("json", "REPORT.json"), ("html", "REPORT.html")],
)
def test_seed_report_is_what_the_cli_prints(
    fmt: str, golden: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        app,
        [
            "compare",
            "seeds/iraq-joint-operations.us-reprint.txt",
            "seeds/iraq-joint-operations.uk-reprint.txt",
            "--format",
            fmt,
        ],
    )
    assert result.exit_code == 0, result.output
    _check(ROOT / "seeds" / golden, result.stdout, update_golden)


CHECK_CASES = sorted(p for p in (FIXTURES / "check").iterdir() if p.is_dir())
GOLDEN_NAMES = {"markdown": "report.md", "json": "report.json", "html": "report.html"}


def _check_runs() -> list[tuple[Path, str, str]]:
    """Each check case in each format its args.json allows (`formats`, default all): JSON
    and HTML report on one draft at a time."""
    runs = []
    for case in CHECK_CASES:
        args = json.loads((case / "args.json").read_text(encoding="utf-8"))
        for fmt in args.get("formats", list(GOLDEN_NAMES)):
            runs.append((case, fmt, GOLDEN_NAMES[fmt]))
    return runs


@pytest.mark.parametrize(
    ("case", "fmt", "golden"), _check_runs(), ids=[f"{c.name}-{f}" for c, f, _ in _check_runs()]
)
def test_check_case_is_what_the_cli_prints(
    case: Path, fmt: str, golden: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check case runs through the CLI in its own folder, as an editor runs it there.

    `args.json` holds the arguments after `check` and the exit code expected; a case with
    an attribution.toml is configured by it.
    """
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, ["check", *args["args"], "--format", fmt])
    assert result.exit_code == args["exit_code"], result.output
    _check(case / golden, result.stdout, update_golden)
