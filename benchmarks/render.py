"""Rendering speed: markdown and JSON of a long report, at two sizes, to show the cost grows
in step with the report (no lookup that scans the report per quote, no per-match table
library call).

Usage: .venv/bin/python -m benchmarks.render [--quotes 20000] [--repeat 3]

The article is the stress run's: N attributed quotes of random words, one paragraph each,
against a reprint with every 37th word replaced (seeded), so almost every quote is a match
with a change. `compare` runs once per size (it is not what is measured here); each
renderer is then timed best of --repeat.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable, Sequence

from tabulate import tabulate

from attribution import Report, article_from_text, compare, render_json, render_markdown
from benchmarks.stress import many_quotes, reprint

# The stress run's article holds 20,000 quotes at scale 1.
STRESS_QUOTES = 20_000


def _report(quotes: int) -> Report:
    text = many_quotes(quotes / STRESS_QUOTES)
    return compare(article_from_text(text, "a"), article_from_text(reprint(text), "b"))


def _best(job: Callable[[], str], repeat: int) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(job())
        best = min(best, time.perf_counter() - start)
    return best, size


def main(argv: Sequence[str] | None = None) -> int:
    """Print a table of render times at half and full size; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=STRESS_QUOTES)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows = []
    times: dict[tuple[str, int], float] = {}
    for quotes in (args.quotes // 2, args.quotes):
        report = _report(quotes)
        for name, render in (("markdown", render_markdown), ("json", render_json)):
            seconds, size = _best(lambda: render(report), args.repeat)  # noqa: B023
            times[name, quotes] = seconds
            rows.append(
                [
                    name,
                    f"{quotes:,}",
                    f"{len(report.matches):,}",
                    f"{size / 1e6:.1f}",
                    f"{seconds:.2f}",
                ]
            )
    for name in ("markdown", "json"):
        ratio = times[name, args.quotes] / times[name, args.quotes // 2]
        rows.append([f"{name}: full / half", "", "", "", f"{ratio:.2f}"])
    print(
        f"Render a compare report (stress article against its reprint); Python "
        f"{platform.python_version()}, best of {args.repeat}\n"
    )
    print(
        tabulate(rows, headers=["format", "quotes", "matches", "MB", "seconds"], tablefmt="github")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
