// With psr.ac = 1 a misaligned ordinary load faults (Unaligned Data
// Reference) before changing anything: its post-increment is not done.
// setup: psr=8
// fault: UNALIGNED_REFERENCE
// expect: r20=0x44332211 r16=0x200001 r21=0
	movl r14=0x8877665544332211
	adds r16=1,r1
	mov r21=0
	;;
	st8 [r1]=r14
	;;
	ld4 r20=[r1]			// aligned: fine
	;;
	ld4 r21=[r16],4			// misaligned: faults
	;;
	break.m 0
	;;
