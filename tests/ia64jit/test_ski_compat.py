"""Programs written for the Ski simulator run unchanged under ``ia64jit run``.

SKI_PROGRAM is a bare ELF in the style of Ski's own boot loader
(ski-bootloader: boot_head.S + bootloader.c, written here from scratch): it
switches to register bank 1, calls the simulator through an ``ssc(a0, a1, a2,
a3, nr)`` stub (``.regstk 5``, ``break 0x80001``), and does what the boot
loader does with a kernel file -- console init, get args, take the first
argument as a host file name, open it, read it with a disk request
{u64 addr, u32 len} at an offset, wait for the completion {u32 fd, u32
count}, close it -- then reads the RTC and exits with the byte count as its
status.  Its console output ends lines with "\\n\\r" as ski-bootloader's
cons_write does.  A file that cannot be opened is reported and the program
spins, as ski-bootloader does ("file not found, reboot now").

LOADER/PAYLOAD is the boot loader's last step: raw code read through SSC
over code the JIT has already compiled, then jumped to.

Both engines must print the same bytes and exit with the same status.
"""

import os
import shutil
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CLI = [sys.executable, "-m", "ia64jit", "run"]
ENGINES = ("interp", "jit")

SKI_PROGRAM = r"""
// ssc(a0..a3 in out0..out3, number in out4); result in r8
	.macro	SSC num
	mov out4=\num
	;;
	br.call.sptk.many b0=ssc
	.endm
	.macro	PUTS str
	movl out0=\str
	;;
	br.call.sptk.many b0=puts
	.endm
	.macro	PUTHEX reg
	mov out0=\reg
	;;
	br.call.sptk.many b0=puthex
	.endm

	.text
	.align 32
	.global _start
	.proc _start
_start:
	bsw.1				// as ski-bootloader's boot_head.S
	;;
	alloc r2=ar.pfs,0,8,5,0		// loc0 arg length, loc1 fd, loc2 count, loc3-4 scratch
	mov out0=r0
	SSC 20				// SSC_CONSOLE_INIT
	PUTS hello
	movl out0=args
	mov out1=r0
	SSC 75				// SSC_GET_ARGS -> length, no NUL
	mov loc0=r8
	movl loc3=args
	;;
	add loc3=loc3,loc0
	;;
	st1 [loc3]=r0			// terminate it ourselves
	PUTS m_args
	PUTS args
	PUTS m_quote_nl
	movl loc3=args			// the first argument is the file name
	;;
1:	ld1 r14=[loc3]
	;;
	cmp.eq p6,p0=0,r14
	cmp.eq p7,p0=' ',r14
(p6)	br.cond.spnt.few 2f
(p7)	br.cond.spnt.few 2f
	adds loc3=1,loc3
	br.cond.sptk.few 1b
2:	st1 [loc3]=r0
	movl out0=args
	mov out1=1			// read access
	SSC 50				// SSC_OPEN
	mov loc1=r8
	;;
	cmp.lt p6,p0=loc1,r0
(p6)	br.cond.spnt.few not_found
	PUTS m_fd
	PUTHEX loc1

	// read the whole file (at most 4095 bytes) from offset 0
	movl r14=req
	movl r15=buf
	;;
	st8 [r14]=r15,8
	mov r16=4095
	;;
	st4 [r14]=r16
	mov out0=loc1
	mov out1=1
	movl out2=req
	mov out3=r0
	SSC 52				// SSC_READ
	mov loc4=r8			// (PUTS changes r8)
	PUTS m_read
	PUTHEX loc4
	movl r14=stat
	;;
	st4 [r14]=loc1
	movl out0=stat
	SSC 55				// SSC_WAIT_COMPLETION
	mov loc4=r8
	PUTS m_wait
	PUTHEX loc4
	movl r14=stat+4
	;;
	ld4 loc2=[r14]
	PUTS m_count
	PUTHEX loc2
	movl r14=buf
	;;
	add r14=r14,loc2
	;;
	st1 [r14]=r0
	PUTS m_data
	PUTS buf
	PUTS m_quote_nl

	// 5 bytes at file offset 7 into buf2, as the boot loader reads a phdr
	movl r14=req
	movl r15=buf2
	;;
	st8 [r14]=r15,8
	mov r16=5
	;;
	st4 [r14]=r16
	mov out0=loc1
	mov out1=1
	movl out2=req
	mov out3=7
	SSC 52				// SSC_READ
	movl out0=stat
	SSC 55				// SSC_WAIT_COMPLETION
	PUTS m_at7
	PUTS buf2
	PUTS m_quote_nl
	movl out0=stat			// nothing queued any more
	SSC 55
	mov loc4=r8
	PUTS m_again
	PUTHEX loc4

	mov out0=loc1
	SSC 51				// SSC_CLOSE
	mov loc4=r8
	PUTS m_close
	PUTHEX loc4

	movl out0=rtc
	SSC 65				// SSC_GET_RTC
	movl r14=rtc
	;;
	ld4 loc3=[r14]
	PUTS m_year
	PUTHEX loc3

	PUTS m_bye
	mov out0=loc2			// exit status: the byte count
	SSC 66				// SSC_EXIT
	PUTS m_after_exit
1:	br.sptk.few 1b

not_found:
	PUTS args
	PUTS m_not_found
1:	br.sptk.few 1b			// ski-bootloader: for(;;);
	.endp _start

	.align 32
	.proc ssc
ssc:	.regstk 5,0,0,0
	mov r15=in4
	break 0x80001
	br.ret.sptk.many b0
	.endp ssc

	// puts(str): putchar each byte, "\r" after each "\n" (ski-bootloader)
	.align 32
	.proc puts
puts:	alloc loc0=ar.pfs,1,3,5,0
	mov loc1=b0
	mov loc2=in0
	;;
1:	ld1 out0=[loc2],1
	;;
	cmp.eq p6,p0=0,out0
(p6)	br.cond.spnt.few 3f
	cmp.eq p7,p0=10,out0
	SSC 31				// SSC_PUTCHAR
(p7)	mov out0=13
(p7)	br.cond.spnt.few 2f
	br.cond.sptk.few 1b
2:	SSC 31
	br.cond.sptk.few 1b
3:	mov b0=loc1
	mov ar.pfs=loc0
	;;
	br.ret.sptk.many b0
	.endp puts

	// puthex(v): "0x" + 16 hex digits + "\n\r"
	.align 32
	.proc puthex
puthex:	alloc loc0=ar.pfs,1,4,5,0
	mov loc1=b0
	mov loc2=60			// shift of the next nibble
	mov out0='0'
	SSC 31
	mov out0='x'
	SSC 31
1:	shr.u r14=in0,loc2
	;;
	and r14=15,r14
	;;
	cmp.ltu p6,p7=9,r14
	;;
(p6)	adds out0='a'-10,r14
(p7)	adds out0='0',r14
	SSC 31
	adds loc2=-4,loc2
	;;
	cmp.ge p6,p0=loc2,r0
(p6)	br.cond.sptk.few 1b
	mov out0=10
	SSC 31
	mov out0=13
	SSC 31
	mov b0=loc1
	mov ar.pfs=loc0
	;;
	br.ret.sptk.many b0
	.endp puthex

	.data
hello:		.asciz "ski-compat: console up\n"
m_args:		.asciz "args: \""
m_quote_nl:	.asciz "\"\n"
m_fd:		.asciz "fd "
m_read:		.asciz "read "
m_wait:		.asciz "wait "
m_count:	.asciz "count "
m_data:		.asciz "data: \""
m_at7:		.asciz "at 7: \""
m_again:	.asciz "wait again "
m_close:	.asciz "close "
m_year:		.asciz "rtc year-1900 "
m_bye:		.asciz "bye\n"
m_after_exit:	.asciz "still running after SSC_EXIT\n"
m_not_found:	.asciz ": file not found, reboot now\n"
	.align 16
buf2:		.skip 16
	.bss
	.align 16
args:	.skip 1024
buf:	.skip 4096
req:	.skip 16
stat:	.skip 8
rtc:	.skip 32
"""

LDS = """
ENTRY(_start)
SECTIONS {
  . = 0x100000;
  .text : { *(.text) }
  . = ALIGN(16);
  .data : { *(.data) }
  .bss : { *(.bss) }
}
"""

DATA = b"Hello, Ski world!\n"

# The boot loader's last step: code read from a host file through SSC, then
# jumped to with r28 set.  LOADER first runs the routine that sits where the
# payload will go often enough for the JIT to compile it, then reads the file
# over it and branches there -- with no fc/sync.i, as ski-bootloader does
# after loading a kernel (Ski has no instruction cache to flush).  The old
# routine returns 1 in r8; the payload prints and exits with r28 + 7.
LOADER = r"""
	.text
	.global _start
	.proc _start
_start:
	alloc r2=ar.pfs,0,0,4,0
	mov r20=20000			// long enough for a background compile to land
	mov r21=0
	;;
1:	br.call.sptk.many b0=slot
	;;
	add r21=r21,r8
	adds r20=-1,r20
	;;
	cmp.ne p6,p0=0,r20
(p6)	br.cond.sptk.few 1b
	movl r32=fname
	mov r33=1
	mov r15=50			// SSC_OPEN
	;;
	break 0x80001
	;;
	mov r22=r8
	movl r14=req
	movl r15=slot
	;;
	st8 [r14]=r15,8
	mov r16=256
	;;
	st4 [r14]=r16
	mov r32=r22
	mov r33=1
	movl r34=req
	mov r35=0
	mov r15=52			// SSC_READ
	;;
	break 0x80001
	movl r14=stat
	;;
	st4 [r14]=r22
	movl r32=stat
	mov r15=55			// SSC_WAIT_COMPLETION
	;;
	break 0x80001
	mov r28=r21			// 20000 if the old routine ran each time
	movl r14=slot
	;;
	mov b7=r14
	br.sptk.few b7
	.endp _start

	.align 256
	.proc slot
slot:	mov r8=1
	br.ret.sptk.many b0
	;;
	.endp slot
	.skip 256
	.data
	.align 4096			// no guest store touches the code's page
fname:	.asciz "payload.bin"
	.align 16
req:	.skip 16
stat:	.skip 8
"""

PAYLOAD = r"""
	.text
	mov r32='p'
	mov r15=31			// SSC_PUTCHAR
	;;
	break 0x80001
	mov r32=10
	;;
	break 0x80001
	mov r8=7
	;;
	add r32=r28,r8			// 20007: exit status 39
	mov r15=66			// SSC_EXIT
	;;
	break 0x80001
"""


def _tool(name):
    return shutil.which(f"ia64-linux-gnu-{name}")


def _build(d, name, source, raw=False):
    """Assemble ``source``; link it with LDS, or (raw) take its bare .text."""
    gas, gld, objcopy = _tool("as"), _tool("ld"), _tool("objcopy")
    if gas is None or gld is None or objcopy is None:
        pytest.skip("ia64-linux-gnu binutils (as, ld, objcopy) not installed")
    obj, out = str(d / f"{name}.o"), str(d / name)
    (d / f"{name}.s").write_text(source)
    subprocess.run([gas, "-o", obj, str(d / f"{name}.s")], check=True, capture_output=True)
    if raw:
        cmd = [objcopy, "-O", "binary", "-j", ".text", obj, out]
    else:
        (d / "p.lds").write_text(LDS)
        cmd = [gld, "-T", str(d / "p.lds"), "-o", out, obj]
    subprocess.run(cmd, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def program(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("ski"), "p", SKI_PROGRAM)


def _run(program, cwd, *args):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run(CLI + [program, *args], cwd=cwd, env=env, capture_output=True,
                          timeout=120)


def _hex(v):
    return f"0x{v:016x}\n\r".encode()


@pytest.mark.parametrize("engine", ENGINES)
def test_ski_style_program_reads_a_host_file_and_exits(program, tmp_path, engine):
    (tmp_path / "kernel.img").write_bytes(DATA)        # relative to the current directory
    before = time.localtime().tm_year - 1900
    r = _run(program, tmp_path, "kernel.img", "root=/dev/sda", "--engine", engine)
    after = time.localtime().tm_year - 1900
    assert r.returncode == len(DATA), r.stderr.decode()
    head = (b"ski-compat: console up\n\r"
            b"args: \"kernel.img root=/dev/sda \"\n\r"     # Ski: each argument + one space
            b"fd " + _hex(3) +                              # guest fds count from 3
            b"read " + _hex(0) +
            b"wait " + _hex(0) +
            b"count " + _hex(len(DATA)) +
            b"data: \"" + DATA.replace(b"\n", b"\n\r") + b"\"\n\r"
            b"at 7: \"" + DATA[7:12] + b"\"\n\r"
            b"wait again " + _hex((1 << 64) - 1) +        # no completion left: -1
            b"close " + _hex(0) +
            b"rtc year-1900 ")
    assert r.stdout.startswith(head), r.stdout
    tail = r.stdout[len(head):]
    assert tail in (_hex(before) + b"bye\n\r", _hex(after) + b"bye\n\r")
    assert r.stderr == b""


@pytest.mark.parametrize("engine", ENGINES)
def test_missing_host_file_is_reported_like_ski_bootloader(program, tmp_path, engine):
    r = _run(program, tmp_path, "vmlinux", "--engine", engine, "--max-insns", "20000")
    assert r.stdout == (b"ski-compat: console up\n\r"
                        b"args: \"vmlinux \"\n\r"
                        b"vmlinux: file not found, reboot now\n\r")
    assert r.returncode == 3                     # spinning, stopped by --max-insns
    assert b"stopped after --max-insns" in r.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_code_read_through_ssc_over_compiled_code_runs(tmp_path, engine):
    loader = _build(tmp_path, "loader", LOADER)
    payload = _build(tmp_path, "payload.bin", PAYLOAD, raw=True)
    assert os.path.getsize(payload) <= 256
    r = _run(loader, tmp_path, "--engine", engine, "--max-insns", "1000000")
    assert (r.returncode, r.stdout, r.stderr) == ((20000 + 7) & 0xFF, b"p\n", b"")
