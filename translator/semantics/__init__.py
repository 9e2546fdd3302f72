"""Instruction semantics: written once, against translator/emitter.py.

Each module registers functions with ``@sem(...)``; ``lookup(row)`` finds
the function for an encoding row (by exact mnemonic, then by pattern), and
caches it on the row.  Both the interpreter and the IR emitter come here.
"""

from __future__ import annotations

import functools
import re

_EXACT = {}
_PATTERNS = []


class Semantic:
    __slots__ = ("fn", "qp", "ends_block", "name")

    def __init__(self, fn, qp, ends_block):
        self.fn, self.qp, self.ends_block, self.name = fn, qp, ends_block, fn.__name__


def sem(*names, qp=False, ends_block=False, formats=None):
    """Register ``fn`` for mnemonics (exact strings, or regexes if they start
    with '^'), optionally only for some formats."""
    def deco(fn):
        s = Semantic(fn, qp, ends_block)
        for n in names:
            if n.startswith("^"):
                _PATTERNS.append((re.compile(n), formats, s))
            else:
                _EXACT.setdefault(n, []).append((formats, s))
        return fn
    return deco


def lookup(row):
    """The Semantic for an encoding row, or None if none is written."""
    try:
        return row.semantic
    except AttributeError:
        pass
    found = None
    for formats, s in _EXACT.get(row.mnemonic, ()):
        if formats is None or row.fmt.name in formats:
            found = s
            break
    if found is None:
        for rx, formats, s in _PATTERNS:
            if rx.match(row.mnemonic) and (formats is None or row.fmt.name in formats):
                found = s
                break
    if found is not None:
        fr_fields = tuple(t[1] for t in row.tokens if t[0] == "field" and t[2] == "fr")
        if fr_fields:
            found = _with_fp_enable_check(found, fr_fields)
    row.semantic = found
    return found


PSR_DFL, PSR_DFH = 18, 19


def _with_fp_enable_check(s, fr_fields):
    """Disabled Floating-point Register fault (SDM vol. 2, vector 0x5500):
    an instruction naming f2-f31 while psr.dfl, or f32-f127 while psr.dfh,
    faults before anything else it does; ISR.code{0}/{1} say which."""
    from .. import faults
    inner = s.fn

    def fn(e, i):
        regs = [i.f[name] for name in fr_fields]
        low = any(2 <= r < 32 for r in regs)
        high = any(r >= 32 for r in regs)
        if low or high:
            psr = e.read_state("psr")
            dfl = e.ne(e.and_(psr, e.const(1 << PSR_DFL)), e.const(0))
            dfh = e.ne(e.and_(psr, e.const(1 << PSR_DFH)), e.const(0))
            if low and high:          # both disabled: both code bits
                e.fault(faults.DISABLED_FP_REGISTER, e.land(dfl, dfh), arg=3)
            if low:
                e.fault(faults.DISABLED_FP_REGISTER, dfl, arg=1)
            if high:
                e.fault(faults.DISABLED_FP_REGISTER, dfh, arg=2)
        inner(e, i)

    functools.update_wrapper(fn, inner)
    return Semantic(fn, s.qp, s.ends_block)


def completers(mnemonic: str) -> list:
    return mnemonic.split(".")[1:]


from . import alu, compare, branch, misc, multimedia, memory, fp, system  # noqa: E402,F401  (registration)
