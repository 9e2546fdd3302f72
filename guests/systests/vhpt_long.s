// The long VHPT format (pta.vf = 1, SDM vol. 2 4.1.5.?): its hash and tag are
// implementation-specific, so this checks what the architecture promises
// instead of values: thash gives a 32-byte aligned entry inside the table
// (pta.base, 2**pta.size bytes; r12 = 1 + 2 when so), ttag's ti bit (63)
// is 0 (r13 = 1), and an entry {pte, itir, tag} written at thash(va) with
// tag = ttag(va) is what the walker finds: the load through it completes
// with no interruption (r9), its key comes from the entry's itir (tak ->
// r10, key << 8).  Then a page whose entry is empty misses: Data TLB fault (rec0)
// with IHA = thash of that address (the hook stores iha - thash in x0).
// The table is at region 0 (the identity-mapped kernel region): for the
// long format the entry address takes its region bits from pta.base.
// expect: r12=3 r13=1 r9=0x5a5a r10=0x4400
// expect: nrec=1 rec0.vec=0x800 rec0.ifa=0x4000000000052340 rec0.x0=0
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_ACTION 0, hook
	movl r2 = DATAPAGE + 0x2340
	mov r3 = 0x5a5a
	;;
	st8 [r2] = r3
	MAP_KERNEL
	SET_RR_VE 0x4000000000000000, 0x222, 16
	SET_PTA	VHPT | (1 << 8) | (16 << 2) | 1
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000000052340
	mov r9 = 0
	GO_VIRTUAL kern
kern:
	thash r4 = r14
	ttag r5 = r14
	thash r6 = r15
	movl r7 = VHPT
	;;
	movl r2 = thash2
	and r3 = 31, r4
	sub r8 = r4, r7
	movl r10 = 1 << 16
	;;
	st8 [r2] = r6			// for the hook
	cmp.eq p9, p0 = 0, r3		// 32-byte aligned
	cmp.ltu p11, p0 = r8, r10	// 0 <= r4 - base < 2**size
	tbit.z p12, p0 = r5, 63		// ti = 0
	mov r12 = 0
	mov r13 = 0
	;;
(p9)	adds r12 = 1, r12
(p12)	mov r13 = 1
	;;
(p11)	adds r12 = 2, r12
	movl r2 = PTE_P | PTE_A | PTE_D | PTE_AR_RW | DATAPAGE
	movl r3 = (0x44 << 8) | (16 << 2)
	;;
	st8 [r4] = r2, 8
	;;
	st8 [r4] = r3, 8
	;;
	st8 [r4] = r5, 8
	;;
	st8 [r4] = r0
	;;
	ld8 r9 = [r14]
	;;
	tak r10 = r14
	;;
	ld8 r11 = [r15]
	;;
	END_TEST

hook:
	mov r20 = cr.iha
	movl r21 = thash2
	;;
	ld8 r22 = [r21]
	adds r24 = 0x58, r19
	;;
	sub r23 = r20, r22
	;;
	st8 [r24] = r23
	br.sptk.many done
	;;

	.data
	.align 8
thash2:
	data8 0
