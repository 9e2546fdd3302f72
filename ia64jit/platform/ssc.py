"""Ski-compatible Simulator System Calls (SSC).

Kernels and boot loaders built for HP's Ski simulator (Linux's old
``arch/ia64/hp/sim``, ski-bootloader) talk to the simulator with ``break
0x80001`` (Ski also accepts ``0x80000``; any unit): the call number in r15,
the arguments in r32-r35 (in0-in3 of the frame executing the break: the
``ssc()`` stub is called, so out0-3 became in0-3; one beyond the frame reads
as 0), the result in r8.  Pointer arguments are PHYSICAL addresses (Ski clears
psr.dt around its accesses); here they go through
``machine.mem_read/mem_write``, which are physical on a system machine.  A
pointer that does not reach guest memory gives the guest -1; it never raises
on the host.

Numbers, arguments and results (as Ski's src/linux/syscall-linux.c, read
for behaviour):

  0  STOP            stop the simulation (here: ``machine.halt()``; resumable)
  19 HALT_LIGHT      idle until an interrupt (``on_halt_light(machine)``)
  20 CONSOLE_INIT    r8 = 0
  21 GETCHAR         r8 = next input byte as a signed char, 0 when none (never blocks)
  31 PUTCHAR         out the byte in0
  50 OPEN            in0 = path, in1 = 1 read / 2 write / 3 both -> r8 = fd or -1
                     (no O_CREAT: only existing files; relative to ``host_fs_root``,
                     default the current directory, as Ski)
  51 CLOSE           in0 = fd -> 0 / -1
  52 READ            in0 = fd, in1 = n, in2 = n disk requests {u64 addr, u32 len}
                     (16 bytes each), in3 = file offset.  Reads into each addr in turn
                     (stops at end of file) -> r8 = 0, or -1; queues a completion
  53 WRITE           the same from guest memory to the file -> r8 = the file offset
                     (Ski returns lseek's result here) or -1; queues a completion
  54 GET_COMPLETION  in0 = {u32 fd, u32 count}: fill in the oldest queued completion
                     -> 0, or -1 when none
  55 WAIT_COMPLETION in0 = {u32 fd, u32 count}: take the oldest completion of that fd,
                     write its byte count -> 0, or -1 when none is queued
  58 CONNECT_INTERRUPT   in0 = interrupt type, in1 = vector (remembered).  Once
                     KEYBOARD_IRPT (3) is connected, ``poll_keyboard`` pends its
                     vector when console input arrives, as Ski does on SIGIO
                     (Linux's simserial reads the console only from that interrupt)
  59 GENERATE_INTERRUPT  in0 = type: pend its vector(s) on ``machine.lsapic``
                     (vectors 1 and 3-15 are ignored, as Ski)
  60 SET_PERIODIC_INTERRUPT  in0 = 4 (clock) or 5 (profiling), in1 = period: accepted
                     and, as in Ski, without effect; another type -> -1
  65 GET_RTC         in0 -> 8 x u32 {year-1900, mon 0-11, mday, hour, min, sec, msec,
                     wday}, local time
  66 EXIT            r8 = in0; ``machine.poweroff(in0)``
  69 LOAD_SYMBOLS    in1 = path of an ELF with symbols -> 0 if it is a readable file,
                     else -1 (recorded in ``symbol_files`` for the debugger)
  74 GET_TOD         in0 -> {u32 sec, u32 usec}; in1 (if non-zero) -> {u32 minuteswest,
                     u32 dsttime} (UTC: 0, 0)
  75 GET_ARGS        in0 -> the arguments, each followed by one space, no NUL (at most
                     1023 bytes) -> r8 = their length
  76 CTL_TRACE       in0 = trace flag (recorded in ``trace``)
  77 GET_INITRAMFS   in0 -> the initramfs file's bytes -> r8 = length (0 without one)

Calls that return nothing in Ski leave r8 = 0 here.  I/O is synchronous; the
completion queue only keeps the byte counts a driver asks for.  Guest fds are
numbered from 3 in a table of their own (host descriptors never reach the
guest).  An unknown number sets r8 = -1 and ``handle`` returns False so the
caller can report it once.
"""

from __future__ import annotations

import os
import struct
import time
from collections import deque

M64 = (1 << 64) - 1
ERR = M64                       # -1 in r8

SSC_BREAK_IMMS = (0x80000, 0x80001)

SSC_STOP = 0
SSC_HALT_LIGHT = 19
SSC_CONSOLE_INIT = 20
SSC_GETCHAR = 21
SSC_PUTCHAR = 31
SSC_OPEN = 50
SSC_CLOSE = 51
SSC_READ = 52
SSC_WRITE = 53
SSC_GET_COMPLETION = 54
SSC_WAIT_COMPLETION = 55
SSC_CONNECT_INTERRUPT = 58
SSC_GENERATE_INTERRUPT = 59
SSC_SET_PERIODIC_INTERRUPT = 60
SSC_GET_RTC = 65
SSC_EXIT = 66
SSC_LOAD_SYMBOLS = 69
SSC_GET_TOD = 74
SSC_GET_ARGS = 75
SSC_CTL_TRACE = 76
SSC_GET_INITRAMFS = 77

KEYBOARD_IRPT, CLK_TIMER_IRPT, PROF_TIMER_IRPT = 3, 4, 5
SSC_READ_ACCESS, SSC_WRITE_ACCESS = 1, 2
DISK_REQ_SIZE = 16
ARGS_MAX = 1023                 # Ski's command line buffer holds 1024 bytes with the NUL
PATH_MAX = 4096


def _in_args(machine):
    """in0-in3 (r32-r35).  Ski reads those four registers whatever the frame;
    one beyond CFM.sof (a stub with ``.regstk 1``, a bare ``break`` after an
    ``alloc`` of fewer registers) reads as 0 here instead of faulting the
    host-side call (reading it is not the guest's doing)."""
    sof = machine.reg_read("cfm") & 0x7F
    return [machine.reg_read(f"r{32 + k}") if k < sof else 0 for k in range(4)]


class _BadPointer(Exception):
    """A guest pointer that does not reach guest memory."""


class SSC:
    def __init__(self, console_out, args=(), host_fs_root=None, console_in=None,
                 initramfs=None, on_halt_light=None, clock=time.time):
        """``console_out(bytes)``; ``console_in()`` -> bytes available now (b"" when
        none) or a bytes object to read from; ``clock()`` -> seconds since the epoch
        (GET_TOD / GET_RTC; pass a virtual clock for deterministic runs)."""
        self.console_out = console_out
        self._in_fn = console_in if callable(console_in) else None
        self._in_buf = deque(console_in if isinstance(console_in, (bytes, bytearray)) else b"")
        line = b""
        for a in args:
            a = a.encode() if isinstance(a, str) else bytes(a)
            if len(line) + len(a) + 1 > ARGS_MAX:
                break                  # Ski drops arguments that do not fit
            line += a + b" "
        self.command_line = line
        self.root = host_fs_root
        self.initramfs = initramfs
        self.on_halt_light = on_halt_light
        self.clock = clock
        self.files = {}                # guest fd -> host fd
        self.next_fd = 3
        self.completions = deque()     # (guest fd, byte count), oldest first
        self.interrupts = {}           # SSC interrupt type -> vector
        self._kb_signalled = False     # input already announced by a keyboard interrupt
        self.symbol_files = []
        self.trace = 0

    # ------------------------------------------------------------ guest memory
    @staticmethod
    def _read(m, addr, n) -> bytes:
        try:
            return bytes(m.mem_read(addr & M64, n)) if n else b""
        except Exception:
            raise _BadPointer() from None

    @staticmethod
    def _write(m, addr, data) -> None:
        try:
            if data:
                m.mem_write(addr & M64, bytes(data))
        except Exception:
            raise _BadPointer() from None

    def _cstring(self, m, addr) -> bytes:
        out = bytearray()
        while len(out) < PATH_MAX:
            # one page at a time: a string may end just before an unmapped page
            chunk_len = 0x1000 - ((addr + len(out)) & 0xFFF)
            try:
                chunk = self._read(m, addr + len(out), chunk_len)
            except _BadPointer:
                chunk = self._read(m, addr + len(out), 1)
            nul = chunk.find(b"\0")
            if nul >= 0:
                return bytes(out + chunk[:nul])
            out += chunk
        raise _BadPointer()

    def _host_path(self, name: bytes) -> str:
        path = os.fsdecode(name)
        if self.root is not None and not os.path.isabs(path):
            path = os.path.join(self.root, path)
        return path

    # ------------------------------------------------------------ dispatch
    def handle(self, machine) -> bool:
        """Serve the SSC the guest asked for; False for an unknown number (r8 = -1)."""
        num = machine.reg_read("r15")
        args = _in_args(machine)
        fn = _CALLS.get(num)
        if fn is None:
            machine.reg_write("r8", ERR)
            return False
        try:
            result = fn(self, machine, *args)
        except _BadPointer:
            result = ERR
        if result is not None:
            machine.reg_write("r8", result & M64)
        return True

    # ------------------------------------------------------------ calls
    def _stop(self, m, *_):
        halt = getattr(m, "halt", None)
        if halt is not None:
            halt()
        return 0

    def _halt_light(self, m, *_):
        if self.on_halt_light is not None:
            self.on_halt_light(m)
        return 0

    def _console_init(self, m, *_):
        return 0

    def _getchar(self, m, *_):
        if not self._in_buf and self._in_fn is not None:
            self._in_buf.extend(self._in_fn() or b"")
        c = self._in_buf.popleft() if self._in_buf else 0
        return c - 256 if c >= 0x80 else c       # Ski returns a (signed) C char

    def poll_keyboard(self, lsapic) -> bool:
        """Device time for the SSC console: when the guest has connected
        KEYBOARD_IRPT and input is waiting that no keyboard interrupt has
        announced yet (new bytes, or bytes already there at connect time),
        take it into the GETCHAR buffer and pend the vector.  Input is read
        only then, so a guest using the UART instead still gets it.  True
        when a vector was pended."""
        vector = self.interrupts.get(KEYBOARD_IRPT)
        if vector is None:
            return False
        fresh = bytes(self._in_fn() or b"") if self._in_fn is not None else b""
        self._in_buf.extend(fresh)
        if not self._in_buf or (self._kb_signalled and not fresh):
            return False
        self._kb_signalled = True
        return lsapic.raise_vector(vector)

    def _putchar(self, m, ch, *_):
        self.console_out(bytes([ch & 0xFF]))
        return 0

    def _open(self, m, path, access, *_):
        flags = {SSC_READ_ACCESS: os.O_RDONLY, SSC_WRITE_ACCESS: os.O_WRONLY,
                 SSC_READ_ACCESS | SSC_WRITE_ACCESS: os.O_RDWR}.get(access)
        if flags is None:
            return ERR
        name = self._cstring(m, path)
        try:
            hfd = os.open(self._host_path(name), flags | getattr(os, "O_CLOEXEC", 0))
        except (OSError, ValueError):
            return ERR
        fd = self.next_fd
        self.next_fd += 1
        self.files[fd] = hfd
        return fd

    def _close(self, m, fd, *_):
        hfd = self.files.pop(fd, None)
        if hfd is None:
            return ERR
        os.close(hfd)
        return 0

    def _requests(self, m, count, reqs):
        for i in range(count):
            addr, length = struct.unpack_from("<QI", self._read(m, reqs + DISK_REQ_SIZE * i, 12))
            yield addr, length

    def _seek(self, fd, offset):
        hfd = self.files.get(fd)
        if hfd is None:
            return None, ERR
        try:
            return hfd, os.lseek(hfd, offset, os.SEEK_SET)
        except OSError:
            return None, ERR

    def _read_call(self, m, fd, count, reqs, offset):
        hfd, pos = self._seek(fd, offset)
        if hfd is None:
            return ERR
        total = 0
        for addr, length in self._requests(m, min(count, 1 << 16), reqs):
            try:
                data = os.read(hfd, length)
            except OSError:
                return ERR
            if not data:
                break
            self._write(m, addr, data)
            total += len(data)
        self.completions.append((fd, total))
        return 0

    def _write_call(self, m, fd, count, reqs, offset):
        hfd, pos = self._seek(fd, offset)
        if hfd is None:
            return ERR
        total = 0
        for addr, length in self._requests(m, min(count, 1 << 16), reqs):
            data = self._read(m, addr, length)
            try:
                n = os.write(hfd, data) if data else 0
            except OSError:
                return ERR
            if n == 0:
                break
            total += n
        self.completions.append((fd, total))
        return pos

    def _get_completion(self, m, stat, *_):
        if not self.completions:
            return ERR
        self._read(m, stat, 8)                        # a wild pointer fails before we dequeue
        fd, count = self.completions.popleft()
        self._write(m, stat, struct.pack("<II", fd & 0xFFFFFFFF, count & 0xFFFFFFFF))
        return 0

    def _wait_completion(self, m, stat, *_):
        fd = struct.unpack("<I", self._read(m, stat, 4))[0]
        for i, (cfd, count) in enumerate(self.completions):
            if cfd == fd:
                del self.completions[i]
                self._write(m, stat + 4, struct.pack("<I", count & 0xFFFFFFFF))
                return 0
        return ERR

    def _connect_interrupt(self, m, kind, vector, *_):
        self.interrupts[kind] = vector & 0xFF
        if kind == KEYBOARD_IRPT:
            self._kb_signalled = False
        return 0

    def _generate_interrupt(self, m, kind, *_):
        lsapic = getattr(m, "lsapic", None)
        vector = self.interrupts.get(kind)
        if lsapic is not None and vector is not None:
            lsapic.raise_vector(vector)          # ignores 1 and 3-15
        return 0

    def _set_periodic(self, m, kind, period, *_):
        return 0 if kind in (CLK_TIMER_IRPT, PROF_TIMER_IRPT) else ERR

    def _get_rtc(self, m, buf, *_):
        now = self.clock()
        t = time.localtime(now)
        msec = int(now * 1000) % 1000
        wday = (t.tm_wday + 1) % 7               # C: Sunday = 0; Python: Monday = 0
        self._write(m, buf, struct.pack("<8I", t.tm_year - 1900, t.tm_mon - 1, t.tm_mday,
                                        t.tm_hour, t.tm_min, t.tm_sec, msec, wday))
        return 0

    def _exit(self, m, status, *_):
        m.reg_write("r8", status & M64)
        m.poweroff(status)
        return None

    def _load_symbols(self, m, _unused, path, *_):
        name = self._cstring(m, path)
        p = self._host_path(name)
        if not os.path.isfile(p) or not os.access(p, os.R_OK):
            return ERR
        self.symbol_files.append(p)
        return 0

    def _get_tod(self, m, tv, tz, *_):
        now = self.clock()
        usec = int(round(now * 1e6))
        self._write(m, tv, struct.pack("<II", (usec // 10**6) & 0xFFFFFFFF, usec % 10**6))
        if tz:
            self._write(m, tz, struct.pack("<II", 0, 0))
        return 0

    def _get_args(self, m, buf, *_):
        self._write(m, buf, self.command_line)
        return len(self.command_line)

    def _ctl_trace(self, m, flag, *_):
        self.trace = flag
        return 0

    def _get_initramfs(self, m, buf, *_):
        if not self.initramfs:
            return 0
        try:
            with open(self.initramfs, "rb") as f:
                data = f.read()
        except OSError:
            return 0
        self._write(m, buf, data)
        return len(data)


_CALLS = {
    SSC_STOP: SSC._stop, SSC_HALT_LIGHT: SSC._halt_light, SSC_CONSOLE_INIT: SSC._console_init,
    SSC_GETCHAR: SSC._getchar, SSC_PUTCHAR: SSC._putchar, SSC_OPEN: SSC._open,
    SSC_CLOSE: SSC._close, SSC_READ: SSC._read_call, SSC_WRITE: SSC._write_call,
    SSC_GET_COMPLETION: SSC._get_completion, SSC_WAIT_COMPLETION: SSC._wait_completion,
    SSC_CONNECT_INTERRUPT: SSC._connect_interrupt, SSC_GENERATE_INTERRUPT: SSC._generate_interrupt,
    SSC_SET_PERIODIC_INTERRUPT: SSC._set_periodic, SSC_GET_RTC: SSC._get_rtc, SSC_EXIT: SSC._exit,
    SSC_LOAD_SYMBOLS: SSC._load_symbols, SSC_GET_TOD: SSC._get_tod, SSC_GET_ARGS: SSC._get_args,
    SSC_CTL_TRACE: SSC._ctl_trace, SSC_GET_INITRAMFS: SSC._get_initramfs,
}
