"""The CPU's view of memory on a system machine: every access translated by
the MMU (``ia64jit/mmu.py``) and then served by physical memory.

``VirtualMemory`` offers what the engines and the RSE use of a flat
``Memory`` (load/store/read/write/fetch_bundle, the soft-TLB fill, code
page notes), so both consumers run unchanged on a system machine.

Physical addresses that no RAM or device backs read as all ones and
ignore writes, as an unclaimed bus cycle does on IA-64 platforms (a
master abort); each such page is reported once on the host side.
Misaligned accesses fault only when ``psr.ac`` is set (SDM 4.5: the
processor may also support them in hardware; this model does, within and
across pages).
"""

from __future__ import annotations

import sys

from translator import faults
from translator.faults import GuestFault
from translator.helpers import debug_data

from .memory import PAGE_MASK, PAGE_SHIFT, PROT_READ, PROT_WRITE

M64 = (1 << 64) - 1
READ, WRITE, EXEC = 1, 2, 4
SPEC, RSE = 16, 32
PSR_AC = 3
PSR_DB = 1 << 24
CR_DCR = 0
# DCR deferral bits by fault (SDM 3.3.4.1: dm dp dk dx dr da dd)
_DEFER = {faults.DTLB: 1 << 8, faults.ALT_DTLB: 1 << 8, faults.VHPT_DTRANSLATION: 1 << 8,
          faults.DATA_NESTED_TLB: 1 << 8,
          faults.DPAGE_NOT_PRESENT: 1 << 9, faults.DKEY_MISS: 1 << 10,
          faults.DKEY_PERMISSION: 1 << 11, faults.DACCESS_RIGHTS: 1 << 12,
          faults.DACCESS_BIT: 1 << 13, faults.DIRTY_BIT: 1 << 14}
_ALWAYS_DEFERRED = {faults.NAT_PAGE_CONSUMPTION, faults.UNIMPLEMENTED_DATA_ADDRESS,
                    faults.UNALIGNED_REFERENCE, faults.UNSUPPORTED_DATA_REFERENCE}
MA_SPECULATIVE = (0, 6)          # WB, WC


class VirtualMemory:
    def __init__(self, machine):
        self.m = machine
        self.phys = machine.phys
        self.mmu = machine.mmu
        self.ctl, self.C = machine.state.ctl, machine.state.CTL
        self.cr = machine.state.cr
        self.code_pages = self.phys.code_pages
        self.unbacked_reported = set()
        self.report = lambda msg: print(f"ia64jit: {msg}", file=sys.stderr)

    # ------------------------------------------------------------ translation
    def translate(self, va: int, access: int, size: int = 1) -> int:
        psr = self.ctl[self.C["psr"]]
        if va & (size - 1) and (psr >> PSR_AC) & 1:
            raise GuestFault(faults.UNALIGNED_REFERENCE, isr=_isr(access), ifa=va,
                             detail=f"{size}-byte access at {va:#x} with psr.ac")
        pa = self.mmu.translate(va, access, size)[0]
        if psr & PSR_DB and not access & RSE:
            # (while psr.db is set every access comes here: compiled code is
            # not used, see interrupts.TRACE_BITS)
            debug_data(self.m, va, bool(access & WRITE))
        return pa

    def _pieces(self, va, size, access):
        """[(pa, n)] for an access, split where it crosses a 4 KB page."""
        off = va & PAGE_MASK
        if off + size <= 4096:
            return [(self.translate(va, access, size), size)]
        first = 4096 - off
        out = [(self.translate(va, access, size), first)]
        va2 = (va + first) & M64
        out.append((self.mmu.translate(va2, access, size - first)[0], size - first))
        return out

    # ------------------------------------------------------------ physical side
    def _phys_read(self, pa, n):
        try:
            return self.phys.read(pa, n)
        except Exception as exc:
            if not hasattr(exc, "addr"):
                raise
            self._unbacked(pa, "read")
            return b"\xff" * n

    def _phys_write(self, pa, data):
        try:
            self.phys.write(pa, data)
        except Exception as exc:
            if not hasattr(exc, "addr"):
                raise
            self._unbacked(pa, "write")

    def _unbacked(self, pa, kind):
        page = pa >> PAGE_SHIFT
        if page not in self.unbacked_reported:
            self.unbacked_reported.add(page)
            self.report(f"guest {kind} of unbacked physical address {pa:#x} "
                        "(reads give all ones, writes are dropped)")

    # ------------------------------------------------------------ access
    def _semaphore_ok(self, va, size, access):
        """Semaphores need write-back memory (SDM vol. 2 4.4.8: other
        attributes give an Unsupported Data Reference fault)."""
        ma = self.mmu.translate(va, access, size)[1]
        if ma != 0:
            raise GuestFault(faults.UNSUPPORTED_DATA_REFERENCE, ifa=va, isr=_isr(access),
                             detail=f"semaphore on memory attribute {ma} at {va:#x}")

    def load(self, va: int, size: int, access: int = READ, sema: bool = False) -> int:
        if sema:
            self._semaphore_ok(va, size, access)
        if (va & PAGE_MASK) + size <= 4096:
            pa = self.translate(va, access, size)
            ent = self.phys.pages.get(pa >> PAGE_SHIFT)
            if ent is not None and ent[0].prot & PROT_READ:
                return self.phys.load(pa, size)
            if ent is not None and getattr(ent[0], "mmio", False):
                return self.phys.load(pa, size)
            return int.from_bytes(self._phys_read(pa, size), "little")
        data = b"".join(self._phys_read(pa, n) for pa, n in self._pieces(va, size, access))
        return int.from_bytes(data, "little")

    def store(self, va: int, value: int, size: int, access: int = WRITE,
              sema: bool = False) -> None:
        if sema:
            self._semaphore_ok(va, size, access)
        value &= (1 << (8 * size)) - 1
        pieces = self._pieces(va, size, access)    # all translated before any byte is written
        if len(pieces) == 1:
            pa = pieces[0][0]
            ent = self.phys.pages.get(pa >> PAGE_SHIFT)
            if ent is not None and (ent[0].prot & PROT_WRITE or getattr(ent[0], "mmio", False)):
                self.phys.store(pa, value, size)
                return
        data = value.to_bytes(size, "little")
        pos = 0
        for pa, n in pieces:
            self._phys_write(pa, data[pos:pos + n])
            pos += n

    def load_spec(self, va: int, size: int):
        """(value, deferred): a speculative load defers what DCR says it may
        (and NaT pages, non-speculative memory) instead of faulting."""
        try:
            pa, ma = self.mmu.translate(va, READ | SPEC, size)
        except GuestFault as f:
            if f.code in _ALWAYS_DEFERRED or (int(self.cr[CR_DCR]) & _DEFER.get(f.code, 0)):
                return 0, 1
            raise
        if ma not in MA_SPECULATIVE:
            return 0, 1
        return self.load(va, size), 0

    def rse_load(self, va: int, size: int = 8) -> int:
        return self.load(va, size, READ | RSE)

    def rse_store(self, va: int, value: int, size: int = 8) -> None:
        self.store(va, value, size, WRITE | RSE)

    def read(self, va: int, size: int, prot: int = 0) -> bytes:
        out = bytearray()
        while size > 0:
            n = min(size, 4096 - (va & PAGE_MASK))
            out += self._phys_read(self.translate(va, EXEC if prot == 4 else READ), n)
            va, size = (va + n) & M64, size - n
        return bytes(out)

    def write(self, va: int, data: bytes, prot: int = 0) -> None:
        for k, byte in enumerate(data):
            self.store(va + k, byte, 1)

    def fetch_bundle(self, va: int) -> bytes:
        pa = self.mmu.translate(va, EXEC, 16)[0]
        return self._phys_read(pa, 16)

    def code_pa(self, va: int) -> int:
        """Physical address of code at ``va`` (raises the fetch's fault)."""
        return self.mmu.translate(va, EXEC, 16)[0]

    def note_code(self, va: int) -> None:
        self.code_pages.add(self.code_pa(va) >> PAGE_SHIFT)

    # ------------------------------------------------------------ soft-TLB
    def host_page(self, va: int, write: bool):
        """(host address of the 4 KB page holding va, readable, writable) for
        the JIT's soft-TLB, or None when the page must stay on the slow path
        (device, unbacked, code page for writes)."""
        page_va = va & ~PAGE_MASK & M64
        try:
            pa, ma = self.mmu.translate(page_va, WRITE if write else READ, 1)
        except GuestFault:
            return None
        if ma != 0:             # write-back only: what semaphores may use unchecked
            return None
        ent = self.phys.pages.get(pa >> PAGE_SHIFT)
        if ent is None or getattr(ent[0], "mmio", False):
            return None
        region, off = ent
        readable = bool(region.prot & PROT_READ)
        if write:
            try:
                self.mmu.translate(page_va, READ, 1)
            except GuestFault:
                readable = False
        writable = write and bool(region.prot & PROT_WRITE) and \
            (pa >> PAGE_SHIFT) not in self.code_pages
        return region.host_address + off, readable, writable


def _isr(access):
    return (faults.ISR_R if access & READ else 0) | (faults.ISR_W if access & WRITE else 0) | \
        (faults.ISR_X if access & EXEC else 0)
