"""Configuration: where settings are found, what they may say, and errors naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from attribution import BadOption
from attribution.config import Config, find_config, load_config
from attribution.model import Severity


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository of drafts: settings outside it never apply."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    return tmp_path / "repo"


def test_the_nearest_file_with_settings_applies(repo: Path) -> None:
    _write(repo / "attribution.toml", 'fail-on = "critical"\n')
    _write(repo / "desk" / "pyproject.toml", "[project]\nname = 'x'\n")
    _write(repo / "desk" / "metro" / "pyproject.toml", '[tool.attribution]\nfail-on = "minor"\n')
    assert find_config(repo / "desk" / "metro") == repo / "desk" / "metro" / "pyproject.toml"
    # A pyproject.toml without [tool.attribution] is passed over.
    assert find_config(repo / "desk") == repo / "attribution.toml"
    (repo / "desk" / "metro" / "drafts").mkdir()
    assert find_config(repo / "desk" / "metro" / "drafts") == (
        repo / "desk" / "metro" / "pyproject.toml"
    )


def test_attribution_toml_wins_over_pyproject_in_one_folder(repo: Path) -> None:
    _write(repo / "pyproject.toml", '[tool.attribution]\nfail-on = "minor"\n')
    _write(repo / "attribution.toml", 'fail-on = "info"\n')
    assert find_config(repo) == repo / "attribution.toml"


def test_the_search_stops_at_the_repository_root(repo: Path) -> None:
    _write(repo.parent / "attribution.toml", 'fail-on = "info"\n')
    (repo / "drafts").mkdir()
    assert find_config(repo / "drafts") is None


def test_settings_are_read_and_source_paths_made_relative_to_the_working_folder(
    repo: Path,
) -> None:
    path = _write(
        repo / "desk" / "attribution.toml",
        'fail-on = "Critical"\nhouse-spelling = "uk"\n'
        'sources = ["transcript:sources/presser.txt", "statement=Office of the Mayor:r.txt", '
        '"/abs/wire.txt", "-"]\n',
    )
    config = load_config(path, cwd=repo)
    assert config == Config(
        path="desk/attribution.toml",
        fail_on=Severity.CRITICAL,
        house_spelling="uk",
        sources=(
            "transcript:desk/sources/presser.txt",
            "statement=Office of the Mayor:desk/r.txt",
            "/abs/wire.txt",
            "-",
        ),
    )


def test_pyproject_settings_live_in_tool_attribution(repo: Path) -> None:
    path = _write(repo / "pyproject.toml", '[tool.attribution]\nsources = ["t.txt"]\n')
    assert load_config(path, cwd=repo / "sub").sources == ("../t.txt",)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "attribution.toml",
            'fail_on = "major"\n',
            "attribution.toml: unknown key 'fail_on' (did you mean 'fail-on'?); use fail-on, "
            "house-spelling, sources",
        ),
        (
            "pyproject.toml",
            '[tool.attribution]\nfail-on = "worst"\n',
            "pyproject.toml: [tool.attribution]: fail-on must be info, minor, major or "
            "critical, not 'worst'",
        ),
        (
            "attribution.toml",
            "house-spelling = 1\n",
            "attribution.toml: house-spelling must be us or uk, not 1",
        ),
        (
            "attribution.toml",
            'sources = "t.txt"\n',
            "attribution.toml: sources must be a list of paths",
        ),
        ("attribution.toml", "fail-on = \n", "attribution.toml: not valid TOML: "),
        (
            "pyproject.toml",
            "[tool]\nattribution = 3\n",
            "pyproject.toml: [tool.attribution]: must be a table of settings",
        ),
        ("attribution.toml", 'sources = ["pdf:x"]\n', "unknown source kind 'pdf'"),
    ],
)
def test_a_bad_setting_names_the_file_and_the_key(
    repo: Path, name: str, text: str, message: str
) -> None:
    path = _write(repo / name, text)
    with pytest.raises(BadOption) as err:
        load_config(path, cwd=repo)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_file_that_is_not_utf8_is_refused(repo: Path) -> None:
    path = repo / "attribution.toml"
    path.write_bytes(b"fail-on = '\xff'\n")
    with pytest.raises(BadOption, match=r"attribution\.toml: not UTF-8 text"):
        load_config(path, cwd=repo)
