"""Differential fuzzing of the M-type memory-access table (major opcodes 4-7)
against GNU objdump.

Every run uses a fresh random seed (printed on failure; replay with
``tools/fuzzdis.py M N --op OP --seed S``).  The bundles are MMI: both M
slots hold random slots of the major opcode under test, and only their
lines are judged -- the I slot is the business of the I table's test.
"""

import os
import random
import shutil
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

from tools.fuzzdis import compare, make_bundles  # noqa: E402

N_BUNDLES = 10000           # per major opcode: 20000 M slots each

pytestmark = pytest.mark.skipif(shutil.which("ia64-linux-gnu-objdump") is None,
                                reason="ia64-linux-gnu-objdump not installed")


def _slot_offset(line):
    """Offset within its bundle of an objdump line (None if not an insn line)."""
    head = line.split(":", 1)[0].strip()
    try:
        return int(head, 16) & 0xF
    except ValueError:
        return None


@pytest.mark.parametrize("op", [4, 5, 6, 7])
def test_fuzz_m_mem(op):
    seed = random.randrange(1 << 30)
    data = make_bundles("M", N_BUNDLES, random.Random(seed), op)
    total, bad = compare(data)
    assert total >= 3 * N_BUNDLES
    bad = [(w, g) for w, g in bad
           if _slot_offset(w) in (0, 6, None) or _slot_offset(g) in (0, 6, None)]
    assert not bad, (f"M op {op} seed {seed}: {len(bad)} mismatches "
                     f"(replay: tools/fuzzdis.py M {N_BUNDLES} --op {op} --seed {seed}), e.g.\n"
                     + "\n".join(f"  want: {w}\n  got:  {g}" for w, g in bad[:5]))
