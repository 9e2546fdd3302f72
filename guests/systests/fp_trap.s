// Floating-point Exception trap (vector 0x5d00, SDM vol. 2): an inexact
// result with the inexact trap enabled in sf0 (fpsr.traps.id = 0).  A trap:
// the instruction completed (target written, fpsr.sf0.i set), IIP/ipsr.ri
// name the NEXT instruction (slot 2), ISR.ei the trapping one (slot 1),
// IIPA its bundle.  ISR.code{0} = fp trap; the other code bits (which
// exceptions) are not compared here.  IPSR has psr.mfl (bit 4): the
// setf.d and the fnorm wrote f2-f31; the handler's PSR keeps mfl (rec0.psr).
// expect: nrec=1 rec0.vec=0x5d00 rec0.isr&0x680000f=0x20000000001 rec0.iip=@ft
// expect: rec0.ipsr=0x40000002010 rec0.iipa=@ft
// expect: rec0.psr=0x10 ar.fpsr&0x40000=0x40000 f10=0xfffdaaaaab0000000000 r8=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	movl r2 = 0x0009804C0270031F
	movl r3 = 0x3fd5555555555555	// 1/3 in double: inexact in single
	mov r8 = 0
	;;
	mov ar.fpsr = r2
	setf.d f8 = r3
	IC_ON
ft:
	{ .mfi
	  nop.m 0
	  fnorm.s.s0 f10 = f8
	  nop.i 0
	  ;;
	}
	END_TEST
