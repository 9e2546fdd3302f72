// Unaligned Data Reference fault (vector 0x5a00, SDM vol. 2) with psr.ac = 1:
// IFA = the data address, ISR.r (load) / ISR.w (store), ei = the slot.
// ISR.ed is not compared (physical addressing: no TLB entry to take it from).
//  rec0: ld8 r9 = [0x310001] (slot 0)    rec1: st4 [0x310006] = r9 (slot 1)
// Both are skipped: the load does not write r9, the store writes nothing;
// an aligned ld8 with psr.ac = 1 does not fault (r10).
// expect: nrec=2 rec0.vec=0x5a00 rec0.isr&0xfffff7ffffffffff=0x400000000
// expect: rec0.ifa=0x310001 rec0.iip=@u1
// expect: rec1.vec=0x5a00 rec1.isr&0xfffff7ffffffffff=0x20200000000
// expect: rec1.ifa=0x310006 rec1.iip=@u2
// expect: r9=0x55 r10=0x0807060504030201 @word=0x0807060504030201
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	IC_ON
	sum PSR_AC
	movl r14 = word + 1
	movl r15 = word + 6
	mov r9 = 0x55
	;;
u1:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
u2:
	{ .mmi
	  nop.m 0
	  st4 [r15] = r9
	  nop.i 0
	  ;;
	}
	movl r14 = word
	;;
	ld8 r10 = [r14]
	;;
	END_TEST

	.data
	.align 8
word:
	data8 0x0807060504030201
