"""The report as GitHub-flavoured markdown: the drift report of `compare`, the quote list of
`extract`, and (from `markdown_check`) the editor's report of `check`.

Kept apart from the JSON so people's reading order (worst first, then details) never leaks
into the contract's key order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence

from attribution.extract import countable
from attribution.model import Match, Quote, QuoteKind, Report, Severity, Verdict
from attribution.report.common import (
    SUMMARY_CHANGES,
    VERDICT_NOTES,
    count,
    encodable,
    ordered_findings,
)
from attribution.report.gfm import (
    Anchors,
    changes_table,
    code,
    credit,
    inline_change,
    md_escape,
    quoted_cell,
    render_difference,
    table,
)
from attribution.report.markdown_check import check_markdown, warnings_section

_LINE_BREAK_RE = re.compile("\n")


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured markdown.

    Args:
        report: the result of `compare`, `check` or `extract`.

    Returns:
        Markdown text ending in one newline: a summary, the findings worst first, each match
        with a word-level difference, then every article's quotes and who said them.
    """
    return render_markdown_all([report])


def render_markdown_all(reports: Sequence[Report]) -> str:
    """Several reports as one markdown document (`check` of several drafts), each report's
    links going to its own headings even where two reports repeat a heading.

    Args:
        reports: results of `compare`, `check` or `extract`, in the order printed.

    Returns:
        The reports one after another, separated by a blank line, ending in one newline.
    """
    anchors = Anchors()
    return "\n".join(_render(report, anchors) for report in reports)


def _render(report: Report, anchors: Anchors) -> str:
    if report.command == "check" and report.check is not None:
        return encodable(check_markdown(report, report.check, anchors))
    quotes = {q.id: q for article in report.articles for q in article.quotes}
    if not report.matches and not report.unmatched and report.command == "extract":
        parts = [_extract_header(report)]
    else:
        for heading in ("Quote drift report", "Findings", "Matches"):
            anchors.add(heading)
        ids = {id(m): anchors.add(_heading(m)) for m in report.matches}
        parts = [_compare_header(report), _findings(report, quotes, ids)]
        parts += [_matches(report, quotes), _names_spelled_differently(report)]
    parts.append(_quotes_by_article(report))
    parts.append(warnings_section(report))
    return encodable("\n".join(p for p in parts if p).rstrip("\n") + "\n")


def _counted(report: Report) -> list[Quote]:
    return [q for a in report.articles for q in countable(a.quotes)]


def _severity_line(report: Report) -> str:
    counts = report.summary.by_severity
    if not counts or report.summary.worst is Severity.NONE:
        return "Worst finding: **none**: every quote matches its counterpart word for word."
    listed = ", ".join(f"{n} {s}" for s, n in counts.items())
    return f"Worst finding: **{report.summary.worst.value}** ({listed})."


def _compare_header(report: Report) -> str:
    ref = report.articles[0]
    others = report.articles[1:]
    quotes = _counted(report)
    lines = ["# Quote drift report", ""]
    if others:
        names = ", ".join(f"**{a.id}**" for a in others)
        lines.append(
            f"Compared {names} with the reference **{ref.id}**: {count(len(quotes), 'quote')}; "
            f"{count(len(report.matches), 'match', 'matches')}, "
            f"{count(len(report.unmatched), 'quote')} without a counterpart."
        )
    lines += [_severity_line(report), ""]
    rows = []
    for i, article in enumerate(report.articles):
        role = " (reference)" if i == 0 and others else ""
        n = len(countable(article.quotes))
        source = code(article.source).replace("|", "\\|")  # GFM reads \| in a cell as |
        rows.append([f"{article.id}{role}", f"`{source}`", str(n)])
    lines.append(table(["article", "source", "quotes"], rows))
    return "\n".join(lines)


def _extract_header(report: Report) -> str:
    quotes = _counted(report)
    lines = ["# Quotes", ""]
    terms = sum(1 for a in report.articles for q in a.quotes if q.kind is QuoteKind.TERM)
    unknown = sum(1 for q in quotes if q.speaker is None)
    lines.append(
        f"{count(len(quotes), 'quote')} in {count(len(report.articles), 'article')}"
        + (f" ({unknown} without a known speaker)" if unknown else "")
        + (f", and {count(terms, 'quoted term')}." if terms else ".")
    )
    return "\n".join(lines) + "\n"


def _findings(report: Report, quotes: Mapping[str, Quote], ids: Mapping[int, str]) -> str:
    rows: list[list[str]] = []
    for finding in ordered_findings(report):
        if isinstance(finding, Match):
            rows.append(
                [
                    finding.severity.value,
                    finding.verdict.value,
                    f"[{finding.a} → {finding.b}](#{ids[id(finding)]})",
                    _speakers_cell(finding),
                    _summary_of_changes(finding),
                ]
            )
            continue
        quote = quotes[finding.quote]
        where = (
            f"only in {finding.article}"
            if finding.verdict is Verdict.ONLY_IN
            else finding.verdict.value
        )
        if finding.twin is not None:
            where = f"{finding.article} prints this statement twice (also {finding.twin})"
        rows.append(
            [
                finding.severity.value,
                finding.verdict.value,
                finding.quote,
                md_escape(quote.speaker or "unknown"),
                f"{where}: {quoted_cell(finding.text)}"
                + (
                    f" (its words are in {finding.other} without quote marks)"
                    if finding.found_unquoted
                    else ""
                ),
            ]
        )
    if not rows:
        return (
            "## Findings\n\n"
            "No findings: every quote matched its counterpart without a change that matters.\n"
        )
    numbered = [[str(i), *cells] for i, cells in enumerate(rows, 1)]
    return "## Findings\n\n" + table(
        ["#", "severity", "verdict", "quotes", "speakers", "what changed"], numbered
    )


def _matches(report: Report, quotes: Mapping[str, Quote]) -> str:
    if not report.matches:
        return ""
    out = ["## Matches", ""]
    for match in report.matches:
        out.append(_match_section(match, quotes[match.a], quotes[match.b]))
    return "\n".join(out)


def _match_section(match: Match, qa: Quote, qb: Quote) -> str:
    note = VERDICT_NOTES.get(match.verdict, "")
    lines = [
        f"### {_heading(match)}",
        "",
        f"{note.capitalize()}; similarity {match.similarity:.2f}."
        + (" **Credited to different speakers.**" if match.speakers.same is False else ""),
        "",
        f"**{match.a}**, {credit(qa)}:",
        "",
        f"> {md_escape(match.a_text)}",
        "",
        f"**{match.b}**, {credit(qb)}:",
        "",
        f"> {md_escape(match.b_text)}",
        "",
    ]
    if match.changes:
        lines += [
            f"Word by word (~~struck~~: only in {match.a}; **bold**: only in {match.b}):",
            "",
            f"> {render_difference(match)}",
            "",
            changes_table(match, match.a, match.b),
        ]
    return "\n".join(lines)


def _names_spelled_differently(report: Report) -> str:
    """People and places the articles name alike but spell differently (Qasem/Qassem)."""
    if not report.names:
        return ""
    ref = report.names[0].a_article
    rows = [[md_escape(n.a_name), md_escape(n.b_name), n.b_article] for n in report.names]
    intro = (
        "The same person or place, spelled otherwise in another article (a transliteration "
        "or a US/UK spelling, not another name):"
    )
    headers = [f"{ref} (reference)", "spelled", "in"]
    return "## Names spelled differently\n\n" + intro + "\n\n" + table(headers, rows)


def _quotes_by_article(report: Report) -> str:
    out = ["## Quotes by article", ""]
    for article in report.articles:
        out.append(f"### {article.id}: `{code(article.source)}`")
        out.append("")
        if not article.quotes:
            out.append("No quotes found.\n")
            continue
        breaks = [m.start() for m in _LINE_BREAK_RE.finditer(article.text)]
        rows = [
            [
                q.id,
                md_escape(q.speaker) if q.speaker else "*unknown*",
                md_escape(q.speaker_mention) if q.speaker_mention else "",
                md_escape(q.cue) if q.cue else "",
                q.kind.value + (" (uncertain)" if q.uncertain else ""),
                str(bisect.bisect_left(breaks, q.start) + 1),
                quoted_cell(q.text),
            ]
            for q in article.quotes
        ]
        headers = ["quote", "speaker", "as written", "cue", "kind", "line", "words"]
        out.append(table(headers, rows))
    return "\n".join(out)


def _heading(match: Match) -> str:
    return f"{match.a} → {match.b}: {match.verdict.value}, {match.severity.value}"


def _speakers_cell(match: Match) -> str:
    a, b = match.speakers.a, match.speakers.b
    if match.speakers.same is False:
        return f"{md_escape(a or 'unknown')} ≠ {md_escape(b or 'unknown')}"
    if a and b and a != b:
        return f"{md_escape(a)} / {md_escape(b)}"
    return md_escape(a or b or "unknown")


def _summary_of_changes(match: Match) -> str:
    if match.verdict is Verdict.REWORDED:
        return f"the same statement in other words (similarity {match.similarity:.2f})"
    ranked = sorted(match.changes, key=lambda c: -c.severity.rank)
    parts = [f"{c.category.value}: {inline_change(c)}" for c in ranked[:SUMMARY_CHANGES]]
    if len(ranked) > SUMMARY_CHANGES:
        parts.append(f"{len(ranked) - SUMMARY_CHANGES} more")
    if match.speakers.same is False:
        parts.insert(0, "different speaker")
    return "; ".join(parts) or VERDICT_NOTES.get(match.verdict, "")
