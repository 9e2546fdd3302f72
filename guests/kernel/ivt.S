/* ivt.S -- the interruption vector table and the common entry path.
 *
 * The IVT (cr.iva) is 32 KB aligned: vectors 0..19 are 0x400 bytes apart,
 * 20..67 are 0x100 bytes apart from 0x5000.  Every vector enters with
 * psr.ic = 0, psr.i = 0 and register bank 0, whose r16..r31 are free scratch.
 *
 * TLB misses (ITLB, DTLB and their "alternate" forms, since the VHPT walker
 * is off) are refilled here from the current task's page table (ar.k7) with
 * itc and rfi.  Everything else -- and a miss with no present page-table
 * entry -- goes through ia64_save_all, which saves the interrupted task's
 * complete state in its pt_regs (ar.k6), switches the RSE to the task's
 * kernel backing store, and calls ia64_handle_interruption(regs) in C; that
 * returns the pt_regs of the task to resume, and entry.S's
 * ia64_leave_kernel restores it and rfi's into it.
 *
 * All privileged operations go through paravirt_inst.h's macros.
 */
#include "kregs.h"
#include "ptrace.h"
#include "uapi.h"
#include "paravirt_inst.h"

	.section .text.ivt, "ax"
	.align 32768
	.global ia64_ivt
ia64_ivt:

/* A vector that goes straight to the full save path. */
	.macro SAVE_ALL_VECTOR off, n
	.org \off
	mov r31 = pr
	mov r19 = \n
	br.sptk.many ia64_save_all
	;;
	.endm

/* A TLB-miss vector: refill from the page table. */
	.macro TLB_MISS_VECTOR off, n
	.org \off
	mov r31 = pr
	mov r19 = \n
	br.sptk.many ia64_tlb_refill
	;;
	.endm

	SAVE_ALL_VECTOR 0x0000, IA64_VEC_VHPT
	TLB_MISS_VECTOR 0x0400, IA64_VEC_ITLB
	TLB_MISS_VECTOR 0x0800, IA64_VEC_DTLB
	TLB_MISS_VECTOR 0x0c00, IA64_VEC_ALT_ITLB
	TLB_MISS_VECTOR 0x1000, IA64_VEC_ALT_DTLB
	.irp n, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19
	SAVE_ALL_VECTOR (\n * 0x400), \n
	.endr
	.irp n, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39
	SAVE_ALL_VECTOR (0x5000 + (\n - 20) * 0x100), \n
	.endr
	.irp n, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59
	SAVE_ALL_VECTOR (0x5000 + (\n - 20) * 0x100), \n
	.endr
	.irp n, 60, 61, 62, 63, 64, 65, 66, 67
	SAVE_ALL_VECTOR (0x5000 + (\n - 20) * 0x100), \n
	.endr
	.org 0x8000

	.text

/* Two registers to the two interleaved save pointers r2 and r3 (the
 * .mem.offset notes tell the assembler the two spills' NaT bits differ). */
	.macro SPILL_PAIR ra, rb
	.mem.offset 0, 0
	st8.spill [r2] = \ra, 16
	.mem.offset 8, 0
	st8.spill [r3] = \rb, 16
	;;
	.endm
	.macro FSPILL_PAIR fa, fb
	stf.spill [r2] = \fa, 32
	stf.spill [r3] = \fb, 32
	;;
	.endm

/*
 * TLB refill.  In: bank 0, r31 = pr, r19 = vector number.  A user-region
 * address whose page-table entry is present is inserted (itc.i for the
 * instruction vectors, itc.d for the data ones; cr.ifa holds the address
 * and we set cr.itir to the page size) and the faulting instruction is
 * restarted.  Anything else is a page fault for C.
 */
	.align 32
	.global ia64_tlb_refill
	.proc ia64_tlb_refill
ia64_tlb_refill:
	MOV_FROM_IFA(r16)
	mov r17 = IA64_KR_AR_PT_BASE
	tbit.nz p9, p10 = r19, 0		// vectors 1 and 3: instruction side
	;;
	extr.u r18 = r16, 61, 3			// region
	extr.u r20 = r16, PAGE_SHIFT, 61 - PAGE_SHIFT	// page number in the region
	;;
	cmp.eq p8, p0 = r0, r17			// no page table yet
	cmp.ne p6, p0 = USER_REGION, r18
	cmp.ltu p7, p0 = USER_PTRS - 1, r20
	shladd r17 = r20, 3, r17
	;;
(p6)	br.cond.spnt.many ia64_save_all
(p7)	br.cond.spnt.many ia64_save_all
(p8)	br.cond.spnt.many ia64_save_all
	;;
	ld8 r18 = [r17]				// the pte
	mov r21 = IA64_ITIR(PAGE_SHIFT)
	;;
	tbit.z p6, p0 = r18, 0			// !pte.p
	MOV_TO_ITIR(p0, r21, r22)
	;;
(p6)	br.cond.spnt.many ia64_save_all
	;;
	srlz.d
	;;
	ITC_I(p9, r18, r22)
	;;
	ITC_D(p10, r18, r22)
	;;
	mov pr = r31, -1
	;;
	RFI
	;;
	.endp ia64_tlb_refill

/*
 * Full save.  In: bank 0, psr.ic = 0, psr.i = 0, r31 = pr at the vector,
 * r19 = vector number.  An interruption not from user mode (cpl 3) is a
 * kernel bug and goes to ia64_kernel_trap.
 */
	.align 32
	.global ia64_save_all
	.proc ia64_save_all
ia64_save_all:
	mov r16 = IA64_KR_AR_CURRENT		// &current->regs (0 before the first task)
	MOV_FROM_IPSR(p0, r17)
	;;
	cmp.eq p6, p0 = r0, r16
	extr.u r18 = r17, IA64_PSR_CPL0_BIT, 2
	;;
	cmp.ne.or p6, p0 = 3, r18		// not from user mode (a domU kernel runs at cpl 1-2)
	;;
(p6)	br.cond.spnt.many ia64_kernel_trap
	;;
	/* the interruption registers */
	MOV_FROM_IIP(r18)
	MOV_FROM_ISR(r20)
	adds r21 = PT_CR_IIP, r16
	adds r22 = PT_CR_ISR, r16
	;;
	st8 [r16] = r17				// cr_ipsr
	st8 [r21] = r18, PT_CR_IFA - PT_CR_IIP
	st8 [r22] = r20, PT_CR_IIM - PT_CR_ISR
	MOV_FROM_IFA(r17)
	MOV_FROM_IIM(r18)
	;;
	st8 [r21] = r17, PT_VECTOR - PT_CR_IFA
	st8 [r22] = r18, PT_PR - PT_CR_IIM
	;;
	st8 [r21] = r19				// vector
	st8 [r22] = r31				// pr
	COVER					// the interrupted frame joins the dirty partition
	;;
	/* the register stack: switch the RSE to this task's kernel backing store */
	MOV_FROM_IFS(r17)			// its CFM, valid bit set
	adds r21 = PT_CR_IFS, r16
	mov r18 = ar.rsc
	;;
	st8 [r21] = r17
	mov ar.rsc = 0				// enforced lazy, pl 0
	adds r21 = PT_KRBS_BASE, r16
	;;
	mov r20 = ar.bspstore			// user's
	ld8 r22 = [r21]
	;;
	mov r23 = ar.rnat			// user's
	;;
	mov ar.bspstore = r22			// the user's dirty registers now belong here...
	;;
	flushrs					// ...and are all written out
	;;
	mov r24 = ar.bsp
	mov r25 = ar.rnat
	adds r21 = PT_AR_RSC, r16
	adds r22 = PT_AR_BSPSTORE, r16
	;;
	st8 [r21] = r18, PT_AR_RNAT - PT_AR_RSC
	st8 [r22] = r20, PT_KBSP - PT_AR_BSPSTORE
	;;
	st8 [r21] = r23
	st8 [r22] = r24, PT_KRNAT - PT_KBSP
	;;
	st8 [r22] = r25
	mov r26 = ar.unat
	adds r21 = PT_AR_UNAT, r16
	;;
	st8 [r21] = r26				// user's ar.unat, before our spills change it
	adds r17 = PT_R(1), r16
	adds r18 = PT_R(2), r16
	adds r20 = PT_R(14), r16
	adds r21 = PT_R(15), r16
	;;
	/* general registers: r1..r3, r14, r15 with bank-0 pointers (r14/r15
	 * first, because they are BSW_1's scratch registers), then r2/r3 point */
	.mem.offset PT_R(1), 0
	st8.spill [r17] = r1, 16		// -> r3
	.mem.offset PT_R(2), 0
	st8.spill [r18] = r2, 16		// -> r4
	.mem.offset PT_R(14), 0
	st8.spill [r20] = r14
	.mem.offset PT_R(15), 0
	st8.spill [r21] = r15
	;;
	.mem.offset PT_R(3), 0
	st8.spill [r17] = r3, 16		// -> r5
	mov r2 = r18
	;;
	mov r3 = r17
	;;
	BSW_1(r14, r15)				// bank 1: the user's r16..r31
	;;
	SPILL_PAIR r4, r5
	SPILL_PAIR r6, r7
	SPILL_PAIR r8, r9
	SPILL_PAIR r10, r11
	SPILL_PAIR r12, r13
	adds r2 = 16, r2			// r14, r15 are done
	adds r3 = 16, r3
	;;
	SPILL_PAIR r16, r17
	SPILL_PAIR r18, r19
	SPILL_PAIR r20, r21
	SPILL_PAIR r22, r23
	SPILL_PAIR r24, r25
	SPILL_PAIR r26, r27
	SPILL_PAIR r28, r29
	.mem.offset 0, 0
	st8.spill [r2] = r30, 16		// r2 -> PT_F2
	.mem.offset 8, 0
	st8.spill [r3] = r31, 24		// r3 -> PT_F(3)
	;;
	adds r8 = -PT_F2, r2			// r8 = regs from here on
	mov r9 = ar.unat
	;;
	adds r10 = PT_EML_UNAT, r8
	;;
	st8 [r10] = r9
	/* floating-point registers f2..f31 */
	FSPILL_PAIR f2, f3
	FSPILL_PAIR f4, f5
	FSPILL_PAIR f6, f7
	FSPILL_PAIR f8, f9
	FSPILL_PAIR f10, f11
	FSPILL_PAIR f12, f13
	FSPILL_PAIR f14, f15
	FSPILL_PAIR f16, f17
	FSPILL_PAIR f18, f19
	FSPILL_PAIR f20, f21
	FSPILL_PAIR f22, f23
	FSPILL_PAIR f24, f25
	FSPILL_PAIR f26, f27
	FSPILL_PAIR f28, f29
	FSPILL_PAIR f30, f31
	/* branch registers */
	mov r14 = b0
	mov r15 = b1
	adds r2 = PT_B0, r8
	adds r3 = PT_B0 + 8, r8
	;;
	st8 [r2] = r14, 16
	st8 [r3] = r15, 16
	mov r14 = b2
	mov r15 = b3
	;;
	st8 [r2] = r14, 16
	st8 [r3] = r15, 16
	mov r14 = b4
	mov r15 = b5
	;;
	st8 [r2] = r14, 16
	st8 [r3] = r15, 16
	mov r14 = b6
	mov r15 = b7
	;;
	st8 [r2] = r14
	st8 [r3] = r15
	;;
	/* application registers */
	mov r14 = ar.pfs
	mov r15 = ar.lc
	adds r2 = PT_AR_PFS, r8
	adds r3 = PT_AR_LC, r8
	;;
	st8 [r2] = r14, PT_AR_EC - PT_AR_PFS
	st8 [r3] = r15, PT_AR_CCV - PT_AR_LC
	mov r14 = ar.ec
	mov r15 = ar.ccv
	;;
	st8 [r2] = r14, PT_AR_FPSR - PT_AR_EC
	st8 [r3] = r15
	mov r14 = ar.fpsr
	;;
	st8 [r2] = r14
	/* the kernel's environment: its memory stack, gp, fpsr; collection on */
	adds r2 = PT_KSP, r8
	movl r14 = FPSR_DEFAULT
	;;
	ld8 r12 = [r2]
	movl gp = __gp
	mov ar.fpsr = r14
	mov r13 = r0
	;;
	SSM_PSR_IC_AND_SRLZ_D(r14, r15)
	;;
	alloc r14 = ar.pfs, 0, 0, 1, 0
	;;
	mov out0 = r8
	br.call.sptk.many rp = ia64_handle_interruption
	;;
	br.sptk.many ia64_leave_kernel		// r8 = the task to resume
	;;
	.endp ia64_save_all

/*
 * An interruption in the kernel (or before the first task): report it and stop.
 * In: bank 0, psr.ic = 0, r17 = ipsr, r19 = vector.
 */
	.align 32
	.proc ia64_kernel_trap
ia64_kernel_trap:
	MOV_FROM_IIP(r18)
	MOV_FROM_ISR(r20)
	MOV_FROM_IFA(r21)
	COVER
	;;
	alloc r22 = ar.pfs, 0, 0, 5, 0
	;;
	mov out0 = r19
	mov out1 = r17
	mov out2 = r18
	mov out3 = r20
	mov out4 = r21
	movl gp = __gp
	;;
	br.call.sptk.many rp = ia64_kernel_panic_trap	// does not return
	;;
	.endp ia64_kernel_trap
