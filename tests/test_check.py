"""`attribution check`: the gate before publication, through the command line as editors use it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attribution import SCHEMA, BadOption, article_from_text
from attribution.cli import app
from attribution.model import CheckStatus
from attribution.pipeline import check

from .conftest import FIXTURES, ROOT

runner = CliRunner()
CASES = FIXTURES / "check"
TAMPERED = CASES / "bridge-plan-tampered"
FAITHFUL = CASES / "bridge-plan-faithful"
SOURCES = ("transcript.txt", "release.txt", "wire.txt")


def invoke(*args: str, input: bytes | str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def _source_args(folder: Path) -> list[str]:
    return [arg for name in SOURCES for arg in ("--source", str(folder / name))]


def _row(markdown: str, words: str) -> str:
    """The table row of the quote that starts with these words."""
    (row,) = [line for line in markdown.splitlines() if line.startswith("|") and words in line]
    return row


# --- the gate -----------------------------------------------------------------------------


def test_a_draft_with_a_fabricated_an_altered_and_a_misattributed_quote_fails_naming_each() -> None:
    result = invoke("check", str(TAMPERED / "draft.md"), *_source_args(TAMPERED))
    assert result.exit_code == 1, result.output
    report = result.stdout
    assert report.startswith("# FAIL: 13 of 16 quotes verified, 1 altered, 1 misattributed, ")
    assert report.splitlines()[0].endswith("1 unsupported in `" + str(TAMPERED / "draft.md") + "`")
    fabricated = _row(report, "We are looking at a gas tax holiday")
    assert "**unsupported** (critical)" in fabricated and "in no source" in fabricated
    altered = _row(report, "six weeks, if the weather holds")
    assert "**altered** (critical)" in altered and "transcript.txt:33`" in altered
    misattributed = _row(report, "We are not going to close a bridge")
    assert "**misattributed** (major)" in misattributed
    assert "| Laura Petersen " in misattributed and "**Dana Okafor**" in misattributed
    details = report.split("## Details", 1)[1]
    # Every quote that changed shows its words, editorial ones too (issue 10).
    assert re.findall(r"^### (draft:q\d+: \w+, \w+)$", details, flags=re.M) == [
        "draft:q5: misattributed, major",
        "draft:q6: verified, info",
        "draft:q8: altered, critical",
        "draft:q12: unsupported, critical",
        "draft:q13: verified, info",
    ]
    assert "> ~~six~~ **Eight** weeks, if the weather holds" in details
    assert "the source credits the words to **Dana Okafor**, not Laura Petersen" in details


def test_a_faithful_draft_of_the_same_sources_passes() -> None:
    result = invoke("check", str(FAITHFUL / "draft.md"), *_source_args(FAITHFUL))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# PASS: 14 of 14 quotes verified in ")
    table = result.stdout.split("## Quotes", 1)[1].split("## Details", 1)[0]
    assert "**" not in table
    # Verified, but an editor's omission and bracket are shown word by word.
    details = result.stdout.split("## Details", 1)[1]
    assert re.findall(r"^### (draft:q\d+): verified, info$", details, flags=re.M) == [
        "draft:q5",
        "draft:q11",
    ]
    assert result.stderr == ""


def test_both_bridge_drafts_are_checked_against_the_same_sources() -> None:
    for name in SOURCES:
        assert (TAMPERED / name).read_bytes() == (FAITHFUL / name).read_bytes(), name


@pytest.mark.parametrize(("fail_on", "code"), [("critical", 0), ("major", 1), ("info", 1)])
def test_fail_on_sets_the_threshold(fail_on: str, code: int, tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(
        "\u201cWe are not going to close a bridge unless an inspector tells us it is unsafe,"
        "\u201d Gov. Laura Petersen said.\n",
        encoding="utf-8",
    )
    result = invoke(
        "check", str(draft), "-s", str(FAITHFUL / "transcript.txt"), "--fail-on", fail_on
    )
    assert result.exit_code == code, result.output
    assert result.stdout.startswith("# PASS" if code == 0 else "# FAIL")


def test_json_follows_report_v1_with_the_draft_as_article_draft() -> None:
    result = invoke(
        "check", str(TAMPERED / "draft.md"), *_source_args(TAMPERED), "--format", "json"
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    # report-v1's keys, then (added within v1) each draft quote's status under "check".
    assert list(data) == ["schema", "articles", "matches", "unmatched", "summary", "check"]
    assert data["schema"] == SCHEMA
    assert [a["id"] for a in data["articles"]] == ["draft", "s1", "s2", "s3"]
    turn = data["articles"][1]["quotes"][0]
    assert list(turn) == [
        "id",
        "text",
        "start",
        "end",
        "speaker",
        "speaker_mention",
        "cue",
        "kind",
        "spans",
        "statement",
        "within",
    ]
    assert (turn["speaker"], turn["speaker_mention"], turn["cue"]) == (
        "Laura Petersen",
        "GOV. LAURA PETERSEN",
        None,
    )
    (unsupported,) = data["unmatched"]
    assert unsupported == {
        "quote": "draft:q12",
        "article": "draft",
        "text": "We are looking at a gas tax holiday for the summer, when families drive the most,",
        "verdict": "unsupported",
        "severity": "critical",
        "found_unquoted": False,
    }
    wrong = [m for m in data["matches"] if m["speakers"]["same"] is False]
    assert [(m["a"], m["b"], m["speakers"]["b"], m["severity"]) for m in wrong] == [
        ("draft:q5", "s1:q2", "Dana Okafor", "major")
    ]
    assert all(set(m) >= {"a_text", "b_text", "changes"} for m in data["matches"])
    assert data["summary"]["worst"] == "critical"


def test_the_draft_can_come_from_standard_input() -> None:
    text = (FAITHFUL / "draft.md").read_bytes()
    result = invoke("check", "-", *_source_args(FAITHFUL), input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# PASS: 14 of 14 quotes verified in `-`")


def test_several_drafts_get_a_report_each_and_the_worst_sets_the_exit_code(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = invoke(
        "check",
        str(FAITHFUL / "draft.md"),
        str(TAMPERED / "draft.md"),
        *_source_args(FAITHFUL),
        "--output",
        str(out),
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    headings = re.findall(r"^# (PASS|FAIL):", out.read_text(encoding="utf-8"), flags=re.M)
    assert headings == ["PASS", "FAIL"]


def test_a_statement_without_an_issuer_is_warned_about_on_stderr(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("\u201cWe recognise the pressure,\u201d the board said.\n", encoding="utf-8")
    statement = CASES / "hospital-interview-uk" / "statement.txt"
    result = invoke(
        "check", str(draft), "--config", str(tmp_path / "none.toml"), "-s", str(statement)
    )
    assert result.exit_code == 2  # the config file given does not exist
    result = invoke("check", str(draft), "-s", str(statement))
    assert "warning:" in result.stderr and "no issuer named in the statement" in result.stderr
    named = invoke("check", str(draft), "-s", f"statement=Lothbury Health Board:{statement}")
    assert named.exit_code == 0 and named.stderr == ""


# --- configuration ------------------------------------------------------------------------


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of drafts with its sources and settings, as the working folder."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources").mkdir()
    for name in SOURCES:
        (tmp_path / "sources" / name).write_bytes((TAMPERED / name).read_bytes())
    (tmp_path / "draft.md").write_bytes((TAMPERED / "draft.md").read_bytes())
    (tmp_path / "attribution.toml").write_text(
        'fail-on = "critical"\n'
        'sources = ["transcript:sources/transcript.txt", "sources/release.txt", '
        '"article:sources/wire.txt"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_sources_and_threshold_come_from_the_configuration(newsroom: Path) -> None:
    result = invoke("check", "draft.md")
    assert result.exit_code == 1  # fabricated and altered quotes are critical
    assert "| s1       | `sources/transcript.txt` | transcript |" in result.stdout
    assert "on a finding at or above **critical**" in result.stdout


def test_command_line_options_win_over_the_configuration(newsroom: Path) -> None:
    (newsroom / "ok.md").write_text(
        "\u201cWe are not going to close a bridge unless an inspector tells us it is unsafe,"
        "\u201d Gov. Laura Petersen said.\n",
        encoding="utf-8",
    )
    assert invoke("check", "ok.md").exit_code == 0  # misattributed is major < critical
    assert invoke("check", "ok.md", "--fail-on", "major").exit_code == 1
    # --source replaces the configured sources: the release alone does not hold the quote.
    only_release = invoke("check", "ok.md", "-s", "sources/release.txt")
    assert "**unsupported**" in only_release.stdout and only_release.exit_code == 1


def test_the_configuration_is_found_from_a_subfolder(
    newsroom: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (newsroom / "desk").mkdir()
    monkeypatch.chdir(newsroom / "desk")
    result = invoke("check", "../draft.md")
    assert "`../sources/transcript.txt`" in result.stdout


def test_a_bad_configuration_is_one_line_naming_file_and_key(newsroom: Path) -> None:
    (newsroom / "attribution.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    result = invoke("check", "draft.md", "-s", "sources/wire.txt")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: attribution.toml: fail-on must be info, minor, major or critical, not 'sometimes'"
    ]


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", str(FAITHFUL / "draft.md")), "check needs at least one source"),
        (("check", str(FAITHFUL / "draft.md"), "-s", "pdf:x.pdf"), "unknown source kind 'pdf'"),
        (
            ("check", str(FAITHFUL / "draft.md"), "-s", "missing.txt"),
            "Error: cannot read 'missing.txt': file not found",
        ),
        (("check", "-", "-s", "transcript:-"), "standard input (-) can be read only once"),
        (
            ("check", "a.md", "b.md", "-s", "x.txt", "--format", "json"),
            "--format json reports on one draft at a time; got 2 drafts",
        ),
        (
            ("check", "d.md", "-s", "x", "--house-spelling", "ca"),
            "unknown house spelling 'ca'; use us or uk",
        ),
        (("check",), "missing argument"),
    ],
)
def test_bad_usage_is_one_line_on_stderr_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and message in lines[0]


def test_help_explains_sources_and_ends_with_an_example() -> None:
    result = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "240"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Example: attribution check draft.md --source transcript.txt" in text
    for words in (
        "transcript:",
        "statement:",
        "statement=NAME:PATH",
        "[tool.attribution]",
        "and [bracketed] insertions",
    ):
        assert words in text, words


# --- library ------------------------------------------------------------------------------


def test_the_library_checks_text_in_memory() -> None:
    from attribution.sources import parse_source

    source = parse_source(
        "s1", "t.txt", "RUIZ: The bridge will reopen in May.\n\nQ: Sure?\n\nRUIZ: Yes.\n"
    )
    report = check(
        article_from_text("\u201cThe bridge will reopen in June,\u201d Ruiz said.", source="d.md"),
        source,
    )
    assert report.command == "check" and report.articles[0].id == "draft"
    assert report.check is not None
    (outcome,) = report.check.quotes
    assert outcome.status is CheckStatus.ALTERED and not report.check.passed


def test_the_library_needs_a_source() -> None:
    with pytest.raises(BadOption, match="at least one source"):
        check(article_from_text("\u201cYes,\u201d she said."))


def test_pre_commit_hook_runs_the_check_command() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: attribution-check\n" in hooks
    assert "  entry: attribution check\n" in hooks
    assert "  language: python\n" in hooks
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "id: attribution-check" in readme


def test_the_readme_s_report_excerpt_is_what_the_tool_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Checking a draft before publication", 1)[1]
    excerpt = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    golden = (TAMPERED / "report.md").read_text(encoding="utf-8").splitlines()
    lines = [line for line in excerpt.splitlines() if line]
    assert len(lines) >= 5
    for line in lines:
        assert line in golden, line


@pytest.mark.parametrize("case", [TAMPERED, FAITHFUL], ids=lambda c: c.name)
def test_each_found_quote_says_where_the_source_s_words_stand(case: Path) -> None:
    """The source's words a quote was found as are the source's text at the outcome's spans,
    joined as `b_text` joins them (a transcript's stage directions left out)."""
    report = check(str(case / "draft.md"), *(str(case / name) for name in SOURCES))
    assert report.check is not None
    found = [o for o in report.check.quotes if o.match is not None]
    assert found
    for outcome in found:
        assert outcome.match is not None
        source = report.article(outcome.match.b.partition(":")[0])
        words = " ".join(source.text[s:e] for s, e in outcome.spans)
        assert words == outcome.match.b_text, outcome.quote
        assert all(not source.text[s].isspace() for s, _ in outcome.spans)
