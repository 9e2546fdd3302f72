"""Differential fuzzing of the M-unit system table (majors 0-3) against objdump.

Each run uses a fresh random seed (printed on failure).  Random M slots
with major opcode 0, 1, 2 or 3 fill both M slots of MMI bundles; only
the lines of those two slots (bundle offsets 0 and 6) are judged here,
since slot 2 belongs to the I table.
"""

import os
import random
import shutil
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

from tools.fuzzdis import compare, make_bundles  # noqa: E402

BUNDLES_PER_OP = 3000          # two M slots each: 24000 slots over ops 0-3

pytestmark = pytest.mark.skipif(shutil.which("ia64-linux-gnu-objdump") is None,
                                reason="ia64-linux-gnu-objdump not installed")


def _slot_offset(line):
    """Offset within its bundle of an objdump line (None if not an insn line)."""
    head = line.split(":", 1)[0].strip()
    try:
        return int(head, 16) & 0xF
    except ValueError:
        return None


def _is_m_line(w, g):
    offs = (_slot_offset(w), _slot_offset(g))
    # Lines that are not instruction lines would mean a misalignment: keep them.
    return any(o is None or o in (0, 6) for o in offs)


@pytest.mark.parametrize("op", [0, 1, 2, 3])
def test_fuzz_m_sys(op):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    data = make_bundles("M", BUNDLES_PER_OP, rng, op=op)
    _, bad = compare(data)
    bad = [(w, g) for w, g in bad if _is_m_line(w, g)]
    assert not bad, f"M op={op} seed {seed}: {len(bad)} mismatches, e.g.\n" + "\n".join(
        f"  want: {w}\n  got:  {g}" for w, g in bad[:5])
