"""How well `track` groups statements and flags misattributions, on a generated corpus whose
truth is known (`corpus_generate.py`).

Every printing `track` reports is matched to the quote the generator planted where it stands
(by character overlap). Then, over printings in different articles:

- "same statement": a pair is predicted same when `track` puts both in one cluster, and is
  truly same when both were planted from one statement. Precision and recall are counted over
  every pair exactly, and also estimated as a hand count would be: 200 random same-cluster
  pairs (precision) and 100 pairs kept apart that share a rare word pair (misses).
- misattribution: a cluster is truly misattributed when its printings were planted credited
  to two different people; precision and recall of `track`'s flag over clusters of two or
  more printings.
- recall by edit: the share of printings planted with each edit that `track` put with
  another printing of their statement.

    python -m benchmarks.corpus_accuracy --articles 10000
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tabulate import tabulate

from attribution.corpus.index import rare_keys, word_keys
from attribution.normalize import tokenize
from attribution.pipeline import track
from benchmarks.corpus_generate import SEED, write_corpus

# The sample sizes of the hand-count protocol (issue 14).
SAME_CLUSTER_SAMPLE = 200
KEPT_APART_SAMPLE = 100
# A printing is the planted quote it covers at least this share of.
MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Truth:
    """What the generator planted for one printing."""

    article: str
    statement: int
    credited: int
    edit: str


@dataclass(frozen=True, slots=True)
class Scored:
    """One printing as `track` reported it, with its truth (None when nothing was planted
    there)."""

    cluster: str
    article: str
    text: str
    truth: Truth | None


def load_truth(path: Path) -> dict[str, list[tuple[list[list[int]], Truth]]]:
    """Planted quotes by article: their spans and truth."""
    out: dict[str, list[tuple[list[list[int]], Truth]]] = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            item = json.loads(line)
            out[item["id"]] = [
                (q["spans"], Truth(item["id"], q["statement"], q["credited"], q["edit"]))
                for q in item["quotes"]
            ]
    return out


def read_clusters(
    path: Path, truth: dict[str, list[tuple[list[list[int]], Truth]]]
) -> tuple[list[Scored], dict[str, bool]]:
    """Every printing of clusters.jsonl with its truth, and each cluster's flag."""
    printings: list[Scored] = []
    flags: dict[str, bool] = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            cluster = json.loads(line)
            flags[cluster["id"]] = cluster["misattributed"]
            for variant in cluster["variants"]:
                for p in variant["printings"]:
                    planted = _planted(p["spans"], truth.get(p["article"], []))
                    printings.append(Scored(cluster["id"], p["article"], variant["text"], planted))
    return printings, flags


def _planted(
    spans: Sequence[Sequence[int]], planted: Sequence[tuple[list[list[int]], Truth]]
) -> Truth | None:
    best, share = None, 0.0
    for gold, truth in planted:
        size = sum(e - s for s, e in gold)
        covered = sum(max(0, min(e, ge) - max(s, gs)) for s, e in spans for gs, ge in gold)
        if size and covered / size > share:
            best, share = truth, covered / size
    return best if share >= MIN_OVERLAP else None


def pair_counts(printings: Sequence[Scored]) -> tuple[int, int, int]:
    """(pairs in one cluster and one statement, pairs in one cluster, pairs of one
    statement), over planted printings of different articles (one per article and
    statement)."""
    kept: dict[tuple[str, int], Scored] = {}
    for p in printings:
        if p.truth is not None:
            kept.setdefault((p.article, p.truth.statement), p)
    cells: Counter[tuple[str, int]] = Counter()
    clusters: Counter[str] = Counter()
    statements: Counter[int] = Counter()
    for p in kept.values():
        assert p.truth is not None
        cells[(p.cluster, p.truth.statement)] += 1
        clusters[p.cluster] += 1
        statements[p.truth.statement] += 1

    def pairs(counts: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counts)

    return pairs(cells.values()), pairs(clusters.values()), pairs(statements.values())


def sampled(printings: Sequence[Scored], rng: random.Random) -> tuple[int, int, int, int]:
    """The hand-count protocol on the truth: (same among sampled same-cluster pairs, sampled,
    same among sampled kept-apart pairs sharing a rare word pair, sampled)."""
    planted = [p for p in printings if p.truth is not None]
    by_cluster: dict[str, list[Scored]] = defaultdict(list)
    for p in planted:
        by_cluster[p.cluster].append(p)
    together = [
        (a, b)
        for members in by_cluster.values()
        for a, b in itertools.combinations(members, 2)
        if a.article != b.article
    ]
    picked = rng.sample(together, min(SAME_CLUSTER_SAMPLE, len(together)))
    same = sum(1 for a, b in picked if _same(a, b))
    keys: dict[int, list[Scored]] = defaultdict(list)
    texts: dict[str, tuple[int, ...]] = {}
    for p in planted:
        if p.text not in texts:
            texts[p.text] = rare_keys(word_keys(tokenize(p.text)))
        for key in texts[p.text]:
            keys[key].append(p)
    apart: set[tuple[int, int]] = set()
    index = {id(p): i for i, p in enumerate(planted)}
    for members in keys.values():
        if len(members) > 50:
            members = rng.sample(members, 50)
        for a, b in itertools.combinations(members, 2):
            if a.cluster != b.cluster and a.article != b.article:
                apart.add(tuple(sorted((index[id(a)], index[id(b)]))))  # type: ignore[arg-type]
    chosen = rng.sample(sorted(apart), min(KEPT_APART_SAMPLE, len(apart)))
    missed = sum(1 for i, j in chosen if _same(planted[i], planted[j]))
    return same, len(picked), missed, len(chosen)


def _same(a: Scored, b: Scored) -> bool:
    return a.truth is not None and b.truth is not None and a.truth.statement == b.truth.statement


def flag_counts(printings: Sequence[Scored], flags: dict[str, bool]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the misattribution flag over
    clusters with two or more planted printings."""
    credited: dict[str, set[int]] = defaultdict(set)
    size: Counter[str] = Counter()
    for p in printings:
        if p.truth is not None:
            credited[p.cluster].add(p.truth.credited)
            size[p.cluster] += 1
    tp = fp = fn = 0
    for cluster, n in size.items():
        if n < 2:
            continue
        truly, flagged = len(credited[cluster]) > 1, flags[cluster]
        tp += truly and flagged
        fp += flagged and not truly
        fn += truly and not flagged
    return tp, fp, fn


def recall_by_edit(printings: Sequence[Scored]) -> dict[str, tuple[int, int]]:
    """Per edit: (printings grouped with another printing of their statement, printings)."""
    by_statement: dict[int, set[str]] = defaultdict(set)
    for p in printings:
        if p.truth is not None:
            by_statement[p.truth.statement].add(p.cluster)
    members: dict[tuple[str, int], int] = Counter(
        (p.cluster, p.truth.statement) for p in printings if p.truth is not None
    )
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    statement_size: Counter[int] = Counter(p.truth.statement for p in printings if p.truth)
    for p in printings:
        if p.truth is None or statement_size[p.truth.statement] < 2:
            continue
        counts = total[p.truth.edit]
        counts[1] += 1
        counts[0] += members[(p.cluster, p.truth.statement)] > 1
    return {k: (v[0], v[1]) for k, v in sorted(total.items())}


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def evaluate(folder: Path, out: Path, *, seed: int = SEED) -> dict[str, Any]:
    """Score `track`'s clusters.jsonl in `out` against folder/truth.jsonl."""
    truth = load_truth(folder / "truth.jsonl")
    printings, flags = read_clusters(out / "clusters.jsonl", truth)
    both, predicted, actual = pair_counts(printings)
    same, picked, missed, chosen = sampled(printings, random.Random(seed))
    tp, fp, fn = flag_counts(printings, flags)
    return {
        "printings": len(printings),
        "planted_found": sum(1 for p in printings if p.truth is not None),
        "same_precision": _ratio(both, predicted),
        "same_recall": _ratio(both, actual),
        "pairs": [both, predicted, actual],
        "sampled_same": [same, picked],
        "sampled_apart_missed": [missed, chosen],
        "flag_precision": _ratio(tp, tp + fp),
        "flag_recall": _ratio(tp, tp + fn),
        "flag_counts": [tp, fp, fn],
        "by_edit": recall_by_edit(printings),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="attribution-corpus-") as tmp:
        folder = Path(tmp)
        corpus, _ = write_corpus(args.articles, folder, seed=args.seed)
        start = time.perf_counter()
        track(str(corpus), output=folder / "out", engine=args.engine, parquet=False)
        seconds = time.perf_counter() - start
        result = evaluate(folder, folder / "out", seed=args.seed)
    result["seconds"] = round(seconds, 1)
    print(
        f"Generated corpus: {args.articles} articles (seed {args.seed}), "
        f"{result['planted_found']} of {result['printings']} printings matched to planted "
        f"quotes, Python {sys.version.split()[0]}"
    )
    same, picked = result["sampled_same"]
    missed, chosen = result["sampled_apart_missed"]
    rows = [
        [
            "same statement, every pair",
            f"{result['same_precision']:.4f}",
            f"{result['same_recall']:.4f}",
        ],
        [
            f"same statement, {picked} + {chosen} sampled pairs",
            f"{_ratio(same, picked):.3f}",
            f"{missed} of {chosen} kept apart are one statement",
        ],
        [
            "misattribution flag (clusters)",
            f"{result['flag_precision']:.4f}",
            f"{result['flag_recall']:.4f}",
        ],
    ]
    print(tabulate(rows, headers=["", "precision", "recall"], tablefmt="github"))
    print()
    print(
        tabulate(
            [[k, f"{a}/{n}", f"{_ratio(a, n):.3f}"] for k, (a, n) in result["by_edit"].items()],
            headers=["edit", "grouped", "recall"],
            tablefmt="github",
        )
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
