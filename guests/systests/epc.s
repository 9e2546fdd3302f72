// epc on an execute-promote page (SDM vol. 2 4.1.? access rights, ar = 7;
// the epc page): user code (cpl 3) branches to FARCODE mapped by itr 2 at
// region 4 with ar = 7, pl = 0; epc there raises cpl to 0, so a privileged
// read (mov from cr.iva) works (r9) and the following break records
// ipsr.cpl = 0.  ar.pfs.ppl = 3 before epc (epc takes an Illegal Operation
// fault when pfs.ppl < cpl).
// expect: nrec=1 rec0.vec=0x2c00 rec0.iim=0x42 rec0.ipsr&0x300000000=0 r9=@ivt
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	MAP_USER_ALIAS
	SET_RR	0x8000000000000000, 0x444, 16
	ITR	i, 2, 0x8000000000020000, PTE_P | PTE_A | PTE_D | PTE_AR_XP | FARCODE, 16 << 2
	mov r9 = 0
	GO_USER	user
user:
	movl r2 = 3 << 62
	;;
	mov ar.pfs = r2
	;;
	JUMP	0x8000000000020010

	.section .far, "ax"
	.skip 16
far:
	epc
	;;
	mov r9 = cr.iva
	;;
	break.i 0x42
	;;
