"""The runtime half of the privileged instructions on a system machine.

translator/semantics/system.py decides *when* these run (privilege checks,
NaT consumption, psr.ic rules are inline there); the routines here do what
needs the machine: control registers with side effects (the LSAPIC, the
timer), PSR writes that change translation or unmask interrupts, rfi, bank
switching, the TLB instructions (ia64jit/mmu.py) and the indirect register
files.  ``install(machine)`` puts them in the machine's helper table.
"""

from __future__ import annotations

from translator import faults
from translator.faults import GuestFault
from translator.semantics.system import CR_ITM, LSAPIC_CRS

from . import interrupts
from .interrupts import PSR_RESERVED

M64 = (1 << 64) - 1
CR_ITV = 72
IND_SIZES = {1: 16, 2: 16, 4: 64, 5: 64}                   # dbr ibr pmc pmd (index mod size)
IND_FIELDS = {1: "dbr", 2: "ibr", 4: "pmc", 5: "pmd"}


def _cpl(m):
    return (int(m.state.ctl[m.state.CTL["psr"]]) >> 32) & 3


# The semantics (translator/semantics/system.py) send here only ITM and the
# LSAPIC's CRs, reserved and read-only ones having faulted already.

def cr_read(m, n):
    if n in LSAPIC_CRS and m.lsapic is not None:
        return m.lsapic.read_cr(n) & M64
    return int(m.state.cr[n])


def cr_write(m, n, v):
    if n in LSAPIC_CRS and m.lsapic is not None:
        m.lsapic.write_cr(n, v)
    else:
        m.state.cr[n] = v
    # Leave compiled code only when this can change what interrupts next:
    # a timer due before the current slice ends, or a pending vector that
    # the new priority / end of service may let through.
    if n in (CR_ITM, CR_ITV):
        if m.timer_due_in_slice():
            m.request_poll()
    elif m.interrupt_pending():
        m.request_poll()


def psr_write(m, new):
    """ssm/rsm of side-effect bits and mov psr.l (the new full PSR)."""
    if new & PSR_RESERVED:
        raise GuestFault(faults.RESERVED_REGISTER, detail="psr: reserved bit set")
    interrupts.set_psr(m, new)


def rfi(m):
    ipsr = int(m.state.cr[interrupts.CR_IPSR])
    if ipsr & PSR_RESERVED or (ipsr >> interrupts.PSR_RI) & 3 == 3:
        raise GuestFault(faults.RESERVED_REGISTER, detail="rfi: reserved field in cr.ipsr")
    target = interrupts.rfi(m)
    return target | (int(m.state.ctl[m.state.CTL["ri"]]) & 3)


def bsw(m, bank):
    interrupts.switch_bank(m.state, bank)


def epc(m, ip):
    """Enter privileged code: on an execute-promote page (ar 7), cpl becomes
    the page's pl (SDM: epc); elsewhere an Illegal Operation fault."""
    ctl, C = m.state.ctl, m.state.CTL
    psr = int(ctl[C["psr"]])
    info = m.mmu.exec_info(ip) if (psr >> interrupts.PSR_IT) & 1 else None
    if info is None or info[0] != 7:
        raise GuestFault(faults.ILLEGAL_OPERATION, detail="epc outside an execute-promote page")
    pfs_ppl = (int(m.state.ar[64]) >> 62) & 3
    if pfs_ppl < _cpl(m):
        raise GuestFault(faults.ILLEGAL_OPERATION, detail="epc: ar.pfs.ppl below psr.cpl")
    pl = info[1]
    if pl < _cpl(m):
        interrupts.set_psr(m, (psr & ~(3 << 32)) | pl << 32)


def demote(m, ppl, target):
    """br.ret lowering privilege (cpl <- ppl); with psr.lp the
    Lower-Privilege Transfer trap follows, IIP = the branch target."""
    psr = int(m.state.ctl[m.state.CTL["psr"]])
    interrupts.set_psr(m, (psr & ~(3 << 32)) | (ppl & 3) << 32)
    if (psr >> interrupts.PSR_LP) & 1:
        raise GuestFault(faults.LOWER_PRIVILEGE_TRANSFER, resume=target,
                         detail="br.ret to a lower privilege with psr.lp")


def clear_one_shot(m, bits):
    psr = int(m.state.ctl[m.state.CTL["psr"]])
    interrupts.set_psr(m, psr & ~bits)


def fc_translate(m, va, kind):
    """fc/fc.i (kind 0) and lfetch.fault (kind 1) are non-access references:
    their TLB faults are taken (ISR.na, code 1 / 4); nothing is read."""
    from .mmu import FC, LFETCH_FAULT
    m.mmu.translate(va, FC if kind == 0 else LFETCH_FAULT, 1)
    return 0


def vmsw(m):
    raise GuestFault(faults.ILLEGAL_OPERATION, detail="vmsw: virtualization is not enabled")


def itc(m, side, pte):
    cr = m.state.cr
    m.mmu.itc("d" if side else "i", int(cr[20]), int(cr[21]), pte)


def itr(m, side, slot, pte):
    cr = m.state.cr
    m.mmu.itr("d" if side else "i", slot, int(cr[20]), int(cr[21]), pte)


def ptc_l(m, va, ps):
    m.mmu.ptc_l(va, ps)


def ptc_e(m, addr):
    m.mmu.ptc_e(addr)


def ptr(m, side, va, ps):
    m.mmu.ptr("d" if side else "i", va, ps)


def tpa(m, va):
    return m.mmu.tpa(va)


def tak(m, va):
    return m.mmu.tak(va)


def thash(m, va):
    return m.mmu.thash(va)


def ttag(m, va):
    return m.mmu.ttag(va)


def probe(m, va, kind, pl):
    """probe.r/w/rw (kind 0/1/2; | 4: the .fault forms, which take the
    fault a reference would instead of answering)."""
    pl = max(pl, _cpl(m))
    write = (kind & 3) != 0
    if kind & 4:
        from .mmu import NA, NA_PROBE_FAULT, READ, WRITE
        access = {0: READ, 1: WRITE, 2: READ | WRITE}[kind & 3] | NA | NA_PROBE_FAULT << 8
        m.mmu.translate(va, access, 1)
        return 0
    ok = m.mmu.probe(va, pl, write)
    if ok and (kind & 3) == 2:
        ok = m.mmu.probe(va, pl, False)
    return int(ok)


def ind_read(m, kind, idx):
    st = m.state
    if kind == 0:
        return int(st.rr[(idx >> 61) & 7])
    if kind == 3:
        if idx >= 16:
            raise GuestFault(faults.RESERVED_REGISTER, detail=f"pkr[{idx}]")
        return int(st.pkr[idx])
    if kind == 6:
        raise GuestFault(faults.RESERVED_REGISTER, detail="msr: none implemented")
    if kind == 5 and _cpl(m) and (int(st.ctl[st.CTL["psr"]]) >> 20) & 1:   # psr.sp
        raise GuestFault(faults.PRIVILEGED_REGISTER, detail="pmd read with psr.sp at cpl > 0")
    arr = getattr(st, IND_FIELDS[kind])
    return int(arr[idx % IND_SIZES[kind]])


def ind_write(m, kind, idx, v):
    st = m.state
    if kind == 0:
        m.mmu.set_rr((idx >> 61) & 7, v)
    elif kind == 3:
        if idx >= 16:
            raise GuestFault(faults.RESERVED_REGISTER, detail=f"pkr[{idx}]")
        m.mmu.set_pkr(idx, v)
    elif kind == 6:
        raise GuestFault(faults.RESERVED_REGISTER, detail="msr: none implemented")
    else:
        getattr(st, IND_FIELDS[kind])[idx % IND_SIZES[kind]] = v


HELPERS = {"cr_read": cr_read, "cr_write": cr_write, "psr_write": psr_write, "rfi": rfi,
           "bsw": bsw, "epc": epc, "vmsw": vmsw, "itc": itc, "itr": itr, "ptc_l": ptc_l,
           "ptc_e": ptc_e, "ptr": ptr, "tpa": tpa, "tak": tak, "thash": thash, "ttag": ttag,
           "probe": probe, "ind_read": ind_read, "ind_write": ind_write, "demote": demote,
           "clear_one_shot": clear_one_shot, "fc_translate": fc_translate}


def install(m) -> None:
    m.helpers.update(HELPERS)
