/* sched.c -- tasks, the round-robin scheduler and the system calls.
 *
 * A task's state while it is not running is entirely its pt_regs (plus its
 * dirty user registers in its kernel backing store, and its pages); the
 * scheduler only picks whose pt_regs entry.S restores next.  Preemption is
 * the timer interrupt calling schedule() (main.c).
 */
#include "kernel.h"

struct task tasks[NR_TASKS];
struct task *current;
static const char *const task_names[NR_TASKS] = { "alpha", "beta", "gamma", "delta" };

void tasks_init(void)
{
	int i;

	for (i = 0; i < NR_TASKS; i++) {
		struct task *t = &tasks[i];
		struct pt_regs *r = &t->regs;

		/* (.bss is zero: clear only what a task reuses) */
		memset(r, 0, sizeof(*r));
		memset(t->pgtable, 0, sizeof(t->pgtable));
		t->outlen = 0;
		t->nr_faults = 0;
		t->pid = i + 1;
		t->name = task_names[i];
		t->state = TASK_RUNNING;
		t->rid = 0x100 + i;
		r->cr_ipsr = IA64_PSR_USER;
		r->cr_iip = USER_TEXT;		/* _ustart */
		r->cr_ifs = IA64_IFS_V;		/* an empty frame */
		r->ar_rsc = IA64_RSC_USER;
		r->ar_bspstore = USER_RBS;
		r->ar_fpsr = FPSR_DEFAULT;
		r->r[8] = i;			/* _ustart's argument */
		r->r[12] = USER_STACK_END - 16;
		r->krbs_base = r->kbsp = (unsigned long)t->krbs;
		r->ksp = (unsigned long)&t->kstack[KSTACK_SIZE / 8] - 16;
	}
	current = NULL;
}

static void all_tasks_done(void) __attribute__((noreturn));
static void all_tasks_done(void)
{
	int ok = nr_ticks > 0 && nr_preemptions > 0;

	console_drain();
	printk("[kernel] all tasks finished, %lu page faults served\n", nr_page_faults);
	printk("[kernel] timer interrupts: %s; preemptions: %s\n",
	       nr_ticks ? "seen" : "NONE", nr_preemptions ? "seen" : "NONE");
	printk("[kernel] power off (status %d)\n", ok ? 0 : 2);
	machine_power_off(ok ? 0 : 2);
}

/* Round robin: the next running task after current (current itself last). */
struct pt_regs *schedule(void)
{
	int start = current ? (int)(current - tasks) : NR_TASKS - 1, i;

	for (i = 1; i <= NR_TASKS; i++) {
		struct task *t = &tasks[(start + i) % NR_TASKS];

		if (t->state != TASK_RUNNING)
			continue;
		if (t != current) {
			nr_switches++;
			switch_mm(t);
			current = t;
		}
		return &t->regs;
	}
	all_tasks_done();
}

static struct pt_regs *do_exit(struct task *t, long status, const char *why)
{
	flush_user_tlb(t);
	t->exit_status = status;
	tprintk(t, "[kernel] %s: %s (status %ld, %lu page faults)\n", t->name, why, status,
		t->nr_faults);
	t->state = TASK_DEAD;
	console_drain();
	return schedule();
}

struct pt_regs *kill_task(struct task *t, const char *fmt, ...)
{
	char buf[160];
	va_list ap;

	va_start(ap, fmt);
	vsnformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	tprintk(t, "[kernel] %s: %s\n", t->name, buf);
	return do_exit(t, -1, "killed");
}

/* The syscall's arguments are the first registers of the frame the break
 * interrupted; ivt.S covered it and flushed it to the kernel backing store,
 * ending at kbsp.  Walk the store as the RSE lays it out: every 64th slot
 * (address bits 8:3 all ones) holds NaT bits, not a register. */
static unsigned long *rse_prev(unsigned long *p)
{
	p--;
	if ((((unsigned long)p >> 3) & 63) == 63)
		p--;
	return p;
}

static unsigned long *rse_next(unsigned long *p)
{
	p++;
	if ((((unsigned long)p >> 3) & 63) == 63)
		p++;
	return p;
}

static void syscall_args(struct pt_regs *regs, unsigned long *args, unsigned long n)
{
	unsigned long sof = regs->cr_ifs & IA64_IFS_SOF, i;
	unsigned long *p = (unsigned long *)regs->kbsp;

	for (i = 0; i < sof; i++)
		p = rse_prev(p);
	for (i = 0; i < n; i++) {
		args[i] = i < sof ? *p : 0;
		p = rse_next(p);
	}
}

static long sys_write(struct task *t, unsigned long fd, unsigned long buf, unsigned long len)
{
	char kbuf[128];
	unsigned long done = 0;

	if (fd != 1 && fd != 2)
		return -EBADF;
	if (len > OUTBUF_SIZE)
		len = OUTBUF_SIZE;	/* a short write */
	while (done < len) {
		unsigned long n = len - done < sizeof(kbuf) ? len - done : sizeof(kbuf);

		if (copy_from_user(t, kbuf, buf + done, n))
			return done ? (long)done : -EFAULT;
		task_console_write(t, kbuf, n);
		done += n;
	}
	return done;
}

struct pt_regs *ia64_syscall(struct pt_regs *regs)
{
	struct task *t = current;
	struct pt_regs *next = regs;
	unsigned long a[4], ri = (regs->cr_ipsr >> IA64_PSR_RI_BIT) & 3;
	long ret;

	/* resume after the break: next slot, or the next bundle's slot 0 */
	if (ri == 2) {
		regs->cr_iip += 16;
		ri = 0;
	} else {
		ri++;
	}
	regs->cr_ipsr = (regs->cr_ipsr & ~IA64_PSR_RI) | (ri << IA64_PSR_RI_BIT);

	syscall_args(regs, a, 4);
	switch (regs->r[15]) {
	case __NR_write:
		ret = sys_write(t, a[0], a[1], a[2]);
		break;
	case __NR_getpid:
		ret = t->pid;
		break;
	case __NR_sched_yield:
		ret = 0;
		next = NULL;
		break;
	case __NR_exit:
		return do_exit(t, (long)a[0], "exited");
	default:
		ret = -ENOSYS;
	}
	regs->r[8] = ret < 0 ? -ret : ret;
	regs->r[10] = ret < 0 ? -1 : 0;
	return next ? next : schedule();
}
