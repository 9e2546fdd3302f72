// Instructions that need psr.ic = 0 raise Illegal Operation (GE ISR.code 0)
// with psr.ic = 1 (SDM vol. 3 itc/itr: "if PSR.ic = 1: illegal_operation_
// fault"; vol. 2 3.3.5: interruption CRs are accessible only with ic = 0):
//  rec0: itc.d (slot 0)   rec1: itr.d (slot 0)   rec2: mov cr.itir = r (slot 1)
// cr.itir keeps the value written with ic = 0 (checked at done).
// expect: nrec=3 rec0.vec=0x5400 rec0.isr=0 rec0.iip=@i1
// expect: rec1.vec=0x5400 rec1.isr=0 rec1.iip=@i2
// expect: rec2.vec=0x5400 rec2.isr=0x20000000000 rec2.iip=@i3 cr.itir=0x4000
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	movl r2 = 0x4000
	mov r9 = 1
	mov r10 = 0x55
	mov r11 = 3
	;;
	mov cr.itir = r2
	;;
	IC_ON
i1:
	{ .mmi
	  itc.d r9
	  nop.m 0
	  nop.i 0
	  ;;
	}
i2:
	{ .mmi
	  itr.d dtr[r11] = r9
	  nop.m 0
	  nop.i 0
	  ;;
	}
i3:
	{ .mmi
	  nop.m 0
	  mov cr.itir = r10
	  nop.i 0
	  ;;
	}
	END_TEST
