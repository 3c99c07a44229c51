"""The library's entry points: `extract`, `compare`, `check` (and the stages they chain).

The CLI is a thin shell over these functions; everything a command does, a Python user can do
with the same call. Reading happens here, never inside a stage.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Callable, Iterable, Sequence

from attribution.align import (
    Pair,
    TextIndex,
    find_counterparts,
    find_unquoted,
    names_spelled_differently,
)
from attribution.classify import DEFAULT_POLICY, Policy, classify_alignment
from attribution.errors import BadOption
from attribution.extract import countable, extract_quotes, same_speaker
from attribution.inputs import STDIN, read_input, read_text
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
    Speakers,
    Unmatched,
    Verdict,
    summarize,
)
from attribution.sources import Source, SourceSpec, parse_source, parse_source_spec
from attribution.verify import (
    Found,
    SourceIndex,
    apply_house_spelling,
    rank,
    search,
    settle_role_speaker,
)

ArticleInput = str | Article
# Told (steps done, steps in all) after each article is read and each comparison is made,
# so a caller can show progress; the CLI draws a bar on a terminal.
Progress = Callable[[int, int], None]

# A source to check against: a source argument (`PATH`, `KIND:PATH`, `KIND=NAME:PATH`), a
# parsed `SourceSpec`, or a `Source` already read.
SourceInput = str | SourceSpec | Source
# The article id of the draft in a check's report (docs/report-json.md); sources are s1, s2, ...
DRAFT_ID = "draft"
# A draft quote in no source is the worst finding there is: nothing supports it.
UNSUPPORTED_SEVERITY = Severity.CRITICAL


def article_ids(count: int) -> list[str]:
    """Ids for `count` articles: a, b, ... z, then a27, a28, ..."""
    letters = string.ascii_lowercase
    return [letters[i] if i < len(letters) else f"a{i + 1}" for i in range(count)]


def read_article(source: str, article_id: str) -> Article:
    """Read an article from a path, a URL (or `-`) and find its quotes.

    Raises:
        UnreadableInput: the input cannot be read or decoded.
    """
    read = read_input(source)
    return with_quotes(Article(article_id, source, text=read.text, warnings=read.warnings))


def article_from_text(text: str, article_id: str = "a", source: str = "<text>") -> Article:
    """An article from text already in memory, with its quotes found."""
    return with_quotes(Article(id=article_id, source=source, text=text))


def with_quotes(article: Article) -> Article:
    """The article with its quotes found (kept as they are when it has some already)."""
    if article.quotes:
        return article
    return dataclasses.replace(article, quotes=extract_quotes(article))


def extract(*sources: ArticleInput, progress: Progress | None = None) -> Report:
    """Find the quotes of one or more articles, with speaker, cue and kind.

    Args:
        *sources: paths, URLs (or `-`) to read, or `Article`s.
        progress: told (done, total) after each article.

    Returns:
        A report with `articles` filled and no matches.

    Raises:
        UnreadableInput: an input cannot be read.
    """
    articles = _load(sources, progress=progress)
    return Report(
        SCHEMA, articles, (), (), summarize((), ()), _warnings(articles), command="extract"
    )


def compare(
    *sources: ArticleInput, policy: Policy = DEFAULT_POLICY, progress: Progress | None = None
) -> Report:
    """Compare the quotes of articles with those of the first (the reference).

    Args:
        *sources: two or more paths, URLs (or `-`) or `Article`s; the first is the reference.
        policy: severities for changes (spelling, editorial marks) and speaker mismatches.
        progress: told (done, total) after each article is read and each is compared.

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
    articles = _load(sources, progress=_counting_from(progress, 0, total))
    return compare_articles(
        articles, policy=policy, progress=_counting_from(progress, len(sources), total)
    )


def compare_articles(
    articles: Sequence[Article],
    *,
    policy: Policy = DEFAULT_POLICY,
    progress: Progress | None = None,
) -> Report:
    """`compare` over articles already read (and their quotes found).

    `progress` is told (done, total) after each article is compared with the reference.
    """
    ref = articles[0]
    matches: list[Match] = []
    unmatched: list[Unmatched] = []
    ref_index: TextIndex | None = None
    for done, other in enumerate(articles[1:], 1):
        pairs = find_counterparts(ref.quotes, other.quotes, same_speaker=_speakers_agree)
        matches.extend(build_match(pair, policy=policy) for pair in pairs)
        paired_ref = {p.a.id for p in pairs}
        paired_other = {p.b.id for p in pairs}
        other_index: TextIndex | None = None
        for quote in countable(ref.quotes):
            if quote.id not in paired_ref:
                other_index = other_index or TextIndex(other.text)
                unmatched.append(_unmatched(quote, ref, other, other_index))
        for quote in countable(other.quotes):
            if quote.id not in paired_other:
                ref_index = ref_index or TextIndex(ref.text)
                unmatched.append(_unmatched(quote, other, ref, ref_index))
        if progress is not None:
            progress(done, len(articles) - 1)
    return Report(
        SCHEMA,
        tuple(articles),
        tuple(matches),
        tuple(unmatched),
        summarize(matches, unmatched),
        _warnings(articles),
        command="compare",
        names=names_spelled_differently(articles),
    )


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
) -> list[Report]:
    """`check` for several drafts against the same sources, each source read once.

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


def build_match(pair: Pair, *, policy: Policy = DEFAULT_POLICY) -> Match:
    """The match for an aligned pair: changes, verdict, severity and speakers."""
    a, b, alignment = pair.a, pair.b, pair.alignment
    changes, verdict, severity = classify_alignment(alignment, a.text, b.text, policy=policy)
    same = same_speaker(a.speaker, b.speaker)
    if same is False:
        severity = max(severity, policy.speaker_mismatch)
    return Match(
        a=a.id,
        b=b.id,
        a_text=a.text,
        b_text=b.text,
        verdict=verdict,
        severity=severity,
        similarity=alignment.similarity,
        speakers=Speakers(a.speaker, b.speaker, same),
        changes=changes,
        a_window=_char_window(alignment.a_tokens, alignment.a_window, len(a.text)),
        b_window=_char_window(alignment.b_tokens, alignment.b_window, len(b.text)),
    )


# --- helpers ------------------------------------------------------------------------------


def _load(
    sources: Iterable[ArticleInput], *, progress: Progress | None = None
) -> tuple[Article, ...]:
    sources = list(sources)
    ids = article_ids(len(sources))
    articles = []
    for article_id, source in zip(ids, sources, strict=True):
        if isinstance(source, Article):
            articles.append(with_quotes(source))
        else:
            articles.append(read_article(source, article_id))
        if progress is not None:
            progress(len(articles), len(sources))
    return tuple(articles)


def _counting_from(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """A progress callback for one part of a longer job: steps offset into the whole."""
    if progress is None:
        return None
    return lambda done, _: progress(offset + done, total)


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
    outcomes: list[QuoteCheck] = []
    for quote in draft.quotes:
        if quote.kind is QuoteKind.TERM:
            outcomes.append(QuoteCheck(quote.id, CheckStatus.NOT_CHECKED, Severity.NONE))
            continue
        found = [
            _settled(f, draft, house_spelling, policy)
            for f in (search(quote, ix, policy=policy) for ix in indexes)
            if f is not None
        ]
        if not found:
            item = _unsupported(quote, indexes)
            unmatched.append(item)
            outcomes.append(
                QuoteCheck(quote.id, CheckStatus.UNSUPPORTED, item.severity, unmatched=item)
            )
            continue
        best = min(found, key=rank)
        match = best.match
        matches.append(match)
        outcomes.append(
            QuoteCheck(
                quote.id,
                _status(match),
                match.severity,
                match=match,
                location=best.location,
                also_in=tuple(f.location for f in found if f is not best and not f.reworded),
            )
        )
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
        (*_warnings([draft]), *notes),
        command="check",
        check=result,
    )


def _settled(found: Found, draft: Article, house: str | None, policy: Policy) -> Found:
    """A stretch's match with a role-named speaker settled and the house spelling applied."""
    match = settle_role_speaker(found.match, draft.text, found.source.article.text, policy=policy)
    match = apply_house_spelling(match, house, policy=policy)
    return dataclasses.replace(found, match=match)


def _status(match: Match) -> CheckStatus:
    if match.speakers.same is False:
        return CheckStatus.MISATTRIBUTED
    if match.verdict in (Verdict.ALTERED, Verdict.REWORDED):
        return CheckStatus.ALTERED
    return CheckStatus.VERIFIED


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


def _speakers_agree(a: Quote, b: Quote) -> bool:
    return bool(same_speaker(a.speaker, b.speaker))


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


def _char_window(tokens: Sequence[object], window: tuple[int, int], length: int) -> tuple[int, int]:
    lo, hi = window
    if (lo, hi) == (0, len(tokens)) or lo >= hi:
        return (0, length)
    return (tokens[lo].start, tokens[hi - 1].end)  # type: ignore[attr-defined]


def _warnings(articles: Iterable[Article]) -> tuple[str, ...]:
    out: list[str] = []
    for article in articles:
        out.extend(f"{article.source}: {warning}" for warning in article.warnings)
        # Lines are counted on from the previous warning, not from the top each time: a
        # wire dump with thousands of unclosed quotes would otherwise take quadratic time.
        line, counted = 1, 0
        for quote in article.quotes:
            if quote.uncertain:
                if quote.start < counted:
                    line, counted = 1, 0
                line += article.text.count("\n", counted, quote.start)
                counted = quote.start
                out.append(f"{article.source}:{line}: {quote.id}: {quote.uncertain}")
    return tuple(out)
