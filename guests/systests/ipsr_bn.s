// IPSR.bn: an interruption taken in bank 1 records bn = 1 in IPSR (IPSR is
// the PSR before the interruption, SDM vol. 2 3.3.5.1) while the handler
// runs in bank 0; rfi then returns to bank 1 (SDM rfi: PSR = IPSR).
//  rec0: break in bank 1 (entered by bsw.1): IPSR.bn = 1.  rfi (skip).
//  rec1: the next break: still bank 1, r9 = the bank-1 r17 after the round
//        trip, set before rec0 (the handler wrote only bank 0's r17).
// expect: nrec=2 rec0.vec=0x2c00 rec0.ipsr&0x100000000000=0x100000000000
// expect: rec1.ipsr&0x100000000000=0x100000000000 r9=0x1717
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	bsw.1
	;;
	mov r17 = 0x1717
	IC_ON
	break.i 1
	;;
	mov r9 = r17
	;;
	break.i 2
	;;
