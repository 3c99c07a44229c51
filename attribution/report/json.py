"""The report as `attribution/report-v1` JSON, for programs (CMS hooks, CI, scripts).

Kept apart from the markdown so the JSON follows the model's fields (and, for `check`, each
draft quote's status) and nothing chosen for people's reading order.
"""

from __future__ import annotations

import bisect
import enum
import math
import re
from collections.abc import Callable, Mapping
from json.encoder import encode_basestring
from typing import Any

from attribution.model import (
    Article,
    CheckResult,
    CheckStatus,
    QuoteCheck,
    Report,
    json_fields,
    to_json_dict,
)
from attribution.report.common import encodable, not_checked_reason

_LINE_BREAK_RE = re.compile("\n")
# A string as JSON with `ensure_ascii=False` (the standard library's C function where built).
_string: Callable[[str], str] = encode_basestring


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
    out: list[str] = []
    writer = _Writer(out, article_text=include_text)
    extra = [("check", check_json(report, report.check))] if report.check is not None else []
    writer.dataclass(report, "", extra)
    out.append("\n")
    return encodable("".join(out))


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


class _Writer:
    """Writes a model value as `json.dumps(to_json_dict(value), ensure_ascii=False, indent=2)`
    does, without building the dictionaries first or going through the standard library's
    pure-Python encoder (which `indent` falls back to): ten times faster on a report of
    20,000 quotes. Strings are escaped by the standard library's C function; the rules for
    what each value becomes are `model.to_json_dict`'s (tests/test_report_json.py holds the
    two to each other).

    Not a dataclass: it appends to the caller's list of pieces.
    """

    def __init__(self, out: list[str], *, article_text: bool) -> None:
        self.out = out
        self.article_text = article_text

    def value(self, value: Any, indent: str) -> None:
        kind = type(value)
        if kind is str:
            self.out.append(_string(value))
        elif json_fields(kind) is not None:
            extra = [("text", value.text)] if self.article_text and kind is Article else []
            self.dataclass(value, indent, extra)
        elif value is None:
            self.out.append("null")
        elif value is True:
            self.out.append("true")
        elif value is False:
            self.out.append("false")
        elif kind is int:
            self.out.append(int.__repr__(value))
        elif kind is float:
            self.out.append(_float(value))
        elif isinstance(value, enum.Enum):
            self.value(value.value, indent)
        elif isinstance(value, Mapping):
            self.members([(str(k), v) for k, v in value.items()], indent)
        elif isinstance(value, (tuple, list)):
            self.items(value, indent)
        else:
            raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")

    def dataclass(self, value: Any, indent: str, extra: list[tuple[str, Any]]) -> None:
        names = json_fields(type(value)) or ()
        self.members([*((name, getattr(value, name)) for name in names), *extra], indent)

    def members(self, members: list[tuple[str, Any]], indent: str) -> None:
        if not members:
            self.out.append("{}")
            return
        inner = indent + "  "
        self.out.append("{\n" + inner)
        for n, (key, value) in enumerate(members):
            if n:
                self.out.append(",\n" + inner)
            self.out.append(_string(key) + ": ")
            self.value(value, inner)
        self.out.append("\n" + indent + "}")

    def items(self, values: tuple[Any, ...] | list[Any], indent: str) -> None:
        if not values:
            self.out.append("[]")
            return
        inner = indent + "  "
        self.out.append("[\n" + inner)
        for n, value in enumerate(values):
            if n:
                self.out.append(",\n" + inner)
            self.value(value, inner)
        self.out.append("\n" + indent + "]")


def _float(value: float) -> str:
    """A float as `json.dumps` writes it (NaN and the infinities as JavaScript names)."""
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
