"""Runtime helpers: named routines semantics call through ``e.helper``.

Each is ``fn(cpu, *args) -> int | None``.  The interpreter calls them
directly; compiled code calls them back through the backend (or a native
version where one exists).  They are part of the one semantic source.
"""

from __future__ import annotations

from .rse import RSE


def rse_return(cpu):
    cpu.rse.ret()


def rotate_regs(cpu):
    ctl, C = cpu.state.ctl, cpu.state.CTL
    sor = ctl[C["cfm_sor"]] * 8
    if sor:
        ctl[C["rrb_gr"]] = (ctl[C["rrb_gr"]] - 1) % sor
    ctl[C["rrb_fr"]] = (ctl[C["rrb_fr"]] - 1) % 96
    ctl[C["rrb_pr"]] = (ctl[C["rrb_pr"]] - 1) % 48


def rse_alloc(cpu, sof, sol, sor):
    cpu.rse.alloc(sof, sol, sor)


def clrrrb(cpu, pr_only):
    ctl, C = cpu.state.ctl, cpu.state.CTL
    ctl[C["rrb_pr"]] = 0
    if not pr_only:
        ctl[C["rrb_gr"]] = ctl[C["rrb_fr"]] = 0


def read_itc(cpu):
    """ITC: the platform's time source (virtual time: the instruction count)."""
    clock = getattr(cpu, "itc", None)
    if clock is not None:
        return clock()
    ctl, C = cpu.state.ctl, cpu.state.CTL
    return (ctl[C["icount"]] + ctl[C["icount_pending"]] + int(cpu.state.ar[44])) & ((1 << 64) - 1)


def write_itc(cpu, v):
    ctl, C = cpu.state.ctl, cpu.state.CTL
    now = ctl[C["icount"]] + ctl[C["icount_pending"]]
    cpu.state.ar[44] = (v - now) & ((1 << 64) - 1)   # kept as an offset


def data_fault(cpu, code, addr, isr):
    """Raise a data-reference fault that needs its runtime address (IFA)."""
    from .faults import GuestFault, NAMES
    raise GuestFault(code, arg=addr, ifa=addr, isr=isr,
                     detail=f"{NAMES.get(code, code)} at {addr:#x}")


PSR_AC = 1 << 3


def check_alignment(cpu, addr, size, isr):
    """psr.ac = 1: a data reference at an address that is not a multiple of
    its size takes an Unaligned Data Reference fault, before the access
    itself can fault (with psr.ac = 0 it is performed).  Both engines do
    this inside ``load``/``store``: the interpreter before the access,
    compiled code in its runtime slow path (a misaligned address never
    hits the soft-TLB), so a load or store's fast path has no test for
    it.  ``isr``: ISR_R or ISR_W."""
    if addr & (size - 1) and int(cpu.state.ctl[cpu.state.CTL["psr"]]) & PSR_AC:
        from .faults import UNALIGNED_REFERENCE
        data_fault(cpu, UNALIGNED_REFERENCE, addr, isr)


def demote(cpu, ppl, target):
    """br.ret to a lower privilege: psr.cpl <- ppl (a system machine also
    redoes its translations and takes the Lower-Privilege Transfer trap when
    psr.lp is set; see ia64jit/sysops.py)."""
    ctl, C = cpu.state.ctl, cpu.state.CTL
    ctl[C["psr"]] = (ctl[C["psr"]] & ~(3 << 32)) | (ppl & 3) << 32


PSR_DB, PSR_ID, PSR_DD = 1 << 24, 1 << 37, 1 << 39
_MASK56 = (1 << 56) - 1


def _debug_match(regs, addr, cpl, access_bit):
    """Any enabled pair of debug registers (address, mask/plm/r/w/x) that
    matches ``addr`` at privilege ``cpl`` for the access bit (SDM vol. 2
    7.1: mask applies to bits 55:0, bits 63:56 always compare)."""
    for k in range(0, len(regs), 2):
        ctl_word = int(regs[k + 1])
        if not ctl_word & access_bit or not (ctl_word >> (56 + cpl)) & 1:
            continue
        mask = (ctl_word & _MASK56) | ~_MASK56 & ((1 << 64) - 1)
        if not (addr ^ int(regs[k])) & mask:
            return True
    return False


def debug_fetch(cpu, ip, slot=0):
    """Instruction Debug fault (psr.db, not psr.id) when an IBR pair matches
    the bundle at ip (raised at that bundle and slot: IIP = IFA = ip)."""
    ctl, C = cpu.state.ctl, cpu.state.CTL
    psr = ctl[C["psr"]]
    if psr & PSR_DB and not psr & PSR_ID and \
            _debug_match(cpu.state.ibr, ip, (psr >> 32) & 3, 1 << 63):
        from .faults import GuestFault, IDEBUG, ISR_X
        raise GuestFault(IDEBUG, ip, slot, ifa=ip, isr=ISR_X, detail=f"ibr match at {ip:#x}")


def debug_data(cpu, addr, write):
    """Data Debug fault (psr.db, not psr.dd) when a DBR pair matches."""
    ctl, C = cpu.state.ctl, cpu.state.CTL
    psr = ctl[C["psr"]]
    if psr & PSR_DB and not psr & PSR_DD and \
            _debug_match(cpu.state.dbr, addr, (psr >> 32) & 3, 1 << 62 if write else 1 << 63):
        from .faults import DDEBUG, GuestFault, ISR_R, ISR_W
        raise GuestFault(DDEBUG, ifa=addr, isr=ISR_W if write else ISR_R,
                         detail=f"dbr match at {addr:#x}")


def clear_one_shot(cpu, bits):
    """psr.id/da/dd/ia/ed end with the instruction they were set for."""
    ctl, C = cpu.state.ctl, cpu.state.CTL
    ctl[C["psr"]] = ctl[C["psr"]] & ~bits


def fc_translate(cpu, addr, kind):
    """fc / lfetch.fault on a flat machine: nothing to translate."""
    return 0


HELPERS = {
    "data_fault": data_fault,
    "clear_one_shot": clear_one_shot,
    "fc_translate": fc_translate,
    "demote": demote,
    "clrrrb": clrrrb,
    "read_itc": read_itc,
    "write_itc": write_itc,
    "rse_return": rse_return,
    "rotate_regs": rotate_regs,
    "rse_alloc": rse_alloc,
    "flushrs": lambda cpu: cpu.rse.flushrs(),
    "loadrs": lambda cpu: cpu.rse.loadrs(),
    "cover": lambda cpu: cpu.rse.cover(),
    "write_bspstore": lambda cpu, v: cpu.rse.write_bspstore(v),
}


# Helpers that change the frame, the RSE or the rotation: compiled code ends
# its block after the instruction that calls one (register mappings change).
# The system helpers that switch banks, restore frames or change what may
# interrupt end theirs too (interruptions are taken between blocks).
BLOCK_ENDING = frozenset({"rse_return", "rotate_regs", "rse_alloc", "flushrs",
                          "loadrs", "cover", "write_bspstore", "clrrrb",
                          "rfi", "bsw", "epc", "psr_write", "cr_write"})

# Helpers that always raise a fault (compiled code leaves after them
# without testing for one).
RAISING = frozenset({"data_fault"})

# Helpers that neither fault, nor look at the time, nor touch registers a
# block caches: compiled code calls them without publishing its
# instruction count, writing back or re-reading ARs, or testing for a fault.
PLAIN = frozenset({"alat_store", "fp_psr_mark"})


def attach(cpu) -> dict:
    """Give ``cpu`` its RSE and return the helper table for it."""
    cpu.rse = RSE(cpu)
    return dict(HELPERS)
