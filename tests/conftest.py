"""Shared fixtures: the repository root on sys.path, GNU binutils for IA-64
(skip when absent), and a runner for the ``ia64jit`` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# In the tests a block the JIT cannot translate is an error, not a silent
# fall-back to the interpreter (child processes inherit this too).
os.environ.setdefault("IA64JIT_STRICT", "1")



def _tool(name: str) -> str:
    path = shutil.which(f"ia64-linux-gnu-{name}")
    if path is None:
        pytest.skip(f"ia64-linux-gnu-{name} not installed")
    return path


@pytest.fixture(scope="session")
def objdump() -> str:
    """Path of ia64-linux-gnu-objdump (the test is skipped without it)."""
    return _tool("objdump")


@pytest.fixture(scope="session")
def gas() -> str:
    """Path of ia64-linux-gnu-as (the test is skipped without it)."""
    return _tool("as")


@pytest.fixture(scope="session")
def gld() -> str:
    """Path of ia64-linux-gnu-ld (the test is skipped without it)."""
    return _tool("ld")


@pytest.fixture(scope="session")
def objdump_text(objdump):
    """f(args) -> objdump's stdout from its first "Disassembly of section" line on
    (latin-1 text, so symbol names keep their bytes)."""

    def run(args) -> str:
        out = subprocess.run([objdump, *map(str, args)], capture_output=True, check=True).stdout
        out = out.decode("latin-1")
        i = out.find("Disassembly of section")
        return out[i:] if i >= 0 else ""

    return run


def ia64jit_command() -> list:
    """argv prefix that runs the ``ia64jit`` console script (or python -m ia64jit)."""
    script = Path(sys.executable).with_name("ia64jit")
    if script.exists() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "ia64jit"]


@pytest.fixture
def run_ia64jit():
    """Run ``ia64jit ARGS...`` in a subprocess; returns CompletedProcess (bytes)."""

    def run(*args, module=False):
        cmd = [sys.executable, "-m", "ia64jit"] if module else ia64jit_command()
        env = dict(os.environ)
        env.pop("IA64JIT_TRACEBACK", None)
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        return subprocess.run(cmd + [str(a) for a in args], capture_output=True, env=env,
                              cwd=str(ROOT), timeout=600)

    return run
