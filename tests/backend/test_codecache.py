"""The persistent code cache: sound entries only, bounded size, LRU eviction,
clearing, and no errors under concurrent use."""

import multiprocessing
import os
import random
import time

import pytest

from backend import codecache
from backend.codecache import SHARDS, CodeCache


def _key(shard: str, n: int) -> str:
    return shard + f"{n:062x}"


def _blob(n: int, size: int = 1000) -> bytes:
    return random.Random(n).randbytes(size)


def _entry_size(size: int = 1000) -> int:
    return codecache._HEADER + size


def test_round_trip_and_counts(tmp_path):
    c = CodeCache(str(tmp_path))
    k = c.key("define void @f() { ret void }")
    assert len(k) == 64 and k != CodeCache(str(tmp_path), salt="x").key("define void @f() { ret void }")
    assert c.get(k) is None and c.misses == 1
    c.put(k, b"\x7fELF object")
    assert c.get(k) == b"\x7fELF object" and c.hits == 1
    assert CodeCache(str(tmp_path)).get(k) == b"\x7fELF object"     # another process/instance
    assert c.usage() == (1, _entry_size(len(b"\x7fELF object")))


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "headerless", "longer"])
def test_damaged_entry_is_a_miss_and_removed(tmp_path, damage):
    c = CodeCache(str(tmp_path))
    k = _key("ab", 1)
    c.put(k, _blob(1))
    path = c._path(k)
    data = open(path, "rb").read()
    bad = {"truncated": data[:len(data) // 2],
           "flipped": data[:-1] + bytes([data[-1] ^ 1]),
           "empty": b"",
           "headerless": _blob(1),            # the format before the header
           "longer": data + b"\0"}[damage]
    with open(path, "wb") as f:
        f.write(bad)
    assert c.get(k) is None and c.misses == 1 and c.hits == 0
    assert not os.path.exists(path)
    c.put(k, _blob(1))                        # and it can be stored again
    assert c.get(k) == _blob(1)


def test_vanished_entry_is_a_miss(tmp_path):
    c = CodeCache(str(tmp_path))
    k = _key("cd", 2)
    c.put(k, _blob(2))
    os.unlink(c._path(k))
    assert c.get(k) is None
    codecache.clear(str(tmp_path))
    assert c.get(_key("cd", 3)) is None


def test_hit_refreshes_mtime(tmp_path):
    c = CodeCache(str(tmp_path))
    k = _key("ef", 1)
    c.put(k, _blob(1))
    os.utime(c._path(k), (1000, 1000))
    assert c.get(k) == _blob(1)
    assert os.stat(c._path(k)).st_mtime > time.time() - 60


def test_lru_eviction_within_a_shard(tmp_path):
    per = _entry_size()
    cap = 10 * per                                  # ten entries per shard
    c = CodeCache(str(tmp_path), max_bytes=cap * SHARDS)
    assert c.shard_max == cap
    keys = [_key("aa", n) for n in range(10)]
    for n, k in enumerate(keys):
        c.put(k, _blob(n))
        os.utime(c._path(k), (1000 + n, 1000 + n))  # k0 oldest ... k9 newest
    assert c.evicted == 0
    os.utime(c._path(keys[0]), (5000, 5000))        # k0 used recently (as a hit does)
    c.put(_key("aa", 10), _blob(10))                # over the share: evict to 7/8 of it
    left = {k for k in keys + [_key("aa", 10)] if os.path.exists(c._path(k))}
    assert keys[0] in left and _key("aa", 10) in left
    assert keys[1] not in left and keys[2] not in left           # least recently used
    assert keys[9] in left
    n, size = c.usage()
    assert size <= cap * codecache.LOW_WATER and n == len(left)
    assert c.evicted == 11 - n
    # Other shards are untouched by this shard's eviction.
    c.put(_key("bb", 0), _blob(0))
    assert os.path.exists(c._path(_key("bb", 0)))


def test_total_stays_within_bound(tmp_path):
    cap_total = 64 * _entry_size(500) * SHARDS // 16
    c = CodeCache(str(tmp_path), max_bytes=cap_total)
    rng = random.Random(5)
    for n in range(1500):
        c.put(f"{rng.getrandbits(256):064x}", rng.randbytes(rng.randrange(100, 900)))
    assert c.usage()[1] <= cap_total
    assert c.evicted > 0
    # A fresh instance (another process) counts the shard before trusting it.
    d = CodeCache(str(tmp_path), max_bytes=cap_total)
    for n in range(300):
        d.put(f"{rng.getrandbits(256):064x}", rng.randbytes(800))
    assert d.usage()[1] <= cap_total


def test_trim_after_lowering_the_bound(tmp_path):
    c = CodeCache(str(tmp_path), max_bytes=None)
    for n in range(40):
        c.put(_key("%02x" % (n % 4), n), _blob(n))
    assert c.usage() == (40, 40 * _entry_size())
    small = CodeCache(str(tmp_path), max_bytes=5 * _entry_size() * SHARDS)
    left = small.trim()
    assert left == small.usage()[1] <= 4 * 5 * _entry_size()


def test_oversized_entry_and_zero_bound(tmp_path):
    c = CodeCache(str(tmp_path), max_bytes=SHARDS * 2000)
    c.put(_key("aa", 1), _blob(1, 5000))            # bigger than its shard's share
    assert c.get(_key("aa", 1)) is None
    z = CodeCache(str(tmp_path), max_bytes=0)
    z.put(_key("aa", 2), _blob(2))
    assert z.usage() == (0, 0)


@pytest.mark.parametrize("text, want", [
    ("1M", 1 << 20), ("256m", 256 << 20), ("1.5G", 3 << 29), ("4096", 4096), ("0", 0),
    ("512MiB", 512 << 20), ("2kb", 2048), ("unlimited", None), ("-1", None)])
def test_size_from_env(monkeypatch, tmp_path, text, want):
    monkeypatch.setenv("IA64JIT_CODE_CACHE_MAX", text)
    assert CodeCache(str(tmp_path)).max_bytes == want


def test_bad_env_value_uses_default(monkeypatch, tmp_path):
    monkeypatch.setenv("IA64JIT_CODE_CACHE_MAX", "lots")
    assert CodeCache(str(tmp_path)).max_bytes == codecache.DEFAULT_MAX_BYTES
    monkeypatch.delenv("IA64JIT_CODE_CACHE_MAX")
    assert CodeCache(str(tmp_path)).max_bytes == codecache.DEFAULT_MAX_BYTES == 256 << 20


def test_default_dir_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("IA64JIT_CACHE", str(tmp_path))
    assert codecache.default_dir() == os.path.join(str(tmp_path), "code")
    assert CodeCache().dir == os.path.join(str(tmp_path), "code")


def test_clear_and_usage(tmp_path):
    c = CodeCache(str(tmp_path))
    for n in range(20):
        c.put(_key("%02x" % n, n), _blob(n))
    assert codecache.usage(str(tmp_path)) == (20, 20 * _entry_size())
    assert c.clear() == (20, 20 * _entry_size())
    assert c.usage() == (0, 0)
    assert all(os.listdir(tmp_path / d) == [] for d in os.listdir(tmp_path))
    c.put(_key("aa", 1), _blob(1))                    # still usable afterwards
    assert c.get(_key("aa", 1)) == _blob(1)
    assert codecache.clear(str(tmp_path / "nothing-here")) == (0, 0)


def test_temporary_files(tmp_path):
    c = CodeCache(str(tmp_path))
    c.put(_key("aa", 1), _blob(1))
    shard = os.path.dirname(c._path(_key("aa", 1)))
    live = os.path.join(shard, ".live.tmp")
    dead = os.path.join(shard, ".dead.tmp")
    for p in (live, dead):
        with open(p, "wb") as f:
            f.write(b"x" * 100)
    os.utime(dead, (1000, 1000))
    entries, total = codecache._scan(shard)
    assert len(entries) == 1 and total == _entry_size() + 100    # a live writer's file counts
    assert os.path.exists(live) and not os.path.exists(dead)     # a dead one's goes


def test_unwritable_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    c = CodeCache(str(blocker / "code"))
    c.put(_key("aa", 1), _blob(1))
    assert c.errors == 1
    assert c.get(_key("aa", 1)) is None
    assert c.usage() == (0, 0) and c.clear() == (0, 0)


def _worker(args):
    """Store, read and sometimes clear, in a cache shared with other processes;
    every read is a whole entry or a miss."""
    directory, seed, cap = args
    rng = random.Random(seed)
    c = CodeCache(directory, max_bytes=cap)
    bad = 0
    for i in range(400):
        n = rng.randrange(60)
        k = _key("%02x" % (n % 3), n)
        r = rng.random()
        if r < 0.45:
            c.put(k, _blob(n, 300 + 37 * n))
        elif r < 0.99:
            got = c.get(k)
            if got is not None and got != _blob(n, 300 + 37 * n):
                bad += 1
        else:
            c.clear()
    return bad, c.hits, c.errors


def test_concurrent_processes(tmp_path):
    cap = 12 * _entry_size(2000) * SHARDS
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(4) as pool:
        results = pool.map(_worker, [(str(tmp_path), s, cap) for s in range(8)])
    assert all(bad == 0 for bad, _, _ in results), results
    assert sum(h for _, h, _ in results) > 0
    assert all(e == 0 for _, _, e in results), results


_SAME_TEXT = r'''
import hashlib, sys
from backend import jit as J
from ia64jit.difftest import CODE_BASE, assemble, new_machine
texts = []
orig = J.JIT._object_bytes
J.JIT._object_bytes = lambda self, text, tier=2: (texts.append(text), orig(self, text, tier))[1]
m = new_machine("jit", assemble(sys.stdin.read()), jit_threshold=2)
m.jit.code_cache = None
try:
    m.run(CODE_BASE, count=1_000_000)
except Exception:
    pass
print(len(texts), hashlib.sha256("".join(texts).encode()).hexdigest())
'''

# Predicated loads and stores (merges of several registers), faults and
# branches (exits that write several registers back).
_BRANCHY = """
	mov r8=0
	mov r10=0
	mov r11=0
	movl r9=200
	;;
1:	and r14=1,r9
	;;
	cmp.eq p6,p7=0,r14
	;;
(p6)	ld8 r12=[r1]
(p7)	st8 [r1]=r9
(p6)	add r10=r12,r10
(p7)	adds r11=2,r11
	adds r9=-1,r9
	;;
	cmp.ne p8,p0=0,r9
(p8)	br.cond.sptk.few 1b
	;;
	break.i 0
	;;
"""


def test_ir_text_is_the_same_in_every_process():
    """The IR text is the cache's key: it must not depend on the process
    (e.g. on the iteration order of sets of registers, which follows str
    hashing, randomised per process) -- else the cache never hits."""
    import subprocess
    import sys
    from ia64jit.difftest import have_binutils
    if not have_binutils():
        pytest.skip("needs ia64-linux-gnu-as")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        r = subprocess.run([sys.executable, "-c", _SAME_TEXT], input=_BRANCHY, cwd=root, env=env,
                           capture_output=True, text=True, check=True)
        outs.add(r.stdout)
    assert len(outs) == 1, outs
    assert int(next(iter(outs)).split()[0]) > 0      # (something was compiled)
