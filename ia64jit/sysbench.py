"""System benchmarks: ``ia64jit bench --system`` and bench/test_system.py.

Each workload in bench/system is a bare-machine program (its own IVT, see
bench/system/sysbench.inc) that exercises one kernel path many times:

* ``syscall``  -- cpl-3 ``break`` -> Break vector (a kernel entry/exit) -> rfi;
* ``timer``    -- interval-timer External Interrupts (ivr, itm, eoi, rfi)
  every ``period`` instructions of a loop running with psr.i = 1;
* ``tlbmiss``  -- Alternate Data TLB faults served by itc.d, with ptc.l
  purging the translations after every sweep over the pages.

A run counts its events in the guest (``results[0]``), so a budget-capped
interpreter run still yields a rate.  Figures (events/s, guest MIPS, the
JIT / interpreter ratio) are measured in one process run: the machine is
shared and noisy, the ratio is what to compare.  Virtual time is on: the
ITC follows the instruction count, so the same run takes the same
interrupts on both engines.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass

from frontend import elf as elf_mod

from .machine import EmulationError, Machine

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOAD_DIR = os.path.join(os.path.dirname(HERE), "bench", "system")
BASE = 0x100000                  # sysbench.inc: linked and loaded here (physical)
RAM_SIZE = 0x1000000             # 16 MB at physical 0
AS, LD = "ia64-linux-gnu-as", "ia64-linux-gnu-ld"
_CACHE = os.path.join(os.path.expanduser("~"), ".cache", "ia64jit", "sysbench")

# tlbmiss: the physical frames behind its region-2 pages (tlbmiss.s has the same
# TLB_DATA_PA), filled by the harness; at most 256 pages (the handler's index).
TLB_DATA_PA = 0x400000

# Interpreter runs are capped: it is orders of magnitude slower.
INTERP_BUDGET = 300_000
JIT_THRESHOLD = 20


@dataclass
class Workload:
    name: str
    unit: str                    # what results[0] counts
    iterations: int              # params[0] at scale 1 (a JIT run of several seconds)
    params: tuple = ()           # params[1:], fixed


WORKLOADS = {
    "syscall": Workload("syscall", "syscalls", 10_000),
    "timer": Workload("timer", "interrupts", 500_000, params=(400,)),       # period: 400 insns
    "tlbmiss": Workload("tlbmiss", "TLB misses", 1_000, params=(16,)),      # pages a sweep
}


def have_binutils() -> bool:
    return shutil.which(AS) is not None and shutil.which(LD) is not None


def workloads() -> list:
    return [n for n in WORKLOADS if os.path.exists(os.path.join(WORKLOAD_DIR, n + ".s"))]


# ------------------------------------------------------------ building
def build(name: str):
    """Assemble and link bench/system/NAME.s at BASE; the ELF (cached by the
    text of the sources)."""
    src = os.path.join(WORKLOAD_DIR, name + ".s")
    inc = os.path.join(WORKLOAD_DIR, "sysbench.inc")
    h = hashlib.sha256()
    for p in (src, inc):
        with open(p, "rb") as f:
            h.update(f.read())
    out = os.path.join(_CACHE, f"{name}-{h.hexdigest()[:20]}.elf")
    if not os.path.exists(out):
        os.makedirs(_CACHE, exist_ok=True)
        with tempfile.TemporaryDirectory() as d:
            obj, exe = os.path.join(d, "w.o"), os.path.join(d, "w.elf")
            r = subprocess.run([AS, "-I", WORKLOAD_DIR, "-o", obj, src],
                               capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError(f"{src}: assembly failed:\n{r.stderr}")
            r = subprocess.run([LD, f"-Ttext={BASE:#x}", "-e", "_start", "-o", exe, obj],
                               capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError(f"{src}: link failed:\n{r.stderr}")
            os.replace(exe, out)
    return elf_mod.load(out)


def _sym(image, name: str) -> int:
    s = image.symbol(name)
    if s is None:
        raise KeyError(f"no symbol {name!r}")
    return s.value


def _load8(m: Machine, pa: int) -> int:
    return int.from_bytes(m.phys.read(pa, 8), "little")


def tlb_page_word(page: int, word: int) -> int:
    """tlbmiss: the value the harness stores at word ``word`` of data page ``page``."""
    return (page + 1) * 0x1000_0001 + word


# ------------------------------------------------------------ running
def new_machine(name: str, engine: str, scale: float = 1.0, threshold: int = JIT_THRESHOLD,
                code_cache=False, iterations: int | None = None):
    """A system machine with workload NAME loaded and its params written."""
    w = WORKLOADS[name]
    image = build(name)
    m = Machine(engine=engine, jit_threshold=threshold, code_cache=code_cache,
                system=True, virtual_time=True)
    m.mem_map(0, RAM_SIZE)
    from .platform.lsapic import LSAPIC
    m.lsapic = LSAPIC(m.state, itc=m.read_itc)
    for seg in image.segments:
        m.phys.write(seg.paddr, seg.data)
    n = iterations if iterations is not None else max(1, int(w.iterations * scale))
    params = _sym(image, "params")
    for i, v in enumerate((n,) + tuple(w.params)):
        m.phys.write(params + 8 * i, int(v).to_bytes(8, "little"))
    if name == "tlbmiss":
        pages = w.params[0]
        data = b"".join(tlb_page_word(p, i).to_bytes(8, "little")
                        for p in range(pages) for i in range(512))
        m.phys.write(TLB_DATA_PA, data)
    m.reg_write("psr", 0)
    return m, image, n


def run_once(name: str, engine: str, scale: float = 1.0, budget: int | None = None,
             threshold: int = JIT_THRESHOLD, code_cache=False,
             iterations: int | None = None) -> dict:
    """Run workload NAME from a fresh machine to done (or ``budget``
    instructions).  Wall time covers the run (compilation included), not
    building the image or the machine."""
    m, image, n = new_machine(name, engine, scale, threshold, code_cache, iterations)
    done = _sym(image, "done")
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        m.run(image.entry, until=done, count=budget)
        status = "done" if m.reg_read("ip") == done else "budget"
    except EmulationError as exc:
        status = exc.fault.describe()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    results = _sym(image, "results")
    res = [_load8(m, results + 8 * i) for i in range(8)]
    if res[7]:
        status = f"unexpected vector {res[7] - 1:#06x}"
    insns = m.reg_read("icount")
    events = res[0]
    bad = check(name, n, status, res, m.read_itc())
    if bad and status in ("done", "budget"):
        status = "WRONG: " + "; ".join(bad)
    out = {"workload": name, "engine": engine, "iterations": n, "events": events,
           "unit": WORKLOADS[name].unit, "insns": insns, "seconds": dt,
           "cpu_seconds": cpu, "rate": events / dt if dt else 0.0,
           "cpu_rate": events / cpu if cpu else 0.0, "mips": insns / dt / 1e6 if dt else 0.0,
           "insns_per_event": insns / events if events else 0.0,
           "results": res, "itc": m.read_itc(), "itm": m.reg_read("cr.itm"), "status": status,
           "interruptions": dict(m.stats_interruptions)}
    if m.jit is not None:
        st = m.jit.stats
        out.update(blocks=st["compiled"], compile_s=st["compile_s"])
    return out


def timer_prediction(itm0: int, period: int, itc: int) -> int:
    """timer: interrupts virtual time predicts by ITC ``itc``: one per match
    at itm0 + j * period, delivered before the instruction at that ITC -- so
    not one due exactly when the run stopped."""
    return 0 if itc <= itm0 else (itc - itm0 - 1) // period + 1


def check(name: str, n: int, status: str, res: list, itc: int) -> list:
    """What a run's results must be (a budget-capped run: what can be known);
    mismatches as lines."""
    bad = []
    w = WORKLOADS[name]
    if name == "timer":
        want = timer_prediction(res[2], w.params[0], itc)
        if res[0] != want:
            bad.append(f"{res[0]} interrupts, virtual time predicts {want}")
        if res[1]:
            bad.append(f"{res[1]} interrupts of another vector")
    if status != "done":
        return bad
    if name == "syscall":
        if res[0] != n:
            bad.append(f"{res[0]} calls served, {n} made")
        if res[1] != n * (n + 1) // 2:
            bad.append(f"user sum of results {res[1]}, expected {n * (n + 1) // 2}")
    elif name == "tlbmiss":
        pages = w.params[0]
        if res[0] != n * pages:
            bad.append(f"{res[0]} misses, expected {n * pages}")
        want = n * sum(tlb_page_word(p, 0) + tlb_page_word(p, 1) for p in range(pages))
        if res[1] != want:
            bad.append(f"sum of the words read {res[1]:#x}, expected {want:#x}")
    return bad


def compare(name: str, scale: float = 1.0, interp_budget: int | None = None) -> dict:
    """Interpreter (capped at ``interp_budget`` instructions, default
    INTERP_BUDGET) and JIT on workload NAME, in one run.  ``ratio`` compares
    wall-clock rates, ``cpu_ratio`` process-CPU-time rates (steadier when
    the host is shared)."""
    interp = run_once(name, "interp", scale, budget=interp_budget or INTERP_BUDGET)
    jit = run_once(name, "jit", scale)
    def ratio(key):
        return jit[key] / interp[key] if interp[key] else float("inf")
    return {"workload": name, "unit": WORKLOADS[name].unit, "interp": interp, "jit": jit,
            "ratio": ratio("rate"), "cpu_ratio": ratio("cpu_rate")}


def format_table(rows: list) -> str:
    """One line per compare() result: events/s (wall clock) on each engine,
    the JIT/interpreter ratio (wall, and CPU time), guest MIPS."""
    head = (f"{'workload':<9} {'events':<11} {'interp /s':>10} {'JIT /s':>10} {'JIT/interp':>10} "
            f"{'(cpu)':>7} {'interp MIPS':>11} {'JIT MIPS':>8} {'insns/event':>11} "
            f"{'compile s':>9}  status")
    lines = [head, "-" * len(head)]
    for r in rows:
        i, j = r["interp"], r["jit"]
        status = j["status"] if i["status"] in ("done", "budget") else f"interp: {i['status']}"
        lines.append(f"{r['workload']:<9} {r['unit']:<11} {i['rate']:>10,.0f} {j['rate']:>10,.0f} "
                     f"{r['ratio']:>9.1f}x {r['cpu_ratio']:>6.1f}x "
                     f"{i['mips']:>11.3f} {j['mips']:>8.2f} "
                     f"{j['insns_per_event']:>11.1f} {j.get('compile_s', 0):>9.2f}  {status}")
    return "\n".join(lines)
