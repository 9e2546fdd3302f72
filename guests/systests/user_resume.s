// A system-call-like round trip: user code (cpl 3, virtual, bank 1) runs
// break 0x100; the handler (cpl 0, bank 0) skips it and rfi returns to cpl 3
// in bank 1 at the next slot; a second break 0x101 shows where we are.
// rec1: ipsr.cpl = 3 (rfi restored the user privilege), IIM = 0x101, and the
// user's r8 counted both instructions between (slot 1 of the first break's
// bundle and the next bundle).  r17 of bank 1 keeps the user's value across
// the round trip (the handler only touches bank 0); the user copies it to
// r9 before the second break, because at done bank 0 is live again.
// expect: nrec=2 rec0.vec=0x2c00 rec0.iim=0x100 rec0.ipsr&0x300000000=0x300000000
// expect: rec1.vec=0x2c00 rec1.iim=0x101 rec1.ipsr&0x300000000=0x300000000
// expect: rec1.iip=@u2_user rec1.isr&0x60000000000=0x20000000000 r8=2 r9=0x1717
	.include "ivt.inc"
	.global _start
	.set u2_user, u2 + REGION1
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	MAP_KERNEL
	MAP_USER_ALIAS
	mov r8 = 0
	GO_USER	user
user:
	mov r17 = 0x1717
	;;
	{ .mii
	  break.m 0x100
	  adds r8 = 1, r8
	  nop.i 0
	  ;;
	}
	adds r8 = 1, r8
	;;
	mov r9 = r17
	;;
u2:
	{ .mii
	  nop.m 0
	  break.i 0x101
	  nop.i 0
	  ;;
	}
