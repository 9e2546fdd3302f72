// General Exception vector (0x5400), Privileged Register fault: ISR.code
// = 0x20 (code{7:4} = 2), at cpl 3 (physical addressing):
//  rec0: a write to a kernel register (mov ar.k1 = r9, slot 1): the kernel
//        registers are writable at cpl 0 only (SDM vol. 1 3.1.8.1).
//  rec1: mov from ar.itc with psr.si = 1 (SDM vol. 2 3.3.2, psr.si).
// Only code, ei and ni are compared: whether the fault also sets ISR.r/w
// for the register access is not spelled out for this fault.
// expect: nrec=2 rec0.vec=0x5400 rec0.isr&0x6800000ffff=0x20000000020 rec0.iip=@preg1
// expect: rec1.vec=0x5400 rec1.isr&0x6800000ffff=0x20 rec1.iip=@preg2
// expect: ar.k1=0 r8=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	mov r9 = 5
	mov r8 = 0
	RFI_TO user, PSR_IC | PSR_BN | PSR_CPL3 | PSR_SI
user:
	mov r10 = ar.k1			// reading is allowed at any level
	;;
preg1:
	{ .mmi
	  nop.m 0
	  mov ar.k1 = r9
	  nop.i 0
	  ;;
	}
preg2:
	{ .mmi
	  mov r8 = ar.itc
	  nop.m 0
	  nop.i 0
	  ;;
	}
	break.i 0x99
	;;
