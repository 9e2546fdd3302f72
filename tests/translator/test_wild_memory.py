"""The guest can never make the host touch memory outside the guest's
buffers: loads, stores, semaphores and branches at wild addresses, from
interpreted and from compiled code.

Addresses: 0, unmapped pages, ~0 and the top of the address space, a page
holding the top of the address space mapped, accesses straddling the end of
a mapped region into an unmapped page, misaligned ones (performed, or an
Unaligned Data Reference when the instruction demands alignment or psr.ac
is set), huge offsets, read-only and write-only regions, addresses that
share a soft-TLB index with a cached page, and the host addresses of the
state buffer, of its soft-TLB and of the guest's own RAM buffers (guest
addresses, which must mean nothing to the guest).

Each case runs a loop whose table of addresses is valid except for one
entry, so the wild access comes from code that is already compiled and has
warmed the soft-TLB.  Both engines must stop on the same fault (code, ip,
slot, faulting address) with identical architectural state, identical
memory, and the JIT's state buffer equal to the interpreter's outside the
JIT's private fields; an independent model says which fault is right.

The risky runs happen in a child process, so a host crash is a test
failure, not a dead test session.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from ia64jit import progen  # noqa: E402
from ia64jit.difftest import (CODE_BASE, DATA_BASE, DATA_SIZE, RSE_BASE, RSE_SIZE,  # noqa: E402
                              STACK_SIZE, STACK_TOP, EmulationError, diff_states,
                              have_binutils, new_machine)
from ia64jit.memory import PROT_READ, PROT_WRITE  # noqa: E402
from translator import faults  # noqa: E402

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

M64 = (1 << 64) - 1
RO_BASE = 0x600000          # a read-only page
WO_BASE = 0x610000          # a write-only page
TOP_PAGE = 0xFFFFFFFFFFFFF000
TABLE = DATA_BASE           # the loop's address table (16 entries)
N_ITER = 16

# access kind -> (instruction text (r9: address, r10: value, r8: result), size,
#                 reads, writes, always needs alignment)
ACCESSES = {
    "ld1": ("ld1 r8=[r9]", 1, True, False, False),
    "ld2": ("ld2 r8=[r9]", 2, True, False, False),
    "ld4": ("ld4 r8=[r9]", 4, True, False, False),
    "ld8": ("ld8 r8=[r9]", 8, True, False, False),
    "ld8.inc": ("ld8 r8=[r9],8", 8, True, False, False),
    "ld8.acq": ("ld8.acq r8=[r9]", 8, True, False, False),
    "ld16": ("ld16 r8,ar.csd=[r9]", 16, True, False, True),
    "ld8.fill": ("ld8.fill r8=[r9]", 8, True, False, True),
    "ld8.s": ("ld8.s r8=[r9]", 8, False, False, False),          # never faults
    "st1": ("st1 [r9]=r10", 1, False, True, False),
    "st2": ("st2 [r9]=r10", 2, False, True, False),
    "st4": ("st4 [r9]=r10", 4, False, True, False),
    "st8": ("st8 [r9]=r10", 8, False, True, False),
    "st8.inc": ("st8 [r9]=r10,-8", 8, False, True, False),
    "st8.rel": ("st8.rel [r9]=r10", 8, False, True, False),
    "st16": ("st16 [r9]=r10,ar.csd", 16, False, True, True),
    "st8.spill": ("st8.spill [r9]=r10", 8, False, True, True),
    "xchg8": ("xchg8 r8=[r9],r10", 8, True, True, True),
    "xchg1": ("xchg1 r8=[r9],r10", 1, True, True, True),
    "cmpxchg4": ("cmpxchg4.acq r8=[r9],r10,ar.ccv", 4, True, True, True),
    "fetchadd8": ("fetchadd8.rel r8=[r9],1", 8, True, True, True),
    "lfetch": ("lfetch.fault [r9]", 1, False, False, False),     # never faults
    "branch": ("mov b6=r9 ;; br.cond.sptk.few b6", 16, False, False, False),
}


def _program(access: str) -> str:
    insn = ACCESSES[access][0].replace(" ;; ", "\n\t")
    return f"""
	mov r20=r1
	mov ar.lc={N_ITER - 1}
	;;
1:	ld8 r9=[r20],8
	adds r10=1,r10
	;;
	{insn}
	;;
	add r11=r11,r8
	br.cloop.sptk.few 1b
	;;
	break.i 0
	;;
"""


_CODE = {}


def codes():
    """Assembled programs, one per access kind (one gas run for all)."""
    if not _CODE:
        progs = [progen.Program(name=f"wild_{k.replace('.', '_')}",
                                source=f"wild_{k.replace('.', '_')}:\n" + _program(k))
                 for k in ACCESSES]
        for k, code in zip(ACCESSES, progen.program_code(progs)):
            _CODE[k] = code
    return _CODE


def branch_target():
    """Address of the bundle after the branch of the "branch" program."""
    from frontend.decoder import decode_bundle
    code = codes()["branch"]
    for off in range(0, len(code), 16):
        b = decode_bundle(code[off:off + 16])
        if any(i is not None and i.mnemonic == "add" and i.f.get("r1") == 11 for i in b.insns):
            return CODE_BASE + off
    raise AssertionError("no add r11 in the branch program")


def machine(engine: str, code: bytes, psr_ac: bool):
    m = new_machine(engine, code, jit_threshold=1)
    m.mem_map(RO_BASE, 0x1000, PROT_READ)
    m.mem_map(WO_BASE, 0x1000, PROT_WRITE)
    m.mem_map(TOP_PAGE, 0x1000)
    if psr_ac:
        m.reg_write("psr", m.reg_read("psr") | 1 << 3)
    return m


def mapped(m, addr, size, prot):
    for a in range(addr, addr + size):
        ent = m.mem.pages.get(a >> 12) if a <= M64 else None
        if ent is None or not ent[0].prot & prot:
            return False
    return True


def expected_fault(m, access, addr, psr_ac):
    """The fault the wild access must take (None: it completes)."""
    _, size, reads, writes, aligned = ACCESSES[access]
    if access == "branch":
        return None if mapped(m, addr & ~0xF & M64, 16, 4) else faults.INSTRUCTION_ACCESS
    if access in ("ld8.s", "lfetch"):
        return None
    check = 8 if access == "cmpxchg16" else size
    if addr % check and (aligned or psr_ac):
        return faults.UNALIGNED_REFERENCE
    if reads and not mapped(m, addr, size, PROT_READ):
        return faults.DATA_ACCESS
    if writes and not mapped(m, addr, size, PROT_WRITE):
        return faults.DATA_ACCESS
    return None


_RIGS = {}


def rig(access: str, fresh: bool):
    """(interp, jit) machines for an access kind: new ones, or ones kept
    from earlier cases and reset (the JIT keeps its compiled loop: the wild
    access then runs in code compiled and run many times before)."""
    if fresh or access not in _RIGS:
        ms = [machine(engine, codes()[access], False) for engine in ("interp", "jit")]
        if fresh:
            return ms
        _RIGS[access] = ms
    ms = _RIGS[access]
    code = codes()[access]
    for m in ms:
        progen.BatchRunner.reset(m)
        if bytes(m.mem.regions[0].buf[:len(code)]) != code:    # a wild store hit the code
            m.mem_write(CODE_BASE, code)
    return ms


def run_case(access: str, wild: int, pos: int, psr_ac: bool = False, csd: int = 0,
             fresh: bool = False):
    """Run one case on both engines; returns a list of problems (empty: fine)."""
    ms = []
    problems = []
    for m in rig(access, fresh):
        if psr_ac:
            m.reg_write("psr", m.reg_read("psr") | 1 << 3)
        table = [DATA_BASE + 0x1000 + 16 * k for k in range(N_ITER)]
        if access == "branch":
            table = [branch_target()] * N_ITER      # a valid target: the bundle after it
        table[pos] = wild
        m.mem_write(TABLE, b"".join(a.to_bytes(8, "little") for a in table))
        m.reg_write("ar.csd", csd)
        m.reg_write("ar.ccv", 0)
        before = [bytes(r.buf) for r in m.mem.regions]
        m.last_fault = None
        try:
            m.run(CODE_BASE, count=10_000)
        except EmulationError as exc:
            f = exc.fault
            m.last_fault = (f.code, f.ip, f.slot, f.arg)
        ms.append((m, before))
    (a, _), (b, _) = ms
    problems += diff_states(a, b)
    if a.last_fault != b.last_fault:
        problems.append(f"faults differ: interp {a.last_fault} jit {b.last_fault}")
    # the state buffer: identical outside the JIT's private fields
    from ia64jit.state import LAYOUT
    private = {"tlb_tag", "tlb_wtag", "tlb_addend", "budget", "exit_reason", "exit_arg",
               "rt_callback", "dispatch_table", "tierup_table", "tierup_limit"}
    for name, off in LAYOUT.offsets.items():
        if name in private:
            continue
        n = LAYOUT.dtypes[name].itemsize * LAYOUT.counts[name]
        if bytes(a.state.buf[off:off + n]) != bytes(b.state.buf[off:off + n]):
            problems.append(f"state field {name} differs")
    # memory: no region written except where a valid store of the loop went
    for (m, before), engine in zip(ms, ("interp", "jit")):
        for r, old in zip(m.mem.regions, before):
            new = bytes(r.buf)
            if new == old:
                continue
            diff = [r.start + i for i in range(r.size) if new[i] != old[i]]
            allowed = set()
            if ACCESSES[access][3]:
                for k in range(N_ITER):
                    t = DATA_BASE + 0x1000 + 16 * k
                    allowed.update(range(t, t + 16))
                if mapped(m, wild, ACCESSES[access][1], PROT_WRITE):
                    allowed.update(range(wild, wild + ACCESSES[access][1]))
            bad = [x for x in diff if x not in allowed]
            if bad:
                problems.append(f"{engine}: bytes written outside the accesses: {bad[0]:#x}..")
    # the reference model (a branch into other mapped memory runs whatever
    # is there: then only the engines' agreement counts)
    if access == "branch" and mapped(a, wild & ~0xF & M64, 16, 4) and \
            wild & ~0xF != branch_target():
        return problems
    fault = expected_fault(a, access, wild, psr_ac)
    want = (faults.BREAK,) if fault is None else (fault,)
    if a.last_fault is None or a.last_fault[0] != want[0]:
        problems.append(f"interp fault {a.last_fault}, expected code {want[0]}")
    elif fault is not None:
        # the faulting instruction is the wild access, on iteration pos
        if int(a.state.ar[65]) != N_ITER - 1 - pos:
            problems.append(f"fault on the wrong iteration (ar.lc={int(a.state.ar[65])})")
    return problems


def wild_addresses(m=None):
    """Interesting wild addresses (host addresses of this process's buffers
    included, when a machine is given)."""
    out = [0, 8, 0xFFF, 0x1000, M64, M64 - 7, M64 - 15, TOP_PAGE, TOP_PAGE + 0xFF8,
           TOP_PAGE - 8, 1 << 63, (1 << 63) - 8, DATA_BASE + DATA_SIZE - 8,
           DATA_BASE + DATA_SIZE - 4, DATA_BASE + DATA_SIZE - 1, DATA_BASE - 8, DATA_BASE - 1,
           DATA_BASE + 1, DATA_BASE + 0x1003, DATA_BASE + 0xFFC, DATA_BASE + 0xFFF,
           STACK_TOP - 4, STACK_TOP, STACK_TOP - STACK_SIZE - 8, RSE_BASE + RSE_SIZE - 2,
           RO_BASE, RO_BASE + 0xFF8, WO_BASE, WO_BASE + 8, WO_BASE - 4,
           DATA_BASE + 0x100000, DATA_BASE + 0x1000 + 0x100000 * 7,   # same soft-TLB index
           CODE_BASE, CODE_BASE + 0x1FFC, 0x7FFFFFFFFFFFF000, 0x200000 << 32]
    if m is not None:
        st = m.state
        from ia64jit.state import LAYOUT
        out += [st.address, st.address + LAYOUT.offset("tlb_addend"),
                st.address + LAYOUT.offset("tlb_tag"), st.address + LAYOUT.offset("rt_callback"),
                m.mem.regions[1].host_address, m.mem.regions[1].host_address + 0x1000,
                (st.address - DATA_BASE) & M64]
        if m.jit is not None:       # the block table compiled code chains through
            out += [m.jit.dispatcher.table_address, m.jit.dispatcher.table_address + 0x8000]
    return out


# ------------------------------------------------------------ the child process

def child_main(argv):
    """Run the cases (all of them, then hypothesis-drawn ones); print a JSON
    summary; exit 1 on a problem."""
    from hypothesis import HealthCheck, given, settings, strategies as st
    import itertools
    probe = new_machine("jit", b"\0" * 16)
    addrs = wild_addresses(probe)
    failures = []
    count = 0
    quick = "quick" in argv
    kinds = list(ACCESSES)
    for access, wild in itertools.product(kinds, addrs):
        if access == "branch" and CODE_BASE <= wild < CODE_BASE + 0x2000:
            continue            # into the program itself: it may never end
        for pos in ((N_ITER - 1,) if quick else (0, N_ITER - 1)):
            count += 1
            p = run_case(access, wild, pos, fresh=pos == 0 and wild in addrs[:4])
            if p:
                failures.append({"access": access, "wild": hex(wild), "pos": pos, "problems": p})
    for access in ("ld8", "st4", "ld2", "st8", "ld16", "xchg8"):
        for wild in (DATA_BASE + 0x1001, DATA_BASE + 0x1002, DATA_BASE + 0x1004,
                     DATA_BASE + 0x1008, DATA_BASE + DATA_SIZE - 4):
            count += 1
            p = run_case(access, wild, 3, psr_ac=True)
            if p:
                failures.append({"access": access, "wild": hex(wild), "psr_ac": 1, "problems": p})

    if not quick:
        @settings(max_examples=150, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(st.sampled_from(kinds),
               st.one_of(st.integers(0, M64), st.sampled_from(addrs),
                         st.sampled_from(addrs).flatmap(
                             lambda a: st.integers(-64, 64).map(lambda d: (a + d) & M64)),
                         st.integers(DATA_BASE - 0x2000, DATA_BASE + DATA_SIZE + 0x2000)),
               st.integers(0, N_ITER - 1), st.booleans())
        def drawn(access, wild, pos, ac):
            nonlocal count
            if access == "branch" and CODE_BASE <= wild < CODE_BASE + 0x2000:
                return
            if ACCESSES[access][3] and TABLE - 16 < wild < TABLE + 8 * N_ITER:
                return      # a store into the loop's own address table: the model cannot say
            count += 1
            p = run_case(access, wild, pos, psr_ac=ac)
            if p:
                failures.append({"access": access, "wild": hex(wild), "pos": pos,
                                 "psr_ac": ac, "problems": p})
        drawn()
    print(json.dumps({"cases": count, "failures": failures}))
    return 1 if failures else 0


def _run_child(*args, timeout=900):
    r = subprocess.run([sys.executable, os.path.abspath(__file__), *args],
                       capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert r.returncode >= 0, f"the child died on signal {-r.returncode}:\n{r.stderr[-3000:]}"
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"no result from the child (rc {r.returncode}):\n{r.stderr[-3000:]}"
    return r.returncode, json.loads(lines[-1])


@pytest.mark.slow
def test_wild_addresses_in_a_child_process():
    """Every access kind x every interesting address (fault on the first and
    on the last iteration), psr.ac cases, then hypothesis-drawn addresses."""
    rc, res = _run_child("all")
    msg = "\n".join(f"{f}" for f in res["failures"][:40])
    assert rc == 0 and not res["failures"], f"{len(res['failures'])} of {res['cases']} " \
                                            f"cases wrong:\n{msg}"
    assert res["cases"] > 1500


# ------------------------------------------------------------ in-process (known-safe) cases

@pytest.mark.parametrize("access", ["ld8", "st8", "xchg8", "branch"])
def test_unmapped_zero(access):
    assert run_case(access, 0, N_ITER - 1) == []


def test_misaligned_plain_load_is_performed():
    assert run_case("ld8", DATA_BASE + 0x1003, 5) == []


def test_misaligned_with_psr_ac_faults():
    assert run_case("st4", DATA_BASE + 0x1002, 5, psr_ac=True) == []


def test_straddling_the_end_of_the_data_area():
    """An 8-byte store at end-4: the first half is mapped, the second not.
    Nothing is written, and both engines report the same fault address."""
    assert run_case("st8", DATA_BASE + DATA_SIZE - 4, 7) == []


def test_straddling_load_fault_address():
    assert run_case("ld8", DATA_BASE + DATA_SIZE - 4, 7) == []


def test_state_buffer_host_address_is_no_guest_address():
    probe = new_machine("jit", b"\0" * 16)
    for a in wild_addresses(probe)[-7:]:
        assert run_case("st8", a, 2) == []


def test_top_of_address_space():
    for a in (TOP_PAGE, TOP_PAGE + 0xFF8, M64 - 3, M64):
        for access in ("ld8", "st4", "ld1"):
            assert run_case(access, a, 9) == [], (access, hex(a))


def test_unmapped_page_not_reachable_through_a_stale_soft_tlb_entry():
    """Compiled code caches a page's host address in the soft-TLB; after the
    page is unmapped, the next access must fault like the interpreter's.
    (0x705000 has a soft-TLB index of its own: no other page evicts it.)"""
    code = codes()["ld8"]
    res = []
    for engine in ("interp", "jit"):
        m = machine(engine, code, False)
        extra = 0x705000
        m.mem_map(extra, 0x1000)
        table = [extra + 8 * k for k in range(N_ITER)]
        m.mem_write(TABLE, b"".join(a.to_bytes(8, "little") for a in table))
        with pytest.raises(EmulationError):           # a whole run: compiled, TLB warm
            m.run(CODE_BASE, count=10_000)
        m.mem.unmap(extra, 0x1000)
        try:
            m.run(CODE_BASE, count=10_000)
        except EmulationError as exc:
            res.append((exc.fault.code, exc.fault.ip, exc.fault.slot, exc.fault.arg))
    assert res[0][0] == faults.DATA_ACCESS
    assert len(res) == 2 and res[0] == res[1], res


def test_fault_address_is_a_64_bit_address():
    """ld8 at 2**64-4 with the top page mapped: the access runs off the top
    of the address space, and the reported faulting address must still be a
    64-bit address (it becomes cr.ifa)."""
    code = codes()["ld8"]
    for engine in ("interp", "jit"):
        m = machine(engine, code, False)          # the top page is mapped
        table = [DATA_BASE + 0x1000] * N_ITER
        table[2] = M64 - 3
        m.mem_write(TABLE, b"".join(a.to_bytes(8, "little") for a in table))
        with pytest.raises(EmulationError) as ei:
            m.run(CODE_BASE, count=10_000)
        assert ei.value.fault.code == faults.DATA_ACCESS
        assert ei.value.fault.arg <= M64, hex(ei.value.fault.arg)


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
