// Instruction Key Miss (vector 0x1800) and Instruction Key Permission
// (0x5100) faults with psr.pk = 1: itr 2 maps FARCODE at region 3 with key
// 0x66; pkr0 validates key 0 (the kernel TRs).
//  rec0: branch there, no PKR holds 0x66: Instruction Key Miss, IFA = IIP =
//        the bundle, ISR.x.  The hook installs pkr1 = {0x66, xd = 1, v = 1}.
//  rec1: the retried fetch: execute disabled by the key -> Instruction Key
//        Permission, ISR.x.
// expect: nrec=2 rec0.vec=0x1800 rec0.ifa=0x6000000000020010 rec0.iip=0x6000000000020010
// expect: rec0.isr=0x100000000
// expect: rec1.vec=0x5100 rec1.ifa=0x6000000000020010 rec1.iip=0x6000000000020010
// expect: rec1.isr=0x100000000 r8=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	MAP_KERNEL
	SET_RR	0x6000000000000000, 0x333, 16
	ITR	i, 2, 0x6000000000020000, PTE_P | PTE_A | PTE_D | PTE_AR_RX | FARCODE, (0x66 << 8) | (16 << 2)
	SET_PKR	0, 1
	mov r8 = 0
	RFI_TO kern, PSR_IC | PSR_DT | PSR_IT | PSR_BN | PSR_PK
kern:
	JUMP	0x6000000000020010

hook:
	mov r20 = 1
	movl r21 = (0x66 << 8) | 8 | 1
	;;
	mov pkr[r20] = r21
	;;
	srlz.d
	rfi
	;;

	.section .far, "ax"
	.skip 16
far:
	mov r8 = 0x77
	JUMP	done
