"""The JIT: hot-block counting, batched compilation with llvmlite, dispatch.

Cold code runs in the interpreter; a block whose start address has been
reached ``threshold`` times is queued, and queued blocks are compiled
together in one LLVM module (compile cost per block stays low).  Compiled
blocks run on the state buffer in place; they call back into Python only
through one runtime entry point (helpers, soft-TLB misses).
"""

from __future__ import annotations

import ctypes
import os
import pickle
import time

import numpy as np

import llvmlite.binding as llvm
from translator import faults, irgen, irtext
from translator.faults import GuestFault
from translator.helpers import check_alignment

from translator.irgen import (EXIT_BUDGET, EXIT_INTERP, EXIT_MISS, EXIT_STOP,
                              EXIT_TIERUP)

from .dispatch import Dispatcher, table_key

TIER_UP = 4_000_000       # instructions a loop runs at tier 1 before it is compiled at tier 2

M64 = (1 << 64) - 1

_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_uint64, ctypes.c_uint64,
                             ctypes.c_uint64, ctypes.c_uint64, ctypes.c_uint64)
_BLOCKFN = ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_void_p)

_target = None


def target_machine(opt: int):
    """A fresh target machine.  An MCJIT engine takes ownership of the target
    machine it is created with (and frees it with itself), so every engine
    gets its own, and pass builders are dropped before the engine exists."""
    global _target
    if _target is None:
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        _target = llvm.Target.from_default_triple()
    return _target.create_target_machine(opt=opt, jit=True)


def _block_pipeline():
    """Loops (tier 2): peepholes, CFG clean-up, redundancy and dead-store
    elimination before the optimising code generator (a third of the
    standard O2 pipeline's time, the same code on our blocks).
    Straight-line blocks (tier 1) get no passes at all: the emitter writes
    SSA already, and at codegen level 0 the fast register allocator spills
    whatever crosses a basic block, so instcombine/simplifycfg cost 5 ms a
    block and made their code larger, not smaller (measured on the
    kernel's and sorthash's blocks)."""
    mpm = llvm.create_new_module_pass_manager()
    mpm.add_sroa_pass()          # (the one alloca left: a speculative load's flag)
    mpm.add_instruction_combine_pass()
    mpm.add_simplify_cfg_pass()
    mpm.add_new_gvn_pass()
    mpm.add_dead_store_elimination_pass()
    mpm.add_instruction_combine_pass()
    mpm.add_simplify_cfg_pass()
    return mpm


TRACE_MIN_RUNS = 8        # cold runs that must have taken a branch before a trace follows it
TRACE_BIAS = 0.75         # ... and the share of the runs reaching it that took it
MAX_CHILDREN = 2          # background compilations at once


class CompiledBlock:
    __slots__ = ("ip", "fn", "cfn", "covered", "execs", "name", "pa")

    def __init__(self, ip, cfn, covered, name, pa=None):
        self.ip, self.cfn, self.covered, self.name = ip, cfn, covered, name
        self.pa = pa          # physical address of the block's start (system machines)
        self.execs = 0


class JIT:
    def __init__(self, machine, threshold: int = 50, code_cache=None, opt: int = 2,
                 batch: int = 32, async_compile: bool = False, tier_up: int = TIER_UP):
        """``async_compile``: blocks are translated and compiled in a forked
        child while the interpreter goes on (a run's results do not depend on
        it: both engines are exact; without fork, compilation stays here);
        off, blocks are usable as soon as they are hot (what the
        differential tests need).

        ``tier_up``: every block is first compiled at tier 1 (no passes, the
        fast code generator: ~10x quicker to compile, ~2-7x slower code); a
        loop (a block that branches back to its start and so runs inside
        its own function) that has run this many instructions there is
        compiled again at tier 2 (the block pipeline and the optimising code
        generator).  0: loops go to tier 2 at once."""
        self.m = machine
        self.async_compile = async_compile
        self._jobs = []          # forked children compiling in the background
        self._child_out = None   # set in a compiling child: tier -> (object code, blocks)
        self.inflight = set()    # block keys being compiled in the background
        self._generation = 0     # bumped whenever translated code may be stale
        self.threshold = threshold
        self.tier_up = tier_up
        self.tier2_keys = set()  # loops that earned tier 2
        self.tier_counters = np.zeros(irgen.TIERUP_SLOTS, dtype=np.int64)
        self.paths = {}          # page -> {(start, last, next bundle): cold runs} (traces)
        self.batch = batch
        self.opt = opt
        self.blocks = {}         # ip -> CompiledBlock
        self.counts = {}         # ip -> times reached while cold
        self.pending = []        # hot ips waiting for compilation
        self.failed = set()      # ips that cannot be translated
        self.failure_reasons = {}  # ip -> why (see IA64JIT_STRICT)
        self.engines = []        # the execution engines holding compiled code (see _engine_for)
        self._engine = None      # the shared one
        self._code_addr = {}     # function name -> address of its newest code
        self.stats = {"compiled": 0, "compile_s": 0.0, "modules": 0}
        self.pending_fault = None
        self.stop_addrs = set()  # blocks end before these bundles (run(until=...))
        self._seen_code_pages = set()
        self.profiler = None     # backend.profile.Profiler while profiling / writing a perf map
        st = machine.state
        # Stable helper numbering (it is baked into cacheable code).
        self._helper_names = sorted(set(machine.helpers) | {"mem_load", "mem_store",
                                                             "mem_load_sema", "mem_store_sema"})
        self._helper_ids = {n: i for i, n in enumerate(self._helper_names)}
        self._ctl, self._icount_pending = st.ctl, st.CTL["icount_pending"]
        self._cb = _CALLBACK(self._callback)
        self._cb_addr = ctypes.cast(self._cb, ctypes.c_void_p).value
        machine.state.rt_callback[0] = self._cb_addr
        if code_cache is None or code_cache is True:
            from .codecache import CodeCache
            code_cache = CodeCache(salt=",".join(self._helper_names))
        self.code_cache = code_cache or None
        self.env = _Env(self)
        self.triple = target_machine(opt).triple
        self.n_tlb = len(st.tlb_tag)
        self.mem = machine.mem
        self.system = bool(getattr(machine, "system", False))
        self.dispatcher = Dispatcher(self.env.layout, lambda: target_machine(opt))

    # ------------------------------------------------------------ runtime entry
    def helper_id(self, name: str) -> int:
        if name not in self._helper_ids:
            if self.code_cache is not None:
                self.code_cache = None     # numbering no longer stable: stop caching
            self._helper_ids[name] = len(self._helper_names)
            self._helper_names.append(name)
        return self._helper_ids[name]

    def _callback(self, st, hid, a0, a1, a2):
        name = self._helper_names[hid]
        try:
            if name == "mem_load":           # (the soft-TLB missed: psr.ac is checked here)
                check_alignment(self.m, a0, a1, faults.ISR_R)
                return self._slow_load(a0, a1)
            if name == "mem_store":          # 1: the store hit a code page
                check_alignment(self.m, a0, a1, faults.ISR_W)
                return 1 if self._slow_store(a0, a1, a2) else 0
            if name == "mem_load_sema":
                return self._slow_load(a0, a1, sema=True)
            if name == "mem_store_sema":
                return 1 if self._slow_store(a0, a1, a2, sema=True) else 0
            if name == "mem_load_spec" and self.system:
                v, failed = self.mem.load_spec(a0, a1)     # raises what it may not defer
                if failed:
                    ctypes.c_uint64.from_address(a2).value = 1
                return v
            if name == "mem_load_spec":        # a2: address of the failure flag word
                try:
                    return self._slow_load(a0, a1)
                except GuestFault:
                    ctypes.c_uint64.from_address(a2).value = 1
                    return 0
            fn = self.m.helpers[name]
            r = fn(self.m, *((a0, a1, a2)[:fn.__code__.co_argcount - 1])) \
                if hasattr(fn, "__code__") else fn(self.m)
            return (r or 0) & M64
        except GuestFault as f:
            self.pending_fault = f
        except Exception as exc:          # never unwind through native frames
            self.pending_fault = GuestFault(faults.UNIMPLEMENTED, detail=f"runtime error: {exc!r}")
        finally:
            # Compiled code publishes its instruction count in icount_pending
            # for a call (translator/irgen.py call_helper); it is spent when
            # the call returns (the code does not clear it itself).
            self._ctl[self._icount_pending] = 0
        ctl, C = self.m.state.ctl, self.m.state.CTL
        ctl[C["exit_reason"]] = 4
        return 0

    def _tlb_fill(self, addr, write):
        if self.system:
            self._tlb_fill_virtual(addr, write)
            return
        ent = self.mem.pages.get(addr >> 12)
        if ent is None:
            return
        region, off = ent
        page = addr >> 12
        st = self.m.state
        i = page & (self.n_tlb - 1)
        host_page = region.host_address + off
        st.tlb_addend[i] = (host_page - (page << 12)) & M64
        if region.prot & 1:
            st.tlb_tag[i] = page << 12
        else:
            st.tlb_tag[i] = M64
        if region.prot & 2 and page not in self.mem.code_pages:
            st.tlb_wtag[i] = page << 12
        else:
            st.tlb_wtag[i] = M64

    def _tlb_fill_virtual(self, addr, write):
        """Soft-TLB entry for a virtual page through the MMU's translation at
        the current privilege (flushed whenever that can change)."""
        got = self.mem.host_page(addr, write)
        if got is None:
            return
        host, readable, writable = got
        page = addr >> 12
        st = self.m.state
        i = page & (self.n_tlb - 1)
        tag = page << 12
        # one addend per entry: drop the other tag when it names another page
        if st.tlb_tag[i] != tag:
            st.tlb_tag[i] = M64
        if st.tlb_wtag[i] != tag:
            st.tlb_wtag[i] = M64
        st.tlb_addend[i] = (host - tag) & M64
        if readable:
            st.tlb_tag[i] = tag
        if writable:
            st.tlb_wtag[i] = tag

    def _slow_load(self, addr, size, sema=False):
        try:
            v = self.mem.load(addr, size, sema=True) if sema and self.system \
                else self.mem.load(addr, size)
        except Exception as exc:
            if hasattr(exc, "addr"):
                raise GuestFault(faults.DATA_ACCESS, arg=exc.addr,
                                 detail=f"read of {size} bytes at {addr:#x}") from None
            raise
        if addr & (size - 1) == 0:
            self._tlb_fill(addr, False)
        return v

    def _slow_store(self, addr, size, value, sema=False):
        code = self.mem.code_pages
        hit = (addr >> 12) in code or ((addr + size - 1) >> 12) in code
        try:
            if sema and self.system:
                self.mem.store(addr, value, size, sema=True)
            else:
                self.mem.store(addr, value, size)
        except Exception as exc:
            if hasattr(exc, "addr"):
                raise GuestFault(faults.DATA_ACCESS, arg=exc.addr,
                                 detail=f"write of {size} bytes at {addr:#x}") from None
            raise
        if addr & (size - 1) == 0:
            self._tlb_fill(addr, True)
        return hit

    def flush_tlb(self):
        self.m.state.tlb_tag[:] = M64
        self.m.state.tlb_wtag[:] = M64

    # ------------------------------------------------------------ compilation
    def compile_pending(self):
        if not self.pending:
            return
        if self.async_compile and self.profiler is None and hasattr(os, "fork"):
            self._compile_in_child()
            return
        t0 = time.perf_counter()
        # Two tiers: loops (blocks that branch back to their start and so run
        # inside their own function) get LLVM's optimising code generator;
        # straight-line blocks, run once per entry, the fast one (~10x
        # quicker to compile, ~2-7x slower code).
        modules = {}
        built = {}
        for ip in self.pending:
            loop = irgen.loops_to_itself(self.mem.fetch_bundle, ip & ~0xF, hot=self.hot_branch,
                                         stop_addrs=self.stop_addrs)
            tier = 2 if loop and (not self.tier_up or ip in self.tier2_keys) else 1
            if tier not in modules:
                # (a fixed name: the module's text is the code-cache key)
                modules[tier] = irtext.Module(name=f"blocks_t{tier}")
                modules[tier].triple = self.triple
                built[tier] = []
            module = modules[tier]
            comp = irgen.BlockCompiler(module, self.env, ip & ~0xF, self.stop_addrs, ip & 0xF,
                                       loops=loop, count_loop=loop and tier == 1,
                                       hot=self.hot_branch)
            try:
                covered = comp.build(self.mem.fetch_bundle)
            except Exception as exc:
                # The block stays interpreted (correct, slower).  The reason is
                # kept for diagnosis; IA64JIT_STRICT=1 makes an unexpected one
                # an error (unmapped code is expected: the interpreter faults).
                if os.environ.get("IA64JIT_STRICT") and not isinstance(exc, irgen.Untranslatable):
                    raise
                self.failed.add(ip)
                self.failure_reasons[ip] = repr(exc)
                # drop the half-built function from the module
                module.remove(comp.fn)
                continue
            # The code's physical address and code pages are taken now, with
            # the translation the IR was built from.
            if self.system:
                pa = self.mem.code_pa(ip & ~0xF)
                self.mem.note_code(ip & ~0xF)      # (a block never crosses a 4 KB page)
            else:
                pa = None
                for a in covered:
                    self.mem.code_pages.add(a >> 12)
            built[tier].append((ip, comp.fn.name, covered, pa))
            if comp.traced:
                self.stats["traced_branches"] = self.stats.get("traced_branches", 0) + \
                    len(comp.traced)
        self.pending = []
        if not any(built.values()):
            return
        # Pages now holding code must not be written through the fast path.
        self.flush_tlb()
        self.stats["compiled"] += sum(len(b) for b in built.values())
        self.stats["modules"] += len(modules)
        for tier, module in modules.items():
            if not built[tier]:
                continue
            ir_text = str(module)
            if self._child_out is not None:       # (in a compiling child)
                self._child_out[tier] = (self._object_bytes(ir_text, tier), built[tier])
            else:
                self._install(self._object_code(ir_text, tier), ir_text, built[tier])
        self.stats["compile_s"] += time.perf_counter() - t0

    # ------------------------------------------------------------ background compilation
    def _compile_in_child(self):
        """Translate and compile the pending blocks in a forked child: it
        sees the guest exactly as it is now (copy-on-write), does the
        Python IR building and LLVM's work on another core, and sends the
        object code back through a pipe; the interpreter goes on with the
        blocks meanwhile (reap() installs them)."""
        keys, self.pending = self.pending, []
        if len(self._jobs) >= MAX_CHILDREN:
            # Enough compiling already (the interpreter needs a core too):
            # these come back at their next entry.
            for k in keys:
                self.counts[k] = max(self.threshold - 1, 0)
            return
        # Their pages are code from now on (a block never leaves its 4 KB
        # page), so a write to them meanwhile makes the result stale.
        for k in keys:
            try:
                if self.system:
                    self.mem.note_code(k & ~0xF)
                else:
                    self.mem.code_pages.add(k >> 12)
            except GuestFault:
                pass
        self.flush_tlb()
        r, w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            self.pending = keys
            self.async_compile = False     # (no fork: compile here from now on)
            self.compile_pending()
            return
        if pid == 0:                       # the child: never returns
            status = 0
            try:
                os.close(r)
                data = pickle.dumps(self._child_compile(keys))
                view = memoryview(data)
                while view:
                    view = view[os.write(w, view):]
            except BaseException:
                status = 1
            finally:
                os._exit(status)
        os.close(w)
        os.set_blocking(r, False)
        self._jobs.append({"pid": pid, "fd": r, "data": bytearray(), "keys": keys,
                           "generation": self._generation})
        self.inflight.update(keys)
        self.stats["children"] = self.stats.get("children", 0) + 1

    def _child_compile(self, keys):
        """(In the child.)  {tier: (object code, [(ip, name, covered, pa)])},
        failures {ip: reason}, seconds."""
        t0 = time.perf_counter()
        self.async_compile = False
        self.pending = list(keys)
        out, self._child_out = {}, {}
        self.failure_reasons = {}
        self.compile_pending()             # (synchronously; _install collects, below)
        out = self._child_out
        return {"tiers": out, "failures": dict(self.failure_reasons),
                "seconds": time.perf_counter() - t0}

    def _read_child(self, job, wait):
        """Read what a child has written; True once it has finished."""
        fd = job["fd"]
        while True:
            if wait:
                os.set_blocking(fd, True)
            try:
                chunk = os.read(fd, 1 << 20)
            except BlockingIOError:
                return False
            if not chunk:
                os.close(fd)
                os.waitpid(job["pid"], 0)
                return True
            job["data"] += chunk

    def reap(self, wait: bool = False) -> None:
        """Install the blocks background compilation has finished (all of
        them with ``wait``); drop those whose guest code changed meanwhile."""
        still = []
        for job in self._jobs:
            if not self._read_child(job, wait):
                still.append(job)
                continue
            self.inflight.difference_update(job["keys"])
            try:
                result = pickle.loads(bytes(job["data"]))
            except Exception:              # the child died: keep the blocks interpreted
                for k in job["keys"]:
                    self.failed.add(k)
                    self.failure_reasons[k] = "background compilation failed"
                continue
            self.stats["background_s"] = self.stats.get("background_s", 0.0) + result["seconds"]
            self.stats["compile_s"] += result["seconds"]
            for k, why in result["failures"].items():
                self.failed.add(k)
                self.failure_reasons[k] = why
            if job["generation"] != self._generation:
                continue                   # the guest's code changed meanwhile
            for tier, (obj, built) in sorted(result["tiers"].items()):
                self.stats["compiled"] += len(built)
                self.stats["modules"] += 1
                # (on a system machine the translation or privilege may have
                # changed since the fork: the table is filled when the code
                # is reached, through the (address, physical address) check)
                self._install(self._engine_for(obj), None, built, enter=not self.system)
                for ip, _name, covered, pa in built:
                    if self.system:
                        self.mem.code_pages.add(pa >> 12)
                    else:
                        for a in covered:
                            self.mem.code_pages.add(a >> 12)
            self.flush_tlb()
        self._jobs = still

    def _psr(self) -> int:
        return int(self.m.state.ctl[self.m.state.CTL["psr"]])

    def _install(self, engine, ir_text, built, enter=True):
        """Keep a module's blocks; ``enter``: also put them in the dispatch
        table at the current privilege (they were translated just now)."""
        for ip, name, covered, pa in built:
            addr = engine.get_function_address(name)
            if addr == self._code_addr.get(name):
                # The name still resolves to the block's older code (see
                # _engine_for; never seen): this module gets an engine of
                # its own, where the name is unique.
                engine = self._new_engine(self.last_object)
                addr = engine.get_function_address(name)
            self._code_addr[name] = addr
            blk = CompiledBlock(ip, _BLOCKFN(addr), covered, name, pa)
            self.blocks[(ip, pa) if self.system else ip] = blk
            if enter:
                self.dispatcher.insert(table_key(ip, self._psr()), addr)
        if self.profiler is not None:
            self.profiler.on_module(ir_text, engine, [b[:3] for b in built])

    def _object_code(self, ir_text: str, tier: int = 2):
        """An execution engine holding the module's machine code (see
        _object_bytes)."""
        return self._engine_for(self._object_bytes(ir_text, tier))

    def _object_bytes(self, ir_text: str, tier: int = 2) -> bytes:
        """The module's machine code: from the
        persistent cache when it has it, else optimised and generated now
        (tier 1: no passes and the fast code generator;
        tier 2: the block pipeline and the optimising one)."""
        cache = self.code_cache
        key = cache.key(f"tier{tier}\n" + ir_text) if cache is not None else None
        obj = cache.get(key) if cache is not None else None
        if obj is None:
            llmod = llvm.parse_assembly(ir_text)
            if os.environ.get("IA64JIT_STRICT"):
                # (the parser already checks types and names; the verifier's
                # dominance and phi checks catch emitter bugs: the tests run
                # with it, a normal run saves its ~0.3 ms a block)
                llmod.verify()
            codegen = self.opt if tier >= 2 else 0
            tm = target_machine(codegen)
            if tier >= 2 and self.opt:
                pto = llvm.create_pipeline_tuning_options(speed_level=self.opt)
                pb = llvm.create_pass_builder(tm, pto)
                mpm = _block_pipeline()
                mpm.run(llmod, pb)
                del mpm, pb, pto
            obj = tm.emit_object(llmod)
            if cache is not None:
                cache.put(key, obj)
        else:
            self.stats["cache_hits"] = self.stats.get("cache_hits", 0) + 1
        return obj

    def _engine_for(self, obj: bytes):
        """An execution engine holding object code: one MCJIT engine serves
        every module of this JIT (an engine of its own cost a module ~1.1 ms
        more: a target machine, the engine, its memory manager; adding an
        object to a live engine and finalizing it, ~0.15 ms).  Code is
        never unloaded either way.  A block compiled again (tier 2, after
        its code was written) has the same function name as its older code:
        the engine's symbol table maps a name to the object added last, so
        _install, which looks its names up straight after, gets the new
        code (and checks it), while the older code stays where it is for
        whatever still runs it."""
        self.last_object = obj           # (read by a profiler's perf map)
        if self._engine is None:
            self._engine = self._new_engine(obj)
            return self._engine
        self._engine.add_object_file(llvm.ObjectFileRef.from_data(obj))
        self._engine.finalize_object()
        return self._engine

    def _new_engine(self, obj: bytes):
        engine = llvm.create_mcjit_compiler(llvm.parse_assembly(""), target_machine(self.opt))
        engine.add_object_file(llvm.ObjectFileRef.from_data(obj))
        engine.finalize_object()
        self.engines.append(engine)
        return engine

    def invalidate(self, start, end):
        self._generation += 1
        for ip in [ip for ip, b in self.blocks.items()
                   if any(start <= a < end for a in b.covered)]:
            del self.blocks[ip]
            self.dispatcher.remove(ip)
        for ip in [ip for ip in self.counts if start <= ip < end]:
            del self.counts[ip]
        self.failed = {ip for ip in self.failed if not start <= ip < end}

    def invalidate_phys(self, first_page, end_page):
        """System machines: drop blocks whose code lies in physical pages
        [first_page, end_page) (they were written or unmapped)."""
        self._generation += 1
        for key in [k for k, b in self.blocks.items() if first_page <= b.pa >> 12 < end_page]:
            del self.blocks[key]
        self.dispatcher.clear()
        self.failed.clear()

    def context_changed(self, lo=None, span=None):
        """Instruction translations changed (those of region offsets
        [lo, lo + span) when given): the table, keyed by virtual address, is
        refilled from ``blocks`` (keyed by virtual and physical address) as
        code is reached again."""
        if lo is None:
            self.dispatcher.clear()
        else:
            self.dispatcher.remove_range(lo, span, (1 << 61) - 1)
        self.failed.clear()

    def flush_tlb_range(self, lo, span):
        """Soft-TLB entries for region offsets [lo, lo + span) (any region)."""
        st = self.m.state
        off = np.uint64((1 << 61) - 1)
        for tags in (st.tlb_tag, st.tlb_wtag):
            hit = ((tags & off) - np.uint64(lo)) < np.uint64(span)
            tags[hit] = np.uint64(M64)

    def flush(self):
        """Drop every compiled block."""
        self._generation += 1
        self.blocks.clear()
        self.dispatcher.clear()
        self.counts.clear()
        self.paths.clear()
        self.failed.clear()

    # ------------------------------------------------------------ running
    def run(self, budget: int, until=None) -> int:
        """Run up to ``budget`` instructions; returns how many ran.

        Compiled code runs under the native dispatcher; Python takes over on
        a table miss (count, compile, or interpret one bundle), a fault, the
        budget, or ``until``."""
        m = self.m
        st = m.state
        ctl, C = st.ctl, st.CTL
        IP, RI, ICOUNT, BUDGET, PSR = C["ip"], C["ri"], C["icount"], C["budget"], C["psr"]
        LAST = C["last_bundle"]
        if until is not None and until not in self.stop_addrs:
            self.stop_addrs.add(until)
            self._generation += 1          # (blocks built without this stop)
            for bip in [b for b, blk in self.blocks.items() if until in blk.covered[1:]]:
                self.dispatcher.remove(self.blocks.pop(bip).ip)
        stop_key = until if until is not None else M64
        # Blocks go on to the next one themselves, unless every block
        # boundary must be seen: a stop address, or per-block profiling.
        st.dispatch_table[0] = 0 if until is not None or self.profiler is not None \
            else self.dispatcher.table_address
        st.tierup_table[0] = self.tier_counters.ctypes.data if self.tier_up else 0
        st.tierup_limit[0] = self.tier_up or (1 << 63) - 1
        start_count = ctl[ICOUNT]
        ctl[BUDGET] = (start_count + budget) & M64
        state_addr = st.address
        interp = m.interp
        blocks = self.blocks
        dispatch = self.dispatcher.run
        system = self.system
        while True:
            done = (ctl[ICOUNT] - start_count) & M64
            if done >= budget or m._halted or m._poll_flag:
                return done
            ip = ctl[IP]
            if until is not None and ip == until and ctl[RI] == 0 and done:
                return done
            if done:          # (at a run's start we may be sitting on `until`)
                reason = dispatch(state_addr, stop_key)
            else:
                reason = EXIT_MISS
            if reason != EXIT_MISS:
                if reason != EXIT_STOP:
                    self._after_exit(reason, until, budget - ((ctl[ICOUNT] - start_count) & M64))
                continue
            if self._jobs:
                self.reap()
            key = ctl[IP] | ctl[RI]
            if system:
                try:
                    bkey = (key, self.mem.code_pa(ctl[IP]))
                except GuestFault:
                    bkey = None         # the fetch faults: the interpreter raises it
                blk = blocks.get(bkey)
            else:
                blk = blocks.get(key)
            if system and bkey is None:
                pass                    # no code there: the interpreter raises the fault
            elif blk is not None:
                if not done:
                    reason = blk.cfn(state_addr) if self.profiler is None \
                        else self.profiler.call(blk, state_addr)
                    if reason:
                        # (blocks it chained to may have run: count afresh)
                        self._after_exit(reason, until,
                                         budget - ((ctl[ICOUNT] - start_count) & M64))
                else:
                    # Not in the table (a collision pushed it out, or background
                    # compilation installed it): put it in at this privilege.
                    self.dispatcher.insert(table_key(key, ctl[PSR]), self.engine_addr(blk))
                continue
            elif key not in self.failed and key not in self.inflight:
                c = self.counts.get(key, 0) + 1
                self.counts[key] = c
                if c >= self.threshold:
                    # Batch: take along the blocks that are warming up too,
                    # so one module (and one LLVM pipeline run) serves several.
                    warm = sorted((k for k, n in self.counts.items()
                                   if n * 4 >= self.threshold and k != key and k not in self.failed
                                   and k not in self.inflight),
                                  key=lambda k: -self.counts[k])[:self.batch - 1]
                    self.pending.append(key)
                    self.pending.extend(warm)
                    for k in [key] + warm:
                        del self.counts[k]
                    self.compile_pending()
                    if (bkey if system else key) in blocks:
                        continue
            # Cold: interpret up to the next taken branch, so that only block
            # entries (branch targets) are counted and translated, not every
            # bundle of a loop body.  A page the interpreter starts decoding
            # becomes a code page: compiled stores must stop reaching it
            # through a writable soft-TLB entry.
            code_pages = self.mem.code_pages
            known = len(code_pages)
            start = ctl[IP]
            try:
                interp.run(min(budget - done, 4096), until, one_block=True)
                self._note_path(start, ctl[LAST], ctl[IP])
            finally:
                if len(code_pages) != known and system:
                    st.tlb_wtag[:] = M64     # (tags are virtual, code pages physical)
                elif len(code_pages) != known:
                    for page in code_pages - self._seen_code_pages:
                        i = page & (self.n_tlb - 1)
                        if st.tlb_wtag[i] == page << 12:
                            st.tlb_wtag[i] = M64
                    self._seen_code_pages = set(code_pages)

    # ------------------------------------------------------------ trace profile
    def _note_path(self, start: int, last: int, nxt: int) -> None:
        """A cold run went straight through the bundles [start, last] (the
        interpreter stops at the first taken branch) and on to ``nxt``.
        Only paths within a page are kept (a trace never leaves one)."""
        if (start ^ last) >> 12 or last < start:
            return
        runs = self.paths.setdefault(start >> 12, {})
        k = (start, last, nxt & ~0xF)
        runs[k] = runs.get(k, 0) + 1

    def hot_branch(self, bundle: int, target: int) -> bool:
        """Whether the cold runs that reached ``bundle`` mostly left it by a
        taken branch to ``target`` (then a trace goes on there; see
        irgen.trace_successor)."""
        runs = self.paths.get(bundle >> 12)
        if not runs:
            return False
        reached = taken = 0
        for (start, last, nxt), n in runs.items():
            if start <= bundle <= last:
                reached += n
                if last == bundle and nxt == target:
                    taken += n
        return taken >= TRACE_MIN_RUNS and taken >= TRACE_BIAS * reached

    def _tier_up(self, key: int) -> None:
        """A tier-1 loop ran ``tier_up`` instructions: compile it at tier 2
        (its tier-1 code runs on until that is installed)."""
        slot = (key >> 4) & (irgen.TIERUP_SLOTS - 1)
        if self.async_compile and len(self._jobs) >= MAX_CHILDREN:
            self.tier_counters[slot] = 0           # (no child free: ask again later)
            return
        self.tier_counters[slot] = -(1 << 62)      # (asked once)
        if key in self.tier2_keys or key in self.inflight:
            return
        self.tier2_keys.add(key)
        self.stats["tier_ups"] = self.stats.get("tier_ups", 0) + 1
        self.pending.append(key)
        self.compile_pending()

    def _after_exit(self, reason, until, left) -> None:
        """Act on what compiled code left with (not a miss): ``left``
        instructions of the run's budget remain."""
        interp = self.m.interp
        if reason == EXIT_BUDGET:
            if left > 0 and not self.m._poll_flag:
                # Less budget than the next block needs: finish exactly in
                # the interpreter.
                interp.run(left, until)
        elif reason == EXIT_INTERP:
            # (a register operand outside the frame: the interpreter raises
            # the fault at its slot)
            if left > 0:
                interp.run(min(left, 4096), until, one_block=True)
        elif reason == EXIT_TIERUP:
            self._tier_up(int(self.m.state.ctl[self.m.state.CTL["exit_arg"]]))
        else:
            f = self._exit_fault()
            if f is not None:
                raise f
            # A runtime call reported a fault without leaving one (a
            # defence: no path is known to do it): not a fault of its own --
            # the instruction is interpreted again from its slot (the block
            # wrote its registers back there), and the interpreter raises
            # what it really raises.
            self.stats["lost_faults"] = self.stats.get("lost_faults", 0) + 1
            if left > 0:
                interp.run(min(left, 4096), until, one_block=True)

    def _exit_fault(self) -> GuestFault | None:
        """The fault compiled code left with: raised in the runtime (pending)
        or by the block itself (code and argument in exit_arg); None when a
        runtime call reported one but none is pending."""
        ctl, C = self.m.state.ctl, self.m.state.CTL
        ctl[C["exit_reason"]] = 0
        f, self.pending_fault = self.pending_fault, None
        if f is None:
            arg = ctl[C["exit_arg"]]
            if arg & 0xFF == 0:
                return None
            return GuestFault(arg & 0xFF, ctl[C["ip"]], ctl[C["ri"]], arg >> 8)
        f.ip, f.slot = ctl[C["ip"]], ctl[C["ri"]]
        return f

    @staticmethod
    def engine_addr(blk) -> int:
        return ctypes.cast(blk.cfn, ctypes.c_void_p).value


class _Env:
    """What the IR emitter needs to know about this machine."""

    def __init__(self, jit):
        from ia64jit import state as state_mod   # layout owner (the caller's side)
        self.jit = jit
        self.layout = state_mod.LAYOUT
        self.n_stacked = state_mod.N_STACKED
        self.n_tlb = state_mod.N_SOFT_TLB
        from translator.helpers import BLOCK_ENDING
        self.block_ending = BLOCK_ENDING
        from . import dispatch
        self.emit_key = dispatch.emit_key
        self.emit_offset = dispatch.emit_offset
        self.emit_static_offset = dispatch.emit_static_offset

    def helper_id(self, name):
        return self.jit.helper_id(name)
