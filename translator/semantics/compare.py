"""Compares into predicates: cmp/cmp4 (A6-A8), tbit/tnat (I16/I17).

The compare type (none, unc, and, or, or.andcm, and.orcm) decides how the
pair of target predicates is written; ``write_pred_pair`` is shared by every
instruction that writes a predicate pair, so the rules live in one place.
"""

from __future__ import annotations

from .. import faults
from . import sem

_TYPES = ("unc", "and", "or", "or.andcm", "and.orcm")


def split_ctype(parts):
    """['eq','or','andcm'] -> ('eq', 'or.andcm')."""
    rest = ".".join(parts[1:])
    return parts[0], rest


def write_pred_pair(e, i, ctype, rel, nat):
    """Write p1/p2 for a compare whose relation is ``rel`` and whose sources
    carry NaT ``nat``, as the compare type defines (SDM vol. 3, cmp)."""
    p1, p2 = i.p1, i.p2
    if p1 == p2 and ctype in ("", "unc"):
        e.fault(faults.ILLEGAL_OPERATION)
        return
    ok = e.lnot(nat)
    if ctype in ("", "unc"):
        t1 = e.land(rel, ok)
        t2 = e.land(e.lnot(rel), ok)
        if ctype == "unc":
            t1, t2 = e.land(e.qp, t1), e.land(e.qp, t2)
        e.write_pr(p1, t1)
        e.write_pr(p2, t2)
        return
    if ctype == "and":
        upd = e.lor(e.lnot(rel), nat)
        e.write_pr(p1, e.select(upd, 0, e.read_pr(p1)))
        e.write_pr(p2, e.select(upd, 0, e.read_pr(p2)))
    elif ctype == "or":
        upd = e.land(rel, ok)
        e.write_pr(p1, e.select(upd, 1, e.read_pr(p1)))
        e.write_pr(p2, e.select(upd, 1, e.read_pr(p2)))
    elif ctype == "or.andcm":
        upd = e.land(rel, ok)
        e.write_pr(p1, e.select(upd, 1, e.read_pr(p1)))
        e.write_pr(p2, e.select(upd, 0, e.read_pr(p2)))
    elif ctype == "and.orcm":
        upd = e.lor(e.lnot(rel), nat)
        e.write_pr(p1, e.select(upd, 0, e.read_pr(p1)))
        e.write_pr(p2, e.select(upd, 1, e.read_pr(p2)))
    else:
        raise ValueError(f"unknown compare type {ctype!r}")


_RELS = {
    "eq": ("eq", False), "ne": ("ne", False),
    "lt": ("slt", False), "le": ("sle", False), "gt": ("sgt", False), "ge": ("sge", False),
    "ltu": ("ult", True), "leu": ("ule", True), "gtu": ("ugt", True), "geu": ("uge", True),
}


def _cmp(e, i):
    parts = i.mnemonic.split(".")
    width4 = parts[0] == "cmp4"
    rel_name, ctype = split_ctype(parts[1:])
    opname, unsigned = _RELS[rel_name]
    if i.format == "A8":
        a, an = e.const(i.imm8), 0
    elif i.format == "A7":          # parallel compares against r0
        a, an = e.const(0), 0
    else:
        a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    if width4:
        ext = e.zext if unsigned else e.sext
        a, b = ext(a, 32), ext(b, 32)
    rel = getattr(e, opname)(a, b)
    nat = bn if (isinstance(an, int) and an == 0) else e.lor(an, bn)
    write_pred_pair(e, i, ctype, rel, nat)


sem(r"^cmp4?\.[a-z]+\.unc$", qp=True)(_cmp)
sem(r"^cmp4?\.[a-z]+(\.(and|or|andcm|orcm))*$")(_cmp)


def _tbit(e, i):
    parts = i.mnemonic.split(".")
    relname, ctype = split_ctype(parts[1:])
    v, nat = e.read_gr(i.r3)
    if parts[0] == "tbit":
        bit = e.truth(e.and_(e.lshr(v, i.pos6b), e.const(1)))
        rel = bit if relname == "nz" else e.lnot(bit)
    else:  # tnat: the relation is on the NaT bit itself, which is then "not NaT"
        rel = nat if relname == "nz" else e.lnot(nat)
        nat = 0
    write_pred_pair(e, i, ctype, rel, nat)


sem(r"^t(bit|nat)\.n?z\.unc$", qp=True)(_tbit)
sem(r"^t(bit|nat)\.n?z(\.(and|or|andcm|orcm))*$")(_tbit)


def _tf(e, i):
    """tf: test a processor feature (imm5 = 32..63).  No optional features are
    implemented, so every feature bit reads 0."""
    parts = i.mnemonic.split(".")
    relname, ctype = split_ctype(parts[1:])
    present = 0
    rel = present if relname == "nz" else 1 - present
    write_pred_pair(e, i, ctype, rel, 0)


sem(r"^tf\.n?z\.unc$", qp=True)(_tf)
sem(r"^tf\.n?z(\.(and|or|andcm|orcm))*$")(_tf)
