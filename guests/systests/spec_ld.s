// Speculative loads and TLB misses (SDM vol. 2 5.5.5, deferral; cr.dcr.dm):
//  rec0: ld8.s of an unmapped region-2 address with dcr.dm = 0: the miss is
//        not deferred -> Alternate Data TLB fault with ISR.sp = 1, ISR.r,
//        IFA.  Skipped (r9 unchanged).
//  then dcr.dm = 1: the same ld8.s defers: no interruption, r10 is a NaT.
// ISR.ed is not compared (no TLB entry to take it from).
// expect: nrec=1 rec0.vec=0x1000 rec0.isr&0xfffff7ffffffffff=0x1400000000
// expect: rec0.ifa=0x4000000000012340 rec0.iip=@ls r9=0x99 r9.nat=0 r10.nat=1
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	movl r14 = 0x4000000000012340
	mov r9 = 0x99
	mov r10 = 0
	mov cr.dcr = r0
	;;
	GO_VIRTUAL kern
kern:
ls:
	{ .mmi
	  ld8.s r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	mov r2 = 1 << 8			// dcr.dm
	;;
	mov cr.dcr = r2
	;;
	srlz.d
	;;
	ld8.s r10 = [r14]
	;;
	END_TEST
