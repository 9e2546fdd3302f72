"""``objdump -d`` for IA-64 ELF files.

``disassemble_elf(path)`` returns what ``ia64-linux-gnu-objdump -d FILE``
prints from its first ``Disassembly of section`` line on.  frontend/disasm.py
prints the instructions; this module adds what objdump's driver does around
them, following the behaviour of GNU objdump (binutils 2.40):

* Only sections with SHF_EXECINSTR and contents, non-empty, in section
  header order.
* Symbols are the static symbol table (the dynamic one when there is no
  static table), as BFD presents them: section-relative values become
  addresses, STT_SECTION/STT_FILE symbols are "debugging" symbols.  objdump
  drops nameless, undefined and common symbols, and section and file
  symbols unless their name starts with .plt or .got, then sorts
  the rest per section (``_compare``): by address, symbols of a section
  named like the current one first, then functions, objects, global, weak,
  local, larger size, names not starting with '.', and name.  Dynamic
  symbols carry their GNU version (``name@@VERS``).
* A section is cut into regions at the symbols of that section; each region
  starts with a label (``0000000000000040 <name>:`` -- or ``<name-0x..>``
  when the first symbol lies after the section start, or ``<.text>`` when
  there is none).  A region whose symbol is an object (not a function)
  is dumped as data, 16 bytes a line with their ASCII; other regions are
  disassembled, with reads limited to the region (a bundle that crosses a
  symbol is "out of bounds").
* Branch targets print as ``20 <sym+0x20>`` with the nearest symbol at or
  below the target (the current section's symbols preferred, and required
  for targets inside the section when the file has relocations), or
  ``0x20`` when the file has no usable symbols at all.

Not modelled: objdump's use of dynamic relocations to name targets that
are exactly a relocated address (files with dynamic relocations only) and
synthetic @plt symbols (IA-64 has none).
"""

from __future__ import annotations

from functools import cmp_to_key

from . import elf as elfmod
from .disasm import SKIP_ZEROES, SKIP_ZEROES_AT_END, address_skip, disassemble_bytes, format_address

MASK64 = (1 << 64) - 1

# BFD symbol flags (the subset objdump's choices depend on).
LOCAL, GLOBAL, WEAK, FUNCTION, OBJECT, SECTION_SYM, FILE, DEBUGGING = (1 << i for i in range(8))


class _PseudoSection:
    """BFD's *ABS*, *UND* and *COM* sections."""

    def __init__(self, name):
        self.name = name
        self.vma = 0
        self.size = 0


ABS = _PseudoSection("*ABS*")
UND = _PseudoSection("*UND*")
COM = _PseudoSection("*COM*")


class BfdSymbol:
    """A symbol as BFD shows it to objdump."""

    __slots__ = ("name", "value", "size", "flags", "section", "version")

    def __init__(self, name, value, size, flags, section, version=""):
        self.name, self.value, self.size, self.flags, self.section = name, value, size, flags, section
        self.version = version      # "@@VER" / "@VER" suffix objdump prints, or ""

    def __repr__(self):
        return f"<BfdSymbol {self.name} {self.value:#x} {self.section.name} {self.flags:#x}>"


def _symtab_index(ef) -> int:
    return next((s.index for s in ef.sections if s.type == elfmod.SHT_SYMTAB), 0)


def _is_attached_reloc(ef, s) -> bool:
    """A relocation section BFD attaches to its target (so not a section itself)."""
    rel = (elfmod.SHT_REL, elfmod.SHT_RELA)
    if s.type not in rel:
        return False
    if not ef.is_relocatable and ef.type in (elfmod.ET_EXEC, elfmod.ET_DYN) and s.is_alloc:
        return False
    symtab = _symtab_index(ef)
    return (s.link != 0 and s.link == symtab and 0 < s.info < len(ef.sections)
            and ef.sections[s.info].type not in rel)


def has_reloc(ef) -> bool:
    """BFD's HAS_RELOC: some section has relocations attached."""
    return any(_is_attached_reloc(ef, s) for s in ef.sections)


def _bfd_sections(ef) -> dict:
    """Section index -> Section for the headers BFD turns into sections."""
    strtab_of_symtab = {s.link for s in ef.sections if s.type == elfmod.SHT_SYMTAB}
    out = {}
    for s in ef.sections[1:]:
        if s.type in (elfmod.SHT_SYMTAB, elfmod.SHT_SYMTAB_SHNDX):
            continue
        if s.type == elfmod.SHT_STRTAB and s.index in strtab_of_symtab:
            continue
        if _is_attached_reloc(ef, s):
            continue
        out[s.index] = s
    return out


def _version_suffix(ef, s) -> str:
    """What objdump prints after a symbol's name for its GNU version."""
    if not ef.has_versym or not (ef.has_verdef or ef.has_verneed):
        return ""
    vernum = s.version & 0x7FFF
    hidden = bool(s.version & 0x8000)
    if vernum == 0:
        return ""
    defs = ef.version_definitions
    cverdefs = max(defs) if defs else 0
    if vernum == 1 and (vernum > cverdefs or defs.get(1, (0, ""))[0] == 1):
        text = "Base"
    elif vernum <= cverdefs:
        text = defs.get(vernum, (0, ""))[1]
    else:
        text = "<corrupt>"
        if vernum in ef.version_needs:
            hidden = True
            text = ef.version_needs[vernum]
    if not text:
        return ""
    return ("@" if hidden else "@@") + text


def bfd_symbols(ef) -> list:
    """The symbols objdump starts from (before it drops the useless ones)."""
    dynamic = not ef.symbols
    table = ef.symbols or ef.dynamic_symbols
    secs = _bfd_sections(ef)
    out = []
    for s in table:
        flags = 0
        if s.bind == "LOCAL":
            flags |= LOCAL
        elif s.bind == "GLOBAL":
            if s.shndx not in (elfmod.SHN_UNDEF, elfmod.SHN_COMMON):
                flags |= GLOBAL
        elif s.bind == "WEAK":
            flags |= WEAK
        if s.type == "SECTION":
            flags |= SECTION_SYM | DEBUGGING
        elif s.type == "FILE":
            flags |= FILE | DEBUGGING
        elif s.type == "FUNC":
            flags |= FUNCTION
        elif s.type == "OBJECT":
            flags |= OBJECT
        value = s.value
        if s.shndx == elfmod.SHN_UNDEF:
            section = UND
        elif s.shndx == elfmod.SHN_ABS:
            section = ABS
        elif s.shndx == elfmod.SHN_COMMON:
            section = COM
        else:
            section = secs.get(s.shndx, ABS)
            if section is not ABS and ef.is_relocatable:
                value += section.vma        # relocatable: st_value is section-relative
        name = s.name
        if s.type == "SECTION" and not name and section is not ABS:
            name = section.name
        version = "" if not dynamic or flags & SECTION_SYM else _version_suffix(ef, s)
        out.append(BfdSymbol(name, value & MASK64, s.size, flags, section, version))
    return out


def _significant(name: str) -> bool:
    """Section/debugging symbols objdump keeps anyway (PLT and GOT)."""
    return name.startswith(".plt") or name.startswith(".got")


def useful_symbols(syms) -> list:
    """objdump's remove_useless_symbols."""
    return [s for s in syms
            if s.name and (not s.flags & (DEBUGGING | SECTION_SYM) or _significant(s.name))
            and s.section is not UND and s.section is not COM]


def _file_like(s) -> bool:
    n = s.name
    return bool(s.flags & FILE) or (len(n) > 2 and n[-2] == "." and n[-1] in "oa")


def _compare(section):
    """objdump's symbol order while disassembling ``section``."""

    def cmp(a, b):
        if a.value != b.value:
            return -1 if a.value < b.value else 1
        ain = a.section.name == section.name
        bin_ = b.section.name == section.name
        if ain != bin_:
            return -1 if ain else 1
        af = "gnu_compiled" in a.name or "gcc2_compiled" in a.name
        bf = "gnu_compiled" in b.name or "gcc2_compiled" in b.name
        if af != bf:
            return 1 if af else -1
        af, bf = _file_like(a), _file_like(b)
        if af != bf:
            return 1 if af else -1
        for flag, first in ((DEBUGGING, False), (SECTION_SYM, False), (FUNCTION, True),
                            (OBJECT, True), (LOCAL, False), (GLOBAL, True)):
            x, y = a.flags & flag, b.flags & flag
            if bool(x) != bool(y):
                return (-1 if x else 1) if first else (1 if x else -1)
        asz = 0 if a.flags & SECTION_SYM else a.size
        bsz = 0 if b.flags & SECTION_SYM else b.size
        if asz != bsz:
            return -1 if asz > bsz else 1
        ad, bd = a.name.startswith("."), b.name.startswith(".")
        if ad != bd:
            return 1 if ad else -1
        an, bn = a.name.encode("latin-1"), b.name.encode("latin-1")
        return (an > bn) - (an < bn)

    return cmp_to_key(cmp)


def sanitize(name: str) -> str:
    """objdump's sanitize_string: control characters print as ^X."""
    if all(" " <= c != "\x7f" for c in name):
        return name
    return "".join("^" + chr((ord(c) + 0x40) & 0xFF) if (c < " " or c == "\x7f") else c
                   for c in name)


def _hex(v: int) -> str:
    return "%x" % (v & MASK64)


class _SectionContext:
    """Symbol look-ups while disassembling one section (find_symbol_for_address)."""

    def __init__(self, syms, section, relocatable_with_relocs):
        self.syms = syms
        self.values = [s.value for s in syms]
        self.section = section
        self.has_reloc = relocatable_with_relocs

    def find(self, vma: int, require_sec: bool):
        """(symbol, place) -- objdump's choice of symbol for ``vma``."""
        syms, vals, sec = self.syms, self.values, self.section
        n = len(syms)
        if n < 1:
            return None, 0
        lo, hi = 0, n
        while lo + 1 < hi:
            mid = (lo + hi) // 2
            if vals[mid] > vma:
                hi = mid
            elif vals[mid] < vma:
                lo = mid
            else:
                lo = mid
                break
        place = lo
        while place > 0 and vals[place] == vals[place - 1]:
            place -= 1
        i = place
        while i < hi and vals[i] == vals[place]:
            if syms[i].section is sec:
                return syms[i], i
            i += 1
        min_ = i
        want = require_sec or (self.has_reloc and sec.vma <= vma < sec.vma + sec.size)

        def ok(k):
            return not want or syms[k].section is sec

        if not ok(place):
            newplace = n
            for k in range(min_ - 1, -1, -1):
                if ok(k):
                    if newplace == n:
                        newplace = k
                    if vals[k] != vals[newplace]:
                        break
                    newplace = k
            if newplace != n:
                place = newplace
            else:
                for k in range(place + 1, n):
                    if ok(k):
                        place = k
                        break
            if not ok(place):
                return None, 0
        return syms[place], place

    def describe(self, sym, vma: int) -> str:
        """The ``<name+0x..>`` part objdump prints after an address."""
        if sym is None:
            sec = self.section
            text = "<" + sanitize(sec.name)
            if vma < sec.vma:
                text += "-0x" + _hex(sec.vma - vma)
            elif vma > sec.vma:
                text += "+0x" + _hex(vma - sec.vma)
            return text + ">"
        text = "<" + sanitize(sym.name) + sym.version
        if sym.value > vma:
            text += "-0x" + _hex(sym.value - vma)
        elif vma > sym.value:
            text += "+0x" + _hex(vma - sym.value)
        return text + ">"

    def symbolize(self, target: int) -> str:
        """Branch/chk target text (objdump_print_address)."""
        target &= MASK64
        if not self.syms:
            return "0x" + _hex(target)
        sym, _ = self.find(target, False)
        return _hex(target) + " " + self.describe(sym, target)


def _dump_data(out: list, data: bytes, vma: int, start: int, stop: int, skip: int) -> None:
    """objdump's data dump for a region labelled by an object symbol."""
    off = start
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
        chunk = data[off:min(off + 16, stop)]
        hexcol = "".join("%02x " % b for b in chunk) + "   " * (16 - len(chunk))
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        out.append(f"{format_address(vma + off, skip)}:\t{hexcol}    {text}")
        off += len(chunk)


def disassemble_section(out: list, ef, section, syms) -> None:
    """Append objdump -d's lines for one code section."""
    data = section.data
    stop = section.size
    if stop == 0:
        return
    ordered = sorted(syms, key=_compare(section))
    ctx = _SectionContext(ordered, section, has_reloc(ef))
    skip = address_skip(section.vma + section.size)
    out.append("")
    out.append(f"Disassembly of section {sanitize(section.name)}:")
    sym, place = ctx.find(section.vma, True)
    n = len(ordered)
    offset = 0
    while offset < stop:
        addr = (section.vma + offset) & MASK64
        out.append("")
        out.append("%016x %s:" % (addr, ctx.describe(sym, addr)))
        if sym is not None and sym.value > addr:
            nextsym = sym
        elif sym is None:
            nextsym = None
        else:
            while place < n and not (ordered[place].section.name == section.name
                                     and ordered[place].value > sym.value):
                place += 1
            nextsym = ordered[place] if place < n else None
        if sym is not None and sym.value > addr:
            nextstop = sym.value - section.vma
        elif nextsym is None:
            nextstop = stop
        else:
            nextstop = nextsym.value - section.vma
        if nextstop > stop or nextstop <= offset:
            nextstop = stop
        insns = (sym is None or sym.section is not section or sym.value > addr
                 or (not sym.flags & OBJECT and "gnu_compiled" not in sym.name
                     and "gcc2_compiled" not in sym.name)
                 or bool(sym.flags & FUNCTION))
        if insns:
            # Reads stop at the region end, as objdump's stop_vma makes them.
            disassemble_bytes(out, data[:nextstop], section.vma, offset, nextstop, skip,
                              ctx.symbolize)
        else:
            _dump_data(out, data, section.vma, offset, nextstop, skip)
        offset = nextstop
        sym = nextsym


def disassemble_loaded(ef) -> str:
    syms = useful_symbols(bfd_symbols(ef))
    out = []
    for section in ef.sections:
        if section.is_code and section.size:
            disassemble_section(out, ef, section, syms)
    if not out:
        return ""
    return "\n".join(out[1:]) + "\n"


def disassemble_elf(path) -> str:
    """What ``ia64-linux-gnu-objdump -d PATH`` prints from its first
    ``Disassembly of section`` line on.  Raises elf.ElfError on bad input."""
    return disassemble_loaded(elfmod.load(path))
