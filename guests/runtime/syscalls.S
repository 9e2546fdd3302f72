/* Raw Linux/IA-64 system call wrappers.
 *
 * Convention: number in r15, arguments in the first stacked registers of the
 * frame that executes "break 0x100000" -- for a leaf stub without alloc that
 * is r32..r37, i.e. exactly the caller's out0..out5.  The kernel returns the
 * result in r8 and r10 = 0 (success) or r10 = -1 (error, errno in r8).
 * These wrappers return r8 on success and -errno on error (Linux raw style).
 */
#include "sysnr.h"

	.text

/* SYSCALL name, nr: long name(args...) */
	.macro SYSCALL name, nr
	.global \name
	.type \name, @function
	.align 32
	.proc \name
\name:
	mov r15 = \nr
	;;
	break IA64_BREAK_SYSCALL
	;;
	cmp.eq p6, p0 = -1, r10
	;;
(p6)	sub r8 = r0, r8
	br.ret.sptk.many b0
	;;
	.endp \name
	.endm

	SYSCALL sys_exit,          SYS_exit
	SYSCALL sys_exit_group,    SYS_exit_group
	SYSCALL sys_read,          SYS_read
	SYSCALL sys_write,         SYS_write
	SYSCALL sys_open,          SYS_open
	SYSCALL sys_close,         SYS_close
	SYSCALL sys_brk,           SYS_brk
	SYSCALL sys_mmap,          SYS_mmap
	SYSCALL sys_munmap,        SYS_munmap
	SYSCALL sys_getpid,        SYS_getpid
	SYSCALL sys_uname,         SYS_uname
	SYSCALL sys_gettimeofday,  SYS_gettimeofday
	SYSCALL sys_clock_gettime, SYS_clock_gettime
	SYSCALL sys_writev,        SYS_writev
	SYSCALL sys_openat,        SYS_openat

/* long __syscall(long nr, long a0, ..., long a5): generic form.  The
 * arguments arrive one register up (r33..r38), so shift them into r32..r37. */
	.global __syscall
	.type __syscall, @function
	.align 32
	.proc __syscall
__syscall:
	mov r15 = r32
	;;
	mov r32 = r33
	;;
	mov r33 = r34
	;;
	mov r34 = r35
	;;
	mov r35 = r36
	;;
	mov r36 = r37
	;;
	mov r37 = r38
	;;
	break IA64_BREAK_SYSCALL
	;;
	cmp.eq p6, p0 = -1, r10
	;;
(p6)	sub r8 = r0, r8
	br.ret.sptk.many b0
	;;
	.endp __syscall
