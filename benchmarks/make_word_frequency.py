"""Write `attribution/data/word_frequency.tsv` from wordfreq's English list.

The matcher weighs the words two wordings share by how rare they are: sharing "the" and "we"
says little, sharing "frontline" and "Okafor" says a great deal. The weights come from
wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq, version 3.1.1), whose English
"small" list gives every word seen at least once per million words of its eight sources
(Wikipedia, subtitles, news, books, web text, Twitter, Reddit and more) a Zipf frequency.

wordfreq is not a dependency of attribution: its wheel is 57 MB (every language) for the
125 KB English list used, it brings five more packages (one of which, wcwidth, changes how
tabulate pads tables), and its data is frozen upstream (3.1.1 is the last release). The
list is taken once, folded to the keys the aligner pairs on, and shipped; this script is
how it was made, so the file can be checked and remade:

    pip install wordfreq==3.1.1
    python benchmarks/make_word_frequency.py attribution/data/word_frequency.tsv

Licence: wordfreq's code is Apache-2.0; its data, and so the file this writes, is under
Creative Commons Attribution-ShareAlike 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

# Words only: wordfreq folds digits to 0 ("0000") and keeps symbols, which no key needs.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019\-.][^\W\d_]+)*\.?")

HEADER = """\
# English word frequencies: a word's alignment key (lower case, without hyphens, apostrophes
# and dots) and its Zipf frequency (log10 of its uses per billion words; 7.7 for "the", 3.0
# for a word used once per million). Words seen less often are not listed.
# Source: wordfreq 3.1.1 by Robyn Speer, English "small" list (https://github.com/rspeer/wordfreq),
# keys that fold together (it's / its) summed. Made by benchmarks/make_word_frequency.py.
# Licence: Creative Commons Attribution-ShareAlike 4.0, as wordfreq's data
# (https://creativecommons.org/licenses/by-sa/4.0/).
"""


def key_of(word: str) -> str:
    """A word folded as `normalize.tokenize` folds a word's key."""
    return word.casefold().replace("-", "").replace("'", "").replace("\u2019", "").replace(".", "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path)
    args = parser.parse_args(argv)
    try:
        import wordfreq  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        print("Error: wordfreq is not installed; pip install wordfreq==3.1.1", file=sys.stderr)
        return 2
    freqs: dict[str, float] = defaultdict(float)
    for word, freq in wordfreq.get_frequency_dict("en", wordlist="small").items():
        if _WORD_RE.fullmatch(word):
            freqs[key_of(word)] += freq
    rows = sorted(
        ((math.log10(f) + 9, k) for k, f in freqs.items() if k), key=lambda r: (-r[0], r[1])
    )
    lines = [f"{k}\t{z:.2f}" for z, k in rows]
    args.output.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(lines)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
