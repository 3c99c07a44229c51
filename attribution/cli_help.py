"""Usage and help text for the command line, laid out by the tool itself.

Kept apart from `cli.py` so the words a user reads do not change with the version of typer
(or its vendored click and rich) installed: typer's own help shows types (`<list[str]>`), cuts
option names at 80 columns and changes layout between releases. This reads only public
attributes every click parameter has (`opts`, `secondary_opts`, `metavar`, `help`).
"""

from __future__ import annotations

import inspect
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Help is wrapped to the terminal, but never wider than this: long lines read badly.
MAX_WIDTH = 80
# Narrower than this, the two-column layout stops paying; wrap as if this wide.
MIN_WIDTH = 40
# An option name longer than this goes on a line of its own, its help on the next lines.
NAME_COLUMN = 26
# What a command's help lists under "Example:" starts with this word in the docstring.
EXAMPLE_HEADING = "Example:"


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of a help section: a name (`-f, --format markdown|json`) and its help."""

    name: str
    help: str


@dataclass(frozen=True, slots=True)
class CommandText:
    """A command's docstring split into its description paragraphs and its example lines."""

    summary: str
    paragraphs: tuple[str, ...]
    example: tuple[str, ...]


def width() -> int:
    """Columns to wrap help to: the terminal's (or COLUMNS), at most `MAX_WIDTH`."""
    columns = shutil.get_terminal_size((MAX_WIDTH, 24)).columns
    return max(MIN_WIDTH, min(columns, MAX_WIDTH))


def parse_doc(doc: str | None) -> CommandText:
    """A docstring as summary, further paragraphs, and the example lines after `Example:`."""
    text = inspect.cleandoc(doc or "")
    body, _, example = text.partition(EXAMPLE_HEADING)
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
    lines = textwrap.dedent(example.strip("\n")).splitlines()
    example_lines = tuple(line.rstrip() for line in lines if line.strip())
    summary = paragraphs[0] if paragraphs else ""
    return CommandText(summary, tuple(paragraphs[1:]), example_lines)


def option_entry(opts: Sequence[str], secondary: Sequence[str], metavar: str | None) -> str:
    """`-f, --format markdown|json`, or `--count-spelling / --ignore-spelling` for a switch."""
    short = [o for o in opts if not o.startswith("--")]
    long = [o for o in opts if o.startswith("--")]
    name = ", ".join([*short, *long])
    if secondary:
        name += " / " + ", ".join(secondary)
    return f"{name} {metavar}" if metavar else name


def render(
    usage: str,
    text: CommandText,
    sections: Iterable[tuple[str, Sequence[Entry]]],
    *,
    footer: str = "",
) -> str:
    """A whole help page: usage, description, each non-empty section, example, footer."""
    cols = width()
    out = [f"Usage: {usage}", ""]
    for paragraph in (text.summary, *text.paragraphs):
        if paragraph:
            out += [textwrap.fill(paragraph, cols, break_on_hyphens=False), ""]
    for heading, entries in sections:
        if entries:
            out += [f"{heading}:", *_two_columns(entries, cols), ""]
    if text.example:
        out += [f"{EXAMPLE_HEADING}", *(f"  {line}" for line in text.example), ""]
    if footer:
        out += [textwrap.fill(footer, cols, break_on_hyphens=False), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _two_columns(entries: Sequence[Entry], cols: int) -> list[str]:
    """Names on the left, help wrapped on the right; a long name gets a line of its own."""
    fitting = [len(e.name) for e in entries if len(e.name) <= NAME_COLUMN]
    column = max(fitting, default=NAME_COLUMN) + 4
    lines: list[str] = []
    for entry in entries:
        wrapped = textwrap.wrap(
            entry.help, max(cols - column, 20), break_on_hyphens=False, break_long_words=False
        ) or [""]
        if len(entry.name) + 2 <= column - 2:
            lines.append(f"  {entry.name:<{column - 2}}{wrapped[0]}".rstrip())
            rest = wrapped[1:]
        else:
            lines.append(f"  {entry.name}")
            rest = wrapped
        lines += [" " * column + line for line in rest]
    return lines
