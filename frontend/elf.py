"""Loading IA-64 ELF64 files (executables, shared objects, relocatable objects).

``load(path)`` reads the whole file, checks that it is a little-endian ELF64
file for EM_IA_64 and returns an ``ElfFile`` with its sections, PT_LOAD
segments, entry point and symbols.  Every problem with the input (missing
file, not ELF, wrong class/byte order/machine, truncated or malformed
headers and tables) raises ``ElfError`` with a one-line message; nothing
else escapes.

pyelftools parses the headers and tables; section and segment contents are
sliced from the file image here, after a bounds check, so a truncated file
is reported rather than silently read short.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass, field

EM_IA_64 = 50

# ELF section header flags and types used by callers.
SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4
SHT_NULL = 0
SHT_PROGBITS = 1
SHT_SYMTAB = 2
SHT_STRTAB = 3
SHT_RELA = 4
SHT_DYNSYM = 11
SHT_NOBITS = 8
SHT_REL = 9
SHT_SYMTAB_SHNDX = 18
SHT_GNU_VERDEF = 0x6FFFFFFD
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF

# Special section indices.
SHN_UNDEF = 0
SHN_LORESERVE = 0xFF00
SHN_ABS = 0xFFF1
SHN_COMMON = 0xFFF2
SHN_XINDEX = 0xFFFF

PT_LOAD = 1
PF_X, PF_W, PF_R = 1, 2, 4

ET_REL, ET_EXEC, ET_DYN = 1, 2, 3



class ElfError(Exception):
    """The file cannot be used as an IA-64 ELF file; str() is one line."""


@dataclass
class Section:
    index: int
    name: str
    type: int           # sh_type
    flags: int          # sh_flags
    vma: int            # sh_addr
    size: int           # sh_size
    offset: int         # sh_offset
    link: int
    info: int
    addralign: int
    entsize: int
    data: bytes = field(repr=False)   # contents (b"" for SHT_NOBITS)

    @property
    def has_contents(self) -> bool:
        # Section 0 is never a real section, whatever its header says.
        return self.index != 0 and self.type not in (SHT_NOBITS, SHT_NULL)

    @property
    def is_code(self) -> bool:
        """What objdump -d disassembles: executable and with contents."""
        return bool(self.flags & SHF_EXECINSTR) and self.has_contents

    @property
    def is_alloc(self) -> bool:
        return bool(self.flags & SHF_ALLOC)


@dataclass
class Segment:
    """A PT_LOAD program header and its file bytes (``filesz`` of them)."""

    vaddr: int
    paddr: int
    memsz: int
    filesz: int
    flags: int          # PF_R | PF_W | PF_X
    offset: int
    align: int
    data: bytes = field(repr=False)

    @property
    def executable(self) -> bool:
        return bool(self.flags & PF_X)


@dataclass
class Symbol:
    index: int          # position in its symbol table
    name: str
    value: int          # st_value
    size: int           # st_size
    type: str           # NOTYPE OBJECT FUNC SECTION FILE COMMON TLS ... (or "TYPE<n>")
    bind: str           # LOCAL GLOBAL WEAK ... (or "BIND<n>")
    shndx: int          # section index, or SHN_UNDEF / SHN_ABS / SHN_COMMON
    visibility: str = "DEFAULT"
    version: int = 0    # .gnu.version entry (dynamic symbols only; bit 15 = hidden)

    @property
    def defined(self) -> bool:
        return self.shndx != SHN_UNDEF


@dataclass
class ElfFile:
    path: str
    type: int           # e_type: ET_REL, ET_EXEC, ET_DYN, ...
    machine: int
    entry: int
    flags: int          # e_flags
    sections: list      # every section header, in order (index 0 is the null section)
    segments: list      # PT_LOAD segments, in program header order
    symbols: list       # .symtab entries after the null symbol
    dynamic_symbols: list  # .dynsym entries after the null symbol
    has_versym: bool = False       # a .gnu.version section exists
    version_definitions: dict = field(default_factory=dict)  # vd_ndx -> (vd_flags, name)
    version_needs: dict = field(default_factory=dict)        # vna_other -> name
    has_verdef: bool = False
    has_verneed: bool = False

    @property
    def is_relocatable(self) -> bool:
        return self.type == ET_REL

    @property
    def is_executable(self) -> bool:
        return self.type == ET_EXEC

    def section(self, name: str):
        """The first section called ``name``, or None."""
        for s in self.sections:
            if s.name == name:
                return s
        return None

    def symbol(self, name: str):
        """The first defined symbol called ``name`` (static table first), or None."""
        for s in self.symbols + self.dynamic_symbols:
            if s.name == name and s.defined:
                return s
        return None

    @property
    def code_sections(self) -> list:
        return [s for s in self.sections if s.is_code and s.size]

    @property
    def has_relocations(self) -> bool:
        return any(s.type in (SHT_REL, SHT_RELA) for s in self.sections)


# Names for a wrong e_machine; pyelftools knows the long descriptions.
_SHORT_MACHINE = {3: "i386", 62: "x86-64", 40: "ARM", 183: "AArch64", 243: "RISC-V",
                  8: "MIPS", 20: "PowerPC", 21: "PowerPC64", 22: "S/390", 2: "SPARC",
                  43: "SPARC V9", 0: "no machine"}


def _machine_name(num: int) -> str:
    if num in _SHORT_MACHINE:
        return _SHORT_MACHINE[num]
    try:
        from elftools.elf.descriptions import describe_e_machine
        from elftools.elf.enums import ENUM_E_MACHINE
        for key, val in ENUM_E_MACHINE.items():
            if val == num and key != "_default_":
                desc = describe_e_machine(key)
                return desc if desc and not desc.startswith("<unknown") else key
    except Exception:  # pragma: no cover - pyelftools internals
        pass
    return "an unknown machine"


def _check_ident(image: bytes, path: str) -> None:
    """What the identification bytes and e_machine say, before pyelftools."""
    if len(image) < 4 or image[:4] != b"\x7fELF":
        raise ElfError(f"{path}: not an ELF file")
    if len(image) < 16:
        raise ElfError(f"{path}: truncated ELF file (no complete identification)")
    cls, data = image[4], image[5]
    if data == 2:
        raise ElfError(f"{path}: big-endian ELF is not supported (IA-64 code here is little-endian)")
    if data != 1:
        raise ElfError(f"{path}: malformed ELF file (bad byte order {data})")
    if cls == 1:
        machine = struct.unpack_from("<H", image, 18)[0] if len(image) >= 20 else None
        what = f" ({_machine_name(machine)})" if machine is not None else ""
        raise ElfError(f"{path}: ELF32 file{what}; IA-64 needs ELF64")
    if cls != 2:
        raise ElfError(f"{path}: malformed ELF file (bad class {cls})")
    if len(image) < 64:
        raise ElfError(f"{path}: truncated ELF file (incomplete ELF header)")
    machine = struct.unpack_from("<H", image, 18)[0]
    if machine != EM_IA_64:
        raise ElfError(f"{path}: not an IA-64 file: it is for {_machine_name(machine)}"
                       f" (e_machine {machine}; IA-64 is {EM_IA_64})")


def _slice(image: bytes, offset: int, size: int, what: str, path: str) -> bytes:
    if offset < 0 or size < 0 or offset + size > len(image):
        raise ElfError(f"{path}: truncated or malformed ELF file: {what} "
                       f"(offset {offset:#x}, size {size:#x}) lies past the end of the file "
                       f"({len(image):#x} bytes)")
    return image[offset:offset + size]


_STT = {0: "NOTYPE", 1: "OBJECT", 2: "FUNC", 3: "SECTION", 4: "FILE", 5: "COMMON", 6: "TLS",
        10: "GNU_IFUNC"}
_STB = {0: "LOCAL", 1: "GLOBAL", 2: "WEAK", 10: "GNU_UNIQUE"}
_STV = ("DEFAULT", "INTERNAL", "HIDDEN", "PROTECTED")


def load(path) -> ElfFile:
    """Read and check an IA-64 ELF64 file; any problem raises ElfError."""
    path = str(path)
    try:
        with open(path, "rb") as f:
            image = f.read()
    except FileNotFoundError:
        raise ElfError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ElfError(f"{path}: is a directory") from None
    except PermissionError:
        raise ElfError(f"{path}: permission denied") from None
    except OSError as e:
        raise ElfError(f"{path}: cannot read: {e.strerror or e}") from None
    _check_ident(image, path)
    try:
        return _parse(image, path)
    except ElfError:
        raise
    except RecursionError:
        raise ElfError(f"{path}: malformed ELF file") from None
    except Exception as e:  # pyelftools/construct/struct/index errors on bad input
        msg = " ".join(str(e).split()) or type(e).__name__
        if len(msg) > 160:
            msg = msg[:157] + "..."
        raise ElfError(f"{path}: truncated or malformed ELF file ({msg})") from None


def _parse(image: bytes, path: str) -> ElfFile:
    from elftools.elf.elffile import ELFFile

    ef = ELFFile(io.BytesIO(image))
    hdr = ef.header
    e_type = hdr["e_type"]
    e_type = {"ET_NONE": 0, "ET_REL": ET_REL, "ET_EXEC": ET_EXEC, "ET_DYN": ET_DYN,
              "ET_CORE": 4}.get(e_type, e_type) if isinstance(e_type, str) else e_type

    # Section headers.
    sections = []
    nsec = ef.num_sections() if hdr["e_shoff"] else 0
    if nsec:
        end = hdr["e_shoff"] + nsec * hdr["e_shentsize"]
        if hdr["e_shentsize"] < 64 or end > len(image):
            raise ElfError(f"{path}: truncated or malformed ELF file: section header table "
                           f"(offset {hdr['e_shoff']:#x}, {nsec} entries) lies past the end of the file")
    for i in range(nsec):
        s = ef.get_section(i)
        h = s.header
        sh_type = _raw_sh_type(image, hdr, i)
        data = b""
        if sh_type not in (SHT_NOBITS, SHT_NULL) and i:
            data = _slice(image, h["sh_offset"], h["sh_size"], f"section {_name_of(s, i)}", path)
        sections.append(Section(i, "", sh_type, h["sh_flags"], h["sh_addr"], h["sh_size"],
                                h["sh_offset"], h["sh_link"], h["sh_info"], h["sh_addralign"],
                                h["sh_entsize"], data))

    # Names as raw bytes (latin-1), as objdump prints them.
    if sections:
        shstrndx = ef.get_shstrndx()
        if not 0 < shstrndx < len(sections):
            if any(sec_hdr_name for sec_hdr_name in _name_offsets(ef, len(sections))):
                raise ElfError(f"{path}: malformed ELF file: no section name table "
                               f"(e_shstrndx {shstrndx})")
        else:
            table = sections[shstrndx].data
            for sec, off in zip(sections, _name_offsets(ef, len(sections))):
                sec.name = _cstring(table, off, "section name", path)

    # Program headers: keep PT_LOAD.
    segments = []
    if hdr["e_phoff"] and ef.num_segments():
        end = hdr["e_phoff"] + ef.num_segments() * hdr["e_phentsize"]
        if hdr["e_phentsize"] < 56 or end > len(image):
            raise ElfError(f"{path}: truncated or malformed ELF file: program header table "
                           f"lies past the end of the file")
        for seg in ef.iter_segments():
            h = seg.header
            if h["p_type"] not in ("PT_LOAD", PT_LOAD):
                continue
            if h["p_filesz"] > h["p_memsz"]:
                raise ElfError(f"{path}: malformed ELF file: PT_LOAD at {h['p_vaddr']:#x} has "
                               f"filesz {h['p_filesz']:#x} > memsz {h['p_memsz']:#x}")
            data = _slice(image, h["p_offset"], h["p_filesz"],
                          f"PT_LOAD segment at {h['p_vaddr']:#x}", path)
            segments.append(Segment(h["p_vaddr"], h["p_paddr"], h["p_memsz"], h["p_filesz"],
                                    h["p_flags"], h["p_offset"], h["p_align"], data))

    symbols, dynamic = [], []
    for sec in sections:
        if sec.type not in (SHT_SYMTAB, SHT_DYNSYM):
            continue
        if sec.entsize and sec.entsize != 24:
            raise ElfError(f"{path}: malformed ELF file: symbol table {sec.name} has entry size "
                           f"{sec.entsize}")
        target = symbols if sec.type == SHT_SYMTAB else dynamic
        if target:
            continue        # BFD uses the first table of each kind
        if not 0 <= sec.link < len(sections) or sections[sec.link].type != SHT_STRTAB:
            raise ElfError(f"{path}: malformed ELF file: symbol table {sec.name} has no string table")
        strtab = sections[sec.link].data
        data = sec.data
        for n in range(1, sec.size // 24):
            st_name, st_info, st_other, st_shndx, st_value, st_size = \
                struct.unpack_from("<IBBHQQ", data, 24 * n)
            if st_name >= len(strtab) and st_name:
                raise ElfError(f"{path}: malformed ELF file: symbol {n} of {sec.name} has a name "
                               f"outside its string table")
            target.append(Symbol(n, _cstring(strtab, st_name, "symbol name", path),
                                 st_value, st_size,
                                 _STT.get(st_info & 0xF, f"TYPE{st_info & 0xF}"),
                                 _STB.get(st_info >> 4, f"BIND{st_info >> 4}"),
                                 st_shndx,
                                 _STV[st_other & 3]))
    ef = ElfFile(path, e_type, EM_IA_64, hdr["e_entry"], hdr["e_flags"], sections, segments,
                 symbols, dynamic)
    _read_versions(ef, path)
    return ef


def _strtab_name(sections, link: int, off: int, path: str) -> str:
    if not 0 < link < len(sections):
        raise ElfError(f"{path}: malformed ELF file: version section without string table")
    data = sections[link].data
    if off >= len(data):
        raise ElfError(f"{path}: malformed ELF file: version name outside its string table")
    end = data.find(b"\0", off)
    return data[off:end if end >= 0 else len(data)].decode("latin-1")


def _read_versions(ef: ElfFile, path: str) -> None:
    """GNU symbol versioning: .gnu.version, .gnu.version_d, .gnu.version_r."""
    secs = ef.sections
    for sec in secs:
        data = sec.data
        if sec.type == SHT_GNU_VERSYM and not ef.has_versym:
            ef.has_versym = True
            for i, sym in enumerate(ef.dynamic_symbols, start=1):
                if 2 * i + 2 <= len(data):
                    sym.version = struct.unpack_from("<H", data, 2 * i)[0]
        elif sec.type == SHT_GNU_VERDEF and not ef.has_verdef:
            ef.has_verdef = True
            off = 0
            for _ in range(max(sec.info, 1)):
                if off + 20 > len(data):
                    raise ElfError(f"{path}: malformed ELF file: truncated version definitions")
                _, flags, ndx, cnt, _, aux, nxt = struct.unpack_from("<HHHHIII", data, off)
                name = ""
                if cnt:
                    if off + aux + 8 > len(data):
                        raise ElfError(f"{path}: malformed ELF file: truncated version definitions")
                    name = _strtab_name(secs, sec.link, struct.unpack_from("<I", data, off + aux)[0],
                                        path)
                ef.version_definitions[ndx] = (flags, name)
                if not nxt:
                    break
                off += nxt
        elif sec.type == SHT_GNU_VERNEED and not ef.has_verneed:
            ef.has_verneed = True
            off = 0
            for _ in range(max(sec.info, 1)):
                if off + 16 > len(data):
                    raise ElfError(f"{path}: malformed ELF file: truncated version needs")
                _, cnt, _, aux, nxt = struct.unpack_from("<HHIII", data, off)
                a = off + aux
                for _ in range(cnt):
                    if a + 16 > len(data):
                        raise ElfError(f"{path}: malformed ELF file: truncated version needs")
                    _, _, other, name_off, anext = struct.unpack_from("<IHHII", data, a)
                    ef.version_needs[other] = _strtab_name(secs, sec.link, name_off, path)
                    if not anext:
                        break
                    a += anext
                if not nxt:
                    break
                off += nxt


def _name_of(pysec, index: int) -> str:
    try:
        return pysec.name or str(index)
    except Exception:
        return str(index)


def _name_offsets(ef, count: int) -> list:
    return [ef.get_section(i).header["sh_name"] for i in range(count)]


def _cstring(table: bytes, off: int, what: str, path: str) -> str:
    if off == 0 and not table:
        return ""
    if off >= len(table):
        raise ElfError(f"{path}: malformed ELF file: {what} at {off:#x} outside its string table")
    end = table.find(b"\0", off)
    return table[off:end if end >= 0 else len(table)].decode("latin-1")


def _raw_sh_type(image: bytes, hdr, index: int) -> int:
    off = hdr["e_shoff"] + index * hdr["e_shentsize"] + 4
    return struct.unpack_from("<I", image, off)[0]
