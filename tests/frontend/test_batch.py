"""The vectorized batch decoder agrees with the scalar one, slot by slot.

frontend.batch.decode_many must find, for every slot, the very row that
frontend.decoder.decode_slot finds (-1 where it finds none), and give the same
Insn.  Random data uses a fresh seed each run (set BATCH_SEED to replay one);
failures print it.
"""

import os
import random
import secrets

import numpy as np
import pytest

from frontend import batch
from frontend.bundle import TEMPLATES, join, split
from frontend.decoder import REGISTRY, decode_bundle, decode_slot, slot_type

N_RANDOM = 200_000


def _seed() -> int:
    env = os.environ.get("BATCH_SEED")
    return int(env, 0) if env else secrets.randbits(48)


def _scalar_rows(data: bytes):
    """(N, 3) row indices and insns by the scalar decoder, slot by slot."""
    n = len(data) // 16
    rows = np.empty((n, 3), dtype=np.int64)
    insns = []
    for k in range(n):
        code, s0, s1, s2 = split(data[16 * k:16 * k + 16])
        units = TEMPLATES[code].units
        if units[0] is None:
            got = (None, None, None)
        elif units[1] == "L":
            x = decode_slot("X", s2, s1)
            got = (decode_slot(slot_type(units[0], s0), s0), x, x)
        else:
            got = tuple(decode_slot(slot_type(u, s), s) for u, s in zip(units, (s0, s1, s2)))
        rows[k] = [-1 if i is None else i.row.index for i in got]
        insns.append(got)
    return rows, insns


def _check(data: bytes, seed, fields_every: int = 1, fallbacks: bool = False):
    before = batch.fallback_count()
    db = batch.decode_many(data)
    want, insns = _scalar_rows(data)
    n = len(data) // 16
    assert len(db) == n
    assert db.rows.shape == (n, 3) and db.slots.shape == (n, 3) and db.template.shape == (n,)
    bad = np.argwhere(db.rows != want)
    if bad.size:
        k, j = (int(v) for v in bad[0])
        code, *slots = split(data[16 * k:16 * k + 16])
        pytest.fail(f"seed {seed:#x}: {len(bad)} slots differ; first: bundle {k} "
                    f"({data[16 * k:16 * k + 16].hex()}, template {code:#x}) slot {j}: "
                    f"batch row {db.rows[k, j]}, scalar row {want[k, j]} "
                    f"({REGISTRY.rows[want[k, j]] if want[k, j] >= 0 else None})")
    for k in range(0, n, fields_every):
        for j in range(3):
            a, b = db.insn(k, j), insns[k][j]
            if b is None:
                assert a is None, f"seed {seed:#x}: bundle {k} slot {j}"
                continue
            assert a is not None and a.row is b.row and a.f == b.f, \
                f"seed {seed:#x}: bundle {k} slot {j}: {a} != {b}"
    if fallbacks:
        assert batch.fallback_count() > before, "scalar fallback not used"
    else:
        assert batch.fallback_count() == before, "scalar fallback used"
    return db


def test_random_bundles():
    seed = _seed()
    rng = random.Random(seed)
    data = rng.randbytes(16 * N_RANDOM)
    db = _check(data, seed)
    # The convenience views agree too.
    mn = db.mnemonics()
    for k in range(0, N_RANDOM, 997):
        b = db.bundle(k)
        s = decode_bundle(data[16 * k:16 * k + 16])
        assert b.template is s.template and b.slots == s.slots, f"seed {seed:#x}: bundle {k}"
        assert [None if i is None else (i.row, i.f) for i in b.insns] == \
            [None if i is None else (i.row, i.f) for i in s.insns], f"seed {seed:#x}: bundle {k}"
        if b.template.units[1] == "L" and b.insns[1] is not None:
            assert b.insns[1] is b.insns[2]
        assert list(mn[k]) == [None if i is None else i.mnemonic for i in s.insns]


# type -> [(template code, slot)] where a slot of that unit type executes it
def _places():
    out = {t: [] for t in "AIMBFX"}
    for t in TEMPLATES:
        if t.reserved:
            continue
        for j, u in enumerate(t.units):
            if u == "L":
                continue
            out[u].append((t.code, j))
            if u in "MI":
                out["A"].append((t.code, j))
    return out


def _valid_bundles(rng, per_row: int, rows=None) -> bytes:
    """Bundles whose slots are encodings of every row (constrained bits as
    the row says, free bits random, sparse or dense; for rows with extra
    conditions, fills that satisfy them)."""
    places = _places()
    free_all = (1 << 41) - 1
    out = bytearray()
    for row in REGISTRY.rows if rows is None else rows:
        free = free_all & ~row.mask
        made = 0
        tries = 0
        while made < per_row and tries < 200 * per_row:
            tries += 1
            r = rng.getrandbits(41)
            style = tries % 3
            if style == 1:
                r &= rng.getrandbits(41) & rng.getrandbits(41)
            elif style == 2:
                r |= rng.getrandbits(41) | rng.getrandbits(41)
            slot = (r & free) | (row.value & row.mask)
            lslot = rng.getrandbits(41)
            if row.cond_fn is not None and not row.cond_fn(row.extract(slot, lslot)):
                continue
            made += 1
            code, j = rng.choice(places[row.type])
            slots = [rng.getrandbits(41) for _ in range(3)]
            if row.type == "X":
                slots[1] = lslot
            slots[j] = slot
            out += join(code, *slots)
    return bytes(out)


def test_valid_encodings_every_row():
    seed = _seed()
    rng = random.Random(seed)
    data = _valid_bundles(rng, per_row=12)
    db = _check(data, seed)
    seen = set(np.unique(db.rows).tolist())
    missing = [r for r in REGISTRY.rows if r.index not in seen]
    assert not missing, f"seed {seed:#x}: rows never decoded: {missing[:10]}"


def test_condition_paths(monkeypatch):
    """Conditions evaluated on object arrays (Python ints), or left to the
    scalar decoder, give the same rows as the int64 evaluation."""
    tb = batch.tables()
    seed = _seed()
    rng = random.Random(seed)
    group_rows = sorted({r.index: r for g in tb.groups for r in g}.values(), key=lambda r: r.index)
    data = _valid_bundles(rng, per_row=200, rows=group_rows)
    data += rng.randbytes(16 * 20_000)
    ref = _check(data, seed).rows
    obj = {i: batch._vector_condition(REGISTRY.rows[i], force_object=True) for i in tb.vec_cond}
    assert all(fn is not None and not fn.int64 for fn in obj.values())
    monkeypatch.setattr(tb, "vec_cond", obj)
    assert (_check(data, seed, fields_every=7).rows == ref).all()
    monkeypatch.setattr(tb, "vec_cond", {i: None for i in tb.vec_cond})
    assert (_check(data, seed, fields_every=7, fallbacks=True).rows == ref).all()


def test_special_bundles():
    data = bytes(16) + b"\xff" * 16
    # Every template, including the reserved ones, with zero, one and random slots.
    rng = random.Random(7)
    for code in range(32):
        data += join(code, 0, 0, 0)
        data += join(code, (1 << 41) - 1, (1 << 41) - 1, (1 << 41) - 1)
        for _ in range(50):
            data += join(code, rng.getrandbits(41), rng.getrandbits(41), rng.getrandbits(41))
    db = _check(data, 7)
    for k in range(len(db)):
        if TEMPLATES[int(db.template[k])].reserved:
            assert list(db.rows[k]) == [-1, -1, -1]
    assert db.mnemonics()[1].tolist() == [None, None, None]      # all ones: reserved template 0xf>>1


def test_empty_and_partial_input():
    db = batch.decode_many(b"")
    assert len(db) == 0 and db.rows.shape == (0, 3) and db.mnemonics().shape == (0, 3)
    for n in (1, 15, 17, 31, 16 * 5 + 3):
        with pytest.raises(ValueError, match="16-byte bundles"):
            batch.decode_many(bytes(n))


def test_bytes_like_inputs():
    data = random.Random(3).randbytes(16 * 64)
    ref = batch.decode_many(data).rows
    for view in (bytearray(data), memoryview(data), np.frombuffer(data, dtype=np.uint8)):
        assert (batch.decode_many(view).rows == ref).all()
    # An unaligned view (offset 1 into a buffer) decodes the same.
    buf = b"\x00" + data
    assert (batch.decode_many(memoryview(buf)[1:]).rows == ref).all()


def test_tables_build_quickly():
    import time
    t0 = time.perf_counter()
    batch._Tables(REGISTRY)
    assert time.perf_counter() - t0 < 2.0      # about 0.25 s on the reference machine
    tb = batch.tables()
    assert all(fn is not None for fn in tb.vec_cond.values()), "a condition is not vectorized"
