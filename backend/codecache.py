"""Persistent code cache: compiled object code on disk.

A module's key is a hash of the translator version and the module's LLVM IR
(which is fully determined by the guest code bytes it translates, the block
boundaries and the translator: compiled code holds no process-specific
addresses).  A second run of the same guest loads the object code instead of
optimising and generating it again.
"""

from __future__ import annotations

import hashlib
import os

# Bump when the meaning of generated code changes without the IR text
# changing (e.g. the runtime callback's numbering or the state layout).
TRANSLATOR_VERSION = "ia64jit-codegen-1"


def default_dir() -> str:
    base = os.environ.get("IA64JIT_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "ia64jit")
    return os.path.join(base, "code")


class CodeCache:
    def __init__(self, directory: str | None = None, salt: str = ""):
        self.dir = directory or default_dir()
        self.salt = salt
        self.hits = 0
        self.misses = 0
        self.errors = 0

    def key(self, ir_text: str) -> str:
        h = hashlib.sha256()
        h.update(TRANSLATOR_VERSION.encode())
        h.update(self.salt.encode())
        h.update(ir_text.encode())
        return h.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self.dir, key[:2], key + ".o")

    def get(self, key: str):
        try:
            with open(self._path(key), "rb") as f:
                data = f.read()
        except OSError:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def put(self, key: str, obj: bytes) -> None:
        path = self._path(key)
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as f:
                f.write(obj)
            os.replace(tmp, path)        # atomic: concurrent runs never see half a file
        except OSError:
            self.errors += 1             # a read-only or full disk only costs speed
