"""Benchmarks of the engines: ``ia64jit bench`` and bench/test_engines.py.

Each workload in bench/workloads is an assembled program (header lines as in
guests/tests: ``// setup: r20=N``).  Figures are measured in one run so
ratios (JIT / interpreter, cached / cold) are meaningful on a noisy machine.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time

from .difftest import CODE_BASE, assemble, new_machine
from .machine import EmulationError

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOAD_DIR = os.path.join(os.path.dirname(HERE), "bench", "workloads")

# Interpreter runs are capped: it is four orders of magnitude slower.
INTERP_BUDGET = 300_000


def workloads() -> list:
    if not os.path.isdir(WORKLOAD_DIR):
        return []
    return sorted(f[:-2] for f in os.listdir(WORKLOAD_DIR) if f.endswith(".s"))


def load(name: str):
    path = os.path.join(WORKLOAD_DIR, name + ".s")
    with open(path) as f:
        text = f.read()
    setup = {}
    for m in re.finditer(r"//\s*setup:\s*(.*)", text):
        for item in m.group(1).split():
            k, _, v = item.partition("=")
            setup[k] = int(v, 0)
    return assemble(text), setup


def run_once(name: str, engine: str, scale: float = 1.0, budget=None, code_cache=False,
             threshold: int = 20) -> dict:
    """Run a workload from a fresh machine; wall time includes machine set-up
    and compilation (not interpreter start-up of Python itself)."""
    code, setup = load(name)
    t0 = time.perf_counter()
    m = new_machine(engine, code, jit_threshold=threshold)
    if engine == "jit":
        m.jit.code_cache = code_cache or None
    for k, v in setup.items():
        m.reg_write(k, max(1, int(v * scale)) if k == "r20" else v)
    try:
        m.run(CODE_BASE, count=budget)
        status = "budget"
    except EmulationError as exc:
        status = "done" if exc.fault.code == 2 and exc.fault.arg == 0 else exc.fault.describe()
    dt = time.perf_counter() - t0
    insns = m.reg_read("icount")
    out = {"workload": name, "engine": engine, "insns": insns, "seconds": dt,
           "mips": insns / dt / 1e6 if dt else 0.0, "status": status}
    if m.jit is not None:
        st = m.jit.stats
        out.update(blocks=st["compiled"], compile_s=st["compile_s"],
                   ms_per_block=1000 * st["compile_s"] / st["compiled"] if st["compiled"] else 0.0,
                   cache_hits=st.get("cache_hits", 0), tier_ups=st.get("tier_ups", 0),
                   traced_branches=st.get("traced_branches", 0))
    return out


def compare(name: str, scale: float = 1.0) -> dict:
    """Interpreter vs JIT (cold code cache) vs JIT (warm code cache)."""
    interp = run_once(name, "interp", scale, budget=INTERP_BUDGET)
    cache_dir = tempfile.mkdtemp(prefix="ia64jit-bench-cache-")
    try:
        from backend.codecache import CodeCache
        cold = run_once(name, "jit", scale, code_cache=CodeCache(cache_dir))
        warm = run_once(name, "jit", scale, code_cache=CodeCache(cache_dir))
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    return {"workload": name, "interp": interp, "jit": cold, "jit_cached": warm,
            "ratio": cold["mips"] / interp["mips"] if interp["mips"] else float("inf"),
            "cache_speedup": cold["seconds"] / warm["seconds"] if warm["seconds"] else 0.0}


def format_table(rows: list) -> str:
    head = (f"{'workload':<10} {'interp MIPS':>11} {'JIT MIPS':>9} {'JIT/interp':>10} "
            f"{'blocks':>6} {'tier 2':>6} {'ms/block':>8} {'cached run':>10}  status")
    lines = [head, "-" * len(head)]
    for r in rows:
        j = r["jit"]
        lines.append(f"{r['workload']:<10} {r['interp']['mips']:>11.3f} {j['mips']:>9.1f} "
                     f"{r['ratio']:>9.0f}x {j.get('blocks', 0):>6} {j.get('tier_ups', 0):>6} "
                     f"{j.get('ms_per_block', 0):>8.2f} "
                     f"{r['cache_speedup']:>9.2f}x  {j['status']}")
    return "\n".join(lines)
