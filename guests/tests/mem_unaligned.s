// Misaligned ordinary loads and stores are performed (as Linux's unaligned
// handler makes them work for user code; psr.ac = 0), also across a page
// boundary; a misaligned advanced or check load leaves no ALAT entry.
// expect: r20=0x7766554433221100 r21=0x44332211 r22=0x4433 r23=0x8877665544332211
// expect: r18=0x201005 r24=0x44332211 r25=4 r26=0x88 r27=0x8877665544332211
	movl r14=0x8877665544332211
	adds r16=1,r1
	adds r17=3,r1
	;;
	st8 [r16]=r14			// bytes 1-8
	;;
	ld8 r20=[r1]
	ld4 r21=[r16]
	;;
	ld2 r22=[r17]
	movl r18=0x200ffd		// crosses into the next page
	;;
	st8.rel [r18]=r14,8
	adds r19=-8,r18
	mov r25=0
	;;
	ld8 r23=[r19]
	;;
	ld4.a r24=[r16]			// misaligned: loaded, no entry
	;;
	chk.a.nc r24, recover1
back1:
	ld8.c.nc r27=[r19]		// miss, misaligned: loaded, not inserted
	;;
	chk.a.clr r27, recover2
back2:
	ld1.a r26=[r16],7		// r16 += 7: byte 8
	;;
	ld1.a r26=[r16]			// aligned (1 byte): entry
	;;
	chk.a.nc r26, bad
	;;
	break.m 0
	;;
recover1:
	adds r25=1,r25
	br.cond.sptk.few back1
	;;
recover2:
	adds r25=3,r25
	br.cond.sptk.few back2
	;;
bad:
	adds r25=100,r25
	break.m 0
	;;
