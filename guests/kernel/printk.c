/* printk.c -- the console (Ski's SSC_PUTCHAR on bare hardware), power off,
 * and the per-task line queues.
 *
 * Output a task makes (its write() calls and the kernel's messages about it)
 * is queued per task and printed a whole line at a time, taking the tasks in
 * a fixed round-robin order (one line of alpha, one of beta, one of gamma,
 * ...; a finished task drops out).  So the console text depends only on what
 * each task prints, never on where timer ticks land.
 */
#include "kernel.h"

static int turn;	/* index of the task whose next line comes next */

/* The bare machine's console and power switch: Ski's simulator calls.
 * pv_init_ops.arch_setup_early may point these elsewhere (a Xen domU would
 * use the console hypercall and SCHEDOP_shutdown). */
static void ssc_console_write(const char *s, unsigned long n)
{
	while (n--)
		ia64_ssc(*s++, 0, 0, 0, SSC_PUTCHAR);
}

static void ssc_power_off(int status)
{
	ia64_ssc(status, 0, 0, 0, SSC_EXIT);
}

void (*console_write)(const char *s, unsigned long n) = ssc_console_write;
void (*pm_power_off)(int status) = ssc_power_off;

void printk(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1);
}

void task_console_write(struct task *t, const char *s, unsigned long n)
{
	while (n-- && t->outlen < OUTBUF_SIZE)
		t->out[t->outlen++] = *s++;
	console_drain();
}

void tprintk(struct task *t, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	task_console_write(t, buf, n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1);
}

static int finished(struct task *t)
{
	return t->state == TASK_DEAD && t->outlen == 0;
}

void console_drain(void)
{
	for (;;) {
		struct task *t = &tasks[turn];
		unsigned int i, len = 0;

		for (i = 0; i < NR_TASKS && finished(&tasks[i]); i++)
			;
		if (i == NR_TASKS)
			return;
		if (finished(t)) {
			turn = (turn + 1) % NR_TASKS;
			continue;
		}
		for (i = 0; i < t->outlen; i++)
			if (t->out[i] == '\n') {
				len = i + 1;
				break;
			}
		if (!len) {
			if (t->state != TASK_DEAD)
				return;		/* wait for this task's line */
			t->out[t->outlen < OUTBUF_SIZE ? t->outlen++ : OUTBUF_SIZE - 1] = '\n';
			continue;
		}
		console_write(t->out, len);
		memcpy(t->out, t->out + len, t->outlen - len);
		t->outlen -= len;
		turn = (turn + 1) % NR_TASKS;
	}
}

void machine_power_off(int status)
{
	pm_power_off(status);
	for (;;)
		;
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int i;

	for (i = 0; i < NR_TASKS; i++)
		console_write(tasks[i].out, tasks[i].outlen);
	va_start(ap, fmt);
	vsnformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("\nKERNEL PANIC: %s\n", buf);
	machine_power_off(1);
}
