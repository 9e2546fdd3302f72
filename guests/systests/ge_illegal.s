// General Exception vector (0x5400), Illegal Operation fault: ISR.code = 0
// (code{7:4} = 0, SDM vol. 2 "General Exception vector").
//  rec0: mov from an interruption CR (cr.iip) with psr.ic = 1 (SDM vol. 2
//        3.3.5: interruption CRs are accessible only with psr.ic = 0).
//  rec1: a bundle with a reserved template (0x06): Illegal Operation fault
//        on its slot 0.
// expect: nrec=2 rec0.vec=0x5400 rec0.isr=0x20000000000 rec0.iip=@bad1
// expect: rec0.ipsr=0x20000002000 r9=0
// expect: rec1.vec=0x5400 rec1.isr&0x6800000ffff=0 rec1.iip=@bad2 rec1.ipsr=0x2000
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	mov r9 = 0
	IC_ON
bad1:
	{ .mmi
	  nop.m 0
	  mov r9 = cr.iip
	  nop.i 0
	  ;;
	}
bad2:
	data8 0x0000000000000006, 0
	END_TEST
