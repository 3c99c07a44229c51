"""How `track`'s time and memory grow with the corpus, on the local engine and on Dask.

For each size, a corpus is generated (`corpus_generate.py`, in a temporary folder outside the
project) and `attribution track` runs on it as a command, once per engine, with as many
workers as the machine has cores. Wall time, CPU time of the whole process tree (the
command, its worker processes, Dask's scheduler and nannies) and peak memory of the tree
(its proportional set sizes summed, so pages a forked worker shares are counted once;
sampled every 0.2 s) are measured; the growth exponent is the
slope of log time over log size. The machine's load average is printed beside each run:
a shared machine's other work shows in wall time, not in CPU time.

    python -m benchmarks.corpus_scale --sizes 10000 30000 100000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psutil
from tabulate import tabulate

from benchmarks.corpus_generate import SEED, write_corpus

# Targets of issue 14: 100k articles in under 10 minutes and 4 GB; Dask within 1.5x of local.
TARGET_SECONDS = 600
TARGET_BYTES = 4 * 1024**3
TARGET_DASK_RATIO = 1.5
SAMPLE_SECONDS = 0.2


def measure(corpus: Path, out: Path, engine: str, workers: int) -> dict[str, Any]:
    """Run `attribution track` once; its wall and CPU seconds, peak memory, and counts."""
    command = [
        sys.executable, "-m", "attribution", "track", str(corpus),
        "--engine", engine, "--jobs", str(workers), "--output", str(out),
    ]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                tree = [process, *process.children(recursive=True)]
                peak[0] = max(peak[0], sum(_rss(p) for p in tree))
            except psutil.Error:
                pass
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"track failed ({process.returncode}): {stderr}")
    return {
        "engine": engine,
        "seconds": round(seconds, 1),
        "cpu_seconds": round(
            (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1
        ),
        "peak_bytes": peak[0],
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "summary": stdout.strip(),
    }


def _rss(process: psutil.Process) -> int:
    """A process's proportional set size: pages shared with its forked workers counted once
    across the tree (resident set size counts them in every process), else its RSS."""
    try:
        info = process.memory_full_info()
        return int(getattr(info, "pss", info.rss))
    except psutil.Error:
        return 0


def exponent(sizes: Sequence[int], values: Sequence[float]) -> float:
    """The least-squares slope of log(value) over log(size): 1.0 is linear growth."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(v) for v in values]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den if den else float("nan")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=["local", "dask"])
    parser.add_argument("--jobs", dest="workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--json", type=Path, help="append each run's figures here as a line")
    args = parser.parse_args(argv)
    runs: list[dict[str, Any]] = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="attribution-scale-") as tmp:
            corpus, _ = write_corpus(size, Path(tmp), seed=args.seed)
            for engine in args.engines:
                run = {
                    "articles": size,
                    **measure(corpus, Path(tmp) / engine, engine, args.workers),
                }
                runs.append(run)
                print(json.dumps(run), file=sys.stderr, flush=True)
                if args.json:
                    with args.json.open("a", encoding="utf-8") as stream:
                        stream.write(json.dumps(run) + "\n")
    report(runs, args.workers)
    return 0


def report(runs: Sequence[dict[str, Any]], workers: int) -> None:
    """The scale table, the growth exponents and the targets, as the README shows them."""
    print(
        f"Generated corpus (benchmarks/corpus_generate.py, seed {SEED}); Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} cores, {workers} workers per engine"
    )
    rows = [
        [
            f"{r['articles']:,}",
            r["engine"],
            f"{r['seconds']:.0f}",
            f"{r['cpu_seconds']:.0f}",
            f"{r['peak_bytes'] / 1024**3:.2f}",
            f"{r['load_before']:.1f}",
        ]
        for r in runs
    ]
    print(
        tabulate(
            rows,
            headers=["articles", "engine", "wall s", "CPU s", "peak GB", "load"],
            tablefmt="github",
            disable_numparse=True,
        )
    )
    print()
    engines = sorted({r["engine"] for r in runs})
    for engine in engines:
        mine = [r for r in runs if r["engine"] == engine]
        if len(mine) > 1:
            sizes = [r["articles"] for r in mine]
            print(
                f"{engine}: growth exponent {exponent(sizes, [r['seconds'] for r in mine]):.2f} "
                f"(wall), {exponent(sizes, [r['cpu_seconds'] for r in mine]):.2f} (CPU)"
            )
    largest = max(r["articles"] for r in runs)
    by_engine = {r["engine"]: r for r in runs if r["articles"] == largest}
    for engine, r in sorted(by_engine.items()):
        ok = r["seconds"] < TARGET_SECONDS and r["peak_bytes"] < TARGET_BYTES
        print(
            f"{engine} at {largest:,}: {r['seconds']:.0f} s, {r['peak_bytes'] / 1024**3:.2f} GB "
            f"(target < {TARGET_SECONDS} s and < 4 GB: {'met' if ok else 'missed'})"
        )
    if "local" in by_engine and "dask" in by_engine:
        ratio = by_engine["dask"]["seconds"] / by_engine["local"]["seconds"]
        print(f"dask / local at {largest:,}: {ratio:.2f}x (target <= {TARGET_DASK_RATIO}x)")


if __name__ == "__main__":
    sys.exit(main())
