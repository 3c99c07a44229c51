"""The corpus index: which wordings might be one statement, found without comparing every pair.

Each wording is filed under its few rarest word pairs (by how rare each word is in English,
the matcher's `information`), and looked up under all of its word pairs: a fragment's rarest
pairs are pairs of the longer printing it was cut from, and an edited reprint keeps most of
the original's. So a wording meets the wordings it shares a rare pair with, and only those
are aligned. Keys are stable 64-bit hashes, the same in every process and on every machine.
Separate from `link.py` (which decides) so the index can be measured on its own: it only
proposes.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from attribution.matcher import information
from attribution.normalize import Token, spelling_key, tokenize

# A wording is filed under this many of its word pairs, the rarest: enough that an edit or
# two leaves one in place, few enough that the index stays a few entries per wording.
RARE_KEYS = 4
# A key filed under more wordings than this keeps the first (the most printed) only: one
# link joins a wording to a large cluster, and a common pair ("going to") must not make
# every lookup scan the corpus.
POSTING_CAP = 64
# How many candidates of a wording are aligned: the best by shared rare pairs, then by how
# often they are printed (the original a reprint was edited from is printed most). One link
# joins a wording to its statement; on the generated corpus (benchmarks/corpus_accuracy.py,
# 10,000 articles) a second candidate lifts recall from 0.983 to 0.997, a third and fourth
# to 0.999 for half as much linking again.
MAX_CANDIDATES = 2


def word_keys(tokens: Sequence[Token]) -> list[str]:
    """The words of a wording (`normalize.tokenize`) as the index compares them: case,
    marks and US/UK spelling folded (`Organise` and `organize` agree)."""
    return [_fold(t.key) for t in tokens if t.is_word]


def weighted_keys(words: Sequence[str]) -> dict[int, float]:
    """Every word pair of a wording as a stable hash, with how much sharing it says (the
    information of its two words); a one-word wording is its word."""
    pairs = [(words[0],)] if len(words) == 1 else list(itertools.pairwise(words))
    out: dict[int, float] = {}
    for pair in pairs:
        out[key_hash(" ".join(pair))] = sum(information(w) for w in pair)
    return out


def rare_keys(words: Sequence[str]) -> tuple[int, ...]:
    """The keys a wording is filed under: its `RARE_KEYS` rarest word pairs."""
    weighted = weighted_keys(words)
    ranked = sorted(weighted.items(), key=lambda item: (-item[1], item[0]))
    return tuple(k for k, _ in ranked[:RARE_KEYS])


def key_hash(text: str) -> int:
    """A stable 64-bit hash (Python's own `hash` of a string differs between processes)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


class Postings:
    """The index, compact: every key once in a sorted array, the wordings filed under it in
    one array beside it. A few bytes an entry, so a copy sent to each worker of a cluster
    stays small (a dict of tuples is about ten times the size).

    Args:
        postings: each key and the wordings filed under it, in order.
    """

    def __init__(self, postings: Mapping[int, Sequence[int]]) -> None:
        self.keys = array("Q")
        self.starts = array("I", [0])
        self.wordings = array("I")
        for key in sorted(postings):
            self.keys.append(key)
            self.wordings.extend(postings[key])
            self.starts.append(len(self.wordings))

    def get(self, key: int, default: Sequence[int] = ()) -> Sequence[int]:
        """The wordings filed under a key, most printed first."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return default
        return self.wordings[self.starts[i] : self.starts[i + 1]]

    def __len__(self) -> int:
        return len(self.keys)


def build_postings(keys: Sequence[Sequence[int]], popularity: Sequence[int]) -> Postings:
    """The index: each key and the wordings filed under it, most printed first, at most
    `POSTING_CAP` of them.

    Args:
        keys: each wording's rare keys, by wording number.
        popularity: how many times each wording is printed.
    """
    order = sorted(range(len(keys)), key=lambda w: (-popularity[w], w))
    postings: dict[int, list[int]] = defaultdict(list)
    for w in order:
        for key in keys[w]:
            hits = postings[key]
            if len(hits) < POSTING_CAP:
                hits.append(w)
    return Postings(postings)


def candidates(
    wording: int,
    text: str,
    postings: Postings,
    popularity: Sequence[int],
) -> list[int]:
    """The wordings worth aligning with this one: sharing its rarest pairs, best first.

    Args:
        wording: its number (never its own candidate).
        text: its words.
        postings: the index (`build_postings`).
        popularity: how many times each wording is printed.

    Returns:
        At most `MAX_CANDIDATES` wording numbers.
    """
    scores: dict[int, float] = defaultdict(float)
    for key, weight in weighted_keys(word_keys(tokenize(text))).items():
        for other in postings.get(key, ()):
            if other != wording:
                scores[other] += weight
    ranked = sorted(scores, key=lambda w: (-scores[w], -popularity[w], w))
    return ranked[:MAX_CANDIDATES]


def candidate_pairs(
    batch: Iterable[tuple[int, str]],
    postings: Postings,
    popularity: Sequence[int],
) -> list[tuple[int, int]]:
    """`candidates` for a batch of wordings, as (reference, other) pairs: the reference is
    the more printed (then the lower number), as the usual wording a reprint varies."""
    out = []
    for wording, text in batch:
        for other in candidates(wording, text, postings, popularity):
            ref, var = sorted((wording, other), key=lambda w: (-popularity[w], w))
            out.append((ref, var))
    return out


@functools.lru_cache(maxsize=65536)
def _fold(key: str) -> str:
    return spelling_key(key)
