"""Interleaved timing for the benchmark scripts: every measurement sees the same machine load."""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable


def interleaved_medians(calls: dict[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """Median seconds per call of each function.

    Each round times every function once, so background load (a shared 2-core machine) falls on
    all of them alike and the ratios between them stay meaningful.
    """
    timers = {name: timeit.Timer(call) for name, call in calls.items()}
    numbers = {name: max(1, timer.autorange()[0] // 4) for name, timer in timers.items()}
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(rounds):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(numbers[name]) / numbers[name])
    return {name: statistics.median(values) for name, values in samples.items()}
