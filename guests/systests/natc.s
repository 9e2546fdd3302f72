// Register NaT Consumption fault (NaT Consumption vector 0x5600, SDM vol. 2):
// ISR.code = 0x10 (code{7:4} = 1: register NaT), ISR.r for a load, ISR.w
// for a store, neither for a non-memory consumer; ei = the slot; psr.ic = 1.
//  rec0: ld8 r9 = [r10], r10 a NaT (slot 0)
//  rec1: st8 [r11] = r9, r11 a NaT (slot 1)
//  rec2: mov b6 = r10 (slot 1 of an MIB: the I-unit mov to br)
// The NaT comes from ld8.fill with ar.unat all ones.
// expect: nrec=3 rec0.vec=0x5600 rec0.isr&0xfffff7ffffffffff=0x400000010 rec0.iip=@n1
// expect: rec1.vec=0x5600 rec1.isr&0xfffff7ffffffffff=0x20200000010 rec1.iip=@n2
// expect: rec2.vec=0x5600 rec2.isr=0x20000000010 rec2.iip=@n3
// expect: r10.nat=1 r11.nat=1 r9=0x77
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	SET_ACTION 2, ACT_SKIP
	mov r9 = 0x77
	movl r14 = natword
	mov ar.unat = r0
	;;
	mov r2 = -1
	;;
	mov ar.unat = r2
	;;
	ld8.fill r10 = [r14]
	;;
	ld8.fill r11 = [r14]
	IC_ON
n1:
	{ .mmi
	  ld8 r9 = [r10]
	  nop.m 0
	  nop.i 0
	  ;;
	}
n2:
	{ .mmi
	  nop.m 0
	  st8 [r11] = r9
	  nop.i 0
	  ;;
	}
n3:
	{ .mib
	  nop.m 0
	  mov b6 = r10
	  nop.b 0
	  ;;
	}
	END_TEST

	.data
	.align 8
natword:
	data8 0x310000
