"""The JSON writer is `json.dumps` of `to_json_dict`, byte for byte, only faster."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import Report, article_from_text, check, compare, extract
from attribution.model import to_json_dict
from attribution.report.common import encodable
from attribution.report.json import _Writer, check_json, render_json

from .conftest import FIXTURES, UK_SEED, US_SEED


def _by_the_standard_library(report: Report, *, include_text: bool = False) -> str:
    """The obviously right version: the dictionaries, then the standard library's encoder."""
    data: dict[str, Any] = to_json_dict(report)
    if include_text:
        for article, entry in zip(report.articles, data["articles"], strict=True):
            entry["text"] = article.text
    if report.check is not None:
        data["check"] = check_json(report, report.check)
    return encodable(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _reports() -> list[Report]:
    drafts = FIXTURES / "check" / "two-drafts"
    return [
        compare(str(US_SEED), str(UK_SEED)),
        extract(str(US_SEED), str(FIXTURES / "reports" / "city-budget-reprint" / "a.txt")),
        check(
            str(drafts / "draft-v2.md"),
            *(str(drafts / n) for n in ("transcript.txt", "release.txt", "wire.txt")),
        ),
        extract(article_from_text("")),
    ]


@pytest.mark.parametrize("include_text", [False, True])
def test_every_kind_of_report_is_written_as_the_standard_library_writes_it(
    include_text: bool,
) -> None:
    for report in _reports():
        expected = _by_the_standard_library(report, include_text=include_text)
        assert render_json(report, include_text=include_text) == expected


# Characters JSON must escape, characters it must not, and a lone surrogate (a file name
# that is not UTF-8) that the report turns into U+FFFD.
AWKWARD = st.text(
    alphabet=st.sampled_from(
        list('ab "\\/\n\t\x00\x1f\x7f\u2028\u00e9\u201c\u201d\ud800\U0001f600')
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(AWKWARD, AWKWARD)
def test_awkward_text_is_escaped_as_the_standard_library_escapes_it(a: str, b: str) -> None:
    """Law: whatever an article holds, the writer and `json.dumps` agree."""
    text = f"\u201c{a} end,\u201d the mayor said. {b}"
    report = compare(article_from_text(text, "a", source=a), article_from_text(text[::-1], "b"))
    assert render_json(report, include_text=True) == _by_the_standard_library(
        report, include_text=True
    )


@pytest.mark.parametrize("number", [0.0, -0.0, 1e-7, 0.1, 1e22, math.inf, -math.inf, math.nan])
def test_values_of_every_type_are_written_as_the_standard_library_writes_them(
    number: float,
) -> None:
    data = {"n": number, "i": -3, "t": True, "f": False, "z": None, "e": [], "o": {}, 7: ["x"]}
    out: list[str] = []
    _Writer(out, article_text=False).value(data, "")
    assert "".join(out) == json.dumps(data, ensure_ascii=False, indent=2)


def test_a_value_json_cannot_hold_is_refused_as_the_standard_library_refuses_it() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        _Writer([], article_text=False).value({1, 2}, "")
