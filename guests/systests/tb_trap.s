// Taken Branch trap (vector 0x5f00, SDM vol. 2) with psr.tb = 1: after a
// taken br.cond in slot 2.  ISR.code = 4 (trap code bit 2 = tb), ei = 2,
// IIP = the branch target (ipsr.ri = 0), IIPA = the branch bundle.  The
// not-taken branch before it does not trap.
// expect: nrec=1 rec0.vec=0x5f00 rec0.isr=0x40000000004 rec0.iip=@target
// expect: rec0.ipsr&0xffffefffffffffff=0x4002000 rec0.iipa=@br1 r8=1 rec0.psr=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	mov r8 = 0
	RFI_TO kern, PSR_IC | PSR_BN | PSR_TB
kern:
	cmp.eq p9, p10 = r0, r0
	;;
	{ .mib
	  mov r8 = 1
	  nop.i 0
(p10)	  br.cond.sptk.few notthere
	  ;;
	}
br1:
	{ .mib
	  nop.m 0
	  nop.i 0
(p9)	  br.cond.sptk.few target
	  ;;
	}
notthere:
	mov r8 = 0xbad
	;;
target:
	break.i 0x99
	;;
