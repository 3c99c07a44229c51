"""Reading a corpus: folders of article files, JSON Lines and Parquet files, as records.

The driver's only input stage. It turns each article into a `Record` (a file's bytes are
decoded later, by the worker that extracts it, so reading stays I/O) and reports every record
it cannot use with its position, never dropping one silently.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from attribution.corpus.model import Problem, Record
from attribution.errors import UnreadableInput, cannot_read
from attribution.inputs import MAX_INPUT_BYTES

# The files a folder's articles are read from; anything else in a folder is left alone.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
# One article per record, one record per line (or row).
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})
# The fields a record may carry; `id` and `text` are required.
OPTIONAL_FIELDS = ("outlet", "published", "url")


def read_corpus(paths: Sequence[str]) -> Iterator[Record | Problem]:
    """Every article of the corpus, in the order given, and every record that is unusable.

    A folder is read recursively in path order; its files' ids are their paths inside the
    folder and, for a file in a subfolder, the outlet is that subfolder's name
    (`corpus/nyt/a.txt` is article `nyt/a.txt` of outlet `nyt`). A `.jsonl`/`.ndjson` or
    `.parquet` file holds one article per record. Ids must be unique across the corpus.

    Args:
        paths: folders, JSON Lines files and Parquet files.

    Yields:
        Records, numbered from 0 in reading order, and `Problem`s for records skipped (no
        text, a repeated id, a line that is not JSON) or read with a loss (a date that
        cannot be read is dropped).

    Raises:
        UnreadableInput: a path does not exist, is not a corpus file, or cannot be read.
    """
    seen: set[str] = set()
    ordinal = 0
    for path in paths:
        for item in _read_path(path):
            if isinstance(item, Problem):
                yield item
                continue
            if item.id in seen:
                yield Problem(item.position, f"id {item.id!r} was already used; record skipped")
                continue
            seen.add(item.id)
            yield _numbered(item, ordinal)
            ordinal += 1


def _read_path(source: str) -> Iterator[Record | Problem]:
    path = Path(source)
    if path.is_dir():
        yield from _read_folder(path)
    elif not path.exists():
        raise cannot_read(source, "file not found")
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif path.suffix.lower() in PARQUET_SUFFIXES:
        yield from _read_parquet(path)
    else:
        raise cannot_read(
            source,
            "not a corpus: give a folder of articles, a JSON Lines file (.jsonl) or a "
            "Parquet file (.parquet) with one article per record",
        )


def _read_folder(root: Path) -> Iterator[Record | Problem]:
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )
    for file in files:
        relative = file.relative_to(root).as_posix()
        position = str(file)
        try:
            size = file.stat().st_size
            if size > MAX_INPUT_BYTES:
                yield Problem(position, f"larger than {MAX_INPUT_BYTES // 2**20} MB; skipped")
                continue
            data = file.read_bytes()
        except OSError as err:
            yield Problem(position, f"cannot read it: {err.strerror or err}; skipped")
            continue
        parts = relative.split("/")
        outlet = parts[0] if len(parts) > 1 else None
        yield Record(0, relative, position, data=data, outlet=outlet)


def _read_jsonl(path: Path) -> Iterator[Record | Problem]:
    try:
        stream = path.open("rb")
    except OSError as err:
        raise cannot_read(str(path), err.strerror or str(err)) from None
    with stream:
        for number, raw in enumerate(stream, 1):
            position = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                value = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                reason = err.msg if isinstance(err, json.JSONDecodeError) else "not UTF-8"
                yield Problem(position, f"not a JSON record ({reason}); skipped")
                continue
            yield from _record(value, position)


def _read_parquet(path: Path) -> Iterator[Record | Problem]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UnreadableInput(
            f"cannot read {str(path)!r}: reading Parquet needs pyarrow; install it with "
            "pip install 'quote-attribution[parquet]'"
        ) from None
    try:
        table = pq.ParquetFile(path)
        names = set(table.schema_arrow.names)
        missing = {"id", "text"} - names
        if missing:
            raise cannot_read(str(path), f"no {' or '.join(sorted(missing))} column")
        columns = ["id", "text", *(f for f in OPTIONAL_FIELDS if f in names)]
        row = 0
        for batch in table.iter_batches(columns=columns, batch_size=1024):
            for value in batch.to_pylist():
                row += 1
                yield from _record(value, f"{path}: row {row}")
    except UnreadableInput:
        raise
    except Exception as err:  # pyarrow raises its own error types for a damaged file
        raise cannot_read(str(path), f"not a readable Parquet file ({err})") from None


def _record(value: Any, position: str) -> Iterator[Record | Problem]:
    """A JSON Lines or Parquet record as a `Record`, or the problem that keeps it out."""
    if not isinstance(value, dict):
        yield Problem(position, "not an object with id and text; skipped")
        return
    ident = value.get("id")
    if isinstance(ident, bool) or not isinstance(ident, str | int) or not str(ident).strip():
        yield Problem(position, "no id (a string or a number); skipped")
        return
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(position, "no text (a non-empty string); skipped")
        return
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        raw = value.get(name)
        if raw is None:
            fields[name] = None
        elif name == "published":
            date = _date(raw)
            if date is None:
                yield Problem(position, f"published {raw!r} is not a date; read without it", False)
            fields[name] = date
        elif isinstance(raw, str):
            fields[name] = raw.strip() or None
        else:
            yield Problem(position, f"{name} is not a string; read without it", False)
            fields[name] = None
    yield Record(
        0,
        str(ident).strip(),
        position,
        text=text,
        outlet=fields["outlet"],
        published=fields["published"],
        url=fields["url"],
    )


def _date(raw: object) -> str | None:
    """An ISO 8601 date or date-time (a Parquet timestamp too) as its ISO text; else None."""
    if isinstance(raw, dt.datetime | dt.date):
        return raw.isoformat()
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def _numbered(record: Record, ordinal: int) -> Record:
    return Record(
        ordinal,
        record.id,
        record.position,
        text=record.text,
        data=record.data,
        outlet=record.outlet,
        published=record.published,
        url=record.url,
    )
