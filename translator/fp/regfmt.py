"""The 82-bit floating-point register format (SDM vol. 1, 5.1).

A register holds ``sig`` (64-bit significand with an explicit integer bit)
and ``se`` (sign << 17 | 17-bit biased exponent, bias 0xFFFF).  This module
classifies register values and turns them into exact numbers
``(-1)**sign * m * 2**e`` for the arithmetic in ``ieee.py``.

Encodings (as the SDM lists them):

* exponent 0x1FFFF: infinity (sig = 1<<63), QNaN (sig >= 0xC000...),
  SNaN (sig in (1<<63, 0xC000...)), anything else unsupported;
* NaTVal: sign 0, exponent 0x1FFFE, sig 0 (the FR "NaT");
* sig 0: zero (with a nonzero exponent: a pseudo-zero, an unnormal);
* integer bit clear (and sig != 0): unnormal;
* exponent 0 with sig != 0: a double-extended (pseudo-)denormal, whose
  exponent counts as 0x0C001 (the double-extended minimum);
* integers (setf.sig, fcvt.fx, xma) have exponent 0x1003E.
"""

from __future__ import annotations

BIAS = 0xFFFF
EXP_MAX = 0x1FFFF          # infinities and NaNs
EXP_NATVAL = 0x1FFFE
EXP_INT = 0x1003E          # 2**63 scale: significand read as an integer
EXP_DE0 = 0x0C001          # what a register exponent of 0 stands for
M64 = (1 << 64) - 1
TOP = 1 << 63
QNAN_BIT = 1 << 62

NATVAL = (0, EXP_NATVAL)                 # (sig, se)
QNAN_INDEFINITE = (0xC000000000000000, 1 << 17 | EXP_MAX)
ZERO = (0, 0)
ONE = (TOP, BIAS)

# classes
NAT, QNAN, SNAN, INF, UNSUPP, ZER, FIN = "nat", "qnan", "snan", "inf", "unsupp", "zero", "fin"


class Val:
    """A decoded register value.  For ``fin`` the value is sign * m * 2**e
    (m > 0); ``unorm`` says whether it is an unnormal/denormal operand
    (raises the Denormal/Unnormal operand exception)."""

    __slots__ = ("kind", "sign", "m", "e", "sig", "se", "unorm")

    def __init__(self, kind, sign, m=0, e=0, sig=0, se=0, unorm=False):
        self.kind, self.sign, self.m, self.e = kind, sign, m, e
        self.sig, self.se, self.unorm = sig, se, unorm

    @property
    def is_nan(self):
        return self.kind in (QNAN, SNAN)

    def __repr__(self):
        return f"<Val {self.kind} s={self.sign} m={self.m:#x} e={self.e}>"


def decode(sig: int, se: int) -> Val:
    sign = (se >> 17) & 1
    exp = se & 0x1FFFF
    if exp == EXP_NATVAL and sig == 0 and sign == 0:
        return Val(NAT, 0, sig=sig, se=se)
    if exp == EXP_MAX:
        if sig == TOP:
            return Val(INF, sign, sig=sig, se=se)
        if sig >= 0xC000000000000000:
            return Val(QNAN, sign, sig=sig, se=se)
        if sig > TOP:
            return Val(SNAN, sign, sig=sig, se=se)
        return Val(UNSUPP, sign, sig=sig, se=se)
    if sig == 0:
        return Val(ZER, sign, sig=sig, se=se, unorm=exp != 0)
    e = (exp if exp else EXP_DE0) - BIAS - 63
    return Val(FIN, sign, sig, e, sig=sig, se=se, unorm=(exp == 0) or not (sig >> 63))


def encode_normal(sign: int, m: int, p: int, E: int) -> tuple:
    """A normal value m * 2**(E - (p-1)) with m of exactly p bits, at
    unbiased exponent E: register (sig, se)."""
    return (m << (64 - p)) & M64, sign << 17 | ((E + BIAS) & 0x1FFFF)


def inf(sign):
    return TOP, sign << 17 | EXP_MAX


def zero(sign):
    return 0, sign << 17


def quiet(v: Val) -> tuple:
    """The QNaN a NaN operand propagates as."""
    return v.sig | QNAN_BIT, v.se


# ------------------------------------------------------------ single/double/ext memory formats

def single_to_reg(bits: int) -> tuple:
    s, e8, frac = (bits >> 31) & 1, (bits >> 23) & 0xFF, bits & 0x7FFFFF
    if e8 == 0xFF:
        return TOP | frac << 40, s << 17 | EXP_MAX
    if e8 == 0:
        return frac << 40, s << 17 | (0 if frac == 0 else BIAS - 126)
    return TOP | frac << 40, s << 17 | (e8 - 127 + BIAS)


def double_to_reg(bits: int) -> tuple:
    s, e11, frac = (bits >> 63) & 1, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1)
    if e11 == 0x7FF:
        return TOP | frac << 11, s << 17 | EXP_MAX
    if e11 == 0:
        return frac << 11, s << 17 | (0 if frac == 0 else BIAS - 1022)
    return TOP | frac << 11, s << 17 | (e11 - 1023 + BIAS)


def reg_to_single(sig: int, se: int) -> int:
    exp = se & 0x1FFFF
    e8 = ((exp >> 16) & 1) << 7 | (exp & 0x7F) if sig >> 63 else 0
    return ((se >> 17) & 1) << 31 | e8 << 23 | ((sig >> 40) & 0x7FFFFF)


def reg_to_double(sig: int, se: int) -> int:
    exp = se & 0x1FFFF
    e11 = ((exp >> 16) & 1) << 10 | (exp & 0x3FF) if sig >> 63 else 0
    return ((se >> 17) & 1) << 63 | e11 << 52 | ((sig >> 11) & ((1 << 52) - 1))


def single_value(bits: int) -> Val:
    """A single (as packed in parallel FP registers) as a Val, in single range."""
    return decode(*single_to_reg(bits))
