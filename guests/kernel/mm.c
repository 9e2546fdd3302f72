/* mm.c -- user memory: the fixed layout of every task's region 1 (uapi.h),
 * a one-level page table per task (ar.k7 points at the current one; ivt.S's
 * TLB-miss handlers insert from it), demand paging of the user image and of
 * zero-filled pages, and copy_from_user through the page table.
 */
#include "kernel.h"

#define NR_PAGES 16	/* frames for demand-zero pages */

static unsigned long page_pool[NR_PAGES][PAGE_SIZE / 8] __attribute__((aligned(PAGE_SIZE)));
static unsigned int pages_used;

struct vm_area {
	unsigned long start, end, prot;
	const char *what;
};

static struct vm_area user_vmas[4];

void mm_init(void)
{
	unsigned long text = (user_image_end - user_image_start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);

	user_vmas[0] = (struct vm_area){ USER_TEXT, USER_TEXT + text, _PAGE_AR_RX, "text" };
	user_vmas[1] = (struct vm_area){ USER_HEAP, USER_HEAP_END, _PAGE_AR_RW, "heap" };
	user_vmas[2] = (struct vm_area){ USER_RBS, USER_RBS_END, _PAGE_AR_RW, "register stack" };
	user_vmas[3] = (struct vm_area){ USER_STACK, USER_STACK_END, _PAGE_AR_RW, "stack" };
	pages_used = 0;
}

static struct vm_area *find_vma(unsigned long va)
{
	unsigned int i;

	for (i = 0; i < sizeof(user_vmas) / sizeof(user_vmas[0]); i++)
		if (va >= user_vmas[i].start && va < user_vmas[i].end)
			return &user_vmas[i];
	return NULL;
}

/* Make the page-table entry for va present.  0, or -EFAULT for an address
 * the task may not touch that way. */
int handle_mm_fault(struct task *t, unsigned long va, int write, int exec)
{
	struct vm_area *vma = find_vma(va);
	unsigned long vpn, pa;

	if (!vma)
		return -EFAULT;
	if ((write && vma->prot != _PAGE_AR_RW) || (exec && vma->prot != _PAGE_AR_RX))
		return -EFAULT;
	vpn = (va - USER_BASE) >> PAGE_SHIFT;
	if (t->pgtable[vpn] & _PAGE_P)
		return 0;
	if (vma->prot == _PAGE_AR_RX) {
		pa = __pa(user_image_start) + ((va - USER_TEXT) & ~(PAGE_SIZE - 1));
	} else {
		unsigned long *frame, i;

		if (pages_used == NR_PAGES)
			return -EFAULT;
		frame = page_pool[pages_used++];
		for (i = 0; i < PAGE_SIZE / 8; i++)
			frame[i] = 0;
		pa = __pa(frame);
	}
	t->pgtable[vpn] = pa | __DIRTY_BITS | _PAGE_PL_3 | vma->prot;
	t->nr_faults++;
	nr_page_faults++;
	tprintk(t, "[kernel] %s: page fault (%s) at 0x%lx: %s page mapped\n", t->name,
		exec ? "exec" : write ? "write" : "read", va, vma->what);
	return 0;
}

/* The slow path of a TLB miss: ivt.S found no present entry. */
struct pt_regs *ia64_do_page_fault(struct pt_regs *regs)
{
	int exec = regs->vector == IA64_VEC_ITLB || regs->vector == IA64_VEC_ALT_ITLB;
	int write = !exec && ((regs->cr_isr >> IA64_ISR_W_BIT) & 1);

	if (handle_mm_fault(current, regs->cr_ifa, write, exec) == 0)
		return regs;	/* retried: the refill finds the entry now */
	return kill_task(current, "segmentation fault (%s at 0x%lx, ip 0x%lx)",
			 exec ? "exec" : write ? "write" : "read", regs->cr_ifa, regs->cr_iip);
}

/* Read user memory through the task's page table and the region-7 map. */
long copy_from_user(struct task *t, void *dst, unsigned long src, unsigned long n)
{
	char *d = dst;

	for (; n; n--, src++) {
		unsigned long vpn = (src - USER_BASE) >> PAGE_SHIFT, pte;

		if (src < USER_BASE || vpn >= USER_PTRS)
			return -EFAULT;
		if (!(t->pgtable[vpn] & _PAGE_P) && handle_mm_fault(t, src, 0, 0))
			return -EFAULT;
		pte = t->pgtable[vpn];
		*d++ = *(char *)__va((pte & _PAGE_PPN_MASK) + (src & (PAGE_SIZE - 1)));
	}
	return 0;
}

/* Point region 1 and the refill handlers at t's address space. */
void switch_mm(struct task *t)
{
	ia64_set_rr(USER_BASE, IA64_RR_VAL(t->rid, PAGE_SHIFT));
	ia64_srlz_d();
	ia64_setreg(_IA64_REG_AR_KR7, (unsigned long)t->pgtable);
}

/* Drop the current task's translations (all of its region 1 layout). */
void flush_user_tlb(struct task *t)
{
	(void)t;
	ia64_ptcl(USER_BASE, 20);
}
