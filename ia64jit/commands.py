"""Subcommands that run guest code: ``run-user`` and ``bench``.

Each has an ``add_*_arguments(parser)`` and a ``run_*(args) -> status``;
ia64jit/cli.py lists them in its COMMANDS table.
"""

from __future__ import annotations

import json
import os
import sys

ENGINES = ("jit", "interp")


class CommandError(Exception):
    """One line for the user (the CLI prints it and exits with 2)."""


def _positive(text: str) -> int:
    import argparse
    try:
        v = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return v


def add_engine_arguments(p) -> None:
    """The options every run command takes."""
    p.add_argument("--engine", choices=ENGINES, default="jit",
                   help="jit (default: hot code compiled) or interp (interpret everything)")
    p.add_argument("--jit-threshold", type=_positive, default=50, metavar="N",
                   help="executions before a block is compiled (default 50)")
    p.add_argument("--no-code-cache", action="store_true",
                   help="do not read or write the on-disk cache of compiled code")


# ---------------------------------------------------------------- run-user

def add_run_user_arguments(p) -> None:
    p.add_argument("program", metavar="PROG", help="static Linux/IA-64 ELF executable")
    p.add_argument("args", nargs="*", metavar="ARG", help="arguments passed to the program")
    add_engine_arguments(p)
    p.add_argument("--strace", action="store_true",
                   help="trace system calls on stderr; list unimplemented ones at exit")
    p.add_argument("--env", action="append", default=[], metavar="VAR=VALUE",
                   help="environment variable for the guest (repeatable)")
    from .profile import add_run_user_profile_arguments
    add_run_user_profile_arguments(p)          # --profile, --perf-map


def run_run_user(args) -> int:
    from .linux import LinuxProcess, LoadError
    if not os.path.exists(args.program):
        raise CommandError(f"{args.program}: no such file")
    try:
        proc = LinuxProcess(args.program, [args.program] + list(args.args), env=args.env,
                            engine=args.engine, jit_threshold=args.jit_threshold,
                            strace=args.strace,
                            jit_async=not (getattr(args, "profile", False) or
                                           getattr(args, "perf_map", False)))
    except LoadError as exc:
        raise CommandError(str(exc)) from None
    if proc.m.jit is not None and args.no_code_cache:
        proc.m.jit.code_cache = None
    if getattr(args, "profile", False) or getattr(args, "perf_map", False):
        from .profile import run_profiled
        return run_profiled(proc, args)
    try:
        return proc.run()
    except KeyboardInterrupt:
        m = proc.m
        sys.stderr.write(f"ia64jit: interrupted at ip={m.reg_read('ip'):#x} slot "
                         f"{m.reg_read('ri')} after {m.reg_read('icount')} instructions\n")
        return 130


# ---------------------------------------------------------------- bench

def add_bench_arguments(p) -> None:
    p.add_argument("workloads", nargs="*", metavar="WORKLOAD",
                   help="workloads from bench/workloads, or bench/system with --system "
                        "(default: all)")
    p.add_argument("--system", action="store_true",
                   help="system benchmarks: syscall round trips, timer interrupts and TLB "
                        "misses per second on a bare system machine (ia64jit/sysbench.py)")
    p.add_argument("--scale", type=float, default=1.0,
                   help="multiply each workload's iteration count (default 1.0)")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")


def run_bench(args) -> int:
    if args.system:
        from . import sysbench as bench
        from .sysbench import have_binutils
    else:
        from . import bench
        from .difftest import have_binutils
    names = bench.workloads()
    if not names:
        raise CommandError(f"no workloads found in {bench.WORKLOAD_DIR}")
    if not have_binutils():
        raise CommandError("the benchmarks are assembled with ia64-linux-gnu-as: install "
                           "binutils-ia64-linux-gnu (make test does)")
    chosen = args.workloads or names
    unknown = [w for w in chosen if w not in names]
    if unknown:
        raise CommandError(f"unknown workload {unknown[0]!r} (have: {', '.join(names)})")
    if args.scale <= 0:
        raise CommandError("--scale must be positive")
    rows = []
    for name in chosen:
        sys.stderr.write(f"[bench] {name} ...\n")
        sys.stderr.flush()
        rows.append(bench.compare(name, args.scale))
    print(bench.format_table(rows))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


# ---------------------------------------------------------------- cache

def add_cache_arguments(p) -> None:
    p.add_argument("action", choices=("info", "clear", "trim"),
                   help="info: where and how big; clear: empty it; trim: apply the size cap now")
    p.add_argument("--code", action="store_true", help="only the compiled-code cache")
    p.add_argument("--decoder", action="store_true", help="only the decoder's table cache")


def run_cache(args) -> int:
    from backend import codecache
    from frontend import cache as decoder_cache
    both = not (args.code or args.decoder)
    if args.action == "info":
        entries, size = codecache.usage()
        cap = codecache.CodeCache().max_bytes
        print(f"compiled code: {codecache.default_dir()}: {entries} entries, "
              f"{size / 2**20:.1f} MB (cap: {'none' if cap is None else f'{cap / 2**20:.0f} MB'})")
        return 0
    if args.action == "trim":
        left = codecache.CodeCache().trim()
        print(f"compiled code: {left / 2**20:.1f} MB left")
        return 0
    if args.code or both:
        entries, size = codecache.clear()
        print(f"compiled code: removed {entries} entries ({size / 2**20:.1f} MB)")
    if args.decoder or both:
        print(f"decoder tables: removed {decoder_cache.clear()} files")
    return 0
