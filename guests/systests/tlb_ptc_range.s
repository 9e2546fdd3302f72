// ptc.l purges every TC entry overlapping [va, va + 2**ps) (SDM vol. 2
// 4.1.1.?, ptc.l): three 4 KB itc.d entries at region 2 pages 0x100000,
// 0x101000 and 0x104000; ptc.l 0x100000 with ps = 13 (8 KB) purges the
// first two, the third stays.  tpa then faults on the first two (Alternate
// Data TLB, rec0/rec1, skipped: r8/r9 keep 0xdead) and hits the third (r10).
// expect: nrec=2 r8=0xdead r9=0xdead r10=0x344010
// expect: rec0.vec=0x1000 rec0.ifa=0x4000000000100010 rec1.vec=0x1000 rec1.ifa=0x4000000000101010
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	SET_ACTION 1, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 12
	ITC	d, 0x4000000000100000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, 12 << 2
	ITC	d, 0x4000000000101000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE + 0x1000, 12 << 2
	ITC	d, 0x4000000000104000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE + 0x4000, 12 << 2
	movl r14 = 0x4000000000100010
	movl r15 = 0x4000000000101010
	movl r11 = 0x4000000000104010
	mov r8 = 0xdead
	mov r9 = 0xdead
	GO_VIRTUAL kern
kern:
	movl r3 = 0x4000000000100000
	mov r2 = 13 << 2
	;;
	ptc.l r3, r2
	;;
	srlz.d
	;;
	tpa r8 = r14
	;;
	tpa r9 = r15
	;;
	tpa r10 = r11
	;;
	END_TEST
