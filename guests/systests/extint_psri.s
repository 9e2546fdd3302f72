// An external interrupt waits while psr.i = 0 (SDM vol. 2 5.8.?): the timer
// (itv vector 0xe0, tpr = 0) becomes pending during a loop with psr.i = 0
// and psr.ic = 1: cr.irr3 bit 32 is set (r10), nothing is delivered (r11 =
// nrec = 0).  ssm psr.i (+ srlz.d) lets it in: External Interrupt (rec0);
// the hook reads cr.ivr (0xe0, x1) and writes cr.eoi.
// expect: r10=1 r11=0 nrec=1 rec0.vec=0x3000 rec0.x1=0xe0 rec0.ipsr&0x6000=0x6000
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	mov r2 = 0xe0
	;;
	mov cr.itv = r2
	mov cr.tpr = r0
	;;
	mov r3 = ar.itc
	;;
	adds r3 = 100, r3
	;;
	mov cr.itm = r3
	;;
	srlz.d
	mov r10 = 0
	mov r11 = 0
	IC_ON
	movl r2 = 3000
	;;
	mov ar.lc = r2
	;;
loop:
	{ .mib
	  nop.m 0
	  nop.i 0
	  br.cloop.sptk.few loop
	  ;;
	}
	mov r3 = cr.irr3
	movl r4 = RES
	;;
	extr.u r10 = r3, 32, 1
	ld8 r11 = [r4]
	;;
	ssm psr.i
	;;
	srlz.d
	;;
	nop.m 0
	;;
	nop.m 0
	;;
	END_TEST

hook:
	mov r21 = cr.ivr
	adds r24 = 0x60, r19
	;;
	srlz.d
	st8 [r24] = r21			// x1
	mov cr.eoi = r0
	;;
	srlz.d
	br.sptk.many done
	;;
