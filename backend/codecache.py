"""Persistent code cache: compiled object code on disk, bounded in size.

A module's key is a hash of the translator version and the module's LLVM IR
(which is fully determined by the guest code bytes it translates, the block
boundaries and the translator: compiled code holds no process-specific
addresses).  A second run of the same guest loads the object code instead of
optimising and generating it again.

Layout: ``<dir>/<key[:2]>/<key>.o`` under ``$IA64JIT_CACHE/code`` (default
``~/.cache/ia64jit/code``).  Each file is a short header (magic, length,
SHA-256 of the object code) and the object code, so a truncated or damaged
file is a miss (and is removed), never object code handed to the loader.

Size: the cache holds at most ``IA64JIT_CODE_CACHE_MAX`` bytes (default
256M; a number of bytes with an optional K/M/G suffix; ``0`` keeps nothing,
``unlimited`` lifts the bound).  The bound is kept per shard: each of the
256 subdirectories may hold 1/256 of it, and a write that takes its shard
over the bound evicts the shard's least recently used entries (a hit
refreshes an entry's mtime) down to 7/8 of the shard's share.  Keys are
SHA-256 values, so the shards fill evenly; the cache as a whole stays within
the bound give or take what concurrent processes write between two checks.
An entry bigger than a shard's share is not stored.

Concurrency: entries are written to a temporary file and renamed into
place, so a reader sees a whole entry or none; an entry that vanishes
(evicted or cleared by another process) is a miss; a read-only or full disk
only costs speed.  ``clear()`` empties the cache.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time

# Bump when the meaning of generated code changes without the IR text
# changing (e.g. the runtime callback's numbering or the state layout).
TRANSLATOR_VERSION = "ia64jit-codegen-5"

DEFAULT_MAX_BYTES = 256 << 20
SHARDS = 256
LOW_WATER = 7 / 8           # evict down to this fraction of a shard's share
STALE_TMP_S = 3600          # a temporary file this old was left by a dead writer

_MAGIC = b"IA64JITO"        # + 8-byte length + 32-byte SHA-256 + object code
_HEADER = len(_MAGIC) + 8 + 32
_SUFFIX = ".o"


def default_dir() -> str:
    from frontend.cache import cache_base
    return os.path.join(cache_base(), "code")


def parse_size(text) -> int | None:
    """Bytes in ``text`` ('256M', '1.5G', '4096', '0'); None for 'unlimited'.
    Raises ValueError if it is neither."""
    t = str(text).strip().lower()
    if t in ("unlimited", "none", "inf", "-1"):
        return None
    m = re.fullmatch(r"(\d+(?:\.\d*)?)\s*([kmgt]?)i?b?", t)
    if not m:
        raise ValueError(f"not a size: {text!r}")
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}[m.group(2)]
    return int(float(m.group(1)) * scale)


def default_max_bytes() -> int | None:
    """The bound from ``IA64JIT_CODE_CACHE_MAX`` (a malformed value is ignored)."""
    env = os.environ.get("IA64JIT_CODE_CACHE_MAX")
    if env:
        try:
            return parse_size(env)
        except ValueError:
            pass
    return DEFAULT_MAX_BYTES


class CodeCache:
    def __init__(self, directory: str | None = None, salt: str = "", max_bytes="env"):
        """``max_bytes``: the bound in bytes, None for none, or "env" (from
        ``IA64JIT_CODE_CACHE_MAX``, default 256 MiB)."""
        self.dir = directory or default_dir()
        self.salt = salt
        self.max_bytes = default_max_bytes() if max_bytes == "env" else max_bytes
        self.hits = 0
        self.misses = 0
        self.errors = 0
        self.evicted = 0
        self._shard_bytes = {}   # shard -> bytes it holds, as last counted here

    @property
    def shard_max(self) -> int | None:
        return None if self.max_bytes is None else self.max_bytes // SHARDS

    def key(self, ir_text: str) -> str:
        h = hashlib.sha256()
        h.update(TRANSLATOR_VERSION.encode())
        h.update(self.salt.encode())
        h.update(ir_text.encode())
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.dir, key[:2], key + _SUFFIX)

    # ---------------------------------------------------------------- reading
    def get(self, key: str):
        """The object code stored under ``key``, or None."""
        path = self._path(key)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:                  # absent, vanished, unreadable
            self.misses += 1
            return None
        obj = _unpack(data)
        if obj is None:                  # truncated or damaged: drop it
            _unlink(path)
            self.misses += 1
            return None
        try:
            os.utime(path)               # recently used: evicted last
        except OSError:
            pass
        self.hits += 1
        return obj

    # ---------------------------------------------------------------- writing
    def put(self, key: str, obj: bytes) -> None:
        size = _HEADER + len(obj)
        cap = self.shard_max
        if cap is not None and size > cap:
            return                       # would not fit its shard (or the cache is off)
        path = self._path(key)
        shard = os.path.dirname(path)
        tmp = None
        try:
            os.makedirs(shard, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=shard, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(_pack(obj))
            os.replace(tmp, path)        # atomic: concurrent runs never see half a file
            tmp = None
        except OSError:
            self.errors += 1             # a read-only or full disk only costs speed
            return
        finally:
            if tmp is not None:
                _unlink(tmp)
        if cap is not None:
            held = self._shard_bytes.get(shard)
            if held is None or held + size > cap:
                held = self._trim(shard, cap, keep=path)
            else:
                held += size
            self._shard_bytes[shard] = held

    def _trim(self, shard: str, cap: int, keep: str | None = None) -> int:
        """Count ``shard``; if it holds more than ``cap`` bytes, remove its
        least recently used entries down to LOW_WATER of it.  Returns the
        bytes left."""
        entries, total = _scan(shard)
        if total <= cap:
            return total
        target = int(cap * LOW_WATER)
        entries.sort()                   # oldest first
        for mtime, size, path in entries:
            if total <= target:
                break
            if path == keep:
                continue
            if _unlink(path):
                self.evicted += 1
            total -= size                # gone, whoever removed it
        return total

    def trim(self) -> int:
        """Enforce the bound on every shard now; returns the bytes held."""
        cap = self.shard_max
        total = 0
        for shard in _shards(self.dir):
            if cap is None:
                total += _scan(shard)[1]
            else:
                total += self._trim(shard, cap)
        return total

    # ---------------------------------------------------------------- whole cache
    def usage(self) -> tuple:
        """(entries, bytes) on disk now."""
        return usage(self.dir)

    def clear(self) -> tuple:
        """Remove every entry; returns (entries, bytes) removed."""
        self._shard_bytes.clear()
        return clear(self.dir)


# ---------------------------------------------------------------- file format

def _pack(obj: bytes) -> bytes:
    return _MAGIC + len(obj).to_bytes(8, "little") + hashlib.sha256(obj).digest() + obj


def _unpack(data: bytes):
    if len(data) < _HEADER or not data.startswith(_MAGIC):
        return None
    n = int.from_bytes(data[len(_MAGIC):len(_MAGIC) + 8], "little")
    obj = data[_HEADER:]
    if len(obj) != n or hashlib.sha256(obj).digest() != data[len(_MAGIC) + 8:_HEADER]:
        return None
    return obj


# ---------------------------------------------------------------- directory walking

def _unlink(path) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False


def _shards(directory):
    try:
        with os.scandir(directory) as it:
            return [e.path for e in it if len(e.name) == 2 and e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _scan(shard: str):
    """([(mtime, size, path)] of the entries, their total size).  Temporary
    files left by dead writers are removed; live ones are counted."""
    entries, total = [], 0
    now = time.time()
    try:
        with os.scandir(shard) as it:
            found = list(it)
    except OSError:
        return entries, 0
    for e in found:
        try:
            st = e.stat(follow_symlinks=False)
        except OSError:                  # vanished meanwhile
            continue
        if e.name.endswith(".tmp"):
            if now - st.st_mtime > STALE_TMP_S:
                _unlink(e.path)
            else:
                total += st.st_size
            continue
        if e.name.endswith(_SUFFIX):
            entries.append((st.st_mtime, st.st_size, e.path))
            total += st.st_size
    return entries, total


def usage(directory: str | None = None) -> tuple:
    """(entries, bytes) of the code cache in ``directory`` (default: the
    default one)."""
    n = total = 0
    for shard in _shards(directory or default_dir()):
        entries, size = _scan(shard)
        n += len(entries)
        total += size
    return n, total


def clear(directory: str | None = None) -> tuple:
    """Remove every entry of the code cache in ``directory`` (default: the
    default one); returns (entries, bytes) removed.  Safe while other
    processes use the cache: what they are reading stays readable to them,
    what they write afterwards is kept."""
    n = total = 0
    for shard in _shards(directory or default_dir()):
        entries, _ = _scan(shard)
        for _mtime, size, path in entries:
            if _unlink(path):
                n += 1
                total += size
    # The shard directories stay: removing one races with a writer about to
    # create its temporary file there.
    return n, total
