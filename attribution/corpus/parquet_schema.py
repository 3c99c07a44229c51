"""The Arrow schema of clusters.parquet: the clusters-v1 record, column for column.

Only imported when pyarrow is installed (the `parquet` extra); written out in full because
Arrow cannot infer a column that is empty in the first rows (a cluster with no changes).
"""

from __future__ import annotations

import pyarrow as pa


def clusters_schema() -> pa.Schema:
    """One row per cluster, nested as in clusters.jsonl (schema/clusters-v1.json)."""
    text = pa.string()
    change = pa.struct(
        [("op", text), ("a", text), ("b", text), ("category", text), ("severity", text)]
    )
    printing = pa.struct(
        [
            ("article", text),
            ("quote", text),
            ("pieces", pa.list_(text)),
            ("spans", pa.list_(pa.list_(pa.int64()))),
            ("kind", text),
            ("speaker", text),
            ("credit", text),
            ("outlet", text),
            ("published", text),
            ("url", text),
            ("repeats", pa.list_(text)),
        ]
    )
    variant = pa.struct(
        [
            ("text", text),
            ("verdict", text),
            ("severity", text),
            ("similarity", pa.float64()),
            ("against", pa.int64()),
            ("changes", pa.list_(change)),
            ("printings", pa.list_(printing)),
        ]
    )
    speaker = pa.struct([("name", text), ("forms", pa.list_(text)), ("articles", pa.int64())])
    return pa.schema(
        [
            ("id", text),
            ("statement", text),
            ("earliest", text),
            ("articles", pa.int64()),
            ("outlets", pa.int64()),
            ("first_seen", text),
            ("last_seen", text),
            ("worst", text),
            ("altered", pa.int64()),
            ("misattributed", pa.bool_()),
            ("speakers", pa.list_(speaker)),
            ("variants", pa.list_(variant)),
        ]
    )
