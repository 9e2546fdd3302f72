// Disabled Floating-Point Register fault (vector 0x5500, SDM vol. 2):
// ISR.code{0} = an FR in f2-f31 was used with psr.dfl = 1, ISR.code{1} =
// an FR in f32-f127 was used with psr.dfh = 1.  Non-memory FP instructions
// (no ISR.r/w), slot 1 of an MFI bundle (ei = 1), psr.ic = 1.
//  rec0: psr.dfh: fadd f40 = f2, f3          -> code 2
//  rec1: psr.dfl: fadd f10 = f0, f1          -> code 1 (f0/f1 are not disabled)
//  rec2: both:    fma f10 = f40, f2, f0      -> code 3
// expect: nrec=3 rec0.vec=0x5500 rec0.isr=0x20000000002 rec0.iip=@d1
// expect: rec0.ipsr=0x20000082000
// expect: rec1.vec=0x5500 rec1.isr=0x20000000001 rec1.iip=@d2
// expect: rec2.vec=0x5500 rec2.isr=0x20000000003 rec2.iip=@d3
// expect: r8=0x1234
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	SET_ACTION 2, ACT_SKIP
	IC_ON
	ssm PSR_DFH
	;;
	srlz.d
	;;
d1:
	{ .mfi
	  nop.m 0
	  fadd f40 = f2, f3
	  nop.i 0
	  ;;
	}
	fadd f10 = f2, f3		// f2-f31 still enabled: no fault
	;;
	rsm PSR_DFH
	;;
	ssm PSR_DFL
	;;
	srlz.d
	;;
d2:
	{ .mfi
	  nop.m 0
	  fadd f10 = f0, f1
	  nop.i 0
	  ;;
	}
	ssm PSR_DFH
	;;
	srlz.d
	;;
d3:
	{ .mfi
	  nop.m 0
	  fma f10 = f40, f2, f0
	  nop.i 0
	  ;;
	}
	mov r8 = 0x1234
	;;
	END_TEST
