"""The report as `attribution/report-v1` JSON, for programs (CMS hooks, CI, scripts).

Kept apart from the markdown so the JSON follows the model's fields (and, for `check`, each
draft quote's status) and nothing chosen for people's reading order.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from attribution.model import CheckResult, CheckStatus, QuoteCheck, Report, to_json_dict
from attribution.report.common import encodable, not_checked_reason

_LINE_BREAK_RE = re.compile("\n")


def render_json(report: Report, *, include_text: bool = False) -> str:
    """The report as `attribution/report-v1` JSON: UTF-8 text, 2-space indent, final newline.

    Args:
        report: the result of `compare`, `check` or `extract`.
        include_text: also give each article its `text` as the tool read it (after decoding,
            and for a web page after finding the article), which every `start`/`end` offset
            indexes; off by default because it repeats whole articles.

    Returns:
        The JSON text, valid against `attribution/schema/report-v1.json`.
    """
    data = to_json_dict(report)
    if include_text:
        for article, entry in zip(report.articles, data["articles"], strict=True):
            entry["text"] = article.text
    if report.check is not None:
        data["check"] = check_json(report, report.check)
    return encodable(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def check_json(report: Report, result: CheckResult) -> dict[str, Any]:
    """The `check` key: whether the draft passed, and each draft quote's status and places.

    Args:
        report: a `check` report.
        result: its `report.check`.

    Returns:
        A JSON-ready dict: `passed`, `fail_on`, `sources`, and `quotes` in the draft's order.
    """
    draft = report.articles[0]
    breaks = [m.start() for m in _LINE_BREAK_RE.finditer(draft.text)]
    by_path = {a.source: a.id for a in report.articles[1:]}
    quotes = {q.id: q for q in draft.quotes}
    entries = []
    for outcome in result.quotes:
        quote = quotes[outcome.quote]
        entries.append(
            {
                "quote": outcome.quote,
                "status": outcome.status.value,
                "severity": outcome.severity.value,
                "reason": not_checked_reason(outcome)
                if outcome.status is CheckStatus.NOT_CHECKED
                else None,
                "location": {
                    "article": draft.id,
                    "source": draft.source,
                    "line": bisect.bisect_left(breaks, quote.start) + 1,
                },
                "found_at": _found_at(outcome, by_path),
                "also_in": [_place(p, by_path) for p in outcome.also_in],
            }
        )
    return {
        "passed": result.passed,
        "fail_on": result.fail_on.value,
        "sources": [to_json_dict(s) for s in result.sources],
        "quotes": entries,
    }


def _found_at(outcome: QuoteCheck, by_path: dict[str, str]) -> dict[str, Any] | None:
    """Where the source's words stand, and the source passage (quote or turn) they are in."""
    if outcome.match is None or outcome.location is None:
        return None
    return {**_place(outcome.location, by_path), "quote": outcome.match.b}


def _place(location: str, by_path: dict[str, str]) -> dict[str, Any]:
    """`path:line` (as the check finds it) as a location object; a path may hold colons."""
    path, _, line = location.rpartition(":")
    return {"article": by_path.get(path, ""), "source": path, "line": int(line)}
