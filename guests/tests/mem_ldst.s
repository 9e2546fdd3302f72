// Integer loads and stores of every size: zero extension, no-update,
// register and imm9 post-increment forms, .acq/.rel/.bias and hints.
// expect: r20=0x8877665544332211 r21=0x11 r22=0x2211 r23=0x44332211
// expect: r24=0x4433221122111111 r25=0x8877665544332211 r26=0x8877665544332211
// expect: r27=0x22111111 r28=0x1111 r29=-8 r30=0x200000 r31=0x200010
// expect: r16=0x200020 r17=0x200018 r18=0xaa r19=0x221111aa
// expect: r8=0x200028 r9=0x200020 r10=0x8877665544332211 r11=0x44332211
	movl r14=0x8877665544332211
	;;
	st8 [r1]=r14
	;;
	ld1 r21=[r1]
	ld2.nt1 r22=[r1]
	;;
	ld4.nta r23=[r1]
	ld8 r20=[r1]
	adds r30=16,r1
	;;
	st1 [r30]=r14,1			// +16
	;;
	st1.rel [r30]=r14,1		// +17
	;;
	st2 [r30]=r14,2			// +18
	;;
	st4.nta [r30]=r14,4		// +20
	;;
	st8.rel [r30]=r14,-24		// +24; r30 back to the base
	adds r31=16,r1
	mov r29=-8
	;;
	ld8 r24=[r31],8			// +16, r31 -> +24
	;;
	ld8.acq r25=[r31]		// +24
	;;
	ld8.bias r26=[r31],r29		// +24, r31 -> +16
	;;
	ld4.acq r27=[r31]		// +16
	ld2.bias.nt1 r28=[r31]
	;;
	// ld with an imm9 update going up by 255 then down by 256
	mov r16=r31
	;;
	ld1.nta r15=[r16],255
	;;
	ld1 r15=[r16],-256
	;;
	adds r16=0x11,r16		// r16 = base+0x20
	mov r15=0xaa
	;;
	st1.rel.nta [r31]=r15		// byte +16 := 0xaa
	adds r17=0x18,r1
	;;
	ld1 r18=[r31]
	ld4 r19=[r31],r0		// register update by 0
	;;
	// st with imm9 post-increment and a register-update load back
	adds r8=0x20,r1
	mov r15=8
	;;
	st8 [r8]=r14,8
	;;
	adds r9=0x20,r1
	;;
	ld8 r10=[r9],r0
	ld4 r11=[r9]
	;;
	break.m 0
	;;
