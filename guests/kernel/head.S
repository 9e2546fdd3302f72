/* head.S -- kernel entry.  The loader (Ski's system mode, `ia64jit run`)
 * jumps to the physical address of _start with PSR = 0: physical
 * addressing, cpl 0, no interruption collection, interrupts off, bank 0.
 * Nothing else is assumed.
 *
 * In physical mode (register operations only, no memory access):
 *   rr7 = the kernel's RID with 16 MB pages, rr0..rr6 = unused RIDs;
 *   itr[0] and dtr[0] map virtual PAGE_OFFSET (region 7) -> physical 0,
 *   16 MB, pl 0, RWX: the kernel image, its stacks, page tables, user frames;
 *   cr.iva = ia64_ivt, cr.pta (walker off), cr.dcr = 0, ar.k6 = ar.k7 = 0;
 *   rfi into start_virtual with psr.it/dt/rt/ic/bn set, psr.i clear.
 * Then in virtual mode: gp, the boot memory stack, an empty register stack
 * on the boot backing store, ar.fpsr; call start_kernel, which returns the
 * pt_regs of the first task, and leave the kernel into it.
 */
#include "kregs.h"
#include "paravirt_inst.h"

#define BOOT_STACK_SIZE 0x8000
#define PTA_VAL (PAGE_OFFSET + 0xff8000 + (15 << 2))	/* 32 KB table, ve = 0 */

	.section .text.head, "ax"
	.align 32
	.global _start
	.proc _start
_start:
	/* region registers */
	mov r2 = r0				// region 0 ...
	movl r3 = IA64_RR_VAL(0x10, PAGE_SHIFT)	// ... RID 0x10, then 0x11, ...
	movl r4 = 0x2000000000000000
	mov r5 = 6
	;;
	mov ar.lc = r5
	;;
1:	MOV_TO_RR(r2, r3)
	add r2 = r2, r4
	adds r3 = 0x100, r3
	br.cloop.sptk.few 1b
	;;
	movl r2 = PAGE_OFFSET
	mov r3 = IA64_RR_VAL(KERNEL_RID, KERNEL_TR_PAGE_SHIFT)
	;;
	MOV_TO_RR(r2, r3)
	;;
	srlz.d
	;;
	/* translation registers for the kernel */
	mov r3 = IA64_ITIR(KERNEL_TR_PAGE_SHIFT)
	movl r4 = __DIRTY_BITS | _PAGE_PL_0 | _PAGE_AR_RWX	/* ppn 0 */
	mov r5 = IA64_TR_KERNEL
	;;
	MOV_TO_IFA(r2, r6)
	MOV_TO_ITIR(p0, r3, r6)
	;;
	srlz.d
	;;
	ITR_I(r5, r4)
	;;
	srlz.i
	;;
	ITR_D(r5, r4)
	;;
	srlz.d
	/* vectors, VHPT walker off, default control, kernel registers */
	movl r2 = ia64_ivt
	movl r3 = PTA_VAL
	;;
	MOV_TO_IVA(r2)
	MOV_TO_PTA(r3)
	MOV_TO_DCR(r0)
	MOV_TO_KR(CURRENT, r0, r6, r7)
	MOV_TO_KR(PT_BASE, r0, r6, r7)
	;;
	srlz.i
	;;
	/* into virtual mode */
	movl r2 = IA64_PSR_KERNEL
	movl r3 = start_virtual
	;;
	MOV_TO_IPSR(p0, r2, r6)
	MOV_TO_IIP(r3, r6)
	MOV_TO_IFS(p0, r0, r6)			// ifs.v = 0: CFM unchanged
	;;
	RFI
	;;
	.endp _start

	.align 32
	.proc start_virtual
start_virtual:
	movl gp = __gp
	movl r12 = boot_stack + BOOT_STACK_SIZE - 16
	mov ar.rsc = 0				// enforced lazy, pl 0
	;;
	alloc r2 = ar.pfs, 0, 0, 0, 0		// empty frame
	;;
	loadrs					// nothing left from before
	movl r2 = boot_rbs
	;;
	mov ar.bspstore = r2
	movl r3 = FPSR_DEFAULT
	;;
	mov ar.rnat = r0
	mov ar.fpsr = r3
	mov r13 = r0
	;;
	br.call.sptk.many rp = start_kernel	// returns the first task's pt_regs
	;;
	br.sptk.many ia64_leave_kernel
	;;
	.endp start_virtual

	.bss
	.align 16
	.global boot_stack
boot_stack:
	.skip BOOT_STACK_SIZE
	.align 512
	.global boot_rbs
boot_rbs:
	.skip BOOT_STACK_SIZE
