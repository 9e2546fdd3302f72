"""Runtime helpers for the FP arithmetic (called through ``e.helper`` from
both engines; registered into translator.helpers.HELPERS on import).

They read and write the FRs in the state buffer directly (FRs are never
cached by compiled code).  ar.fpsr comes in as an argument (compiled code
keeps application registers in its own cache and re-reads them from the
state after every runtime call), and every helper that takes it stores it
back, with the new status flags, before it returns or traps.  They return
at most one 64-bit value (a predicate result) for the semantics to write.

Decode-time operands are packed into the first argument::

    pack = f1 | f2 << 7 | f3 << 14 | f4 << 21 | sf << 28 | qp << 30

Exceptions (SDM vol. 1, 5.4): an enabled invalid, denormal or zero-divide
exception raises ``FP_FAULT`` before anything is written (flags included);
otherwise the result is written and the status flags of sf gain every
exception the operation signalled (SDM vol. 1, 5.4.1.3: also when a trap
follows), and an enabled overflow, underflow or inexact exception is then
raised as ``FP_TRAP``: the arithmetic helpers return its code (nonzero:
the exception bits) and the semantics call ``fp_trap`` with it, so that
compiled code has the new ar.fpsr in its register cache when it leaves.
The GuestFault's ``arg`` holds the exception bits (V D Z O U I = 1 2 4 8
16 32; for parallel ops the high half's bits are shifted left by 8).
"""

from __future__ import annotations

from .. import faults, frame
from ..faults import GuestFault
from ..helpers import HELPERS
from . import ieee, regfmt
from .ieee import D, I, O, U, V, Z
from .regfmt import EXP_INT, NATVAL, decode

AR_FPSR = 40
M64 = (1 << 64) - 1
M32 = 0xFFFFFFFF


def _unpack(pack):
    return (pack & 0x7F, (pack >> 7) & 0x7F, (pack >> 14) & 0x7F, (pack >> 21) & 0x7F,
            (pack >> 28) & 3)


def _read(cpu, n):
    st = cpu.state
    p = frame.fr_phys(st.ctl, st.CTL, n)
    return int(st.fr_sig[p]), int(st.fr_se[p])


PSR_MFL, PSR_MFH = 1 << 4, 1 << 5


def _write(cpu, n, sig, se):
    """Write an FR and set psr.mfl/mfh (SDM fp_update_psr)."""
    st = cpu.state
    p = frame.fr_phys(st.ctl, st.CTL, n)
    st.fr_sig[p] = sig & M64
    st.fr_se[p] = se & 0x3FFFF
    st.ctl[st.CTL["psr"]] |= PSR_MFL if n < 32 else PSR_MFH


def fp_psr_mark(cpu, bit):
    """psr.mfl/mfh after an FR write by inline semantics."""
    st = cpu.state
    st.ctl[st.CTL["psr"]] |= bit & (PSR_MFL | PSR_MFH)
    return 0


def _store_fpsr(cpu, fpsr):
    cpu.state.ar[AR_FPSR] = fpsr & M64


def _check_faults(env, flags, detail):
    bad = flags & env.enabled & (V | D | Z)
    if bad:
        raise GuestFault(faults.FP_FAULT, arg=bad, detail=detail)


def _finish(cpu, fpsr, sf, env, flags):
    """Status flags of sf (ar.fpsr is always stored: compiled code reloads
    it from the state after the call); returns the trap code: the
    exception bits if an enabled trap is due, else 0 (the semantics then
    raise it through ``fp_trap``, after the result and flags are in place)."""
    _store_fpsr(cpu, fpsr | (flags & 0x3F) << (6 + 13 * sf + 7))
    return flags if flags & env.enabled & (O | U | I) else 0


def fp_trap(cpu, code):
    """Raise the Floating-point Exception trap (the instruction has completed)."""
    raise GuestFault(faults.FP_TRAP, arg=code, detail="fp trap")


# ------------------------------------------------------------ scalar arithmetic

_PREC = {0: "", 1: "s", 2: "d"}


def fp_fma(cpu, pack, kind, fpsr):
    """fma/fms/fnma (kind bits 0-1: 0 fma, 1 fms, 2 fnma; bits 2-3: .s/.d):
    f1 = +-(f3 * f4) +- f2."""
    f1, f2, f3, f4, sf = _unpack(pack)
    op = kind & 3
    if kind & 16:
        return _fpma(cpu, fpsr, f1, f2, f3, f4, sf, op)
    env = ieee.Env(fpsr, sf, _PREC[(kind >> 2) & 3])
    a, b = decode(*_read(cpu, f3)), decode(*_read(cpu, f4))
    c = decode(*_read(cpu, f2)) if f2 else None          # f0: a multiply, no addition
    sig, se, flags = ieee.fma(a, b, c, env, neg_product=op == 2, neg_addend=op == 1)
    _check_faults(env, flags, "fma")
    _write(cpu, f1, sig, se)
    return _finish(cpu, fpsr, sf, env, flags)


def _halves(sig):
    return (sig >> 32) & M32, sig & M32


def _single(bits):
    return decode(*regfmt.single_to_reg(bits))


def _to_single(sig, se):
    return regfmt.reg_to_single(sig, se)


def _parallel(cpu, fpsr, f1, srcs, sf, fn, detail):
    """Run fn(env, *single Vals) -> (sig, se, flags) on both halves of the
    sources; write the packed result (exponent 0x1003E)."""
    regs = [_read(cpu, n) for n in srcs]
    if any(r == NATVAL for r in regs):
        _write(cpu, f1, *NATVAL)
        _store_fpsr(cpu, fpsr)
        return 0
    env = ieee.Env(fpsr, sf, simd=True)
    out, allflags, code = [], 0, 0
    for half in (0, 1):
        vals = [_single(_halves(r[0])[half]) for r in regs]
        sig, se, flags = fn(env, *vals)
        out.append(sig if sig is not None and se is None else _to_single(sig, se))
        allflags |= flags
        code = code << 8 | flags
    bad = allflags & env.enabled & (V | D | Z)
    if bad:
        _store_fpsr(cpu, fpsr)
        raise GuestFault(faults.FP_FAULT, arg=code, detail=detail)
    _write(cpu, f1, out[0] << 32 | out[1], EXP_INT)
    _store_fpsr(cpu, fpsr | (allflags & 0x3F) << (6 + 13 * sf + 7))
    return code if allflags & env.enabled & (O | U | I) else 0


def _fpma(cpu, fpsr, f1, f2, f3, f4, sf, op):
    def one(env, c, a, b):
        return ieee.fma(a, b, c if f2 else None, env, neg_product=op == 2,
                        neg_addend=op == 1)
    return _parallel(cpu, fpsr, f1, (f2, f3, f4), sf, one, "fpma")


# ------------------------------------------------------------ min/max, compare, class

_MINMAX = ("fmin", "fmax", "famin", "famax")


def fp_minmax(cpu, pack, kind, fpsr):
    """kind: 0-3 fmin fmax famin famax; +4: the parallel form."""
    f1, f2, f3, _, sf = _unpack(pack)
    op = _MINMAX[kind & 3]
    if kind & 4:
        return _parallel(cpu, fpsr, f1, (f2, f3), sf,
                         lambda env, a, b: ieee.minmax(op, a, b), op)
    env = ieee.Env(fpsr, sf)
    sig, se, flags = ieee.minmax(op, decode(*_read(cpu, f2)), decode(*_read(cpu, f3)))
    _check_faults(env, flags, op)
    _write(cpu, f1, sig, se)
    return _finish(cpu, fpsr, sf, env, flags)


_RELS = ("eq", "lt", "le", "unord")


def fp_cmp(cpu, pack, rel, fpsr):
    """fcmp: returns bit 0 = relation, bit 1 = a NaTVal source (both
    predicates cleared).  qp (pack bit 30) false: nothing happens (fcmp.unc)."""
    _, f2, f3, _, sf = _unpack(pack)
    _store_fpsr(cpu, fpsr)
    if not (pack >> 30) & 1:
        return 0
    a, b = decode(*_read(cpu, f2)), decode(*_read(cpu, f3))
    if a.kind == regfmt.NAT or b.kind == regfmt.NAT:
        return 2
    env = ieee.Env(fpsr, sf)
    res, flags = ieee.compare(_RELS[rel], a, b)
    _check_faults(env, flags, "fcmp")
    _finish(cpu, fpsr, sf, env, flags)             # compares never trap
    return 1 if res else 0


_PCMP = ("eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord")


def fp_pcmp(cpu, pack, rel, fpsr):
    f1, f2, f3, _, sf = _unpack(pack)
    name = _PCMP[rel]
    base, neg = (name[1:], True) if name in ("neq", "nlt", "nle") else \
        (("unord", True) if name == "ord" else (name, False))

    def one(env, a, b):
        r, flags = ieee.compare(base, a, b)
        return (M32 if r != neg else 0), None, flags
    return _parallel(cpu, fpsr, f1, (f2, f3), sf, one, "fpcmp")


def fp_class(cpu, sig, se, mask):
    """fclass.m: does the value belong to one of the classes in fclass9?"""
    v = decode(sig, se)
    k = v.kind
    if k == regfmt.UNSUPP:
        return 0
    if k == regfmt.NAT:
        return (mask >> 8) & 1
    if k == regfmt.QNAN:
        return (mask >> 7) & 1
    if k == regfmt.SNAN:
        return (mask >> 6) & 1
    if not (mask >> (1 if v.sign else 0)) & 1:
        return 0
    if k == regfmt.INF:
        return (mask >> 5) & 1
    if v.unorm and k != regfmt.ZER:
        return (mask >> 3) & 1
    if k == regfmt.ZER:
        return (mask >> (3 if v.unorm else 2)) & 1
    return (mask >> 4) & 1


# ------------------------------------------------------------ reciprocal approximations

def fp_rcpa(cpu, pack, kind, fpsr):
    """kind 0 frcpa, 1 frsqrta, 2 fprcpa, 3 fprsqrta: writes f1, returns p2
    (bit 0) and a trap code (above).  qp (pack bit 30) false: nothing is
    written and p2 is cleared (SDM vol. 3, frcpa)."""
    f1, f2, f3, _, sf = _unpack(pack)
    if not (pack >> 30) & 1:
        _store_fpsr(cpu, fpsr)
        return 0
    env = ieee.Env(fpsr, sf)
    if kind == 0:
        sig, se, flags, p2 = ieee.frcpa(decode(*_read(cpu, f2)), decode(*_read(cpu, f3)), env)
    elif kind == 1:
        sig, se, flags, p2 = ieee.frsqrta(decode(*_read(cpu, f3)), env)
    else:
        return _fprcpa(cpu, fpsr, f1, f2, f3, sf, kind == 3)
    _check_faults(env, flags, "frcpa")
    _write(cpu, f1, sig, se)
    return p2 | _finish(cpu, fpsr, sf, env, flags) << 1


def _fprcpa(cpu, fpsr, f1, f2, f3, sf, sqrt):
    preds = []

    def one(env, *vals):
        if sqrt:
            sig, se, flags, p = ieee.fprsqrta_single(vals[-1], env)
        else:
            sig, se, flags, p = ieee.fprcpa_single(vals[0], vals[1], env)
        preds.append(p)
        return sig, se, flags
    srcs = (f3,) if sqrt else (f2, f3)
    code = _parallel(cpu, fpsr, f1, srcs, sf, one, "fprcpa")
    return (1 if len(preds) == 2 and all(preds) else 0) | code << 1


# ------------------------------------------------------------ conversions

def fp_cvt(cpu, pack, kind, fpsr):
    """fcvt.fx (kind bit 0: unsigned, bit 1: trunc, bit 2: parallel)."""
    f1, f2, _, _, sf = _unpack(pack)
    unsigned, trunc = bool(kind & 1), bool(kind & 2)
    if kind & 4:
        def one(env, a):
            return ieee.to_int32(a, env, unsigned, trunc)
        return _parallel(cpu, fpsr, f1, (f2,), sf, one, "fpcvt")
    env = ieee.Env(fpsr, sf)
    sig, se, flags = ieee.to_int(decode(*_read(cpu, f2)), env, unsigned, trunc)
    _check_faults(env, flags, "fcvt")
    _write(cpu, f1, sig, se)
    return _finish(cpu, fpsr, sf, env, flags)


HELPERS.update({
    "fp_fma": fp_fma,
    "fp_minmax": fp_minmax,
    "fp_cmp": fp_cmp,
    "fp_pcmp": fp_pcmp,
    "fp_class": fp_class,
    "fp_rcpa": fp_rcpa,
    "fp_cvt": fp_cvt,
    "fp_trap": fp_trap,
    "fp_psr_mark": fp_psr_mark,
})
