// Break Instruction fault with psr.ic = 0 (SDM vol. 2 5.5.1, "interruption
// collection"): IPSR, IIP, IIPA and IFS are not written (they keep what the
// test put there), ISR is written with ni = 1 and ei = the slot.
// Not checked: IIM.  The SDM's vector description writes it, the collection
// rules say only ISR is written with psr.ic = 0; Ski writes IIM only with
// psr.ic = 1.  Ambiguous, left out.
// expect: nrec=1 rec0.vec=0x2c00 rec0.isr=0x48000000000 rec0.iip=0x1111110
// expect: rec0.ipsr=0x2222 rec0.iipa=0x4444440 rec0.ifs=0x8000000000000105
// expect: rec0.psr=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	movl r2 = 0x1111110
	movl r3 = 0x2222
	;;
	mov cr.iip = r2
	mov cr.ipsr = r3
	movl r2 = 0x4444440
	movl r3 = 0x8000000000000105
	;;
	mov cr.iipa = r2
	mov cr.ifs = r3
	;;
brk:
	{ .mmi
	  nop.m 0
	  nop.m 0
	  break.i 0x1
	  ;;
	}
	END_TEST
