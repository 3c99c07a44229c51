"""Write `attribution/data/stem_frequency.tsv` from the shipped word frequency list.

The matcher tells a rewording by the content stems two wordings share, weighed by how rare
they are. A stem is often no word of its own ("peopl", "countri", "becaus"), so looking it up
in the word list would weigh "people" and "country" as rare words. Each stem is weighed
instead by its commonest word: the highest Zipf frequency of the listed words that stem to
it (`matcher.stem_key`). Remake the file after `word_frequency.tsv` or the stemmer changes
(a test checks that it matches):

    python -m benchmarks.make_stem_frequency attribution/data/stem_frequency.tsv

Licence: derived from wordfreq's data, so Creative Commons Attribution-ShareAlike 4.0, as
`word_frequency.tsv` (https://creativecommons.org/licenses/by-sa/4.0/).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from attribution.matcher import stem_key, word_zipf_table

HEADER = """\
# English stem frequencies: a content stem (as the matcher stems a word) and the Zipf
# frequency of its commonest listed word ("peopl" 6.25, from "people"). Derived from
# word_frequency.tsv (wordfreq 3.1.1, Robyn Speer) by benchmarks/make_stem_frequency.py.
# Licence: Creative Commons Attribution-ShareAlike 4.0, as wordfreq's data
# (https://creativecommons.org/licenses/by-sa/4.0/).
"""


def stem_table() -> dict[str, float]:
    """Each stem of the word list and the Zipf frequency of its commonest word."""
    out: dict[str, float] = {}
    for word, zipf in word_zipf_table().items():
        stem = stem_key(word)
        if zipf > out.get(stem, -1.0):
            out[stem] = zipf
    return out


def render(table: dict[str, float]) -> str:
    """The file's text: the header, then one stem a line, commonest first."""
    rows = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
    return HEADER + "".join(f"{stem}\t{zipf:.2f}\n" for stem, zipf in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    table = stem_table()
    args.output.write_text(render(table), encoding="utf-8")
    print(f"{args.output}: {len(table)} stems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
