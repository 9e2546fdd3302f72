/* kregs.h -- IA-64 architectural constants used by the mini kernel, from C
 * and from assembly: PSR bits, RSC/RR/PTE/ITIR/PTA fields, the IVT vector
 * numbers, kernel-register roles, and the kernel's region-7 identity map.
 * Names follow Linux/IA-64 (asm/kregs.h, asm/pgtable.h) where one exists.
 */
#ifndef KREGS_H
#define KREGS_H

#ifdef __ASSEMBLY__
#define UL(x) x
#else
#define UL(x) x##UL
#endif

/* PSR bits (SDM vol 2, 3.3.2). */
#define IA64_PSR_BE_BIT   1
#define IA64_PSR_IC_BIT   13
#define IA64_PSR_I_BIT    14
#define IA64_PSR_DT_BIT   17
#define IA64_PSR_DFL_BIT  18
#define IA64_PSR_DFH_BIT  19
#define IA64_PSR_RT_BIT   27
#define IA64_PSR_CPL0_BIT 32
#define IA64_PSR_IT_BIT   36
#define IA64_PSR_RI_BIT   41
#define IA64_PSR_BN_BIT   44

#define IA64_PSR_IC   (UL(1) << IA64_PSR_IC_BIT)
#define IA64_PSR_I    (UL(1) << IA64_PSR_I_BIT)
#define IA64_PSR_DT   (UL(1) << IA64_PSR_DT_BIT)
#define IA64_PSR_RT   (UL(1) << IA64_PSR_RT_BIT)
#define IA64_PSR_IT   (UL(1) << IA64_PSR_IT_BIT)
#define IA64_PSR_BN   (UL(1) << IA64_PSR_BN_BIT)
#define IA64_PSR_DFH  (UL(1) << IA64_PSR_DFH_BIT)
#define IA64_PSR_CPL  (UL(3) << IA64_PSR_CPL0_BIT)
#define IA64_PSR_RI   (UL(3) << IA64_PSR_RI_BIT)

/* Kernel runs translated, collecting, bank 1, interrupts off. */
#define IA64_PSR_KERNEL (IA64_PSR_IT | IA64_PSR_DT | IA64_PSR_RT | IA64_PSR_IC | IA64_PSR_BN)
/* User tasks: the same plus interrupts on, at cpl 3, and f32..f127 disabled:
 * a task's state is f2..f31 (pt_regs), so touching the high partition is a
 * Disabled FP-Register fault that kills the task. */
#define IA64_PSR_USER   (IA64_PSR_KERNEL | IA64_PSR_I | IA64_PSR_CPL | IA64_PSR_DFH)

/* ar.rsc: mode 1:0 (0 = enforced lazy), pl 3:2, loadrs 29:16. */
#define IA64_RSC_PL_SHIFT     2
#define IA64_RSC_LOADRS_SHIFT 16
#define IA64_RSC_USER         (UL(3) << IA64_RSC_PL_SHIFT)     /* lazy, pl 3 */

/* cr.ifs: valid bit 63, ifm (a CFM image) 37:0, sof 6:0. */
#define IA64_IFS_V     (UL(1) << 63)
#define IA64_IFS_SOF   UL(0x7f)

/* cr.isr access bits. */
#define IA64_ISR_X_BIT 32
#define IA64_ISR_W_BIT 33
#define IA64_ISR_R_BIT 34

/* Short-format PTE (SDM vol 2, 4.1.1.5). */
#define _PAGE_P       (UL(1) << 0)
#define _PAGE_MA_WB   (UL(0) << 2)
#define _PAGE_A       (UL(1) << 5)
#define _PAGE_D       (UL(1) << 6)
#define _PAGE_PL_0    (UL(0) << 7)
#define _PAGE_PL_3    (UL(3) << 7)
#define _PAGE_AR_R    (UL(0) << 9)
#define _PAGE_AR_RX   (UL(1) << 9)
#define _PAGE_AR_RW   (UL(2) << 9)
#define _PAGE_AR_RWX  (UL(3) << 9)
#define _PAGE_PPN_MASK UL(0x0003fffffffff000)
#define __DIRTY_BITS  (_PAGE_P | _PAGE_MA_WB | _PAGE_A | _PAGE_D)

/* rr: ve bit 0, ps 7:2, rid 31:8.  itir: ps 7:2, key 31:8.
 * pta: ve bit 0, size 7:2, vf bit 8, base 63:15. */
#define IA64_RR_VAL(rid, ps)  (((rid) << 8) | ((ps) << 2))
#define IA64_ITIR(ps)         ((ps) << 2)

/* Kernel image: region 7, virtual = physical + PAGE_OFFSET; one ITR and one
 * DTR of KERNEL_TR_PAGE_SHIFT cover physical 0 .. 16 MB. */
#define PAGE_OFFSET          UL(0xe000000000000000)
#define KERNEL_TR_PAGE_SHIFT 24
#define KERNEL_RID           0x7
#define IA64_TR_KERNEL       0          /* itr[0] and dtr[0] */

/* User pages. */
#define PAGE_SHIFT 14
#define PAGE_SIZE  (UL(1) << PAGE_SHIFT)

/* Kernel registers (Linux: IA64_KR_CURRENT 6, IA64_KR_PT_BASE 7). */
#define IA64_KR_CURRENT  6      /* ar.k6 = &current->regs */
#define IA64_KR_PT_BASE  7      /* ar.k7 = current task's page table */

/* IVT vector numbers (index of the entry; offset = n*0x400 below 20,
 * 0x5000 + (n-20)*0x100 from 20). */
#define IA64_VEC_VHPT          0
#define IA64_VEC_ITLB          1
#define IA64_VEC_DTLB          2
#define IA64_VEC_ALT_ITLB      3
#define IA64_VEC_ALT_DTLB      4
#define IA64_VEC_NESTED_DTLB   5
#define IA64_VEC_BREAK         11
#define IA64_VEC_EXTINT        12
#define IA64_VEC_PAGE_NOT_PRESENT 20
#define IA64_VEC_KEY_PERMISSION   21
#define IA64_VEC_IACCESS_RIGHTS   22
#define IA64_VEC_DACCESS_RIGHTS   23
#define IA64_VEC_GENERAL_EXCEPTION 24
#define IA64_VEC_DISABLED_FP      25
#define IA64_VEC_NAT_CONSUMPTION  26
#define IA64_VEC_UNALIGNED        30

/* Interrupt vectors (Linux: IA64_TIMER_VECTOR 0xef; 15 = spurious). */
#define IA64_TIMER_VECTOR     0xef
#define IA64_SPURIOUS_INT_VECTOR 0x0f

/* ar.fpsr at task start and in the kernel (Linux FPSR_DEFAULT). */
#define FPSR_DEFAULT UL(0x0009804c0270033f)

/* Simulator system calls (Ski): break 0x80001, number in r15. */
#define SSC_BREAK       0x80001
#define SSC_PUTCHAR     31
#define SSC_EXIT        66

#endif
