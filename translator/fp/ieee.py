"""Exact IEEE arithmetic with the IA-64 rules, on Python integers.

Every operation computes its exact result (products and sums of integers
scaled by powers of two, quotients and roots with a sticky bit) and rounds
once, as ``round_to`` does: precision (24/53/64 bits) and exponent range
from the status field and the instruction's .s/.d completer (SDM vol. 1,
5.2.2: dynamic precision keeps the 15-bit double-extended range unless
``wre``; .s/.d use the single/double range unless ``wre``), rounding
control ``rc``, flush-to-zero ``ftz``; tininess is detected after rounding
(with an unbounded exponent); an untrapped underflow is signalled only
when the result is also inexact.  Overflow and underflow whose traps are
enabled deliver the rounded result with its exponent wrapped (modulo
2**17 in the register, 2**8 for parallel singles) and signal the trap.

Operations return ``(sig, se, flags)``; flags use the bit order of the
FPSR flag and trap fields (V D Z O U I = 1 2 4 8 16 32).  The caller
(runtime.py) decides faults (V D Z enabled: nothing written) and traps
(O U I enabled: result written, then the trap).
"""

from __future__ import annotations

import math

from .regfmt import (BIAS, EXP_INT, FIN, INF, NAT, NATVAL, QNAN, QNAN_INDEFINITE, SNAN, TOP,
                     UNSUPP, ZER, Val, encode_normal, inf, quiet, zero)
from . import regfmt

V, D, Z, O, U, I = 1, 2, 4, 8, 16, 32
RN, RM, RP, RZ = 0, 1, 2, 3

# (precision, emin, emax) as unbiased exponents
SINGLE = (24, -126, 127)
DOUBLE = (53, -1022, 1023)
EXTENDED_RANGE = (-16382, 16383)
WIDE_RANGE = (-65534, 65535)


class Env:
    """What one status field of ar.fpsr says, for one instruction."""

    __slots__ = ("ftz", "wre", "pc", "rc", "td", "enabled", "p", "emin", "emax", "simd")

    def __init__(self, fpsr: int, sf: int, prec: str = "", simd: bool = False):
        c = (fpsr >> (6 + 13 * sf)) & 0x1FFF
        self.ftz, self.wre, self.pc = c & 1, (c >> 1) & 1, (c >> 2) & 3
        self.rc, self.td = (c >> 4) & 3, (c >> 6) & 1
        self.enabled = 0 if self.td else (~fpsr) & 0x3F
        self.simd = simd
        if simd:
            self.p, self.emin, self.emax = SINGLE
            return
        if prec == "s":
            self.p, self.emin, self.emax = SINGLE
        elif prec == "d":
            self.p, self.emin, self.emax = DOUBLE
        else:
            self.p = {0: 24, 2: 53}.get(self.pc, 64)
            self.emin, self.emax = EXTENDED_RANGE
        if self.wre:
            self.emin, self.emax = WIDE_RANGE


def _rnd(sign, m, shift, rc):
    """Drop ``shift`` low bits of m (shift may be <= 0): (rounded, inexact)."""
    if shift <= 0:
        return m << -shift, False
    q = m >> shift
    rem = m - (q << shift)
    if rem == 0:
        return q, False
    if rc == RN:
        half = 1 << (shift - 1)
        up = rem > half or (rem == half and q & 1)
    elif rc == RM:
        up = sign
    elif rc == RP:
        up = not sign
    else:
        up = False
    return q + (1 if up else 0), True


def _wrap(E, env):
    """Exponent of a trapped overflow/underflow result (unbiased)."""
    if env.simd:
        return ((E + 127) % 256) - 127
    return ((E + BIAS) % (1 << 17)) - BIAS


def round_to(sign, m, e, env):
    """Round sign * m * 2**e (m > 0) as ``env`` says: (sig, se, flags)."""
    p, emin, emax, rc = env.p, env.emin, env.emax, env.rc
    n = m.bit_length()
    E = e + n - 1
    r, inexact = _rnd(sign, m, n - p, rc)
    if r >> p:
        r >>= 1
        E += 1
    flags = I if inexact else 0
    if E > emax:
        if env.enabled & O:
            sig, se = encode_normal(sign, r, p, _wrap(E, env))
            return sig, se, flags | O
        flags |= O | I
        big = rc == RN or (rc == RM and sign) or (rc == RP and not sign)
        if big:
            sig, se = inf(sign)
        else:
            sig, se = encode_normal(sign, (1 << p) - 1, p, emax)
        return sig, se, flags
    if E < emin:
        if env.enabled & U:
            sig, se = encode_normal(sign, r, p, _wrap(E, env))
            return sig, se, flags | U
        if env.ftz:
            sig, se = zero(sign)
            return sig, se, U | I
        lsb = emin - (p - 1)
        r2, inexact2 = _rnd(sign, m, lsb - e, rc)
        flags = (U | I) if inexact2 else 0
        if r2 == 0:
            sig, se = zero(sign)
        elif r2 >> (p - 1):
            sig, se = encode_normal(sign, r2, p, emin)
        else:
            # a denormal: the minimum exponent with the integer bit clear;
            # at the double-extended minimum the register exponent is 0
            bexp = emin + BIAS
            if bexp == regfmt.EXP_DE0:
                bexp = 0
            sig, se = (r2 << (64 - p)) & regfmt.M64, sign << 17 | bexp
        return sig, se, flags
    sig, se = encode_normal(sign, r, p, E)
    return sig, se, flags


# ------------------------------------------------------------ helpers on decoded values

def _nan_result(*vals):
    """First NaN among vals (in priority order) propagated quiet, with V if
    any operand is a signalling NaN; None if no NaN."""
    flags = V if any(v.kind == SNAN for v in vals) else 0
    for v in vals:
        if v.kind in (SNAN, QNAN):
            sig, se = quiet(v)
            return sig, se, flags
    return None


def _den(*vals):
    return D if any(v.unorm for v in vals) else 0


def _indefinite(flags=V):
    return QNAN_INDEFINITE[0], QNAN_INDEFINITE[1], flags


def _is_zero(v):
    return v.kind == ZER


# ------------------------------------------------------------ fma

_NO_ADDEND = Val(ZER, 0)          # f0 as the addend of fma: no addition at all

def fma(a: Val, b: Val, c, env: Env, neg_product=False, neg_addend=False):
    """a * b + c with the product and/or addend negated (fma/fms/fnma):
    fms = a*b - c, fnma = -(a*b) + c.  NaN priority: b (f4), c (f2), a (f3).
    ``c`` None: f2 is f0 and no addition takes place (SDM: ``if (f2 != 0)
    tmp_res = fp_add(...)``): fmpy/fnmpy are IEEE multiplies, -1 * +0 = -0."""
    if c is None:
        c = _NO_ADDEND
    if a.kind == NAT or b.kind == NAT or c.kind == NAT:
        return NATVAL[0], NATVAL[1], 0
    if UNSUPP in (a.kind, b.kind, c.kind):
        return _indefinite()
    r = _nan_result(b, c, a)
    if r is not None:
        return r
    ps = a.sign ^ b.sign ^ (1 if neg_product else 0)
    cs = c.sign ^ (1 if neg_addend else 0)
    dflag = _den(a, b, c)
    if a.kind == INF or b.kind == INF:
        if _is_zero(a) or _is_zero(b):
            return _indefinite()
        if c.kind == INF and cs != ps:
            return _indefinite()
        sig, se = inf(ps)
        return sig, se, dflag
    if c.kind == INF:
        sig, se = inf(cs)
        return sig, se, dflag
    # finite operands
    pzero = _is_zero(a) or _is_zero(b)
    if pzero and c is _NO_ADDEND:
        sig, se = zero(ps)
        return sig, se, dflag
    if pzero and _is_zero(c):
        s = ps if ps == cs else (1 if env.rc == RM else 0)
        sig, se = zero(s)
        return sig, se, dflag
    if pzero:
        sig, se, fl = round_to(cs, c.m, c.e, env)
        return sig, se, fl | dflag
    pm, pe = a.m * b.m, a.e + b.e
    if _is_zero(c):
        sig, se, fl = round_to(ps, pm, pe, env)
        return sig, se, fl | dflag
    e = min(pe, c.e)
    x = (pm << (pe - e)) * (-1 if ps else 1) + (c.m << (c.e - e)) * (-1 if cs else 1)
    if x == 0:
        sig, se = zero(1 if env.rc == RM else 0)
        return sig, se, dflag
    sig, se, fl = round_to(1 if x < 0 else 0, abs(x), e, env)
    return sig, se, fl | dflag


# ------------------------------------------------------------ quotient and root (software assist)

def divide(a: Val, b: Val, env: Env):
    """The correctly rounded IEEE quotient a / b (what the software-assist
    handler computes for frcpa)."""
    if a.kind == NAT or b.kind == NAT:
        return NATVAL[0], NATVAL[1], 0
    if UNSUPP in (a.kind, b.kind):
        return _indefinite()
    r = _nan_result(a, b)
    if r is not None:
        return r
    s = a.sign ^ b.sign
    dflag = _den(a, b)
    if (a.kind == INF and b.kind == INF) or (_is_zero(a) and _is_zero(b)):
        return _indefinite()
    if a.kind == INF:
        return inf(s) + (dflag,)
    if b.kind == INF or _is_zero(a):
        return zero(s) + (dflag,)
    if _is_zero(b):
        return inf(s) + (Z,)
    k = max(0, env.p + 3 + b.m.bit_length() - a.m.bit_length())
    q, rem = divmod(a.m << k, b.m)
    q = q << 1 | (1 if rem else 0)
    sig, se, fl = round_to(s, q, a.e - b.e - k - 1, env)
    return sig, se, fl | dflag


def sqrt(a: Val, env: Env):
    if a.kind == NAT:
        return NATVAL[0], NATVAL[1], 0
    if a.kind == UNSUPP:
        return _indefinite()
    r = _nan_result(a)
    if r is not None:
        return r
    if _is_zero(a):
        return zero(a.sign) + (_den(a),)
    if a.sign:
        return _indefinite()
    if a.kind == INF:
        return inf(0) + (0,)
    m, e = a.m, a.e
    if e & 1:
        m, e = m << 1, e - 1
    k = max(0, (2 * (env.p + 3) - m.bit_length()) // 2 + 1)
    m, e = m << (2 * k), e - 2 * k
    root = math.isqrt(m)
    exact = root * root == m
    sig, se, fl = round_to(0, root << 1 | (0 if exact else 1), e // 2 - 1, env)
    return sig, se, fl | _den(a)


# ------------------------------------------------------------ compare, min/max

def _cmp_num(a: Val, b: Val) -> int:
    """-1, 0, 1 comparing two non-NaN values (zeros of either sign equal)."""
    def rank(v):                       # infinities outside every finite value
        if v.kind == INF:
            return -1 if v.sign else 1
        return 0
    ra, rb = rank(a), rank(b)
    if ra or rb:
        return (ra > rb) - (ra < rb) if ra != rb else 0
    xa = 0 if a.kind == ZER else (-a.m if a.sign else a.m)
    xb = 0 if b.kind == ZER else (-b.m if b.sign else b.m)
    if xa == 0 or xb == 0:
        return (xa > xb) - (xa < xb)
    e = min(a.e, b.e)
    xa <<= a.e - e
    xb <<= b.e - e
    return (xa > xb) - (xa < xb)


def compare(rel: str, a: Val, b: Val):
    """fcmp: (result, flags) for rel in eq/lt/le/unord (NaT: caller)."""
    bad = UNSUPP in (a.kind, b.kind)
    if bad or a.kind == SNAN or b.kind == SNAN:
        return rel == "unord", V
    if a.kind == QNAN or b.kind == QNAN:
        if rel in ("lt", "le"):
            return False, V
        return rel == "unord", 0
    c = _cmp_num(a, b)
    res = {"eq": c == 0, "lt": c < 0, "le": c <= 0, "unord": False}[rel]
    return res, _den(a, b)


def minmax(op: str, a: Val, b: Val):
    """fmin/fmax/famin/famax: f1 = (a < b) ? a : b  (min; for max a > b;
    the 'a' forms compare magnitudes).  Any NaN (or unsupported): the second
    operand (f3) is the result and V is signalled."""
    if a.kind == NAT or b.kind == NAT:
        return NATVAL[0], NATVAL[1], 0
    if a.kind in (SNAN, QNAN, UNSUPP) or b.kind in (SNAN, QNAN, UNSUPP):
        return b.sig, b.se, V
    x, y = a, b
    if op in ("famin", "famax"):
        x = Val(a.kind, 0, a.m, a.e)
        y = Val(b.kind, 0, b.m, b.e)
    c = _cmp_num(x, y)
    pick_a = c < 0 if op in ("fmin", "famin") else c > 0
    v = a if pick_a else b
    return v.sig, v.se, _den(a, b)


# ------------------------------------------------------------ conversions

def _to_integer(a: Val, env: Env, unsigned: bool, trunc: bool, bits: int):
    """A finite value rounded to a ``bits``-wide integer: (value, flags), or
    None when it does not fit (the caller returns its integer indefinite)."""
    rc = RZ if trunc else env.rc
    if a.e >= 0:
        q, inexact = a.m << a.e, False
    else:
        q, inexact = _rnd(a.sign, a.m, -a.e, rc)
    if unsigned:
        ok = q < (1 << bits) and (q == 0 or not a.sign)
        val = q
    else:
        ok = q < (1 << (bits - 1)) or (a.sign and q == 1 << (bits - 1))
        val = (-q if a.sign else q) & ((1 << bits) - 1)
    if not ok:
        return None
    return val, (I if inexact else 0) | _den(a)


def to_int(a: Val, env: Env, unsigned: bool, trunc: bool):
    """fcvt.fx/.fxu(.trunc): (sig, se, flags); out of range or NaN/inf:
    integer indefinite (0x8000000000000000) with V."""
    if a.kind == NAT:
        return NATVAL[0], NATVAL[1], 0
    if a.kind == ZER:
        return 0, EXP_INT, _den(a)
    r = _to_integer(a, env, unsigned, trunc, 64) if a.kind == FIN else None
    if r is None:
        return TOP, EXP_INT, V
    return r[0], EXP_INT, r[1]


def from_int_signed(sig: int):
    """fcvt.xf: the signed 64-bit integer in sig, exactly (64 bits suffice)."""
    if sig == 0:
        return 0, 0
    s = sig >> 63
    m = ((-sig) & regfmt.M64) if s else sig
    if s and m == 0:
        m = 1 << 63
    n = m.bit_length()
    return (m << (64 - n)) & regfmt.M64, s << 17 | (n - 1 + BIAS)


# ------------------------------------------------------------ reciprocal approximations

def _recip_table():
    # 11-bit significand approximations of 1/x for x in [1, 2), indexed by
    # the 8 fraction bits below the integer bit: the reciprocal of the
    # interval midpoint, rounded (SDM vol. 3, frcpa: fp_ieee_recip()).
    return [round((1 << 19) / (256 + i + 0.5)) for i in range(256)]


RECIP_TABLE = _recip_table()


def recip_approx(b: Val) -> tuple:
    """frcpa's approximation of 1/b (b finite, nonzero, normalised here)."""
    n = b.m.bit_length()
    m = b.m << (64 - n)                      # normalised significand
    E = b.e + n - 1                          # unbiased exponent
    idx = (m >> 55) & 0xFF
    return RECIP_TABLE[idx] << 53, b.sign << 17 | ((-E - 1 + BIAS) & 0x1FFFF)


def frcpa_limits(a: Val, b: Val) -> bool:
    """Operands outside the range frcpa's approximation supports: the
    software-assistance condition (SDM vol. 3 frcpa, fp_ieee_recip limits):
    the divisor's exponent at either end of the range, the estimated
    quotient exponent out of range, or a tiny dividend."""
    if a.kind != FIN or b.kind != FIN:
        return False
    eb = b.e + b.m.bit_length() - 1 + BIAS        # normalised biased exponents
    ea = a.e + a.m.bit_length() - 1 + BIAS
    if eb <= 0 or eb >= BIAS + 0xFFFF - 2:
        return True
    est = ea - eb
    if est <= 2 - 0xFFFF or est >= 0xFFFF:
        return True
    if ea <= 64:
        return True
    return False


def frcpa(a: Val, b: Val, env: Env):
    """frcpa f1,p2=f2(a),f3(b): (sig, se, flags, p2)."""
    if a.kind == NAT or b.kind == NAT:
        return NATVAL[0], NATVAL[1], 0, 0
    if UNSUPP in (a.kind, b.kind):
        return _indefinite() + (0,)
    r = _nan_result(a, b)
    if r is not None:
        return r + (0,)
    if (a.kind == INF and b.kind == INF) or (_is_zero(a) and _is_zero(b)):
        return _indefinite() + (0,)
    s = a.sign ^ b.sign
    if a.kind != INF and _is_zero(b):
        return inf(s) + (Z, 0)
    if frcpa_limits(a, b):
        # software assistance (the OS's FP emulation): the IEEE quotient, p2 = 0
        return divide(a, b, env) + (0,)
    dflag = _den(a, b)
    if a.kind == INF:
        return inf(s) + (dflag, 0)
    if _is_zero(a) or b.kind == INF:
        return zero(s) + (dflag, 0)
    return recip_approx(b) + (dflag, 1)


def _rsqrt_entry(m, E):
    """11-bit approximation of 1/sqrt(1.f * 2**(E mod 2)) for the 7 leading
    fraction bits (midpoint of the interval), significand in [1, 2)."""
    odd = E & 1
    i = (m >> 56) & 0x7F
    x = (1 + (i + 0.5) / 128) * (2 if odd else 1)      # in [1, 4)
    r = 1 / math.sqrt(x)                               # in (1/2, 1]
    # significand in [1, 2): r * 2
    return round(r * 2 * 1024)


RSQRT_TABLE = [[_rsqrt_entry(i << 56, odd) for i in range(128)] for odd in (0, 1)]


def rsqrt_approx(a: Val) -> tuple:
    n = a.m.bit_length()
    m = a.m << (64 - n)
    E = a.e + n - 1
    t = RSQRT_TABLE[E & 1][(m >> 56) & 0x7F]
    # 1/sqrt(m * 2**E) = 1/sqrt(x) * 2**-(E - E%2)/2, x = 1.f * 2**(E%2)
    re = -((E - (E & 1)) // 2) - 1                     # t/1024 is in (1, 2]
    if t >> 11:                                        # exactly 2.0
        t >>= 1
        re += 1
    return t << 53, (re + BIAS) & 0x1FFFF


def frsqrta(a: Val, env: Env):
    """frsqrta f1,p2=f3: (sig, se, flags, p2)."""
    if a.kind == NAT:
        return NATVAL[0], NATVAL[1], 0, 0
    if a.kind == UNSUPP:
        return _indefinite() + (0,)
    r = _nan_result(a)
    if r is not None:
        return r + (0,)
    if a.sign and a.kind != ZER:
        return _indefinite() + (0,)
    if a.kind == INF:
        return inf(0) + (0, 0)
    if a.kind == FIN and a.e + a.m.bit_length() - 1 + BIAS <= 64:
        # software assistance (the OS's FP emulation): the IEEE square root, p2 = 0
        return sqrt(a, env) + (0,)
    if a.kind == ZER:
        return zero(a.sign) + (_den(a), 0)
    return rsqrt_approx(a) + (_den(a), 1)




# ------------------------------------------------------------ parallel (pair of singles) forms

def _sexp(v):
    """Normalised unbiased exponent of a finite nonzero value."""
    return v.e + v.m.bit_length() - 1


def fprcpa_single(a: Val, b: Val, env: Env):
    """One half of fprcpa: (sig, se, flags, p) in register form (single range).
    No software assistance: out-of-range cases clear p (SDM fprcpa)."""
    if UNSUPP in (a.kind, b.kind):
        return _indefinite() + (0,)
    r = _nan_result(a, b)
    if r is not None:
        return r + (0,)
    if (a.kind == INF and b.kind == INF) or (_is_zero(a) and _is_zero(b)):
        return _indefinite() + (0,)
    s = a.sign ^ b.sign
    if a.kind != INF and _is_zero(b):
        return inf(s) + (Z, 0)
    dflag = _den(a, b)
    if a.kind == INF:
        return inf(s) + (dflag, 0)
    if _is_zero(a) or b.kind == INF:
        return zero(s) + (dflag, 0)
    if b.unorm:
        return inf(b.sign) + (dflag, 0)
    eb = _sexp(b)
    if eb >= 127 - 2:
        return zero(b.sign) + (dflag, 0)
    sig, se = recip_approx(b)
    est = _sexp(a) - eb
    ok = not (est >= 127 or est <= 2 - 127 or _sexp(a) <= -127 + 24)
    return sig, se, dflag, 1 if ok else 0


def fprsqrta_single(a: Val, env: Env):
    if a.kind == UNSUPP:
        return _indefinite() + (0,)
    r = _nan_result(a)
    if r is not None:
        return r + (0,)
    if a.sign and a.kind != ZER:
        return _indefinite() + (0,)
    if a.kind == INF:
        return zero(0) + (0, 0)
    dflag = _den(a)
    if a.kind == ZER:
        return inf(a.sign) + (dflag, 0)
    sig, se = rsqrt_approx(a)
    return sig, se, dflag, 1 if _sexp(a) > -127 + 24 else 0


def to_int32(a: Val, env: Env, unsigned: bool, trunc: bool):
    """One half of fpcvt.fx/.fxu: (bits, None, flags); indefinite 0x80000000."""
    if a.kind == ZER:
        return 0, None, _den(a)
    r = _to_integer(a, env, unsigned, trunc, 32) if a.kind == FIN else None
    if r is None:
        return 0x80000000, None, V
    return r[0], None, r[1]
