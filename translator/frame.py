"""Register naming through the current frame: stacked and rotating registers.

Maps architectural register numbers to physical slots of the state buffer
(CFM.sof/sor, rrb.gr/fr/pr, the frame base ``bof``).  The interpreter and
the Python runtime use these functions; the IR emitter computes the same
mapping in IR and is tested against them.
"""

from __future__ import annotations

from . import faults


def gr_phys(ctl, c, n: int, n_stacked: int) -> int:
    """Physical index in ``stk`` of stacked register r``n`` (n >= 32).

    Raises GuestFault(ILLEGAL_OPERATION) above the current frame."""
    i = n - 32
    if i >= ctl[c["cfm_sof"]]:
        raise faults.GuestFault(faults.ILLEGAL_OPERATION, detail=f"r{n} is outside the frame")
    sor = ctl[c["cfm_sor"]] * 8
    if i < sor:
        i = (i + ctl[c["rrb_gr"]]) % sor
    return (ctl[c["bof"]] + i) % n_stacked


def pr_phys(ctl, c, n: int) -> int:
    if n < 16:
        return n
    return 16 + (n - 16 + ctl[c["rrb_pr"]]) % 48


def fr_phys(ctl, c, n: int) -> int:
    if n < 32:
        return n
    return 32 + (n - 32 + ctl[c["rrb_fr"]]) % 96


def cfm_pack(sof, sol, sor, rrb_gr, rrb_fr, rrb_pr) -> int:
    """CFM as the 38-bit architectural value (also the layout of PFS.pfm and IFS.ifm)."""
    return sof | sol << 7 | sor << 14 | rrb_gr << 18 | rrb_fr << 25 | rrb_pr << 32


def cfm_unpack(v: int) -> tuple:
    return (v & 0x7F, (v >> 7) & 0x7F, (v >> 14) & 0xF, (v >> 18) & 0x7F,
            (v >> 25) & 0x7F, (v >> 32) & 0x3F)
