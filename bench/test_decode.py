"""Decode throughput (pytest-benchmark).

    .venv/bin/python -m pytest bench/test_decode.py --benchmark-only

* structured decode, batch: frontend.batch.decode_many over 100k random
  bundles (row index per slot; there is no decode cache, every call decodes
  everything) -- the aim is >= 300,000 bundles/s on one core;
* structured decode, scalar: frontend.decoder.decode_bundle per bundle;
* batch decode plus an Insn for every decodable slot (what a consumer that
  wants field values pays);
* text: frontend.disasm.disassemble_raw (objdump-identical listing), in a
  warm process (the batch decoder's tables built, so regions are batch-decoded).

Figures (bundles/s) go to benchmark.extra_info and are printed at the end.
"""

from __future__ import annotations

import random

import pytest

from frontend import batch
from frontend.decoder import decode_bundle
from frontend.disasm import disassemble_raw

SEED = 20261127
N_BATCH = 100_000
N_SCALAR = 20_000
N_TEXT = 10_000


@pytest.fixture(scope="module")
def random_bundles():
    return random.Random(SEED).randbytes(16 * N_BATCH)


def test_batch_structured(benchmark, random_bundles, record_rate):
    batch.tables()                      # lookup structures: built once per process
    before = batch.fallback_count()
    db = benchmark(batch.decode_many, random_bundles)
    assert len(db) == N_BATCH
    benchmark.extra_info["scalar_fallback_slots"] = batch.fallback_count() - before
    rate = record_rate(benchmark, "batch_structured_bundles_per_s", N_BATCH)
    benchmark.extra_info["aim_300k_met"] = rate >= 300_000


def test_batch_structured_with_insns(benchmark, random_bundles, record_rate):
    data = random_bundles[:16 * N_SCALAR]

    def run():
        db = batch.decode_many(data)
        insn = db.insn
        rows = db.rows.tolist()
        return [insn(k, j) for k, r in enumerate(rows) for j in range(3) if r[j] >= 0]

    benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    record_rate(benchmark, "batch_plus_insns_bundles_per_s", N_SCALAR)


def test_scalar_structured(benchmark, random_bundles, record_rate):
    data = random_bundles[:16 * N_SCALAR]
    chunks = [data[i:i + 16] for i in range(0, len(data), 16)]

    def run():
        return [decode_bundle(c) for c in chunks]

    benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    record_rate(benchmark, "scalar_structured_bundles_per_s", N_SCALAR)


def test_text(benchmark, random_bundles, record_rate):
    data = random_bundles[:16 * N_TEXT]
    batch.tables()      # a warm process: disasm batch-decodes regions once these exist
    text = benchmark.pedantic(disassemble_raw, args=(data,), rounds=5, iterations=1,
                              warmup_rounds=1)
    assert text.count("\n") > N_TEXT
    record_rate(benchmark, "text_bundles_per_s", N_TEXT)
