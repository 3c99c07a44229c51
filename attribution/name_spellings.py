"""Names spelled differently: people and places two articles print in two spellings.

Not findings (a transliteration is no misquote), but an editor wants to know that one article
prints `Qasem Soleimani` and another `Qassem Soleimani`; shown in the markdown report.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from attribution.lexicon import TITLES
from attribution.model import Article, NameSpelling
from attribution.normalize import common_words, is_name_variant, name_skeleton


def names_spelled_differently(articles: Sequence[Article]) -> tuple[NameSpelling, ...]:
    """Names of people and places that the reference and another article spell differently.

    A name is a run of capitalised words, titles left out (`Prime Minister`, `General`); two
    runs are one name spelled two ways when they have as many words, every word agrees up
    to transliteration or hyphenation and one is spelled alike (`Adel Abdul Mahdi` /
    `Adil Abdul-Mahdi`), and neither article also prints the other's spelling.

    Args:
        articles: the articles compared, the reference first.

    Returns:
        One entry per pair of spellings, in the reference's order.
    """
    if len(articles) < 2:
        return ()
    ref = articles[0]
    ref_names = _names_in(ref.text)
    ref_set = {_fold_name(n) for n in ref_names}
    out: list[NameSpelling] = []
    seen: set[tuple[str, str, str]] = set()
    for other in articles[1:]:
        other_names = _names_in(other.text)
        other_set = {_fold_name(n) for n in other_names}
        # Variants share their consonant skeletons word by word: index by them.
        by_skeleton: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
        for name in other_names:
            by_skeleton[tuple(name_skeleton(w) for w in _fold_name(name))].append(name)
        for name in ref_names:
            folded = _fold_name(name)
            if folded in other_set:
                continue  # the other article prints this spelling too
            for candidate in by_skeleton.get(tuple(name_skeleton(w) for w in folded), ()):
                cand_folded = _fold_name(candidate)
                if cand_folded in ref_set:
                    continue  # ... or the reference prints the other's
                # One word spelled alike as well, as a person's other name or a place's
                # other word: a lone pair of similar words (Marcia/March) is often chance.
                pairs = list(zip(folded, cand_folded, strict=True))
                if any(x.lower() == y.lower() for x, y in pairs) and all(
                    x == y or is_name_variant(x, y) for x, y in pairs
                ):
                    key = (" ".join(name), other.id, " ".join(candidate))
                    if key not in seen:
                        seen.add(key)
                        out.append(NameSpelling(ref.id, key[0], other.id, key[2]))
    return tuple(out)


# word after a sentence's end is left out, since any word may open a sentence.
_NAME_RE = re.compile(r"(?<![\w.])[A-Z][a-z\u00c0-\u024f]+(?:[- ][A-Z][a-z\u00c0-\u024f]+)*")


def _names_in(text: str) -> list[tuple[str, ...]]:
    """The capitalised word runs of a text that look like names, in order, each once."""
    common = common_words()
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[str, ...]] = []
    for m in _NAME_RE.finditer(text):
        words = tuple(w for w in m.group().split(" ") if w)
        # Leading common words open a sentence ("The Iraqi"), and titles are no part of a
        # person's name ("Prime Minister Adel Abdul Mahdi").
        while words and (words[0].lower() in common or words[0].lower() in TITLES):
            words = words[1:]
        if not words or all(w.lower() in common for w in words):
            continue
        if words not in seen:
            seen.add(words)
            out.append(words)
    return out


def _fold_name(name: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words, hyphenated parts split: `Abdul-Mahdi` and `Abdul Mahdi` agree."""
    return tuple(part for word in name for part in word.split("-") if part)
