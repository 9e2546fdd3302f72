// Instruction Access Rights fault (vector 0x5200) at cpl 0: itr 2 maps
// FARCODE at region 3 with ar = 2 (RW: no execute at any level, SDM vol. 2
// table 4-3).  IFA = IIP = the bundle, ISR.x, ipsr.cpl = 0.
// expect: nrec=1 rec0.vec=0x5200 rec0.ifa=0x6000000000020010 rec0.iip=0x6000000000020010
// expect: rec0.isr=0x100000000 rec0.ipsr&0x300000000=0 r8=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR	0x6000000000000000, 0x333, 16
	ITR	i, 2, 0x6000000000020000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | FARCODE, 16 << 2
	mov r8 = 0
	GO_VIRTUAL kern
kern:
	JUMP	0x6000000000020010

	.section .far, "ax"
	.skip 16
far:
	mov r8 = 0x77
	JUMP	done
