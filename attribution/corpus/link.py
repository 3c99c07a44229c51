"""Linking: which candidate wordings are one statement, and the clusters they make.

The matcher decides, through `pairing.relate`, exactly as `compare` pairs two articles'
statements: one definition of "the same statement" in the whole tool. Only one thing differs,
and it is an input, not a rule: articles of a corpus are not known to tell one story, so a
statement's place in its article supports nothing (`places_comparable=False`); the same
speaker still does. Clustering then joins linked wordings strongest link first, and never
puts two printings of one article in one cluster: an article prints a statement once, so a
link that would join two of its statements (a columnist's two different quotes, both
inside a third article's longer one) is refused.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from fractions import Fraction

from attribution.classify import DEFAULT_POLICY, Policy, classify_alignment
from attribution.corpus.model import Wording
from attribution.extract import same_speaker
from attribution.model import Change, Quote, QuoteKind, Severity, Verdict
from attribution.pairing import Prepared, prepare, relate

# Prepared wordings a worker keeps, the cache emptied when full: a wording is prepared
# about once however many pairs it is in (pairs come sorted by their reference).
_CACHE_SIZE = 200_000


# How a wording's words differ from another's, as `compare` grades a match: the verdict,
# its severity, the similarity and the changes (words only; who is credited is apart).
Comparison = tuple[Verdict, Severity, float, tuple[Change, ...]]


def link_batch(
    pairs: Sequence[tuple[int, int]],
    wordings: Sequence[Wording],
    *,
    policy: Policy = DEFAULT_POLICY,
) -> list[tuple[int, int, float, Comparison]]:
    """The candidate pairs that are one statement, with the matcher's rank and how the
    second's words differ from the first's.

    Args:
        pairs: (reference, other) wording numbers, the reference the more printed
            (`index.candidate_pairs`); sorted by reference, so each is prepared once.
        wordings: every wording of the corpus, by number.
        policy: severities for changes.

    Returns:
        (reference, other, rank, comparison) for each pair the matcher judges the same
        statement or the same in other words; rank orders links, the strongest highest.
    """
    statements = _statements_of(wordings)
    out = []
    for a, b in pairs:
        ref, other = statements.get(a), statements.get(b)
        related = relate(ref, other, same_speaker=_same_speaker, places_comparable=False)
        if related is not None:
            judgement, alignment = related
            changes, verdict, severity = classify_alignment(
                alignment, ref.quote.text, other.quote.text, policy=policy
            )
            out.append((a, b, judgement.rank, (verdict, severity, alignment.similarity, changes)))
    return out


def wording_statement(number: int, wording: Wording) -> Prepared:
    """A wording as the statement `pairing.relate` compares: its words and its speaker."""
    quote = Quote(
        id=f"w{number}",
        text=wording.text,
        start=0,
        end=len(wording.text),
        speaker=wording.speaker,
        speaker_mention=None,
        cue=None,
        kind=QuoteKind.DIRECT,
    )
    return prepare(quote, (quote.id,), Fraction(0))


def _statements_of(wordings: Sequence[Wording]) -> _Statements:
    """The worker's prepared wordings of this corpus, kept from batch to batch (a wording is
    a candidate of several others), started afresh for another corpus."""
    global _WORKER_STATEMENTS
    if _WORKER_STATEMENTS is None or _WORKER_STATEMENTS.wordings is not wordings:
        _WORKER_STATEMENTS = _Statements(wordings)
    return _WORKER_STATEMENTS


class _Statements:
    """Wordings prepared for the matcher, each text once: the same words credited to
    another name share their tokens and stems."""

    def __init__(self, wordings: Sequence[Wording]) -> None:
        self.wordings = wordings
        self.by_text: dict[str, Prepared] = {}
        self.by_number: dict[int, Prepared] = {}

    def get(self, number: int) -> Prepared:
        found = self.by_number.get(number)
        if found is not None:
            return found
        if len(self.by_number) > _CACHE_SIZE:
            self.by_number.clear()
            self.by_text.clear()
        wording = self.wordings[number]
        same_text = self.by_text.get(wording.text)
        if same_text is None:
            found = self.by_text[wording.text] = wording_statement(number, wording)
        else:
            quote = dataclasses.replace(same_text.quote, id=f"w{number}", speaker=wording.speaker)
            found = dataclasses.replace(same_text, quote=quote, pieces=(quote.id,))
        self.by_number[number] = found
        return found


def cluster(
    links: Iterable[tuple[int, int, float, Comparison]],
    articles: Sequence[frozenset[int]],
) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Wordings joined into statements, strongest link first, one printing per article.

    Args:
        links: (a, b, rank, comparison) from `link_batch`.
        articles: the articles printing each wording, by wording number.

    Returns:
        The clusters (wording numbers, ascending; clusters ordered by their first wording)
        and the links kept, which join each cluster as a tree.
    """
    parent = list(range(len(articles)))
    members: list[set[int] | None] = [set(a) for a in articles]
    kept: list[tuple[int, int]] = []

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _, _ in sorted(links, key=lambda link: (-link[2], link[0], link[1])):
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        sa, sb = members[ra], members[rb]
        assert sa is not None
        assert sb is not None
        if len(sa) < len(sb):
            ra, rb, sa, sb = rb, ra, sb, sa
        if not sa.isdisjoint(sb):
            continue  # one article would print the statement twice
        sa |= sb
        members[rb] = None
        parent[rb] = ra
        kept.append((a, b))
    groups: dict[int, list[int]] = {}
    for w in range(len(articles)):
        groups.setdefault(root(w), []).append(w)
    return list(groups.values()), kept


_WORKER_STATEMENTS: _Statements | None = None


def _same_speaker(a: Quote, b: Quote) -> bool | None:
    return same_speaker(a.speaker, b.speaker)
