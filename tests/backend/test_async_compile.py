"""Background compilation (Machine(jit_async=True), what the command line
uses): results are those of the interpreter whatever the timing, the
blocks do get compiled and used, and a block whose code changes while
LLVM works on it is dropped, not installed stale."""

from __future__ import annotations

import pytest

from ia64jit.difftest import CODE_BASE, assemble, diff_states, have_binutils, new_machine
from ia64jit.machine import Machine
from jitruns import self_loop

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

LOOP = self_loop(200_000)


def test_async_results_equal_the_interpreter_and_blocks_get_used():
    code = assemble(LOOP)
    ref = new_machine("interp", code)
    ref.last_fault = None
    try:
        ref.run(CODE_BASE, count=10_000_000)
    except Exception:
        pass
    m = Machine(engine="jit", jit_threshold=2, jit_async=True, code_cache=False)
    m.mem_map(CODE_BASE, 0x10000)
    m.mem_write(CODE_BASE, code)
    try:
        m.run(CODE_BASE, count=10_000_000)
    except Exception:
        pass
    assert m.reg_read("r8") == ref.reg_read("r8") == 600000
    assert m.reg_read("icount") == ref.reg_read("icount")
    m.jit.reap(wait=True)
    assert m.jit.blocks, "nothing was compiled"
    assert m.jit.stats["compiled"] >= 1


def test_code_changed_while_compiling_is_not_installed():
    code = assemble(LOOP)
    m = Machine(engine="jit", jit_threshold=1, jit_async=True, code_cache=False)
    m.mem_map(CODE_BASE, 0x10000)
    m.mem_write(CODE_BASE, code)
    jit = m.jit
    jit.pending.append(CODE_BASE)
    jit.compile_pending()                    # LLVM now works on it in the background
    assert CODE_BASE in jit.inflight
    m.mem_write(CODE_BASE, code)             # the guest's code is written meanwhile
    jit.reap(wait=True)
    assert not jit.blocks and not jit.inflight
