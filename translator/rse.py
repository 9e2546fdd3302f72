"""The register stack engine (SDM vol. 2, ch. 6), in its lazy mode.

The physical stacked registers form a circular buffer of ``N`` registers.
The current frame starts at ``bof``.  Below it lie the *dirty* registers of
earlier frames, not yet spilled: exactly those whose backing-store slots lie
between ``ar.bspstore`` and ``ar.bsp``.  Spills happen only when a frame
would not fit (mandatory spills), fills only when a return needs registers
that were spilled (mandatory fills); every 64th doubleword of the backing
store (address bits 8:3 all ones) holds a NaT collection from ``ar.rnat``.

These routines are runtime helpers: both engines call them for ``alloc``,
``br.call``, ``br.ret``, ``cover``, ``flushrs``, ``loadrs`` and writes to
``ar.bspstore``.
"""

from __future__ import annotations

from . import faults
from .faults import GuestFault

M64 = (1 << 64) - 1
AR_RSC, AR_BSP, AR_BSPSTORE, AR_RNAT = 16, 17, 18, 19
AR_PFS, AR_LC, AR_EC = 64, 65, 66


def slot_of(addr: int) -> int:
    return (addr >> 3) & 0x3F


def skip_regs(addr: int, n: int) -> int:
    """Backing-store address ``n`` registers after (n < 0: before) ``addr``,
    stepping over NaT collection slots."""
    delta = slot_of(addr) + n
    if n < 0:
        delta -= 0x3E
    q = abs(delta) // 0x3F
    if delta < 0:
        q = -q
    return (addr + 8 * (n + q)) & M64


def regs_between(lo: int, hi: int) -> int:
    """Registers (not NaT slots) in the backing store between lo and hi."""
    return ((hi - lo) >> 3) - (((hi + 7) >> 9) - ((lo + 7) >> 9))


class RSE:
    """Operations on one CPU's register stack (``cpu.state``, ``cpu.mem``)."""

    def __init__(self, cpu):
        st = cpu.state
        self.cpu = cpu
        self.ctl, self.C = st.ctl, st.CTL
        self.ar = st.mv("ar")
        self.stk, self.stk_nat = st.mv("stk"), st.mv("stk_nat")
        self.n = st.N_STACKED

    # -- partitions
    def ndirty(self) -> int:
        return regs_between(self.ar[AR_BSPSTORE], self.ar[AR_BSP])

    def _spill_one(self):
        ar, ctl, C = self.ar, self.ctl, self.C
        addr = ar[AR_BSPSTORE]
        mem = self.cpu.mem
        if slot_of(addr) == 0x3F:
            self._store(addr, ar[AR_RNAT])
            addr += 8
        phys = (ctl[C["bof"]] - self.ndirty()) % self.n
        self._store(addr, self.stk[phys])
        bit = 1 << slot_of(addr)
        ar[AR_RNAT] = (ar[AR_RNAT] | bit) if self.stk_nat[phys] else (ar[AR_RNAT] & ~bit & M64)
        ar[AR_BSPSTORE] = (addr + 8) & M64
        del mem

    def _fill_one(self, frame_base_addr: int, frame_bof: int):
        """Fill the register just below bspstore; it belongs to the frame whose
        r32 lives at ``frame_base_addr`` / physical ``frame_bof``."""
        ar = self.ar
        addr = (ar[AR_BSPSTORE] - 8) & M64
        if slot_of(addr) == 0x3F:
            ar[AR_RNAT] = self._load(addr)
            addr = (addr - 8) & M64
        k = regs_between(frame_base_addr, addr)
        phys = (frame_bof + k) % self.n
        self.stk[phys] = self._load(addr)
        self.stk_nat[phys] = (ar[AR_RNAT] >> slot_of(addr)) & 1
        ar[AR_BSPSTORE] = addr

    def _store(self, addr, value):
        try:
            mem = self.cpu.mem
            (mem.rse_store if hasattr(mem, "rse_store") else mem.store)(addr, value, 8)
        except Exception as exc:
            if hasattr(exc, "addr"):
                raise GuestFault(faults.DATA_ACCESS, arg=addr,
                                 detail=f"RSE spill to {addr:#x}") from None
            raise

    def _load(self, addr):
        try:
            mem = self.cpu.mem
            return (mem.rse_load if hasattr(mem, "rse_load") else mem.load)(addr, 8)
        except Exception as exc:
            if hasattr(exc, "addr"):
                raise GuestFault(faults.DATA_ACCESS, arg=addr,
                                 detail=f"RSE fill from {addr:#x}") from None
            raise

    # -- frame operations
    def ret(self):
        """br.ret: restore CFM and EC from PFS, fill what the caller needs."""
        ctl, C, ar = self.ctl, self.C, self.ar
        pfs = ar[AR_PFS]
        pfm = pfs & ((1 << 38) - 1)
        sof, sol = pfm & 0x7F, (pfm >> 7) & 0x7F
        sor, rrb_gr = (pfm >> 14) & 0xF, (pfm >> 18) & 0x7F
        rrb_fr, rrb_pr = (pfm >> 25) & 0x7F, (pfm >> 32) & 0x3F
        if sol > sof or sof > 96 or sor * 8 > sof:
            # An invalid PFS is not a fault of br.ret: the frame becomes empty.
            sof = sol = sor = rrb_gr = rrb_fr = rrb_pr = 0
        new_bsp = skip_regs(ar[AR_BSP], -sol)
        new_bof = (ctl[C["bof"]] - sol) % self.n
        ar[AR_BSP] = new_bsp
        ar[AR_EC] = (pfs >> 52) & 0x3F
        ctl[C["bof"]] = new_bof
        ctl[C["cfm_sof"]], ctl[C["cfm_sol"]], ctl[C["cfm_sor"]] = sof, sol, sor
        ctl[C["rrb_gr"]], ctl[C["rrb_fr"]], ctl[C["rrb_pr"]] = rrb_gr, rrb_fr, rrb_pr
        # Mandatory fills: caller registers that were spilled.
        while ar[AR_BSPSTORE] > new_bsp and _signed_gt(ar[AR_BSPSTORE], new_bsp):
            self._fill_one(new_bsp, new_bof)

    def alloc(self, sof: int, sol: int, sor: int):
        """Resize the current frame (alloc), spilling as needed."""
        ctl, C = self.ctl, self.C
        if sof > 96 or sol > sof or sor * 8 > sof:
            raise GuestFault(faults.ILLEGAL_OPERATION, detail="alloc: bad frame size")
        if sor != ctl[C["cfm_sor"]] and (ctl[C["rrb_gr"]] or ctl[C["rrb_fr"]] or ctl[C["rrb_pr"]]):
            raise GuestFault(faults.RESERVED_REGISTER,
                             detail="alloc: rotating size change with non-zero rrb")
        while self.ndirty() + sof > self.n:
            self._spill_one()
        ctl[C["cfm_sof"]], ctl[C["cfm_sol"]], ctl[C["cfm_sor"]] = sof, sol, sor

    def cover(self):
        """cover: the current frame joins the dirty partition; with
        interruption collection off (psr.ic = 0) CFM is saved in cr.ifs
        with ifs.v set, as an interruption handler needs."""
        ctl, C, ar = self.ctl, self.C, self.ar
        if not (ctl[C["psr"]] >> 13) & 1:
            from .frame import cfm_pack
            cfm = cfm_pack(*(ctl[C[k]] for k in ("cfm_sof", "cfm_sol", "cfm_sor",
                                                  "rrb_gr", "rrb_fr", "rrb_pr")))
            self.cpu.state.cr[23] = cfm | 1 << 63
        sof = ctl[C["cfm_sof"]]
        ar[AR_BSP] = skip_regs(ar[AR_BSP], sof)
        ctl[C["bof"]] = (ctl[C["bof"]] + sof) % self.n
        for k in ("cfm_sof", "cfm_sol", "cfm_sor", "rrb_gr", "rrb_fr", "rrb_pr"):
            ctl[C[k]] = 0

    def restore_frame(self, ifm: int):
        """rfi with ifs.v: the frame described by ``ifm`` (CFM layout) becomes
        current again, its registers filled from the backing store when they
        were spilled (the inverse of cover)."""
        ctl, C, ar = self.ctl, self.C, self.ar
        sof, sol = ifm & 0x7F, (ifm >> 7) & 0x7F
        sor, rrb_gr = (ifm >> 14) & 0xF, (ifm >> 18) & 0x7F
        rrb_fr, rrb_pr = (ifm >> 25) & 0x7F, (ifm >> 32) & 0x3F
        if sol > sof or sof > 96 or sor * 8 > sof:
            raise GuestFault(faults.RESERVED_REGISTER, detail="rfi: invalid frame in cr.ifs")
        new_bsp = skip_regs(ar[AR_BSP], -sof)
        new_bof = (ctl[C["bof"]] - sof) % self.n
        ar[AR_BSP] = new_bsp
        ctl[C["bof"]] = new_bof
        ctl[C["cfm_sof"]], ctl[C["cfm_sol"]], ctl[C["cfm_sor"]] = sof, sol, sor
        ctl[C["rrb_gr"]], ctl[C["rrb_fr"]], ctl[C["rrb_pr"]] = rrb_gr, rrb_fr, rrb_pr
        while _signed_gt(ar[AR_BSPSTORE], new_bsp):
            self._fill_one(new_bsp, new_bof)

    def flushrs(self):
        while self.ndirty() > 0:
            self._spill_one()
        if slot_of(self.ar[AR_BSPSTORE]) == 0x3F:
            # The architecture stores the collection once the group is complete.
            self._store(self.ar[AR_BSPSTORE], self.ar[AR_RNAT])
            self.ar[AR_BSPSTORE] = (self.ar[AR_BSPSTORE] + 8) & M64

    def loadrs(self):
        ctl, C, ar = self.ctl, self.C, self.ar
        if ctl[C["cfm_sof"]] != 0:
            raise GuestFault(faults.ILLEGAL_OPERATION, detail="loadrs with a non-empty frame")
        want = (ar[AR_BSP] - ((ar[AR_RSC] >> 16) & 0x3FFF)) & M64
        if _signed_gt(want, ar[AR_BSPSTORE]):
            ar[AR_BSPSTORE] = want      # dirty registers beyond loadrs are discarded
            return
        while _signed_gt(ar[AR_BSPSTORE], want):
            self._fill_one(ar[AR_BSP], ctl[C["bof"]])

    def write_bspstore(self, value: int):
        ar = self.ar
        value &= ~7 & M64
        nd = self.ndirty()
        ar[AR_BSPSTORE] = value
        ar[AR_BSP] = skip_regs(value, nd)


def _signed_gt(a: int, b: int) -> bool:
    """a > b for addresses that never straddle the top of the space."""
    return a > b


# ---------------------------------------------------------------- the common case, as semantics
#
# Calls, returns and allocs that need no spill or fill are pure arithmetic on
# the frame; written against the emitter, so the interpreter and compiled code
# share them.  Anything else goes to the RSE class above through a runtime
# call, which does the whole operation.

def _e_skip_forward(e, addr, n):
    slot = e.and_(e.lshr(addr, 3), e.const(0x3F))
    q = e.udiv(e.add(slot, n), e.const(0x3F))
    return e.add(addr, e.shl(e.add(n, q), 3))


def _e_skip_back(e, addr, n):
    slot = e.and_(e.lshr(addr, 3), e.const(0x3F))
    q = e.udiv(e.sub(e.add(n, e.const(0x3E)), slot), e.const(0x3F))
    return e.sub(addr, e.shl(e.add(n, q), 3))


def _e_regs_between(e, lo, hi):
    nat = e.sub(e.lshr(e.add(hi, e.const(7)), 9), e.lshr(e.add(lo, e.const(7)), 9))
    return e.sub(e.lshr(e.sub(hi, lo), 3), nat)


_FRAME = ("cfm_sof", "cfm_sol", "cfm_sor", "rrb_gr", "rrb_fr", "rrb_pr")


def e_call(e):
    """br.call: PFS <- (CFM, EC, cpl); the caller's locals become dirty and
    its outputs start the new frame (never needs a spill)."""
    sof, sol, sor, rrb_gr, rrb_fr, rrb_pr = (e.read_state(k) for k in _FRAME)
    cfm = e.or_(e.or_(e.or_(sof, e.shl(sol, 7)), e.or_(e.shl(sor, 14), e.shl(rrb_gr, 18))),
                e.or_(e.shl(rrb_fr, 25), e.shl(rrb_pr, 32)))
    cpl = e.and_(e.lshr(e.read_state("psr"), 32), e.const(3))
    ec = e.and_(e.read_ar(AR_EC), e.const(0x3F))
    e.write_ar(AR_PFS, e.or_(cfm, e.or_(e.shl(ec, 52), e.shl(cpl, 62))))
    e.write_ar(AR_BSP, _e_skip_forward(e, e.read_ar(AR_BSP), sol))
    e.write_state("bof", e.urem(e.add(e.read_state("bof"), sol), e.const(e.n_stacked)))
    e.write_state("cfm_sof", e.sub(sof, sol))
    for k in _FRAME[1:]:
        e.write_state(k, e.const(0))
    e.end_block()


def e_return(e):
    """br.ret: CFM and EC from PFS; caller registers that were spilled need
    the runtime (mandatory fills), as does an invalid PFS."""
    pfs = e.read_ar(AR_PFS)
    f = [e.and_(e.lshr(pfs, sh), e.const(m)) for sh, m in
         ((0, 0x7F), (7, 0x7F), (14, 0xF), (18, 0x7F), (25, 0x7F), (32, 0x3F))]
    sof, sol, sor = f[0], f[1], f[2]
    valid = e.land(e.land(e.ule(sol, sof), e.ule(sof, e.const(96))),
                   e.ule(e.shl(sor, 3), sof))
    bsp = e.read_ar(AR_BSP)
    new_bsp = _e_skip_back(e, bsp, sol)
    fast = e.land(valid, e.ule(e.read_ar(AR_BSPSTORE), new_bsp))
    e.write_ar(AR_BSP, e.select(fast, new_bsp, bsp))
    ec = e.read_ar(AR_EC)
    e.write_ar(AR_EC, e.select(fast, e.and_(e.lshr(pfs, 52), e.const(0x3F)), ec))
    bof = e.read_state("bof")
    new_bof = e.urem(e.sub(e.add(bof, e.const(e.n_stacked)), sol), e.const(e.n_stacked))
    e.write_state("bof", e.select(fast, new_bof, bof))
    for k, v in zip(_FRAME, f):
        e.write_state(k, e.select(fast, v, e.read_state(k)))
    e.helper_if(e.lnot(fast), "rse_return")
    e.end_block()


def e_alloc(e, sof, sol, sor):
    """alloc: a new frame size; the runtime spills when it does not fit
    (and raises the faults of a bad size or a rotation change)."""
    if sof > 96 or sol > sof or sor * 8 > sof:
        e.helper("rse_alloc", sof, sol, sor)     # raises the architectural fault
        return
    ndirty = _e_regs_between(e, e.read_ar(AR_BSPSTORE), e.read_ar(AR_BSP))
    fits = e.ule(e.add(ndirty, e.const(sof)), e.const(e.n_stacked))
    cur_sor = e.read_state("cfm_sor")
    rrb_any = e.ne(e.or_(e.or_(e.read_state("rrb_gr"), e.read_state("rrb_fr")),
                         e.read_state("rrb_pr")), e.const(0))
    rot_ok = e.lnot(e.land(e.ne(cur_sor, e.const(sor)), rrb_any))
    fast = e.land(fits, rot_ok)
    for k, v in (("cfm_sof", sof), ("cfm_sol", sol), ("cfm_sor", sor)):
        e.write_state(k, e.select(fast, e.const(v), e.read_state(k)))
    e.helper_if(e.lnot(fast), "rse_alloc", sof, sol, sor)
    e.end_block()
