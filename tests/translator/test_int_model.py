"""ALU, compare, shift and deposit/extract instructions against an
independent pure-Python model of each operation (written from the SDM's
instruction pages, sharing nothing with translator/semantics), with random
operands and NaT inputs.  Every form sits in its own bundle of one assembled
program; a case runs that bundle in the interpreter (the reference, which the
JIT is differentially tested against elsewhere) and, for a sample, the JIT.
"""

from __future__ import annotations

import pytest

from ia64jit.difftest import CODE_BASE, assemble, have_binutils, new_machine

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

M64 = (1 << 64) - 1


def s64(v):
    return v - (1 << 64) if v >> 63 else v


def sx(v, bits):
    v &= (1 << bits) - 1
    return v - (1 << bits) if v >> (bits - 1) else v


# ------------------------------------------------------------ the model
# value forms: fn(a, b) -> result;  NaT of the result = NaT(a) | NaT(b) for the
# operands the form reads.

def _extract(a, pos, length, signed):
    width = min(pos + length, 64) - pos
    v = (a >> pos) & ((1 << width) - 1)
    return (sx(v, width) & M64) if signed else v


def _deposit(target, value, pos, length):
    width = min(pos + length, 64) - pos
    mask = ((1 << width) - 1) << pos
    return (target & ~mask | (value << pos) & mask) & M64


def _czx(a, width, left):
    n = 64 // width
    elems = [(a >> (k * width)) & ((1 << width) - 1) for k in range(n)]   # little end first
    order = range(n - 1, -1, -1) if left else range(n)
    for idx, k in enumerate(order):
        if elems[k] == 0:
            return idx
    return n


VALUE_FORMS = []          # (asm, reads, fn)


def vf(asm, reads, fn):
    VALUE_FORMS.append((asm, reads, fn))


vf("add r8=r9,r10", "ab", lambda a, b: a + b)
vf("add r8=r9,r10,1", "ab", lambda a, b: a + b + 1)
vf("sub r8=r9,r10", "ab", lambda a, b: a - b)
vf("sub r8=r9,r10,1", "ab", lambda a, b: a - b - 1)
vf("and r8=r9,r10", "ab", lambda a, b: a & b)
vf("or r8=r9,r10", "ab", lambda a, b: a | b)
vf("xor r8=r9,r10", "ab", lambda a, b: a ^ b)
vf("andcm r8=r9,r10", "ab", lambda a, b: a & ~b)
vf("addp4 r8=r9,r10", "ab", lambda a, b: ((a + b) & 0xFFFFFFFF) | ((b >> 30) & 3) << 61)
vf("mov r8=r9", "a", lambda a, b: a)
for imm in (-128, -1, 0, 5, 127):
    vf(f"sub r8={imm},r10", "b", lambda a, b, i=imm: i - b)
    vf(f"and r8={imm},r10", "b", lambda a, b, i=imm: i & b)
    vf(f"or r8={imm},r10", "b", lambda a, b, i=imm: i | b)
    vf(f"xor r8={imm},r10", "b", lambda a, b, i=imm: i ^ b)
    vf(f"andcm r8={imm},r10", "b", lambda a, b, i=imm: i & ~b)
for imm in (-8192, -1, 1, 100, 8191):
    vf(f"adds r8={imm},r9", "a", lambda a, b, i=imm: i + a)
    vf(f"addp4 r8={imm},r9", "a",
       lambda a, b, i=imm: ((i + a) & 0xFFFFFFFF) | ((a >> 30) & 3) << 61)
for imm in (-2097152, -1, 0, 12345, 2097151):
    vf(f"addl r8={imm},r2", "c", lambda a, b, i=imm, c=None: i)   # r2: see run()
for c in (1, 2, 3, 4):
    vf(f"shladd r8=r9,{c},r10", "ab", lambda a, b, c=c: (a << c) + b)
    vf(f"shladdp4 r8=r9,{c},r10", "ab",
       lambda a, b, c=c: (((a << c) + b) & 0xFFFFFFFF) | ((b >> 30) & 3) << 61)
vf("shl r8=r9,r10", "ab", lambda a, b: (a << b) if b < 64 else 0)
vf("shr r8=r9,r10", "ab", lambda a, b: s64(a) >> min(b, 63))
vf("shr.u r8=r9,r10", "ab", lambda a, b: a >> b if b < 64 else 0)
for c in (0, 1, 7, 31, 32, 63):
    vf(f"shl r8=r9,{c}", "a", lambda a, b, c=c: a << c)
    vf(f"shr r8=r9,{c}", "a", lambda a, b, c=c: s64(a) >> c)
    vf(f"shr.u r8=r9,{c}", "a", lambda a, b, c=c: a >> c)
    vf(f"shrp r8=r9,r10,{c}", "ab", lambda a, b, c=c: ((a << 64) | b) >> c)
for pos, length in ((0, 1), (0, 64), (3, 8), (60, 4), (63, 1), (17, 33), (40, 30)):
    vf(f"extr r8=r9,{pos},{length}", "a", lambda a, b, p=pos, n=length: _extract(a, p, n, True))
    vf(f"extr.u r8=r9,{pos},{length}", "a",
       lambda a, b, p=pos, n=length: _extract(a, p, n, False))
    vf(f"dep.z r8=r9,{pos},{length}", "a", lambda a, b, p=pos, n=length: _deposit(0, a, p, n))
for pos, length in ((0, 1), (5, 16), (48, 16), (60, 8), (63, 1)):
    vf(f"dep r8=r9,r10,{pos},{length}", "ab",
       lambda a, b, p=pos, n=length: _deposit(b, a, p, n))
    vf(f"dep r8=-1,r10,{pos},{length}", "b", lambda a, b, p=pos, n=length: _deposit(b, M64, p, n))
    vf(f"dep r8=0,r10,{pos},{length}", "b", lambda a, b, p=pos, n=length: _deposit(b, 0, p, n))
    vf(f"dep.z r8=-5,{pos},{length}", "", lambda a, b, p=pos, n=length: _deposit(0, -5 & M64, p, n))
for w in (1, 2, 4):
    vf(f"zxt{w} r8=r9", "a", lambda a, b, w=w: a & ((1 << 8 * w) - 1))
    vf(f"sxt{w} r8=r9", "a", lambda a, b, w=w: sx(a, 8 * w))
for w, width in ((1, 8), (2, 16)):
    vf(f"czx{w}.l r8=r9", "a", lambda a, b, wd=width: _czx(a, wd, True))
    vf(f"czx{w}.r r8=r9", "a", lambda a, b, wd=width: _czx(a, wd, False))
vf("popcnt r8=r9", "a", lambda a, b: bin(a).count("1"))
vf("clz r8=r9", "a", lambda a, b: 64 - a.bit_length())

# compare forms: (asm, reads, relation(a, b) -> bool, ctype)
RELS = {
    "eq": lambda a, b: a == b, "ne": lambda a, b: a != b,
    "lt": lambda a, b: s64(a) < s64(b), "le": lambda a, b: s64(a) <= s64(b),
    "gt": lambda a, b: s64(a) > s64(b), "ge": lambda a, b: s64(a) >= s64(b),
    "ltu": lambda a, b: a < b, "leu": lambda a, b: a <= b,
    "gtu": lambda a, b: a > b, "geu": lambda a, b: a >= b,
}
CMP_FORMS = []
for width in ("cmp", "cmp4"):
    for rel, fn in RELS.items():
        if width == "cmp4":
            fn = (lambda f, u: lambda a, b: f(a & 0xFFFFFFFF, b & 0xFFFFFFFF) if u else
                  f(sx(a, 32) & M64, sx(b, 32) & M64))(fn, rel.endswith("u"))
        CMP_FORMS.append((f"{width}.{rel} p6,p7=r9,r10", "ab", fn, ""))
        CMP_FORMS.append((f"{width}.{rel}.unc p6,p7=r9,r10", "ab", fn, "unc"))
        CMP_FORMS.append((f"{width}.{rel} p6,p7=-3,r10", "b",
                          (lambda f: lambda a, b: f(-3 & M64, b))(fn), ""))
    for rel in ("eq", "ne"):
        fn = RELS[rel] if width == "cmp" else \
            (lambda f: lambda a, b: f(a & 0xFFFFFFFF, b & 0xFFFFFFFF))(RELS[rel])
        for ctype in ("and", "or", "or.andcm"):
            CMP_FORMS.append((f"{width}.{rel}.{ctype} p6,p7=r9,r10", "ab", fn, ctype))
    for rel in ("lt", "le", "gt", "ge"):
        f0 = RELS[rel] if width == "cmp" else \
            (lambda f: lambda a, b: f(sx(a, 32) & M64, sx(b, 32) & M64))(RELS[rel])
        for ctype in ("and", "or", "or.andcm"):
            CMP_FORMS.append((f"{width}.{rel}.{ctype} p6,p7=r0,r10", "b",
                              (lambda f: lambda a, b: f(0, b))(f0), ctype))
for pos in (0, 1, 31, 63):
    for z, ctype in (("z", ""), ("nz", ""), ("z", "unc"), ("nz", "and"), ("z", "or")):
        fn = (lambda p, zz: lambda a, b: ((a >> p) & 1) == (0 if zz == "z" else 1))(pos, z)
        suffix = f".{ctype}" if ctype else ""
        CMP_FORMS.append((f"tbit.{z}{suffix} p6,p7=r9,{pos}", "a", fn, ctype))


def model_pair(ctype, rel, nat, p6, p7):
    """Predicate targets after a compare (SDM: cmp, compare types)."""
    if ctype in ("", "unc"):
        return (0, 0) if nat else (int(rel), int(not rel))
    if ctype == "and":
        return (0, 0) if (nat or not rel) else (p6, p7)
    if ctype == "or":
        return (1, 1) if (rel and not nat) else (p6, p7)
    if ctype == "or.andcm":
        return (1, 0) if (rel and not nat) else (p6, p7)
    raise ValueError(ctype)


# ------------------------------------------------------------ the program

ALL = [f[0] for f in VALUE_FORMS] + [f[0] for f in CMP_FORMS]
_PROG = {}


def program():
    if not _PROG:
        src = "".join("{ .mii\n\tnop.m 0\n\t%s\n\tnop.i 0 ;;\n}\n" % asm for asm in ALL)
        _PROG["code"] = assemble(src + "\tbreak.i 0\n")
    return _PROG["code"]


_MACHINES = {}


def machine(engine):
    if engine not in _MACHINES:
        _MACHINES[engine] = new_machine(engine, program(), jit_threshold=1)
    return _MACHINES[engine]


def run(engine, index, a, b, na, nb, p6, p7):
    m = machine(engine)
    m.reg_write("r9", a)
    m.reg_write("r10", b)
    m.reg_write("r2", a)
    m.reg_write("r9.nat", na)
    m.reg_write("r10.nat", nb)
    m.reg_write("r2.nat", na)
    m.reg_write("r8", 0xDEAD)
    m.reg_write("r8.nat", 0)
    m.reg_write("p6", p6)
    m.reg_write("p7", p7)
    m.run(CODE_BASE + 16 * index, count=3)
    return m.reg_read("r8"), m.reg_read("r8.nat"), m.reg_read("p6"), m.reg_read("p7")


def expected(index, a, b, na, nb, p6, p7):
    if index < len(VALUE_FORMS):
        asm, reads, fn = VALUE_FORMS[index]
        if reads == "c":                         # addl r8=imm,r2
            return (fn(a, b) + a) & M64, na, p6, p7
        nat = int(("a" in reads and na) or ("b" in reads and nb))
        return fn(a, b) & M64, nat, p6, p7
    asm, reads, rel, ctype = CMP_FORMS[index - len(VALUE_FORMS)]
    if asm.startswith("tnat"):
        raise AssertionError
    nat = int(("a" in reads and na) or ("b" in reads and nb))
    q6, q7 = model_pair(ctype, rel(a, b), nat, p6, p7)
    return 0xDEAD, 0, q6, q7


EDGE = [0, 1, 2, 63, 64, 0x7F, 0x80, 0xFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF,
        1 << 63, M64, M64 - 1, (1 << 63) - 1, 0x0123456789ABCDEF]
values = st.one_of(st.sampled_from(EDGE), st.integers(0, M64), st.integers(0, 70))


def test_every_form_decodes_and_has_a_model():
    assert len(program()) == 16 * (len(ALL) + 1)


@pytest.mark.parametrize("index", range(len(ALL)), ids=ALL)
def test_edge_values(index):
    for a in EDGE[::3]:
        for b in EDGE[1::4]:
            got = run("interp", index, a, b, 0, 0, 1, 0)
            assert got == expected(index, a, b, 0, 0, 1, 0), (ALL[index], hex(a), hex(b))


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(ALL) - 1), values, values,
       st.integers(0, 6).map(lambda x: int(x == 0)), st.integers(0, 6).map(lambda x: int(x == 0)),
       st.integers(0, 1), st.integers(0, 1))
def test_random_operands_and_nats(index, a, b, na, nb, p6, p7):
    got = run("interp", index, a, b, na, nb, p6, p7)
    assert got == expected(index, a, b, na, nb, p6, p7), \
        (ALL[index], hex(a), hex(b), na, nb, p6, p7)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(0, len(ALL) - 1), values, values, st.integers(0, 1), st.integers(0, 1),
       st.integers(0, 1), st.integers(0, 1))
def test_jit_matches_the_model(index, a, b, na, nb, p6, p7):
    got = run("jit", index, a, b, na, nb, p6, p7)
    assert got == expected(index, a, b, na, nb, p6, p7), \
        (ALL[index], hex(a), hex(b), na, nb, p6, p7)
