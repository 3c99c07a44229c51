"""Build the name-variant benchmark pairs (benchmarks/names/pairs.tsv) from two public sources.

Run once by a maintainer, not by the suite: the sources are a Wikidata-derived index of Arabic
names with every Latin spelling Wikidata gives them (shipped in the `arabic-name-romanizer`
0.2.0 wheel, CC0 data) and the 1990 US Census surname list (shipped in the `names` 0.3.0
sdist, public domain). benchmarks/names/SOURCE.md says where each comes from and how to get it.

    python -m benchmarks.names_data --romanizer WHEEL --census SDIST

Variant pairs are two Latin spellings of one Arabic name; distinct pairs are spellings of two
different Arabic names, or two different census surnames, that look alike (same first letter,
at most two edits apart, rapidfuzz Indel similarity at least 0.7): a criterion of the data,
not of the model. A stable hash draws a few hundred of each from the thousands found.
Names are assigned to the study or the held-out part by a hash of the name, so no name
crosses the split, and no spelling of the shipped known-variant list enters either part.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import re
import sqlite3
import tarfile
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from rapidfuzz.distance import Indel, Levenshtein

from attribution.transliteration import fold_name, known_variants

OUT = Path(__file__).parent / "names" / "pairs.tsv"
# A spelling counts when Wikidata gives it to at least 5 people for this Arabic name and it is
# at least 2% of the name's spellings: one-off labels are often alignment slips (محمد "Mahmoud").
MIN_PEOPLE = 5
MIN_SHARE = 0.02
# ... and when at least 80% of its uses are for this Arabic name, so it denotes one name.
MIN_DOMINANCE = 0.8
# At most this many spellings of one name pair up: محمد alone has a dozen.
MAX_SPELLINGS = 4
# Look-alike criteria for distinct pairs (same first letter as well).
MIN_LOOKALIKE = 0.7
MAX_EDITS = 2
CENSUS_TOP = 4000
# Pairs kept per part, drawn by a hash of the pair so the draw is stable: enough for a
# figure within a few points, few enough to read through.
SAMPLE = {"variant": 300, "distinct": 150}
_LATIN_RE = re.compile(r"[A-Za-z]{3,}")
# Arabic and Persian letter forms that spell one letter: a name written with either is one key.
_ARABIC_FOLD = str.maketrans(
    {
        "ی": "ي",
        "ى": "ي",
        "ک": "ك",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,
        " ": None,
    }
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--romanizer", type=Path, required=True, help="the 0.2.0 wheel")
    parser.add_argument("--census", type=Path, required=True, help="the names-0.3.0 sdist")
    args = parser.parse_args()
    rows = _arabic_rows(args.romanizer)
    surnames = _census_surnames(args.census)
    known = set(known_variants())
    pairs = _sample(_arabic_pairs(rows, known) + _census_pairs(surnames, rows, known))
    pairs.sort(key=lambda p: (p[0], p[1], p[5], p[2].lower(), p[3].lower()))
    lines = ["split\tlabel\ta\tb\torigin\tgroup"]
    lines += ["\t".join(p) for p in pairs]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = Counter((p[0], p[1]) for p in pairs)
    print(f"wrote {len(pairs)} pairs to {OUT}: {dict(sorted(counts.items()))}")


def _sample(pairs: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """At most SAMPLE[label] pairs per part, label and origin, by a stable hash of the pair."""
    groups: dict[tuple[str, str, str], list[tuple[str, ...]]] = defaultdict(list)
    for p in pairs:
        groups[(p[0], p[1], p[4])].append(p)
    out: list[tuple[str, ...]] = []
    for (_, label, _), found in groups.items():
        # One pair per two spellings, whatever their order or source rows.
        unique = {frozenset((p[2].lower(), p[3].lower())): p for p in found}
        members = list(unique.values())
        members.sort(key=lambda p: hashlib.sha1("|".join(p).encode("utf-8")).hexdigest())
        out += members[: SAMPLE[label]]
    return out


def _lookalike(x: str, y: str) -> bool:
    """Same first letter, at most two edits apart, and Indel similarity at least 0.7."""
    x, y = x.lower(), y.lower()
    return (
        x[0] == y[0]
        and Levenshtein.distance(x, y) <= MAX_EDITS
        and Indel.normalized_similarity(x, y) >= MIN_LOOKALIKE
    )


def _split(name: str) -> str:
    """study or heldout, by a stable hash of the name (so reruns agree)."""
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return "study" if digest[0] % 2 == 0 else "heldout"


def _arabic_rows(wheel: Path) -> list[tuple[str, str, int]]:
    """(arabic key, Latin spelling, people) rows of Wikidata origin from the shipped index."""
    with zipfile.ZipFile(wheel) as z, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.sqlite3"
        path.write_bytes(z.read("arabic_name_romanizer/resources/names.sqlite3"))
        con = sqlite3.connect(path)
        try:
            query = "select arabic_key, latin, count from units where source = 'wikidata'"
            return [(str(k), str(latin), int(n)) for k, latin, n in con.execute(query)]
        finally:
            con.close()


def _census_surnames(sdist: Path) -> list[str]:
    """The most frequent 1990 census surnames, most frequent first, in title case."""
    with tarfile.open(sdist) as tar:
        member = tar.extractfile("names-0.3.0/names/dist.all.last")
        assert member is not None
        text = io.TextIOWrapper(member, encoding="ascii").read()
    names = [line.split()[0].title() for line in text.splitlines() if line.strip()]
    return names[:CENSUS_TOP]


def _arabic_pairs(rows: list[tuple[str, str, int]], known: set[str]) -> list[tuple[str, ...]]:
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    by_spelling: dict[str, Counter[str]] = defaultdict(Counter)
    shown: dict[str, Counter[str]] = defaultdict(Counter)
    for key, latin, n in rows:
        latin = latin.strip()
        if not _LATIN_RE.fullmatch(latin):
            continue
        k = key.translate(_ARABIC_FOLD)
        low = latin.lower()
        by_key[k][low] += n
        by_spelling[low][k] += n
        shown[low][latin] += n
    kept: dict[str, list[str]] = {}
    for k, spellings in by_key.items():
        total = sum(spellings.values())
        good = [
            s
            for s, n in spellings.most_common()
            if n >= MIN_PEOPLE
            and n >= MIN_SHARE * total
            and n >= MIN_DOMINANCE * sum(by_spelling[s].values())
            and fold_name(s) not in known
        ]
        if good:
            kept[k] = good[:MAX_SPELLINGS]

    def show(s: str) -> str:
        return shown[s].most_common(1)[0][0]

    out: list[tuple[str, ...]] = []
    for k, names in kept.items():
        for x, y in itertools.combinations(names, 2):
            out.append((_split(k), "variant", show(x), show(y), "wikidata-ar", k))
    # Distinct: spellings of two Arabic names in the same part that look alike, where neither
    # spelling was ever given to the other name.
    singles = [(k, s) for k, names in kept.items() for s in names]
    singles.sort()
    for (k1, x), (k2, y) in itertools.combinations(singles, 2):
        if k1 == k2 or _split(k1) != _split(k2) or not _lookalike(x, y):
            continue
        if by_key[k2][x] or by_key[k1][y]:
            continue
        group = "|".join(sorted((k1, k2)))
        out.append((_split(k1), "distinct", show(x), show(y), "wikidata-ar", group))
    return out


def _census_pairs(
    surnames: list[str], rows: list[tuple[str, str, int]], known: set[str]
) -> list[tuple[str, ...]]:
    """Two different census surnames that look alike, neither an Arabic name's spelling."""
    arabic = {latin.strip().lower() for _, latin, _ in rows}
    names = [n for n in surnames if n.lower() not in arabic and fold_name(n) not in known]
    out: list[tuple[str, ...]] = []
    for x, y in itertools.combinations(names, 2):
        if _split(x) != _split(y) or not _lookalike(x, y):
            continue
        group = "|".join(sorted((x, y)))
        out.append((_split(x), "distinct", x, y, "census-1990", group))
    return out


if __name__ == "__main__":
    main()
