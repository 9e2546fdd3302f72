"""The on-disk registry cache (frontend/cache.py) is derived data only.

A registry restored from the cache decodes exactly as a freshly built one;
a damaged, truncated or foreign cache file is ignored and replaced; the key
changes with any table's source or data and with the engine's sources; an
unwritable cache directory only costs the rebuild.  Random data uses a fresh
seed each run (set CACHE_SEED to replay one).
"""

import importlib.util
import os
import random
import secrets
import shutil
import types

import pytest

from frontend import cache, encoding
from frontend.bundle import TEMPLATES, join, split
from frontend.decoder import Registry, decode_slot, load_registry, slot_type
from frontend.tables import TABLES


def _seed() -> int:
    env = os.environ.get("CACHE_SEED")
    return int(env, 0) if env else secrets.randbits(48)


@pytest.fixture(scope="module")
def fresh():
    return Registry(TABLES)


@pytest.fixture(scope="module")
def cached(tmp_path_factory):
    """A registry that went through a file: stored by one load, read by the next."""
    d = str(tmp_path_factory.mktemp("deccache"))
    _, how = load_registry(TABLES, d)
    assert how == "built"
    reg, how = load_registry(TABLES, d)
    assert how == "hit"
    return reg


def _decode(reg, data: bytes):
    """decode_bundle against ``reg``'s trees."""
    code, s0, s1, s2 = split(data)
    units = TEMPLATES[code].units
    if units[0] is None:
        return (None, None, None)
    if units[1] == "L":
        x = decode_slot("X", s2, s1, _trees=reg.trees)
        return (decode_slot(slot_type(units[0], s0), s0, _trees=reg.trees), x, x)
    return tuple(decode_slot(slot_type(u, s), s, _trees=reg.trees)
                 for u, s in zip(units, (s0, s1, s2)))


def _places():
    """Instruction type -> [(template, slot)] where it is decoded."""
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


def _same(a, b, addr, where):
    if a is None or b is None:
        assert a is None and b is None, where
        return
    assert a.row.index == b.row.index, where
    assert a.f == b.f, where
    assert a.text(addr) == b.text(addr), where
    assert a.operands == b.operands and a.num_outputs == b.num_outputs, where


def _row_facts(r):
    return (r.type, r.fmt, r.mnemonic, r.mask, r.value, r.conditions, r.operands, r.flags,
            r.order, r.index, r.specificity, r.tokens, r.num_outputs, r.nopred,
            r.cond_fn is None)


def test_cached_rows_equal_fresh(fresh, cached):
    assert cached is not fresh
    assert cached.formats == fresh.formats
    assert len(cached.rows) == len(fresh.rows)
    for a, b in zip(cached.rows, fresh.rows):
        assert _row_facts(a) == _row_facts(b), b
    # One extractor per format, shared by its rows, as when built.
    by_fmt = {}
    for r in cached.rows:
        assert by_fmt.setdefault(r.fmt.name, r.extract) is r.extract


def test_cached_registry_decodes_like_fresh(fresh, cached):
    seed = _seed()
    rng = random.Random(seed)
    # Random bundles (mostly reserved or undecodable slots) ...
    bundles = [rng.getrandbits(128).to_bytes(16, "little") for _ in range(20_000)]
    # ... and, for every row, bundles holding its encodings.
    places = _places()
    for row in fresh.rows:
        for _ in range(4):
            slot = (rng.getrandbits(41) & ~row.mask) | row.value
            code, j = rng.choice(places[row.type])
            slots = [rng.getrandbits(41) for _ in range(3)]
            slots[j] = slot
            bundles.append(join(code, *slots))
    seen = set()
    for k, data in enumerate(bundles):
        addr = rng.getrandbits(64) & ~0xF
        a, b = _decode(cached, data), _decode(fresh, data)
        for j in range(3):
            _same(a[j], b[j], addr, f"seed {seed:#x} bundle {data.hex()} slot {j}")
            if b[j] is not None:
                seen.add(b[j].row.index)
    # The encodings made above reach (nearly) every row: rows with extra
    # conditions may lose to a sibling on random free bits.
    assert len(seen) > 0.9 * len(fresh.rows), f"seed {seed:#x}"


def _cache_file(d):
    files = [f for f in os.listdir(d) if f.startswith("registry-")]
    assert len(files) == 1, files
    return os.path.join(d, files[0])


def _corruptions(good: bytes, key: str):
    head = cache.MAGIC + key.encode() + b"\n"
    flipped = bytearray(good)
    flipped[len(good) // 2] ^= 0x40
    yield "empty", b""
    yield "truncated", good[:len(good) // 3]
    yield "one byte short", good[:-1]
    yield "flipped byte", bytes(flipped)
    yield "garbage", bytes(random.Random(1).getrandbits(8) for _ in range(4096))
    yield "other key", cache.MAGIC + b"0" * 64 + b"\n" + good[len(head):]
    # A sound digest over a payload that does not unpickle.
    payload = (5).to_bytes(8, "little") + b"junk!" + b"\x80\x05not a pickle"
    yield "bad payload", head + cache.hashlib.sha256(payload).digest() + payload


def test_corrupt_cache_file_is_ignored_and_rebuilt(tmp_path, fresh):
    d = str(tmp_path)
    _, how = load_registry(TABLES, d)
    assert how == "built"
    path = _cache_file(d)
    good = open(path, "rb").read()
    key = cache.registry_key(TABLES)
    probe = [bytes.fromhex(h) for h in (
        "0b0806000118780062000004001ee003",    # a real bundle or two...
        "1d000000010000000002000080000084")] + [bytes(range(16))]
    for name, bad in _corruptions(good, key):
        with open(path, "wb") as f:
            f.write(bad)
        reg, how = load_registry(TABLES, d)
        assert how == "rebuilt", name
        assert len(reg.rows) == len(fresh.rows), name
        for data in probe:
            for a, b in zip(_decode(reg, data), _decode(fresh, data)):
                _same(a, b, 0x4000, name)
        # ... and the file was replaced by a sound one.
        assert _cache_file(d) == path
        _, how = load_registry(TABLES, d)
        assert how == "hit", name


def _load_copy(src, dst, name, extra=""):
    with open(src) as f:
        text = f.read()
    with open(dst, "w") as f:
        f.write(text + extra)
    spec = importlib.util.spec_from_file_location(name, dst)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_key_changes_with_table_source(tmp_path):
    base = cache.registry_key(TABLES)
    assert cache.registry_key(TABLES) == base          # stable
    tab = TABLES[0]
    same = _load_copy(tab.__file__, tmp_path / "a.py", tab.__name__)
    assert cache.registry_key((same,) + TABLES[1:]) == base
    edited = _load_copy(tab.__file__, tmp_path / "b.py", tab.__name__, "\n# edited\n")
    assert cache.registry_key((edited,) + TABLES[1:]) != base
    # The data itself counts too (a table computing its rows, a patched table).
    patched = types.ModuleType(tab.__name__)
    patched.__file__ = tab.__file__
    patched.TYPE, patched.FORMATS = tab.TYPE, tab.FORMATS
    patched.ROWS = tab.ROWS.replace("op=8", "op=9", 1)
    assert patched.ROWS != tab.ROWS
    assert cache.registry_key((patched,) + TABLES[1:]) != base
    # Table order is part of the registry (row numbers, tie-breaks).
    assert cache.registry_key(TABLES[1:] + TABLES[:1]) != base


def test_key_changes_with_engine_source(tmp_path):
    files = []
    for p in cache.ENGINE_FILES:
        q = tmp_path / os.path.basename(p)
        shutil.copy(p, q)
        files.append(str(q))
    base = cache.registry_key(TABLES, files)
    assert base == cache.registry_key(TABLES)
    for q in files:
        with open(q, "a") as f:
            f.write("\n# edited\n")
        changed = cache.registry_key(TABLES, files)
        assert changed != base, q
        base = changed


def test_a_changed_table_is_not_served_from_the_cache(tmp_path, fresh):
    d = str(tmp_path)
    load_registry(TABLES, d)
    tab = TABLES[0]
    patched = types.ModuleType(tab.__name__)
    patched.__file__ = tab.__file__
    patched.TYPE, patched.FORMATS = tab.TYPE, tab.FORMATS
    patched.ROWS = tab.ROWS + "\n"                       # same rows, other text
    reg, how = load_registry((patched,) + TABLES[1:], d)
    assert how == "built"
    assert len(os.listdir(d)) == 2


def test_unwritable_cache_dir_still_decodes(tmp_path, fresh):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    reg, how = load_registry(TABLES, str(blocker / "decoder"))
    assert how == "unwritable"
    assert len(reg.rows) == len(fresh.rows)


def test_disabled(tmp_path, monkeypatch):
    monkeypatch.setenv("IA64JIT_DECODER_CACHE", "0")
    _, how = load_registry(TABLES, str(tmp_path))
    assert how == "disabled"
    assert os.listdir(tmp_path) == []


def test_old_files_pruned_and_clear(tmp_path):
    d = tmp_path
    for k in range(cache.KEEP + 3):
        p = d / f"registry-{k:064x}.pickle"
        p.write_bytes(b"old")
        os.utime(p, (1000 + k, 1000 + k))
    load_registry(TABLES, str(d))
    names = sorted(os.listdir(d))
    assert len(names) == cache.KEEP
    assert f"registry-{0:064x}.pickle" not in names               # the oldest went
    assert f"registry-{cache.KEEP + 2:064x}.pickle" in names       # the newest stayed
    assert cache.clear(str(d)) == cache.KEEP
    assert os.listdir(d) == []


def test_extractor_code_round_trip():
    """Functions rebuilt from code objects behave as the compiled ones."""
    fmt = next(iter(Registry(TABLES[:1]).formats.values()))
    f1 = encoding.compile_extractor(fmt)
    f2 = encoding.make_function(encoding.extractor_code(fmt))
    rng = random.Random(7)
    for _ in range(100):
        s, l = rng.getrandbits(41), rng.getrandbits(41)
        assert f1(s, l) == f2(s, l)
