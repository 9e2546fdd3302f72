"""The native mini kernel (guests/kernel): the committed image and its sources.

* guests/kernel/kernel.elf is a bare ELF64 for IA-64 that a system-mode
  loader can start like a Ski program: one PT_LOAD with p_vaddr == p_paddr at
  physical 1 MB, entry = the physical address of _start, sections linked in
  region 7 (PAGE_OFFSET + physical).
* Its IVT is 32 KB aligned and every one of the 68 vectors holds code: the
  four TLB-miss vectors go to the refill handler, the others to the full save.
* Every privileged instruction in the kernel's assembly goes through the
  paravirt_inst.h macro set (the native flavour in native/inst.h), so a Xen
  flavour only swaps that header; C reaches privileged state only through
  the pv_cpu_ops table (paravirt.c is the only C file with privileged asm).
* With the IA-64 cross compiler present, a rebuild in a temp dir with
  guests/kernel/Makefile is byte-identical to the committed image.
* Booted with `ia64jit run --virtual-time` it prints exactly
  guests/kernel/kernel.expected and powers off with status 0, under the
  interpreter and under the JIT; the numbers the user tasks print agree with
  a Python model of their computation (an oracle independent of ia64jit), and
  user/regcheck.S finds every register it filled intact after spinning
  through timer preemptions.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from frontend.disasm import disassemble_raw
from frontend.elf import EM_IA_64, ET_EXEC, load

ROOT = Path(__file__).resolve().parents[2]
KDIR = ROOT / "guests" / "kernel"
IMAGE = KDIR / "kernel.elf"
TOOLCHAIN = Path(os.environ.get("IA64JIT_TOOLCHAIN")
                 or Path.home() / ".cache" / "ia64jit" / "toolchain")
GCC = TOOLCHAIN / "bin" / "ia64-linux-gnu-gcc"
PAGE_OFFSET = 0xE000000000000000


@pytest.fixture(scope="module")
def kernel():
    assert IMAGE.is_file(), "guests/kernel/kernel.elf not committed (make -C guests/kernel)"
    return load(str(IMAGE))


def symbol(ef, name):
    sym = ef.symbol(name)
    assert sym is not None, f"no symbol {name} in kernel.elf"
    return sym.value


def test_loads_at_physical_addresses(kernel):
    assert kernel.machine == EM_IA_64 and kernel.type == ET_EXEC
    assert len(kernel.segments) == 1
    seg = kernel.segments[0]
    assert seg.vaddr == seg.paddr == 0x100000
    assert seg.memsz >= seg.filesz > 0
    assert seg.paddr + seg.memsz <= 16 << 20, "must fit the 16 MB kernel translation register"
    # The entry is _start's physical address; the code is linked in region 7.
    start = symbol(kernel, "_start")
    assert start >> 61 == 7
    assert kernel.entry == start - PAGE_OFFSET
    assert seg.paddr <= kernel.entry < seg.paddr + seg.filesz
    # Segment bytes are the region-7 sections, in place.
    text = kernel.section(".text")
    assert text.vma - PAGE_OFFSET == seg.paddr
    assert seg.data[:len(text.data)] == text.data


def test_ivt_layout(kernel):
    ivt = symbol(kernel, "ia64_ivt")
    assert ivt % 0x8000 == 0
    text = kernel.section(".text")
    refill = symbol(kernel, "ia64_tlb_refill")
    save_all = symbol(kernel, "ia64_save_all")
    for n in range(68):
        off = n * 0x400 if n < 20 else 0x5000 + (n - 20) * 0x100
        at = ivt + off - text.vma
        listing = disassemble_raw(text.data[at:at + 0x30], ivt + off, ".text")
        assert "mov r31=pr" in listing and f"mov r19={n}\n" in listing, (n, listing)
        target = refill if n in (1, 2, 3, 4) else save_all
        assert f"br.many 0x{target:x}" in listing, (n, listing)


# Privileged instructions (SDM vol 3) as they appear in assembly source.
PRIVILEGED = re.compile(
    r"\b(rfi|cover|bsw\.[01]|itc\.[id]|itr\.[id]|ptc\.[lge]\w*|ptr\.[id]|tpa|tak|"
    r"rsm|ssm|mov\s+cr\.\w+\s*=|mov\s+\w+\s*=\s*cr\.|mov\s+rr\[|mov\s+\w+\s*=\s*rr\[|"
    r"mov\s+psr\.l\s*=|mov\s+\w+\s*=\s*psr\b|mov\s+ar\.k\d\s*=|thash|ttag|"
    r"mov\s+(ibr|dbr|pkr|pmc|pmd)\[)")


def _code_lines(path):
    text = path.read_text()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    for n, line in enumerate(text.splitlines(), 1):
        line = line.split("//")[0]
        if line.strip().startswith("#"):
            continue
        yield n, line


def test_assembly_uses_only_the_macro_set():
    sources = sorted(KDIR.rglob("*.S"))
    assert {p.name for p in sources} >= {"ivt.S", "entry.S", "head.S"}
    offenders = [f"{p.relative_to(KDIR)}:{n}: {line.strip()}"
                 for p in sources for n, line in _code_lines(p) if PRIVILEGED.search(line)]
    assert not offenders, "privileged instructions outside paravirt_inst.h:\n" + "\n".join(offenders)
    # ...and the macro set is used: the names of pvops-reference.md section 1.9.
    used = "\n".join(p.read_text() for p in sources)
    for name in ("MOV_FROM_IFA", "MOV_FROM_ISR", "MOV_FROM_IIP", "MOV_FROM_IPSR", "MOV_FROM_IIM",
                 "MOV_TO_IPSR", "MOV_TO_IIP", "MOV_TO_IFS", "MOV_TO_ITIR", "MOV_TO_KR",
                 "COVER", "BSW_0", "BSW_1", "RFI", "ITC_I", "ITC_D", "RSM_PSR_I_IC",
                 "SSM_PSR_IC_AND_SRLZ_D"):
        assert re.search(rf"\b{name}\(|\b{name}\b", used), name
    inst = (KDIR / "native" / "inst.h").read_text()
    for name in re.findall(r"^#define (\w+)", inst, flags=re.M):
        assert name.isupper()


def test_c_privileged_state_only_through_pv_cpu_ops():
    for p in sorted(KDIR.rglob("*.c")):
        if p.name == "paravirt.c":
            continue
        asm = [f"{p.name}:{n}: {line.strip()}" for n, line in _code_lines(p)
               if "__asm__" in line or re.search(r"\basm\b", line)]
        assert not asm, "inline asm outside paravirt.c:\n" + "\n".join(asm)
    header = (KDIR / "paravirt.h").read_text()
    for op in ("getreg", "setreg", "get_rr", "set_rr", "thash", "ssm_i", "rsm_i", "get_psr_i",
               "fc", "get_cpuid", "intrin_local_irq_restore"):
        assert re.search(rf"\(\*{op}\)", header), op


needs_toolchain = pytest.mark.skipif(
    not GCC.is_file() or shutil.which("ia64-linux-gnu-ld") is None,
    reason=f"{GCC} not built (make toolchain)")


@needs_toolchain
def test_rebuild_identical(tmp_path):
    """Rebuild with guests/kernel/Makefile (objects and image in a temp dir)
    and compare with the committed image byte for byte."""
    env = dict(os.environ)
    env.pop("CFLAGS", None)
    out = tmp_path / "kernel.elf"
    subprocess.run(["make", "-s", "-C", str(KDIR), f"O={tmp_path / 'obj'}",
                    f"TOOLCHAIN={TOOLCHAIN}", f"OUT={tmp_path}", str(out)],
                   check=True, capture_output=True, text=True, env=env)
    assert out.read_bytes() == IMAGE.read_bytes(), \
        "guests/kernel/kernel.elf differs from its sources: rebuild with make -C guests/kernel"


# --- running it --------------------------------------------------------------

M64 = (1 << 64) - 1


def model_task_lines(index):
    """What user/user.c's task `index` computes (alpha 0, beta 1)."""
    name = ("alpha", "beta")[index]
    heap = [0] * 256
    lines = [f"{name}: hello, pid {index + 1}"]
    for rnd in range(1, 5):
        mul, total = 2 * index + 3, 0
        for i in range(256):
            heap[i] = (heap[i] * mul + (i + rnd) * (index + 7)) & M64
        for i in range(256):
            total = (total * 31 + heap[i] // (i + 1)) & M64
        lines.append(f"{name}: round {rnd} checksum 0x{total:016x}")

    def deep(n, a, b, c):
        if n == 0:
            return a ^ b ^ c
        r = deep(n - 1, (a + n) & M64, (b ^ (a << 3)) & M64, (c * 3 + n) & M64)
        return ((r ^ (r >> 7)) + a * 7 + (b >> 1) + c) & M64

    lines.append(f"{name}: all registers intact after a long spin")
    lines.append(f"{name}: recursion 200 deep gives 0x{deep(200, index, 5, 7):016x}")
    lines.append(f"{name}: bye")
    return lines


def test_expected_output_is_right():
    """kernel.expected against what the kernel must do, independently of ia64jit."""
    out = (KDIR / "kernel.expected").read_text().splitlines()
    for index, name in enumerate(("alpha", "beta")):
        mine = [ln for ln in out if ln.startswith(f"{name}: ")]
        assert mine == model_task_lines(index)
        assert f"[kernel] {name}: exited (status 0, 4 page faults)" in out
        kinds = [re.search(r"(\w+(?: \w+)?) page mapped", ln).group(1) for ln in out
                 if ln.startswith(f"[kernel] {name}: page fault")]
        assert kinds == ["text", "stack", "heap", "register stack"]
    text = "\n".join(out)
    assert "[kernel] gamma: segmentation fault (write at 0x2000000000700000" in text
    assert "[kernel] delta: used f32-f127 (disabled)" in text
    for name in ("gamma", "delta"):
        assert f"{name}: still alive (wrong)" not in out
        assert out.index(f"[kernel] {name}: killed (status -1, 2 page faults)") < \
            out.index("[kernel] alpha: exited (status 0, 4 page faults)")
    assert out[-3:] == ["[kernel] all tasks finished, 12 page faults served",
                        "[kernel] timer interrupts: seen; preemptions: seen",
                        "[kernel] power off (status 0)"]


def run_kernel(engine):
    proc = subprocess.run([sys.executable, "-m", "ia64jit", "run", str(IMAGE), "--engine", engine,
                           "--virtual-time", "--max-insns", "5000000"],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("engine", ["interp", pytest.param("jit", marks=pytest.mark.slow)])
def test_boots_and_prints_expected(engine):
    status, out, err = run_kernel(engine)
    expected = (KDIR / "kernel.expected").read_text()
    assert out == expected, f"stderr: {err}"
    assert status == 0, f"status {status}; stderr: {err}"
