// Inserts purge what they overlap (SDM vol. 2 4.1.1.? table 4-1, "purge
// behavior of TLB inserts and purges"): itc.d of a page already in the DTC
// replaces it (r9: the second mapping's physical address); itr.d of a page
// held by a DTC entry purges that entry, the TR translates (r10); a 64 KB
// itc.d over a 4 KB one replaces it (r8).
// expect: nrec=0 r9=0x352340 r10=0x362340 r8=0x37a340
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITC	d, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | 0x340000, 16 << 2
	ITC	d, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | 0x350000, 16 << 2
	ITC	d, 0x4000000000020000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | 0x340000, 16 << 2
	ITR	d, 4, 0x4000000000020000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | 0x360000, 16 << 2
	ITC	d, 0x400000000003a000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | 0x340000, 12 << 2
	ITC	d, 0x4000000000030000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | 0x370000, 16 << 2
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000022340
	movl r11 = 0x400000000003a340
	GO_VIRTUAL kern
kern:
	tpa r9 = r14
	tpa r10 = r15
	;;
	tpa r8 = r11
	;;
	END_TEST
