// Control speculation: ld.s defers (NaT, value 0) on an unmapped address, a
// NaT address and a misaligned address (as Linux retries those with psr.ed);
// chk.s.m / chk.s.i / chk.s (FR NaTVal) branch to recovery code only when
// the register holds a NaT; a speculative load's register post-increment
// propagates a NaT base.
// setup: f8=0x1fffe0000000000000000 f9=0x1003e0000000000000005
// expect: r20=15 r16=0x1234567890abcdef r16.nat=0 r17=0x1234567890abcdef r17.nat=0
// expect: r18=0 r18.nat=1 r19=0x1234567890abcdef r19.nat=0 r21=0x200000 r21.nat=1 r22=0 r22.nat=1
// expect: r24=0x90abcdef r24.nat=0 r25=0x200008 r25.nat=0 r26=0x200011 r26.nat=0
	movl r14=0x1234567890abcdef
	movl r15=0x7000000000		// not mapped
	;;
	st8 [r1]=r14
	mov r20=0
	;;
	ld8.s r16=[r15]			// defers
	ld8.s r17=[r1]			// succeeds
	;;
	chk.s.m r16, recover1		// taken
back1:
	chk.s.i r17, bad		// not taken
	;;
	ld8.s r18=[r16]			// NaT address: defers
	mov r21=r1
	;;
	ld8.s.nt1 r19=[r21],r18		// r18 is NaT: r21 += r18 gets NaT
	adds r23=1,r1
	;;
	chk.s.m r21, recover2
back2:
	ld4.s r22=[r23]			// misaligned: deferred
	;;
	chk.s.i r22, recover3
back3:
	chk.s f9, bad			// f9 = 5.0: no NaTVal
	;;
	chk.s f8, recover4		// NaTVal
back4:
	mov r25=r1
	;;
	ld4.s r24=[r25],8		// succeeds; imm update, no NaT
	adds r26=0x10,r1
	;;
	ld1.s r27=[r26],1		// succeeds
	;;
	break.m 0
	;;
recover1:
	adds r20=1,r20
	ld8 r16=[r1]
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
recover4:
	adds r20=8,r20
	br.cond.sptk.few back4
	;;
bad:
	adds r20=100,r20
	break.m 0
	;;
