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
import functools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import NamedTuple

from attribution.align import Alignment
from attribution.classify import DEFAULT_POLICY, Policy, classify_alignment
from attribution.corpus.model import Wording
from attribution.extract import same_speaker
from attribution.matcher import MIN_EVIDENCE, information
from attribution.model import Change, Quote, QuoteKind, Severity, Verdict
from attribution.normalize import Token
from attribution.pairing import Prepared, prepare, relate

# A wording whose words carry less information than this (twice what the matcher calls
# enough by itself: about six uncommon words) is short: joining it to another needs the
# proportionate evidence `proportionate` asks for.
SHORT_QUOTE = 2 * MIN_EVIDENCE

# Prepared texts a worker keeps from batch to batch, the cache emptied when full. Pairs
# come grouped by the wordings they connect (`track._by_neighbourhood`), so a batch holds
# nearly every pair of its wordings, and the cache needs only to bridge a group cut between
# two batches: a few thousand texts, not every wording of the corpus in every worker.
_CACHE_SIZE = 5_000


# How a wording's words differ from another's, as `compare` grades a match: the verdict,
# its severity, the similarity and the changes (words only; who is credited is apart).
Comparison = tuple[Verdict, Severity, float, tuple[Change, ...]]
# Which side of a link is a fragment of the other: neither (the two align whole), the
# other wording, or the reference; or the other is the reference in other words.
WHOLE, OTHER_INSIDE, REF_INSIDE, REWORDING = 0, 1, 2, 3


class Link(NamedTuple):
    """Two wordings the matcher judged one statement: the reference (the more printed), the
    other, the matcher's rank, which is a fragment of which, and how the other's words differ
    from the reference's."""

    ref: int
    other: int
    rank: float
    inside: int
    comparison: Comparison


def link_batch(
    pairs: Sequence[tuple[int, int]],
    wordings: Mapping[int, Wording] | Sequence[Wording],
    *,
    policy: Policy = DEFAULT_POLICY,
) -> list[Link]:
    """The candidate pairs that are one statement, with the matcher's rank and how the
    second's words differ from the first's.

    Args:
        pairs: (reference, other) wording numbers, the reference the more printed
            (`index.candidate_pairs`); grouped by the wordings they connect, so each is
            prepared once.
        wordings: the wordings of these pairs (or of the whole corpus), by number.
        policy: severities for changes.

    Returns:
        A link for each pair the matcher judges the same statement or the same in other
        words; rank orders links, the strongest highest.
    """
    statements = _statements_of(wordings)
    out = []
    for a, b in pairs:
        ref, other = statements.get(a), statements.get(b)
        related = relate(ref, other, same_speaker=_same_speaker, places_comparable=False)
        if related is not None:
            judgement, alignment = related
            if not proportionate(alignment, _same_speaker(ref.quote, other.quote)):
                continue
            changes, verdict, severity = classify_alignment(
                alignment, ref.quote.text, other.quote.text, policy=policy
            )
            comparison = (verdict, severity, alignment.similarity, changes)
            out.append(Link(a, b, judgement.rank, _inside(alignment), comparison))
    return out


def proportionate(alignment: Alignment, agree: bool | None) -> bool:
    """Whether the words of two wordings the matcher related are evidence enough across a
    corpus, where a person says the same few words in many statements.

    Two overlapping pieces (each with words the other lacks at an end) are one statement only
    when the words they share would make a long wording by themselves: "Donald J. Trump" at
    the end of one quote and the start of another is a name, not a statement. Otherwise a
    wording whose words carry at least `SHORT_QUOTE` information is judged by the matcher
    alone, and a shorter one joins another only when its shape leaves no doubt:
    - the same words (as the matcher already judges them, whoever is credited);
    - the same words changed in places (a word, a negation, an ellipsis), neither running
      on past the other, credited to the same person;
    - a real fragment of the other: every one of its words printed alike, in one run of the
      other's words with none missing between them, carrying at least `MIN_EVIDENCE` by
      itself, and credited to the same person ("over and over again" inside one of a
      mayor's sentences is as likely any other time she said it).
    A short rewording never is.

    Args:
        alignment: the two wordings aligned (`pairing.relate`).
        agree: whether the two are credited to the same person (None: unknown).
    """
    ops = [
        (tag, a0, a1, b0, b1)
        for tag, a0, a1, b0, b1 in alignment.opcodes
        if _has_words(alignment.a_tokens[a0:a1]) or _has_words(alignment.b_tokens[b0:b1])
    ]
    if all(op[0] == "equal" for op in ops):
        return True
    ends = {ops[0][0], ops[-1][0]}
    windows_overlap = _outside(alignment.a_tokens, alignment.a_window) and _outside(
        alignment.b_tokens, alignment.b_window
    )
    if windows_overlap or {"delete", "insert"} <= ends:
        return _paired_information(ops, alignment) >= SHORT_QUOTE
    a_info, b_info = _information(alignment.a_tokens), _information(alignment.b_tokens)
    if min(a_info, b_info) >= SHORT_QUOTE:
        return True
    if alignment.reworded or agree is not True:
        return False
    if not ends & {"delete", "insert"}:
        return True  # changed in places, neither running on past the other
    inside = [t for t in ops if t[0] != "equal"]
    one_run = all(t[0] == inside[0][0] for t in inside) and inside[0][0] in ("delete", "insert")
    has_gap = any(t[0] != "equal" for t in ops[1:-1])
    return one_run and not has_gap and min(a_info, b_info) >= MIN_EVIDENCE


def _information(tokens: Sequence[Token]) -> float:
    return sum(information(t.key) for t in tokens if t.is_word)


def _outside(tokens: Sequence[Token], window: tuple[int, int]) -> bool:
    """Whether a wording has words outside the window aligned with the other."""
    return _has_words(tokens[: window[0]]) or _has_words(tokens[window[1] :])


def _paired_information(
    ops: Sequence[tuple[str, int, int, int, int]], alignment: Alignment
) -> float:
    """The information of the words the two wordings print alike."""
    return sum(
        _information(alignment.a_tokens[a0:a1]) for tag, a0, a1, _, _ in ops if tag == "equal"
    )


def _has_words(tokens: Sequence[Token]) -> bool:
    return any(t.is_word for t in tokens)


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


def _statements_of(wordings: Mapping[int, Wording] | Sequence[Wording]) -> _Statements:
    """The batch's wordings prepared for the matcher, each text prepared once in this worker
    (a wording is a candidate of several others, in several batches)."""
    return _Statements(wordings, _PREPARED)


class _Statements:
    """Wordings prepared for the matcher, each text once: the same words credited to
    another name share their tokens and stems."""

    def __init__(
        self, wordings: Mapping[int, Wording] | Sequence[Wording], by_text: dict[str, Prepared]
    ) -> None:
        self.wordings = wordings
        self.by_text = by_text
        self.by_number: dict[int, Prepared] = {}

    def get(self, number: int) -> Prepared:
        found = self.by_number.get(number)
        if found is not None:
            return found
        wording = self.wordings[number]
        same_text = self.by_text.get(wording.text)
        if same_text is None:
            if len(self.by_text) >= _CACHE_SIZE:
                self.by_text.clear()
            same_text = self.by_text[wording.text] = wording_statement(number, wording)
        quote = dataclasses.replace(same_text.quote, id=f"w{number}", speaker=wording.speaker)
        found = self.by_number[number] = dataclasses.replace(
            same_text, quote=quote, pieces=(quote.id,)
        )
        return found


def cluster(
    links: Iterable[Link], articles: Sequence[frozenset[int]], lengths: Sequence[int]
) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """Wordings joined into statements, one printing per article.

    Wordings that align whole are joined first, strongest link first. A fragment then joins
    the statement it was cut from only when that is the one statement containing it: "make
    America great again", printed alone, is a fragment of many different statements, and
    must not make them one. A rewording likewise joins only a statement it is the one
    rewording of. Fragments are placed longest first, so a fragment of a fragment finds the
    statement both come from.

    Args:
        links: from `link_batch`.
        articles: the articles printing each wording, by wording number.
        lengths: each wording's length, which orders fragments.

    Returns:
        The clusters (wording numbers, ascending; clusters ordered by their first wording)
        and the links kept, which join each cluster as a tree.
    """
    union = _Union(articles)
    fragments: dict[int, list[tuple[float, int, Link]]] = {}
    for link in sorted(links, key=lambda k: (-k.rank, k.ref, k.other)):
        if link.inside == WHOLE:
            union.join(link.ref, link.other, link)
        else:
            part, whole = (
                (link.ref, link.other) if link.inside == REF_INSIDE else (link.other, link.ref)
            )
            fragments.setdefault(part, []).append((link.rank, whole, link))
    placed: set[int] = set()
    for part in sorted(fragments, key=lambda w: (-lengths[w], w)):
        home = union.root(part)
        if home in placed:
            continue
        placed.add(home)
        found = [
            (rank, union.root(whole), link)
            for p in union.members_of(home)
            for rank, whole, link in fragments.get(p, ())
            if union.root(whole) != home
        ]
        if len({root for _, root, _ in found}) == 1:
            best = max(found, key=lambda f: (f[0], -f[2].ref, -f[2].other))
            union.join(best[2].ref, best[2].other, best[2])
    groups: dict[int, list[int]] = {}
    for w in range(len(articles)):
        groups.setdefault(union.root(w), []).append(w)
    return list(groups.values()), union.kept


class _Union:
    """Union-find over wordings that refuses to put two printings of one article together."""

    def __init__(self, articles: Sequence[frozenset[int]]) -> None:
        self.parent = list(range(len(articles)))
        self.articles: list[set[int] | None] = [set(a) for a in articles]
        self.members: list[list[int] | None] = [[w] for w in range(len(articles))]
        self.kept: list[tuple[int, int]] = []

    def root(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def members_of(self, root: int) -> list[int]:
        return self.members[root] or []

    def join(self, a: int, b: int, link: Link) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return False
        sa, sb = self.articles[ra], self.articles[rb]
        assert sa is not None
        assert sb is not None
        if len(sa) < len(sb):
            ra, rb, sa, sb = rb, ra, sb, sa
        if not sa.isdisjoint(sb):
            return False  # one article would print the statement twice
        sa |= sb
        self.articles[rb] = None
        ma, mb = self.members[ra], self.members[rb]
        assert ma is not None
        assert mb is not None
        ma.extend(mb)
        self.members[rb] = None
        self.parent[rb] = ra
        self.kept.append((link.ref, link.other))
        return True


def _inside(alignment: Alignment) -> int:
    """Which side of an alignment is a fragment of the other (the shorter, when each has
    words beyond the other's: two overlapping fragments), or whether it is a rewording."""
    if alignment.reworded:
        return REWORDING
    if not alignment.is_fragment:
        return WHOLE
    a_whole = alignment.a_window == (0, len(alignment.a_tokens))
    b_whole = alignment.b_window == (0, len(alignment.b_tokens))
    if a_whole != b_whole:
        return REF_INSIDE if a_whole else OTHER_INSIDE
    return REF_INSIDE if len(alignment.a_tokens) < len(alignment.b_tokens) else OTHER_INSIDE


# The texts this worker has prepared, kept from batch to batch and emptied when full.
_PREPARED: dict[str, Prepared] = {}


def _same_speaker(a: Quote, b: Quote) -> bool | None:
    return _speakers_agree(a.speaker, b.speaker)


@functools.lru_cache(maxsize=65536)
def _speakers_agree(a: str | None, b: str | None) -> bool | None:
    """`extract.same_speaker`, remembered: a corpus credits its many quotes to few names."""
    return same_speaker(a, b)
