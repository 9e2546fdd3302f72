"""Interpreter against JIT on thousands of random programs (ia64jit/progen.py).

Every program -- straight-line ALU/multimedia/compare/floating-point code, predication,
loads/stores/semaphores on the data area, forward branches, counted loops
(``br.cloop`` and register counters), calls with ``alloc`` (nested, and a
recursive function deep enough to make the RSE spill and fill) -- must end
in the same architectural state (GRs with NaT bits, FRs, PRs, BRs, ARs, CFM,
ip/slot, instruction count, the final fault) and the same memory on both
engines.

Cost: translating a block costs a few milliseconds per instruction (IR
generation and LLVM), far more than running it, so the JIT runs at
threshold 1 (every block reached is compiled and run compiled), programs are
short, programs are assembled in batches (one gas run for a whole batch),
and a batch shares one machine per engine (``progen.BatchRunner``).  The
counts below give about 2,030 programs per run (2,430 program runs).
"""

from __future__ import annotations

import pytest

from ia64jit import progen
from ia64jit.difftest import diff_states, have_binutils, run_both

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, Phase, given, settings, strategies as st  # noqa: E402

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

SETTINGS = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck),
                print_blob=True)
# Batches are not shrunk (each shrink step re-assembles and recompiles a
# whole batch): the failure message names the program and its differences;
# test_run_both_mixed_tiers shrinks its (small) examples.
BATCH = dict(SETTINGS, phases=[Phase.explicit, Phase.generate])


def _check_batch(progs, jit_threshold=1, opt=None, inputs=1, tier_up=None, hot=None):
    """Run every program of the batch on both engines; on a difference,
    fail with the program and the differences.  ``hot``: stands in for the
    JIT's path profile (which conditional branches traces follow)."""
    code, offsets = progen.assemble_batch(progs)
    runner = progen.BatchRunner(code, offsets, jit_threshold=jit_threshold, opt=opt,
                                tier_up=tier_up)
    if hot is not None:
        runner.machines[1].jit.hot_branch = hot
    for p in progs:
        for k in range(inputs):
            q = p if k == 0 else progen.Program(
                p.name, p.source, _other_input(p.regs, k), p.data_seed + k, p.max_insns)
            a, b = runner.run(q)
            d = diff_states(a, b)
            assert d == [], f"{q!r}\ninterp fault {a.last_fault}, jit fault " \
                            f"{b.last_fault}\n" + "\n".join(d[:30])


def _other_input(regs, k):
    """A different, deterministic initial register state for the same code."""
    return progen.initial_regs(k * 7919 + sum(regs.values()) & 0xFFFFFFFF)


# ------------------------------------------------------------ straight-line code

@pytest.mark.slow
@settings(max_examples=120, **BATCH)
@given(progen.program_batches(12, items=(1, 8), functions=(0, 0), loops=False))
def test_short_programs(progs):
    """1440 short programs (ALU, multimedia, compares, predication, memory,
    forward branches), compiled at O0."""
    _check_batch(progs, opt=0)


@settings(max_examples=10, **BATCH)
@given(progen.program_batches(10, items=(1, 8), functions=(0, 0), loops=False))
def test_short_programs_optimised(progs):
    """100 more at the JIT's default optimisation level (O2)."""
    _check_batch(progs)


# ------------------------------------------------------------ control flow

@settings(max_examples=40, **BATCH)
@given(progen.program_batches(8, items=(2, 10), functions=(0, 2), max_depth=8))
def test_loops_and_calls(progs):
    """320 programs with loops, calls and recursion (O0), each also run
    with a second input on the same compiled code."""
    _check_batch(progs, opt=0, inputs=2)


@settings(max_examples=10, **BATCH)
@given(progen.program_batches(8, items=(2, 10), functions=(0, 2), max_depth=8),
       st.sampled_from([0, 40]))
def test_loops_at_tier_2(progs, tier_up):
    """80 programs with loops and calls whose loops run at the optimising
    tier: from the start (tier_up 0) or after 40 instructions at the fast
    one (the switch happens mid-run, through EXIT_TIERUP)."""
    _check_batch(progs, inputs=2, tier_up=tier_up)


@settings(max_examples=10, **BATCH)
@given(progen.program_batches(8, items=(2, 10), functions=(0, 2), max_depth=8),
       st.sampled_from(["all", "alternate"]), st.sampled_from([0, 40]))
def test_traces_through_conditional_branches(progs, which, tier_up):
    """80 programs with loops and calls whose blocks follow conditional
    branches as if the profile said they were hot -- every one, or every
    other -- so both the trace and its side exits run, at both tiers."""
    hot = (lambda bundle, target: True) if which == "all" else \
        (lambda bundle, target: (bundle >> 4) & 1 == 0)
    _check_batch(progs, inputs=2, tier_up=tier_up, hot=hot)


@settings(max_examples=10, **BATCH)
@given(progen.program_batches(8, items=(6, 24), functions=(1, 3), max_depth=16))
def test_larger_programs(progs):
    """80 larger programs (RSE spills and fills in the recursive ones),
    each with two inputs."""
    _check_batch(progs, opt=0, inputs=2)


# ------------------------------------------------------------ mixed tiers, run_both

@settings(max_examples=45, **SETTINGS)
@given(progen.program_batches(2, items=(2, 10), functions=(0, 2), max_depth=10),
       st.sampled_from([1, 2, 3]))
def test_run_both_mixed_tiers(progs, threshold):
    """Each program alone at the code base, fresh machines (difftest.run_both),
    with thresholds 1-3 so interpreted and compiled blocks alternate."""
    for p, code in zip(progs, progen.program_code(progs)):
        a, b = run_both(code, setup=p.setup, max_insns=p.max_insns, jit_threshold=threshold)
        d = diff_states(a, b)
        assert d == [], f"{p!r}\nthreshold {threshold}\n" + "\n".join(d[:30])


def test_progen_uses_implemented_forms_only():
    """Every form progen may emit has semantics (the rest are filtered out)."""
    from frontend.decoder import decode_bundle
    from translator.semantics import lookup
    av = progen.available()
    assert av["alu"] and av["cmp"] and "break" in av["struct"]

    @settings(max_examples=10, **SETTINGS)
    @given(progen.program_batches(3))
    def check(progs):
        code, _ = progen.assemble_batch(progs)
        for off in range(0, len(code), 16):
            b = decode_bundle(code[off:off + 16])
            for k, insn in enumerate(b.insns):
                if k == 2 and b.template.units[1] == "L":
                    continue
                assert insn is not None and lookup(insn.row) is not None, insn
    check()


# ------------------------------------------------------------ regressions found here

@pytest.mark.parametrize("src,reg", [
    # st16's runtime store (soft-TLB miss) made the block re-read ar.csd from
    # the state, losing the value the block had just written to it
    ("""	alloc r32=ar.pfs,0,5,2,0
	mov r17=-1
	mov r34=r1
	;;
	mov ar.csd=r17
	;;
	st16 [r34]=r16,ar.csd
	;;
	break.i 0
	;;""", "ar.csd"),
    # the same with ar.ccv and a compare-and-exchange
    ("""	mov r9=5
	mov r10=7
	;;
	mov ar.ccv=r9
	;;
	st8 [r1]=r9
	;;
	cmpxchg8.acq r8=[r1],r10,ar.ccv
	;;
	ld8 r11=[r1]
	;;
	break.i 0
	;;""", "r11"),
    # A loop: ar.lc, read before a runtime call (fcmp updates ar.fpsr) and
    # written after it by br.cloop, was re-read from the state after the
    # call on every later pass -- the count went back to its entry value
    # and the loop ran until the budget (found by test_loops_and_calls).
    ("""	mov ar.lc=5
	mov r8=0
	;;
1:	mov r9=ar.lc
	fcmp.eq p10,p9=f2,f3
	adds r8=1,r8
	br.cloop.sptk.few 1b
	;;
	break.i 0
	;;""", "r8"),
])
def test_ar_written_in_a_block_survives_a_runtime_call(src, reg):
    from ia64jit.difftest import assemble
    a, b = run_both(assemble(src))
    assert diff_states(a, b) == []
    assert a.reg_read(reg) == {"ar.csd": (1 << 64) - 1, "r11": 7, "r8": 6}[reg]


def test_instruction_budget_is_exact():
    """A program that never ends, stopped by max_insns: both engines must
    stop after exactly max_insns instructions, in the same state."""
    from ia64jit.difftest import assemble
    code = assemble("""
1:	adds r8=1,r8
	adds r9=2,r9
	;;
	adds r10=3,r10
	br.cond.sptk.few 1b
	;;""")
    for n in (5, 1000, 1001, 1003):
        a, b = run_both(code, max_insns=n)
        assert a.reg_read("icount") == n
        assert b.reg_read("icount") == n, (n, b.reg_read("icount"))
        assert diff_states(a, b) == []
