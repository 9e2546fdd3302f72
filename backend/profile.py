"""Profiling of translated code: native counters, block mapping, perf maps.

``Profiler(machine).attach()`` switches the JIT's dispatcher to its
counting loop (backend/dispatch.py): per dispatch-table slot, compiled code
adds entries, host cycles (``llvm.readcyclecounter``) and retired guest
instructions around every block call.  Python only moves a slot's counts to
the block that owned it when the slot changes hands (a collision, an
invalidation, a flush) and when a snapshot is taken.  Everything outside
compiled code is accounted for in Python, where it is slow anyway:

- ``(interpreter)``: cold code run by the interpreter (calls, cycles,
  instructions);
- ``(fault handlers)``: guest faults taken by the machine's fault handlers
  (e.g. the system calls of a Linux process), including the instructions
  they retire;
- ``(compiler)``: time spent building, optimising and loading modules;
- runtime helpers: calls from compiled code into Python (the soft-TLB slow
  path, RSE and frame helpers, rare instructions), per helper -- timed by a
  wrapper installed as the state's runtime entry while attached; their time
  is part of the calling blocks' time;
- ``(other)``: the rest of the run (Python glue between all of the above).

Guest instructions add up: blocks + interpreter + fault handlers = the
change of ``icount`` over the profiled run.

Perf maps: with ``perf_map``, every block function of every module compiled
afterwards gets a line ``ADDR SIZE name`` in ``/tmp/perf-<pid>.map`` (sizes
from the object file's symbol table), so ``perf report`` names JIT code.

Nothing here costs anything until ``attach``: the JIT calls
``profiler.on_module`` / ``profiler.call`` only when ``jit.profiler`` is set,
and the plain dispatcher loop has no counters.  Compiled blocks are the same
whether profiling or not (and stay in the code cache); only the dispatcher,
which is never cached, embeds the counters' address.
"""

from __future__ import annotations

import ctypes
import io
import os
import re
import time
from dataclasses import dataclass, field

import llvmlite.binding as llvm
from llvmlite import ir

from .dispatch import PROF_CYCLES, PROF_ENTRIES, PROF_INSNS

M64 = (1 << 64) - 1

_cycles_fn = None


def cycles() -> int:
    """The host cycle counter (rdtsc on x86-64), read from Python."""
    global _cycles_fn
    if _cycles_fn is None:
        from .jit import target_machine
        mod = ir.Module(name="cycles")
        i64 = ir.IntType(64)
        fn = ir.Function(mod, ir.FunctionType(i64, []), name="cycles")
        rd = ir.Function(mod, ir.FunctionType(i64, []), name="llvm.readcyclecounter")
        b = ir.IRBuilder(fn.append_basic_block("entry"))
        b.ret(b.call(rd, []))
        engine = llvm.create_mcjit_compiler(llvm.parse_assembly(str(mod)), target_machine(2))
        engine.finalize_object()
        f = ctypes.CFUNCTYPE(ctypes.c_uint64)(engine.get_function_address("cycles"))
        f._engine = engine           # keep the code alive with the function
        _cycles_fn = f
    return _cycles_fn()


# ---------------------------------------------------------------- object files

def function_sizes(obj: bytes) -> dict:
    """{name: size} of the function symbols of an ELF object file."""
    from elftools.elf.elffile import ELFFile
    out = {}
    elf = ELFFile(io.BytesIO(obj))
    for sec in elf.iter_sections():
        if sec["sh_type"] != "SHT_SYMTAB":
            continue
        for sym in sec.iter_symbols():
            if sym["st_info"]["type"] == "STT_FUNC" and sym.name:
                out[sym.name] = sym["st_size"]
    return out


class PerfMap:
    """/tmp/perf-<pid>.map: ``START SIZE name`` per line, hex without 0x
    (the format perf reads for JIT code).  Created empty (a stale map of a
    recycled pid would mislead perf), appended to, flushed after each write
    so a perf session running alongside sees every module."""

    def __init__(self, path: str | None = None):
        self.path = path or f"/tmp/perf-{os.getpid()}.map"
        self._f = open(self.path, "w")
        self.entries = 0

    def add(self, addr: int, size: int, name: str) -> None:
        name = " ".join(name.split())         # one line per entry
        self._f.write(f"{addr:x} {max(size, 1):x} {name}\n")
        self.entries += 1

    def flush(self) -> None:
        self._f.flush()

    def close(self) -> None:
        if not self._f.closed:
            self._f.close()


def read_perf_map(path: str) -> list:
    """[(start, size, name)] from a perf map file."""
    out = []
    with open(path) as f:
        for line in f:
            a, s, name = line.rstrip("\n").split(" ", 2)
            out.append((int(a, 16), int(s, 16), name))
    return out


# ---------------------------------------------------------------- the records

@dataclass
class BlockRecord:
    """One compiled block function (a block recompiled after invalidation
    gets a new record with the same key)."""
    key: int                 # bundle address | start slot
    name: str                # LLVM function name, blk_<ip>_<ri>
    covered: list            # bundle addresses it translates
    addr: int                # host address of its code
    size: int = 0            # bytes of host code (0: unknown)
    module: int = -1         # index into Profiler.modules (-1: compiled before attach)
    entries: int = 0
    cycles: int = 0          # in the counting dispatcher
    insns: int = 0
    direct_ns: int = 0       # in calls from Python (timed in nanoseconds)

    @property
    def ip(self) -> int:
        return self.key & ~0xF & M64

    @property
    def ri(self) -> int:
        return self.key & 0xF


@dataclass
class Counts:
    entries: int = 0
    cycles: int = 0
    insns: int = 0

    def add(self, e, c, n):
        self.entries += e
        self.cycles += c
        self.insns += n


@dataclass
class BlockStats:
    """What the report shows for one guest block (all its records summed)."""
    key: int
    name: str
    covered: list
    entries: int
    cycles: int
    insns: int
    records: list            # BlockRecord, oldest first (the last one is the current code)
    size: int = 0

    @property
    def ip(self) -> int:
        return self.key & ~0xF & M64

    @property
    def ri(self) -> int:
        return self.key & 0xF


@dataclass
class Snapshot:
    """A profile at one moment (all counts since attach)."""
    blocks: list             # BlockStats, unsorted
    interp: Counts
    handlers: Counts
    compile_cycles: int
    total_cycles: int        # host cycles since attach
    total_insns: int         # guest instructions since attach (icount delta)
    seconds: float
    hz: float                # host cycle counter frequency (calibrated)
    modules: int
    compiled: int
    helpers: dict = field(default_factory=dict)   # runtime helper name -> Counts (calls)

    @property
    def block_cycles(self) -> int:
        return sum(b.cycles for b in self.blocks)

    @property
    def block_insns(self) -> int:
        return sum(b.insns for b in self.blocks)

    @property
    def other_cycles(self) -> int:
        return max(0, self.total_cycles - self.block_cycles - self.interp.cycles
                   - self.handlers.cycles - self.compile_cycles)

    def by_cycles(self) -> list:
        return sorted(self.blocks, key=lambda b: (-b.cycles, -b.insns, b.key))

    def by_entries(self) -> list:
        return sorted(self.blocks, key=lambda b: (-b.entries, -b.cycles, b.key))

    def by_insns(self) -> list:
        return sorted(self.blocks, key=lambda b: (-b.insns, -b.cycles, b.key))


# ---------------------------------------------------------------- the profiler

class Profiler:
    """Counts for one machine's JIT (see the module docstring).

    ``count``: switch on the counters (False: only the perf map and IR).
    ``perf_map``: True (``/tmp/perf-<pid>.map``), a path, or None.
    ``symbolize``: guest address -> "sym+0x.." or None (perf map names).
    ``keep_ir``: keep each module's LLVM IR text (for ``ir`` / ``assembly``).
    """

    def __init__(self, machine, count: bool = True, perf_map=None, symbolize=None,
                 keep_ir: bool = True):
        if machine.jit is None:
            raise ValueError("profiling needs the JIT engine")
        self.m = machine
        self.jit = machine.jit
        self.count = count
        self.symbolize = symbolize
        self.keep_ir = keep_ir
        self.perf_map = None
        self._perf_map_arg = perf_map
        self.records = {}            # host address -> BlockRecord
        self.modules = []            # IR text per module compiled while attached (or None)
        self.objects = []            # object code per module (with keep_ir), to check --asm
        self._asm = {}               # module index -> (assembly text, same code as loaded?)
        self.interp = Counts()       # cycles: in nanoseconds until a snapshot converts them
        self.handlers = Counts()
        self.helpers = {}            # helper id -> Counts (calls, nanoseconds)
        self.counters = None
        self.attached = False

    # ------------------------------------------------------------ life cycle
    def attach(self) -> "Profiler":
        jit, m = self.jit, self.m
        if jit.profiler is not None and jit.profiler is not self:
            raise RuntimeError("another profiler is attached to this JIT")
        st = m.state
        self._ctl = st.ctl
        self._icount = st.CTL["icount"]
        if self._perf_map_arg:
            self.perf_map = PerfMap(None if self._perf_map_arg is True else self._perf_map_arg)
        # Blocks compiled before attach: known by address, without IR.
        for blk in jit.blocks.values():
            addr = jit.engine_addr(blk)
            self.records.setdefault(addr, BlockRecord(blk.ip, blk.name, list(blk.covered), addr))
        if self.count:
            self.counters = jit.dispatcher.enable_profiling(self._evict)
            self._wrap()
        if self.perf_map is not None:
            addr, obj, name = jit.dispatcher.code()
            self.perf_map.add(addr, function_sizes(obj).get("dispatch", 1), name)
            for rec in self.records.values():
                self.perf_map.add(rec.addr, 1, self.perf_name(rec))
            self.perf_map.flush()
        jit.profiler = self
        self._c0, self._t0 = cycles(), time.perf_counter()
        self._n0 = int(self._ctl[self._icount])
        self._compile0 = jit.stats["compile_s"]
        self._modules0, self._compiled0 = jit.stats["modules"], jit.stats["compiled"]
        self.attached = True
        return self

    def detach(self) -> None:
        """Stop counting (counts so far stay in the records)."""
        if not self.attached:
            return
        self._collect()
        jit = self.jit
        if self.count:
            jit.dispatcher.disable_profiling()
            self._unwrap()
        jit.profiler = None
        if self.perf_map is not None:
            self.perf_map.close()
        self._c1, self._t1 = cycles(), time.perf_counter()
        self._n1 = int(self._ctl[self._icount])
        self._compile1 = jit.stats["compile_s"]
        self.attached = False

    def __enter__(self):
        return self.attach()

    def __exit__(self, *exc):
        self.detach()

    # ------------------------------------------------------------ Python-side tiers
    def _wrap(self):
        """Time the interpreter and the fault handlers (per-instance wrappers
        of two methods; they are the slow paths, so Python timing is fine)."""
        m, ctl, ic = self.m, self._ctl, self._icount
        clock = time.perf_counter_ns
        interp_run = m.interp.run
        handle = m._handle_fault
        icounts, hcounts = self.interp, self.handlers

        # perf_counter_ns costs a tenth of a ctypes call of cycles(); the
        # snapshot converts nanoseconds to cycles.
        def run(*args, **kw):
            n0, t0 = int(ctl[ic]), clock()
            try:
                return interp_run(*args, **kw)
            finally:
                icounts.add(1, clock() - t0, (int(ctl[ic]) - n0) & M64)

        def handle_fault(f):
            n0, t0 = int(ctl[ic]), clock()
            try:
                return handle(f)
            finally:
                hcounts.add(1, clock() - t0, (int(ctl[ic]) - n0) & M64)

        m.interp.run = run
        m._handle_fault = handle_fault

        # Compiled code finds the runtime entry in the state (it is not
        # baked into the code), so a timing wrapper can stand in for it.
        from .jit import _CALLBACK
        entry, helpers = self.jit._callback, self.helpers

        def callback(st, hid, a0, a1, a2):
            t0 = clock()
            r = entry(st, hid, a0, a1, a2)
            c = helpers.get(hid)
            if c is None:
                c = helpers[hid] = Counts()
            c.entries += 1
            c.cycles += clock() - t0
            return r

        self._cb = _CALLBACK(callback)
        self._cb_saved = int(m.state.rt_callback[0])
        m.state.rt_callback[0] = ctypes.cast(self._cb, ctypes.c_void_p).value

    def _unwrap(self):
        self.m.interp.__dict__.pop("run", None)
        self.m.__dict__.pop("_handle_fault", None)
        self.m.state.rt_callback[0] = self._cb_saved

    # ------------------------------------------------------------ hooks (backend/jit.py)
    def call(self, blk, state_addr: int) -> int:
        """The JIT calls a block from Python (at a run's start)."""
        if not self.count:
            return blk.cfn(state_addr)
        ctl, ic = self._ctl, self._icount
        n0, t0 = int(ctl[ic]), time.perf_counter_ns()
        try:
            return blk.cfn(state_addr)
        finally:
            ns = time.perf_counter_ns() - t0
            rec = self._record(self.jit.engine_addr(blk), blk.ip, blk)
            rec.entries += 1
            rec.direct_ns += ns
            rec.insns += (int(ctl[ic]) - n0) & M64

    def on_module(self, ir_text: str, engine, built) -> None:
        """A module was compiled and its blocks inserted: ``built`` is
        [(key, function name, covered bundles)]."""
        index = len(self.modules)
        self.modules.append(ir_text if self.keep_ir else None)
        obj = getattr(self.jit, "last_object", None)
        self.objects.append(obj if self.keep_ir else None)
        sizes = function_sizes(obj) if obj else {}
        for key, name, covered in built:
            addr = engine.get_function_address(name)
            rec = BlockRecord(key, name, list(covered), addr, sizes.get(name, 0), index)
            self.records[addr] = rec
            if self.perf_map is not None:
                self.perf_map.add(addr, rec.size, self.perf_name(rec))
        if self.perf_map is not None:
            self.perf_map.flush()

    def perf_name(self, rec) -> str:
        text = f"ia64:{rec.ip:#018x}" + (f"[{rec.ri}]" if rec.ri else "")
        sym = self.symbolize(rec.ip) if self.symbolize else None
        return text + (f" {sym}" if sym else "")

    # ------------------------------------------------------------ counters -> blocks
    def _record(self, addr, key, blk=None):
        rec = self.records.get(addr)
        if rec is None:
            blk = blk or self.jit.blocks.get(key)
            rec = BlockRecord(key, blk.name if blk else f"blk_{key & ~0xF & M64:x}_{key & 0xF}",
                              list(blk.covered) if blk else [key & ~0xF & M64], addr)
            self.records[addr] = rec
        return rec

    def _evict(self, slot, key, addr):
        """A table slot changes hands: its counts belong to the old block."""
        row = self.counters[slot]
        if row[PROF_ENTRIES] or row[PROF_CYCLES] or row[PROF_INSNS]:
            rec = self._record(addr, key)
            rec.entries += int(row[PROF_ENTRIES])
            rec.cycles += int(row[PROF_CYCLES])
            rec.insns += int(row[PROF_INSNS])
            row[:] = 0

    def _collect(self):
        if self.counters is not None and self.attached:
            for slot, key, addr in self.jit.dispatcher.live_slots():
                self._evict(slot, key, addr)

    # ------------------------------------------------------------ results
    def snapshot(self) -> Snapshot:
        self._collect()
        if self.attached:
            c1, t1, n1 = cycles(), time.perf_counter(), int(self._ctl[self._icount])
            compile_s = self.jit.stats["compile_s"] - self._compile0
        else:
            c1, t1, n1 = self._c1, self._t1, self._n1
            compile_s = self._compile1 - self._compile0
        total_cycles, seconds = c1 - self._c0, t1 - self._t0
        hz = self.cycle_hz(total_cycles, seconds)
        per_ns = hz / 1e9

        def conv(c):                 # Python-side counts: nanoseconds -> cycles
            return Counts(c.entries, int(c.cycles * per_ns), c.insns)

        groups = {}
        for rec in sorted(self.records.values(), key=lambda r: (r.module, r.addr)):
            if not (rec.entries or rec.insns or rec.cycles):
                continue
            c = rec.cycles + int(rec.direct_ns * per_ns)
            g = groups.get(rec.key)
            if g is None:
                groups[rec.key] = BlockStats(rec.key, rec.name, rec.covered, rec.entries,
                                             c, rec.insns, [rec], rec.size)
            else:
                g.entries += rec.entries
                g.cycles += c
                g.insns += rec.insns
                g.records.append(rec)
                g.name, g.covered, g.size = rec.name, rec.covered, rec.size
        st = self.jit.stats
        names = self.jit._helper_names
        helpers = {names[h] if h < len(names) else f"helper{h}": conv(c)
                   for h, c in self.helpers.items()}
        return Snapshot(list(groups.values()), conv(self.interp), conv(self.handlers),
                        int(compile_s * hz), total_cycles, (n1 - self._n0) & M64, seconds, hz,
                        st["modules"] - self._modules0, st["compiled"] - self._compiled0,
                        helpers)

    def cycle_hz(self, total_cycles, seconds) -> float:
        """Cycle-counter frequency: from the run itself when it is long
        enough, else from a short extra measurement."""
        if seconds >= 0.05 and total_cycles > 0:
            return total_cycles / seconds
        c0, t0 = cycles(), time.perf_counter()
        while time.perf_counter() - t0 < 0.02:
            pass
        c1, t1 = cycles(), time.perf_counter()
        return (c1 - c0) / (t1 - t0) if c1 > c0 else 0.0

    # ------------------------------------------------------------ code of a block
    def ir(self, rec) -> str | None:
        """The LLVM IR of a block's function as generated (before optimisation)."""
        text = self.modules[rec.module] if 0 <= rec.module < len(self.modules) else None
        if text is None:
            return None
        return extract_ir_function(text, rec.name)

    def assembly(self, rec) -> str | None:
        """The host assembly of a block's function: its module optimised
        again as the JIT optimises modules and printed by the target
        machine.  Compilation is deterministic, so this is the code the JIT
        loaded -- checked by comparing the object code; when it differs
        (the JIT's pipeline changed under us) a note says so."""
        if not 0 <= rec.module < len(self.modules) or self.modules[rec.module] is None:
            return None
        hit = self._asm.get(rec.module)
        if hit is None:
            from . import jit as jitmod
            opt = self.jit.opt
            llmod = llvm.parse_assembly(self.modules[rec.module])
            tm = jitmod.target_machine(opt)
            pto = llvm.create_pipeline_tuning_options(speed_level=opt)
            pb = llvm.create_pass_builder(tm, pto)
            custom = getattr(jitmod, "_block_pipeline", None)
            mpm = custom() if (custom and opt) else pb.getModulePassManager()
            mpm.run(llmod, pb)
            del mpm, pb, pto
            obj = self.objects[rec.module] if rec.module < len(self.objects) else None
            same = obj is None or tm.emit_object(llmod) == obj
            hit = self._asm[rec.module] = (tm.emit_assembly(llmod), same)
        text = extract_asm_function(hit[0], rec.name)
        if text is not None and not hit[1]:
            text = ("; note: recompiled for display; differs from the loaded code "
                    "(the JIT's pass pipeline may have changed)\n" + text)
        return text


def extract_ir_function(module_text: str, name: str) -> str | None:
    pat = re.compile(r'^define [^\n]*@"?' + re.escape(name) + r'"?\(.*?^}$', re.S | re.M)
    mt = pat.search(module_text)
    return mt.group(0) if mt else None


def extract_asm_function(asm: str, name: str) -> str | None:
    lines = asm.splitlines()
    try:
        start = lines.index(f"{name}:")
    except ValueError:
        return None
    out = []
    for line in lines[start:]:
        out.append(line)
        if line.strip().startswith(".size") and name in line:
            break
    # The directives just above the label (.globl/.p2align/.type) are noise.
    return "\n".join(out)
