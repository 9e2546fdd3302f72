"""Instruction semantics: written once, against translator/emitter.py.

Each module registers functions with ``@sem(...)``; ``lookup(row)`` finds
the function for an encoding row (by exact mnemonic, then by pattern), and
caches it on the row.  Both the interpreter and the IR emitter come here.
"""

from __future__ import annotations

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
    row.semantic = found
    return found


def completers(mnemonic: str) -> list:
    return mnemonic.split(".")[1:]


from . import alu, compare, branch, misc, multimedia, memory, fp, system  # noqa: E402,F401  (registration)
