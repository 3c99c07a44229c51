"""attribution: find every quotation in news articles, who said it, and how it drifted.

Library use mirrors the command line:

    >>> from attribution import compare, render_markdown
    >>> report = compare("a.txt", "b.txt")            # doctest: +SKIP
    >>> print(render_markdown(report))                 # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    # The distribution's name on PyPI, not the import package's (see pyproject.toml).
    __version__ = version("quote-attribution")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

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
from attribution.pipeline import article_from_text, check, compare, extract, read_article
from attribution.report import render_html, render_json, render_markdown

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
]
