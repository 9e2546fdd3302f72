"""The interpreter: the reference consumer of the semantics.

``PyEmitter`` implements translator/emitter.py by evaluating each operation
at once on Python ints, reading and writing the state buffer in place.
``Interpreter`` executes bundles from ``cpu.state.ip``/``ri``, caching
decoded bundles per address.

The ``cpu`` object it is given provides: ``state`` (the state buffer's views,
with ``ctl``/``CTL`` for the control words and ``N_STACKED``), ``mem``
(load/store/fetch_bundle, raising ``AccessError``-like exceptions that carry
``addr``), and ``helpers`` (name -> fn(cpu, *args)).
"""

from __future__ import annotations

import math
import struct
from fractions import Fraction

from frontend.decoder import decode_bundle
from . import faults, frame
from .helpers import check_alignment, debug_fetch
from .faults import GuestFault
from .semantics import lookup

M64 = (1 << 64) - 1


def _fma_f64(a, b, c):
    """Correctly rounded double a*b + c on bit patterns (exact rational
    arithmetic; float(Fraction) rounds to nearest-even).  Non-finite
    operands and overflow give a NaN / infinity pattern (callers guard)."""
    x, y, z = (struct.unpack("<d", struct.pack("<Q", v & M64))[0] for v in (a, b, c))
    if not all(math.isfinite(v) for v in (x, y, z)):
        return 0x7FF8000000000000
    exact = Fraction(x) * Fraction(y) + Fraction(z)
    try:
        r = float(exact)
    except OverflowError:
        r = math.inf if exact > 0 else -math.inf
    if r == 0.0:
        # IEEE: an exact zero sum is +0 in round-to-nearest unless both
        # terms are -0 (or the product is -0 and z is -0)
        prod_neg = (math.copysign(1.0, x) * math.copysign(1.0, y)) < 0
        if exact == 0:
            neg = (x * y == 0 and prod_neg and math.copysign(1.0, z) < 0)
            r = -0.0 if neg else 0.0
        else:
            r = 0.0 if exact > 0 else -0.0
    return struct.unpack("<Q", struct.pack("<d", r))[0]


def _fma_ext(asig, ase, bsig, bse, csig, cse):
    """a*b + c on register-format values, rounded once to a 64-bit
    significand, nearest-even (exact integer arithmetic).  Zero operands
    must have exponent 0; callers keep the exponents in range."""
    def parts(sig, se):
        return (-1 if (se >> 17) & 1 else 1), sig, (se & 0x1FFFF) - 0xFFFF - 63
    sa, ma, ea = parts(asig, ase)
    sb, mb, eb = parts(bsig, bse)
    sc, mc, ec = parts(csig, cse)
    pm, pe = sa * sb * ma * mb, ea + eb
    cm = sc * mc
    lo = min(pe, ec)
    m = (pm << (pe - lo)) + (cm << (ec - lo))
    if m == 0:
        neg = (ma * mb == 0) and sa * sb < 0 and mc == 0 and sc < 0
        return 0, (1 << 17 if neg else 0)
    sign = 1 if m < 0 else 0
    m = abs(m)
    length = m.bit_length()
    if length > 64:
        shift = length - 64
        q, r = m >> shift, m & ((1 << shift) - 1)
        half = 1 << (shift - 1)
        if r > half or (r == half and q & 1):
            q += 1
            if q >> 64:
                q >>= 1
                shift += 1
    else:
        shift = length - 64            # (<= 0)
        q = m << -shift
    exp = lo + shift + 63 + 0xFFFF
    return q, sign << 17 | exp


def _sx(v, bits):
    sign = 1 << (bits - 1)
    return ((v & ((1 << bits) - 1)) ^ sign) - sign


def _s64(v):
    return v - (1 << 64) if v >> 63 else v


class PyEmitter:
    """Evaluate semantics immediately (values are Python ints)."""

    def __init__(self, cpu):
        st = cpu.state
        self.cpu = cpu
        self.mem = cpu.mem
        self.system = hasattr(cpu.mem, "code_pa")
        self.helpers = cpu.helpers
        self.gr, self.gr_nat = st.mv("gr"), st.mv("gr_nat")
        self.stk, self.stk_nat = st.mv("stk"), st.mv("stk_nat")
        self.pr, self.br, self.ar = st.mv("pr"), st.mv("br"), st.mv("ar")
        self.fr_sig, self.fr_se = st.mv("fr_sig"), st.mv("fr_se")
        self.ctl, self.C = st.ctl, st.CTL
        self.n_stacked = st.N_STACKED
        self.ip = 0
        self.slot = 0
        self.qp = 1
        self.taken = False
        self.target = 0
        self.target_ri = 0

    # ------------------------------------------------------------ values
    def const(self, v):
        return v & M64

    def add(self, a, b):
        return (a + b) & M64

    def sub(self, a, b):
        return (a - b) & M64

    def mul(self, a, b):
        return (a * b) & M64

    def and_(self, a, b):
        return a & b

    def or_(self, a, b):
        return a | b

    def xor(self, a, b):
        return a ^ b

    def andcm(self, a, b):
        return a & ~b & M64

    def shl(self, a, n):
        return (a << n) & M64

    def lshr(self, a, n):
        return a >> n

    def ashr(self, a, n):
        return (_s64(a) >> n) & M64

    def shl_sat(self, a, n):
        return (a << n) & M64 if n < 64 else 0

    def lshr_sat(self, a, n):
        return a >> n if n < 64 else 0

    def ashr_sat(self, a, n):
        return (_s64(a) >> min(n, 63)) & M64

    def not_(self, a):
        return ~a & M64

    def neg(self, a):
        return -a & M64

    def popcnt(self, a):
        return bin(a).count("1")

    def clz(self, a):
        return 64 - a.bit_length()

    def umulh(self, a, b):
        return (a * b) >> 64

    def smulh(self, a, b):
        return ((_s64(a) * _s64(b)) >> 64) & M64

    def sext(self, a, bits):
        return _sx(a, bits) & M64

    def zext(self, a, bits):
        return a & ((1 << bits) - 1)

    def eq(self, a, b):
        return int(a == b)

    def ne(self, a, b):
        return int(a != b)

    def ult(self, a, b):
        return int(a < b)

    def ule(self, a, b):
        return int(a <= b)

    def ugt(self, a, b):
        return int(a > b)

    def uge(self, a, b):
        return int(a >= b)

    def slt(self, a, b):
        return int(_s64(a) < _s64(b))

    def sle(self, a, b):
        return int(_s64(a) <= _s64(b))

    def sgt(self, a, b):
        return int(_s64(a) > _s64(b))

    def sge(self, a, b):
        return int(_s64(a) >= _s64(b))

    def land(self, c, d):
        return c & d

    def lor(self, c, d):
        return c | d

    def lxor(self, c, d):
        return c ^ d

    def lnot(self, c):
        return c ^ 1

    def to_int(self, c):
        return c

    def truth(self, a):
        return int(a != 0)

    def select(self, c, a, b):
        return a if c else b

    # ------------------------------------------------------------ state
    def read_gr(self, n):
        if n < 32:
            return self.gr[n], self.gr_nat[n]
        p = self._phys(n)
        return self.stk[p], self.stk_nat[p]

    def write_gr(self, n, v, nat):
        if n < 32:
            if n == 0:
                self.fault(faults.ILLEGAL_OPERATION)
            self.gr[n] = v & M64
            self.gr_nat[n] = 1 if nat else 0
        else:
            p = self._phys(n)
            self.stk[p] = v & M64
            self.stk_nat[p] = 1 if nat else 0

    def _phys(self, n):
        try:
            return frame.gr_phys(self.ctl, self.C, n, self.n_stacked)
        except GuestFault as f:
            f.ip, f.slot = self.ip, self.slot
            raise

    def read_pr(self, n):
        return self.pr[frame.pr_phys(self.ctl, self.C, n)]

    def write_pr(self, n, c):
        if n:
            self.pr[frame.pr_phys(self.ctl, self.C, n)] = 1 if c else 0

    def read_fr(self, n):
        p = frame.fr_phys(self.ctl, self.C, n)
        return self.fr_sig[p], self.fr_se[p]

    def write_fr(self, n, sig, se):
        if n < 2:
            self.fault(faults.ILLEGAL_OPERATION, detail=f"f{n} is read-only")
        p = frame.fr_phys(self.ctl, self.C, n)
        self.fr_sig[p] = sig & M64
        self.fr_se[p] = se & 0x3FFFF

    def read_br(self, n):
        return self.br[n]

    def write_br(self, n, v):
        self.br[n] = v & M64

    def read_ar(self, n):
        return self.ar[n]

    def write_ar(self, n, v):
        self.ar[n] = v & M64

    # ------------------------------------------------------------ memory
    def load(self, addr, size, sema=False):
        try:
            if addr & (size - 1):
                check_alignment(self.cpu, addr, size, faults.ISR_R)
            if sema and self.system:
                return self.mem.load(addr, size, sema=True)
            return self.mem.load(addr, size)
        except GuestFault as f:
            f.ip, f.slot = self.ip, self.slot
            raise
        except Exception as exc:
            if hasattr(exc, "addr"):
                raise GuestFault(faults.DATA_ACCESS, self.ip, self.slot, exc.addr,
                                 f"read of {size} bytes at {addr:#x}") from None
            raise

    def load_spec(self, addr, size):
        if self.system:
            try:
                return self.mem.load_spec(addr, size)
            except GuestFault as f:
                f.ip, f.slot = self.ip, self.slot
                raise
        try:
            return self.mem.load(addr, size), 0
        except Exception as exc:
            if hasattr(exc, "addr"):
                return 0, 1
            raise

    def read_state(self, name, i=0):
        if name in self.C:
            return self.ctl[self.C[name]]
        return int(getattr(self.cpu.state, name)[i])

    def write_state(self, name, v, i=0):
        if name in self.C:
            self.ctl[self.C[name]] = v & M64
        else:
            getattr(self.cpu.state, name)[i] = v

    def fma_f64(self, a, b, c):
        return _fma_f64(a, b, c)

    def fma_ext(self, asig, ase, bsig, bse, csig, cse):
        return _fma_ext(asig, ase, bsig, bse, csig, cse)

    def udiv(self, a, n):
        return a // n

    def urem(self, a, n):
        return a % n

    def end_block(self):
        """The interpreter re-reads the frame at every access: nothing to do."""

    def store(self, addr, v, size, sema=False):
        try:
            if addr & (size - 1):
                check_alignment(self.cpu, addr, size, faults.ISR_W)
            if sema and self.system:
                self.mem.store(addr, v, size, sema=True)
                return
            self.mem.store(addr, v, size)
        except GuestFault as f:
            f.ip, f.slot = self.ip, self.slot
            raise
        except Exception as exc:
            if hasattr(exc, "addr"):
                raise GuestFault(faults.DATA_ACCESS, self.ip, self.slot, exc.addr,
                                 f"write of {size} bytes at {addr:#x}") from None
            raise

    # ------------------------------------------------------------ control
    def fault(self, code, cond=None, detail="", arg=0):
        if cond is None or cond:
            raise GuestFault(code, self.ip, self.slot, arg, detail=detail)

    def branch(self, target, cond=None, slot=0):
        if cond is None or cond:
            self.taken = True
            self.target = target & M64
            self.target_ri = slot

    def helper(self, name, *args):
        try:
            return self.helpers[name](self.cpu, *args)
        except GuestFault as f:
            f.ip, f.slot = self.ip, self.slot
            raise

    def helper_if(self, cond, name, *args):
        if cond:
            return self.helper(name, *args)
        return 0


PSR_TB, PSR_SS, PSR_DB = 1 << 26, 1 << 40, 1 << 24
ONE_SHOT = sum(1 << b for b in (37, 38, 39, 43, 45))       # id da dd ed ia


def _trace_trap(e, psr, insn, ip, slot):
    """After an instruction completed while the psr before it had a trace
    bit: the one-instruction disables it had set (psr.id/da/dd/ia/ed) are
    cleared, then the Single Step trap (psr.ss) after any instruction and
    the Taken Branch trap (psr.tb) after a taken branch (not rfi)."""
    if psr & ONE_SHOT and insn.mnemonic != "rfi":
        e.helper("clear_one_shot", psr & ONE_SHOT)
    taken = e.taken and insn.mnemonic != "rfi"
    resume = e.target if e.taken else None
    if psr & PSR_SS:
        raise GuestFault(faults.SINGLE_STEP, ip, slot, resume=resume,
                         isr=0x4 if taken and psr & PSR_TB else 0)
    if taken and psr & PSR_TB:
        raise GuestFault(faults.TAKEN_BRANCH, ip, slot, resume=resume)


class Interpreter:
    """Execute guest code bundle by bundle from the state's ip/ri."""

    def __init__(self, cpu):
        self.cpu = cpu
        self.e = PyEmitter(cpu)
        self.cache = {}            # bundle address -> tuple of 3 slot entries
        self.insn_hook = None      # fn(ip, slot, insn) before each instruction
        # A system machine translates code addresses: ``cache`` is keyed by
        # virtual address and cleared when translations change; decoded
        # bundles are kept by physical address in ``phys_cache``.
        self.system = hasattr(cpu.mem, "code_pa")
        self.phys_cache = {}
        self.stop_now = False      # set by the machine: leave after this instruction
        self.trace = False         # psr.ss or psr.tb is set: check for their traps

    def invalidate(self, start=None, end=None):
        if start is None or self.system:
            self.cache.clear()
            self.phys_cache.clear()
            return
        for a in [a for a in self.cache if start <= a < end]:
            del self.cache[a]

    def decode(self, ip):
        """Per-slot entries of the bundle at ip (cached): (fn, insn, qp, acts_on_false_qp)
        or None for the slot an MLX instruction also occupies."""
        ent = self.cache.get(ip)
        if ent is None and self.system:
            pa = self.cpu.mem.code_pa(ip)
            ent = self.phys_cache.get(pa)
            if ent is None:
                ent = self._decode(ip)
                self.phys_cache[pa] = ent
                self.cpu.mem.note_code(ip)
            self.cache[ip] = ent
        elif ent is None:
            ent = self._decode(ip)
            self.cache[ip] = ent
            page_of = getattr(self.cpu.mem, "code_pages", None)
            if page_of is not None:
                page_of.add(ip >> 12)
        return ent

    def _decode(self, ip):
        b = decode_bundle(self.cpu.mem.fetch_bundle(ip))
        slots = []
        for k in range(3):
            insn = b.insns[k]
            if k == 2 and b.template.units[1] == "L":
                slots.append(None)   # the X instruction sits at slot 1
                continue
            sem = lookup(insn.row) if insn else None
            slots.append((sem.fn if sem else None, insn, insn.f["qp"] if insn else 0,
                          sem.qp if sem else False))
        return tuple(slots)

    def run(self, count: int, until=None, one_block: bool = False) -> int:
        """Execute up to ``count`` instructions, stopping early when ip
        reaches ``until`` at a bundle start (or, with ``one_block``, after the
        first taken branch); return how many ran.

        Faults propagate as GuestFault with ip/slot set and the state left
        as it was before the faulting instruction."""
        e = self.e
        ctl, C = e.ctl, e.C
        IP, RI, ICOUNT, PENDING = C["ip"], C["ri"], C["icount"], C["icount_pending"]
        PSR, LAST = C["psr"], C["last_bundle"]
        RRB_PR = C["rrb_pr"]
        pr = e.pr
        hook = self.insn_hook
        cache = self.cache
        done = 0
        ip = ctl[IP]
        slot = ctl[RI]
        try:
            while done < count:
                ent = cache.get(ip)
                if ent is None:
                    try:
                        ent = self.decode(ip)
                    except GuestFault as f:
                        f.ip, f.slot = ip, slot
                        raise
                    except Exception as exc:
                        if hasattr(exc, "addr"):
                            raise GuestFault(faults.INSTRUCTION_ACCESS, ip, slot,
                                             detail=f"fetch at {ip:#x}") from None
                        raise
                e.ip = ip
                e.taken = False
                while slot < 3:
                    item = ent[slot]
                    if item is None:
                        slot += 1
                        continue
                    fn, insn, qp, qp_mode = item
                    e.slot = slot
                    if fn is None:
                        if insn is None:
                            raise GuestFault(faults.ILLEGAL_OPERATION, ip, slot,
                                             detail="reserved or undecodable encoding")
                        raise GuestFault(faults.UNIMPLEMENTED, ip, slot, detail=insn.text())
                    if hook is not None:
                        ctl[IP], ctl[RI] = ip, slot
                        hook(ip, slot, insn)
                    ctl[PENDING] = done          # (helpers read the exact count)
                    tracing = self.trace
                    if tracing:
                        psr_before = ctl[PSR]
                        if psr_before & PSR_DB:
                            debug_fetch(self.cpu, ip, slot)
                    if qp_mode:
                        e.qp = (pr[qp if qp < 16 else 16 + (qp - 16 + ctl[RRB_PR]) % 48]
                                if qp else 1)
                        fn(e, insn)
                    elif qp == 0 or pr[qp if qp < 16 else 16 + (qp - 16 + ctl[RRB_PR]) % 48]:
                        fn(e, insn)
                    if tracing:
                        _trace_trap(e, psr_before, insn, ip, slot)
                    done += 1
                    ctl[LAST] = ip
                    if e.taken:
                        break
                    slot += 1
                    if done >= count or self.stop_now:
                        break
                if e.taken:
                    ip = e.target & ~0xF & M64
                    slot = e.target_ri
                    e.target_ri = 0
                    e.taken = False
                    if one_block:
                        break
                elif slot >= 3:
                    ip = (ip + 16) & M64
                    slot = 0
                if until is not None and ip == until and slot == 0:
                    break
                if self.stop_now:
                    break
        except GuestFault as f:
            # ip/ri name the faulting instruction; it had no effect
            ctl[IP], ctl[RI] = f.ip, f.slot
            ctl[ICOUNT] = (ctl[ICOUNT] + done) & M64
            ctl[PENDING] = 0
            raise
        ctl[IP], ctl[RI] = ip, slot
        ctl[ICOUNT] = (ctl[ICOUNT] + done) & M64
        ctl[PENDING] = 0
        return done
