"""Moves between register files, nop/hint/break, movl, alloc and the RSE
instructions, and the I-unit integer ops (shifts, extract/deposit, extend,
czx, popcnt, clz)."""

from __future__ import annotations

from .. import faults
from ..rse import e_alloc
from . import sem

AR_BSP, AR_BSPSTORE, AR_RNAT, AR_RSC, AR_ITC, AR_PFS, AR_EC = 17, 18, 19, 16, 44, 64, 66

# ARs the I unit may name (pfs, lc, ec and the ignored 67-127); the M unit
# names the rest.  Wrong unit: Illegal Operation.
I_UNIT_ARS = range(64, 128)
READ_ONLY_ARS = {AR_BSP}
RESERVED_ARS = set(range(8, 16)) | {20, 22, 23, 31, 33, 34, 35, 37, 38, 39, 41, 42, 43} | \
    set(range(46, 48)) | set(range(67, 112))


@sem(r"^nop\.[mifbx]$", r"^hint\.[mifbx]$", "fwb", "mf", "mf.a", "srlz.d", "srlz.i",
     "sync.i")
def no_effect(e, i):
    """No architectural effect in this model (no caches, in-order memory)."""


@sem(r"^break\.[mifbx]$", "break")
def break_(e, i):
    imm = i.f.get("imm21", i.f.get("imm62", 0))
    e.fault(faults.BREAK, arg=imm)


@sem("movl", formats=("X2",))
def movl(e, i):
    e.write_gr(i.r1, e.const(i.imm64), 0)


# ------------------------------------------------------------ application registers

def _check_ar(e, i, n, write):
    in_i = i.type == "I"
    if (n in I_UNIT_ARS) != in_i or n in RESERVED_ARS or (write and n in READ_ONLY_ARS):
        e.fault(faults.ILLEGAL_OPERATION, detail=f"ar{n} via the {i.type} unit")
        return False
    return True


def _privileged_ar(e, n):
    """Kernel registers and ar.itc are written only at cpl 0 (Privileged
    Register fault)."""
    if n < 8 or n == AR_ITC:
        psr = e.read_state("psr")
        e.fault(faults.PRIVILEGED_REGISTER, e.ne(e.and_(psr, e.const(3 << 32)), e.const(0)))


def write_ar_value(e, n, v):
    """Writes with side effects go through the runtime."""
    _privileged_ar(e, n)
    if n == AR_BSPSTORE:
        e.helper("write_bspstore", v)
    elif n == AR_ITC:
        e.helper("write_itc", v)
    elif n == AR_EC:
        e.write_ar(n, e.and_(v, e.const(0x3F)))
    elif n == AR_RSC:
        # reserved fields (bits 15:5, 63:30) fault; pl is at least cpl
        e.fault(faults.RESERVED_REGISTER, e.ne(e.and_(v, e.const(~0x3FFF001F & (1 << 64) - 1)),
                                               e.const(0)))
        cpl = e.and_(e.lshr(e.read_state("psr"), 32), e.const(3))
        pl = e.and_(e.lshr(v, 2), e.const(3))
        pl = e.select(e.ult(pl, cpl), cpl, pl)
        e.write_ar(n, e.or_(e.and_(v, e.const(0x3FFF0013)), e.shl(pl, 2)))
    else:
        e.write_ar(n, v)


@sem("mov.i", "mov.m", formats=("I26", "M29"))
def mov_to_ar(e, i):
    if not _check_ar(e, i, i.ar3, True):
        return
    v, nat = e.read_gr(i.r2)
    e.fault(faults.NAT_CONSUMPTION, nat)
    write_ar_value(e, i.ar3, v)


@sem("mov.i", "mov.m", formats=("I27", "M30"))
def mov_to_ar_imm(e, i):
    if _check_ar(e, i, i.ar3, True):
        write_ar_value(e, i.ar3, e.const(i.imm8))


@sem("mov.i", "mov.m", formats=("I28", "M31"))
def mov_from_ar(e, i):
    if not _check_ar(e, i, i.ar3, False):
        return
    if i.ar3 == AR_ITC:           # psr.si: the ITC is readable at cpl 0 only
        psr = e.read_state("psr")
        e.fault(faults.PRIVILEGED_REGISTER,
                e.land(e.ne(e.and_(psr, e.const(1 << 23)), e.const(0)),
                       e.ne(e.and_(psr, e.const(3 << 32)), e.const(0))))
    v = e.helper("read_itc") if i.ar3 == AR_ITC else e.read_ar(i.ar3)
    e.write_gr(i.r1, v, 0)


# ------------------------------------------------------------ branch, predicate, ip

@sem(r"^mov(\.|$)", formats=("I21",))
def mov_to_br(e, i):
    v, nat = e.read_gr(i.r2)
    e.fault(faults.NAT_CONSUMPTION, nat)
    e.write_br(i.b1, v)


@sem("mov", formats=("I22",))
def mov_from_br(e, i):
    e.write_gr(i.r1, e.read_br(i.b2), 0)


@sem("mov", formats=("I25",))
def mov_from_ip_or_pr(e, i):
    if i.x6 == 0x30:                       # mov r1=ip
        e.write_gr(i.r1, e.const(e.ip), 0)
        return
    v = e.const(1)                         # mov r1=pr: p0 reads as 1
    for n in range(1, 64):
        v = e.or_(v, e.shl(e.to_int(e.read_pr(n)), n))
    e.write_gr(i.r1, v, 0)


@sem("mov", formats=("I23",))
def mov_to_pr(e, i):
    v, nat = e.read_gr(i.r2)
    e.fault(faults.NAT_CONSUMPTION, nat)
    mask = i.mask17
    for n in range(1, 64):
        if (mask >> n) & 1:
            e.write_pr(n, e.truth(e.and_(e.lshr(v, n), e.const(1))))


@sem("mov", formats=("I24",))
def mov_to_pr_rot(e, i):
    imm = i.imm44
    for n in range(16, 64):
        e.write_pr(n, (imm >> n) & 1)


# ------------------------------------------------------------ register stack

@sem("alloc", formats=("M34",))
def alloc(e, i):
    if i.qp != 0:
        e.fault(faults.ILLEGAL_OPERATION, detail="alloc must not be predicated")
        return
    if i.r1 >= 32 + i.sof or i.r1 == 0:
        e.fault(faults.ILLEGAL_OPERATION, detail="alloc target outside the new frame")
        return
    pfs = e.read_ar(AR_PFS)
    e_alloc(e, i.sof, i.sol, i.sor)
    e.write_gr(i.r1, pfs, 0)


@sem("flushrs")
def flushrs(e, i):
    e.helper("flushrs")


@sem("loadrs")
def loadrs(e, i):
    e.helper("loadrs")


@sem("cover")
def cover(e, i):
    e.helper("cover")


@sem("clrrrb")
def clrrrb(e, i):
    e.helper("clrrrb", 0)


@sem("clrrrb.pr")
def clrrrb_pr(e, i):
    e.helper("clrrrb", 1)


# ------------------------------------------------------------ I-unit integer ops

def _unop(e, i, fn):
    v, nat = e.read_gr(i.r3)
    e.write_gr(i.r1, fn(v), nat)


@sem(r"^zxt[124]$")
def zxt(e, i):
    bits = 8 * int(i.mnemonic[-1])
    _unop(e, i, lambda v: e.zext(v, bits))


@sem(r"^sxt[124]$")
def sxt(e, i):
    bits = 8 * int(i.mnemonic[-1])
    _unop(e, i, lambda v: e.sext(v, bits))


@sem(r"^czx[12]\.[lr]$")
def czx(e, i):
    """Index of the first zero byte/half-word (from the left or right);
    the element count when there is none."""
    width = 8 if i.mnemonic[3] == "1" else 16
    n = 64 // width
    left = i.mnemonic.endswith(".l")

    def fn(v):
        mask = (1 << width) - 1
        res = e.const(n)
        # Element k is the k-th from the left (.l) or from the right (.r); the
        # first zero one wins, so select from the last one back to the first.
        for k in reversed(range(n)):
            elem_pos = (n - 1 - k) * width if left else k * width
            is_zero = e.eq(e.and_(e.lshr(v, elem_pos), e.const(mask)), e.const(0))
            res = e.select(is_zero, e.const(k), res)
        return res
    _unop(e, i, fn)


@sem("popcnt", formats=("I9",))
def popcnt(e, i):
    _unop(e, i, e.popcnt)


@sem("clz", formats=("I9",))
def clz(e, i):
    _unop(e, i, e.clz)


def _var_shift(e, i, op):
    a, an = e.read_gr(i.r2)
    n, nn = e.read_gr(i.r3)
    e.write_gr(i.r1, op(a, n), e.lor(an, nn) if not (isinstance(an, int) and an == 0) else nn)


@sem("shl", formats=("I7",))
def shl_var(e, i):
    _var_shift(e, i, e.shl_sat)


@sem("shr", formats=("I5",))
def shr_var(e, i):
    a, an = e.read_gr(i.r3)
    n, nn = e.read_gr(i.r2)
    e.write_gr(i.r1, e.ashr_sat(a, n), e.lor(an, nn))


@sem("shr.u", formats=("I5",))
def shr_u_var(e, i):
    a, an = e.read_gr(i.r3)
    n, nn = e.read_gr(i.r2)
    e.write_gr(i.r1, e.lshr_sat(a, n), e.lor(an, nn))


def _extract(e, v, pos, length, signed):
    """Bits pos..pos+len-1 of v (pos+len may exceed 64: the field stops at 63)."""
    top = min(pos + length, 64)
    width = top - pos
    f = e.lshr(v, pos) if pos else v
    return e.sext(f, width) if signed else e.zext(f, width)


@sem("extr", "extr.u", "shr", "shr.u", formats=("I11",))
def extr(e, i):
    v, nat = e.read_gr(i.r3)
    e.write_gr(i.r1, _extract(e, v, i.pos6b, i.len6, not i.mnemonic.endswith(".u")), nat)


def _deposit(e, target, value, pos, length):
    width = min(pos + length, 64) - pos
    mask = ((1 << width) - 1) << pos
    ins = e.and_(e.shl(value, pos) if pos else value, e.const(mask))
    return e.or_(e.and_(target, e.const(~mask)), ins)


@sem("dep.z", "shl", formats=("I12",))
def dep_z(e, i):
    v, nat = e.read_gr(i.r2)
    e.write_gr(i.r1, _deposit(e, e.const(0), v, i.pos6, i.len6), nat)


@sem("dep.z", formats=("I13",))
def dep_z_imm(e, i):
    e.write_gr(i.r1, e.const(_deposit_int(0, i.imm8, i.pos6, i.len6)), 0)


def _deposit_int(target, value, pos, length):
    width = min(pos + length, 64) - pos
    mask = ((1 << width) - 1) << pos
    return (target & ~mask | (value << pos) & mask) & ((1 << 64) - 1)


@sem("dep", formats=("I14",))
def dep_imm(e, i):
    v, nat = e.read_gr(i.r3)
    e.write_gr(i.r1, _deposit(e, v, e.const(i.imm1), i.pos6, i.len6), nat)


@sem("dep", formats=("I15",))
def dep_reg(e, i):
    a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, _deposit(e, b, a, i.pos6, i.len4), e.lor(an, bn))


@sem("shrp", formats=("I10",))
def shrp(e, i):
    a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    c = i.count6d
    v = b if c == 0 else e.or_(e.lshr(b, c), e.shl(a, 64 - c))
    e.write_gr(i.r1, v, e.lor(an, bn))
