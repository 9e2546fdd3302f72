"""The double-precision fast path of fma.d and its forms (the host's fused
multiply-add, used when it gives exactly the architecture's bits) against
the exact soft-float it stands in for: the same program, once with sf0's
inexact flag already set (fast path) and once clear (soft-float), must give
the same register bits, on both engines; and operands outside the guarded
range still go to the soft-float."""

from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ia64jit.difftest import CODE_BASE, assemble, have_binutils, new_machine
from ia64jit.machine import EmulationError

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

OPS = ["fma.d f8=f9,f10,f11", "fms.d f8=f9,f10,f11", "fnma.d f8=f9,f10,f11",
       "fmpy.d f8=f9,f10", "fadd.d f8=f9,f11", "fsub.d f8=f9,f11", "fnmpy.d f8=f9,f10"]
FPSR = 0x0009804C0270033F
I_FLAG_SF0 = 1 << (6 + 12)


def _code(op):
    return assemble(f"\tsetf.d f9=r32\n\tsetf.d f10=r33\n\tsetf.d f11=r34\n\t;;\n"
                    f"\t{op}\n\t;;\n\tbreak.i 0\n\t;;\n")


CODES = {}


def run(op, a, b, c, fpsr, engine):
    code = CODES.get(op) or CODES.setdefault(op, _code(op))
    m = new_machine(engine, code, jit_threshold=1)
    m.reg_write("ar.fpsr", fpsr)
    m.reg_write("cfm", 8 | 8 << 7)
    for n, v in zip((32, 33, 34), (a, b, c)):
        m.reg_write(f"r{n}", v)
    try:
        m.run(CODE_BASE, count=100)
    except EmulationError:
        pass
    return m.reg_read("f8"), m.reg_read("ar.fpsr")


def dbl(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


doubles = st.one_of(
    st.floats(min_value=-2.0**300, max_value=2.0**300, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 2.0**-300, -(2.0**-300), 1e-100, 7e99]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(op=st.sampled_from(OPS), a=doubles, b=doubles, c=doubles,
       engine=st.sampled_from(["interp", "jit"]))
def test_fast_path_matches_soft_float(op, a, b, c, engine):
    fast = run(op, dbl(a), dbl(b), dbl(c), FPSR | I_FLAG_SF0, engine)
    soft = run(op, dbl(a), dbl(b), dbl(c), FPSR, "interp")
    assert fast[0] == soft[0], (op, a, b, c)
    assert fast[1] & ~I_FLAG_SF0 == soft[1] & ~I_FLAG_SF0


@pytest.mark.parametrize("engine", ["interp", "jit"])
@pytest.mark.parametrize("a, b, c", [
    (2.0**600, 2.0**600, 1.0),          # overflow: outside the guard, soft-float sets o
    (2.0**-600, 2.0**-600, 0.0),        # underflow
    (5e-324, 1.0, 0.0),                 # a denormal operand
    (float("inf"), 1.0, 0.0),
    (1.0, 1.0, -1.0),                   # an exact zero: +0
    (-0.0, 1.0, -0.0),                  # -0 + -0 = -0
])
def test_edges_agree_with_soft_float(engine, a, b, c):
    for op in OPS:
        fast = run(op, dbl(a), dbl(b), dbl(c), FPSR | I_FLAG_SF0, engine)
        ref = run(op, dbl(a), dbl(b), dbl(c), FPSR, "interp")
        assert fast[0] == ref[0], (op, a, b, c)


EXT_OPS = ["fma.s1 f8=f9,f10,f11", "fms.s1 f8=f9,f10,f11", "fnma.s1 f8=f9,f10,f11",
           "fmpy.s1 f8=f9,f10", "fadd.s1 f8=f9,f11"]
I_FLAG_SF1 = 1 << (6 + 13 + 12)


def _ext_code(op):
    return assemble(f"\tsetf.sig f9=r32\n\tsetf.sig f10=r33\n\tsetf.sig f11=r34\n\t;;\n"
                    f"\tfnorm.s1 f9=f9\n\tfnorm.s1 f10=f10\n\tfnorm.s1 f11=f11\n\t;;\n"
                    f"\tfmerge.se f9=f12,f9\n\tfmerge.se f10=f13,f10\n\tfmerge.se f11=f14,f11\n"
                    f"\t;;\n\t{op}\n\t;;\n\tbreak.i 0\n\t;;\n")


def run_ext(op, regs, fpsr, engine):
    """f9-f11 = register values (sign, exponent, significand) through f12-f14
    (sign/exponent donors) and setf.sig/fnorm (significands)."""
    key = ("ext", op)
    code = CODES.get(key) or CODES.setdefault(key, _ext_code(op))
    m = new_machine(engine, code, jit_threshold=1)
    m.reg_write("ar.fpsr", fpsr)
    m.reg_write("cfm", 8 | 8 << 7)
    for k, (sign, exp, sig) in enumerate(regs):
        m.reg_write(f"r{32 + k}", sig)
        m.reg_write(f"f{12 + k}", (sign << 17 | exp) << 64 | 1 << 63)
    try:
        m.run(CODE_BASE, count=100)
    except EmulationError:
        pass
    return m.reg_read("f8"), m.reg_read("ar.fpsr")


ext_values = st.tuples(st.integers(0, 1), st.integers(0xFFFF - 380, 0xFFFF + 380),
                       st.integers(1 << 63, (1 << 64) - 1))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(op=st.sampled_from(EXT_OPS), regs=st.tuples(ext_values, ext_values, ext_values),
       engine=st.sampled_from(["interp", "jit"]))
def test_extended_fast_path_matches_soft_float(op, regs, engine):
    fast = run_ext(op, regs, FPSR | I_FLAG_SF1, engine)
    soft = run_ext(op, regs, FPSR, "interp")
    assert fast[0] == soft[0], (op, regs)
    assert fast[1] & ~I_FLAG_SF1 == soft[1] & ~I_FLAG_SF1
