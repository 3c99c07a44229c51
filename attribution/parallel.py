"""Parallel runs: independent pieces of work (articles, comparisons, drafts) on several cores.

Kept apart from the stages so they stay pure functions of their inputs, and so the one rule of
the house for parallel work lives here: the results come back in the order of the inputs, so
a report made on many cores is the report made on one, byte for byte. Only the standard
library's process pool is used; each worker gets its shared inputs once (`setup`), then
batches of items.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Work smaller than this (in characters of text to go through) is done in the calling
# process: starting a worker costs about half a second (a fresh interpreter importing the
# tool and NLTK's sentence splitter), as long as extracting some 300,000 characters of news
# on one core, so below this a second core would only slow a pre-commit hook down.
MIN_PARALLEL_CHARS = 300_000
# Each worker is handed this many batches on average: small enough that a slow batch
# (a long article) is not left for one core at the end, large enough that sending items to
# the workers costs nothing next to the work.
BATCHES_PER_WORKER = 8

# The state a worker's `setup` made from the shared inputs, read by the work function.
_shared: Any = None


def default_jobs() -> int:
    """The cores this process may run on (the default of `--jobs`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux: every core the machine has
        return max(1, os.cpu_count() or 1)


def worth_parallel(jobs: int, items: int, chars: int) -> bool:
    """True when `jobs` workers would finish `items` pieces of work (`chars` characters of
    text in all) sooner than this process alone."""
    return jobs > 1 and items > 1 and chars >= MIN_PARALLEL_CHARS


def run(
    work: Callable[[Any, T], R],
    items: Sequence[T],
    *,
    jobs: int,
    setup: Callable[..., Any] | None = None,
    shared: tuple[Any, ...] = (),
    progress: Callable[[int, int], None] | None = None,
) -> list[R]:
    """`[work(state, item) for item in items]` on `jobs` worker processes, in input order.

    Args:
        work: a module-level function of the worker's state and one item.
        items: the pieces of work, each picklable.
        jobs: how many worker processes (at least 2; at most one per batch).
        setup: a module-level function making a worker's state from `shared`, run once per
            worker (an index over a reference built once per core, not once per item).
            Without it the state is `shared` itself.
        shared: the inputs every item needs, sent to each worker once.
        progress: told (done, total) in this process as items are finished.

    Returns:
        Each item's result, in the order of `items`.

    Raises:
        Whatever `work` raised for the first failing item in input order, as one core would.
    """
    # Imported here: a run that stays in one process never loads the process machinery.
    import concurrent.futures

    batches = _batches(len(items), jobs * BATCHES_PER_WORKER)
    workers = min(jobs, len(batches))
    results: list[list[R] | None] = [None] * len(batches)
    failures: dict[int, BaseException] = {}
    done = 0
    with concurrent.futures.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(setup, shared),
    ) as pool:
        futures = {
            pool.submit(_run_batch, work, [items[i] for i in batch]): n
            for n, batch in enumerate(batches)
        }
        for future in concurrent.futures.as_completed(futures):
            n = futures[future]
            try:
                results[n] = future.result()
            except Exception as err:  # raised below for the first failing batch in order
                failures[n] = err
            done += len(batches[n])
            if progress is not None:
                progress(done, len(items))
    if failures:
        raise failures[min(failures)]
    return [result for batch in results if batch is not None for result in batch]


def _batches(count: int, wanted: int) -> list[range]:
    """`range(count)` cut into at most `wanted` runs of consecutive items, sizes within one."""
    wanted = max(1, min(wanted, count))
    size, extra = divmod(count, wanted)
    out, start = [], 0
    for n in range(wanted):
        end = start + size + (1 if n < extra else 0)
        out.append(range(start, end))
        start = end
    return out


def _context() -> Any:
    import multiprocessing

    # A fresh interpreter per worker, never a fork of this one: a fork copies whatever lock
    # another thread (a progress bar's) holds at that moment. Forkserver forks workers from
    # a clean server process that has already imported the tool, so each starts at once.
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["attribution.pipeline"])
        return ctx
    return multiprocessing.get_context("spawn")


def _start_worker(setup: Callable[..., Any] | None, shared: tuple[Any, ...]) -> None:
    global _shared
    _shared = setup(*shared) if setup is not None else shared


def _run_batch(work: Callable[[Any, T], R], batch: list[T]) -> list[R]:
    return [work(_shared, item) for item in batch]
