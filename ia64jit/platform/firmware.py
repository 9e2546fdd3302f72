"""PAL, SAL and minimal EFI runtime firmware, served by the host.

The firmware area is ``FIRMWARE_SIZE`` bytes of physical memory at
``FIRMWARE_BASE`` (0xF8000000: below 4 GB, clear of RAM, and alone in its
64 MB granule so that Linux's granule-sized PAL translation covers no MMIO):

  +0x0000  PAL_PROC entry          } code page, EFI_PAL_CODE in the memory map
  +0x0040  SAL_PROC entry          }  (``FIRMWARE_CODE``, assembled from
  +0x0080  EFI runtime services,   }   firmware.s beside this file)
           one bundle each
  +0x0400  EFI function descriptors (ip, gp) of those services
  +0x1000  EFI system table        } tables, EFI_RUNTIME_SERVICES_DATA
  +0x1080  EFI runtime services table
  +0x1180  EFI configuration table (one entry: the SAL system table GUID)
  +0x11C0  firmware vendor string (UTF-16)
  +0x1200  SAL system table: header + one entry-point descriptor (type 0)
  +0x1300  ia64_boot_param (Linux's layout; r28 points here at entry)
  +0x1400  EFI memory map (40-byte descriptors, version 1)
  +0x1800  kernel command line (NUL-terminated, at most 2047 bytes)

Every stub executes ``break.m`` with an immediate the host serves:
``PAL_BREAK`` (0x80100), ``SAL_BREAK`` (0x80101), ``EFI_BREAK`` + k (0x80110 +
service index).  ``Firmware.on_break`` serves one only when the break's bundle
lies at that stub's offset in a 64 KB-aligned window (physically or through any
mapping that keeps the offset, like Linux's region-7 identity map), so the same
immediates elsewhere are ordinary Break faults.  The host writes the results,
the caller resumes at the next slot, and the stub returns: PAL static calls
(index bit 8 clear) with ``br b0``, PAL stacked calls and SAL/EFI (C calls)
with ``br.ret b0``.

Conventions: PAL -- index r28; static args r29-r31, stacked args in1-in3
(r33-r35); status r8, results r9-r11.  SAL -- index in0 (r32), args in1-in7;
status r8, results r9-r11.  EFI -- args in0..; status r8.  Status -1 =
unimplemented (PAL and SAL), -2 = invalid argument.  An unknown PAL/SAL index
returns -1 and is reported once per index through ``report(msg)``.

Pointer arguments: EFI calls are made in physical mode (Linux calls them
through efi_call_phys; SetVirtualAddressMap is unsupported, as Ski's firmware),
so they go through ``machine.mem_read/mem_write`` (physical on a system
machine).  PAL_PERF_MON_INFO and PAL_HALT_INFO buffers are written through the
CPU's current data translation (``machine.mem``), since Linux makes PAL calls in
virtual mode; an address that does not translate gives status -2.

Model values reported (sys_common.md): 8 ITRs/DTRs, one TC level with separate
128-entry fully-associative ITC and DTC, 24 RID bits, IMPL_VA_MSB 50, 50 PA
bits, 24 key bits, 16 PKRs, page sizes 4K..4G, VHPT walker present; platform
base 100 MHz with CPU and ITC ratios 4/1 (ITC 400 MHz), bus ratio 1/1;
caches: L1I and L1D 16 KB 4-way 64 B lines, L2 256 KB 8-way and L3 3 MB 12-way
unified, 128 B lines; 96 physical stacked registers; 8 IBR and 8 DBR pairs.
"""

from __future__ import annotations

import struct
import time

from .uart import UART_BASE, UART_SIZE

M64 = (1 << 64) - 1

FIRMWARE_BASE = 0xF8000000
FIRMWARE_SIZE = 0x10000
WINDOW_MASK = FIRMWARE_SIZE - 1

PAL_PROC_OFF, SAL_PROC_OFF, EFI_STUBS_OFF = 0x0, 0x40, 0x80
EFI_FDESC_OFF = 0x400
EFI_SYSTAB_OFF, EFI_RUNTIME_OFF, EFI_CONFIG_OFF, VENDOR_OFF = 0x1000, 0x1080, 0x1180, 0x11C0
SAL_SYSTAB_OFF, BOOT_PARAM_OFF, MEMMAP_OFF, CMDLINE_OFF = 0x1200, 0x1300, 0x1400, 0x1800
CMDLINE_MAX = 0x800
PAL_PROC = FIRMWARE_BASE + PAL_PROC_OFF
SAL_PROC = FIRMWARE_BASE + SAL_PROC_OFF
BOOT_PARAM = FIRMWARE_BASE + BOOT_PARAM_OFF

PAL_BREAK, SAL_BREAK, EFI_BREAK = 0x80100, 0x80101, 0x80110
N_EFI_SERVICES = 14

# firmware.s, assembled (ia64-linux-gnu-as; tests re-assemble and compare).
FIRMWARE_CODE = bytes.fromhex(
    "0100084000007080700c28000000040013000000018041040042000008008000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "1108084000000000000200800800840000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "1180084000000000000200800800840011880840000000000002008008008400"
    "1190084000000000000200800800840011980840000000000002008008008400"
    "11a0084000000000000200800800840011a80840000000000002008008008400"
    "11b0084000000000000200800800840011b80840000000000002008008008400"
    "11c0084000000000000200800800840011c80840000000000002008008008400"
    "11d0084000000000000200800800840011d80840000000000002008008008400"
    "11e0084000000000000200800800840011e80840000000000002008008008400"
)

# ---------------------------------------------------------------- PAL / SAL numbers
PAL_CACHE_FLUSH, PAL_CACHE_INFO, PAL_CACHE_SUMMARY, PAL_MEM_ATTRIB = 1, 2, 4, 5
PAL_PTCE_INFO, PAL_VM_INFO, PAL_VM_SUMMARY, PAL_DEBUG_INFO = 6, 7, 8, 11
PAL_FIXED_ADDR, PAL_FREQ_BASE, PAL_FREQ_RATIOS, PAL_PERF_MON_INFO = 12, 13, 14, 15
PAL_PROC_GET_FEATURES, PAL_PROC_SET_FEATURES, PAL_RSE_INFO, PAL_VERSION = 17, 18, 19, 20
PAL_HALT_LIGHT, PAL_VM_PAGE_SIZE, PAL_REGISTER_INFO, PAL_LOGICAL_TO_PHYSICAL = 29, 34, 39, 42
PAL_HALT_INFO = 257

SAL_SET_VECTORS, SAL_GET_STATE_INFO, SAL_GET_STATE_INFO_SIZE = 0x01000000, 0x01000001, 0x01000002
SAL_CLEAR_STATE_INFO, SAL_MC_RENDEZ, SAL_MC_SET_PARAMS = 0x01000003, 0x01000004, 0x01000005
SAL_CACHE_FLUSH, SAL_CACHE_INIT = 0x01000008, 0x01000009
SAL_PCI_CONFIG_READ, SAL_PCI_CONFIG_WRITE, SAL_FREQ_BASE = 0x01000010, 0x01000011, 0x01000012
SAL_FREQ_BASE_PLATFORM, SAL_FREQ_BASE_INTERVAL_TIMER, SAL_FREQ_BASE_REALTIME_CLOCK = 0, 1, 2

OK, UNIMPLEMENTED, INVALID_ARGUMENT = 0, -1, -2
SAL_NO_INFORMATION = -5

EFI_SUCCESS = 0
EFI_INVALID_PARAMETER = 0x8000000000000002
EFI_UNSUPPORTED = 0x8000000000000003
EFI_GET_TIME, EFI_RESET_SYSTEM = 0, 10

# ---------------------------------------------------------------- model parameters
N_ITR = N_DTR = 8
TC_ENTRIES = 128
RID_BITS, IMPL_VA_MSB, PA_BITS, KEY_BITS, N_PKR = 24, 50, 50, 24, 16
PAGE_SHIFTS = (12, 13, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32)
PAGE_SIZES_MASK = sum(1 << s for s in PAGE_SHIFTS)
PLATFORM_HZ = 100_000_000
CPU_RATIO, BUS_RATIO, ITC_RATIO = (4, 1), (1, 1), (4, 1)
ITC_HZ = PLATFORM_HZ * ITC_RATIO[0] // ITC_RATIO[1]          # 400 MHz
N_STACKED_PHYS = 96
N_IBR_PAIRS = N_DBR_PAIRS = 8
PAL_VERSION_VALUE = 0x01 << 8 | 0x01 << 32          # PAL_B 1.00, PAL_A 1.00

# (size, associativity, log2 line size, load latency) per level/type; None = unified
_L1I = (16 << 10, 4, 6, 1)
_L1D = (16 << 10, 4, 6, 1)
_L2 = (256 << 10, 8, 7, 5)
_L3 = (3 << 20, 12, 7, 12)
CACHE_LEVELS = ((_L1I, _L1D), (_L2, None), (_L3, None))

# Implemented application / control registers (PAL_REGISTER_INFO).
IMPL_ARS = (*range(8), 16, 17, 18, 19, 25, 32, 36, 40, 44, 64, 65, 66)
IMPL_CRS = (0, 1, 2, 8, 16, 17, 19, 20, 21, 22, 23, 24, 25, *range(64, 75), 80, 81)
CR_READ_SIDE_EFFECTS = (65,)                         # cr.ivr acknowledges

# EFI memory map
EFI_PAL_CODE, EFI_CONVENTIONAL_MEMORY, EFI_RUNTIME_SERVICES_DATA, EFI_MEMORY_MAPPED_IO = 13, 7, 6, 11
EFI_MEMORY_UC, EFI_MEMORY_WB, EFI_MEMORY_RUNTIME = 0x1, 0x8, 1 << 63
EFI_MEMDESC_SIZE = 40
EFI_SYSTEM_TABLE_SIGNATURE = 0x5453595320494249       # "IBI SYST"
EFI_RUNTIME_SERVICES_SIGNATURE = 0x56524553544E5552   # "RUNTSERV"
EFI_REVISION = 1 << 16 | 10                           # 1.10
SAL_SYSTEM_TABLE_GUID = struct.pack("<IHH8B", 0xEB9D2D32, 0x2D88, 0x11D3,
                                    0x9A, 0x16, 0x00, 0x90, 0x27, 0x3F, 0xC1, 0x4D)
SAL_SYSTAB_SIZE = 96 + 48


def _s64(v: int) -> int:
    return v & M64


class Firmware:
    def __init__(self, report=None, on_halt_light=None, clock=time.time):
        """``report(msg)``: told once per unknown PAL/SAL index.  ``on_halt_light(machine)``:
        PAL_HALT_LIGHT (idle until an interrupt).  ``clock()``: seconds since the epoch
        for EFI GetTime."""
        self.report = report or (lambda msg: None)
        self.on_halt_light = on_halt_light
        self.clock = clock
        self._reported = set()
        self.sal_vectors = {}          # SAL_SET_VECTORS: vector type -> (args)

    # ------------------------------------------------------------ the area's contents
    def code(self) -> bytes:
        return FIRMWARE_CODE

    def tables(self, mem_size: int, command_line: bytes = b"", initrd=(0, 0)) -> bytes:
        """The bytes of the firmware area from +0x400 to its end (function
        descriptors, EFI and SAL tables, boot parameters, memory map, command line)."""
        area = bytearray(FIRMWARE_SIZE)
        for k in range(N_EFI_SERVICES):
            struct.pack_into("<QQ", area, EFI_FDESC_OFF + 16 * k,
                             FIRMWARE_BASE + EFI_STUBS_OFF + 16 * k, FIRMWARE_BASE)
        base = FIRMWARE_BASE
        hdr = struct.pack("<QIIII", EFI_SYSTEM_TABLE_SIGNATURE, EFI_REVISION, 24, 0, 0)
        area[EFI_SYSTAB_OFF:EFI_SYSTAB_OFF + 120] = hdr + struct.pack(
            "<QI4xQQQQQQQQQQ", base + VENDOR_OFF, 1, 0, 0, 0, 0, 0, 0,
            base + EFI_RUNTIME_OFF, 0, 1, base + EFI_CONFIG_OFF)
        rt = struct.pack("<QIIII", EFI_RUNTIME_SERVICES_SIGNATURE, EFI_REVISION, 24, 0, 0)
        rt += b"".join(struct.pack("<Q", base + EFI_FDESC_OFF + 16 * k)
                       for k in range(N_EFI_SERVICES))
        area[EFI_RUNTIME_OFF:EFI_RUNTIME_OFF + len(rt)] = rt
        area[EFI_CONFIG_OFF:EFI_CONFIG_OFF + 24] = SAL_SYSTEM_TABLE_GUID + struct.pack(
            "<Q", base + SAL_SYSTAB_OFF)
        vendor = "ia64jit\0".encode("utf-16-le")
        area[VENDOR_OFF:VENDOR_OFF + len(vendor)] = vendor
        area[SAL_SYSTAB_OFF:SAL_SYSTAB_OFF + SAL_SYSTAB_SIZE] = sal_system_table()
        memmap = memory_map(mem_size)
        area[MEMMAP_OFF:MEMMAP_OFF + len(memmap)] = memmap
        cmd = bytes(command_line)[:CMDLINE_MAX - 1] + b"\0"
        area[CMDLINE_OFF:CMDLINE_OFF + len(cmd)] = cmd
        area[BOOT_PARAM_OFF:BOOT_PARAM_OFF + 80] = struct.pack(
            "<QQQQQIHHHH4xQQQ", base + CMDLINE_OFF, base + EFI_SYSTAB_OFF, base + MEMMAP_OFF,
            len(memmap), EFI_MEMDESC_SIZE, 1, 80, 25, 0, 24, 0, initrd[0], initrd[1])
        return bytes(area[EFI_FDESC_OFF:])

    def image(self, mem_size: int, command_line: bytes = b"", initrd=(0, 0)) -> bytes:
        """The whole firmware area (FIRMWARE_SIZE bytes)."""
        code = FIRMWARE_CODE.ljust(EFI_FDESC_OFF, b"\0")
        return code + self.tables(mem_size, command_line, initrd)

    # ------------------------------------------------------------ serving breaks
    def on_break(self, machine, imm: int) -> bool:
        """Serve a firmware stub's break (True), or False: not ours."""
        off = machine.reg_read("ip") & WINDOW_MASK
        if imm == PAL_BREAK and off == PAL_PROC_OFF:
            self._pal(machine)
        elif imm == SAL_BREAK and off == SAL_PROC_OFF:
            self._sal(machine)
        elif EFI_BREAK <= imm < EFI_BREAK + N_EFI_SERVICES and \
                off == EFI_STUBS_OFF + 16 * (imm - EFI_BREAK):
            self._efi(machine, imm - EFI_BREAK)
        else:
            return False
        return True

    def _report_once(self, kind, idx):
        if (kind, idx) not in self._reported:
            self._reported.add((kind, idx))
            self.report(f"unimplemented {kind} call {idx:#x}: returned -1")

    def _pal(self, m):
        idx = m.reg_read("r28")
        first = 33 if idx >> 8 & 1 else 29            # stacked: in1-in3; static: r29-r31
        sof = m.reg_read("cfm") & 0x7F
        # (stacked arguments beyond a small caller's frame read as 0)
        args = [m.reg_read(f"r{first + k}") if first + k < 32 + sof or first < 32 else 0
                for k in range(3)]
        fn = _PAL.get(idx)
        if fn is None:
            res = (UNIMPLEMENTED, 0, 0, 0)
            if idx != PAL_LOGICAL_TO_PHYSICAL:          # known, and unimplemented as PAL allows
                self._report_once("PAL", idx)
        else:
            res = fn(self, m, *args)
        for k, v in enumerate(res):
            m.reg_write(f"r{8 + k}", _s64(v))

    def _sal(self, m):
        sof = m.reg_read("cfm") & 0x7F
        args = [m.reg_read(f"r{32 + k}") if k < sof else 0 for k in range(8)]
        fn = _SAL.get(args[0])
        if fn is None:
            res = (UNIMPLEMENTED, 0, 0, 0)
            self._report_once("SAL", args[0])
        else:
            res = fn(self, m, *args[1:])
        for k, v in enumerate(res):
            m.reg_write(f"r{8 + k}", _s64(v))

    def _efi(self, m, service):
        sof = m.reg_read("cfm") & 0x7F
        args = [m.reg_read(f"r{32 + k}") if k < sof else 0 for k in range(5)]
        if service == EFI_GET_TIME:
            status = self._efi_get_time(m, *args[:2])
        elif service == EFI_RESET_SYSTEM:
            m.poweroff(args[1])
            status = EFI_SUCCESS
        else:
            status = EFI_UNSUPPORTED
        m.reg_write("r8", status)

    def _efi_get_time(self, m, tm, tc):
        if not tm:
            return EFI_INVALID_PARAMETER
        now = self.clock()
        t = time.gmtime(now)
        ns = int(now * 1e9) % 10**9
        try:
            m.mem_write(tm, struct.pack("<HBBBBBBIhBB", t.tm_year, t.tm_mon, t.tm_mday,
                                        t.tm_hour, t.tm_min, t.tm_sec, 0, ns, 0, 0, 0))
            if tc:
                m.mem_write(tc, bytes(12))
        except Exception:
            return EFI_INVALID_PARAMETER
        return EFI_SUCCESS

    # ------------------------------------------------------------ PAL procedures
    def pal_cache_flush(self, m, cache_type, operation, progress):
        return OK, 0, 0, 0                   # no caches to write back; r9 = vector, r10 = progress

    def pal_cache_info(self, m, level, cache_type, _):
        if level >= len(CACHE_LEVELS) or cache_type not in (1, 2):
            return INVALID_ARGUMENT, 0, 0, 0
        pair = CACHE_LEVELS[level]
        unified = pair[1] is None
        size, assoc, line, latency = pair[0] if unified or cache_type == 1 else pair[1]
        attr = 0 if cache_type == 1 and not unified else 1         # WB for data/unified
        info1 = (int(unified) | attr << 1 | assoc << 8 | line << 16 | line << 24 |
                 1 << 32 | latency << 40)
        tag_ls = (size // assoc).bit_length() - 1
        info2 = size | tag_ls << 40 | (PA_BITS - 1) << 48
        return OK, info1, info2, 0

    def pal_cache_summary(self, m, *_):
        unique = sum(1 if pair[1] is None else 2 for pair in CACHE_LEVELS)
        return OK, len(CACHE_LEVELS), unique, 0

    def pal_mem_attrib(self, m, *_):
        return OK, 0xF1, 0, 0                # WB, UC, UCE, WC, NaTPage

    def pal_ptce_info(self, m, *_):
        return OK, 0, 1 | 1 << 32, 0         # one ptc.e purges the whole local TC

    def pal_vm_info(self, m, level, tc_type, _):
        if level != 0 or tc_type not in (1, 2):
            return INVALID_ARGUMENT, 0, 0, 0
        tc_info = 1 | TC_ENTRIES << 8 | TC_ENTRIES << 16          # 1 set, fully associative
        return OK, tc_info, PAGE_SIZES_MASK, 0

    def pal_vm_summary(self, m, *_):
        info1 = (1 | PA_BITS << 1 | KEY_BITS << 8 | (N_PKR - 1) << 16 | 0 << 24 |
                 (N_DTR - 1) << 32 | (N_ITR - 1) << 40 | 2 << 48 | 1 << 56)
        info2 = IMPL_VA_MSB | RID_BITS << 8
        return OK, info1, info2, 0

    def pal_debug_info(self, m, *_):
        return OK, N_IBR_PAIRS, N_DBR_PAIRS, 0

    def pal_fixed_addr(self, m, *_):
        return OK, 0, 0, 0

    def pal_freq_base(self, m, *_):
        return OK, PLATFORM_HZ, 0, 0

    def pal_freq_ratios(self, m, *_):
        r = [n << 32 | d for n, d in (CPU_RATIO, BUS_RATIO, ITC_RATIO)]
        return OK, r[0], r[1], r[2]

    def pal_perf_mon_info(self, m, buf, *_):
        masks = (0xFFFF, 0x3FFFF, 0xF0, 0xF0)       # PMCs, PMDs, cycle- and retired-capable
        data = b"".join(v.to_bytes(32, "little") for v in masks)
        if not _write_cpu_view(m, buf, data):
            return INVALID_ARGUMENT, 0, 0, 0
        return OK, 4 | 47 << 8 | 0x12 << 16 | 0x08 << 24, 0, 0

    def pal_proc_get_features(self, m, _reserved, feature_set, *_):
        if feature_set != 0:
            return INVALID_ARGUMENT, 0, 0, 0
        return OK, 0, 0, 0                   # available, status, control

    def pal_proc_set_features(self, m, select, *_):
        return (OK if select == 0 else INVALID_ARGUMENT), 0, 0, 0

    def pal_rse_info(self, m, *_):
        return OK, N_STACKED_PHYS, 0, 0

    def pal_version(self, m, *_):
        return OK, PAL_VERSION_VALUE, PAL_VERSION_VALUE, 0

    def pal_halt_light(self, m, *_):
        if self.on_halt_light is not None:
            self.on_halt_light(m)
        return OK, 0, 0, 0

    def pal_vm_page_size(self, m, *_):
        return OK, PAGE_SIZES_MASK, PAGE_SIZES_MASK, 0      # insertable, purgeable

    def pal_register_info(self, m, request, *_):
        sets = {0: IMPL_ARS, 1: (), 2: IMPL_CRS, 3: CR_READ_SIDE_EFFECTS}
        if request not in sets:
            return INVALID_ARGUMENT, 0, 0, 0
        bits = sum(1 << n for n in sets[request])
        return OK, bits & M64, bits >> 64, 0

    def pal_halt_info(self, m, buf, *_):
        light = 1 | 1 << 16 | 1 << 60 | 1 << 61      # latencies 1, implemented, coherent
        if not _write_cpu_view(m, buf, struct.pack("<8Q", light, 0, 0, 0, 0, 0, 0, 0)):
            return INVALID_ARGUMENT, 0, 0, 0
        return OK, 0, 0, 0

    # ------------------------------------------------------------ SAL procedures
    def sal_freq_base(self, m, which, *_):
        hz = {SAL_FREQ_BASE_PLATFORM: PLATFORM_HZ, SAL_FREQ_BASE_INTERVAL_TIMER: ITC_HZ,
              SAL_FREQ_BASE_REALTIME_CLOCK: 1}.get(which)
        if hz is None:
            return INVALID_ARGUMENT, 0, 0, 0
        return OK, hz, 0, 0                  # r10 = drift (ppm)

    def sal_set_vectors(self, m, vector_type, *args):
        self.sal_vectors[vector_type] = args
        return OK, 0, 0, 0

    def sal_get_state_info(self, m, *_):
        return SAL_NO_INFORMATION, 0, 0, 0   # no error records, ever

    def sal_get_state_info_size(self, m, *_):
        return OK, 4096, 0, 0

    def sal_ok(self, m, *_):
        return OK, 0, 0, 0

    def sal_pci_config(self, m, *_):
        return INVALID_ARGUMENT, M64, 0, 0   # no PCI configuration space here


_PAL = {
    PAL_CACHE_FLUSH: Firmware.pal_cache_flush, PAL_CACHE_INFO: Firmware.pal_cache_info,
    PAL_CACHE_SUMMARY: Firmware.pal_cache_summary, PAL_MEM_ATTRIB: Firmware.pal_mem_attrib,
    PAL_PTCE_INFO: Firmware.pal_ptce_info, PAL_VM_INFO: Firmware.pal_vm_info,
    PAL_VM_SUMMARY: Firmware.pal_vm_summary, PAL_DEBUG_INFO: Firmware.pal_debug_info,
    PAL_FIXED_ADDR: Firmware.pal_fixed_addr, PAL_FREQ_BASE: Firmware.pal_freq_base,
    PAL_FREQ_RATIOS: Firmware.pal_freq_ratios, PAL_PERF_MON_INFO: Firmware.pal_perf_mon_info,
    PAL_PROC_GET_FEATURES: Firmware.pal_proc_get_features,
    PAL_PROC_SET_FEATURES: Firmware.pal_proc_set_features, PAL_RSE_INFO: Firmware.pal_rse_info,
    PAL_VERSION: Firmware.pal_version, PAL_HALT_LIGHT: Firmware.pal_halt_light,
    PAL_VM_PAGE_SIZE: Firmware.pal_vm_page_size, PAL_REGISTER_INFO: Firmware.pal_register_info,
    PAL_HALT_INFO: Firmware.pal_halt_info,
}

_SAL = {
    SAL_FREQ_BASE: Firmware.sal_freq_base, SAL_SET_VECTORS: Firmware.sal_set_vectors,
    SAL_GET_STATE_INFO: Firmware.sal_get_state_info,
    SAL_GET_STATE_INFO_SIZE: Firmware.sal_get_state_info_size,
    SAL_CLEAR_STATE_INFO: Firmware.sal_ok, SAL_MC_RENDEZ: Firmware.sal_ok,
    SAL_MC_SET_PARAMS: Firmware.sal_ok, SAL_CACHE_FLUSH: Firmware.sal_ok,
    SAL_CACHE_INIT: Firmware.sal_ok, SAL_PCI_CONFIG_READ: Firmware.sal_pci_config,
    SAL_PCI_CONFIG_WRITE: Firmware.sal_pci_config,
}


def _write_cpu_view(m, addr, data) -> bool:
    """Write through the CPU's current data translation; False if it does not reach memory."""
    try:
        m.mem.write(addr & M64, data)
    except Exception:
        return False
    return True


def sal_system_table() -> bytes:
    """SAL system table header (SAL 3.20, BCD) + one entry-point descriptor; checksummed."""
    hdr = bytearray(struct.pack("<4sIBBHB7xBBBB32s32s8x", b"SST_", SAL_SYSTAB_SIZE,
                                0x20, 0x03, 1, 0, 0x00, 0x01, 0x00, 0x01,
                                b"ia64jit", b"ia64jit native platform"))
    entry = struct.pack("<B7xQQQ16x", 0, PAL_PROC, SAL_PROC, FIRMWARE_BASE)
    table = hdr + entry
    table[12] = -sum(table) & 0xFF
    return bytes(table)


def memory_map(mem_size: int) -> bytes:
    """EFI memory descriptors: RAM from 0, the firmware code and tables, the UART."""
    descs = (
        (EFI_CONVENTIONAL_MEMORY, 0, mem_size, EFI_MEMORY_WB),
        (EFI_PAL_CODE, FIRMWARE_BASE, 0x1000, EFI_MEMORY_WB | EFI_MEMORY_RUNTIME),
        (EFI_RUNTIME_SERVICES_DATA, FIRMWARE_BASE + 0x1000, FIRMWARE_SIZE - 0x1000,
         EFI_MEMORY_WB | EFI_MEMORY_RUNTIME),
        (EFI_MEMORY_MAPPED_IO, UART_BASE, UART_SIZE, EFI_MEMORY_UC | EFI_MEMORY_RUNTIME),
    )
    return b"".join(struct.pack("<IIQQQQ", t, 0, start, 0, size >> 12, attr)
                    for t, start, size, attr in descs)
