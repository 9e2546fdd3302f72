"""Profiles of guest runs: the report, flame-graph files and the commands.

``ia64jit profile PROG [ARGS...]`` runs a static Linux/IA-64 program as
``run-user`` does, with backend/profile.py's counters on, then reports where
the time went: the hottest translated blocks by host time and by entries,
each with its guest address, ELF symbol, guest disassembly and, with
``--ir`` / ``--asm``, its LLVM IR and host assembly.  ``--folded FILE``
writes folded stacks (``guest;SYMBOL;blk_ADDR COUNT``, for flamegraph.pl or
speedscope), ``--speedscope FILE`` a speedscope JSON profile and
``--perf-map`` the ``/tmp/perf-<pid>.map`` file ``perf report`` reads to
name JIT code.  ``run-user --profile`` prints the same report after the run.
"""

from __future__ import annotations

import bisect
import json
import os
import sys

M64 = (1 << 64) - 1

INTERP = "(interpreter)"
HANDLERS = "(fault handlers)"
COMPILER = "(compiler)"
OTHER = "(other)"


# ---------------------------------------------------------------- symbols

class Symbols:
    """Guest address -> symbol, from an ELF file's static symbol table."""

    def __init__(self, ef=None):
        entries = []
        if ef is not None:
            code = {s.index: s for s in ef.sections if s.is_code}
            rank = {"FUNC": 0, "NOTYPE": 1}
            for s in ef.symbols:
                if s.name and s.shndx in code and s.type in rank and not s.name.startswith(".L"):
                    sec = code[s.shndx]
                    entries.append((s.value, rank[s.type], s.bind != "GLOBAL", s.name,
                                    sec.vma + sec.size))
        entries.sort()
        # One symbol per address: the best-ranked (FUNC, then GLOBAL).
        self.entries = []
        for e in entries:
            if not self.entries or self.entries[-1][0] != e[0]:
                self.entries.append(e)
        self.values = [e[0] for e in self.entries]

    @classmethod
    def from_file(cls, path: str) -> "Symbols":
        from frontend import elf
        try:
            return cls(elf.load(path))
        except elf.ElfError:
            return cls()

    def lookup(self, addr: int):
        """(name, offset) of the symbol covering ``addr`` in its section, or None."""
        i = bisect.bisect_right(self.values, addr) - 1
        if i < 0:
            return None
        value, _, _, name, sec_end = self.entries[i]
        if addr >= sec_end:
            return None
        return name, addr - value

    def describe(self, addr: int) -> str | None:
        """``name+0x40`` (``name`` at offset 0) or None."""
        hit = self.lookup(addr)
        if hit is None:
            return None
        name, off = hit
        return f"{name}+{off:#x}" if off else name

    def symbolize(self, target: int) -> str:
        """Branch-target text as objdump prints it: ``4000000000000480 <main+0x40>``."""
        target &= M64
        d = self.describe(target)
        return f"{target:x} <{d}>" if d else f"0x{target:x}"


# ---------------------------------------------------------------- the report

def _pct(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:5.1f}%" if whole else "    -"


def _num(n: int) -> str:
    return f"{n:,}"


def _short(x: float) -> str:
    """A ratio in at most 9 characters."""
    if x < 1000:
        return f"{x:.2f}"
    if x < 1e6:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def block_label(key: int) -> str:
    ip, ri = key & ~0xF & M64, key & 0xF
    return f"{ip:#x}" + (f"[{ri}]" if ri else "")


def disassemble_block(mem, blk, symbols: Symbols | None = None) -> str:
    """objdump-style text of the bundles a block translates."""
    from frontend.disasm import address_skip, disassemble_bytes
    covered = blk.covered
    if not covered:
        return "  (no bundles)"
    start = covered[0]
    try:
        data = mem.read(start, 16 * len(covered))
    except Exception:
        return "  (code no longer mapped)"
    out = []
    disassemble_bytes(out, data, start, 0, len(data), address_skip(start + len(data)),
                      symbols.symbolize if symbols else None)
    if blk.ri:
        out.insert(0, f"  (entered at slot {blk.ri})")
    return "\n".join(out)


def format_report(prof, snap=None, top: int = 10, detail: int = 3,
                  show_ir: bool = False, show_asm: bool = False,
                  symbols: Symbols | None = None, title: str = "") -> str:
    s = snap or prof.snapshot()
    sym = symbols.describe if symbols else (lambda a: None)
    total_c = s.total_cycles or 1
    total_n = s.total_insns or 1
    lines = []
    mips = s.total_insns / s.seconds / 1e6 if s.seconds else 0.0
    lines.append(f"ia64jit profile{': ' + title if title else ''}")
    lines.append(f"  {_num(s.total_insns)} guest instructions in {s.seconds:.3f} s "
                 f"({mips:.2f} MIPS); {_num(s.total_cycles)} host cycles at "
                 f"{s.hz / 1e9:.2f} GHz")
    lines.append(f"  {len(s.blocks)} compiled block{'s' if len(s.blocks) != 1 else ''} ran; "
                 f"{s.compiled} compiled in {s.modules} "
                 f"module{'s' if s.modules != 1 else ''} "
                 f"({s.compile_cycles / s.hz if s.hz else 0.0:.3f} s)")
    lines.append("")
    lines.append(f"  {'where the time went':<22} {'cycles':>16} {'time':>6}  "
                 f"{'guest insns':>15} {'insns':>6}")
    rows = [("compiled code", s.block_cycles, s.block_insns),
            (INTERP, s.interp.cycles, s.interp.insns),
            (HANDLERS, s.handlers.cycles, s.handlers.insns),
            (COMPILER, s.compile_cycles, 0),
            (OTHER, s.other_cycles, 0)]
    for name, c, n in rows:
        lines.append(f"  {name:<22} {_num(c):>16} {_pct(c, total_c)}  {_num(n):>15} "
                     f"{_pct(n, total_n)}")
    lines.append("")

    # The hot lists: blocks and the Python-side tiers that ran guest code.
    class _Tier:
        def __init__(self, name, counts):
            self.name, self.key = name, None
            self.entries, self.cycles, self.insns = counts.entries, counts.cycles, counts.insns

    items = list(s.blocks) + [t for t in (_Tier(INTERP, s.interp), _Tier(HANDLERS, s.handlers))
                              if t.entries]
    head = (f"  {'#':>3} {'time':>6} {'cycles':>14} {'entries':>11} {'guest insns':>13} "
            f"{'insn/ent':>9} {'cyc/insn':>9}  {'block':<20} symbol")

    def row(i, b):
        label = b.name if b.key is None else block_label(b.key)
        where = "" if b.key is None else (sym(b.key & ~0xF & M64) or "")
        per = _short(b.insns / b.entries) if b.entries else "-"
        cpi = _short(b.cycles / b.insns) if b.insns else "-"
        return (f"  {i:>3} {_pct(b.cycles, total_c)} {_num(b.cycles):>14} {_num(b.entries):>11} "
                f"{_num(b.insns):>13} {per:>9} {cpi:>9}  {label:<20} {where}".rstrip())

    by_time = sorted(items, key=lambda b: (-b.cycles, -b.insns, b.key or 0))
    lines.append(f"hottest by host time (top {min(top, len(by_time))} of {len(by_time)})")
    lines.append(head)
    lines += [row(i + 1, b) for i, b in enumerate(by_time[:top])]
    lines.append("")
    by_ent = sorted(items, key=lambda b: (-b.entries, -b.cycles, b.key or 0))
    lines.append(f"hottest by entries (top {min(top, len(by_ent))} of {len(by_ent)})")
    lines.append(head)
    lines += [row(i + 1, b) for i, b in enumerate(by_ent[:top])]

    if s.helpers:
        lines.append("")
        hc = sum(c.cycles for c in s.helpers.values())
        lines.append(f"runtime helpers called from compiled code ({_pct(hc, total_c).strip()} "
                     f"of time, counted in their blocks' time)")
        lines.append(f"  {'helper':<24} {'calls':>11} {'cycles':>14} {'time':>6} {'cyc/call':>9}")
        for name, c in sorted(s.helpers.items(), key=lambda kv: (-kv[1].cycles, kv[0]))[:top]:
            lines.append(f"  {name:<24} {_num(c.entries):>11} {_num(c.cycles):>14} "
                         f"{_pct(c.cycles, total_c)} {_short(c.cycles / c.entries):>9}")

    shown = [b for b in by_time if b.key is not None][:detail]
    for i, b in enumerate(shown):
        lines.append("")
        where = sym(b.ip)
        recomp = f", compiled {len(b.records)} times" if len(b.records) > 1 else ""
        lines.append(f"=== {b.name}  {block_label(b.key)}{' <' + where + '>' if where else ''}: "
                     f"{_pct(b.cycles, total_c).strip()} of time, {_num(b.entries)} entries, "
                     f"{_num(b.insns)} guest instructions, "
                     f"{len(b.covered)} bundle{'s' if len(b.covered) != 1 else ''}"
                     f"{f', {b.size} bytes of host code' if b.size else ''}{recomp}")
        lines.append(disassemble_block(prof.m.mem, b, symbols))
        rec = b.records[-1]
        if show_ir:
            text = prof.ir(rec)
            lines.append(f"--- LLVM IR of {b.name} (as generated)")
            lines.append(text.rstrip() if text else "  (not available: compiled before profiling)")
        if show_asm:
            text = prof.assembly(rec)
            lines.append(f"--- host assembly of {b.name}")
            lines.append(text.rstrip() if text else "  (not available: compiled before profiling)")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- flame graphs

def stacks(snap, weight: str = "cycles", symbols: Symbols | None = None) -> list:
    """[(frames, count)]: one stack per block and per tier; ``weight`` is
    ``cycles`` (host time; includes the compiler and the glue) or ``insns``."""
    if weight not in ("cycles", "insns"):
        raise ValueError(f"weight must be cycles or insns, not {weight!r}")
    out = []
    for b in sorted(snap.blocks, key=lambda b: b.key):
        hit = symbols.lookup(b.ip) if symbols else None
        count = b.cycles if weight == "cycles" else b.insns
        if count:
            out.append((["guest", hit[0] if hit else "[unknown]", b.name], count))
    for name, counts in ((INTERP, snap.interp), (HANDLERS, snap.handlers)):
        count = counts.cycles if weight == "cycles" else counts.insns
        if count:
            out.append((["guest", name], count))
    if weight == "cycles":
        for name, count in ((COMPILER, snap.compile_cycles), (OTHER, snap.other_cycles)):
            if count:
                out.append((["ia64jit", name], count))
    return out


def folded_text(snap, weight: str = "cycles", symbols: Symbols | None = None) -> str:
    """Brendan Gregg's folded stacks: ``frame;frame;frame COUNT`` per line."""
    return "".join(";".join(f.replace(";", ":") for f in frames) + f" {count}\n"
                   for frames, count in stacks(snap, weight, symbols))


def speedscope_json(snap, symbols: Symbols | None = None, name: str = "ia64jit") -> dict:
    """A speedscope file (https://www.speedscope.app/file-format-schema.json)
    with two sampled profiles: host time and guest instructions."""
    frames, index = [], {}

    def fid(name):
        if name not in index:
            index[name] = len(frames)
            frames.append({"name": name})
        return index[name]

    profiles = []
    for weight, title in (("cycles", "host time"), ("insns", "guest instructions")):
        samples, weights = [], []
        for fr, count in stacks(snap, weight, symbols):
            samples.append([fid(f) for f in fr])
            if weight == "cycles" and snap.hz:
                count = int(count * 1e9 / snap.hz)
            weights.append(count)
        unit = "nanoseconds" if weight == "cycles" and snap.hz else "none"
        profiles.append({"type": "sampled", "name": f"{name}: {title}", "unit": unit,
                         "startValue": 0, "endValue": sum(weights),
                         "samples": samples, "weights": weights})
    return {"$schema": "https://www.speedscope.app/file-format-schema.json",
            "shared": {"frames": frames}, "profiles": profiles, "name": name,
            "activeProfileIndex": 0, "exporter": "ia64jit"}


# ---------------------------------------------------------------- commands

def _positive(text):
    from .commands import _positive as p
    return p(text)


def _count(text):
    import argparse
    try:
        v = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text!r}")
    return v


def _write(path: str, text: str) -> None:
    from .commands import CommandError
    try:
        with open(path, "w") as f:
            f.write(text)
    except OSError as e:
        raise CommandError(f"{path}: cannot write: {e.strerror or e}") from None


def add_output_arguments(p) -> None:
    """Report and file options (profile; run-user --profile takes them too)."""
    p.add_argument("--top", type=_positive, default=10, metavar="N",
                   help="blocks listed in each table (default 10)")
    p.add_argument("--detail", type=_count, default=3, metavar="N",
                   help="hottest blocks shown with their disassembly (default 3)")
    p.add_argument("--ir", action="store_true", help="show the LLVM IR of the detailed blocks")
    p.add_argument("--asm", action="store_true",
                   help="show the host assembly of the detailed blocks")
    p.add_argument("--folded", metavar="FILE",
                   help="write folded stacks (guest;SYMBOL;blk_ADDR COUNT) for a flame graph")
    p.add_argument("--folded-weight", choices=("cycles", "insns"), default="cycles",
                   help="COUNT in --folded: host cycles (default) or guest instructions")
    p.add_argument("--speedscope", metavar="FILE", help="write a speedscope JSON profile")
    p.add_argument("--report", metavar="FILE",
                   help="write the report to FILE instead of stderr")


def add_profile_arguments(p) -> None:
    from .commands import add_engine_arguments
    p.add_argument("program", metavar="PROG", help="static Linux/IA-64 ELF executable")
    p.add_argument("args", nargs="*", metavar="ARG", help="arguments passed to the program")
    add_engine_arguments(p)
    p.add_argument("--strace", action="store_true", help="trace system calls on stderr")
    p.add_argument("--env", action="append", default=[], metavar="VAR=VALUE",
                   help="environment variable for the guest (repeatable)")
    add_output_arguments(p)
    p.add_argument("--perf-map", action="store_true",
                   help="write /tmp/perf-PID.map so perf report names compiled blocks")


def add_run_user_profile_arguments(p) -> None:
    """What run-user adds for profiling."""
    p.add_argument("--profile", action="store_true",
                   help="count compiled blocks and report the hottest on stderr at exit "
                        "(see `ia64jit profile`)")
    p.add_argument("--perf-map", action="store_true",
                   help="write /tmp/perf-PID.map so perf report names compiled blocks")


def run_profile(args) -> int:
    from .commands import CommandError
    from .linux import LinuxProcess, LoadError
    if not os.path.exists(args.program):
        raise CommandError(f"{args.program}: no such file")
    if args.engine != "jit":
        raise CommandError("profile needs the JIT engine (--engine jit)")
    try:
        proc = LinuxProcess(args.program, [args.program] + list(args.args), env=args.env,
                            engine=args.engine, jit_threshold=args.jit_threshold,
                            strace=args.strace)
    except LoadError as exc:
        raise CommandError(str(exc)) from None
    if args.no_code_cache:
        proc.m.jit.code_cache = None
    args.profile = True
    return run_profiled(proc, args)


def run_profiled(proc, args) -> int:
    """Run a loaded LinuxProcess with profiling (``args.profile``) and/or a
    perf map (``args.perf_map``); print the report, write the files."""
    from .commands import CommandError
    m = proc.m
    counting = bool(getattr(args, "profile", False))
    if m.jit is None:
        if counting:
            raise CommandError("--profile needs the JIT engine (--engine jit)")
        raise CommandError("--perf-map needs the JIT engine (--engine jit)")
    from backend.profile import Profiler
    symbols = Symbols.from_file(proc.path)
    prof = Profiler(m, count=counting, perf_map=bool(getattr(args, "perf_map", False)),
                    symbolize=symbols.describe, keep_ir=counting)
    prof.attach()
    status = None
    try:
        status = proc.run()
    except KeyboardInterrupt:
        sys.stderr.write(f"ia64jit: interrupted at ip={m.reg_read('ip'):#x} slot "
                         f"{m.reg_read('ri')} after {m.reg_read('icount')} instructions\n")
        status = 130
    finally:
        prof.detach()
    if prof.perf_map is not None:
        sys.stderr.write(f"ia64jit: perf map: {prof.perf_map.path} "
                         f"({prof.perf_map.entries} entries)\n")
    if counting:
        snap = prof.snapshot()
        title = " ".join([os.path.basename(proc.path)] + list(getattr(args, "args", [])))
        text = format_report(prof, snap, top=getattr(args, "top", 10),
                             detail=getattr(args, "detail", 3), show_ir=getattr(args, "ir", False),
                             show_asm=getattr(args, "asm", False), symbols=symbols, title=title)
        dest = getattr(args, "report", None)
        if dest:
            _write(dest, text)
        else:
            sys.stdout.flush()
            sys.stderr.write(text)
            sys.stderr.flush()
        if getattr(args, "folded", None):
            _write(args.folded, folded_text(snap, getattr(args, "folded_weight", "cycles"),
                                            symbols))
        if getattr(args, "speedscope", None):
            _write(args.speedscope,
                   json.dumps(speedscope_json(snap, symbols, os.path.basename(proc.path))))
    return status
