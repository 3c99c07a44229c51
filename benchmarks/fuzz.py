"""Long fuzz run: the suite's fuzz laws (`tests/test_fuzz.py`) over many more examples.

The suite runs each law on a few dozen examples so it stays fast; this runs each on tens of
thousands (100,000 in all by default) and prints how many it ran, how long each took and
whether any failed. A failure prints Hypothesis's smallest failing input and exits 1.

    .venv/bin/python benchmarks/fuzz.py                    # 20,000 examples per law
    .venv/bin/python benchmarks/fuzz.py --examples 1000    # a quick look
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.test_fuzz import LAWS  # noqa: E402 - needs ROOT on the path first


def run_law(check: Callable[..., None], strategies: tuple[Any, ...], examples: int) -> int:
    """Run one law on `examples` generated inputs; the number of calls made."""
    calls = 0

    def counted(args: tuple[Any, ...]) -> None:
        nonlocal calls
        calls += 1
        check(*args)

    test = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(given(st.tuples(*strategies))(counted))
    test()
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--examples", type=int, default=20_000, help="examples per law")
    args = parser.parse_args()
    rows = []
    total = 0
    failed = False
    for check, strategies in LAWS:
        start = time.perf_counter()
        try:
            calls = run_law(check, strategies, args.examples)
            result = "passed"
        except Exception:
            traceback.print_exc()
            calls, result, failed = 0, "FAILED", True
        total += calls
        doc = (check.__doc__ or "").strip().removeprefix("Law: ")
        rows.append([check.__name__, doc, calls, f"{time.perf_counter() - start:.0f}", result])
    print(
        f"Fuzz laws from tests/test_fuzz.py, {args.examples:,} examples each; Python "
        f"{platform.python_version()}."
    )
    print()
    print(
        tabulate(
            rows,
            headers=["law", "what must hold", "examples", "seconds", "result"],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    print()
    print(f"{total:,} examples in all.")
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
