"""Interpreter and JIT agree on small assembled programs with known results."""

import pytest

from ia64jit.difftest import assemble, diff_states, have_binutils, run_both

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

SUM_LOOP = """
	mov r14=0
	mov r15=1000
	;;
	mov ar.lc=r15
	;;
1:	add r14=r14,r15
	adds r15=-1,r15
	br.cloop.sptk.few 1b
	;;
	break.i 0
	;;
"""

CALLS = """
	alloc r32=ar.pfs,0,4,1,0
	mov r8=0
	mov r36=20
	;;
	br.call.sptk.many b0=fib
	;;
	break.i 0
	;;
fib:	// r8 = fib(in0), recursive, with its own frame each call
	alloc r35=ar.pfs,1,4,1,0
	mov r34=b0
	cmp.ltu p6,p7=1,r32
	;;
(p7)	mov r8=r32
(p7)	br.cond.dpnt.few 2f
	adds r37=-1,r32
	;;
	br.call.sptk.many b0=fib
	;;
	mov r33=r8
	adds r37=-2,r32
	;;
	br.call.sptk.many b0=fib
	;;
	add r8=r8,r33
	;;
2:	mov ar.pfs=r35
	mov b0=r34
	br.ret.sptk.many b0
	;;
"""


def test_sum_loop_known_result():
    a, b = run_both(assemble(SUM_LOOP))
    assert a.reg_read("r14") == 500500
    assert diff_states(a, b) == []
    assert a.last_fault[0] == 2 and a.last_fault[3] == 0   # break 0 ends it


def test_recursion_with_rse_spills_and_fills():
    """fib(20) nests 20 frames of 6 registers: more than the 96 physical
    stacked registers, so the RSE must spill and fill."""
    a, b = run_both(assemble(CALLS), max_insns=50_000_000)
    assert a.reg_read("r8") == 6765
    assert diff_states(a, b) == []
