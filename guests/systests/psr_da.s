// psr.da (SDM vol. 2 table 3-2: "Disable Data Access and Dirty-bit faults";
// like ia/id/dd/ed it is cleared after each successfully executed
// instruction, and set by rfi): rfi with ipsr.da = 1 to a store into a page
// with d = 0 (dtr 2) -- the store completes without a Dirty Bit fault (the
// page's word becomes 0x77); the next store to it (da is clear again)
// takes the Dirty Bit fault (rec0), with IPSR.da = 0.
// expect: nrec=1 rec0.vec=0x2000 rec0.iip=@st2 rec0.ipsr&0x4000000000=0
// expect: @datapage2340=0x77
	.include "ivt.inc"
	.global _start
datapage2340 = DATAPAGE + 0x2340
_start:
	SYSTEST_INIT
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	ITR	d, 2, 0x4000000000010000, PTE_P | PTE_A | PTE_AR_RW | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	mov r9 = 0x77
	RFI_TO st1, PSR_IC | PSR_DT | PSR_IT | PSR_BN | PSR_DA
st1:
	{ .mmi
	  st8 [r14] = r9
	  nop.m 0
	  nop.i 0
	  ;;
	}
st2:
	{ .mmi
	  st8 [r14] = r0
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST
