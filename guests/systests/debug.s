// Debug vector (0x5900, SDM vol. 2) with psr.db = 1 (set by rfi), cpl 0,
// physical addressing:
//  rec0: Data Debug fault: dbr0/dbr1 match 8 bytes at `watched` for reads
//        (dbr1: r = bit 63, w = bit 62, plm = bits 59:56, mask = bits 55:0;
//        SDM vol. 2 7.1.1).  ISR.r,
//        ei = slot 0, IFA = the address.  Skipped.
//  rec1: Instruction Debug fault: ibr0/ibr1 match the bundle `ibtarget`
//        (ibr1: x = bit 63, plm, mask).  ISR.x, ei = 0 (the fault is on the
//        fetch of the bundle, before its slot 0), IIP = the bundle.
// ISR.ed is not compared.
// expect: nrec=2 rec0.vec=0x5900 rec0.isr&0xfffff7ffffffffff=0x400000000
// expect: rec0.ifa=@watched rec0.iip=@dd
// expect: rec1.vec=0x5900 rec1.isr&0xfffff7ffffffffff=0x100000000 rec1.iip=@ibtarget
// expect: r9=0 r10=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	movl r2 = watched
	movl r3 = (1 << 63) | (1 << 56) | 0xfffffffffffff8
	mov r4 = 0
	mov r5 = 1
	;;
	mov dbr[r4] = r2
	;;
	mov dbr[r5] = r3
	movl r2 = ibtarget
	movl r3 = (1 << 63) | (1 << 56) | 0xfffffffffffff0
	;;
	mov ibr[r4] = r2
	;;
	mov ibr[r5] = r3
	;;
	srlz.i
	mov r9 = 0
	mov r10 = 0
	movl r14 = watched
	;;
	RFI_TO kern, PSR_IC | PSR_BN | PSR_DB
kern:
dd:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	nop.m 0
	;;
ibtarget:
	{ .mmi
	  mov r10 = 1
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST

	.data
	.align 8
	data8 0
watched:
	data8 0x1234
