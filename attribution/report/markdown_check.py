"""The editor's report of `check` in markdown: the verdict first, a row per draft quote, then
what to fix.

Kept apart from the drift report because an editor reads it in another order: pass or fail,
then each quote of the draft, not each pair of printings.
"""

from __future__ import annotations

from collections.abc import Mapping

from attribution.extract import countable
from attribution.model import (
    CheckResult,
    CheckStatus,
    Match,
    Quote,
    QuoteCheck,
    Report,
    Severity,
    SourceInfo,
    SourceKind,
    Verdict,
)
from attribution.report.common import (
    STATUS_ORDER,
    SUMMARY_CHANGES,
    TABLE_QUOTE_CHARS,
    VERDICT_NOTES,
    Lines,
    count,
    needs_details,
    not_checked_reason,
    place,
)
from attribution.report.gfm import (
    Anchors,
    changes_table,
    code,
    code_cell,
    credit,
    md_escape,
    quoted_cell,
    render_difference,
    table,
)


def check_markdown(report: Report, result: CheckResult, anchors: Anchors | None = None) -> str:
    """The editor's report: the verdict first, a row per draft quote, then what to fix.

    Args:
        report: a `check` report.
        result: its `report.check`.
        anchors: the ids of the headings printed before this report in the same document
            (another draft's report), so this report's links reach its own headings.
    """
    anchors = anchors if anchors is not None else Anchors()
    header = _check_header(report, result)
    for heading in (header.partition("\n")[0].lstrip("# "), "Quotes", "Details"):
        anchors.add(heading)
    # The pieces of a statement split around its attribution share one finding, detailed
    # once under the first piece's heading; every piece links to it.
    detailed = _detailed_by(result)
    own = {
        o.quote: anchors.add(_check_heading(o))
        for o in result.quotes
        if needs_details(o) and detailed[o.quote] is o
    }
    ids = {o.quote: own[detailed[o.quote].quote] for o in result.quotes if needs_details(o)}
    firsts = {o.quote: detailed[o.quote].quote for o in result.quotes}
    quotes = {q.id: q for article in report.articles for q in article.quotes}
    parts = [
        header,
        _check_table(report, result, quotes, ids, firsts),
        _check_details(report, result, quotes, detailed),
        warnings_section(report),
    ]
    if report.warnings:
        anchors.add("Warnings")
    return "\n".join(p for p in parts if p).rstrip("\n") + "\n"


def warnings_section(report: Report) -> str:
    """What the reader should know that is not a finding, one item each; empty if none."""
    if not report.warnings:
        return ""
    return "## Warnings\n\n" + "\n".join(f"- {md_escape(w)}" for w in report.warnings) + "\n"


def _check_header(report: Report, result: CheckResult) -> str:
    draft = report.articles[0]
    checked = [q for q in result.quotes if q.status is not CheckStatus.NOT_CHECKED]
    counts = [
        f"{result.count(status)} {status.label}"
        for status in STATUS_ORDER
        if result.count(status) and status is not CheckStatus.VERIFIED
    ]
    verified = result.count(CheckStatus.VERIFIED)
    head = f"{verified} of {count(len(checked), 'quote')} verified"
    verdict = "PASS" if result.passed else "FAIL"
    lines = [f"# {verdict}: {', '.join([head, *counts])} in `{code(draft.source)}`", ""]
    lines.append(
        f"Checked against {count(len(result.sources), 'source')}; the check fails on a finding "
        f"at or above **{result.fail_on.value}**. {_check_severity_line(report)}"
    )
    lines.append("")
    rows = []
    for info in result.sources:
        article = report.article(info.article)
        rows.append(
            [info.article, code_cell(article.source), info.kind.value, _credited(report, info)]
        )
    lines.append(table(["source", "file", "kind", "whose words"], rows))
    return "\n".join(lines)


def _check_severity_line(report: Report) -> str:
    counts = report.summary.by_severity
    listed = ", ".join(f"{n} {s}" for s, n in counts.items() if s != Severity.NONE.value)
    if not listed:
        return "No findings."
    return f"Worst finding: **{report.summary.worst.value}** ({listed})."


def _credited(report: Report, info: SourceInfo) -> str:
    """Who a source credits its words to, in a few words."""
    passages = countable(report.article(info.article).quotes)
    speakers = list(dict.fromkeys(q.speaker or "unknown" for q in passages))
    if info.kind is SourceKind.STATEMENT:
        issuer = md_escape(info.speaker) if info.speaker else "*issuer unknown*"
        quoted = [md_escape(s) for s in speakers if s != (info.speaker or "unknown")]
        return f"issued by {issuer}" + (f", quoting {_listed(quoted)}" if quoted else "")
    noun = "turn" if info.kind is SourceKind.TRANSCRIPT else "quote"
    n = len(passages)
    listed = _listed([md_escape(s) for s in speakers])
    return f"{n} {noun}{'' if n == 1 else 's'}" + (f" by {listed}" if listed else "")


def _listed(names: list[str]) -> str:
    """`a, b and c`, with `and N more` past `SUMMARY_CHANGES` names."""
    if len(names) > SUMMARY_CHANGES:
        return ", ".join(names[:SUMMARY_CHANGES]) + f" and {len(names) - SUMMARY_CHANGES} more"
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def _check_table(
    report: Report,
    result: CheckResult,
    quotes: Mapping[str, Quote],
    ids: Mapping[str, str],
    firsts: Mapping[str, str],
) -> str:
    rows = []
    for n, outcome in enumerate(result.quotes, 1):
        quote = quotes[outcome.quote]
        shown = _quote_cell(outcome.quote, firsts[outcome.quote], ids.get(outcome.quote))
        rows.append(
            [
                str(n),
                shown,
                quoted_cell(quote.text, TABLE_QUOTE_CHARS // 2),
                _status_cell(outcome),
                _found_cell(report, outcome),
                _draft_speaker_cell(quote, outcome),
                _source_speaker_cell(outcome),
            ]
        )
    if not rows:
        return "## Quotes\n\nNo quotes found in the draft.\n"
    return "## Quotes\n\n" + table(
        ["#", "quote", "words", "verdict", "found at", "speaker in draft", "speaker in source"],
        rows,
    )


def _status_cell(outcome: QuoteCheck) -> str:
    """`verified (identical)`, `**altered** (critical)`, `**altered** (reworded, major)`."""
    status = outcome.status.label
    if outcome.status is CheckStatus.NOT_CHECKED:
        return f"not checked ({not_checked_reason(outcome)})"
    severity = outcome.severity.value
    if outcome.status is CheckStatus.VERIFIED:
        assert outcome.match is not None
        verdict = outcome.match.verdict.value
        return (
            f"{status} ({verdict})" if severity == "none" else f"{status} ({verdict}, {severity})"
        )
    if outcome.match is not None and outcome.match.verdict is Verdict.REWORDED:
        return f"**{status}** (reworded, {severity})"
    return f"**{status}** ({severity})"


def _found_cell(report: Report, outcome: QuoteCheck) -> str:
    if outcome.match is not None and outcome.location is not None:
        source = outcome.match.b.partition(":")[0]
        also = f" (and {len(outcome.also_in)} more)" if outcome.also_in else ""
        return f"{source} {code_cell(outcome.location)}{also}"
    if outcome.status is CheckStatus.UNSUPPORTED:
        return "in no source"
    return "\u2014"


def _draft_speaker_cell(quote: Quote, outcome: QuoteCheck) -> str:
    if outcome.status is CheckStatus.NOT_CHECKED:
        return "\u2014"
    return md_escape(quote.speaker) if quote.speaker else "*unknown*"


def _source_speaker_cell(outcome: QuoteCheck) -> str:
    if outcome.match is None:
        return "\u2014"
    speaker = outcome.match.speakers.b
    shown = md_escape(speaker) if speaker else "*unknown*"
    return f"**{shown}**" if outcome.match.speakers.same is False else shown


def _check_details(
    report: Report,
    result: CheckResult,
    quotes: Mapping[str, Quote],
    detailed: Mapping[str, QuoteCheck],
) -> str:
    draft = report.articles[0]
    lines = Lines(draft.text)
    sections = [
        _quote_details(report, result, o, quotes, lines)
        for o in result.quotes
        if needs_details(o) and detailed[o.quote] is o
    ]
    if not sections:
        return ""
    return "## Details\n\n" + "\n".join(sections)


def _quote_details(
    report: Report,
    result: CheckResult,
    outcome: QuoteCheck,
    quotes: Mapping[str, Quote],
    draft_lines: Lines,
) -> str:
    quote = quotes[outcome.quote]
    draft = report.articles[0]
    where = f"{draft.source}:{draft_lines.of(quote.start)}"
    lines = [f"### {_check_heading(outcome)}", ""]
    lines += [
        f"**Draft** (`{code(where)}`), {credit(quote)}:",
        "",
        # A statement split around its attribution is checked whole: show what was checked.
        f"> {md_escape(outcome.match.a_text if outcome.match else quote.text)}",
        "",
    ]
    if outcome.match is None:
        lines += _unsupported_lines(report, result, outcome)
        return "\n".join(lines)
    match = outcome.match
    source_id = match.b.partition(":")[0]
    passage = quotes[match.b]
    lines.insert(2, _details_note(outcome, match) + "\n")
    lines += [
        f"**Source** {source_id} (`{code(outcome.location or '')}`), {_passage_credit(passage)}:",
        "",
        f"> {md_escape(match.b_text)}",
        "",
    ]
    if match.changes:
        lines += [
            "Word by word (~~struck~~: the draft's words; **bold**: the source's):",
            "",
            f"> {render_difference(match)}",
            "",
            changes_table(match, "draft", "source"),
        ]
    if outcome.also_in:
        listed = ", ".join(f"`{code(p)}`" for p in outcome.also_in)
        lines += [f"The words are also in {listed}.", ""]
    return "\n".join(lines)


def _quote_cell(quote: str, first: str, anchor: str | None) -> str:
    """A quote's id, linked to its details; a later piece of a split statement points to the
    first piece's, where the statement's finding is told."""
    if anchor is None:
        return quote
    if first == quote:
        return f"[{quote}](#{anchor})"
    return f"{quote}, see [{first}](#{anchor})"


def _detailed_by(result: CheckResult) -> dict[str, QuoteCheck]:
    """For each draft quote, the outcome whose details section tells its finding: its own,
    or for a later piece of a statement split around its attribution, the first piece's
    (the pieces share one finding, detailed once)."""
    first: dict[int, QuoteCheck] = {}
    out: dict[str, QuoteCheck] = {}
    for outcome in result.quotes:
        key = id(outcome.match) if outcome.match is not None else id(outcome)
        out[outcome.quote] = first.setdefault(key, outcome)
    return out


def _check_heading(outcome: QuoteCheck) -> str:
    return f"{outcome.quote}: {outcome.status.label}, {outcome.severity.value}"


def _details_note(outcome: QuoteCheck, match: Match) -> str:
    parts = []
    if outcome.status is CheckStatus.MISATTRIBUTED:
        parts.append(
            f"Found, but the source credits the words to **{md_escape(match.speakers.b or '')}**, "
            f"not {md_escape(match.speakers.a or 'the speaker the draft names')}."
        )
    if match.verdict is Verdict.REWORDED:
        parts.append(
            "No source has these words; the nearest is the same statement in other words "
            f"(similarity {match.similarity:.2f}). Quote the source's words or paraphrase "
            "without quote marks."
        )
    elif match.verdict is Verdict.ALTERED:
        parts.append(
            f"The source's words differ without any mark; similarity {match.similarity:.2f}."
        )
    elif outcome.status is CheckStatus.SPEAKER_UNVERIFIED:
        parts.append(
            f"Found ({VERDICT_NOTES.get(match.verdict, match.verdict.value)}), but who said "
            "it cannot be checked: "
            + (
                "the draft names no speaker the tool can read."
                if match.speakers.a is None
                else "the source does not say who spoke."
                if match.speakers.b is None
                else f"the draft credits {match.speakers.a}, the source {match.speakers.b}, "
                "and neither text settles that they are one person."
            )
        )
    elif outcome.status is CheckStatus.VERIFIED:
        changed = sorted({c.category.value for c in match.changes})
        parts.append(
            f"Verified: {VERDICT_NOTES.get(match.verdict, match.verdict.value)}; "
            f"changed: {', '.join(changed)} ({outcome.severity.value})."
        )
    return " ".join(parts)


def _unsupported_lines(report: Report, result: CheckResult, outcome: QuoteCheck) -> list[str]:
    searched = ", ".join(
        f"{info.article} `{code(report.article(info.article).source)}`" for info in result.sources
    )
    lines = [f"In no source; searched {searched}.", ""]
    item = outcome.unmatched
    if item is not None and item.found_unquoted and item.other and item.found_at:
        other = report.article(item.other)
        where = place(other.source, other.text, item.found_at[0])
        lines.insert(
            0,
            f"Its words are in {item.other} (`{code(where)}`) without quote marks: that "
            "article does not quote anyone saying them.\n",
        )
    return lines


def _passage_credit(passage: Quote) -> str:
    speaker = md_escape(passage.speaker) if passage.speaker else "*speaker unknown*"
    if passage.speaker_mention and passage.speaker_mention != passage.speaker:
        return f"{speaker} (\u201c{md_escape(passage.speaker_mention)}\u201d)"
    return speaker
