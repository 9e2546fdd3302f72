"""Interruption delivery through the IVT, ``rfi``, bank switching and the
PSR's side effects (SDM vol. 2, ch. 5 "Interruptions", ch. 8 "Interruption
Vector Descriptions").

A system machine hands every ``GuestFault`` it does not serve itself to
``deliver``: the interruption registers are written as the vector defines
(IPSR/IIP/IFS/IIPA only with ``psr.ic`` = 1; ISR always, with ``ni`` set
when collection was off), the PSR becomes the interruption PSR (only
rt, up, mfl, mfh, pk, it, dt and mc survive; be and pp come from DCR), the
static registers switch to bank 0, and execution goes on at
``cr.iva`` + the vector's offset, slot 0.

Faults leave ip/ri at the faulting instruction; traps (FP trap, taken
branch, single step, lower-privilege transfer) at the instruction after
the trapping one, which has completed.
"""

from __future__ import annotations

from translator import faults as F
from translator.faults import GuestFault

M64 = (1 << 64) - 1

# control-register numbers
CR_DCR, CR_ITM, CR_IVA, CR_PTA = 0, 1, 2, 8
CR_IPSR, CR_ISR, CR_IIP, CR_IFA, CR_ITIR, CR_IIPA, CR_IFS, CR_IIM, CR_IHA = \
    16, 17, 19, 20, 21, 22, 23, 24, 25

# PSR bit positions
PSR_BE, PSR_UP, PSR_AC, PSR_MFL, PSR_MFH = 1, 2, 3, 4, 5
PSR_IC, PSR_I, PSR_PK, PSR_DT, PSR_DFL, PSR_DFH, PSR_SP, PSR_PP, PSR_DI, PSR_SI = \
    13, 14, 15, 17, 18, 19, 20, 21, 22, 23
PSR_DB, PSR_LP, PSR_TB, PSR_RT = 24, 25, 26, 27
PSR_CPL, PSR_IS, PSR_MC, PSR_IT, PSR_ID, PSR_DA, PSR_DD, PSR_SS, PSR_RI, PSR_ED, \
    PSR_BN, PSR_IA = 32, 34, 35, 36, 37, 38, 39, 40, 41, 43, 44, 45

# Bits an interruption keeps (SDM 5.5: everything else is cleared).
_KEPT = sum(1 << b for b in (PSR_RT, PSR_UP, PSR_MFL, PSR_MFH, PSR_PK, PSR_IT, PSR_DT, PSR_MC))
# Reserved PSR bits (writes of ones to them are Reserved Register/Field faults).
PSR_RESERVED = sum(1 << b for b in (0, 6, 7, 8, 9, 10, 11, 12, 16, 28, 29, 30, 31)) | \
    (((1 << 64) - 1) ^ ((1 << 46) - 1))

# Fault code -> IVT offset.
VECTOR = {
    F.VHPT_ITRANSLATION: 0x0000, F.VHPT_DTRANSLATION: 0x0000,
    F.ITLB: 0x0400, F.DTLB: 0x0800,
    F.ALT_ITLB: 0x0C00, F.ALT_DTLB: 0x1000,
    F.DATA_NESTED_TLB: 0x1400,
    F.IKEY_MISS: 0x1800, F.DKEY_MISS: 0x1C00,
    F.DIRTY_BIT: 0x2000, F.IACCESS_BIT: 0x2400, F.DACCESS_BIT: 0x2800,
    F.BREAK: 0x2C00, F.EXTERNAL_INTERRUPT: 0x3000,
    F.IPAGE_NOT_PRESENT: 0x5000, F.DPAGE_NOT_PRESENT: 0x5000,
    F.IKEY_PERMISSION: 0x5100, F.DKEY_PERMISSION: 0x5100,
    F.IACCESS_RIGHTS: 0x5200, F.DACCESS_RIGHTS: 0x5300,
    F.ILLEGAL_OPERATION: 0x5400, F.PRIVILEGED_OPERATION: 0x5400,
    F.PRIVILEGED_REGISTER: 0x5400, F.RESERVED_REGISTER: 0x5400,
    F.DISABLED_ISA_TRANSITION: 0x5400, F.UNIMPLEMENTED_DATA_ADDRESS: 0x5400,
    F.DISABLED_FP_REGISTER: 0x5500,
    F.NAT_CONSUMPTION: 0x5600, F.NAT_PAGE_CONSUMPTION: 0x5600,
    F.SPECULATION: 0x5700,
    F.IDEBUG: 0x5900, F.DDEBUG: 0x5900,
    F.UNALIGNED_REFERENCE: 0x5A00, F.UNSUPPORTED_DATA_REFERENCE: 0x5B00,
    F.FP_FAULT: 0x5C00, F.FP_TRAP: 0x5D00,
    F.LOWER_PRIVILEGE_TRANSFER: 0x5E00, F.UNIMPLEMENTED_INSTRUCTION_ADDRESS: 0x5E00,
    F.TAKEN_BRANCH: 0x5F00, F.SINGLE_STEP: 0x6000,
}

# ISR.code of the General Exception vector's kinds (SDM 8.2, vector 0x5400).
GE_CODE = {F.ILLEGAL_OPERATION: 0x00, F.PRIVILEGED_OPERATION: 0x10,
           F.PRIVILEGED_REGISTER: 0x20, F.RESERVED_REGISTER: 0x30,
           F.DISABLED_ISA_TRANSITION: 0x40}

TRAPS = frozenset({F.FP_TRAP, F.LOWER_PRIVILEGE_TRANSFER, F.TAKEN_BRANCH, F.SINGLE_STEP,
                   F.UNIMPLEMENTED_INSTRUCTION_ADDRESS})


def switch_bank(state, to_bank: int) -> None:
    """Make bank ``to_bank`` of r16-r31 the live one (psr.bn)."""
    ctl, C = state.ctl, state.CTL
    psr = ctl[C["psr"]]
    if (psr >> PSR_BN) & 1 == to_bank:
        return
    live, live_nat = state.gr[16:32].copy(), state.gr_nat[16:32].copy()
    state.gr[16:32] = state.bank
    state.gr_nat[16:32] = state.bank_nat
    state.bank[:] = live
    state.bank_nat[:] = live_nat
    ctl[C["psr"]] = (psr & ~(1 << PSR_BN)) | (to_bank << PSR_BN)


def next_slot(m, ip: int, slot: int):
    """(ip, slot) of the instruction after the one at ip/slot (MLX: slot 1 is last)."""
    last = 2
    try:
        tmpl = m.mem.fetch_bundle(ip)[0] & 0x1F
        if tmpl in (0x04, 0x05):
            last = 1
    except Exception:
        pass
    if slot >= last:
        return (ip + 16) & M64, 0
    return ip, slot + 1


def deliver(m, f: GuestFault) -> None:
    """Deliver ``f`` through the IVT (state: ip/ri name the faulting or
    trapping instruction, as the engines leave them)."""
    st = m.state
    ctl, C, cr = st.ctl, st.CTL, st.cr
    code = f.code
    if code not in VECTOR:
        raise f
    psr = int(ctl[C["psr"]])
    ic = (psr >> PSR_IC) & 1
    ip, slot = int(ctl[C["ip"]]), int(ctl[C["ri"]])
    trap = code in TRAPS
    if trap:
        ctl[C["icount"]] = (ctl[C["icount"]] + 1) & M64   # the trapping instruction completed
        resume_ip, resume_ri = next_slot(m, ip, slot)
    else:
        resume_ip, resume_ri = ip, slot
    if f.resume is not None:           # a trap after a taken branch: its target
        resume_ip, resume_ri = f.resume & ~0xF & M64, 0
    if (psr >> PSR_BN) & 1:
        switch_bank(st, 0)             # (IPSR keeps bn = 1: rfi returns to bank 1)
    if code != F.DATA_NESTED_TLB:
        if ic:
            cr[CR_IPSR] = (psr & ~(3 << PSR_RI)) | (resume_ri << PSR_RI)
            cr[CR_IIP] = resume_ip
            cr[CR_IFS] = 0
            # the last successfully executed instruction's bundle (SDM 3.3.5.6):
            # a trap's own; before a fault or interrupt, the last that retired
            cr[CR_IIPA] = ip if trap else int(ctl[C["last_bundle"]])
            if f.iim is not None or code in (F.BREAK, F.SPECULATION):
                cr[CR_IIM] = (f.iim if f.iim is not None else f.arg) & M64
            for reg, val in ((CR_IFA, f.ifa), (CR_ITIR, f.itir), (CR_IHA, f.iha)):
                if val is not None:
                    cr[reg] = val & M64
        isr = f.isr | GE_CODE.get(code, 0)
        if code == F.FP_TRAP:
            # ISR.code{0} = fp trap; O, U, I in bits 11-13 (a parallel op's
            # high half in bits 7-9), as Ski lays them out; FPA is not reported
            isr |= 1 | ((f.arg >> 3) & 7) << 11 | ((f.arg >> 11) & 7) << 7
        elif code == F.FP_FAULT:
            isr |= f.arg & 0xFFFF
        elif code == F.TAKEN_BRANCH:
            isr |= 0x4
        elif code == F.LOWER_PRIVILEGE_TRANSFER:
            isr |= 0x2 | (0x4 if (psr >> PSR_TB) & 1 else 0)
        elif code == F.NAT_PAGE_CONSUMPTION:
            isr |= 0x20
        elif code == F.NAT_CONSUMPTION:
            # arg: what consumed the NaT -- 1 a load's address, 2 a store's (ISR.r/w)
            isr |= 0x10 | (F.ISR_R if f.arg & 1 else 0) | (F.ISR_W if f.arg & 2 else 0)
        elif code == F.DISABLED_FP_REGISTER:
            isr |= f.arg & 3                   # code{0}: dfl, code{1}: dfh
        if trap and (psr >> PSR_SS) & 1:
            isr |= 0x8
        isr |= (slot & 3) << 41
        if not ic:
            isr |= F.ISR_NI
        cr[CR_ISR] = isr & M64
    dcr = int(cr[CR_DCR])
    new_psr = (psr & _KEPT) | ((dcr >> 1) & 1) << PSR_BE | (dcr & 1) << PSR_PP   # bn = 0
    set_psr(m, new_psr)
    ctl[C["ip"]] = (int(cr[CR_IVA]) & ~0x7FFF) + VECTOR[code]
    ctl[C["ri"]] = 0
    m.stats_interruptions[code] = m.stats_interruptions.get(code, 0) + 1


def set_psr(m, new: int) -> None:
    """Write the PSR, telling the machine when translation-relevant bits
    change (the soft-TLB and code lookup depend on cpl, it, dt, rt, pk)."""
    ctl, C = m.state.ctl, m.state.CTL
    old = int(ctl[C["psr"]])
    ctl[C["psr"]] = new & M64
    changed = (old ^ new) & TRANSLATION_BITS
    if changed & ~CPL_BITS:
        m.translation_changed("id")
    elif changed:
        m.translation_changed("cpl")     # (compiled code is looked up by cpl)
    trace = bool(new & TRACE_BITS)
    if trace != m.interp.trace:
        m.interp.trace = trace      # the interpreter checks for the traps
        m.request_poll()            # (and compiled code, which does not, stops)
    if (new >> PSR_I) & 1 and not (old >> PSR_I) & 1 and m.interrupt_pending():
        m.request_poll()


# The one-instruction disables: cleared once the next instruction completes.
ONE_SHOT_BITS = sum(1 << b for b in (PSR_ID, PSR_DA, PSR_DD, PSR_IA, PSR_ED))
# Bits that need the interpreter's per-instruction checks (traps, debug,
# the one-shot disables).
TRACE_BITS = (1 << PSR_SS) | (1 << PSR_TB) | (1 << PSR_DB) | ONE_SHOT_BITS
CPL_BITS = 3 << PSR_CPL
TRANSLATION_BITS = sum(1 << b for b in (PSR_DT, PSR_IT, PSR_RT, PSR_PK, PSR_AC)) | 3 << PSR_CPL


def rfi(m) -> None:
    """Return from interruption: PSR from IPSR (ri: the slot to resume at),
    ip from IIP, and the frame from IFS when IFS.v (SDM: rfi)."""
    st = m.state
    ctl, C, cr = st.ctl, st.CTL, st.cr
    ipsr = int(cr[CR_IPSR])
    ifs = int(cr[CR_IFS])
    if ifs >> 63:
        m.rse.restore_frame(ifs & ((1 << 38) - 1))
    target = int(cr[CR_IIP]) & ~0xF & M64
    ri = (ipsr >> PSR_RI) & 3
    bn = (ipsr >> PSR_BN) & 1
    switch_bank(st, bn)
    set_psr(m, ipsr & ~(3 << PSR_RI))
    ctl[C["ri"]] = 2 if ri == 3 else ri
    return target
