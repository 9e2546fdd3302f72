"""GCC-style division sequences (frcpa + Newton iterations in fma, as GCC
emits for __divdi3/__udivdi3/__moddi3/__umoddi3 and inline double
division) give EXACT results on both engines."""

import random
import struct
from fractions import Fraction

import pytest

from ia64jit.difftest import DATA_BASE, assemble, diff_states, have_binutils, run_both

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

M64 = (1 << 64) - 1
RESULTS = DATA_BASE + 0x8000

# The sequences of libgcc's lib1funcs (ia64): 3 Newton-Raphson iterations in
# sf1 (64-bit precision, widest range), then truncation to an integer; the
# remainder as q * (-b) + a with xma.l.
NEWTON = """
	frcpa.s1 f10,p6=f8,f9
	;;
(p6)	fnma.s1 f11=f9,f10,f1
(p6)	fmpy.s1 f12=f8,f10
	;;
(p6)	fmpy.s1 f13=f11,f11
(p6)	fma.s1 f12=f11,f12,f12
	;;
(p6)	fma.s1 f10=f11,f10,f10
(p6)	fma.s1 f11=f13,f12,f12
	;;
(p6)	fma.s1 f10=f13,f10,f10
(p6)	fnma.s1 f12=f9,f11,f8
	;;
(p6)	fma.s1 f10=f12,f10,f11
	;;
"""

INT_DIV = """
	mov r20=r1
	movl r21=%#x
	;;
1:	ldf8 f20=[r20],8
	;;
	ldf8 f21=[r20],8
	;;
	getf.sig r14=f20
	getf.sig r15=f21
	;;
	setf.sig f8=r14
	setf.sig f9=r15
	sub r16=r0,r15
	;;
	setf.sig f14=r14
	setf.sig f15=r16
	fcvt.xf f8=f8
	fcvt.xf f9=f9
	;;
%s
	fcvt.fx.trunc.s1 f10=f10
	;;
	xma.l f11=f10,f15,f14
	;;
	stf8 [r21]=f10,8
	;;
	stf8 [r21]=f11,8
	setf.sig f8=r14
	setf.sig f9=r15
	;;
	fcvt.xuf.s1 f8=f8
	fcvt.xuf.s1 f9=f9
	;;
%s
	fcvt.fxu.trunc.s1 f10=f10
	;;
	xma.l f11=f10,f15,f14
	;;
	stf8 [r21]=f10,8
	;;
	stf8 [r21]=f11,8
	adds r22=-1,r22
	;;
	cmp.ne p9,p0=0,r22
(p9)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
""" % (RESULTS, NEWTON, NEWTON)


def _s64(v):
    return v - (1 << 64) if v >> 63 else v


def expected_int(a, b):
    sa, sb = _s64(a), _s64(b)
    if sa == -(1 << 63) and sb == -1:
        q = 1 << 63                    # out of range: the integer indefinite
    else:
        q = abs(sa) // abs(sb) * (1 if (sa < 0) == (sb < 0) else -1)
    q &= M64
    r = (a - q * b) & M64
    return [q, r, a // b, a % b]


EDGE = [0, 1, M64, 1 << 63, (1 << 63) - 1, 2, 3, 7, 10, 1000, 0xFFFFFFFF, 1 << 32,
        (1 << 32) + 1, 0x123456789ABCDEF0, 0xFEDCBA9876543210, M64 - 1, (1 << 63) + 1,
        (1 << 62), 12345678901234567]


def pairs(n_random, seed):
    rnd = random.Random(seed)
    out = []
    divisors = [1, M64, 2, 3, 1 << 63, (1 << 63) - 1, M64 - 1, 7, 10, 1 << 40, (1 << 40) + 1,
                (M64 << 20) & M64, 0xFFFFFFFF, 1 << 32, 0x8000000000000001]
    for a in EDGE:
        for b in divisors:
            out.append((a, b))
    for _ in range(n_random):
        bits_a, bits_b = rnd.randint(1, 64), rnd.randint(1, 64)
        a, b = rnd.getrandbits(bits_a), rnd.getrandbits(bits_b) or 1
        if rnd.random() < 0.3:
            a = (-a) & M64
        if rnd.random() < 0.3:
            b = (-b) & M64
        out.append((a, b))
    return out


def _run(src, table, n_out):
    data = b"".join(x.to_bytes(8, "little") for pair in table for x in pair)

    def setup(m):
        m.mem_write(DATA_BASE, data)
        m.reg_write("r22", len(table))
    a, b = run_both(assemble(src), setup=setup, max_insns=20_000_000)
    assert a.last_fault is not None and a.last_fault[0] == 2, a.last_fault
    assert diff_states(a, b) == []
    raw = a.mem_read(RESULTS, 8 * n_out * len(table))
    return [int.from_bytes(raw[k:k + 8], "little") for k in range(0, len(raw), 8)]


def test_integer_division_exact_both_engines():
    table = pairs(300, random.randrange(1 << 30))
    got = _run(INT_DIV, table, 4)
    for k, (a, b) in enumerate(table):
        want = expected_int(a, b)
        assert got[4 * k:4 * k + 4] == want, f"{a:#x} / {b:#x}: {got[4*k:4*k+4]} != {want}"


# GCC's inline double division (ia64.md divdf3_internal_lat): frcpa, then
# q and y refined in sf1, the last steps rounded to double, the final
# fma in sf0: the IEEE double quotient in round-to-nearest.
DBL_DIV = """
	mov r20=r1
	movl r21=%#x
	;;
1:	ldfd f8=[r20],8
	;;
	ldfd f9=[r20],8
	;;
	frcpa.s0 f10,p6=f8,f9
	;;
(p6)	fmpy.s1 f11=f8,f10
(p6)	fnma.s1 f12=f9,f10,f1
	;;
(p6)	fma.s1 f11=f12,f11,f11
(p6)	fmpy.s1 f13=f12,f12
	;;
(p6)	fma.s1 f10=f12,f10,f10
(p6)	fma.s1 f11=f13,f11,f11
(p6)	fmpy.s1 f12=f13,f13
	;;
(p6)	fma.s1 f10=f13,f10,f10
(p6)	fma.d.s1 f11=f12,f11,f11
	;;
(p6)	fma.s1 f10=f12,f10,f10
	;;
(p6)	fnma.d.s1 f12=f9,f11,f8
	;;
(p6)	fma.d.s0 f10=f12,f10,f11
	;;
	stfd [r21]=f10,8
	adds r22=-1,r22
	;;
	cmp.ne p9,p0=0,r22
(p9)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
""" % RESULTS


def _dbl(bits):
    s, e, f = bits >> 63, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1)
    if e == 0:
        v = Fraction(f, 1 << 1074)
    else:
        v = Fraction((1 << 52) | f) * Fraction(2) ** (e - 1075)
    return -v if s else v


def _round_double(x: Fraction):
    """Exact x rounded to the nearest double (ties to even), as bits."""
    if x == 0:
        return 0
    s = 1 if x < 0 else 0
    x = abs(x)
    e = x.numerator.bit_length() - x.denominator.bit_length()
    if Fraction(2) ** e > x:
        e -= 1
    e = max(e, -1022)
    scale = Fraction(2) ** (52 - e)
    q, r = divmod(x * scale, 1)
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and q % 2):
        q += 1
    q = int(q)
    if q >> 53:
        q >>= 1
        e += 1
    if e > 1023:
        return s << 63 | 0x7FF << 52
    if q >> 52:
        return s << 63 | (e + 1023) << 52 | (q & ((1 << 52) - 1))
    return s << 63 | q                   # denormal


def test_double_division_correctly_rounded_both_engines():
    rnd = random.Random(random.randrange(1 << 30))
    table = []
    for _ in range(150):
        a = rnd.getrandbits(64) & ~(0x7FF << 52) | rnd.randint(0x300, 0x4FF) << 52
        b = rnd.getrandbits(64) & ~(0x7FF << 52) | rnd.randint(0x300, 0x4FF) << 52
        table.append((a, b))
    for _ in range(100):                 # the whole range, denormal operands too
        a = rnd.getrandbits(64) & ~(0x7FF << 52) | rnd.randint(0, 0x7FE) << 52
        b = rnd.getrandbits(64) & ~(0x7FF << 52) | rnd.randint(0, 0x7FE) << 52
        if b & ~(1 << 63):
            table.append((a, b))
    # exact quotients, denormal and overflowing results
    for a, b in ((6.0, 3.0), (1.0, 3.0), (-1.0, 10.0), (2.0, 0.5), (1e300, 1e-10),
                 (5e-324 * 2 ** 60, 2.0 ** 70), (3.0, -7.0), (1e-300, 1e10), (5e-324, 3.0),
                 (2.2250738585072014e-308, 4.0), (5e-324, 0.5), (1e308, 0.1), (-1e-310, 7.0),
                 (1.7976931348623157e308, 5e-324), (0.0, 3.0), (-0.0, 2.0)):
        import struct
        table.append(tuple(int.from_bytes(struct.pack("<d", v), "little") for v in (a, b)))
    got = _run(DBL_DIV, table, 1)
    for k, (a, b) in enumerate(table):
        want = _round_double(_dbl(a) / _dbl(b)) | ((a ^ b) & (1 << 63))   # signed zero too
        assert got[k] == want, f"{a:#x} / {b:#x}: {got[k]:#x} != {want:#x}"


# GCC's inline float division (ia64.md divsf3_internal_lat): frcpa, then
# refinement in sf1 with the last step rounded to double, fnorm.s in sf0.
SGL_DIV = """
	mov r20=r1
	movl r21=%#x
	;;
1:	ldfs f8=[r20],4
	;;
	ldfs f9=[r20],4
	;;
	frcpa.s0 f10,p6=f8,f9
	;;
(p6)	fmpy.s1 f11=f8,f10
(p6)	fnma.s1 f12=f9,f10,f1
	;;
(p6)	fma.s1 f11=f12,f11,f11
(p6)	fmpy.s1 f13=f12,f12
	;;
(p6)	fma.s1 f11=f13,f11,f11
(p6)	fmpy.s1 f12=f13,f13
	;;
(p6)	fma.d.s1 f11=f12,f11,f11
	;;
(p6)	fnorm.s.s0 f10=f11
	;;
	stfs [r21]=f10,4
	adds r22=-1,r22
	;;
	cmp.ne p9,p0=0,r22
(p9)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
""" % RESULTS


def _sgl(bits):
    s, e, f = bits >> 31, (bits >> 23) & 0xFF, bits & 0x7FFFFF
    v = Fraction(f, 1 << 149) if e == 0 else Fraction(0x800000 | f) * Fraction(2) ** (e - 150)
    return -v if s else v


def _round_single(x: Fraction, sign):
    if x == 0:
        return sign << 31
    x = abs(x)
    e = x.numerator.bit_length() - x.denominator.bit_length()
    if Fraction(2) ** e > x:
        e -= 1
    e = max(e, -126)
    q, r = divmod(x * Fraction(2) ** (23 - e), 1)
    if r > Fraction(1, 2) or (r == Fraction(1, 2) and q % 2):
        q += 1
    q = int(q)
    if q >> 24:
        q >>= 1
        e += 1
    if e > 127:
        return sign << 31 | 0xFF << 23
    if q >> 23:
        return sign << 31 | (e + 127) << 23 | (q & 0x7FFFFF)
    return sign << 31 | q


def test_float_division_correctly_rounded_both_engines():
    rnd = random.Random(random.randrange(1 << 30))
    table = []
    for _ in range(200):
        a = rnd.getrandbits(32) & ~(0xFF << 23) | rnd.randint(0, 0xFE) << 23
        b = rnd.getrandbits(32) & ~(0xFF << 23) | rnd.randint(0, 0xFE) << 23
        if b & 0x7FFFFFFF:
            table.append((a, b))
    table += [(0x3F800000, 0x40400000), (0x00000001, 0x40000000), (0x7F7FFFFF, 0x3E800000),
              (0x80000000, 0x3F800000), (0x40C00000, 0x40400000)]
    data = b"".join(struct.pack("<II", a, b) for a, b in table)

    def setup(m):
        m.mem_write(DATA_BASE, data)
        m.reg_write("r22", len(table))
    x, y = run_both(assemble(SGL_DIV), setup=setup, max_insns=20_000_000)
    assert diff_states(x, y) == []
    raw = x.mem_read(RESULTS, 4 * len(table))
    for k, (a, b) in enumerate(table):
        got = int.from_bytes(raw[4 * k:4 * k + 4], "little")
        want = _round_single(_sgl(a) / _sgl(b), (a ^ b) >> 31)
        assert got == want, f"{a:#x} / {b:#x}: {got:#x} != {want:#x}"
