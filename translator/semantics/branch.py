"""Branches (B1-B5, X3/X4): conditional, call, return, counted and
software-pipelined loop branches with register rotation.

Formats decide the kind: B1 btype 0 cond / 2 wexit / 3 wtop, B2 btype
5 cloop / 6 cexit / 7 ctop, B3 IP-relative call, B4 indirect (btype 0 cond,
1 ia, 4 ret), B5 indirect call, X3 brl.cond, X4 brl.call.
"""

from __future__ import annotations

from .. import faults
from ..rse import e_call, e_return
from . import sem

AR_PFS, AR_LC, AR_EC = 64, 65, 66


def _rotate(e):
    e.helper("rotate_regs")


def _call(e, i, target):
    """Save the return link and the frame, then open the callee's frame."""
    e.write_br(i.b1, e.const((e.ip + 16)))
    e_call(e)
    e.branch(target)


@sem(r"^br(\.|$)", formats=("B1",), qp=True)
def br_ip_relative(e, i):
    target = e.const(e.ip + i.target25)
    bt = i.btype
    if bt == 0:                                   # br.cond: qp is the condition
        e.branch(target, e.qp)
    elif bt in (2, 3):                            # br.wexit / br.wtop
        ec = e.read_ar(AR_EC)
        ec_gt1 = e.ugt(ec, e.const(1))
        ec_nz = e.ne(ec, e.const(0))
        e.write_pr(63, 0)
        rotate = e.lor(e.qp, ec_nz)
        e.write_ar(AR_EC, e.select(e.land(e.lnot(e.qp), ec_nz), e.sub(ec, e.const(1)), ec))
        e.helper_if(rotate, "rotate_regs")
        stay = e.lor(e.qp, ec_gt1)                # wtop branches while the loop goes on
        e.branch(target, stay if bt == 3 else e.lnot(stay))
    else:
        e.fault(faults.ILLEGAL_OPERATION)


@sem(r"^br\.c(loop|exit|top)", formats=("B2",))
def br_counted(e, i):
    target = e.const(e.ip + i.target25)
    lc = e.read_ar(AR_LC)
    lc_nz = e.ne(lc, e.const(0))
    if i.btype == 5:                              # br.cloop
        e.write_ar(AR_LC, e.select(lc_nz, e.sub(lc, e.const(1)), lc))
        e.branch(target, lc_nz)
        return
    ec = e.read_ar(AR_EC)
    ec_nz = e.ne(ec, e.const(0))
    ec_gt1 = e.ugt(ec, e.const(1))
    use_ec = e.land(e.lnot(lc_nz), ec_nz)
    e.write_ar(AR_LC, e.select(lc_nz, e.sub(lc, e.const(1)), lc))
    e.write_ar(AR_EC, e.select(use_ec, e.sub(ec, e.const(1)), ec))
    e.write_pr(63, lc_nz)
    e.helper_if(e.lor(lc_nz, ec_nz), "rotate_regs")
    go_on = e.lor(lc_nz, ec_gt1)
    e.branch(target, go_on if i.btype == 7 else e.lnot(go_on))


@sem(r"^br\.call", formats=("B3",))
def br_call_rel(e, i):
    _call(e, i, e.const(e.ip + i.target25))


@sem(r"^br\.call", formats=("B5",))
def br_call_ind(e, i):
    _call(e, i, e.andcm(e.read_br(i.b2), e.const(0xF)))


@sem(r"^br(\.|$)", formats=("B4",))
def br_indirect(e, i):
    target = e.andcm(e.read_br(i.b2), e.const(0xF))
    bt = i.btype
    if bt == 4:                                   # br.ret
        # Privilege can only go down on a return: cpl <- pfs.ppl when
        # greater (the runtime: translations change; psr.lp traps).
        pfs = e.read_ar(AR_PFS)
        ppl = e.lshr(pfs, 62)
        cpl = e.and_(e.lshr(e.read_state("psr"), 32), e.const(3))
        e_return(e)
        e.helper_if(e.ugt(ppl, cpl), "demote", ppl, target)
        e.branch(target)
    elif bt == 0:                                 # br.cond indirect
        e.branch(target)
    elif bt == 1:                                 # br.ia
        psr = e.read_state("psr")
        e.fault(faults.DISABLED_ISA_TRANSITION, e.ne(e.and_(psr, e.const(1 << 22)), e.const(0)))
        e.fault(faults.UNIMPLEMENTED, detail="br.ia: the IA-32 instruction set is not emulated")
    else:
        e.fault(faults.ILLEGAL_OPERATION)


@sem(r"^brl\.call", formats=("X4",))
def brl_call(e, i):
    _call(e, i, e.const(e.ip + i.target64))


@sem(r"^brl(\.|$)", formats=("X3",))
def brl_cond(e, i):
    e.branch(e.const(e.ip + i.target64))


@sem(r"^brp", r"^nop\.b$", r"^hint\.b$")
def branch_hint(e, i):
    """Branch predict and hints: no architectural effect."""
