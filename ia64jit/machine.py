"""``Machine``: the public, Unicorn-shaped API of ia64jit.

    m = Machine()
    m.mem_map(0x10000, 0x10000)
    m.mem_write(0x10000, code)
    m.reg_write("r32", 5)          # names as IA-64 spells them
    m.run(0x10000, until=0x10040)
    m.reg_read("r8")

Engines: ``engine="interp"`` runs everything in the interpreter;
``engine="jit"`` interprets cold code and compiles hot blocks.
"""

from __future__ import annotations

import re

from frontend.operands import AR_NUMBERS, CR_NUMBERS
from translator import faults, frame, helpers
from translator.faults import GuestFault
from translator.interp import Interpreter

from . import interrupts
from . import state as state_mod
from .memory import PROT_ALL, Memory

M64 = (1 << 64) - 1
ITC_HZ = 400_000_000          # nominal ITC frequency (PAL_FREQ_BASE x ratio)
POLL_SLICE = 20_000           # instructions between device polls without a timer due


class EmulationError(Exception):
    """A run stopped on a guest fault the machine does not deliver."""

    def __init__(self, fault: GuestFault):
        self.fault = fault
        super().__init__(fault.describe())


class Machine:
    def __init__(self, engine: str = "interp", jit_threshold: int = 50, code_cache=True,
                 system: bool = False, virtual_time: bool = True, jit_async: bool = False):
        """``code_cache``: True (the default on-disk cache), False (none) or a
        backend.codecache.CodeCache.

        ``system``: a bare IA-64 machine -- memory is physical (mem_map,
        mem_read and mem_write act on physical addresses), the CPU's
        references go through the MMU as psr.it/dt/rt say, and faults are
        delivered through the IVT instead of stopping the run.  Otherwise a
        flat machine: addresses are used as they are and faults stop the run
        (user programs, the Unicorn-style API).

        ``virtual_time``: ITC follows the instruction count (repeatable runs);
        otherwise it follows the host clock at ITC_HZ.

        ``jit_async``: LLVM compiles on a background thread while the
        interpreter goes on (the command line's choice); off, a hot block is
        compiled before it runs again (tests, benchmarks)."""
        if engine not in ("interp", "jit"):
            raise ValueError(f"unknown engine {engine!r} (use 'jit' or 'interp')")
        self.engine = engine
        self.system = system
        self.state = state_mod.CPUState()
        self.state.CTL = state_mod.CTL
        self.state.N_STACKED = state_mod.N_STACKED
        self.phys = Memory()
        self.mem = self.phys
        self.mmu = None
        self.lsapic = None        # the platform's LSAPIC (ia64jit/platform/lsapic.py)
        self.platform = None
        self.exit_status = None   # set when the guest powers off
        self.stats_interruptions = {}
        self.virtual_time = virtual_time
        self._poll_flag = False
        if system:
            from .mmu import MMU
            from .vmem import VirtualMemory
            from .platform.lsapic import LSAPIC
            # (the local SAPIC and interval timer are part of the processor)
            self.lsapic = LSAPIC(self.state, itc=self.read_itc)
            self.mmu = MMU(self.state, self._read_phys)
            self.mmu.on_range_change.append(self.translation_changed)
            # A TC entry the MMU evicts may live on in the soft-TLB: legal (a
            # bigger TC); only purges must remove translations.
            self.mmu.notify_evictions = False
            self.mem = VirtualMemory(self)
        self.helpers = helpers.attach(self)
        if system:
            from . import sysops
            sysops.install(self)
            if not virtual_time:
                import time
                t0 = time.perf_counter_ns()
                self.itc = lambda: ((time.perf_counter_ns() - t0) * ITC_HZ // 10**9
                                    + int(self.state.ar[44])) & M64
        self.interp = Interpreter(self)
        self.phys.on_code_write = self._code_written
        self.phys.on_unmap = self._unmapped
        self.jit = None
        if engine == "jit":
            from backend.jit import JIT
            self.jit = JIT(self, threshold=jit_threshold, code_cache=code_cache,
                           async_compile=jit_async)
        self._block_hooks = []
        self._insn_hooks = []
        self._fault_handlers = []

    # ------------------------------------------------------------ memory
    def mem_map(self, addr: int, size: int, prot: int = PROT_ALL):
        return self.phys.map(addr, size, prot)

    def mem_unmap(self, addr: int, size: int) -> None:
        self.phys.unmap(addr, size)

    def _read_phys(self, pa: int, size: int) -> int:
        return self.phys.load(pa, size)

    def _unmapped(self, addr: int, size: int) -> None:
        """Translations of and through unmapped pages must go."""
        self.interp.invalidate(addr, addr + size)
        if self.jit is not None:
            self.jit.flush_tlb()
            if self.system:
                self.jit.invalidate_phys(addr >> 12, (addr + size + 4095) >> 12)
            else:
                self.jit.invalidate(addr, addr + size)

    def mem_write(self, addr: int, data: bytes) -> None:
        """Write guest memory (physical memory on a system machine)."""
        self.phys.write(addr, bytes(data))

    def mem_read(self, addr: int, size: int) -> bytes:
        return self.phys.read(addr, size)

    def virt_read(self, va: int, size: int) -> bytes:
        """Read through the CPU's current translation (raises its fault)."""
        return self.mem.read(va, size)

    def _code_written(self, page: int) -> None:
        start = page << 12
        self.interp.invalidate(start, start + 4096)
        if self.jit is not None:
            if self.system:
                self.jit.invalidate_phys(page, page + 1)
            else:
                self.jit.invalidate(start, start + 4096)
        self.phys.code_pages.discard(page)

    # ------------------------------------------------------------ system events
    def translation_changed(self, sides: str = "id", va=None, ps=None) -> None:
        """Translations (TLB, region/key registers, psr.cpl/it/dt/...) changed:
        lookups keyed by virtual address must be redone.  ``sides``: "i", "d",
        "id", or "cpl" (only the privilege level: the JIT's table is keyed by
        it and stays)."""
        if va is not None:
            # one range changed (itc, itr, ptc.l, ptr): the same page offset
            # bits in any region may name it (rids are not part of our keys)
            span = 1 << max(ps or 12, 12)
            lo = va & ~(span - 1) & ((1 << 61) - 1)
            if "d" in sides and self.jit is not None:
                self.jit.flush_tlb_range(lo, span)
            if "i" in sides:
                cache = self.interp.cache
                for ip in [ip for ip in cache if 0 <= (ip & ((1 << 61) - 1)) - lo < span]:
                    del cache[ip]
                if self.jit is not None:
                    self.jit.context_changed(lo, span)
            return
        if ("d" in sides or sides == "cpl") and self.jit is not None:
            self.jit.flush_tlb()
        if "i" in sides or sides == "cpl":
            self.interp.cache.clear()
            if self.jit is not None and sides != "cpl":
                self.jit.context_changed()

    def request_poll(self) -> None:
        """Something may have made an interrupt deliverable: leave compiled
        code / the interpreter after the current instruction and poll."""
        self._poll_flag = True
        self.interp.stop_now = True
        # compiled code stops at its next block entry (the entry check is
        # signed: a budget below the not yet written-back icount stops it)
        ctl, C = self.state.ctl, self.state.CTL
        ctl[C["budget"]] = ctl[C["icount"]]

    def interrupt_pending(self) -> bool:
        """Any vector waiting in the LSAPIC's IRR."""
        cr = self.state.cr
        return self.lsapic is not None and bool(int(cr[68]) | int(cr[69]) | int(cr[70]) |
                                                int(cr[71]))

    def timer_due_in_slice(self) -> bool:
        """Whether the interval timer now matches before the current slice
        ends (always, without virtual time: the slice is not exact then)."""
        if self.lsapic is None:
            return False
        if not self.virtual_time:
            return True
        itc = self.read_itc()
        due = self.lsapic.next_timer_itc(itc)
        if due is None:
            return False
        ctl, C = self.state.ctl, self.state.CTL
        now = ctl[C["icount"]] + ctl[C["icount_pending"]]
        return now + ((due - itc) & M64) < self._slice_end

    _slice_end = 0

    def poweroff(self, status: int = 0) -> None:
        self.exit_status = status
        self.halt()

    # ------------------------------------------------------------ registers
    def reg_read(self, name: str) -> int:
        kind, idx = self._reg(name)
        st, ctl, C = self.state, self.state.ctl, self.state.CTL
        if kind == "gr":
            if idx < 32:
                return int(st.gr[idx])
            return int(st.stk[frame.gr_phys(ctl, C, idx, st.N_STACKED)])
        if kind == "nat":
            if idx < 32:
                return int(st.gr_nat[idx])
            return int(st.stk_nat[frame.gr_phys(ctl, C, idx, st.N_STACKED)])
        if kind == "fr":
            p = frame.fr_phys(ctl, C, idx)
            return int(st.fr_se[p]) << 64 | int(st.fr_sig[p])
        if kind == "pr":
            return int(st.pr[frame.pr_phys(ctl, C, idx)])
        if kind == "prs":
            return sum(int(st.pr[frame.pr_phys(ctl, C, n)]) << n for n in range(64))
        if kind == "br":
            return int(st.br[idx])
        if kind == "ar":
            return int(st.ar[idx])
        if kind == "cr":
            return int(st.cr[idx])
        if kind == "cfm":
            return frame.cfm_pack(*(ctl[C[k]] for k in ("cfm_sof", "cfm_sol", "cfm_sor",
                                                         "rrb_gr", "rrb_fr", "rrb_pr")))
        return int(ctl[C[kind]])

    def reg_write(self, name: str, value: int) -> None:
        kind, idx = self._reg(name)
        st, ctl, C = self.state, self.state.ctl, self.state.CTL
        value &= M64 if kind != "fr" else (1 << 82) - 1
        if kind in ("gr", "nat"):
            if idx == 0:
                raise ValueError("r0 is read-only")
            arr = (st.gr if kind == "gr" else st.gr_nat) if idx < 32 else \
                (st.stk if kind == "gr" else st.stk_nat)
            i = idx if idx < 32 else frame.gr_phys(ctl, C, idx, st.N_STACKED)
            arr[i] = value if kind == "gr" else (1 if value else 0)
        elif kind == "fr":
            if idx < 2:
                raise ValueError(f"f{idx} is read-only")
            p = frame.fr_phys(ctl, C, idx)
            st.fr_se[p] = value >> 64
            st.fr_sig[p] = value & M64
        elif kind == "pr":
            if idx == 0:
                raise ValueError("p0 is read-only")
            st.pr[frame.pr_phys(ctl, C, idx)] = 1 if value else 0
        elif kind == "prs":
            for n in range(1, 64):
                st.pr[frame.pr_phys(ctl, C, n)] = (value >> n) & 1
        elif kind == "br":
            st.br[idx] = value
        elif kind == "ar":
            st.ar[idx] = value
        elif kind == "cr":
            st.cr[idx] = value
        elif kind == "cfm":
            for k, v in zip(("cfm_sof", "cfm_sol", "cfm_sor", "rrb_gr", "rrb_fr", "rrb_pr"),
                            frame.cfm_unpack(value)):
                ctl[C[k]] = v
        else:
            ctl[C[kind]] = value

    _REG_RE = re.compile(r"^(r|f|p|b)(\d+)(\.nat)?$")

    def _reg(self, name: str):
        n = name.strip().lower()
        m = self._REG_RE.match(n)
        if m:
            idx = int(m.group(2))
            kind = {"r": "gr", "f": "fr", "p": "pr", "b": "br"}[m.group(1)]
            limit = {"gr": 128, "fr": 128, "pr": 64, "br": 8}[kind]
            if idx < limit and (not m.group(3) or kind == "gr"):
                return ("nat" if m.group(3) else kind), idx
        elif n in AR_NUMBERS:
            return "ar", AR_NUMBERS[n]
        elif n in CR_NUMBERS:
            return "cr", CR_NUMBERS[n]
        elif re.match(r"^ar\d+$", n) and int(n[2:]) < 128:
            return "ar", int(n[2:])
        elif re.match(r"^cr\d+$", n) and int(n[2:]) < 128:
            return "cr", int(n[2:])
        elif n == "pr":
            return "prs", 0
        elif n in ("ip", "ri", "psr", "cfm", "icount", "bof"):
            return n, 0
        raise ValueError(f"unknown register {name!r}")

    # ------------------------------------------------------------ hooks
    def hook_insn(self, fn):
        """fn(machine, ip, slot, insn) before every instruction (interpreter only)."""
        self._insn_hooks.append(fn)
        self.interp.insn_hook = self._call_insn_hooks

    def hook_block(self, fn):
        """fn(machine, ip) whenever execution reaches a new bundle address
        after a taken branch or a run start.  While block hooks are
        installed, execution stays in the interpreter (compiled blocks run
        on into each other without a stop between them)."""
        self._block_hooks.append(fn)

    def _call_insn_hooks(self, ip, slot, insn):
        for h in self._insn_hooks:
            h(self, ip, slot, insn)

    # ------------------------------------------------------------ running
    def run(self, start: int | None = None, until: int | None = None,
            count: int | None = None) -> int:
        """Run from ``start`` (bundle address, slot 0) or the current ip/ri
        until ip reaches ``until`` (at slot 0) or ``count`` instructions.

        Returns the number of instructions executed.  A guest fault that no
        handler takes raises EmulationError (state: as before the faulting
        instruction; ip/ri name it).  A system machine delivers faults and
        external interrupts through the IVT and stops when the guest powers
        off (``exit_status``)."""
        ctl, C = self.state.ctl, self.state.CTL
        ICOUNT = C["icount"]
        if start is not None:
            ctl[C["ip"]] = start & M64
            ctl[C["ri"]] = 0
        limit = count if count is not None else 1 << 62
        start_count = ctl[ICOUNT]
        self._halted = False
        stuck, first = 0, None
        while not self._halted:
            done = (ctl[ICOUNT] - start_count) & M64
            remaining = limit - done
            if remaining <= 0:
                break
            if until is not None and ctl[C["ip"]] == until and ctl[C["ri"]] == 0:
                break
            step = remaining
            if self.system:
                self._poll()
                step = min(step, self._slice())
                self._slice_end = ctl[ICOUNT] + step
            self._poll_flag = False
            self.interp.stop_now = False
            before = ctl[ICOUNT]
            try:
                if self.jit is not None and not self._insn_hooks and not self._block_hooks \
                        and not self.interp.trace:
                    self.jit.run(step, until)
                else:
                    self._interp_step(step, until)
            except GuestFault as f:
                if ctl[ICOUNT] == before:
                    stuck += 1
                    first = first or f
                else:
                    stuck, first = 0, f
                if stuck > 1000:
                    raise EmulationError(GuestFault(
                        f.code, f.ip, f.slot, f.arg,
                        f"interruption loop: {f.name} again and again with no progress; "
                        f"it began with {first.describe()}")) from None
                if self._handle_fault(f):
                    continue
                raise EmulationError(f) from None
        return (ctl[ICOUNT] - start_count) & M64

    # ------------------------------------------------------------ system run loop
    def read_itc(self) -> int:
        return helpers.read_itc(self)

    def _slice(self) -> int:
        """Instructions to run before the next poll: up to the next timer
        event under virtual time (so interrupts land on exact instruction
        counts), otherwise a bounded slice."""
        if self.lsapic is None:
            return POLL_SLICE
        itc = self.read_itc()
        due = self.lsapic.next_timer_itc(itc)
        if due is None or not self.virtual_time:
            return POLL_SLICE
        return max(1, min(POLL_SLICE, due - itc))

    def _poll(self) -> None:
        """Timer and devices; deliver an external interrupt when one is
        pending, unmasked and psr.i allows it."""
        lsapic = self.lsapic
        if lsapic is None:
            return
        if self.platform is not None and hasattr(self.platform, "poll"):
            self.platform.poll(self.read_itc())
        else:
            lsapic.timer_tick(self.read_itc())
        ctl, C = self.state.ctl, self.state.CTL
        psr = int(ctl[C["psr"]])
        if (psr >> 14) & 1 and lsapic.pending(psr) is not None:
            interrupts.deliver(self, GuestFault(faults.EXTERNAL_INTERRUPT, int(ctl[C["ip"]]),
                                                int(ctl[C["ri"]])))

    def idle(self) -> None:
        """The guest waits for an interrupt (PAL_HALT_LIGHT): under virtual
        time the ITC jumps to the next timer event, as if the CPU had idled
        until then; with real time nothing needs doing."""
        if not self.virtual_time or self.lsapic is None:
            return
        itc = self.read_itc()
        due = self.lsapic.next_timer_itc(itc)
        if due is not None and (due - itc) & M64 < 1 << 62:
            self.state.ar[44] = (int(self.state.ar[44]) + ((due - itc) & M64)) & M64

    def advance(self) -> None:
        """Step over the instruction at ip/ri (a break the host served)."""
        ctl, C = self.state.ctl, self.state.CTL
        ctl[C["ip"]], ctl[C["ri"]] = interrupts.next_slot(self, int(ctl[C["ip"]]),
                                                         int(ctl[C["ri"]]))
        ctl[C["icount"]] = (ctl[C["icount"]] + 1) & M64

    _halted = False

    def halt(self):
        """Stop the current run after the executing instruction."""
        self._halted = True

    def _interp_step(self, remaining, until):
        """Interpret; with block hooks, one bundle at a time."""
        if not self._block_hooks:
            return self.interp.run(remaining, until)
        ctl, C = self.state.ctl, self.state.CTL
        n = 0
        while n < remaining and not self._halted:
            ip = ctl[C["ip"]]
            if until is not None and ip == until and ctl[C["ri"]] == 0 and n:
                break
            if ctl[C["ri"]] == 0:
                for h in self._block_hooks:
                    h(self, ip)
            n += self.interp.run(min(remaining - n, 3 - ctl[C["ri"]]))
        return n

    def add_fault_handler(self, fn):
        """fn(machine, GuestFault) -> True if handled (state updated to go on)."""
        self._fault_handlers.append(fn)

    def _handle_fault(self, f: GuestFault) -> bool:
        for h in self._fault_handlers:
            if h(self, f):
                return True
        if not self.system:
            return False
        if f.code == faults.BREAK and self.platform is not None:
            try:
                served = self.platform.on_break(self, f.arg)
            except GuestFault as inner:       # a firmware stub's own slip: name where
                inner.ip, inner.slot = f.ip, f.slot
                raise EmulationError(GuestFault(
                    inner.code, f.ip, f.slot, detail=f"while serving break {f.arg:#x}: "
                    f"{inner.detail or inner.name}")) from None
            if served:
                if not self._halted:
                    self.advance()
                return True
        if f.code in interrupts.VECTOR:
            interrupts.deliver(self, f)
            return True
        return False


__all__ = ["Machine", "EmulationError", "faults"]
