"""Traces along hot paths: a block follows a conditional branch that the
cold runs mostly took (translator/irgen.py trace_successor, the JIT's
path profile), makes the path not taken a side exit, and a loop whose
back edge lies on such a path runs inside one function."""

from __future__ import annotations

import pytest

from backend import jit as jit_mod
from ia64jit.difftest import CODE_BASE, assemble, have_binutils
from jitruns import finish, machine, same_as_interpreter
from translator import irgen

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

LOOP, DETOUR, RARE = CODE_BASE + 0x40, CODE_BASE + 0x100, CODE_BASE + 0x200

# The loop body branches over cold code to the decrement and back edge.
# While r9 > r11 the branch to 2: is taken; below, the path not taken runs
# (a profile that stops being true after compilation).
FLIP = """
	mov r8=0
	mov r10=0
	movl r11=%d
	;;
	movl r9=100000
	br.cond.sptk.few 1f
	;;
	.org 0x40
1:	add r8=1,r8
	cmp.ltu p6,p0=r11,r9
	;;
(p6)	br.cond.sptk.few 2f
	;;
	adds r10=3,r10
	br.cond.sptk.few 2f
	;;
	.org 0x100
2:	adds r9=-1,r9
	;;
	cmp.ne p7,p0=0,r9
(p7)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
"""

# A loop with a branch taken once in 1000 passes: not a hot path.
RARELY = """
	mov r8=0
	mov r10=0
	movl r9=100000
	br.cond.sptk.few 1f
	;;
	.org 0x40
1:	adds r9=-1,r9
	extr.u r11=r9,0,10
	;;
	cmp.eq p6,p0=0,r11
(p6)	br.cond.dpnt.few 3f
	;;
2:	add r8=1,r8
	cmp.ne p7,p0=0,r9
(p7)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
	.org 0x200
3:	adds r10=1,r10
	br.cond.sptk.few 2b
	;;
"""


def _run(code, count=50_000_000):
    """On the JIT, with enough cold runs first for the path profile."""
    return finish(machine(code, "jit", threshold=20), count)


def test_a_mostly_taken_branch_is_followed_and_the_loop_stays_in_one_function():
    code = assemble(FLIP % 0)                  # (taken on every pass)
    m = _run(code)
    assert m.reg_read("r8") == 100_000 and m.reg_read("r10") == 0
    loop = m.jit.blocks[LOOP]
    assert DETOUR in loop.covered               # (the trace went on at 2:)
    assert m.jit.stats["traced_branches"] >= 1
    # The back edge (2: -> 1:) is on the trace: the block loops by itself.
    assert irgen.loops_to_itself(m.jit.mem.fetch_bundle, LOOP, hot=m.jit.hot_branch)
    assert loop.covered.index(DETOUR) == 1      # (not through the cold bundle)
    same_as_interpreter(code, m)


def test_the_path_not_taken_leaves_by_a_side_exit_once_the_profile_is_wrong():
    code = assemble(FLIP % 60_000)             # (taken while profiled, not later)
    m = _run(code)
    assert m.reg_read("r8") == 100_000 and m.reg_read("r10") == 3 * 60_000
    assert DETOUR in m.jit.blocks[LOOP].covered
    same_as_interpreter(code, m)
    for count in (1_000, 41_234, 333_333):      # (exact budgets across the side exit)
        m = _run(code, count)
        same_as_interpreter(code, m, count)


def test_a_rarely_taken_branch_stays_a_side_exit():
    code = assemble(RARELY)
    m = _run(code)
    assert m.reg_read("r8") == 100_000 and m.reg_read("r10") == 99_999 // 1024 + 1
    assert RARE not in m.jit.blocks[LOOP].covered
    assert all(RARE not in b.covered for k, b in m.jit.blocks.items() if k != RARE)
    same_as_interpreter(code, m)


def test_without_a_profile_no_conditional_branch_is_followed():
    code = assemble(FLIP % 0)
    old = jit_mod.TRACE_MIN_RUNS
    jit_mod.TRACE_MIN_RUNS = 1 << 60
    try:
        m = _run(code)
    finally:
        jit_mod.TRACE_MIN_RUNS = old
    assert not m.jit.stats.get("traced_branches")
    assert m.jit.blocks[LOOP].covered[:3] == [LOOP, LOOP + 0x10, DETOUR]   # (the jump's way)
    same_as_interpreter(code, m)


def test_a_trace_that_falls_through_into_its_start_is_a_loop():
    # 1: jumps ahead to 2:, which falls through into 1: again (a rotated loop).
    code = assemble("""
	mov r8=0
	movl r9=50000
	br.cond.sptk.few 0f
	;;
	.org 0x40
0:	cmp.ne p7,p0=0,r9
(p7)	br.cond.sptk.few 2f
	;;
	break.i 0
	;;
	.org 0x80
1:	add r8=2,r8
	br.cond.sptk.few 3f
	;;
	.org 0x100
3:	adds r9=-1,r9
	br.cond.sptk.few 0b
	;;
	.org 0x180
2:	br.cond.sptk.few 1b
	;;
""")
    m = _run(code)
    assert m.reg_read("r8") == 100_000
    same_as_interpreter(code, m)
    fetch = m.jit.mem.fetch_bundle
    # From 0:, the trace goes 0: -> 2: (hot) -> 1: -> 3: -> 0: (a jump to the start).
    assert irgen.loops_to_itself(fetch, CODE_BASE + 0x40, hot=m.jit.hot_branch)
