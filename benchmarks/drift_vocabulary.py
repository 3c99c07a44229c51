"""The words the drift benchmark's edits use for spellings, negations, modals and names.

Two vocabularies: `public()`, from public lists the tool does not use (`drift_lists/`, cited
in `drift_lists/SOURCE.md`), the default, so the benchmark does not grade the classifier with
its own word lists; and `HAND`, the lists the benchmark was first written with, kept so its
old figures can be reproduced beside the new ones.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

LISTS = Path(__file__).resolve().parent / "drift_lists"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words edits are made with; `name` is shown in the benchmark's header."""

    name: str
    negations: frozenset[str]  # words that negate, taken away or put in
    modals: tuple[str, ...]  # swapped for one another
    us_to_uk: dict[str, str]  # a US spelling and its UK form
    other_names: tuple[str, ...]  # put in place of a name in a quote


# fmt: off
HAND = Vocabulary(
    name="hand-written lists",
    negations=frozenset({
        "not", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without",
        "cannot", "nowhere",
    }),
    modals=("will", "would", "may", "might", "can", "could", "should", "must", "shall"),
    us_to_uk={
        "color": "colour", "favor": "favour", "favorite": "favourite", "honor": "honour",
        "labor": "labour", "neighbor": "neighbour", "behavior": "behaviour", "harbor": "harbour",
        "humor": "humour", "rumor": "rumour", "vigor": "vigour", "endeavor": "endeavour",
        "flavor": "flavour", "armor": "armour", "savior": "saviour", "center": "centre",
        "theater": "theatre", "fiber": "fibre", "liter": "litre",
        "defense": "defence", "offense": "offence", "license": "licence", "pretense": "pretence",
        "traveled": "travelled", "traveling": "travelling", "canceled": "cancelled",
        "labeled": "labelled", "modeled": "modelled", "fueled": "fuelled", "signaled": "signalled",
        "totaled": "totalled", "channeled": "channelled", "counselor": "counsellor",
        "jewelry": "jewellery", "gray": "grey", "judgment": "judgement", "catalog": "catalogue",
        "dialog": "dialogue", "analog": "analogue", "fulfill": "fulfil", "enroll": "enrol",
        "skeptical": "sceptical", "skeptic": "sceptic", "mold": "mould", "plow": "plough",
        "aging": "ageing", "maneuver": "manoeuvre", "pediatric": "paediatric",
        "analyze": "analyse", "paralyze": "paralyse", "pajamas": "pyjamas",
        "mustache": "moustache", "sulfur": "sulphur", "aluminum": "aluminium",
        "artifact": "artefact", "cozy": "cosy", "airplane": "aeroplane",
    },
    other_names=(
        "Ortega", "Nakamura", "Brennan", "Okafor", "Lindqvist", "Dubois", "Kowalski", "Haddad",
        "Sokolov", "Patel", "Moreno", "Fischer", "Lisbon", "Manitoba", "Tasmania", "Osaka",
        "Valencia", "Winnipeg", "Gallagher", "Ibrahim", "Yamamoto", "Zielinski", "Eriksen",
        "Quintero", "Underwood", "Varga", "Jablonski",
    ),
)
# The Penn Treebank's MD (modal) tag, Santorini 1990: see drift_lists/SOURCE.md.
PENN_TREEBANK_MODALS = (
    "can", "could", "may", "might", "must", "need", "ought", "shall", "should", "will", "would",
)
# fmt: on

# The words of NLTK's negation pattern: `never|no|...|aint` between `^` and `$`.
_PATTERN_WORDS_RE = re.compile(r"\^\(\?:(?P<words>[^)]*)\)\$")


@functools.cache
def public() -> Vocabulary:
    """The vocabulary from public lists (`drift_lists/SOURCE.md`)."""
    return Vocabulary(
        name="public lists (breame, 1990 US Census, NLTK, Penn Treebank)",
        negations=nltk_negations(),
        modals=PENN_TREEBANK_MODALS,
        us_to_uk=_spellings(),
        other_names=tuple(_lines(LISTS / "surnames.txt")),
    )


def nltk_negations() -> frozenset[str]:
    """The words of `nltk.sentiment.util.NEGATION` (its `n't` ending aside)."""
    from nltk.sentiment.util import NEGATION

    m = _PATTERN_WORDS_RE.search(re.sub(r"\s+", "", NEGATION))
    if m is None:
        raise RuntimeError("nltk.sentiment.util.NEGATION is not the pattern this reads")
    return frozenset(w for w in m["words"].split("|") if w)


def _spellings() -> dict[str, str]:
    pairs = (line.split("\t") for line in _lines(LISTS / "uk_us_spellings.tsv"))
    return {pair[0]: pair[1] for pair in pairs}


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]
