/* kernel.h -- the mini kernel's C declarations: tasks, the console, memory
 * management, and the entry points the assembly calls.
 */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdarg.h>
#include "kregs.h"
#include "ptrace.h"
#include "uapi.h"
#include "paravirt.h"

#define NULL ((void *)0)
#define NR_TASKS     4
#define KRBS_SIZE    0x4000	/* per-task kernel register backing store */
#define KSTACK_SIZE  0x4000	/* per-task kernel memory stack */
#define OUTBUF_SIZE  4096	/* per-task console line queue */

#define __pa(x) ((unsigned long)(x) - PAGE_OFFSET)
#define __va(x) ((void *)((unsigned long)(x) + PAGE_OFFSET))

enum task_state { TASK_RUNNING, TASK_DEAD };

struct task {
	struct pt_regs regs;		/* first: ar.k6 points at it */
	int pid;
	const char *name;
	enum task_state state;
	long exit_status;
	unsigned long rid;		/* region ID of the task's region 1 */
	unsigned long nr_faults;	/* page faults served */
	unsigned int outlen;
	char out[OUTBUF_SIZE];		/* console lines not yet printed */
	unsigned long pgtable[USER_PTRS];	/* one-level page table of region 1 */
	unsigned long krbs[KRBS_SIZE / 8] __attribute__((aligned(512)));
	unsigned long kstack[KSTACK_SIZE / 8] __attribute__((aligned(16)));
};

extern struct task tasks[NR_TASKS];
extern struct task *current;
extern unsigned long nr_ticks, nr_preemptions, nr_switches, nr_page_faults;

/* lib.c */
void *memset(void *s, int c, unsigned long n);
void *memcpy(void *d, const void *s, unsigned long n);
unsigned long strlen(const char *s);
int vsnformat(char *buf, int size, const char *fmt, va_list ap);

/* printk.c: direct console output, and per-task line queues printed in a
 * fixed round-robin order so the text does not depend on when ticks land. */
long ia64_ssc(long a0, long a1, long a2, long a3, long nr);
extern void (*console_write)(const char *s, unsigned long n);
extern void (*pm_power_off)(int status);
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tprintk(struct task *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void task_console_write(struct task *t, const char *s, unsigned long n);
void console_drain(void);
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void machine_power_off(int status) __attribute__((noreturn));

/* mm.c */
void mm_init(void);
void switch_mm(struct task *t);
int handle_mm_fault(struct task *t, unsigned long va, int write, int exec);
struct pt_regs *ia64_do_page_fault(struct pt_regs *regs);
long copy_from_user(struct task *t, void *dst, unsigned long src, unsigned long n);
void flush_user_tlb(struct task *t);

/* sched.c */
void tasks_init(void);
struct pt_regs *schedule(void);
struct pt_regs *kill_task(struct task *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
struct pt_regs *ia64_syscall(struct pt_regs *regs);

/* called from assembly */
struct pt_regs *start_kernel(void);
struct pt_regs *ia64_handle_interruption(struct pt_regs *regs);
void ia64_kernel_panic_trap(unsigned long vector, unsigned long ipsr, unsigned long iip,
			    unsigned long isr, unsigned long ifa) __attribute__((noreturn));

/* the user image (user_image.S) and the IVT (ivt.S) */
extern char user_image_start[], user_image_end[], ia64_ivt[];

#endif
