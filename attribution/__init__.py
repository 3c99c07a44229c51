"""attribution: find every quotation in news articles, who said it, and how it drifted.

Library use mirrors the command line:

    >>> from attribution import compare, render_markdown
    >>> report = compare("a.txt", "b.txt")            # doctest: +SKIP
    >>> print(render_markdown(report))                 # doctest: +SKIP

Reading and extracting are imported with the package; the other public names are loaded on
first use (PEP 562), so a command that only extracts never imports the comparison, the source
checker or the renderers it does not run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Bound here, after `articles` has imported the `attribution.extract` package, so that
# `attribution.extract` is the function, as it always was, and not that subpackage.
from attribution.articles import article_from_text, extract, read_article

if TYPE_CHECKING:
    from attribution.classify import Policy
    from attribution.errors import AttributionError, BadOption, InputTooLarge, UnreadableInput
    from attribution.extract import extract_quotes
    from attribution.model import (
        SCHEMA,
        Article,
        Change,
        ChangeCategory,
        CheckResult,
        CheckStatus,
        Match,
        Quote,
        QuoteCheck,
        QuoteKind,
        Report,
        Severity,
        SourceInfo,
        SourceKind,
        Speakers,
        Unmatched,
        Verdict,
    )
    from attribution.pipeline import check, compare, track
    from attribution.report import render_html, render_json, render_markdown

    __version__: str

# Where each public name is defined: `attribution.X` imports that module on first use.
_HOMES = {
    "Policy": "attribution.classify",
    **dict.fromkeys(
        ("AttributionError", "BadOption", "InputTooLarge", "UnreadableInput"), "attribution.errors"
    ),
    "extract_quotes": "attribution.extract",
    **dict.fromkeys(
        (
            "SCHEMA",
            "Article",
            "Change",
            "ChangeCategory",
            "CheckResult",
            "CheckStatus",
            "Match",
            "Quote",
            "QuoteCheck",
            "QuoteKind",
            "Report",
            "Severity",
            "SourceInfo",
            "SourceKind",
            "Speakers",
            "Unmatched",
            "Verdict",
        ),
        "attribution.model",
    ),
    "check": "attribution.pipeline",
    "compare": "attribution.pipeline",
    "track": "attribution.pipeline",
    **dict.fromkeys(("render_html", "render_json", "render_markdown"), "attribution.report"),
}

__all__ = [
    "SCHEMA",
    "Article",
    "AttributionError",
    "BadOption",
    "Change",
    "ChangeCategory",
    "CheckResult",
    "CheckStatus",
    "InputTooLarge",
    "Match",
    "Policy",
    "Quote",
    "QuoteCheck",
    "QuoteKind",
    "Report",
    "Severity",
    "SourceInfo",
    "SourceKind",
    "Speakers",
    "Unmatched",
    "UnreadableInput",
    "Verdict",
    "__version__",
    "article_from_text",
    "check",
    "compare",
    "extract",
    "extract_quotes",
    "read_article",
    "render_html",
    "render_json",
    "render_markdown",
    "track",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    if name == "__version__":
        value: Any = _version()
    elif name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'attribution' has no attribute {name!r}")
    globals()[name] = value  # later lookups find it without coming here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def _version() -> str:
    # Read from the installed distribution's metadata only when asked (`--version`):
    # importlib.metadata costs tens of milliseconds at every start otherwise.
    from importlib.metadata import PackageNotFoundError, version

    try:
        # The distribution's name on PyPI, not the import package's (see pyproject.toml).
        return version("quote-attribution")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+unknown"
