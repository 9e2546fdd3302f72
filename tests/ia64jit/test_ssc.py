"""Ski-compatible Simulator System Calls: every call's arguments, results and memory effects."""

import os
import struct
import time

import pytest

from ia64jit.machine import Machine
from ia64jit.platform import ssc as sscmod
from ia64jit.platform.lsapic import LSAPIC
from ia64jit.platform.ssc import SSC

M64 = (1 << 64) - 1
BUF = 0x10000          # guest scratch memory (flat machine: addresses are "physical")
WILD = 0x7770000       # never mapped


@pytest.fixture
def m():
    mach = Machine()
    mach.mem_map(BUF, 0x10000)
    mach.reg_write("cfm", 8)           # a frame holding r32-r39
    return mach


def call(s, m, num, *args):
    m.reg_write("r15", num)
    for k, a in enumerate(args):
        m.reg_write(f"r{32 + k}", a & M64)
    m.reg_write("r8", 0xDEAD)
    assert s.handle(m) is True
    return m.reg_read("r8")


def signed(v):
    return v - (1 << 64) if v >> 63 else v


def test_putchar_and_console_init():
    out = []
    s = SSC(out.append)
    mach = Machine()
    mach.reg_write("cfm", 8)
    assert call(s, mach, sscmod.SSC_CONSOLE_INIT) == 0
    for ch in b"hi\n":
        assert call(s, mach, sscmod.SSC_PUTCHAR, ch) == 0
    assert b"".join(out) == b"hi\n"


def test_getchar_is_non_blocking():
    feed = [b"ab", b"", b"\xff"]
    s = SSC(lambda b: None, console_in=lambda: feed.pop(0) if feed else b"")
    mach = Machine()
    mach.reg_write("cfm", 8)
    got = [call(s, mach, sscmod.SSC_GETCHAR) for _ in range(5)]
    # 0 when nothing is there; bytes >= 0x80 sign-extend (Ski returns a C char)
    assert got == [ord("a"), ord("b"), 0, M64, 0]


def test_getchar_from_bytes():
    s = SSC(lambda b: None, console_in=b"x")
    mach = Machine()
    mach.reg_write("cfm", 8)
    assert call(s, mach, sscmod.SSC_GETCHAR) == ord("x")
    assert call(s, mach, sscmod.SSC_GETCHAR) == 0


def test_get_args_writes_ski_command_line(m):
    s = SSC(lambda b: None, args=("root=/dev/sda", "quiet"))
    n = call(s, m, sscmod.SSC_GET_ARGS, BUF)
    assert n == len(b"root=/dev/sda quiet ")
    assert m.mem_read(BUF, n + 1) == b"root=/dev/sda quiet \0"    # no NUL written
    assert call(s, m, sscmod.SSC_GET_ARGS, WILD) == M64


def test_get_args_drops_arguments_that_do_not_fit(m):
    s = SSC(lambda b: None, args=("a" * 1000, "b" * 100))
    assert call(s, m, sscmod.SSC_GET_ARGS, BUF) == 1001


def test_exit_powers_off(m):
    s = SSC(lambda b: None)
    seen = []
    m.poweroff = seen.append
    call(s, m, sscmod.SSC_EXIT, 3)
    assert seen == [3]
    assert m.reg_read("r8") == 3


def test_stop_halts_and_halt_light_calls_hook(m):
    idle = []
    s = SSC(lambda b: None, on_halt_light=idle.append)
    assert call(s, m, sscmod.SSC_STOP) == 0
    assert m._halted
    assert call(s, m, sscmod.SSC_HALT_LIGHT) == 0
    assert idle == [m]


def test_get_tod_and_timezone(m):
    s = SSC(lambda b: None, clock=lambda: 1700000000.25)
    assert call(s, m, sscmod.SSC_GET_TOD, BUF, BUF + 0x100) == 0
    assert struct.unpack("<II", m.mem_read(BUF, 8)) == (1700000000, 250000)
    assert struct.unpack("<II", m.mem_read(BUF + 0x100, 8)) == (0, 0)
    m.mem_write(BUF + 0x100, b"\x55" * 8)
    call(s, m, sscmod.SSC_GET_TOD, BUF, 0)              # tz NULL: not written
    assert m.mem_read(BUF + 0x100, 8) == b"\x55" * 8
    assert call(s, m, sscmod.SSC_GET_TOD, WILD, 0) == M64


def test_get_rtc_layout(m):
    now = 1700000000.5
    s = SSC(lambda b: None, clock=lambda: now)
    assert call(s, m, sscmod.SSC_GET_RTC, BUF) == 0
    t = time.localtime(now)
    assert struct.unpack("<8I", m.mem_read(BUF, 32)) == (
        t.tm_year - 1900, t.tm_mon - 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, 500,
        (t.tm_wday + 1) % 7)


def _cstr(m, addr, s):
    m.mem_write(addr, s.encode() + b"\0")


def test_file_open_read_write_completion(m, tmp_path):
    f = tmp_path / "disk.img"
    f.write_bytes(bytes(range(256)) * 4)
    s = SSC(lambda b: None, host_fs_root=str(tmp_path))
    _cstr(m, BUF, "disk.img")
    fd = call(s, m, sscmod.SSC_OPEN, BUF, 3)
    assert fd == 3
    # two disk requests: 16 bytes to BUF+0x1000, 8 to BUF+0x2000, from offset 100
    m.mem_write(BUF + 0x100, struct.pack("<QI4xQI4x", BUF + 0x1000, 16, BUF + 0x2000, 8))
    assert call(s, m, sscmod.SSC_READ, fd, 2, BUF + 0x100, 100) == 0
    assert m.mem_read(BUF + 0x1000, 16) == bytes(range(100, 116))
    assert m.mem_read(BUF + 0x2000, 8) == bytes(range(116, 124))
    m.mem_write(BUF + 0x300, struct.pack("<II", fd, 0))
    assert call(s, m, sscmod.SSC_WAIT_COMPLETION, BUF + 0x300) == 0
    assert struct.unpack("<II", m.mem_read(BUF + 0x300, 8)) == (fd, 24)
    assert call(s, m, sscmod.SSC_WAIT_COMPLETION, BUF + 0x300) == M64     # consumed

    # write 4 bytes at offset 8; Ski returns lseek's result
    m.mem_write(BUF + 0x3000, b"WXYZ")
    m.mem_write(BUF + 0x100, struct.pack("<QI4x", BUF + 0x3000, 4))
    assert call(s, m, sscmod.SSC_WRITE, fd, 1, BUF + 0x100, 8) == 8
    assert call(s, m, sscmod.SSC_GET_COMPLETION, BUF + 0x300) == 0
    assert struct.unpack("<II", m.mem_read(BUF + 0x300, 8)) == (fd, 4)
    assert call(s, m, sscmod.SSC_GET_COMPLETION, BUF + 0x300) == M64
    assert call(s, m, sscmod.SSC_CLOSE, fd) == 0
    assert call(s, m, sscmod.SSC_CLOSE, fd) == M64
    assert f.read_bytes()[:12] == bytes(range(8)) + b"WXYZ"


def test_read_stops_at_end_of_file(m, tmp_path):
    (tmp_path / "small").write_bytes(b"12345")
    s = SSC(lambda b: None, host_fs_root=str(tmp_path))
    _cstr(m, BUF, "small")
    fd = call(s, m, sscmod.SSC_OPEN, BUF, 1)
    m.mem_write(BUF + 0x100, struct.pack("<QI4xQI4x", BUF + 0x1000, 4, BUF + 0x2000, 4))
    assert call(s, m, sscmod.SSC_READ, fd, 2, BUF + 0x100, 0) == 0
    m.mem_write(BUF + 0x300, struct.pack("<II", fd, 0))
    call(s, m, sscmod.SSC_WAIT_COMPLETION, BUF + 0x300)
    assert struct.unpack("<II", m.mem_read(BUF + 0x300, 8))[1] == 5
    assert m.mem_read(BUF + 0x2000, 2) == b"5\0"


def test_open_errors_and_wild_pointers(m, tmp_path):
    (tmp_path / "f").write_bytes(b"data")
    s = SSC(lambda b: None, host_fs_root=str(tmp_path))
    assert call(s, m, sscmod.SSC_OPEN, WILD, 1) == M64            # wild path pointer
    _cstr(m, BUF, "missing")
    assert call(s, m, sscmod.SSC_OPEN, BUF, 1) == M64             # no such file (no O_CREAT)
    _cstr(m, BUF, "f")
    assert call(s, m, sscmod.SSC_OPEN, BUF, 4) == M64             # bad access type
    fd = call(s, m, sscmod.SSC_OPEN, BUF, 1)
    # a request whose buffer is wild: -1, host state intact
    m.mem_write(BUF + 0x100, struct.pack("<QI4x", WILD, 4))
    assert call(s, m, sscmod.SSC_READ, fd, 1, BUF + 0x100, 0) == M64
    # the request list itself is wild
    assert call(s, m, sscmod.SSC_READ, fd, 1, WILD, 0) == M64
    assert call(s, m, sscmod.SSC_WRITE, fd, 1, WILD, 0) == M64
    assert call(s, m, sscmod.SSC_WAIT_COMPLETION, WILD) == M64
    assert call(s, m, sscmod.SSC_READ, 99, 1, BUF + 0x100, 0) == M64   # bad fd
    # writing to a read-only fd is an error, not an exception
    m.mem_write(BUF + 0x100, struct.pack("<QI4x", BUF, 1))
    assert call(s, m, sscmod.SSC_WRITE, fd, 1, BUF + 0x100, 0) == M64
    # a path running into unmapped memory without a NUL
    m.mem_write(BUF + 0xFFF0, b"x" * 16)
    assert call(s, m, sscmod.SSC_OPEN, BUF + 0xFFF0, 1) == M64
    assert (tmp_path / "f").read_bytes() == b"data"


def test_open_relative_to_current_directory(m, tmp_path, monkeypatch):
    (tmp_path / "here.txt").write_bytes(b"!")
    monkeypatch.chdir(tmp_path)
    s = SSC(lambda b: None)
    _cstr(m, BUF, "here.txt")
    assert call(s, m, sscmod.SSC_OPEN, BUF, 1) == 3


def test_interrupts_connect_generate(m):
    m.lsapic = LSAPIC(m.state)
    s = SSC(lambda b: None)
    assert call(s, m, sscmod.SSC_CONNECT_INTERRUPT, 9, 0x40) == 0
    assert call(s, m, sscmod.SSC_GENERATE_INTERRUPT, 9) == 0
    assert m.reg_read("cr.irr1") == 1          # vector 0x40
    call(s, m, sscmod.SSC_CONNECT_INTERRUPT, 3, 5)   # a reserved vector: ignored
    call(s, m, sscmod.SSC_GENERATE_INTERRUPT, 3)
    assert m.reg_read("cr.irr0") == 0
    call(s, m, sscmod.SSC_GENERATE_INTERRUPT, 7)      # never connected: nothing
    assert [m.reg_read(f"cr.irr{k}") for k in range(4)] == [0, 1, 0, 0]


def test_set_periodic_interrupt(m):
    s = SSC(lambda b: None)
    assert call(s, m, sscmod.SSC_SET_PERIODIC_INTERRUPT, 4, 1000) == 0
    assert call(s, m, sscmod.SSC_SET_PERIODIC_INTERRUPT, 5, 1000) == 0
    assert call(s, m, sscmod.SSC_SET_PERIODIC_INTERRUPT, 6, 1000) == M64


def test_load_symbols_and_ctl_trace(m, tmp_path):
    (tmp_path / "vmlinux").write_bytes(b"\x7fELF")
    s = SSC(lambda b: None, host_fs_root=str(tmp_path))
    _cstr(m, BUF, "vmlinux")
    assert call(s, m, sscmod.SSC_LOAD_SYMBOLS, 0, BUF) == 0
    assert s.symbol_files == [os.path.join(str(tmp_path), "vmlinux")]
    _cstr(m, BUF, "nothing")
    assert call(s, m, sscmod.SSC_LOAD_SYMBOLS, 0, BUF) == M64
    assert call(s, m, sscmod.SSC_LOAD_SYMBOLS, 0, WILD) == M64
    assert call(s, m, sscmod.SSC_CTL_TRACE, 1) == 0
    assert s.trace == 1


def test_get_initramfs(m, tmp_path):
    img = tmp_path / "initrd"
    img.write_bytes(b"070701" + bytes(100))
    s = SSC(lambda b: None, initramfs=str(img))
    assert call(s, m, sscmod.SSC_GET_INITRAMFS, BUF + 0x800) == 106
    assert m.mem_read(BUF + 0x800, 6) == b"070701"
    assert call(SSC(lambda b: None), m, sscmod.SSC_GET_INITRAMFS, BUF) == 0


def test_unknown_call_returns_false_and_minus_one(m):
    s = SSC(lambda b: None)
    m.reg_write("r15", 100)                 # SSC_NETDEV_PROBE: not provided
    assert s.handle(m) is False
    assert m.reg_read("r8") == M64


def test_arguments_beyond_the_frame_read_as_zero():
    # Ski reads r32-r35 whatever CFM.sof is; here a kernel that does SSC_EXIT
    # with a 3-register frame (in3 = r35 beyond it) must not fault the call.
    out = []
    s = SSC(out.append)
    mach = Machine()
    mach.reg_write("cfm", 1)                # only r32 in the frame
    mach.reg_write("r32", ord("k"))
    mach.reg_write("r15", sscmod.SSC_PUTCHAR)
    assert s.handle(mach) is True and mach.reg_read("r8") == 0
    assert out == [b"k"]
    mach.reg_write("cfm", 0)                # no frame: in0 reads as 0
    mach.reg_write("r15", sscmod.SSC_CONNECT_INTERRUPT)
    assert s.handle(mach) is True
    assert s.interrupts == {0: 0}


def test_keyboard_interrupt_announces_console_input():
    # Linux's simserial connects KEYBOARD_IRPT and reads the console only from
    # that interrupt; Ski pends the vector when input arrives (SIGIO).
    feed = [b"", b"ab", b"", b"", b"c"]
    s = SSC(lambda b: None, console_in=lambda: feed.pop(0) if feed else b"")
    mach = Machine()
    mach.reg_write("cfm", 8)
    lsapic = LSAPIC(mach.state)
    assert s.poll_keyboard(lsapic) is False          # not connected: input left alone
    assert feed == [b"", b"ab", b"", b"", b"c"]
    assert call(s, mach, sscmod.SSC_CONNECT_INTERRUPT, sscmod.KEYBOARD_IRPT, 0x40) == 0
    irr1 = lambda: int(mach.state.cr[69])             # noqa: E731 (vector 0x40: IRR1 bit 0)
    assert s.poll_keyboard(lsapic) is False and irr1() == 0      # nothing typed yet
    assert s.poll_keyboard(lsapic) is True and irr1() & 1        # "ab" arrived
    mach.state.cr[69] = 0
    assert s.poll_keyboard(lsapic) is False and irr1() == 0      # nothing new: once
    assert [call(s, mach, sscmod.SSC_GETCHAR) for _ in range(3)] == [ord("a"), ord("b"), 0]
    assert irr1() == 0
    assert s.poll_keyboard(lsapic) is True and irr1() & 1        # "c"
    assert call(s, mach, sscmod.SSC_GETCHAR) == ord("c")


def test_keyboard_interrupt_for_input_given_before_connect():
    s = SSC(lambda b: None, console_in=b"x")
    mach = Machine()
    mach.reg_write("cfm", 8)
    lsapic = LSAPIC(mach.state)
    call(s, mach, sscmod.SSC_CONNECT_INTERRUPT, sscmod.KEYBOARD_IRPT, 0x31)
    assert s.poll_keyboard(lsapic) is True
    assert int(mach.state.cr[68]) >> 0x31 & 1
    assert s.poll_keyboard(lsapic) is False                     # announced once
    assert call(s, mach, sscmod.SSC_GETCHAR) == ord("x")
