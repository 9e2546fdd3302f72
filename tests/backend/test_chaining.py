"""Blocks going on to the next block in native code (translator/irgen.py
``_chain``): static successors through their precomputed table slot,
dynamic ones (returns) through the hash, and never to a block the table
no longer holds."""

from __future__ import annotations

import random

import pytest

from backend.dispatch import (CPL_KEY_MASK, _index, emit_key, emit_lookup, emit_static_offset,
                              table_key)
from ia64jit.difftest import CODE_BASE, assemble, diff_states, have_binutils
from jitruns import count_dispatcher_calls, finish, machine, same_as_interpreter

M64 = (1 << 64) - 1


class _IntBuilder:
    """The builder interface emit_lookup uses, on Python ints."""
    and_ = staticmethod(lambda a, b: a & b)
    or_ = staticmethod(lambda a, b: a | b)
    xor = staticmethod(lambda a, b: a ^ b)
    lshr = staticmethod(lambda a, n: a >> n)
    shl = staticmethod(lambda a, n: (a << n) & M64)
    mul = staticmethod(lambda a, b: (a * b) & M64)
    add = staticmethod(lambda a, b: (a + b) & M64)


def test_a_static_successors_slot_is_the_one_the_hash_finds():
    rng = random.Random(4)
    b, const = _IntBuilder(), (lambda v: v)
    for _ in range(2000):
        plain = rng.getrandbits(64) & ~0xF | rng.choice((0, 1, 2))
        psr = rng.getrandbits(64)
        key, cpl_bits = emit_key(b, plain, psr, const)
        offset = emit_static_offset(b, plain, cpl_bits, const)
        assert (key, offset) == emit_lookup(b, plain, psr, const)
        assert key == table_key(plain, psr) and offset == _index(key) * 16
        assert key & CPL_KEY_MASK == (psr >> 30) & CPL_KEY_MASK


needs_as = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

# Two blocks in different pages (so neither is traced into the other):
# every iteration crosses two block boundaries, both static successors.
CROSS_PAGE = """
	mov r8=0
	movl r9=100000
	;;
1:	add r8=1,r8
	br.cond.sptk.few 2f
	;;
	.org 0x1000
2:	adds r9=-1,r9
	;;
	cmp.ne p6,p0=0,r9
	;;
(p6)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
"""

# The same, with the successor's increment patched by the host mid-run.
PATCH_AT = 0x1000          # the bundle holding `adds r9=-1,r9`


def _chains_by_itself(code, r8):
    """The loop runs to its end with few returns to the dispatcher (each
    iteration crosses two block boundaries), as the interpreter runs it."""
    m = machine(code, "jit")
    calls = count_dispatcher_calls(m)
    finish(m)
    assert m.reg_read("r8") == r8 and m.reg_read("r9") == 0
    assert len(calls) < 50
    same_as_interpreter(code, m)


@needs_as
def test_static_successors_chain_without_returning_to_the_dispatcher():
    _chains_by_itself(assemble(CROSS_PAGE), 100_000)


@needs_as
def test_a_chain_never_enters_a_successor_whose_code_was_rewritten():
    code = assemble(CROSS_PAGE)
    # `adds r9=-2,r9` in place of `adds r9=-1,r9`: the same bundle otherwise.
    patched = assemble(CROSS_PAGE.replace("adds r9=-1,r9", "adds r9=-2,r9"))
    new_bundle = patched[PATCH_AT:PATCH_AT + 16]
    assert new_bundle != code[PATCH_AT:PATCH_AT + 16]
    results = []
    for engine in ("interp", "jit"):
        m = machine(code, engine)
        finish(m, count=30_001)                # (chained by now, on the JIT)
        ip, ri = m.reg_read("ip"), m.reg_read("ri")
        m.mem_write(CODE_BASE + PATCH_AT, new_bundle)
        finish(m, start=ip | ri)               # (a start at slot ri)
        results.append(m)
    ref, m = results
    assert ref.reg_read("r9") != 0 or ref.reg_read("r8") < 100_000   # (the patch took effect)
    assert diff_states(ref, m) == [] and m.last_fault == ref.last_fault


# Calls and returns: the return's successor is known only at run time.
CALL_RETURN = """
	mov r8=0
	movl r9=50000
	;;
1:	br.call.sptk.many b0=3f
	;;
	adds r9=-1,r9
	;;
	cmp.ne p6,p0=0,r9
(p6)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
	.org 0x1000
3:	add r8=2,r8
	br.ret.sptk.many b0
	;;
"""


@needs_as
def test_returns_chain_through_the_hashed_look_up():
    _chains_by_itself(assemble(CALL_RETURN), 100_000)
