// Single Step trap (vector 0x6000, SDM vol. 2) with psr.ss = 1 set by rfi:
// the trap follows the first instruction executed at the rfi target (the
// rfi itself does not trap).  ISR.code = 8 (trap code bit 3 = ss), ei = 0,
// IIP = the same bundle with ipsr.ri = 1, ipsr.ss = 1.
// expect: nrec=1 rec0.vec=0x6000 rec0.isr=0x8 rec0.iip=@step
// expect: rec0.ipsr&0xffffefffffffffff=0x30000002000 rec0.iipa=@step r8=1 r9=0 rec0.psr=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	mov r8 = 0
	mov r9 = 0
	RFI_TO step, PSR_IC | PSR_BN | PSR_SS
step:
	{ .mii
	  mov r8 = 1
	  mov r9 = 2
	  nop.i 0
	  ;;
	}
	break.i 0x99
	;;
