"""Errors the library raises for conditions a user can fix; the CLI prints them as one line.

Anything else that escapes the library is a bug and keeps its traceback.
"""

from __future__ import annotations


class AttributionError(Exception):
    """Base class for every error attribution reports to its user."""


class UnreadableInput(AttributionError):
    """An article or source could not be read or decoded."""


class InputTooLarge(UnreadableInput):
    """An input is larger than the tool accepts."""


class BadOption(AttributionError):
    """An option or configuration value is not one the tool understands."""


def cannot_read(source: str, reason: str) -> UnreadableInput:
    """The one wording for every unreadable input: `cannot read 'b.txt': file not found`."""
    return UnreadableInput(f"cannot read {source!r}: {reason}")


def unknown_choice(what: str, value: str, choices: list[str] | tuple[str, ...]) -> BadOption:
    """The one wording for a value outside a fixed set: `unknown format 'html'; use ...`."""
    listed = ", ".join(choices[:-1]) + f" or {choices[-1]}" if len(choices) > 1 else choices[0]
    return BadOption(f"unknown {what} {value!r}; use {listed}")


class UnwritableOutput(AttributionError):
    """An output file or folder could not be written."""
