/* paravirt.h -- the privileged-operation interface of the C kernel, laid out
 * as Linux/IA-64's pv_ops (pvops-reference.md section 1): pv_info, the boot
 * hooks pv_init_ops, and ONE table of function pointers for the intrinsics,
 * pv_cpu_ops.  C code calls
 * privileged operations only through the ia64_* wrappers below; the native
 * table (paravirt.c) is the bare-hardware implementation, and a Xen domU
 * flavour swaps in its own table.
 */
#ifndef PARAVIRT_H
#define PARAVIRT_H

struct pv_info {
	unsigned int kernel_rpl;
	int paravirt_enabled;
	const char *name;
};

/* Boot hooks (Linux: pv_init_ops); NULL members are skipped.  Native sets
 * none: the console and power-off of printk.c are the bare machine's. */
struct pv_init_ops {
	void (*banner)(void);
	void (*arch_setup_early)(void);
};

/* Register numbers for getreg/setreg, as Linux's asm/ia64regs.h: ARs from
 * 3072 + ar number, CRs from 4096 + cr number. */
#define _IA64_REG_PSR       1024
#define _IA64_REG_AR_KR0    3072
#define _IA64_REG_AR_KR6    (_IA64_REG_AR_KR0 + 6)
#define _IA64_REG_AR_KR7    (_IA64_REG_AR_KR0 + 7)
#define _IA64_REG_AR_ITC    (3072 + 44)
#define _IA64_REG_CR_DCR    (4096 + 0)
#define _IA64_REG_CR_ITM    (4096 + 1)
#define _IA64_REG_CR_IVA    (4096 + 2)
#define _IA64_REG_CR_PTA    (4096 + 8)
#define _IA64_REG_CR_IVR    (4096 + 65)
#define _IA64_REG_CR_TPR    (4096 + 66)
#define _IA64_REG_CR_EOI    (4096 + 67)
#define _IA64_REG_CR_ITV    (4096 + 72)
#define _IA64_REG_CR_PMV    (4096 + 73)
#define _IA64_REG_CR_CMCV   (4096 + 74)
#define _IA64_REG_CR_LRR0   (4096 + 80)
#define _IA64_REG_CR_LRR1   (4096 + 81)

struct pv_cpu_ops {
	void (*fc)(unsigned long addr);
	unsigned long (*thash)(unsigned long addr);
	unsigned long (*get_cpuid)(int index);
	unsigned long (*getreg)(int reg);
	void (*setreg)(int reg, unsigned long val);
	void (*ptcl)(unsigned long addr, unsigned long log_size);	/* Linux: ptcga (SMP) */
	unsigned long (*get_rr)(unsigned long addr);
	void (*set_rr)(unsigned long addr, unsigned long val);
	void (*set_rr0_to_rr4)(unsigned long v0, unsigned long v1, unsigned long v2,
			       unsigned long v3, unsigned long v4);
	void (*ssm_i)(void);
	void (*rsm_i)(void);
	unsigned long (*get_psr_i)(void);
	void (*intrin_local_irq_restore)(unsigned long flags);
};

extern struct pv_info pv_info;
extern struct pv_init_ops pv_init_ops;
extern struct pv_cpu_ops pv_cpu_ops;

#define ia64_fc(a)            pv_cpu_ops.fc(a)
#define ia64_thash(a)         pv_cpu_ops.thash(a)
#define ia64_get_cpuid(i)     pv_cpu_ops.get_cpuid(i)
#define ia64_getreg(r)        pv_cpu_ops.getreg(r)
#define ia64_setreg(r, v)     pv_cpu_ops.setreg(r, v)
#define ia64_ptcl(a, s)       pv_cpu_ops.ptcl(a, s)
#define ia64_get_rr(a)        pv_cpu_ops.get_rr(a)
#define ia64_set_rr(a, v)     pv_cpu_ops.set_rr(a, v)
#define ia64_get_psr_i()      pv_cpu_ops.get_psr_i()

/* Serialization is not privileged: plain instructions in every flavour. */
static inline void ia64_srlz_d(void) { __asm__ volatile (";; srlz.d ;;" ::: "memory"); }
static inline void ia64_srlz_i(void) { __asm__ volatile (";; srlz.i ;;" ::: "memory"); }

#endif
