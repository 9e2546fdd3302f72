// Data TLB fault (vector 0x0800, SDM vol. 2): the VHPT walker is on (pta.ve,
// rr2.ve) but the short-format entry it reads is not present (p = 0).
// IFA = the address, ITIR = {rr2.ps, rr2.rid}, IHA = the entry's address:
// short format (SDM vol. 2 4.1.5.?, "VHPT hashing"): region bits of the
// address | (pta.base & ~mask) | ((va{50:0} >> rr.ps) << 3 & mask), mask =
// 2**pta.size - 1: 0x4000000000012340, ps 16, base 0x800000, size 15 ->
// 0x4000000000800008.  The table is mapped at region 2 by dtr 3 (so the
// walker's own reference hits).  The hook writes a present entry there and
// rfi retries: the walker finds it and the load completes.
// expect: nrec=1 rec0.vec=0x800 rec0.ifa=0x4000000000012340 rec0.itir=0x22240
// expect: rec0.iha=0x4000000000800008 rec0.isr&0xfffff7ffffffffff=0x400000000
// expect: rec0.iip=@ld1 r9=0x5a5a
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	MAP_KERNEL
	SET_RR_VE 0x4000000000000000, 0x222, 16
	ITR	d, 3, 0x4000000000800000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | VHPT, 20 << 2
	SET_PTA	VHPT | (15 << 2) | 1
	movl r14 = 0x4000000000012340
	GO_VIRTUAL kern
kern:
ld1:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST

hook:					// psr.dt = 0: write the entry physically
	movl r20 = PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE
	movl r21 = VHPT + 8
	;;
	st8 [r21] = r20
	;;
	rfi
	;;
