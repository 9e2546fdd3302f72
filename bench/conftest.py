"""Benchmark fixtures: the repository root on sys.path and a summary of the
throughput figures the benchmarks record (printed after the run)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# name -> (rate, best rate, unit); filled by the benchmarks through record_rate.
FIGURES: dict = {}


@pytest.fixture
def record_rate():
    """record_rate(benchmark, name, items): items/s into extra_info and the summary."""
    return _record_rate


def _record_rate(benchmark, name: str, items: int, unit: str = "bundles/s") -> float:
    """Store items/second (from the median round) in extra_info and FIGURES
    (nothing with --benchmark-disable, where the bodies run once untimed)."""
    if benchmark.stats is None:
        return 0.0
    stats = benchmark.stats.stats
    rate = items / stats.median
    best = items / stats.min
    benchmark.extra_info[name] = round(rate)
    benchmark.extra_info[name + "_best"] = round(best)
    FIGURES[name] = (rate, best, unit)
    print(f"\n{name}: {rate:,.0f} {unit} (median round), {best:,.0f} (best round)")
    return rate


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    tr = terminalreporter
    tr.section("throughput")
    for name, (rate, best, unit) in FIGURES.items():
        tr.write_line(f"{name:32} {rate:>14,.0f} {unit} (median)   {best:>14,.0f} (best)")
