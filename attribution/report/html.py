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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
    needs_details,
    ordered_findings,
)
from attribution.report.html_text import (
    Highlight,
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
        adds navigation (click, j/k) to a page that reads without it.
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


@dataclass(slots=True)
class _Finding:
    """One entry of the findings list, whichever command made the report."""

    ident: str
    severity: Severity
    match: Match | None = None
    unmatched: Unmatched | None = None
    outcome: QuoteCheck | None = None
    # Element ids to bring into view: the quote, then its counterpart when there is one.
    targets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Mark:
    """What the page says about one quote: the findings it is in and the words on its label."""

    groups: list[str] = field(default_factory=list)
    severity: Severity | None = None
    # Each verdict or status once, with the quotes it pairs this one with: a quote altered
    # in three reprints reads "altered (b:q1, c:q1, d:q1)", not the verdict three times.
    words: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self, ident: str | None, severity: Severity | None, words: str, other: str = ""
    ) -> None:
        if ident is not None:
            self.groups.append(ident)
        if severity is not None and (self.severity is None or severity > self.severity):
            self.severity = severity
        others = self.words.setdefault(words, [])
        if other and other not in others:
            others.append(other)

    def said(self) -> list[str]:
        """The label's words: `altered (b:q1, c:q1)`, `only in b`."""
        return [f"{w} ({', '.join(o)})" if o else w for w, o in self.words.items()]


class _Page:
    """The report indexed once (quotes by id, findings by quote), then written in parts.

    Not a set of free functions: every part needs the same indexes, and building them once
    keeps a 20,000-quote report linear.
    """

    def __init__(self, report: Report) -> None:
        self.report = report
        self.check = report.check if report.command == "check" else None
        self.articles = {a.id: a for a in report.articles}
        self.quotes = {q.id: q for a in report.articles for q in a.quotes}
        self.statements: dict[str, list[Quote]] = defaultdict(list)
        for quote in self.quotes.values():
            if quote.statement is not None:
                self.statements[quote.statement].append(quote)
        self.marks: dict[str, _Mark] = defaultdict(_Mark)
        self.highlights: dict[str, list[Highlight]] = defaultdict(list)
        self.first_piece: dict[str, str] = {}  # quote id -> element id of its first piece
        self._next = 0
        self.findings = self._findings()
        self._quote_highlights()

    # --- what is found -------------------------------------------------------------------

    def _findings(self) -> list[_Finding]:
        if self.check is not None:
            return self._check_findings(self.check)
        findings = []
        for n, item in enumerate(ordered_findings(self.report), 1):
            finding = _Finding(f"f{n}", item.severity)
            if isinstance(item, Match):
                finding.match = item
                self._match_marks(finding, item)
            else:
                finding.unmatched = item
                self._unmatched_marks(finding, item)
            findings.append(finding)
        for match in self.report.matches:
            if match.severity is Severity.NONE:
                for pieces, other in ((match.a_pieces, match.b), (match.b_pieces, match.a)):
                    for quote in (q for piece in pieces for q in self._resolve(piece)):
                        self.marks[quote.id].add(None, Severity.NONE, match.verdict, other)
        return findings

    def _check_findings(self, result: CheckResult) -> list[_Finding]:
        # The pieces of a statement split around its attribution share one outcome (one
        # match): they are one finding, listed once, marking every piece.
        pieces: dict[int, list[QuoteCheck]] = defaultdict(list)
        for outcome in result.quotes:
            pieces[id(outcome.match or outcome.unmatched or outcome)].append(outcome)
        listed = [
            (-group[0].severity.rank, n, group[0])
            for n, group in enumerate(pieces.values())
            if needs_details(group[0]) or group[0].severity > Severity.NONE
        ]
        findings = []
        for n, (_, _, outcome) in enumerate(sorted(listed, key=lambda r: r[:2]), 1):
            finding = _Finding(f"f{n}", outcome.severity, outcome=outcome)
            finding.match, finding.unmatched = outcome.match, outcome.unmatched
            findings.append(finding)
        grouped = {f.outcome.quote: f for f in findings if f.outcome is not None}
        for group in pieces.values():
            finding_for = grouped.get(group[0].quote)
            ident = finding_for.ident if finding_for else None
            for piece in group:
                self.marks[piece.quote].add(ident, piece.severity, _status_words(piece))
            if finding_for is None:
                continue
            outcome = group[0]
            finding_for.targets.append(self._quote_anchor(outcome.quote))
            if outcome.match is not None and outcome.spans:
                source = outcome.match.b.partition(":")[0]
                label = f"{source} \u00b7 {outcome.quote}: {outcome.status.label}"
                finding_for.targets.append(
                    self._stretches(source, outcome.spans, finding_for, "found", label)
                )
                self._change_marks(finding_for, outcome.match, outcome.spans, source)
                drafted = [self.quotes[p.quote] for p in group if p.quote in self.quotes]
                spans = tuple(span for quote in drafted for span in quote.spans)
                draft = self.report.articles[0].id
                self._change_marks(finding_for, outcome.match, spans, draft, "a")
            elif outcome.unmatched is not None:
                self._unquoted_mark(finding_for, outcome.unmatched)
        return findings

    def _match_marks(self, finding: _Finding, match: Match) -> None:
        sides = (("a", match.a_pieces, match.b), ("b", match.b_pieces, match.a))
        for side, pieces, other in sides:
            quotes = [q for piece in pieces for q in self._resolve(piece)]
            if not quotes:
                continue
            for quote in quotes:
                self.marks[quote.id].add(finding.ident, match.severity, match.verdict, other)
            finding.targets.append(self._quote_anchor(quotes[0].id))
            spans = tuple(span for q in quotes for span in q.spans)
            self._change_marks(finding, match, spans, quotes[0].id.partition(":")[0], side)

    def _unmatched_marks(self, finding: _Finding, item: Unmatched) -> None:
        for quote in self._resolve(item.quote):
            self.marks[quote.id].add(finding.ident, item.severity, _unmatched_words(item))
        finding.targets.append(self._quote_anchor(item.quote))
        self._unquoted_mark(finding, item)

    def _unquoted_mark(self, finding: _Finding, item: Unmatched) -> None:
        if item.found_unquoted and item.other and item.found_at:
            label = f"{item.quote}'s words, without quote marks"
            finding.targets.append(
                self._stretches(item.other, (item.found_at,), finding, "unquoted", label)
            )

    def _change_marks(
        self,
        finding: _Finding,
        match: Match,
        spans: Sequence[tuple[int, int]],
        article_id: str,
        side: str = "b",
    ) -> None:
        """Each changed word marked where it stands in the article: a's words struck, b's
        underlined, when the side's text is its pieces joined by one space."""
        article = self.articles.get(article_id)
        text = match.a_text if side == "a" else match.b_text
        if article is None or " ".join(article.text[s:e] for s, e in spans) != text:
            return
        for change in match.changes:
            start, end = (
                (change.a_start, change.a_end) if side == "a" else (change.b_start, change.b_end)
            )
            kind = "del" if side == "a" else "ins"
            classes = f"chg {kind} c-{change.category.value} sev-{change.severity.value}"
            for s, e in _within(spans, start, end):
                self.highlights[article_id].append(
                    Highlight(s, e, "span", classes, finding.ident, depth=2)
                )

    def _stretches(
        self,
        article_id: str,
        spans: Iterable[tuple[int, int]],
        finding: _Finding,
        kind: str,
        label: str,
    ) -> str:
        """Highlights over words that are not a quote of their article (a source's words,
        words printed without quote marks); returns the first piece's element id."""
        ident = self._ident()
        classes = f"{kind} sev-{finding.severity.value}"
        for n, (start, end) in enumerate(spans):
            self.highlights[article_id].append(
                Highlight(
                    start,
                    end,
                    "mark",
                    classes,
                    finding.ident,
                    ident if n == 0 else "",
                    label if n == 0 else "",
                    depth=1,
                )
            )
        return ident

    def _quote_highlights(self) -> None:
        """Every quote of the reference or draft and of the other articles compared with
        it; a check's sources show only the words found in them."""
        for n, article in enumerate(self.report.articles):
            if self.check is not None and n > 0:
                continue
            for quote in article.quotes:
                mark = self.marks.get(quote.id) or _Mark()
                severity = "plain" if mark.severity is None else mark.severity.value
                shown = [quote.id]
                if mark.severity is not None and mark.severity > Severity.NONE:
                    shown.append(severity)
                shown += mark.said() or [quote.kind.value, quote.speaker or "speaker unknown"]
                if quote.uncertain:
                    shown.append("extent uncertain")
                label = " \u00b7 ".join(shown)
                ident = self._quote_anchor(quote.id)
                for i, (start, end) in enumerate(quote.spans):
                    self.highlights[article.id].append(
                        Highlight(
                            start,
                            end,
                            "mark",
                            f"q sev-{severity}" + (" uncertain" if quote.uncertain else ""),
                            " ".join(mark.groups),
                            ident if i == 0 else "",
                            label if i == 0 else "",
                        )
                    )

    def _resolve(self, ident: str) -> list[Quote]:
        """The quotes an id names: one quote, or every quote of a statement."""
        if ident in self.quotes:
            return [self.quotes[ident]]
        return self.statements.get(ident, [])

    def _quote_anchor(self, quote_id: str) -> str:
        if quote_id not in self.first_piece:
            self.first_piece[quote_id] = self._ident()
        return self.first_piece[quote_id]

    def _ident(self) -> str:
        self._next += 1
        return f"r{self._next}"

    # --- the page ------------------------------------------------------------------------

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

    def _finding_item(self, n: int, finding: _Finding) -> str:
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

    def _link(self, finding: _Finding, n: int, words: str) -> str:
        if n < len(finding.targets):
            return f'<a href="#{finding.targets[n]}">{escape_line(words)}</a>'
        return escape_line(words)

    def _match_body(self, finding: _Finding, match: Match, head: list[str]) -> str:
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

    def _unmatched_body(self, finding: _Finding, item: Unmatched, head: list[str]) -> str:
        quote = self.quotes.get(item.quote)
        head += [
            f'<span class="verdict">{escape_line(_unmatched_words(item))}</span>',
            self._link(finding, 0, item.quote),
            f'<span class="who"><bdi>{escape_line((quote and quote.speaker) or "unknown")}'
            "</bdi></span>",
        ]
        body = f'<p class="diff">\u201c<bdi>{escape_line(item.text)}</bdi>\u201d</p>'
        if item.twin is not None:
            twin = f'<a href="#{self._quote_anchor(item.twin)}">{escape_line(item.twin)}</a>'
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

    def _check_body(self, finding: _Finding, outcome: QuoteCheck, head: list[str]) -> str:
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


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """Offsets into pieces joined by one space, as offsets into the text the pieces are from."""
    out = []
    at = 0
    for s, e in spans:
        lo, hi = max(start, at), min(end, at + e - s)
        if lo < hi:
            out.append((s + lo - at, s + hi - at))
        at += e - s + 1
    return out


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


def _unmatched_words(item: Unmatched) -> str:
    if item.verdict is Verdict.ONLY_IN:
        return f"only in {item.article}"
    return item.verdict.value.replace("_", " ")


def _status_words(outcome: QuoteCheck) -> str:
    if outcome.status is CheckStatus.NOT_CHECKED:
        return f"not checked ({outcome.reason})" if outcome.reason else "not checked"
    if outcome.match is not None and outcome.status is CheckStatus.VERIFIED:
        return f"verified ({outcome.match.verdict.value})"
    return outcome.status.label
