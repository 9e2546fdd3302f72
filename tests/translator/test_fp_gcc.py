"""A C program compiled by GCC (ia64-linux-gnu-gcc 12, -O2): the division,
square-root and conversion sequences the compiler itself emits (inline
64/32-bit integer division, float/double division, fma contraction,
frsqrta-based sqrt, fcvt) give exactly the IEEE/C results, on both engines.
Skipped without the cross compiler (``make toolchain``)."""

import io
import math
import os
import struct
import subprocess
from fractions import Fraction

import numpy as np
import pytest

from ia64jit.linux import LinuxProcess

from test_fp_divide import _dbl, _round_double

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNTIME = os.path.join(ROOT, "guests", "runtime")
TOOLCHAIN = os.environ.get("IA64JIT_TOOLCHAIN",
                           os.path.join(os.path.expanduser("~"), ".cache", "ia64jit", "toolchain"))
CC = os.path.join(TOOLCHAIN, "bin", "ia64-linux-gnu-gcc")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not os.access(CC, os.X_OK), reason="needs the ia64 cross gcc")]

SOURCE = r"""
#include "rt.h"
typedef unsigned long u64;
typedef long s64;
static volatile s64 sa[] = {0, 1, -1, 7, -7, 0x7fffffffffffffffL, -0x7fffffffffffffffL - 1,
                            123456789012345L, -1000000007L};
static volatile double da[] = {1.0, 3.0, -2.5, 1e300, 1e-300, 0.1, 1e-310};
static volatile float fa[] = {1.0f, 3.0f, -2.5f, 1e30f, 1e-30f, 0.1f, 1e-40f};
static char out[1 << 16];
static int pos;
static void put(u64 v) {             /* hex without printf: few instructions */
    char tmp[16];
    int k = 0;
    do { tmp[k++] = "0123456789abcdef"[v & 15]; v >>= 4; } while (v);
    out[pos++] = ' ';
    while (k) out[pos++] = tmp[--k];
}
static void tag(char c) { if (pos) out[pos++] = '\n'; out[pos++] = c; }
static u64 dbits(double d) { union { double d; u64 u; } x; x.d = d; return x.u; }
static unsigned fbits(float f) { union { float f; unsigned u; } x; x.f = f; return x.u; }
int main(void)
{
    int n = sizeof(sa) / sizeof(sa[0]), m = sizeof(da) / sizeof(da[0]);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            s64 a = sa[i], b = sa[j];
            if (b == 0 || (b == -1 && a == (-0x7fffffffffffffffL - 1)) || (int)b == 0
                || ((int)b == -1 && (int)a == (int)0x80000000))
                continue;
            tag('i'); put(a); put(b); put(a / b); put(a % b); put((u64)a / (u64)b);
            put((u64)a % (u64)b); put((unsigned)((int)a / (int)b));
            put((unsigned)(int)a / (unsigned)(int)b);
        }
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
            tag('d'); put(dbits(da[i])); put(dbits(da[j])); put(dbits(da[i] / da[j]));
            put(dbits(da[i] * da[j] + da[j])); put(fbits(fa[i])); put(fbits(fa[j]));
            put(fbits(fa[i] / fa[j])); put(fbits(fa[i] * fa[j]));
        }
        tag('c'); put(dbits(da[i])); put((u64)(s64)(da[i] * 1e10));
        put(dbits(__builtin_sqrt(da[i] < 0 ? -da[i] : da[i])));
    }
    out[pos++] = '\n';
    sys_write(1, out, pos);
    return 0;
}
"""

M = (1 << 64) - 1


def _s(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


def _tdiv(a, b):
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _d(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def _db(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def _f(b):
    return np.frombuffer(struct.pack("<I", b), dtype=np.float32)[0]


def _fb(x):
    return struct.unpack("<I", np.float32(x).tobytes())[0]


def expected(line):
    t, *v = line.split()
    v = [int(x, 16) for x in v]
    if t == "i":
        a, b = _s(v[0], 64), _s(v[1], 64)
        q = _tdiv(a, b)
        a32, b32 = _s(v[0], 32), _s(v[1], 32)
        return v[:2] + [q & M, (a - q * b) & M, v[0] // v[1], v[0] % v[1],
                        _tdiv(a32, b32) & 0xFFFFFFFF,
                        (v[0] & 0xFFFFFFFF) // (v[1] & 0xFFFFFFFF)]
    if t == "d":
        a, b = _d(v[0]), _d(v[1])
        exact = _dbl(v[0]) * _dbl(v[1]) + _dbl(v[1])      # contracted to one fma
        fa, fb = _f(v[4]), _f(v[5])
        with np.errstate(all="ignore"):
            return v[:2] + [_db(a / b), _round_double(exact) if exact else _db(a * b + b),
                            v[4], v[5], _fb(fa / fb), _fb(fa * fb)]
    x = _d(v[0])
    p = Fraction(x) * Fraction(_dbl(_db(1e10)))
    prod = _d(_round_double(p)) if p else 0.0
    conv = int(prod) & M if abs(prod) < 2.0 ** 63 else 1 << 63      # else: integer indefinite
    return [v[0], conv, _db(math.sqrt(abs(x)))]


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    d = tmp_path_factory.mktemp("fpgcc")
    src, exe = d / "fp.c", d / "fp"
    src.write_text(SOURCE)
    cflags = (f"-O2 -minline-sqrt-min-latency -fno-math-errno -ffreestanding -nostdlib "
              f"-fno-stack-protector -Wall -I{RUNTIME}")
    r = subprocess.run(["make", "-s", "-C", RUNTIME, "prog", f"SRC={src}", f"EXE={exe}",
                        f"O={d / 'obj'}", f"CFLAGS={cflags}"], capture_output=True, text=True)
    if r.returncode:
        pytest.skip("could not build the test program: " + r.stderr[-500:])
    return str(exe)


def _run(exe, engine):
    out = io.BytesIO()
    p = LinuxProcess(exe, [exe], engine=engine, jit_threshold=5, stdout=out,
                     stderr=io.BytesIO())
    assert p.run() == 0
    return out.getvalue().decode()


def test_gcc_division_sqrt_conversion_exact_on_both_engines(program):
    text = _run(program, "interp")
    lines = text.splitlines()
    assert len(lines) > 100
    for line in lines:
        got = [int(x, 16) for x in line.split()[1:]]
        assert got == expected(line), line
    assert _run(program, "jit") == text
