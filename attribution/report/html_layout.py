"""Where an HTML report marks what: the findings it lists, in order, and every stretch of
every article it highlights (each quote, a source's words, words printed without quote
marks, each changed word), with the findings each belongs to and the words on its label.

Kept apart from writing the page (`html`) because this is the report's content laid over
the articles' offsets, decided once; the page only writes it out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from attribution.model import (
    CheckResult,
    CheckStatus,
    Match,
    Quote,
    QuoteCheck,
    Report,
    Severity,
    Unmatched,
    Verdict,
)
from attribution.report.common import needs_details, ordered_findings
from attribution.report.html_text import Highlight


@dataclass(slots=True)
class Finding:
    """One entry of the findings list, whichever command made the report."""

    ident: str
    severity: Severity
    match: Match | None = None
    unmatched: Unmatched | None = None
    outcome: QuoteCheck | None = None
    # Element ids to bring into view: the quote, then its counterpart when there is one.
    targets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuoteLabel:
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


class Layout:
    """The report indexed once (quotes by id, findings by quote) and laid over its articles.

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
        self.marks: dict[str, QuoteLabel] = defaultdict(QuoteLabel)
        self.highlights: dict[str, list[Highlight]] = defaultdict(list)
        self.first_piece: dict[str, str] = {}  # quote id -> element id of its first piece
        self._next = 0
        self.findings = self._findings()
        self._quote_highlights()

    def _findings(self) -> list[Finding]:
        if self.check is not None:
            return self._check_findings(self.check)
        findings = []
        for n, item in enumerate(ordered_findings(self.report), 1):
            finding = Finding(f"f{n}", item.severity)
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

    def _check_findings(self, result: CheckResult) -> list[Finding]:
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
            finding = Finding(f"f{n}", outcome.severity, outcome=outcome)
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
            finding_for.targets.append(self.anchor(outcome.quote))
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

    def _match_marks(self, finding: Finding, match: Match) -> None:
        sides = (("a", match.a_pieces, match.b), ("b", match.b_pieces, match.a))
        for side, pieces, other in sides:
            quotes = [q for piece in pieces for q in self._resolve(piece)]
            if not quotes:
                continue
            for quote in quotes:
                self.marks[quote.id].add(finding.ident, match.severity, match.verdict, other)
            finding.targets.append(self.anchor(quotes[0].id))
            spans = tuple(span for q in quotes for span in q.spans)
            self._change_marks(finding, match, spans, quotes[0].id.partition(":")[0], side)

    def _unmatched_marks(self, finding: Finding, item: Unmatched) -> None:
        for quote in self._resolve(item.quote):
            self.marks[quote.id].add(finding.ident, item.severity, unmatched_words(item))
        finding.targets.append(self.anchor(item.quote))
        self._unquoted_mark(finding, item)

    def _unquoted_mark(self, finding: Finding, item: Unmatched) -> None:
        if item.found_unquoted and item.other and item.found_at:
            label = f"{item.quote}'s words, without quote marks"
            finding.targets.append(
                self._stretches(item.other, (item.found_at,), finding, "unquoted", label)
            )

    def _change_marks(
        self,
        finding: Finding,
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
        finding: Finding,
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
                mark = self.marks.get(quote.id) or QuoteLabel()
                severity = "plain" if mark.severity is None else mark.severity.value
                shown = [quote.id]
                if mark.severity is not None and mark.severity > Severity.NONE:
                    shown.append(severity)
                shown += mark.said() or [quote.kind.value, quote.speaker or "speaker unknown"]
                if quote.uncertain:
                    shown.append("extent uncertain")
                label = " \u00b7 ".join(shown)
                ident = self.anchor(quote.id)
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

    def anchor(self, quote_id: str) -> str:
        if quote_id not in self.first_piece:
            self.first_piece[quote_id] = self._ident()
        return self.first_piece[quote_id]

    def _ident(self) -> str:
        self._next += 1
        return f"r{self._next}"


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


def unmatched_words(item: Unmatched) -> str:
    if item.verdict is Verdict.ONLY_IN:
        return f"only in {item.article}"
    return item.verdict.value.replace("_", " ")


def _status_words(outcome: QuoteCheck) -> str:
    if outcome.status is CheckStatus.NOT_CHECKED:
        return f"not checked ({outcome.reason})" if outcome.reason else "not checked"
    if outcome.match is not None and outcome.status is CheckStatus.VERIFIED:
        return f"verified ({outcome.match.verdict.value})"
    return outcome.status.label
