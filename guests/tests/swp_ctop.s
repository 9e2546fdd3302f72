// A software-pipelined loop: three stages (load, double, store) overlapped
// with rotating registers and rotating predicates, driven by br.ctop.
// dst[i] = 2 * src[i] for i < 10, src[i] = i + 1; r8 = sum of dst = 110.
// expect: r8=110 ar.lc=0 ar.ec=0 r21=20
	alloc r14=ar.pfs,0,8,0,8
	mov r2=r1
	mov r9=1
	mov r10=10
	;;
	mov ar.lc=9
	;;
1:	st8 [r2]=r9,8			// src = 1..10
	adds r9=1,r9
	br.cloop.sptk.few 1b
	;;
	mov r2=r1
	adds r3=512,r1
	mov ar.lc=9
	mov ar.ec=3
	mov pr.rot=0x10000		// p16 = 1, p17.. = 0
	;;
2:
(p16)	ld8 r32=[r2],8
(p17)	add r36=r33,r33
(p18)	st8 [r3]=r37,8
	br.ctop.sptk.few 2b
	;;
	adds r3=512,r1
	mov r8=0
	mov ar.lc=9
	;;
3:	ld8 r20=[r3],8
	;;
	add r8=r8,r20
	mov r21=r20
	br.cloop.sptk.few 3b
	;;
	break.i 0
	;;
