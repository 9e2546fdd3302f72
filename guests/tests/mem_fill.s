// st8.spill / ld8.fill carry a register's NaT through ar.unat bit
// (addr >> 3) & 63; a plain ld8 of the spilled word has no NaT.
// setup: r20=0x55 r20.nat=1
// expect: r21=0x8 r22=0x55 r22.nat=1 r24=7 r24.nat=0 r25=0x55 r25.nat=0
// expect: r26=0x55 r26.nat=1 r16=0x200020 r17=0x200028 r18=0x200010 ar.unat=0x8
// expect: r27=0x55 r27.nat=1 r28=0x200018 r28.nat=0
	mov ar.unat=r0
	adds r16=0x18,r1		// unat bit 3
	adds r17=0x20,r1		// unat bit 4
	mov r23=7
	;;
	st8.spill [r16]=r20		// NaT register: no fault, bit 3 := 1
	;;
	st8.spill.nta [r17]=r23,8	// bit 4 := 0; r17 += 8
	mov r21=ar.unat
	;;
	ld8.fill r22=[r16]
	adds r19=0x20,r1
	;;
	ld8.fill r24=[r19]
	ld8 r25=[r16]
	;;
	ld8.fill.nt1 r26=[r16],8	// r16 += 8
	adds r18=0x18,r1
	mov r29=-8
	;;
	ld8.fill r27=[r18],r29		// r18 -= 8
	adds r28=0x18,r1
	;;
	break.m 0
	;;
