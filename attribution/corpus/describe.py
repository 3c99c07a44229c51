"""Describing a cluster: its usual wording, every variant and how it differs, who is credited.

The reduce step of `track`, a pure function of one batch of clusters so either engine runs
it anywhere. Variants are aligned with the usual wording by the matcher (`pairing.relate`)
and their changes named and graded by `classify`, as `compare` does for two articles; the
speakers are grouped into people with `extract.same_speaker`, and a cluster whose words are
credited to two different people is flagged.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from attribution.align import align_tokens
from attribution.classify import DEFAULT_POLICY, Policy, classify_alignment
from attribution.corpus.link import Comparison, wording_statement
from attribution.corpus.model import ArticleInfo, Printing, Wording
from attribution.extract import same_speaker
from attribution.model import Change, Severity, Verdict, to_json_dict
from attribution.pairing import Prepared, relate

# Verdicts that change what the speaker is quoted as saying: an outlet printing one of
# these has altered the quote.
ALTERED_VERDICTS = frozenset({Verdict.ALTERED, Verdict.REWORDED})
# Altered variants whose changes the summary shows for a statement.
SHOWN_CHANGES = 3


@dataclass(frozen=True, slots=True)
class ClusterInput:
    """What describing a cluster needs: its wordings, its printings and their articles,
    and the links that joined it (wording numbers)."""

    id: str
    wordings: dict[int, Wording]
    printings: tuple[Printing, ...]
    articles: dict[int, ArticleInfo]
    links: tuple[tuple[int, int], ...] = ()
    repeats: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)
    # How a text differs from another it was linked with (`link.link_batch`), by the two
    # texts: reused rather than aligned again.
    compared: dict[tuple[str, str], Comparison] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ClusterFacts:
    """A cluster's figures for the corpus summary, without its text for every printing."""

    id: str
    statement: str
    articles: int
    outlets: int
    variants: int
    worst: Severity
    altered: int
    misattributed: bool
    speakers: tuple[tuple[str, int], ...]  # (name, articles crediting them)
    # outlet -> (printings, altered printings, printings credited to someone else)
    by_outlet: dict[str, tuple[int, int, int]]
    # The altered variants' changes, as the summary shows them: `2027 → 2029 (number)`.
    changes: tuple[str, ...] = ()


def describe_batch(
    clusters: Sequence[ClusterInput], *, policy: Policy = DEFAULT_POLICY
) -> list[tuple[dict[str, Any], ClusterFacts]]:
    """Each cluster of a batch as its `clusters-v1` record and its summary figures."""
    return [describe(c, policy=policy) for c in clusters]


def describe(
    cluster: ClusterInput, *, policy: Policy = DEFAULT_POLICY
) -> tuple[dict[str, Any], ClusterFacts]:
    """A cluster as its `attribution/clusters-v1` record (docs/clusters-json.md).

    Args:
        cluster: its wordings, printings, articles and links.
        policy: severities for changes.

    Returns:
        The JSON-ready record and the figures the summary counts.
    """
    by_text: dict[str, list[Printing]] = {}
    for p in cluster.printings:
        by_text.setdefault(cluster.wordings[p.wording].text, []).append(p)
    texts = list(by_text)
    main = min(texts, key=lambda t: _usual(t, by_text[t], cluster.articles))
    dated = [
        (date, p.article)
        for p in cluster.printings
        if (date := cluster.articles[p.article].published) is not None
    ]
    earliest_printing = min(dated)[1] if dated else None
    earliest = next(
        (t for t in texts if any(p.article == earliest_printing for p in by_text[t])), None
    )
    people = _people(cluster)
    main_person = people[0][0] if people else None
    order = sorted(texts, key=lambda t: (t != main, -len(by_text[t]), texts.index(t)))
    variants = []
    worst = Severity.NONE
    altered = 0
    shown: list[str] = []
    by_outlet: dict[str, list[int]] = {}
    compared = _Comparer(cluster, by_text, main, policy)
    for text in order:
        verdict, severity, similarity, changes, against = compared.against_usual(text, order)
        worst = max(worst, severity)
        printings = []
        for p in sorted(by_text[text], key=lambda p: p.article):
            info = cluster.articles[p.article]
            speaker = cluster.wordings[p.wording].speaker
            credit = _credit(speaker, main_person, people)
            is_altered = verdict in ALTERED_VERDICTS
            altered += is_altered
            counts = by_outlet.setdefault(info.outlet or "(no outlet)", [0, 0, 0])
            counts[0] += 1
            counts[1] += is_altered
            counts[2] += credit == "other"
            printings.append(
                {
                    "article": info.id,
                    "quote": p.pieces[0],
                    "pieces": list(p.pieces),
                    "spans": [list(span) for span in p.spans],
                    "kind": p.kind,
                    "speaker": speaker,
                    "credit": credit,
                    "outlet": info.outlet,
                    "published": info.published,
                    "url": info.url,
                    "repeats": list(cluster.repeats.get((p.article, p.wording), ())),
                }
            )
        if verdict in ALTERED_VERDICTS and len(shown) < SHOWN_CHANGES:
            shown.append(_changed(verdict, changes))
        variants.append(
            {
                "text": text,
                "verdict": verdict.value,
                "severity": severity.value,
                "similarity": similarity,
                "against": against,
                "changes": to_json_dict(changes),
                "printings": printings,
            }
        )
    outlets = {_outlet_key(cluster.articles[p.article]) for p in cluster.printings}
    dates = [d for d, _ in dated]
    misattributed = len(people) > 1
    articles = len({p.article for p in cluster.printings})
    record = {
        "id": cluster.id,
        "statement": main,
        "earliest": earliest,
        "articles": articles,
        "outlets": len(outlets),
        "first_seen": min(dates) if dates else None,
        "last_seen": max(dates) if dates else None,
        "worst": worst.value,
        "altered": altered,
        "misattributed": misattributed,
        "speakers": [
            {"name": name, "forms": forms, "articles": count} for name, forms, count in people
        ],
        "variants": variants,
    }
    facts = ClusterFacts(
        cluster.id,
        main,
        articles,
        len(outlets),
        len(variants),
        worst,
        altered,
        misattributed,
        tuple((name, n) for name, _, n in people),
        {k: (v[0], v[1], v[2]) for k, v in by_outlet.items()},
        tuple(shown),
    )
    return record, facts


def _changed(verdict: Verdict, changes: Sequence[Change]) -> str:
    """A variant's changes in a few words: `2027 → 2029 (number)`, `not → ∅ (negation)`."""
    if verdict is Verdict.REWORDED or not changes:
        return "reworded"
    worst = sorted(changes, key=lambda c: -c.severity.rank)[:2]
    return "; ".join(f"{c.a or '∅'} → {c.b or '∅'} ({c.category.value})" for c in worst)


class _Comparer:
    """Aligns each variant with the usual wording, or, when a chain of links joined it (a
    fragment of a longer printing that the usual wording is another fragment of), with the
    nearest wording on that chain."""

    def __init__(
        self, cluster: ClusterInput, by_text: dict[str, list[Printing]], main: str, policy: Policy
    ) -> None:
        self.policy = policy
        self.wordings = cluster.wordings
        self.compared = cluster.compared
        # Each text's most printed wording speaks for it.
        self.rep = {
            t: Counter(p.wording for p in ps).most_common(1)[0][0] for t, ps in by_text.items()
        }
        self.prepared: dict[int, Prepared] = {}
        self.parent = _tree(self.rep[main], cluster.links)

    def statement(self, w: int) -> Prepared:
        if w not in self.prepared:
            self.prepared[w] = wording_statement(w, self.wordings[w])
        return self.prepared[w]

    def against_usual(
        self, text: str, order: Sequence[str]
    ) -> tuple[Verdict, Severity, float, tuple[Any, ...], int | None]:
        """(verdict, severity, similarity, changes, index of the variant compared with)."""
        if text == order[0]:
            return Verdict.IDENTICAL, Severity.NONE, 1.0, (), None
        w = self.rep[text]
        targets = [order[0]]
        step = self.parent.get(w)
        while step is not None:
            step_text = self.wordings[step].text
            if step_text != text and step_text not in targets:
                targets.append(step_text)
                break
            step = self.parent.get(step)
        for target in targets:
            known = self.compared.get((target, text))
            if known is not None:
                verdict, severity, similarity, changes = known
                return verdict, severity, similarity, changes, order.index(target)
            ref = self.statement(self.rep[target])
            related = relate(ref, self.statement(w), same_speaker=_same, places_comparable=False)
            if related is not None:
                alignment = related[1]
                changes, verdict, severity = classify_alignment(
                    alignment, target, text, policy=self.policy
                )
                return verdict, severity, alignment.similarity, changes, order.index(target)
        # Joined through a chain the matcher does not see whole: aligned with the usual
        # wording all the same, so the reader sees what differs.
        ref = self.statement(self.rep[order[0]])
        alignment = align_tokens(ref.tokens, self.statement(w).tokens, order[0], text)
        changes, verdict, severity = classify_alignment(
            alignment, order[0], text, policy=self.policy
        )
        return verdict, severity, alignment.similarity, changes, 0


def _tree(root: int, links: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Each wording's neighbour one link nearer the root, through the links kept."""
    adjacent: dict[int, list[int]] = {}
    for a, b in links:
        adjacent.setdefault(a, []).append(b)
        adjacent.setdefault(b, []).append(a)
    parent: dict[int, int] = {}
    queue = deque([root])
    seen = {root}
    while queue:
        w = queue.popleft()
        for n in adjacent.get(w, ()):
            if n not in seen:
                seen.add(n)
                parent[n] = w
                queue.append(n)
    return parent


def _usual(
    text: str, printings: Sequence[Printing], articles: dict[int, ArticleInfo]
) -> tuple[int, int, tuple[int, str], int]:
    """What makes a wording the usual one, least first: most outlets, then most printings,
    then the earliest printed (a dated printing before an undated one), then the first read."""
    outlets = len({_outlet_key(articles[p.article]) for p in printings})
    dates = [d for p in printings if (d := articles[p.article].published)]
    first = min(p.article for p in printings)
    return (-outlets, -len(printings), (0, min(dates)) if dates else (1, ""), first)


def _outlet_key(info: ArticleInfo) -> str:
    """An outlet to count; an article of no known outlet counts as one of its own."""
    return f"outlet:{info.outlet}" if info.outlet else f"article:{info.id}"


def _people(cluster: ClusterInput) -> list[tuple[str, list[str], int]]:
    """The people the cluster is credited to: (name, forms printed, articles), most credited
    first. Forms that `same_speaker` says are one person (Hillary Clinton, Clinton, Mrs.
    Clinton) are one; the name shown is the form most articles print."""
    articles: dict[str, set[int]] = {}
    for p in cluster.printings:
        speaker = cluster.wordings[p.wording].speaker
        if speaker:
            articles.setdefault(speaker, set()).add(p.article)
    groups: list[tuple[list[str], set[int]]] = []
    for form in sorted(articles, key=lambda s: (-len(articles[s]), -len(s), s)):
        for forms, seen in groups:
            if all(same_speaker(form, f) for f in forms):
                forms.append(form)
                seen |= articles[form]
                break
        else:
            groups.append(([form], set(articles[form])))
    groups.sort(key=lambda g: (-len(g[1]), g[0][0]))
    return [(forms[0], sorted(forms), len(seen)) for forms, seen in groups]


def _credit(
    speaker: str | None, main: str | None, people: Sequence[tuple[str, list[str], int]]
) -> str:
    """`main` when a printing credits the person most articles credit, `other` when it
    credits someone else, `unknown` when it names no one the tool could read."""
    if speaker is None or main is None:
        return "unknown"
    for name, forms, _ in people:
        if speaker in forms:
            return "main" if name == main else "other"
    return "unknown"


def _same(a: Any, b: Any) -> bool | None:
    return same_speaker(a.speaker, b.speaker)
