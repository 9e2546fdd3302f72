"""Running assembled test programs on a fresh machine, for the JIT's tests
(tiers, chaining, traces): the final fault is kept in ``last_fault``."""

from __future__ import annotations

from ia64jit.difftest import CODE_BASE, diff_states, new_machine
from ia64jit.machine import EmulationError


def self_loop(iterations: int) -> str:
    """A loop that is one block (it branches back to its own start): r8 ends
    at 3 * iterations, then a break."""
    return f"""
	mov r8=0
	movl r9={iterations}
	;;
1:	add r8=3,r8
	adds r9=-1,r9
	;;
	cmp.ne p6,p0=0,r9
(p6)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
"""


def machine(code, engine, threshold=2, **jit_opts):
    """A machine with ``code`` loaded; JIT attributes from ``jit_opts``; no
    persistent code cache (each test compiles what it runs)."""
    m = new_machine(engine, code, jit_threshold=threshold)
    if m.jit is not None:
        for k, v in jit_opts.items():
            setattr(m.jit, k, v)
        m.jit.code_cache = None
    return m


def finish(m, count=50_000_000, until=None, start=CODE_BASE):
    """Run from ``start``; the fault that stops it (e.g. the final break)
    in last_fault."""
    m.last_fault = None
    try:
        m.run(start, until=until, count=count)
    except EmulationError as exc:
        f = exc.fault
        m.last_fault = (f.code, f.ip, f.slot, f.arg)
    return m


def same_as_interpreter(code, m, count=50_000_000, until=None):
    """``m`` ended as the interpreter does on the same program and budget."""
    ref = finish(machine(code, "interp"), count, until)
    assert diff_states(ref, m) == []
    assert m.reg_read("icount") == ref.reg_read("icount")
    assert m.last_fault == ref.last_fault


def count_dispatcher_calls(m) -> list:
    """A list that grows by one per call of the native dispatcher loop."""
    calls = []
    run = m.jit.dispatcher.run
    m.jit.dispatcher.run = lambda *a: calls.append(1) or run(*a)
    return calls
