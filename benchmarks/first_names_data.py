"""Rebuild attribution/data/first_names.tsv: first names and the pronoun they usually take.

Run once by a maintainer, not by the suite. The source is the 1990 US Census list of first
names by sex (`dist.male.first`, `dist.female.first`, public domain), as shipped in the
`names` 0.3.0 sdist on PyPI (`pip download names==0.3.0 --no-deps --no-binary :all:`). A name
is kept for a sex when its share among that sex is at least `RATIO` times its share among the
other: a name used for both (Jordan, Taylor) is left out, since a wrong gender would send
"she said" to the wrong person. The hand-kept names at the head of the file (names in the
news the census does not hold, such as Abdul or Ahmed) are kept as they are.

    python -m benchmarks.first_names_data PATH/TO/names-0.3.0.tar.gz
"""

from __future__ import annotations

import argparse
import io
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "attribution" / "data" / "first_names.tsv"
# How much more often a name must be given to one sex than the other to tell a pronoun.
RATIO = 10.0
HEADER = """\
# First names and the pronoun gender they usually take (m: he, f: she), for resolving
# 'he said' and 'she said' to a compatible person. Source: the 1990 US Census first names by
# sex (public domain; benchmarks/first_names_data.py rebuilds this file), a name kept only
# when one sex holds it at least 10 times as often as the other; plus names in the news the
# census lacks, marked by hand. A name used for both (Jordan, Taylor) is left out on purpose.
"""


def census_rows(sdist: Path, member: str) -> list[tuple[str, float]]:
    """One census list of the sdist (`dist.male.first`, `dist.all.last`, ...), in its order
    (commonest first): each name, lower case, and its share (percent)."""
    with tarfile.open(sdist) as archive:
        found = next(m for m in archive.getmembers() if m.name.endswith(member))
        data = archive.extractfile(found)
        assert data is not None
        rows = [line.split() for line in io.TextIOWrapper(data, encoding="ascii")]
    return [(row[0].lower(), float(row[1])) for row in rows]


def census_shares(sdist: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Each first name's share (percent) among men and among women, from the sdist."""
    male, female = (dict(census_rows(sdist, f"dist.{sex}.first")) for sex in ("male", "female"))
    return male, female


def build(sdist: Path, current: Path = OUT) -> str:
    """The new file's text: the hand-kept names, then the census names, sorted."""
    genders: dict[str, str] = {}
    for line in current.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            genders[name] = gender
    male, female = census_shares(sdist)
    for name in male.keys() | female.keys():
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if name in genders:
            continue
        if m >= RATIO * f:
            genders[name] = "m"
        elif f >= RATIO * m:
            genders[name] = "f"
    return HEADER + "".join(f"{name}\t{genders[name]}\n" for name in sorted(genders))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz")
    args = parser.parse_args()
    OUT.write_text(build(args.sdist), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
