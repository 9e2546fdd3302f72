// Multimedia multiplies and reductions (I1, I2): pmpyshr2 at each count,
// pmpy2.r/.l, mpy4 + mpyshl4 composing a full 64-bit product, psad1
// over a 16-byte block, pmin/pmax.
// expect: r8=0x3fff r9=0x0001 r10=0x0000000cfffffffe r11=0x0000000cfffffffe
// expect: r14=0xfffffffe00000001 r15=0x0000000f00000000
// expect: r16=0x2236d88fe5618cf0 r17=0x22d r18=0x7f01 r19=0x7fff0001
// expect: r20=0x8000ffff r21=0xffff
	movl r2=0x7fff
	;;
	pmpyshr2 r8=r2,r2,16		// 0x3fff0001 >> 16
	movl r3=0xffff
	;;
	pmpyshr2.u r9=r3,r3,0		// low half of 0xfffe0001
	movl r2=0x000000030000ffff
	movl r3=0x0000000400000002
	;;
	pmpy2.r r10=r2,r3		// -1*2 and 3*4
	movl r2=0x00030000ffff0000
	movl r3=0x0004000000020000
	;;
	pmpy2.l r11=r2,r3
	movl r2=0x0000aaaaffffffff
	movl r3=0x0000bbbbffffffff
	;;
	mpy4 r14=r2,r3			// 0xffffffff^2
	movl r2=0x0000000312345678
	movl r3=0x9999999900000005
	;;
	mpyshl4 r15=r2,r3		// (3*5) << 32
	// 64-bit product of two constants: mpy4 + both mpyshl4s
	movl r2=0x0123456789abcdef
	movl r3=0xfedcba9876543210
	;;
	mpy4 r16=r2,r3
	mpyshl4 r22=r2,r3
	mpyshl4 r23=r3,r2
	;;
	add r16=r16,r22
	;;
	add r16=r16,r23
	// psad1 over two 16-byte blocks (r26:r27 against r28:r29)
	movl r26=0x00ff000000000010
	movl r28=0xff00000000000001
	movl r27=0x0102030405060708
	movl r29=0x0807060504030201
	;;
	psad1 r30=r26,r28		// 15 + 255 + 255
	psad1 r31=r27,r29		// 7+5+3+1+1+3+5+7
	;;
	add r17=r30,r31
	movl r2=0x00ff8001
	movl r3=0xff007f02
	;;
	pmin1.u r18=r2,r3
	movl r2=0x80000001
	movl r3=0x7fffffff
	;;
	pmax2 r19=r2,r3
	pmin2 r20=r2,r3			// min(1,-1), min(-32768,32767)
	movl r2=0xffff
	mov r3=0
	;;
	pmax1.u r21=r2,r3
	;;
	break.i 0
	;;
