// NaT Page Consumption fault (NaT Consumption vector 0x5600, ISR.code =
// 0x20: code{7:4} = 2, SDM vol. 2): a non-speculative load from a page with
// ma = NaTPage (7).  IFA, ISR.r.  A speculative load (ld8.s) from it does
// not fault: it returns a NaT (r10) (SDM vol. 2 4.4.?, NaTPage attribute).
// expect: nrec=1 rec0.vec=0x5600 rec0.ifa=0x4000000000012340
// expect: rec0.isr&0xfffff7ffffffffff=0x400000020 rec0.iip=@ld1
// expect: r10.nat=1 r9=0x99
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_MA_NATPAGE | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	mov r9 = 0x99
	GO_VIRTUAL kern
kern:
	ld8.s r10 = [r14]
	;;
ld1:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST
