"""Rendering: a report as markdown (terminal, GitHub) or an HTML page for people, JSON for programs.

Kept apart so the pipeline never formats and the renderers never decide. One module per
format; `common` holds what every format shares (cutting text, counting, locating a line).
The names below are loaded on first use (PEP 562): a run that writes markdown never imports
the HTML page's machinery.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from attribution.report.common import shorten
    from attribution.report.gfm import md_escape, render_difference, table
    from attribution.report.html import render_html
    from attribution.report.json import render_json
    from attribution.report.markdown import render_markdown, render_markdown_all

# Where each public name is defined.
_HOMES = {
    "shorten": "attribution.report.common",
    "md_escape": "attribution.report.gfm",
    "render_difference": "attribution.report.gfm",
    "table": "attribution.report.gfm",
    "render_html": "attribution.report.html",
    "render_json": "attribution.report.json",
    "render_markdown": "attribution.report.markdown",
    "render_markdown_all": "attribution.report.markdown",
}

__all__ = [
    "md_escape",
    "render_difference",
    "render_html",
    "render_json",
    "render_markdown",
    "render_markdown_all",
    "shorten",
    "table",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module 'attribution.report' has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
