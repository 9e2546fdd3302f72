// VHPT Translation fault (vector 0x0000, SDM vol. 2): the walker is on but
// its own reference (the VHPT entry's address, in region 2) has no
// translation.  IFA = the original data address, IHA = the VHPT address,
// ITIR = {rr2.ps, rr2.rid}, ISR.r (the original access), ei = 0.
// expect: nrec=1 rec0.vec=0x0 rec0.ifa=0x4000000000012340 rec0.itir=0x22240
// expect: rec0.iha=0x4000000000800008 rec0.isr&0xfffff7ffffffffff=0x400000000
// expect: rec0.iip=@ld1 r9=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR_VE 0x4000000000000000, 0x222, 16
	SET_PTA	VHPT | (15 << 2) | 1
	movl r14 = 0x4000000000012340
	mov r9 = 0
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
