// A mandatory RSE spill that misses the TLB (SDM vol. 2 6.? "RSE and
// interruptions", Alternate Data TLB vector): psr.rt = 1, ar.bspstore at an
// unmapped region-2 address, the caller's frame holds all 96 stacked
// registers (this model's physical file), the callee's alloc of 96 more
// forces spills in enforced-lazy mode (rsc.mode = 0).  The fault is taken
// on the alloc (IIP = its bundle, ei = 0) with ISR.rs = 1, ISR.w = 1 and
// ISR.ed = 0 (always 0 for mandatory RSE references), IFA = the first
// spill address (bspstore).
// expect: nrec=1 rec0.vec=0x1000 rec0.isr=0x2200000000 rec0.ifa=0x4000000000100000
// expect: rec0.iip=@func rec0.itir=0x22240
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	movl r2 = 0x4000000000100000
	;;
	mov ar.bspstore = r2
	;;
	RFI_TO kern, PSR_IC | PSR_DT | PSR_IT | PSR_RT | PSR_BN
kern:
	alloc r32 = ar.pfs, 0, 96, 0, 0
	;;
	mov r33 = 0x33
	mov r127 = 0x127
	br.call.sptk.many b0 = func
	;;
	END_TEST
func:
	{ .mii
	  alloc r32 = ar.pfs, 0, 96, 0, 0
	  nop.i 0
	  nop.i 0
	  ;;
	}
	br.ret.sptk.many b0
	;;
