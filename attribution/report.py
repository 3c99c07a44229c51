"""Rendering: a report as markdown for people (terminal and GitHub) or JSON for programs.

Kept apart so the pipeline never formats and the renderers never decide. Article text placed
in markdown is escaped once, here: a quote can neither break a table nor inject HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from tabulate import tabulate

from attribution.extract import countable
from attribution.model import (
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
    Verdict,
    to_json_dict,
)

# Characters GitHub markdown would read as syntax (emphasis, code, links, tables, HTML,
# entities, math); each is backslash-escaped, which CommonMark allows for all ASCII punctuation.
_MD_SPECIAL_RE = re.compile(r"([\\`*_~\[\]|#<>&$!])")
_SPACE_RE = re.compile(r"\s+")
# Control characters would reach a terminal as escape sequences (clearing the screen,
# rewriting lines); they are shown as their control pictures (␛) or, for C1 codes, as �.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_PICTURES = {i: chr(0x2400 + i) for i in range(0x20)} | {0x7F: "\u2421"}
# A line that starts like a list item or a setext underline would change the block.
_BLOCK_START_RE = re.compile(r"^(\d+)([.)])|^([-+=])")
# Quote text longer than this is cut (with …) in tables; the match sections show it whole.
TABLE_QUOTE_CHARS = 90
# Changes listed in a findings row, worst first; the match's own section lists them all.
SUMMARY_CHANGES = 4

_VERDICT_NOTES = {
    Verdict.IDENTICAL: "the same words",
    Verdict.COSMETIC: "only punctuation, case or spelling",
    Verdict.PARTIAL: "one is a fragment of the other",
    Verdict.EDITORIAL: "marked omissions or insertions",
    Verdict.ALTERED: "words changed without any mark",
    Verdict.REWORDED: "the same statement in other words",
}


def render_json(report: Report) -> str:
    """The report as `attribution/report-v1` JSON: UTF-8 text, 2-space indent, final newline."""
    return _encodable(json.dumps(to_json_dict(report), ensure_ascii=False, indent=2) + "\n")


def render_markdown(report: Report) -> str:
    """The report as GitHub-flavoured markdown.

    Args:
        report: the result of `compare`, `check` or `extract`.

    Returns:
        Markdown text ending in one newline: a summary, the findings worst first, each match
        with a word-level difference, then every article's quotes and who said them.
    """
    if report.command == "check" and report.check is not None:
        return _check_markdown(report, report.check)
    if not report.matches and not report.unmatched and report.command == "extract":
        parts = [_extract_header(report)]
    else:
        parts = [_compare_header(report), _findings(report), _matches(report)]
        parts.append(_names_spelled_differently(report))
    parts.append(_quotes_by_article(report))
    parts.append(_warnings(report))
    return _encodable("\n".join(p for p in parts if p).rstrip("\n") + "\n")


def md_escape(text: str) -> str:
    """Article text made safe for one line of markdown (a table cell, a heading, a quote).

    Runs of white space (newlines included) become one space; markdown and HTML syntax is
    backslash-escaped so it shows as written; control characters become visible symbols.
    """
    text = _visible(_SPACE_RE.sub(" ", text).strip())
    text = _MD_SPECIAL_RE.sub(r"\\\1", text)
    return _BLOCK_START_RE.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text, count=1)


def shorten(text: str, limit: int = TABLE_QUOTE_CHARS) -> str:
    """Text cut at a word boundary to about `limit` characters, with … when cut."""
    text = _SPACE_RE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " \u2026"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub table of already-escaped cells."""
    text = tabulate(list(rows), headers=list(headers), tablefmt="github", disable_numparse=True)
    return str(text) + "\n"


# --- sections -----------------------------------------------------------------------------


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
            f"Compared {names} with the reference **{ref.id}**: {_count(len(quotes), 'quote')}; "
            f"{_count(len(report.matches), 'match', 'matches')}, "
            f"{_count(len(report.unmatched), 'quote')} without a counterpart."
        )
    lines += [_severity_line(report), ""]
    rows = []
    for i, article in enumerate(report.articles):
        role = " (reference)" if i == 0 and others else ""
        n = len(countable(article.quotes))
        source = _code(article.source).replace("|", "\\|")  # GFM reads \| in a cell as |
        rows.append([f"{article.id}{role}", f"`{source}`", str(n)])
    lines.append(table(["article", "source", "quotes"], rows))
    return "\n".join(lines)


def _extract_header(report: Report) -> str:
    quotes = _counted(report)
    lines = ["# Quotes", ""]
    terms = sum(1 for a in report.articles for q in a.quotes if q.kind is QuoteKind.TERM)
    unknown = sum(1 for q in quotes if q.speaker is None)
    lines.append(
        f"{len(quotes)} quotes in {len(report.articles)} "
        f"{'article' if len(report.articles) == 1 else 'articles'}"
        + (f" ({unknown} without a known speaker)" if unknown else "")
        + (f", and {terms} quoted terms." if terms else ".")
    )
    return "\n".join(lines) + "\n"


def _findings(report: Report) -> str:
    rows: list[tuple[int, int, list[str]]] = []
    for order, match in enumerate(report.matches):
        if match.severity is Severity.NONE:
            continue
        rows.append(
            (
                -match.severity.rank,
                order,
                [
                    match.severity.value,
                    match.verdict.value,
                    f"[{match.a} → {match.b}](#{_anchor(match)})",
                    _speakers_cell(match),
                    _summary_of_changes(match),
                ],
            )
        )
    for order, item in enumerate(report.unmatched, start=len(report.matches)):
        if item.severity is Severity.NONE:
            continue
        quote = report.quote(item.quote)
        where = f"only in {item.article}" if item.verdict is Verdict.ONLY_IN else item.verdict.value
        if item.twin is not None:
            where = f"{item.article} prints this statement twice (also {item.twin})"
        rows.append(
            (
                -item.severity.rank,
                order,
                [
                    item.severity.value,
                    item.verdict.value,
                    item.quote,
                    md_escape(quote.speaker or "unknown"),
                    f"{where}: \u201c{md_escape(shorten(item.text))}\u201d"
                    + (
                        f" (its words are in {item.other} without quote marks)"
                        if item.found_unquoted
                        else ""
                    ),
                ],
            )
        )
    if not rows:
        return (
            "## Findings\n\n"
            "No findings: every quote matched its counterpart without a change that matters.\n"
        )
    rows.sort(key=lambda r: (r[0], r[1]))
    numbered = [[str(i), *cells] for i, (_, _, cells) in enumerate(rows, 1)]
    return "## Findings\n\n" + table(
        ["#", "severity", "verdict", "quotes", "speakers", "what changed"], numbered
    )


def _matches(report: Report) -> str:
    if not report.matches:
        return ""
    out = ["## Matches", ""]
    for match in report.matches:
        out.append(_match_section(report, match))
    return "\n".join(out)


def _match_section(report: Report, match: Match) -> str:
    qa, qb = report.quote(match.a), report.quote(match.b)
    note = _VERDICT_NOTES.get(match.verdict, "")
    lines = [
        f"### {match.a} → {match.b}: {match.verdict.value}, {match.severity.value}",
        "",
        f"{note.capitalize()}; similarity {match.similarity:.2f}."
        + (" **Credited to different speakers.**" if match.speakers.same is False else ""),
        "",
        f"**{match.a}**, {_credit(qa)}:",
        "",
        f"> {md_escape(qa.text)}",
        "",
        f"**{match.b}**, {_credit(qb)}:",
        "",
        f"> {md_escape(qb.text)}",
        "",
    ]
    if match.changes:
        lines += [
            f"Word by word (~~struck~~: only in {match.a}; **bold**: only in {match.b}):",
            "",
            f"> {render_difference(match)}",
            "",
            table(
                ["change", match.a, match.b, "category", "severity"],
                [
                    [c.op, _cell(c.a), _cell(c.b), c.category.value, c.severity.value]
                    for c in match.changes
                ],
            ),
        ]
    return "\n".join(lines)


def render_difference(match: Match) -> str:
    """The b wording with every change marked: ~~a's words~~ **b's words**.

    Args:
        match: a match with changes located in its texts.

    Returns:
        One escaped markdown line.
    """
    out: list[str] = []
    pos = match.b_window[0] if match.b_window != (0, 0) else 0
    end = match.b_window[1] if match.b_window != (0, 0) else len(match.b_text)
    for change in sorted(match.changes, key=lambda c: (c.b_start, c.a_start)):
        out.append(_escape_keeping_edges(match.b_text[pos : change.b_start]))
        marked = []
        if change.a:
            marked.append(f"~~{md_escape(change.a)}~~")
        if change.b:
            marked.append(f"**{md_escape(change.b)}**")
        # A mark stands apart from the words around it, as the words it marks did:
        # "will ~~not~~ raise", never "will ~~not~~raise".
        first = (change.a or change.b)[:1]
        joined = bool(out[-1]) and not out[-1][-1].isspace() and change.b_start > pos
        if joined and first.isalnum() and match.b_text[change.b_start - 1].isalnum():
            out.append(" ")
        out.append(" ".join(marked))
        pos = change.b_end
        after = match.b_text[pos : pos + 1]
        if not change.b and after and after[0].isalnum():
            out.append(" ")
    out.append(_escape_keeping_edges(match.b_text[pos:end]))
    return _SPACE_RE.sub(" ", "".join(out)).strip()


def _escape_keeping_edges(text: str) -> str:
    """`md_escape`, keeping one space where the text began or ended with white space."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


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
        out.append(f"### {article.id}: `{_code(article.source)}`")
        out.append("")
        if not article.quotes:
            out.append("No quotes found.\n")
            continue
        rows = [
            [
                q.id,
                md_escape(q.speaker) if q.speaker else "*unknown*",
                md_escape(q.speaker_mention) if q.speaker_mention else "",
                md_escape(q.cue) if q.cue else "",
                q.kind.value + (" (uncertain)" if q.uncertain else ""),
                f"\u201c{md_escape(shorten(q.text))}\u201d",
            ]
            for q in article.quotes
        ]
        out.append(table(["quote", "speaker", "as written", "cue", "kind", "words"], rows))
    return "\n".join(out)


def _warnings(report: Report) -> str:
    if not report.warnings:
        return ""
    return "## Warnings\n\n" + "\n".join(f"- {md_escape(w)}" for w in report.warnings) + "\n"


# --- the editor's report (check) ---------------------------------------------------------

# Changes too slight to open a quote's details for: a verified quote that changed only so.
_MARKS_ONLY = frozenset({ChangeCategory.PUNCTUATION, ChangeCategory.CASE})
# Statuses in the order the verdict line counts them.
_STATUS_ORDER = (
    CheckStatus.VERIFIED,
    CheckStatus.ALTERED,
    CheckStatus.MISATTRIBUTED,
    CheckStatus.UNSUPPORTED,
    CheckStatus.SPEAKER_UNVERIFIED,
    CheckStatus.NOT_CHECKED,
)


def _check_markdown(report: Report, result: CheckResult) -> str:
    """The editor's report: the verdict first, a row per draft quote, then what to fix."""
    parts = [
        _check_header(report, result),
        _check_table(report, result),
        _check_details(report, result),
        _warnings(report),
    ]
    return "\n".join(p for p in parts if p).rstrip("\n") + "\n"


def _check_header(report: Report, result: CheckResult) -> str:
    draft = report.articles[0]
    checked = [q for q in result.quotes if q.status is not CheckStatus.NOT_CHECKED]
    counts = [
        f"{result.count(status)} {status.label}"
        for status in _STATUS_ORDER
        if result.count(status) and status is not CheckStatus.VERIFIED
    ]
    verified = result.count(CheckStatus.VERIFIED)
    head = f"{verified} of {len(checked)} quotes verified"
    verdict = "PASS" if result.passed else "FAIL"
    lines = [f"# {verdict}: {', '.join([head, *counts])} in `{_code(draft.source)}`", ""]
    lines.append(
        f"Checked against {len(result.sources)} "
        f"{'source' if len(result.sources) == 1 else 'sources'}; the check fails on a finding "
        f"at or above **{result.fail_on.value}**. {_check_severity_line(report)}"
    )
    lines.append("")
    rows = []
    for info in result.sources:
        article = report.article(info.article)
        rows.append(
            [info.article, _code_cell(article.source), info.kind.value, _credited(report, info)]
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


def _check_table(report: Report, result: CheckResult) -> str:
    rows = []
    for n, outcome in enumerate(result.quotes, 1):
        quote = report.quote(outcome.quote)
        shown = _check_anchor_link(outcome) if _needs_details(outcome) else outcome.quote
        rows.append(
            [
                str(n),
                shown,
                f"\u201c{md_escape(shorten(quote.text, TABLE_QUOTE_CHARS // 2))}\u201d",
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


def _needs_details(outcome: QuoteCheck) -> bool:
    """Every quote not verified, and a verified one that changed at all (an editor's
    bracket or omission included), so the editor sees every difference word by word."""
    if outcome.status is CheckStatus.NOT_CHECKED:
        return False
    if outcome.status is not CheckStatus.VERIFIED:
        return True
    # Marks and capitals alone ("," for "." where a quote is split) are not worth a section.
    return outcome.match is not None and any(
        c.category not in _MARKS_ONLY for c in outcome.match.changes
    )


def _status_cell(outcome: QuoteCheck) -> str:
    """`verified (identical)`, `**altered** (critical)`, `**altered** (reworded, major)`."""
    status = outcome.status.label
    if outcome.status is CheckStatus.NOT_CHECKED:
        return f"not checked ({outcome.reason or 'a quoted term'})"
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
        return f"{source} {_code_cell(outcome.location)}{also}"
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


def _check_details(report: Report, result: CheckResult) -> str:
    sections = [_quote_details(report, result, o) for o in result.quotes if _needs_details(o)]
    if not sections:
        return ""
    return "## Details\n\n" + "\n".join(sections)


def _quote_details(report: Report, result: CheckResult, outcome: QuoteCheck) -> str:
    quote = report.quote(outcome.quote)
    draft = report.articles[0]
    lines = [f"### {_check_heading(outcome)}", ""]
    lines += [
        f"**Draft** (`{_code(_place(draft.source, draft.text, quote.start))}`), {_credit(quote)}:",
        "",
        f"> {md_escape(quote.text)}",
        "",
    ]
    if outcome.match is None:
        lines += _unsupported_lines(report, result, outcome)
        return "\n".join(lines)
    match = outcome.match
    source_id = match.b.partition(":")[0]
    passage = report.quote(match.b)
    lines.insert(2, _details_note(outcome, match) + "\n")
    lines += [
        f"**Source** {source_id} (`{_code(outcome.location or '')}`), {_passage_credit(passage)}:",
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
            table(
                ["change", "draft", "source", "category", "severity"],
                [
                    [c.op, _cell(c.a), _cell(c.b), c.category.value, c.severity.value]
                    for c in match.changes
                ],
            ),
        ]
    if outcome.also_in:
        listed = ", ".join(f"`{_code(p)}`" for p in outcome.also_in)
        lines += [f"The words are also in {listed}.", ""]
    return "\n".join(lines)


def _check_heading(outcome: QuoteCheck) -> str:
    return f"{outcome.quote}: {outcome.status.label}, {outcome.severity.value}"


def _check_anchor_link(outcome: QuoteCheck) -> str:
    slug = re.sub(r"[^\w\- ]", "", _check_heading(outcome).lower()).replace(" ", "-")
    return f"[{outcome.quote}](#{slug})"


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
            f"Found ({_VERDICT_NOTES.get(match.verdict, match.verdict.value)}), but who said "
            "it cannot be checked: "
            + (
                "the draft names no speaker the tool can read."
                if match.speakers.a is None
                else "the source does not say who spoke."
            )
        )
    elif outcome.status is CheckStatus.VERIFIED:
        changed = sorted({c.category.value for c in match.changes})
        parts.append(
            f"Verified: {_VERDICT_NOTES.get(match.verdict, match.verdict.value)}; "
            f"changed: {', '.join(changed)} ({outcome.severity.value})."
        )
    return " ".join(parts)


def _unsupported_lines(report: Report, result: CheckResult, outcome: QuoteCheck) -> list[str]:
    searched = ", ".join(
        f"{info.article} `{_code(report.article(info.article).source)}`" for info in result.sources
    )
    lines = [f"In no source; searched {searched}.", ""]
    item = outcome.unmatched
    if item is not None and item.found_unquoted and item.other and item.found_at:
        other = report.article(item.other)
        place = _place(other.source, other.text, item.found_at[0])
        lines.insert(
            0,
            f"Its words are in {item.other} (`{_code(place)}`) without quote marks: that "
            "article does not quote anyone saying them.\n",
        )
    return lines


def _passage_credit(passage: Quote) -> str:
    speaker = md_escape(passage.speaker) if passage.speaker else "*speaker unknown*"
    if passage.speaker_mention and passage.speaker_mention != passage.speaker:
        return f"{speaker} (\u201c{md_escape(passage.speaker_mention)}\u201d)"
    return speaker


def _place(source: str, text: str, offset: int) -> str:
    """`path:line` of a character offset."""
    return f"{source}:{text.count(chr(10), 0, offset) + 1}"


def _count(n: int, one: str, many: str | None = None) -> str:
    """`1 quote`, `2 quotes`, `0 matches`."""
    return f"{n} {one if n == 1 else many or one + 's'}"


# --- small pieces -------------------------------------------------------------------------


def _anchor(match: Match) -> str:
    """GitHub's anchor for the match's heading: lower case, punctuation dropped, spaces to -."""
    heading = f"{match.a} → {match.b}: {match.verdict.value}, {match.severity.value}"
    slug = re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")
    return slug


def _credit(quote: Quote) -> str:
    speaker = md_escape(quote.speaker) if quote.speaker else "*speaker unknown*"
    said = " ".join(md_escape(p) for p in (quote.speaker_mention, quote.cue) if p)
    return f"{speaker} (\u201c{said}\u201d)" if said else speaker


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
    parts = [f"{c.category.value}: {_inline_change(c)}" for c in ranked[:SUMMARY_CHANGES]]
    if len(ranked) > SUMMARY_CHANGES:
        parts.append(f"{len(ranked) - SUMMARY_CHANGES} more")
    if match.speakers.same is False:
        parts.insert(0, "different speaker")
    return "; ".join(parts) or _VERDICT_NOTES.get(match.verdict, "")


def _inline_change(change: Change) -> str:
    a = f"~~{md_escape(change.a)}~~" if change.a else ""
    b = f"**{md_escape(change.b)}**" if change.b else ""
    if a and b:
        return f"{a} → {b}"
    return a or b


def _cell(text: str) -> str:
    return md_escape(text) if text else "\u2014"


def _code_cell(text: str) -> str:
    """An inline code span for a table cell: GitHub splits cells at `|` even inside one."""
    return "`" + _code(text).replace("|", "\\|") + "`"


def _code(text: str) -> str:
    """Text for an inline code span: backticks and line breaks cannot end it early."""
    return _visible(_SPACE_RE.sub(" ", text).replace("`", "'"))


def _encodable(text: str) -> str:
    """The text with lone surrogates (a file name that is not UTF-8, as Python passes it on)
    as U+FFFD, so it can always be written as UTF-8."""
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub("\ufffd", text)


def _visible(text: str) -> str:
    """Control characters as symbols a terminal shows instead of obeying."""
    if _CONTROL_RE.search(text) is None:
        return text
    return _CONTROL_RE.sub(lambda m: _CONTROL_PICTURES.get(ord(m[0]), "\ufffd"), text)
