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


def demote(cpu, ppl, target):
    """br.ret to a lower privilege: psr.cpl <- ppl (a system machine also
    redoes its translations and takes the Lower-Privilege Transfer trap when
    psr.lp is set; see ia64jit/sysops.py)."""
    ctl, C = cpu.state.ctl, cpu.state.CTL
    ctl[C["psr"]] = (ctl[C["psr"]] & ~(3 << 32)) | (ppl & 3) << 32


HELPERS = {
    "data_fault": data_fault,
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


def attach(cpu) -> dict:
    """Give ``cpu`` its RSE and return the helper table for it."""
    cpu.rse = RSE(cpu)
    return dict(HELPERS)
