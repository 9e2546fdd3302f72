"""The native mini kernel (guests/kernel) boots to its final message on
both engines with the same console output, and repeatably under virtual
time; ``ia64jit run`` reports what a user needs in one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ia64jit.machine import Machine
from ia64jit.platform.boot import boot

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL = os.path.join(ROOT, "guests", "kernel", "kernel.elf")
IA64JIT = [sys.executable, "-m", "ia64jit"]


def boot_run(engine: str):
    out = []
    m = Machine(engine=engine, system=True, virtual_time=True, jit_threshold=20)
    boot(m, KERNEL, [], mem_size=64 << 20, console_out=out.append)
    m.run(count=20_000_000)
    return m, b"".join(out).decode("latin-1")


@pytest.fixture(scope="module")
def runs():
    return {engine: boot_run(engine) for engine in ("interp", "jit")}


def test_boots_and_powers_off(runs):
    m, text = runs["interp"]
    assert m.exit_status == 0
    assert "power off" in text.splitlines()[-1]
    # user tasks ran at cpl 3, took page faults and timer interrupts
    assert "page fault" in text
    assert m.stats_interruptions, "no interruption was delivered"


def test_same_console_and_state_on_both_engines(runs):
    (mi, ti), (mj, tj) = runs["interp"], runs["jit"]
    assert ti == tj
    assert mi.reg_read("icount") == mj.reg_read("icount")
    assert mi.read_itc() == mj.read_itc()
    assert mi.stats_interruptions == mj.stats_interruptions


def test_repeatable_under_virtual_time(runs):
    m1, t1 = runs["jit"]
    m2, t2 = boot_run("jit")
    assert t1 == t2
    assert m1.read_itc() == m2.read_itc()


def _cli(*args, timeout=300):
    env = dict(os.environ, PYTHONPATH=ROOT)
    return subprocess.run(IA64JIT + list(args), capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=timeout)


def test_run_command_exit_status_and_console():
    r = _cli("run", KERNEL, "--engine", "jit", "--virtual-time", "--stats")
    assert r.returncode == 0, r.stderr
    assert "power off" in r.stdout
    assert "MIPS" in r.stderr and "External interrupt" in r.stderr


@pytest.mark.parametrize("args, message, status", [
    (["run", "no-such-kernel"], "no-such-kernel: no such file", 2),
    (["run", KERNEL, "--mem", "12Q"], "not a size", 2),
    (["run", KERNEL, "--mem", "4K"], "between 1M and 3968M", 2),
    (["run", KERNEL, "--mem", "64G"], "between 1M and 3968M", 2),
    (["run", KERNEL, "--platform", "xen"], "invalid choice", 2),
    (["run", os.path.join(ROOT, "README.md")], "README.md", 2),
    (["run", KERNEL, "--max-insns", "1000"], "stopped after --max-insns at ip=", 3),
])
def test_run_command_errors_are_one_line(args, message, status):
    r = _cli(*args)
    assert r.returncode == status
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and message in lines[0], r.stderr


def test_ctrl_c_stops_cleanly_and_says_where(tmp_path):
    import shutil
    import signal
    import time
    if not shutil.which("ia64-linux-gnu-as"):
        pytest.skip("needs ia64-linux-gnu-as")
    src = tmp_path / "spin.s"
    src.write_text("\t.text\n\t.global _start\n_start:\n\tmov r8=0\n\t;;\n"
                   "1:\tadds r8=1,r8\n\tbr.sptk.few 1b\n\t;;\n")
    subprocess.run(["ia64-linux-gnu-as", "-o", str(tmp_path / "spin.o"), str(src)], check=True)
    subprocess.run(["ia64-linux-gnu-ld", "-Ttext=0x100000", "-e", "_start", "-o",
                    str(tmp_path / "spin"), str(tmp_path / "spin.o")], check=True)
    env = dict(os.environ, PYTHONPATH=ROOT)
    p = subprocess.Popen(IA64JIT + ["run", str(tmp_path / "spin")], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 130, err
    assert "interrupted at ip=0x1000" in err and "cpl 0" in err
    assert "Traceback" not in err
