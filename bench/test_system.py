"""System benchmarks: kernel paths on the interpreter and the JIT -- system
call round trips, interval-timer interrupts and TLB misses per second (the
bench/system workloads), guest MIPS, and the JIT/interpreter ratio.

    .venv/bin/python -m pytest bench/test_system.py --benchmark-only
    .venv/bin/ia64jit bench --system      # the same figures as one table

Each figure is measured in one process run so ratios are meaningful on a
shared, noisy machine.  Scales here are small (a few seconds a run); the
command's defaults run longer.
"""

from __future__ import annotations

import pytest

from ia64jit import sysbench

pytestmark = pytest.mark.skipif(not sysbench.have_binutils(),
                                reason="needs ia64-linux-gnu-as and -ld")

SCALE = 0.2
INTERP_BUDGET = 100_000


def _record(benchmark, record_rate, engine, result):
    assert result["status"] in ("done", "budget"), result["status"]
    benchmark.extra_info.update(events=result["events"], insns=result["insns"],
                                insns_per_event=round(result["insns_per_event"], 1))
    name = result["workload"]
    record_rate(benchmark, f"{engine} {name}", result["events"], result["unit"] + "/s")
    record_rate(benchmark, f"{engine} {name} insns", result["insns"], "guest insns/s")


@pytest.mark.parametrize("name", sysbench.workloads())
def test_interpreter(benchmark, record_rate, name):
    result = {}

    def run():
        result.update(sysbench.run_once(name, "interp", SCALE, budget=INTERP_BUDGET))
    benchmark.pedantic(run, rounds=1, iterations=1)
    _record(benchmark, record_rate, "interp", result)


@pytest.mark.parametrize("name", sysbench.workloads())
def test_jit(benchmark, record_rate, name):
    result = {}

    def run():
        result.update(sysbench.run_once(name, "jit", SCALE))
    benchmark.pedantic(run, rounds=1, iterations=1)
    assert result["status"] == "done", result["status"]
    benchmark.extra_info.update(blocks=result["blocks"], compile_s=result["compile_s"])
    _record(benchmark, record_rate, "jit", result)


@pytest.mark.parametrize("name", ["syscall"])
def test_ratio(benchmark, name):
    """JIT/interpreter ratio of one workload, both measured in this run."""
    out = {}

    def run():
        out.update(sysbench.compare(name, SCALE, interp_budget=INTERP_BUDGET))
    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(ratio=out["ratio"], cpu_ratio=out["cpu_ratio"])
    print("\n" + sysbench.format_table([out]))
