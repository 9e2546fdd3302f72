// Fault priority after a data translation is found (SDM vol. 2 figure 4-16,
// the data TLB/VHPT search: Page Not Present, NaT Page Consumption, Key
// Miss, Key Permission, Access Rights, Dirty Bit, Access Bit, Debug, ...;
// the prose of 4.1.8 lists Access Bit before Dirty Bit; the data figure
// puts Dirty Bit first, and so does Ski -- the figure is followed), psr.pk = 1.
// dtr 2: a read-only page (ar = R) with a = 0, d = 0 and key 0x55 (no PKR
// yet); dtr 3: a read-write page with a = 0, d = 0, key 0.
//  rec0: st8 to dtr 2 -> Data Key Miss (before access rights, a, d).  The
//        hook installs pkr1 = {0x55, v}; rfi retries.
//  rec1: the same st8 -> Data Access Rights (before the access bit).  Skip.
//  rec2: ld8 from dtr 2 (reading is allowed) -> Data Access Bit.  Skip.
//  rec3: st8 to dtr 3 -> Dirty Bit (before the access bit).
// expect: nrec=4 rec0.vec=0x1c00 rec1.vec=0x5300 rec2.vec=0x2800 rec3.vec=0x2000
// expect: rec1.ifa=0x4000000000012340 rec2.isr&0xfffff7ffffffffff=0x400000000
// expect: rec3.ifa=0x4000000000022340 rec3.isr&0xfffff7ffffffffff=0x200000000
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	SET_ACTION 1, ACT_SKIP
	SET_ACTION 2, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_AR_R | DATAPAGE, (0x55 << 8) | (16 << 2)
	ITR	d, 3, 0x4000000000020000, PTE_P | PTE_AR_RW | DATAPAGE, 16 << 2
	SET_PKR	0, 1
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000022340
	RFI_TO kern, PSR_IC | PSR_DT | PSR_IT | PSR_BN | PSR_PK
kern:
	{ .mmi
	  st8 [r14] = r0
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
	{ .mmi
	  st8 [r15] = r0
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST

hook:
	mov r20 = 1
	movl r21 = (0x55 << 8) | 1
	;;
	mov pkr[r20] = r21
	;;
	srlz.d
	rfi
	;;
