// break on every unit (SDM vol. 3 break: the 21-bit immediate goes to IIM,
// zero-extended): break.m in slot 0, break.f in slot 1 (MFI), break.b in
// slot 2 (MIB) with all 21 bits set; ISR.ei = the slot.  Each is skipped
// by the handler (rfi to the next slot / bundle); r8 counts what ran after.
// expect: nrec=3 rec0.iim=0x1 rec0.isr=0 rec0.iip=@b1
// expect: rec1.iim=0x2 rec1.isr=0x20000000000 rec1.iip=@b2
// expect: rec2.iim=0x1fffff rec2.isr=0x40000000000 rec2.iip=@b3 r8=3
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	SET_ACTION 2, ACT_SKIP
	mov r8 = 0
	IC_ON
b1:
	{ .mii
	  break.m 0x1
	  adds r8 = 1, r8
	  nop.i 0
	  ;;
	}
b2:
	{ .mfi
	  nop.m 0
	  break.f 0x2
	  adds r8 = 1, r8
	  ;;
	}
b3:
	{ .mib
	  nop.m 0
	  nop.i 0
	  break.b 0x1fffff
	  ;;
	}
	adds r8 = 1, r8
	;;
	END_TEST
