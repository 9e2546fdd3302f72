// Reserved control registers (SDM vol. 2 3.3, table 3-3: cr3-cr7, cr10-15,
// cr18, cr26-63, ... are reserved): mov from / to one raises an Illegal
// Operation fault (GE ISR.code 0), at cpl 0 with psr.ic = 1.
//  rec0: mov r9 = cr3 (slot 0)   rec1: mov cr3 = r9 (slot 1)
// expect: nrec=2 rec0.vec=0x5400 rec0.isr=0 rec0.iip=@c1 r9=0x99
// expect: rec1.vec=0x5400 rec1.isr=0x20000000000 rec1.iip=@c2
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	mov r9 = 0x99
	IC_ON
c1:
	{ .mmi
	  mov r9 = cr3
	  nop.m 0
	  nop.i 0
	  ;;
	}
c2:
	{ .mmi
	  nop.m 0
	  mov cr3 = r9
	  nop.i 0
	  ;;
	}
	END_TEST
