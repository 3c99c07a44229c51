"""The hand labels of pronoun quotes: the file's shape always, its offsets against the corpus.

The corpus is not shipped (its licence allows internal evaluation only): the tests that read
it run when `POLNEAR_TRAIN` names the PolNeAR train folder, or when it sits at
`../shared/eval/polnear/train` beside the repository, and skip otherwise.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import eval_common as ec
from benchmarks.pronouns import sample

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "pronouns" / "labels.tsv"
HEADER = [*sample.COLUMNS, "referent", "referent_kind", "notes"]
KINDS = {"person", "organisation", "group", "other"}


def _corpus() -> Path | None:
    named = os.environ.get("POLNEAR_TRAIN")
    folder = Path(named) if named else ROOT.parent / "shared" / "eval" / "polnear" / "train"
    return folder if (folder / "text").is_dir() and (folder / "attributions").is_dir() else None


CORPUS = _corpus()
needs_corpus = pytest.mark.skipif(CORPUS is None, reason="PolNeAR train is not present")


def _rows() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        assert reader.fieldnames == HEADER
        return list(reader)


ROWS = _rows()


def _key(row: dict[str, str]) -> tuple[str, int]:
    return row["doc"], int(row["quote_start"])


def test_the_labels_have_a_hundred_valid_rows_in_order() -> None:
    assert len(ROWS) >= 100
    for row in ROWS:
        assert None not in row and all(v is not None for v in row.values()), row
        quote = int(row["quote_start"]), int(row["quote_end"])
        pronoun = int(row["pronoun_start"]), int(row["pronoun_end"])
        assert 0 <= quote[0] < quote[1] and 0 <= pronoun[0] < pronoun[1], row
        assert pronoun[1] <= quote[0] or quote[1] <= pronoun[0], row  # the pronoun is outside
        assert row["pronoun"] in sample.PRONOUNS, row
        assert row["referent"].strip() == row["referent"] and row["referent"], row
        assert row["referent_kind"] in KINDS, row
    assert [_key(r) for r in ROWS] == sorted(_key(r) for r in ROWS)
    assert len({_key(r) for r in ROWS}) == len(ROWS)


def test_an_ambiguous_label_says_so_first() -> None:
    """`ambiguous` leads its note, so counting ambiguous rows is one prefix test."""
    for row in ROWS:
        if "ambiguous" in row["notes"].lower():
            assert row["notes"].startswith("ambiguous"), row


def test_no_article_gives_more_than_its_cap() -> None:
    assert max(Counter(r["doc"] for r in ROWS).values()) <= sample.PER_ARTICLE


def test_quotas_follow_the_pronouns_shares_by_largest_remainder() -> None:
    # Train's candidates: 69.9 he, 26.4 she, 1.9 it, 1.4 they, 0.4 her, 0.1 him in a hundred.
    pool = Counter({"he": 1429, "she": 539, "it": 38, "they": 28, "her": 8, "him": 2})
    assert sample.quotas(pool, 100) == {"he": 70, "she": 26, "it": 2, "they": 1, "her": 1, "him": 0}
    assert sample.quotas(Counter({"he": 3}), 2) == {"he": 2}


@needs_corpus
def test_every_row_points_at_its_pronoun_and_a_gold_quote() -> None:
    assert CORPUS is not None
    by_doc: dict[str, list[dict[str, str]]] = {}
    for row in ROWS:
        by_doc.setdefault(row["doc"], []).append(row)
    for doc, rows in by_doc.items():
        text = (CORPUS / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        ann = sorted((CORPUS / "attributions").glob(f"{ec.glob_escape(doc)}_*.ann"))[0]
        attributions, problems = ec.parse_annotation(ann, text)
        assert not problems, problems
        quotes = ec.gold_quotes(text, attributions, marks=ec.GOLD_MARK_RE)
        spans = {(q.start, q.end): q for q in quotes}
        for row in rows:
            start, end = int(row["pronoun_start"]), int(row["pronoun_end"])
            assert text[start:end].lower() == row["pronoun"], row
            assert not text[start - 1 : start].isalnum(), row  # a whole word, not a part
            assert not text[end : end + 1].isalnum(), row
            gold = spans.get((int(row["quote_start"]), int(row["quote_end"])))
            assert gold is not None, row
            assert gold.source is not None and gold.source.strip().lower() == row["pronoun"]


@needs_corpus
def test_re_drawing_the_sample_gives_the_labelled_rows() -> None:
    """Anyone can re-draw the labelled sample: same seed, same filter, same rows."""
    assert CORPUS is not None
    articles = ec.load_folder(CORPUS)
    drawn = sample.draw(sample.candidates(articles))
    assert [c.row().split("\t") for c in drawn] == [[r[c] for c in sample.COLUMNS] for r in ROWS]
