"""``ia64jit run KERNEL [ARGS...]``: boot a guest kernel on a system machine.

The kernel is an IA-64 ELF; ia64jit/platform/boot.py loads it into physical
memory and sets the boot state (a bare ELF starts as on the Ski simulator's
system mode: psr = 0, physical addressing, cpl 0).  The guest's console
goes to stdout; the run ends when the guest powers off (its status is the
process's), when --max-insns is reached, on Ctrl-C (where the guest was is
printed) or when the guest stops in a way no IVT can take (one line).
"""

from __future__ import annotations

import sys
import time

from .commands import CommandError, add_engine_arguments

PLATFORMS = ("native",)
RAM_LIMIT = 0xF8000000            # ia64jit/platform/firmware.FIRMWARE_BASE


def _size(text: str) -> int:
    import argparse
    t = text.strip().upper()
    mult = 1
    for suffix, m in (("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30)):
        if t.endswith(suffix):
            t, mult = t[:-1], m
            break
    try:
        v = int(t, 0) * mult
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 256M, 1G)") from None
    if v < (1 << 20) or v > RAM_LIMIT or v & 0xFFF:
        raise argparse.ArgumentTypeError(f"memory size {text!r}: between 1M and "
                                         f"{RAM_LIMIT >> 20}M (RAM ends below the firmware at "
                                         f"{RAM_LIMIT:#x}), a multiple of 4K")
    return v


def add_run_arguments(p) -> None:
    p.add_argument("kernel", metavar="KERNEL", help="IA-64 ELF kernel")
    p.add_argument("args", nargs="*", metavar="ARG",
                   help="arguments for the guest (boot command line, Ski's get-args call)")
    p.add_argument("--platform", choices=PLATFORMS, default="native",
                   help="native (default): the kernel owns a bare machine")
    p.add_argument("--mem", type=_size, default=256 << 20, metavar="SIZE",
                   help="guest RAM (default 256M)")
    add_engine_arguments(p)
    p.add_argument("--virtual-time", action="store_true",
                   help="ITC follows the instruction count: repeatable runs")
    p.add_argument("--max-insns", type=int, default=None, metavar="N",
                   help="stop after N guest instructions")
    p.add_argument("--initrd", metavar="FILE",
                   help="an initial ramdisk, loaded after the kernel (boot params, "
                        "Ski's SSC_GET_INITRAMFS)")
    p.add_argument("--stats", action="store_true",
                   help="print instructions, MIPS and interruptions taken on stderr at the end")
    from .profile import add_run_user_profile_arguments
    add_run_user_profile_arguments(p)          # --profile, --perf-map


def where(m) -> str:
    """Where the guest is, for messages."""
    st = m.state
    psr = int(st.ctl[st.CTL["psr"]])
    text = (f"ip={m.reg_read('ip'):#x} slot {m.reg_read('ri')} cpl {(psr >> 32) & 3} "
            f"psr={psr:#x} after {m.reg_read('icount')} instructions")
    try:
        from frontend.decoder import decode_bundle
        b = decode_bundle(m.mem.fetch_bundle(m.reg_read("ip")))
        insn = b.insns[m.reg_read("ri")]
        if insn is not None:
            text += f" ({insn.text()})"
    except Exception:
        pass
    return text


def _stdin_reader():
    """The console's input: what stdin has now, without blocking (None when
    stdin is not readable)."""
    import os
    import select
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    state = {"eof": False}

    def read() -> bytes:
        if state["eof"]:
            return b""
        try:
            ready, _, _ = select.select([fd], [], [], 0)
            if not ready:
                return b""
            data = os.read(fd, 4096)
        except OSError:
            data = b""
        if not data:
            state["eof"] = True
        return data
    return read


def run_run(args) -> int:
    import os
    if not os.path.exists(args.kernel):
        raise CommandError(f"{args.kernel}: no such file")
    from .machine import EmulationError, Machine
    from .platform.boot import BootError, boot
    profiling = bool(getattr(args, "profile", False) or getattr(args, "perf_map", False))
    m = Machine(engine=args.engine, jit_threshold=args.jit_threshold,
                code_cache=not args.no_code_cache, system=True,
                virtual_time=args.virtual_time, jit_async=not profiling)
    try:
        boot(m, args.kernel, list(args.args), mem_size=args.mem, console_in=_stdin_reader(),
             initrd=args.initrd)
    except BootError as exc:
        raise CommandError(str(exc)) from None
    if profiling:
        from .profile import run_profiled
        return run_profiled(_KernelRun(m, args), args)
    return _run(m, args)


class _KernelRun:
    """What ia64jit/profile.run_profiled needs of a run: machine, path, run()."""

    def __init__(self, m, args):
        self.m, self.path, self.args = m, args.kernel, args

    def run(self):
        return _run(self.m, self.args)


def _run(m, args) -> int:
    from .machine import EmulationError
    t0 = time.perf_counter()
    status = 0
    try:
        m.run(count=args.max_insns)
        if m.exit_status is None:
            sys.stdout.flush()
            why = "after --max-insns" if args.max_insns is not None and \
                m.reg_read("icount") >= args.max_insns else "by the guest (SSC_STOP)"
            sys.stderr.write(f"ia64jit: stopped {why} at {where(m)}\n")
            status = 3
        else:
            status = m.exit_status & 0xFF
    except KeyboardInterrupt:
        sys.stdout.flush()
        sys.stderr.write(f"ia64jit: interrupted at {where(m)}\n")
        status = 130
    except EmulationError as exc:
        sys.stdout.flush()
        sys.stderr.write(f"ia64jit: guest stopped: {exc}\n")
        status = 1
    if args.stats:
        _stats(m, time.perf_counter() - t0)
    return status


def _stats(m, seconds) -> None:
    from translator.faults import NAMES
    n = m.reg_read("icount")
    lines = [f"{n} instructions in {seconds:.2f} s: {n / max(seconds, 1e-9) / 1e6:.1f} MIPS"]
    for code, count in sorted(m.stats_interruptions.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {count:10d}  {NAMES.get(code, code)}")
    if m.jit is not None:
        s = m.jit.stats
        per = 1000 * s['compile_s'] / s['compiled'] if s['compiled'] else 0.0
        lines.append(f"  JIT: {s['compiled']} blocks in {s['modules']} modules "
                     f"({s.get('tier_ups', 0)} loops moved to tier 2, "
                     f"{s.get('traced_branches', 0)} hot branches traced), "
                     f"{s['compile_s']:.2f} s compiling ({per:.1f} ms a block)")
        if s.get("lost_faults"):
            lines.append(f"  JIT: {s['lost_faults']} runtime calls reported a fault they "
                         f"did not raise (their instructions were interpreted again)")
    sys.stderr.write("\n".join(lines) + "\n")
