// General Exception vector (0x5400), Privileged Operation fault: ISR.code
// = 0x10 (code{7:4} = 1).  User code (cpl 3, physical addressing, bank 1)
// reached with rfi; ISR.ei = the slot, IPSR = the user PSR with ri
// (IPSR.bn is left to bsw.s).
//  rec0: mov from cr.dcr (slot 1)      rec1: rsm psr.i (slot 0)
//  rec2: itc.d (slot 0)                 rec3: ptc.e (slot 0)
// expect: nrec=4 rec0.vec=0x5400 rec0.isr=0x20000000010 rec0.iip=@priv1
// expect: rec0.ipsr&0xffffefffffffffff=0x20300002000 rec0.iipa=@priv1 r9=0
// expect: rec1.vec=0x5400 rec1.isr=0x10 rec1.iip=@priv2 rec1.ipsr&0xffffefffffffffff=0x300002000
// expect: rec2.vec=0x5400 rec2.isr=0x10 rec2.iip=@priv3
// expect: rec3.vec=0x5400 rec3.isr=0x10 rec3.iip=@priv4
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	SET_ACTION 2, ACT_SKIP
	mov r9 = 0
	RFI_TO user, PSR_IC | PSR_BN | PSR_CPL3
user:
priv1:
	{ .mmi
	  mov r10 = 1
	  mov r9 = cr.dcr
	  nop.i 0
	  ;;
	}
priv2:
	{ .mmi
	  rsm psr.i
	  nop.m 0
	  nop.i 0
	  ;;
	}
priv3:
	{ .mmi
	  itc.d r10
	  nop.m 0
	  nop.i 0
	  ;;
	}
priv4:
	{ .mmi
	  ptc.e r10
	  nop.m 0
	  nop.i 0
	  ;;
	}
	break.i 0x99
	;;
