"""What a release promises outside the code: the name on PyPI, the version in every place that
pins it, the licence, the CI workflow and the release flow (docs/releasing.md)."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import metadata

import yaml

from attribution import __version__

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
VERSION = PYPROJECT["project"]["version"]


def test_the_distribution_is_quote_attribution_and_the_command_attribution() -> None:
    assert PYPROJECT["project"]["name"] == "quote-attribution"
    assert PYPROJECT["project"]["scripts"] == {"attribution": "attribution.cli:main"}
    assert metadata("quote-attribution")["Name"] == "quote-attribution"
    assert __version__ == VERSION


def test_the_readme_never_tells_anyone_to_install_the_other_attribution() -> None:
    """`pip install attribution` installs an unrelated changelog tool from PyPI."""
    installs = re.findall(r"pip install ([^\s`]+)", README)
    assert installs, "the README shows how to install"
    for target in installs:
        name = target.strip("'\"").split("[")[0].split("==")[0]
        assert name in (".", "-e", "quote-attribution"), target


def test_every_pin_names_the_version_being_released() -> None:
    assert f"## {VERSION}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"rev: v{VERSION}" in README
    assert f"pip install quote-attribution=={VERSION}" in README


def test_the_licence_is_mit_and_ships() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_github_workflow_runs_ci_on_every_push() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    # YAML reads the key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert "push" in triggers
    steps = workflow["jobs"]["test"]["steps"]
    assert {"run": ".ci/run"} in steps


def test_the_hook_manifest_runs_the_check_command() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "attribution-check"
    assert hook["entry"] == "attribution check" and hook["language"] == "python"
