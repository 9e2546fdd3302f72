// Unsupported Data Reference fault (vector 0x5b00, SDM vol. 2 4.4.?, table
// "semaphore support by memory attribute"): a semaphore (cmpxchg8) to a page
// with ma = WC (6) is unsupported.  IFA, ei; ISR.r/w (a semaphore both reads
// and writes) not compared.  Memory unchanged, r9 unchanged.
// expect: nrec=1 rec0.vec=0x5b00 rec0.ifa=0x4000000000012340 rec0.iip=@sem
// expect: rec0.isr&0x680000fffff=0 r9=0x99 @datapage2340=0x5a5a
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
	ITR	d, 2, 0x4000000000010000, PTE_P | (6 << 2) | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE, 16 << 2
	movl r14 = 0x4000000000012340
	mov r9 = 0x99
	mov r10 = 0x5a5a
	;;
	mov ar.ccv = r10
	GO_VIRTUAL kern
kern:
sem:
	{ .mmi
	  cmpxchg8.acq r9 = [r14], r0, ar.ccv
	  nop.m 0
	  nop.i 0
	  ;;
	}
	END_TEST
