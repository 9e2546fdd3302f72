// memcpy: copy 32 KiB from the first half of the data area to the second,
// 8 bytes at a time, r20 times.
// setup: r20=1000
	mov r8=0
	;;
2:	mov r16=r1
	movl r19=32768
	;;
	add r17=r16,r19
	mov r18=4095
	;;
	mov ar.lc=r18
	;;
1:	ld8 r21=[r16],8
	;;
	st8 [r17]=r21,8
	br.cloop.sptk.few 1b
	;;
	adds r20=-1,r20
	;;
	cmp.ne p6,p0=0,r20
(p6)	br.cond.sptk.few 2b
	;;
	break.i 0
	;;
