// sieve of Eratosthenes over 60000 bytes of flags, r20 passes; r8 = primes found.
// setup: r20=20
	mov r30=60000
	;;
3:	mov r16=r1			// clear flags
	adds r17=-1,r30
	;;
	mov ar.lc=r17
	;;
1:	st1 [r16]=r0,1
	br.cloop.sptk.few 1b
	;;
	mov r8=0
	mov r18=2			// candidate
	;;
4:	add r19=r1,r18
	;;
	ld1 r21=[r19]
	;;
	cmp.ne p6,p7=0,r21
(p6)	br.cond.dpnt.few 6f
	;;
	adds r8=1,r8
	add r22=r18,r18			// strike multiples
	;;
5:	cmp.ltu p8,p0=r22,r30
	;;
(p8)	add r23=r1,r22
	mov r24=1
	;;
(p8)	st1 [r23]=r24
(p8)	add r22=r22,r18
(p8)	br.cond.sptk.few 5b
	;;
6:	adds r18=1,r18
	;;
	cmp.ltu p9,p0=r18,r30
(p9)	br.cond.sptk.few 4b
	;;
	adds r20=-1,r20
	;;
	cmp.ne p6,p0=0,r20
(p6)	br.cond.sptk.few 3b
	;;
	break.i 0
	;;
