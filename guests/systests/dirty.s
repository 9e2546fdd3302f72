// Dirty Bit fault (vector 0x2000, SDM vol. 2): a store to a page whose
// translation has d = 0 (dtr 2, ar = RW).  IFA, ISR.w, ei = 1.  A load from
// the page before it is fine (r9); the store writes nothing.
// expect: nrec=1 rec0.vec=0x2000 rec0.ifa=0x4000000000012340
// expect: rec0.isr&0xfffff7ffffffffff=0x20200000000 rec0.iip=@st1
// expect: r9=0x5a5a @datapage2340=0x5a5a
	.include "ivt.inc"
	.global _start
datapage2340 = DATAPAGE + 0x2340
_start:
	SYSTEST_INIT
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_A | PTE_AR_RW | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	GO_VIRTUAL kern
kern:
	ld8 r9 = [r14]
	;;
st1:
	{ .mmi
	  nop.m 0
	  st8 [r14] = r0
	  nop.i 0
	  ;;
	}
	END_TEST
