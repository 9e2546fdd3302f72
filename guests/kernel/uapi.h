/* uapi.h -- what user tasks and the kernel agree on: the system call ABI
 * (Linux/IA-64's: "break 0x100000", number in r15, arguments in the caller's
 * out0..out3, result in r8, r10 = 0 on success or -1 with an errno in r8)
 * and the user address space (all of it in region 1, whose region register
 * holds the task's own RID).
 */
#ifndef UAPI_H
#define UAPI_H

#define __BREAK_SYSCALL   0x100000

/* Linux/IA-64 numbers (syscall.tbl + 1024). */
#define __NR_exit         1025
#define __NR_write        1027
#define __NR_getpid       1041
#define __NR_sched_yield  1230

#define EFAULT 14
#define EBADF  9
#define ENOSYS 38

/* User address space: region 1, 16 KB pages, a one-level page table of
 * USER_PTRS entries covers the first 1 MB. */
#define USER_REGION      1
#define USER_BASE        0x2000000000000000
#define USER_PTRS        64
#define USER_TEXT        (USER_BASE + 0x00000)  /* the user image: text, rodata, got (read-only) */
#define USER_HEAP        (USER_BASE + 0x40000)  /* demand-zero, read/write */
#define USER_HEAP_END    (USER_BASE + 0x48000)
#define USER_RBS         (USER_BASE + 0x80000)  /* register backing store, grows up */
#define USER_RBS_END     (USER_BASE + 0x88000)
#define USER_STACK_END   (USER_BASE + 0x100000) /* memory stack, grows down */
#define USER_STACK       (USER_BASE + 0xf8000)

#endif
