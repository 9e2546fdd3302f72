#!/usr/bin/env python3
"""Which encoding rows have no semantics yet (grouped by type and mnemonic root)."""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from frontend.decoder import REGISTRY  # noqa: E402
from translator.semantics import lookup  # noqa: E402

missing = collections.defaultdict(set)
total = collections.Counter()
for row in REGISTRY.rows:
    total[row.type] += 1
    if lookup(row) is None:
        missing[row.type].add(row.mnemonic.split(".")[0] + "/" + row.fmt.name)
for t in sorted(total):
    names = sorted(missing.get(t, ()))
    print(f"{t}: {len(names)} mnemonic roots without semantics (of {total[t]} rows)")
    if names:
        print("   " + " ".join(names))
