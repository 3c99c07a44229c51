"""Shared fixtures and the `--update-golden` option for regenerating golden reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from attribution import Article, Report, compare
from attribution.inputs import read_text

# No property test is timed: on a busy 2-core machine one example may take longer than
# hypothesis's default 200 ms deadline, and speed is measured in benchmarks/, not here.
settings.register_profile("attribution", deadline=None)
settings.load_profile("attribution")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
US_SEED = SEEDS / "iraq-joint-operations.us-reprint.txt"
UK_SEED = SEEDS / "iraq-joint-operations.uk-reprint.txt"
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden reports (seeds/REPORT.md, fixtures/reports/*) from the current "
        "output instead of comparing; review the diff before committing.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def seed_articles() -> tuple[Article, Article]:
    """The seed pair, read as the CLI reads them, with sources as the README gives them."""
    return (
        Article("a", "seeds/" + US_SEED.name, text=read_text(str(US_SEED))),
        Article("b", "seeds/" + UK_SEED.name, text=read_text(str(UK_SEED))),
    )


@pytest.fixture(scope="session")
def seed_report() -> Report:
    """The seed pair compared once for every test that reads it."""
    return compare(*seed_articles())
