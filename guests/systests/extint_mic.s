// cr.tpr.mic masks by priority class (SDM vol. 2 5.8.3.?, TPR: vectors whose
// class v{7:4} is <= tpr.mic are masked): the timer on vector 0x2f (class
// 2) stays pending in cr.irr0 (bit 47, r10) with tpr.mic = 2 and psr.i = 1
// (r11 = nrec = 0); tpr.mic = 1 unmasks it: External Interrupt (rec0),
// cr.ivr = 0x2f (x1).
// expect: r10=1 r11=0 nrec=1 rec0.vec=0x3000 rec0.x1=0x2f
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	mov r2 = 0x2f
	mov r3 = 2 << 4
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
	mov r3 = cr.irr0
	movl r4 = RES
	;;
	extr.u r10 = r3, 47, 1
	ld8 r11 = [r4]
	mov r5 = 1 << 4
	;;
	mov cr.tpr = r5
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
