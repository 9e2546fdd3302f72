// General Exception vector (0x5400), Reserved Register/Field fault:
// ISR.code = 0x30 (code{7:4} = 3), at cpl 0, psr.ic = 1:
//  rec0: mov rr[r] with a reserved bit (bit 1) set (SDM vol. 2 4.1.2, the
//        region register format: bit 1 and bits 63:32 are reserved).
//  rec1: mov ar.rsc with a reserved bit (bit 5) set (SDM vol. 1 3.1.8.4).
//  rec2: mov rr[r] with an unimplemented preferred page size (ps = 15,
//        32K: not among the model's page sizes -> Reserved Register/Field).
// Only code, ei and ni are compared (see ge_privreg.s).
// expect: nrec=3 rec0.vec=0x5400 rec0.isr&0x6800000ffff=0x30 rec0.iip=@rsv1
// expect: rec1.vec=0x5400 rec1.isr&0x6800000ffff=0x20000000030 rec1.iip=@rsv2
// expect: rec2.vec=0x5400 rec2.isr&0x6800000ffff=0x30 rec2.iip=@rsv3
// expect: ar.rsc=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	movl r9 = (5 << 8) | (14 << 2) | 2
	mov r10 = 0x20
	movl r11 = (5 << 8) | (15 << 2)
	mov r14 = 0
	IC_ON
rsv1:
	{ .mmi
	  mov rr[r14] = r9
	  nop.m 0
	  nop.i 0
	  ;;
	}
rsv2:
	{ .mmi
	  nop.m 0
	  mov ar.rsc = r10
	  nop.i 0
	  ;;
	}
rsv3:
	{ .mmi
	  mov rr[r14] = r11
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST
