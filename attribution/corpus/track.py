"""The `track` driver: read, extract, index, link, cluster, describe, in that order.

Each heavy step is a map of a pure, partitioned function over batches (`printings`,
`index`, `link`, `describe`), run by an engine (`engines.py`); this module only routes
batches and keeps the small tables that tie them (which article prints which wording).
"""

from __future__ import annotations

import itertools
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from attribution.classify import DEFAULT_POLICY, Policy
from attribution.corpus.describe import ClusterFacts, ClusterInput, describe_batch
from attribution.corpus.engines import Engine, StageProgress
from attribution.corpus.index import Postings, build_postings, candidate_pairs
from attribution.corpus.link import Comparison, Link, cluster, link_batch
from attribution.corpus.model import ArticleInfo, Extracted, Printing, Problem, Record, Wording
from attribution.corpus.printings import extract_batch
from attribution.corpus.read import read_corpus

# Articles per extraction task: a few hundred milliseconds of work, a megabyte to send.
ARTICLES_PER_BATCH = 64
# Wordings per index lookup task, candidate pairs per linking task, printings per
# describing task: each a fraction of a second of work.
WORDINGS_PER_BATCH = 4000
PAIRS_PER_BATCH = 2000
PRINTINGS_PER_BATCH = 4000

# Told (stage, done, total) as each stage moves on; total is None while still unknown.
Progress = Callable[[str, int, int | None], None]
# Told each cluster as its record is made, in output order.
Sink = Callable[[dict[str, Any], ClusterFacts], None]


@dataclass(slots=True)
class Tally:
    """What `track` read and found, for the summary and the command's last line."""

    articles: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    statements: int = 0
    short: int = 0
    terms: int = 0
    wordings: int = 0
    candidate_pairs: int = 0
    links: int = 0
    clusters: int = 0
    timings: dict[str, float] = field(default_factory=dict)


def run_track(
    paths: Sequence[str],
    engine: Engine,
    sink: Sink,
    *,
    policy: Policy = DEFAULT_POLICY,
    progress: Progress | None = None,
) -> Tally:
    """Track every statement of a corpus; each cluster goes to `sink` in output order.

    Clusters come out most printed first (then in reading order), with ids c1, c2, ...

    Raises:
        UnreadableInput: a corpus path cannot be read at all.
    """
    tally = Tally()
    clock = _Clock(tally)
    corpus = _Corpus()
    extracted = engine.map(
        extract_batch,
        _record_batches(read_corpus(paths), corpus, tally),
        progress=_stage(progress, "read and extract"),
    )
    for batch in extracted:
        for item in batch:
            corpus.add(item, tally)
    tally.articles = len(corpus.printed)
    tally.wordings = len(corpus.wordings)
    clock.lap("extract")

    popularity = array("I", (len(a) for a in corpus.wording_articles))
    postings = build_postings([w.keys for w in corpus.wordings], popularity)
    lookups = _chunks(((n, w.text) for n, w in enumerate(corpus.wordings)), WORDINGS_PER_BATCH)
    pairs: set[tuple[int, int]] = set()
    for found in engine.map(
        _lookup,
        lookups,
        shared=(postings, popularity),
        progress=_stage(progress, "index"),
        total=_batches(len(corpus.wordings), WORDINGS_PER_BATCH),
    ):
        pairs.update(found)
    del postings
    tally.candidate_pairs = len(pairs)
    clock.lap("index")

    ordered = _by_neighbourhood(pairs)
    del pairs
    links: list[Link] = []
    for found in engine.map(
        _link,
        # Each batch carries the wordings it compares, not the whole table to every worker.
        (
            (chunk, {n: corpus.wordings[n] for pair in chunk for n in pair})
            for chunk in _chunks(ordered, PAIRS_PER_BATCH)
        ),
        shared=policy,
        progress=_stage(progress, "link"),
        total=_batches(len(ordered), PAIRS_PER_BATCH),
    ):
        links.extend(found)
    del ordered
    tally.links = len(links)
    groups, kept = cluster(
        links,
        [frozenset(a) for a in corpus.wording_articles],
        [len(w.text) for w in corpus.wordings],
    )
    clock.lap("link")

    groups.sort(key=lambda g: (-corpus.article_count(g), min(corpus.first[w] for w in g)))
    tally.clusters = len(groups)
    links_of = _links_by_cluster(groups, kept)
    compared = _comparisons_by_cluster(groups, links, corpus.wordings)
    del links
    inputs = (
        corpus.cluster_input(f"c{i}", group, links_of.get(i - 1, ()), compared.pop(i - 1, {}))
        for i, group in enumerate(groups, 1)
    )
    for described in engine.map(
        _describe,
        _weighted_chunks(inputs, PRINTINGS_PER_BATCH, lambda c: len(c.printings)),
        shared=policy,
        progress=_stage(progress, "describe"),
    ):
        for record, facts in described:
            sink(record, facts)
    clock.lap("describe")
    return tally


class _Corpus:
    """The driver's tables: articles, wordings, and which article prints which wording."""

    def __init__(self) -> None:
        self.infos: dict[int, ArticleInfo] = {}
        self.printed: set[int] = set()
        self.wordings: list[Wording] = []
        self.numbers: dict[tuple[str, str | None], int] = {}
        self.wording_articles: list[set[int]] = []
        self.by_wording: list[list[Printing]] = []
        self.first: list[int] = []  # each wording's first printing, in reading order
        self.repeats: dict[tuple[int, int], list[str]] = {}
        self.count = 0

    def add(self, item: Extracted, tally: Tally) -> None:
        info = self.infos[item.ordinal]
        if item.problem is not None:
            tally.problems.append(Problem(info.position, f"{item.problem}; skipped"))
            return
        self.printed.add(item.ordinal)
        tally.warnings.extend(f"{info.position}: {w}" for w in item.warnings)
        tally.short += item.short
        tally.terms += item.terms
        for statement in item.statements:
            tally.statements += 1
            key = (statement.text, statement.speaker)
            number = self.numbers.get(key)
            if number is None:
                number = self.numbers[key] = len(self.wordings)
                self.wordings.append(Wording(statement.text, statement.speaker, statement.keys))
                self.wording_articles.append(set())
                self.by_wording.append([])
                self.first.append(self.count)
            self.count += 1
            if item.ordinal in self.wording_articles[number]:
                # The article prints these words again: one printing, the rest repeats.
                self.repeats.setdefault((item.ordinal, number), []).extend(statement.pieces)
                continue
            self.wording_articles[number].add(item.ordinal)
            self.by_wording[number].append(
                Printing(item.ordinal, number, statement.pieces, statement.kind, statement.spans)
            )

    def article_count(self, group: Sequence[int]) -> int:
        return sum(len(self.wording_articles[w]) for w in group)

    def cluster_input(
        self,
        ident: str,
        group: Sequence[int],
        links: Sequence[tuple[int, int]],
        compared: dict[tuple[str, str], Comparison],
    ) -> ClusterInput:
        printings = tuple(p for w in group for p in self.by_wording[w])
        return ClusterInput(
            ident,
            {w: self.wordings[w] for w in group},
            printings,
            {p.article: self.infos[p.article] for p in printings},
            tuple(links),
            {
                (p.article, p.wording): tuple(self.repeats[(p.article, p.wording)])
                for p in printings
                if (p.article, p.wording) in self.repeats
            },
            compared,
        )


def _record_batches(
    items: Iterable[Record | Problem], corpus: _Corpus, tally: Tally
) -> Iterator[list[Record]]:
    """Records in batches for extraction; problems and article details kept on the side."""
    batch: list[Record] = []
    for item in items:
        if isinstance(item, Problem):
            tally.problems.append(item)
            continue
        corpus.infos[item.ordinal] = ArticleInfo(
            item.id, item.position, item.outlet, item.published, item.url
        )
        batch.append(item)
        if len(batch) == ARTICLES_PER_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _lookup(
    batch: list[tuple[int, str]], shared: tuple[Postings, Sequence[int]]
) -> list[tuple[int, int]]:
    postings, popularity = shared
    return candidate_pairs(batch, postings, popularity)


def _link(batch: tuple[list[tuple[int, int]], dict[int, Wording]], policy: Policy) -> list[Link]:
    pairs, wordings = batch
    return link_batch(pairs, wordings, policy=policy)


def _describe(
    batch: list[ClusterInput], policy: Policy
) -> list[tuple[dict[str, Any], ClusterFacts]]:
    return describe_batch(batch, policy=policy)


def _by_neighbourhood(pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Candidate pairs ordered so that the pairs of wordings connected through candidates
    (the printings of one statement and its variants) come together, each group by
    reference: a batch then prepares each of its wordings once, and a worker need not keep
    every wording it has seen to spare preparing it again in a later batch."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    listed = sorted(pairs)
    for a, b in listed:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return sorted(listed, key=lambda pair: (root(pair[0]), pair))


def _links_by_cluster(
    groups: Sequence[Sequence[int]], kept: Iterable[tuple[int, int]]
) -> dict[int, list[tuple[int, int]]]:
    where = {w: i for i, g in enumerate(groups) for w in g}
    out: dict[int, list[tuple[int, int]]] = {}
    for a, b in kept:
        if a in where:
            out.setdefault(where[a], []).append((a, b))
    return out


def _comparisons_by_cluster(
    groups: Sequence[Sequence[int]],
    links: Iterable[Link],
    wordings: Sequence[Wording],
) -> dict[int, dict[tuple[str, str], Comparison]]:
    """How each linked wording differs from the one it was linked with, by cluster and by
    the two texts, so describing a cluster aligns again only what linking did not."""
    where = {w: i for i, g in enumerate(groups) for w in g}
    out: dict[int, dict[tuple[str, str], Comparison]] = {}
    for a, b, _, _, comparison in links:
        i = where.get(a)
        ta, tb = wordings[a].text, wordings[b].text
        if i is not None and i == where.get(b) and ta != tb:
            out.setdefault(i, {}).setdefault((ta, tb), comparison)
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _weighted_chunks(
    items: Iterable[Any], budget: int, weight: Callable[[Any], int]
) -> Iterator[list[Any]]:
    """Items in batches of about `budget` weight (a large cluster is a batch of its own)."""
    batch: list[Any] = []
    used = 0
    for item in items:
        batch.append(item)
        used += weight(item)
        if used >= budget:
            yield batch
            batch, used = [], 0
    if batch:
        yield batch


def _batches(count: int, size: int) -> int:
    return (count + size - 1) // size


def _stage(progress: Progress | None, name: str) -> StageProgress | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)


class _Clock:
    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.start = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.tally.timings[name] = round(now - self.start, 3)
        self.start = now
