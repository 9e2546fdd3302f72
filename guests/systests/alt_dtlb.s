// Alternate Data TLB fault (vector 0x1000, SDM vol. 2): psr.dt = 1, the
// region's VHPT walker off (rr2.ve = 0), no TC/TR entry.  IFA = the address,
// ITIR = {ps = rr2.ps, key = rr2.rid} (the defaults for the handler's itc),
// ISR.r, ei = the slot (0).  The hook inserts the page with itc.d (IFA and
// ITIR as delivered) and rfi retries the load, which now hits.
// ISR.ed is not compared (its value for a miss is the TLB entry's, which
// does not exist).  The handler's PSR keeps it and dt, ic = i = 0 (rec0.psr:
// mov from psr shows bits 36:35 and 31:0).  IPSR.bn is checked by bsw.s, not here.
// expect: nrec=1 rec0.vec=0x1000 rec0.ifa=0x4000000000012340 rec0.itir=0x22240
// expect: rec0.isr&0xfffff7ffffffffff=0x400000000 rec0.iip=@ld1
// expect: rec0.ipsr&0xffffefffffffffff=0x1000022000 r9=0x5a5a
// expect: rec0.psr=0x1000020000
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
	SET_RR	0x4000000000000000, 0x222, 16
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

hook:
	movl r20 = PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE
	;;
	itc.d r20
	;;
	rfi
	;;
