"""Many articles on many cores: the report made with `--jobs N` is the one-core report, byte
for byte, for extract, compare and check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attribution import parallel
from attribution.cli import app
from attribution.errors import UnreadableInput
from attribution.pipeline import check_drafts, compare, extract
from attribution.report import render_html, render_json, render_markdown, render_markdown_all

from .conftest import FIXTURES, ROOT, UK_SEED, US_SEED
from .terminal import run_on_terminal

BUDGET = FIXTURES / "reports" / "city-budget-reprint"
DRAFTS = FIXTURES / "check" / "two-drafts"
ARTICLES = [str(p) for p in (US_SEED, UK_SEED, BUDGET / "a.txt", BUDGET / "b.txt")]
SOURCES = [str(DRAFTS / name) for name in ("transcript.txt", "release.txt", "wire.txt")]
CHECKED = [str(DRAFTS / name) for name in ("draft.md", "draft-v2.md")]


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers even for a few short articles (the size below which one process is kept
    is a matter of speed, not of output)."""
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)


def _every_format(report: object) -> tuple[str, str, str]:
    return render_markdown(report), render_json(report), render_html(report)  # type: ignore[arg-type]


@pytest.mark.usefixtures("always_parallel")
def test_extract_on_two_cores_writes_the_one_core_report() -> None:
    one = extract(*ARTICLES, jobs=1)
    two = extract(*ARTICLES, jobs=2)
    assert two == one
    assert _every_format(two) == _every_format(one)


@pytest.mark.usefixtures("always_parallel")
def test_compare_on_two_cores_writes_the_one_core_report() -> None:
    one = compare(*ARTICLES, jobs=1)
    calls: list[tuple[int, int]] = []
    two = compare(*ARTICLES, jobs=2, progress=lambda *a: calls.append(a))
    assert two == one
    assert _every_format(two) == _every_format(one)
    # Reading four and comparing three: seven steps, counted up to the end in order.
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[-1] == (7, 7) and {total for _, total in calls} == {7}


@pytest.mark.usefixtures("always_parallel")
def test_check_of_several_drafts_on_two_cores_writes_the_one_core_reports() -> None:
    drafts = [*CHECKED, *CHECKED]
    one = check_drafts(drafts, SOURCES, jobs=1)
    two = check_drafts(drafts, SOURCES, jobs=2)
    assert two == one
    assert render_markdown_all(two) == render_markdown_all(one)
    assert [render_json(r) for r in two] == [render_json(r) for r in one]


@pytest.mark.usefixtures("always_parallel")
def test_the_first_unreadable_input_is_the_error_as_on_one_core(tmp_path: Path) -> None:
    missing = [str(tmp_path / "gone-1.txt"), str(tmp_path / "gone-2.txt")]
    inputs = [ARTICLES[0], missing[0], ARTICLES[1], missing[1]]
    with pytest.raises(UnreadableInput) as one:
        extract(*inputs, jobs=1)
    with pytest.raises(UnreadableInput) as two:
        extract(*inputs, jobs=2)
    assert str(two.value) == str(one.value) and "gone-1.txt" in str(one.value)


def test_a_few_short_articles_stay_in_one_process() -> None:
    """Below the size where a second core pays for starting, nothing is started."""
    assert not parallel.worth_parallel(2, 4, 20_000)
    assert not parallel.worth_parallel(1, 400, 10**7)
    assert not parallel.worth_parallel(8, 1, 10**7)
    assert parallel.worth_parallel(2, 2, parallel.MIN_PARALLEL_CHARS)


@pytest.mark.parametrize(("count", "wanted"), [(0, 4), (1, 4), (7, 3), (16, 16), (100, 16)])
def test_batches_cover_every_item_once_in_order(count: int, wanted: int) -> None:
    batches = parallel._batches(count, wanted)
    assert [i for batch in batches for i in batch] == list(range(count))
    assert len(batches) <= max(1, min(wanted, count))
    sizes = [len(b) for b in batches]
    assert max(sizes) - min(sizes) <= 1


def _square_after_offset(offset: int, item: int) -> int:
    if item < 0:
        raise ValueError(f"negative: {item}")
    return offset + item * item


def test_run_returns_results_in_input_order_with_shared_state() -> None:
    items = list(range(40))
    done: list[int] = []
    out = parallel.run(
        _square_after_offset,
        items,
        jobs=2,
        setup=int,
        shared=("1000",),
        progress=lambda n, total: done.append(n),
    )
    assert out == [1000 + i * i for i in items]
    assert done[-1] == len(items)


def test_run_raises_the_first_failure_in_input_order() -> None:
    with pytest.raises(ValueError, match="negative: -3"):
        parallel.run(_square_after_offset, [1, 2, -3, 4, -5], jobs=2, setup=int, shared=("0",))


@pytest.mark.usefixtures("always_parallel")
@pytest.mark.parametrize("command", ["extract", "compare"])
def test_cli_jobs_changes_nothing_in_the_report(command: str) -> None:
    runner = CliRunner()
    one = runner.invoke(app, [command, *ARTICLES, "--jobs", "1", "--format", "json"])
    two = runner.invoke(app, [command, *ARTICLES, "-j", "2", "--format", "json"])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout and two.stderr == one.stderr


@pytest.mark.usefixtures("always_parallel")
def test_cli_check_of_several_drafts_with_jobs() -> None:
    runner = CliRunner()
    args = ["check", *CHECKED, *(f"--source={s}" for s in SOURCES)]
    one = runner.invoke(app, [*args, "--jobs", "1"])
    two = runner.invoke(app, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1  # the tampered draft fails the check
    assert two.stdout == one.stdout


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_cli_refuses_a_jobs_count_that_is_not_a_positive_number(value: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(US_SEED), "--jobs", value])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "--jobs" in lines[0]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_the_bar_counts_articles_finished_by_the_workers(tmp_path: Path) -> None:
    """On a terminal the bar still counts every article, and the report is untouched."""
    seed = US_SEED.read_text(encoding="utf-8")
    # Enough text that a second process is started (the smallest parallel run).
    copies = parallel.MIN_PARALLEL_CHARS // (3 * len(seed)) + 1
    paths = []
    for name in "abc":
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join([seed] * copies), encoding="utf-8")
        paths.append(str(path))
    command = [sys.executable, "-m", "attribution", "extract", *paths, "--jobs"]
    serial = subprocess.run([*command, "1"], capture_output=True, check=True, cwd=ROOT)
    done, drawn = run_on_terminal([*command, "2"], ROOT, timeout=300)
    assert done.returncode == 0
    assert "\u2501".encode() in drawn and b"3/3" in drawn
    assert done.stdout == serial.stdout
