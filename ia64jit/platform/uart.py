"""A 16550A-compatible UART (8250 family) on MMIO, for a polled console.

The eight byte-wide registers sit at ``UART_BASE`` + 0..7 (register shift 0;
the rest of the 4 KB page reads 0 and ignores writes).  ``UART_BASE`` is in the
I/O hole below 4 GB, clear of RAM (which starts at physical 0) and of the
firmware area (see firmware.py).

  off  DLAB=0 read / write        DLAB=1
  0    RBR / THR                  DLL (divisor latch, low)
  1    IER (bits 0-3)             DLM (divisor latch, high)
  2    IIR / FCR
  3    LCR (bit 7 = DLAB)
  4    MCR (bits 0-4; bit 4 = loopback)
  5    LSR (DR, OE, THRE, TEMT; read-only)
  6    MSR (CTS, DSR, DCD asserted; in loopback they follow MCR)
  7    SCR

Transmission is instantaneous: THR bytes go straight to ``out(bytes)`` (so THRE
and TEMT always read 1).  Input comes from ``inp``: a bytes-like object queued
at construction, or a callable returning the bytes available now (b"" when
none; it must not block), or ``feed(data)``; host input waits on the host
side until the receiver has room.  With FCR bit 0 set the receive
queue is a FIFO and IIR reports 0xC0 in bits 7:6 (a 16550A, as Linux's probe
expects); without it only one byte is held in RBR and a second one overruns
(LSR.OE).  The interrupt output is ``irq_pending()``: level, IER-gated, for
the platform to route to an LSAPIC vector.
"""

from __future__ import annotations

from collections import deque

UART_BASE = 0xFF5E0000
UART_SIZE = 0x1000

RBR_THR, IER, IIR_FCR, LCR, MCR, LSR, MSR, SCR = range(8)

LCR_DLAB = 0x80
MCR_LOOP = 0x10
LSR_DR, LSR_OE, LSR_THRE, LSR_TEMT = 0x01, 0x02, 0x20, 0x40
IER_RDI, IER_THRI, IER_RLSI, IER_MSI = 1, 2, 4, 8
IIR_NO_INT, IIR_THRI, IIR_RDI, IIR_RLSI = 0x01, 0x02, 0x04, 0x06
IIR_FIFO_ENABLED = 0xC0
FIFO_SIZE = 16


class UART8250:
    def __init__(self, out, inp=None):
        self.out = out
        self._source = inp if callable(inp) else None
        self.line = deque(inp if isinstance(inp, (bytes, bytearray)) else b"")
        self.rx = deque()                   # the receive buffer (RBR, or the FIFO)
        self.ier = self.lcr = self.mcr = self.scr = 0
        self.dll, self.dlm = 12, 0          # 9600 baud from a 1.8432 MHz clock
        self.fifo = False
        self.overrun = False
        self.thr_int = False                # THRE interrupt latched (cleared by IIR read / THR write)
        self.msr_delta = 0

    # ------------------------------------------------------------ input
    def feed(self, data: bytes) -> None:
        """Bytes arriving on the line (flow-controlled: they wait on the host
        side until the receive buffer has room, so host input never overruns)."""
        self.line.extend(data)

    def _receive(self, b: int) -> None:
        """A byte reaching the receiver (loopback): overruns when the buffer is full."""
        if len(self.rx) >= (FIFO_SIZE if self.fifo else 1):
            self.overrun = True
            return
        self.rx.append(b)

    def _poll_source(self):
        if self._source is not None and not self.line:
            self.line.extend(self._source() or b"")
        room = (FIFO_SIZE if self.fifo else 1) - len(self.rx)
        while room > 0 and self.line:
            self.rx.append(self.line.popleft())
            room -= 1

    # ------------------------------------------------------------ registers
    def _lsr(self) -> int:
        self._poll_source()
        v = LSR_THRE | LSR_TEMT
        if self.rx:
            v |= LSR_DR
        if self.overrun:
            v |= LSR_OE
        return v

    def _iir(self) -> int:
        fifo = IIR_FIFO_ENABLED if self.fifo else 0
        if self.ier & IER_RLSI and self.overrun:
            return fifo | IIR_RLSI
        if self.ier & IER_RDI and self._lsr() & LSR_DR:
            return fifo | IIR_RDI
        if self.ier & IER_THRI and self.thr_int:
            return fifo | IIR_THRI
        return fifo | IIR_NO_INT

    def irq_pending(self) -> bool:
        return not self._iir() & IIR_NO_INT

    def read(self, offset: int, size: int = 1) -> int:
        dlab = self.lcr & LCR_DLAB
        if offset == RBR_THR:
            if dlab:
                return self.dll
            self._poll_source()
            return self.rx.popleft() if self.rx else 0
        if offset == IER:
            return self.dlm if dlab else self.ier
        if offset == IIR_FCR:
            v = self._iir()
            if v & 0xF == IIR_THRI:
                self.thr_int = False          # reading IIR acknowledges THRE
            return v
        if offset == LCR:
            return self.lcr
        if offset == MCR:
            return self.mcr
        if offset == LSR:
            v = self._lsr()
            self.overrun = False              # OE clears on read
            return v
        if offset == MSR:
            return self._msr()
        if offset == SCR:
            return self.scr
        return 0

    def _msr(self) -> int:
        if self.mcr & MCR_LOOP:
            m = self.mcr
            # RTS->CTS, DTR->DSR, OUT1->RI, OUT2->DCD
            state = (m & 2) << 3 | (m & 1) << 5 | (m & 4) << 4 | (m & 8) << 4
        else:
            state = 0x10 | 0x20 | 0x80        # CTS, DSR, DCD: a terminal is attached
        v = state | self.msr_delta
        self.msr_delta = 0
        return v

    def write(self, offset: int, size: int, value: int) -> None:
        value &= 0xFF
        dlab = self.lcr & LCR_DLAB
        if offset == RBR_THR:
            if dlab:
                self.dll = value
            elif self.mcr & MCR_LOOP:
                self._receive(value)          # loopback: what we send, we receive
                self.thr_int = True
            else:
                self.out(bytes([value]))
                self.thr_int = True           # transmitted at once: THR empty again
        elif offset == IER:
            if dlab:
                self.dlm = value
            else:
                old = self.ier
                self.ier = value & 0x0F
                if self.ier & IER_THRI and not old & IER_THRI:
                    self.thr_int = True       # enabling THRI with THR empty interrupts
        elif offset == IIR_FCR:
            self.fifo = bool(value & 1)
            if value & 2 or not self.fifo:
                self.rx.clear()               # receive FIFO reset
        elif offset == LCR:
            self.lcr = value
        elif offset == MCR:
            old = self.mcr
            self.mcr = value & 0x1F
            if (old ^ self.mcr) & MCR_LOOP:
                self.msr_delta = 0
        elif offset == SCR:
            self.scr = value
