"""A one-article `extract` loads only what it runs: start-up is paid on every pre-commit run.

What is measured here is which modules a run imports, not how long it takes (timings belong
to `benchmarks/scale.py`): a module that comes back on the extract path is a regression
whatever the machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SEED = ROOT / "seeds" / "iraq-joint-operations.us-reprint.txt"

# Loaded by `compare`, `check`, other formats or URLs only; never by `extract` to markdown.
NOT_ON_THE_EXTRACT_PATH = (
    "attribution.classify",
    "attribution.pairing",
    "attribution.align",
    "attribution.verify",
    "attribution.sources",
    "attribution.config",
    "attribution.report.html",
    "attribution.report.json",
    "rich",
    "trafilatura",
    "jsonschema",
    "tomllib",
    "concurrent.futures",
    "multiprocessing",
)

_PROBE = """
import json, sys
from attribution.cli import main
imported = set(sys.modules)
sys.argv = ["attribution", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps({"import": sorted(imported), "run": sorted(sys.modules)}))
"""


def _modules(*args: str) -> dict[str, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=True
    )
    return {k: set(v) for k, v in json.loads(result.stdout.splitlines()[-1]).items()}


@pytest.fixture(scope="module")
def extract_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    out = tmp_path_factory.mktemp("startup") / "report.md"
    return _modules("extract", str(SEED), "--output", str(out))


@pytest.mark.parametrize("module", NOT_ON_THE_EXTRACT_PATH)
def test_extract_of_one_article_never_imports(
    module: str, extract_run: dict[str, set[str]]
) -> None:
    assert module not in extract_run["run"]


@pytest.mark.parametrize("module", ["nltk", "importlib.metadata"])
def test_importing_the_command_line_leaves_costly_modules_to_the_work(
    module: str, extract_run: dict[str, set[str]]
) -> None:
    """NLTK and the version's metadata are paid for by the work that uses them."""
    assert module not in extract_run["import"]


def test_compare_loads_what_extract_leaves_out(tmp_path: Path) -> None:
    """The modules left out above are real: `compare` needs them, and gets them."""
    reprint = ROOT / "seeds" / "iraq-joint-operations.uk-reprint.txt"
    out = tmp_path / "report.md"
    run = _modules("compare", str(SEED), str(reprint), "--output", str(out))["run"]
    assert {"attribution.classify", "attribution.pairing", "nltk"} <= run
