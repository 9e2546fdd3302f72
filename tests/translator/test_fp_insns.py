"""FP instructions on both engines: known results and engine agreement
(F1-F16, FP loads/stores, getf/setf, status fields, faults and traps)."""

import struct

import pytest

from ia64jit.difftest import DATA_BASE, assemble, diff_states, have_binutils, run_both
from translator import faults
from translator.semantics import fp as fp_semantics

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

BIAS = 0xFFFF
NATVAL = 0x1FFFE << 64
LINUX_FPSR = 0x0009804C0270033F


def fr(sig, se):
    return se << 64 | sig


def fd(x):
    """A double as a register value (what ldfd would give)."""
    bits = struct.unpack("<Q", struct.pack("<d", x))[0]
    s, e, f = bits >> 63, (bits >> 52) & 0x7FF, bits & ((1 << 52) - 1)
    if x == 0:
        return fr(0, s << 17)
    return fr(1 << 63 | f << 11, s << 17 | (e - 1023 + BIAS))


def run(src, regs=(), mem=None, fault=faults.BREAK):
    def setup(m):
        for k, v in dict(regs).items():
            m.reg_write(k, v)
        if mem:
            m.mem_write(DATA_BASE, mem)
    a, b = run_both(assemble(src + "\n\tbreak.i 0\n\t;;\n"), setup=setup)
    assert diff_states(a, b) == []
    assert a.last_fault is not None and a.last_fault[0] == fault, a.last_fault
    return a


def check(m, **want):
    for k, v in want.items():
        k = k.replace("_", ".")
        got = m.reg_read(k)
        assert got == v, f"{k} = {got:#x}, expected {v:#x}"


def test_fma_family():
    m = run("""
	fma.s0 f10=f8,f9,f7
	fms.s0 f11=f8,f9,f7
	fnma.s0 f12=f8,f9,f7
	fadd.s0 f13=f8,f7
	fsub.s0 f14=f8,f7
	fmpy.s0 f15=f8,f9
	fnmpy.s0 f16=f8,f9
	fnorm.s0 f17=f20
	fma.s.s0 f18=f30,f1,f0
	fma.d.s0 f19=f30,f1,f0
	fpma.s0 f24=f21,f22,f23
	fpms.s0 f25=f21,f22,f23
	fpnma.s0 f26=f21,f22,f23
	fpmpy.s0 f27=f21,f22
	fmpy.s0 f28=f7,f0
	fma.s0 f29=f7,f0,f31
	fnmpy.s0 f30=f8,f0
	;;
""", regs={"f8": fd(1.5), "f9": fd(2.0), "f7": fd(-0.25), "f20": fr(1 << 62, BIAS),
           "f30": fr(0xAAAAAAAAAAAAAAAB, BIAS - 2),
           "f21": fr(0x3FC00000C0000000, 0x1003E), "f22": fr(0x400000003F000000, 0x1003E),
           "f23": fr(0x3F8000003F800000, 0x1003E)})
    check(m, f10=fd(2.75), f11=fd(3.25), f12=fd(-3.25), f13=fd(1.25), f14=fd(1.75),
          f15=fd(3.0), f16=fd(-3.0), f17=fd(0.5),
          f18=fr(0xAAAAAB0000000000, BIAS - 2), f19=fr(0xAAAAAAAAAAAAA800, BIAS - 2),
          f24=fr(0x4080000000000000, 0x1003E), f25=fr(0x40000000C0000000, 0x1003E),
          f26=fr(0xC000000040000000, 0x1003E), f27=fr(0x40400000BF800000, 0x1003E),
          f28=fr(0, 1 << 17), f29=fr(0, 0), f30=fr(0, 1 << 17))  # f0 addend: no addition
    # sf0 flags (bits 13-18): inexact (fma.s of 1/3) and denormal (fnorm of an unnormal)
    assert (m.reg_read("ar.fpsr") >> 13) & 0x3F == 0x22


def test_xma_and_fselect():
    m = run("""
	xma.l f10=f8,f9,f7
	xma.h f11=f8,f9,f7
	xma.hu f12=f8,f9,f7
	xmpy.l f13=f8,f9
	fselect f14=f8,f9,f6
	;;
""", regs={"f8": fr(2 ** 64 - 1, 0x1003E), "f9": fr(3, 0x1003E), "f7": fr(5, 0x1003E),
           "f6": fr(0xFF00FF00FF00FF00, 0x1003E)})
    check(m, f10=fr(2, 0x1003E), f11=fr(0, 0x1003E), f12=fr(3, 0x1003E),
          f13=fr(2 ** 64 - 3, 0x1003E), f14=fr(0xFF00FF00FF00FF03, 0x1003E))


def test_merge_logic_mix():
    a = fr(0x8123456789ABCDEF, 1 << 17 | 0x12345)
    b = fr(0x7EDCBA9876543210, 0x0ABCD)
    m = run("""
	fmerge.s f10=f8,f9
	fmerge.ns f11=f8,f9
	fmerge.se f12=f8,f9
	fneg f13=f9
	fabs f14=f8
	fnegabs f15=f9
	mov f16=f8
	fand f17=f8,f9
	fandcm f18=f8,f9
	for f19=f8,f9
	fxor f20=f8,f9
	fmix.l f21=f8,f9
	fmix.r f22=f8,f9
	fmix.lr f23=f8,f9
	fsxt.l f24=f8,f9
	fsxt.r f25=f8,f9
	fswap f26=f8,f9
	fswap.nl f27=f8,f9
	fswap.nr f28=f8,f9
	fpmerge.s f29=f8,f9
	fpmerge.ns f30=f8,f9
	fpmerge.se f31=f8,f9
	;;
""", regs={"f8": a, "f9": b})
    I = 0x1003E
    check(m, f10=fr(0x7EDCBA9876543210, 1 << 17 | 0x0ABCD),
          f11=fr(0x7EDCBA9876543210, 0x0ABCD),
          f12=fr(0x7EDCBA9876543210, 1 << 17 | 0x12345),
          f13=fr(0x7EDCBA9876543210, 1 << 17 | 0x0ABCD),
          f14=fr(0x8123456789ABCDEF, 0x12345),
          f15=fr(0x7EDCBA9876543210, 1 << 17 | 0x0ABCD), f16=a,
          f17=fr(0x8123456789ABCDEF & 0x7EDCBA9876543210, I),
          f18=fr(0x8123456789ABCDEF & ~0x7EDCBA9876543210 & (2 ** 64 - 1), I),
          f19=fr(0x8123456789ABCDEF | 0x7EDCBA9876543210, I),
          f20=fr(0x8123456789ABCDEF ^ 0x7EDCBA9876543210, I),
          f21=fr(0x812345677EDCBA98, I), f22=fr(0x89ABCDEF76543210, I),
          f23=fr(0x8123456776543210, I), f24=fr(0xFFFFFFFF7EDCBA98, I),
          f25=fr(0xFFFFFFFF76543210, I), f26=fr(0x7654321081234567, I),
          f27=fr(0xF654321081234567, I), f28=fr(0x7654321001234567, I),
          f29=fr(0xFEDCBA98F6543210, I), f30=fr(0x7EDCBA9876543210, I),
          f31=fr(0x815CBA9889D43210, I))


def test_fpack_and_fcvt_xf():
    m = run("""
	fpack f10=f8,f9
	fcvt.xf f11=f6
	fcvt.xf f12=f7
	fcvt.xf f13=f0
	fcvt.xf f14=f5
	;;
""", regs={"f8": fd(1.0), "f9": fd(-2.0), "f6": fr(2 ** 64 - 5, 0x1003E),
           "f7": fr(1 << 63, 0x1003E), "f5": fr(12, 0x1003E)})
    check(m, f10=fr(0x3F800000C0000000, 0x1003E), f11=fd(-5.0),
          f12=fr(1 << 63, 1 << 17 | (BIAS + 63)), f13=fr(0, 0), f14=fd(12.0))


def test_fcmp_relations_unc_and_nans():
    qnan = fr(0xC000000000000000, 0x1FFFF)
    m = run("""
	fcmp.eq.s0 p1,p2=f8,f9
	fcmp.lt.s0 p3,p4=f8,f9
	fcmp.le.s0 p5,p6=f9,f8
	fcmp.unord.s0 p7,p8=f8,f9
	fcmp.eq.s0 p9,p10=f8,f7
	fcmp.unord.s0 p11,p12=f8,f7
	fcmp.lt.s0 p13,p14=f0,f6
	fcmp.eq.s0 p15,p16=f0,f6
	;;
	cmp.eq p20,p0=r0,r0
	cmp.ne p21,p0=r0,r0
	mov r8=ar.fpsr
	;;
	fclrf.s0
(p21)	fcmp.eq.unc.s0 p22,p23=f8,f8
(p20)	fcmp.lt.unc.s0 p24,p25=f8,f9
	;;
	mov r9=ar.fpsr
	;;
""", regs={"f8": fd(1.0), "f9": fd(2.0), "f7": qnan, "f6": fr(0, 1 << 17),
           "p22": 1, "p23": 1})
    check(m, p1=0, p2=1, p3=1, p4=0, p5=0, p6=1, p7=0, p8=1, p9=0, p10=1, p11=1, p12=0,
          p13=0, p14=1, p15=1, p16=0, p22=0, p23=0, p24=1, p25=0)
    assert (m.reg_read("r8") >> 13) & 0x3F == 0          # qnan eq/unord: no invalid
    m = run("""
	fcmp.lt.s0 p1,p2=f8,f7
	;;
	mov r8=ar.fpsr
	;;
""", regs={"f8": fd(1.0), "f7": qnan, "p1": 1, "p2": 1})
    check(m, p1=0, p2=1)
    assert (m.reg_read("r8") >> 13) & 0x3F == 1          # lt with a NaN: invalid


def test_fclass():
    m = run("""
	fclass.m p1,p2=f8,@pos|@norm
	fclass.m p3,p4=f8,@neg|@norm
	fclass.m p5,p6=f9,@qnan
	fclass.m p7,p8=f10,@nat
	fclass.m p9,p10=f11,@zero|@pos|@neg
	fclass.m p11,p12=f12,@unorm|@pos
	fclass.m p13,p14=f13,@inf|@neg
	fclass.m p15,p16=f14,@snan
	fclass.m.unc p17,p18=f8,@pos|@norm
	;;
""", regs={"f8": fd(3.0), "f9": fr(0xC000000000000000, 0x1FFFF), "f10": NATVAL,
           "f11": fr(0, 1 << 17), "f12": fr(1 << 62, BIAS), "f13": fr(1 << 63, 0x3FFFF),
           "f14": fr(0x8000000000000001, 0x1FFFF)})
    check(m, p1=1, p2=0, p3=0, p4=1, p5=1, p6=0, p7=1, p8=0, p9=1, p10=0, p11=1, p12=0,
          p13=1, p14=0, p15=1, p16=0, p17=1, p18=0)


def test_frcpa_frsqrta_and_parallel():
    m = run("""
	frcpa.s0 f10,p1=f8,f9
	frcpa.s0 f11,p2=f0,f0
	frsqrta.s0 f12,p3=f9
	fprcpa.s0 f13,p4=f20,f21
	fprsqrta.s0 f14,p5=f21
	;;
""", regs={"f8": fd(1.0), "f9": fd(4.0), "p2": 1,
           "f20": fr(0x3F8000003F800000, 0x1003E), "f21": fr(0x4080000040800000, 0x1003E)})
    check(m, f10=fr(0xFF80000000000000, BIAS - 3), p1=1,
          f11=fr(0xC000000000000000, 0x3FFFF), p2=0, p3=1, p4=1, p5=1)
    assert m.reg_read("f12") == fr(0xFF80000000000000, BIAS - 2)     # ~1/sqrt(4)
    # the parallel forms: the same approximations, as singles
    assert m.reg_read("f13") == fr(0x3E7F80003E7F8000, 0x1003E)
    assert m.reg_read("f14") == fr(0x3EFF80003EFF8000, 0x1003E)


def test_frcpa_with_false_predicate_clears_p2():
    m = run("""
	cmp.ne p5,p0=r0,r0
	;;
(p5)	frcpa.s0 f10,p6=f8,f9
(p5)	frsqrta.s0 f11,p7=f9
(p5)	fprcpa.s0 f12,p8=f8,f9
	;;
""", regs={"f8": fd(1.0), "f9": fd(4.0), "p6": 1, "p7": 1, "p8": 1, "f10": fd(7.0),
           "f11": fd(7.0), "f12": fd(7.0)})
    check(m, p6=0, p7=0, p8=0, f10=fd(7.0), f11=fd(7.0), f12=fd(7.0))


def test_minmax_and_parallel_compare_and_convert():
    m = run("""
	fmin.s0 f10=f8,f9
	fmax.s0 f11=f8,f9
	famin.s0 f12=f8,f9
	famax.s0 f13=f8,f9
	fpmin.s0 f14=f20,f21
	fpmax.s0 f15=f20,f21
	fpcmp.lt.s0 f16=f20,f21
	fpcmp.neq.s0 f17=f20,f21
	fpcvt.fx.trunc.s0 f18=f20
	fpcvt.fxu.s0 f19=f21
	fcvt.fx.s0 f22=f8
	fcvt.fx.trunc.s0 f23=f9
	fcvt.fxu.s0 f24=f9
	fcvt.fxu.trunc.s0 f25=f8
	;;
	mov r8=ar.fpsr
	;;
""", regs={"f8": fd(2.5), "f9": fd(-3.75),
           "f20": fr(0x3FC00000C0400000, 0x1003E),     # (1.5, -3.0)
           "f21": fr(0x4000000040400000, 0x1003E)})    # (2.0, 3.0)
    I = 0x1003E
    check(m, f10=fd(-3.75), f11=fd(2.5), f12=fd(2.5), f13=fd(-3.75),
          f14=fr(0x3FC00000C0400000, I), f15=fr(0x4000000040400000, I),
          f16=fr(0xFFFFFFFFFFFFFFFF, I), f17=fr(0xFFFFFFFFFFFFFFFF, I),
          f18=fr(0x00000001FFFFFFFD, I), f19=fr(0x0000000200000003, I),
          f22=fr(2, I), f23=fr(2 ** 64 - 3, I), f24=fr(1 << 63, I), f25=fr(2, I))
    assert (m.reg_read("r8") >> 13) & 0x3F == 0x21       # fcvt.fxu of -3.75: V; inexact: I


def test_natval_propagation_and_transfers():
    m = run("""
	fma.s0 f10=f8,f1,f9
	xma.l f11=f8,f1,f9
	fmerge.s f12=f9,f8
	fcmp.eq.s0 p1,p2=f8,f8
	getf.sig r8=f8
	getf.sig r9=f9
	getf.exp r10=f9
	getf.s r11=f9
	getf.d r14=f9
	setf.sig f13=r15
	setf.exp f14=r16
	setf.s f15=r17
	setf.d f16=r18
	setf.d f17=r19
	;;
""", regs={"f8": NATVAL, "f9": fd(-1.5), "p1": 1, "p2": 1, "r15": 77, "r16": 0x2FFFF,
           "r17": 0xC0000000, "r18": 0x3FF8000000000000, "r19": 5, "r19.nat": 1})
    check(m, f10=NATVAL, f11=NATVAL, f12=NATVAL, p1=0, p2=0, r8=0, r8_nat=1,
          r9=0xC000000000000000, r9_nat=0, r10=1 << 17 | BIAS, r11=0xBFC00000,
          r14=0xBFF8000000000000, f13=fr(77, 0x1003E), f14=fr(1 << 63, 0x2FFFF),
          f15=fd(-2.0), f16=fd(1.5), f17=NATVAL)


def test_loads_and_stores_all_formats():
    data = bytearray(0x400)
    struct.pack_into("<f", data, 0, -0.75)
    struct.pack_into("<d", data, 8, 6.25)
    struct.pack_into("<Q", data, 16, 0x1122334455667788)
    data[32:42] = (0xC000000000000000).to_bytes(8, "little") + (0xC000).to_bytes(2, "little")
    struct.pack_into("<ff", data, 48, 1.0, 2.0)
    struct.pack_into("<dd", data, 64, 3.0, -4.0)
    struct.pack_into("<QQ", data, 80, 5, 6)
    m = run("""
	mov r20=r1
	adds r21=8,r1
	adds r22=16,r1
	adds r23=32,r1
	adds r24=48,r1
	adds r25=64,r1
	adds r14=80,r1
	adds r26=0x100,r1
	adds r27=0x110,r1
	adds r28=0x120,r1
	adds r29=0x130,r1
	adds r30=0x140,r1
	adds r31=0x150,r1
	;;
	ldfs f10=[r20],4
	ldfd f11=[r21]
	ldf8 f12=[r22]
	ldfe f13=[r23]
	ldfps f14,f15=[r24]
	ldfpd f16,f17=[r25],16
	ldfp8 f20,f21=[r14]
	;;
	stfs [r26]=f10,4
	stfd [r27]=f11
	stf8 [r28]=f12
	stfe [r29]=f13
	stf.spill [r30]=f13
	stf.spill [r31]=f9
	;;
	ldf.fill f18=[r30]
	ldf.fill f22=[r31]
	ldfd f19=[r21],r15
	;;
""", mem=bytes(data), regs={"r15": 24, "f9": NATVAL})
    check(m, f10=fd(-0.75), f11=fd(6.25), f12=fr(0x1122334455667788, 0x1003E),
          f13=fr(0xC000000000000000, 1 << 17 | (0x4000 - 0x3FFF + BIAS)), f14=fd(1.0),
          f15=fd(2.0), f16=fd(3.0), f17=fd(-4.0), f20=fr(5, 0x1003E), f21=fr(6, 0x1003E),
          r20=DATA_BASE + 4, r25=DATA_BASE + 80, r26=DATA_BASE + 0x104, r21=DATA_BASE + 8 + 24,
          f18=fr(0xC000000000000000, 1 << 17 | (0x4000 - 0x3FFF + BIAS)), f19=fd(6.25),
          f22=NATVAL)
    out = m.mem_read(DATA_BASE + 0x100, 0x60)
    assert struct.unpack_from("<f", out, 0)[0] == -0.75
    assert struct.unpack_from("<d", out, 0x10)[0] == 6.25
    assert struct.unpack_from("<Q", out, 0x20)[0] == 0x1122334455667788
    assert out[0x30:0x3A] == data[32:42]
    assert out[0x40:0x50] == (0xC000000000000000).to_bytes(8, "little") + \
        (1 << 17 | (0x4000 - 0x3FFF + BIAS)).to_bytes(8, "little")
    assert out[0x50:0x60] == (0).to_bytes(8, "little") + (0x1FFFE).to_bytes(8, "little")


def test_spill_misaligned_faults():
    run("stf.spill [r8]=f2\n\t;;", regs={"r8": DATA_BASE + 8}, fault=faults.UNALIGNED_REFERENCE)


def test_speculative_fp_loads_defer_to_natval():
    m = run("""
	movl r20=0x7770000
	;;
	ldfd.s f10=[r20]
	ldfs.s f11=[r21]
	ldfd.s f12=[r1]
	;;
	getf.d r8=f10
	;;
""", regs={"r21": DATA_BASE, "r21.nat": 1, "f10": fd(1.0), "f11": fd(1.0)},
        mem=struct.pack("<d", 9.5))
    check(m, f10=NATVAL, f11=NATVAL, f12=fd(9.5), r8=0, r8_nat=1)


@pytest.mark.skipif(not fp_semantics.HAVE_ALAT, reason="needs translator/alat.py")
def test_advanced_and_check_loads():
    m = run("""
	ldfd.a f10=[r1]
	;;
	stfd [r1]=f20
	;;
	ldfd.c.clr f10=[r1]
	ldfd.a f11=[r1]
	;;
	ldfd.c.nc f11=[r22]
	;;
""", regs={"f20": fd(7.0), "r22": DATA_BASE + 8}, mem=struct.pack("<dd", 1.0, 2.0))
    # f10: the store invalidated the entry, the check reloads 7.0; f11 hits: kept
    check(m, f10=fd(7.0), f11=fd(7.0))


def test_fp_store_of_natval_faults():
    m = run("stfd [r1]=f8\n\t;;", regs={"f8": NATVAL}, fault=faults.NAT_CONSUMPTION)
    assert m.reg_read("ri") == 0


def test_invalid_fault_is_precise_when_enabled():
    fpsr = LINUX_FPSR & ~1                     # enable the invalid trap
    m = run("""
	mov ar.fpsr=r8
	;;
	fma.s0 f10=f8,f0,f9
	;;
""", regs={"r8": fpsr, "f8": fr(1 << 63, 0x1FFFF), "f9": fd(1.0), "f10": fd(5.0)},
        fault=faults.FP_FAULT)
    check(m, f10=fd(5.0))
    assert m.reg_read("ar.fpsr") == fpsr       # no flags on a fault


def test_inexact_trap_writes_result_then_traps():
    fpsr = LINUX_FPSR & ~0x20                  # enable the inexact trap
    m = run("""
	mov ar.fpsr=r8
	;;
	fma.s.s0 f10=f8,f9,f0
	;;
""", regs={"r8": fpsr, "f8": fr(0xAAAAAAAAAAAAAAAB, BIAS - 2), "f9": fd(1.0)},
        fault=faults.FP_TRAP)
    check(m, f10=fr(0xAAAAAB0000000000, BIAS - 2))
    # the status flags are updated before the trap (SDM vol. 1, 5.4.1.3)
    assert (m.reg_read("ar.fpsr") >> 13) & 0x3F == 0x20
    assert m.reg_read("ri") == 0 or m.reg_read("ip") >= 0x100000
    # sf1 has its traps disabled (td): the same operation just flags there
    run("""
	mov ar.fpsr=r8
	;;
	fma.s.s1 f10=f8,f9,f0
	;;
""", regs={"r8": fpsr, "f8": fr(0xAAAAAAAAAAAAAAAB, BIAS - 2), "f9": fd(1.0)})


def test_zero_divide_fault_from_frcpa():
    fpsr = LINUX_FPSR & ~4
    run("""
	mov ar.fpsr=r8
	;;
	frcpa.s0 f10,p6=f8,f0
	;;
""", regs={"r8": fpsr, "f8": fd(1.0)}, fault=faults.FP_FAULT)


def test_fsetc_fclrf_fchkf():
    m = run("""
	fsetc.s2 0x7f,0x30          // sf2 = sf0 | rc=3 (to zero)
	;;
	fma.s.s2 f10=f8,f9,f0       // 1/3 to single: inexact, rounded to zero in sf2
	fma.s.s0 f11=f8,f9,f0
	;;
	mov r8=ar.fpsr
	mov r9=0
	;;
	fchkf.s2 1f                 // sf2 has I but sf0 has too: and traps are off
	mov r9=1
	;;
1:	fclrf.s0
	;;
	fchkf.s2 2f                 // now sf2 has a flag sf0 lacks: branch
	mov r10=1
	;;
2:	mov r11=ar.fpsr
	;;
""", regs={"f8": fr(0xAAAAAAAAAAAAAAAB, BIAS - 2), "f9": fd(1.0), "f10": 0, "r10": 5},
        )
    fpsr = m.reg_read("r8")
    assert (fpsr >> (6 + 26)) & 0x7F == ((LINUX_FPSR >> 6) & 0x7F) | 0x30
    check(m, r9=1, r10=5)
    assert (m.reg_read("r11") >> 13) & 0x3F == 0
    assert (m.reg_read("r11") >> (6 + 26 + 7)) & 0x3F == 0x20
    check(m, f10=fr(0xAAAAAA0000000000, BIAS - 2), f11=fr(0xAAAAAB0000000000, BIAS - 2))


def test_write_to_f0_f1_is_illegal():
    run("fma.s0 f1=f8,f9,f0\n\t;;", regs={}, fault=faults.ILLEGAL_OPERATION)
    run("setf.sig f0=r8\n\t;;", regs={}, fault=faults.ILLEGAL_OPERATION)


def test_fsetc_reserved_values_fault():
    run("fsetc.s1 0x73,0x04\n\t;;", fault=faults.RESERVED_REGISTER)      # pc = 1
    run("fsetc.s0 0x3f,0x40\n\t;;", fault=faults.RESERVED_REGISTER)      # sf0.td
    m = run("fsetc.s1 0x7f,0x40\n\t;;")                                   # sf1.td is fine
    assert (m.reg_read("ar.fpsr") >> 19) & 0x7F == ((LINUX_FPSR >> 6) & 0x7F) | 0x40


def test_fr_writes_set_psr_mfl_mfh():
    m = run("""
	mov r8=psr.um
	;;
	fmerge.s f10=f1,f1
	;;
	mov r9=psr.um
	fma.s0 f40=f1,f1,f0
	;;
	mov r10=psr.um
	;;
""")
    check(m, r8=0, r9=0x10, r10=0x30)
    m = run("ldfs f40=[r1]\n\t;;\n\tmov r9=psr.um\n\t;;")
    check(m, r9=0x20)
    m = run("frcpa.s0 f9,p6=f1,f1\n\t;;\n\tmov r9=psr.um\n\t;;")
    check(m, r9=0x10)
