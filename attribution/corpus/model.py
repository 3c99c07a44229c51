"""The values `track` hands between its stages: articles as read, statements as printed.

Kept apart from `attribution.model` (one article pair's report) because these cross process
and machine boundaries in bulk: small, flat and picklable, with text stored once per wording.
"""

from __future__ import annotations

from dataclasses import dataclass

# The JSON Schema of one line of clusters.jsonl (attribution/schema/clusters-v1.json).
CLUSTERS_SCHEMA = "attribution/clusters-v1"


@dataclass(frozen=True, slots=True)
class Record:
    """One article of a corpus, as the reader found it and before its quotes are found.

    Exactly one of `text` (a JSON Lines or Parquet record) and `data` (a file's bytes,
    decoded by the worker that extracts it) is set. `position` says where it came from,
    for messages: `news.jsonl:17`, `articles/nyt/a.txt`.
    """

    ordinal: int
    id: str
    position: str
    text: str | None = None
    data: bytes | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the report says of an article: its id, where it came from, outlet and date."""

    id: str
    position: str
    outlet: str | None
    published: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Problem:
    """A record that was skipped or read with a loss, and why: `news.jsonl:17: no text`."""

    position: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.position}: {self.message}"


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement of one article, as a worker found it: its words, speaker and pieces.

    `pieces` are the ids of its quotes (several when the article split it around its
    attribution); `keys` the stable hashes of its rarest word pairs, under which the corpus
    index files it (`index.rare_keys`).
    """

    pieces: tuple[str, ...]
    text: str
    speaker: str | None
    kind: str
    keys: tuple[int, ...]
    # Where each piece stands in the article's text, as [start, end) character offsets.
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Extracted:
    """A worker's result for one article: its statements, or why it could not be read.

    `short` counts the quotes left out as too short to verify ("true", "very good"): said
    by anyone about anything, they are no statement to track.
    """

    ordinal: int
    statements: tuple[Statement, ...] = ()
    short: int = 0
    terms: int = 0
    problem: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Wording:
    """A distinct wording credited to one speaker: the unit the index files and the matcher
    links (printings of the same words by the same name are one wording)."""

    text: str
    speaker: str | None
    keys: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Printing:
    """One article's printing of a wording: the article, and the ids of the quote's pieces."""

    article: int
    wording: int
    pieces: tuple[str, ...]
    kind: str
    spans: tuple[tuple[int, int], ...] = ()
