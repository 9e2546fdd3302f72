/* user.c -- the user tasks (one program, started three times with its index):
 *   alpha, beta: a few rounds of work on a demand-zero heap page (multiplies
 *     and a division per element, so the FP registers are live across
 *     preemption), yield every other round, a long spin with every register
 *     holding a known value (regcheck.S), a recursion deep enough to spill
 *     to the user register backing store, then exit(0);
 *   gamma: stores to an address outside its address space and is killed;
 *   delta: uses f32 (the kernel keeps f2..f31 of a task) and is killed.
 * Every line is one write(); the values printed depend only on the task.
 */
#include "../uapi.h"

long sys_write(long fd, const void *buf, unsigned long len);
long sys_getpid(void);
long sys_sched_yield(void);
void sys_exit(long status) __attribute__((noreturn));
long regs_survive(long loops, unsigned long seed);	/* regcheck.S */
void touch_f32(void);

#define HEAP_WORDS 256		/* 2 KB of the first heap page */
#define ROUNDS 4
#define REGCHECK_LOOPS 40000	/* a few timer ticks */

struct line { char buf[120]; int n; };

static void s(struct line *l, const char *str)
{
	while (*str && l->n < (int)sizeof(l->buf) - 1)
		l->buf[l->n++] = *str++;
}

static void u(struct line *l, unsigned long v)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = '0' + v % 10;
		v /= 10;
	} while (v);
	while (n && l->n < (int)sizeof(l->buf) - 1)
		l->buf[l->n++] = tmp[--n];
}

static void x(struct line *l, unsigned long v)
{
	int i;

	s(l, "0x");
	for (i = 60; i >= 0; i -= 4)
		l->buf[l->n++] = "0123456789abcdef"[(v >> i) & 15];
}

static void emit(struct line *l)
{
	l->buf[l->n++] = '\n';
	sys_write(1, l->buf, l->n);
	l->n = 0;
}

/* Each level keeps several values live across the call and mixes the
 * callee's result non-linearly (so the compiler cannot make it a loop): the
 * frames pile up in the register stack and the RSE spills them to the user
 * backing store, which is demand-paged like any other page. */
static unsigned long __attribute__((noipa)) deep(unsigned long n, unsigned long a,
						 unsigned long b, unsigned long c)
{
	unsigned long r;

	if (n == 0)
		return a ^ b ^ c;
	r = deep(n - 1, a + n, b ^ (a << 3), c * 3 + n);
	return (r ^ (r >> 7)) + a * 7 + (b >> 1) + c;
}

long umain(long index)
{
	static const char *const names[] = { "alpha", "beta", "gamma", "delta" };
	const char *name = names[index];
	unsigned long *heap = (unsigned long *)USER_HEAP;
	struct line l;
	unsigned long round, i;

	l.n = 0;
	s(&l, name);
	s(&l, ": hello, pid ");
	u(&l, sys_getpid());
	emit(&l);

	if (index == 2) {
		s(&l, name);
		s(&l, ": storing to an address outside my address space");
		emit(&l);
		*(volatile unsigned long *)(USER_BASE + 0x700000) = 1;
		s(&l, name);
		s(&l, ": still alive (wrong)");
		emit(&l);
		return 1;
	}
	if (index == 3) {
		s(&l, name);
		s(&l, ": using f32, outside a task's register state");
		emit(&l);
		touch_f32();
		s(&l, name);
		s(&l, ": still alive (wrong)");
		emit(&l);
		return 1;
	}

	for (round = 1; round <= ROUNDS; round++) {
		unsigned long sum = 0, mul = 2 * index + 3;

		for (i = 0; i < HEAP_WORDS; i++)
			heap[i] = heap[i] * mul + (i + round) * (index + 7);
		for (i = 0; i < HEAP_WORDS; i++)
			sum = sum * 31 + heap[i] / (i + 1);
		s(&l, name);
		s(&l, ": round ");
		u(&l, round);
		s(&l, " checksum ");
		x(&l, sum);
		emit(&l);
		if (round % 2 == 0)
			sys_sched_yield();
	}
	i = regs_survive(REGCHECK_LOOPS, (index + 1) * 0x1111111100000000UL);
	s(&l, name);
	if (i) {
		s(&l, ": registers CORRUPTED across preemption: ");
		u(&l, i);
	} else {
		s(&l, ": all registers intact after a long spin");
	}
	emit(&l);
	s(&l, name);
	s(&l, ": recursion 200 deep gives ");
	x(&l, deep(200, index, 5, 7));
	emit(&l);
	s(&l, name);
	s(&l, ": bye");
	emit(&l);
	return 0;
}
