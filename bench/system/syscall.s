// System-call round trips: a cpl-3 loop (virtual, region 1, bank 1)
// executes `break.m 0x100000` params[0] times with r15 = 1 ("getcount");
// the Break vector does what a kernel entry does (SDM vol. 2 ch. 5 and 8):
// cover, save ipsr/isr/iip/ifs/iim/unat/pfs/rsc and r2/r3 in bank 0 with
// psr.ic = 0, step ipsr.ri/iip past the break (isr.ei), bsw.1 and turn
// collection back on, spill the user's r16/r17, "serve" the call (results[0]
// += 1, r8 = the new count), then undo all of it and rfi back to cpl 3.
// r15 = 0 ("exit") stops the run at done.
//
// results[0] = system calls served, results[1] = the user's sum of r8
// (N(N+1)/2 when every call returned its own count).

	.include "sysbench.inc"
	.global _start
_start:
	SYSBENCH_INIT
	MAP_KERNEL
	MAP_USER_ALIAS
	PARAM	r10, 0
	RFI_TO	REGION1 + user, PSR_IC | PSR_DT | PSR_IT | PSR_BN | PSR_CPL3

// ---------------------------------------------------------- cpl 3
user:
	mov r9 = 0
	adds r10 = -1, r10
	;;
	mov ar.lc = r10
	;;
uloop:
	{ .mii
	  mov r15 = 1
	  nop.i 0
	  nop.i 0
	  ;;
	}
	{ .mii
	  break.m 0x100000
	  nop.i 0
	  nop.i 0
	  ;;
	}
	{ .mib
	  add r9 = r9, r8
	  nop.i 0
	  br.cloop.sptk.few uloop
	  ;;
	}
	movl r2 = REGION1 + RESULTS + 8
	;;
	st8 [r2] = r9
	mov r15 = 0
	;;
	break.m 0x100000
	;;

// ---------------------------------------------------------- the kernel
vec_2c00:				// bank 0, psr.ic = 0, cpl 0
	cover				// the user's frame -> cr.ifs
	;;
	mov r17 = cr.ipsr
	mov r18 = cr.isr
	movl r23 = SAVE_AREA
	;;
	mov r19 = cr.iip
	mov r20 = cr.ifs
	extr.u r24 = r18, 41, 2		// isr.ei: the break's slot
	;;
	mov r21 = cr.iim
	mov r22 = ar.unat
	cmp.eq p6, p7 = 2, r24
	;;
	mov r25 = ar.pfs
	mov r26 = ar.rsc
	adds r24 = 1, r24
	;;
	st8 [r23] = r18, 8		// isr
	st8 [r23] = r21, 8		// iim
(p6)	dep r17 = 0, r17, PSR_RI_SHIFT, 2	// last slot: next bundle
(p6)	adds r19 = 16, r19
	;;
(p7)	dep r17 = r24, r17, PSR_RI_SHIFT, 2
	st8 [r23] = r22, 8		// unat
	st8 [r23] = r25, 8		// pfs
	;;
	st8 [r23] = r17, 8		// ipsr (of the return)
	st8 [r23] = r19, 8		// iip
	;;
	st8 [r23] = r20, 8		// ifs
	st8 [r23] = r26, 8		// rsc
	;;
	st8 [r23] = r2, 8		// the user's r2/r3: the kernel's scratch
	st8 [r23] = r3, 8
	;;
	bsw.1				// the user's r16-r31 are visible again
	;;
	ssm psr.ic			// nested TLB faults could be taken now
	movl r2 = SAVE_AREA + 0x50
	;;
	srlz.d
	st8 [r2] = r16, 8
	;;
	st8 [r2] = r17, 8
	cmp.eq p6, p0 = 0, r15		// exit
(p6)	br.cond.spnt done
	;;
	COUNT	0, r3, r8		// the call's work: r8 = ++results[0]
	;;
	rsm psr.ic			// collection off to write the CRs
	movl r2 = SAVE_AREA + 0x50
	;;
	srlz.d
	ld8 r16 = [r2], 8
	;;
	ld8 r17 = [r2], 8
	;;
	bsw.0
	;;
	movl r23 = SAVE_AREA + 0x10
	;;
	ld8 r22 = [r23], 8		// unat
	;;
	ld8 r25 = [r23], 8		// pfs
	;;
	ld8 r17 = [r23], 8		// ipsr
	;;
	ld8 r19 = [r23], 8		// iip
	;;
	ld8 r20 = [r23], 8		// ifs
	;;
	ld8 r26 = [r23], 8		// rsc
	;;
	ld8 r2 = [r23], 8
	;;
	ld8 r3 = [r23], 8
	mov ar.unat = r22
	mov ar.pfs = r25
	;;
	mov ar.rsc = r26
	mov cr.ipsr = r17
	;;
	mov cr.iip = r19
	mov cr.ifs = r20
	;;
	rfi
	;;

	SYSBENCH_IVT
