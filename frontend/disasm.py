"""objdump-identical disassembly text.

``print_insn`` mirrors what GNU objdump's IA-64 back end prints for one
address (which may be inside a bundle: objdump addresses slots at +0, +6
and +0xc); ``disassemble_bytes`` mirrors objdump's driver loop (address
column, hex column, zero-run skipping, out-of-bounds reads); the ELF side
(``frontend/elf.py``) adds sections and symbols.
"""

from __future__ import annotations

import sys

from .bundle import TEMPLATES, split
from .decoder import REGISTRY, Insn, decode_slot, slot_type

BYTES_PER_LINE = 6     # objdump's octets per line for IA-64
SKIP_ZEROES = 16       # what libopcodes sets for IA-64 (the default is 8)
SKIP_ZEROES_AT_END = 3


def print_insn(data: bytes, offset: int, vma: int, symbolize=None):
    """Text and length for the instruction objdump shows at ``offset``.

    Returns (text, consumed) or (None, 0) when the bundle cannot be read.
    """
    return _print_insn(data, offset, vma, symbolize, None)


def _print_insn(data, offset, vma, symbolize, pre):
    """print_insn; ``pre`` (a _Predecoded or None) may already know the bundle."""
    # objdump works on addresses: the bundle is the 16 aligned bytes around
    # vma + offset, which may start before the data when vma is unaligned.
    within = (vma + offset) & 0xF
    slotnum = within // BYTES_PER_LINE
    base = offset - within
    if base < 0 or base + 16 > len(data):
        return None, 0
    if vma + base > 0xFFFFFFFFFFFFFFFF:
        return None, 0        # the address wrapped past 2**64: objdump cannot read it
    rows = None
    if pre is not None:
        got = pre.get(base)
        if got is not None:
            code, slots, rows = got
    if rows is None:
        code, *slots = split(data[base:base + 16])
    tmpl = TEMPLATES[code]
    consumed = BYTES_PER_LINE
    head = "[%s] " % tmpl.name if slotnum == 0 else "      "
    unit = tmpl.units[slotnum]
    if tmpl.name == "MLX" and slotnum == 1:
        slotnum = 2           # the L slot is shown with its X slot
        consumed = 2 * BYTES_PER_LINE   # objdump: + one slot; the slot-2 rule below makes it 10
    insn_bits = slots[slotnum]
    insn = None
    if unit is not None:
        if rows is None:
            insn = decode_slot(slot_type(unit, insn_bits), insn_bits, slots[1])
        elif rows[slotnum] >= 0:
            # The batch decoder found the row decode_slot would find.
            row = _ROWS[rows[slotnum]]
            insn = Insn(row, row.extract(insn_bits, slots[1]))
    if insn is None:
        text = head + "      data8 " + _hash_hex(insn_bits)
    else:
        addr = (vma + base) & 0xFFFFFFFFFFFFFFFF
        text = head + ("      " if insn.qp == 0 or insn.row.nopred else "(p%02d) " % insn.qp)
        text += insn.row.mnemonic
        ops = insn.operand_text(addr, symbolize)
        if ops:
            text += " " + ops
        if tmpl.stops[slotnum]:
            text += ";;"
    if slotnum == 2:
        consumed += 16 - 3 * BYTES_PER_LINE
    return text, consumed


_ROWS = REGISTRY.rows
_PREDECODE_MIN = 32          # bundles; fewer are cheaper to decode one at a time
_PREDECODE_COLD_MIN = 32768  # bundles worth building the batch decoder's tables (~0.2 s)


def _use_predecode(nbundles: int) -> bool:
    """Batch-decode a region of ``nbundles`` first?  Only when the batch
    decoder's tables exist already, or the region pays for building them."""
    if nbundles < _PREDECODE_MIN:
        return False
    if nbundles >= _PREDECODE_COLD_MIN:
        return True
    mod = sys.modules.get(__package__ + ".batch")
    return mod is not None and mod.tables_built()


class _Predecoded:
    """The bundles of data[start:stop] decoded in one batch (frontend.batch):
    ``get(base)`` gives (template code, slots, row index per slot) or None."""

    def __init__(self, data, start, stop):
        from .batch import decode_many     # numpy; only needed here
        self.lo = start - (start & 0xF)
        last = stop - 1 - ((stop - 1) & 0xF)           # base of the last bundle
        self.n = n = max(0, (min(len(data), last + 16) - self.lo) // 16)
        db = decode_many(memoryview(data)[self.lo:self.lo + 16 * n])
        self.template = db.template.tolist()
        self.slots = db.slots.tolist()
        self.rows = db.rows.tolist()

    def get(self, base):
        i = (base - self.lo) >> 4
        if 0 <= i < self.n:
            return self.template[i], self.slots[i], self.rows[i]
        return None


def _hash_hex(v: int) -> str:
    """C's "%#011llx": zero-padded to 11 characters, 0x only when non-zero."""
    if v == 0:
        return "0" * 11
    digits = "%x" % v
    return "0x" + digits.rjust(9, "0")


def address_skip(end_vma: int) -> int:
    """How many leading hex digits objdump drops from a 16-digit address."""
    buf = "%016x" % (end_vma & 0xFFFFFFFFFFFFFFFF)
    skip = 0
    while buf[skip:skip + 5] == "00000":
        skip += 4
    return skip


def format_address(vma: int, skip: int) -> str:
    s = "%x" % (vma & 0xFFFFFFFFFFFFFFFF)
    if len(s) <= 16 - skip:
        return s.rjust(16 - skip)     # the common case of the general rule below
    s = ("%016x" % (vma & 0xFFFFFFFFFFFFFFFF))[skip:]
    stripped = s.lstrip("0")
    if not stripped:
        return " " * (len(s) - 1) + "0"
    return " " * (len(s) - len(stripped)) + stripped


def _hex_column(b) -> str:
    """Each byte as "%02x " (objdump's hex column)."""
    return bytes(b).hex(" ") + " " if b else ""


def disassemble_bytes(out: list, data: bytes, vma: int, start: int, stop: int,
                      skip: int, symbolize=None) -> None:
    """objdump's per-region loop: append lines for data[start:stop]."""
    off = start
    pre = None
    if _use_predecode((stop - start) // 16):
        pre = _Predecoded(data, start, stop)
    while off < stop:
        z = off
        while z < stop and data[z] == 0:
            z += 1
        run = z - off
        if run >= SKIP_ZEROES or (z == stop and run < SKIP_ZEROES_AT_END):
            if z != stop:
                z = off + (run & ~3)
            out.append("\t...")
            off = z
            continue
        addr_text = format_address(vma + off, skip)
        text, consumed = _print_insn(data, off, vma, symbolize, pre)
        if text is None:
            bundle_addr = (vma + off - ((vma + off) & 0xF)) & 0xFFFFFFFFFFFFFFFF
            out.append(f"{addr_text}:\tAddress 0x{bundle_addr:x} is out of bounds.")
            out.append("")
            return
        first = min(consumed, BYTES_PER_LINE)
        hexcol = _hex_column(data[off:off + first])
        hexcol += "   " * (BYTES_PER_LINE - first)
        out.append(f"{addr_text}:\t{hexcol}\t{text}")
        pb = first
        while pb < consumed:
            n = min(BYTES_PER_LINE, consumed - pb)
            cont = _hex_column(data[off + pb:off + pb + n])
            out.append(f"{format_address(vma + off + pb, skip)}:\t{cont}")
            pb += n
        off += consumed


def disassemble_raw(data: bytes, vma: int = 0, section: str = ".data") -> str:
    """What ``objdump -D -b binary -m ia64-elf64 [--adjust-vma=VMA]`` prints
    from its ``Disassembly of section`` line on."""
    out = [f"Disassembly of section {section}:", "", "%016x <%s>:" % (vma & 0xFFFFFFFFFFFFFFFF, section)]
    skip = address_skip(vma + len(data))
    disassemble_bytes(out, data, vma, 0, len(data), skip)
    return "\n".join(out) + "\n"
