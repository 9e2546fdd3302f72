// The ALAT for floating-point targets: ldfd.a inserts an entry for f8,
// chk.a on an FR branches when it is missing (a store over it, invala.e f),
// and FR entries are apart from GR entries of the same number.
// expect: r20=0x7 f8=0x1003e0000000000000000
	mov r20=0
	movl r14=0x4010000000000000	// 4.0
	;;
	st8 [r1]=r14
	;;
	ldfd.a f8=[r1]
	ld8.a r8=[r1]
	;;
	chk.a.nc f8, bad		// hit
	;;
	invala.e r8			// the GR entry only
	;;
	chk.a.nc f8, bad		// still a hit
	;;
	chk.a.clr r8, recover1		// miss
back1:
	st4 [r1]=r0			// over f8's entry
	;;
	chk.a.clr f8, recover2		// miss
back2:
	ldfd.a f9=[r1]
	;;
	invala.e f9
	;;
	chk.a.nc f9, recover3		// miss
back3:
	setf.sig f8=r0
	break.m 0
	;;
recover1:
	adds r20=1,r20
	br.cond.sptk.few back1
	;;
recover2:
	adds r20=2,r20
	br.cond.sptk.few back2
	;;
recover3:
	adds r20=4,r20
	br.cond.sptk.few back3
	;;
bad:
	adds r20=0x100,r20
	break.m 0
	;;
