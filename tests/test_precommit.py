"""The pre-commit hook, run by pre-commit itself on a temporary repository of drafts, in both
forms the README gives: a release tag of this repository, and `repo: local`. Offline: the tag
is made in a local clone, and the hook runs the `attribution` installed beside the suite."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from attribution import __version__

from .conftest import FIXTURES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN))
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None,
    reason="pre-commit (the dev extra) and git are needed",
)


def _readme_configs() -> list[dict[str, object]]:
    section = README.split("**pre-commit.**", 1)[1].split("**CI.**", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)\n```", section, flags=re.S)
    return [yaml.safe_load(b) for b in blocks]


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _drafts_repo(tmp: Path, case: str) -> Path:
    """A newsroom's repository: a draft under drafts/, its sources and attribution.toml."""
    repo = tmp / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    (repo / "sources").mkdir()
    shutil.copy(FIXTURES / "check" / case / "draft.md", repo / "drafts" / "bridge.md")
    for name in ("transcript.txt", "release.txt", "wire.txt"):
        shutil.copy(FIXTURES / "check" / case / name, repo / "sources" / name)
    (repo / "attribution.toml").write_text(
        'sources = ["sources/transcript.txt", "sources/release.txt", "sources/wire.txt"]\n',
        encoding="utf-8",
    )
    (repo / "notes.txt").write_text("Not a draft: outside drafts/, never checked.\n")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    return repo


def _run(repo: Path, config: dict[str, object], tmp: Path) -> subprocess.CompletedProcess[str]:
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    _git(repo, "add", ".pre-commit-config.yaml")
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "PIP_NO_INDEX": "1",  # nothing may be downloaded
    }
    assert PRE_COMMIT is not None
    return subprocess.run(
        [PRE_COMMIT, "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _local_config() -> dict[str, object]:
    (_, local) = _readme_configs()
    assert local["repos"][0]["repo"] == "local"  # type: ignore[index]
    return local


@pytest.mark.parametrize(
    ("case", "passes"), [("bridge-plan-faithful", True), ("bridge-plan-tampered", False)]
)
def test_the_local_hook_of_the_readme_gates_a_commit(
    tmp_path: Path, case: str, passes: bool
) -> None:
    repo = _drafts_repo(tmp_path, case)
    result = _run(repo, _local_config(), tmp_path)
    assert (result.returncode == 0) is passes, result.stdout + result.stderr
    assert "check quotes against their sources" in result.stdout
    if passes:
        assert "Passed" in result.stdout
    else:
        assert "Failed" in result.stdout
        assert "# FAIL: 13 of 16 quotes verified" in result.stdout
        assert "drafts/bridge.md" in result.stdout and "notes.txt" not in result.stdout


def test_the_readme_s_tag_names_this_version() -> None:
    (tag_form, _) = _readme_configs()
    (repo,) = tag_form["repos"]  # type: ignore[index]
    assert repo["rev"] == f"v{__version__}"
    assert [h["id"] for h in repo["hooks"]] == ["attribution-check"]


def test_the_hook_runs_from_a_release_tag(tmp_path: Path) -> None:
    """The README's tag form against a clone of this repository tagged as the README pins
    it: pre-commit fetches the tag and reads .pre-commit-hooks.yaml there. Its `python`
    install would download the dependencies, so here the hook runs the installed command
    (language and entry overridden); everything else comes from the manifest at the tag."""
    (tag_form, _) = _readme_configs()
    (readme_repo,) = tag_form["repos"]  # type: ignore[index]
    clone = tmp_path / "attribution-clone"
    _git(tmp_path, "clone", "-q", str(ROOT), str(clone))
    _git(clone, "tag", "-a", readme_repo["rev"], "-m", "release for the test")
    hooks = [
        {**hook, "language": "system", "entry": f"{BIN / 'attribution'} check"}
        for hook in readme_repo["hooks"]
    ]
    config = {"repos": [{"repo": str(clone), "rev": readme_repo["rev"], "hooks": hooks}]}
    repo = _drafts_repo(tmp_path, "bridge-plan-tampered")
    result = _run(repo, config, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    # The name comes from the manifest at the tag, not from the config.
    assert "check quotes against their sources" in result.stdout
    assert "# FAIL: 13 of 16 quotes verified" in result.stdout
