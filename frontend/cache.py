"""On-disk cache of the decoder registry: derived data, never a second source.

Building ``frontend.decoder.Registry`` from the encoding tables (parsing
every format and row, generating the field extractors, building the decision
trees) takes a few hundred milliseconds, a large share of a short run's
start-up.  Its result depends only on

* the tables' inputs (each table module's TYPE, FORMATS, ROWS and STYLES
  names, and the module's source file), and
* the engine that turns them into decode structures (``encoding.py``,
  ``decoder.py``, ``operands.py`` and this file), and the Python version
  (the extractors are stored as code objects),

so a pickle of it, keyed by a SHA-256 of all of those, can stand in for the
build.  Any change to a table or to the engine gives a new key, hence a
rebuild; the tables stay the one place that knows bit layouts.

The file lives in ``$IA64JIT_CACHE/decoder`` (default
``~/.cache/ia64jit/decoder``).  It holds a magic line, the key and a SHA-256
of the payload; a file that is missing, truncated, corrupt, for another key
or unreadable is ignored and rebuilt, and a directory that cannot be written
only costs the rebuild next time.  Writes go to a temporary file renamed
into place, so concurrent processes never see half a file.
``IA64JIT_DECODER_CACHE=0`` turns the cache off (always build, never write).

Like the code cache next door, the directory is trusted: it holds data this
user's processes wrote for themselves.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import marshal
import os
import pickle
import sys
import types

MAGIC = b"ia64jit decoder registry 1\n"
# Bump when what is stored changes shape without any hashed file changing.
FORMAT_VERSION = "1"
# Registry files kept side by side (other checkouts, other Python versions).
KEEP = 8

_HERE = os.path.dirname(os.path.abspath(__file__))
ENGINE_FILES = tuple(os.path.join(_HERE, n)
                     for n in ("encoding.py", "decoder.py", "operands.py", "cache.py"))


def cache_base() -> str:
    """ia64jit's cache root: $IA64JIT_CACHE, else $XDG_CACHE_HOME/ia64jit,
    else ~/.cache/ia64jit."""
    return os.environ.get("IA64JIT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "ia64jit")


def default_dir() -> str:
    return os.path.join(cache_base(), "decoder")


def enabled() -> bool:
    return os.environ.get("IA64JIT_DECODER_CACHE", "1").strip().lower() not in ("0", "no", "off", "false")


# ---------------------------------------------------------------- the key

def _read(path) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:                      # a zipped or frozen install: the data still counts
        return b"<unreadable>"


def registry_key(tables, engine_files=ENGINE_FILES) -> str:
    """SHA-256 (hex) of everything a registry built from ``tables`` depends on."""
    h = hashlib.sha256()

    def put(tag, data):
        if isinstance(data, str):
            data = data.encode()
        h.update(tag.encode() + b"\0" + len(data).to_bytes(8, "little") + data)

    put("format", FORMAT_VERSION)
    put("python", f"{sys.implementation.cache_tag} {sys.version}")
    put("magic", importlib.util.MAGIC_NUMBER)
    for path in engine_files:
        put("engine " + os.path.basename(path), _read(path))
    for tab in tables:
        put("table", tab.__name__)
        src = getattr(tab, "__file__", None)
        put("source", _read(src) if src else b"")
        put("type", tab.TYPE)
        put("formats", tab.FORMATS)
        put("rows", tab.ROWS)
        styles = getattr(tab, "STYLES", {})
        put("styles", repr(sorted((n, k) for n, (k, _) in styles.items())))
    return h.hexdigest()


def _path(directory, key) -> str:
    return os.path.join(directory, f"registry-{key}.pickle")


# ---------------------------------------------------------------- (de)serialising

def _dumps(key: str, registry) -> bytes:
    """The file's bytes for ``registry`` (see ``Registry.state``)."""
    state = registry.state()
    names, code = {}, {}
    for r in state["rows"]:
        for tag, fn in (("x" + r.fmt.name, r.extract), ("c%d" % r.index, r.cond_fn)):
            if fn is not None:
                names[id(fn)] = tag
                code.setdefault(tag, fn.__code__)

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, types.FunctionType):
                tag = names.get(id(obj))
                if tag is None:          # a function we cannot rebuild: store nothing
                    raise pickle.PicklingError(f"cannot store {obj!r}")
                return tag
            return None

    buf = io.BytesIO()
    _Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(state)
    funcs = marshal.dumps(code)
    payload = len(funcs).to_bytes(8, "little") + funcs + buf.getvalue()
    return MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).digest() + payload


def _loads(key: str, data: bytes):
    """The registry state stored in ``data``, or None if it is not a sound
    file for ``key``."""
    from . import encoding
    head = MAGIC + key.encode() + b"\n"
    if not data.startswith(head) or len(data) < len(head) + 40:
        return None
    digest = data[len(head):len(head) + 32]
    payload = data[len(head) + 32:]
    if hashlib.sha256(payload).digest() != digest:
        return None
    n = int.from_bytes(payload[:8], "little")
    code = marshal.loads(payload[8:8 + n])
    funcs = {}

    class _Unpickler(pickle.Unpickler):
        def persistent_load(self, tag):
            fn = funcs.get(tag)
            if fn is None:
                fn = funcs[tag] = encoding.make_function(code[tag])
            return fn

    state = _Unpickler(io.BytesIO(payload[8 + n:])).load()
    rows = state["rows"]
    if not rows or any(r.index != i for i, r in enumerate(rows)):
        return None
    return state


# ---------------------------------------------------------------- load or build

def load_registry(tables, build, restore, directory=None, engine_files=ENGINE_FILES):
    """The registry for ``tables``: restored from the cache when it holds a
    sound one for their key (``restore(state)``), else ``build()`` and stored.

    Returns (registry, how) with how one of "hit", "built" (and stored),
    "rebuilt" (a bad file was replaced), "unwritable", "disabled"."""
    if not enabled():
        return build(), "disabled"
    directory = directory or default_dir()
    key = registry_key(tables, engine_files)
    path = _path(directory, key)
    how = "built"
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        data = None
    if data is not None:
        try:
            state = _loads(key, data)
        except Exception:                # any damage at all is a miss
            state = None
        if state is not None:
            try:
                return restore(state), "hit"
            except Exception:
                pass
        how = "rebuilt"
    registry = build()
    if not _store(directory, path, key, registry):
        how = "unwritable"
    return registry, how


def _store(directory, path, key, registry) -> bool:
    try:
        data = _dumps(key, registry)
    except Exception:
        return False
    import tempfile                      # (only when writing: it is slow to import)
    tmp = None
    try:
        os.makedirs(directory, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".registry-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)            # atomic: readers see the old file or the new one
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _prune(directory, path)
    return True


def _prune(directory, keep_path):
    """Keep the KEEP most recently written registry files."""
    try:
        files = []
        for e in os.scandir(directory):
            if e.name.startswith("registry-") and e.name.endswith(".pickle") and e.path != keep_path:
                try:
                    files.append((e.stat().st_mtime, e.path))
                except OSError:
                    pass
        files.sort(reverse=True)
        for _, p in files[KEEP - 1:]:
            try:
                os.unlink(p)
            except OSError:
                pass
    except OSError:
        pass


def clear(directory=None) -> int:
    """Remove every cached registry; returns how many files went."""
    directory = directory or default_dir()
    n = 0
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return 0
    for e in entries:
        if e.name.startswith(("registry-", ".registry-")):
            try:
                os.unlink(e.path)
                n += 1
            except OSError:
                pass
    return n
