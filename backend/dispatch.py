"""The native dispatcher: compiled code finds and calls compiled blocks.

A direct-mapped table (numpy, 2^16 entries of (key, host address); key =
bundle address | slot) maps guest addresses to compiled blocks.  The
dispatcher loop is itself compiled: it looks up the state's ip/ri, calls
the block, and goes round until a block reports an exit, the table misses,
the instruction budget is used up or ip reaches the stop key.  Python runs
only on those events.

Profiling (backend/profile.py) swaps in a second build of the loop that,
per block call, adds one entry, the host cycles since the previous call
returned (``llvm.readcyclecounter``: the look-up and the call) and the guest
instructions the call retired (the ``icount`` delta) to a counter array
parallel to the table.  The plain loop
is untouched, so a run that does not profile pays nothing.  The dispatcher
module is never cached (it embeds the table's and the counters' addresses);
the blocks it calls are.
"""

from __future__ import annotations

import ctypes

import llvmlite.binding as llvm
import numpy as np
from llvmlite import ir

from translator.irgen import EXIT_BUDGET, EXIT_MISS, EXIT_STOP   # (the one table)

I1, I8, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(64)
TABLE_BITS = 16
EMPTY = (1 << 64) - 1


def _index(key: int) -> int:
    return ((key >> 4) ^ ((key & 0xF) << 12)) & ((1 << TABLE_BITS) - 1)


CPL_KEY_MASK = 0xC


def table_key(key: int, psr: int) -> int:
    """A table key: bundle address | slot | psr.cpl << 2.  Translated code
    may only be entered at the privilege it was reached at (execute rights
    depend on it), and keying by cpl means a privilege change -- every
    system call and interruption -- needs no flush of the table."""
    return key | ((psr >> 30) & CPL_KEY_MASK)


def emit_key(b, plain, psr, const):
    """IR for a table key (``plain`` = ip | ri, with the cpl of ``psr``)
    and the cpl's bits in it.  ``b`` is an IR builder (llvmlite.ir's or
    translator/irtext's), ``const(v)`` an i64."""
    cpl_bits = b.and_(b.lshr(psr, const(30)), const(CPL_KEY_MASK))
    return b.or_(plain, cpl_bits), cpl_bits


def emit_offset(b, key, const):
    """IR for the byte offset of ``key``'s slot (the hash)."""
    idx = b.and_(b.xor(b.lshr(key, const(4)), b.shl(b.and_(key, const(0xF)), const(12))),
                 const((1 << TABLE_BITS) - 1))
    return b.mul(idx, const(16))


def emit_static_offset(b, plain: int, cpl_bits, const):
    """emit_offset for an address known at translation time (a static
    successor): a constant but for the cpl's bits, which the hash moves
    to bits 14-15 of the index (18-19 of the offset), apart from the
    address's -- so going on to a static successor costs no hashing."""
    return b.xor(const(_index(plain) * 16), b.shl(cpl_bits, const(16)))


def emit_lookup(b, plain, psr, const):
    """IR for a table look-up (the dispatcher's loop, and blocks going on
    to the next block themselves): the key and the byte offset of its slot."""
    key, _ = emit_key(b, plain, psr, const)
    return key, emit_offset(b, key, const)


# Columns of the profiling counters (one row per table slot).
PROF_ENTRIES, PROF_CYCLES, PROF_INSNS = 0, 1, 2


class Dispatcher:
    def __init__(self, layout, target_machine_factory):
        self.table = np.full((1 << TABLE_BITS, 2), EMPTY, dtype=np.uint64)
        self._occupied = set()
        self.layout = layout
        self._tm_factory = target_machine_factory
        self._engine = None
        self._fn = None
        self._plain = None        # (engine, fn) of the loop without counters, while profiling
        self._counting = None     # (engine, fn) of the loop with counters, once built
        self.counters = None      # profiling: uint64[2^TABLE_BITS, 3], else None
        self._on_evict = None     # profiling: f(slot, key, addr) before a slot changes
        self._engine, self._fn = self._build(target_machine_factory)

    # ------------------------------------------------------------ the table
    def insert(self, key: int, addr: int) -> None:
        """``key``: a table key (see table_key)."""
        i = _index(key)
        if self._on_evict is not None and int(self.table[i, 0]) != EMPTY:
            self._on_evict(i, int(self.table[i, 0]) & ~CPL_KEY_MASK, int(self.table[i, 1]))
        self.table[i, 0] = key
        self.table[i, 1] = addr
        self._occupied.add(i)

    def remove(self, key: int) -> None:
        """Remove a block's entries (``key``: address | slot, any cpl)."""
        key &= ~CPL_KEY_MASK
        for cpl in range(4):
            k = key | cpl << 2
            i = _index(k)
            if int(self.table[i, 0]) == k:
                if self._on_evict is not None:
                    self._on_evict(i, key, int(self.table[i, 1]))
                self.table[i, 0] = EMPTY

    def clear(self) -> None:
        if self._on_evict is not None:
            for i in np.nonzero(self.table[:, 0] != EMPTY)[0]:
                self._on_evict(int(i), int(self.table[i, 0]) & ~CPL_KEY_MASK,
                               int(self.table[i, 1]))
        if len(self._occupied) < 4096:        # (only what was filled since the last clear)
            self.table[list(self._occupied), 0] = EMPTY
        else:
            self.table[:, 0] = EMPTY
        self._occupied = set()

    def remove_range(self, lo: int, span: int, offset_mask: int) -> None:
        """Remove the entries whose address, masked, lies in [lo, lo + span)."""
        for i in list(self._occupied):
            k = int(self.table[i, 0])
            if k != EMPTY and ((k & offset_mask & ~0xF) - lo) & ((1 << 64) - 1) < span:
                if self._on_evict is not None:
                    self._on_evict(i, k & ~CPL_KEY_MASK, int(self.table[i, 1]))
                self.table[i, 0] = EMPTY

    def live_slots(self):
        """(slot, key: address | slot, host address) of every occupied slot."""
        for i in np.nonzero(self.table[:, 0] != EMPTY)[0]:
            yield int(i), int(self.table[i, 0]) & ~CPL_KEY_MASK, int(self.table[i, 1])

    # ------------------------------------------------------------ profiling
    def enable_profiling(self, on_evict) -> np.ndarray:
        """Switch to the counting loop; returns its counter array.

        ``on_evict(slot, key, addr)`` is called before an occupied slot is
        overwritten, removed or cleared, so the caller can move the slot's
        counts to the block that owned it (the counters are per slot)."""
        if self.counters is None:
            self.counters = np.zeros((1 << TABLE_BITS, 3), dtype=np.uint64)
            self._counting = self._build(self._tm_factory, self.counters)
        if self._plain is None:
            self._plain = (self._engine, self._fn)
            self._engine, self._fn = self._counting
        self._on_evict = on_evict
        return self.counters

    def disable_profiling(self) -> None:
        """Back to the plain loop (the counters array stays readable)."""
        if self._plain is not None:
            self._engine, self._fn = self._plain
            self._plain = None
        self._on_evict = None

    @property
    def profiling(self) -> bool:
        return self._plain is not None

    # ------------------------------------------------------------ the loop
    def _build(self, tm_factory, counters=None):
        """Compile the loop; with ``counters``, the counting variant."""
        lay = self.layout
        mod = ir.Module(name="dispatch")
        fn = ir.Function(mod, ir.FunctionType(I64, [I8.as_pointer(), I64]), name="dispatch")
        st, stop_key = fn.args
        entry = fn.append_basic_block("entry")
        loop = fn.append_basic_block("loop")
        b = ir.IRBuilder(entry)

        def field(name, builder):
            p = builder.gep(st, [ir.Constant(I64, lay.offset(name))], inbounds=True)
            return builder.bitcast(p, I64.as_pointer())

        if counters is not None:
            rdcc = ir.Function(mod, ir.FunctionType(I64, []), name="llvm.readcyclecounter")
            t_entry = b.call(rdcc, [])
        b.branch(loop)
        b = ir.IRBuilder(loop)
        if counters is not None:
            # One cycle-counter read per block call (a read costs tens of
            # cycles): a call is charged from the previous read, so its
            # table look-up is part of its cost.
            t_prev = b.phi(I64, name="t_prev")
            t_prev.add_incoming(t_entry, entry)
        icount = b.load(field("icount", b))
        budget = b.load(field("budget", b))
        out_of_budget = b.icmp_unsigned(">=", icount, budget)
        with b.if_then(out_of_budget, likely=False):
            b.ret(ir.Constant(I64, EXIT_BUDGET))
        plain = b.or_(b.load(field("ip", b)), b.load(field("ri", b)))
        with b.if_then(b.icmp_unsigned("==", plain, stop_key), likely=False):
            b.ret(ir.Constant(I64, EXIT_STOP))
        key, offset = emit_lookup(b, plain, b.load(field("psr", b)), lambda v: ir.Constant(I64, v))
        idx = b.lshr(offset, ir.Constant(I64, 4))       # (the profiling counters' row)
        base = ir.Constant(I64, self.table.ctypes.data)
        slot = b.add(base, offset)
        ekey = b.load(b.inttoptr(slot, I64.as_pointer()))
        with b.if_then(b.icmp_unsigned("!=", ekey, key), likely=False):
            b.ret(ir.Constant(I64, EXIT_MISS))
        target = b.load(b.inttoptr(b.add(slot, ir.Constant(I64, 8)), I64.as_pointer()))
        blockty = ir.FunctionType(I64, [I8.as_pointer()])
        if counters is None:
            r = b.call(b.inttoptr(target, blockty.as_pointer()), [st])
        else:
            r = b.call(b.inttoptr(target, blockty.as_pointer()), [st])
            t1 = b.call(rdcc, [])
            retired = b.sub(b.load(field("icount", b)), icount)
            row = b.add(ir.Constant(I64, counters.ctypes.data), b.mul(idx, ir.Constant(I64, 24)))
            for col, delta in ((PROF_ENTRIES, ir.Constant(I64, 1)),
                               (PROF_CYCLES, b.sub(t1, t_prev)), (PROF_INSNS, retired)):
                p = b.inttoptr(b.add(row, ir.Constant(I64, 8 * col)), I64.as_pointer())
                b.store(b.add(b.load(p), delta), p)
        with b.if_then(b.icmp_unsigned("!=", r, ir.Constant(I64, 0)), likely=False):
            b.ret(r)
        if counters is not None:
            t_prev.add_incoming(t1, b.block)
        b.branch(loop)

        llmod = llvm.parse_assembly(str(mod))
        llmod.verify()
        # Through an object file, so perf maps can give the loop's size.
        obj = tm_factory().emit_object(llmod)
        engine = llvm.create_mcjit_compiler(llvm.parse_assembly(""), tm_factory())
        engine.add_object_file(llvm.ObjectFileRef.from_data(obj))
        engine.finalize_object()
        engine.object_code = obj
        addr = engine.get_function_address("dispatch")
        return engine, ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_void_p, ctypes.c_uint64)(addr)

    def code(self):
        """(host address, object code, name) of the running loop, for perf maps."""
        return (self._engine.get_function_address("dispatch"), self._engine.object_code,
                "ia64jit dispatch" + (" (profiling)" if self.profiling else ""))

    @property
    def table_address(self) -> int:
        return self.table.ctypes.data

    def run(self, state_addr: int, stop_key: int) -> int:
        return self._fn(state_addr, stop_key)
