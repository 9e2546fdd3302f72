// probe.fault and the non-access ISR (SDM vol. 2 5.5.?, "non-access
// instructions": ISR.na = 1, ISR.code{3:0} = 2 for probe, 5 for
// probe.fault), cpl 0, virtual mode; dtr 2 maps a read-only page.
//  probe.r (no fault form) of the read-only page for write: r9 = 0, no
//  interruption.
//  rec0: probe.w.fault of the read-only page: Data Access Rights fault,
//        na, code 5, IFA.  Skipped.
//  rec1: probe.r.fault of an unmapped region-2 address: Alternate Data TLB
//        fault, na, code 5.  Skipped.
//  rec2: probe.r (no fault form) of the unmapped address: probe still needs
//        a translation -> Alternate Data TLB fault, na, code 2.  Skipped: r10
//        keeps 0xdead.
// ISR.r/w of these are not compared.
// expect: r9=0 r10=0xdead nrec=3
// expect: rec0.vec=0x5300 rec0.isr&0x6880000ffff=0x800000005 rec0.ifa=0x4000000000012340
// expect: rec1.vec=0x1000 rec1.isr&0x6880000ffff=0x800000005 rec1.ifa=0x4000000000052340
// expect: rec2.vec=0x1000 rec2.isr&0x6880000ffff=0x800000002 rec2.ifa=0x4000000000052340
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	SET_ACTION 2, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_R | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000052340
	mov r10 = 0xdead
	GO_VIRTUAL kern
kern:
	probe.w r9 = r14, r0
	;;
	{ .mmi
	  probe.w.fault r14, 0
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mmi
	  probe.r.fault r15, 0
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mmi
	  probe.r r10 = r15, r0
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST
