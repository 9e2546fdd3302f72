"""The system benchmark workloads (bench/system, ia64jit/sysbench.py) do what
they claim on both engines: each runs a small count and its guest counters,
checksums and the interruptions the machine delivered are the expected ones
(no timing assertions).  The JIT runs compile every block (threshold 1), so
the handlers and the loops run as compiled code."""

from __future__ import annotations

import pytest

from ia64jit import sysbench
from translator import faults

pytestmark = pytest.mark.skipif(not sysbench.have_binutils(),
                                reason="needs ia64-linux-gnu-as and -ld")

ENGINES = ("interp", "jit")


def run(name, engine, n, budget=None):
    return sysbench.run_once(name, engine, iterations=n, budget=budget,
                             threshold=1 if engine == "jit" else 20)


def test_the_three_workloads_are_there():
    assert sysbench.workloads() == ["syscall", "timer", "tlbmiss"]


@pytest.mark.parametrize("engine", ENGINES)
def test_syscall_round_trips(engine):
    n = 60
    r = run("syscall", engine, n)
    assert r["status"] == "done"
    calls, user_sum = r["results"][:2]
    assert calls == n                              # the handler served each break once
    assert user_sum == n * (n + 1) // 2            # r8 came back to cpl 3 each time
    assert r["interruptions"] == {faults.BREAK: n + 1}   # + the exit call
    assert r["results"][7] == 0                    # no other vector


@pytest.mark.parametrize("engine", ENGINES)
def test_timer_interrupts_follow_virtual_time(engine):
    n = 1500                                       # 7 instructions an iteration
    period = sysbench.WORKLOADS["timer"].params[0]
    r = run("timer", engine, n)
    assert r["status"] == "done"
    taken, other, itm0 = r["results"][:3]
    assert other == 0 and r["results"][7] == 0
    # ITC = instruction count: matches at itm0 + j * period, each delivered
    # before the instruction at that count; the run stops at done.
    due = [t for t in range(itm0, r["itc"], period)]
    assert taken == len(due) > 20
    assert r["interruptions"] == {faults.EXTERNAL_INTERRUPT: taken}
    assert r["itm"] == itm0 + taken * period      # the handler re-armed itm each time
    assert r["insns"] > 7 * n + 10 * taken        # the loop and the handlers ran


@pytest.mark.parametrize("engine", ENGINES)
def test_tlb_misses_are_served_and_purged(engine):
    sweeps = 12
    pages = sysbench.WORKLOADS["tlbmiss"].params[0]
    r = run("tlbmiss", engine, sweeps)
    assert r["status"] == "done"
    misses, total = r["results"][:2]
    assert misses == sweeps * pages                # ptc.l made every sweep miss again
    assert r["interruptions"] == {faults.ALT_DTLB: sweeps * pages}
    words = sum(sysbench.tlb_page_word(p, 0) + sysbench.tlb_page_word(p, 1)
                for p in range(pages))
    assert total == sweeps * words                 # each page mapped to its own frame


@pytest.mark.parametrize("name", ["syscall", "timer", "tlbmiss"])
def test_a_budget_stops_both_engines_at_the_same_state(name):
    """Virtual time: the same instruction budget gives the same counters on
    both engines (what a budget-capped interpreter run in compare() relies on)."""
    budget = 4321
    a = run(name, "interp", 10**6, budget=budget)
    b = run(name, "jit", 10**6, budget=budget)
    assert a["status"] == b["status"] == "budget"
    assert a["insns"] == b["insns"] == budget
    assert a["results"] == b["results"]
    assert a["results"][0] > 0
    assert a["interruptions"] == b["interruptions"]


def test_check_reports_wrong_results():
    assert sysbench.check("syscall", 3, "done", [3, 6, 0, 0, 0, 0, 0, 0], 0) == []
    assert sysbench.check("syscall", 3, "done", [3, 5, 0, 0, 0, 0, 0, 0], 0) != []
    # timer: matches at 100, 500, 900 before ITC 901 -> 3; at 900 exactly -> 2
    assert sysbench.timer_prediction(100, 400, 901) == 3
    assert sysbench.timer_prediction(100, 400, 900) == 2
    assert sysbench.check("timer", 1, "budget", [3, 0, 100, 0, 0, 0, 0, 0], 901) == []
    assert sysbench.check("timer", 1, "budget", [2, 0, 100, 0, 0, 0, 0, 0], 901) != []


def test_compare_and_table(monkeypatch):
    monkeypatch.setattr(sysbench, "INTERP_BUDGET", 3000)
    row = sysbench.compare("syscall", scale=0.003)          # 30 calls on the JIT
    assert row["interp"]["status"] == "budget"
    assert row["jit"]["status"] == "done" and row["jit"]["events"] == 30
    assert row["ratio"] > 0 and row["cpu_ratio"] > 0
    table = sysbench.format_table([row])
    assert table.splitlines()[0].startswith("workload")
    assert "syscall" in table.splitlines()[2] and "syscalls" in table.splitlines()[2]
