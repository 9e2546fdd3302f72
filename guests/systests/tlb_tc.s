// Translation cache operations (SDM vol. 2 4.1.1, and the instruction
// pages): itc.d, then at cpl 0 in virtual mode
//   tpa (r9 = the physical address), tak (r10 = the key, in the PKR layout:
//   key << 8), probe.r/probe.w at
//   pl 0 (r11, r12 = 1) and probe.r at pl 3 of a pl-0 page (r13 = 0);
//   ptc.l of the page: tpa then misses -> Alternate Data TLB fault with
//   ISR.na = 1, ISR.code{3:0} = 0 (tpa) (rec0, skipped: r8 keeps 0xdead);
//   itc.d again (psr.ic off around it): tpa hits (r7);
//   ptc.e (this model's PAL_PTCE_INFO: one iteration purges the whole TC):
//   tpa misses again (rec1, skipped: r6 keeps 0xdead).
// ISR.r/w of the tpa faults are not compared (non-access: only na + code).
// expect: r9=0x342340 r10=0x7700 r11=1 r12=1 r13=0 r8=0xdead r7=0x342340 r6=0xdead
// expect: nrec=2 rec0.vec=0x1000 rec0.isr&0x6880000ffff=0x800000000 rec0.ifa=0x4000000000012340
// expect: rec0.iip=@tpa1 rec0.itir=0x22240
// expect: rec1.vec=0x1000 rec1.isr&0x6880000ffff=0x800000000 rec1.ifa=0x4000000000012340
// expect: rec1.iip=@tpa2
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITC	d, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, (0x77 << 8) | (16 << 2)
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000010000
	mov r8 = 0xdead
	mov r6 = 0xdead
	GO_VIRTUAL kern
kern:
	mov r3 = 3
	tpa r9 = r14
	tak r10 = r14
	;;
	probe.r r11 = r14, r0
	probe.w r12 = r14, r0
	;;
	probe.r r13 = r14, r3
	mov r2 = 16 << 2
	;;
	ptc.l r15, r2
	;;
	srlz.d
	;;
tpa1:
	{ .mmi
	  tpa r8 = r14
	  nop.m 0
	  nop.i 0
	  ;;
	}
	rsm psr.ic
	;;
	srlz.d
	ITC	d, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, (0x77 << 8) | (16 << 2)
	ssm psr.ic
	;;
	srlz.d
	;;
	tpa r7 = r14
	mov r2 = 0
	;;
	ptc.e r2
	;;
	srlz.d
	;;
tpa2:
	{ .mmi
	  tpa r6 = r14
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST
