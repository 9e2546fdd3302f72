// Floating-point Exception fault (vector 0x5c00, SDM vol. 2): an invalid
// operation (a signalling NaN operand) with the invalid trap enabled in
// sf0 (fpsr.traps.vd = 0).  ISR.code{0} = V (SDM vol. 2, "Floating-point
// Fault vector": code bits {0} v, {1} d, {2} z for a scalar operation);
// ei = the slot; the target register and fpsr.sf0 flags are not written
// (a fault).
// expect: nrec=1 rec0.vec=0x5c00 rec0.isr=0x20000000001 rec0.iip=@ff
// expect: f10=0 ar.fpsr=0x0009804C0270033E
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	movl r2 = 0x0009804C0270033E
	movl r3 = 0x7ff0000000000001	// a signalling NaN (double)
	;;
	mov ar.fpsr = r2
	setf.d f8 = r3
	mov f10 = f0
	IC_ON
ff:
	{ .mfi
	  nop.m 0
	  fma.s0 f10 = f8, f1, f0
	  nop.i 0
	  ;;
	}
	END_TEST
