"""Integer memory instructions, speculation and the ALAT (translator/
semantics/memory.py, translator/alat.py) on both engines.

Known-value and fault cases as small assembled programs, a check that every
integer memory row of the tables has its semantics, and a hypothesis-driven
differential test: random sequences of loads, stores, semaphores, advanced
and check loads, spills and fills at random (also misaligned, also page-
crossing) addresses of the data area, run on both engines and on a Python
model of memory, NaT bits, ar.unat and the ALAT; all three must agree.

The guest programs guests/tests/mem_*.s (run by test_guest_programs.py)
cover each form with expected results; this file covers what their headers
cannot say (memory contents after a fault, ALAT contents, psr bits).
"""

import re

import pytest

from ia64jit.difftest import DATA_BASE, assemble, diff_states, have_binutils, run_both
from translator import alat, faults
from translator.semantics import lookup

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

M64 = (1 << 64) - 1
UNMAPPED = 0x7000000000
PSR_AC, PSR_ED = 1 << 3, 1 << 43


def _compiled(m):
    """The JIT really compiled the code (a block that fails to build falls
    back to the interpreter silently)."""
    return m.jit.stats["compiled"] >= 1 and not m.jit.failed


def both(src, setup=None, max_insns=100_000):
    """Run on both engines; they must agree (memory included) and the JIT
    must really have compiled the code."""
    a, b = run_both(assemble(src), setup=setup, max_insns=max_insns)
    assert diff_states(a, b) == []
    assert _compiled(b)
    assert alat.entries(a) == alat.entries(b)
    return a, b


def regs(**kv):
    def setup(m):
        for k, v in kv.items():
            m.reg_write(k.replace("_", "."), v)
    return setup


def fault_of(m):
    return m.last_fault[0] if m.last_fault else None


END = "\n;;\n\tbreak.m 0\n;;\n"


# ------------------------------------------------------------ coverage

MY_FORMATS = {"M1", "M2", "M3", "M4", "M5", "M13", "M13b", "M14", "M15", "M16", "M17",
              "M20", "M21", "M22", "M23", "M26", "M27", "I20"}


def test_every_integer_memory_row_has_semantics():
    from frontend.decoder import REGISTRY
    rows = [r for r in REGISTRY.rows if r.fmt.name in MY_FORMATS or r.mnemonic == "invala"]
    assert len(rows) > 500
    missing = [r.mnemonic for r in rows if lookup(r) is None]
    assert missing == []
    assert all(lookup(r).fn.__module__.endswith(".memory") for r in rows)


# ------------------------------------------------------------ faults and their precision

FAULT_CASES = [
    # (name, source, setup, expected fault, {register: value after})
    ("ld NaT address", "ld8 r20=[r16],8", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {"r16": DATA_BASE, "r20": 0}),
    ("ld.a NaT address", "ld4.a r20=[r16]", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("ld.c NaT address", "ld4.c.nc r20=[r16]", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("ld8.fill NaT address", "ld8.fill r20=[r16]", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("ld unmapped", f"movl r16={UNMAPPED}\n;;\nld8 r20=[r16],8", None,
     faults.DATA_ACCESS, {"r16": UNMAPPED}),
    ("ld.c.nc miss unmapped", f"movl r16={UNMAPPED}\n;;\nld8.c.nc r20=[r16]", None,
     faults.DATA_ACCESS, {}),
    ("st NaT address", "st8 [r16]=r20,8", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {"r16": DATA_BASE}),
    ("st8.spill NaT address", "st8.spill [r16]=r20", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {"ar.unat": 0}),
    ("st4 NaT value", "st4 [r16]=r20", regs(r16=DATA_BASE, r20_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("st16 NaT value", "st16 [r16]=r20,ar.csd", regs(r16=DATA_BASE, r20_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("cmpxchg NaT value", "cmpxchg8.acq r21=[r16],r20,ar.ccv", regs(r16=DATA_BASE, r20_nat=1),
     faults.NAT_CONSUMPTION, {"r21": 0}),
    ("xchg NaT address", "xchg8 r21=[r16],r20", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("fetchadd NaT address", "fetchadd8.acq r21=[r16],1", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {}),
    ("lfetch.fault NaT address", "lfetch.fault [r16],8", regs(r16=DATA_BASE, r16_nat=1),
     faults.NAT_CONSUMPTION, {"r16": DATA_BASE}),
    ("fetchadd misaligned", "fetchadd8.rel r21=[r16],1", regs(r16=DATA_BASE + 4),
     faults.UNALIGNED_REFERENCE, {"r21": 0}),
    ("cmpxchg2 misaligned", "cmpxchg2.acq r21=[r16],r0,ar.ccv", regs(r16=DATA_BASE + 1),
     faults.UNALIGNED_REFERENCE, {}),
    ("xchg4 misaligned", "xchg4 r21=[r16],r0", regs(r16=DATA_BASE + 2),
     faults.UNALIGNED_REFERENCE, {}),
    ("cmp8xchg16 misaligned", "cmp8xchg16.acq r21=[r16],r0,ar.csd,ar.ccv",
     regs(r16=DATA_BASE + 4), faults.UNALIGNED_REFERENCE, {}),
    ("ld8.fill misaligned", "ld8.fill r20=[r16],8", regs(r16=DATA_BASE + 4),
     faults.UNALIGNED_REFERENCE, {"r16": DATA_BASE + 4}),
    ("st8.spill misaligned", "st8.spill [r16]=r20,8", regs(r16=DATA_BASE + 4),
     faults.UNALIGNED_REFERENCE, {"r16": DATA_BASE + 4}),
    ("ld16 misaligned", "ld16 r20,ar.csd=[r16]", regs(r16=DATA_BASE + 8),
     faults.UNALIGNED_REFERENCE, {}),
    ("st16 misaligned", "st16 [r16]=r20,ar.csd", regs(r16=DATA_BASE + 8),
     faults.UNALIGNED_REFERENCE, {}),
    ("psr.ac store", "st2 [r16]=r20,2", regs(r16=DATA_BASE + 1, r20=0xFFFF, psr=PSR_AC),
     faults.UNALIGNED_REFERENCE, {"r16": DATA_BASE + 1}),
    ("psr.ac load", "ld8 r20=[r16],8", regs(r16=DATA_BASE + 4, psr=PSR_AC),
     faults.UNALIGNED_REFERENCE, {"r16": DATA_BASE + 4, "r20": 0}),
    ("psr.ac ld.a", "ld4.a r20=[r16]", regs(r16=DATA_BASE + 2, psr=PSR_AC),
     faults.UNALIGNED_REFERENCE, {"r20": 0}),
    ("psr.ac ld.c miss", "ld2.c.clr r20=[r16]", regs(r16=DATA_BASE + 1, psr=PSR_AC),
     faults.UNALIGNED_REFERENCE, {}),
    ("ld base update r1 == r3", "ld8 r16=[r16],8", regs(r16=DATA_BASE),
     faults.ILLEGAL_OPERATION, {"r16": DATA_BASE}),
    ("ld target out of frame", f"movl r16={UNMAPPED}\n;;\nld8 r40=[r16]", None,
     faults.ILLEGAL_OPERATION, {}),
]


@pytest.mark.parametrize("name,src,setup,code,after", FAULT_CASES,
                         ids=[c[0] for c in FAULT_CASES])
def test_fault(name, src, setup, code, after):
    a, b = both(src + END, setup)
    for m in (a, b):
        assert fault_of(m) == code, m.last_fault
        for reg, want in after.items():
            assert m.reg_read(reg) == want & M64, reg
    assert not any(a.mem.read(DATA_BASE, 64))        # nothing was stored


def test_faulting_store_leaves_memory_untouched():
    """guests/tests/mem_store_fault.s: the mapped half of the faulting
    page-crossing store keeps its old bytes."""
    import os
    path = os.path.join(os.path.dirname(__file__), "..", "..", "guests", "tests",
                        "mem_store_fault.s")
    a, b = both(open(path).read())
    for m in (a, b):
        assert fault_of(m) == faults.DATA_ACCESS
        assert m.mem.read(0x20FFFC, 4) == b"\x55" * 4


def test_psr_ac_store_writes_nothing():
    a, b = both("st8 [r16]=r20" + END, regs(r16=DATA_BASE + 3, r20=M64, psr=PSR_AC))
    for m in (a, b):
        assert fault_of(m) == faults.UNALIGNED_REFERENCE
        assert not any(m.mem.read(DATA_BASE, 16))


def test_user_mask_ac_set_by_sum_in_the_same_block():
    """psr.ac set by sum (a runtime call) is seen by the next access of the
    same compiled block; rum clears it again."""
    src = """
	adds r16=1,r1
	;;
	ld4 r20=[r16]
	;;
	rum 0x8
	;;
	ld4 r21=[r16]
	;;
	sum 0x8
	;;
	ld4 r22=[r16]
""" + END
    a, b = both(src)
    if a.last_fault and a.last_fault[0] == faults.UNIMPLEMENTED:
        pytest.skip("sum/rum not implemented here")
    for m in (a, b):
        assert fault_of(m) == faults.UNALIGNED_REFERENCE
        assert m.reg_read("psr") & PSR_AC


def test_speculative_load_defers_instead_of_faulting():
    src = f"""
	movl r16={UNMAPPED}
	adds r17=1,r1
	;;
	ld8.s r20=[r16]
	ld4.s r21=[r17]
	ld8.s r22=[r1]
	;;
	ld1.s r23=[r1]
	ld8.sa r24=[r1]
""" + END
    a, b = both(src, regs(psr=PSR_AC))        # psr.ac: deferred, not faulted
    for m in (a, b):
        assert fault_of(m) == faults.BREAK
        for r in ("r20", "r21"):
            assert (m.reg_read(r), m.reg_read(r + ".nat")) == (0, 1)
        assert m.reg_read("r22.nat") == 0 and m.reg_read("r23.nat") == 0
    # psr.ed: every speculative load defers, and ld.sa inserts nothing
    a, b = both(src, regs(psr=PSR_ED))
    for m in (a, b):
        assert [m.reg_read(f"r{n}.nat") for n in range(20, 25)] == [1] * 5
        assert alat.entries(m) == []


def test_lfetch_fault_nat_with_psr_ed_is_cancelled():
    a, b = both("lfetch.fault.excl [r16],8" + END, regs(r16=DATA_BASE, r16_nat=1, psr=PSR_ED))
    for m in (a, b):
        assert fault_of(m) == faults.BREAK
        assert (m.reg_read("r16"), m.reg_read("r16.nat")) == (DATA_BASE + 8, 1)


def test_lfetch_count_has_no_effect():
    """lfetch.count (M13b, Poulson; gas does not assemble it): patched into
    an assembled lfetch; no effect, no fault, even on a NaT address."""
    from frontend.decoder import decode_bundle
    code = bytearray(assemble("{ .mmi\n lfetch [r16]\n nop.m 0\n nop.i 0\n}\n"
                              "{ .mmi\n break.m 0\n nop.m 0\n nop.i 0 ;;\n}\n"))
    v = int.from_bytes(code[:16], "little")
    v |= 1 << (5 + 19) | 5 << (5 + 6) | 3 << (5 + 13)        # y, count6, stride5
    code[:16] = v.to_bytes(16, "little")
    assert decode_bundle(bytes(code[:16])).insns[0].mnemonic == "lfetch.count"
    a, b = run_both(bytes(code), setup=regs(r16=UNMAPPED, r16_nat=1))
    assert diff_states(a, b) == [] and _compiled(b)
    for m in (a, b):
        assert fault_of(m) == faults.BREAK and m.reg_read("icount") == 3


def test_check_load_hit_does_not_access_memory():
    """After ld.a, a hitting ld.c with a now-unmapped address neither faults
    nor changes its target."""
    src = f"""
	ld8.a r20=[r1]
	movl r16={UNMAPPED}
	;;
	mov r20=7
	;;
	ld8.c.nc r20=[r16]
	;;
	ld4.c.clr.acq r20=[r16]
	;;
	ld8.c.clr r21=[r1]
""" + END
    a, b = both(src)
    for m in (a, b):
        assert fault_of(m) == faults.BREAK
        assert m.reg_read("r20") == 7
        assert alat.entries(m) == []


def test_predicated_forms():
    """With a false predicate nothing happens (no fault, no ALAT change, no
    branch); with a true one the instruction acts."""
    src = f"""
	cmp.eq p6,p7=r0,r0
	movl r16={UNMAPPED}
	mov r20=0
	;;
(p7)	ld8 r21=[r16]
(p7)	st8 [r16]=r0
(p7)	ld8.a r22=[r1]
	;;
(p7)	chk.a.nc r22, 1f
(p6)	ld8.a r23=[r1]
	;;
(p6)	chk.a.clr r23, 2f
	;;
(p7)	chk.s.m r17, 2f
(p6)	chk.a.nc r23, 3f
	;;
	break.m 0
	;;
1:	adds r20=1,r20
	break.m 0
	;;
2:	adds r20=2,r20
	break.m 0
	;;
3:	adds r20=4,r20
	break.m 0
	;;
"""
    a, b = both(src, regs(r17_nat=1))
    for m in (a, b):
        assert fault_of(m) == faults.BREAK
        assert m.reg_read("r20") == 4 and alat.entries(m) == []


# ------------------------------------------------------------ the ALAT itself

def test_alat_ids_follow_physical_registers():
    """Entries are keyed by physical register: stacked registers by their
    index in the stacked file, rotating ones after rotation, FRs apart."""
    src = """
	alloc r40=ar.pfs,0,16,0,8
	;;
	ld8.a r32=[r1]
	ld8.a r20=[r1]
	;;
	ld8.a r47=[r1]
	mov r16=r1
""" + END
    a, b = both(src)
    ids = sorted(e[0] for e in alat.entries(a))
    assert ids == [20 + 64, 128 + 0, 128 + 15]        # psr.bn = 0: r20 of bank 0
    assert int(a.state.alat_count[0]) == 3
    a, b = both(src, regs(psr=1 << 44))
    assert sorted(e[0] for e in alat.entries(a)) == [20, 128 + 0, 128 + 15]
    # rotation: r32 of a frame with 8 rotating registers and rrb.gr = 3
    a.reg_write("cfm", 16 | 16 << 7 | 1 << 14 | 3 << 18 | 5 << 25)
    assert alat.reg_id(a, alat.gr_code(32)) == 128 + 3
    assert alat.reg_id(a, alat.fr_code(32)) == 1024 + 37
    assert alat.reg_id(a, alat.fr_code(8)) == 1024 + 8


def test_alat_replacement_when_full():
    lines = ["alloc r40=ar.pfs,0,40,0,0", ";;"]
    lines += [f"ld8.a r{32 + k}=[r1]" for k in range(40)]
    a, b = both("\n".join(lines) + END)
    for m in (a, b):
        assert int(m.state.alat_count[0]) == 32
        assert len(alat.entries(m)) == 32
        ids = [e[0] for e in alat.entries(m)]
        assert len(set(ids)) == 32 and 128 + 39 in ids


STORE_OVERLAP = [(off, size) for off in (0, 1, 7, 8, 15, 16, 17, 23, 24) for size in (1, 2, 4, 8)]


def test_store_invalidates_exactly_the_overlapping_entries():
    """One ld8.a entry at +16 (bytes 16-23) per case; a store of each size at
    each offset; r20 bit k says whether case k's entry survived."""
    out = ["mov r20=0", "adds r16=16,r1", ";;"]
    for k, (off, size) in enumerate(STORE_OVERLAP):
        out += ["ld8.a r21=[r16]", f"adds r17={off},r1", ";;",
                f"st{size} [r17]=r0", ";;",
                "mov r21=-1", ";;",
                "ld8.c.clr r21=[r16]", ";;",          # a hit keeps -1, a miss loads 0
                "cmp.eq p6,p7=-1,r21", ";;", f"(p6) dep r20=-1,r20,{k},1", ";;"]
    a, b = both("\n".join(out) + END, max_insns=10_000)
    want = 0
    for k, (off, size) in enumerate(STORE_OVERLAP):
        if not (off < 24 and 16 < off + size):
            want |= 1 << k
    assert a.reg_read("r20") == want


# ------------------------------------------------------------ differential, hypothesis

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

DATA_SIZE = 0x2000
SIZES = (1, 2, 4, 8)
TARGETS = [f"r{n}" for n in list(range(14, 32)) + [8, 10, 11]]    # r2 r3 r9: scratch


class Model:
    """Memory, target registers, ar.unat and the ALAT, as the SDM and this
    model's conventions (Linux-style misalignment, defer everything) say."""

    def __init__(self):
        self.mem = bytearray(DATA_SIZE)
        self.regs = {}
        self.unat = 0
        self.alat = {}           # register -> (addr, size)

    def read(self, off, size):
        return int.from_bytes(self.mem[off:off + size], "little")

    def write(self, off, v, size):
        self.mem[off:off + size] = (v & ((1 << 8 * size) - 1)).to_bytes(size, "little")
        for r, (a, s) in list(self.alat.items()):
            if a < off + size and off < a + s:
                del self.alat[r]


def _addr_strategy(aligned_to=1):
    base = st.sampled_from([0, 0x100, 0xFF0])      # 0xFF0: accesses may cross a page
    return st.builds(lambda b, o: (b + o) & ~(aligned_to - 1), base, st.integers(0, 31))


OPS = st.one_of(
    st.tuples(st.just("st"), st.sampled_from(SIZES), _addr_strategy(), st.integers(0, M64)),
    st.tuples(st.just("ld"), st.sampled_from(SIZES), _addr_strategy(),
              st.sampled_from(["", ".acq", ".bias", ".nt1"])),
    st.tuples(st.just("ld.s"), st.sampled_from(SIZES), _addr_strategy(), st.booleans()),
    st.tuples(st.just("adv"), st.sampled_from(SIZES), _addr_strategy(),
              st.sampled_from(SIZES), _addr_strategy(), st.integers(0, M64),
              st.sampled_from([".c.nc", ".c.clr"])),
    st.tuples(st.just("cmpxchg"), st.sampled_from(SIZES), _addr_strategy(8),
              st.integers(0, M64), st.booleans()),
    st.tuples(st.just("xchg"), st.sampled_from(SIZES), _addr_strategy(8), st.integers(0, M64)),
    st.tuples(st.just("fetchadd"), st.sampled_from((4, 8)), _addr_strategy(8),
              st.sampled_from((-16, -8, -4, -1, 1, 4, 8, 16))),
    st.tuples(st.just("spill"), _addr_strategy(8), st.booleans(), st.integers(0, M64)),
    st.tuples(st.just("ldpost"), st.sampled_from(SIZES), _addr_strategy(),
              st.integers(-256, 255)),
)


def _emit(ops):
    """Assembly for ops and the model's expectations."""
    m = Model()
    out = []
    free = list(TARGETS)
    for op in ops:
        if not free:
            break
        kind = op[0]
        if kind == "st":
            _, size, off, v = op
            out += [f"movl r3={DATA_BASE + off}", f"movl r2={v}", ";;", f"st{size} [r3]=r2", ";;"]
            m.write(off, v, size)
        elif kind == "ld":
            _, size, off, compl = op
            r = free.pop()
            out += [f"movl r3={DATA_BASE + off}", ";;", f"ld{size}{compl} {r}=[r3]", ";;"]
            m.regs[r] = (m.read(off, size), 0)
        elif kind == "ld.s":
            _, size, off, mapped = op
            r = free.pop()
            addr = DATA_BASE + off if mapped else UNMAPPED + off
            out += [f"movl r3={addr}", ";;", f"ld{size}.s {r}=[r3]", ";;"]
            ok = mapped and (size == 1 or off % size == 0)
            m.regs[r] = (m.read(off, size), 0) if ok else (0, 1)
        elif kind == "adv":
            _, size, off, ssize, soff, v, check = op
            if len(free) < 1:
                break
            r = free.pop()
            out += [f"movl r3={DATA_BASE + off}", f"movl r2={DATA_BASE + soff}",
                    f"movl r9={v}", ";;", f"ld{size}.a {r}=[r3]", ";;",
                    f"st{ssize} [r2]=r9", ";;", f"ld{size}{check} {r}=[r3]", ";;"]
            first = m.read(off, size)
            if off % size == 0:
                m.alat[r] = (off, size)
            m.write(soff, v, ssize)
            hit = r in m.alat
            m.regs[r] = (first if hit else m.read(off, size), 0)
            if check == ".c.clr" or (not hit and off % size):
                m.alat.pop(r, None)
            elif not hit:
                m.alat[r] = (off, size)
        elif kind == "cmpxchg":
            _, size, off, v, equal = op
            off &= ~(size - 1)
            r = free.pop()
            old = m.read(off, size)
            ccv = old if equal else (old ^ 0x100000000000000 ^ 1)
            out += [f"movl r3={DATA_BASE + off}", f"movl r2={v}", f"movl r9={ccv}", ";;",
                    "mov ar.ccv=r9", ";;", f"cmpxchg{size}.acq {r}=[r3],r2,ar.ccv", ";;"]
            m.regs[r] = (old, 0)
            m.write(off, v if equal else old, size)
        elif kind == "xchg":
            _, size, off, v = op
            off &= ~(size - 1)
            r = free.pop()
            out += [f"movl r3={DATA_BASE + off}", f"movl r2={v}", ";;",
                    f"xchg{size} {r}=[r3],r2", ";;"]
            m.regs[r] = (m.read(off, size), 0)
            m.write(off, v, size)
        elif kind == "fetchadd":
            _, size, off, inc = op
            off &= ~(size - 1)
            r = free.pop()
            out += [f"movl r3={DATA_BASE + off}", ";;", f"fetchadd{size}.rel {r}=[r3],{inc}", ";;"]
            old = m.read(off, size)
            m.regs[r] = (old, 0)
            m.write(off, old + inc, size)
        elif kind == "spill":
            _, off, nat, v = op
            off &= ~7
            r = free.pop()
            out += [f"movl r3={DATA_BASE + off}", f"movl r2={v}", f"movl r9={UNMAPPED}", ";;"]
            if nat:
                out += ["ld8.s r2=[r9]", ";;"]           # a NaT (value 0)
                v = 0
            out += ["st8.spill [r3]=r2", ";;", f"ld8.fill {r}=[r3]", ";;"]
            bit = ((DATA_BASE + off) >> 3) & 63
            m.unat = (m.unat & ~(1 << bit)) | (int(nat) << bit)
            m.write(off, v, 8)
            m.regs[r] = (v, int(nat))
        elif kind == "ldpost":
            _, size, off, inc = op
            if len(free) < 2:
                break
            r, rb = free.pop(), free.pop()
            out += [f"movl {rb}={DATA_BASE + off}", ";;", f"ld{size} {r}=[{rb}],{inc}", ";;"]
            m.regs[r] = (m.read(off, size), 0)
            m.regs[rb] = (DATA_BASE + off + inc, 0)
    return "\n".join(out) + END, m


@settings(max_examples=30, deadline=None)
@given(st.lists(OPS, min_size=1, max_size=12))
def test_differential_random_memory_programs(ops):
    src, model = _emit(ops)
    a, b = both(src, max_insns=10_000)
    for m in (a, b):
        assert fault_of(m) == faults.BREAK, m.last_fault
        for r, (v, nat) in model.regs.items():
            assert (m.reg_read(r), m.reg_read(r + ".nat")) == (v & M64, nat), r
        assert m.reg_read("ar.unat") == model.unat
        assert m.mem.read(DATA_BASE, DATA_SIZE) == bytes(model.mem)
        assert len(alat.entries(m)) == len(model.alat)
