"""Engines: run `track`'s partitioned functions on every core of one machine, or on Dask.

Both engines do the same thing, `map(fn, batches, shared=...)`, in order: `fn(batch)` (or
`fn(batch, shared)`) for each batch, results yielded in the batches' order so the output does
not depend on the engine. `shared` is data every call reads (the corpus index): sent to each
worker once, not with every batch. The local engine is the standard library's process pool;
the Dask engine is `dask.distributed` (the `dask` extra), on an existing cluster's scheduler
or a `LocalCluster`. No scheduling or networking of our own.
"""

from __future__ import annotations

import importlib
import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from attribution.errors import BadOption

# Told (batches done, batches in all or None when still being read) after each batch.
StageProgress = Callable[[int, int | None], None]
# Batches handed out ahead of the one being collected, per worker: enough to keep every
# worker busy, few enough that a corpus is never all in memory at once.
BATCHES_AHEAD = 3
ENGINES = ("local", "dask")
# How long to keep trying a Dask scheduler that does not answer before saying so.
SCHEDULER_TIMEOUT = "20s"


class Engine(Protocol):
    """Runs a function over batches, in parallel, and yields its results in order."""

    workers: int

    def map(
        self,
        fn: Callable[..., Any],
        batches: Iterable[Any],
        *,
        shared: Any = None,
        progress: StageProgress | None = None,
        total: int | None = None,
    ) -> Iterator[Any]:
        """`fn(batch)` (or `fn(batch, shared)` when `shared` is given) for every batch."""
        ...

    def close(self) -> None:
        """Stop the workers this engine started."""
        ...

    def describe(self) -> str:
        """Where the work runs, for the user: `2 local processes`."""
        ...


def make_engine(name: str, *, scheduler: str | None = None, workers: int | None = None) -> Engine:
    """The engine called `name` ("local" or "dask").

    Args:
        name: the engine.
        scheduler: a Dask scheduler's address (`tcp://10.0.0.5:8786`); without it the Dask
            engine starts a `LocalCluster` on this machine.
        workers: how many worker processes to start (default: one per core); not used
            with an existing scheduler, whose cluster has its own.

    Raises:
        BadOption: an unknown engine, a scheduler without the Dask engine, or the Dask
            engine without the `dask` extra installed.
    """
    if workers is not None and workers < 1:
        raise BadOption(f"--jobs must be at least 1, not {workers}")
    if name == "local":
        if scheduler is not None:
            raise BadOption("--scheduler needs --engine dask")
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers)
    raise BadOption(f"unknown engine {name!r}; use local or dask")


class LocalEngine:
    """Every core of this machine: a pool of processes (one per core), or, with one worker,
    this process itself (no pool to start, and a traceback points at the real line)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1

    def map(
        self,
        fn: Callable[..., Any],
        batches: Iterable[Any],
        *,
        shared: Any = None,
        progress: StageProgress | None = None,
        total: int | None = None,
    ) -> Iterator[Any]:
        if self.workers == 1:
            for done, batch in enumerate(batches, 1):
                yield fn(batch) if shared is None else fn(batch, shared)
                if progress is not None:
                    progress(done, total)
            return
        # The platform's way of starting processes: a fork on Linux starts in milliseconds
        # and inherits `shared` without copying it; elsewhere a fresh interpreter (whose
        # caller's script needs the usual `if __name__ == "__main__":` guard).
        with ProcessPoolExecutor(self.workers, initializer=_install, initargs=(shared,)) as pool:
            yield from _in_order(
                lambda batch: pool.submit(_call, fn, batch, shared is not None),
                batches,
                self.workers,
                progress,
                total,
            )

    def close(self) -> None:
        return None

    def describe(self) -> str:
        return f"{self.workers} local process{'es' if self.workers > 1 else ''}"


class DaskEngine:
    """A `dask.distributed` cluster: an existing one by its scheduler's address, or a
    `LocalCluster` of one single-threaded worker process per core."""

    def __init__(self, *, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            # Imported as a value: dask ships no type information.
            distributed: Any = importlib.import_module("dask.distributed")
        except ImportError:
            raise BadOption(
                "--engine dask needs Dask; install it with pip install 'quote-attribution[dask]'"
            ) from None
        self._cluster: Any = None
        self.client: Any = None
        if scheduler is not None:
            try:
                self.client = distributed.Client(scheduler, timeout=SCHEDULER_TIMEOUT)
            except (OSError, TimeoutError) as err:
                raise BadOption(
                    f"cannot reach the Dask scheduler at {scheduler!r}: {err}"
                ) from None
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                # Any free port: the scheduler serves HTTP even without a dashboard, and on
                # the default 8787 a second cluster on the machine fails to start.
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
            self.client = distributed.Client(self._cluster)
        self.scheduler = scheduler
        self.workers = max(1, len(self.client.scheduler_info()["workers"]))

    def map(
        self,
        fn: Callable[..., Any],
        batches: Iterable[Any],
        *,
        shared: Any = None,
        progress: StageProgress | None = None,
        total: int | None = None,
    ) -> Iterator[Any]:
        box = None
        if shared is not None:
            # One future for the whole value (scatter would split a list or tuple), copied
            # to every worker once.
            box = self.client.scatter(_Box(shared), broadcast=True, hash=False)
        try:
            yield from _in_order(
                lambda batch: self.client.submit(_call_boxed, fn, batch, box, pure=False),
                batches,
                self.workers,
                progress,
                total,
            )
        finally:
            if box is not None:
                box.release()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def describe(self) -> str:
        where = (
            f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
        )
        return f"{where} ({self.workers} worker{'s' if self.workers > 1 else ''})"


@dataclass(frozen=True, slots=True)
class _Box:
    """Shared data as one value for Dask to scatter."""

    value: Any


def _in_order(
    submit: Callable[[Any], Any],
    batches: Iterable[Any],
    workers: int,
    progress: StageProgress | None,
    total: int | None,
) -> Iterator[Any]:
    """Submit batches a few ahead of the one collected, and yield results in order."""
    pending: deque[Any] = deque()
    done = 0
    for batch in batches:
        pending.append(submit(batch))
        while len(pending) > BATCHES_AHEAD * workers:
            done += 1
            yield _result(pending.popleft())
            if progress is not None:
                progress(done, total)
    while pending:
        done += 1
        yield _result(pending.popleft())
        if progress is not None:
            progress(done, total)


def _result(future: Any) -> Any:
    if isinstance(future, Future):
        return future.result()
    result = future.result()
    future.release()
    return result


# The shared value of the current stage in a local worker process.
_SHARED: Any = None


def _install(shared: Any) -> None:
    global _SHARED
    _SHARED = shared


def _call(fn: Callable[..., Any], batch: Any, with_shared: bool) -> Any:
    return fn(batch, _SHARED) if with_shared else fn(batch)


def _call_boxed(fn: Callable[..., Any], batch: Any, box: _Box | None) -> Any:
    return fn(batch) if box is None else fn(batch, box.value)
