// External interrupts held back by cr.tpr (SDM vol. 2 5.8.3.?, TPR): with
// tpr.mmi = 1 the timer interrupt (itv vector 0xef) stays pending in cr.irr3
// (bit 47) and is not delivered although psr.i = 1 (r10: irr3 bit, r11:
// nrec, both read after the ITC passed ITM).  Writing tpr = 0 (+ srlz.d)
// unmasks it: it is delivered (rec0, vector 0x3000); the hook reads cr.ivr
// (0xef), writes cr.eoi.
// expect: r10=1 r11=0 nrec=1 rec0.vec=0x3000 rec0.x1=0xef
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	mov r2 = 0xef
	movl r3 = 1 << 16
	;;
	mov cr.itv = r2
	mov cr.tpr = r3
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
	RFI_TO wait, PSR_IC | PSR_I | PSR_BN
wait:
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
	extr.u r10 = r3, 47, 1
	ld8 r11 = [r4]
	;;
	mov cr.tpr = r0
	;;
	srlz.d
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
