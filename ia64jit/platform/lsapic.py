"""The processor's local SAPIC and interval timer (SDM vol. 2, ch. 5.8 and 3.3.4).

State lives where the architecture puts it, in ``state.cr``: lid (64), tpr (66),
irr0-3 (68-71), itv (72), pmv (73), cmcv (74), lrr0/1 (80/81), itm (1).  The one
piece of LSAPIC state without a control register -- which vectors are *in
service* (acknowledged through cr.ivr, not yet retired through cr.eoi) -- is
``LSAPIC.in_service``.

Priorities (highest first): NMI (vector 2), ExtINT (vector 0), then vectors
255 down to 16.  Vectors 1 and 3-14 are reserved and never pended; 15 is the
spurious vector cr.ivr returns when nothing qualifies.  A pending vector is
*masked* when

* it is ExtINT or vectored and ``tpr.mmi`` = 1;
* it is vectored and its priority class (vector >> 4) <= ``tpr.mic``;
* an interrupt of equal or higher priority is in service (NMI: only an
  in-service NMI masks it; this is decided per vector, as Ski does).

``pending(psr)`` is what interrupts the CPU: the highest pending vector when
it is unmasked and ``psr.i`` = 1.  ``read_ivr()`` acknowledges it whatever psr.i.

Interval timer ("interrupt on match", polled): ITC *matches* ITM when ITM lies
in the half-open interval (previous ITC, current ITC], taken modulo 2**64,
where "previous ITC" is the ITC of the last ``timer_tick`` or of the last
write to cr.itm, whichever came later (the latter needs the ``itc`` callable;
without it, the last tick's).  So a match is raised exactly once as ITC moves
past ITM, and an ITM written at or behind the current ITC does not match until
ITC wraps, as on hardware (Linux re-programs ITM with that in mind).  Before
the first tick or ITM write only ITC == ITM matches.  With ``itv.m`` = 1 a
match is consumed without pending anything.
"""

from __future__ import annotations

from translator import faults
from translator.faults import GuestFault

M64 = (1 << 64) - 1

CR_ITM = 1
CR_LID, CR_IVR, CR_TPR, CR_EOI = 64, 65, 66, 67
CR_IRR0, CR_IRR3 = 68, 71
CR_ITV, CR_PMV, CR_CMCV = 72, 73, 74
CR_LRR0, CR_LRR1 = 80, 81

EXTINT_VECTOR = 0
NMI_VECTOR = 2
SPURIOUS_VECTOR = 15

TPR_MIC_SHIFT = 4
TPR_MMI = 1 << 16
VEC_M = 1 << 16                # the mask bit of itv/pmv/cmcv/lrr

# Writable bits of each register; a 1 elsewhere is a Reserved Register/Field fault.
_WRITABLE = {
    CR_LID: 0xFFFF << 16,                       # eid 23:16, id 31:24
    CR_TPR: 0xF << TPR_MIC_SHIFT | TPR_MMI,
    CR_ITV: 0xFF | VEC_M,
    CR_PMV: 0xFF | VEC_M,
    CR_CMCV: 0xFF | VEC_M,
    CR_LRR0: 0xFF | 7 << 8 | 1 << 13 | 1 << 15 | VEC_M,   # vector, dm, ipp, tm, m
    CR_LRR1: 0xFF | 7 << 8 | 1 << 13 | 1 << 15 | VEC_M,
    CR_ITM: M64,
}
LRR_DM_INT, LRR_DM_PMI, LRR_DM_NMI, LRR_DM_EXTINT = 0, 2, 4, 7

ISR_CODE_RESERVED_REGISTER = 0x30    # General Exception, ISR.code{7:4} = 3


def _priority(v: int) -> int:
    """Larger is more urgent: NMI above ExtINT above vectors 255..16."""
    if v == NMI_VECTOR:
        return 258
    if v == EXTINT_VECTOR:
        return 256
    return v


class LSAPIC:
    def __init__(self, state, reset: bool = True, itc=None):
        """``itc()``: the current ITC (read when cr.itm is written)."""
        self.state = state
        self.cr = state.cr
        self.itc = itc
        self.in_service: set[int] = set()
        self._last_itc = None
        if reset:
            self.reset()

    def reset(self):
        """Power-on values: every local vector masked, TPR masking all maskables."""
        cr = self.cr
        for n in range(CR_IRR0, CR_IRR3 + 1):
            cr[n] = 0
        cr[CR_TPR] = TPR_MMI
        cr[CR_ITV] = cr[CR_PMV] = cr[CR_CMCV] = VEC_M
        cr[CR_LRR0] = cr[CR_LRR1] = VEC_M
        cr[CR_IVR] = SPURIOUS_VECTOR
        cr[CR_EOI] = 0
        self.in_service.clear()
        self._last_itc = None

    # ------------------------------------------------------------ pending / IRR
    def raise_vector(self, v: int) -> bool:
        """Pend vector ``v`` in IRR.  0 = ExtINT, 2 = NMI; 1 and 3-15 are reserved
        and ignored (returns False)."""
        v &= 0xFF
        if v < 16 and v not in (EXTINT_VECTOR, NMI_VECTOR):
            return False
        self.cr[CR_IRR0 + (v >> 6)] = int(self.cr[CR_IRR0 + (v >> 6)]) | 1 << (v & 63)
        return True

    def _irr_bit(self, v: int) -> bool:
        return bool(int(self.cr[CR_IRR0 + (v >> 6)]) >> (v & 63) & 1)

    def _clear_irr(self, v: int) -> None:
        self.cr[CR_IRR0 + (v >> 6)] = int(self.cr[CR_IRR0 + (v >> 6)]) & ~(1 << (v & 63))

    def _highest_in_service(self) -> int:
        return max((_priority(v) for v in self.in_service), default=-1)

    def _masked(self, v: int) -> bool:
        tpr = int(self.cr[CR_TPR])
        if v == NMI_VECTOR:
            return NMI_VECTOR in self.in_service
        if tpr & TPR_MMI:
            return True
        if v != EXTINT_VECTOR and (v >> 4) <= (tpr >> TPR_MIC_SHIFT & 0xF):
            return True
        return self._highest_in_service() >= _priority(v)

    def _highest_unmasked(self):
        """The vector cr.ivr would return now, or None."""
        for v in (NMI_VECTOR, EXTINT_VECTOR):
            if self._irr_bit(v):
                return None if self._masked(v) else v
        for word in range(3, -1, -1):
            bits = int(self.cr[CR_IRR0 + word])
            if word == 0:
                bits &= ~0xFFFF           # vectors 0-15 handled above / reserved
            if bits:
                v = word * 64 + bits.bit_length() - 1
                return None if self._masked(v) else v
        return None

    def pending(self, psr: int):
        """The vector that interrupts the CPU now (psr.i = 1 and unmasked), or None."""
        if not (psr >> 14) & 1:
            return None
        return self._highest_unmasked()

    # ------------------------------------------------------------ IVR / EOI
    def read_ivr(self) -> int:
        """Acknowledge: the highest unmasked pending vector goes in service and
        leaves IRR; 15 (spurious) when none qualifies."""
        v = self._highest_unmasked()
        if v is None:
            self.cr[CR_IVR] = SPURIOUS_VECTOR
            return SPURIOUS_VECTOR
        self._clear_irr(v)
        self.in_service.add(v)
        self.cr[CR_IVR] = v
        return v

    def write_eoi(self) -> None:
        """Retire the highest-priority in-service vector (none: no effect)."""
        if self.in_service:
            self.in_service.remove(max(self.in_service, key=_priority))

    # ------------------------------------------------------------ mov to/from cr
    def _fault(self, code, isr, detail):
        ctl, C = self.state.ctl, self.state.CTL
        return GuestFault(code, int(ctl[C["ip"]]), int(ctl[C["ri"]]), detail=detail, isr=isr)

    def read_cr(self, n: int) -> int:
        """``mov rX = cr[n]`` for the LSAPIC registers and ITM.  Reading cr.ivr
        acknowledges (see ``read_ivr``); cr.eoi reads 0."""
        if n == CR_IVR:
            return self.read_ivr()
        if n == CR_EOI:
            return 0
        return int(self.cr[n])

    def write_cr(self, n: int, value: int) -> None:
        """``mov cr[n] = rX``.  IVR and IRR0-3 are read-only (Illegal Operation
        fault); a 1 in a reserved field is a Reserved Register/Field fault;
        any write to EOI retires the highest in-service vector."""
        value &= M64
        if n == CR_IVR or CR_IRR0 <= n <= CR_IRR3:
            raise self._fault(faults.ILLEGAL_OPERATION, 0, f"mov to read-only cr{n}")
        if n == CR_EOI:
            self.write_eoi()
            return
        writable = _WRITABLE.get(n)
        if writable is None:
            raise ValueError(f"cr{n} is not an LSAPIC register")
        if value & ~writable:
            raise self._fault(faults.RESERVED_REGISTER, ISR_CODE_RESERVED_REGISTER,
                              f"reserved field of cr{n}: {value:#x}")
        self.cr[n] = value
        if n == CR_ITM and self.itc is not None:
            self._last_itc = self.itc() & M64      # only ITC values after the write match

    # ------------------------------------------------------------ local lines
    def assert_lint(self, n: int) -> bool:
        """The local interrupt pin LINT0/1 fires: deliver as cr.lrr<n> says
        (masked: nothing).  PMI delivery is not modelled (returns False)."""
        lrr = int(self.cr[CR_LRR0 + n])
        if lrr & VEC_M:
            return False
        dm = lrr >> 8 & 7
        if dm == LRR_DM_INT:
            return self.raise_vector(lrr & 0xFF)
        if dm == LRR_DM_NMI:
            return self.raise_vector(NMI_VECTOR)
        if dm == LRR_DM_EXTINT:
            return self.raise_vector(EXTINT_VECTOR)
        return False

    # ------------------------------------------------------------ interval timer
    def timer_tick(self, itc: int) -> bool:
        """Poll the ITC/ITM match (see the module docstring).  Returns True when
        this call pended cr.itv's vector."""
        itc &= M64
        itm = int(self.cr[CR_ITM])
        last = self._last_itc
        self._last_itc = itc
        if last is None:
            matched = itc == itm
        else:
            span = (itc - last) & M64
            matched = span != 0 and 0 < ((itm - last) & M64) <= span
        if not matched:
            return False
        itv = int(self.cr[CR_ITV])
        if itv & VEC_M:
            return False
        return self.raise_vector(itv & 0xFF)

    def next_timer_itc(self, itc: int):
        """The ITC value at which the next timer interrupt can be pended (so a
        run under virtual time can stop exactly there), or None: masked, or
        ITM is behind ITC (no match before ITC wraps)."""
        if int(self.cr[CR_ITV]) & VEC_M:
            return None
        itc &= M64
        itm = int(self.cr[CR_ITM])
        last = self._last_itc
        if last is not None and last != itc and 0 < ((itm - last) & M64) <= ((itc - last) & M64):
            return itc                 # already due: the next tick raises it
        ahead = (itm - itc) & M64
        if ahead == 0:
            return None if last == itc else itc
        return itm if ahead < 1 << 63 else None
