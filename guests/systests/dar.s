// Data Access Rights fault (vector 0x5300, SDM vol. 2 4.1.? "access rights",
// table 4-3):
//  rec0: st8 at cpl 0 to a read-only page (dtr 2: ar = 0 (R), pl 0): ISR.w,
//        IFA.  Skipped; a load from it works (r9).
//  rec1: a user (cpl 3) load from a kernel page (the region-0 identity map,
//        pl 0): ISR.r, IFA, ipsr.cpl = 3.
// expect: nrec=2 rec0.vec=0x5300 rec0.ifa=0x4000000000012340
// expect: rec0.isr&0xfffff7ffffffffff=0x20200000000 rec0.iip=@st1
// expect: rec1.vec=0x5300 rec1.ifa=@kword rec1.isr&0xfffff7ffffffffff=0x400000000
// expect: rec1.ipsr&0x300000000=0x300000000 r9=0x5a5a r10=0 @kword=0x4b4b
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	MAP_KERNEL
	MAP_USER_ALIAS
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_R | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	movl r15 = kword
	mov r10 = 0
	GO_VIRTUAL kern
kern:
st1:
	{ .mmi
	  nop.m 0
	  st8 [r14] = r0
	  nop.i 0
	  ;;
	}
	ld8 r9 = [r14]
	;;
	GO_USER	user
user:
	ld8 r10 = [r15]			// kernel page at cpl 3
	;;
	break.i 0x99
	;;

	.data
	.align 8
kword:
	data8 0x4b4b
