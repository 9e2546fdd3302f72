/* main.c -- start_kernel (called by head.S in virtual mode), the timer,
 * and the dispatch of every interruption ivt.S saved (ia64_handle_interruption).
 */
#include "kernel.h"

unsigned long nr_ticks, nr_preemptions, nr_switches, nr_page_faults;

_Static_assert(__builtin_offsetof(struct pt_regs, cr_ifs) == PT_CR_IFS, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, vector) == PT_VECTOR, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, ar_rsc) == PT_AR_RSC, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, ar_fpsr) == PT_AR_FPSR, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, eml_unat) == PT_EML_UNAT, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, ksp) == PT_KSP, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, b) == PT_B0, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, r) == PT_R0, "pt_regs");
_Static_assert(__builtin_offsetof(struct pt_regs, f) == PT_F2, "pt_regs");
_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "pt_regs");
_Static_assert(__builtin_offsetof(struct task, regs) == 0, "task");

/* The ITC's rate against the instructions executed is anything on a
 * simulator (one per instruction under virtual time, 400 MHz of host time
 * otherwise), so the tick period is calibrated, as Linux calibrates its delay
 * loop: the ITC cycles a known loop takes, times TICK_LOOPS, makes a tick
 * every few ten thousand instructions whatever the clock -- long enough for
 * tasks to progress between ticks, short enough to preempt them. */
#define CALIBRATE_LOOPS 2000
#define TICK_LOOPS      4

static unsigned long timer_period;

static unsigned long calibrate_tick(void)
{
	volatile unsigned long sink = 0;
	unsigned long t0, t1, i;

	t0 = ia64_getreg(_IA64_REG_AR_ITC);
	for (i = 0; i < CALIBRATE_LOOPS; i++)
		sink = i;
	t1 = ia64_getreg(_IA64_REG_AR_ITC);
	(void)sink;
	return (t1 - t0) * TICK_LOOPS + 1;
}

static void timer_init(void)
{
	timer_period = calibrate_tick();
	ia64_setreg(_IA64_REG_CR_TPR, 0);		/* accept every class */
	ia64_setreg(_IA64_REG_CR_PMV, 1UL << 16);	/* masked */
	ia64_setreg(_IA64_REG_CR_CMCV, 1UL << 16);
	ia64_setreg(_IA64_REG_CR_LRR0, 1UL << 16);
	ia64_setreg(_IA64_REG_CR_LRR1, 1UL << 16);
	ia64_setreg(_IA64_REG_CR_ITV, IA64_TIMER_VECTOR);
	ia64_setreg(_IA64_REG_CR_ITM, ia64_getreg(_IA64_REG_AR_ITC) + timer_period);
}

struct pt_regs *start_kernel(void)
{
	unsigned long psr = ia64_getreg(_IA64_REG_PSR);
	unsigned long vendor[3] = { ia64_get_cpuid(0), ia64_get_cpuid(1), 0 };

	nr_ticks = nr_preemptions = nr_switches = nr_page_faults = 0;
	if (pv_init_ops.arch_setup_early)
		pv_init_ops.arch_setup_early();
	if (pv_init_ops.banner)
		pv_init_ops.banner();
	printk("ia64 mini kernel: pv_ops for %s, cpu vendor %s\n", pv_info.name, (char *)vendor);
	printk("boot: psr it=%lu dt=%lu rt=%lu ic=%lu i=%lu cpl=%lu\n",	/* (bn is not readable) */
	       (psr >> IA64_PSR_IT_BIT) & 1, (psr >> IA64_PSR_DT_BIT) & 1,
	       (psr >> IA64_PSR_RT_BIT) & 1, (psr >> IA64_PSR_IC_BIT) & 1,
	       (psr >> IA64_PSR_I_BIT) & 1, (psr >> IA64_PSR_CPL0_BIT) & 3);
	printk("boot: kernel at %p (itr/dtr %d: 16 MB at physical 0), ivt at %p\n",
	       (void *)PAGE_OFFSET, IA64_TR_KERNEL, ia64_ivt);
	printk("boot: rr7 0x%lx, iva 0x%lx, pta 0x%lx\n", ia64_get_rr(PAGE_OFFSET),
	       ia64_getreg(_IA64_REG_CR_IVA), ia64_getreg(_IA64_REG_CR_PTA));
	printk("boot: user image %lu bytes at physical 0x%lx, mapped on demand at %p\n",
	       (unsigned long)(user_image_end - user_image_start), __pa(user_image_start),
	       (void *)USER_TEXT);
	mm_init();
	tasks_init();
	timer_init();
	printk("boot: timer on vector %d, period calibrated to %d loop passes\n",
	       IA64_TIMER_VECTOR, CALIBRATE_LOOPS * TICK_LOOPS);
	printk("boot: starting %d user tasks\n", NR_TASKS);
	return schedule();
}

static struct pt_regs *ia64_handle_irq(struct pt_regs *regs)
{
	unsigned long vector = ia64_getreg(_IA64_REG_CR_IVR);
	struct pt_regs *next = regs;

	if (vector == IA64_SPURIOUS_INT_VECTOR)
		return regs;
	if (vector == IA64_TIMER_VECTOR) {
		nr_ticks++;
		ia64_setreg(_IA64_REG_CR_ITM, ia64_getreg(_IA64_REG_AR_ITC) + timer_period);
	}
	ia64_setreg(_IA64_REG_CR_EOI, 0);
	if (vector == IA64_TIMER_VECTOR) {
		next = schedule();
		if (next != regs)
			nr_preemptions++;
	}
	return next;
}

struct pt_regs *ia64_handle_interruption(struct pt_regs *regs)
{
	switch (regs->vector) {
	case IA64_VEC_EXTINT:
		return ia64_handle_irq(regs);
	case IA64_VEC_BREAK:
		if (regs->cr_iim == __BREAK_SYSCALL)
			return ia64_syscall(regs);
		return kill_task(current, "break 0x%lx at ip 0x%lx", regs->cr_iim, regs->cr_iip);
	case IA64_VEC_ITLB:
	case IA64_VEC_DTLB:
	case IA64_VEC_ALT_ITLB:
	case IA64_VEC_ALT_DTLB:
		return ia64_do_page_fault(regs);
	case IA64_VEC_DISABLED_FP:
		return kill_task(current, "used f32-f127 (disabled) at ip 0x%lx", regs->cr_iip);
	case IA64_VEC_IACCESS_RIGHTS:
	case IA64_VEC_DACCESS_RIGHTS:
		return kill_task(current, "access rights fault at 0x%lx, ip 0x%lx",
				 regs->cr_ifa, regs->cr_iip);
	default:
		return kill_task(current, "interruption vector %lu at ip 0x%lx, isr 0x%lx, ifa 0x%lx",
				 regs->vector, regs->cr_iip, regs->cr_isr, regs->cr_ifa);
	}
}

void ia64_kernel_panic_trap(unsigned long vector, unsigned long ipsr, unsigned long iip,
			    unsigned long isr, unsigned long ifa)
{
	panic("interruption vector %lu in the kernel: ip 0x%lx, psr 0x%lx, isr 0x%lx, ifa 0x%lx",
	      vector, iip, ipsr, isr, ifa);
}
