"""Configuration for `check`: `[tool.attribution]` in pyproject.toml, or an attribution.toml.

Kept apart from the CLI so a newsroom's settings (when to fail, its house spelling, the
sources every draft of a folder is checked against) are read and validated in one place,
with errors that name the file and the key. Reads configuration files only; articles and
sources are read by `inputs.py`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attribution.errors import BadOption
from attribution.model import Severity

CONFIG_FILE = "attribution.toml"
PYPROJECT = "pyproject.toml"
# Each key, and what it takes.
FAIL_ON_CHOICES = ("info", "minor", "major", "critical")
HOUSE_SPELLINGS = ("us", "uk")
KEYS = ("fail-on", "house-spelling", "sources")
# Configuration files are a few lines; a larger one is not a configuration file.
MAX_CONFIG_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Config:
    """Settings for `check`; None (or empty) where the file does not set them.

    `sources` are source arguments (`PATH`, `KIND:PATH`, `KIND=NAME:PATH`) with each path
    made relative to the working folder, so a file's paths are relative to the file.
    """

    path: str | None = None
    fail_on: Severity | None = None
    house_spelling: str | None = None
    sources: tuple[str, ...] = ()


def find_config(start: Path) -> Path | None:
    """The configuration file that applies in a folder.

    Looks in `start`, then each folder above it, for an attribution.toml or a pyproject.toml
    with a `[tool.attribution]` table; the first one found applies. The search stops at the
    root of the repository `start` is in (a folder holding `.git`), so settings outside the
    repository never apply to it.

    Args:
        start: the working folder.

    Returns:
        The file, or None when there is none.

    Raises:
        BadOption: a pyproject.toml on the way cannot be read as TOML.
    """
    for folder in [start, *start.parents]:
        own = folder / CONFIG_FILE
        if _is_file(own):
            return own
        pyproject = folder / PYPROJECT
        if _is_file(pyproject) and "attribution" in _read_toml(pyproject).get("tool", {}):
            return pyproject
        if _exists(folder / ".git"):
            return None
    return None


def _is_file(path: Path) -> bool:
    """Whether a file is there; a folder that cannot be looked into holds none."""
    try:
        return path.is_file()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def load_config(path: Path, *, cwd: Path) -> Config:
    """Read and check the settings in a configuration file.

    Args:
        path: an attribution.toml (settings at the top level) or a pyproject.toml (settings
            in `[tool.attribution]`).
        cwd: the working folder, which the file's source paths are made relative to.

    Returns:
        The settings.

    Raises:
        BadOption: the file cannot be read, is not TOML, or has an unknown key or a bad
            value; the message names the file and the key.
    """
    data = _read_toml(path)
    where = _relpath(path, cwd)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get("attribution", {})
        where = f"{where}: [tool.attribution]"
    else:
        table = data
    return parse_config(table, where, base=path.parent, cwd=cwd, path=_relpath(path, cwd))


def parse_config(
    table: Mapping[str, Any], where: str, *, base: Path, cwd: Path, path: str | None = None
) -> Config:
    """Settings from a parsed TOML table.

    Args:
        table: the settings table.
        where: how errors name the file (and table).
        base: the folder the table's source paths are relative to.
        cwd: the working folder.
        path: the file, as the config's `path`.

    Raises:
        BadOption: an unknown key or a bad value.
    """
    if not isinstance(table, Mapping):
        raise BadOption(f"{where}: must be a table of settings")
    for key in table:
        if key not in KEYS:
            hint = f" (did you mean {key.replace('_', '-')!r}?)" if "_" in key else ""
            raise BadOption(f"{where}: unknown key {key!r}{hint}; use {', '.join(KEYS)}")
    fail_on = _choice(table, "fail-on", FAIL_ON_CHOICES, where)
    house = _choice(table, "house-spelling", HOUSE_SPELLINGS, where)
    sources = table.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
        raise BadOption(f'{where}: sources must be a list of paths, such as ["transcript.txt"]')
    return Config(
        path=path,
        fail_on=Severity(fail_on) if fail_on else None,
        house_spelling=house,
        sources=tuple(_relative_source(s, base, cwd) for s in sources),
    )


def _choice(table: Mapping[str, Any], key: str, choices: tuple[str, ...], where: str) -> str | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value.lower() not in choices:
        listed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
        raise BadOption(f"{where}: {key} must be {listed}, not {value!r}")
    return value.lower()


def _relative_source(spec: str, base: Path, cwd: Path) -> str:
    """A source argument with its path made relative to the working folder."""
    from attribution.sources import parse_source_spec

    parsed = parse_source_spec(spec)
    if parsed.path == "-" or Path(parsed.path).is_absolute():
        return spec
    resolved = Path(_relpath(base / parsed.path, cwd))
    prefix = spec[: len(spec) - len(parsed.path)]
    return prefix + resolved.as_posix()


def _relpath(path: Path, cwd: Path) -> str:
    import os

    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows: keep it absolute
        return str(path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BadOption(f"{path}: cannot read: {err.strerror or err}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise BadOption(
            f"{path}: larger than {MAX_CONFIG_BYTES // 1024} KB; not a configuration file"
        )
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BadOption(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as err:
        raise BadOption(f"{path}: not valid TOML: {err}") from None
