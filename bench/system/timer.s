// Interval-timer interrupts: a loop of params[0] iterations (4 instruction
// groups of ALU work and a load/store each) runs at cpl 0, physical, with
// psr.i = 1.  cr.itv = vector 0xef, cr.itm = ar.itc + params[1] (the period
// K in ITC ticks = instructions under virtual time).  The External Interrupt
// vector (SDM vol. 2 5.8) acknowledges through cr.ivr, re-arms cr.itm one
// period after the match it serves (itm += K: no drift), writes cr.eoi,
// counts and rfi's.  A vector other than 0xef (or the spurious 0x0f) counts
// in results[1].
//
// results[0] = timer interrupts taken, results[1] = other vectors seen,
// results[2] = the first ITM programmed, results[3] = the loop's checksum.

	.include "sysbench.inc"

TIMER_VECTOR = 0xef

	.global _start
_start:
	SYSBENCH_INIT
	PARAM	r10, 0
	PARAM	r11, 1
	mov r2 = TIMER_VECTOR
	;;
	mov cr.itv = r2
	mov cr.tpr = r0
	;;
	mov r3 = ar.itc
	movl r4 = RESULTS + 16
	;;
	add r3 = r3, r11
	;;
	mov cr.itm = r3
	st8 [r4] = r3
	;;
	srlz.d
	RFI_TO	work, PSR_IC | PSR_I | PSR_BN

work:
	movl r14 = SAVE_AREA
	mov r8 = 0
	mov r9 = 0x5555
	adds r10 = -1, r10
	;;
	mov ar.lc = r10
	;;
loop:
	ld8 r15 = [r14]
	add r8 = r8, r9
	shladd r9 = r9, 1, r9
	;;
	xor r15 = r15, r8
	adds r9 = 7, r9
	;;
	st8 [r14] = r15
	nop.i 0
	br.cloop.sptk.few loop
	;;
	movl r2 = RESULTS + 24
	;;
	st8 [r2] = r8
	br.sptk.many done
	;;

vec_3000:				// bank 0, psr.ic = 0, psr.i = 0
	mov r17 = cr.ivr		// acknowledge: in service, out of IRR
	mov r16 = TIMER_VECTOR
	;;
	srlz.d
	cmp.eq p6, p7 = r16, r17
	;;
(p7)	br.cond.spnt other
	mov r18 = cr.itm
	movl r19 = PARAMS + 8
	;;
	ld8 r19 = [r19]			// the period K
	;;
	add r18 = r18, r19
	;;
	mov cr.itm = r18
	;;
	mov cr.eoi = r0
	;;
	srlz.d
	COUNT	0, r20, r21
	;;
	rfi
	;;
other:
	cmp.eq p6, p0 = 0x0f, r17	// spurious: nothing to retire
(p6)	br.cond.spnt other_done
	mov cr.eoi = r0
	;;
	srlz.d
other_done:
	COUNT	1, r20, r21
	;;
	rfi
	;;

	SYSBENCH_IVT
