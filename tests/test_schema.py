"""The JSON contract: attribution/schema/report-v1.json ships with the package, is a valid
JSON Schema (draft 2020-12), names every key the tool writes, and every report the tool
writes (golden or generated) validates against it."""

from __future__ import annotations

import copy
import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from attribution import article_from_text, compare, extract, render_json
from attribution.cli import app
from attribution.model import (
    ChangeCategory,
    CheckStatus,
    QuoteKind,
    Severity,
    SourceKind,
    Verdict,
)

from .conftest import FIXTURES, ROOT, UK_SEED, US_SEED

SCHEMA: dict[str, Any] = json.loads(
    resources.files("attribution").joinpath("schema/report-v1.json").read_text(encoding="utf-8")
)
GOLDEN = sorted(
    [
        ROOT / "seeds" / "REPORT.json",
        *FIXTURES.glob("reports/*/report.json"),
        *FIXTURES.glob("check/*/report.json"),
    ]
)


def _closed(schema: Any) -> Any:
    """The schema with every object closed (no key it does not name): the published schema
    stays open so consumers accept fields added later within report-v1, but the tool's own
    output must not carry a key the schema does not document."""
    if isinstance(schema, dict):
        out = {k: _closed(v) for k, v in schema.items()}
        if "properties" in out and "additionalProperties" not in out and "allOf" not in out:
            out["additionalProperties"] = False
        return out
    if isinstance(schema, list):
        return [_closed(v) for v in schema]
    return schema


OPEN = Draft202012Validator(SCHEMA)
CLOSED = Draft202012Validator(_closed(copy.deepcopy(SCHEMA)))


def _valid(data: Any) -> None:
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in CLOSED.iter_errors(data)
    ]
    assert not errors, "\n".join(errors[:10])
    OPEN.validate(data)


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["schema"]["const"] == "attribution/report-v1"


def test_the_schema_s_words_are_the_model_s_words() -> None:
    """One definition per concept: every enum of the schema is the model's enum."""
    defs = SCHEMA["$defs"]
    assert defs["severity"]["enum"] == [s.value for s in Severity]
    assert defs["verdict"]["enum"] == [v.value for v in Verdict]
    assert defs["change"]["properties"]["category"]["enum"] == [c.value for c in ChangeCategory]
    assert defs["quote"]["properties"]["kind"]["enum"] == [k.value for k in QuoteKind]
    check = defs["check"]["properties"]
    status = check["quotes"]["items"]["properties"]["status"]["enum"]
    assert status == [s.value for s in CheckStatus]
    assert check["sources"]["items"]["properties"]["kind"]["enum"] == [k.value for k in SourceKind]


@pytest.mark.parametrize("path", GOLDEN, ids=[str(p.relative_to(ROOT)) for p in GOLDEN])
def test_every_golden_report_validates(path: Path) -> None:
    _valid(json.loads(path.read_text(encoding="utf-8")))


def test_a_schema_violation_is_caught() -> None:
    """The validation can fail: a wrong verdict, a missing key, an unknown key."""
    data = json.loads((ROOT / "seeds" / "REPORT.json").read_text(encoding="utf-8"))
    data["matches"][0]["verdict"] = "fine"
    assert not OPEN.is_valid(data)
    data = json.loads((ROOT / "seeds" / "REPORT.json").read_text(encoding="utf-8"))
    del data["articles"][0]["quotes"][0]["speaker"]
    assert not OPEN.is_valid(data)
    data = json.loads((ROOT / "seeds" / "REPORT.json").read_text(encoding="utf-8"))
    data["articles"][0]["quotes"][0]["colour"] = "red"
    assert OPEN.is_valid(data) and not CLOSED.is_valid(data)


@pytest.mark.parametrize(
    "args",
    [
        ["compare", str(US_SEED), str(UK_SEED), "--include-text"],
        ["extract", str(US_SEED), str(UK_SEED), "--include-text"],
        ["extract", str(US_SEED)],
    ],
    ids=["compare-with-text", "extract-with-text", "extract"],
)
def test_what_the_cli_writes_validates(args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    _valid(json.loads(result.stdout))


CHECK_CASES = sorted(
    p
    for p in (FIXTURES / "check").iterdir()
    if "json" in json.loads((p / "args.json").read_text()).get("formats", ["json"])
)


@pytest.mark.parametrize("case", CHECK_CASES, ids=[c.name for c in CHECK_CASES])
def test_check_json_gives_every_draft_quote_a_status_and_a_place(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, ["check", *args["args"], "-f", "json", "--include-text"])
    data = json.loads(result.stdout)
    _valid(data)
    draft = data["articles"][0]
    check = data["check"]
    assert [q["quote"] for q in check["quotes"]] == [q["id"] for q in draft["quotes"]]
    assert check["passed"] is (result.exit_code == 0)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for entry in check["quotes"]:
        quote = next(q for q in draft["quotes"] if q["id"] == entry["quote"])
        line = draft["text"].count("\n", 0, quote["start"]) + 1
        assert entry["location"] == {"article": "draft", "source": draft["source"], "line": line}
        found = entry["found_at"]
        if entry["status"] in ("unsupported", "not_checked"):
            assert found is None
            continue
        assert found is not None and found["quote"].startswith(found["article"] + ":")
        source = next(a for a in data["articles"] if a["id"] == found["article"])
        assert source["source"] == found["source"]
        passage = next(q for q in source["quotes"] if q["id"] == found["quote"])
        first = texts[found["article"]].count("\n", 0, passage["start"]) + 1
        last = texts[found["article"]].count("\n", 0, passage["end"]) + 1
        assert first <= found["line"] <= last


def test_the_tampered_draft_s_statuses_are_the_editor_s() -> None:
    """Read against the sources by hand: Okafor said "Eight weeks", the draft prints "six
    weeks" (altered); the transcript gives "We are not going to close a bridge ..." to Okafor,
    the draft to Petersen (misattributed); the gas tax holiday is in no source."""
    case = FIXTURES / "check" / "bridge-plan-tampered"
    data = json.loads((case / "report.json").read_text(encoding="utf-8"))
    statuses = Counter(q["status"] for q in data["check"]["quotes"])
    assert statuses["altered"] == 1 and statuses["misattributed"] == 1
    assert statuses["unsupported"] == 1 and statuses["verified"] == 13
    assert data["check"]["passed"] is False and data["check"]["fail_on"] == "major"
    by_status = {q["status"]: q for q in data["check"]["quotes"]}
    quotes = {q["id"]: q["text"] for q in data["articles"][0]["quotes"]}
    assert quotes[by_status["altered"]["quote"]].startswith("six weeks")
    assert by_status["altered"]["found_at"]["source"] == "transcript.txt"
    assert quotes[by_status["misattributed"]["quote"]].startswith("We are not going to close")
    assert quotes[by_status["unsupported"]["quote"]].startswith("We are looking at a gas tax")
    assert by_status["unsupported"]["quote"] == data["unmatched"][0]["quote"]


# Words, marks and paragraph breaks, so generated articles hold quotes, speakers and cues.
WORDS = st.sampled_from(
    [
        *["we", "will", "not", "raise", "the", "tax", "mayor", "said", "told", "12", ",", "."],
        "\u201c",
        "\u201d",
        '"',
        "\n\n",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join), st.lists(WORDS, max_size=40).map(" ".join))
def test_generated_reports_validate(a: str, b: str) -> None:
    """Law: whatever articles come in, compare and extract write valid report-v1 JSON."""
    pair = (article_from_text(a, "a"), article_from_text(b, "b"))
    _valid(json.loads(render_json(compare(*pair), include_text=True)))
    _valid(json.loads(render_json(extract(*pair))))
