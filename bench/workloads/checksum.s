// checksum: add and rotate over a 64 KiB buffer, r20 passes (r1 = data area).
// setup: r20=1000
	alloc r39=ar.pfs,0,8,0,0
	mov r8=0
	;;
2:	mov r16=r1
	mov r17=8191
	;;
	mov ar.lc=r17
	;;
1:	ld8 r18=[r16],8
	;;
	add r8=r8,r18
	;;
	shrp r8=r8,r8,63
	br.cloop.sptk.few 1b
	;;
	adds r20=-1,r20
	;;
	cmp.ne p6,p0=0,r20
(p6)	br.cond.sptk.few 2b
	;;
	break.i 0
	;;
