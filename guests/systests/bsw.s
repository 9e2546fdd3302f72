// bsw.0 / bsw.1 switch the banked registers r16-r31 (SDM vol. 2 3.3.? bsw);
// an interruption switches to bank 0 (IPSR keeps bn = 1).
// r9: r16 of bank 0 after a round trip, r10: r16 of bank 1 after a round
// trip.  At done (stopped from the Break handler, bank 0 active) r16 is the
// handler's vector offset and r17.. are its; the bank-1 values are not
// visible.  (IPSR.bn: ipsr_bn.s.)
// expect: r9=0x16 r10=0x116 r11=0x17
// expect: nrec=1 rec0.vec=0x2c00 r16=0x2c00
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	mov r16 = 0x16
	mov r17 = 0x17
	;;
	bsw.1
	;;
	mov r16 = 0x116
	mov r17 = 0x117
	;;
	bsw.0
	;;
	mov r9 = r16
	mov r11 = r17
	;;
	bsw.1
	;;
	mov r10 = r16
	;;
	IC_ON
	break.i 1
	;;
