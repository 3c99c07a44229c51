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
from typing import Any

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
    "pydantic",
    "importlib.metadata",
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


def _coerced(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        return "value", runtime.coerce(value, param=param, ctx=ctx)
    except Exception as err:
        return "error", str(err)


SAMPLES: dict[Any, list[Any]] = {
    str: ["x", "", "markdown"],
    list[str]: [("a.txt", "b.txt"), ()],
    Path: ["report.md", ".", str(ROOT), str(ROOT / "missing" / "x.md")],
    int: ["1", "2", "0", "-1", "two", "1.5", "\u0661"],
    bool: [True, False],
}


def test_values_are_read_as_typer_reads_them() -> None:
    """Law: each parameter reads every sample value as typer's own adapter does (or fails
    with typer's message), without importing pydantic for the plain ones."""
    typer_coercion = pytest.importorskip("typer._coercion")
    from typer._click import Context
    from typer.main import get_command

    from attribution.cli import _plain, app

    group = get_command(app)
    compared = 0
    for command in [group, *group.commands.values()]:  # type: ignore[attr-defined]
        ctx = Context(command)
        for param in command.params:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is None or descriptor.annotation not in SAMPLES:
                continue
            param._runtime_param = None
            plain = _plain(param)._runtime_param
            typer_own = typer_coercion.build_runtime_param(descriptor)
            for value in SAMPLES[descriptor.annotation]:
                expected = _coerced(typer_own, value, param, ctx)
                assert _coerced(plain, value, param, ctx) == expected, (param.name, value)
                compared += 1
    assert compared > 40
