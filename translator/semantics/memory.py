"""Integer memory access and speculation: M-unit majors 4-7 (integer part)
and the ALAT/NaT checks.

    ld1/2/4/8 [.s .a .sa .bias .acq .c.clr .c.nc .c.clr.acq], ld8.fill, ld16[.acq]
        M1 (no update), M2 (r3 += r2), M3 (r3 += imm9); x=1 rows: ld16
    st1/2/4/8[.rel], st8.spill, st16[.rel]          M4, M5 (r3 += imm9)
    cmpxchg1/2/4/8.acq/.rel, cmp8xchg16, xchg1/2/4/8, fetchadd4/8   M16, M17
    lfetch[.excl][.fault], lfetch.count              M13, M13b, M14, M15
    invala, invala.e r1/f1                           M24, M26, M27
    chk.a.nc/.clr r1/f1                              M22, M23
    chk.s.i (I20), chk.s.m (M20), chk.s f2 (M21)

Hint completers (.nt1 .nt2 .nta .d1-.d7) and ordering completers (.acq
.rel: this model executes memory accesses in program order) have no effect.

Speculation follows the SDM with psr.ed honoured and the DCR as "defer
everything": a speculative load that would fault (unmapped address, NaT
address, misaligned -- as Linux retries those with psr.ed) sets the
target's NaT and writes 0; ld.sa that defers leaves no ALAT entry.

Alignment: semaphores, ld16/st16, ld8.fill and st8.spill always take an
Unaligned Data Reference fault when misaligned (Linux does not emulate
them); other loads and stores are performed (Linux's unaligned handler makes
them work for user code) unless psr.ac is 1 -- which the emitters' ``load``
and ``store`` check themselves (translator/helpers.py check_alignment).
A misaligned advanced or
check load leaves no ALAT entry for its register (as Linux's emulation
does).  Faults are checked in the order: Illegal Operation, NaT
Consumption, Unaligned Data Reference, data access.
"""

from __future__ import annotations

from .. import alat, faults
from ..faults import GuestFault
from ..helpers import HELPERS
from . import sem

AR_CSD, AR_CCV, AR_UNAT = 25, 32, 36
PSR_AC = 1 << 3
PSR_ED = 1 << 43
NATVAL_SE = 0x1FFFE

_HINTS = {"nt1", "nt2", "nta", "d1", "d2", "d3", "d4", "d5", "d6", "d7"}


def _parse(mnemonic):
    """(base, completer set) with hints dropped: 'ld8.c.clr.acq.nta' ->
    ('ld8', {'c', 'clr', 'acq'})."""
    base, *rest = mnemonic.split(".")
    return base, {c for c in rest if c not in _HINTS}


def _mem_load(cpu, addr, size):
    """Runtime load that raises the precise data-access fault (compiled code
    calls the backend's own slow path under this name)."""
    try:
        return cpu.mem.load(addr, size)
    except Exception as exc:
        if hasattr(exc, "addr"):
            raise GuestFault(faults.DATA_ACCESS, arg=exc.addr,
                             detail=f"read of {size} bytes at {addr:#x}") from None
        raise


def _mem_load_spec(cpu, addr, size, flag_addr):
    """Runtime load that reports failure in the word at flag_addr instead of
    raising (compiled code's soft-TLB miss path of ``e.load_spec``)."""
    import ctypes
    try:
        return cpu.mem.load(addr, size)
    except Exception as exc:
        if hasattr(exc, "addr"):
            ctypes.c_uint64.from_address(flag_addr).value = 1
            return 0
        raise


HELPERS.update(alat.HELPERS)
HELPERS["mem_load"] = _mem_load
HELPERS["mem_load_spec"] = _mem_load_spec


# ------------------------------------------------------------ shared pieces

def _misaligned(e, addr, size):
    if size == 1:
        return 0
    return e.truth(e.and_(addr, e.const(size - 1)))


def _psr_bit(e, psr, bit):
    return e.truth(e.and_(psr, e.const(bit)))


def _invalidate(e, addr, size):
    """Every store: drop the ALAT entries it overlaps (only if there are any)."""
    e.helper_if(e.read_state("alat_count"), "alat_store", addr, e.const(size))


def unaligned(e, kind, addr, cond):
    """Unaligned Data Reference fault if cond: through the runtime, so that
    the vector gets the data address (IFA) and ISR.r/w (kind: 1 read,
    2 write, 3 both)."""
    isr = (faults.ISR_R if kind & 1 else 0) | (faults.ISR_W if kind & 2 else 0)
    e.helper_if(cond, "data_fault", e.const(faults.UNALIGNED_REFERENCE), addr, e.const(isr))


def _illegal(e, cond_decode_time, detail):
    if cond_decode_time:
        e.fault(faults.ILLEGAL_OPERATION, detail=detail)
        return True
    return False


# ------------------------------------------------------------ loads

class _Plan:
    """What a load/store row does, worked out once per row (decode time)."""
    __slots__ = ("size", "fmt", "spec", "adv", "check", "clr", "nc", "fill", "spill")

    def __init__(self, row):
        base, comp = _parse(row.mnemonic)
        self.size = int(base[2:])
        self.fmt = row.fmt.name
        self.spec = "s" in comp or "sa" in comp
        self.adv = "a" in comp or "sa" in comp
        self.check = "c" in comp
        self.clr = "clr" in comp
        self.nc = "nc" in comp
        self.fill = "fill" in comp
        self.spill = "spill" in comp


_PLANS = {}


def _plan(i):
    row = i.row
    p = _PLANS.get(row.index)
    if p is None:
        p = _PLANS[row.index] = _Plan(row)
    return p


@sem(r"^ld(1|2|4|8)(\.|$)", formats=("M1", "M2", "M3"))
def ld(e, i):
    p = _plan(i)
    size, fmt = p.size, p.fmt
    r1, r3 = i.r1, i.r3
    if _illegal(e, r1 == 0, "load to r0") or \
            _illegal(e, fmt != "M1" and (r3 == 0 or r1 == r3), "bad base update"):
        return
    if r1 >= 32:
        e.read_gr(r1)                     # out of frame: Illegal Operation first
    addr, nat3 = e.read_gr(r3)
    # r2 is read before r1 is written (it may be the same register)
    if fmt == "M2":
        inc, nat2 = e.read_gr(i.r2)

    if not (p.spec or p.check or p.adv or p.fill):          # the common case
        e.fault(faults.NAT_CONSUMPTION, nat3, arg=1)
        e.write_gr(r1, e.load(addr, size), 0)        # (misaligned with psr.ac: the load faults)
    else:
        _ld_special(e, i, p, addr, nat3)
    if fmt == "M2":
        e.write_gr(r3, e.add(addr, inc), e.lor(nat3, nat2) if p.spec else nat2)
    elif fmt == "M3":
        e.write_gr(r3, e.add(addr, e.const(i.imm9)), nat3 if p.spec else 0)


def _ld_special(e, i, p, addr, nat3):
    """Speculative, advanced, check loads and ld8.fill: write r1 (and the ALAT)."""
    size = p.size
    code = alat.gr_code(i.r1)
    psr = e.read_state("psr") if p.spec or p.check else None
    mis = _misaligned(e, addr, size)
    if p.spec:
        v, failed = e.load_spec(addr, size)
        defer = e.lor(e.lor(nat3, failed), e.lor(mis, _psr_bit(e, psr, PSR_ED)))
        val = e.select(defer, e.const(0), v)
        nat = defer
        if p.adv:
            e.helper("alat_set", e.const(code), addr, e.select(defer, e.const(0), e.const(size)))
    elif p.check:
        e.fault(faults.NAT_CONSUMPTION, nat3, arg=1)
        hit = e.truth(e.helper("alat_check", e.const(code), e.const(1 if p.clr else 0)))
        miss = e.lnot(hit)
        unaligned(e, 1, addr, e.land(miss, e.land(mis, _psr_bit(e, psr, PSR_AC))))
        v, failed = e.load_spec(addr, size)
        e.helper_if(e.land(miss, failed), "mem_load", addr, e.const(size))   # raises
        old, old_nat = e.read_gr(i.r1)
        val = e.select(hit, old, v)
        nat = e.land(hit, old_nat)
        if p.nc:                          # a miss re-inserts (not when misaligned)
            e.helper_if(e.land(miss, e.lnot(mis)), "alat_set", e.const(code), addr,
                        e.const(size))
    else:
        e.fault(faults.NAT_CONSUMPTION, nat3, arg=1)
        if p.fill:
            unaligned(e, 1, addr, mis)
        val = e.load(addr, size)                      # (checks psr.ac)
        if p.fill:
            bit = e.and_(e.lshr(addr, 3), e.const(63))
            nat = e.truth(e.and_(e.lshr(e.read_ar(AR_UNAT), bit), e.const(1)))
        else:
            nat = 0
        if p.adv:
            e.helper("alat_set", e.const(code), addr,
                     e.select(mis, e.const(0), e.const(size)))
    e.write_gr(i.r1, val, nat)


@sem(r"^ld16(\.|$)", formats=("M1",))
def ld16(e, i):
    if _illegal(e, i.r1 == 0, "load to r0"):
        return
    addr, nat3 = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat3, arg=1)
    unaligned(e, 1, addr, _misaligned(e, addr, 16))
    lo = e.load(addr, 8)
    hi = e.load(e.add(addr, e.const(8)), 8)
    e.write_gr(i.r1, lo, 0)
    e.write_ar(AR_CSD, hi)


# ------------------------------------------------------------ stores

@sem(r"^st(1|2|4|8)(\.|$)", formats=("M4", "M5"))
def st(e, i):
    p = _plan(i)
    size, spill = p.size, p.spill
    if _illegal(e, p.fmt == "M5" and i.r3 == 0, "bad base update"):
        return
    addr, nat3 = e.read_gr(i.r3)
    v, nat2 = e.read_gr(i.r2)
    e.fault(faults.NAT_CONSUMPTION, nat3 if spill else e.lor(nat3, nat2), arg=2)
    if spill:
        unaligned(e, 2, addr, _misaligned(e, addr, size))
    e.store(addr, v, size)                            # (checks psr.ac)
    if spill:
        bit = e.and_(e.lshr(addr, 3), e.const(63))
        unat = e.read_ar(AR_UNAT)
        unat = e.or_(e.andcm(unat, e.shl(e.const(1), bit)), e.shl(e.to_int(nat2), bit))
        e.write_ar(AR_UNAT, unat)
    _invalidate(e, addr, size)
    if p.fmt == "M5":
        e.write_gr(i.r3, e.add(addr, e.const(i.imm9)), 0)


@sem(r"^st16(\.|$)", formats=("M4",))
def st16(e, i):
    addr, nat3 = e.read_gr(i.r3)
    v, nat2 = e.read_gr(i.r2)
    e.fault(faults.NAT_CONSUMPTION, e.lor(nat3, nat2), arg=2)
    unaligned(e, 2, addr, _misaligned(e, addr, 16))
    e.store(addr, v, 8)
    e.store(e.add(addr, e.const(8)), e.read_ar(AR_CSD), 8)
    _invalidate(e, addr, 16)


# ------------------------------------------------------------ semaphores

def _sema_prologue(e, i, size, with_r2=True):
    """Checks common to the semaphores; returns (addr, r2 value) or None."""
    if _illegal(e, i.r1 == 0, "semaphore to r0"):
        return None
    addr, nat3 = e.read_gr(i.r3)
    if with_r2:
        v, nat2 = e.read_gr(i.r2)
        e.fault(faults.NAT_CONSUMPTION, e.lor(nat3, nat2), arg=3)
    else:
        v = None
        e.fault(faults.NAT_CONSUMPTION, nat3, arg=3)
    unaligned(e, 3, addr, _misaligned(e, addr, size))
    return addr, v


@sem(r"^cmpxchg(1|2|4|8)\.", formats=("M16",))
def cmpxchg(e, i):
    size = int(_parse(i.mnemonic)[0][7:])
    ops = _sema_prologue(e, i, size)
    if ops is None:
        return
    addr, v = ops
    old = e.load(addr, size, sema=True)
    eq = e.eq(old, e.read_ar(AR_CCV))
    e.store(addr, e.select(eq, v, old), size, sema=True)   # semaphores need write access anyway
    _invalidate(e, addr, size)
    e.write_gr(i.r1, old, 0)


@sem(r"^cmp8xchg16\.", formats=("M16",))
def cmp8xchg16(e, i):
    """The 8 bytes at r3 (8-aligned) are compared with ar.ccv; if equal, the
    16-byte aligned block holding them becomes r2 (low 8 bytes), ar.csd (high)."""
    ops = _sema_prologue(e, i, 8)
    if ops is None:
        return
    addr, v = ops
    blk = e.andcm(addr, e.const(15))
    lo = e.load(blk, 8, sema=True)
    hi = e.load(e.add(blk, e.const(8)), 8, sema=True)
    old = e.select(e.truth(e.and_(addr, e.const(8))), hi, lo)
    eq = e.eq(old, e.read_ar(AR_CCV))
    e.store(blk, e.select(eq, v, lo), 8, sema=True)
    e.store(e.add(blk, e.const(8)), e.select(eq, e.read_ar(AR_CSD), hi), 8, sema=True)
    _invalidate(e, blk, 16)
    e.write_gr(i.r1, old, 0)


@sem(r"^xchg(1|2|4|8)(\.|$)", formats=("M16",))
def xchg(e, i):
    size = int(_parse(i.mnemonic)[0][4:])
    ops = _sema_prologue(e, i, size)
    if ops is None:
        return
    addr, v = ops
    old = e.load(addr, size, sema=True)
    e.store(addr, v, size, sema=True)
    _invalidate(e, addr, size)
    e.write_gr(i.r1, old, 0)


@sem(r"^fetchadd(4|8)\.", formats=("M17",))
def fetchadd(e, i):
    size = int(_parse(i.mnemonic)[0][8:])
    ops = _sema_prologue(e, i, size, with_r2=False)
    if ops is None:
        return
    addr, _ = ops
    old = e.load(addr, size, sema=True)
    e.store(addr, e.add(old, e.const(i.inc3)), size, sema=True)
    _invalidate(e, addr, size)
    e.write_gr(i.r1, old, 0)


# ------------------------------------------------------------ line prefetch

@sem(r"^lfetch(\.|$)", formats=("M13", "M13b", "M14", "M15"))
def lfetch(e, i):
    """No memory effect; the update forms do update r3 (NaT propagating).
    lfetch.fault consumes a NaT address (unless psr.ed) and, on a system
    machine, takes its address's TLB faults as a non-access reference."""
    _, comp = _parse(i.mnemonic)
    if _illegal(e, i.format in ("M14", "M15") and i.r3 == 0, "bad base update"):
        return
    addr, nat3 = e.read_gr(i.r3)
    if "fault" in comp:
        ed = _psr_bit(e, e.read_state("psr"), PSR_ED)
        e.fault(faults.NAT_CONSUMPTION, e.land(nat3, e.lnot(ed)), arg=1)
        # a system machine takes the address's TLB faults (non-access, ISR.code 4)
        e.helper_if(e.lnot(nat3), "fc_translate", addr, e.const(1))
    if i.format == "M14":
        inc, nat2 = e.read_gr(i.r2)
        e.write_gr(i.r3, e.add(addr, inc), e.lor(nat3, nat2))
    elif i.format == "M15":
        e.write_gr(i.r3, e.add(addr, e.const(i.imm9)), nat3)


# ------------------------------------------------------------ ALAT and checks

@sem("invala", formats=("M24",))
def invala(e, i):
    e.helper("alat_clear")


@sem("invala.e", formats=("M26",))
def invala_e_gr(e, i):
    e.helper("alat_set", e.const(alat.gr_code(i.r1)), e.const(0), e.const(0))


@sem("invala.e", formats=("M27",))
def invala_e_fr(e, i):
    e.helper("alat_set", e.const(alat.fr_code(i.f1)), e.const(0), e.const(0))


@sem("chk.a.nc", "chk.a.clr", formats=("M22", "M23"))
def chk_a(e, i):
    code = alat.gr_code(i.r1) if i.format == "M22" else alat.fr_code(i.f1)
    clear = 1 if i.mnemonic.endswith("clr") else 0
    hit = e.truth(e.helper("alat_check", e.const(code), e.const(clear)))
    e.branch(e.const(e.ip + i.target25), e.lnot(hit))


@sem("chk.s.i", formats=("I20",))
@sem("chk.s.m", formats=("M20",))
def chk_s_gr(e, i):
    _, nat = e.read_gr(i.r2)
    e.branch(e.const(e.ip + i.target25), nat)


@sem("chk.s", formats=("M21",))
def chk_s_fr(e, i):
    sig, se = e.read_fr(i.f2)
    natval = e.land(e.eq(se, e.const(NATVAL_SE)), e.eq(sig, e.const(0)))
    e.branch(e.const(e.ip + i.target25), natval)
