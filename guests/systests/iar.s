// Instruction Access Rights fault (vector 0x5200, SDM vol. 2): user code
// (cpl 3, the pl-3 alias of RAM in region 1) branches to kernel code (the
// region-0 identity map, pl 0).  IFA = IIP = the target bundle, ISR.x, ei
// = 0, ipsr.cpl = 3.
// expect: nrec=1 rec0.vec=0x5200 rec0.ifa=@kcode rec0.iip=@kcode rec0.isr=0x100000000
// expect: rec0.ipsr&0x300000000=0x300000000 r8=1 r9=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	MAP_USER_ALIAS
	mov r8 = 0
	mov r9 = 0
	GO_USER	user
user:
	mov r8 = 1
	JUMP	kcode
kcode:
	mov r9 = 1
	;;
	END_TEST
