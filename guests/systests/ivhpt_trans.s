// VHPT Translation fault on an instruction fetch (vector 0x0000, SDM vol. 2):
// the walker is on for region 3 but the table's own address (region 3,
// 0x6000000000800010) has no data translation.  IFA = IIP = the bundle,
// IHA = the VHPT address, ITIR = {rr3.ps, rr3.rid}, ISR.x.
// expect: nrec=1 rec0.vec=0x0 rec0.ifa=0x6000000000020010 rec0.iip=0x6000000000020010
// expect: rec0.itir=0x33340 rec0.iha=0x6000000000800010 rec0.isr=0x100000000 r8=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR_VE 0x6000000000000000, 0x333, 16
	SET_PTA	VHPT | (15 << 2) | 1
	mov r8 = 0
	GO_VIRTUAL kern
kern:
	JUMP	0x6000000000020010

	.section .far, "ax"
	.skip 16
far:
	mov r8 = 0x77
	JUMP	done
