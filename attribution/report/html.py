"""The report as one self-contained HTML page: the findings on top, worst first, and the
articles side by side below, every quote highlighted in place and labelled in words.

Kept apart from the markdown because a page is read differently: an editor clicks a finding
(or presses j/k) and both quotes come into view, marked. The page needs nothing from the
network: its style and script are inline, allowed by their hashes in a Content-Security-
Policy that forbids everything else, so a hostile article can neither load nor run
anything, even if its text were not escaped (it is, in `html_text`).
"""

from __future__ import annotations

import base64
import hashlib
from collections import defaultdict
from importlib import resources

from attribution.extract import countable
from attribution.model import (
    Article,
    CheckResult,
    CheckStatus,
    Match,
    Quote,
    QuoteCheck,
    Report,
    Severity,
    SourceKind,
    Unmatched,
    Verdict,
)
from attribution.report.common import (
    STATUS_ORDER,
    SUMMARY_CHANGES,
    VERDICT_NOTES,
    count,
    difference,
    encodable,
)
from attribution.report.html_layout import Finding, Layout, unmatched_words
from attribution.report.html_text import (
    escape_attr,
    escape_line,
    marked_blocks,
)

_STYLE = resources.files("attribution.report").joinpath("html.css").read_text(encoding="utf-8")
_SCRIPT = resources.files("attribution.report").joinpath("html.js").read_text(encoding="utf-8")


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


# Nothing may load from anywhere (default-src 'none'); the one style and the one script
# run because their hashes are listed, which also refuses any inline handler or script an
# article might smuggle in. Hashes, not 'unsafe-inline', so the page works offline and an
# injected <script> would still be refused.
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src '{_digest(_STYLE)}'; script-src '{_digest(_SCRIPT)}'; "
    "base-uri 'none'; form-action 'none'"
)
# The browser skips styling and laying out what is off screen in units of a block of an
# article (at least this many characters, ended at a line break) and of a chunk of the
# findings list: a few screens each, so a 20,000-quote pair has a few thousand units, not
# a hundred thousand to watch while it opens.
BLOCK_CHARS = 3000
FINDINGS_PER_CHUNK = 40
# Severities a finding can have, worst first: one filter box each (a check lists verified
# quotes with a difference of severity none, so every difference is shown).
_LISTED = tuple(reversed(Severity))


def render_html(report: Report) -> str:
    """The report as a self-contained HTML page.

    Args:
        report: the result of `compare`, `check` or `extract`.

    Returns:
        UTF-8 text of one HTML document ending in a newline: a summary and a severity
        filter, the findings worst first (each with its word-by-word difference), then each
        article as a column with its quotes highlighted. It loads nothing; its script only
        adds navigation (click, j/k) and the severity filter to a page that reads without it.
    """
    page = _Page(report)
    title = page.title()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape_line(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        page.header(title),
        page.findings_list(),
        page.columns(),
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return encodable("\n".join(parts) + "\n")


class _Page(Layout):
    """The laid-out report written as HTML, part by part."""

    def title(self) -> str:
        if self.check is not None:
            return self._check_headline(self.check)
        if self.report.command == "extract" and not self.findings:
            return "Quotes"
        return "Quote drift report"

    def header(self, title: str) -> str:
        parts = ["<header>", f"<h1>{escape_line(title)}</h1>", f"<p>{self._summary()}</p>"]
        if self.findings:
            parts.append(self._filter())
        if self.report.warnings:
            items = "".join(f"<li>{escape_line(w)}</li>" for w in self.report.warnings)
            parts.append(f'<ul class="warnings">{items}</ul>')
        if self.report.names:
            listed = "; ".join(
                f"<bdi>{escape_line(n.a_name)}</bdi> ({escape_line(n.a_article)}) / "
                f"<bdi>{escape_line(n.b_name)}</bdi> ({escape_line(n.b_article)})"
                for n in self.report.names
            )
            parts.append(f'<p class="names">Names spelled differently: {listed}.</p>')
        parts.append("</header>")
        return "\n".join(parts)

    def _summary(self) -> str:
        counts = self.report.summary.by_severity
        listed = ", ".join(f"{n} {s}" for s, n in counts.items() if s != Severity.NONE.value)
        worst = (
            f"Worst finding: <strong>{self.report.summary.worst.value}</strong> ({listed})."
            if listed
            else "No findings."
        )
        if self.check is not None:
            sources = ", ".join(
                f"{escape_line(info.article)} "
                f"<code>{escape_line(self.articles[info.article].source)}</code> "
                f"({info.kind.value})"
                for info in self.check.sources
            )
            return (
                f"Checked against {sources}; the check fails on a finding at or above "
                f"<strong>{self.check.fail_on.value}</strong>. {worst}"
            )
        quotes = sum(len(countable(a.quotes)) for a in self.report.articles)
        if len(self.report.articles) < 2:
            return f"{count(quotes, 'quote')} in {count(len(self.report.articles), 'article')}."
        ref, others = self.report.articles[0], self.report.articles[1:]
        compared = ", ".join(f"<strong>{escape_line(a.id)}</strong>" for a in others)
        return (
            f"Compared {compared} with the "
            f"reference <strong>{escape_line(ref.id)}</strong>: {count(quotes, 'quote')}; "
            f"{count(len(self.report.matches), 'match', 'matches')}, "
            f"{count(len(self.report.unmatched), 'quote')} without a counterpart. {worst}"
        )

    def _check_headline(self, result: CheckResult) -> str:
        checked = [q for q in result.quotes if q.status is not CheckStatus.NOT_CHECKED]
        counts = [
            f"{result.count(status)} {status.label}"
            for status in STATUS_ORDER
            if result.count(status) and status is not CheckStatus.VERIFIED
        ]
        head = f"{result.count(CheckStatus.VERIFIED)} of {len(checked)} quotes verified"
        verdict = "PASS" if result.passed else "FAIL"
        return f"{verdict}: {', '.join([head, *counts])} in {self.report.articles[0].source}"

    def _filter(self) -> str:
        tally: dict[Severity, int] = defaultdict(int)
        for finding in self.findings:
            tally[finding.severity] += 1
        boxes = "".join(
            f'<label class="sev-{s.value}"><input type="checkbox" id="show-{s.value}" checked> '
            f'<span class="sev">{s.value}</span> {tally[s]}</label>'
            for s in _LISTED
            if tally[s]
        )
        keys = (
            '<span class="keys"><kbd>j</kbd> / <kbd>k</kbd>: next / previous finding; '
            "click a finding to see both quotes</span>"
        )
        return f'<fieldset class="filter"><legend>Show</legend>{boxes}{keys}</fieldset>'

    def findings_list(self) -> str:
        heading = f"Findings ({len(self.findings)}), worst first"
        if not self.findings:
            return (
                '<section id="findings-panel"><h2>Findings</h2><p class="none-found">'
                f"{self._no_findings()}</p></section>"
            )
        chunks = []
        for first in range(0, len(self.findings), FINDINGS_PER_CHUNK):
            chunk = self.findings[first : first + FINDINGS_PER_CHUNK]
            items = "\n".join(self._finding_item(n, f) for n, f in enumerate(chunk, first + 1))
            chunks.append(f'<ol class="chunk">\n{items}\n</ol>')
        listed = "\n".join(chunks)
        return (
            f'<section id="findings-panel" aria-label="Findings"><h2>{heading}</h2>\n'
            f'<div id="findings">\n{listed}\n</div></section>'
        )

    def _no_findings(self) -> str:
        if self.report.command == "extract":
            return "Every quote found is highlighted in its article below."
        return "No findings: every quote matched its counterpart without a change that matters."

    def _finding_item(self, n: int, finding: Finding) -> str:
        severity = finding.severity.value
        head = [f'<span class="n">{n}</span><span class="sev">{severity}</span>']
        if finding.outcome is not None:
            body = self._check_body(finding, finding.outcome, head)
        elif finding.match is not None:
            body = self._match_body(finding, finding.match, head)
        else:
            assert finding.unmatched is not None
            body = self._unmatched_body(finding, finding.unmatched, head)
        go = " ".join(finding.targets)
        return (
            f'<li class="finding sev-{severity}" id="{finding.ident}" '
            f'data-severity="{severity}" data-go="{go}" tabindex="-1">'
            f'<p class="fh">{" ".join(head)}</p>{body}</li>'
        )

    def _link(self, finding: Finding, n: int, words: str) -> str:
        if n < len(finding.targets):
            return f'<a href="#{finding.targets[n]}">{escape_line(words)}</a>'
        return escape_line(words)

    def _match_body(self, finding: Finding, match: Match, head: list[str]) -> str:
        head += [
            f'<span class="verdict">{match.verdict.value}</span>',
            f"{self._link(finding, 0, match.a)} \u2192 {self._link(finding, 1, match.b)}",
            f'<span class="who">{_speakers(match)}</span>',
        ]
        body = [f'<p class="what">{_what_changed(match)}</p>']
        if match.verdict is Verdict.REWORDED or not match.changes:
            body += [
                f'<p class="diff"><span class="side">{escape_line(match.a)}</span>'
                f"\u201c<bdi>{escape_line(match.a_text)}</bdi>\u201d</p>",
                f'<p class="diff"><span class="side">{escape_line(match.b)}</span>'
                f"\u201c<bdi>{escape_line(match.b_text)}</bdi>\u201d</p>",
            ]
        else:
            body.append(f'<p class="diff"><bdi>{render_difference_html(match)}</bdi></p>')
        return "".join(body)

    def _unmatched_body(self, finding: Finding, item: Unmatched, head: list[str]) -> str:
        quote = self.quotes.get(item.quote)
        head += [
            f'<span class="verdict">{escape_line(unmatched_words(item))}</span>',
            self._link(finding, 0, item.quote),
            f'<span class="who"><bdi>{escape_line((quote and quote.speaker) or "unknown")}'
            "</bdi></span>",
        ]
        body = f'<p class="diff">\u201c<bdi>{escape_line(item.text)}</bdi>\u201d</p>'
        if item.twin is not None:
            twin = f'<a href="#{self.anchor(item.twin)}">{escape_line(item.twin)}</a>'
            body += (
                f'<p class="what">{escape_line(item.article)} prints this statement twice '
                f"(also {twin}).</p>"
            )
        if item.found_unquoted and item.other:
            body += (
                f'<p class="what">Its words are in {self._link(finding, 1, item.other)} '
                "without quote marks.</p>"
            )
        return body

    def _check_body(self, finding: Finding, outcome: QuoteCheck, head: list[str]) -> str:
        head += [
            f'<span class="verdict">{outcome.status.label}</span>',
            self._link(finding, 0, outcome.quote),
        ]
        match = outcome.match
        if match is None:
            assert outcome.unmatched is not None
            head.append(
                f'<span class="who">{_draft_speaker(self.quotes.get(outcome.quote))}</span>'
            )
            body = (
                '<p class="what">In no source.</p>'
                f'<p class="diff">\u201c<bdi>{escape_line(outcome.unmatched.text)}</bdi>\u201d</p>'
            )
            item = outcome.unmatched
            if item.found_unquoted and item.other:
                body += (
                    f'<p class="what">Its words are in {self._link(finding, 1, item.other)} '
                    "without quote marks: that article does not quote anyone saying them.</p>"
                )
            return body
        where = outcome.location or match.b.partition(":")[0]
        head += [
            "\u2192",
            self._link(finding, 1, where),
            f'<span class="who">{_speakers(match)}</span>',
        ]
        if outcome.also_in:
            head.append(f'<span class="who">(also in {len(outcome.also_in)} more)</span>')
        lines = [f'<p class="what">{_what_changed(match, check=True)}</p>']
        if match.changes and match.verdict is not Verdict.REWORDED:
            lines.append(f'<p class="diff"><bdi>{render_difference_html(match)}</bdi></p>')
        else:
            lines += [
                f'<p class="diff"><span class="side">draft</span>'
                f"\u201c<bdi>{escape_line(match.a_text)}</bdi>\u201d</p>",
                f'<p class="diff"><span class="side">source</span>'
                f"\u201c<bdi>{escape_line(match.b_text)}</bdi>\u201d</p>",
            ]
        return "".join(lines)

    def columns(self) -> str:
        parts = ['<main class="columns">']
        for n, article in enumerate(self.report.articles):
            parts.append(self._column(n, article))
        parts.append("</main>")
        return "\n".join(parts)

    def _column(self, n: int, article: Article) -> str:
        role = self._role(n, article)
        role = "" if role == article.id else f"{role} \u00b7 "
        quotes = len(countable(article.quotes))
        heading = (
            f'<h2>{escape_line(article.id)} <span class="role">{role}'
            f"<code>{escape_line(article.source)}</code> \u00b7 {count(quotes, 'quote')}"
            "</span></h2>"
        )
        highlights = self.highlights.get(article.id, [])
        blocks = "".join(
            f'<div class="b">{block}</div>'
            for block in marked_blocks(article.text, highlights, min_chars=BLOCK_CHARS)
        )
        label = escape_attr(f"{article.id}: {article.source}")
        return (
            f'<section class="column" aria-label="{label}">{heading}'
            f'<div class="text" tabindex="0">{blocks}</div></section>'
        )

    def _role(self, n: int, article: Article) -> str:
        if self.check is not None:
            if n == 0:
                return "draft"
            kinds = {info.article: info.kind for info in self.check.sources}
            kind = kinds.get(article.id, SourceKind.ARTICLE)
            return f"source ({kind.value})"
        if self.report.command == "compare" and len(self.report.articles) > 1:
            return "reference" if n == 0 else "compared"
        return "article"


def render_difference_html(match: Match) -> str:
    """The b wording with every change in place: <del>a's words</del> <ins>b's words</ins>,
    each change labelled with its category after its last piece.

    Args:
        match: a match with changes located in its texts.

    Returns:
        HTML for one line, every word escaped.
    """
    pieces = difference(match)
    out = []
    for n, piece in enumerate(pieces):
        if piece.kind == "same":
            words = escape_line(piece.text)
            lead = " " if piece.text[:1].isspace() else ""
            trail = " " if piece.text[-1:].isspace() and words else ""
            out.append(lead + words + trail)
            continue
        if piece.kind == "gap" or piece.change is None:
            out.append(" ")
            continue
        change = piece.change
        # The category is said once per change, after its last piece.
        later = [p for p in pieces[n + 1 : n + 3] if p.kind != "gap"]
        last = not later or later[0].change is not change
        category, severity = change.category.value, change.severity.value
        label = f' data-cat="{category}"' if last else ""
        out.append(
            f'<{piece.kind} class="c-{category} sev-{severity}" title="{category}, {severity}"'
            f"{label}>{escape_line(piece.text)}</{piece.kind}>"
        )
    return "".join(out).strip()


def _what_changed(match: Match, *, check: bool = False) -> str:
    """The match's changes, worst first, as the markdown's findings table words them."""
    parts = []
    if match.speakers.same is False:
        credited = "the source credits" if check else "credited to"
        parts.append(
            f'<span class="warn">different speaker</span>: {credited} '
            f"<bdi>{escape_line(match.speakers.b or 'unknown')}</bdi>, not "
            f"<bdi>{escape_line(match.speakers.a or 'unknown')}</bdi>"
        )
    if match.verdict is Verdict.REWORDED:
        parts.append(f"the same statement in other words (similarity {match.similarity:.2f})")
    else:
        ranked = sorted(match.changes, key=lambda c: -c.severity.rank)
        for change in ranked[:SUMMARY_CHANGES]:
            old = f"<del>{escape_line(change.a)}</del>" if change.a else ""
            new = f"<ins>{escape_line(change.b)}</ins>" if change.b else ""
            shown = f"{old} \u2192 {new}" if old and new else old or new
            parts.append(
                f'<span class="sev-{change.severity.value}">{change.category.value}</span>: {shown}'
            )
        if len(ranked) > SUMMARY_CHANGES:
            parts.append(f"{len(ranked) - SUMMARY_CHANGES} more")
    if not parts:
        parts.append(VERDICT_NOTES.get(match.verdict, match.verdict.value))
    return "; ".join(parts) + "."


def _speakers(match: Match) -> str:
    a, b = match.speakers.a, match.speakers.b
    if match.speakers.same is False:
        return (
            f"<bdi>{escape_line(a or 'unknown')}</bdi> \u2260 <bdi>{escape_line(b or 'unknown')}"
            '</bdi> <span class="warn">(different speakers)</span>'
        )
    if a and b and a != b:
        return f"<bdi>{escape_line(a)}</bdi> / <bdi>{escape_line(b)}</bdi>"
    return f"<bdi>{escape_line(a or b or 'unknown')}</bdi>"


def _draft_speaker(quote: Quote | None) -> str:
    return f"<bdi>{escape_line((quote and quote.speaker) or 'unknown')}</bdi>"
