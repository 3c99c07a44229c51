"""The corpus summary's figures, gathered cluster by cluster as `track` writes them.

Kept small whatever the corpus: the few most-altered statements, the misattributed ones,
and one row per outlet; the markdown is laid out by `report/track.py`.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from attribution.corpus.describe import ClusterFacts
from attribution.corpus.track import Tally

# How many statements the summary lists as most altered, and as misattributed.
TOP_ALTERED = 20
TOP_MISATTRIBUTED = 50


@dataclass(slots=True)
class OutletCount:
    """One outlet's printings of statements also printed elsewhere, and how many of them
    altered the words or credited them to someone else."""

    printings: int = 0
    altered: int = 0
    misattributed: int = 0


@dataclass(slots=True)
class TrackSummary:
    """What the summary reports: totals, the most altered statements, misattributions and
    each outlet's counts (over statements printed by more than one article)."""

    tally: Tally = field(default_factory=Tally)
    clusters: int = 0
    shared: int = 0  # statements printed by more than one article
    altered_statements: int = 0
    misattributed_statements: int = 0
    most_altered: list[tuple[tuple[int, int, int, str], ClusterFacts]] = field(default_factory=list)
    misattributed: list[ClusterFacts] = field(default_factory=list)
    outlets: dict[str, OutletCount] = field(default_factory=dict)

    def add(self, facts: ClusterFacts) -> None:
        """Count one cluster."""
        self.clusters += 1
        if facts.articles < 2:
            return
        self.shared += 1
        for outlet, (printings, altered, other) in facts.by_outlet.items():
            count = self.outlets.setdefault(outlet, OutletCount())
            count.printings += printings
            count.altered += altered
            count.misattributed += other
        if facts.altered:
            self.altered_statements += 1
            # Most altered printings first, then the worst change, then the most printed;
            # the id (negated through the heap's order) keeps ties in output order.
            key = (facts.altered, facts.worst.rank, facts.articles, _reverse(facts.id))
            entry = (key, facts)
            if len(self.most_altered) < TOP_ALTERED:
                heapq.heappush(self.most_altered, entry)
            elif key > self.most_altered[0][0]:
                heapq.heapreplace(self.most_altered, entry)
        if facts.misattributed:
            self.misattributed_statements += 1
            if len(self.misattributed) < TOP_MISATTRIBUTED:
                self.misattributed.append(facts)

    def top_altered(self) -> list[ClusterFacts]:
        """The most altered statements, most altered first."""
        return [facts for _, facts in sorted(self.most_altered, key=lambda e: e[0], reverse=True)]


def _reverse(ident: str) -> str:
    """A cluster id ordered so that an earlier cluster (c2 before c10) compares greater."""
    number = int(ident.lstrip("c") or 0)
    return f"{10**12 - number:013d}"
