"""The library's entry points: `extract`, `compare`, `check`, `track` (and the stages they chain).

The CLI is a thin shell over these functions; everything a command does, a Python user can do
with the same call. Reading happens here, never inside a stage.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

from attribution import parallel
from attribution.articles import (
    ArticleInput,
    Progress,
    counting_from,
    read_articles,
    read_text_article,
    report_warnings,
    with_quotes,
)

# Reading and extracting live in `articles` (so a run that only extracts loads nothing of
# comparison); the library's entry points are all here, as they always were.
from attribution.articles import article_from_text as article_from_text
from attribution.articles import article_ids as article_ids
from attribution.articles import extract as extract
from attribution.articles import read_article as read_article
from attribution.classify import DEFAULT_POLICY, Policy, build_match
from attribution.corpus.describe import ClusterFacts
from attribution.corpus.engines import make_engine
from attribution.corpus.output import ClusterWriter, write_summary
from attribution.corpus.summary import TrackSummary
from attribution.corpus.track import Progress as TrackProgress
from attribution.corpus.track import run_track
from attribution.errors import BadOption
from attribution.extract import same_speaker as same_speaker_name
from attribution.inputs import STDIN, read_text
from attribution.matcher import too_short_to_verify
from attribution.model import (
    SCHEMA,
    Article,
    CheckResult,
    CheckStatus,
    Match,
    Quote,
    QuoteCheck,
    QuoteKind,
    Report,
    Severity,
    SourceInfo,
    Unmatched,
    Verdict,
    summarize,
)
from attribution.name_spellings import names_spelled_differently
from attribution.normalize import tokenize
from attribution.pairing import find_pairs_and_twins, statements
from attribution.report.track import render_track_markdown
from attribution.settle import apply_house_spelling, settle_family_name, settle_role_speaker
from attribution.sources import QUESTIONER, Source, SourceSpec, parse_source, parse_source_spec
from attribution.unquoted import TextIndex, find_unquoted
from attribution.verify import Found, SourceIndex, rank, search

# A source to check against: a source argument (`PATH`, `KIND:PATH`, `KIND=NAME:PATH`), a
# parsed `SourceSpec`, or a `Source` already read.
SourceInput = str | SourceSpec | Source
# The article id of the draft in a check's report (docs/report-json.md); sources are s1, s2, ...
DRAFT_ID = "draft"
# A draft quote in no source is the worst finding there is: nothing supports it.
UNSUPPORTED_SEVERITY = Severity.CRITICAL
# A quote found whose speaker cannot be checked: not a fault in the words, but not verified,
# so it shows in the report (below the default `--fail-on major`).
SPEAKER_UNVERIFIED_SEVERITY = Severity.MINOR
# Why a draft quote was not checked (`QuoteCheck.reason`).
TERM_REASON = "a quoted term"
SHORT_REASON = "too short to verify"


def compare(
    *sources: ArticleInput,
    policy: Policy = DEFAULT_POLICY,
    progress: Progress | None = None,
    jobs: int = 1,
) -> Report:
    """Compare the quotes of articles with those of the first (the reference).

    Args:
        *sources: two or more paths, URLs (or `-`) or `Article`s; the first is the reference.
        policy: severities for changes (spelling, editorial marks) and speaker mismatches.
        progress: told (done, total) after each article is read and each is compared.
        jobs: how many processes read and compare articles at once
            (`parallel.default_jobs()` for every core); the report is the same whatever
            the number.

    Returns:
        The report: every reference quote matched with its counterpart in each other
        article, and quotes without a counterpart on either side.

    Raises:
        UnreadableInput: an input cannot be read.
        BadOption: fewer than two articles.
    """
    if len(sources) < 2:
        raise BadOption("compare needs at least two articles: a reference and one to compare")
    # Reading each article and comparing each with the reference are the steps.
    total = 2 * len(sources) - 1
    articles = read_articles(sources, progress=counting_from(progress, 0, total), jobs=jobs)
    return compare_articles(
        articles,
        policy=policy,
        progress=counting_from(progress, len(sources), total),
        jobs=jobs,
    )


def compare_articles(
    articles: Sequence[Article],
    *,
    policy: Policy = DEFAULT_POLICY,
    progress: Progress | None = None,
    jobs: int = 1,
) -> Report:
    """`compare` over articles already read (and their quotes found).

    `progress` is told (done, total) after each article is compared with the reference;
    with `jobs` above 1, several are compared at once, each in a process of its own.
    """
    ref, others = articles[0], articles[1:]
    chars = sum(len(a.text) for a in others)
    if parallel.worth_parallel(jobs, len(others), chars):
        found = parallel.run(
            _compare_with_reference,
            others,
            jobs=jobs,
            setup=_Reference,
            shared=(ref, policy),
            progress=progress,
        )
    else:
        reference = _Reference(ref, policy)
        found = []
        for done, other in enumerate(others, 1):
            found.append(_compare_with_reference(reference, other))
            if progress is not None:
                progress(done, len(others))
    matches = [m for pair_matches, _ in found for m in pair_matches]
    unmatched = [u for _, pair_unmatched in found for u in pair_unmatched]
    return Report(
        SCHEMA,
        tuple(articles),
        tuple(matches),
        tuple(unmatched),
        summarize(matches, unmatched),
        report_warnings(articles),
        command="compare",
        names=names_spelled_differently(articles),
    )


class _Reference:
    """The reference article of a `compare`, with what every comparison with it reuses.

    Not a dataclass: the reference's text index is made on first need and kept.
    """

    def __init__(self, article: Article, policy: Policy) -> None:
        self.article = article
        self.policy = policy
        self._index: TextIndex | None = None

    @property
    def index(self) -> TextIndex:
        """The reference's words, indexed to find other quotes printed there unquoted."""
        if self._index is None:
            self._index = TextIndex(self.article.text)
        return self._index


def _compare_with_reference(
    reference: _Reference, other: Article
) -> tuple[list[Match], list[Unmatched]]:
    """One article compared with the reference: the matches, then the quotes left over."""
    ref, policy = reference.article, reference.policy
    pairs, twins = find_pairs_and_twins(ref.quotes, other.quotes, same_speaker=same_speaker)
    matches = [build_match(pair, policy=policy) for pair in pairs]
    unmatched: list[Unmatched] = []
    handled = {piece for p in pairs for piece in (*p.a_pieces, *p.b_pieces)}
    for twin in twins:
        handled.update(twin.pieces)
        owner = ref if twin.quote.id.partition(":")[0] == ref.id else other
        unmatched.append(_twin(twin.quote, owner, other if owner is ref else ref, twin.twin))
    other_index: TextIndex | None = None
    for quote, pieces in statements(ref.quotes):
        if pieces[0] not in handled:
            other_index = other_index or TextIndex(other.text)
            unmatched.append(_unmatched(quote, ref, other, other_index))
    for quote, pieces in statements(other.quotes):
        if pieces[0] not in handled:
            unmatched.append(_unmatched(quote, other, ref, reference.index))
    return matches, unmatched


def check(
    draft: ArticleInput,
    *sources: SourceInput,
    policy: Policy = DEFAULT_POLICY,
    house_spelling: str | None = None,
    fail_on: Severity = Severity.MAJOR,
) -> Report:
    """Check every quote of a draft against its sources before publication.

    Args:
        draft: the draft, as a path (or `-`) or an `Article`.
        *sources: one or more sources: transcripts, statements or press releases, other
            articles. A path's kind is detected from its text unless written `KIND:PATH`.
        policy: severities for changes and speaker mismatches.
        house_spelling: "us" or "uk": a respelling away from it is a minor finding.
        fail_on: the lowest severity that fails the check.

    Returns:
        The report: the draft is article `draft`, the sources `s1`, `s2`, ...; each draft
        quote found is a match with the source's words, each one found nowhere is
        `unsupported`; `report.check` holds every quote's status.

    Raises:
        UnreadableInput: the draft or a source cannot be read.
        BadOption: no source, a bad source argument, or standard input named twice.
    """
    (report,) = check_drafts(
        [draft], sources, policy=policy, house_spelling=house_spelling, fail_on=fail_on
    )
    return report


def check_drafts(
    drafts: Sequence[ArticleInput],
    sources: Sequence[SourceInput],
    *,
    policy: Policy = DEFAULT_POLICY,
    house_spelling: str | None = None,
    fail_on: Severity = Severity.MAJOR,
    jobs: int = 1,
) -> list[Report]:
    """`check` for several drafts against the same sources, each source read once.

    With `jobs` above 1 and enough to check, the drafts are all read first (in order) and
    checked by a pool of processes, each with its own index of the sources; the reports
    are the same whatever the number.

    Returns:
        One report per draft, in order.

    Raises:
        UnreadableInput: a draft or a source cannot be read.
        BadOption: no source, a bad source argument, or standard input named twice.
    """
    if not sources:
        raise BadOption(
            "check needs at least one source: give --source PATH, or list sources in "
            "[tool.attribution] of pyproject.toml or in attribution.toml"
        )
    specs = [parse_source_spec(s) if isinstance(s, str) else s for s in sources]
    named = [d for d in drafts if isinstance(d, str)]
    named += [s.path for s in specs if isinstance(s, SourceSpec)]
    if named.count(STDIN) > 1:
        raise BadOption("standard input (-) can be read only once: give the others as files")
    loaded = [
        s if isinstance(s, Source) else read_source(s, f"s{i}") for i, s in enumerate(specs, 1)
    ]
    # A bad house spelling is refused at the first draft checked, as one process does.
    if jobs > 1 and len(drafts) > 1 and house_spelling in (None, "us", "uk"):
        read = [
            dataclasses.replace(d, id=DRAFT_ID, quotes=())
            if isinstance(d, Article)
            else read_text_article(d, DRAFT_ID)
            for d in drafts
        ]
        if parallel.worth_parallel(jobs, len(read), sum(len(d.text) for d in read)):
            checked = parallel.run(
                _check_in_worker,
                read,
                jobs=jobs,
                setup=_Checker,
                shared=(loaded, policy, house_spelling, fail_on),
            )
            # The sources' articles stay in this process: only the draft's came back.
            return [
                dataclasses.replace(r, articles=(*r.articles, *(s.article for s in loaded)))
                for r in checked
            ]
        drafts = read
    indexes = [SourceIndex(s) for s in loaded]
    reports = []
    for draft in drafts:
        if isinstance(draft, Article):
            article = with_quotes(dataclasses.replace(draft, id=DRAFT_ID, quotes=()))
        else:
            article = read_article(draft, DRAFT_ID)
        reports.append(
            _check_draft(
                article, indexes, policy=policy, house_spelling=house_spelling, fail_on=fail_on
            )
        )
    return reports


class _Checker:
    """What checking any draft against a run's sources needs, made once per worker.

    Not a dataclass: it holds the sources' indexes, built from the sources it is given.
    """

    def __init__(
        self,
        sources: Sequence[Source],
        policy: Policy,
        house_spelling: str | None,
        fail_on: Severity,
    ) -> None:
        self.indexes = [SourceIndex(s) for s in sources]
        self.policy = policy
        self.house_spelling = house_spelling
        self.fail_on = fail_on


def _check_in_worker(checker: _Checker, draft: Article) -> Report:
    """A worker's job: one draft checked, its report without the sources' articles (the
    calling process has them; sending them back for every draft would cost more than the
    check)."""
    report = _check_draft(
        with_quotes(draft),
        checker.indexes,
        policy=checker.policy,
        house_spelling=checker.house_spelling,
        fail_on=checker.fail_on,
    )
    return dataclasses.replace(report, articles=report.articles[:1])


def read_source(spec: SourceSpec | str, article_id: str) -> Source:
    """Read a source and find the passages it credits to someone.

    Raises:
        UnreadableInput: it cannot be read or decoded.
        BadOption: a bad source argument.
    """
    if isinstance(spec, str):
        spec = parse_source_spec(spec)
    text = read_text(spec.path)
    return parse_source(article_id, spec.path, text, kind=spec.kind, speaker=spec.name)


def check_sources(
    draft: Article,
    sources: Sequence[Source],
    *,
    policy: Policy = DEFAULT_POLICY,
    house_spelling: str | None = None,
    fail_on: Severity = Severity.MAJOR,
) -> Report:
    """`check` over a draft and sources already read.

    Args:
        draft: the draft, its quotes found (`article_from_text(text, "draft")`).
        sources: the sources (`sources.parse_source`).
        policy: severities for changes and speaker mismatches.
        house_spelling: "us" or "uk", or None.
        fail_on: the lowest severity that fails the check.

    Returns:
        The report, as `check` returns it.

    Raises:
        BadOption: an unknown house spelling.
    """
    indexes = [SourceIndex(s) for s in sources]
    return _check_draft(
        draft, indexes, policy=policy, house_spelling=house_spelling, fail_on=fail_on
    )


def track(
    *corpus: str,
    output: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    policy: Policy = DEFAULT_POLICY,
    parquet: bool | None = None,
    progress: TrackProgress | None = None,
) -> TrackSummary:
    """Track every statement across a corpus: who printed it, in which wordings, credited to
    whom.

    Every quote of every article is grouped with the other printings of the same statement
    (the matcher `compare` uses decides); each cluster gets its usual wording, every variant
    with its changes classified and graded, the people it is credited to with a flag when
    they differ, and when it was first and last seen. Written to `output`: clusters.jsonl
    (`attribution/clusters-v1`, one cluster a line), clusters.parquet when pyarrow is
    installed, and summary.md.

    Args:
        *corpus: folders of articles (text, markdown or HTML files), JSON Lines or Parquet
            files with one article per record (`id`, `text`, optional `outlet`,
            `published`, `url`).
        output: the folder to write to (made if missing).
        engine: "local" (every core of this machine) or "dask".
        scheduler: a Dask scheduler's address; without it the Dask engine starts a local
            cluster.
        workers: worker processes to start (default: one per core).
        policy: severities for changes.
        parquet: write clusters.parquet (default: when pyarrow is installed).
        progress: told (stage, done, total) as the work moves on.

    Returns:
        The figures summary.md reports, with every record skipped and why.

    Raises:
        UnreadableInput: a corpus path cannot be read.
        UnwritableOutput: the output folder cannot be written.
        BadOption: no corpus, an unknown engine, or Dask not installed or not reachable.
    """
    if not corpus:
        raise BadOption("track needs a corpus: a folder of articles, a .jsonl or a .parquet file")
    folder = Path(output)
    summary = TrackSummary()
    runner = make_engine(engine, scheduler=scheduler, workers=workers)
    try:
        with ClusterWriter(folder, parquet=parquet) as writer:

            def sink(record: dict[str, object], facts: ClusterFacts) -> None:
                writer.write(record)
                summary.add(facts)

            summary.tally = run_track(corpus, runner, sink, policy=policy, progress=progress)
    finally:
        runner.close()
    write_summary(folder, render_track_markdown(summary))
    return summary


# --- helpers ------------------------------------------------------------------------------


def _check_draft(
    draft: Article,
    indexes: Sequence[SourceIndex],
    *,
    policy: Policy,
    house_spelling: str | None,
    fail_on: Severity,
) -> Report:
    if house_spelling is not None and house_spelling not in ("us", "uk"):
        raise BadOption(f"unknown house spelling {house_spelling!r}; use us or uk")
    sources = [ix.source for ix in indexes]
    matches: list[Match] = []
    unmatched: list[Unmatched] = []
    # What `matches` and `unmatched` hold, to leave out a repeat without reading them
    # through for every quote (a long draft has thousands).
    listed: set[Match | Unmatched] = set()
    outcomes: list[QuoteCheck] = []
    done: dict[str, QuoteCheck] = {}
    units = {pieces[0]: (quote, pieces) for quote, pieces in statements(draft.quotes)}
    for quote in draft.quotes:
        if quote.kind is QuoteKind.TERM:
            outcomes.append(
                QuoteCheck(quote.id, CheckStatus.NOT_CHECKED, Severity.NONE, reason=TERM_REASON)
            )
            continue
        if quote.id not in done:
            statement, pieces = units[quote.id]
            checked = _check_pieces(
                statement, [draft.quote(p) for p in pieces], indexes, draft, house_spelling, policy
            )
            for outcome in {id(o): o for o in checked.values()}.values():
                if outcome.match is not None and outcome.match not in listed:
                    listed.add(outcome.match)
                    matches.append(outcome.match)
                if outcome.unmatched is not None and outcome.unmatched not in listed:
                    listed.add(outcome.unmatched)
                    unmatched.append(outcome.unmatched)
            done.update(checked)
        outcomes.append(done[quote.id])
    articles = (draft, *(s.article for s in sources))
    notes = [note for s in sources for note in s.notes]
    result = CheckResult(
        fail_on,
        tuple(SourceInfo(s.article.id, s.kind, s.speaker) for s in sources),
        tuple(outcomes),
    )
    return Report(
        SCHEMA,
        articles,
        tuple(matches),
        tuple(unmatched),
        summarize(matches, unmatched),
        (*report_warnings([draft]), *notes),
        command="check",
        check=result,
    )


def _settled(found: Found, draft: Article, house: str | None, policy: Policy) -> Found:
    """A stretch's match with a role-named speaker settled and the house spelling applied."""
    match = settle_role_speaker(found.match, draft.text, found.source.article.text, policy=policy)
    match = settle_family_name(match, found.source.article.text, policy=policy)
    match = apply_house_spelling(match, house, policy=policy)
    return dataclasses.replace(found, match=match)


def _check_pieces(
    statement: Quote,
    pieces: Sequence[Quote],
    indexes: Sequence[SourceIndex],
    draft: Article,
    house_spelling: str | None,
    policy: Policy,
) -> dict[str, QuoteCheck]:
    """The outcome of each quote of a draft statement: the statement's, checked whole, or,
    when the whole is not found as printed, each run of it on its own if that is better.

    A statement is printed in pieces around its attribution; a writer may also join two
    things a speaker said apart (“I'm not interested in being politically correct,” he
    said. “We are going to have to work together ...”). Found only apart, those are two
    faithful quotes, never one altered or unsupported one (issue 9). But a draft may part
    its words only where it shows the reader a break: an attribution that ends the sentence
    before it. What it prints as one run of speech (a quote's paragraphs, a sentence its
    attribution interrupts: “We will keep the clinic open,” she said, “and hire nurses.”)
    is checked as one, so words left out inside it without a mark are a change, as in any
    quote. Of a quote printed in several pieces, its worst piece decides.
    """
    whole = _check_statement(statement, indexes, draft, house_spelling, policy)
    runs = _runs(pieces, draft.text)
    if len(runs) > 1 and whole.status in (CheckStatus.UNSUPPORTED, CheckStatus.ALTERED):
        each = [
            (owners, _check_statement(run, indexes, draft, house_spelling, policy))
            for owners, run in runs
        ]
        if max(_badness(o) for _, o in each) < _badness(whole):
            worst: dict[str, QuoteCheck] = {}
            for owners, outcome in each:
                for owner in owners:
                    if owner not in worst or _badness(outcome) > _badness(worst[owner]):
                        worst[owner] = dataclasses.replace(outcome, quote=owner)
            return worst
    return {q.id: dataclasses.replace(whole, quote=q.id) for q in pieces}


def _runs(pieces: Sequence[Quote], text: str) -> list[tuple[tuple[str, ...], Quote]]:
    """A statement's runs of speech as the draft prints them, each as one quote, with the
    ids of the quotes it takes words from.

    A run ends where the draft shows a break: after a piece that ends its sentence, or an
    attribution that does (“A,” she said. “B.”). A quote's paragraphs (its `spans`) and the
    pieces of a sentence around its attribution (“A,” she said, “b.”) are one run.
    """
    parts = [
        (q.id, dataclasses.replace(q, text=text[s:e], start=s, end=e, spans=((s, e),)))
        for q in pieces
        for s, e in q.spans
        if any(ch.isalnum() for ch in text[s:e])
    ]
    runs: list[list[tuple[str, Quote]]] = []
    for owner, part in parts:
        if runs and (runs[-1][-1][0] == owner or not _breaks(runs[-1][-1][1], part, text)):
            runs[-1].append((owner, part))
        else:
            runs.append([(owner, part)])
    out = []
    for run in runs:
        owners = tuple(dict.fromkeys(owner for owner, _ in run))
        quotes = [part for _, part in run]
        joined = quotes[0]
        if len(quotes) > 1:
            joined = dataclasses.replace(
                quotes[0],
                text=" ".join(q.text for q in quotes),
                end=quotes[-1].end,
                spans=tuple(s for q in quotes for s in q.spans),
            )
        out.append((owners, joined))
    return out


# What ends a sentence, in a quote or in the attribution between two pieces.
_SENTENCE_END = frozenset(".!?:;\u2026")
# Marks and spaces around an attribution, left out when reading how it ends.
_AROUND_ATTRIBUTION = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb \t\n\u00a0"


def _breaks(before: Quote, after: Quote, text: str) -> bool:
    """True when the draft shows a break between two pieces of a statement: the first ends
    its sentence (“Never.” she said.) or the attribution between them does (she said.)."""
    first = before.text.rstrip(_AROUND_ATTRIBUTION)
    between = text[before.end : after.start].strip(_AROUND_ATTRIBUTION)
    return (bool(first) and first[-1] in _SENTENCE_END) or (
        bool(between) and between[-1] in _SENTENCE_END
    )


# Statuses from best to worst, for choosing the worse of two outcomes of equal severity.
_STATUS_RANK = {
    CheckStatus.VERIFIED: 0,
    CheckStatus.NOT_CHECKED: 0,
    CheckStatus.SPEAKER_UNVERIFIED: 1,
    CheckStatus.ALTERED: 2,
    CheckStatus.MISATTRIBUTED: 3,
    CheckStatus.UNSUPPORTED: 4,
}


def _badness(outcome: QuoteCheck) -> tuple[int, int]:
    return outcome.severity.rank, _STATUS_RANK[outcome.status]


def _check_statement(
    quote: Quote,
    indexes: Sequence[SourceIndex],
    draft: Article,
    house_spelling: str | None,
    policy: Policy,
) -> QuoteCheck:
    """One draft statement's outcome: the best finding over every source.

    A rewording credited to someone else is no sign the words were said at all: the quote
    is unsupported, never softened to misattributed by a loose likeness (a reporter's
    question on the same topic). A quote too short to verify is checked only when a source
    has its words as printed, from its speaker.
    """
    found = [
        _settled(f, draft, house_spelling, policy)
        for f in (search(quote, ix, policy=policy) for ix in indexes)
        if f is not None
    ]
    # Someone else's words are evidence of a misattribution only when they are the quote's
    # words and a statement: a rewording is not, and neither is a reporter's question.
    found = [
        f
        for f in found
        if f.match.speakers.same is not False
        or not (f.reworded or f.match.speakers.b == QUESTIONER)
    ]
    if too_short_to_verify(tokenize(quote.text)):
        found = [f for f in found if _verbatim(f.match)]
        if not found:
            return QuoteCheck(quote.id, CheckStatus.NOT_CHECKED, Severity.NONE, reason=SHORT_REASON)
    if not found:
        item = _unsupported(quote, indexes)
        return QuoteCheck(quote.id, CheckStatus.UNSUPPORTED, item.severity, unmatched=item)
    best = min(found, key=rank)
    status, severity = _status(best.match)
    return QuoteCheck(
        quote.id,
        status,
        severity,
        match=best.match,
        location=best.location,
        also_in=tuple(f.location for f in found if f is not best and not f.reworded),
        spans=best.spans,
    )


def _verbatim(match: Match) -> bool:
    """The source has the words as printed (case and marks aside), from the same speaker."""
    ok = (Verdict.IDENTICAL, Verdict.COSMETIC, Verdict.PARTIAL)
    return match.verdict in ok and match.speakers.same is True


def _status(match: Match) -> tuple[CheckStatus, Severity]:
    """A found quote's status and severity: the worst of what its words and credit show.

    Words changed outrank a credit that cannot be read; a credit that cannot be read (the
    draft names no one the tool can read, or the source does not say who spoke) is never
    verified, and is at least minor so the editor sees it.
    """
    if match.speakers.same is False:
        return CheckStatus.MISATTRIBUTED, match.severity
    if match.verdict in (Verdict.ALTERED, Verdict.REWORDED):
        return CheckStatus.ALTERED, match.severity
    if match.speakers.same is None:
        return CheckStatus.SPEAKER_UNVERIFIED, max(match.severity, SPEAKER_UNVERIFIED_SEVERITY)
    return CheckStatus.VERIFIED, match.severity


def _unsupported(quote: Quote, indexes: Sequence[SourceIndex]) -> Unmatched:
    """A draft quote in no source; its words may still stand in an article without marks."""
    other, found = None, None
    for index in indexes:
        if index.full is not None:
            found = find_unquoted(quote, index.full)
            if found is not None:
                other = index.source.article.id
                break
    return Unmatched(
        quote=quote.id,
        article=DRAFT_ID,
        text=quote.text,
        verdict=Verdict.UNSUPPORTED,
        severity=UNSUPPORTED_SEVERITY,
        found_unquoted=found is not None,
        other=other,
        found_at=found,
    )


def same_speaker(a: Quote, b: Quote) -> bool | None:
    """Whether two quotes are credited to one speaker (None when either is unknown)."""
    return same_speaker_name(a.speaker, b.speaker)


def _twin(quote: Quote, article: Article, other: Article, twin: str) -> Unmatched:
    """A statement an article prints twice: information about that article, no charge on
    the other, which prints it once."""
    return Unmatched(
        quote=quote.id,
        article=article.id,
        text=quote.text,
        verdict=Verdict.ONLY_IN,
        severity=Severity.INFO,
        found_unquoted=False,
        other=other.id,
        twin=twin,
    )


def _unmatched(quote: Quote, article: Article, other: Article, index: TextIndex) -> Unmatched:
    found = find_unquoted(quote, index)
    verdict = Verdict.UNQUOTED if found else Verdict.ONLY_IN
    severity = Severity.MINOR if found else Severity.INFO
    return Unmatched(
        quote=quote.id,
        article=article.id,
        text=quote.text,
        verdict=verdict,
        severity=severity,
        found_unquoted=found is not None,
        other=other.id,
        found_at=found,
    )
