// Translation registers: itr.d / itr.i insert, ptr.d / ptr.i purge
// (SDM vol. 2 4.1.1.1, and the instruction pages).
//   tpa through dtr 4 hits (r9); ptr.d of the page; tpa misses -> Alternate
//   Data TLB fault (rec0, ISR.na, code 0; skipped: r8 keeps 0xdead).
//   A branch into FARCODE mapped by itr 2 at region 3 runs it (r11 = 1);
//   ptr.i of that page; the same branch misses -> Alternate Instruction TLB
//   fault (rec1: IFA = IIP = the bundle, ISR.x).
// expect: r9=0x342340 r8=0xdead r11=1
// expect: nrec=2 rec0.vec=0x1000 rec0.isr&0x6880000ffff=0x800000000 rec0.ifa=0x4000000000012340
// expect: rec1.vec=0xc00 rec1.isr=0x100000000 rec1.ifa=0x6000000000020010
// expect: rec1.iip=0x6000000000020010
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	SET_RR	0x6000000000000000, 0x333, 16
	ITR	d, 4, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, 16 << 2
	ITR	i, 2, 0x6000000000020000, PTE_P | PTE_A | PTE_D | PTE_AR_RX | FARCODE, 16 << 2
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000010000
	mov r8 = 0xdead
	mov r11 = 0
	GO_VIRTUAL kern
kern:
	tpa r9 = r14
	mov r2 = 16 << 2
	;;
	ptr.d r15, r2
	;;
	srlz.d
	;;
	{ .mmi
	  tpa r8 = r14
	  nop.m 0
	  nop.i 0
	  ;;
	}
	JUMP	0x6000000000020010
back:
	movl r15 = 0x6000000000020000
	mov r2 = 16 << 2
	;;
	ptr.i r15, r2
	;;
	srlz.i
	;;
	JUMP	0x6000000000020010

	.section .far, "ax"
	.skip 16
far:
	adds r11 = 1, r11
	JUMP	back
