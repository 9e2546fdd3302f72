/* ptrace.h -- struct pt_regs: a task's complete user state as ivt.S saves it
 * on every interruption from user mode and entry.S restores it (possibly for
 * another task).  The PT_* byte offsets are what the assembly uses; C checks
 * them against the struct with _Static_assert (main.c).
 *
 * The general registers r1..r31 sit in one 256-byte run so that the
 * st8.spill NaT bits (ar.unat bit = address bits 8:3) never collide.
 */
#ifndef PTRACE_H
#define PTRACE_H

#define PT_CR_IPSR     0x000
#define PT_CR_IIP      0x008
#define PT_CR_IFS      0x010
#define PT_CR_ISR      0x018
#define PT_CR_IFA      0x020
#define PT_CR_IIM      0x028
#define PT_VECTOR      0x030
#define PT_PR          0x038
#define PT_AR_RSC      0x040
#define PT_AR_BSPSTORE 0x048	/* user's */
#define PT_AR_RNAT     0x050	/* user's */
#define PT_AR_UNAT     0x058	/* user's */
#define PT_AR_PFS      0x060
#define PT_AR_LC       0x068
#define PT_AR_EC       0x070
#define PT_AR_CCV      0x078
#define PT_AR_FPSR     0x080
#define PT_EML_UNAT    0x088	/* NaT bits of the r1..r31 spills */
#define PT_KBSP        0x090	/* kernel backing store top after flushrs */
#define PT_KRNAT       0x098	/* ar.rnat after that flushrs */
#define PT_KRBS_BASE   0x0a0	/* this task's kernel backing store */
#define PT_KSP         0x0a8	/* this task's kernel memory stack top */
#define PT_B0          0x0b0	/* b0..b7 */
#define PT_R0          0x100	/* r0 (unused slot), r1..r31 */
#define PT_R(n)        (PT_R0 + 8 * (n))
#define PT_F2          0x200	/* f2..f31, 16 bytes each */
#define PT_F(n)        (PT_F2 + 16 * ((n) - 2))
#define PT_SIZE        0x3e0

#ifndef __ASSEMBLY__
struct ia64_fpreg { unsigned long lo, hi; } __attribute__((aligned(16)));

struct pt_regs {
	unsigned long cr_ipsr, cr_iip, cr_ifs, cr_isr, cr_ifa, cr_iim;
	unsigned long vector, pr;
	unsigned long ar_rsc, ar_bspstore, ar_rnat, ar_unat;
	unsigned long ar_pfs, ar_lc, ar_ec, ar_ccv, ar_fpsr;
	unsigned long eml_unat, kbsp, krnat, krbs_base, ksp;
	unsigned long b[8];
	unsigned long _pad[2];
	unsigned long r[32];
	struct ia64_fpreg f[30];	/* f2..f31 */
};
#endif

#endif
