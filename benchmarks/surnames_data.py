"""Rebuild attribution/data/surnames.txt: common surnames that are not everyday words.

Run once by a maintainer, not by the suite. The source is the 1990 US Census list of
surnames (`dist.all.last`, public domain), as shipped in the `names` 0.3.0 sdist on PyPI
(`pip download names==0.3.0 --no-deps --no-binary :all:`), the same archive that gives
`first_names.tsv`. The `RANK` commonest surnames are kept, less those that are everyday
English words (a Zipf frequency of `MAX_ZIPF` or more in `word_frequency.tsv`: Young, King,
Long, Brown), which a sentence may open with as words. The list lets a one-word surname that
opens a sentence (Cruz openly admitted ...) stand for a person when the article never prints
it inside a sentence.

    python -m benchmarks.surnames_data PATH/TO/names-0.3.0.tar.gz
"""

from __future__ import annotations

import argparse
from pathlib import Path

from attribution.matcher import word_zipf_table
from benchmarks.first_names_data import census_rows

DATA = Path(__file__).resolve().parent.parent / "attribution" / "data"
OUT = DATA / "surnames.txt"
# How many of the commonest census surnames are kept (Cruz is 118th, Carson 472nd, Rubio
# 1,166th; Harsh, a word, 9,962nd).
RANK = 5000
# Surnames at least this frequent as English words are left out (Young 5.4, King 5.2, Gray
# 4.5); Cruz 4.1, Carson 3.9 and Warren 4.3 stay.
MAX_ZIPF = 4.4
HEADER = f"""\
# Common surnames that are not everyday English words, lower case, one a line: the {RANK:,}
# commonest of the 1990 US Census surnames (public domain; benchmarks/surnames_data.py
# rebuilds this file), less those with a Zipf word frequency of {MAX_ZIPF} or more.
"""


def build(sdist: Path) -> str:
    """The new file's text."""
    zipf = word_zipf_table()
    surnames = [name for name, _ in census_rows(sdist, "dist.all.last")]
    kept = [n for n in surnames[:RANK] if zipf.get(n, 0.0) < MAX_ZIPF]
    return HEADER + "".join(f"{name}\n" for name in sorted(kept))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("sdist", type=Path, help="names-0.3.0.tar.gz")
    args = parser.parse_args()
    OUT.write_text(build(args.sdist), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
