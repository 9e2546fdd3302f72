"""The ``ia64jit`` command.

Subcommands live in one table, ``COMMANDS``: each entry names the
subcommand, its one-line help, a function that adds its arguments to an
argparse parser and a function that runs it (``run(args) -> exit status``).
To add a subcommand, write those two functions and add a ``Command`` row.

Errors never show a traceback: a run function raises ``CliError`` (or
``frontend.elf.ElfError``) and ``main`` prints exactly one line,
``ia64jit: <message>``, on stderr and exits with status 2.  Usage errors
(unknown options, missing arguments) are reported the same way.
Set IA64JIT_TRACEBACK=1 to see the traceback of an unexpected exception.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Callable, NamedTuple

PROG = "ia64jit"
EXIT_ERROR = 2


class CliError(Exception):
    """A user-facing error: str() is the one-line message."""


class Command(NamedTuple):
    name: str
    help: str
    add_arguments: Callable      # (argparse.ArgumentParser) -> None
    run: Callable                # (argparse.Namespace) -> int


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting."""

    def error(self, message):
        raise CliError(" ".join(message.split()))


def write_text(text: str) -> None:
    """Write command output; symbol names keep their raw bytes (latin-1)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("latin-1", "replace"))
    sys.stdout.flush()


# ---------------------------------------------------------------- disasm

def _address(text: str) -> int:
    try:
        v = int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid address {text!r}") from None
    if not -(1 << 63) <= v < (1 << 64):
        raise argparse.ArgumentTypeError(f"address {text!r} does not fit in 64 bits")
    return v & ((1 << 64) - 1)


def _disasm_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="IA-64 ELF file (or raw bundles with --raw)")
    p.add_argument("--raw", action="store_true",
                   help="FILE is raw bytes: print what objdump -D -b binary -m ia64-elf64 prints")
    p.add_argument("--vma", type=_address, default=None, metavar="ADDR",
                   help="address of the first byte with --raw (objdump --adjust-vma)")


def _read_raw(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{path}: is a directory") from None
    except PermissionError:
        raise CliError(f"{path}: permission denied") from None
    except OSError as e:
        raise CliError(f"{path}: cannot read: {e.strerror or e}") from None
    if not data:
        raise CliError(f"{path}: empty file")
    return data


def run_disasm(args) -> int:
    """``ia64jit disasm FILE`` (objdump -d) / ``--raw FILE [--vma ADDR]`` (objdump -D -b binary)."""
    # Read and check the input before importing the disassembler: building
    # the decode tables takes a moment, and a bad file should fail at once.
    if args.raw:
        data = _read_raw(args.file)
        from frontend.disasm import disassemble_raw
        write_text(disassemble_raw(data, args.vma or 0))
        return 0
    if args.vma is not None:
        raise CliError("--vma needs --raw (an ELF file has its own addresses)")
    from frontend.elf import load
    ef = load(args.file)
    from frontend.elfdisasm import disassemble_loaded
    write_text(disassemble_loaded(ef))
    return 0


# ---------------------------------------------------------------- the table

def _from(module: str, name: str):
    """A table entry's function, imported from ``module`` only when used."""

    def call(*args):
        import importlib
        return getattr(importlib.import_module(module), name)(*args)

    call.__name__ = name
    return call


COMMANDS = [
    Command("disasm", "disassemble an IA-64 ELF file or raw bundles, as GNU objdump does",
            _disasm_arguments, run_disasm),
    Command("run", "boot an IA-64 kernel on an emulated machine (console on stdout)",
            _from("ia64jit.kernel", "add_run_arguments"),
            _from("ia64jit.kernel", "run_run")),
    Command("run-user", "run a static Linux/IA-64 executable (user mode, system calls emulated)",
            _from("ia64jit.commands", "add_run_user_arguments"),
            _from("ia64jit.commands", "run_run_user")),
    Command("bench", "run the benchmark workloads on the interpreter and the JIT",
            _from("ia64jit.commands", "add_bench_arguments"),
            _from("ia64jit.commands", "run_bench")),
    Command("cache", "show, trim or clear the on-disk caches (compiled code, decoder tables)",
            _from("ia64jit.commands", "add_cache_arguments"),
            _from("ia64jit.commands", "run_cache")),
    Command("profile", "run a static Linux/IA-64 executable and report its hottest compiled blocks",
            _from("ia64jit.profile", "add_profile_arguments"),
            _from("ia64jit.profile", "run_profile")),
]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="IA-64 (Itanium) dynamic translator")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for cmd in COMMANDS:
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.add_arguments(p)
        p.set_defaults(_run=cmd.run)
    return parser


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        args = build_parser().parse_args(argv)
        if getattr(args, "_run", None) is None:
            raise CliError("missing command (one of: %s)" % ", ".join(c.name for c in COMMANDS))
        status = args._run(args)
    except SystemExit as e:          # --help / --version from argparse
        code = e.code
        return code if isinstance(code, int) else (0 if code is None else EXIT_ERROR)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error worth a message.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except Exception as e:
        if os.environ.get("IA64JIT_TRACEBACK") and not isinstance(e, _user_errors()):
            raise
        _fail(_message(e))
        return EXIT_ERROR
    return status or 0


def _user_errors() -> tuple:
    """Exception types whose message is for the user (no "internal error")."""
    from frontend.elf import ElfError
    kinds = [CliError, ElfError]
    commands = sys.modules.get("ia64jit.commands")
    if commands is not None and hasattr(commands, "CommandError"):
        kinds.append(commands.CommandError)
    return tuple(kinds)


def _message(e: Exception) -> str:
    if isinstance(e, _user_errors()):
        text = str(e)
    else:
        text = f"internal error: {type(e).__name__}: {e}"
    return " ".join(text.split()) or type(e).__name__


def _fail(message: str) -> None:
    try:
        sys.stdout.flush()
    except Exception:
        pass
    sys.stderr.write(f"{PROG}: {message}\n")
    sys.stderr.flush()
