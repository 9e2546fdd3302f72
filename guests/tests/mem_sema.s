// Semaphores: cmpxchg (success and failure; the zero-extended memory value
// is compared with all of ar.ccv), xchg, fetchadd (r1 = old value, memory +=
// inc), cmp8xchg16; ld16/st16 through ar.csd.
// expect: r20=0x8877665544332211 r21=0xaabbccddeeff0011 r22=0xaabbccddeeff0011
// expect: r23=0x44332211 r24=0x88776655eeff0011 r25=0x11 r26=0x88776655eeff0011
// expect: r27=0x11 r28=0xaabbccddeeff0011 r29=0xeeff0000 r8=0xaabbccddeeff0021
// expect: r9=0x88776655eefeffff r30=2 r31=0x44 r10=0x33 r11=0x8877665544332211
// expect: r2=0x33 r3=0x33 r4=0x200020 r5=0x44 r6=0x33
	movl r14=0x8877665544332211
	movl r15=0xaabbccddeeff0011
	;;
	st8 [r1]=r14
	adds r16=8,r1
	mov ar.ccv=r14
	;;
	st8 [r16]=r14
	;;
	cmpxchg8.acq r20=[r1],r15,ar.ccv	// equal: memory := r15
	;;
	cmpxchg8.rel r21=[r1],r14,ar.ccv	// not equal: memory stays
	;;
	ld8 r22=[r1]
	movl r17=0x44332211
	;;
	mov ar.ccv=r17
	;;
	cmpxchg4.acq.nt1 r23=[r16],r15,ar.ccv	// equal: low word := 0xeeff0011
	;;
	ld8 r24=[r16]
	mov r17=0x1011
	;;
	mov ar.ccv=r17
	;;
	cmpxchg1.rel r25=[r16],r0,ar.ccv	// 0x11 != 0x1011: no change
	;;
	ld8 r26=[r16]
	;;
	xchg1 r27=[r16],r0			// byte := 0
	;;
	fetchadd8.acq r28=[r1],16
	;;
	fetchadd4.rel.nta r29=[r16],-1		// 0xeeff0000 - 1 on the low word
	;;
	ld8 r8=[r1]
	ld8 r9=[r16]
	;;
	// xchg8 back and forth
	xchg8 r18=[r16],r14
	;;
	xchg8 r19=[r16],r18
	;;
	// cmp8xchg16 on the aligned pair at +0x20 (compare the high half)
	adds r4=0x20,r1
	adds r17=0x28,r1
	mov r18=1
	mov r19=2
	;;
	st8 [r4]=r18
	st8 [r17]=r19
	mov ar.ccv=r19
	mov r12=0x33
	;;
	mov ar.csd=r12
	mov r18=0x44
	;;
	cmp8xchg16.acq r30=[r17],r18,ar.csd,ar.ccv
	;;
	mov ar.csd=r0
	;;
	ld16 r31,ar.csd=[r4]
	;;
	mov r10=ar.csd
	adds r7=0x30,r1
	;;
	st16.rel [r7]=r14,ar.csd
	;;
	ld8 r11=[r7],8
	;;
	ld8 r2=[r7]
	;;
	cmp8xchg16.rel r3=[r17],r0,ar.csd,ar.ccv	// 0x33 != 2: no change
	;;
	ld16.acq r5,ar.csd=[r4]
	;;
	mov r6=ar.csd
	break.m 0
	;;
