"""The native dispatcher: compiled code finds and calls compiled blocks.

A direct-mapped table (numpy, 2^16 entries of (key, host address); key =
bundle address | slot) maps guest addresses to compiled blocks.  The
dispatcher loop is itself compiled: it looks up the state's ip/ri, calls
the block, and goes round until a block reports an exit, the table misses,
the instruction budget is used up or ip reaches the stop key.  Python runs
only on those events.
"""

from __future__ import annotations

import ctypes

import llvmlite.binding as llvm
import numpy as np
from llvmlite import ir

I1, I8, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(64)
TABLE_BITS = 16
EMPTY = (1 << 64) - 1

EXIT_BUDGET, EXIT_MISS, EXIT_STOP = 1, 2, 6


def _index(key: int) -> int:
    return ((key >> 4) ^ ((key & 3) << 14)) & ((1 << TABLE_BITS) - 1)


class Dispatcher:
    def __init__(self, layout, target_machine_factory):
        self.table = np.full((1 << TABLE_BITS, 2), EMPTY, dtype=np.uint64)
        self.layout = layout
        self._engine = None
        self._fn = None
        self._build(target_machine_factory)

    # ------------------------------------------------------------ the table
    def insert(self, key: int, addr: int) -> None:
        i = _index(key)
        self.table[i, 0] = key
        self.table[i, 1] = addr

    def remove(self, key: int) -> None:
        i = _index(key)
        if int(self.table[i, 0]) == key:
            self.table[i, 0] = EMPTY

    def clear(self) -> None:
        self.table[:, 0] = EMPTY

    # ------------------------------------------------------------ the loop
    def _build(self, tm_factory):
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

        b.branch(loop)
        b = ir.IRBuilder(loop)
        icount = b.load(field("icount", b))
        budget = b.load(field("budget", b))
        out_of_budget = b.icmp_unsigned(">=", icount, budget)
        with b.if_then(out_of_budget, likely=False):
            b.ret(ir.Constant(I64, EXIT_BUDGET))
        key = b.or_(b.load(field("ip", b)), b.load(field("ri", b)))
        with b.if_then(b.icmp_unsigned("==", key, stop_key), likely=False):
            b.ret(ir.Constant(I64, EXIT_STOP))
        idx = b.and_(b.xor(b.lshr(key, ir.Constant(I64, 4)),
                           b.shl(b.and_(key, ir.Constant(I64, 3)), ir.Constant(I64, 14))),
                     ir.Constant(I64, (1 << TABLE_BITS) - 1))
        base = ir.Constant(I64, self.table.ctypes.data)
        slot = b.add(base, b.mul(idx, ir.Constant(I64, 16)))
        ekey = b.load(b.inttoptr(slot, I64.as_pointer()))
        with b.if_then(b.icmp_unsigned("!=", ekey, key), likely=False):
            b.ret(ir.Constant(I64, EXIT_MISS))
        target = b.load(b.inttoptr(b.add(slot, ir.Constant(I64, 8)), I64.as_pointer()))
        blockty = ir.FunctionType(I64, [I8.as_pointer()])
        r = b.call(b.inttoptr(target, blockty.as_pointer()), [st])
        with b.if_then(b.icmp_unsigned("!=", r, ir.Constant(I64, 0)), likely=False):
            b.ret(r)
        b.branch(loop)

        llmod = llvm.parse_assembly(str(mod))
        llmod.verify()
        engine = llvm.create_mcjit_compiler(llmod, tm_factory())
        engine.finalize_object()
        self._engine = engine
        addr = engine.get_function_address("dispatch")
        self._fn = ctypes.CFUNCTYPE(ctypes.c_uint64, ctypes.c_void_p, ctypes.c_uint64)(addr)

    def run(self, state_addr: int, stop_key: int) -> int:
        return self._fn(state_addr, stop_key)
