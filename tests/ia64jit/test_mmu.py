"""The IA-64 MMU (ia64jit/mmu.py, ia64jit/vhpt.py) against the SDM vol. 2 ch. 4 rules."""

import pytest
from hypothesis import given, settings, strategies as st

from ia64jit.state import CPUState, CTL
from ia64jit import vhpt
from ia64jit.mmu import (MMU, READ, WRITE, EXEC, NA, SPEC, RSE, FC, LFETCH_FAULT, MA_WB, MA_UC,
                         MA_NATPAGE, PSR_IC, PSR_IA, PSR_PK, PSR_DT, PSR_RT, PSR_IT, PSR_DA,
                         DCR_DM, DCR_DK, DCR_DR)
from translator import faults as F
from translator.faults import GuestFault

VIRT = PSR_DT | PSR_IT | PSR_RT | PSR_IC
RID0 = 0x100          # rr[n].rid = RID0 + n
RR_PS = 14


def pte(ppn, ar=3, pl=0, ma=0, a=1, d=1, p=1, ed=0):
    return p | (ma << 2) | (a << 5) | (d << 6) | (pl << 7) | (ar << 9) | ppn | (ed << 52)


def itir(ps, key=0):
    return (ps << 2) | (key << 8)


class Rig:
    """A CPU state, a dict-backed physical memory and the MMU under test."""

    def __init__(self, psr=VIRT, ve=0):
        self.st = CPUState()
        self.st.CTL = CTL
        self.mem = {}
        self.calls = []
        self.mmu = MMU(self.st, self.read_phys)
        self.mmu.on_change.append(self.calls.append)
        for n in range(8):
            self.mmu.set_rr(n, ((RID0 + n) << 8) | (RR_PS << 2) | ve)
        self.psr = psr

    def read_phys(self, pa, size):
        assert size == 8
        return self.mem[pa]            # KeyError: unbacked -> the walk fails

    @property
    def psr(self):
        return self.st.ctl[CTL["psr"]]

    @psr.setter
    def psr(self, v):
        self.st.ctl[CTL["psr"]] = v

    def cpl(self, n):
        self.psr = (self.psr & ~(3 << 32)) | (n << 32)

    def rr(self, n):
        return int(self.st.rr[n])

    def fault(self, va, access, code):
        with pytest.raises(GuestFault) as ei:
            self.mmu.translate(va, access)
        assert ei.value.code == code, ei.value
        return ei.value


def default_itir(rig, va):
    return ((RID0 + (va >> 61)) << 8) | (RR_PS << 2)


# ---------------------------------------------------------------- physical mode
def test_physical_mode_identity_and_bit63_uncacheable():
    r = Rig(psr=PSR_IC)
    assert r.mmu.translate(0x1234, READ) == (0x1234, MA_WB)
    assert r.mmu.translate(0x8000000000001234, WRITE) == (0x1234, MA_UC)
    assert r.mmu.translate((1 << 50) - 1, EXEC) == ((1 << 50) - 1, MA_WB)
    f = r.fault(1 << 50, READ, F.UNIMPLEMENTED_DATA_ADDRESS)
    assert f.ifa == 1 << 50 and f.isr & F.ISR_R
    r.fault((1 << 62) | 0x1000, WRITE, F.UNIMPLEMENTED_DATA_ADDRESS)
    # bit 63 does not excuse the other unimplemented bits
    r.fault((1 << 63) | (1 << 55), READ, F.UNIMPLEMENTED_DATA_ADDRESS)


def test_each_reference_kind_uses_its_own_psr_bit():
    r = Rig(psr=PSR_IC | PSR_DT)          # data virtual, fetch and RSE physical
    assert r.mmu.translate(0x5000, EXEC) == (0x5000, MA_WB)
    assert r.mmu.translate(0x5000, RSE | WRITE) == (0x5000, MA_WB)
    r.fault(0x5000, READ, F.ALT_DTLB)
    r.psr = PSR_IC | PSR_IT
    r.fault(0x5000, EXEC, F.ALT_ITLB)
    assert r.mmu.translate(0x5000, READ) == (0x5000, MA_WB)
    r.psr = PSR_IC | PSR_RT
    r.fault(0x5000, RSE | READ, F.ALT_DTLB)


# ---------------------------------------------------------------- hits
@pytest.mark.parametrize("ps", vhpt.PAGE_SIZES)
@pytest.mark.parametrize("tr", [False, True])
def test_hits_for_every_page_size(ps, tr):
    r = Rig()
    size = 1 << ps
    va = (2 << 61) | (size * 3)
    ppn = (size * 5) & vhpt.PPN_MASK
    if tr:
        r.mmu.itr("d", 2, va + 0x123, itir(ps), pte(ppn))
    else:
        r.mmu.itc("d", va + 0x123, itir(ps), pte(ppn))
    for off in (0, 0x123, size // 2 + 8, size - 1):
        assert r.mmu.translate(va + off, READ) == (ppn + off, MA_WB)
    r.fault(va + size, READ, F.ALT_DTLB)
    r.fault(va - 1, READ, F.ALT_DTLB)
    r.fault(va, EXEC, F.ALT_ITLB)                 # the other side is separate
    [e] = r.mmu.entries("d")
    assert (e["va"], e["ps"], e["rid"], e["tr"], e["tc"]) == (va, ps, RID0 + 2, tr, not tr)
    assert e["slot"] == (2 if tr else 0)


@settings(max_examples=200, deadline=None)
@given(ps=st.sampled_from(vhpt.PAGE_SIZES), region=st.integers(0, 7),
       page=st.integers(0, 1 << 20), ppage=st.integers(0, 1 << 16), data=st.data())
def test_translate_within_inserted_pages(ps, region, page, ppage, data):
    r = Rig()
    size = 1 << ps
    va = (region << 61) | ((page * size) & vhpt.IMPL_VA_MASK >> 1)
    ppn = (ppage * size) & vhpt.PPN_MASK
    side = data.draw(st.sampled_from("id"))
    r.mmu.itc(side, va, itir(ps), pte(ppn, ma=data.draw(st.sampled_from([0, 4, 5, 6]))))
    ma = r.mmu.entries(side)[0]["ma"]
    for _ in range(3):
        off = data.draw(st.integers(0, size - 1))
        assert r.mmu.translate(va + off, EXEC if side == "i" else READ) == (ppn + off, ma)


def test_rid_mismatch_misses_and_region_bits_do_not_match():
    r = Rig()
    r.mmu.itc("d", 0x4000, itir(14), pte(0x80000))
    assert r.mmu.translate(0x4010, READ)[0] == 0x80010
    r.mmu.set_rr(0, (0x999 << 8) | (RR_PS << 2))
    f = r.fault(0x4010, READ, F.ALT_DTLB)
    assert f.itir == (0x999 << 8) | (RR_PS << 2)
    # a region whose rr holds the entry's rid finds it: the match is (rid, va{60:ps})
    r.mmu.set_rr(5, (RID0 << 8) | (RR_PS << 2))
    assert r.mmu.translate((5 << 61) | 0x4010, READ)[0] == 0x80010
    r.mmu.set_rr(0, (RID0 << 8) | (RR_PS << 2))
    assert r.mmu.translate(0x4010, READ)[0] == 0x80010


# ---------------------------------------------------------------- fault kinds
def test_alternate_tlb_faults_write_ifa_itir_not_iha():
    r = Rig()
    va = (3 << 61) | 0x12345678
    f = r.fault(va, READ, F.ALT_DTLB)
    assert (f.ifa, f.itir, f.iha) == (va, default_itir(r, va), None)
    assert f.isr == F.ISR_R
    f = r.fault(va, WRITE | READ, F.ALT_DTLB)
    assert f.isr == F.ISR_R | F.ISR_W
    f = r.fault(va & ~0xF, EXEC, F.ALT_ITLB)
    assert (f.isr, f.ifa, f.iha) == (F.ISR_X, va & ~0xF, None)
    f = r.fault(va, RSE | WRITE, F.ALT_DTLB)
    assert f.isr == F.ISR_W | F.ISR_RS
    f = r.fault(va, FC, F.ALT_DTLB)
    assert f.isr == F.ISR_R | F.ISR_NA | 1
    f = r.fault(va, LFETCH_FAULT, F.ALT_DTLB)
    assert f.isr == F.ISR_R | F.ISR_NA | 4


def test_walker_off_by_pta_or_rr_gives_alternate_fault():
    r = Rig(ve=1)
    r.st.cr[8] = (1 << 40) | (15 << 2)            # pta.ve = 0
    r.fault(0x4000, READ, F.ALT_DTLB)
    r = Rig(ve=0)
    r.st.cr[8] = (1 << 40) | (15 << 2) | 1         # rr.ve = 0
    r.fault(0x4000, READ, F.ALT_DTLB)


def test_data_nested_tlb_with_psr_ic_0_collects_nothing():
    r = Rig(psr=VIRT & ~PSR_IC)
    f = r.fault(0x4000, WRITE, F.DATA_NESTED_TLB)
    assert (f.ifa, f.itir, f.iha) == (None, None, None)
    assert f.isr & F.ISR_W
    # an instruction miss has no nested variant
    r.fault(0x4000, EXEC, F.ALT_ITLB)


def test_unimplemented_virtual_address():
    r = Rig()
    va = 1 << 51                                   # va{60:51} != sign of va{50}
    f = r.fault(va, READ, F.UNIMPLEMENTED_DATA_ADDRESS)
    assert f.ifa == va
    # the top half of a region is implemented: bits 60:50 all ones
    top = (1 << 61) - 0x1000
    r.mmu.itc("d", top, itir(12), pte(0x7000))
    assert r.mmu.translate(top + 4, READ) == (0x7004, MA_WB)
    assert r.mmu.translate(va, READ | SPEC) == (0, MA_NATPAGE)   # deferred always


def page_with(r, va=0x4000, side="d", **kw):
    r.mmu.itc(side, va, itir(12, kw.pop("key", 0)), pte(0x9000, **kw))


@pytest.mark.parametrize("access,code", [(READ, F.DPAGE_NOT_PRESENT), (EXEC, F.IPAGE_NOT_PRESENT)])
def test_page_not_present(access, code):
    r = Rig()
    page_with(r, side="i" if access == EXEC else "d", p=0)
    f = r.fault(0x4008, access, code)
    assert (f.ifa, f.itir, f.iha) == (0x4008, default_itir(r, 0x4008), None)


def test_nat_page_consumption_and_speculative_nat_page():
    r = Rig()
    page_with(r, ma=MA_NATPAGE)
    f = r.fault(0x4008, READ, F.NAT_PAGE_CONSUMPTION)
    assert f.isr == 0x20 | F.ISR_R and f.ifa == 0x4008
    f = r.fault(0x4008, WRITE, F.NAT_PAGE_CONSUMPTION)
    assert f.isr == 0x20 | F.ISR_W
    assert r.mmu.translate(0x4008, READ | SPEC) == (0x9008, MA_NATPAGE)
    page_with(r, side="i", ma=MA_NATPAGE)
    f = r.fault(0x4000, EXEC, F.NAT_PAGE_CONSUMPTION)
    assert f.isr == 0x20 | F.ISR_X


def test_keys_miss_permission_and_valid_bit():
    r = Rig(psr=VIRT | PSR_PK)
    page_with(r, key=0x42)
    page_with(r, side="i", key=0x42)
    f = r.fault(0x4000, READ, F.DKEY_MISS)
    assert f.itir == default_itir(r, 0x4000)
    r.fault(0x4000, EXEC, F.IKEY_MISS)
    r.mmu.set_pkr(3, (0x42 << 8) | 0)             # present but not valid: still a miss
    r.fault(0x4000, READ, F.DKEY_MISS)
    r.mmu.set_pkr(3, (0x42 << 8) | 1)
    assert r.mmu.translate(0x4000, READ)[0] == 0x9000
    assert r.mmu.translate(0x4000, WRITE)[0] == 0x9000
    assert r.mmu.translate(0x4000, EXEC)[0] == 0x9000
    r.mmu.set_pkr(3, (0x42 << 8) | 1 | 2)          # wd
    assert r.mmu.translate(0x4000, READ)[0] == 0x9000
    assert r.fault(0x4000, WRITE, F.DKEY_PERMISSION).isr == F.ISR_W
    r.fault(0x4000, READ | WRITE, F.DKEY_PERMISSION)
    r.mmu.set_pkr(3, (0x42 << 8) | 1 | 4)          # rd
    r.fault(0x4000, READ, F.DKEY_PERMISSION)
    assert r.mmu.translate(0x4000, WRITE)[0] == 0x9000
    r.mmu.set_pkr(3, (0x42 << 8) | 1 | 8)          # xd
    r.fault(0x4000, EXEC, F.IKEY_PERMISSION)
    assert r.mmu.translate(0x4000, READ)[0] == 0x9000
    r.psr = VIRT                                   # psr.pk = 0: keys not checked
    r.mmu.set_pkr(3, 0)
    assert r.mmu.translate(0x4000, READ)[0] == 0x9000
    # fc does not check keys (tlb_translate_nonaccess)
    r.psr = VIRT | PSR_PK
    assert r.mmu.translate(0x4000, FC)[0] == 0x9000


def test_fc_checks_only_translation_faults():
    r = Rig(psr=VIRT | (3 << 32))
    page_with(r, ar=0, pl=0, a=0, d=0)               # no rights at level 3, a = d = 0
    assert r.mmu.translate(0x4010, FC) == (0x9010, MA_WB)
    r.fault(0x4010, READ, F.DACCESS_RIGHTS)
    page_with(r, p=0)
    assert r.fault(0x4010, FC, F.DPAGE_NOT_PRESENT).isr == F.ISR_R | F.ISR_NA | 1
    page_with(r, ma=MA_NATPAGE)
    assert r.fault(0x4010, FC, F.NAT_PAGE_CONSUMPTION).isr == 0x20 | F.ISR_R | F.ISR_NA | 1


def test_writing_a_valid_key_invalidates_its_duplicates():
    r = Rig()
    r.mmu.set_pkr(1, (0x42 << 8) | 1)
    r.mmu.set_pkr(2, (0x43 << 8) | 1)
    r.mmu.set_pkr(5, (0x42 << 8) | 1 | 4)
    assert [int(v) for v in r.st.pkr[:6]] == [0, 0x4200, 0x4301, 0, 0, 0x4205]


def test_dirty_and_access_bits_and_their_psr_disables():
    r = Rig()
    page_with(r, d=0)
    assert r.mmu.translate(0x4000, READ)[0] == 0x9000
    f = r.fault(0x4000, WRITE, F.DIRTY_BIT)
    assert f.isr == F.ISR_W and f.itir == default_itir(r, 0x4000)
    r.fault(0x4000, READ | WRITE, F.DIRTY_BIT)
    r.fault(0x4000, RSE | WRITE, F.DIRTY_BIT)
    page_with(r, a=0)
    r.fault(0x4000, READ, F.DACCESS_BIT)
    page_with(r, side="i", a=0)
    r.fault(0x4000, EXEC, F.IACCESS_BIT)
    r.psr = VIRT | PSR_DA
    assert r.mmu.translate(0x4000, READ)[0] == 0x9000
    r.fault(0x4000, EXEC, F.IACCESS_BIT)
    r.psr = VIRT | PSR_IA
    assert r.mmu.translate(0x4000, EXEC)[0] == 0x9000
    r.fault(0x4000, READ, F.DACCESS_BIT)
    page_with(r, d=0)
    r.psr = VIRT | PSR_DA
    assert r.mmu.translate(0x4000, WRITE)[0] == 0x9000
    # fc skips the dirty/access bits
    r.psr = VIRT
    page_with(r, a=0, d=0)
    assert r.mmu.translate(0x4000, FC)[0] == 0x9000
    r.fault(0x4000, LFETCH_FAULT, F.DACCESS_BIT)


def test_fault_priority_order():
    """Every condition present; fixing the reported one reveals the next (SDM Table 5-2)."""
    r = Rig(psr=VIRT | PSR_PK | (3 << 32))
    r.mmu.set_pkr(0, (0x77 << 8) | 1 | 2)           # key 0x77: write-disabled
    r.mmu.set_pkr(1, (0x78 << 8) | 1)               # key 0x78: allowed; 0x76: no PKR
    page = dict(p=0, ma=MA_NATPAGE, key=0x76, ar=0, pl=0, d=0, a=0)
    steps = [
        (F.DPAGE_NOT_PRESENT, dict(p=1)),
        (F.NAT_PAGE_CONSUMPTION, dict(ma=0)),
        (F.DKEY_MISS, dict(key=0x77)),
        (F.DKEY_PERMISSION, dict(key=0x78)),
        (F.DACCESS_RIGHTS, dict(ar=2, pl=3)),
        (F.DIRTY_BIT, dict(d=1)),
        (F.DACCESS_BIT, dict(a=1)),
    ]
    for code, fix in steps:
        page_with(r, **dict(page))
        r.fault(0x4000, WRITE, code)
        page.update(fix)
    page_with(r, **page)
    assert r.mmu.translate(0x4000, WRITE)[0] == 0x9000


def test_rse_references_use_ar_rsc_pl():
    r = Rig()
    page_with(r, ar=2, pl=0)           # read-write at level 0 only
    r.cpl(0)
    r.st.ar[16] = 3 << 2               # rsc.pl = 3
    f = r.fault(0x4000, RSE | WRITE, F.DACCESS_RIGHTS)
    assert f.isr == F.ISR_W | F.ISR_RS
    r.st.ar[16] = 0
    assert r.mmu.translate(0x4000, RSE | WRITE)[0] == 0x9000
    r.cpl(3)                           # cpl does not matter to the RSE
    assert r.mmu.translate(0x4000, RSE | READ)[0] == 0x9000
    r.fault(0x4000, READ, F.DACCESS_RIGHTS)


# ---------------------------------------------------------------- access rights
# SDM vol. 2 Table 4-4, rows TLB.ar/TLB.pl, columns PSR.cpl 3, 2, 1, 0.
# "-" no access; "XPn": execute, promotion to level n (epc).
SDM_TABLE = """
0 3  R    R    R    R
0 2  -    R    R    R
0 1  -    -    R    R
0 0  -    -    -    R
1 3  RX   RX   RX   RX
1 2  -    RX   RX   RX
1 1  -    -    RX   RX
1 0  -    -    -    RX
2 3  RW   RW   RW   RW
2 2  -    RW   RW   RW
2 1  -    -    RW   RW
2 0  -    -    -    RW
3 3  RWX  RWX  RWX  RWX
3 2  -    RWX  RWX  RWX
3 1  -    -    RWX  RWX
3 0  -    -    -    RWX
4 3  R    RW   RW   RW
4 2  -    R    RW   RW
4 1  -    -    R    RW
4 0  -    -    -    RW
5 3  RX   RX   RX   RWX
5 2  -    RX   RX   RWX
5 1  -    -    RX   RWX
5 0  -    -    -    RWX
6 3  RWX  RW   RW   RW
6 2  -    RWX  RW   RW
6 1  -    -    RWX  RW
6 0  -    -    -    RW
7 3  X    X    X    RX
7 2  XP2  X    X    RX
7 1  XP1  XP1  X    RX
7 0  XP0  XP0  XP0  RX
"""


def sdm_rights():
    table = {}
    for line in SDM_TABLE.strip().splitlines():
        ar, pl, *cols = line.split()
        for cpl, cell in zip((3, 2, 1, 0), cols):
            table[int(ar), int(pl), cpl] = "" if cell == "-" else cell
    return table


def test_access_rights_table_through_translate():
    table = sdm_rights()
    r = Rig()
    for (ar, pl, cpl), cell in table.items():
        r.cpl(0)
        r.mmu.itc("d", 0x4000, itir(12), pte(0x9000, ar=ar, pl=pl))
        r.mmu.itc("i", 0x4000, itir(12), pte(0x9000, ar=ar, pl=pl))
        r.cpl(cpl)
        for letter, access, code in (("R", READ, F.DACCESS_RIGHTS), ("W", WRITE, F.DACCESS_RIGHTS),
                                     ("X", EXEC, F.IACCESS_RIGHTS)):
            if letter in cell:
                assert r.mmu.translate(0x4000, access)[0] == 0x9000, (ar, pl, cpl, letter)
            else:
                f = r.fault(0x4000, access, code)
                assert f.ifa == 0x4000
        # semaphores need both
        if "R" in cell and "W" in cell:
            r.mmu.translate(0x4000, READ | WRITE)
        else:
            r.fault(0x4000, READ | WRITE, F.DACCESS_RIGHTS)
        # probe at an explicit level agrees with the table (below cpl is clamped to cpl)
        r.cpl(0)
        assert r.mmu.probe(0x4000, cpl, False) == ("R" in cell)
        assert r.mmu.probe(0x4000, cpl, True) == ("W" in cell)


def test_execute_promote_pages():
    table = sdm_rights()
    r = Rig()
    r.mmu.itc("i", 0x8000, itir(12), pte(0x9000, ar=7, pl=1, ed=1))
    r.cpl(3)
    assert r.mmu.translate(0x8000, EXEC)[0] == 0x9000
    assert r.mmu.exec_info(0x8010) == (7, 1, 1)
    assert table[7, 1, 3] == "XP1"
    assert r.mmu.exec_info(0x20000) is None


# ---------------------------------------------------------------- VHPT walker
PTA_BASE = 0x1000000        # a 64K table at va 0x1000000 of the region being walked


def walker_rig(long_format=False, size=16):
    r = Rig(ve=1)
    r.st.cr[8] = PTA_BASE | (size << 2) | 1 | ((1 << 8) if long_format else 0)
    # the table itself is mapped by a DTR: va PTA_BASE -> pa 0x200000 (1M page)
    r.mmu.itr("d", 0, PTA_BASE, itir(20), pte(0x200000, ar=2))
    return r


def vhpt_pa(r, va):
    iha = r.mmu.thash(va)
    return iha, 0x200000 + (iha - PTA_BASE)


def test_short_format_thash_formula():
    r = walker_rig()
    va = (0 << 61) | 0x12345678
    hpn = va >> RR_PS
    assert r.mmu.thash(va) == PTA_BASE | ((hpn << 3) & 0xFFFF)
    # the region bits come from the address in short format
    assert r.mmu.thash((4 << 61) | va) >> 61 == 4
    # pta.base bits under the size mask are replaced by the offset
    r.st.cr[8] = 0x7FFF8000 | (20 << 2) | 1
    assert r.mmu.thash(va) == (0x7FF00000 | ((hpn << 3) & 0xFFFFF))


def test_short_format_walk_inserts_into_tc():
    r = walker_rig()
    va = 0x3456789
    iha, pa = vhpt_pa(r, va)
    r.mem[pa] = pte(0x40000000, ar=2)
    r.calls.clear()
    assert r.mmu.translate(va, READ) == (0x40000000 | (va & 0x3FFF), MA_WB)
    tcs = [e for e in r.mmu.entries("d") if e["tc"]]
    assert [(e["va"], e["ps"], e["rid"], e["key"]) for e in tcs] == [(va & ~0x3FFF, RR_PS, RID0, RID0)]
    del r.mem[pa]                       # now a TLB hit: the table is not read again
    assert r.mmu.translate(va + 8, READ)[0] == 0x40000000 | ((va + 8) & 0x3FFF)
    # instruction walk fills the ITC
    va2 = 0x5550000
    iha2, pa2 = vhpt_pa(r, va2)
    r.mem[pa2] = pte(0x80000000, ar=3)
    assert r.mmu.translate(va2, EXEC)[0] == 0x80000000
    assert any(e["tc"] and e["va"] == va2 for e in r.mmu.entries("i"))


@pytest.mark.parametrize("access,code", [(READ, F.DTLB), (EXEC, F.ITLB)])
def test_walk_not_found_gives_tlb_fault_with_iha(access, code):
    r = walker_rig()
    va = 0x3456789
    iha, pa = vhpt_pa(r, va)
    f = r.fault(va, access, code)               # unbacked
    assert (f.ifa, f.itir, f.iha) == (va, default_itir(r, va), iha)
    r.mem[pa] = pte(0x4000, p=0)                 # entry not present
    f = r.fault(va, access, code)
    assert f.iha == iha
    r.mem[pa] = pte(0x4000) | 2                  # reserved field: the walk aborts
    r.fault(va, access, code)


def test_walker_own_miss_is_vhpt_translation_fault():
    r = walker_rig()
    r.mmu.ptr("d", PTA_BASE, 20)
    va = 0x3456789
    f = r.fault(va, READ, F.VHPT_DTRANSLATION)
    assert (f.ifa, f.iha, f.itir) == (va, r.mmu.thash(va), default_itir(r, va))
    f = r.fault(va, EXEC, F.VHPT_ITRANSLATION)
    assert f.iha == r.mmu.thash(va) and f.isr == F.ISR_X
    r.psr = VIRT & ~PSR_IC
    f = r.fault(va, READ, F.DATA_NESTED_TLB)
    assert f.ifa is None


def test_walker_reference_needs_a_usable_page():
    r = walker_rig()
    va = 0x3456789
    iha, pa = vhpt_pa(r, va)
    r.mem[pa] = pte(0x4000)
    r.mmu.itr("d", 0, PTA_BASE, itir(20), pte(0x200000, ma=4))    # UC table: walk aborts
    r.fault(va, READ, F.DTLB)
    r.mmu.itr("d", 0, PTA_BASE, itir(20), pte(0x200000, a=0))
    r.fault(va, READ, F.DTLB)
    r.mmu.itr("d", 0, PTA_BASE, itir(20), pte(0x200000))
    assert r.mmu.translate(va, READ)[0] == 0x4000 | (va & 0x3FFF)


def test_instruction_walk_needs_psr_ic():
    r = walker_rig()
    r.psr = VIRT & ~PSR_IC
    r.fault(0x3456780, EXEC, F.ALT_ITLB)


def test_long_format_walk():
    r = walker_rig(long_format=True)
    va = (2 << 61) | 0x3456789
    rr = r.rr(2)
    iha = r.mmu.thash(va)
    hpn = (va & vhpt.IMPL_VA_MASK) >> RR_PS
    assert iha == PTA_BASE | (((hpn ^ (RID0 + 2)) << 5) & 0xFFFF)     # region from pta{63:61} = 0
    assert r.mmu.ttag(va) == ((RID0 + 2) << 39) | hpn == vhpt.ttag(va, rr)
    pa = 0x200000 + (iha - PTA_BASE)
    r.mem[pa] = pte(0x40000000, ar=2)
    r.mem[pa + 8] = itir(16, key=0x55)
    r.mem[pa + 16] = r.mmu.ttag(va) ^ 1            # tag mismatch
    f = r.fault(va, READ, F.DTLB)
    assert f.iha == iha
    r.mem[pa + 16] = r.mmu.ttag(va) | (1 << 63)    # ti set
    r.fault(va, READ, F.DTLB)
    r.mem[pa + 16] = r.mmu.ttag(va)
    assert r.mmu.translate(va, READ) == (0x40000000 | (va & 0xFFFF), MA_WB)
    [e] = [e for e in r.mmu.entries("d") if e["tc"]]
    assert (e["ps"], e["key"], e["va"]) == (16, 0x55, va & ~0xFFFF)
    assert r.mmu.tak(va) == 0x55 << 8


# ---------------------------------------------------------------- speculation
def test_speculative_faults_defer_with_psr_ic_0_or_dcr_and_ed():
    r = Rig()
    va = 0x4000
    # TLB miss, psr.ic = 1, no ed: the fault is raised, marked sp
    f = r.fault(va, READ | SPEC, F.ALT_DTLB)
    assert f.isr == F.ISR_R | F.ISR_SP
    r.psr = VIRT & ~PSR_IC
    assert r.mmu.translate(va, READ | SPEC) == (0, MA_NATPAGE)
    # the code page has ed = 1 and dcr.dm = 1
    r.psr = VIRT
    r.mmu.itc("i", 0x100000, itir(12), pte(0x100000, ed=1))
    r.st.ctl[CTL["ip"]] = 0x100020
    f = r.fault(va, READ | SPEC, F.ALT_DTLB)
    assert f.isr == F.ISR_R | F.ISR_SP | F.ISR_ED
    r.st.cr[0] = DCR_DM
    assert r.mmu.translate(va, READ | SPEC) == (0, MA_NATPAGE)
    # access rights deferred by dcr.dr, but a key miss is not deferred without dcr.dk
    page_with(r, ar=0, pl=0)
    r.cpl(3)
    r.fault(va, READ | SPEC, F.DACCESS_RIGHTS)
    r.st.cr[0] = DCR_DR
    assert r.mmu.translate(va, READ | SPEC) == (0x9000, MA_NATPAGE)
    r.psr |= PSR_PK
    page_with(r, ar=0, pl=0, key=5)
    r.fault(va, READ | SPEC, F.DKEY_MISS)
    r.st.cr[0] = DCR_DR | DCR_DK
    assert r.mmu.translate(va, READ | SPEC)[1] == MA_NATPAGE
    # deferred results are not cached: a normal load still faults
    r.fault(va, READ, F.DKEY_MISS)


# ---------------------------------------------------------------- purges and insertion
def test_itc_purges_overlapping_entries_of_its_side():
    r = Rig()
    r.mmu.itc("d", 0x4000, itir(14), pte(0x80000))
    r.mmu.itc("i", 0x4000, itir(14), pte(0x80000))
    r.mmu.itc("d", 0x5000, itir(12), pte(0x3000))
    assert r.mmu.translate(0x5004, READ)[0] == 0x3004
    r.fault(0x4000, READ, F.ALT_DTLB)               # the 16K entry went
    assert r.mmu.translate(0x4000, EXEC)[0] == 0x80000
    # another rid does not overlap
    r.mmu.set_rr(1, (0x777 << 8) | (RR_PS << 2))
    r.mmu.itc("d", (1 << 61) | 0x5000, itir(12), pte(0x6000))
    r.mmu.set_rr(1, (RID0 << 8) | (RR_PS << 2))      # same rid as region 0 again
    assert r.mmu.translate((1 << 61) | 0x5004, READ)[0] == 0x3004


def test_round_robin_replacement():
    r = Rig()
    for n in range(MMU.N_DTC + 1):
        r.mmu.itc("d", n << 12, itir(12), pte((n + 16) << 12))
    r.fault(0, READ, F.ALT_DTLB)                     # the first went
    for n in range(1, MMU.N_DTC + 1):
        assert r.mmu.translate(n << 12, READ)[0] == (n + 16) << 12
    tcs = r.mmu.entries("d")
    assert len(tcs) == 128 and [e["slot"] for e in tcs if e["va"] == 128 << 12] == [0]
    r.mmu.itc("d", 200 << 12, itir(12), pte(0x1000))
    r.fault(1 << 12, READ, F.ALT_DTLB)               # then the second


def test_ptc_l_purges_range_in_both_sides_and_notifies():
    r = Rig()
    for n in range(8):
        r.mmu.itc("d", 0x100000 + (n << 12), itir(12), pte(n << 12))
        r.mmu.itc("i", 0x100000 + (n << 12), itir(12), pte(n << 12))
    r.mmu.itr("d", 1, 0x104000, itir(12), pte(0xA000))
    r.mmu.itc("d", (1 << 61) | 0x100000, itir(12), pte(0x5000))   # other rid
    for va in (0x100000, 0x104000):
        r.mmu.translate(va, READ)
    r.calls.clear()
    r.mmu.ptc_l(0x104000, 14)                        # 16K: pages 4..7
    assert r.calls == ["id"]
    for n in range(8):
        va = 0x100000 + (n << 12)
        if n < 4:
            assert r.mmu.translate(va, READ)[0] == n << 12
            assert r.mmu.translate(va, EXEC)[0] == n << 12
        else:
            r.fault(va, EXEC, F.ALT_ITLB)
    assert r.mmu.translate(0x104000, READ)[0] == 0xA000     # TRs are not purged by ptc
    r.fault(0x105000, READ, F.ALT_DTLB)
    assert r.mmu.translate((1 << 61) | 0x100000, READ)[0] == 0x5000
    # a large purge page size covers a small entry
    r.mmu.ptc_l(0, 28)
    r.fault(0x100000, READ, F.ALT_DTLB)


def test_ptc_e_and_ptr():
    r = Rig()
    r.mmu.itc("d", 0x4000, itir(12), pte(0x1000))
    r.mmu.itc("i", 0x4000, itir(12), pte(0x1000))
    r.mmu.itr("d", 0, 0x10000, itir(16), pte(0x20000))
    r.mmu.itr("i", 0, 0x10000, itir(16), pte(0x20000))
    r.calls.clear()
    r.mmu.ptc_e(0)
    assert r.calls == ["id"]
    r.fault(0x4000, READ, F.ALT_DTLB)
    r.fault(0x4000, EXEC, F.ALT_ITLB)
    assert r.mmu.translate(0x10010, READ)[0] == 0x20010
    r.mmu.itc("d", 0x11000, itir(12), pte(0x7000))     # a TC inside the TR's range
    r.mmu.itc("d", 0x30000, itir(12), pte(0x8000))     # and one outside it
    r.mmu.ptr("d", 0x11000, 12)                        # any overlap removes the TR
    assert r.calls[-1] == "d"
    r.fault(0x10010, READ, F.ALT_DTLB)
    r.fault(0x11000, READ, F.ALT_DTLB)
    assert r.mmu.translate(0x30000, READ)[0] == 0x8000
    assert r.mmu.translate(0x10010, EXEC)[0] == 0x20010     # ITR untouched
    r.mmu.ptr("i", 0x10000, 16)
    r.fault(0x10010, EXEC, F.ALT_ITLB)


def test_itr_purges_overlapping_tc_and_rejects_bad_slot():
    r = Rig()
    r.mmu.itc("d", 0x4000, itir(12), pte(0x1000))
    r.mmu.itr("d", 7, 0x0, itir(16), pte(0x30000))
    assert [e["tr"] for e in r.mmu.entries("d")] == [True]
    assert r.mmu.translate(0x4000, READ)[0] == 0x34000
    with pytest.raises(GuestFault) as ei:
        r.mmu.itr("d", 8, 0x0, itir(16), pte(0x30000))
    assert ei.value.code == F.RESERVED_REGISTER


def test_on_change_sides_and_result_cache_invalidation():
    r = Rig()
    r.calls.clear()
    r.mmu.itc("i", 0x4000, itir(12), pte(0x1000))
    r.mmu.itc("d", 0x4000, itir(12), pte(0x1000))
    r.mmu.set_rr(3, ((RID0 + 3) << 8) | (RR_PS << 2))
    r.mmu.set_pkr(0, 0)
    r.mmu.reset()
    assert r.calls == ["i", "d", "id", "id", "id"]
    # cached results follow psr.cpl and purges
    r.mmu.itc("d", 0x4000, itir(12), pte(0x1000, ar=2, pl=0))
    assert r.mmu.translate(0x4000, WRITE)[0] == 0x1000
    r.cpl(3)
    r.fault(0x4000, WRITE, F.DACCESS_RIGHTS)
    r.cpl(0)
    assert r.mmu.translate(0x4000, WRITE)[0] == 0x1000
    r.mmu.ptc_l(0x4000, 12)
    r.fault(0x4000, WRITE, F.ALT_DTLB)


def test_walker_eviction_notifies():
    r = walker_rig()
    for n in range(MMU.N_DTC):
        r.mmu.itc("d", 0x8000000 + (n << 14), itir(14), pte(0x1000000 + (n << 14)))
    va = 0x3456789
    iha, pa = vhpt_pa(r, va)
    r.mem[pa] = pte(0x40000000)
    r.calls.clear()
    r.mmu.translate(va, READ)
    assert r.calls == ["d"]


# ---------------------------------------------------------------- reserved fields
@pytest.mark.parametrize("bad_pte,bad_itir", [
    (pte(0x1000) | 2, itir(12)),                   # pte{1}
    (pte(0x1000) | (1 << 50), itir(12)),           # pte{51:50}
    (pte(0x1000) | (1 << 51), itir(12)),
    (pte(0x1000, ma=1), itir(12)), (pte(0x1000, ma=2), itir(12)), (pte(0x1000, ma=3), itir(12)),
    (pte(0x1000), itir(12) | 1),                   # itir{1:0}
    (pte(0x1000), itir(12) | (1 << 32)),           # itir{63:32}
    (pte(0x1000), itir(15)), (pte(0x1000), itir(11)), (pte(0x1000), itir(34)),
    (pte(0x1000, p=0), itir(15)),                  # ps is checked even when not present
])
def test_reserved_insertion_fields(bad_pte, bad_itir):
    r = Rig()
    for side in "id":
        with pytest.raises(GuestFault) as ei:
            r.mmu.itc(side, 0x4000, bad_itir, bad_pte)
        assert ei.value.code == F.RESERVED_REGISTER
        with pytest.raises(GuestFault) as ei:
            r.mmu.itr(side, 0, 0x4000, bad_itir, bad_pte)
        assert ei.value.code == F.RESERVED_REGISTER
    assert r.mmu.entries("d") == [] and r.mmu.entries("i") == []


def test_ignored_fields():
    r = Rig()
    r.mmu.itc("d", 0x4000, itir(12), pte(0x1000) | (0x7FF << 53))     # ig bits
    assert r.mmu.translate(0x4000, READ)[0] == 0x1000
    r.mmu.itc("d", 0x8000, itir(12) | (1 << 40), 0xFFFFFFFFFFFFFFFE)  # p = 0: software's bits
    r.fault(0x8000, READ, F.DPAGE_NOT_PRESENT)
    with pytest.raises(GuestFault) as ei:
        r.mmu.itc("d", 1 << 52, itir(12), pte(0x1000))
    assert ei.value.code == F.UNIMPLEMENTED_DATA_ADDRESS


@pytest.mark.parametrize("value", [2 | (12 << 2), (1 << 32) | (12 << 2), (1 << 63) | (12 << 2),
                                   15 << 2, 0, 11 << 2, 33 << 2])
def test_set_rr_reserved(value):
    r = Rig()
    with pytest.raises(GuestFault) as ei:
        r.mmu.set_rr(1, value)
    assert ei.value.code == F.RESERVED_REGISTER
    r.mmu.set_rr(1, (0xFFFFFF << 8) | (32 << 2) | 1)
    assert r.rr(1) == (0xFFFFFF << 8) | (32 << 2) | 1


@pytest.mark.parametrize("value", [0x10, 0x80, 1 << 32])
def test_set_pkr_reserved(value):
    r = Rig()
    with pytest.raises(GuestFault) as ei:
        r.mmu.set_pkr(0, value | 1)
    assert ei.value.code == F.RESERVED_REGISTER
    with pytest.raises(GuestFault):
        r.mmu.set_pkr(16, 1)


# ---------------------------------------------------------------- non-access instructions
def test_tpa():
    r = Rig(psr=VIRT & ~PSR_DT)         # tpa translates a virtual address whatever psr.dt says
    r.mmu.itc("d", 0x4000, itir(12), pte(0x9000, ar=0, pl=0, a=0, d=0))
    r.cpl(3)
    assert r.mmu.tpa(0x4123) == 0x9123  # no rights, no a/d checks
    with pytest.raises(GuestFault) as ei:
        r.mmu.tpa(0x8000)
    assert ei.value.code == F.ALT_DTLB and ei.value.isr == F.ISR_NA
    r.mmu.itc("d", 0x8000, itir(12), pte(0x9000, ma=MA_NATPAGE))
    with pytest.raises(GuestFault) as ei:
        r.mmu.tpa(0x8000)
    assert ei.value.code == F.NAT_PAGE_CONSUMPTION and ei.value.isr == 0x20 | F.ISR_NA
    r.mmu.itc("d", 0x8000, itir(12), pte(0x9000, p=0))
    with pytest.raises(GuestFault) as ei:
        r.mmu.tpa(0x8000)
    assert ei.value.code == F.DPAGE_NOT_PRESENT


def test_tak():
    r = Rig()
    r.mmu.itc("d", 0x4000, itir(12, key=0x1234), pte(0x9000))
    assert r.mmu.tak(0x4fff) == 0x1234 << 8
    assert r.mmu.tak(0x8000) == 1
    r.mmu.itc("d", 0x8000, itir(12, key=7), pte(0x9000, p=0))
    assert r.mmu.tak(0x8000) == 1
    r.mmu.itc("d", 0xC000, itir(12, key=7), pte(0x9000, ma=MA_NATPAGE))
    assert r.mmu.tak(0xC000) == 7 << 8
    assert r.mmu.tak(1 << 55) == 1


def test_probe():
    r = Rig(psr=VIRT | PSR_PK)
    r.mmu.set_pkr(0, (9 << 8) | 1 | 2)
    r.mmu.itc("d", 0x4000, itir(12, key=9), pte(0x9000, ar=2, pl=2))
    assert r.mmu.probe(0x4000, 2, False) is True
    assert r.mmu.probe(0x4000, 2, True) is False      # key write-disabled
    assert r.mmu.probe(0x4000, 3, False) is False     # rights
    r.cpl(3)
    assert r.mmu.probe(0x4000, 0, False) is False     # pl below cpl is raised to cpl
    r.cpl(0)
    assert r.mmu.probe(1 << 55, 0, False) is False    # unimplemented: no fault
    with pytest.raises(GuestFault) as ei:
        r.mmu.probe(0x8000, 0, True)
    assert ei.value.code == F.ALT_DTLB and ei.value.isr == F.ISR_W | F.ISR_NA | 2
    r.mmu.itc("d", 0x8000, itir(12, key=10), pte(0x9000))
    with pytest.raises(GuestFault) as ei:
        r.mmu.probe(0x8000, 0, False)
    assert ei.value.code == F.DKEY_MISS


def test_walker_eviction_can_be_quiet():
    r = walker_rig()
    r.mmu.notify_evictions = False
    for n in range(MMU.N_DTC):
        r.mmu.itc("d", 0x8000000 + (n << 14), itir(14), pte(0x1000000 + (n << 14)))
    va = 0x3456789
    iha, pa = vhpt_pa(r, va)
    r.mem[pa] = pte(0x40000000)
    r.calls.clear()
    assert r.mmu.translate(va, READ)[0] == 0x40000000 | (va & 0x3FFF)
    assert r.calls == []
    r.fault(0x8000000, READ, F.DTLB)            # the evicted entry is gone from the TLB
    # a walker fill that purges an overlapping entry always notifies
    r.mmu.itc("d", 0x4000000, itir(12), pte(0x5000))
    iha, pa = vhpt_pa(r, 0x4000000)
    r.mem[pa] = pte(0x6000000)
    r.mmu.ptc_l(0x4000000, 12)
    r.mmu.itc("d", 0x4001000, itir(12), pte(0x5000))   # inside the 16K page the walker will insert
    r.calls.clear()
    r.mmu.translate(0x4000000, READ)
    assert r.calls == ["d"]


def test_walker_reference_key_checks():
    r = walker_rig()
    r.psr = VIRT | PSR_PK
    r.mmu.itr("d", 0, PTA_BASE, itir(20, key=3), pte(0x200000))
    r.mmu.set_pkr(0, (RID0 << 8) | 1)               # the walked page's key (short format: rid)
    va = 0x3456789
    iha, pa = vhpt_pa(r, va)
    r.mem[pa] = pte(0x4000)
    r.fault(va, READ, F.DTLB)                        # table page key 3: no PKR -> walk aborts
    r.mmu.set_pkr(1, (3 << 8) | 1 | 4)               # present but read-disabled
    r.fault(va, READ, F.DTLB)
    r.mmu.set_pkr(1, (3 << 8) | 1)
    assert r.mmu.translate(va, READ)[0] == 0x4000 | (va & 0x3FFF)


@settings(max_examples=300, deadline=None)
@given(va=st.integers(0, (1 << 64) - 1).filter(lambda v: not vhpt.unimplemented_va(v)),
       size=st.integers(15, 24), ps=st.sampled_from(vhpt.PAGE_SIZES), base=st.integers(0, 1 << 45))
def test_short_format_hash_stays_in_the_table(va, size, ps, base):
    rr = (0x55 << 8) | (ps << 2) | 1
    pta = ((base << 15) & vhpt.PTA_BASE_MASK) | (size << 2) | 1
    h = vhpt.thash(va, rr, pta)
    table = (pta & vhpt.PTA_BASE_MASK) & ~((1 << size) - 1)
    assert h >> 61 == va >> 61 and h & 7 == 0
    assert table <= h & vhpt.VA_OFFSET_MASK < table + (1 << size)
    # neighbouring pages have neighbouring entries (linear table), modulo the table size
    nxt = va + (1 << ps)
    if nxt >> 61 == va >> 61 and not vhpt.unimplemented_va(nxt) and ((va & vhpt.IMPL_VA_MASK) >> ps) + 1 < (1 << 39):
        h2 = vhpt.thash(nxt, rr, pta)
        assert (h2 - table) % (1 << size) == ((h - table) + 8) % (1 << size)


def test_reset_empties_every_tlb():
    r = Rig()
    r.mmu.itr("i", 3, 0x4000, itir(12), pte(0x1000))
    r.mmu.itc("d", 0x4000, itir(12), pte(0x1000))
    r.mmu.reset()
    assert r.mmu.entries("i") == [] and r.mmu.entries("d") == []
    r.fault(0x4000, READ, F.ALT_DTLB)
