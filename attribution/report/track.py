"""The markdown summary of `track`: what was read, the most altered statements, the
misattributed ones, and each outlet's count of altered quotes.

Laid out here with the other reports (escaping, tables and cut quotes shared with them); the
figures come from `corpus/summary.py`. No timings or dates of the run: the same corpus gives
the same bytes.
"""

from __future__ import annotations

from attribution.corpus.describe import ClusterFacts
from attribution.corpus.summary import TrackSummary
from attribution.report.common import count, cut
from attribution.report.gfm import md_escape, table

# Problems listed one by one; more are counted.
MAX_PROBLEMS_LISTED = 50


def render_track_markdown(summary: TrackSummary) -> str:
    """The summary of a `track` run as GitHub markdown (summary.md)."""
    tally = summary.tally
    skipped = sum(1 for p in tally.problems if p.skipped)
    lines = [f"# Statements tracked across {count(tally.articles, 'article')}", ""]
    lines.append(
        f"Read {count(tally.articles, 'article')}"
        + (f" ({count(skipped, 'record')} skipped, listed below)" if skipped else "")
        + f" and found {count(tally.statements, 'statement')} in "
        f"{count(tally.wordings, 'distinct wording')} (quoted terms and quotes too short to "
        f"verify left out: {tally.terms + tally.short}). They are "
        f"{count(summary.clusters, 'distinct statement')}, "
        f"{summary.shared} of them printed by more than one article: "
        f"{summary.altered_statements} with altered wording, "
        f"{summary.misattributed_statements} credited to different people."
    )
    lines += ["", "## Most-altered statements", ""]
    top = summary.top_altered()
    if top:
        lines.append(
            table(
                [
                    "Statement",
                    "Usual wording",
                    "Articles",
                    "Outlets",
                    "Altered",
                    "Worst",
                    "Changes",
                ],
                [
                    [
                        f.id,
                        _quoted(f.statement),
                        str(f.articles),
                        str(f.outlets),
                        str(f.altered),
                        f.worst.value,
                        md_escape(" / ".join(f.changes)),
                    ]
                    for f in top
                ],
            )
        )
    else:
        lines.append("No statement is printed with altered words.\n")
    lines += ["## Misattributions", ""]
    if summary.misattributed:
        lines.append(
            table(
                ["Statement", "Usual wording", "Credited to"],
                [[f.id, _quoted(f.statement), _people(f)] for f in summary.misattributed],
            )
        )
        more = summary.misattributed_statements - len(summary.misattributed)
        if more > 0:
            lines.append(f"And {count(more, 'more statement')} (clusters.jsonl has them all).\n")
    else:
        lines.append("No statement is credited to different people.\n")
    lines += ["## Outlets", ""]
    if summary.outlets:
        lines.append(
            "Printings of statements also printed elsewhere, how many alter the usual "
            "wording, and how many credit it to someone else.\n"
        )
        rows = sorted(
            summary.outlets.items(),
            key=lambda item: (-item[1].altered, -item[1].printings, item[0]),
        )
        lines.append(
            table(
                ["Outlet", "Printings", "Altered", "Credited to someone else"],
                [
                    [md_escape(name), str(c.printings), str(c.altered), str(c.misattributed)]
                    for name, c in rows
                ],
            )
        )
    else:
        lines.append("No statement is printed by more than one article.\n")
    if tally.problems:
        lines += ["## Records skipped or read with a loss", ""]
        for problem in tally.problems[:MAX_PROBLEMS_LISTED]:
            lines.append(f"- {md_escape(str(problem))}")
        more = len(tally.problems) - MAX_PROBLEMS_LISTED
        if more > 0:
            lines.append(f"- and {count(more, 'more')}")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _quoted(text: str) -> str:
    shown, left = cut(text)
    return f"“{md_escape(shown)}”" + (f" +{count(left, 'word')}" if left else "")


def _people(facts: ClusterFacts) -> str:
    return ", ".join(f"{md_escape(name)} ({n})" for name, n in facts.speakers)
