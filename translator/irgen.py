"""The IR emitter: the semantics, consumed a second time, build LLVM IR.

``BlockCompiler`` turns one translation block into ``i64 blk(ptr state)``.
A block is a trace of bundles within one page: it goes on through
unconditional jumps and through conditional branches the profile saw
mostly taken (trace_successor), leaves by side exits where a branch goes
the other way, and ends at other control transfers.  The function executes
the block on the state buffer in place and returns an exit reason (EXIT_*,
below; 0: go on at ``state.ip``, which a block does itself by chaining to
the next one).
The IR is written as text (translator/irtext.py).  Guest registers the
block touches are SSA values; every exit first writes back what the block
wrote, so faults are precise to the slot.  A block that branches to its own
start becomes a real loop inside the function, bounded by the instruction
budget.

The layout of the state buffer and the addresses of runtime entry points are
given by the caller (the backend), so nothing here depends on ``ia64jit``.
"""

from __future__ import annotations


from frontend.decoder import decode_bundle as _decode_bundle
from . import faults
from . import irtext as ir
from .helpers import PLAIN, RAISING
from .semantics import lookup

I1, I8, I32, I64 = ir.IntType(1), ir.IntType(8), ir.IntType(32), ir.IntType(64)
PTR = ir.PTR
M64 = (1 << 64) - 1

# Exit reasons: what a block (or the dispatcher loop, backend/dispatch.py)
# returns; the runtime (backend/jit.py) acts on them.  One table for all.
EXIT_OK = 0            # go on at state.ip
EXIT_BUDGET = 1        # not enough instruction budget left for the block
EXIT_MISS = 2          # (dispatcher) no compiled block for state.ip
EXIT_FAULT = 4         # a fault: pending in the runtime, or code | arg << 8 in exit_arg
EXIT_STOP = 6          # (dispatcher) state.ip reached the stop address
EXIT_INTERP = 7        # the block cannot run here: interpret it (nothing has changed)
EXIT_TIERUP = 8        # this loop is hot: compile it again at tier 2 (exit_arg: its start)
TIERUP_SLOTS = 4096    # loop counters (state.tierup_table), by block start


class Untranslatable(Exception):
    """The block contains something the IR emitter cannot express."""


class _NeedsBranch(Exception):
    """A predicated instruction does more than compute and write registers
    (memory, a fault, a branch, the runtime): it runs under a branch."""


class IREmitter:
    """translator/emitter.py over translator/irtext, for one block function."""

    def __init__(self, comp, builder):
        self.c = comp
        self.b = builder
        self.ip = 0
        self.slot = 0
        self.qp = None
        self.pred = None       # qp of a predicated instruction emitted as selects

    # ------------------------------------------------------------ values
    def _v(self, x):
        if isinstance(x, int):
            return ir.Constant(I64, x & M64)
        if x.type == I1:
            return self.b.zext(x, I64)
        return x

    def _c(self, x):
        if isinstance(x, int):
            return ir.Constant(I1, 1 if x else 0)
        if x.type != I1:
            return self.b.icmp_unsigned("!=", x, ir.Constant(x.type, 0))
        return x

    def const(self, v):
        return ir.Constant(I64, v & M64)

    def add(self, a, b):
        return self.b.add(self._v(a), self._v(b))

    def sub(self, a, b):
        return self.b.sub(self._v(a), self._v(b))

    def mul(self, a, b):
        return self.b.mul(self._v(a), self._v(b))

    def and_(self, a, b):
        return self.b.and_(self._v(a), self._v(b))

    def or_(self, a, b):
        return self.b.or_(self._v(a), self._v(b))

    def xor(self, a, b):
        return self.b.xor(self._v(a), self._v(b))

    def andcm(self, a, b):
        return self.b.and_(self._v(a), self.b.not_(self._v(b)))

    def shl(self, a, n):
        return self.b.shl(self._v(a), self._v(n))

    def lshr(self, a, n):
        return self.b.lshr(self._v(a), self._v(n))

    def ashr(self, a, n):
        return self.b.ashr(self._v(a), self._v(n))

    def _sat(self, op, a, n, big):
        n = self._v(n)
        inrange = self.b.icmp_unsigned("<", n, ir.Constant(I64, 64))
        safe = self.b.and_(n, ir.Constant(I64, 63))
        return self.b.select(inrange, op(self._v(a), safe), big)

    def shl_sat(self, a, n):
        return self._sat(self.b.shl, a, n, ir.Constant(I64, 0))

    def lshr_sat(self, a, n):
        return self._sat(self.b.lshr, a, n, ir.Constant(I64, 0))

    def ashr_sat(self, a, n):
        a = self._v(a)
        return self._sat(self.b.ashr, a, n, self.b.ashr(a, ir.Constant(I64, 63)))

    def not_(self, a):
        return self.b.not_(self._v(a))

    def neg(self, a):
        return self.b.neg(self._v(a))

    def _intrinsic(self, name, args, ret=I64):
        fn = self.c.intrinsic(name, ret, [a.type for a in args])
        return self.b.call(fn, args)

    def popcnt(self, a):
        return self._intrinsic("llvm.ctpop.i64", [self._v(a)])

    def clz(self, a):
        return self._intrinsic("llvm.ctlz.i64", [self._v(a), ir.Constant(I1, 0)])

    def umulh(self, a, b):
        i128 = ir.IntType(128)
        p = self.b.mul(self.b.zext(self._v(a), i128), self.b.zext(self._v(b), i128))
        return self.b.trunc(self.b.lshr(p, ir.Constant(i128, 64)), I64)

    def smulh(self, a, b):
        i128 = ir.IntType(128)
        p = self.b.mul(self.b.sext(self._v(a), i128), self.b.sext(self._v(b), i128))
        return self.b.trunc(self.b.ashr(p, ir.Constant(i128, 64)), I64)

    def sext(self, a, bits):
        if bits >= 64:
            return self._v(a)
        t = ir.IntType(bits)
        return self.b.sext(self.b.trunc(self._v(a), t), I64)

    def zext(self, a, bits):
        if bits >= 64:
            return self._v(a)
        return self.b.and_(self._v(a), ir.Constant(I64, (1 << bits) - 1))

    def _cmp_u(self, op, a, b):
        return self.b.icmp_unsigned(op, self._v(a), self._v(b))

    def _cmp_s(self, op, a, b):
        return self.b.icmp_signed(op, self._v(a), self._v(b))

    def eq(self, a, b):
        return self._cmp_u("==", a, b)

    def ne(self, a, b):
        return self._cmp_u("!=", a, b)

    def ult(self, a, b):
        return self._cmp_u("<", a, b)

    def ule(self, a, b):
        return self._cmp_u("<=", a, b)

    def ugt(self, a, b):
        return self._cmp_u(">", a, b)

    def uge(self, a, b):
        return self._cmp_u(">=", a, b)

    def slt(self, a, b):
        return self._cmp_s("<", a, b)

    def sle(self, a, b):
        return self._cmp_s("<=", a, b)

    def sgt(self, a, b):
        return self._cmp_s(">", a, b)

    def sge(self, a, b):
        return self._cmp_s(">=", a, b)

    def land(self, c, d):
        return self.b.and_(self._c(c), self._c(d))

    def lor(self, c, d):
        return self.b.or_(self._c(c), self._c(d))

    def lxor(self, c, d):
        return self.b.xor(self._c(c), self._c(d))

    def lnot(self, c):
        return self.b.not_(self._c(c))

    def to_int(self, c):
        return self.b.zext(self._c(c), I64)

    def truth(self, a):
        return self._c(self._v(a))

    def select(self, c, a, b):
        c = self._c(c)
        if (not isinstance(a, int) and a.type == I1) or (not isinstance(b, int) and b.type == I1):
            return self.b.select(c, self._c(a), self._c(b))
        if isinstance(a, int) and isinstance(b, int) and a in (0, 1) and b in (0, 1):
            return self.b.select(c, self._c(a), self._c(b))
        return self.b.select(c, self._v(a), self._v(b))

    # ------------------------------------------------------------ predication
    def _set(self, key, vals):
        """A register write; under a predicate, the new value where qp holds."""
        if self.pred is not None:
            old = self.c.reg(key)
            vals = tuple(self.b.select(self.pred, v, o) for v, o in zip(vals, old))
        self.c.set_reg(key, vals)

    def _effect(self):
        """What follows is more than arithmetic on registers."""
        if self.pred is not None:
            raise _NeedsBranch

    # ------------------------------------------------------------ state
    def read_gr(self, n):
        if n == 0:
            return ir.Constant(I64, 0), ir.Constant(I1, 0)
        return self.c.reg(("gr", n))

    def write_gr(self, n, v, nat):
        if n == 0:
            self.fault(faults.ILLEGAL_OPERATION)
            return
        self._set(("gr", n), (self._v(v), self._c(nat)))

    def read_pr(self, n):
        if n == 0:
            return ir.Constant(I1, 1)
        return self.c.reg(("pr", n))[0]

    def write_pr(self, n, c):
        if n == 0:
            return
        self._set(("pr", n), (self._c(c),))

    def read_fr(self, n):
        sp, ep = self.c.fr_ptrs(n)
        return self.b.load(sp), self.b.load(ep)

    def write_fr(self, n, sig, se):
        self._effect()
        if n < 2:
            self.fault(faults.ILLEGAL_OPERATION)
            return
        sp, ep = self.c.fr_ptrs(n)
        self.b.store(self._v(sig), sp)
        self.b.store(self.b.and_(self._v(se), ir.Constant(I64, 0x3FFFF)), ep)

    def read_br(self, n):
        return self.c.reg(("br", n))[0]

    def write_br(self, n, v):
        self._set(("br", n), (self._v(v),))

    def read_ar(self, n):
        return self.c.reg(("ar", n))[0]

    def write_ar(self, n, v):
        self._set(("ar", n), (self._v(v),))

    # ------------------------------------------------------------ memory
    def load(self, addr, size, sema=False):
        self._effect()
        return self.c.mem_access(self, self._v(addr), size, None, sema)

    def store(self, addr, v, size, sema=False):
        self._effect()
        self.c.mem_access(self, self._v(addr), size, self._v(v), sema)

    def load_spec(self, addr, size):
        self._effect()
        return self.c.mem_load_spec(self, self._v(addr), size)

    def read_state(self, name, i=0):
        lay = self.c.env.layout
        ty = I64 if lay.dtypes[name].itemsize == 8 else I8
        v = self.b.load(self.c._ptr(name, i, ty))
        return v if ty == I64 else self.b.zext(v, I64)

    @property
    def n_stacked(self):
        return self.c.env.n_stacked

    def write_state(self, name, v, i=0):
        self._effect()
        lay = self.c.env.layout
        ty = I64 if lay.dtypes[name].itemsize == 8 else I8
        v = self._v(v)
        self.b.store(v if ty == I64 else self.b.trunc(v, I8), self.c._ptr(name, i, ty))

    def udiv(self, a, n):
        self._effect()
        return self.b.udiv(self._v(a), self._v(n))

    def urem(self, a, n):
        self._effect()
        return self.b.urem(self._v(a), self._v(n))

    def end_block(self):
        """The frame changed: the block ends after this instruction (its
        cached register pointers stay right for the write-back at the exit)."""
        self._effect()
        self.c.ends_here = True

    # ------------------------------------------------------------ control
    def fault(self, code, cond=None, detail="", arg=0):
        self._effect()
        self.c.fault_exit(self, code, None if cond is None else self._c(cond), arg)

    def branch(self, target, cond=None, slot=0):
        self._effect()
        self.c.note_branch(self, self._v(target), None if cond is None else self._c(cond),
                           None if isinstance(slot, int) and slot == 0 else self._v(slot))

    def helper(self, name, *args):
        self._effect()
        return self.c.call_helper(self, name, [self._v(a) for a in args])

    def helper_if(self, cond, name, *args):
        self._effect()
        c = self._c(cond)
        pre = self.b.block.name
        with self.b.if_then(c):
            r = self.c.call_helper(self, name, [self._v(a) for a in args])
            end = None if self.b.block.is_terminated else self.b.block.name
        if end is None:                 # (the helper always raises)
            return ir.Constant(I64, 0)
        return self.b.phi(I64, [(ir.Constant(I64, 0), pre), (r, end)])

    def fma_ext(self, asig, ase, bsig, bse, csig, cse):
        b = self.b
        I80, I16 = ir.IntType(80), ir.IntType(16)
        fma = self.c.intrinsic("llvm.fma.f80", X86_FP80, [X86_FP80] * 3)

        def to_f80(sig, se):
            sig, se = self._v(sig), self._v(se)
            exp = b.and_(se, ir.Constant(I64, 0x1FFFF))
            zero = b.icmp_unsigned("==", exp, ir.Constant(I64, 0))
            e15 = b.select(zero, ir.Constant(I64, 0),
                           b.sub(exp, ir.Constant(I64, 0xFFFF - 0x3FFF)))
            top = b.or_(b.shl(b.and_(b.lshr(se, ir.Constant(I64, 17)), ir.Constant(I64, 1)),
                              ir.Constant(I64, 15)), b.and_(e15, ir.Constant(I64, 0x7FFF)))
            bits = b.or_(b.shl(b.zext(b.trunc(top, I16), I80), ir.Constant(I80, 64)),
                         b.zext(sig, I80))
            return b.bitcast(bits, X86_FP80)

        r = b.bitcast(b.call(fma, [to_f80(asig, ase), to_f80(bsig, bse), to_f80(csig, cse)]),
                      I80)
        sig = b.trunc(r, I64)
        top = b.trunc(b.lshr(r, ir.Constant(I80, 64)), I64)
        e15 = b.and_(top, ir.Constant(I64, 0x7FFF))
        exp = b.select(b.icmp_unsigned("==", sig, ir.Constant(I64, 0)), ir.Constant(I64, 0),
                       b.add(e15, ir.Constant(I64, 0xFFFF - 0x3FFF)))
        se = b.or_(b.shl(b.and_(b.lshr(top, ir.Constant(I64, 15)), ir.Constant(I64, 1)),
                         ir.Constant(I64, 17)), exp)
        return sig, se

    def fma_f64(self, a, b, c):
        D = ir.DOUBLE
        fma = self.c.intrinsic("llvm.fma.f64", D, [D, D, D])
        r = self.b.call(fma, [self.b.bitcast(self._v(x), D) for x in (a, b, c)])
        return self.b.bitcast(r, I64)


X86_FP80 = ir.X86_FP80

_DECODED = {}
_NEEDS_BRANCH = set()      # instruction forms (row indices) whose semantics did more


def decode_bundle(raw: bytes):
    """Decoded bundles by their bytes (translation decodes the same code
    for the tier choice and the block, and again after invalidations)."""
    b = _DECODED.get(raw)
    if b is None:
        if len(_DECODED) > 65536:
            _DECODED.clear()
        b = _DECODED[raw] = _decode_bundle(raw)
    return b


def trace_successor(ip: int, insn, start: int, seen, stop_addrs=(), hot=None):
    """Where a trace goes on after the IP-relative ``br`` ``insn`` (B1,
    btype cond) in bundle ``ip``, or None (the block leaves if it is
    taken).  A trace stays in its start's page (code pages are what
    invalidation tracks), visits a bundle once, does not pass a stop
    address, and does not jump to its start (that is a loop).  An
    unconditional jump is followed; a conditional one only when
    ``hot(ip, target)`` says the profile saw it mostly taken -- the path
    not taken then becomes the side exit."""
    if insn.row.fmt.name != "B1" or insn.f["btype"] != 0:
        return None
    t = (ip + insn.f["target25"]) & M64
    if (t ^ start) >> 12 or t == start or t in seen or t in stop_addrs:
        return None
    if insn.f["qp"] != 0 and (hot is None or not hot(ip, t)):
        return None
    return t


def loops_to_itself(fetch, start: int, max_bundles: int = 32, hot=None, stop_addrs=()) -> bool:
    """Whether the trace from ``start`` (up to the page end, through the
    jumps trace_successor follows) has an IP-relative branch (B1 br.cond,
    B2 br.cloop/ctop/wtop ...) back to ``start``: such a block runs as a
    loop inside its own function, where code quality pays (the JIT
    compiles it at a higher tier)."""
    ip, seen = start, []
    for _ in range(max_bundles):
        try:
            bundle = decode_bundle(fetch(ip))
        except Exception:
            return False
        seen.append(ip)
        jump = None
        for insn in bundle.insns:
            if insn is None or insn.row.fmt.name not in ("B1", "B2"):
                continue
            if (ip + insn.f["target25"]) & M64 == start:
                return True
            jump = trace_successor(ip, insn, start, seen, stop_addrs, hot)
            if jump is not None:
                break         # (the rest of the bundle is off the trace)
        if jump is not None:
            ip = jump
            continue
        ip = (ip + 16) & M64
        if ip == start:
            return True       # (falls through into its start)
        if ip & 0xFFF == 0 or ip in stop_addrs or ip in seen:
            return False
    return False


class BlockCompiler:
    """Build the IR function for one block, starting at a bundle and slot.

    Register cache: see "register cache" below.  The frame (bof, CFM, rrb)
    is constant inside a block, because instructions that change it end
    their block.

    ``env`` supplies ``layout`` (env.layout.offset(name, i)), ``n_stacked``,
    ``n_tlb``, ``helper_id(name)`` (the runtime callback
    ``i64 cb(i64 state, i64 id, i64 a0, i64 a1, i64 a2)`` is at ``state.rt_callback``) and
    ``block_ending`` (names of helpers after which the block must end).
    """

    MAX_BUNDLES = 32

    def __init__(self, module, env, ip, stop_addrs=(), ri=0, loops=None, count_loop=False,
                 hot=None):
        """``loops``: whether the code branches back to ``ip`` (see
        loops_to_itself; worked out here when not given).  ``count_loop``: a
        loop compiled at the fast tier counts what it runs, to be compiled
        again at the optimising one when hot.  ``hot(bundle, target)``: the
        profile's word on a conditional branch (see trace_successor)."""
        self.stop_addrs = stop_addrs
        self.hot = hot
        self.traced = []       # (bundle, target) of the conditional branches the trace follows
        self.loops = loops
        self.count_loop = count_loop
        self.m = module
        self.env = env
        self.start = ip
        self.start_ri = ri
        self.fn = ir.Function(module, I64, [(PTR, "st")], name=f"blk_{ip:x}_{ri}")
        self.st = self.fn.args[0]
        self.entry = self.fn.append_basic_block("entry")
        self.body = self.fn.append_basic_block("body")
        self.b = ir.IRBuilder(self.body, flow=self)
        self.eb = ir.IRBuilder(self.entry)
        self.cur = {}          # register key -> current value tuple (see "register cache")
        self.initial = {}      # register key -> its value at the block's (loop) start
        self.ptrs = {}         # register key -> its state pointer(s)
        self.headers = {}      # register key -> (header phis, entry values) if the block loops
        self.latches = []      # (block name, values) of every branch back to the start
        self.may_loop = False
        self.written = set()   # register keys the block writes
        self.frame = None      # entry values of bof/cfm/rrb
        self.n_insns = 0       # instructions completed so far (icount at exits)
        self.ends_here = False  # the current instruction called a block-ending helper
        self.insn_stores = False  # the current instruction stores to memory
        self.exit_bb = self.fn.append_basic_block("exit")          # write back, then leave
        self.exit_sites = {}   # register values -> (site block, [(from, exit values)], values)
        self.static_exits = set()  # ip | ri of the successors known at translation time
        self.dynamic_exit = False  # whether a successor is known only at run time
        self.last_static = None  # bundle of the last instruction retired (None: see last_bundle)
        self.max_stacked = 0     # highest stacked register the block names
        self.callback = None     # (runtime entry, state address) once loaded

    # ------------------------------------------------------------ raw state access
    def _ptr(self, name, index=0, ty=I64, builder=None):
        b = builder or self.b
        off = self.env.layout.offset(name, index)
        return b.gep(self.st, [ir.Constant(I64, off)], inbounds=True, pointee=ty)

    def _dyn_ptr(self, name, index_val, ty, builder=None):
        b = builder or self.b
        return b.gep(self._ptr(name, 0, ty, builder=b), [index_val], inbounds=True,
                     pointee=ty, elem=ty)

    def intrinsic(self, name, ret, argtys):
        return self.m.declare(name, ret, argtys)

    # ------------------------------------------------------------ register cache
    # Guest registers the block touches are SSA values: ``cur`` maps a key
    # (("gr", n), ("pr", n), ("br", n), ("ar", n), or one of the block's own
    # pseudo-registers) to its current value tuple.  A register is loaded in
    # the entry block when first named; where control flow merges
    # (predication, slow paths) the values that differ meet in phis (see
    # irtext.IRBuilder's ``flow``); every exit edge carries the values of
    # its moment into the shared exit, which writes back what the block
    # writes.  A block that loops to its own start gets phis at its header.
    _TYPES = {"gr": (I64, I1), "pr": (I1,), "br": (I64,), "ar": (I64,)}

    def _frame(self):
        if self.frame is None:
            eb = self.eb
            self.frame = {k: eb.load(self._ptr(k, builder=eb)) for k in
                          ("bof", "cfm_sof", "cfm_sor", "rrb_gr", "rrb_pr", "rrb_fr")}
        return self.frame

    def _state_ptrs(self, key):
        """Pointers into the state for a register (computed in the entry)."""
        b = self.eb
        kind, n = key
        if kind == "gr":
            if n < 32:
                return self._ptr("gr", n, builder=b), self._ptr("gr_nat", n, I8, builder=b)
            f = self._frame()
            if "sor8" not in f:           # (once per block)
                sor8 = f["sor8"] = b.mul(f["cfm_sor"], ir.Constant(I64, 8))
                f["rot_div"] = b.select(b.icmp_unsigned("==", sor8, ir.Constant(I64, 0)),
                                        ir.Constant(I64, 1), sor8)
                f["stk"] = self._ptr("stk", 0, builder=b)
                f["stk_nat"] = self._ptr("stk_nat", 0, I8, builder=b)
            i = ir.Constant(I64, n - 32)
            irot = b.urem(b.add(i, f["rrb_gr"]), f["rot_div"])
            idx = b.select(b.icmp_unsigned("<", i, f["sor8"]), irot, i)
            phys = b.urem(b.add(f["bof"], idx), ir.Constant(I64, self.env.n_stacked))
            return (b.gep(f["stk"], [phys], inbounds=True, pointee=I64, elem=I64),
                    b.gep(f["stk_nat"], [phys], inbounds=True, pointee=I8))
        if kind == "pr":
            if n < 16:
                return (self._ptr("pr", n, I8, builder=b),)
            f = self._frame()
            idx = b.add(ir.Constant(I64, 16), b.urem(b.add(ir.Constant(I64, n - 16), f["rrb_pr"]),
                                                     ir.Constant(I64, 48)))
            return (self._dyn_ptr("pr", idx, I8, builder=b),)
        return (self._ptr(kind, n, builder=b),)

    def _load_reg(self, b, key):
        """The register's value tuple, read from the state here."""
        out = []
        for p, ty in zip(self.ptrs[key], self._TYPES[key[0]]):
            v = b.load(p)
            out.append(b.trunc(v, I1) if ty is I1 else v)
        return tuple(out)

    def _define(self, key, entry_vals, tys):
        """A value first seen: its entry value, or a header phi when the
        block may loop (filled in at the end)."""
        if self.may_loop:
            hdr = tuple(ir.Value(t, self.fn.tmp()) for t in tys)
            self.headers[key] = (hdr, entry_vals)
            entry_vals = hdr
        self.initial[key] = entry_vals
        self.cur[key] = entry_vals
        return entry_vals

    def reg(self, key):
        v = self.cur.get(key)
        if v is None:
            self.ptrs[key] = self._state_ptrs(key)
            v = self._define(key, self._load_reg(self.eb, key), self._TYPES[key[0]])
        return v

    def set_reg(self, key, vals):
        self.reg(key)
        self.cur[key] = vals
        self.written.add(key)

    def note_stacked(self, n):
        """Stacked registers above the frame fault (Illegal Operation).  The
        frame is constant within a block, so one test at its entry covers
        every operand: when any lies outside, the block does not run and the
        interpreter executes it instead, faulting at the exact slot."""
        self.max_stacked = max(self.max_stacked, n)

    def fr_ptrs(self, n):
        """FRs are not cached: pointers into the state at the block's rotation."""
        if n < 32:
            return self._ptr("fr_sig", n), self._ptr("fr_se", n)
        f = self._frame()
        b = self.b
        idx = b.add(ir.Constant(I64, 32), b.urem(b.add(ir.Constant(I64, n - 32), f["rrb_fr"]),
                                                 ir.Constant(I64, 96)))
        return self._dyn_ptr("fr_sig", idx, I64), self._dyn_ptr("fr_se", idx, I64)

    def writeback(self, b=None, keys=None, values=None):
        """Store registers the block has written (or just ``keys``) back to
        the state (their current values, or those of ``values``)."""
        b = b or self.b
        values = values or self.cur
        for key in sorted(self.written if keys is None else keys, key=str):
            for p, v in zip(self.ptrs[key], values[key]):
                b.store(b.zext(v, I8) if v.type is I1 else v, p)

    def reload_ars(self):
        """After a runtime call that may change application registers."""
        self.reload(("ar",))

    def reload(self, kinds=("gr", "pr", "br", "ar")):
        """Re-read cached registers from the state after the runtime may have
        changed them (writing a reloaded value back later is a no-op)."""
        for key in list(self.cur):
            if key[0] in kinds:
                self.cur[key] = self._load_reg(self.b, key)

    # The flow interface irtext.IRBuilder calls at branches and merges.
    def snapshot(self):
        return dict(self.cur)

    def restore(self, snap):
        self.cur = dict(snap)

    def merge(self, b, arms):
        """At a merge block: ``arms`` are (snapshot, predecessor name)."""
        if not arms:
            return
        if len(arms) == 1:
            self.cur = dict(arms[0][0])
            return
        # (keys in a fixed order -- the first arm's, then those only later
        # arms have -- not a set's: the order of the phis is part of the IR
        # text, the code cache's key, and str hashes differ between runs)
        keys = dict.fromkeys(arms[0][0])
        for snap, _ in arms[1:]:
            keys.update(dict.fromkeys(snap))
        self.cur = {key: self._meet(b, key, arms) for key in keys}

    def _meet(self, b, key, arms):
        """A register's values from ``arms`` ((snapshot, predecessor name);
        absent from a snapshot: its start value) as phis in ``b``'s block."""
        init = self.initial[key]
        first = arms[0][0].get(key, init)
        for snap, _ in arms:
            if snap.get(key, init) is not first:
                break
        else:
            return first
        vals = [snap.get(key, init) for snap, _ in arms]
        return tuple(b.phi(first[i].type, [(v[i], name) for v, (_, name) in zip(vals, arms)])
                     for i in range(len(first)))

    # ------------------------------------------------------------ exits
    def _exit_site(self, b, ip, ri, reason, arg, n_insns):
        """The exit site block an exit from ``b``'s block goes to (see
        _exit), with this edge's values recorded for its phis."""
        v = lambda x: ir.Constant(I64, x) if isinstance(x, int) else x
        ip, ri = v(ip), v(ri)
        if reason == EXIT_OK:
            # (where it goes on: known now -- a static successor -- or not)
            if isinstance(ip, ir.Constant) and isinstance(ri, ir.Constant):
                self.static_exits.add(ip.constant | ri.constant)
            else:
                self.dynamic_exit = True
        last = ir.Constant(I64, self.last_static) if self.last_static is not None \
            else self.cur[("last_bundle",)][0]
        vals = (ip, ri, v(reason), v(arg & M64), v(n_insns), last,
                self.cur[("loop_insns",)][0])
        # Exits that see the same register values (the faults one instruction
        # may raise, stores that write no register) first meet in a site
        # block of their own: the shared exit's register phis then have an
        # entry per site, not per exit.
        types = self._TYPES
        sig = frozenset([(k, vs[0].ref if len(vs) == 1 else tuple(x.ref for x in vs))
                         for k, vs in self.cur.items() if k[0] in types])
        site = self.exit_sites.get(sig)
        if site is None:
            site = self.exit_sites[sig] = (self.fn.append_basic_block("site"), [],
                                           dict(self.cur))
        site[1].append((b.block.name, vals))
        return site[0]

    def _exit(self, b, ip, ri, reason, arg, n_insns):
        """Leave the block: go to the shared exit (which writes back every
        register the block writes) with where and why as its phis' incoming
        values from this edge."""
        b.branch(self._exit_site(b, ip, ri, reason, arg, n_insns))

    def _exit_if(self, cond, ip, ri, reason, arg, n_insns):
        """Leave the block (as _exit) if ``cond``, else go on in a new
        basic block: one conditional branch straight to the exit site, not
        a block of its own that only jumps there (fewer blocks and lines
        for LLVM to read and compile; the registers are the same on both
        edges)."""
        b = self.b
        site = self._exit_site(b, ip, ri, reason, arg, n_insns)
        cont = self.fn.append_basic_block("endif")
        b.cbranch(cond, site, cont, likely=False)
        b.position_at_end(cont)

    def _finish_exits(self):
        edges = []
        for block, arrivals, snap in self.exit_sites.values():
            sb = ir.IRBuilder(block)
            vals = tuple(sb.phi(I64, [(vs[k], name) for name, vs in arrivals]) for k in range(7))
            sb.branch(self.exit_bb)
            edges.append((block.name, vals, snap))
        b = ir.IRBuilder(self.exit_bb)
        vals = [b.phi(I64, [(vs[k], name) for name, vs, _ in edges]) for k in range(7)]
        ip, ri, reason, arg, n, last, loop_insns = vals
        # (a register a block writes later than an exit has its start value there)
        arms = [(snap, name) for name, _, snap in edges]
        self.writeback(b, values={key: self._meet(b, key, arms)
                                  for key in sorted(self.written, key=str)})
        b.store(ip, self._ptr("ip", builder=b))
        b.store(ri, self._ptr("ri", builder=b))
        b.store(last, self._ptr("last_bundle", builder=b))
        ic = self._ptr("icount", builder=b)
        b.store(b.add(b.load(ic), b.add(loop_insns, n)), ic)
        if not (isinstance(reason, ir.Constant) and reason.constant == 0):
            with b.if_then(b.icmp_unsigned("!=", reason, ir.Constant(I64, 0)), likely=False):
                b.store(reason, self._ptr("exit_reason", builder=b))
                b.store(arg, self._ptr("exit_arg", builder=b))
                b.ret(reason)
        if self.count_loop and self.latches:
            self._count_loop(b, b.add(loop_insns, n))
        self._chain(b, b.or_(ip, ri))

    def _count_loop(self, b, done):
        """A loop at the fast tier adds what each entry ran to its counter
        (state.tierup_table, slot by start address: a shared slot only
        hastens a tier-up); past state.tierup_limit it leaves with
        EXIT_TIERUP (its state complete, as at any exit) for the runtime to
        compile it at the optimising tier."""
        c = lambda v: ir.Constant(I64, v)
        table = b.load(self._ptr("tierup_table", builder=b))
        with b.if_then(b.icmp_unsigned("!=", table, c(0)), likely=True):
            slot = ((self.start >> 4) & (TIERUP_SLOTS - 1)) * 8
            p = b.inttoptr(b.add(table, c(slot)), pointee=I64)
            total = b.add(b.load(p), done)
            b.store(total, p)
            limit = b.load(self._ptr("tierup_limit", builder=b))
            with b.if_then(b.icmp_signed(">=", total, limit), likely=False):
                b.store(c(self.start | self.start_ri), self._ptr("exit_arg", builder=b))
                b.ret(c(EXIT_TIERUP))

    def _chain(self, b, plain):
        """Go on to the next block without returning to the dispatcher: a
        table look-up, then a tail call -- a jump, so chains never grow the
        host stack.  A static successor's table slot is known now, but for
        the privilege level (env.emit_static_offset), so going on to it
        costs a compare; a successor known only at run time (returns,
        indirect branches) is hashed (env.emit_offset).  The table is read
        afresh at every exit -- it is what a jump links through -- so a
        block dropped from it (written code, a new translation, another
        privilege level) is never entered, and nothing needs to track who
        jumps where.  The next block's own entry test keeps the instruction
        budget.  The runtime turns this off (``dispatch_table`` = 0) where
        it must see every block boundary."""
        c = lambda v: ir.Constant(I64, v)
        env = self.env
        table = b.load(self._ptr("dispatch_table", builder=b))
        with b.if_then(b.icmp_unsigned("!=", table, c(0)), likely=True):
            key, cpl_bits = env.emit_key(b, plain, b.load(self._ptr("psr", builder=b)), c)
            if isinstance(plain, ir.Constant) or \
                    (len(self.static_exits) == 1 and not self.dynamic_exit):
                t = plain.constant if isinstance(plain, ir.Constant) else min(self.static_exits)
                offset = env.emit_static_offset(b, t, cpl_bits, c)
            elif self.static_exits:
                # (a switch on where the block leaves to; each static case
                # only names its slot, the look-up itself is shared)
                dynamic = self.fn.append_basic_block("chain_dyn")
                look = self.fn.append_basic_block("chain")
                cases = [(t, self.fn.append_basic_block("chain_to")) for t in
                         sorted(self.static_exits)]
                b.switch(plain, dynamic, cases)
                arms = []
                for t, bb in cases:
                    b.position_at_end(bb)
                    arms.append((env.emit_static_offset(b, t, cpl_bits, c), bb.name))
                    b.branch(look)
                b.position_at_end(dynamic)
                if self.dynamic_exit:
                    arms.append((env.emit_offset(b, key, c), dynamic.name))
                    b.branch(look)
                else:
                    b.unreachable()
                b.position_at_end(look)
                offset = b.phi(I64, arms)
            else:
                offset = env.emit_offset(b, key, c)
            slot = b.add(table, offset)
            with b.if_then(b.icmp_unsigned("==", b.load(b.inttoptr(slot, pointee=I64)), key),
                           likely=True):
                code = b.load(b.inttoptr(b.add(slot, c(8)), pointee=I64))
                b.ret(b.call(b.inttoptr(code), [self.st], ret=I64, tail="musttail"))
        b.ret(c(0))           # (a miss: the dispatcher compiles or interprets)

    def _finish_header(self):
        """The loop header's phis: a register's value from the entry, or
        from each branch back to the start."""
        lines = []
        entry = self.eb.block.name
        for key, (hdr, entry_vals) in self.headers.items():
            for i, h in enumerate(hdr):
                arms = [(entry_vals[i], entry)] + \
                    [(snap.get(key, hdr)[i], name) for name, snap in self.latches]
                lines.append(ir.phi_line(h, arms))
        self.body.lines[:0] = lines

    def fault_exit(self, em, code, cond, arg=0):
        """Leave with a precise fault at the current slot (if cond).
        exit_arg = code | arg << 8 (arg: e.g. the break immediate)."""
        if cond is None:
            cond = ir.Constant(I1, 1)
            self.always_faults = True
        self._exit_if(cond, em.ip, em.slot, EXIT_FAULT, (code | arg << 8) & M64, self.n_insns)

    def note_branch(self, em, target, cond, slot=None):
        if cond is None:
            cond = ir.Constant(I1, 1)
        if slot is not None:           # rfi: resume at a slot inside the target bundle
            self.cur[("target_ri",)] = (slot,)
        self.static_target = target.constant if isinstance(target, ir.Constant) else None
        self.cur[("target",)] = (target,)
        self.cur[("taken",)] = (self.b.or_(self.cur[("taken",)][0], cond),)

    def call_helper(self, em, name, args):
        """Call the runtime.  Runtime routines get register values as
        arguments; only block-ending ones (frame, RSE) read and change the
        register state itself, so only those see the registers written back
        first, and the block ends after their instruction.  Application
        registers are re-read after any call; a fault raised in the runtime
        leaves the block at this slot."""
        ending = name in self.env.block_ending
        plain = name in PLAIN
        if ending:
            self.writeback()
        elif not plain:
            # reload_ars() below re-reads every cached AR from the state:
            # the ARs this block has written must be there first -- and in a
            # loop, those it may write later in the body too (ar.lc by
            # br.cloop): on the next pass their cached value is not the
            # state's.  (Storing an unchanged value is harmless.)
            dirty_ars = {k for k in self.cur if k[0] == "ar" and
                         (k in self.written or k in self.headers)}
            if dirty_ars:
                self.writeback(keys=dirty_ars)
        # The entry's address comes from the state, so the code is position-
        # independent of this process and can be cached on disk.
        if self.callback is None:           # (once per block, in its entry)
            eb = self.eb
            self.callback = (eb.inttoptr(eb.load(self._ptr("rt_callback", builder=eb)),
                                         pointee=I64), eb.ptrtoint(self.st, I64))
        cb, st = self.callback
        args = (args + [ir.Constant(I64, 0)] * 3)[:3]
        if plain:
            return self.b.call(cb, [st, ir.Constant(I64, self.env.helper_id(name))] + args)
        # The runtime sees the exact instruction count (the ITC follows it);
        # it clears icount_pending itself when the call returns.
        pend = self._ptr("icount_pending")
        self.b.store(self.b.add(self.cur[("loop_insns",)][0], ir.Constant(I64, self.n_insns)), pend)
        r = self.b.call(cb, [st, ir.Constant(I64, self.env.helper_id(name))] + args)
        if ending:
            # The runtime saw the registers (written back above) and may have
            # changed them (fills): take its values, on every path.
            self.ends_here = True
            self.reload()
        else:
            self.reload_ars()
        if name in RAISING:            # (the fault is pending in the runtime)
            self._exit(self.b, em.ip, em.slot, EXIT_FAULT, 0, self.n_insns)
            return r
        failed = self.b.icmp_unsigned("!=", self.b.load(self._ptr("exit_reason")),
                                      ir.Constant(I64, 0))
        self._exit_if(failed, em.ip, em.slot, EXIT_FAULT, 0, self.n_insns)
        return r

    # ------------------------------------------------------------ memory
    def _tlb_probe(self, addr, size, tags):
        """The soft-TLB entry for an aligned access of ``size`` bytes at
        ``addr`` (``tags``: tlb_tag to read, tlb_wtag to write): (hit, host
        pointer thunk -- call it where the hit is known)."""
        b = self.b
        idx = b.and_(b.lshr(addr, ir.Constant(I64, 12)), ir.Constant(I64, self.env.n_tlb - 1))
        tag = b.load(self._dyn_ptr(tags, idx, I64))
        key = b.and_(addr, ir.Constant(I64, (~0xFFF | (size - 1)) & M64))
        ty = ir.IntType(size * 8)
        return (b.icmp_unsigned("==", key, tag),
                lambda: b.inttoptr(b.add(addr, b.load(self._dyn_ptr("tlb_addend", idx, I64))),
                                   pointee=ty))

    def mem_access(self, em, addr, size, value, sema=False):
        """Soft-TLB fast path (its entries are write-back memory only, so a
        semaphore may use it too); anything else goes through the runtime."""
        b = self.b
        hit, host_ptr = self._tlb_probe(addr, size, "tlb_wtag" if value is not None else "tlb_tag")
        ty = ir.IntType(size * 8)
        got = []               # (value, block) of each way a load comes back
        with b.if_else(hit, likely=True) as (then, otherwise):
            with then:
                host = host_ptr()
                if value is None:
                    v = b.load(host, align=size)
                    got.append((b.zext(v, I64) if size < 8 else v, b.block.name))
                else:
                    b.store(b.trunc(value, ty) if size < 8 else value, host, align=size)
            with otherwise:
                slow = self.call_helper(em, ("mem_load" if value is None else "mem_store") +
                                        ("_sema" if sema else ""),
                                        [addr, ir.Constant(I64, size)] +
                                        ([value] if value is not None else []))
                if value is None:
                    got.append((slow, b.block.name))
                else:       # the runtime returns 1 when the store hit a code page
                    hit = b.icmp_unsigned("!=", slow, ir.Constant(I64, 0))
                    self.cur[("code_written",)] = (b.or_(self.cur[("code_written",)][0], hit),)
        if value is not None:
            self.insn_stores = True
        return b.phi(I64, got) if value is None else None

    def mem_load_spec(self, em, addr, size):
        """A load that does not fault: (value, failed i1).  Soft-TLB fast
        path; on a miss the runtime's mem_load_spec reports failure through
        a flag word instead of raising."""
        b = self.b
        hit, host_ptr = self._tlb_probe(addr, size, "tlb_tag")
        failed = self.eb.alloca(I64)      # (the runtime sets it when the load would fault)
        got, bad = [], []
        with b.if_else(hit, likely=True) as (then, otherwise):
            with then:
                v = b.load(host_ptr(), align=size)
                got.append((b.zext(v, I64) if size < 8 else v, b.block.name))
                bad.append((ir.Constant(I64, 0), b.block.name))
            with otherwise:
                b.store(ir.Constant(I64, 0), failed)
                slow = self.call_helper(em, "mem_load_spec",
                                        [addr, ir.Constant(I64, size), b.ptrtoint(failed, I64)])
                got.append((slow, b.block.name))
                bad.append((b.load(failed), b.block.name))
        return b.phi(I64, got), b.icmp_unsigned("!=", b.phi(I64, bad), ir.Constant(I64, 0))

    # ------------------------------------------------------------ the block
    def build(self, fetch):
        """Translate from (self.start, self.start_ri); returns the bundle ips covered."""
        eb = self.eb
        # A block that may branch back to its start gets header phis.
        if self.loops is None:
            self.loops = loops_to_itself(fetch, self.start, hot=self.hot,
                                         stop_addrs=self.stop_addrs)
        self.may_loop = self.start_ri == 0 and self.loops
        # Pseudo-registers: instructions done in earlier passes of a loop;
        # the bundle of the last retired instruction (the state's, until one
        # retires here); a branch's taken flag, target and target slot; set
        # when a store wrote a code page (the rest of this block may be stale).
        self._define(("loop_insns",), (ir.Constant(I64, 0),), (I64,))
        self._define(("last_bundle",), (eb.load(self._ptr("last_bundle", builder=eb)),), (I64,))
        for key, v in ((("taken",), ir.Constant(I1, 0)), (("target",), ir.Constant(I64, 0)),
                       (("target_ri",), ir.Constant(I64, 0)),
                       (("code_written",), ir.Constant(I1, 0))):
            self.initial[key] = self.cur[key] = (v,)
        # A self-loop may run until the instruction budget is reached.
        self.loop_limit = eb.sub(eb.load(self._ptr("budget", builder=eb)),
                                 eb.load(self._ptr("icount", builder=eb)))
        self.static_target = None
        em = IREmitter(self, self.b)
        ip = self.start
        first_slot = self.start_ri
        covered = []
        ended = False
        jump_to = None
        for _ in range(self.MAX_BUNDLES):
            try:
                raw = fetch(ip)
            except Exception as exc:
                # (unmapped on a flat machine; a translation fault on a system one)
                if not hasattr(exc, "addr") and not isinstance(exc, faults.GuestFault):
                    raise
                if not covered:
                    # No code there: the interpreter raises the fetch fault.
                    raise Untranslatable(f"no code at {ip:#x}") from None
                break                 # the block ends where the mapped code does
            bundle = decode_bundle(raw)
            covered.append(ip)
            em.ip = ip
            mlx = bundle.template.units[1] == "L"
            for slot in range(first_slot, 3):
                if slot == 2 and mlx:
                    continue
                insn = bundle.insns[slot]
                em.slot = slot
                if insn is None:
                    self.fault_exit(em, faults.ILLEGAL_OPERATION, None)
                    ended = True
                    break
                sem = lookup(insn.row)
                if sem is None:
                    self.fault_exit(em, faults.UNIMPLEMENTED, None)
                    ended = True
                    break
                self.ends_here = False
                self.insn_stores = False
                self.static_target = None
                self.always_faults = False
                self._emit_insn(em, insn, sem)
                if self.always_faults and insn.f["qp"] == 0:
                    ended = True          # e.g. break: nothing after it runs
                    break
                self.n_insns += 1
                self.last_static = ip          # (IIPA)
                nxt_ip, nxt_ri = (ip, slot + 1) if slot < 2 and not (mlx and slot == 1) \
                    else ((ip + 16) & M64, 0)
                if self.insn_stores:
                    # Self-modifying code: after a store into a code page, leave
                    # at the next instruction (the dispatcher finds fresh code).
                    with self.b.if_then(self.cur[("code_written",)][0], likely=False):
                        self._exit(self.b, nxt_ip, nxt_ri, EXIT_OK, 0, self.n_insns)
                if self._is_branch(insn):
                    jump_to = self._follow(insn, ip, covered, nxt_ip, nxt_ri)
                    if jump_to is not None:
                        break             # (the rest of this bundle never runs)
                    self._branch_point()
                    if self._unconditional(insn):
                        ended = True
                        break
                if self.ends_here:
                    self._exit(self.b, nxt_ip, nxt_ri, EXIT_OK, 0, self.n_insns)
                    ended = True
                    break
            if ended:
                break
            first_slot = 0
            if jump_to is not None:
                ip, jump_to = jump_to, None
                continue
            ip = (ip + 16) & M64
            if ip == self.start and self.may_loop:
                # (a trace that falls through into its start: a loop)
                self._latch(self.b)
                ended = True
                break
            if ip & 0xFFF == 0 or ip in self.stop_addrs or ip in covered:
                break
        if not ended:
            self._exit(self.b, ip, 0, EXIT_OK, 0, self.n_insns)
        elif not self.b.block.is_terminated:
            self.b.unreachable()      # after an unconditional exit
        # The instruction budget is exact: a block that might not fit in what
        # is left does not start (the runtime interprets the rest instead).
        self.max_insns = max(self.n_insns, 1)
        # (signed: the runtime may pull the budget below icount to stop at
        # the next block boundary -- see Machine.request_poll)
        short = self.eb.icmp_signed("<", self.loop_limit, ir.Constant(I64, self.max_insns))
        no_room = self.fn.append_basic_block("no_room")
        if self.max_stacked >= 32:
            outside = self.eb.icmp_unsigned(">=", ir.Constant(I64, self.max_stacked - 32),
                                            self._frame()["cfm_sof"])
            interp = self.fn.append_basic_block("interp")
            ir.IRBuilder(interp).ret(ir.Constant(I64, EXIT_INTERP))
            in_frame = self.fn.append_basic_block("in_frame")
            self.eb.cbranch(outside, interp, in_frame, likely=False)
            self.eb.position_at_end(in_frame)
        self.eb.cbranch(short, no_room, self.body)
        ir.IRBuilder(no_room).ret(ir.Constant(I64, EXIT_BUDGET))
        self._finish_exits()
        self._finish_header()
        return covered

    def _emit_insn(self, em, insn, sem):
        qp = insn.f["qp"]
        # Out-of-frame register operands fault first (alloc names its target
        # in the frame it creates: its semantics check that).
        for t in insn.row.tokens if insn.row.fmt.name != "M34" else ():
            if t[0] == "field" and t[2] == "gr" and insn.f[t[1]] >= 32:
                self.note_stacked(insn.f[t[1]])
        if sem.qp:
            em.qp = em.read_pr(qp)
            sem.fn(em, insn)
        elif qp == 0:
            em.qp = ir.Constant(I1, 1)
            sem.fn(em, insn)
        else:
            em.qp = ir.Constant(I1, 1)
            qpv = em.read_pr(qp)
            if self._predicated(em, insn, sem, qpv):
                return
            with self.b.if_then(qpv):
                sem.fn(em, insn)

    def _predicated(self, em, insn, sem, qpv):
        """Predication kept as predication: an instruction that only
        computes and writes registers becomes selects on its qp (no blocks,
        no phis).  If its semantics do anything else, what was emitted is
        taken back (True: done)."""
        if insn.row.index in _NEEDS_BRANCH:
            return False
        block, lines, n_blocks = self.b.block, len(self.b.block.lines), len(self.fn.blocks)
        cur, written = dict(self.cur), set(self.written)
        em.pred = qpv
        try:
            sem.fn(em, insn)
            return True
        except _NeedsBranch:
            # (values first named meanwhile keep their dead loads in the entry)
            del block.lines[lines:]
            del self.fn.blocks[n_blocks:]
            self.b.position_at_end(block)
            self.cur, self.written = cur, written
            _NEEDS_BRANCH.add(insn.row.index)     # (its form is not tried again)
            return False
        finally:
            em.pred = None

    def _follow(self, insn, ip, covered, nxt_ip, nxt_ri):
        """A trace through the jump ``insn`` in bundle ``ip`` (see
        trace_successor): the block goes on at the target instead of
        leaving; returns it (else None).  For a conditional branch the trace
        follows, the path not taken leaves here, to (nxt_ip, nxt_ri)."""
        if self.static_target is None or self.ends_here:
            return None
        t = trace_successor(ip, insn, self.start, covered, self.stop_addrs, self.hot)
        if t is None:
            return None
        if insn.f["qp"] != 0:
            b = self.b
            self._exit_if(b.icmp_unsigned("==", self.cur[("taken",)][0], ir.Constant(I1, 0)),
                          nxt_ip, nxt_ri, EXIT_OK, 0, self.n_insns)
            self.traced.append((ip, t))
        # (its taken flag is spent: later branches start from not taken)
        self.cur[("taken",)] = (ir.Constant(I1, 0),)
        return t

    @staticmethod
    def _is_branch(insn):
        m = insn.mnemonic
        return (insn.row.type in "BX" and m.startswith("br") and not m.startswith("brp")) \
            or m.startswith(("chk.", "fchkf.")) or m == "rfi"

    @staticmethod
    def _unconditional(insn):
        return insn.f["qp"] == 0 and insn.row.fmt.name not in ("B1", "B2") \
            and not insn.mnemonic.startswith(("chk.", "fchkf."))

    def _latch(self, b):
        """Go round the loop again inside the function (every register
        still in SSA), while the budget lasts."""
        done = b.add(self.cur[("loop_insns",)][0], ir.Constant(I64, self.n_insns))
        room = b.sub(self.loop_limit, done)
        # (another pass needs at most one block's worth of instructions)
        with b.if_then(b.icmp_unsigned("<", room, ir.Constant(I64, 3 * self.MAX_BUNDLES)),
                       likely=False):
            self._exit(b, self.start, 0, EXIT_OK, 0, self.n_insns)
        if self.count_loop:
            # (hot already in this one entry: leave, and the exit's count
            # asks for tier 2)
            limit = self.eb.load(self._ptr("tierup_limit", builder=self.eb))
            with b.if_then(b.icmp_signed(">=", done, limit), likely=False):
                self._exit(b, self.start, 0, EXIT_OK, 0, self.n_insns)
        self.cur[("loop_insns",)] = (done,)
        # (the next pass starts after the last bundle's instructions retired)
        self.cur[("last_bundle",)] = (ir.Constant(I64, self.last_static),)
        self.latches.append((b.block.name, dict(self.cur)))
        b.branch(self.body)

    def _branch_point(self):
        """After a branch: if taken, leave the block at its target -- or, for a
        branch back to the block's own start, go round again inside the
        function with every register still in SSA, while the budget lasts."""
        b = self.b
        # (Not after a frame change -- rotation, call, return, alloc: the
        # cached register pointers would be stale on the next round.)
        self_loop = self.static_target is not None and self.start_ri == 0 and \
            (self.static_target & ~0xF & M64) == self.start and not self.ends_here and \
            self.may_loop
        with b.if_then(self.cur[("taken",)][0]):
            if self_loop:
                self._latch(b)
            else:
                target = b.and_(self.cur[("target",)][0], ir.Constant(I64, ~0xF & M64))
                self._exit(b, target, self.cur[("target_ri",)][0], EXIT_OK, 0, self.n_insns)
