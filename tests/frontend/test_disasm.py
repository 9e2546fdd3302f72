"""The disassembler against GNU objdump, line for line.

* Every guests/isa object and the linked executable: ``ia64jit disasm``
  (the function, and the command in a subprocess) must print exactly what
  ``objdump -d`` prints from its first "Disassembly of section" line on.
  objdump's output is also committed (guests/isa/NAME.objdump), so the
  comparison runs on machines without binutils too; with binutils, the
  committed output must be objdump's current output.
* When GNU as is installed, the sources are reassembled into a temporary
  directory and must disassemble exactly like the committed objects (so the
  committed .o files are the sources' true build).
* Small assembled cases exercise objdump's symbol rules (no symbols, a file
  without relocations, same-named sections, stripped files).
* Random raw bundles, fresh seed each run (printed on failure), compared with
  ``objdump -D -b binary -m ia64-elf64``, at address 0 and at an address that
  wraps past 2**64.
"""

from __future__ import annotations

import random
import re
import subprocess
import textwrap
from pathlib import Path

import pytest

from frontend.elfdisasm import disassemble_elf
from tools.fuzzdis import compare, make_bundles

GUESTS_ISA = Path(__file__).resolve().parents[2] / "guests" / "isa"
GUEST_FILES = sorted(p.name for p in GUESTS_ISA.glob("*.o")) + ["isa.elf"]
SOURCES = sorted(p.name for p in GUESTS_ISA.glob("*.s"))

N_RANDOM = 100_000
N_RANDOM_HIGH = 5_000          # 80000 bytes from 0xffffffffffff0000: wraps past 2**64
HIGH_VMA = 0xFFFFFFFFFFFF0000
SHOW = 15


def line_diff(want: str, got: str, show: int = SHOW) -> list:
    """(line number, wanted, got) for each differing line."""
    w, g = want.splitlines(), got.splitlines()
    bad = []
    for i in range(max(len(w), len(g))):
        a = w[i] if i < len(w) else "<missing>"
        b = g[i] if i < len(g) else "<missing>"
        if a != b:
            bad.append((i + 1, a, b))
    return bad


def report(bad: list, total: int, what: str, show: int = SHOW) -> str:
    lines = [f"{what}: {len(bad)} of {total} lines differ; first {min(show, len(bad))}:"]
    for n, a, b in bad[:show]:
        lines.append(f"  line {n}\n    objdump: {a}\n    ia64jit: {b}")
    return "\n".join(lines)


def test_guest_files_exist():
    assert len(SOURCES) >= 5
    for s in SOURCES:
        assert (GUESTS_ISA / s).with_suffix(".o").exists(), f"{s} has no committed object"
    assert (GUESTS_ISA / "isa.elf").exists()


@pytest.mark.parametrize("name", GUEST_FILES)
def test_guest_matches_committed_objdump_output(name):
    path = GUESTS_ISA / name
    want = (GUESTS_ISA / (name + ".objdump")).read_bytes().decode("latin-1")
    assert want.startswith("Disassembly of section")
    got = disassemble_elf(path)
    bad = line_diff(want, got)
    assert not bad, report(bad, len(want.splitlines()), f"{name} (vs {name}.objdump)")


@pytest.mark.parametrize("name", GUEST_FILES)
def test_committed_objdump_output_is_current(objdump, objdump_text, name):
    want = objdump_text(["-d", str(GUESTS_ISA / name)])
    have = (GUESTS_ISA / (name + ".objdump")).read_bytes().decode("latin-1")
    assert have == want, f"guests/isa/{name}.objdump is stale: run make -C guests/isa"


@pytest.mark.parametrize("name", GUEST_FILES)
def test_guest_matches_objdump(objdump, objdump_text, name):
    path = GUESTS_ISA / name
    want = objdump_text(["-d", str(path)])
    assert want.startswith("Disassembly of section")
    got = disassemble_elf(path)
    bad = line_diff(want, got)
    assert not bad, report(bad, len(want.splitlines()), name)


@pytest.mark.parametrize("name", GUEST_FILES)
def test_guest_cli_matches_objdump(objdump, objdump_text, run_ia64jit, name):
    path = GUESTS_ISA / name
    want = objdump_text(["-d", str(path)])
    r = run_ia64jit("disasm", path)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert r.stderr == b""
    bad = line_diff(want, r.stdout.decode("latin-1"))
    assert not bad, report(bad, len(want.splitlines()), f"ia64jit disasm {name}")


def test_python_m_ia64jit(objdump, objdump_text, run_ia64jit):
    path = GUESTS_ISA / "branch.o"
    r = run_ia64jit("disasm", path, module=True)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert r.stdout.decode("latin-1") == objdump_text(["-d", str(path)])


def _makefile_var(name: str) -> list:
    text = (GUESTS_ISA / "Makefile").read_text()
    m = re.search(rf"^{name}\s*:?=(.*)$", text, re.M)
    assert m, f"guests/isa/Makefile has no {name}"
    return m.group(1).split()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, gas, gld):
    """The guests/isa sources assembled (and linked) afresh in a temp dir."""
    out = tmp_path_factory.mktemp("isa")
    asflags = _makefile_var("ASFLAGS")
    srcs = _makefile_var("SRCS")
    assert sorted(srcs) == SOURCES, "guests/isa/Makefile SRCS does not list every source"
    objs = []
    for src in srcs:
        obj = out / src.replace(".s", ".o")
        r = subprocess.run([gas, *asflags, "-o", str(obj), str(GUESTS_ISA / src)],
                           capture_output=True, text=True)
        assert r.returncode == 0, f"{src}: {r.stderr}"
        assert "Error" not in r.stderr, r.stderr
        objs.append(obj)
    r = subprocess.run([gld, "-static", "-e", "_start", "-o", str(out / "isa.elf"),
                        *map(str, objs)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.parametrize("name", GUEST_FILES)
def test_reassembled_matches_committed(rebuilt, name):
    fresh = rebuilt / name
    committed = GUESTS_ISA / name
    want = disassemble_elf(committed)
    got = disassemble_elf(fresh)
    bad = line_diff(want, got)
    assert not bad, report(bad, len(want.splitlines()),
                           f"{name}: committed object is stale (rebuild with make -C guests/isa)")


@pytest.mark.parametrize("name", GUEST_FILES)
def test_reassembled_matches_objdump(objdump, objdump_text, rebuilt, name):
    path = rebuilt / name
    want = objdump_text(["-d", str(path)])
    bad = line_diff(want, disassemble_elf(path))
    assert not bad, report(bad, len(want.splitlines()), f"reassembled {name}")


# ---------------------------------------------------------------- symbol rules

CASES = {
    # No symbols at all: labels use the section name, targets print as 0x...
    "nosym": ("""
        .text
        .explicit
        { .mib
        nop.m 0
        nop.i 0
        br.cond.sptk.few . + 0x20 ;; }
        { .mib
        nop.m 0
        nop.i 0
        br.cond.sptk.few . - 0x10 ;; }
    """, ()),
    # No relocations at all (BFD's HAS_RELOC is clear): a target inside the
    # section is shown against the nearest symbol of any section (datasym).
    "noreloc": ("""
        .text
        br.cond.sptk.few . + 0x10
        br.cond.sptk.few . + 0x30
        .skip 16
    there:
        br.ret.sptk.many b0
        .data
        .skip 8
    datasym:
        data8 0
    """, ()),
    # The same with one relocation (in .data): now a target inside .text is
    # shown against .text's own symbols.
    "withreloc": ("""
        .text
        br.cond.sptk.few . + 0x10
        br.cond.sptk.few . + 0x30
        .skip 16
    there:
        br.ret.sptk.many b0
        .data
        .skip 8
    datasym:
        data8 there
    """, ()),
    # Two code sections with the same name (section groups).
    "samename": ("""
        .section .text,"axG",@progbits,grp1,comdat
    one:
        br.cond.sptk.few two
        br.ret.sptk.many b0
        .section .text,"axG",@progbits,grp2,comdat
        nop.m 0
        nop.i 0
        nop.i 0
    two:
        br.cond.sptk.few one
        br.cond.sptk.few . + 0x10
    """, ()),
    # Same-named sections: at one address objdump prefers symbols of a section
    # with the current section's name (x1 over the global d1) ...
    "samename-sort": ("""
        .section .text,"axG",@progbits,grp1,comdat
        .skip 0x40
    x1:
        br.ret.sptk.many b0
        .section .text,"axG",@progbits,grp2,comdat
    two:
        br.cond.sptk.few . + 0x40
        br.ret.sptk.many b0
        .data
        .skip 0x40
        .global d1
    d1:
        data8 two
    """, ()),
    # ... and a symbol of the other same-named section cuts a region (labelled
    # with that symbol).
    "samename-cut": ("""
        .section .text,"axG",@progbits,grp1,comdat
    x1:
        nop.m 0
        nop.i 0
        nop.i 0
        nop.m 0
        nop.i 0
        nop.i 0
        nop.m 0
        nop.i 0
        nop.i 0
        br.ret.sptk.many b0
        .section .text,"axG",@progbits,grp2,comdat
        .skip 0x20
    y2:
        br.ret.sptk.many b0
    """, ()),
    # Data dumps: an object symbol, and a gcc2_compiled. label (also dumped as
    # data), with partial lines and zero runs inside and at the ends.
    "datadump": ("""
        .text
        .type obj, @object
        .size obj, 21
    obj:
        stringz "abcdefghij"
        data1 1, 2, 3, 4, 5, 6, 7, 8, 9, 0x7f
        .align 16
    gcc2_compiled.:
        data1 0x41, 0x42, 0x43, 0, 0, 0, 0x80, 0xff, 0x20
        .skip 40
        data1 0x44
        .align 16
    f:  br.ret.sptk.many b0
        .type tail, @object
    tail:
        data4 0x41424344
        data1 0
    """, ()),
    # A symbol name with non-ASCII (UTF-8) bytes: printed byte for byte.
    "names": ("""
        .text
    "caf\u00e9":
        br.cond.sptk.few next
    next:
        br.cond.sptk.few "caf\u00e9"
    """, ()),
    # Only local symbols, one of them at a non-bundle address.
    "oddsym": ("""
        .text
    a:  nop.m 0
        nop.i 0
        br.cond.sptk.few c
    b = a + 6
    c:  br.ret.sptk.many b0
    """, ()),
}


def _assemble(gas, tmp_path, name, src, flags=()):
    s = tmp_path / f"{name}.s"
    s.write_text(textwrap.dedent(src))
    o = tmp_path / f"{name}.o"
    r = subprocess.run([gas, "-mhint.b=ok", *flags, "-o", str(o), str(s)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return o


@pytest.mark.parametrize("case", sorted(CASES))
def test_symbol_rules(objdump, objdump_text, gas, tmp_path, case):
    src, flags = CASES[case]
    obj = _assemble(gas, tmp_path, case, src, flags)
    want = objdump_text(["-d", str(obj)])
    bad = line_diff(want, disassemble_elf(obj))
    assert not bad, report(bad, len(want.splitlines()), case)


@pytest.mark.parametrize("name", ["symbols.o", "isa.elf"])
def test_stripped(objdump, objdump_text, tmp_path, name):
    """Without symbols, branch targets print as 0x... and labels as <.text>."""
    strip = objdump.replace("objdump", "strip")
    out = tmp_path / name
    r = subprocess.run([strip, "-o", str(out), str(GUESTS_ISA / name)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"strip failed: {r.stderr}")
    want = objdump_text(["-d", str(out)])
    bad = line_diff(want, disassemble_elf(out))
    assert not bad, report(bad, len(want.splitlines()), f"stripped {name}")
    if name == "isa.elf":
        assert " 0x4" in want      # the unsymbolized target form is exercised


@pytest.mark.parametrize("versioned", [False, True])
@pytest.mark.parametrize("strip", [False, True])
def test_shared_object_with_plt(objdump, objdump_text, gld, tmp_path, strip, versioned):
    """A shared object: PLT code, targets shown against the .plt/.got section
    symbols objdump keeps; stripped, only .dynsym is left (with @@VERSION
    suffixes when a version script was used)."""
    so = tmp_path / "libsym.so"
    extra = []
    if versioned:
        script = tmp_path / "v.map"
        script.write_text("VERS_1 { global: sym_start; a_global; c_func; local: *; };\n")
        extra = [f"--version-script={script}"]
    r = subprocess.run([gld, "-shared", *extra, "-o", str(so), str(GUESTS_ISA / "symbols.o")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    if strip:
        r = subprocess.run([objdump.replace("objdump", "strip"), str(so)], capture_output=True,
                           text=True)
        assert r.returncode == 0, r.stderr
    want = objdump_text(["-d", str(so)])
    assert "Disassembly of section .plt:" in want
    if not strip:
        assert "<.plt+0x" in want
    if strip and versioned:
        assert "<sym_start@@VERS_1>:" in want
    bad = line_diff(want, disassemble_elf(so))
    assert not bad, report(bad, len(want.splitlines()), "libsym.so")


# ---------------------------------------------------------------- random bundles

def _fresh_seed() -> int:
    return random.SystemRandom().randrange(1 << 32)


def _check_random(n: int, vma: int) -> None:
    seed = _fresh_seed()
    data = make_bundles("bundle", n, random.Random(seed))
    total, bad = compare(data, vma)
    if bad:
        lines = [f"seed {seed}: {len(bad)} of {total} lines differ "
                 f"(reproduce: random.Random({seed}), make_bundles('bundle', {n}, rng), "
                 f"vma={vma:#x}); first {min(SHOW, len(bad))}:"]
        for w, g in bad[:SHOW]:
            lines.append(f"    objdump: {w}\n    ia64jit: {g}")
        pytest.fail("\n".join(lines))
    print(f"seed {seed}: {total} lines identical")


def test_random_bundles(objdump):
    _check_random(N_RANDOM, 0)


def test_random_bundles_high_vma(objdump):
    _check_random(N_RANDOM_HIGH, HIGH_VMA)


@pytest.mark.parametrize("vma", [None, HIGH_VMA])
def test_raw_cli(objdump, objdump_text, run_ia64jit, tmp_path, vma):
    seed = _fresh_seed()
    data = make_bundles("bundle", 300, random.Random(seed))
    path = tmp_path / "raw.bin"
    path.write_bytes(data)
    args = ["-D", "-b", "binary", "-m", "ia64-elf64"]
    cli = ["disasm", "--raw", path]
    if vma is not None:
        args.append(f"--adjust-vma={vma:#x}")
        cli += ["--vma", f"{vma:#x}"]
    want = objdump_text(args + [str(path)])
    r = run_ia64jit(*cli)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    bad = line_diff(want, r.stdout.decode("latin-1"))
    assert not bad, f"seed {seed}\n" + report(bad, len(want.splitlines()), "ia64jit disasm --raw")
