"""Articles: read each input and find its quotes, the first step of every command (`extract`).

Separate from `pipeline.py`, which chains comparison and checking after it, so a run that only
extracts imports nothing of those; and the one place where many articles are extracted on
several cores (`--jobs`).
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Callable, Iterable

from attribution import parallel
from attribution.extract import extract_quotes
from attribution.inputs import read_input
from attribution.model import SCHEMA, Article, Quote, Report, summarize

ArticleInput = str | Article
# Told (steps done, steps in all) after each article is read and each comparison is made,
# so a caller can show progress; the CLI draws a bar on a terminal.
Progress = Callable[[int, int], None]


def article_ids(count: int) -> list[str]:
    """Ids for `count` articles: a, b, ... z, then a27, a28, ..."""
    letters = string.ascii_lowercase
    return [letters[i] if i < len(letters) else f"a{i + 1}" for i in range(count)]


def read_article(source: str, article_id: str) -> Article:
    """Read an article from a path, a URL (or `-`) and find its quotes.

    Raises:
        UnreadableInput: the input cannot be read or decoded.
    """
    return with_quotes(read_text_article(source, article_id))


def read_text_article(source: str, article_id: str) -> Article:
    """Read an article from a path, a URL (or `-`), its quotes not yet found.

    Raises:
        UnreadableInput: the input cannot be read or decoded.
    """
    read = read_input(source)
    return Article(article_id, source, text=read.text, warnings=read.warnings)


def article_from_text(text: str, article_id: str = "a", source: str = "<text>") -> Article:
    """An article from text already in memory, with its quotes found."""
    return with_quotes(Article(id=article_id, source=source, text=text))


def with_quotes(article: Article) -> Article:
    """The article with its quotes found (kept as they are when it has some already)."""
    if article.quotes:
        return article
    return dataclasses.replace(article, quotes=extract_quotes(article))


def extract(*sources: ArticleInput, progress: Progress | None = None, jobs: int = 1) -> Report:
    """Find the quotes of one or more articles, with speaker, cue and kind.

    Args:
        *sources: paths, URLs (or `-`) to read, or `Article`s.
        progress: told (done, total) after each article.
        jobs: how many processes extract articles at once (`parallel.default_jobs()` for
            every core); the report is the same whatever the number.

    Returns:
        A report with `articles` filled and no matches.

    Raises:
        UnreadableInput: an input cannot be read.
    """
    articles = read_articles(sources, progress=progress, jobs=jobs)
    return Report(
        SCHEMA, articles, (), (), summarize((), ()), report_warnings(articles), command="extract"
    )


def read_articles(
    sources: Iterable[ArticleInput], *, progress: Progress | None = None, jobs: int = 1
) -> tuple[Article, ...]:
    """Read each input and find its quotes; ids `a`, `b`, ... in order.

    With `jobs` above 1 and enough text, the inputs are all read first (in order, so the
    first unreadable one is the error, as with one process) and their quotes found by a
    pool of processes; the articles are the same either way.

    Raises:
        UnreadableInput: an input cannot be read.
    """
    sources = list(sources)
    ids = article_ids(len(sources))
    if jobs > 1 and len(sources) > 1:
        read = [
            s if isinstance(s, Article) else read_text_article(s, article_id)
            for article_id, s in zip(ids, sources, strict=True)
        ]
        pending = [i for i, article in enumerate(read) if not article.quotes]
        chars = sum(len(read[i].text) for i in pending)
        if parallel.worth_parallel(jobs, len(pending), chars):
            found = parallel.run(
                _quotes_of, [read[i] for i in pending], jobs=jobs, progress=progress
            )
            for i, quotes in zip(pending, found, strict=True):
                read[i] = dataclasses.replace(read[i], quotes=quotes)
            return tuple(read)
        sources = list(read)
    articles = []
    for article_id, source in zip(ids, sources, strict=True):
        if isinstance(source, Article):
            articles.append(with_quotes(source))
        else:
            articles.append(read_article(source, article_id))
        if progress is not None:
            progress(len(articles), len(sources))
    return tuple(articles)


def report_warnings(articles: Iterable[Article]) -> tuple[str, ...]:
    """What the reader should know about how each article was read, and each quote whose
    extent is a guess, with its line."""
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


def counting_from(progress: Progress | None, offset: int, total: int) -> Progress | None:
    """A progress callback for one part of a longer job: steps offset into the whole."""
    if progress is None:
        return None
    return lambda done, _: progress(offset + done, total)


def _quotes_of(_: object, article: Article) -> tuple[Quote, ...]:
    """A worker's job: one article's quotes (`parallel.run`)."""
    return extract_quotes(article)
