#!/usr/bin/env python3
"""set-phys-vaddr.py ELF -- set every PT_LOAD's p_vaddr to its p_paddr.

The kernel is linked in region 7 but loaded and entered at physical
addresses; with p_vaddr == p_paddr any loader puts it at the physical
address, whether it reads p_vaddr (Ski's system mode) or p_paddr.  Section
headers keep the region-7 addresses (objdump shows the linked addresses).
"""
import struct
import sys

PT_LOAD = 1


def main(path):
    data = bytearray(open(path, "rb").read())
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, "not an ELF64 LSB file"
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        off = phoff + i * phentsize
        p_type, = struct.unpack_from("<I", data, off)
        if p_type == PT_LOAD:
            p_paddr, = struct.unpack_from("<Q", data, off + 0x18)
            struct.pack_into("<Q", data, off + 0x10, p_paddr)
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    main(sys.argv[1])
