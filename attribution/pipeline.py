"""The library's entry points: `extract`, `compare` (and the stages they chain) for CLI and code.

The CLI is a thin shell over these functions; everything a command does, a Python user can do
with the same call. Reading happens here, never inside a stage.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterable, Sequence

from attribution.align import (
    Pair,
    TextIndex,
    find_counterparts,
    find_unquoted,
    names_spelled_differently,
)
from attribution.classify import DEFAULT_POLICY, Policy, classify_alignment
from attribution.extract import countable, extract_quotes
from attribution.inputs import read_text
from attribution.model import (
    SCHEMA,
    Article,
    Match,
    Quote,
    Report,
    Severity,
    Speakers,
    Unmatched,
    Verdict,
    summarize,
)
from attribution.speakers import same_speaker

ArticleInput = str | Article


def article_ids(count: int) -> list[str]:
    """Ids for `count` articles: a, b, ... z, then a27, a28, ..."""
    letters = string.ascii_lowercase
    return [letters[i] if i < len(letters) else f"a{i + 1}" for i in range(count)]


def read_article(source: str, article_id: str) -> Article:
    """Read an article from a path (or `-`) and find its quotes.

    Raises:
        UnreadableInput: the input cannot be read or decoded.
    """
    return with_quotes(Article(id=article_id, source=source, text=read_text(source)))


def article_from_text(text: str, article_id: str = "a", source: str = "<text>") -> Article:
    """An article from text already in memory, with its quotes found."""
    return with_quotes(Article(id=article_id, source=source, text=text))


def with_quotes(article: Article) -> Article:
    """The article with its quotes found (kept as they are when it has some already)."""
    if article.quotes:
        return article
    return dataclasses.replace(article, quotes=extract_quotes(article))


def extract(*sources: ArticleInput) -> Report:
    """Find the quotes of one or more articles, with speaker, cue and kind.

    Args:
        *sources: paths (or `-`) to read, or `Article`s.

    Returns:
        A report with `articles` filled and no matches.

    Raises:
        UnreadableInput: an input cannot be read.
    """
    articles = _load(sources)
    return Report(
        SCHEMA, articles, (), (), summarize((), ()), _warnings(articles), command="extract"
    )


def compare(*sources: ArticleInput, policy: Policy = DEFAULT_POLICY) -> Report:
    """Compare the quotes of articles with those of the first (the reference).

    Args:
        *sources: two or more paths (or `-`) or `Article`s; the first is the reference.
        policy: severities for changes (spelling, editorial marks) and speaker mismatches.

    Returns:
        The report: every reference quote matched with its counterpart in each other
        article, and quotes without a counterpart on either side.

    Raises:
        UnreadableInput: an input cannot be read.
        BadOption: fewer than two articles.
    """
    from attribution.errors import BadOption

    if len(sources) < 2:
        raise BadOption("compare needs at least two articles: a reference and one to compare")
    articles = _load(sources)
    return compare_articles(articles, policy=policy)


def compare_articles(articles: Sequence[Article], *, policy: Policy = DEFAULT_POLICY) -> Report:
    """`compare` over articles already read (and their quotes found)."""
    ref = articles[0]
    matches: list[Match] = []
    unmatched: list[Unmatched] = []
    ref_index: TextIndex | None = None
    for other in articles[1:]:
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


def _load(sources: Iterable[ArticleInput]) -> tuple[Article, ...]:
    sources = list(sources)
    ids = article_ids(len(sources))
    articles = []
    for article_id, source in zip(ids, sources, strict=True):
        if isinstance(source, Article):
            articles.append(with_quotes(source))
        else:
            articles.append(read_article(source, article_id))
    return tuple(articles)


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
    out = []
    for article in articles:
        for quote in article.quotes:
            if quote.uncertain:
                line = article.text.count("\n", 0, quote.start) + 1
                out.append(f"{article.source}:{line}: {quote.id}: {quote.uncertain}")
    return tuple(out)
