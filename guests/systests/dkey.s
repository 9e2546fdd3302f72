// Data Key Miss (vector 0x1c00) and Data Key Permission (0x5100) faults
// (SDM vol. 2 4.1.3, protection keys) with psr.pk = 1.  dtr 2 maps a 64 KB
// page of region 2 with key 0x55; pkr0 validates key 0 (the kernel TRs).
//  rec0: ld8 from the page, no PKR holds key 0x55: Data Key Miss, IFA, ISR.r.
//        The hook installs pkr1 = {key 0x55, wd = 1, v = 1}; rfi retries.
//  rec1: st8 to the page: write disabled by the key -> Data Key Permission,
//        IFA, ISR.w.
// The handler's PSR keeps pk, it, dt (rec0.psr).
// expect: nrec=2 rec0.vec=0x1c00 rec0.ifa=0x4000000000012340
// expect: rec0.isr&0xfffff7ffffffffff=0x400000000 rec0.iip=@ld1
// expect: rec1.vec=0x5100 rec1.ifa=0x4000000000012348
// expect: rec1.isr&0xfffff7ffffffffff=0x20200000000 rec1.iip=@st1
// expect: r9=0x5a5a @datapage2348=0 rec0.psr=0x1000028000
	.include "ivt.inc"
	.global _start
datapage2348 = DATAPAGE + 0x2348
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, (0x55 << 8) | (16 << 2)
	SET_PKR	0, 1
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000012348
	RFI_TO kern, PSR_IC | PSR_DT | PSR_IT | PSR_BN | PSR_PK
kern:
ld1:
	{ .mmi
	  ld8 r9 = [r14]
	  nop.m 0
	  nop.i 0
	  ;;
	}
st1:
	{ .mmi
	  nop.m 0
	  st8 [r15] = r9
	  nop.i 0
	  ;;
	}
	END_TEST

hook:
	mov r20 = 1
	movl r21 = (0x55 << 8) | 2 | 1
	;;
	mov pkr[r20] = r21
	;;
	srlz.d
	rfi
	;;
