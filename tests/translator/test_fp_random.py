"""Random operands (normals, unnormals, denormals, zeros, infinities, NaNs,
NaTVal, integers) through every FP instruction form: the two engines agree
on the whole state, and the inline memory-format conversions (setf/getf)
agree with translator/fp/regfmt.py."""

import random

import pytest

from ia64jit.difftest import assemble, diff_states, have_binutils, run_both
from translator.fp import regfmt

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

BIAS = 0xFFFF

OPS = [
    "fma.s0 {d}={a},{b},{c}", "fms.s1 {d}={a},{b},{c}", "fnma.s2 {d}={a},{b},{c}",
    "fma.s.s0 {d}={a},{b},{c}", "fma.d.s3 {d}={a},{b},{c}", "fnorm.s0 {d}={a}",
    "fpma.s0 {d}={a},{b},{c}", "fpms.s1 {d}={a},{b},{c}", "fpnma.s0 {d}={a},{b},{c}",
    "xma.l {d}={a},{b},{c}", "xma.h {d}={a},{b},{c}", "xma.hu {d}={a},{b},{c}",
    "fselect {d}={a},{b},{c}",
    "fmin.s0 {d}={a},{b}", "fmax.s0 {d}={a},{b}", "famin.s0 {d}={a},{b}",
    "famax.s0 {d}={a},{b}", "fpmin.s0 {d}={a},{b}", "fpmax.s0 {d}={a},{b}",
    "fpamin.s0 {d}={a},{b}", "fpamax.s0 {d}={a},{b}",
    "fpcmp.eq.s0 {d}={a},{b}", "fpcmp.lt.s0 {d}={a},{b}", "fpcmp.le.s0 {d}={a},{b}",
    "fpcmp.unord.s0 {d}={a},{b}", "fpcmp.neq.s0 {d}={a},{b}", "fpcmp.nlt.s0 {d}={a},{b}",
    "fpcmp.nle.s0 {d}={a},{b}", "fpcmp.ord.s0 {d}={a},{b}",
    "fmerge.s {d}={a},{b}", "fmerge.ns {d}={a},{b}", "fmerge.se {d}={a},{b}",
    "fmix.l {d}={a},{b}", "fmix.r {d}={a},{b}", "fmix.lr {d}={a},{b}",
    "fsxt.l {d}={a},{b}", "fsxt.r {d}={a},{b}", "fswap {d}={a},{b}", "fswap.nl {d}={a},{b}",
    "fswap.nr {d}={a},{b}", "fand {d}={a},{b}", "fandcm {d}={a},{b}", "for {d}={a},{b}",
    "fxor {d}={a},{b}", "fpack {d}={a},{b}", "fpmerge.s {d}={a},{b}",
    "fpmerge.ns {d}={a},{b}", "fpmerge.se {d}={a},{b}",
    "fcvt.fx.s0 {d}={a}", "fcvt.fxu.s0 {d}={a}", "fcvt.fx.trunc.s0 {d}={a}",
    "fcvt.fxu.trunc.s0 {d}={a}", "fpcvt.fx.s0 {d}={a}", "fpcvt.fxu.trunc.s0 {d}={a}",
    "fcvt.xf {d}={a}",
    "frcpa.s0 {d},p{p}={a},{b}", "frsqrta.s0 {d},p{p}={a}", "fprcpa.s0 {d},p{p}={a},{b}",
    "fprsqrta.s0 {d},p{p}={a}",
    "fcmp.eq.s0 p{p},p{q}={a},{b}", "fcmp.lt.s0 p{p},p{q}={a},{b}",
    "fcmp.le.unc.s0 p{p},p{q}={a},{b}", "fcmp.unord.s0 p{p},p{q}={a},{b}",
    "fclass.m p{p},p{q}={a},0x{m:x}", "fclass.m.unc p{p},p{q}={a},0x{m:x}",
]


def random_fr(rnd):
    k = rnd.randrange(12)
    s = rnd.randrange(2) << 17
    if k == 0:
        return 0x1FFFE << 64                                  # NaTVal
    if k == 1:
        return (s | 0x1FFFF) << 64 | 1 << 63                  # inf
    if k == 2:
        return (s | 0x1FFFF) << 64 | rnd.choice([0xC, 0x8, 0x4]) << 60 | rnd.getrandbits(40)
    if k == 3:
        return s << 64                                        # zero
    if k == 4:
        return 0x1003E << 64 | rnd.getrandbits(64)            # integer
    if k == 5:
        return 0x1003E << 64 | rnd.getrandbits(32) << 32 | rnd.getrandbits(32)
    if k == 6:
        return (s | rnd.randrange(0x20000)) << 64 | rnd.getrandbits(64)       # anything
    if k == 7:
        return s << 64 | rnd.getrandbits(64)                  # exponent 0
    if k == 8:
        return (s | BIAS - 126) << 64 | rnd.getrandbits(60)   # single denormal
    return (s | BIAS + rnd.randint(-130, 130)) << 64 | 1 << 63 | rnd.getrandbits(63)


def program(rnd, n):
    lines = []
    for _ in range(n):
        op = rnd.choice(OPS)
        regs = rnd.sample(range(8, 32), 4)
        p, q = rnd.sample(range(1, 16), 2)
        lines.append("\t" + op.format(d=f"f{rnd.randrange(32, 40)}", a=f"f{regs[0]}",
                                      b=f"f{regs[1]}", c=f"f{regs[2]}", p=p, q=q,
                                      m=rnd.getrandbits(9)))
        if rnd.random() < 0.3:
            lines.append("\t;;")
    return "\n".join(lines)


@pytest.mark.parametrize("seed", [random.randrange(1 << 30) for _ in range(2)])
def test_random_fp_both_engines(seed):
    rnd = random.Random(seed)
    regs = {f"f{n}": random_fr(rnd) for n in range(8, 32)}
    gr = {f"r{n}": rnd.getrandbits(64) for n in range(14, 24)}
    if rnd.random() < 0.5:
        gr["r20.nat"] = 1
    src = program(rnd, 150) + """
	;;
	setf.s f40=r14
	setf.d f41=r15
	setf.sig f42=r16
	setf.exp f43=r17
	setf.s f44=r20
	getf.s r24=f8
	getf.d r25=f9
	getf.sig r26=f10
	getf.exp r27=f11
	mov r28=ar.fpsr
	;;
	break.i 0
	;;
"""

    def setup(m):
        for k, v in {**regs, **gr}.items():
            m.reg_write(k, v)
    a, b = run_both(assemble(src), setup=setup)
    assert a.last_fault is not None and a.last_fault[0] == 2, (seed, a.last_fault)
    assert diff_states(a, b) == [], seed

    def f(n):
        v = regs[f"f{n}"]
        return v & ((1 << 64) - 1), v >> 64
    assert a.reg_read("f40") == (lambda s, e: e << 64 | s)(
        *regfmt.single_to_reg(gr["r14"] & 0xFFFFFFFF))
    assert a.reg_read("f41") == (lambda s, e: e << 64 | s)(*regfmt.double_to_reg(gr["r15"]))
    assert a.reg_read("f42") == 0x1003E << 64 | gr["r16"]
    assert a.reg_read("f43") == (gr["r17"] & 0x3FFFF) << 64 | 1 << 63
    if "r20.nat" in gr:
        assert a.reg_read("f44") == 0x1FFFE << 64
    natval = [f(n) == (0, 0x1FFFE) for n in (8, 9, 10, 11)]
    for r, n, fn in (("r24", 8, regfmt.reg_to_single), ("r25", 9, regfmt.reg_to_double),
                     ("r26", 10, lambda s, e: s), ("r27", 11, lambda s, e: e)):
        if natval[n - 8]:
            assert (a.reg_read(r), a.reg_read(r + ".nat")) == (0, 1)
        else:
            assert a.reg_read(r) == fn(*f(n)) and a.reg_read(r + ".nat") == 0
