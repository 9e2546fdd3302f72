// Alternate Instruction TLB fault (vector 0x0c00, SDM vol. 2): psr.it = 1, a
// branch to region 3 (rr3.ve = 0) with no translation.  IFA = IIP = the
// target bundle, ITIR = {ps = rr3.ps, key = rr3.rid}, ISR.x, ei = 0.  The hook
// maps the 64 KB page onto FARCODE with itc.i; rfi retries the fetch.
// expect: nrec=1 rec0.vec=0xc00 rec0.ifa=0x6000000000020010 rec0.iip=0x6000000000020010
// expect: rec0.itir=0x33340 rec0.isr=0x100000000 r8=0x77
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	MAP_KERNEL
	SET_RR	0x6000000000000000, 0x333, 16
	mov r8 = 0
	GO_VIRTUAL kern
kern:
	JUMP	0x6000000000020010

hook:
	movl r20 = PTE_P | PTE_A | PTE_D | PTE_AR_RX | FARCODE
	;;
	itc.i r20
	;;
	rfi
	;;

	.section .far, "ax"
	.skip 16
far:
	mov r8 = 0x77
	JUMP	done
