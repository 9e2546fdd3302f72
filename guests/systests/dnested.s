// Data Nested TLB fault (vector 0x1400, SDM vol. 2): a data TLB miss with
// psr.ic = 0 (psr.dt = 1).  With psr.ic = 0 nothing is collected: IIP,
// IPSR, IIPA, IFS are not written, and this vector leaves IFA, ITIR and IHA
// alone too (the handler of the outer miss still needs them).  ISR: the
// vector description lists it as unchanged as well (Ski does not write it);
// that reading is checked here -- if the lead reads the SDM otherwise, this
// is the expectation to revisit.
// expect: nrec=1 rec0.vec=0x1400 rec0.iip=0x1111110 rec0.ipsr=0x2222
// expect: rec0.ifa=0x3333330 rec0.itir=0x4440 rec0.iha=0x5555550 rec0.isr=0x66
// expect: rec0.iipa=0x7777770 rec0.psr&0x6000=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	MAP_KERNEL
	SET_RR	0x4000000000000000, 0x222, 16
	movl r14 = 0x4000000000012340
	RFI_TO kern, PSR_DT | PSR_IT | PSR_BN
kern:
	movl r2 = 0x1111110
	movl r3 = 0x2222
	;;
	mov cr.iip = r2
	mov cr.ipsr = r3
	movl r2 = 0x3333330
	movl r3 = 0x4440
	;;
	mov cr.ifa = r2
	mov cr.itir = r3
	movl r2 = 0x5555550
	mov r3 = 0x66
	;;
	mov cr.iha = r2
	mov cr.isr = r3
	movl r2 = 0x7777770
	;;
	mov cr.iipa = r2
	;;
	ld8 r9 = [r14]
	;;
	END_TEST
