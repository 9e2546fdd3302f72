"""Code that overwrites itself: the guest stores a new instruction bundle
(the two 64-bit halves of an assembled bundle, with st8) over its own code
and then executes it -- before the code was ever run, after it is hot
(compiled), inside the very block that does the store, in another block,
with and without the ``fc``/``sync.i``/``srlz.i`` sequence.  The emulator
invalidates decoded and compiled code on any write to a code page, so the
new code must run; both engines must agree and give the expected result.
"""

from __future__ import annotations

import pytest

from ia64jit import progen
from ia64jit.difftest import CODE_BASE, diff_states, have_binutils, run_both

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

N = 10               # loop iterations
OLD, NEW = 1, 100    # what the target bundle adds to r8 before and after the patch
FLUSH = "(p6) fc r23\n\t;;\n\tsync.i\n\t;;\n\tsrlz.i\n\t;;"


def _bundle(text: str) -> bytes:
    code, _ = progen._assemble_obj("\t.text\n" + text + "\n", want_syms=False)
    assert len(code) == 16, code
    return code


NEW_BUNDLE = "{ .mii\n\tadds r8=%d,r8\n\tnop.i 0\n\tnop.i 0 ;; }" % NEW
TARGET = "{ .mii\n\tadds r8=%d,r8\n\tnop.i 0\n\tnop.i 0 ;; }" % OLD


def _source(layout: str, patch_at: int, flush: bool, lo: int, hi: int, target: int) -> str:
    patch = f"""
	cmp.eq p6,p0={patch_at},r9
	;;
(p6)	st8 [r23]=r20
	adds r24=8,r23
	;;
(p6)	st8 [r24]=r21
	;;
	{FLUSH if flush else ""}
"""
    head = f"""smc:
	alloc r32=ar.pfs,0,4,0,0
	movl r20={lo:#x}
	movl r21={hi:#x}
	movl r23={target:#x}
	mov r8=0
	mov r9=0
	mov ar.lc={N - 1}
	;;
"""
    if layout == "same_block":          # the store and the target in one block
        body = f"""loop:
	{patch}
target:
	{TARGET}
	adds r9=1,r9
	br.cloop.sptk.few loop
	;;
	break.i 0
	;;
"""
    elif layout == "callee":            # the target in a function called each time
        body = f"""loop:
	{patch}
	br.call.sptk.many b0=fn
	;;
	adds r9=1,r9
	br.cloop.sptk.few loop
	;;
	break.i 0
	;;
fn:
	alloc r33=ar.pfs,0,2,0,0
target:
	{TARGET}
	mov ar.pfs=r33
	br.ret.sptk.many b0
	;;
"""
    elif layout == "ahead":             # patch a bundle later in the same straight line
        body = f"""loop:
	{patch}
	adds r25=1,r25
	adds r26=2,r26
	;;
	adds r27=3,r27
	;;
target:
	{TARGET}
	adds r9=1,r9
	br.cloop.sptk.few loop
	;;
	break.i 0
	;;
"""
    else:
        raise ValueError(layout)
    return head + body


def program(layout: str, patch_at: int, flush: bool) -> bytes:
    """Two passes: the target's address is only known once assembled
    (movl keeps the size the same)."""
    new = _bundle(NEW_BUNDLE)
    lo, hi = int.from_bytes(new[:8], "little"), int.from_bytes(new[8:], "little")
    _, syms = progen._assemble_obj("\t.text\n" + _source(layout, patch_at, flush, lo, hi, 0))
    target = CODE_BASE + syms["target"] - syms["smc"]
    code, syms2 = progen._assemble_obj(
        "\t.text\n" + _source(layout, patch_at, flush, lo, hi, target))
    assert syms2["target"] == syms["target"]
    assert code[syms["target"]:syms["target"] + 16] == _bundle(TARGET)
    return code


def expected(patch_at: int) -> int:
    return patch_at * OLD + (N - patch_at) * NEW


CASES = [(layout, k, flush, thr)
         for layout in ("same_block", "callee", "ahead")
         for k in (0, 5)
         for flush in (False, True)
         for thr in (1, 3)]


@pytest.mark.parametrize("layout,patch_at,flush,threshold", CASES)
def test_patched_bundle_runs(layout, patch_at, flush, threshold):
    code = program(layout, patch_at, flush)
    a, b = run_both(code, jit_threshold=threshold, max_insns=100_000)
    assert a.last_fault[0] == 2, a.last_fault           # ended on break 0
    assert a.reg_read("r8") == expected(patch_at), "interpreter"
    assert b.reg_read("r8") == expected(patch_at), "JIT"
    assert diff_states(a, b) == []


def test_patch_back_and_forth():
    """The same bundle patched on every iteration, alternating old and new
    code: every write must be seen (odd iterations run NEW, even ones OLD)."""
    new, old = _bundle(NEW_BUNDLE), _bundle(TARGET)
    src = f"""smc:
	alloc r32=ar.pfs,0,4,0,0
	movl r20={int.from_bytes(new[:8], 'little'):#x}
	movl r21={int.from_bytes(new[8:], 'little'):#x}
	movl r28={int.from_bytes(old[:8], 'little'):#x}
	movl r29={int.from_bytes(old[8:], 'little'):#x}
	movl r23=TARGET
	mov r8=0
	mov r9=0
	mov ar.lc={N - 1}
	;;
loop:
	tbit.nz p6,p7=r9,0
	adds r24=8,r23
	;;
(p6)	st8 [r23]=r20
(p7)	st8 [r23]=r28
	;;
(p6)	st8 [r24]=r21
(p7)	st8 [r24]=r29
	;;
target:
	{TARGET}
	adds r9=1,r9
	br.cloop.sptk.few loop
	;;
	break.i 0
	;;
"""
    _, syms = progen._assemble_obj("\t.text\n" + src.replace("TARGET", "0"))
    code, _ = progen._assemble_obj(
        "\t.text\n" + src.replace("TARGET", hex(CODE_BASE + syms["target"] - syms["smc"])))
    for thr in (1, 2):
        a, b = run_both(code, jit_threshold=thr, max_insns=100_000)
        want = (N // 2) * NEW + (N - N // 2) * OLD
        assert a.reg_read("r8") == want and b.reg_read("r8") == want, \
            (thr, a.reg_read("r8"), b.reg_read("r8"))
        assert diff_states(a, b) == []


def test_store_into_the_running_block_minimal():
    """Minimal case of the stale-block bug, without a loop: one straight
    block stores NEW over a bundle two bundles ahead, then runs into it."""
    new = _bundle(NEW_BUNDLE)
    src = f"""smc:
	movl r20={int.from_bytes(new[:8], 'little'):#x}
	movl r21={int.from_bytes(new[8:], 'little'):#x}
	movl r23=TARGET
	mov r8=0
	;;
	st8 [r23]=r20,8
	;;
	st8 [r23]=r21
	;;
target:
	{TARGET}
	break.i 0
	;;
"""
    _, syms = progen._assemble_obj("\t.text\n" + src.replace("TARGET", "0"))
    code, _ = progen._assemble_obj(
        "\t.text\n" + src.replace("TARGET", hex(CODE_BASE + syms["target"] - syms["smc"])))
    a, b = run_both(code, jit_threshold=1)
    assert a.reg_read("r8") == NEW
    assert b.reg_read("r8") == NEW, "the JIT ran the old bundle"


def test_rewritten_page_seen_by_the_interpreter():
    """Compiled code writes a routine into a fresh page (the soft-TLB takes
    the page as writable data), calls it (it runs cold, interpreted: the page
    becomes a code page), then writes a different routine there and calls it
    again.  The second write must invalidate the decoded bundle."""
    rets = []
    for x in (OLD, NEW):
        rets.append(_bundle("{ .mib\n\tnop.m 0\n\tadds r8=%d,r8\n\tbr.ret.sptk.many b0 ;; }" % x))
    src = f"""smc:
	alloc r32=ar.pfs,0,8,0,0
	movl r34={int.from_bytes(rets[0][:8], 'little'):#x}
	movl r35={int.from_bytes(rets[0][8:], 'little'):#x}
	movl r36={int.from_bytes(rets[1][:8], 'little'):#x}
	movl r37={int.from_bytes(rets[1][8:], 'little'):#x}
	movl r23=SCRATCH
	mov r8=0
	mov r9=0
	mov ar.lc={N - 1}
	;;
loop:
	tbit.nz p6,p7=r9,0
	adds r24=8,r23
	;;
(p7)	st8 [r23]=r34
(p6)	st8 [r23]=r36
	;;
(p7)	st8 [r24]=r35
(p6)	st8 [r24]=r37
	mov b6=r23
	;;
	br.call.sptk.many b0=b6
	;;
	adds r9=1,r9
	br.cloop.sptk.few loop
	;;
	break.i 0
	;;
"""
    _, syms = progen._assemble_obj("\t.text\n" + src.replace("SCRATCH", "0"))
    scratch = CODE_BASE + 0x1000            # the spare page difftest maps after the code
    code, _ = progen._assemble_obj("\t.text\n" + src.replace("SCRATCH", hex(scratch)))
    assert len(code) <= 0x1000
    want = (N - N // 2) * OLD + (N // 2) * NEW
    for thr in (1, 2, 3, 50):
        a, b = run_both(code, jit_threshold=thr, max_insns=100_000)
        assert a.reg_read("r8") == want, ("interp", thr)
        assert b.reg_read("r8") == want, ("jit", thr, b.reg_read("r8"))
        assert diff_states(a, b) == []
