// General Exception vector (0x5400), Disabled Instruction Set Transition
// fault: br.ia with psr.di = 1 (SDM vol. 2 table 3-2 psr.di, and br.ia):
// ISR.code = 0x40 (code{7:4} = 4), ei = the branch's slot (2).
// expect: nrec=1 rec0.vec=0x5400 rec0.isr&0x6800000ffff=0x40000000040 rec0.iip=@bia
// expect: rec0.ipsr&0x400000=0x400000
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	movl r2 = 0x100000
	;;
	mov b6 = r2
	IC_ON
	ssm PSR_DI
	;;
	srlz.d
	;;
bia:
	{ .mib
	  nop.m 0
	  nop.i 0
	  br.ia.sptk.many b6
	  ;;
	}
	END_TEST
