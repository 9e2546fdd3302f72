/* ustart.S -- user-mode entry and system call stubs (cpl 3, region 1).
 *
 * The kernel starts a task at _ustart (the first byte of the user image)
 * with an empty register frame, sp at the top of the user stack, the
 * task's index in r8.  A system call: number in r15, arguments in the
 * stub's r32.. (the caller's out0..), "break 0x100000"; result in r8,
 * r10 = -1 when r8 is an errno (the stubs return -errno then).
 */
#include "../uapi.h"

	.section .text.entry, "ax"
	.align 32
	.global _ustart
	.proc _ustart
_ustart:
	alloc r2 = ar.pfs, 0, 0, 1, 0
	movl gp = __gp
	;;
	mov out0 = r8
	br.call.sptk.many rp = umain
	;;
	mov out0 = r8
	br.call.sptk.many rp = sys_exit
	;;
	break 0				// not reached
	;;
	.endp _ustart

	.macro SYSCALL name, nr
	.text
	.align 32
	.global \name
	.proc \name
\name:
	mov r15 = \nr
	;;
	break __BREAK_SYSCALL
	;;
	cmp.eq p6, p0 = -1, r10
	;;
(p6)	sub r8 = r0, r8
	br.ret.sptk.many b0
	;;
	.endp \name
	.endm

	SYSCALL sys_exit, __NR_exit
	SYSCALL sys_write, __NR_write
	SYSCALL sys_getpid, __NR_getpid
	SYSCALL sys_sched_yield, __NR_sched_yield
