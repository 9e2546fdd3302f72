"""IA-64 address translation: the TLBs and the translation of every reference.

Owns the instruction and data translation registers (8 + 8) and translation
caches (128 + 128, round-robin replacement), the search and fault rules of
SDM vol. 2 ch. 4 ("Addressing and Protection"): physical addressing, region
ids, the hardware VHPT walker (``ia64jit/vhpt.py`` holds the formats and
hashes), protection keys, the access-rights table, dirty/access bits, and the
deferral of speculative-load faults.  Faults are raised as
``translator.faults.GuestFault`` carrying the ISR/IFA/ITIR/IHA values the
vector writes; delivery (ia64jit/interrupts.py) adds ISR.ei/ni.

``translate`` runs on every guest memory access of a system machine, so its
successful results are cached per 4 KB page in ``_cache`` (keyed by page,
access kind and ar.rsc.pl, one dict per combination of the PSR bits that
matter); every change that can alter a translation clears it and calls the
``on_change`` callbacks (the JIT's soft-TLB and code lookup listen).
"""

from __future__ import annotations

from translator import faults as F
from translator.faults import GuestFault
from ia64jit import vhpt as V
from ia64jit.vhpt import TlbEntry, thash as _thash, ttag as _ttag, unimplemented_va, unimplemented_pa

READ, WRITE, EXEC = 1, 2, 4          # access kind bits
NA, SPEC, RSE = 8, 16, 32            # non-access, speculative, RSE reference
# Non-access kinds: ISR.code{3:0}, carried in access bits 8-10 (NA_TPA is 0).
NA_TPA, NA_FC, NA_PROBE, NA_TAK, NA_LFETCH, NA_PROBE_FAULT = range(6)
FC = READ | NA | (NA_FC << 8)                  # fc / fc.i: translation faults only (ISR.r = 1)
LFETCH_FAULT = READ | NA | (NA_LFETCH << 8)    # lfetch.fault (plain lfetch never faults)
MA_WB, MA_UC, MA_UCE, MA_WC, MA_NATPAGE = 0, 4, 5, 6, 7

# PSR bits translation depends on.
PSR_IC, PSR_IA = 1 << 13, 1 << 45
PSR_PK, PSR_DT, PSR_RT = 1 << 15, 1 << 17, 1 << 27
PSR_CPL_SHIFT = 32
PSR_IT, PSR_DA = 1 << 36, 1 << 38
_MODE_MASK = PSR_PK | PSR_DT | PSR_RT | (3 << PSR_CPL_SHIFT) | PSR_IT | PSR_DA | PSR_IA
# DCR bits that let a speculative load defer a fault (with ITLB.ed = 1).
DCR_DM, DCR_DP, DCR_DK, DCR_DX, DCR_DR, DCR_DA = (1 << b for b in range(8, 14))
CR_DCR, CR_PTA, AR_RSC = 0, 8, 16

I_SIDE, D_SIDE = 0, 1
_SIDE = {"i": I_SIDE, "d": D_SIDE}
_SIDE_NAME = ("i", "d")
assert _MODE_MASK == 0x0000205308028000
_CACHE_LIMIT = 8192                  # result-cache entries per mode before it is dropped


def _rights(ar: int, pl: int, cpl: int) -> int:
    """READ/WRITE/EXEC allowed by a page's (ar, pl) at privilege ``cpl``
    (SDM vol. 2, Table 4-4 "Page Access Rights").  ar 7 is execute-only at
    every level (the promotion page of epc) and readable at level 0."""
    if ar == 7:
        return EXEC | (READ if cpl == 0 else 0)
    if cpl > pl:
        return 0
    if ar < 4:
        return READ | (EXEC if ar & 1 else 0) | (WRITE if ar & 2 else 0)
    if ar == 4:              # read-only at the page's own level (unless 0), read-write above it
        return READ | (WRITE if cpl < pl or cpl == 0 else 0)
    if ar == 5:              # read-execute, and write at level 0
        return READ | EXEC | (WRITE if cpl == 0 else 0)
    return READ | WRITE | (EXEC if cpl == pl and cpl != 0 else 0)    # ar 6


RIGHTS = tuple(tuple(tuple(_rights(ar, pl, cpl) for cpl in range(4)) for pl in range(4))
               for ar in range(8))


def _reserved(detail):
    # ISR.code of the General Exception is the delivery's (it knows the vector's codes).
    return GuestFault(F.RESERVED_REGISTER, detail=detail)


class MMU:
    N_ITR = N_DTR = 8
    N_ITC = N_DTC = 128
    N_TR, N_TC = 8, 128

    def __init__(self, state, read_phys):
        from ia64jit.state import CTL
        self.state = state
        self.read_phys = read_phys
        self._ctl = state.ctl
        self._psr_i = getattr(state, "CTL", CTL)["psr"]
        self._ip_i = getattr(state, "CTL", CTL)["ip"]
        self._rr, self._pkr = state.mv("rr"), state.mv("pkr")
        self._cr, self._ar = state.mv("cr"), state.mv("ar")
        self.on_change = []
        # Listeners that take the changed range too: fn(sides, va, ps), va None = all.
        self.on_range_change = []
        self.misses = 0              # slow-path translations (hits are not counted: they must stay cheap)
        # A walker fill that evicts a TC entry (round robin) notifies on_change when True.
        # Keeping an evicted translation cached elsewhere is architecturally a larger TC
        # (only purges must remove translations), so a JIT may set this False.
        self.notify_evictions = True
        self._mode = -1
        self.reset()

    # ================================================================ state
    def reset(self):
        """Power-on: every TR and TC entry invalid."""
        self._tr = [[None] * self.N_TR, [None] * self.N_TR]
        self._tc = [[None] * self.N_TC, [None] * self.N_TC]
        self._trx = [{}, {}]          # (rid, ps, va{60:ps}) -> entry
        self._tr_ps = [(), ()]        # page sizes present among the TRs of a side
        self._tcx = [{}, {}]
        self._tc_ps = [{}, {}]        # ps -> number of TC entries of that size
        self._tc_psl = [(), ()]
        self._tc_next = [0, 0]        # round-robin replacement pointer
        self._changed("id")

    def flush(self):
        """Drop cached results (call after writing state.rr/pkr/cr directly,
        e.g. when restoring a snapshot)."""
        self._changed("id")

    def _changed(self, sides, va=None, ps=None):
        """Translations of ``sides`` changed -- only within [va, va + 2**ps)
        of the current region's rid when va is given (listeners may then
        drop just that range)."""
        self._cache = {}
        self._caches = {self._mode: self._cache}
        for fn in self.on_change:
            fn(sides)
        for fn in self.on_range_change:
            fn(sides, va, ps)

    def _changed_quietly(self):
        self._cache = {}
        self._caches = {self._mode: self._cache}

    def _select(self, mode):
        self._caches[self._mode] = self._cache
        c = self._caches.get(mode)
        if c is None:
            c = self._caches[mode] = {}
        self._cache, self._mode = c, mode

    # ================================================================ translate
    def translate(self, va, access, size=1):
        """(pa, ma) of a reference, or GuestFault.  For SPEC references a
        deferred fault returns ma = MA_NATPAGE (the load's target gets NaT),
        as a NaT page does; UC/UCE handling of ld.s is the caller's."""
        # Literal constants: this is the hit path (_MODE_MASK, RSE, ar.rsc.pl at key bits 14-15).
        mode = self._ctl[self._psr_i] & 0x0000205308028000
        if mode != self._mode:
            self._select(mode)
        if access & 32:
            hit = self._cache.get(((va >> 12) << 16) | access | ((self._ar[16] & 0xC) << 12))
        else:
            hit = self._cache.get(((va >> 12) << 16) | access)
        if hit is not None:
            return hit[0] | (va & 0xFFF), hit[1]
        key = ((va >> 12) << 16) | access
        if access & RSE:
            key |= (self._ar[AR_RSC] & 0xC) << 12
        return self._translate(va, access, key)

    def _store(self, key, pa, ma):
        c = self._cache
        if len(c) >= _CACHE_LIMIT:
            c.clear()
        c[key] = (pa & ~0xFFF, ma)

    def _translate(self, va, access, key):
        self.misses += 1
        psr = self._ctl[self._psr_i]
        if access & EXEC:
            virtual = psr & PSR_IT
        elif access & RSE:
            virtual = psr & PSR_RT
        else:
            virtual = psr & PSR_DT
        if not virtual:
            if unimplemented_pa(va):
                if access & SPEC:
                    return 0, MA_NATPAGE
                code = F.UNIMPLEMENTED_INSTRUCTION_ADDRESS if access & EXEC else \
                    F.UNIMPLEMENTED_DATA_ADDRESS
                raise self._fault(code, va, access, psr, None, None, "unimplemented physical address")
            pa, ma = va & ((1 << 63) - 1), (MA_UC if va >> 63 else MA_WB)
            self._store(key, pa, ma)
            return pa, ma
        ex = access & EXEC
        side = I_SIDE if ex else D_SIDE
        rr = self._rr[va >> 61]
        if unimplemented_va(va):
            if access & SPEC:
                return 0, MA_NATPAGE
            code = F.UNIMPLEMENTED_INSTRUCTION_ADDRESS if ex else F.UNIMPLEMENTED_DATA_ADDRESS
            raise self._fault(code, va, access, psr, None, None, "unimplemented virtual address")
        e = self._lookup(side, va, (rr >> 8) & 0xFFFFFF)
        if e is None:
            e = self._miss(va, access, side, rr, psr, walker=psr & PSR_DT)
            if e is None:
                return 0, MA_NATPAGE          # deferred TLB miss of a speculative load
        return self._check(e, va, access, psr, rr, key)

    def _check(self, e, va, access, psr, rr, key):
        """The checks after a translation is found, in the SDM's priority order."""
        ex = access & EXEC
        spec = access & SPEC
        nacode = (access >> 8) & 7 if access & NA else -1
        itir = rr & 0xFFFFFFFC                 # default translation info: key = rr.rid, ps = rr.ps
        deferred = False
        if not e.p:
            if spec and self._deferrable(psr, DCR_DP):
                return 0, MA_NATPAGE            # precludes every lower-priority fault
            raise self._fault(F.IPAGE_NOT_PRESENT if ex else F.DPAGE_NOT_PRESENT, va, access, psr,
                              itir, None, "page not present")
        if e.ma == MA_NATPAGE and not spec:
            raise self._fault(F.NAT_PAGE_CONSUMPTION, va, access, psr, itir, None, "NaT page",
                              isr_code=0x20)
        if nacode == NA_TPA or nacode == NA_FC:
            # tlb_translate_nonaccess: no key, rights or dirty/access-bit checks
            return e.ppn | (va & e.mask), e.ma
        if psr & PSR_PK:
            pkr = self._find_pkr(e.key)
            if pkr is None:
                if spec and self._deferrable(psr, DCR_DK):
                    deferred = True
                else:
                    raise self._fault(F.IKEY_MISS if ex else F.DKEY_MISS, va, access, psr, itir,
                                      None, f"key {e.key:#x} not in the PKRs")
            elif (ex and pkr & 8) or (access & READ and pkr & 4) or (access & WRITE and pkr & 2):
                if spec and self._deferrable(psr, DCR_DX):
                    deferred = True
                else:
                    raise self._fault(F.IKEY_PERMISSION if ex else F.DKEY_PERMISSION, va, access,
                                      psr, itir, None, f"key {e.key:#x} disables the access")
        pl = (self._ar[AR_RSC] >> 2) & 3 if access & RSE else (psr >> PSR_CPL_SHIFT) & 3
        need = access & 7
        if need & ~RIGHTS[e.ar][e.pl][pl]:
            if spec and self._deferrable(psr, DCR_DR):
                deferred = True
            else:
                raise self._fault(F.IACCESS_RIGHTS if ex else F.DACCESS_RIGHTS, va, access, psr,
                                  itir, None, f"ar={e.ar} pl={e.pl} at level {pl}")
        if access & WRITE and not e.d and not psr & PSR_DA:
            raise self._fault(F.DIRTY_BIT, va, access, psr, itir, None, "dirty bit 0")
        if not e.a and not psr & (PSR_IA if ex else PSR_DA):
            if spec and self._deferrable(psr, DCR_DA):
                deferred = True
            else:
                raise self._fault(F.IACCESS_BIT if ex else F.DACCESS_BIT, va, access, psr,
                                  itir, None, "access bit 0")
        pa = e.ppn | (va & e.mask)
        if deferred:
            return pa, MA_NATPAGE
        self._store(key, pa, e.ma)
        return pa, e.ma

    # ================================================================ misses and the walker
    def _miss(self, va, access, side, rr, psr, walker):
        """A TLB miss: walk the VHPT (inserting what it finds) or raise the
        miss fault.  Returns the entry, or None for a deferred speculative miss."""
        ex = side == I_SIDE
        pta = self._cr[CR_PTA]
        if not (walker and pta & V.PTA_VE and rr & 1 and (not ex or psr & PSR_IC)):
            return self._miss_fault(F.ALT_ITLB if ex else F.ALT_DTLB, va, access, psr,
                                    rr & 0xFFFFFFFC, None, "walker disabled")
        status, iha, pte, itir = self._walk(va, rr, psr, pta)
        if status == 0:
            e, purged, evicted = self._insert_tc(side, va, itir, pte, (rr >> 8) & 0xFFFFFF)
            if purged or (evicted and self.notify_evictions):
                self._changed(_SIDE_NAME[side])
            elif evicted:
                self._changed_quietly()
            return e
        if status == 1:       # the walker's own reference missed: ITIR describes the VHPT address
            return self._miss_fault(F.VHPT_ITRANSLATION if ex else F.VHPT_DTRANSLATION, va, access,
                                    psr, self._rr[iha >> 61] & 0xFFFFFFFC, iha,
                                    f"VHPT entry {iha:#x} not mapped")
        return self._miss_fault(F.ITLB if ex else F.DTLB, va, access, psr, rr & 0xFFFFFFFC, iha,
                                "no VHPT entry")

    def _miss_fault(self, code, va, access, psr, itir, iha, detail):
        if not access & EXEC:
            if access & SPEC and self._deferrable(psr, DCR_DM):
                return None
            if not psr & PSR_IC:     # nothing is collected: the handler finds the address itself
                raise GuestFault(F.DATA_NESTED_TLB, isr=self._isr(access, psr),
                                 detail=f"{detail}, psr.ic = 0, va {va:#x}")
        raise self._fault(code, va, access, psr, itir, iha, detail)

    def _walk(self, va, rr, psr, pta):
        return V.walk(va, rr, pta, lambda iha: self._walker_reference(iha, psr), self.read_phys)

    def _walker_reference(self, iha, psr):
        """Physical address of the walker's read of ``iha`` through the DTLB only:
        None when no translation (VHPT Translation fault), False when the page
        cannot be used (the walk aborts).  The reference needs a present,
        cacheable (WB), accessed page whose key allows reading; it is made at
        privilege 0, so no access-rights check."""
        vrr = self._rr[iha >> 61]
        ve = self._lookup(D_SIDE, iha, (vrr >> 8) & 0xFFFFFF)
        if ve is None:
            return None
        if not ve.p or ve.ma != MA_WB or not ve.a:
            return False
        if psr & PSR_PK:
            pkr = self._find_pkr(ve.key)
            if pkr is None or pkr & 4:
                return False
        return ve.ppn | (iha & ve.mask)

    # ================================================================ helpers
    def _lookup(self, side, va, rid):
        off = va & V.VA_OFFSET_MASK
        trx = self._trx[side]
        for ps in self._tr_ps[side]:
            e = trx.get((rid, ps, off >> ps))
            if e is not None:
                return e
        tcx = self._tcx[side]
        for ps in self._tc_psl[side]:
            e = tcx.get((rid, ps, off >> ps))
            if e is not None:
                return e
        return None

    def _find_pkr(self, key):
        """The valid PKR holding ``key`` (its value), or None."""
        for v in self._pkr:
            if v & 1 and (v >> 8) & 0xFFFFFF == key:
                return v
        return None

    def _code_ed(self, psr):
        """ITLB.ed of the page holding the current instruction (0 with psr.it = 0)."""
        if not psr & PSR_IT:
            return 0
        ip = self._ctl[self._ip_i]
        e = self._lookup(I_SIDE, ip, (self._rr[ip >> 61] >> 8) & 0xFFFFFF)
        return e.ed if e is not None else 0

    def _deferrable(self, psr, dcr_bit):
        """A speculative load's fault is deferred when psr.ic = 0, or when the
        code page's ed bit and the fault's DCR bit are both 1 (SDM 5.5.5)."""
        return not psr & PSR_IC or bool(self._code_ed(psr) and self._cr[CR_DCR] & dcr_bit)

    def _isr(self, access, psr, code=0):
        isr = code
        if access & EXEC:
            isr |= F.ISR_X
        if access & READ:
            isr |= F.ISR_R
        if access & WRITE:
            isr |= F.ISR_W
        if access & NA:
            isr |= F.ISR_NA | ((access >> 8) & 0xF)
        if access & SPEC:
            isr |= F.ISR_SP | (F.ISR_ED if self._code_ed(psr) else 0)
        if access & RSE:
            isr |= F.ISR_RS
        return isr

    def _fault(self, fcode, va, access, psr, itir, iha, detail, isr_code=0):
        """The GuestFault of a reference: ISR from the access kind, IFA = va."""
        isr = self._isr(access, psr, isr_code)
        return GuestFault(fcode, isr=isr, ifa=va, itir=itir, iha=iha, detail=f"{detail}, va {va:#x}")

    # ================================================================ TLB insertion and purges
    def _check_insert(self, ifa, itir, pte):
        if V.insertion_is_reserved(pte, itir):
            raise _reserved(f"reserved field in insertion pte={pte:#x} itir={itir:#x}")
        if unimplemented_va(ifa):
            raise GuestFault(F.UNIMPLEMENTED_DATA_ADDRESS, detail=f"insertion at {ifa:#x}")

    def _index_tc(self, e, add):
        side, k = e.side, (e.rid, e.ps, e.off >> e.ps)
        counts = self._tc_ps[side]
        if add:
            self._tcx[side][k] = e
            if e.ps in counts:
                counts[e.ps] += 1
            else:
                counts[e.ps] = 1
                self._tc_psl[side] = tuple(sorted(counts))
        else:
            if self._tcx[side].get(k) is e:
                del self._tcx[side][k]
            counts[e.ps] -= 1
            if not counts[e.ps]:
                del counts[e.ps]
                self._tc_psl[side] = tuple(sorted(counts))

    def _purge_tc(self, side, rid, off, ps):
        """Remove the TC entries of ``side`` overlapping [off, off + 2**ps) in ``rid``
        (through the index: an entry at least as large as the range is the one
        holding ``off``; smaller ones are probed page by page or scanned)."""
        tcx = self._tcx[side]
        victims = []
        for eps in self._tc_psl[side]:
            if eps >= ps:
                e = tcx.get((rid, eps, off >> eps))
                if e is not None:
                    victims.append(e)
            elif ps - eps <= 6:
                base = off >> eps
                for j in range(1 << (ps - eps)):
                    e = tcx.get((rid, eps, base + j))
                    if e is not None:
                        victims.append(e)
            else:
                victims.extend(e for e in tcx.values() if e.ps == eps and e.overlaps(rid, off, ps))
        tc = self._tc[side]
        for e in victims:
            tc[e.slot] = None
            self._index_tc(e, False)
        return bool(victims)

    def _insert_tc(self, side, ifa, itir, pte, rid):
        """Insert into the TC of ``side`` after purging overlapping entries
        there; round-robin replacement.  -> (entry, overlaps purged, entry evicted)."""
        slot = self._tc_next[side]
        e = TlbEntry(ifa, itir, pte, rid, False, slot, side)
        purged = self._purge_tc(side, rid, e.off, e.ps)
        tc = self._tc[side]
        old = tc[slot]
        if old is not None:
            self._index_tc(old, False)
        tc[slot] = e
        self._index_tc(e, True)
        self._tc_next[side] = (slot + 1) % self.N_TC
        return e, purged, old is not None

    def _reindex_tr(self, side):
        trx = self._trx[side] = {}
        pss = set()
        for e in self._tr[side]:
            if e is not None:
                trx.setdefault((e.rid, e.ps, e.off >> e.ps), e)
                pss.add(e.ps)
        self._tr_ps[side] = tuple(sorted(pss))

    def _rid(self, va):
        return (self._rr[va >> 61] >> 8) & 0xFFFFFF

    def itc(self, side, ifa, itir, pte):
        """itc.i / itc.d (cr.ifa, cr.itir, GR[r2])."""
        self._check_insert(ifa, itir, pte)
        s = _SIDE[side]
        self._insert_tc(s, ifa, itir, pte, self._rid(ifa))
        self._changed(side, ifa, (itir >> 2) & 0x3F)

    def itr(self, side, slot, ifa, itir, pte):
        """itr.i / itr.d into TR ``slot``; overlapping TC entries of that side go."""
        s = _SIDE[side]
        if not 0 <= slot < self.N_TR:
            raise _reserved(f"TR slot {slot} (there are {self.N_TR})")
        self._check_insert(ifa, itir, pte)
        rid = self._rid(ifa)
        e = TlbEntry(ifa, itir, pte, rid, True, slot, s)
        self._purge_tc(s, rid, e.off, e.ps)
        self._tr[s][slot] = e
        self._reindex_tr(s)
        self._changed(side, ifa, e.ps)

    @staticmethod
    def _purge_ps(ps):
        # Purging more than asked is allowed for the TC; 4K is the smallest unit.
        return min(max(ps, 12), 61)

    def ptc_l(self, va, ps):
        """ptc.l / ptc.g / ptc.ga on this CPU: TC entries of both sides that overlap
        [va, va + 2**ps) in rr[va{63:61}].rid.  ``ps`` is GR[r2]{7:2}."""
        if unimplemented_va(va):
            raise GuestFault(F.UNIMPLEMENTED_DATA_ADDRESS, detail=f"ptc at {va:#x}", ifa=va)
        ps = self._purge_ps(ps)
        rid = self._rid(va)
        for s in (I_SIDE, D_SIDE):
            self._purge_tc(s, rid, va & V.VA_OFFSET_MASK & ~((1 << ps) - 1), ps)
        self._changed("id", va, ps)

    def ptc_e(self, addr):
        """ptc.e: our PAL_PTCE_INFO is one iteration, so one ptc.e empties both TCs."""
        for s in (I_SIDE, D_SIDE):
            self._tc[s] = [None] * self.N_TC
            self._tcx[s] = {}
            self._tc_ps[s] = {}
            self._tc_psl[s] = ()
        self._changed("id")

    def ptr(self, side, va, ps):
        """ptr.i / ptr.d: TRs and TC entries of ``side`` overlapping [va, va + 2**ps)."""
        if unimplemented_va(va):
            raise GuestFault(F.UNIMPLEMENTED_DATA_ADDRESS, detail=f"ptr at {va:#x}", ifa=va)
        s = _SIDE[side]
        ps = self._purge_ps(ps)
        rid, off = self._rid(va), va & V.VA_OFFSET_MASK & ~((1 << ps) - 1)
        trs = self._tr[s]
        for i, e in enumerate(trs):
            if e is not None and e.overlaps(rid, off, ps):
                trs[i] = None
        self._reindex_tr(s)
        self._purge_tc(s, rid, off, ps)
        self._changed(side, va, ps)

    # ================================================================ region and key registers
    def set_rr(self, index, value):
        """mov rr[r3] = r2: ve{0}, ps{7:2}, rid{31:8}; bit 1 and 63:32 reserved."""
        value &= V.MASK64
        if value & (2 | (V.MASK64 & ~0xFFFFFFFF)):
            raise _reserved(f"reserved bits in rr value {value:#x}")
        if (value >> 2) & 0x3F not in V.PAGE_SIZES:
            raise _reserved(f"unsupported rr.ps {(value >> 2) & 0x3F}")
        self._rr[index & 7] = value
        self._changed("id")

    def set_pkr(self, index, value):
        """mov pkr[r3] = r2: v{0}, wd{1}, rd{2}, xd{3}, key{31:8}; 7:4 and 63:32 reserved.
        Writing a valid key invalidates any other valid PKR with the same key."""
        value &= V.MASK64
        if not 0 <= index < 16:
            raise _reserved(f"pkr index {index}")
        if value & (0xF0 | (V.MASK64 & ~0xFFFFFFFF)):
            raise _reserved(f"reserved bits in pkr value {value:#x}")
        if value & 1:
            key = (value >> 8) & 0xFFFFFF
            for i in range(16):
                v = self._pkr[i]
                if i != index and v & 1 and (v >> 8) & 0xFFFFFF == key:
                    self._pkr[i] = v & ~1
        self._pkr[index] = value
        self._changed("id")

    # ================================================================ non-access instructions
    def thash(self, va):
        return _thash(va, self._rr[va >> 61], self._cr[CR_PTA])

    def ttag(self, va):
        return _ttag(va, self._rr[va >> 61])

    def _na_entry(self, va, access):
        """The data translation a non-access instruction uses: DTLB, then the walker
        when psr.dt = 1 (the address is virtual whatever psr.dt says); TLB miss
        faults as for a data reference."""
        psr = self._ctl[self._psr_i]
        rr = self._rr[va >> 61]
        e = self._lookup(D_SIDE, va, (rr >> 8) & 0xFFFFFF)
        if e is None:
            e = self._miss(va, access, D_SIDE, rr, psr, walker=psr & PSR_DT)
        return e, psr, rr

    def tpa(self, va):
        """tpa: the physical address of a virtual address (TLB miss, Page Not Present,
        NaT Page Consumption faults; no key, rights or a/d checks)."""
        access = NA | (NA_TPA << 8)
        if unimplemented_va(va):
            raise self._fault(F.UNIMPLEMENTED_DATA_ADDRESS, va, access, self._ctl[self._psr_i],
                              None, None, "tpa of an unimplemented address")
        e, psr, rr = self._na_entry(va, access)
        return self._check(e, va, access, psr, rr, None)[0]

    def tak(self, va):
        """tak: the protection key (in bits 31:8) of the present data translation
        of ``va``, or 1.  Never faults; the walker is consulted (psr.dt = 1)
        without inserting anything."""
        if unimplemented_va(va):
            return 1
        psr = self._ctl[self._psr_i]
        rr = self._rr[va >> 61]
        e = self._lookup(D_SIDE, va, (rr >> 8) & 0xFFFFFF)
        if e is not None:
            return e.key << 8 if e.p else 1
        pta = self._cr[CR_PTA]
        if psr & PSR_DT and pta & V.PTA_VE and rr & 1:
            status, _, pte, itir = self._walk(va, rr, psr, pta)
            if status == 0:
                return itir & 0xFFFFFF00
        return 1

    def probe(self, va, pl, write):
        """probe.r / probe.w (regular form) at privilege max(pl, cpl): True when the
        access would be allowed.  TLB miss, Page Not Present, NaT Page Consumption
        and Key Miss faults are raised; a key permission or access-rights failure
        answers False, as does an unimplemented address."""
        psr = self._ctl[self._psr_i]
        pl = max(pl & 3, (psr >> PSR_CPL_SHIFT) & 3)
        access = (WRITE if write else READ) | NA | (NA_PROBE << 8)
        if unimplemented_va(va):
            return False
        e, psr, rr = self._na_entry(va, access)
        itir = rr & 0xFFFFFFFC
        if not e.p:
            raise self._fault(F.DPAGE_NOT_PRESENT, va, access, psr, itir, None, "probe: not present")
        if e.ma == MA_NATPAGE:
            raise self._fault(F.NAT_PAGE_CONSUMPTION, va, access, psr, itir, None, "probe: NaT page",
                              isr_code=0x20)
        if psr & PSR_PK:
            pkr = self._find_pkr(e.key)
            if pkr is None:
                raise self._fault(F.DKEY_MISS, va, access, psr, itir, None, "probe: key miss")
            if pkr & (2 if write else 4):
                return False
        return not (WRITE if write else READ) & ~RIGHTS[e.ar][e.pl][pl]

    # ================================================================ inspection
    def exec_info(self, va):
        """(ar, pl, ed) of the instruction translation of ``va`` with no faults and
        no walk, or None: for epc (promotion when ar = 7 and pl < cpl) and ISR.ed."""
        e = self._lookup(I_SIDE, va, self._rid(va))
        return None if e is None else (e.ar, e.pl, e.ed)

    def entries(self, side):
        """TRs then TCs of ``side`` ("i" or "d") as dicts (valid entries only)."""
        s = _SIDE[side]
        return [e.as_dict() for e in self._tr[s] + self._tc[s] if e is not None]
