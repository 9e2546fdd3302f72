// FP loop: a polynomial recurrence in double precision, r20 iterations.
// setup: r20=1000000
	movl r16=0x3FF0000000000000	// 1.0
	movl r17=0x3FE0000000000000	// 0.5
	adds r20=-1,r20
	;;
	setf.d f6=r16
	setf.d f7=r17
	mov ar.lc=r20
	;;
	mov f8=f0
	;;
1:	fma.d f8=f8,f7,f6
	br.cloop.sptk.few 1b
	;;
	getf.d r8=f8
	break.i 0
	;;
