"""Guest memory: mapped regions backed by numpy buffers, Unicorn-style.

Every guest access goes through ``Memory`` (or the soft-TLB entries it
installs for compiled code), so a guest address can only ever reach bytes
inside a buffer that was mapped for the guest.
"""

from __future__ import annotations

import numpy as np

PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_MASK = PAGE_SIZE - 1
MASK64 = (1 << 64) - 1

PROT_READ, PROT_WRITE, PROT_EXEC = 1, 2, 4
PROT_ALL = 7


class MemoryError_(Exception):
    """A host-side mapping error (bad mem_map arguments)."""


class AccessError(Exception):
    """A guest access to an unmapped or protected address."""

    def __init__(self, addr: int, size: int, kind: str):
        self.addr, self.size, self.kind = addr, size, kind
        super().__init__(f"{kind} of {size} bytes at {addr:#x}: not mapped")


class Region:
    __slots__ = ("start", "size", "prot", "buf", "mv", "mvq")

    def __init__(self, start, size, prot):
        self.start, self.size, self.prot = start, size, prot
        self.buf = np.zeros(size, dtype=np.uint8)
        self.mv = memoryview(self.buf)
        self.mvq = self.mv.cast("Q")

    @property
    def end(self):
        return self.start + self.size

    @property
    def host_address(self) -> int:
        return self.buf.ctypes.data


class MmioRegion:
    """A device's register window: accesses call ``read(offset, size)`` and
    ``write(offset, size, value)``.  ``prot`` is 0 so that no fast path (the
    soft-TLB, the page-buffer shortcuts) ever treats it as RAM."""
    __slots__ = ("start", "size", "read", "write")
    prot = 0
    mmio = True

    def __init__(self, start, size, read, write):
        self.start, self.size, self.read, self.write = start, size, read, write

    @property
    def end(self):
        return self.start + self.size


class Memory:
    """Page-granular map of guest addresses onto region buffers."""

    def __init__(self):
        self.regions = []
        self.pages = {}          # page number -> (region, offset of page in region)
        self.code_pages = set()  # pages holding translated/decoded code
        self.on_code_write = None  # callback(page) when a code page is written
        self.on_unmap = None       # callback(addr, size) after pages are unmapped

    # ---------------------------------------------------------------- mapping
    def map(self, addr: int, size: int, prot: int = PROT_ALL) -> Region:
        if addr & PAGE_MASK or size <= 0 or size & PAGE_MASK:
            raise MemoryError_(f"mem_map({addr:#x}, {size:#x}): address and size must be "
                               f"non-zero multiples of {PAGE_SIZE:#x}")
        if addr < 0 or addr + size > 1 << 64:
            raise MemoryError_(f"mem_map({addr:#x}, {size:#x}): outside the 64-bit space")
        first, n = addr >> PAGE_SHIFT, size >> PAGE_SHIFT
        for p in range(first, first + n):
            if p in self.pages:
                raise MemoryError_(f"mem_map({addr:#x}, {size:#x}): page {p << PAGE_SHIFT:#x} "
                                   "is already mapped")
        r = Region(addr, size, prot)
        self.regions.append(r)
        for i in range(n):
            self.pages[first + i] = (r, i << PAGE_SHIFT)
        return r

    def map_mmio(self, addr: int, size: int, read, write) -> MmioRegion:
        """Map a device window (page-aligned, like RAM)."""
        if addr & PAGE_MASK or size <= 0 or size & PAGE_MASK:
            raise MemoryError_(f"map_mmio({addr:#x}, {size:#x}): address and size must be "
                               f"non-zero multiples of {PAGE_SIZE:#x}")
        first, n = addr >> PAGE_SHIFT, size >> PAGE_SHIFT
        if any(p in self.pages for p in range(first, first + n)):
            raise MemoryError_(f"map_mmio({addr:#x}, {size:#x}): already mapped")
        r = MmioRegion(addr, size, read, write)
        self.regions.append(r)
        for i in range(n):
            self.pages[first + i] = (r, i << PAGE_SHIFT)
        return r

    def unmap(self, addr: int, size: int) -> None:
        first, n = addr >> PAGE_SHIFT, (size + PAGE_MASK) >> PAGE_SHIFT
        for p in range(first, first + n):
            self.pages.pop(p, None)
            self.code_pages.discard(p)
        if self.on_unmap is not None:
            self.on_unmap(addr, size)     # e.g. the JIT drops soft-TLB entries

    def is_mapped(self, addr: int, size: int = 1) -> bool:
        return all((p in self.pages) for p in range(addr >> PAGE_SHIFT,
                                                    ((addr + size - 1) >> PAGE_SHIFT) + 1))

    def translate(self, addr: int, prot: int):
        """(region, offset) of a guest address or AccessError."""
        ent = self.pages.get(addr >> PAGE_SHIFT)
        if ent is None or not (ent[0].prot & prot):
            kind = {PROT_READ: "read", PROT_WRITE: "write", PROT_EXEC: "fetch"}.get(prot, "access")
            raise AccessError(addr, 1, kind)
        return ent[0], ent[1] + (addr & PAGE_MASK)

    # ---------------------------------------------------------------- access
    def load(self, addr: int, size: int) -> int:
        ent = self.pages.get(addr >> PAGE_SHIFT)
        off = addr & PAGE_MASK
        if ent is not None and off + size <= PAGE_SIZE and ent[0].prot & PROT_READ:
            r, base = ent
            o = base + off
            if size == 8 and not o & 7:
                return r.mvq[o >> 3]
            return int.from_bytes(r.mv[o:o + size], "little")
        if ent is not None and getattr(ent[0], "mmio", False):
            return ent[0].read(ent[1] + off, size) & ((1 << (8 * size)) - 1)
        return int.from_bytes(self.read(addr, size, PROT_READ), "little")

    def store(self, addr: int, value: int, size: int) -> None:
        page = addr >> PAGE_SHIFT
        ent = self.pages.get(page)
        off = addr & PAGE_MASK
        if ent is not None and off + size <= PAGE_SIZE and ent[0].prot & PROT_WRITE:
            r, base = ent
            o = base + off
            if page in self.code_pages and self.on_code_write:
                self.on_code_write(page)
            if size == 8 and not o & 7:
                r.mvq[o >> 3] = value & MASK64
            else:
                r.mv[o:o + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
            return
        if ent is not None and getattr(ent[0], "mmio", False):
            ent[0].write(ent[1] + off, size, value & ((1 << (8 * size)) - 1))
            return
        self.write(addr, (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little"), PROT_WRITE)

    def read(self, addr: int, size: int, prot: int = 0) -> bytes:
        out = bytearray()
        while size > 0:
            ent = self.pages.get(addr >> PAGE_SHIFT)
            if ent is None or (prot and not ent[0].prot & prot):
                raise AccessError(addr, size, "read" if prot != PROT_EXEC else "fetch")
            r, base = ent
            off = addr & PAGE_MASK
            n = min(size, PAGE_SIZE - off)
            out += r.mv[base + off:base + off + n]
            addr = (addr + n) & MASK64        # the address space wraps at 2**64
            size -= n
        return bytes(out)

    def write(self, addr: int, data: bytes, prot: int = 0) -> None:
        pos = 0
        # Check the whole range first: a faulting store writes nothing.
        for p in range(addr >> PAGE_SHIFT, ((addr + len(data) - 1) >> PAGE_SHIFT) + 1):
            ent = self.pages.get(p & (MASK64 >> PAGE_SHIFT))
            if ent is None or (prot and not ent[0].prot & prot):
                raise AccessError(max(addr, p << PAGE_SHIFT) & MASK64, len(data), "write")
        while pos < len(data):
            page = addr >> PAGE_SHIFT
            r, base = self.pages[page]
            off = addr & PAGE_MASK
            n = min(len(data) - pos, PAGE_SIZE - off)
            if page in self.code_pages and self.on_code_write:
                self.on_code_write(page)
            r.mv[base + off:base + off + n] = data[pos:pos + n]
            addr = (addr + n) & MASK64
            pos += n

    def fetch_bundle(self, addr: int) -> bytes:
        ent = self.pages.get(addr >> PAGE_SHIFT)
        if ent is None or not ent[0].prot & PROT_EXEC:
            raise AccessError(addr, 16, "fetch")
        r, base = ent
        o = base + (addr & PAGE_MASK)
        return bytes(r.mv[o:o + 16])
