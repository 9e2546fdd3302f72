"""The architectural state: one contiguous, documented native buffer.

The interpreter (through numpy views), compiled code (through the byte
offsets in ``LAYOUT``) and Python helpers all read and write this one
buffer in place; switching tiers copies nothing.

Register files
--------------
``gr``        r0-r31 (the static registers; r0 reads 0).  ``gr_nat``: their NaT bits.
``bank``      the *inactive* bank of r16-r31 (``psr.bn`` selects which is live).
``stk``       the physical stacked-register file behind r32-r127: a circular
              buffer of ``N_STACKED`` registers; r32 of the current frame is
              ``stk[bof]``; ``stk_nat`` holds their NaT bits.
``fr_sig``    significand of f0-f127 in the 82-bit register format;
``fr_se``     bit 17 = sign, bits 0-16 = biased exponent (bias 0xFFFF).
``pr``        p0-p63, one byte each (p0 always 1).
``br``        b0-b7.   ``ar``: ar0-ar127.  ``cr``: cr0-cr127.
``rr``, ``pkr``, ``ibr``, ``dbr``, ``pmc``, ``pmd``, ``cpuid``: system register files.

Frame and control
-----------------
``cfm_sof/sol/sor``, ``rrb_gr/fr/pr``: the current frame marker, unpacked.
``bof``: physical index of r32; the registers of earlier frames still in
the physical file are those between ``ar.bspstore`` and ``ar.bsp`` (the RSE's
dirty partition, see translator/rse.py).  ``ip``: bundle address;
``ri``: slot.  ``psr``.  ``icount``: retired instructions; ``budget``: compiled
code returns when icount reaches it.  ``exit_*``: why compiled code returned.
``icount_pending``: while a runtime helper runs, the instructions the
calling engine has retired since it last updated ``icount`` (so that the
ITC, which follows icount under virtual time, is exact at every instruction).
"""

from __future__ import annotations

import numpy as np

N_STACKED = 96          # physical stacked registers (as on Itanium 2)
N_ALAT = 32
N_SOFT_TLB = 256        # direct-mapped soft-TLB entries (see ia64jit/memory.py)

# (name, numpy dtype, count).  Order is the layout; every field is 8-byte aligned.
_FIELDS = (
    ("gr", np.uint64, 32),
    ("gr_nat", np.uint8, 32),
    ("bank", np.uint64, 16),
    ("bank_nat", np.uint8, 16),
    ("stk", np.uint64, N_STACKED),
    ("stk_nat", np.uint8, N_STACKED),
    ("fr_sig", np.uint64, 128),
    ("fr_se", np.uint64, 128),
    ("pr", np.uint8, 64),
    ("br", np.uint64, 8),
    ("ar", np.uint64, 128),
    ("cr", np.uint64, 128),
    ("rr", np.uint64, 8),
    ("pkr", np.uint64, 16),
    ("ibr", np.uint64, 16),
    ("dbr", np.uint64, 16),
    ("pmc", np.uint64, 64),
    ("pmd", np.uint64, 64),
    ("cpuid", np.uint64, 5),
    ("ip", np.uint64, 1),
    ("ri", np.uint64, 1),
    ("psr", np.uint64, 1),
    ("cfm_sof", np.uint64, 1),
    ("cfm_sol", np.uint64, 1),
    ("cfm_sor", np.uint64, 1),
    ("rrb_gr", np.uint64, 1),
    ("rrb_fr", np.uint64, 1),
    ("rrb_pr", np.uint64, 1),
    ("bof", np.uint64, 1),
    ("icount", np.uint64, 1),
    ("budget", np.uint64, 1),
    ("exit_reason", np.uint64, 1),
    ("exit_arg", np.uint64, 1),
    ("icount_pending", np.uint64, 1),    # retired but not yet added to icount (see below)
    ("last_bundle", np.uint64, 1),       # bundle of the last retired instruction (IIPA)
    ("rt_callback", np.uint64, 1),       # host address of the runtime entry (set by the JIT)
    ("dispatch_table", np.uint64, 1),    # host address of the JIT's block table, 0: no chaining
    ("tierup_table", np.uint64, 1),      # host address of the loop counters, 0: no tier-up
    ("tierup_limit", np.uint64, 1),      # instructions a loop runs at tier 1 before tier 2
    ("alat_count", np.uint64, 1),        # valid ALAT entries: stores skip the ALAT when 0
    ("alat_tag", np.uint64, N_ALAT),     # register id (see translator/alat) or ~0 = invalid
    ("alat_addr", np.uint64, N_ALAT),
    ("alat_size", np.uint64, N_ALAT),
    ("tlb_tag", np.uint64, N_SOFT_TLB),       # page address readable through the entry, or ~0
    ("tlb_wtag", np.uint64, N_SOFT_TLB),      # page address writable through the entry, or ~0
    ("tlb_addend", np.uint64, N_SOFT_TLB),
)


class Layout:
    """Byte offsets of every field: what the IR emitter indexes with."""

    def __init__(self, fields):
        self.offsets = {}
        self.dtypes = {}
        self.counts = {}
        off = 0
        for name, dt, count in fields:
            size = np.dtype(dt).itemsize * count
            self.offsets[name] = off
            self.dtypes[name] = np.dtype(dt)
            self.counts[name] = count
            off += (size + 7) & ~7
        self.size = off

    def offset(self, name: str, index: int = 0) -> int:
        return self.offsets[name] + index * self.dtypes[name].itemsize


LAYOUT = Layout(_FIELDS)

# The one-word control fields, contiguous from ``ip``: index into a single
# memoryview (CPUState.ctl) for cheap access from Python.
CTL_FIELDS = ("ip", "ri", "psr", "cfm_sof", "cfm_sol", "cfm_sor", "rrb_gr", "rrb_fr",
              "rrb_pr", "bof", "icount", "budget", "exit_reason", "exit_arg", "icount_pending",
              "last_bundle")
CTL = {name: (LAYOUT.offsets[name] - LAYOUT.offsets["ip"]) // 8 for name in CTL_FIELDS}
assert list(CTL.values()) == list(range(len(CTL_FIELDS)))

# The exit reasons compiled code returns (and leaves in ``exit_reason`` with
# a fault) are listed once, in translator/irgen.py (EXIT_*).


class CPUState:
    """Owns the buffer and exposes each field as a numpy view."""

    def __init__(self):
        # 64-byte alignment helps the vector unit and keeps offsets exact.
        raw = np.zeros(LAYOUT.size + 64, dtype=np.uint8)
        start = (-raw.ctypes.data) % 64
        self._raw = raw
        self.buf = raw[start:start + LAYOUT.size]
        for name, off in LAYOUT.offsets.items():
            dt = LAYOUT.dtypes[name]
            view = self.buf[off:off + dt.itemsize * LAYOUT.counts[name]].view(dt)
            setattr(self, name, view)
        off = LAYOUT.offsets["ip"]
        self.ctl = memoryview(self.buf)[off:off + 8 * len(CTL_FIELDS)].cast("Q")
        self._address = self.buf.ctypes.data
        self.reset()

    def mv(self, name: str) -> memoryview:
        """A memoryview of one field (fast item access from Python)."""
        off, dt = LAYOUT.offsets[name], LAYOUT.dtypes[name]
        raw = memoryview(self.buf)[off:off + dt.itemsize * LAYOUT.counts[name]]
        return raw.cast("Q" if dt.itemsize == 8 else "B")

    @property
    def address(self) -> int:
        """Host address of the buffer (for compiled code; it never moves)."""
        return self._address

    def reset(self):
        self.buf[:] = 0
        self.pr[0] = 1
        self.fr_se[1] = 0xFFFF           # f1 = +1.0
        self.fr_sig[1] = 1 << 63
        self.alat_tag[:] = np.uint64(0xFFFFFFFFFFFFFFFF)
        self.tlb_tag[:] = np.uint64(0xFFFFFFFFFFFFFFFF)
        self.tlb_wtag[:] = np.uint64(0xFFFFFFFFFFFFFFFF)
