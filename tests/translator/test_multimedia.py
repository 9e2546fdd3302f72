"""Integer multimedia instructions (A9, A10, I1-I8): interpreter against an
independent reference model (tests/translator/mm_model.py), JIT against the
interpreter, and known values.

Speed: every instruction form sits in one bundle of a single assembled
program (one gas run for the whole file); the property tests point the
interpreter of one machine at the bundle they need and run just it.
"""

from __future__ import annotations

import os
import random
import sys

import pytest

from ia64jit.difftest import CODE_BASE, assemble, diff_states, have_binutils, new_machine, \
    run_both
from frontend.decoder import decode_bundle
from translator import faults

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mm_model  # noqa: E402

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

M64 = (1 << 64) - 1


# ------------------------------------------------------------ the forms

class Form:
    """One instruction form: how to write it and how the model computes it.

    The model is called with the values of the assembly operands in source
    order (r9, then r10 if the form has a second register), then the
    immediate if there is one."""

    def __init__(self, mnemonic, kind, imm=None):
        self.mnemonic, self.kind, self.imm = mnemonic, kind, imm
        self.two_regs = kind in ("rr", "a10", "i1", "shr_reg", "shl_reg")

    def asm(self, d="r8", a="r9", b="r10"):
        m, k, imm = self.mnemonic, self.kind, self.imm
        if k in ("rr", "shr_reg", "shl_reg"):
            return f"{m} {d}={a},{b}"
        if k == "a10":
            return f"{m} {d}={a},{imm},{b}"
        if k == "i1":
            return f"{m} {d}={a},{b},{imm}"
        if k == "mux1":
            name = {v: n for n, v in mm_model.MBTYPES.items()}[imm]
            return f"{m} {d}={a},{name}"
        return f"{m} {d}={a},{imm}"        # shr_imm, shl_imm, mux2

    def model(self, x, y):
        fn = mm_model.MODEL[self.mnemonic]
        args = [x] + ([y] if self.two_regs else []) + ([] if self.imm is None else [self.imm])
        return fn(*args) & M64

    @property
    def key(self):
        return self.mnemonic if self.imm is None else f"{self.mnemonic}/{self.imm}"


RR = [m for m in mm_model.MODEL if m not in (
    "pshladd2", "pshradd2", "pmpyshr2", "pmpyshr2.u", "mux1", "mux2",
    "pshr2", "pshr4", "pshr2.u", "pshr4.u", "pshl2", "pshl4")]
SHR = ["pshr2", "pshr4", "pshr2.u", "pshr4.u"]
SHL = ["pshl2", "pshl4"]

FORMS = [Form(m, "rr") for m in RR]
FORMS += [Form(m, "a10", c) for m in ("pshladd2", "pshradd2") for c in (1, 2, 3)]
FORMS += [Form(m, "i1", c) for m in ("pmpyshr2", "pmpyshr2.u") for c in (0, 7, 15, 16)]
FORMS += [Form("mux1", "mux1", v) for v in sorted(mm_model.MBTYPES.values())]
FORMS += [Form("mux2", "mux2", v) for v in range(256)]
FORMS += [Form(m, "shr_reg") for m in SHR] + [Form(m, "shl_reg") for m in SHL]
FORMS += [Form(m, "shr_imm", c) for m in SHR for c in range(32)]
FORMS += [Form(m, "shl_imm", c) for m in SHL for c in range(32)]
BY_KEY = {f.key: f for f in FORMS}
INDEX = {f.key: n for n, f in enumerate(FORMS)}


def _program():
    lines = []
    for f in FORMS:
        lines += ["{ .mii", "\tnop.m 0", "\t" + f.asm(), "\tnop.i 0 ;;", "}"]
    return assemble("\n".join(lines) + "\n", explicit=True)


class Harness:
    """One interpreter machine holding every form, one bundle each."""

    def __init__(self):
        code = _program()
        assert len(code) == 16 * len(FORMS)
        for n, f in enumerate(FORMS):                 # the bundles are where we think
            insn = decode_bundle(code[16 * n:16 * n + 16]).insns[1]
            assert insn.mnemonic == f.mnemonic, (n, insn, f.key)
        self.m = new_machine("interp", code)

    def run(self, key, x, y=0, xn=0, yn=0, r8=0x5A5A5A5A5A5A5A5A, ip=None):
        m = self.m
        m.reg_write("r9", x)
        m.reg_write("r10", y)
        m.reg_write("r9.nat", xn)
        m.reg_write("r10.nat", yn)
        m.reg_write("r8", r8)
        m.reg_write("r8.nat", 0)
        m.reg_write("ip", CODE_BASE + 16 * INDEX[key] if ip is None else ip)
        m.reg_write("ri", 0)
        m.interp.run(3)
        return m.reg_read("r8"), m.reg_read("r8.nat")


@pytest.fixture(scope="module")
def harness():
    return Harness()


# ------------------------------------------------------------ value strategies

_SPECIAL = {
    8: [0, 1, 2, 0x7E, 0x7F, 0x80, 0x81, 0xFE, 0xFF],
    16: [0, 1, 2, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0xFFFE, 0x00FF, 0xFF00, 0x0080, 0xFF80],
    32: [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFF, 0x10000, 0xFFFF8000],
}


def _elements(bits):
    elem = st.one_of(st.sampled_from(_SPECIAL[bits]), st.integers(0, (1 << bits) - 1))
    return st.lists(elem, min_size=64 // bits, max_size=64 // bits).map(
        lambda xs: mm_model.concat(xs, bits))


REG = st.one_of(st.integers(0, M64), _elements(8), _elements(16), _elements(32))
COUNT = st.one_of(st.integers(0, 40), st.sampled_from([63, 64, 65, 1 << 32, M64]),
                  st.integers(0, M64))
NAT = st.sampled_from([0, 0, 0, 1])

# Property-test groups: one pytest case per mnemonic (immediate forms drawn).
GROUPS = {}
for f in FORMS:
    name = f.mnemonic + ("" if f.kind not in ("shr_imm", "shl_imm") else " imm")
    GROUPS.setdefault(name, []).append(f)

PROPERTY = settings(max_examples=30, deadline=None, derandomize=False)


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_interpreter_matches_model(harness, group):
    forms = GROUPS[group]
    count_like = forms[0].kind in ("shr_reg", "shl_reg")

    @PROPERTY
    @given(form=st.sampled_from(forms), x=REG, y=COUNT if count_like else REG, xn=NAT, yn=NAT)
    def check(form, x, y, xn, yn):
        got, nat = harness.run(form.key, x, y, xn, yn)
        want = form.model(x, y)
        want_nat = xn | (yn if form.two_regs else 0)
        assert (got, nat) == (want, want_nat), \
            f"{form.asm()} r9={x:#x} r10={y:#x}: got {got:#x}, model {want:#x}"

    check()


# ------------------------------------------------------------ hand-checked values

KNOWN = [
    # (key, r9, r10, result)
    ("padd1", 0x01FF7F80_00000000, 0x01010101_00000000, 0x02008081_00000000),
    ("padd1.sss", 0x7F80_7F80, 0x01FF_01FF, 0x7F80_7F80),   # 127+1, -128-1 saturate
    ("padd1.uuu", 0xFF10, 0x0120, 0xFF30),
    ("padd1.uus", 0x0510, 0xF0FF, 0x000F),           # 5+(-16)=0 sat, 16+(-1)=15
    ("psub2.uuu", 0x0001_0005, 0x0002_0003, 0x0000_0002),
    ("psub2.sss", 0x8000_7FFF, 0x0001_FFFF, 0x8000_7FFF),
    ("psub4", 0x00000000_00000000, 0x00000001_00000001, 0xFFFFFFFF_FFFFFFFF),
    ("pavg1", 0xFF_0302, 0xFF_0001, 0xFF_0101),      # sums 3: 1|1;  0x1fe: 0xff
    ("pavg1.raz", 0xFF_0302, 0xFF_0001, 0xFF_0202),  # sums 3: (3+1)>>1
    ("pavgsub1", 0x00, 0xFF, 0x81),
    ("pcmp2.gt", 0x0001_FFFF_8000_7FFF, 0x0000_0000_7FFF_8000, 0xFFFF_0000_0000_FFFF),
    ("pcmp1.eq", 0x1122334455667788, 0x1100330055007700, 0xFF00FF00FF00FF00),
    ("pshladd2/3", 0x1000_0001, 0x0000_0001, 0x7FFF_0009),
    ("pshradd2/1", 0xFFFF_0004, 0x0000_7FFF, 0xFFFF_7FFF),
    ("pmpyshr2/16", 0x7FFF, 0x7FFF, 0x3FFF),
    ("pmpyshr2.u/0", 0xFFFF, 0xFFFF, 0x0001),
    ("pmpy2.r", 0x0000_0003_0000_FFFF, 0x0000_0004_0000_0002, 0x0000000C_FFFFFFFE),
    ("pmpy2.l", 0x0003_0000_FFFF_0000, 0x0004_0000_0002_0000, 0x0000000C_FFFFFFFE),
    ("mix1.l", 0x8877665544332211, 0xFFEEDDCCBBAA9988, 0x88FF66DD44BB2299),
    ("mix1.r", 0x8877665544332211, 0xFFEEDDCCBBAA9988, 0x77EE55CC33AA1188),
    ("mix4.l", 0x11111111_22222222, 0x33333333_44444444, 0x11111111_33333333),
    ("mix4.r", 0x11111111_22222222, 0x33333333_44444444, 0x22222222_44444444),
    ("unpack1.l", 0x8877665544332211, 0xFFEEDDCCBBAA9988, 0x44BB33AA22991188),
    ("unpack1.h", 0x8877665544332211, 0xFFEEDDCCBBAA9988, 0x88FF77EE66DD55CC),
    ("unpack4.l", 0x11111111_22222222, 0x33333333_44444444, 0x22222222_44444444),
    ("pack2.sss", 0x0100_FF00_0080_FF7F, 0x0000_0001_FFFF_8000, 0x0001FF80_7F807F80),
    ("pack2.uss", 0x0100_FF00_0080_FF7F, 0x0000_0001_FFFF_8000, 0x00010000_FF008000),
    ("pack4.sss", 0x00010000_FFFF0000, 0x00000005_FFFFFFFB, 0x0005FFFB_7FFF8000),
    ("pmin1.u", 0x00FF_8001, 0xFF00_7F02, 0x0000_7F01),
    ("pmax2", 0x8000_0001, 0x7FFF_FFFF, 0x7FFF_0001),
    ("psad1", 0x00FF_0000_0000_0010, 0xFF00_0000_0000_0001, 0x20D),
    ("mux1/11", 0x8877665544332211, 0, 0x1122334455667788),      # @rev
    ("mux1/0", 0x8877665544332211, 0, 0x1111111111111111),       # @brcst
    ("mux1/8", 0x8877665544332211, 0, 0x8844662277335511),       # @mix
    ("mux1/9", 0x8877665544332211, 0, 0x8844773366225511),       # @shuf
    ("mux1/10", 0x8877665544332211, 0, 0x8866442277553311),      # @alt
    ("mux2/27", 0x4444_3333_2222_1111, 0, 0x1111_2222_3333_4444),  # 0x1b: reverse
    ("mux2/68", 0x4444_3333_2222_1111, 0, 0x2222_1111_2222_1111),  # 0x44
    ("pshr2", 0x8000_0100, 4, 0xF800_0010),
    ("pshr2", 0x8000_0100, 1000, 0xFFFF_0000),
    ("pshr4.u", 0x80000000_00000100, 4, 0x08000000_00000010),
    ("pshl2", 0x8001_00FF, 4, 0x0010_0FF0),
    ("pshl2", 0x8001_00FF, 16, 0),
    ("pshl4/31", 0x00000003_00000001, 0, 0x80000000_80000000),
    ("pshr4/31", 0x80000000_7FFFFFFF, 0, 0xFFFFFFFF_00000000),
    ("mpy4", 0xAAAA_FFFFFFFF, 0xBBBB_FFFFFFFF, 0xFFFFFFFE_00000001),
    ("mpyshl4", 0x00000003_12345678, 0x99999999_00000005, 0x0000000F_00000000),
]


def _compiled(m):
    """The JIT really compiled the code (a block that fails to build falls
    back to the interpreter silently)."""
    return m.jit.stats["compiled"] >= 1 and not m.jit.failed


def _known_id(k):
    return f"{k[0]}-{k[2]:#x}"


@pytest.mark.parametrize("key,x,y,want", KNOWN, ids=[_known_id(k) for k in KNOWN])
def test_known_values(harness, key, x, y, want):
    got, nat = harness.run(key, x, y)
    assert (got, nat) == (want, 0), f"{BY_KEY[key].asm()}: got {got:#x}, want {want:#x}"
    assert BY_KEY[key].model(x, y) == want          # the model agrees with the hand value


def test_mpy_sequence_gives_the_64bit_product(harness):
    rng = random.Random(7)
    for _ in range(50):
        a, b = rng.getrandbits(64), rng.getrandbits(64)
        lo = harness.run("mpy4", a, b)[0]
        h1 = harness.run("mpyshl4", a, b)[0]
        h2 = harness.run("mpyshl4", b, a)[0]
        assert (lo + h1 + h2) & M64 == (a * b) & M64


def test_predicated_off_writes_nothing():
    code = assemble("(p6) padd1 r8=r9,r10\n(p6) mux1 r11=r9,@rev\n(p6) pshl2 r14=r9,3\n"
                    ";;\nbreak.i 0\n;;\n")

    def setup(m):
        m.reg_write("p6", 0)
        m.reg_write("r9", 0x0102030405060708)
        m.reg_write("r10", 0x1111111111111111)
        for r in ("r8", "r11", "r14"):
            m.reg_write(r, 77)

    a, b = run_both(code, setup)
    for m in (a, b):
        assert [m.reg_read(r) for r in ("r8", "r11", "r14")] == [77, 77, 77]
    assert diff_states(a, b) == [] and _compiled(b)


def test_reserved_mux1_mbtype_is_illegal():
    """mbtype4 values other than 0, 8, 9, 0xa, 0xb are reserved: Illegal
    Operation, with r1 untouched, on both engines."""
    good = bytearray(assemble(".mii\n\tnop.m 0\n\tmux1 r8=r9,@rev\n\tnop.i 0\n;;\n"
                              ".mii\n\tbreak.m 0\n\tnop.i 0\n\tnop.i 0\n;;\n"))
    word = int.from_bytes(good[:16], "little")
    word = word & ~(0xF << (46 + 20)) | (0x5 << (46 + 20))      # slot 1, mbt4c = 5
    code = word.to_bytes(16, "little") + bytes(good[16:])
    assert decode_bundle(code[:16]).insns[1].text() == "mux1 r8=r9,0x5"

    def setup(m):
        m.reg_write("r8", 1234)
        m.reg_write("r9", 0x0102030405060708)

    a, b = run_both(code, setup)
    for m in (a, b):
        assert m.last_fault[:3] == (faults.ILLEGAL_OPERATION, CODE_BASE, 1)
        assert m.reg_read("r8") == 1234
    assert diff_states(a, b) == [] and _compiled(b)


def test_r0_target_is_illegal():
    code = assemble("padd2 r0=r9,r10\n;;\nbreak.i 0\n;;\n")
    a, b = run_both(code)
    for m in (a, b):
        assert m.last_fault[0] == faults.ILLEGAL_OPERATION
    assert diff_states(a, b) == [] and _compiled(b)


# ------------------------------------------------------------ JIT against interpreter

# Sources r2..r7 (and their NaTs) random; destinations the remaining static GRs.
_DESTS = ["r8", "r9", "r10", "r11", "r14", "r15", "r16", "r17", "r18", "r19", "r20",
          "r21", "r22", "r23", "r24", "r25", "r26", "r27", "r28", "r29", "r30", "r31"]
_SRCS = ["r2", "r3", "r4", "r5", "r6", "r7"]


def _jit_forms():
    picked = [f for f in FORMS if f.kind not in ("mux2", "shr_imm", "shl_imm")]
    picked += [BY_KEY[f"mux2/{v}"] for v in (0x00, 0x1B, 0x44, 0xE4, 0x72, 0xFF)]
    picked += [BY_KEY[f"{m}/{c}"] for m in SHR + SHL for c in (0, 1, 7, 15, 16, 31)]
    return picked


def _jit_programs():
    forms = _jit_forms()
    step = len(_DESTS)
    return [forms[k:k + step] for k in range(0, len(forms), step)]


JIT_PROGRAMS = _jit_programs()


@pytest.mark.parametrize("index", range(len(JIT_PROGRAMS)))
def test_jit_matches_interpreter(index):
    forms = JIT_PROGRAMS[index]
    rng = random.Random(1000 + index)
    plan = []
    lines = []
    for f, d in zip(forms, _DESTS):
        a, b = rng.sample(_SRCS, 2)
        plan.append((f, d, a, b))
        lines.append(f.asm(d, a, b))
    code = assemble("\n".join(lines) + "\n;;\nbreak.i 0\n;;\n")
    for seed in range(2):
        vals = random.Random(seed * 7919 + index)
        regs = {}
        for r in _SRCS:
            if vals.random() < 0.3:       # small values make good shift counts
                regs[r] = (vals.randrange(40), 0)
            else:
                regs[r] = (vals.getrandbits(64), int(vals.random() < 0.2))

        def setup(m):
            for r, (v, n) in regs.items():
                m.reg_write(r, v)
                m.reg_write(r + ".nat", n)

        a, b = run_both(code, setup)
        assert diff_states(a, b) == [] and _compiled(b)
        assert a.last_fault[0] == faults.BREAK
        for f, d, ra, rb in plan:
            (x, xn), (y, yn) = regs[ra], regs[rb]
            want = (f.model(x, y), xn | (yn if f.two_regs else 0))
            assert (a.reg_read(d), a.reg_read(d + ".nat")) == want, f.asm(d, ra, rb)
