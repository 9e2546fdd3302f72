"""The Linux/IA-64 user-mode runner: process set-up, system calls, errors."""

import os
import subprocess
import sys
import tempfile

import pytest

from ia64jit.difftest import have_binutils
from ia64jit.linux import LinuxProcess, LoadError, run_user

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HELLO = os.path.join(ROOT, "guests", "user", "hello")
CLI = [sys.executable, "-m", "ia64jit"]

PROGRAM = r"""
	.text
	.global _start
_start:
	alloc r2=ar.pfs,0,0,6,0
	adds r14=16,r12
	;;
	ld8 r20=[r14],8			// argc
	;;
	ld8 r21=[r14]			// argv[0]
	mov r15=1130			// uname(buf)
	movl out0=buf
	;;
	break 0x100000
	;;
	movl r22=buf+260		// utsname.machine
	;;
	ld4 r23=[r22]			// "ia64"
	mov r15=1060			// brk(0)
	mov out0=0
	;;
	break 0x100000
	;;
	mov r24=r8
	mov r15=1999			// unknown: -ENOSYS
	;;
	break 0x100000
	;;
	mov r25=r8
	mov r26=r10
	mov r15=1027			// write(1, "ok\n", 3)
	mov out0=1
	movl out1=msg
	mov out2=3
	;;
	break 0x100000
	;;
	mov r15=1027			// write to a bad address: -EFAULT
	mov out0=1
	mov out1=8
	mov out2=3
	;;
	break 0x100000
	;;
	mov r27=r8
	// exit status = argc*16 + (r23 == "ia64") + 2*(r25 == ENOSYS) + 4*(r27 == EFAULT)
	movl r28=0x34366169
	;;
	cmp.eq p6,p0=r23,r28
	cmp.eq p7,p0=38,r25
	cmp.eq p8,p0=14,r27
	shl r30=r20,4
	;;
(p6)	adds r30=1,r30
	;;
(p7)	adds r30=2,r30
	;;
(p8)	adds r30=4,r30
	mov r15=1236
	;;
	mov out0=r30
	break 0x100000
	;;
	.data
msg:	.ascii "ok\n"
	.align 8
buf:	.skip 400
"""


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    if not have_binutils():
        pytest.skip("needs ia64-linux-gnu-as/ld")
    d = tmp_path_factory.mktemp("prog")
    src, obj, exe = d / "p.s", d / "p.o", d / "p"
    src.write_text(PROGRAM)
    subprocess.run(["ia64-linux-gnu-as", "-o", str(obj), str(src)], check=True, capture_output=True)
    subprocess.run(["ia64-linux-gnu-ld", "-static", "-o", str(exe), str(obj)], check=True,
                   capture_output=True)
    return str(exe)


@pytest.mark.parametrize("engine", ["interp", "jit"])
def test_hello_output_and_status(engine, tmp_path):
    out = tmp_path / "out"
    with open(out, "wb") as f:
        rc = LinuxProcess(HELLO, [HELLO], engine=engine, stdout=f).run()
    assert rc == 0
    assert out.read_bytes() == b"hello from ia64\n"


@pytest.mark.parametrize("engine", ["interp", "jit"])
def test_syscalls_and_stack(program, engine, tmp_path):
    out = tmp_path / "out"
    with open(out, "wb") as f, open(tmp_path / "err", "wb") as e:
        rc = LinuxProcess(program, [program, "a", "b"], engine=engine, stdout=f, stderr=e).run()
    assert out.read_bytes() == b"ok\n"
    assert rc == 3 * 16 + 1 + 2 + 4          # argc 3, uname, -ENOSYS, -EFAULT


def test_cli_status_and_strace(program):
    r = subprocess.run(CLI + ["run-user", "--strace", program, "x"], capture_output=True)
    assert r.returncode == 2 * 16 + 7
    assert r.stdout == b"ok\n"
    assert b"unimplemented syscall 1999" in r.stderr


@pytest.mark.parametrize("make_bad,needle", [
    (lambda d: os.path.join(d, "missing"), "no such file"),
    (lambda d: "/bin/true", "x86-64"),
    (lambda d: _write(d, "trunc", open(HELLO, "rb").read()[:40]), "truncated"),
    (lambda d: _write(d, "text", b"hello world\n" * 10), "not an ELF"),
])
def test_cli_bad_programs(make_bad, needle):
    with tempfile.TemporaryDirectory() as d:
        path = make_bad(d)
        r = subprocess.run(CLI + ["run-user", path], capture_output=True, text=True)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("ia64jit: ") and needle in lines[0], r.stderr


def test_dynamic_executable_is_refused(tmp_path):
    if not have_binutils():
        pytest.skip("needs ia64-linux-gnu-as/ld")
    src, obj, so, exe = (tmp_path / n for n in ("d.s", "d.o", "libx.so", "d"))
    src.write_text("\t.text\n\t.global _start\n_start:\n\tbreak 0x100000\n")
    subprocess.run(["ia64-linux-gnu-as", "-o", str(obj), str(src)], check=True)
    subprocess.run(["ia64-linux-gnu-ld", "-shared", "-o", str(so), str(obj)], check=True)
    r = subprocess.run(["ia64-linux-gnu-ld", "-o", str(exe), "-dynamic-linker", "/lib/ld.so",
                        "-e", "_start", str(obj), str(so)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("could not link a dynamic executable")
    with pytest.raises(LoadError, match="dynamically linked"):
        LinuxProcess(str(exe), [str(exe)])
    p = subprocess.run(CLI + ["run-user", str(exe)], capture_output=True, text=True)
    assert p.returncode == 2 and "dynamically linked" in p.stderr


def test_guest_fault_is_reported(tmp_path):
    if not have_binutils():
        pytest.skip("needs ia64-linux-gnu-as/ld")
    src, obj, exe = (tmp_path / n for n in ("f.s", "f.o", "f"))
    src.write_text("\t.text\n\t.global _start\n_start:\n\tmov r2=8\n\t;;\n\tld8 r3=[r2]\n\t;;\n")
    subprocess.run(["ia64-linux-gnu-as", "-o", str(obj), str(src)], check=True)
    subprocess.run(["ia64-linux-gnu-ld", "-static", "-o", str(exe), str(obj)], check=True)
    assert run_user(str(exe), [], stderr=open(tmp_path / "err", "wb")) == 128 + 11
    assert "guest stopped" in (tmp_path / "err").read_text()


def _write(d, name, data):
    path = os.path.join(d, name)
    with open(path, "wb") as f:
        f.write(data)
    return path
