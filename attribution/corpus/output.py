"""Writing `track`'s results: clusters.jsonl, clusters.parquet (with pyarrow) and summary.md.

The only module of `track` that writes files; records arrive one cluster at a time and go
straight to disk, so a corpus of any size never sits in memory as a whole.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import Any

from attribution.errors import UnwritableOutput
from attribution.report.common import encodable

CLUSTERS_JSONL = "clusters.jsonl"
CLUSTERS_PARQUET = "clusters.parquet"
SUMMARY_MD = "summary.md"
# Clusters per Parquet row group: a few megabytes each.
PARQUET_ROWS = 5000


class ClusterWriter:
    """Writes each cluster record as one JSON line, and to Parquet when pyarrow is there."""

    def __init__(self, folder: Path, *, parquet: bool | None = None) -> None:
        """Open the output files in `folder` (made if missing).

        Args:
            folder: where to write.
            parquet: write clusters.parquet too; by default when pyarrow is installed.

        Raises:
            UnwritableOutput: the folder cannot be made or written.
        """
        self.folder = folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._jsonl = (folder / CLUSTERS_JSONL).open("w", encoding="utf-8", newline="\n")
        except OSError as err:
            raise UnwritableOutput(
                f"cannot write to {str(folder)!r}: {err.strerror or err}"
            ) from None
        self._parquet: Any = None
        self._rows: list[dict[str, Any]] = []
        if parquet is None:
            parquet = _has_pyarrow()
        if parquet:
            import pyarrow.parquet as pq

            from attribution.corpus.parquet_schema import clusters_schema

            self._schema = clusters_schema()
            self._parquet = pq.ParquetWriter(folder / CLUSTERS_PARQUET, self._schema)

    def write(self, record: dict[str, Any]) -> None:
        """Write one cluster."""
        self._jsonl.write(encodable(json.dumps(record, ensure_ascii=False)) + "\n")
        if self._parquet is not None:
            self._rows.append(record)
            if len(self._rows) >= PARQUET_ROWS:
                self._flush()

    def close(self) -> None:
        """Finish both files."""
        self._jsonl.close()
        if self._parquet is not None:
            self._flush()
            self._parquet.close()

    def _flush(self) -> None:
        if self._rows:
            import pyarrow as pa

            self._parquet.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def __enter__(self) -> ClusterWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def write_summary(folder: Path, text: str) -> Path:
    """Write the markdown summary; returns its path.

    Raises:
        UnwritableOutput: it cannot be written.
    """
    path = folder / SUMMARY_MD
    try:
        path.write_text(encodable(text), encoding="utf-8", newline="\n")
    except OSError as err:
        raise UnwritableOutput(f"cannot write {str(path)!r}: {err.strerror or err}") from None
    return path


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True
