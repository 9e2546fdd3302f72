"""The IA-64 C cross toolchain (`make toolchain`) and the guest runtime.

The compiler lives outside the repo ($IA64JIT_TOOLCHAIN, default
~/.cache/ia64jit/toolchain); tests that need it are skipped when it is absent.
The guest programs are only built and disassembled here, never run.
"""
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from elftools.elf.elffile import ELFFile

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "guests" / "runtime"
HELLO_C = ROOT / "guests" / "c" / "hello.c"
HELLO = ROOT / "guests" / "c" / "hello"
TOOLCHAIN = Path(os.environ.get("IA64JIT_TOOLCHAIN")
                 or Path.home() / ".cache" / "ia64jit" / "toolchain")
GCC = TOOLCHAIN / "bin" / "ia64-linux-gnu-gcc"
LD = "ia64-linux-gnu-ld"
OBJDUMP = "ia64-linux-gnu-objdump"
REGION2 = 0x4000000000000000

needs_binutils = pytest.mark.skipif(
    shutil.which(OBJDUMP) is None or shutil.which(LD) is None,
    reason="GNU binutils for IA-64 not installed (make binutils)")
needs_gcc = pytest.mark.skipif(
    not GCC.is_file(), reason=f"{GCC} not built (make toolchain)")


def run(*cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, text=True,
                          capture_output=True, **kw).stdout


def check_ia64_exec(path: Path):
    """path is a static IA-64 ELF executable whose entry _start is in region 2."""
    with open(path, "rb") as f:
        elf = ELFFile(f)
        assert elf.elfclass == 64 and elf.little_endian
        assert elf["e_machine"] == "EM_IA_64"
        assert elf["e_type"] == "ET_EXEC"
        assert not any(s["p_type"] == "PT_INTERP" for s in elf.iter_segments())
        entry = elf["e_entry"]
        assert entry >> 61 == 2, hex(entry)
        syms = {s.name: s["st_value"] for s in elf.get_section_by_name(".symtab").iter_symbols()}
        assert syms["_start"] == entry
        for name in ("main", "printf", "sys_write", "sys_exit_group", "__gp"):
            assert name in syms, name
        rodata = b"".join(s.data() for s in elf.iter_sections()
                          if s.name.startswith(".rodata"))
        assert b"hello, ia64" in rodata
    return entry


def check_disassembles(path: Path):
    text = run(OBJDUMP, "-d", path)
    assert "file format elf64-ia64-little" in text
    start = text[text.index("<_start>:"):]
    start = start[:start.index("\n\n")]
    # crt0: alloc, gp setup, call main, exit_group via the syscall break.
    assert "alloc" in start and "movl r1=" in start
    assert "br.call.sptk.many b0=" in start and "<main>" in start
    assert "break.m 0x100000" in start or "break.i 0x100000" in start
    assert "<main>:" in text and "<printf>:" in text
    assert "(bad)" not in text.split("<main>:")[1]
    return text


@needs_binutils
def test_committed_hello_is_ia64():
    assert HELLO.is_file(), "guests/c/hello not committed (make -C guests/runtime hello)"
    check_ia64_exec(HELLO)
    check_disassembles(HELLO)


@needs_binutils
@needs_gcc
def test_rebuild_hello(tmp_path):
    exe = tmp_path / "hello"
    run("make", "-s", "-C", RUNTIME, "prog", f"SRC={HELLO_C}", f"EXE={exe}",
        f"O={tmp_path / 'obj'}", f"TOOLCHAIN={TOOLCHAIN}")
    check_ia64_exec(exe)
    text = check_disassembles(exe)
    # printf's number formatting divides by a variable base: libgcc linked in.
    assert "<__udivdi3>:" in text or "<__umoddi3>:" in text


@needs_binutils
@needs_gcc
def test_libgcc_division_links(tmp_path):
    src = tmp_path / "div.c"
    src.write_text(
        "long sdiv(long a, long b) { return a / b; }\n"
        "long smod(long a, long b) { return a % b; }\n"
        "unsigned long udiv(unsigned long a, unsigned long b) { return a / b; }\n"
        "int idiv(int a, int b) { return a / b; }\n"
        "void _start(void) { for (;;) ; }\n")
    obj = tmp_path / "div.o"
    run(GCC, "-O2", "-ffreestanding", "-nostdlib", "-c", src, "-o", obj)
    undef = run("ia64-linux-gnu-nm", "-u", obj)
    assert "__divdi3" in undef and "__moddi3" in undef and "__udivdi3" in undef
    libgcc = Path(run(GCC, "-print-libgcc-file-name").strip())
    assert libgcc.is_file() and libgcc.name == "libgcc.a"
    exe = tmp_path / "div"
    run(LD, "-static", "-e", "_start", obj, libgcc, "-o", exe)
    text = run(OBJDUMP, "-d", exe)
    assert "<__divdi3>:" in text and "frcpa" in text   # IA-64 division via FP
    assert not run("ia64-linux-gnu-nm", "-u", exe).strip()
