// More non-access instructions (SDM vol. 2 5.5.?, ISR.na = 1 and ISR.code
// {3:0}: 0 tpa, 1 fc, 2 probe, 3 tak, 4 lfetch.fault, 5 probe.fault).  The
// address is in region 2 with the walker on and its short-format entry not
// present, so the miss is a Data TLB fault (vector 0x0800; the list of
// faults tlb_translate_nonaccess checks in the SDM's pseudo-code names it):
//  lfetch (no fault form): nothing happens.
//  rec0: fc -> na, code 1, IFA, IHA.  Skipped.
//  rec1: lfetch.fault -> na, code 4.  Skipped.
// tak of an address with no translation does not fault: it returns 1 (r9).
// ISR.r/w are not compared.
// expect: nrec=2 rec0.vec=0x800 rec0.isr&0x6880000ffff=0x800000001 rec0.ifa=0x4000000000052340
// expect: rec0.iha=0x4000000000800028
// expect: rec1.vec=0x800 rec1.isr&0x6880000ffff=0x800000004 rec1.ifa=0x4000000000052340
// expect: r9=1
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	MAP_KERNEL
	SET_RR_VE 0x4000000000000000, 0x222, 16
	ITR	d, 3, 0x4000000000800000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | VHPT, 20 << 2
	SET_PTA	VHPT | (15 << 2) | 1
	movl r15 = 0x4000000000052340
	mov r9 = 0x99
	GO_VIRTUAL kern
kern:
	lfetch [r15]
	;;
	{ .mmi
	  fc r15
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mmi
	  lfetch.fault [r15]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	tak r9 = r15
	;;
	END_TEST
