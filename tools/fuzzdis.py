#!/usr/bin/env python3
"""Differential fuzzing of the disassembler against GNU objdump.

    python tools/fuzzdis.py TYPE [N] [--seed S] [--op OP] [--show K]

TYPE is A, I, M, B, F, X (random slots of that type, placed in a template
that executes them) or 'bundle' (fully random bundles).  Prints a summary of
mismatches grouped by objdump's mnemonic with examples (slot bits in hex).
"""

import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from frontend.bundle import join  # noqa: E402
from frontend.disasm import disassemble_raw  # noqa: E402

# type -> (template, slot positions that hold that type)
PLACES = {
    "A": (0x00, (0, 1, 2)), "I": (0x00, (1, 2)), "M": (0x08, (0, 1)),
    "B": (0x16, (0, 1, 2)), "F": (0x0C, (1,)), "X": (0x04, (2,)),
}


def rand_slot(rng, type_, op=None):
    s = rng.getrandbits(41)
    if op is None:
        if type_ == "A":
            op = rng.randrange(8, 16)
        elif type_ in "IM":
            op = rng.randrange(0, 8)
        else:
            op = rng.randrange(0, 16)
    return (s & ((1 << 37) - 1)) | (op << 37)


def make_bundles(type_, n, rng, op=None):
    out = bytearray()
    for _ in range(n):
        if type_ == "bundle":
            out += rng.getrandbits(128).to_bytes(16, "little")
            continue
        tmpl, places = PLACES[type_]
        slots = [rand_slot(rng, "M", None), rand_slot(rng, "I"), rand_slot(rng, "I")]
        if type_ == "X":
            slots[1] = rng.getrandbits(41)
        for p in places:
            slots[p] = rand_slot(rng, type_, op)
        out += join(tmpl | rng.getrandbits(1), *slots)
    return bytes(out)


def objdump_raw(data, vma=0):
    with tempfile.NamedTemporaryFile(suffix=".bin", delete=False) as f:
        f.write(data)
        path = f.name
    try:
        args = ["ia64-linux-gnu-objdump", "-D", "-b", "binary", "-m", "ia64-elf64"]
        if vma:
            args.append("--adjust-vma=%#x" % vma)
        out = subprocess.run(args + [path], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    return out[out.index("Disassembly of section"):]


def compare(data, vma=0):
    want = objdump_raw(data, vma).splitlines()
    got = disassemble_raw(data, vma).splitlines()
    bad = []
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else "<missing>"
        g = got[i] if i < len(got) else "<missing>"
        if w != g:
            bad.append((w, g))
    return len(want), bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("type")
    ap.add_argument("n", type=int, nargs="?", default=20000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--op", type=lambda s: int(s, 0), default=None)
    ap.add_argument("--show", type=int, default=3)
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    data = make_bundles(a.type, a.n, rng, a.op)
    total, bad = compare(data)
    groups = collections.defaultdict(list)
    for w, g in bad:
        text = w.split("\t")[-1].strip() if "\t" in w else w
        words = text.replace("[", " [").split()
        key = next((x for x in words if not x.startswith("[") and not x.startswith("(p")), "?")
        groups[key].append((w, g))
    print(f"seed {seed}: {total} lines, {len(bad)} mismatches")
    for key, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"--- {key}: {len(items)}")
        for w, g in items[: a.show]:
            addr = w.split(":")[0].strip()
            try:
                off = int(addr, 16)
                base = off - (off & 0xF)
                v = int.from_bytes(data[base:base + 16], "little")
                slot = (off & 0xF) // 6
                bits = (v >> (5 + 41 * slot)) & ((1 << 41) - 1)
                extra = f"  [slot{slot}={bits:#013x} op={bits >> 37:#x} tmpl={v & 31:#x}]"
            except ValueError:
                extra = ""
            print(f"  want: {w}\n  got:  {g}{extra}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
