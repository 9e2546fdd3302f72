// Page Not Present faults (vector 0x5000, SDM vol. 2): translations with
// p = 0 (inserted with itr; the other fields are then ignored).
//  rec0: ld8 through dtr 2 (p = 0): IFA, ISR.r.  Skipped.
//  rec1: a branch into itr 2 (p = 0) at region 3: IFA = IIP, ISR.x.
// expect: nrec=2 rec0.vec=0x5000 rec0.ifa=0x4000000000012340
// expect: rec0.isr&0xfffff7ffffffffff=0x400000000 rec0.iip=@ld1
// expect: rec1.vec=0x5000 rec1.ifa=0x6000000000020010 rec1.iip=0x6000000000020010
// expect: rec1.isr=0x100000000 r9=0x99 r8=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	SET_RR	0x6000000000000000, 0x333, 16
	ITR	d, 2, 0x4000000000010000, PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, 16 << 2
	ITR	i, 2, 0x6000000000020000, PTE_A | PTE_D | PTE_AR_RX | FARCODE, 16 << 2
	movl r14 = 0x4000000000012340
	mov r9 = 0x99
	mov r8 = 0
	GO_VIRTUAL kern
kern:
ld1:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	JUMP	0x6000000000020010

	.section .far, "ax"
	.skip 16
far:
	mov r8 = 0x77
	JUMP	done
