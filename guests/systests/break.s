// Break Instruction fault (SDM vol. 2 8.? "Break Instruction vector", 0x2c00)
// with psr.ic = 1: IIM = the 21-bit immediate, ISR = ei (slot) only,
// IIP = the break's bundle, IPSR = the PSR before (with ri = slot), IFS.v = 0,
// IIPA = the bundle of the last instruction that completed (slot 0 of the
// same bundle).  The new PSR has ic = i = 0 (and nothing else here).
// expect: nrec=1 rec0.vec=0x2c00 rec0.iim=0x1abcd rec0.isr=0x20000000000
// expect: rec0.iip=@brk rec0.ipsr=0x20000002000 rec0.iipa=@brk
// expect: rec0.ifs&0x8000000000000000=0 rec0.psr=0 r8=7
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	IC_ON
brk:
	{ .mii
	  mov r8 = 7
	  break.i 0x1abcd
	  mov r9 = 9
	  ;;
	}
	END_TEST
