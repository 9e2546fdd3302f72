"""The native platform: LSAPIC and timer, UART, PAL/SAL/EFI firmware stubs (executed), boot."""

import struct
import subprocess

import pytest

from frontend.bundle import TEMPLATES
from ia64jit.machine import Machine
from ia64jit.platform import BootError, boot
from ia64jit.platform import firmware as fw
from ia64jit.platform.lsapic import LSAPIC
from ia64jit.platform.uart import UART_BASE, UART8250
from translator import faults
from translator.faults import GuestFault

M64 = (1 << 64) - 1
PSR_I = 1 << 14


def s64(v):
    return v - (1 << 64) if v >> 63 else v


# ====================================================================== LSAPIC
@pytest.fixture
def lsapic():
    m = Machine()
    ls = LSAPIC(m.state)
    ls.write_cr(66, 0)                 # tpr: nothing masked
    return ls


def irr(ls):
    return [int(ls.cr[68 + k]) for k in range(4)]


def test_lsapic_reset_values():
    m = Machine()
    ls = LSAPIC(m.state)
    assert m.reg_read("cr.tpr") == 1 << 16                 # mmi
    for cr in ("cr.itv", "cr.pmv", "cr.cmcv", "cr.lrr0", "cr.lrr1"):
        assert m.reg_read(cr) == 1 << 16                   # masked
    ls.raise_vector(0x30)
    assert ls.pending(PSR_I) is None                       # tpr.mmi masks it
    assert ls.read_ivr() == 15


def test_raise_vector_sets_irr_and_ignores_reserved(lsapic):
    assert lsapic.raise_vector(0x10) and lsapic.raise_vector(0xFF) and lsapic.raise_vector(0x41)
    assert lsapic.raise_vector(0) and lsapic.raise_vector(2)
    for v in (1, 3, 14, 15):
        assert not lsapic.raise_vector(v)
    assert irr(lsapic) == [1 << 16 | 1 | 4, 1 << 1, 0, 1 << 63]


def test_pending_needs_psr_i_and_picks_highest(lsapic):
    lsapic.raise_vector(0x20)
    lsapic.raise_vector(0xEF)
    lsapic.raise_vector(0x81)
    assert lsapic.pending(0) is None
    assert lsapic.pending(PSR_I) == 0xEF


def test_tpr_mic_masks_priority_classes(lsapic):
    lsapic.raise_vector(0x3F)
    lsapic.write_cr(66, 3 << 4)                 # mic = 3: classes 1-3 (vectors 16-63) masked
    assert lsapic.pending(PSR_I) is None
    assert lsapic.read_ivr() == 15
    lsapic.raise_vector(0x40)
    assert lsapic.pending(PSR_I) == 0x40
    lsapic.write_cr(66, 1 << 16)                # mmi masks everything maskable
    assert lsapic.pending(PSR_I) is None


def test_ivr_acknowledge_in_service_and_eoi(lsapic):
    lsapic.raise_vector(0x50)
    assert lsapic.read_ivr() == 0x50
    assert irr(lsapic)[1] == 0 and lsapic.in_service == {0x50}
    lsapic.raise_vector(0x45)                   # lower priority: masked while 0x50 in service
    assert lsapic.pending(PSR_I) is None
    assert lsapic.read_ivr() == 15 and lsapic.in_service == {0x50}
    lsapic.raise_vector(0x50)                   # equal priority: masked too
    assert lsapic.pending(PSR_I) is None
    lsapic.raise_vector(0x60)                   # higher: nests
    assert lsapic.read_ivr() == 0x60
    assert lsapic.in_service == {0x50, 0x60}
    lsapic.write_cr(67, 0)                      # eoi retires the highest (0x60)
    assert lsapic.in_service == {0x50}
    lsapic.write_eoi()
    assert lsapic.in_service == set()
    assert lsapic.read_ivr() == 0x50            # then the lower ones come through
    assert lsapic.read_ivr() == 15              # 0x45 waits for 0x50's EOI
    lsapic.write_eoi()
    assert lsapic.read_ivr() == 0x45
    lsapic.write_eoi()
    lsapic.write_eoi()                          # nothing in service: no effect
    assert lsapic.read_ivr() == 15


def test_nmi_and_extint(lsapic):
    lsapic.write_cr(66, 1 << 16 | 15 << 4)      # mmi and mic = 15
    lsapic.raise_vector(0)
    lsapic.raise_vector(0xFE)
    lsapic.raise_vector(2)
    assert lsapic.pending(PSR_I) == 2           # NMI ignores TPR
    assert lsapic.pending(0) is None            # but not psr.i
    assert lsapic.read_ivr() == 2
    assert lsapic.read_ivr() == 15              # ExtINT masked by mmi; NMI in service
    lsapic.raise_vector(2)
    assert lsapic.pending(PSR_I) is None        # a second NMI waits for the first's EOI
    lsapic.write_eoi()
    assert lsapic.read_ivr() == 2
    lsapic.write_eoi()
    lsapic.write_cr(66, 15 << 4)                # mic does not mask ExtINT
    assert lsapic.read_ivr() == 0
    assert lsapic.pending(PSR_I) is None        # 0xFE is below ExtINT in service
    lsapic.write_eoi()
    lsapic.write_cr(66, 0)
    assert lsapic.read_ivr() == 0xFE


def test_cr_access_rules(lsapic):
    m_state = lsapic.state
    for n in (65, 68, 69, 70, 71):
        with pytest.raises(GuestFault) as e:
            lsapic.write_cr(n, 0)
        assert e.value.code == faults.ILLEGAL_OPERATION
    for n, bad in ((66, 1 << 3), (72, 1 << 8), (64, 1), (80, 1 << 11), (73, 1 << 17)):
        with pytest.raises(GuestFault) as e:
            lsapic.write_cr(n, bad)
        assert e.value.code == faults.RESERVED_REGISTER
        assert e.value.isr == 0x30
    lsapic.write_cr(64, 0x12345 << 12 & 0xFFFF0000)
    assert lsapic.read_cr(64) == 0x12340000
    lsapic.write_cr(81, 7 << 8 | 0x20 | 1 << 13 | 1 << 15)
    assert lsapic.read_cr(81) == 0xA720
    assert lsapic.read_cr(67) == 0
    lsapic.raise_vector(0x99)
    assert lsapic.read_cr(65) == 0x99           # mov from cr.ivr acknowledges
    assert int(m_state.cr[65]) == 0x99


def test_lint_delivery(lsapic):
    assert not lsapic.assert_lint(0)            # masked at reset
    lsapic.write_cr(80, 0 << 8 | 0x77)
    assert lsapic.assert_lint(0) and irr(lsapic)[1] >> (0x77 - 64) & 1
    lsapic.write_cr(81, 4 << 8)
    assert lsapic.assert_lint(1) and irr(lsapic)[0] & 4
    lsapic.write_cr(81, 7 << 8)
    assert lsapic.assert_lint(1) and irr(lsapic)[0] & 1


def test_timer_match(lsapic):
    lsapic.write_cr(72, 0xEF)                   # itv: vector 0xef, unmasked
    lsapic.write_cr(1, 1000)
    assert not lsapic.timer_tick(900)
    assert lsapic.next_timer_itc(900) == 1000
    assert not lsapic.timer_tick(999)
    assert lsapic.timer_tick(1000)              # ITC reaches ITM
    assert lsapic.pending(PSR_I) == 0xEF
    assert lsapic.read_ivr() == 0xEF
    assert not lsapic.timer_tick(1100)          # once per match
    assert lsapic.next_timer_itc(1100) is None  # ITM behind ITC
    lsapic.write_cr(1, 1050)                    # written into the past: no match
    assert not lsapic.timer_tick(1200)
    lsapic.write_cr(1, 1500)
    assert lsapic.next_timer_itc(1200) == 1500
    assert lsapic.timer_tick(1700)              # passed between two polls
    assert irr(lsapic)[3] >> (0xEF - 192) & 1


def test_timer_masked_and_wrap(lsapic):
    lsapic.write_cr(72, 1 << 16 | 0xE0)
    lsapic.write_cr(1, 50)
    lsapic.timer_tick(0)
    assert lsapic.next_timer_itc(0) is None
    assert not lsapic.timer_tick(100)           # match consumed, nothing pended
    assert irr(lsapic) == [0, 0, 0, 0]
    lsapic.write_cr(72, 0xE0)
    lsapic.write_cr(1, 5)
    lsapic.timer_tick(M64 - 10)
    assert lsapic.next_timer_itc(M64 - 10) == 5
    assert lsapic.timer_tick(20)                # crossed ITM through the wrap
    assert irr(lsapic)[3] == 1 << (0xE0 - 192)


def test_timer_itm_written_behind_itc_does_not_match():
    m = Machine()
    now = [100]
    ls = LSAPIC(m.state, itc=lambda: now[0])
    ls.write_cr(66, 0)
    ls.write_cr(72, 0xE2)
    ls.timer_tick(100)
    now[0] = 150
    ls.write_cr(1, 120)                         # already passed when written
    assert ls.next_timer_itc(150) is None
    assert not ls.timer_tick(200)
    now[0] = 210
    ls.write_cr(1, 260)
    assert ls.next_timer_itc(210) == 260
    assert ls.timer_tick(260)


def test_timer_first_tick_and_due(lsapic):
    lsapic.write_cr(72, 0xE1)
    lsapic.write_cr(1, 300)
    assert lsapic.next_timer_itc(300) == 300    # never polled: due at this very ITC
    assert lsapic.timer_tick(300)
    assert lsapic.next_timer_itc(300) is None


# ====================================================================== UART
def make_uart(inp=None):
    out = []
    return UART8250(out.append, inp), out


def test_uart_transmit_and_line_status():
    u, out = make_uart()
    assert u.read(5, 1) & 0x60 == 0x60          # THRE | TEMT
    assert not u.read(5, 1) & 1                 # no data
    for ch in b"ok\r\n":
        u.write(0, 1, ch)
    assert b"".join(out) == b"ok\r\n"


def test_uart_divisor_latch_and_plain_registers():
    u, out = make_uart()
    u.write(3, 1, 0x83)                         # DLAB, 8N1
    u.write(0, 1, 0x01)
    u.write(1, 1, 0x00)
    assert (u.read(0, 1), u.read(1, 1), u.read(3, 1)) == (1, 0, 0x83)
    assert out == []                            # DLL write is not a transmit
    u.write(3, 1, 0x03)
    u.write(1, 1, 0xFF)
    assert u.read(1, 1) == 0x0F                 # IER: 4 bits
    u.write(7, 1, 0x5A)
    assert u.read(7, 1) == 0x5A                 # scratch
    u.write(4, 1, 0xFF)
    assert u.read(4, 1) == 0x1F
    assert u.read(0x10, 1) == 0                 # outside the registers


def test_uart_fifo_identifies_as_16550a():
    u, _ = make_uart()
    assert u.read(2, 1) == 0x01                 # no interrupt, no FIFO
    u.write(2, 1, 0x07)
    assert u.read(2, 1) == 0xC1


def test_uart_receive_from_bytes_and_callable():
    u, _ = make_uart(b"hi")
    assert u.read(5, 1) & 1
    assert u.read(0, 1) == ord("h")
    assert u.read(0, 1) == ord("i")
    assert not u.read(5, 1) & 1
    assert u.read(0, 1) == 0
    chunks = [b"", b"xy"]
    u2, _ = make_uart(lambda: chunks.pop(0) if chunks else b"")
    assert not u2.read(5, 1) & 1
    assert u2.read(5, 1) & 1
    assert bytes([u2.read(0, 1), u2.read(0, 1)]) == b"xy"
    u2.feed(b"z")
    assert u2.read(0, 1) == ord("z")


def test_uart_interrupts():
    u, _ = make_uart()
    assert not u.irq_pending()
    u.write(1, 1, 0x02)                         # enable THRE interrupt: THR is empty
    assert u.irq_pending()
    assert u.read(2, 1) == 0x02                 # reading IIR acknowledges THRE
    assert not u.irq_pending()
    u.write(0, 1, ord("a"))
    assert u.read(2, 1) == 0x02
    u.write(1, 1, 0x03)
    u.feed(b"q")
    assert u.read(2, 1) == 0x04                 # received data outranks THRE
    u.read(0, 1)
    assert u.read(2, 1) == 0x01


def test_uart_loopback_and_modem_status():
    u, out = make_uart()
    assert u.read(6, 1) & 0xB0 == 0xB0          # CTS, DSR, DCD
    u.write(4, 1, 0x10 | 0x0A)                  # loop, RTS, OUT2
    assert u.read(6, 1) & 0xF0 == 0x90          # CTS, DCD
    u.write(0, 1, 0x55)
    assert out == []
    assert u.read(5, 1) & 1 and u.read(0, 1) == 0x55
    u.write(0, 1, 1)
    u.write(0, 1, 2)                            # no FIFO: the second byte overruns
    assert u.read(5, 1) & 0x02
    assert not u.read(5, 1) & 0x02              # OE clears on read
    assert u.read(0, 1) == 1


# ====================================================================== firmware
RET = fw.FIRMWARE_BASE + 0x8000                 # a return address inside the area


def fw_machine(report=None, **kw):
    m = Machine()
    m.mem_map(fw.FIRMWARE_BASE, fw.FIRMWARE_SIZE)
    f = fw.Firmware(report or (lambda msg: None), **kw)
    m.mem_write(fw.FIRMWARE_BASE, f.image(64 << 20, b"console=ttyS0"))
    m.mem_write(RET, bytes.fromhex("01000000010000000002000000000400"))  # { nop.m; nop.i; nop.i ;; }
    m.mem_map(0x100000, 0x10000)
    m.firmware = f
    m.add_fault_handler(_serve)
    return m


def _serve(m, f):
    if f.code != faults.BREAK or not m.firmware.on_break(m, f.arg):
        return False
    ip, ri = m.reg_read("ip"), m.reg_read("ri")
    last = 1 if TEMPLATES[m.mem.load(ip, 1) & 0x1F].name == "MLX" else 2
    if ri >= last:
        m.reg_write("ip", ip + 16)
        m.reg_write("ri", 0)
    else:
        m.reg_write("ri", ri + 1)
    return True


def pal_static(m, idx, a1=0, a2=0, a3=0):
    for r, v in zip((28, 29, 30, 31), (idx, a1, a2, a3)):
        m.reg_write(f"r{r}", v)
    m.reg_write("b0", RET)
    m.reg_write("cfm", 5)
    m.run(fw.PAL_PROC, until=RET)
    assert m.reg_read("cfm") == 5               # static call: frame untouched
    return tuple([s64(m.reg_read("r8"))] + [m.reg_read(f"r{r}") for r in (9, 10, 11)])


def c_call(m, entry, *args):
    """A C call as br.call leaves it: args in r32.., ar.pfs = caller's frame."""
    m.reg_write("ar.pfs", 3)                    # caller: sof 3
    m.reg_write("cfm", 8)
    for k, a in enumerate(args):
        m.reg_write(f"r{32 + k}", a & M64)
    m.reg_write("b0", RET)
    m.run(entry, until=RET)
    assert m.reg_read("cfm") & 0x7F == 3        # br.ret restored the caller's frame
    return tuple([s64(m.reg_read("r8"))] + [m.reg_read(f"r{r}") for r in (9, 10, 11)])


def test_firmware_code_matches_its_source(gas, tmp_path):
    import os
    src = os.path.join(os.path.dirname(fw.__file__), "firmware.s")
    obj = tmp_path / "fw.o"
    subprocess.run([gas, "-o", str(obj), src], check=True)
    binary = tmp_path / "fw.bin"
    subprocess.run([gas.replace("-as", "-objcopy"), "-O", "binary", "-j", ".text", str(obj),
                    str(binary)], check=True)
    assert binary.read_bytes() == fw.FIRMWARE_CODE


def test_pal_vm_and_cache_values():
    m = fw_machine()
    st, info1, info2, _ = pal_static(m, fw.PAL_VM_SUMMARY)
    assert st == 0
    assert info1 & 1 == 1                                   # VHPT walker
    assert (info1 >> 1 & 0x7F, info1 >> 8 & 0xFF, info1 >> 16 & 0xFF) == (50, 24, 15)
    assert (info1 >> 32 & 0xFF, info1 >> 40 & 0xFF) == (7, 7)   # 8 DTRs, 8 ITRs
    assert (info1 >> 48 & 0xFF, info1 >> 56 & 0xFF) == (2, 1)
    assert (info2 & 0xFF, info2 >> 8 & 0xFF) == (50, 24)
    sizes = sum(1 << s for s in (12, 13, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32))
    assert pal_static(m, fw.PAL_VM_PAGE_SIZE) == (0, sizes, sizes, 0)
    st, tc, pages, _ = pal_static(m, fw.PAL_VM_INFO, 0, 2)
    assert (st, tc & 0xFF, tc >> 8 & 0xFF, tc >> 16 & 0xFFFF, pages) == (0, 1, 128, 128, sizes)
    assert pal_static(m, fw.PAL_VM_INFO, 1, 2)[0] == -2
    assert pal_static(m, fw.PAL_VM_INFO, 0, 3)[0] == -2
    assert pal_static(m, fw.PAL_PTCE_INFO) == (0, 0, 1 | 1 << 32, 0)
    assert pal_static(m, fw.PAL_CACHE_SUMMARY) == (0, 3, 4, 0)
    st, c1, c2, _ = pal_static(m, fw.PAL_CACHE_INFO, 0, 1)   # L1I
    assert (st, c1 & 1, c1 >> 8 & 0xFF, c1 >> 16 & 0xFF, c2 & 0xFFFFFFFF) == (0, 0, 4, 6, 16384)
    st, c1, c2, _ = pal_static(m, fw.PAL_CACHE_INFO, 2, 2)   # L3 unified
    assert (c1 & 1, c1 >> 8 & 0xFF, c1 >> 16 & 0xFF, c2 & 0xFFFFFFFF) == (1, 12, 7, 3 << 20)
    assert pal_static(m, fw.PAL_CACHE_INFO, 3, 1)[0] == -2
    assert pal_static(m, fw.PAL_CACHE_FLUSH, 3, 0, 0) == (0, 0, 0, 0)


def test_pal_frequency_processor_and_misc():
    m = fw_machine()
    st, cpu, bus, itc = pal_static(m, fw.PAL_FREQ_RATIOS)
    assert (st, cpu, bus, itc) == (0, 4 << 32 | 1, 1 << 32 | 1, 4 << 32 | 1)
    assert pal_static(m, fw.PAL_FREQ_BASE)[:2] == (0, 100_000_000)
    # ITC frequency a kernel computes: platform base x itc ratio = 400 MHz
    assert 100_000_000 * (itc >> 32) // (itc & 0xFFFFFFFF) == 400_000_000
    assert pal_static(m, fw.PAL_RSE_INFO)[:2] == (0, 96)
    assert pal_static(m, fw.PAL_DEBUG_INFO)[:3] == (0, 8, 8)
    assert pal_static(m, fw.PAL_PROC_GET_FEATURES, 0, 0) == (0, 0, 0, 0)
    assert pal_static(m, fw.PAL_PROC_GET_FEATURES, 0, 1)[0] == -2
    assert pal_static(m, fw.PAL_PROC_SET_FEATURES, 0)[0] == 0
    assert pal_static(m, fw.PAL_PROC_SET_FEATURES, 1)[0] == -2
    assert pal_static(m, fw.PAL_VERSION) == (0, fw.PAL_VERSION_VALUE, fw.PAL_VERSION_VALUE, 0)
    assert pal_static(m, fw.PAL_MEM_ATTRIB)[:2] == (0, 0xF1)
    assert pal_static(m, fw.PAL_FIXED_ADDR)[:2] == (0, 0)
    assert pal_static(m, fw.PAL_LOGICAL_TO_PHYSICAL)[0] == -1
    st, ars, ars_hi, _ = pal_static(m, fw.PAL_REGISTER_INFO, 0)
    assert st == 0 and ars & 0xFF == 0xFF and ars >> 44 & 1 and ars_hi & 1   # kr0-7, itc, pfs
    st, crs, crs_hi, _ = pal_static(m, fw.PAL_REGISTER_INFO, 2)
    assert crs == sum(1 << n for n in (0, 1, 2, 8, 16, 17, 19, 20, 21, 22, 23, 24, 25))
    assert crs_hi == 0x7FF | 3 << 16                    # lid..cmcv (64-74), lrr0/1 (80, 81)
    assert pal_static(m, fw.PAL_REGISTER_INFO, 3)[1:3] == (0, 1 << 1)    # cr.ivr (65)
    assert pal_static(m, fw.PAL_REGISTER_INFO, 9)[0] == -2


def test_pal_perf_mon_info_writes_buffer():
    m = fw_machine()
    st, info, _, _ = pal_static(m, fw.PAL_PERF_MON_INFO, 0x100000)
    assert st == 0 and (info & 0xFF, info >> 8 & 0xFF) == (4, 47)
    buf = m.mem_read(0x100000, 128)
    assert int.from_bytes(buf[:32], "little") == 0xFFFF
    assert int.from_bytes(buf[32:64], "little") == 0x3FFFF
    assert pal_static(m, fw.PAL_PERF_MON_INFO, 0x7770000)[0] == -2    # wild buffer


def test_pal_halt_light_and_halt_info_stacked():
    idle = []
    m = fw_machine(on_halt_light=idle.append)
    assert pal_static(m, fw.PAL_HALT_LIGHT) == (0, 0, 0, 0)
    assert idle == [m]
    # PAL_HALT_INFO is a stacked call (index 257): args in in1.., return with br.ret
    m.reg_write("r28", fw.PAL_HALT_INFO)
    st = c_call(m, fw.PAL_PROC, fw.PAL_HALT_INFO, 0x100000)[0]
    assert st == 0
    light = struct.unpack("<Q", m.mem_read(0x100000, 8))[0]
    assert light >> 60 & 3 == 3 and light & 0xFFFF == 1


def test_unknown_pal_and_sal_calls_reported_once():
    msgs = []
    m = fw_machine(report=msgs.append)
    assert pal_static(m, 9)[0] == -1            # PAL_BUS_GET_FEATURES: not provided
    assert pal_static(m, 9)[0] == -1
    assert c_call(m, fw.SAL_PROC, 0x01000099)[0] == -1
    assert c_call(m, fw.SAL_PROC, 0x01000099)[0] == -1
    assert len(msgs) == 2 and "PAL" in msgs[0] and "SAL" in msgs[1]


def test_sal_calls():
    m = fw_machine()
    assert c_call(m, fw.SAL_PROC, fw.SAL_FREQ_BASE, 0)[:2] == (0, 100_000_000)
    assert c_call(m, fw.SAL_PROC, fw.SAL_FREQ_BASE, 1)[:2] == (0, 400_000_000)
    assert c_call(m, fw.SAL_PROC, fw.SAL_FREQ_BASE, 2)[:2] == (0, 1)
    assert c_call(m, fw.SAL_PROC, fw.SAL_FREQ_BASE, 7)[0] == -2
    assert c_call(m, fw.SAL_PROC, fw.SAL_SET_VECTORS, 1, 0x1000, 0x2000, 64)[0] == 0
    assert m.firmware.sal_vectors[1][:3] == (0x1000, 0x2000, 64)
    assert c_call(m, fw.SAL_PROC, fw.SAL_GET_STATE_INFO, 0, 0, 0x100000)[0] == -5
    assert c_call(m, fw.SAL_PROC, fw.SAL_GET_STATE_INFO_SIZE, 0)[:2] == (0, 4096)
    for idx in (fw.SAL_CLEAR_STATE_INFO, fw.SAL_MC_RENDEZ, fw.SAL_CACHE_INIT,
                fw.SAL_CACHE_FLUSH, fw.SAL_MC_SET_PARAMS):
        assert c_call(m, fw.SAL_PROC, idx, 1) == (0, 0, 0, 0)
    assert c_call(m, fw.SAL_PROC, fw.SAL_PCI_CONFIG_READ, 0, 4)[0] == -2
    assert c_call(m, fw.SAL_PROC, fw.SAL_PCI_CONFIG_WRITE, 0, 4, 1)[0] == -2


def test_efi_runtime_services():
    m = fw_machine(clock=lambda: 86400 * 365 + 3661.5)     # 1971-01-01 01:01:01.5
    get_time = fw.FIRMWARE_BASE + fw.EFI_STUBS_OFF
    assert c_call(m, get_time, 0x100000, 0x100100)[0] == 0
    year, mon, day, h, mi, s, _, ns = struct.unpack_from("<HBBBBBBI", m.mem_read(0x100000, 16))
    assert (year, mon, day, h, mi, s, ns) == (1971, 1, 1, 1, 1, 1, 500_000_000)
    assert c_call(m, get_time, 0)[0] == s64(fw.EFI_INVALID_PARAMETER)
    set_vmap = fw.FIRMWARE_BASE + fw.EFI_STUBS_OFF + 16 * 4
    assert c_call(m, set_vmap, 0, 40, 1, 0)[0] == s64(fw.EFI_UNSUPPORTED)
    off = []
    m.poweroff = off.append
    reset = fw.FIRMWARE_BASE + fw.EFI_STUBS_OFF + 16 * 10
    c_call(m, reset, 0, 7)
    assert off == [7]


def test_firmware_break_elsewhere_is_not_served():
    m = fw_machine()
    m.reg_write("ip", fw.FIRMWARE_BASE + 0x20)             # not the PAL entry
    assert not m.firmware.on_break(m, fw.PAL_BREAK)
    m.reg_write("ip", 0xE000000000000000 | fw.FIRMWARE_BASE)   # PAL through region 7
    m.reg_write("r28", fw.PAL_RSE_INFO)
    assert m.firmware.on_break(m, fw.PAL_BREAK)
    assert m.reg_read("r9") == 96
    assert not m.firmware.on_break(m, 0x80105)


def test_tables_a_kernel_finds():
    f = fw.Firmware()
    area = f.image(256 << 20, b"root=/dev/sda")
    base = fw.FIRMWARE_BASE

    def q(off):
        return struct.unpack_from("<Q", area, off)[0]

    bp = fw.BOOT_PARAM - base
    cmdline, systab, memmap, mm_size, desc_size = struct.unpack_from("<5Q", area, bp)
    assert area[cmdline - base:cmdline - base + 14] == b"root=/dev/sda\0"
    assert struct.unpack_from("<I4H", area, bp + 40) == (1, 80, 25, 0, 24)
    assert q(systab - base) == fw.EFI_SYSTEM_TABLE_SIGNATURE
    assert area[q(systab - base + 24) - base:][:16] == "ia64jit\0".encode("utf-16-le")
    runtime, nr_tables, tables = q(systab - base + 88), q(systab - base + 104), q(systab - base + 112)
    assert q(runtime - base) == fw.EFI_RUNTIME_SERVICES_SIGNATURE
    fdesc = q(runtime - base + 24)                          # get_time: a function descriptor
    assert q(fdesc - base) == base + fw.EFI_STUBS_OFF
    assert nr_tables == 1
    assert area[tables - base:tables - base + 16] == fw.SAL_SYSTEM_TABLE_GUID
    sal = q(tables - base + 16) - base
    assert area[sal:sal + 4] == b"SST_"
    size, = struct.unpack_from("<I", area, sal + 4)
    assert size == 144 and sum(area[sal:sal + size]) & 0xFF == 0
    assert struct.unpack_from("<H", area, sal + 10)[0] == 1                 # one entry
    assert area[sal + 96] == 0                                              # entry point
    assert struct.unpack_from("<QQ", area, sal + 104) == (fw.PAL_PROC, fw.SAL_PROC)
    assert (mm_size, desc_size) == (4 * 40, 40)
    descs = [struct.unpack_from("<IIQQQQ", area, memmap - base + 40 * k) for k in range(4)]
    assert descs[0] == (7, 0, 0, 0, (256 << 20) >> 12, 0x8)
    assert descs[1][0] == 13 and descs[1][2] == base                        # PAL code
    assert descs[3][0] == 11 and descs[3][2] == UART_BASE


# ====================================================================== boot
KERNEL = r"""
	.text
	.global _start
_start:
	ld8 r9 = [r28]			// ia64_boot_param->command_line
	mov r15 = 31			// SSC_PUTCHAR
	;;
	ld1 r32 = [r9]
	;;
	break.i 0x80001
	movl r2 = 0x200000		// the data segment, physically
	;;
	ld8 r32 = [r2]
	mov r15 = 66			// SSC_EXIT
	;;
	break.m 0x80001
	;;
	.data
answer:	data8 42
	.bss
zeros:	.skip 64
"""

LDS = """
ENTRY(_start)
SECTIONS {
  . = 0xa000000000100000;
  .text : AT(0x100000) { *(.text) }
  . = 0xa000000000200000;
  .data : AT(0x200000) { *(.data) *(.bss) }
}
"""


@pytest.fixture
def kernel(gas, gld, tmp_path):
    (tmp_path / "k.s").write_text(KERNEL)
    (tmp_path / "k.lds").write_text(LDS)
    subprocess.run([gas, "-o", str(tmp_path / "k.o"), str(tmp_path / "k.s")], check=True)
    subprocess.run([gld, "-T", str(tmp_path / "k.lds"), "-o", str(tmp_path / "k"),
                    str(tmp_path / "k.o")], check=True)
    return str(tmp_path / "k")


def test_boot_state_and_run(kernel):
    m = Machine()
    out = []
    plat = boot(m, kernel, ["xyz", "quiet"], mem_size=16 << 20, console_out=out.append)
    assert m.mem_read(0x100000, 16) != bytes(16)                 # text at its p_paddr
    assert struct.unpack("<Q", m.mem_read(0x200000, 8))[0] == 42
    assert m.reg_read("ip") == 0x100000                          # virtual e_entry -> physical
    assert (m.reg_read("ri"), m.reg_read("psr"), m.reg_read("cfm")) == (0, 0, 96)
    assert m.reg_read("r28") == fw.BOOT_PARAM
    for r in ("ar.rsc", "ar.bsp", "ar.bspstore", "r12"):
        assert m.reg_read(r) == 0
    assert m.reg_read("ar.k0") == 0xFFFFC000000
    cmd = struct.unpack("<Q", m.mem_read(fw.BOOT_PARAM, 8))[0]
    assert m.mem_read(cmd, 10) == b"xyz quiet\0"
    assert m.mem_read(fw.FIRMWARE_BASE, len(fw.FIRMWARE_CODE)) == fw.FIRMWARE_CODE
    assert m.lsapic is plat.lsapic and m.platform is plat

    codes = []
    m.poweroff = lambda st: (codes.append(st), m.halt())

    def serve(mach, f):
        if f.code != faults.BREAK or not plat.on_break(mach, f.arg):
            return False
        ip, ri = mach.reg_read("ip"), mach.reg_read("ri")
        if ri == 2:
            mach.reg_write("ip", ip + 16)
            mach.reg_write("ri", 0)
        else:
            mach.reg_write("ri", ri + 1)
        return True

    m.add_fault_handler(serve)
    m.run(count=100)
    assert b"".join(out) == b"x"
    assert codes == [42]


def test_boot_unknown_ssc_reported_once(kernel):
    m = Machine()
    msgs = []
    plat = boot(m, kernel, mem_size=16 << 20, console_out=lambda b: None, report=msgs.append)
    m.reg_write("r15", 4242)
    assert plat.on_break(m, 0x80001) and plat.on_break(m, 0x80000)
    assert m.reg_read("r8") == M64
    assert msgs == ["unknown SSC call 4242: returned -1"]
    assert not plat.on_break(m, 0x100000)       # a Linux syscall break is not the platform's


def test_boot_errors(kernel, tmp_path):
    with pytest.raises(BootError, match="outside RAM"):
        boot(Machine(), kernel, mem_size=1 << 20)
    with pytest.raises(BootError, match="memory size"):
        boot(Machine(), kernel, mem_size=0x1234)
    with pytest.raises(BootError, match="memory size"):
        boot(Machine(), kernel, mem_size=fw.FIRMWARE_BASE + 0x1000)
    with pytest.raises(BootError):
        boot(Machine(), str(tmp_path / "missing"))
    (tmp_path / "text").write_bytes(b"not an elf")
    with pytest.raises(BootError):
        boot(Machine(), str(tmp_path / "text"))


def test_boot_initrd(kernel, tmp_path):
    rd = tmp_path / "initrd"
    rd.write_bytes(b"INITRD" * 10)
    m = Machine()
    boot(m, kernel, mem_size=16 << 20, console_out=lambda b: None, initrd=str(rd))
    start, size = struct.unpack("<QQ", m.mem_read(fw.BOOT_PARAM + 64, 16))
    assert size == 60 and start % 4096 == 0 and start >= 0x200000
    assert m.mem_read(start, 6) == b"INITRD"


def test_platform_poll_timer_and_uart_line(kernel):
    m = Machine()
    plat = boot(m, kernel, mem_size=16 << 20, console_out=lambda b: None)
    plat.uart_vector = 0x31
    ls = plat.lsapic
    ls.write_cr(66, 0)
    ls.write_cr(72, 0xEF)
    ls.write_cr(1, 500)
    assert not plat.poll(100)
    assert plat.next_event_itc(100) == 500
    assert plat.poll(600)
    assert ls.pending(PSR_I) == 0xEF
    plat.uart.write(1, 1, 0x01)             # receive interrupt enabled
    plat.uart.feed(b"k")
    assert plat.poll(700)
    assert ls.read_ivr() == 0xEF and ls.read_ivr() == 15     # 0x31 below 0xEF in service
    ls.write_eoi()
    assert ls.read_ivr() == 0x31


def test_halt_light_uses_machine_idle(kernel):
    m = Machine()
    plat = boot(m, kernel, mem_size=16 << 20, console_out=lambda b: None)
    idled = []
    m.idle = lambda: idled.append(1)
    m.reg_write("r15", 19)                  # SSC_HALT_LIGHT
    assert plat.on_break(m, 0x80001)
    assert idled == [1]


def test_boot_on_a_system_machine(kernel):
    m = Machine(system=True)
    out = []
    plat = boot(m, kernel, ["sys"], mem_size=16 << 20, console_out=out.append)
    assert m.mem_read(0x200000, 8) == struct.pack("<Q", 42)     # physical memory
    assert m.platform is plat               # the machine serves platform breaks itself
    m.run(count=100)
    assert b"".join(out) == b"s"
    assert m.exit_status == 42


def test_console_input_shared_by_uart_and_ssc(kernel):
    m = Machine()
    plat = boot(m, kernel, mem_size=16 << 20, console_out=lambda b: None, console_in=b"ab")
    m.reg_write("r15", 21)                  # SSC_GETCHAR
    plat.on_break(m, 0x80001)
    assert m.reg_read("r8") == ord("a")
    plat.on_break(m, 0x80001)
    assert m.reg_read("r8") == ord("b")
    assert not plat.uart.read(5, 1) & 1     # nothing left for the UART
