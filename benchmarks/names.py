"""The name-variant benchmark: precision and recall of "variant" on real name pairs.

Reads benchmarks/names/pairs.tsv (built by benchmarks/names_data.py from Wikidata's Latin
spellings of Arabic names and the 1990 US Census surnames; see benchmarks/names/SOURCE.md),
and scores `normalize.is_name_variant` beside the model it replaced (a 0.75 similarity
threshold over a consonant skeleton, kept here verbatim as the baseline), on the study part
the rules were designed on and on the held-out part, measured only at the end.

    python -m benchmarks.names            # the table
    python -m benchmarks.names --errors   # also every wrong answer of the study part
"""

from __future__ import annotations

import argparse
import functools
import platform
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Indel
from tabulate import tabulate

from attribution.normalize import common_words, is_name_variant
from benchmarks.eval_common import Counts

PAIRS = Path(__file__).parent / "names" / "pairs.tsv"
HEADER = ("split", "label", "a", "b", "origin", "group")
SPLITS = ("study", "heldout")
LABELS = ("variant", "distinct")

Model = Callable[[str, str], bool]


class PairsError(Exception):
    """The pairs file is malformed: a bad header, column count, split or label."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two spellings, whether they are one name (`variant`) or two (`distinct`), and where."""

    split: str
    label: str
    a: str
    b: str
    origin: str
    group: str


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    """The benchmark pairs, validated.

    Raises:
        PairsError: with the file and line of the first malformed row.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise PairsError(f"{path.name}: line 1: header must be {' '.join(HEADER)}")
    pairs: list[Pair] = []
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(HEADER):
            raise PairsError(f"{path.name}: line {number}: {len(fields)} columns, not 6")
        pair = Pair(*fields)
        if pair.split not in SPLITS or pair.label not in LABELS:
            raise PairsError(f"{path.name}: line {number}: unknown split or label")
        if not pair.a or not pair.b or pair.a.casefold() == pair.b.casefold():
            raise PairsError(f"{path.name}: line {number}: two different spellings needed")
        pairs.append(pair)
    return pairs


def score(pairs: Sequence[Pair], model: Model) -> Counts:
    """tp/fp/fn of the answer "variant": a variant pair called variant is a true positive."""
    counts = Counts()
    for pair in pairs:
        said = model(pair.a, pair.b)
        gold = pair.label == "variant"
        if said and gold:
            counts.tp += 1
            counts.tp_predicted += 1
        elif said:
            counts.fp += 1
        elif gold:
            counts.fn += 1
    return counts


def table(pairs: Sequence[Pair]) -> str:
    """The results as a GitHub table: baseline and model, study and held-out."""
    rows = []
    for name, model in (("before: 0.75 similarity", baseline), ("rules + known pairs", model_now)):
        for split in SPLITS:
            part = [p for p in pairs if p.split == split]
            c = score(part, model)
            scores = [f"{c.precision():.3f}", f"{c.recall():.3f}", f"{c.f1():.3f}"]
            rows.append([name, split, *scores, c.tp, c.fp, c.fn])
    counts = {
        split: tuple(sum(p.split == split and p.label == lab for p in pairs) for lab in LABELS)
        for split in SPLITS
    }
    head = (
        f"Name variants, {PAIRS.parent.name}/{PAIRS.name}: study {counts['study'][0]} variant + "
        f"{counts['study'][1]} distinct pairs, held-out {counts['heldout'][0]} + "
        f"{counts['heldout'][1]}; Python {platform.python_version()}"
    )
    body = tabulate(
        rows,
        headers=["model", "part", "precision", "recall", "F1", "tp", "fp", "fn"],
        tablefmt="github",
        disable_numparse=True,
    )
    return f"{head}\n\n{body}"


def errors(pairs: Sequence[Pair], model: Model) -> list[str]:
    """Each pair the model answers wrongly, as `label  a / b  (origin)`."""
    return [
        f"{p.label:8} {p.a} / {p.b}  ({p.origin})"
        for p in pairs
        if model(p.a, p.b) != (p.label == "variant")
    ]


def model_now(a: str, b: str) -> bool:
    """The shipped model."""
    return is_name_variant(a, b)


# --- the model before the romanisation classes, verbatim, as the baseline ---------------

_SKELETON_FOLD = (("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"), ("z", "s"))
_OLD_VOWELS = frozenset("aeiouy")


@functools.lru_cache(maxsize=16384)
def _old_skeleton(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(ch for ch in s if ch.isalpha())
    for old, new in _SKELETON_FOLD:
        s = s.replace(old, new)
    if not s:
        return s
    head, rest = s[0], s[1:]
    rest = "".join(ch for ch in rest if ch not in _OLD_VOWELS and ch != "h")
    out = [head]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _collapse(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def baseline(a: str, b: str) -> bool:
    """The former `is_name_variant`: same skeleton, one letter longer at most, similarity 0.75."""
    la, lb = a.casefold(), b.casefold()
    if la == lb:
        return True
    letters = "-'\u2019."
    if not all(ch.isalpha() or ch in letters for ch in la + lb):
        return False
    if la in common_words() or lb in common_words():
        return False
    ka, kb = _old_skeleton(a), _old_skeleton(b)
    if not ka or ka != kb or abs(len(la) - len(lb)) > 1:
        return False
    if min(len(a), len(b)) < 4:
        return _collapse(la) == _collapse(lb)
    return Indel.normalized_similarity(la, lb) >= 0.75


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the study part's errors")
    args = parser.parse_args(argv)
    pairs = load_pairs()
    print(table(pairs))
    if args.errors:
        print()
        print("\n".join(errors([p for p in pairs if p.split == "study"], model_now)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
