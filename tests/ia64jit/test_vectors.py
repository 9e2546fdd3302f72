"""Every interruption vector and TLB operation, as bare-machine programs.

guests/systests/NAME.s (committed images in guests/systests/build/) each
install the IVT of guests/systests/ivt.inc, provoke one kind of
interruption or exercise one TLB operation, and stop at their ``done``
label; their ``// expect:`` headers give the SDM's values for the collected
registers (see ia64jit/systest.py for the header syntax).  Each runs on a
system Machine under the interpreter and under the JIT (jit_threshold=1,
so blocks really are translated) and must meet every expectation on both.

A machine without the system features fails here (no skips): these tests
are the checklist of the system model.  Known emulator discrepancies are
strict xfails whose reason names the SDM expectation and what was seen.
"""

import filecmp
import tempfile
from pathlib import Path

import pytest

from ia64jit import systest

NAMES = systest.sources()

# name -> reason: emulator behaviour that differs from the SDM (strict xfail).
KNOWN = {
    # e.g. "iipa": "IIPA after a fault = the faulting bundle; SDM vol. 2 3.3.5.6: the last
    # successfully executed instruction's bundle"  -- or (name, engine) for one engine only.
}


def _params():
    out = []
    for name in NAMES:
        for engine in ("interp", "jit"):
            marks = []
            reason = KNOWN.get(name) or KNOWN.get((name, engine))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            out.append(pytest.param(name, engine, marks=marks, id=f"{name}-{engine}"))
    return out


def test_every_source_has_an_image_and_expectations():
    assert NAMES, "no guests/systests/*.s"
    for name in NAMES:
        assert (systest.BUILD / f"{name}.elf").is_file(), \
            f"{name}: image not committed (make -C guests/systests)"
        assert systest.parse_header(systest.Systest(name).source.read_text()).checks, \
            f"{name}: no // expect: lines"


@pytest.mark.skipif(not systest.have_binutils(), reason="needs ia64-linux-gnu-as/ld to rebuild")
def test_images_rebuild_identically():
    with tempfile.TemporaryDirectory() as d:
        for name in NAMES:
            fresh = systest.build(name, Path(d))
            assert filecmp.cmp(fresh, systest.BUILD / f"{name}.elf", shallow=False), \
                f"{name}: committed image is stale (make -C guests/systests)"


def test_header_parsing():
    spec = systest.parse_header("// expect: nrec=1 rec0.isr&0xff=0x10 r8=-1 @x+8=@y\n"
                                "// max: 1000\n")
    assert spec.max_insns == 1000
    assert [(c.name, c.mask, c.value) for c in spec.checks] == [
        ("nrec", systest.M64, "1"), ("rec0.isr", 0xff, "0x10"), ("r8", systest.M64, "-1"),
        ("@x+8", systest.M64, "@y")]


@pytest.mark.parametrize("name,engine", _params())
def test_vector(name, engine):
    bad = systest.run_and_check(name, engine)
    assert bad == [], "\n".join(bad)
