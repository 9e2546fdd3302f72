"""Linux/IA-64 user-mode runner: a static ELF program and its system calls.

The process starts as a Linux/IA-64 kernel starts one: the memory stack
with argc/argv/envp/auxv (argc at sp+16), an empty register frame with
``ar.bsp`` = ``ar.bspstore`` at the base of the register backing store,
``ar.fpsr`` = 0x0009804c0270033f, ``ar.rsc`` = 0xf.  System calls are
``break 0x100000`` with the number in r15 and the arguments in the output
registers of the frame executing the ``break`` (out0 = r32 + CFM.sol); the
result goes to r8 with r10 = 0, or r8 = errno with r10 = -1.
"""

from __future__ import annotations

import errno
import os
import sys
import time

from frontend import elf as elfmod
from translator import faults
from translator.alat import alat_clear

from .machine import EmulationError, Machine
from .memory import PAGE_MASK, PAGE_SIZE, PROT_ALL, PROT_EXEC, PROT_READ, PROT_WRITE

M64 = (1 << 64) - 1
SYSCALL_BREAK = 0x100000

STACK_TOP = 0x60000FFFFFFF0000
STACK_SIZE = 8 << 20
RBS_BASE = 0x6000080000000000
RBS_SIZE = 8 << 20
MMAP_BASE = 0x2000000000000000
LINUX_PAGE = 16384                   # what AT_PAGESZ reports (Linux/IA-64 default)
FPSR_DEFAULT = 0x0009804C0270033F
PSR_USER = (1 << 13) | (1 << 14) | (1 << 17) | (1 << 27) | (1 << 36) | (1 << 44) | (3 << 32)

# Linux/IA-64 system call numbers (1024 + the table index).
SYS = {
    "exit": 1025, "read": 1026, "write": 1027, "open": 1028, "close": 1029,
    "lseek": 1040, "getpid": 1041, "getuid": 1046, "geteuid": 1047, "brk": 1060,
    "getgid": 1062, "getegid": 1063, "ioctl": 1065, "gettimeofday": 1087, "uname": 1130,
    "writev": 1147, "mmap": 1151, "munmap": 1152, "exit_group": 1236,
    "clock_gettime": 1254, "openat": 1281,
}
SYSNAMES = {v: k for k, v in SYS.items()}
AT_FDCWD = -100


class LoadError(Exception):
    """The program cannot be run (one line for the user)."""


class LinuxProcess:
    """One guest process on its own Machine."""

    def __init__(self, path: str, argv: list, env: list | None = None, engine: str = "jit",
                 jit_threshold: int = 50, strace: bool = False, stdout=None, stderr=None,
                 jit_async: bool = False):
        self.path = path
        self.argv = argv
        self.env = env or []
        self.strace = strace
        self.out = stdout or sys.stdout.buffer
        self.err = stderr or sys.stderr.buffer
        self.exit_status = None
        self.unknown_syscalls = {}
        self.files = {}              # guest fd -> host file object (read-only)
        self.next_fd = 3
        self.m = Machine(engine=engine, jit_threshold=jit_threshold, jit_async=jit_async)
        self.m.add_fault_handler(self._on_fault)
        self._load()

    # ------------------------------------------------------------ loading
    def _load(self):
        try:
            f = elfmod.load(self.path)
        except elfmod.ElfError as exc:
            raise LoadError(str(exc)) from None
        if not f.is_executable:
            kind = "a shared object or PIE" if f.type == 3 else "not an executable"
            raise LoadError(f"{self.path}: {kind}; run-user runs static executables")
        if f.section(".interp") is not None or f.section(".dynamic") is not None:
            raise LoadError(f"{self.path}: dynamically linked; run-user runs static executables")
        if not f.segments:
            raise LoadError(f"{self.path}: no loadable segments")
        m = self.m
        end = 0
        for seg in f.segments:
            start = seg.vaddr & ~PAGE_MASK
            stop = (seg.vaddr + seg.memsz + PAGE_MASK) & ~PAGE_MASK
            prot = (PROT_READ if seg.flags & 4 else 0) | (PROT_WRITE if seg.flags & 2 else 0) | \
                (PROT_EXEC if seg.flags & 1 else 0)
            self._map_range(start, stop - start, prot or PROT_READ)
            m.mem.write(seg.vaddr, seg.data[:seg.filesz])
            end = max(end, stop)
        self.brk_start = self.brk = end
        self.mmap_next = MMAP_BASE
        self.entry = f.entry
        m.mem_map(STACK_TOP - STACK_SIZE, STACK_SIZE, PROT_READ | PROT_WRITE)
        m.mem_map(RBS_BASE, RBS_SIZE, PROT_READ | PROT_WRITE)
        self._setup_stack()
        m.reg_write("ip", self.entry)
        m.reg_write("ri", 0)
        m.reg_write("psr", PSR_USER)
        m.reg_write("ar.bsp", RBS_BASE)
        m.reg_write("ar.bspstore", RBS_BASE)
        m.reg_write("ar.rsc", 0xF)
        m.reg_write("ar.fpsr", FPSR_DEFAULT)

    def _map_range(self, start, size, prot):
        """Map pages not mapped yet (segments may share a page)."""
        run = None
        for a in range(start, start + size, PAGE_SIZE):
            if self.m.mem.is_mapped(a):
                if run is not None:
                    self.m.mem_map(run, a - run, prot)
                    run = None
            elif run is None:
                run = a
        if run is not None:
            self.m.mem_map(run, start + size - run, prot)
        for a in range(start, start + size, PAGE_SIZE):
            region = self.m.mem.pages[a >> 12][0]
            region.prot |= prot

    def _setup_stack(self):
        m = self.m
        sp = STACK_TOP - 16
        strings = []

        def push_bytes(data):
            nonlocal sp
            sp -= len(data)
            m.mem.write(sp, data)
            return sp

        arg_ptrs = [push_bytes(a.encode() + b"\0") for a in self.argv]
        env_ptrs = [push_bytes(e.encode() + b"\0") for e in self.env]
        platform = push_bytes(b"ia64\0")
        random16 = push_bytes(os.urandom(16))
        del strings
        auxv = [(6, LINUX_PAGE), (9, self.entry), (11, os.getuid()), (12, os.geteuid()),
                (13, os.getgid()), (14, os.getegid()), (15, platform), (25, random16),
                (23, 0), (0, 0)]
        words = [len(self.argv)] + arg_ptrs + [0] + env_ptrs + [0]
        for k, v in auxv:
            words += [k, v]
        sp = (sp - 8 * len(words)) & ~0xF
        for i, w in enumerate(words):
            m.mem.store(sp + 8 * i, w & M64, 8)
        m.reg_write("r12", sp - 16)          # the ABI: argc lives at sp + 16

    # ------------------------------------------------------------ running
    def run(self) -> int:
        try:
            self.m.run()
        except EmulationError as exc:
            f = exc.fault
            self.err.write(f"ia64jit: guest stopped: {f.describe()}\n".encode())
            self.err.flush()
            return 128 + 11 if f.code in (faults.DATA_ACCESS, faults.INSTRUCTION_ACCESS) else 128 + 4
        finally:
            self.out.flush()
        if self.strace and self.unknown_syscalls:
            for num, count in sorted(self.unknown_syscalls.items()):
                self.err.write(f"ia64jit: unimplemented syscall {num} "
                               f"({count} call{'s' if count > 1 else ''}): returned -ENOSYS\n".encode())
        return self.exit_status if self.exit_status is not None else 0

    def _on_fault(self, m, f):
        if f.code != faults.BREAK or f.arg != SYSCALL_BREAK:
            return False
        self._syscall()
        alat_clear(m)          # Linux's syscall exit path does invala
        # Resume after the break: the next slot (an MLX pair counts as one).
        ip, ri = m.reg_read("ip"), m.reg_read("ri")
        from frontend.bundle import TEMPLATES
        tmpl = TEMPLATES[m.mem.load(ip, 1) & 0x1F]
        last = 1 if tmpl.name == "MLX" else 2
        if ri >= last:
            m.reg_write("ip", (ip + 16) & M64)
            m.reg_write("ri", 0)
        else:
            m.reg_write("ri", ri + 1)
        m.reg_write("icount", m.reg_read("icount") + 1)
        return True

    def _syscall(self):
        m = self.m
        num = m.reg_read("r15")
        sol = (m.reg_read("cfm") >> 7) & 0x7F
        sof = m.reg_read("cfm") & 0x7F
        args = [m.reg_read(f"r{32 + sol + k}") if sol + k < sof else 0 for k in range(6)]
        name = SYSNAMES.get(num)
        handler = getattr(self, f"sys_{name}", None) if name else None
        if handler is None:
            self.unknown_syscalls[num] = self.unknown_syscalls.get(num, 0) + 1
            result = -errno.ENOSYS
        else:
            try:
                result = handler(*args)
            except _GuestMemoryError:
                result = -errno.EFAULT
        if self.strace:
            shown = ", ".join(hex(a) for a in args[:3])
            self.err.write(f"[ia64jit] {name or num}({shown}) = {result}\n".encode())
        if result is None:
            return
        if result < 0:
            m.reg_write("r8", -result)
            m.reg_write("r10", M64)
        else:
            m.reg_write("r8", result & M64)
            m.reg_write("r10", 0)

    # ------------------------------------------------------------ guest memory
    def _read(self, addr, n):
        try:
            return self.m.mem.read(addr, n, PROT_READ)
        except Exception:
            raise _GuestMemoryError() from None

    def _write(self, addr, data):
        try:
            self.m.mem.write(addr, data, PROT_WRITE)
        except Exception:
            raise _GuestMemoryError() from None

    def _cstring(self, addr, limit=4096):
        out = bytearray()
        while len(out) < limit:
            b = self._read(addr + len(out), 1)
            if b == b"\0":
                return bytes(out)
            out += b
        raise _GuestMemoryError()

    # ------------------------------------------------------------ system calls
    def sys_exit(self, status, *_):
        self.exit_status = status & 0xFF
        self.m.halt()
        return None

    sys_exit_group = sys_exit

    def sys_write(self, fd, buf, count, *_):
        data = self._read(buf, count) if count else b""
        if fd == 1:
            self.out.write(data)
        elif fd == 2:
            self.out.flush()
            self.err.write(data)
            self.err.flush()
        else:
            return -errno.EBADF
        return len(data)

    def sys_writev(self, fd, iov, cnt, *_):
        total = 0
        for k in range(cnt):
            base = int.from_bytes(self._read(iov + 16 * k, 8), "little")
            length = int.from_bytes(self._read(iov + 16 * k + 8, 8), "little")
            r = self.sys_write(fd, base, length)
            if r < 0:
                return r
            total += r
        return total

    def sys_read(self, fd, buf, count, *_):
        if fd == 0:
            data = os.read(0, count) if count else b""
        elif fd in self.files:
            data = self.files[fd].read(count)
        else:
            return -errno.EBADF
        self._write(buf, data)
        return len(data)

    def sys_open(self, path, flags, mode=0, *_):
        if flags & 3 != 0:
            return -errno.EACCES                  # host files are read-only to the guest
        try:
            name = self._cstring(path).decode("utf-8", "surrogateescape")
            f = open(name, "rb")
        except _GuestMemoryError:
            raise
        except OSError as exc:
            return -(exc.errno or errno.ENOENT)
        fd = self.next_fd
        self.next_fd += 1
        self.files[fd] = f
        return fd

    def sys_openat(self, dirfd, path, flags, mode=0, *_):
        if dirfd & M64 != AT_FDCWD & M64 and self._cstring(path)[:1] != b"/":
            return -errno.ENOSYS
        return self.sys_open(path, flags, mode)

    def sys_close(self, fd, *_):
        f = self.files.pop(fd, None)
        if f is None:
            return 0 if fd in (0, 1, 2) else -errno.EBADF
        f.close()
        return 0

    def sys_getpid(self, *_):
        return os.getpid()

    def sys_getuid(self, *_):
        return os.getuid()

    sys_geteuid = sys_getuid

    def sys_getgid(self, *_):
        return os.getgid()

    sys_getegid = sys_getgid

    def sys_brk(self, addr, *_):
        if addr == 0 or addr < self.brk_start:
            return self.brk
        new = (addr + PAGE_MASK) & ~PAGE_MASK
        old = (self.brk + PAGE_MASK) & ~PAGE_MASK
        if new > old:
            try:
                self.m.mem_map(old, new - old, PROT_READ | PROT_WRITE)
            except Exception:
                return self.brk
        self.brk = addr
        return addr

    def sys_mmap(self, addr, length, prot, flags, fd, offset):
        MAP_ANONYMOUS = 0x20
        if not flags & MAP_ANONYMOUS:
            return -errno.ENODEV
        size = (length + LINUX_PAGE - 1) & ~(LINUX_PAGE - 1)
        if size == 0:
            return -errno.EINVAL
        base = self.mmap_next
        self.mmap_next += size + LINUX_PAGE
        self.m.mem_map(base, size, PROT_ALL)
        return base

    def sys_munmap(self, addr, length, *_):
        self.m.mem_unmap(addr, length)
        return 0

    def sys_uname(self, buf, *_):
        fields = [b"Linux", b"ia64jit", b"4.19.0", b"#1 ia64jit", b"ia64", b"(none)"]
        self._write(buf, b"".join(f.ljust(65, b"\0") for f in fields))
        return 0

    def sys_gettimeofday(self, tv, tz, *_):
        t = time.time_ns()
        if tv:
            self._write(tv, (t // 10**9).to_bytes(8, "little") +
                        ((t // 1000) % 10**6).to_bytes(8, "little"))
        return 0

    def sys_clock_gettime(self, clk, ts, *_):
        t = time.monotonic_ns() if clk in (1, 4, 7) else time.time_ns()
        self._write(ts, (t // 10**9).to_bytes(8, "little") + (t % 10**9).to_bytes(8, "little"))
        return 0

    def sys_ioctl(self, fd, req, arg, *_):
        return -errno.ENOTTY

    def sys_lseek(self, fd, off, whence, *_):
        f = self.files.get(fd)
        if f is None:
            return -errno.ESPIPE if fd in (0, 1, 2) else -errno.EBADF
        return f.seek(off if off < 1 << 63 else off - (1 << 64), whence)


class _GuestMemoryError(Exception):
    pass


def run_user(path: str, args: list, **kw) -> int:
    """Run a static Linux/IA-64 program; returns its exit status."""
    return LinuxProcess(path, [path] + list(args), **kw).run()
