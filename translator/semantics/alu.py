"""Integer ALU: add/sub/logical (A1-A5), shladd (A2), addp4 forms."""

from __future__ import annotations

from . import sem


def _src2(e, i):
    """Second source of an A1/A3 op: (value, nat) of r2 or the imm8."""
    if i.format == "A3":
        return e.const(i.imm8), 0
    return e.read_gr(i.r2)


def _nat_or(e, a, b):
    if isinstance(a, int) and a == 0:
        return b
    if isinstance(b, int) and b == 0:
        return a
    return e.lor(a, b)


def _binop(e, i, op):
    a, an = _src2(e, i)
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, op(a, b), _nat_or(e, an, bn))


@sem("add", formats=("A1",))
def add(e, i):
    if i.x2b == 1:
        _binop(e, i, lambda a, b: e.add(e.add(a, b), e.const(1)))
    else:
        _binop(e, i, e.add)


@sem("sub", formats=("A1", "A3"))
def sub(e, i):
    if i.format == "A1" and i.x2b == 0:      # sub r1=r2,r3,1
        _binop(e, i, lambda a, b: e.sub(e.sub(a, b), e.const(1)))
    else:
        _binop(e, i, e.sub)


@sem("and", formats=("A1", "A3"))
def and_(e, i):
    _binop(e, i, e.and_)


@sem("andcm", formats=("A1", "A3"))
def andcm(e, i):
    _binop(e, i, e.andcm)


@sem("or", formats=("A1", "A3"))
def or_(e, i):
    _binop(e, i, e.or_)


@sem("xor", formats=("A1", "A3"))
def xor(e, i):
    _binop(e, i, e.xor)


def _p4(e, sum_, base):
    """addp4: 32-bit sum, region bits 62:61 from bits 31:30 of the base."""
    low = e.zext(sum_, 32)
    region = e.shl(e.and_(e.lshr(base, 30), e.const(3)), 61)
    return e.or_(low, region)


@sem("addp4", formats=("A1",))
def addp4_reg(e, i):
    a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, _p4(e, e.add(a, b), b), _nat_or(e, an, bn))


@sem("addp4", formats=("A4",))
def addp4_imm(e, i):
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, _p4(e, e.add(e.const(i.imm14), b), b), bn)


@sem("adds", formats=("A4",))
@sem("mov", formats=("A4",))
def adds(e, i):
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, e.add(e.const(i.imm14), b), bn)


@sem("addl", formats=("A5",))
@sem("mov", formats=("A5",))
def addl(e, i):
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, e.add(e.const(i.imm22), b), bn)


@sem("shladd", formats=("A2",))
def shladd(e, i):
    a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, e.add(e.shl(a, i.count2), b), _nat_or(e, an, bn))


@sem("shladdp4", formats=("A2",))
def shladdp4(e, i):
    a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    e.write_gr(i.r1, _p4(e, e.add(e.shl(a, i.count2), b), b), _nat_or(e, an, bn))
