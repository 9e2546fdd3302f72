"""Engine benchmarks: guest MIPS of the interpreter and the JIT on the
bench/workloads programs, their ratio, compile time per block, and the
second-run speed-up from the persistent code cache.

    .venv/bin/python -m pytest bench/test_engines.py --benchmark-only
    .venv/bin/ia64jit bench            # the same figures as one table

Each figure is measured in one process run so ratios are meaningful on a
shared, noisy machine.
"""

from __future__ import annotations

import pytest

from ia64jit import bench
from ia64jit.difftest import have_binutils

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

SCALES = {"hotloop": 0.05, "fib": 0.9, "fploop": 0.2}


@pytest.mark.parametrize("name", bench.workloads())
def test_interpreter(benchmark, record_rate, name):
    result = {}

    def run():
        result.update(bench.run_once(name, "interp", SCALES.get(name, 1.0),
                                     budget=bench.INTERP_BUDGET))
    benchmark.pedantic(run, rounds=1, iterations=1)
    record_rate(benchmark, f"interp {name}", result["insns"], "guest insns/s")


@pytest.mark.parametrize("name", bench.workloads())
def test_jit(benchmark, record_rate, name):
    result = {}

    def run():
        result.update(bench.run_once(name, "jit", SCALES.get(name, 1.0)))
    benchmark.pedantic(run, rounds=1, iterations=1)
    assert result["status"] == "done", result["status"]
    benchmark.extra_info.update(blocks=result["blocks"], ms_per_block=result["ms_per_block"])
    record_rate(benchmark, f"jit {name}", result["insns"], "guest insns/s")


@pytest.mark.parametrize("name", ["sort", "fib"])
def test_ratio_and_cache(benchmark, name):
    """JIT/interpreter ratio and the code cache's second-run speed-up, in one run."""
    out = {}

    def run():
        out.update(bench.compare(name, SCALES.get(name, 1.0)))
    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(ratio=round(out["ratio"]), cache_speedup=out["cache_speedup"])
    print("\n" + bench.format_table([out]))
