"""Draw the pronoun-quote sample that `labels.tsv` labels, from a PolNeAR-format gold folder.

A candidate is a gold quote (as `eval_common` defines one, with two apostrophes read as one
double mark) whose attribution's Source is one third-person pronoun. The sample is drawn from
the gold annotations alone, never from the tool's output, so its labels cannot lean on what the
extractor finds. It prints one tab-separated row per sampled quote, with offsets and the pronoun
but none of the article's text, sorted by document and offset:

    python benchmarks/pronouns/sample.py PATH/TO/PolNeAR/data/train
    python benchmarks/pronouns/sample.py PATH --all        # every candidate, not the sample
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

try:
    from benchmarks import eval_common as ec
except ModuleNotFoundError:  # run as a script: the repository is not on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from benchmarks import eval_common as ec

# The Sources that make a quote a candidate: one third-person pronoun, in any case. First and
# second person are left out: "I" and "we" name their speaker through the quote's own frame.
PRONOUNS = ("he", "she", "they", "it", "him", "her", "them")
# Fixed so that anyone re-drawing the sample gets the same 100 quotes.
SEED = 2026
SIZE = 100
# At most this many quotes from one article, so the sample spreads across articles and outlets
# instead of following one long interview.
PER_ARTICLE = 3
COLUMNS = ("doc", "quote_start", "quote_end", "pronoun_start", "pronoun_end", "pronoun")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gold quote credited to a pronoun: where the quote and the pronoun stand."""

    doc: str
    quote_start: int
    quote_end: int
    pronoun_start: int
    pronoun_end: int
    pronoun: str  # lower case

    def row(self) -> str:
        """The candidate as one tab-separated line in `COLUMNS` order."""
        fields = (self.doc, self.quote_start, self.quote_end, self.pronoun_start)
        return "\t".join(str(f) for f in (*fields, self.pronoun_end, self.pronoun))


def candidates(articles: Sequence[ec.GoldArticle]) -> list[Candidate]:
    """Every gold quote whose Source is one third-person pronoun, sorted by document and offset.

    The pronoun's offsets come from the attribution `eval_common.gold_quotes` takes the
    quote's Source from: the one with the smallest Content that covers the quote.
    """
    out: list[Candidate] = []
    for article in articles:
        ordered = sorted(article.attributions, key=lambda a: sum(e - s for s, e in a.content))
        for quote in article.quotes:
            if quote.source is None or quote.source.strip().lower() not in PRONOUNS:
                continue
            piece = ((quote.start, quote.end),)
            holder = next(a for a in ordered if ec.is_covered(piece, ec.merge_spans(a.content)))
            if len(holder.source) != 1:
                continue  # a Source in several parts is not one pronoun
            start, end = holder.source[0]
            word = article.text[start:end]
            start += len(word) - len(word.lstrip())
            end -= len(word) - len(word.rstrip())
            out.append(
                Candidate(article.name, quote.start, quote.end, start, end, word.strip().lower())
            )
    return sorted(out, key=lambda c: (c.doc, c.quote_start))


def quotas(counts: Counter[str], size: int) -> dict[str, int]:
    """Each pronoun's share of `size`, in proportion to its candidates (largest remainder)."""
    total = sum(counts.values())
    exact = {p: size * n / total for p, n in counts.items()}
    out = {p: int(x) for p, x in exact.items()}
    by_remainder = sorted(exact, key=lambda p: (out[p] - exact[p], p))
    for pronoun in by_remainder[: size - sum(out.values())]:
        out[pronoun] += 1
    return out


def draw(
    pool: Sequence[Candidate],
    *,
    seed: int = SEED,
    size: int = SIZE,
    per_article: int = PER_ARTICLE,
) -> list[Candidate]:
    """The sample: a seeded shuffle of the candidates, taken in order while the article has
    fewer than `per_article` and the pronoun its proportional quota, sorted by doc and offset."""
    quota = quotas(Counter(c.pronoun for c in pool), min(size, len(pool)))
    order = list(pool)
    random.Random(seed).shuffle(order)
    taken: list[Candidate] = []
    per_doc: Counter[str] = Counter()
    per_pronoun: Counter[str] = Counter()
    for candidate in order:
        if per_doc[candidate.doc] >= per_article:
            continue
        if per_pronoun[candidate.pronoun] >= quota[candidate.pronoun]:
            continue
        taken.append(candidate)
        per_doc[candidate.doc] += 1
        per_pronoun[candidate.pronoun] += 1
    return sorted(taken, key=lambda c: (c.doc, c.quote_start))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the sample (or every candidate); exit 2 on bad gold data."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("folder", type=Path, help="a PolNeAR-format folder (text/, attributions/)")
    parser.add_argument("--all", action="store_true", help="print every candidate")
    parser.add_argument("--seed", type=int, default=SEED, help="the shuffle's seed")
    args = parser.parse_args(argv)
    try:
        articles = ec.load_folder(args.folder)
    except ec.GoldDataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    pool = candidates(articles)
    rows = pool if args.all else draw(pool, seed=args.seed)
    print("\t".join(COLUMNS))
    for candidate in rows:
        print(candidate.row())
    return 0


if __name__ == "__main__":
    sys.exit(main())
