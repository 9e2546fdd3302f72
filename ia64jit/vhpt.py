"""The virtual hash page table (VHPT): hash and tag functions, entry formats.

Owns what the architecture defines about translation formats and the VHPT
apart from the TLB arrays themselves (SDM vol. 2, 4.1.1-4.1.7): the model's
address-space parameters, the translation insertion format (GR value + ITIR)
with its reserved-field rules and its decoded form (``TlbEntry``), the
short-format (region-based, linear) hash, this implementation's long-format
hash and tag (implementation-specific; ours are documented below and are what
``thash``/``ttag`` return), and the walk over the table in physical memory.
``ia64jit/mmu.py`` owns the TLBs, the searches and the faults.
"""

from __future__ import annotations

# ---------------------------------------------------------------- model parameters
IMPL_VA_MSB = 50                 # implemented virtual address bits per region: 50:0
IMPL_PA_BITS = 50                # implemented physical address bits: 49:0
RID_BITS = KEY_BITS = 24
PAGE_SIZES = (12, 13, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32)   # 4K .. 4G, insertable and purgeable
PAGE_SIZE_MASK = sum(1 << ps for ps in PAGE_SIZES)              # PAL_VM_PAGE_SIZE's bit vector

MASK64 = (1 << 64) - 1
VA_OFFSET_MASK = (1 << 61) - 1   # va{60:0}: the part of an address a TLB entry matches
IMPL_VA_MASK = (1 << (IMPL_VA_MSB + 1)) - 1
PPN_MASK = ((1 << IMPL_PA_BITS) - 1) & ~0xFFF     # pte.ppn: GR{49:12}

# ---------------------------------------------------------------- PTE / ITIR fields
# Translation insertion format (GR[r] of itc/itr, short-format VHPT entry, +0 of long format):
#   0 p | 1 rv | 4:2 ma | 5 a | 6 d | 8:7 pl | 11:9 ar | 49:12 ppn | 51:50 rv | 52 ed | 63:53 ig
PTE_P, PTE_A, PTE_D, PTE_ED = 1, 1 << 5, 1 << 6, 1 << 52
PTE_RESERVED = (1 << 1) | (3 << 50)
# ITIR: 1:0 rv | 7:2 ps | 31:8 key | 63:32 rv
ITIR_RESERVED_ALWAYS = 3
ITIR_RESERVED_PRESENT = MASK64 & ~((1 << 32) - 1)
VALID_MA = frozenset((0, 4, 5, 6, 7))         # WB, UC, UCE, WC, NaTPage; 1-3 are reserved

# PTA: 0 ve | 1 rv | 7:2 size | 8 vf | 14:9 rv | 63:15 base
PTA_VE, PTA_VF = 1, 1 << 8
PTA_BASE_MASK = VA_OFFSET_MASK & ~((1 << 15) - 1)        # PTA{60:15}: what the hash uses


def insertion_is_reserved(pte: int, itir: int) -> bool:
    """True when an insertion (itc/itr/walker) has a reserved field set or an
    unsupported page size.  A not-present entry (p = 0) leaves everything
    but itir.ps and itir{1:0} to software (SDM: "ignored"), as Ski does."""
    if itir & ITIR_RESERVED_ALWAYS or ((itir >> 2) & 0x3F) not in PAGE_SIZES:
        return True
    if pte & PTE_P:
        if pte & PTE_RESERVED or itir & ITIR_RESERVED_PRESENT:
            return True
        if (pte >> 2) & 7 not in VALID_MA:
            return True
    return False


def unimplemented_va(va: int) -> bool:
    """va{60:51} must all equal va{50} (the implemented VA space of each region
    is two halves, at the bottom and top of the region)."""
    top = (va >> IMPL_VA_MSB) & ((1 << (61 - IMPL_VA_MSB)) - 1)
    return top != 0 and top != (1 << (61 - IMPL_VA_MSB)) - 1


def unimplemented_pa(addr: int) -> bool:
    """Physical addressing: bits 62:50 must be 0 (bit 63 is the UC attribute)."""
    return bool((addr & ((1 << 63) - 1)) >> IMPL_PA_BITS)


class TlbEntry:
    """One TR or TC entry: the insertion format decoded, tagged with its rid.
    ``side`` is 0 for the instruction TLB, 1 for the data TLB."""

    __slots__ = ("va", "off", "ps", "mask", "rid", "pte", "itir", "key", "p", "ma", "a", "d",
                 "pl", "ar", "ed", "ppn", "tr", "slot", "side")

    def __init__(self, ifa, itir, pte, rid, tr, slot, side):
        self.ps = ps = (itir >> 2) & 0x3F
        self.mask = mask = (1 << ps) - 1
        self.va = ifa & ~mask
        self.off = self.va & VA_OFFSET_MASK      # what matches: va{60:ps}, not the region bits
        self.rid, self.pte, self.itir = rid, pte, itir
        self.key = (itir >> 8) & 0xFFFFFF
        self.p = pte & 1
        self.ma = (pte >> 2) & 7
        self.a, self.d = (pte >> 5) & 1, (pte >> 6) & 1
        self.pl, self.ar = (pte >> 7) & 3, (pte >> 9) & 7
        self.ed = (pte >> 52) & 1
        self.ppn = pte & PPN_MASK & ~mask
        self.tr, self.slot, self.side = tr, slot, side

    def overlaps(self, rid, off, ps):
        m = max(ps, self.ps)
        return self.rid == rid and (self.off >> m) == (off >> m)

    def as_dict(self):
        return {"va": self.va, "ps": self.ps, "rid": self.rid, "pte": self.pte, "itir": self.itir,
                "key": self.key, "ppn": self.ppn, "p": self.p, "ma": self.ma, "a": self.a,
                "d": self.d, "pl": self.pl, "ar": self.ar, "ed": self.ed,
                "tr": bool(self.tr), "tc": not self.tr, "slot": self.slot,
                "side": "id"[self.side]}


# ---------------------------------------------------------------- hash and tag
def thash(va: int, rr: int, pta: int) -> int:
    """VHPT entry address for ``va`` (rr = rr[va{63:61}], pta = cr.pta).

    Short format (pta.vf = 0, SDM 4.1.5.3): hpn = va{50:0} >> rr.ps,
    offset = hpn * 8, region bits from va; bits 60:15 come from pta.base where
    the table-size mask (2**pta.size - 1) is 0 and from the offset where it is 1.
    Long format (pta.vf = 1, implementation-specific): offset = (hpn ^ rr.rid) * 32,
    region bits from pta{63:61} (the long-format VHPT is one table)."""
    ps = (rr >> 2) & 0x3F
    hpn = (va & IMPL_VA_MASK) >> ps
    if pta & PTA_VF:
        offset = (hpn ^ ((rr >> 8) & 0xFFFFFF)) << 5
        region = pta & ~VA_OFFSET_MASK & MASK64
    else:
        offset = hpn << 3
        region = va & ~VA_OFFSET_MASK & MASK64
    mask = ((1 << ((pta >> 2) & 0x3F)) - 1) & PTA_BASE_MASK
    return region | (pta & PTA_BASE_MASK & ~mask) | (offset & mask) | (offset & 0x7FFF)


def ttag(va: int, rr: int) -> int:
    """Long-format translation tag (implementation-specific): rid{23:0} in bits
    62:39 above hpn = va{50:0} >> rr.ps (at most 39 bits with ps >= 12), so the
    tag alone identifies (rid, vpn) and its ti bit (63) is always 0."""
    ps = (rr >> 2) & 0x3F
    return (((rr >> 8) & 0xFFFFFF) << 39) | ((va & IMPL_VA_MASK) >> ps)


TI_BIT = 1 << 63


def walk(va: int, rr: int, pta: int, reference, read_phys):
    """The hardware VHPT walk for ``va``: -> (status, iha, pte, itir) with status
    0 found (pte/itir to insert into the TC), 1 the walker's own reference
    missed the DTLB (VHPT Translation fault), 2 aborted or no matching present
    entry (Instruction/Data TLB fault).  ``reference(iha)`` is the physical
    address of the table entry, None on a DTLB miss, False when that page
    cannot be used."""
    iha = thash(va, rr, pta)
    if unimplemented_va(iha):
        return 2, iha, 0, 0
    pa = reference(iha)
    if pa is None:
        return 1, iha, 0, 0
    if pa is False:
        return 2, iha, 0, 0
    long_format = bool(pta & PTA_VF)
    ent = read_entry(read_phys, pa, long_format, rr)
    if ent is None:
        return 2, iha, 0, 0
    pte, itir, tag = ent
    if long_format and tag != ttag(va, rr):       # a set ti bit never matches
        return 2, iha, 0, 0
    if not pte & PTE_P or insertion_is_reserved(pte, itir):
        return 2, iha, 0, 0
    return 0, iha, pte, itir


def read_entry(read_phys, pa: int, long_format: bool, rr: int):
    """One VHPT entry at physical ``pa`` -> (pte, itir, tag) or None when it
    cannot be read.  Short format: itir is the region's (ps = rr.ps,
    key = rr.rid) and tag is None.  Long format: +0 pte, +8 itir, +16 tag."""
    try:
        pte = read_phys(pa, 8)
        if not long_format:
            return pte, (rr & 0xFC) | (rr & 0xFFFFFF00), None
        return pte, read_phys(pa + 8, 8), read_phys(pa + 16, 8)
    except Exception:          # an unbacked address aborts the walk (brief: any exception)
        return None
