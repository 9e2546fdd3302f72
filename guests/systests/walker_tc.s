// The VHPT walker inserts what it finds into the data TC (SDM vol. 2 4.1.8:
// "Otherwise the entry is loaded into the ITC or DTC"): after a load through
// a present short-format entry, clearing the entry (p = 0 in memory) does
// not affect the next access (r10: it hits the TC); after ptc.l of the page
// the walker reads the cleared entry again -> Data TLB fault (rec0).
// (The architecture lets a TC entry go at any time; this relies on the
// model's deterministic 128-entry round-robin DTC, nothing else inserted.)
// expect: r9=0x5a5a r10=0x5a5a r11=0xdead nrec=1 rec0.vec=0x800
// expect: rec0.ifa=0x4000000000012340 rec0.iha=0x4000000000800008
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, ACT_SKIP
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	movl r2 = VHPT + 8
	movl r3 = PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE
	;;
	st8 [r2] = r3
	MAP_KERNEL
	SET_RR_VE 0x4000000000000000, 0x222, 16
	ITR	d, 3, 0x4000000000800000, PTE_P | PTE_A | PTE_D | PTE_AR_RW | VHPT, 20 << 2
	SET_PTA	VHPT | (15 << 2) | 1
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000800008	// the entry, through dtr 3
	mov r11 = 0xdead
	GO_VIRTUAL kern
kern:
	ld8 r9 = [r14]
	;;
	st8 [r15] = r0			// entry now not present
	;;
	ld8 r10 = [r14]
	movl r3 = 0x4000000000010000
	mov r2 = 16 << 2
	;;
	ptc.l r3, r2
	;;
	srlz.d
	;;
	ld8 r11 = [r14]
	;;
	END_TEST
