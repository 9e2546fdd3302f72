"""Differential fuzzing of F-type slots against GNU objdump.

Every run uses a fresh random seed (printed on failure, so a failure can be
replayed with ``tools/fuzzdis.py F N --seed S``).  Only the F slot's line of
each bundle is judged: the M and I slots around it are random too and are
the business of their own tables' tests.
"""

import os
import random
import shutil
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

if shutil.which("ia64-linux-gnu-objdump") is None:
    pytest.skip("ia64-linux-gnu-objdump is not installed", allow_module_level=True)

from frontend.bundle import join  # noqa: E402
from tools.fuzzdis import compare, make_bundles  # noqa: E402

F_SLOT_OFFSET = 6      # objdump shows slot 1 of an MFI bundle at +6


def _f_mismatches(data):
    _, bad = compare(data)
    out = []
    for want, got in bad:
        addr = want.split(":", 1)[0].strip()
        try:
            off = int(addr, 16)
        except ValueError:
            out.append((want, got))      # a structural difference: always report
            continue
        if off % 16 == F_SLOT_OFFSET:
            out.append((want, got))
    return out


def _report(seed, bad):
    lines = [f"seed {seed}: {len(bad)} F-slot mismatches"]
    for want, got in bad[:10]:
        lines.append(f"  want: {want}\n  got:  {got}")
    return "\n".join(lines)


def test_fuzz_f_random_slots():
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    data = make_bundles("F", 20000, rng)
    bad = _f_mismatches(data)
    assert not bad, _report(seed, bad)


def _set(v, lo, width, val):
    return (v & ~(((1 << width) - 1) << lo)) | (val << lo)


def test_fuzz_f_pseudo_op_corners():
    """Random slots biased towards what picks a pseudo-op: f2=0, f2==f3,
    f2=f3=0, f4=1 (fmpy/fadd/fnorm, mov/fabs/fneg, xmpy ...), and the
    opcode-0/1 x6 values that exist."""
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    x6s = [0x00, 0x01, 0x04, 0x05, 0x08, 0x10, 0x11, 0x12, 0x14, 0x17, 0x18,
           0x1B, 0x1C, 0x1D, 0x28, 0x2C, 0x2F, 0x30, 0x33, 0x34, 0x37, 0x39,
           0x3C, 0x3D, 0x3E, 0x3F]
    out = bytearray()
    for _ in range(6000):
        op = rng.choice((0, 1, 0, 1, 4, 5, 8, 9, 10, 11, 12, 13, 14))
        s = rng.getrandbits(37) | (op << 37)
        if op in (0, 1) and rng.random() < 0.7:
            s = _set(_set(s, 33, 1, 0), 27, 6, rng.choice(x6s))
        r = rng.random()
        if r < 0.25:
            s = _set(s, 13, 7, 0)
        elif r < 0.5:
            s = _set(s, 13, 7, (s >> 20) & 0x7F)
        elif r < 0.6:
            s = _set(_set(s, 13, 7, 0), 20, 7, 0)
        if rng.random() < 0.3:
            s = _set(s, 27, 7, rng.choice((0, 1)))
        out += join(0x0C | rng.getrandbits(1), rng.getrandbits(41), s, rng.getrandbits(41))
    bad = _f_mismatches(bytes(out))
    assert not bad, _report(seed, bad)
