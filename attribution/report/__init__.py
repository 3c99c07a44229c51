"""Rendering: a report as markdown (terminal, GitHub) or an HTML page for people, JSON for programs.

Kept apart so the pipeline never formats and the renderers never decide. One module per
format; `common` holds what every format shares (cutting text, counting, locating a line).
"""

from attribution.report.common import shorten
from attribution.report.gfm import md_escape, render_difference, table
from attribution.report.html import render_html
from attribution.report.json import render_json
from attribution.report.markdown import render_markdown, render_markdown_all

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
