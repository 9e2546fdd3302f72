/* regcheck.S -- long regs_survive(long loops, long seed): the user-side
 * check of the kernel's context switch.
 *
 * Fills every general register but sp (r1..r11, r13..r31: r16..r31 are the
 * bank-1 registers), 13 stacked registers, the branch registers b0..b7, the
 * predicates, f6..f15, ar.ccv, ar.unat and ar.ec with values derived from
 * `seed` (each task passes its own), makes r14 and one stacked register NaT
 * (their NaT bits must come back too: st8.spill/ld8.fill and the RSE's NaT
 * collections), spins `loops` times in a br.cloop loop
 * -- long enough for timer ticks to preempt the task and run the others --
 * and returns how many of those registers no longer hold their values
 * (0: the kernel saved and restored all of them).  The caller's preserved
 * state is kept in stacked registers and restored.
 * Also touch_f32(), a use of the high FP partition (not task state).
 */
	.text
	.align 32
	.global regs_survive
	.proc regs_survive
regs_survive:
	alloc loc0 = ar.pfs, 2, 62, 0, 0
	mov loc1 = r1
	mov loc2 = r4
	mov loc3 = r5
	mov loc4 = r6
	mov loc5 = r7
	mov loc6 = b0
	mov loc7 = b1
	;;
	mov loc8 = b2
	mov loc9 = b3
	mov loc10 = b4
	mov loc11 = b5
	mov loc12 = pr
	mov loc13 = ar.lc
	;;
	mov loc14 = ar.unat
	mov loc15 = r13
	mov loc16 = r0				// mismatches
	;;
	/* patterns: value of slot k is seed + k */
	.irp k, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	adds r2 = 300 + \k, in1
	;;
	setf.sig f\k = r2
	.endr
	adds r2 = 401, in1
	adds r3 = 402, in1
	;;
	mov pr = r2, -1
	mov ar.ccv = r3
	adds r2 = 403, in1
	;;
	mov ar.ec = 37
	.irp k, 0, 1, 2, 3, 4, 5, 6, 7
	adds r2 = 200 + \k, in1
	;;
	mov b\k = r2
	.endr
	/* NaT bits: r14 and loc29 are loaded with ld8.fill from the caller's
	 * scratch area at [sp] with that slot's ar.unat bit set */
	extr.u r2 = sp, 3, 6
	mov r3 = 1
	;;
	shl r3 = r3, r2
	st8 [sp] = in1
	;;
	mov ar.unat = r3
	;;
	ld8.fill r14 = [sp]
	;;
	ld8.fill loc29 = [sp]
	adds r2 = 403, in1
	;;
	mov ar.unat = r2
	.irp k, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	adds loc\k = 100 + \k, in1
	.endr
	.irp k, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	adds r\k = \k, in1
	.endr
	mov ar.lc = in0
	;;
.Lspin:
	nop.m 0
	nop.i 0
	br.cloop.sptk.few .Lspin
	;;
	/* snapshot what cannot be compared directly */
	mov loc52 = pr
	mov loc53 = ar.ccv
	mov loc54 = ar.unat
	mov loc55 = ar.ec
	.irp k, 0, 1, 2, 3, 4, 5, 6, 7
	mov loc3\k = b\k
	.endr
	getf.sig loc40 = f6
	getf.sig loc41 = f7
	getf.sig loc42 = f8
	getf.sig loc43 = f9
	getf.sig loc44 = f10
	getf.sig loc45 = f11
	getf.sig loc46 = f12
	getf.sig loc47 = f13
	getf.sig loc48 = f14
	getf.sig loc49 = f15
	;;

	.macro CHECK reg, k
	adds loc60 = \k, in1
	;;
	cmp.ne p6, p0 = \reg, loc60
	;;
(p6)	adds loc16 = 1, loc16
	.endm

	.irp k, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	CHECK r\k, \k
	.endr
	.irp k, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	CHECK loc\k, 100 + \k
	.endr
	tnat.z p6, p0 = r14
	;;
(p6)	adds loc16 = 1, loc16
	tnat.z p7, p0 = loc29
	;;
(p7)	adds loc16 = 1, loc16
	CHECK loc52, 401
	CHECK loc53, 402
	CHECK loc54, 403
	.irp k, 0, 1, 2, 3, 4, 5, 6, 7
	CHECK loc3\k, 200 + \k
	.endr
	.irp k, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
	CHECK loc4\k, 306 + \k
	.endr
	cmp.ne p6, p0 = 37, loc55
	;;
(p6)	adds loc16 = 1, loc16
	/* the caller's state back */
	mov r1 = loc1
	mov r4 = loc2
	mov r5 = loc3
	mov r6 = loc4
	mov r7 = loc5
	mov b0 = loc6
	mov b1 = loc7
	;;
	mov b2 = loc8
	mov b3 = loc9
	mov b4 = loc10
	mov b5 = loc11
	mov pr = loc12, -1
	mov ar.lc = loc13
	;;
	mov ar.unat = loc14
	mov r13 = loc15
	mov r8 = loc16
	mov ar.pfs = loc0
	;;
	br.ret.sptk.many b0
	;;
	.endp regs_survive

/* void touch_f32(void): uses a register of the high FP partition, which a
 * task may not (the kernel runs tasks with psr.dfh = 1). */
	.align 32
	.global touch_f32
	.proc touch_f32
touch_f32:
	mov f32 = f1
	;;
	br.ret.sptk.many b0
	;;
	.endp touch_f32
