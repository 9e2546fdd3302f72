// IIPA for a fault (SDM vol. 2 3.3.5.6: "IIPA records the last successfully
// executed instruction bundle address"; "the instruction just prior to a
// fault"): a Break in slot 0 of a bundle whose predecessor bundle `prev`
// ran last -> IIPA = prev, IIP = the break's bundle.  (For traps IIPA is
// the trapping instruction's bundle: tb_trap.s, fp_trap.s.)
// expect: nrec=1 rec0.vec=0x2c00 rec0.iip=@brk rec0.iipa=@prev r8=1
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	mov r8 = 0
	IC_ON
prev:
	{ .mii
	  mov r8 = 1
	  nop.i 0
	  nop.i 0
	  ;;
	}
brk:
	{ .mii
	  break.m 0x5
	  nop.i 0
	  nop.i 0
	  ;;
	}
	END_TEST
