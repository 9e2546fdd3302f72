// insertion sort of 2000 pseudo-random 64-bit numbers (xorshift), r20 times.
// setup: r20=2
	mov r30=2000
	;;
9:	mov r16=r1			// fill
	movl r17=0x9E3779B97F4A7C15
	adds r18=-1,r30
	;;
	mov ar.lc=r18
	;;
1:	shl r19=r17,13
	;;
	xor r17=r17,r19
	;;
	shr.u r19=r17,7
	;;
	xor r17=r17,r19
	;;
	shl r19=r17,17
	;;
	xor r17=r17,r19
	;;
	st8 [r16]=r17,8
	br.cloop.sptk.few 1b
	;;
	mov r21=1			// i
	;;
2:	cmp.ltu p6,p0=r21,r30
(p6)	br.cond.sptk.few 3f
	br.cond.sptk.few 8f
	;;
3:	shladd r22=r21,3,r1
	;;
	ld8 r23=[r22]			// key
	mov r24=r21			// j
	;;
4:	cmp.eq p7,p0=0,r24
(p7)	br.cond.dpnt.few 5f
	;;
	adds r25=-8,r22
	;;
	ld8 r26=[r25]
	;;
	cmp.ltu p8,p0=r23,r26
	;;
(p8)	st8 [r22]=r26
(p8)	mov r22=r25
(p8)	adds r24=-1,r24
(p8)	br.cond.sptk.few 4b
	;;
5:	st8 [r22]=r23
	adds r21=1,r21
	br.cond.sptk.few 2b
	;;
8:	adds r20=-1,r20
	;;
	cmp.ne p6,p0=0,r20
(p6)	br.cond.sptk.few 9b
	;;
	ld8 r8=[r1]
	break.i 0
	;;
