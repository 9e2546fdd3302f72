"""Differential fuzzing of the B and X tables against GNU objdump.

Every run uses a fresh random seed (printed on failure).  For X, random
slots sit in MLX bundles whose slot 0 is a random M-unit slot; only the
lines of the X instruction (slots 1+2) are judged here, since slot 0
belongs to the M table.
"""

import os
import random
import shutil
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

from tools.fuzzdis import compare, make_bundles  # noqa: E402

N_SLOTS = 21000

pytestmark = pytest.mark.skipif(shutil.which("ia64-linux-gnu-objdump") is None,
                                reason="ia64-linux-gnu-objdump not installed")


def _slot_offset(line):
    """Offset within its bundle of an objdump line (None if not an insn line)."""
    head = line.split(":", 1)[0].strip()
    try:
        return int(head, 16) & 0xF
    except ValueError:
        return None


def _fuzz(type_, n_bundles, keep):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    data = make_bundles(type_, n_bundles, rng)
    total, bad = compare(data)
    bad = [(w, g) for w, g in bad if keep(_slot_offset(w), _slot_offset(g))]
    assert not bad, f"{type_} seed {seed}: {len(bad)} mismatches, e.g.\n" + "\n".join(
        f"  want: {w}\n  got:  {g}" for w, g in bad[:5])
    return total


def test_fuzz_b():
    # BBB bundles: all three slots are B slots.
    _fuzz("B", N_SLOTS // 3 + 1, lambda *offs: True)


def test_fuzz_x():
    # MLX bundles: one X instruction each; ignore slot 0 (M unit) lines.
    _fuzz("X", N_SLOTS, lambda w, g: not (w == 0 and g == 0))
