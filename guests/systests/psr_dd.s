// psr.dd (SDM vol. 2 table 3-2: "Data Debug fault disable"; cleared after
// each successfully executed instruction, set by rfi -- the way a debugger
// steps over a data breakpoint): dbr0/1 watch reads of `watched`, psr.db = 1.
// rfi with ipsr.dd = 1 to a load of it: no fault (r9 = the value); the next
// load of it (dd clear again) takes the Data Debug fault (rec0), IPSR.dd = 0.
// expect: nrec=1 rec0.vec=0x5900 rec0.iip=@ld2 rec0.ifa=@watched
// expect: rec0.ipsr&0x8000000000=0 r9=0x1234 r10=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	movl r2 = watched
	movl r3 = (1 << 63) | (1 << 56) | 0xfffffffffffff8
	mov r4 = 0
	mov r5 = 1
	;;
	mov dbr[r4] = r2
	;;
	mov dbr[r5] = r3
	;;
	srlz.d
	movl r14 = watched
	mov r9 = 0
	mov r10 = 0
	RFI_TO ld1, PSR_IC | PSR_BN | PSR_DB | PSR_DD
ld1:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
ld2:
	{ .mmi
	  ld8 r10 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST

	.data
	.align 8
watched:
	data8 0x1234
