"""Running one guest program on both engines and comparing everything.

Used by the differential tests (and handy at the prompt)::

    code = assemble("add r8=r9,r10 ;; break.i 0")
    a, b = run_both(code, setup=lambda m: m.reg_write("r9", 5))
    assert diff_states(a, b) == []

Programs end with ``break 0`` (any unit): the run stops on that Break
fault.  Any other fault also stops the run and is recorded in
``machine.last_fault`` so both engines can be compared on it too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile

from translator.faults import BREAK

from .machine import EmulationError, Machine

CODE_BASE = 0x100000
DATA_BASE = 0x200000
DATA_SIZE = 0x10000
STACK_TOP = 0x400000
STACK_SIZE = 0x20000
RSE_BASE = 0x500000
RSE_SIZE = 0x20000

AS = "ia64-linux-gnu-as"
OBJCOPY = "ia64-linux-gnu-objcopy"
_CACHE = os.path.join(os.path.expanduser("~"), ".cache", "ia64jit", "asm")


def have_binutils() -> bool:
    return shutil.which(AS) is not None and shutil.which(OBJCOPY) is not None


def assemble(source: str, explicit: bool = False) -> bytes:
    """Assemble IA-64 source (GNU as syntax) into the raw bytes of .text.

    Results are cached by source text."""
    text = (".explicit\n" if explicit else "") + "\t.text\n" + source + "\n"
    key = hashlib.sha256(text.encode()).hexdigest()[:24]
    cached = os.path.join(_CACHE, key + ".bin")
    if os.path.exists(cached):
        with open(cached, "rb") as f:
            return f.read()
    with tempfile.TemporaryDirectory() as d:
        src, obj, binf = (os.path.join(d, n) for n in ("t.s", "t.o", "t.bin"))
        with open(src, "w") as f:
            f.write(text)
        r = subprocess.run([AS, "-o", obj, src], capture_output=True, text=True)
        if r.returncode != 0:
            raise ValueError("assembly failed:\n" + r.stderr)
        subprocess.run([OBJCOPY, "-O", "binary", "-j", ".text", obj, binf], check=True)
        with open(binf, "rb") as f:
            data = f.read()
    os.makedirs(_CACHE, exist_ok=True)
    tmp = cached + f".{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, cached)
    return data


def new_machine(engine: str, code: bytes, jit_threshold: int = 1) -> Machine:
    """A machine with code, data, a stack and a backing store mapped, set up
    as a user program would find them."""
    m = Machine(engine=engine, jit_threshold=jit_threshold)
    size = (len(code) + 0xFFF) & ~0xFFF or 0x1000
    m.mem_map(CODE_BASE, size + 0x1000)
    m.mem_write(CODE_BASE, code)
    m.mem_map(DATA_BASE, DATA_SIZE)
    m.mem_map(STACK_TOP - STACK_SIZE, STACK_SIZE)
    m.mem_map(RSE_BASE, RSE_SIZE)
    m.reg_write("r12", STACK_TOP - 16)
    m.reg_write("ar.bsp", RSE_BASE)
    m.reg_write("ar.bspstore", RSE_BASE)
    m.reg_write("r1", DATA_BASE)
    m.reg_write("ar.fpsr", 0x0009804C0270033F)
    return m


def run_program(code: bytes, engine: str, setup=None, max_insns: int = 10_000_000,
                jit_threshold: int = 1) -> Machine:
    m = new_machine(engine, code, jit_threshold)
    if setup:
        setup(m)
    m.last_fault = None
    try:
        m.run(CODE_BASE, count=max_insns)
    except EmulationError as exc:
        f = exc.fault
        m.last_fault = (f.code, f.ip, f.slot, f.arg if f.code == BREAK else 0)
    return m


def run_both(code: bytes, setup=None, max_insns: int = 10_000_000, jit_threshold: int = 1):
    return (run_program(code, "interp", setup, max_insns),
            run_program(code, "jit", setup, max_insns, jit_threshold))


def arch_state(m: Machine) -> dict:
    """Every architectural register as an IA-64 programmer sees it."""
    st = m.state
    out = {}
    sof = m.reg_read("cfm") & 0x7F
    for n in range(1, 32 + sof):
        out[f"r{n}"] = (m.reg_read(f"r{n}"), m.reg_read(f"r{n}.nat"))
    for n in range(128):
        out[f"f{n}"] = m.reg_read(f"f{n}")
    out["pr"] = m.reg_read("pr")
    for n in range(8):
        out[f"b{n}"] = m.reg_read(f"b{n}")
    for n in range(128):
        out[f"ar{n}"] = int(st.ar[n])
    for k in ("ip", "ri", "cfm", "psr", "icount"):
        out[k] = m.reg_read(k)
    out["fault"] = getattr(m, "last_fault", None)
    return out


def diff_states(a: Machine, b: Machine, memory: bool = True) -> list:
    """Differences between two machines, as readable lines."""
    sa, sb = arch_state(a), arch_state(b)
    out = [f"{k}: {_fmt(sa[k])} != {_fmt(sb.get(k))}" for k in sa if sa[k] != sb.get(k)]
    if memory:
        for r1, r2 in zip(a.mem.regions, b.mem.regions):
            if r1.start == r2.start and bytes(r1.buf) != bytes(r2.buf):
                bad = next(i for i in range(r1.size) if r1.buf[i] != r2.buf[i])
                out.append(f"memory differs at {r1.start + bad:#x}")
    return out


def _fmt(v):
    if isinstance(v, tuple):
        return "(" + ", ".join(_fmt(x) for x in v) + ")"
    return hex(v) if isinstance(v, int) else repr(v)
