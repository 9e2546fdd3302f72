"""Systests: assembled bare-machine programs (guests/systests) run on a system Machine.

A systest is an ELF image linked at PHYSICAL addresses (guests/systests/
systest.lds).  It runs on ``Machine(system=True)`` from its entry with
PSR = 0 (physical addressing, cpl 0, psr.ic = 0) until ip reaches its
``done`` label (slot 0): the one way a systest ends.  Interruptions go
through the IVT of guests/systests/ivt.inc, which appends a record per
interruption to the results area RES (physical 0x300000).

Header lines in the source (``//`` comments), any number::

    // expect: nrec=1 rec0.vec=0x2c00 rec0.isr&0xff=0x10 r8=7 cr.iim=0x1234
    // expect: @label=0x55 @label+8=-1 rec0.iip=@brk rec0.ifa=@data+0x10
    // max: 200000            (instruction limit, default 200,000)

Names: ``nrec`` (interruptions taken), ``recN.FIELD`` (FIELD one of
RECORD_FIELDS, record N), ``@symbol[+off]`` (8 bytes of physical memory at
an ELF symbol), anything else is a register name for ``Machine.reg_read``.
``NAME&MASK=VALUE`` compares only the bits of MASK.  Values are Python
integer literals (negative = modulo 2**64) or ``@symbol[+off]`` (its address).

The JIT runs use jit_threshold=1 (every block is translated) and the default
on-disk code cache (a rerun skips LLVM compilation, not translation).  A
bare system Machine without an LSAPIC gets ia64jit.platform.lsapic's.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from frontend import elf as elf_mod

from .machine import EmulationError, Machine

M64 = (1 << 64) - 1
ROOT = Path(__file__).resolve().parents[1]
SYSTESTS = ROOT / "guests" / "systests"
BUILD = SYSTESTS / "build"
RAM_SIZE = 0x1000000            # physical RAM mapped at 0 (16 MB)
RES = 0x300000                  # results area (ivt.inc)
REC_BASE = RES + 0x80
REC_SIZE = 0x80
RECORD_FIELDS = ("vec", "ipsr", "isr", "iip", "ifa", "itir", "iipa", "ifs", "iim", "iha",
                 "psr", "x0", "x1", "x2", "x3", "x4")
DEFAULT_MAX = 200_000
AS, LD = "ia64-linux-gnu-as", "ia64-linux-gnu-ld"


@dataclass
class Check:
    name: str
    mask: int
    value: str          # literal or @symbol[+off], resolved against the image


@dataclass
class Spec:
    checks: list = field(default_factory=list)
    max_insns: int = DEFAULT_MAX


def parse_header(text: str) -> Spec:
    spec = Spec()
    for line in text.splitlines():
        m = re.match(r"\s*//\s*(expect|max):\s*(.*?)\s*$", line)
        if not m:
            continue
        key, rest = m.groups()
        if key == "max":
            spec.max_insns = int(rest, 0)
            continue
        for item in rest.split():
            lhs, eq, value = item.partition("=")
            if not eq:
                raise ValueError(f"bad expectation {item!r} (want NAME[&MASK]=VALUE)")
            name, amp, mask = lhs.partition("&")
            spec.checks.append(Check(name, int(mask, 0) & M64 if amp else M64, value))
    return spec


def have_binutils() -> bool:
    return shutil.which(AS) is not None and shutil.which(LD) is not None


def sources() -> list:
    return sorted(p.stem for p in SYSTESTS.glob("*.s"))


def build(name: str, out_dir: Path = BUILD) -> Path:
    """Assemble and link guests/systests/NAME.s into OUT_DIR/NAME.elf."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    src, obj, exe = SYSTESTS / f"{name}.s", out_dir / f"{name}.o", out_dir / f"{name}.elf"
    r = subprocess.run([AS, "-I", str(SYSTESTS), "-o", str(obj), str(src)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{src}: assembly failed:\n{r.stderr}")
    r = subprocess.run([LD, "-T", str(SYSTESTS / "systest.lds"), "-o", str(exe), str(obj)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"{src}: link failed:\n{r.stderr}")
    obj.unlink()
    return exe


class Systest:
    """One image and its expectations."""

    def __init__(self, name: str, image: Path | None = None):
        self.name = name
        self.source = SYSTESTS / f"{name}.s"
        self.image = Path(image) if image else BUILD / f"{name}.elf"
        self.spec = parse_header(self.source.read_text())
        self.elf = elf_mod.load(str(self.image))

    def symbol(self, name: str) -> int:
        s = self.elf.symbol(name)
        if s is None:
            raise KeyError(f"{self.name}: no symbol {name!r}")
        return s.value

    def _value(self, text: str) -> int:
        if text.startswith("@"):
            sym, _, off = text[1:].partition("+")
            return (self.symbol(sym) + (int(off, 0) if off else 0)) & M64
        return int(text, 0) & M64

    def new_machine(self, engine: str, jit_threshold: int = 1) -> Machine:
        m = Machine(engine=engine, jit_threshold=jit_threshold, system=True)
        m.mem_map(0, RAM_SIZE)
        if getattr(m, "lsapic", None) is None:
            # cr.ivr/tpr/eoi/irr/itv and the ITC match are the processor's
            # (SDM vol. 2 5.8); the bare machine may leave them to the platform.
            from .platform.lsapic import LSAPIC
            m.lsapic = LSAPIC(m.state)
        for seg in self.elf.segments:
            m.phys.write(seg.paddr, seg.data)
        m.reg_write("psr", 0)
        return m

    def run(self, engine: str, jit_threshold: int = 1) -> Machine:
        """Run to ``done``; raise AssertionError if the run ends elsewhere."""
        m = self.new_machine(engine, jit_threshold)
        done = self.symbol("done")
        try:
            m.run(self.elf.entry, until=done, count=self.spec.max_insns)
        except EmulationError as exc:
            raise AssertionError(f"{self.name} [{engine}]: stopped on an undelivered "
                                 f"{exc.fault.describe()}; {self.trail(m)}") from None
        ip, ri = m.reg_read("ip"), m.reg_read("ri")
        if (ip, ri) != (done, 0):
            raise AssertionError(f"{self.name} [{engine}]: did not reach done ({done:#x}) in "
                                 f"{self.spec.max_insns} instructions: ip={ip:#x} slot {ri}, "
                                 f"psr={m.reg_read('psr'):#x}; {self.trail(m)}")
        return m

    # ------------------------------------------------------------ results
    def read(self, m: Machine, name: str) -> int:
        if name == "nrec":
            return _load8(m, RES)
        mm = re.match(r"^rec(\d)\.(\w+)$", name)
        if mm:
            n, fld = int(mm.group(1)), mm.group(2)
            if fld not in RECORD_FIELDS:
                raise ValueError(f"unknown record field {fld!r}")
            return _load8(m, REC_BASE + REC_SIZE * n + 8 * RECORD_FIELDS.index(fld))
        if name.startswith("@"):
            return _load8(m, self._value(name))
        return m.reg_read(name)

    def mismatches(self, m: Machine) -> list:
        out = []
        for c in self.spec.checks:
            got, want = self.read(m, c.name) & c.mask, self._value(c.value) & c.mask
            if got != want:
                label = c.name if c.mask == M64 else f"{c.name}&{c.mask:#x}"
                out.append(f"{label} = {got:#x}, expected {want:#x}")
        return out

    def trail(self, m: Machine) -> str:
        """The interruptions recorded so far, for messages."""
        try:
            n = min(_load8(m, RES), 8)
            recs = [f"vec {self.read(m, f'rec{i}.vec'):#x} iip {self.read(m, f'rec{i}.iip'):#x}"
                    f" isr {self.read(m, f'rec{i}.isr'):#x}" for i in range(n)]
        except Exception as exc:            # noqa: BLE001 -- only for a message
            return f"(no trail: {exc})"
        return f"{n} interruption(s): " + ("; ".join(recs) if recs else "none")


def _load8(m: Machine, addr: int) -> int:
    return int.from_bytes(m.phys.read(addr, 8), "little")


def run_and_check(name: str, engine: str, image: Path | None = None,
                  jit_threshold: int = 1) -> list:
    """Mismatches (as lines) of systest NAME on ENGINE; [] when it passes."""
    t = Systest(name, image)
    m = t.run(engine, jit_threshold)
    bad = t.mismatches(m)
    if engine == "jit" and not m.jit.stats.get("compiled"):
        bad.append("the JIT translated no block (the run was all interpreted)")
    return [f"{name} [{engine}]: {line}" for line in bad]


if __name__ == "__main__":       # python -m ia64jit.systest [NAME...]: rebuild and run
    import sys
    names = sys.argv[1:] or sources()
    for nm in names:
        if have_binutils():
            build(nm)
        for eng in ("interp", "jit"):
            try:
                bad = run_and_check(nm, eng)
            except (AssertionError, Exception) as exc:     # noqa: BLE001 -- report, go on
                bad = [f"{nm} [{eng}]: {type(exc).__name__}: {exc}"]
            print(f"{nm:24s} {eng:6s} " + ("ok" if not bad else "FAIL"))
            for line in bad:
                print("    " + line)
