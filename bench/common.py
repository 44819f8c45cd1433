"""Helpers shared by the benchmarks: timing whole processes and printing tables."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent / ".data"


def time_process(argv: list[str], repeats: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process, in seconds; fails loudly if the process fails."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = subprocess.run(argv, capture_output=True, check=False, env=env)
        samples.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"benchmark command failed: {' '.join(argv)}\n{result.stderr.decode()}")
    return statistics.median(samples)


def time_call(function, repeats: int) -> float:
    """Median wall time of an in-process call, in seconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - start)
        del result  # freeing a large result is not part of producing it
    return statistics.median(samples)


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """A Markdown table, so the output can be pasted into the docs as it is."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
