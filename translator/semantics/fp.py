"""Floating point: the F unit (F1-F16) and the FP memory and transfer
instructions of the M unit (ldf*, ldfp*, stf*, getf, setf).

Arithmetic that rounds or signals IEEE exceptions (fma family, fpma
family, min/max, compares, frcpa/frsqrta, fcvt.fx) runs in runtime helpers
(translator/fp/runtime.py, exact integer arithmetic in translator/fp/ieee.py)
called through ``e.helper`` from both engines with the decode-time operands
packed into constants and the current ar.fpsr as an argument (compiled code
caches application registers: the helper stores ar.fpsr back, always, and
the caller reloads it).  FRs are never cached, so helpers read and write them
in the state.  Bit-level operations (merges, logicals, mixes,
xma, fselect, fcvt.xf, memory-format conversions, getf/setf, fsetc, fclrf,
fchkf) are written inline with emitter operations.

Register format: ``(sig, se)``, se = sign << 17 | exponent (bias 0xFFFF);
NaTVal = (0, 0x1FFFE); integers have exponent 0x1003E.

Instructions:

    F1   fma fms fnma (.s .d), fadd fsub fmpy fnmpy fnorm (= fcvt.xuf),
         fpma fpms fpnma fpmpy fpnmpy      f2 = f0 adds nothing (IEEE multiply)
    F2   xma.l/.h/.hu, xmpy.*              F3   fselect
    F4   fcmp.eq/lt/le/unord[.unc]         F5   fclass.m[.unc]
    F6/7 frcpa frsqrta fprcpa fprsqrta     (a false qp clears p2)
    F8   fmin fmax famin famax, fp* forms, fpcmp.*
    F9   fmerge.s/.ns/.se (mov fneg fabs fnegabs), fmix.*, fsxt.*, fswap*,
         fand fandcm for fxor, fpack, fpmerge.* (fpabs fpneg fpnegabs)
    F10  fcvt.fx/.fxu[.trunc], fpcvt.*     F11  fcvt.xf
    F12-14 fsetc fclrf fchkf               F15/16: misc.py (break/nop/hint)
    M6-M12 ldfs ldfd ldf8 ldfe ldf.fill ldfps ldfpd ldfp8 with .s .a .sa
         .c.clr .c.nc (ALAT: translator/alat.py) and base updates
    M9/10 stfs stfd stf8 stfe stf.spill    M18/19 setf/getf .sig .exp .s .d

Every FR write sets psr.mfl (f2-f31) or psr.mfh (f32-f127).
"""

from __future__ import annotations

from .. import faults
from ..fp import runtime as _runtime          # noqa: F401  (registers the helpers)
from ..helpers import HELPERS
from . import sem
from .memory import unaligned
from .compare import write_pred_pair

try:                                         # the ALAT helpers (translator/alat.py)
    from .. import alat as _alat
    for _k, _v in _alat.HELPERS.items():
        HELPERS.setdefault(_k, _v)
    HAVE_ALAT = True
except ImportError:                          # pragma: no cover
    _alat = None
    HAVE_ALAT = False

AR_FPSR = 40
EXP_INT = 0x1003E
NATVAL_SE = 0x1FFFE
TOP = 1 << 63


def _pack(i, f1=0, f2=0, f3=0, f4=0):
    return f1 | f2 << 7 | f3 << 14 | f4 << 21 | i.f.get("sf", 0) << 28


def _target_ok(e, *regs):
    """Writing f0 or f1 is an Illegal Operation fault."""
    if any(r < 2 for r in regs):
        e.fault(faults.ILLEGAL_OPERATION, detail="f0/f1 are read-only")
        return False
    return True


PSR_MFL, PSR_MFH = 1 << 4, 1 << 5


def _wfr(e, n, sig, se):
    """Write an FR and mark psr.mfl (f2-f31) or psr.mfh (f32-f127) as the
    SDM's fp_update_psr does (the OS saves FP state lazily by them).  The
    runtime sets the bit only when it is clear: a state read otherwise."""
    e.write_fr(n, sig, se)
    bit = PSR_MFL if n < 32 else PSR_MFH
    e.helper_if(e.lnot(e.truth(e.and_(e.read_state("psr"), e.const(bit)))),
                "fp_psr_mark", bit)


def _isnat(e, sig, se):
    return e.land(e.eq(sig, e.const(0)), e.eq(se, e.const(NATVAL_SE)))


def _trap(e, code):
    """An enabled overflow/underflow/inexact trap reported by a helper
    (the result and the status flags are already written)."""
    e.helper_if(e.truth(code), "fp_trap", code)


def _write_int(e, n, sig, nat):
    """An integer-format result (exponent 0x1003E, sign 0), or NaTVal."""
    _wfr(e, n, e.select(nat, e.const(0), sig),
               e.select(nat, e.const(NATVAL_SE), e.const(EXP_INT)))


# ------------------------------------------------------------ F1: multiply-add

_FMA_OP = {"fma": 0, "fmpy": 0, "fadd": 0, "fnorm": 0, "fms": 1, "fsub": 1, "fnma": 2,
           "fnmpy": 2, "fpma": 0, "fpmpy": 0, "fpms": 1, "fpnma": 2, "fpnmpy": 2}


@sem(r"^(fma|fmpy|fadd|fnorm|fms|fsub|fnma|fnmpy|fpma|fpmpy|fpms|fpnma|fpnmpy)(\.[sd])?"
     r"\.s[0-3]$", formats=("F1",))
def fma(e, i):
    parts = i.mnemonic.split(".")
    kind = _FMA_OP[parts[0]]
    if parts[1] in ("s", "d"):
        kind |= {"s": 1, "d": 2}[parts[1]] << 2
    if parts[0].startswith("fp"):
        kind |= 16
    if not _target_ok(e, i.f1):
        return
    fpsr = e.read_ar(AR_FPSR)
    if parts[1] == "s" or parts[0].startswith("fp"):
        _trap(e, e.helper("fp_fma", _pack(i, i.f1, i.f2, i.f3, i.f4), kind, fpsr))
        return
    # Double precision, or the register precision with sf.pc = extended:
    # where the host's own fused multiply-add gives the same bits (see
    # _fast_fma, _fast_fma_ext), use it; elsewhere the exact soft-float.
    if parts[1] == "d":
        fast, sig, se = _fast_fma(e, i, kind & 3, fpsr)
    else:
        fast, sig, se = _fast_fma_ext(e, i, kind & 3, fpsr)
    _trap(e, e.helper_if(e.lnot(fast), "fp_fma", _pack(i, i.f1, i.f2, i.f3, i.f4), kind, fpsr))
    osig, ose = e.read_fr(i.f1)
    e.write_fr(i.f1, e.select(fast, sig, osig), e.select(fast, se, ose))


_DBL_EXP_SPAN = 400          # operands within 2**+-400: no overflow, no underflow, no subnormal


def _fast_env(e, i, fpsr, need_pc=None):
    """sf rounds to nearest, its inexact flag is already set, traps are off
    (and, with need_pc, its precision control is that)."""
    sf = i.f.get("sf", 0)
    sfbits = e.and_(e.lshr(fpsr, 6 + 13 * sf), e.const(0x1FFF))
    mask, want = 0x30, 0
    if need_pc is not None:
        mask, want = 0x3C, need_pc << 2
    env_ok = e.land(e.eq(e.and_(sfbits, e.const(mask)), e.const(want)),
                    e.ne(e.and_(sfbits, e.const(1 << 12)), e.const(0)))
    traps_off = e.lor(e.eq(e.and_(fpsr, e.const(0x3F)), e.const(0x3F)),
                      e.ne(e.and_(sfbits, e.const(1 << 6)), e.const(0)))     # or sf.td
    return e.land(env_ok, traps_off)


def _ext_ok(e, sig, se):
    """+-0, or normalised with |exponent| <= 400 (no overflow/underflow)."""
    exp = e.and_(se, e.const(0x1FFFF))
    zero = e.land(e.eq(sig, e.const(0)), e.eq(exp, e.const(0)))
    normal = e.land(e.ne(e.and_(sig, e.const(TOP)), e.const(0)),
                    e.ule(e.sub(exp, e.const(0xFFFF - _DBL_EXP_SPAN)), e.const(2 * _DBL_EXP_SPAN)))
    return e.lor(zero, normal)


def _fast_fma_ext(e, i, op, fpsr):
    """fma/fms/fnma with sf.pc = extended (64-bit significand: libgcc's
    division, the .s1 Newton steps) on the host's 80-bit fused
    multiply-add, under the guards of _fast_fma."""
    asig, ase = e.read_fr(i.f3)
    bsig, bse = e.read_fr(i.f4)
    ok = e.land(_ext_ok(e, asig, ase), _ext_ok(e, bsig, bse))
    if i.f2 == 0:
        csig, cse = e.const(0), e.const(1 << 17)       # a multiply: "+ (-0)" keeps its sign
    else:
        csig, cse = e.read_fr(i.f2)
        ok = e.land(ok, _ext_ok(e, csig, cse))
        if op == 1:
            cse = e.xor(cse, e.const(1 << 17))
    if op == 2:
        ase = e.xor(ase, e.const(1 << 17))
    fast = e.land(_fast_env(e, i, fpsr, need_pc=3), ok)
    sig, se = e.fma_ext(asig, ase, bsig, bse, csig, cse)
    return fast, sig, se


def _to_double(e, sig, se):
    """(IEEE double bits, ok): ok when the register value is +-0 or a normal
    number exactly representable in double with |exponent| <= 400."""
    exp = e.and_(se, e.const(0x1FFFF))
    sign = e.shl(e.and_(e.lshr(se, 17), e.const(1)), 63)
    zero = e.land(e.eq(sig, e.const(0)), e.eq(exp, e.const(0)))
    ok = e.land(_ext_ok(e, sig, se),                    # and no bits below a double's 53
                e.eq(e.and_(sig, e.const(0x7FF)), e.const(0)))
    dexp = e.add(e.sub(exp, e.const(0xFFFF)), e.const(1023))
    bits = e.or_(sign, e.or_(e.shl(e.and_(dexp, e.const(0x7FF)), 52),
                             e.and_(e.lshr(sig, 11), e.const((1 << 52) - 1))))
    return e.select(zero, sign, bits), ok


def _fast_fma(e, i, op, fpsr):
    """fma.d/fms.d/fnma.d (and their fmpy/fadd/fsub/fnmpy forms) on the
    host's IEEE double fma when that is exactly what the architecture
    computes and nothing new must be recorded: operands +-0 or normal
    doubles within 2**+-400 (so the exact result can neither overflow nor
    underflow), round to nearest, traps disabled, and sf's inexact flag
    already set (the only flag such an operation can raise; it is sticky).
    Returns (fast cond, significand, sign_exponent)."""
    a, aok = _to_double(e, *e.read_fr(i.f3))
    b, bok = _to_double(e, *e.read_fr(i.f4))
    if i.f2 == 0:
        c, cok = e.const(TOP), e.truth(e.const(1))     # f0: a multiply -- "+ (-0)" keeps its sign
    else:
        c, cok = _to_double(e, *e.read_fr(i.f2))
        if op == 1:
            c = e.xor(c, e.const(TOP))
    if op == 2:
        a = e.xor(a, e.const(TOP))
    fast = e.land(_fast_env(e, i, fpsr), e.land(e.land(aok, bok), cok))
    r = e.fma_f64(a, b, c)
    rsign = e.shl(e.lshr(r, 63), 17)
    rzero = e.eq(e.and_(r, e.const(~TOP & (1 << 64) - 1)), e.const(0))
    rexp = e.add(e.sub(e.and_(e.lshr(r, 52), e.const(0x7FF)), e.const(1023)), e.const(0xFFFF))
    sig = e.select(rzero, e.const(0),
                   e.or_(e.const(TOP), e.shl(e.and_(r, e.const((1 << 52) - 1)), 11)))
    se = e.or_(rsign, e.select(rzero, e.const(0), rexp))
    return fast, sig, se


# ------------------------------------------------------------ F2: fixed-point multiply-add

@sem(r"^(xma|xmpy)\.(l|h|hu)$", formats=("F2",))
def xma(e, i):
    if not _target_ok(e, i.f1):
        return
    a, ase = e.read_fr(i.f3)
    b, bse = e.read_fr(i.f4)
    c, cse = e.read_fr(i.f2)
    nat = e.lor(e.lor(_isnat(e, a, ase), _isnat(e, b, bse)), _isnat(e, c, cse))
    lo = e.mul(a, b)
    kind = i.mnemonic.split(".")[1]
    if kind == "l":
        res = e.add(lo, c)
    else:
        hi = e.umulh(a, b) if kind == "hu" else e.smulh(a, b)
        s = e.add(lo, c)
        res = e.add(hi, e.to_int(e.ult(s, lo)))
    _write_int(e, i.f1, res, nat)


# ------------------------------------------------------------ F3: select

@sem("fselect", formats=("F3",))
def fselect(e, i):
    if not _target_ok(e, i.f1):
        return
    a, ase = e.read_fr(i.f3)
    b, bse = e.read_fr(i.f4)
    m, mse = e.read_fr(i.f2)
    nat = e.lor(e.lor(_isnat(e, a, ase), _isnat(e, b, bse)), _isnat(e, m, mse))
    _write_int(e, i.f1, e.or_(e.and_(a, m), e.andcm(b, m)), nat)


# ------------------------------------------------------------ F4/F5: compare, class

_FCMP_REL = {"eq": 0, "lt": 1, "le": 2, "unord": 3}


def fcmp(e, i):
    parts = i.mnemonic.split(".")
    unc = parts[2] == "unc"
    if i.p1 == i.p2:
        e.fault(faults.ILLEGAL_OPERATION)
        return
    qp = e.to_int(e.qp) if unc else e.const(1)
    pack = e.or_(e.const(_pack(i, 0, i.f2, i.f3)), e.shl(qp, 30))
    r = e.helper("fp_cmp", pack, _FCMP_REL[parts[1]], e.read_ar(AR_FPSR))
    rel = e.truth(e.and_(r, e.const(1)))
    nat = e.truth(e.and_(r, e.const(2)))
    write_pred_pair(e, i, "unc" if unc else "", rel, nat)


sem(r"^fcmp\.(eq|lt|le|unord)\.s[0-3]$", formats=("F4",))(fcmp)
sem(r"^fcmp\.(eq|lt|le|unord)\.unc\.s[0-3]$", formats=("F4",), qp=True)(fcmp)


def fclass(e, i):
    if i.p1 == i.p2:
        e.fault(faults.ILLEGAL_OPERATION)
        return
    sig, se = e.read_fr(i.f2)
    r = e.helper("fp_class", sig, se, i.fclass9)
    write_pred_pair(e, i, "unc" if i.mnemonic.endswith(".unc") else "", e.truth(r), e.const(0))


sem("fclass.m", formats=("F5",))(fclass)
sem("fclass.m.unc", formats=("F5",), qp=True)(fclass)


# ------------------------------------------------------------ F6/F7: reciprocal approximation

_RCPA = {"frcpa": 0, "frsqrta": 1, "fprcpa": 2, "fprsqrta": 3}


@sem(r"^(frcpa|frsqrta|fprcpa|fprsqrta)\.s[0-3]$", formats=("F6", "F7"), qp=True)
def frcpa(e, i):
    """With a false predicate p2 is cleared (and nothing else happens)."""
    if not _target_ok(e, i.f1):
        return
    name = i.mnemonic.split(".")[0]
    pack = e.or_(e.const(_pack(i, i.f1, i.f.get("f2", 0), i.f3)), e.shl(e.to_int(e.qp), 30))
    r = e.helper("fp_rcpa", pack, _RCPA[name], e.read_ar(AR_FPSR))
    e.write_pr(i.p2, e.truth(e.and_(r, e.const(1))))
    _trap(e, e.lshr(r, 1))


# ------------------------------------------------------------ F8: min/max, parallel compare

_MINMAX = {"fmin": 0, "fmax": 1, "famin": 2, "famax": 3,
           "fpmin": 4, "fpmax": 5, "fpamin": 6, "fpamax": 7}
_PCMP = {"eq": 0, "lt": 1, "le": 2, "unord": 3, "neq": 4, "nlt": 5, "nle": 6, "ord": 7}


@sem(r"^(fmin|fmax|famin|famax|fpmin|fpmax|fpamin|fpamax)\.s[0-3]$", formats=("F8",))
def fminmax(e, i):
    if _target_ok(e, i.f1):
        _trap(e, e.helper("fp_minmax", _pack(i, i.f1, i.f2, i.f3),
                          _MINMAX[i.mnemonic.split(".")[0]], e.read_ar(AR_FPSR)))


@sem(r"^fpcmp\.", formats=("F8",))
def fpcmp(e, i):
    if _target_ok(e, i.f1):
        _trap(e, e.helper("fp_pcmp", _pack(i, i.f1, i.f2, i.f3),
                          _PCMP[i.mnemonic.split(".")[1]], e.read_ar(AR_FPSR)))


# ------------------------------------------------------------ F9: merge, logical, mix, pack

def _two(e, i):
    a, ase = e.read_fr(i.f2)
    b, bse = e.read_fr(i.f3)
    return a, ase, b, bse, e.lor(_isnat(e, a, ase), _isnat(e, b, bse))


def _write_or_nat(e, n, sig, se, nat):
    _wfr(e, n, e.select(nat, e.const(0), sig), e.select(nat, e.const(NATVAL_SE), se))


@sem("fmerge.s", "fmerge.ns", "fmerge.se", "mov", "fabs", "fneg", "fnegabs", formats=("F9",))
def fmerge(e, i):
    """mov/fabs/fneg/fnegabs are fmerge.s/.ns pseudo-ops (x6 says which)."""
    if not _target_ok(e, i.f1):
        return
    a, ase, b, bse, nat = _two(e, i)
    sign = e.and_(ase, e.const(1 << 17))
    if i.x6 == 0x10:                                  # fmerge.s
        se = e.or_(sign, e.and_(bse, e.const(0x1FFFF)))
        sig = b
    elif i.x6 == 0x11:                                # fmerge.ns
        se = e.or_(e.xor(sign, e.const(1 << 17)), e.and_(bse, e.const(0x1FFFF)))
        sig = b
    else:                                             # fmerge.se
        se, sig = ase, b
    _write_or_nat(e, i.f1, sig, se, nat)


def _hi(e, v):
    return e.lshr(v, 32)


def _lo(e, v):
    return e.and_(v, e.const(0xFFFFFFFF))


def _join(e, hi, lo):
    return e.or_(e.shl(e.and_(hi, e.const(0xFFFFFFFF)), 32), e.and_(lo, e.const(0xFFFFFFFF)))


def _reg_to_single(e, sig, se):
    exp = e.and_(se, e.const(0x1FFFF))
    e8 = e.or_(e.shl(e.and_(e.lshr(exp, 16), e.const(1)), 7), e.and_(exp, e.const(0x7F)))
    e8 = e.select(e.truth(e.lshr(sig, 63)), e8, e.const(0))
    return e.or_(e.or_(e.shl(e.and_(e.lshr(se, 17), e.const(1)), 31), e.shl(e8, 23)),
                 e.and_(e.lshr(sig, 40), e.const(0x7FFFFF)))


def _reg_to_double(e, sig, se):
    exp = e.and_(se, e.const(0x1FFFF))
    e11 = e.or_(e.shl(e.and_(e.lshr(exp, 16), e.const(1)), 10), e.and_(exp, e.const(0x3FF)))
    e11 = e.select(e.truth(e.lshr(sig, 63)), e11, e.const(0))
    return e.or_(e.or_(e.shl(e.and_(e.lshr(se, 17), e.const(1)), 63), e.shl(e11, 52)),
                 e.and_(e.lshr(sig, 11), e.const((1 << 52) - 1)))


def _single_to_reg(e, bits):
    s = e.and_(e.lshr(bits, 31), e.const(1))
    ex = e.and_(e.lshr(bits, 23), e.const(0xFF))
    frac = e.and_(bits, e.const(0x7FFFFF))
    f = e.shl(frac, 40)
    ez = e.eq(ex, e.const(0))
    sig = e.select(ez, f, e.or_(f, e.const(TOP)))
    exp = e.select(e.eq(ex, e.const(0xFF)), e.const(0x1FFFF),
                   e.select(ez, e.select(e.eq(frac, e.const(0)), e.const(0), e.const(0xFFFF - 126)),
                            e.add(ex, e.const(0xFFFF - 127))))
    return sig, e.or_(e.shl(s, 17), exp)


def _double_to_reg(e, bits):
    s = e.lshr(bits, 63)
    ex = e.and_(e.lshr(bits, 52), e.const(0x7FF))
    frac = e.and_(bits, e.const((1 << 52) - 1))
    f = e.shl(frac, 11)
    ez = e.eq(ex, e.const(0))
    sig = e.select(ez, f, e.or_(f, e.const(TOP)))
    exp = e.select(e.eq(ex, e.const(0x7FF)), e.const(0x1FFFF),
                   e.select(ez, e.select(e.eq(frac, e.const(0)), e.const(0),
                                         e.const(0xFFFF - 1022)),
                            e.add(ex, e.const(0xFFFF - 1023))))
    return sig, e.or_(e.shl(s, 17), exp)


def _ext_to_reg(e, sig, sexp):
    """The 80-bit memory format (sig, 16-bit sign/exponent) to a register."""
    s = e.and_(e.lshr(sexp, 15), e.const(1))
    ex = e.and_(sexp, e.const(0x7FFF))
    exp = e.select(e.eq(ex, e.const(0x7FFF)), e.const(0x1FFFF),
                   e.select(e.eq(ex, e.const(0)), e.const(0), e.add(ex, e.const(0xFFFF - 0x3FFF))))
    return sig, e.or_(e.shl(s, 17), exp)


def _reg_to_ext_se(e, se):
    exp = e.and_(se, e.const(0x1FFFF))
    e15 = e.or_(e.shl(e.and_(e.lshr(exp, 16), e.const(1)), 14), e.and_(exp, e.const(0x3FFF)))
    return e.or_(e.shl(e.and_(e.lshr(se, 17), e.const(1)), 15), e15)


_MIX = {
    "fmix.l": lambda e, a, b: _join(e, _hi(e, a), _hi(e, b)),
    "fmix.r": lambda e, a, b: _join(e, _lo(e, a), _lo(e, b)),
    "fmix.lr": lambda e, a, b: _join(e, _hi(e, a), _lo(e, b)),
    "fsxt.l": lambda e, a, b: _join(e, e.neg(e.lshr(a, 63)), _hi(e, b)),
    "fsxt.r": lambda e, a, b: _join(e, e.neg(e.and_(e.lshr(a, 31), e.const(1))), _lo(e, b)),
    "fswap": lambda e, a, b: _join(e, _lo(e, b), _hi(e, a)),
    "fswap.nl": lambda e, a, b: e.xor(_join(e, _lo(e, b), _hi(e, a)), e.const(1 << 63)),
    "fswap.nr": lambda e, a, b: e.xor(_join(e, _lo(e, b), _hi(e, a)), e.const(1 << 31)),
    "fand": lambda e, a, b: e.and_(a, b),
    "fandcm": lambda e, a, b: e.andcm(a, b),
    "for": lambda e, a, b: e.or_(a, b),
    "fxor": lambda e, a, b: e.xor(a, b),
}


@sem(*_MIX, formats=("F9",))
def fmix(e, i):
    if not _target_ok(e, i.f1):
        return
    a, ase, b, bse, nat = _two(e, i)
    _write_int(e, i.f1, _MIX[i.mnemonic](e, a, b), nat)


@sem("fpack", formats=("F9",))
def fpack(e, i):
    if not _target_ok(e, i.f1):
        return
    a, ase, b, bse, nat = _two(e, i)
    _write_int(e, i.f1, _join(e, _reg_to_single(e, a, ase), _reg_to_single(e, b, bse)), nat)


@sem("fpmerge.s", "fpmerge.ns", "fpmerge.se", "fpabs", "fpneg", "fpnegabs", formats=("F9",))
def fpmerge(e, i):
    if not _target_ok(e, i.f1):
        return
    a, ase, b, bse, nat = _two(e, i)
    signs = e.const(0x8000000080000000)
    if i.x6 == 0x10:
        sig = e.or_(e.and_(a, signs), e.andcm(b, signs))
    elif i.x6 == 0x11:
        sig = e.or_(e.and_(e.not_(a), signs), e.andcm(b, signs))
    else:
        se_bits = e.const(0xFF800000FF800000)
        sig = e.or_(e.and_(a, se_bits), e.andcm(b, se_bits))
    _write_int(e, i.f1, sig, nat)


# ------------------------------------------------------------ F10/F11: conversions

@sem(r"^(fcvt|fpcvt)\.(fx|fxu)(\.trunc)?\.s[0-3]$", formats=("F10",))
def fcvt_fx(e, i):
    if not _target_ok(e, i.f1):
        return
    parts = i.mnemonic.split(".")
    kind = (1 if parts[1] == "fxu" else 0) | (2 if "trunc" in parts else 0) | \
        (4 if parts[0] == "fpcvt" else 0)
    _trap(e, e.helper("fp_cvt", _pack(i, i.f1, i.f2), kind, e.read_ar(AR_FPSR)))


@sem("fcvt.xf", formats=("F11",))
def fcvt_xf(e, i):
    """Signed 64-bit integer significand to floating point: always exact."""
    if not _target_ok(e, i.f1):
        return
    v, vse = e.read_fr(i.f2)
    nat = _isnat(e, v, vse)
    neg = e.truth(e.lshr(v, 63))
    m = e.select(neg, e.neg(v), v)
    n = e.clz(m)
    zero = e.eq(m, e.const(0))
    sig = e.shl(m, e.and_(n, e.const(63)))
    exp = e.sub(e.const(63 + 0xFFFF), n)
    se = e.select(zero, e.const(0), e.or_(e.shl(e.to_int(neg), 17), exp))
    _write_or_nat(e, i.f1, e.select(zero, e.const(0), sig), se, nat)


# ------------------------------------------------------------ F12-F14: status fields

@sem(r"^fsetc\.s[0-3]$", formats=("F12",))
def fsetc(e, i):
    """sf.controls = (sf0.controls & amask7) | omask7."""
    sf = i.sf
    fpsr = e.read_ar(AR_FPSR)
    c0 = e.and_(e.lshr(fpsr, 6), e.const(0x7F))
    c = e.or_(e.and_(c0, e.const(i.amask7)), e.const(i.omask7))
    # reserved values: pc = 1, and td in sf0 (Reserved Register/Field fault)
    bad = e.eq(e.and_(c, e.const(0xC)), e.const(0x4))
    if sf == 0:
        bad = e.lor(bad, e.truth(e.and_(c, e.const(0x40))))
    e.fault(faults.RESERVED_REGISTER, bad)
    shift = 6 + 13 * sf
    e.write_ar(AR_FPSR, e.or_(e.andcm(fpsr, e.const(0x7F << shift)), e.shl(c, shift)))


@sem(r"^fclrf\.s[0-3]$", formats=("F13",))
def fclrf(e, i):
    fpsr = e.read_ar(AR_FPSR)
    e.write_ar(AR_FPSR, e.andcm(fpsr, e.const(0x3F << (6 + 13 * i.sf + 7))))


@sem(r"^fchkf\.s[0-3]$", formats=("F14",))
def fchkf(e, i):
    """Branch if sf has a flag whose trap is enabled, or a flag sf0 lacks."""
    fpsr = e.read_ar(AR_FPSR)
    flags = e.and_(e.lshr(fpsr, 6 + 13 * i.sf + 7), e.const(0x3F))
    flags0 = e.and_(e.lshr(fpsr, 13), e.const(0x3F))
    enabled = e.andcm(e.const(0x3F), fpsr)
    cond = e.truth(e.or_(e.and_(flags, enabled), e.andcm(flags, flags0)))
    e.branch(e.const((e.ip + i.target25) & ((1 << 64) - 1)), cond)


# ------------------------------------------------------------ getf / setf

@sem(r"^getf\.(sig|exp|s|d)$", formats=("M19",))
def getf(e, i):
    sig, se = e.read_fr(i.f2)
    nat = _isnat(e, sig, se)
    kind = i.mnemonic.split(".")[1]
    if kind == "sig":
        v = sig
    elif kind == "exp":
        v = e.and_(se, e.const(0x3FFFF))
    elif kind == "s":
        v = _reg_to_single(e, sig, se)
    else:
        v = _reg_to_double(e, sig, se)
    e.write_gr(i.r1, e.select(nat, e.const(0), v), nat)


@sem(r"^setf\.(sig|exp|s|d)$", formats=("M18",))
def setf(e, i):
    if not _target_ok(e, i.f1):
        return
    v, nat = e.read_gr(i.r2)
    kind = i.mnemonic.split(".")[1]
    if kind == "sig":
        sig, se = v, e.const(EXP_INT)
    elif kind == "exp":
        sig, se = e.const(TOP), e.and_(v, e.const(0x3FFFF))
    elif kind == "s":
        sig, se = _single_to_reg(e, e.and_(v, e.const(0xFFFFFFFF)))
    else:
        sig, se = _double_to_reg(e, v)
    _write_or_nat(e, i.f1, sig, se, nat)


# ------------------------------------------------------------ FP loads and stores

# Policy as for the integer loads and stores (semantics/memory.py): a
# misaligned access is performed (Linux emulates it for user code) unless
# psr.ac is 1, except ldf.fill/stf.spill, which always fault; speculative
# loads (.s/.sa) defer -- NaTVal, no fault -- on a NaT base, a failing or
# misaligned access, or psr.ed; ld.c hits keep the register.

PSR_AC = 1 << 3
PSR_ED = 1 << 43
_HINTS = {"nt1", "nt2", "nta", "d1", "d2", "d3", "d4", "d5", "d6", "d7"}
_LD_SIZE = {"s": 4, "d": 8, "8": 8, "e": 10, "fill": 16}


def _parse_ld(m):
    """'ldfd.c.nc.nta' -> ('d', 'c.nc');  'ldf.fill' -> ('fill', '');  'ldfps.sa' -> ('s', 'sa')."""
    head, *rest = m.split(".")
    compl = ".".join(p for p in rest if p not in _HINTS and p != "fill")
    return ("fill" if head == "ldf" else head[-1]), compl


def _load_reg(e, t, addr, load):
    """One datum of type t at addr as a register value (sig, se); ``load``
    is the access function (addr, size) -> value."""
    if t == "s":
        return _single_to_reg(e, load(addr, 4))
    if t == "d":
        return _double_to_reg(e, load(addr, 8))
    if t == "8":
        return load(addr, 8), e.const(EXP_INT)
    if t == "e":
        sig = load(addr, 8)
        return _ext_to_reg(e, sig, load(e.add(addr, e.const(8)), 2))
    sig = load(addr, 8)                                    # fill
    return sig, e.and_(load(e.add(addr, e.const(8)), 8), e.const(0x3FFFF))


def _misaligned(e, addr, align):
    return e.truth(e.and_(addr, e.const(align - 1)))


def _psr_bit(e, bit):
    return e.truth(e.and_(e.read_state("psr"), e.const(bit)))


_LD_FORMATS = ("M6", "M7", "M8", "M11", "M12")


@sem(r"^ldf(s|d|8|e|\.fill|ps|pd|p8)(\.|$)", formats=_LD_FORMATS)
def ldf(e, i):
    t, compl = _parse_ld(i.mnemonic)
    pair = i.format in ("M11", "M12")
    targets = (i.f1, i.f2) if pair else (i.f1,)
    if not _target_ok(e, *targets):
        return
    if pair and i.f1 == i.f2:
        e.fault(faults.ILLEGAL_OPERATION, detail="ldfp with f1 == f2")
        return
    if i.format in ("M7", "M8", "M12") and i.r3 == 0:
        e.fault(faults.ILLEGAL_OPERATION, detail="base update of r0")
        return
    addr, nat3 = e.read_gr(i.r3)
    if i.format == "M7":
        inc, nat2 = e.read_gr(i.r2)
    size = _LD_SIZE[t]
    total = 2 * size if pair else size
    mis = _misaligned(e, addr, 16 if t in ("e", "fill") else total)
    code = _alat.fr_code(i.f1) if HAVE_ALAT else 0
    spec = compl in ("s", "sa")
    check = compl.startswith("c.")
    addrs = [addr, e.add(addr, e.const(size))] if pair else [addr]

    if spec or check:
        failures = []

        def load(a, n):
            v, failed = e.load_spec(a, n)
            failures.append((failed, a, n))
            return v
    else:
        load = e.load

    if spec:
        vals = [_load_reg(e, t, a, load) for a in addrs]
        defer = e.lor(e.lor(nat3, mis), _psr_bit(e, PSR_ED))
        for failed, _, _ in failures:
            defer = e.lor(defer, failed)
        vals = [(e.select(defer, e.const(0), sig), e.select(defer, e.const(NATVAL_SE), se))
                for sig, se in vals]
        if compl == "sa" and HAVE_ALAT:
            e.helper("alat_set", e.const(code), addr,
                     e.select(defer, e.const(0), e.const(total)))
    elif check:
        e.fault(faults.NAT_CONSUMPTION, nat3, arg=1)
        clear = e.const(1 if compl == "c.clr" else 0)
        hit = e.truth(e.helper("alat_check", e.const(code), clear)) if HAVE_ALAT else e.const(0)
        miss = e.lnot(hit)
        bad = e.lor(mis, e.const(0)) if t == "fill" else e.land(mis, _psr_bit(e, PSR_AC))
        unaligned(e, 1, addr, e.land(miss, bad))
        vals = [_load_reg(e, t, a, load) for a in addrs]
        for failed, a, n in failures:                # a miss that cannot read: the fault
            e.helper_if(e.land(miss, failed), "mem_load", a, e.const(n))
        new = []
        for f, (sig, se) in zip(targets, vals):
            osig, ose = e.read_fr(f)
            new.append((e.select(hit, osig, sig), e.select(hit, ose, se)))
        vals = new
        if compl == "c.nc" and HAVE_ALAT:
            e.helper_if(e.land(miss, e.lnot(mis)), "alat_set", e.const(code), addr,
                        e.const(total))
    else:
        e.fault(faults.NAT_CONSUMPTION, nat3, arg=1)
        unaligned(e, 1, addr, mis if t == "fill" else e.land(mis, _psr_bit(e, PSR_AC)))
        vals = [_load_reg(e, t, a, load) for a in addrs]
        if compl == "a" and HAVE_ALAT:
            e.helper("alat_set", e.const(code), addr, e.select(mis, e.const(0), e.const(total)))
    for f, (sig, se) in zip(targets, vals):
        _wfr(e, f, sig, se)
    # base update: the NaT of r3 survives only where it did not fault (.s)
    if i.format == "M7":
        e.write_gr(i.r3, e.add(addr, inc), e.lor(nat3, nat2) if spec else nat2)
    elif i.format == "M8":
        e.write_gr(i.r3, e.add(addr, e.const(i.imm9)), nat3 if spec else 0)
    elif i.format == "M12":
        e.write_gr(i.r3, e.add(addr, e.const(i.inc)), nat3 if spec else 0)


_ST_FORMATS = ("M9", "M10")


@sem(r"^stf(s|d|8|e|\.spill)(\.|$)", formats=_ST_FORMATS)
def stf(e, i):
    head = i.mnemonic
    t = "fill" if head.startswith("stf.spill") else head[3]
    if i.format == "M10" and i.r3 == 0:
        e.fault(faults.ILLEGAL_OPERATION, detail="base update of r0")
        return
    addr, nat3 = e.read_gr(i.r3)
    sig, se = e.read_fr(i.f2)
    e.fault(faults.NAT_CONSUMPTION, nat3, arg=2)
    if t != "fill":
        e.fault(faults.NAT_CONSUMPTION, _isnat(e, sig, se))
    mis = _misaligned(e, addr, 16 if t in ("e", "fill") else _LD_SIZE[t])
    unaligned(e, 2, addr, mis if t == "fill" else e.land(mis, _psr_bit(e, PSR_AC)))
    if t == "s":
        e.store(addr, _reg_to_single(e, sig, se), 4)
    elif t == "d":
        e.store(addr, _reg_to_double(e, sig, se), 8)
    elif t == "8":
        e.store(addr, sig, 8)
    elif t == "e":
        e.store(addr, sig, 8)
        e.store(e.add(addr, e.const(8)), _reg_to_ext_se(e, se), 2)
    else:
        e.store(addr, sig, 8)
        e.store(e.add(addr, e.const(8)), e.and_(se, e.const(0x3FFFF)), 8)
    if HAVE_ALAT:
        e.helper_if(e.truth(e.read_state("alat_count")), "alat_store", addr,
                    e.const(_LD_SIZE[t]))
    if i.format == "M10":
        e.write_gr(i.r3, e.add(addr, e.const(i.imm9)), 0)
