// Semaphores always need natural alignment, whatever psr.ac says.
// fault: UNALIGNED_REFERENCE
// expect: r20=0x2211 r16=0x200002 r21=7
	movl r14=0x2211
	adds r16=2,r1
	mov r21=7
	;;
	st8 [r1]=r14
	;;
	fetchadd4.acq r20=[r1],1	// aligned: r20 = 0x2211
	;;
	ld8 r20=[r1]
	;;
	adds r20=-1,r20
	;;
	fetchadd4.acq r21=[r16],1	// misaligned: faults
	;;
	break.m 0
	;;
