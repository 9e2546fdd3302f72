// External Interrupt (vector 0x3000) from the interval timer: cr.itv =
// vector 0xef (unmasked), cr.itm = ar.itc + 200, then psr.i = 1 and a wait
// loop.  The hook (SDM vol. 2 5.8, the LSAPIC) reads cr.irr3 (bit 47 =
// vector 0xef pending), cr.ivr (0xef; it becomes in service, the IRR bit
// clears), writes cr.eoi, and reads cr.ivr again: 0x0f, the spurious vector.
// ISR (External Interrupt vector): only ei (and ir) defined: code, x/w/r/na/
// sp/rs and ni (psr.ic was 1) are 0.
// expect: nrec=1 rec0.vec=0x3000 rec0.ipsr&0x6000=0x6000 r8=0
// expect: rec0.x0&0x800000000000=0x800000000000 rec0.x1=0xef
// expect: rec0.x2&0x800000000000=0 rec0.x3=0xf rec0.isr&0xbfffffffff=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	mov r2 = 0xef
	;;
	mov cr.itv = r2
	mov cr.tpr = r0
	;;
	mov r3 = ar.itc
	;;
	adds r3 = 200, r3
	;;
	mov cr.itm = r3
	;;
	srlz.d
	mov r8 = 0
	RFI_TO wait, PSR_IC | PSR_I | PSR_BN
wait:
	movl r2 = 20000
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
	mov r8 = 0xdead			// no interrupt came
	;;
	END_TEST

hook:					// bank 0, psr.ic = 0, r19 = the record
	mov r20 = cr.irr3
	adds r24 = 0x58, r19
	;;
	st8 [r24] = r20, 8		// x0
	mov r21 = cr.ivr
	;;
	srlz.d
	st8 [r24] = r21, 8		// x1
	;;
	mov r20 = cr.irr3
	;;
	st8 [r24] = r20, 8		// x2
	mov cr.eoi = r0
	;;
	srlz.d
	;;
	mov r21 = cr.ivr
	;;
	st8 [r24] = r21, 8		// x3
	br.sptk.many done
	;;
