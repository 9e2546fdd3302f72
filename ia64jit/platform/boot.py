"""Booting a kernel on the native platform, and ``NativePlatform``.

``boot(machine, kernel_path, args)`` builds this physical address map (on
``machine.phys`` when the machine has one, else ``machine.mem``):

  0 .. mem_size              RAM (default 256 MB; must end below FIRMWARE_BASE)
  FIRMWARE_BASE 0xF8000000   64 KB firmware area: PAL/SAL/EFI stubs and tables
                             (layout in firmware.py)
  UART_BASE     0xFF5E0000   16550 UART, 4 KB MMIO page (uart.py), mapped with
                             ``phys.map_mmio(base, size, read, write)`` when the
                             memory offers it; ``NativePlatform.mmio`` lists it

and loads the ELF64 IA-64 kernel's PT_LOAD segments at their ``p_paddr``
(``p_filesz`` bytes from the file, the rest of ``p_memsz`` zeroed; every
segment must lie inside RAM).

Initial CPU state -- Ski's system mode starting a bare ELF (src/load.c,
src/state.c), plus what Ski's boot loader (ski-bootloader's jmp_to_kernel)
hands a Linux kernel:

  ip          e_entry, slot 0.  A Linux vmlinux's e_entry is physical; an entry
              that lies in a segment's virtual range but in no physical one is
              turned into its physical address through that segment.
  psr         0: translation off (it/dt/rt), interruption collection and
              interrupts off, cpl 0, register bank 0, little-endian
  cfm         sof = 96, sol = sor = 0, no rotation (Ski's reset frame: all
              stacked registers visible)
  ar.rsc      0 (enforced lazy, pl 0, little-endian)
  ar.bsp, ar.bspstore, r12 (sp), ar.fpsr: 0, as Ski leaves them; the kernel
              sets up its own stacks and FP status
  r28         physical address of the ``ia64_boot_param`` (firmware.BOOT_PARAM),
              as ski-bootloader passes it and Linux's head.S expects
  ar.k0       0xFFFFC000000, the I/O port base ski-bootloader fakes (Linux falls
              back to ar.k0 when the memory map has no I/O port space)

``ia64_boot_param`` (Linux's layout) holds: the command line (the ``args``
joined by spaces, NUL-terminated, at most 2047 bytes), the EFI system table
(whose one configuration table entry is the SAL system table, whose entry
point descriptor gives PAL_PROC and SAL_PROC), the EFI memory map (RAM,
PAL code, runtime data, the UART), console 80x25 with the cursor at (0, 24),
no FPSWA, and the initrd's physical address and size when one is given (it is
loaded at the first page boundary after the kernel).  There are no ACPI or
HCDP tables: point Linux at the UART with ``console=uart,mmio,0xff5e0000``
or use the Ski console (SSC).
"""

from __future__ import annotations

import sys

from frontend import elf as elfmod

from .firmware import BOOT_PARAM, FIRMWARE_BASE, FIRMWARE_SIZE, Firmware
from .lsapic import LSAPIC
from .ssc import SSC, SSC_BREAK_IMMS
from .uart import UART_BASE, UART_SIZE, UART8250

PAGE = 0x1000
IO_PORT_BASE = 0xFFFFC000000
BOOT_CFM_SOF = 96
M64 = (1 << 64) - 1


class BootError(Exception):
    """The kernel cannot be booted; str() is one line for the user."""


def _stdout(data: bytes) -> None:
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


class NativePlatform:
    """The devices and firmware of one native machine."""

    def __init__(self, machine, args=(), console_out=None, console_in=None, report=None,
                 host_fs_root=None, initramfs=None, uart_vector=None):
        """``console_in``: bytes, or a callable returning the bytes available now;
        the UART and the SSC console share it (the first to read takes them).
        ``uart_vector``: the LSAPIC vector the UART's interrupt line raises
        (None: the UART is polled only; nothing in the boot description names
        an interrupt for it)."""
        if isinstance(console_in, (bytes, bytearray)):
            pending = [bytes(console_in)]
            console_in = lambda: pending.pop() if pending else b""   # noqa: E731
        self.console_out = console_out or _stdout
        self.report = report or (lambda msg: sys.stderr.write(f"ia64jit: {msg}\n"))
        self.lsapic = getattr(machine, "lsapic", None) or \
            LSAPIC(machine.state, itc=getattr(machine, "read_itc", None))
        self.uart = UART8250(self.console_out, console_in)
        self.uart_vector = uart_vector
        self.ssc = SSC(self.console_out, args, host_fs_root=host_fs_root, console_in=console_in,
                       initramfs=initramfs, on_halt_light=self.halt_light)
        self.firmware = Firmware(self.report, on_halt_light=self.halt_light)
        self.mmio = [(UART_BASE, UART_SIZE, self.uart.read, self.uart.write)]
        self._unknown_ssc = set()

    def poll(self, itc: int) -> bool:
        """Device time: the interval timer's match at this ITC, and the UART's
        interrupt line (level: re-pended while it stays asserted).  True when
        something was pended on the LSAPIC."""
        raised = self.lsapic.timer_tick(itc)
        if self.uart_vector is not None and self.uart.irq_pending():
            raised = self.lsapic.raise_vector(self.uart_vector) or raised
        # Ski's console keyboard interrupt (Linux's simserial reads on it)
        raised = self.ssc.poll_keyboard(self.lsapic) or raised
        return raised

    def next_event_itc(self, itc: int):
        """The ITC of the next device event (the timer match), or None."""
        return self.lsapic.next_timer_itc(itc)

    @staticmethod
    def halt_light(machine) -> None:
        """PAL_HALT_LIGHT / SSC_HALT_LIGHT: idle until an interrupt.  The machine
        does that if it can (``machine.idle()``); otherwise the call just returns,
        which is a correct, busier, halt."""
        idle = getattr(machine, "idle", None)
        if idle is not None:
            idle()

    def on_break(self, machine, imm: int) -> bool:
        """A ``break imm`` the platform may serve.  True: served (results are in
        the registers; the caller advances past the break).  False: not a
        platform break (deliver the Break Instruction fault).  An unknown SSC
        number is served with r8 = -1, as Ski gives, and reported once."""
        if imm in SSC_BREAK_IMMS:
            if not self.ssc.handle(machine):
                num = machine.reg_read("r15")
                if num not in self._unknown_ssc:
                    self._unknown_ssc.add(num)
                    self.report(f"unknown SSC call {num}: returned -1")
            return True
        return self.firmware.on_break(machine, imm)


def _phys(machine):
    phys = getattr(machine, "phys", None)
    return phys if phys is not None else machine.mem


def boot(machine, kernel_path: str, args=(), mem_size: int = 256 << 20, *,
         console_out=None, console_in=None, report=None, initrd=None,
         host_fs_root=None) -> NativePlatform:
    """Map RAM, firmware and the UART, load the kernel, set the boot state;
    the platform becomes ``machine.platform`` (and its LSAPIC ``machine.lsapic``
    unless the machine has one)."""
    if mem_size <= 0 or mem_size % PAGE or mem_size > FIRMWARE_BASE:
        raise BootError(f"memory size {mem_size:#x}: must be a non-zero multiple of 4 KB "
                        f"no larger than {FIRMWARE_BASE:#x}")
    try:
        kernel = elfmod.load(kernel_path)
    except elfmod.ElfError as exc:
        raise BootError(str(exc)) from None
    if kernel.type != elfmod.ET_EXEC:
        raise BootError(f"{kernel_path}: not an executable ELF file")
    if not kernel.segments:
        raise BootError(f"{kernel_path}: no loadable segments")
    kernel_end = 0
    for seg in kernel.segments:
        if seg.paddr + seg.memsz > mem_size:
            raise BootError(f"{kernel_path}: segment at physical {seg.paddr:#x} (+{seg.memsz:#x}) "
                            f"lies outside RAM (0..{mem_size:#x})")
        kernel_end = max(kernel_end, seg.paddr + seg.memsz)
    entry = _physical_entry(kernel)

    initrd_data = b""
    if initrd is not None:
        try:
            with open(initrd, "rb") as f:
                initrd_data = f.read()
        except OSError as exc:
            raise BootError(f"{initrd}: {exc.strerror or exc}") from None
    initrd_start = (kernel_end + PAGE - 1) & ~(PAGE - 1) if initrd_data else 0
    if initrd_start + len(initrd_data) > mem_size:
        raise BootError(f"{initrd}: does not fit in RAM after the kernel")

    platform = NativePlatform(machine, args, console_out=console_out, console_in=console_in,
                              report=report, host_fs_root=host_fs_root, initramfs=initrd)
    phys = _phys(machine)
    phys.map(0, mem_size)
    phys.map(FIRMWARE_BASE, FIRMWARE_SIZE)
    map_mmio = getattr(phys, "map_mmio", None)
    if map_mmio is not None:
        for base, size, read, write in platform.mmio:
            map_mmio(base, size, read, write)

    for seg in kernel.segments:
        phys.write(seg.paddr, seg.data[:seg.filesz])
        if seg.memsz > seg.filesz:
            phys.write(seg.paddr + seg.filesz, bytes(seg.memsz - seg.filesz))
    if initrd_data:
        phys.write(initrd_start, initrd_data)
    command_line = " ".join(args).encode()
    phys.write(FIRMWARE_BASE, platform.firmware.image(mem_size, command_line,
                                                      (initrd_start, len(initrd_data))))

    m = machine
    m.reg_write("ip", entry)
    m.reg_write("ri", 0)
    m.reg_write("psr", 0)
    m.reg_write("cfm", BOOT_CFM_SOF)
    for name in ("ar.rsc", "ar.bsp", "ar.bspstore", "ar.fpsr", "r12"):
        m.reg_write(name, 0)
    m.reg_write("r28", BOOT_PARAM)
    m.reg_write("ar.k0", IO_PORT_BASE)
    if getattr(machine, "lsapic", None) is None:
        machine.lsapic = platform.lsapic
    machine.platform = platform
    return platform


def _physical_entry(kernel) -> int:
    entry = kernel.entry
    for seg in kernel.segments:
        if seg.paddr <= entry < seg.paddr + seg.memsz:
            return entry
    for seg in kernel.segments:
        if seg.vaddr <= entry < seg.vaddr + seg.memsz:
            return seg.paddr + (entry - seg.vaddr)
    raise BootError(f"{kernel.path}: entry point {entry:#x} is in no loadable segment")
