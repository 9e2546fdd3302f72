/* crt0 for static freestanding Linux/IA-64 programs.
 *
 * Process entry state (Linux start_thread() + the ELF loader, create_elf_tables):
 *   r12 (sp) = new_sp - 16: the kernel leaves a 16-byte scratch area, so
 *   [sp+16]          argc
 *   [sp+24 ...]      argv[0..argc-1], NULL
 *   then             envp[...], NULL, then the auxv (type, value) pairs.
 *   CFM is empty (sof = 0), so we must alloc before touching r32+.
 *   r8 holds a "dumpable" flag and is ignored here; gp (r1) is not set up.
 *
 * _start: gp = __gp of the linked image (absolute: the image is static),
 * environ = envp, r8 = main(argc, argv, envp), then exit_group(r8).
 */
#include "sysnr.h"

	.text
	.align 32
	.global _start
	.proc _start
_start:
	.prologue
	.save rp, r0		// outermost frame: no caller for unwinders
	.body
{ .mlx
	alloc r2 = ar.pfs, 0, 0, 3, 0
	movl gp = __gp
}
	;;
	adds r14 = 16, sp		// r14 = &argc (skip the 16-byte scratch area)
	;;
	ld8 out0 = [r14], 8		// out0 = argc, r14 = argv
	;;
	mov out1 = r14			// out1 = argv
	shladd r15 = out0, 3, r14	// r15 = &argv[argc] (the NULL)
	addl r16 = @ltoff(environ), gp
	;;
	adds out2 = 8, r15		// out2 = envp
	ld8 r16 = [r16]			// r16 = &environ
	;;
	st8 [r16] = out2
	br.call.sptk.many rp = main
	;;
	mov out0 = r8			// status = main's return value
	mov r15 = SYS_exit_group
	;;
	break IA64_BREAK_SYSCALL
	;;
	mov r15 = SYS_exit		// not reached
	;;
	break IA64_BREAK_SYSCALL
	;;
	.endp _start

	.section .sdata,"aw",@progbits
	.align 8
	.global environ
	.type environ, @object
	.size environ, 8
environ:
	data8 0
