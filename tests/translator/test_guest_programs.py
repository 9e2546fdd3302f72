"""Every program in guests/tests: known results on both engines, and agreement."""

import glob
import os
import re

import pytest

from ia64jit.difftest import assemble, diff_states, have_binutils, run_both
from translator import faults

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = sorted(glob.glob(os.path.join(HERE, "..", "..", "guests", "tests", "*.s")))


def parse_header(text):
    spec = {"expect": [], "fault": None, "max": 5_000_000, "setup": []}
    for line in text.splitlines():
        m = re.match(r"\s*//\s*(expect|fault|max|setup):\s*(.*)$", line)
        if not m:
            continue
        key, rest = m.groups()
        if key in ("expect", "setup"):
            for item in rest.split():
                name, _, value = item.partition("=")
                spec[key].append((name, int(value, 0) & ((1 << 82) - 1 if name.startswith("f")
                                                          and name[1:].isdigit() else (1 << 64) - 1)))
        elif key == "fault":
            spec["fault"] = getattr(faults, rest.strip())
        else:
            spec["max"] = int(rest, 0)
    return spec


@pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")
@pytest.mark.parametrize("path", PROGRAMS, ids=[os.path.basename(p) for p in PROGRAMS])
def test_guest_program(path):
    with open(path) as f:
        text = f.read()
    spec = parse_header(text)
    assert spec["expect"] or spec["fault"], f"{path}: no expectations in its header"

    def setup(m):
        for name, value in spec["setup"]:
            m.reg_write(name, value)

    results = run_both(assemble(text), setup=setup, max_insns=spec["max"])
    for m, engine in zip(results, ("interp", "jit")):
        code = m.last_fault[0] if m.last_fault else None
        if spec["fault"] is not None:
            assert code == spec["fault"], f"{engine}: stopped with {m.last_fault}"
        else:
            assert m.last_fault is not None and code == faults.BREAK and m.last_fault[3] == 0, \
                f"{engine}: did not reach break 0 (stopped with {m.last_fault})"
        for name, want in spec["expect"]:
            got = m.reg_read(name)
            assert got == want, f"{engine}: {name} = {got:#x}, expected {want:#x}"
    assert diff_states(*results) == []
