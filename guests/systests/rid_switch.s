// Translations are tagged with the region ID (SDM vol. 2 4.1.1: a TLB entry
// matches on rid and vpn): itc.d inserts a region-2 page under rid 0x222.
// With rr2.rid = 0x223 the same address misses (Alternate Data TLB fault,
// rec0, ITIR.key = the new rid; skipped: r9 keeps 0xdead); back to 0x222
// it hits again (r10).
// expect: nrec=1 rec0.vec=0x1000 rec0.ifa=0x4000000000012340 rec0.itir=0x22340
// expect: r9=0xdead r10=0x342340
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITC	d, 0x4000000000010000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	mov r9 = 0xdead
	GO_VIRTUAL kern
kern:
	SET_RR	0x4000000000000000, 0x223, 16
	tpa r9 = r14
	;;
	SET_RR	0x4000000000000000, 0x222, 16
	tpa r10 = r14
	;;
	END_TEST
