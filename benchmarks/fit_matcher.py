"""Fit the matcher's thresholds on training articles: what one statement with changes scores,
and what unrelated statements of other stories score, by how much information a wording has.

    .venv/bin/python -m benchmarks.fit_matcher ../shared/eval/polnear/train

Same-statement pairs are real quotes against edited copies of themselves (one to three edits
of the drift benchmark's kinds, `drift_edits.py`); unrelated pairs are each quote against the
most alike quotes of another story (the candidates `compare` would align). For each band of
the shorter wording's information the table gives the lowest same-statement similarity and
the highest unrelated one, and how many of each the fitted rule (`matcher.judge`) gets wrong.
Fit here, on train; the drift benchmark reports on dev.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections import defaultdict
from pathlib import Path

from tabulate import tabulate

from attribution import Article
from attribution.align import align_texts, evidence_of, judge_alignment
from attribution.extract import countable, extract_quotes
from attribution.matcher import Relation, required_similarity
from attribution.pairing import _Side
from benchmarks import drift_edits as ed

EDITS = (
    ed.edit_wording,
    ed.edit_negation,
    ed.edit_number,
    ed.edit_modality,
    ed.edit_ellipsis,
    ed.edit_bracket,
    ed.edit_punctuation,
)
# Quotes shorter than this leave no inner word to edit (as in the drift benchmark).
MIN_WORDS = 3
BANDS = (0, 8, 12, 16, 24, 32, 48, 64, 96, 1e9)


def _articles(folder: Path) -> list[Article]:
    files = sorted((folder / "text").glob("*.txt")) or sorted(folder.glob("*.txt"))
    out = []
    for n, path in enumerate(files):
        article = Article(f"a{n}", str(path), text=path.read_text(encoding="utf-8"))
        out.append(Article(article.id, article.source, extract_quotes(article), article.text))
    return out


def _band(info: float) -> str:
    for lo, hi in itertools.pairwise(BANDS):
        if lo <= info < hi:
            return f"{lo:g}-{hi:g}" if hi < 1e9 else f"{lo:g}+"
    return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--limit", type=int, default=0, help="articles to read (0: all)")
    parser.add_argument("--show", type=int, default=0, help="print this many errors of each kind")
    args = parser.parse_args(argv)
    articles = _articles(args.folder)
    if args.limit:
        articles = articles[: args.limit]
    rng = random.Random(args.seed)
    same: dict[str, list[float]] = defaultdict(list)
    other: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[tuple[float, float, str, str]]] = {"same": [], "unrelated": []}
    for article in articles:
        for quote in countable(article.quotes):
            if len(quote.text.split()) < MIN_WORDS:
                continue
            edited = quote.text
            for _ in range(rng.randrange(1, 4)):
                editor = rng.choice(EDITS)
                edited = editor(edited, rng) or edited
            if edited == quote.text:
                continue
            alignment = align_texts(quote.text, edited)
            evidence = evidence_of(alignment)
            shorter = min(evidence.a_total, evidence.b_total)
            same[_band(shorter)].append(evidence.similarity)
            if judge_alignment(alignment, supported=True).relation is not Relation.SAME:
                errors["same"].append((shorter, evidence.similarity, quote.text, edited))
    for this, nxt in itertools.pairwise(articles):
        side = _Side(nxt.quotes)
        for prepared in _Side(this.quotes).quotes:
            for j in side.candidates(prepared):
                cand = side.quotes[j]
                alignment = align_texts(prepared.quote.text, cand.quote.text)
                evidence = evidence_of(alignment)
                shorter = min(evidence.a_total, evidence.b_total)
                other[_band(shorter)].append(evidence.similarity)
                if judge_alignment(alignment, supported=False).relation is not Relation.UNRELATED:
                    errors["unrelated"].append(
                        (shorter, evidence.similarity, prepared.quote.text, cand.quote.text)
                    )
    rows = []
    for lo, _ in itertools.pairwise(BANDS):
        band = _band(lo)
        s, o = sorted(same[band]), sorted(other[band])
        rows.append(
            [
                band,
                f"{required_similarity(max(lo, 1)):.2f}",
                len(s),
                f"{s[0]:.2f}" if s else "",
                f"{s[len(s) // 100]:.2f}" if s else "",
                len(o),
                f"{o[-1]:.2f}" if o else "",
                f"{o[-1 - len(o) // 1000]:.2f}" if o else "",
            ]
        )
    print(
        f"Matcher fit on {args.folder}: {len(articles)} articles; same = quote vs edited copy, "
        "unrelated = quote vs candidates from the next story"
    )
    print(
        tabulate(
            rows,
            headers=[
                "shorter info",
                "required at band start",
                "same",
                "same min",
                "same 1st pct",
                "unrelated",
                "unrelated max",
                "unrelated 99.9th pct",
            ],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    n_same = sum(len(v) for v in same.values())
    n_other = sum(len(v) for v in other.values())
    print(
        f"\nsame judged not same: {len(errors['same'])} of {n_same}; "
        f"unrelated judged same or reworded: {len(errors['unrelated'])} of {n_other}"
    )
    for kind, found in errors.items():
        for info, sim, a, b in sorted(found, reverse=kind == "unrelated")[: args.show]:
            print(f"  {kind}: info {info:.1f} sim {sim:.2f}\n    {a[:150]!r}\n    {b[:150]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
