"""`track` on real coverage: every PolNeAR train and dev article at once, scored on pairs
labelled by hand.

PolNeAR's 924 articles come from seven outlets covering the 2016 US campaign, so the same
statements recur in different outlets' words. `track` runs on all of them together; then
two samples of printing pairs (of different articles) are drawn by a seeded stable hash
(`samples`): 200 pairs `track` put in one cluster, and 100 pairs it kept apart that share a
rare word pair (the index's own key, so they were candidates). A sampled pair takes the
label of a labelled pair printed at the same places (`_LabelIndex`). Each pair was
labelled by reading both articles: one statement or not, and, when one, whether the two
articles credit it to different people. The labels (corpus_realworld/labels.tsv) hold
article names and character offsets only, never PolNeAR's text.

    python -m benchmarks.corpus_realworld            # score the labels
    python -m benchmarks.corpus_realworld --show     # print the pairs, to label them
    python -m benchmarks.corpus_realworld --show --unlabelled   # only those without a label
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tabulate import tabulate

from attribution.corpus.index import key_hash, rare_keys, word_keys
from attribution.extract import same_speaker
from attribution.normalize import tokenize
from attribution.pipeline import track

POLNEAR = Path("/work/shared/eval/polnear")
SPLITS = ("train", "dev")
LABELS = Path(__file__).with_name("corpus_realworld") / "labels.tsv"
SEED = 14
TOGETHER, APART = 200, 100
# Context shown around a quote when labelling.
CONTEXT = 300
# A sampled printing takes a labelled printing's label when they share this much of the
# larger's characters.
COVERED = 0.8


@dataclass(frozen=True, slots=True)
class Printing:
    cluster: str
    article: str
    spans: tuple[tuple[int, int], ...]
    text: str
    speaker: str | None


def corpus_records(root: Path = POLNEAR) -> list[dict[str, str]]:
    """Every train and dev article as a record: its file name, text, publisher and date."""
    records = []
    for split in SPLITS:
        meta = (root / split / f"metadata_{split}.tsv").read_text(encoding="utf-8").splitlines()
        header = meta[0].split("\t")
        for line in meta[1:]:
            row = dict(zip(header, line.split("\t"), strict=False))
            path = root / split / "text" / f"{row['filename']}.txt"
            if path.exists():
                records.append(
                    {
                        "id": row["filename"],
                        "text": path.read_text(encoding="utf-8"),
                        "outlet": row["publisher"],
                        "published": row["publication_date"],
                    }
                )
    return records


def run(folder: Path) -> tuple[list[Printing], dict[str, str]]:
    """Track the corpus; every printing, and each article's text."""
    records = corpus_records()
    corpus = folder / "polnear.jsonl"
    with corpus.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    summary = track(str(corpus), output=folder / "out", parquet=False)
    print(
        f"PolNeAR train + dev: {summary.tally.articles} articles, {summary.tally.statements} "
        f"statements, {summary.clusters} clusters, {summary.shared} printed by two or more "
        f"articles, {summary.misattributed_statements} flagged misattributed",
        file=sys.stderr,
    )
    printings = []
    with (folder / "out" / "clusters.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            cluster = json.loads(line)
            for variant in cluster["variants"]:
                for p in variant["printings"]:
                    spans = tuple((s, e) for s, e in p["spans"])
                    printings.append(
                        Printing(cluster["id"], p["article"], spans, variant["text"], p["speaker"])
                    )
    return printings, {r["id"]: r["text"] for r in records}


def samples(
    printings: Sequence[Printing],
) -> tuple[list[tuple[str, Printing, Printing]], int, int]:
    """The pairs to label: (kind, a, b), `together` then `apart`; and how many pairs of each
    kind there are to draw from.

    Each kind's sample is its pairs with the smallest stable hash of their two printings: a
    pair stays in the sample for as long as the tool still reports it (and no new pair
    hashes lower), so a change to the tool redraws only the pairs it changes, and labels
    made before it keep counting.
    """
    by_cluster: dict[str, list[Printing]] = defaultdict(list)
    for p in printings:
        by_cluster[p.cluster].append(p)
    together = [
        (a, b)
        for members in by_cluster.values()
        for a, b in itertools.combinations(members, 2)
        if a.article != b.article
    ]
    by_key: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(printings):
        for key in rare_keys(word_keys(tokenize(p.text))):
            by_key[key].append(i)
    apart_numbers: set[tuple[int, int]] = set()
    for members in by_key.values():
        for i, j in itertools.combinations(members, 2):
            a, b = printings[i], printings[j]
            if a.cluster != b.cluster and a.article != b.article:
                apart_numbers.add((i, j))
    apart = [(printings[i], printings[j]) for i, j in apart_numbers]
    pairs = [("together", a, b) for a, b in _lowest(together, TOGETHER)]
    pairs += [("apart", a, b) for a, b in _lowest(apart, APART)]
    return pairs, len(together), len(apart)


def _lowest(
    pairs: Sequence[tuple[Printing, Printing]], count: int
) -> list[tuple[Printing, Printing]]:
    """The `count` pairs whose printings hash lowest (`SEED` mixed in), each pair in a fixed
    order of its two printings."""
    ordered = [tuple(sorted((a, b), key=_key)) for a, b in pairs]
    ranked = sorted(ordered, key=lambda p: key_hash(f"{SEED}|{_key(p[0])}|{_key(p[1])}"))
    return [(a, b) for a, b in ranked[:count]]


def _key(p: Printing) -> str:
    return f"{p.article}@{';'.join(f'{s}-{e}' for s, e in p.spans)}"


def read_labels(path: Path = LABELS) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(kind, a, b) -> (same statement: yes/no, credited to different people: yes/no/-)."""
    with path.open(encoding="utf-8") as stream:
        rows = [r for r in csv.reader(stream, delimiter="\t") if r and not r[0].startswith("#")]
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows[1:]}


class _LabelIndex:
    """Labels found by the words they cover: a pair is labelled when each of its printings
    overlaps a printing of a labelled pair (an extractor that moves a quote's end by a mark
    still prints the same words), whichever sample it was drawn in."""

    def __init__(self, labels: dict[tuple[str, str, str], tuple[str, str]]) -> None:
        self.by_article: dict[str, list[tuple[tuple[tuple[int, int], ...], str, str]]] = {}
        self.labels: dict[tuple[str, str], tuple[str, str]] = {}
        for (_, a, b), label in labels.items():
            self.labels[(a, b)] = self.labels[(b, a)] = label
            for key in (a, b):
                article, spans = _parse(key)
                self.by_article.setdefault(article, []).append((spans, key, a if key == b else b))

    def find(self, a: Printing, b: Printing) -> tuple[str, str] | None:
        for spans, key, partner in self.by_article.get(a.article, ()):
            if _overlaps(spans, a.spans):
                partner_article, partner_spans = _parse(partner)
                if partner_article == b.article and _overlaps(partner_spans, b.spans):
                    return self.labels[(key, partner)]
        return None


def _parse(key: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    article, _, spans = key.rpartition("@")
    return article, tuple(
        (int(s), int(e)) for s, e in (span.split("-") for span in spans.split(";"))
    )


def _overlaps(x: Sequence[tuple[int, int]], y: Sequence[tuple[int, int]]) -> bool:
    """Whether two printings cover mostly the same characters (`COVERED` of the larger): an
    end moved by a mark keeps a label, a fragment of the labelled words does not."""
    shared = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in x for s2, e2 in y)
    larger = max(sum(e - s for s, e in x), sum(e - s for s, e in y))
    return shared >= COVERED * larger


def show(pairs: Sequence[tuple[str, Printing, Printing]], texts: dict[str, str]) -> None:
    for n, (kind, a, b) in enumerate(pairs, 1):
        print(f"=== {n} {kind}\t{_key(a)}\t{_key(b)}")
        for p in (a, b):
            text = texts[p.article]
            s, e = p.spans[0][0], p.spans[-1][1]
            before = " ".join(text[max(0, s - CONTEXT) : s].split())
            after = " ".join(text[e : e + CONTEXT // 2].split())
            print(f"--- {p.article} [speaker: {p.speaker}]\n... {before} <<{p.text}>> {after} ...")


def known_together(
    printings: Sequence[Printing], labels: dict[tuple[str, str, str], tuple[str, str]]
) -> tuple[int, int]:
    """Of the labelled same-statement pairs (from any sample, any earlier run) whose two
    printings the tool still reports, how many it puts in one cluster, and how many there
    are: a recall over pairs known to be one statement, which the kept-apart sample (a
    hundred of tens of thousands) cannot measure."""
    by_article: dict[str, list[Printing]] = defaultdict(list)
    for p in printings:
        by_article[p.article].append(p)

    def found(key: str) -> Printing | None:
        article, spans = _parse(key)
        return next((p for p in by_article[article] if _overlaps(spans, p.spans)), None)

    seen: set[frozenset[str]] = set()
    together = reported = 0
    for (_, a, b), (same, _) in labels.items():
        if same != "yes" or frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        pa, pb = found(a), found(b)
        if pa is not None and pb is not None:
            reported += 1
            together += pa.cluster == pb.cluster
    return together, reported


def score(
    pairs: Sequence[tuple[str, Printing, Printing]],
    labels: dict[tuple[str, str, str], tuple[str, str]],
    populations: tuple[int, int],
    known: tuple[int, int],
) -> None:
    index = _LabelIndex(labels)
    together = [(a, b, index.find(a, b)) for k, a, b in pairs if k == "together"]
    apart = [(a, b, index.find(a, b)) for k, a, b in pairs if k == "apart"]
    missing = sum(1 for *_, lab in together + apart if lab is None)
    same = sum(1 for *_, lab in together if lab and lab[0] == "yes")
    missed = sum(1 for *_, lab in apart if lab and lab[0] == "yes")
    tp = fp = fn = 0
    for a, b, lab in together:
        if not lab or lab[0] != "yes":
            continue
        flagged = same_speaker(a.speaker, b.speaker) is False
        truly = lab[1] == "yes"
        tp += flagged and truly
        fp += flagged and not truly
        fn += truly and not flagged
    rows = [
        ["one statement, among pairs track put together", f"{same}/{len(together)}"],
        [
            "one statement, among pairs kept apart sharing a rare word pair",
            f"{missed}/{len(apart)}",
        ],
        [
            "misattribution flag on labelled same-statement pairs: tp / fp / fn",
            f"{tp} / {fp} / {fn}",
        ],
        ["pairs without a label", str(missing)],
        ["labelled same-statement pairs (any sample) put together", f"{known[0]}/{known[1]}"],
    ]
    # Recall, estimated as a hand count allows: same-statement pairs among those put
    # together and among those kept apart that share a rare word pair, each scaled up to
    # its population (pairs kept apart sharing no rare word pair are taken as different).
    found = same / len(together) * populations[0] if together else 0.0
    lost = missed / len(apart) * populations[1] if apart else 0.0
    precision = same / len(together) if together else 0.0
    recall = found / (found + lost) if found + lost else 0.0
    rows.append(
        ["precision / estimated recall of one statement", f"{precision:.2f} / {recall:.2f}"]
    )
    rows.append(
        [
            "pairs put together / kept apart sharing a rare word pair",
            f"{populations[0]} / {populations[1]}",
        ]
    )
    print(
        tabulate(rows, headers=["PolNeAR train + dev, hand-labelled", "count"], tablefmt="github")
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print the pairs to label")
    parser.add_argument(
        "--unlabelled", action="store_true", help="with --show, only the pairs without a label"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="attribution-polnear-") as tmp:
        printings, texts = run(Path(tmp))
    pairs, together, apart = samples(printings)
    if args.show:
        if args.unlabelled:
            index = _LabelIndex(read_labels())
            pairs = [(k, a, b) for k, a, b in pairs if index.find(a, b) is None]
        show(pairs, texts)
        return 0
    labels = read_labels()
    score(pairs, labels, (together, apart), known_together(printings, labels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
