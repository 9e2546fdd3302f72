// Instruction TLB fault (vector 0x0400, SDM vol. 2): the walker is on for
// region 3 (pta.ve, rr3.ve) and the short-format entry for the target is not
// present.  IFA = IIP = the bundle, ISR.x, ITIR = {rr3.ps, rr3.rid}, IHA =
// 0x6000000000000000 | 0x800000 | ((0x20010 >> 16) << 3) = 0x6000000000800010.
// The walker reads the table through the data TLB (dtr 3 maps it at region
// 3).  The hook writes a present entry; rfi retries the fetch, the walker
// finds it and the code runs (r8).
// expect: nrec=1 rec0.vec=0x400 rec0.ifa=0x6000000000020010 rec0.iip=0x6000000000020010
// expect: rec0.itir=0x33340 rec0.iha=0x6000000000800010 rec0.isr=0x100000000 r8=0x77
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	MAP_KERNEL
	SET_RR_VE 0x6000000000000000, 0x333, 16
	ITR	d, 3, 0x6000000000800000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | VHPT, 20 << 2
	SET_PTA	VHPT | (15 << 2) | 1
	mov r8 = 0
	GO_VIRTUAL kern
kern:
	JUMP	0x6000000000020010

hook:
	movl r20 = PTE_P | PTE_A | PTE_D | PTE_AR_RX | FARCODE
	movl r21 = VHPT + 0x10
	;;
	st8 [r21] = r20
	;;
	rfi
	;;

	.section .far, "ax"
	.skip 16
far:
	mov r8 = 0x77
	JUMP	done
