/* entry.S -- leaving the kernel, and the simulator system call.
 *
 * ia64_leave_kernel(r8 = &next->regs) resumes a task from its pt_regs: when
 * next is not the task that entered, this IS the context switch.  The RSE
 * part: drop every stacked register (the kernel's frames are dead), point
 * ar.bspstore at next's kernel backing store where ivt.S flushed next's
 * dirty user registers, loadrs them back, then move ar.bspstore to next's
 * own backing store so they are dirty again with respect to it.  Then the
 * FRs, BRs, ARs, GRs (r16..r31 into bank 1), bsw.0, the interruption
 * registers and rfi.  All privileged operations go through
 * paravirt_inst.h's macros.
 */
#include "kregs.h"
#include "ptrace.h"
#include "paravirt_inst.h"

	.text

/* Two registers from the two interleaved pointers r2 and r3. */
	.macro FILL_PAIR ra, rb
	.mem.offset 0, 0
	ld8.fill \ra = [r2], 16
	.mem.offset 8, 0
	ld8.fill \rb = [r3], 16
	;;
	.endm
	.macro FFILL_PAIR fa, fb
	ldf.fill \fa = [r2], 32
	ldf.fill \fb = [r3], 32
	;;
	.endm

	.align 32
	.global ia64_leave_kernel
	.proc ia64_leave_kernel
ia64_leave_kernel:
	alloc r14 = ar.pfs, 0, 0, 0, 0		// no stacked registers of our own any more
	RSM_PSR_I_IC(r14, r15, r16)		// interruption registers writable
	;;
	srlz.d
	;;
	MOV_TO_KR(CURRENT, r8, r14, r15)
	adds r2 = PT_KBSP, r8
	adds r3 = PT_KRNAT, r8
	mov ar.rsc = 0				// enforced lazy, loadrs 0
	;;
	ld8 r9 = [r2], PT_KRBS_BASE - PT_KBSP	// kbsp
	ld8 r10 = [r3]				// krnat
	;;
	ld8 r11 = [r2]				// krbs_base
	;;
	loadrs					// invalidate all stacked registers
	;;
	mov ar.bspstore = r9			// next's kernel backing store, as flushed
	sub r11 = r9, r11			// bytes of next's dirty user registers
	;;
	mov ar.rnat = r10
	shl r11 = r11, IA64_RSC_LOADRS_SHIFT
	;;
	mov ar.rsc = r11
	;;
	loadrs					// load them into the register file
	;;
	adds r2 = PT_AR_BSPSTORE, r8
	adds r3 = PT_AR_RNAT, r8
	;;
	ld8 r9 = [r2]
	ld8 r10 = [r3]
	;;
	mov ar.bspstore = r9			// dirty again, against the user's store
	;;
	mov ar.rnat = r10
	/* floating-point registers */
	adds r2 = PT_F(2), r8
	adds r3 = PT_F(3), r8
	;;
	FFILL_PAIR f2, f3
	FFILL_PAIR f4, f5
	FFILL_PAIR f6, f7
	FFILL_PAIR f8, f9
	FFILL_PAIR f10, f11
	FFILL_PAIR f12, f13
	FFILL_PAIR f14, f15
	FFILL_PAIR f16, f17
	FFILL_PAIR f18, f19
	FFILL_PAIR f20, f21
	FFILL_PAIR f22, f23
	FFILL_PAIR f24, f25
	FFILL_PAIR f26, f27
	FFILL_PAIR f28, f29
	FFILL_PAIR f30, f31
	/* branch registers */
	adds r2 = PT_B0, r8
	adds r3 = PT_B0 + 8, r8
	;;
	ld8 r14 = [r2], 16
	ld8 r15 = [r3], 16
	;;
	mov b0 = r14
	mov b1 = r15
	ld8 r14 = [r2], 16
	ld8 r15 = [r3], 16
	;;
	mov b2 = r14
	mov b3 = r15
	ld8 r14 = [r2], 16
	ld8 r15 = [r3], 16
	;;
	mov b4 = r14
	mov b5 = r15
	ld8 r14 = [r2]
	ld8 r15 = [r3]
	;;
	mov b6 = r14
	mov b7 = r15
	;;
	/* application registers */
	adds r2 = PT_AR_PFS, r8
	adds r3 = PT_AR_LC, r8
	;;
	ld8 r14 = [r2], PT_AR_EC - PT_AR_PFS
	ld8 r15 = [r3], PT_AR_CCV - PT_AR_LC
	;;
	mov ar.pfs = r14
	mov ar.lc = r15
	ld8 r14 = [r2], PT_AR_FPSR - PT_AR_EC
	ld8 r15 = [r3]
	;;
	mov ar.ec = r14
	mov ar.ccv = r15
	ld8 r14 = [r2]
	adds r3 = PT_EML_UNAT, r8
	;;
	mov ar.fpsr = r14
	ld8 r15 = [r3]
	;;
	mov ar.unat = r15			// the NaT bits of the spills below
	adds r2 = PT_R(4), r8
	adds r3 = PT_R(5), r8
	;;
	/* general registers except r1..r3 and r8 (our pointers) */
	FILL_PAIR r4, r5
	.mem.offset 0, 0
	ld8.fill r6 = [r2], 32			// -> r10
	.mem.offset 8, 0
	ld8.fill r7 = [r3], 16			// -> r9
	;;
	.mem.offset 8, 0
	ld8.fill r9 = [r3], 16			// -> r11
	;;
	FILL_PAIR r10, r11
	FILL_PAIR r12, r13
	FILL_PAIR r14, r15
	.mem.offset 0, 0
	ld8.fill r16 = [r2], 16			// bank 1: the user's r16..r31
	.mem.offset 8, 0
	ld8.fill r17 = [r3], 16
	;;
	FILL_PAIR r18, r19
	FILL_PAIR r20, r21
	FILL_PAIR r22, r23
	FILL_PAIR r24, r25
	FILL_PAIR r26, r27
	FILL_PAIR r28, r29
	.mem.offset 0, 0
	ld8.fill r30 = [r2]
	.mem.offset 8, 0
	ld8.fill r31 = [r3]
	;;
	BSW_0(r1, r2, r3)			// bank 0 for the last steps; rfi selects bank 1
	;;
	mov r16 = r8
	;;
	adds r17 = PT_R(1), r16
	adds r18 = PT_R(2), r16
	;;
	.mem.offset 8, 0
	ld8.fill r1 = [r17], 16			// -> r3
	.mem.offset 0, 0
	ld8.fill r2 = [r18], PT_R(8) - PT_R(2)
	;;
	.mem.offset 8, 0
	ld8.fill r3 = [r17]
	.mem.offset 0, 0
	ld8.fill r8 = [r18]
	adds r17 = PT_CR_IPSR, r16
	adds r18 = PT_CR_IIP, r16
	;;
	ld8 r19 = [r17], PT_CR_IFS - PT_CR_IPSR
	ld8 r20 = [r18], PT_PR - PT_CR_IIP
	adds r23 = PT_AR_UNAT, r16
	adds r24 = PT_AR_RSC, r16
	;;
	ld8 r21 = [r17]				// cr_ifs
	ld8 r22 = [r18]				// pr
	ld8 r23 = [r23]
	ld8 r24 = [r24]
	;;
	MOV_TO_IPSR(p0, r19, r25)
	MOV_TO_IIP(r20, r25)
	MOV_TO_IFS(p0, r21, r25)
	mov ar.unat = r23
	mov ar.rsc = r24
	;;
	mov pr = r22, -1
	;;
	RFI
	;;
	.endp ia64_leave_kernel

/*
 * long ia64_ssc(long arg0, long arg1, long arg2, long arg3, long nr):
 * the Ski simulator system call.  Arguments stay where the call put them
 * (r32..r35), the number goes to r15, the result comes back in r8.
 */
	.align 32
	.global ia64_ssc
	.proc ia64_ssc
ia64_ssc:
	.regstk 5, 0, 0, 0
	mov r15 = r36
	;;
	break SSC_BREAK
	;;
	br.ret.sptk.many b0
	;;
	.endp ia64_ssc
