// Lower-Privilege Transfer trap (vector 0x5e00, SDM vol. 2) with psr.lp = 1:
// br.ret to pfs.ppl = 3 from cpl 0 lowers the privilege.  ISR.code = 2
// (trap code bit 1 = lp), ei = the branch's slot (2), IIP = the target with
// ipsr.ri = 0 and ipsr.cpl = 3 (the demoted level), IIPA = the branch bundle.
// expect: nrec=1 rec0.vec=0x5e00 rec0.isr=0x40000000002 rec0.iip=@target
// expect: rec0.ipsr&0xffffefffffffffff=0x302002000 rec0.iipa=@ret
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	RFI_TO kern, PSR_IC | PSR_BN | PSR_LP
kern:
	movl r2 = 3 << 62		// pfs.ppl = 3, pfm = 0
	movl r3 = target
	;;
	mov ar.pfs = r2
	mov b0 = r3
	;;
ret:
	{ .mib
	  nop.m 0
	  nop.i 0
	  br.ret.sptk.many b0
	  ;;
	}
target:
	break.i 0x99
	;;
