"""C guest programs (guests/c: divmod, sorthash, fpnum, strmem) at -O0 and -O2.

Each committed image guests/c/NAME-O0 / NAME-O2 runs under the JIT (default
jit_threshold) and must print exactly guests/c/NAME.expected and exit 0.  The
expected output comes from the host compiler (make -C guests/c expected), an
oracle independent of ia64jit.  The interpreter runs the -O2 images (and
sorthash-O0) with a reduced size argument (SMALL) against NAME.small.expected.  When the IA-64 cross
compiler is present, every image is rebuilt in a temp dir and must be
byte-identical to the committed one.

Run times (2 busy cores) are dominated by JIT compilation of hot blocks and by
the soft-float helpers behind IA-64 integer division (an FP sequence); the
-O0 JIT runs (15-35 s each) are marked slow.  Everything: ~2.5 min; without
slow: ~70 s.
"""
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ia64jit.linux import LinuxProcess

ROOT = Path(__file__).resolve().parents[2]
CDIR = ROOT / "guests" / "c"
TOOLCHAIN = Path(os.environ.get("IA64JIT_TOOLCHAIN")
                 or Path.home() / ".cache" / "ia64jit" / "toolchain")
GCC = TOOLCHAIN / "bin" / "ia64-linux-gnu-gcc"

PROGRAMS = ["divmod", "sorthash", "fpnum", "strmem"]
LEVELS = ["O0", "O2"]
# Reduced size arguments for the interpreter (same as SMALL_* in guests/c/Makefile).
SMALL = {"divmod": "2", "sorthash": "500", "fpnum": "10", "strmem": "8"}

# JIT runs that take well over ten seconds on a busy machine.
SLOW_JIT = {("divmod", "O0"), ("fpnum", "O0"), ("strmem", "O0"), ("sorthash", "O0")}
# Interpreter runs (reduced size): every -O2 image and sorthash-O0; the other
# -O0 images take 15-40 s in the interpreter even at the reduced size and are
# covered by their JIT runs.
INTERP = [("divmod", "O2"), ("sorthash", "O2"), ("fpnum", "O2"), ("strmem", "O2"),
          ("sorthash", "O0")]


def run_guest(image: Path, args, engine: str):
    out = io.BytesIO()
    err = io.BytesIO()
    p = LinuxProcess(str(image), [image.name] + list(args), engine=engine,
                     stdout=out, stderr=err)
    status = p.run()
    return status, out.getvalue().decode(errors="replace"), err.getvalue().decode(errors="replace")


def first_difference(actual: str, expected: str) -> str:
    a, e = actual.splitlines(), expected.splitlines()
    for i, (x, y) in enumerate(zip(a, e)):
        if x != y:
            return f"line {i + 1}:\n  expected: {y}\n  actual:   {x}"
    return f"line counts differ: expected {len(e)}, actual {len(a)}"


def check(name, level, engine, args, expected_file):
    image = CDIR / f"{name}-{level}"
    assert image.is_file(), f"{image} not committed (make -C guests/c)"
    expected = (CDIR / expected_file).read_text()
    status, out, err = run_guest(image, args, engine)
    assert status == 0, f"exit status {status}; stderr: {err}"
    assert out == expected, first_difference(out, expected)


def _params(slow_set):
    return [pytest.param(n, lv, marks=[pytest.mark.slow] if (n, lv) in slow_set else [])
            for n in PROGRAMS for lv in LEVELS]


@pytest.mark.parametrize("name,level", _params(SLOW_JIT))
def test_jit(name, level):
    check(name, level, "jit", [], f"{name}.expected")


@pytest.mark.parametrize("name,level", INTERP)
def test_interp_small(name, level):
    check(name, level, "interp", [SMALL[name]], f"{name}.small.expected")


def test_expected_files_present():
    for name in PROGRAMS:
        assert (CDIR / f"{name}.c").is_file()
        for suffix in (".expected", ".small.expected"):
            text = (CDIR / f"{name}{suffix}").read_text()
            assert text.endswith("\n") and len(text.splitlines()) > 5


needs_toolchain = pytest.mark.skipif(
    not GCC.is_file() or shutil.which("ia64-linux-gnu-ld") is None,
    reason=f"{GCC} not built (make toolchain)")


@needs_toolchain
@pytest.mark.parametrize("name,level", [(n, lv) for n in PROGRAMS for lv in LEVELS])
def test_rebuild_identical(name, level, tmp_path):
    """Rebuild with guests/c/Makefile's rule (objects in a temp dir, the image
    written there) and compare with the committed image byte for byte."""
    exe = tmp_path / f"{name}-{level}"
    env = dict(os.environ)
    env.pop("CFLAGS", None)
    subprocess.run(["make", "-s", "-C", str(CDIR), f"OBJ={tmp_path / 'obj'}",
                    f"TOOLCHAIN={TOOLCHAIN}", f"OUT={tmp_path}", f"{tmp_path}/{name}-{level}"],
                   check=True, capture_output=True, text=True, env=env)
    assert exe.read_bytes() == (CDIR / f"{name}-{level}").read_bytes(), \
        f"{exe} differs from the committed guests/c/{name}-{level}: rebuild with make -C guests/c"
