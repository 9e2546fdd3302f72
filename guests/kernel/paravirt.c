/* paravirt.c -- pv_info, pv_init_ops and the native (bare hardware)
 * pv_cpu_ops table: each operation is the privileged instruction itself, in
 * inline asm.  getreg/setreg switch on the register number because the
 * instruction encodes it.
 */
#include "kernel.h"

struct pv_info pv_info = {
	.kernel_rpl = 0,
	.paravirt_enabled = 0,
	.name = "bare hardware",
};

struct pv_init_ops pv_init_ops;		/* native: no hooks */

static void native_fc(unsigned long addr)
{
	__asm__ volatile ("fc %0" :: "r"(addr) : "memory");
}

static unsigned long native_thash(unsigned long addr)
{
	unsigned long r;
	__asm__ volatile ("thash %0 = %1" : "=r"(r) : "r"(addr));
	return r;
}

static unsigned long native_get_cpuid(int index)
{
	unsigned long r;
	__asm__ volatile ("mov %0 = cpuid[%1]" : "=r"(r) : "r"((unsigned long)index));
	return r;
}

#define GETCR(n) ({ unsigned long _r; __asm__ volatile ("mov %0 = cr." #n : "=r"(_r)); _r; })
#define SETCR(n, v) __asm__ volatile ("mov cr." #n " = %0 ;; srlz.d ;;" :: "r"(v) : "memory")

static unsigned long native_getreg(int reg)
{
	unsigned long r = 0;

	switch (reg) {
	case _IA64_REG_PSR:
		__asm__ volatile ("mov %0 = psr" : "=r"(r));
		break;
	case _IA64_REG_AR_ITC:
		__asm__ volatile ("mov %0 = ar.itc" : "=r"(r));
		break;
	case _IA64_REG_AR_KR6:
		__asm__ volatile ("mov %0 = ar.k6" : "=r"(r));
		break;
	case _IA64_REG_AR_KR7:
		__asm__ volatile ("mov %0 = ar.k7" : "=r"(r));
		break;
	case _IA64_REG_CR_DCR:  r = GETCR(dcr); break;
	case _IA64_REG_CR_ITM:  r = GETCR(itm); break;
	case _IA64_REG_CR_IVA:  r = GETCR(iva); break;
	case _IA64_REG_CR_PTA:  r = GETCR(pta); break;
	case _IA64_REG_CR_IVR:  r = GETCR(ivr); break;
	case _IA64_REG_CR_TPR:  r = GETCR(tpr); break;
	case _IA64_REG_CR_ITV:  r = GETCR(itv); break;
	case _IA64_REG_CR_PMV:  r = GETCR(pmv); break;
	case _IA64_REG_CR_CMCV: r = GETCR(cmcv); break;
	case _IA64_REG_CR_LRR0: r = GETCR(lrr0); break;
	case _IA64_REG_CR_LRR1: r = GETCR(lrr1); break;
	default:
		panic("getreg: register %d", reg);
	}
	return r;
}

static void native_setreg(int reg, unsigned long val)
{
	switch (reg) {
	case _IA64_REG_AR_KR6:
		__asm__ volatile ("mov ar.k6 = %0" :: "r"(val));
		break;
	case _IA64_REG_AR_KR7:
		__asm__ volatile ("mov ar.k7 = %0" :: "r"(val));
		break;
	case _IA64_REG_CR_ITM:  SETCR(itm, val); break;
	case _IA64_REG_CR_TPR:  SETCR(tpr, val); break;
	case _IA64_REG_CR_EOI:  SETCR(eoi, val); break;
	case _IA64_REG_CR_ITV:  SETCR(itv, val); break;
	case _IA64_REG_CR_PMV:  SETCR(pmv, val); break;
	case _IA64_REG_CR_CMCV: SETCR(cmcv, val); break;
	case _IA64_REG_CR_LRR0: SETCR(lrr0, val); break;
	case _IA64_REG_CR_LRR1: SETCR(lrr1, val); break;
	default:
		panic("setreg: register %d", reg);
	}
}

static void native_ptcl(unsigned long addr, unsigned long log_size)
{
	__asm__ volatile ("ptc.l %0, %1 ;; srlz.d ;;" :: "r"(addr), "r"(log_size << 2) : "memory");
}

static unsigned long native_get_rr(unsigned long addr)
{
	unsigned long r;
	__asm__ volatile ("mov %0 = rr[%1]" : "=r"(r) : "r"(addr));
	return r;
}

static void native_set_rr(unsigned long addr, unsigned long val)
{
	__asm__ volatile ("mov rr[%0] = %1" :: "r"(addr), "r"(val) : "memory");
}

static void native_set_rr0_to_rr4(unsigned long v0, unsigned long v1, unsigned long v2,
				  unsigned long v3, unsigned long v4)
{
	native_set_rr(0UL << 61, v0);
	native_set_rr(1UL << 61, v1);
	native_set_rr(2UL << 61, v2);
	native_set_rr(3UL << 61, v3);
	native_set_rr(4UL << 61, v4);
}

static void native_ssm_i(void)
{
	__asm__ volatile ("ssm psr.i ;; srlz.d ;;" ::: "memory");
}

static void native_rsm_i(void)
{
	__asm__ volatile ("rsm psr.i ;;" ::: "memory");
}

static unsigned long native_get_psr_i(void)
{
	return native_getreg(_IA64_REG_PSR) & IA64_PSR_I;
}

static void native_intrin_local_irq_restore(unsigned long flags)
{
	if (flags & IA64_PSR_I)
		native_ssm_i();
	else
		native_rsm_i();
}

struct pv_cpu_ops pv_cpu_ops = {
	.fc = native_fc,
	.thash = native_thash,
	.get_cpuid = native_get_cpuid,
	.getreg = native_getreg,
	.setreg = native_setreg,
	.ptcl = native_ptcl,
	.get_rr = native_get_rr,
	.set_rr = native_set_rr,
	.set_rr0_to_rr4 = native_set_rr0_to_rr4,
	.ssm_i = native_ssm_i,
	.rsm_i = native_rsm_i,
	.get_psr_i = native_get_psr_i,
	.intrin_local_irq_restore = native_intrin_local_irq_restore,
};
