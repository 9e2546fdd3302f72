// Multimedia ALU (A9, A10): parallel add/subtract with each saturation form,
// averages, parallel compares and shift-and-add, on element boundary values.
// expect: r8=0x02008081 r9=0x7f807f80 r10=0xff30 r11=0x0f
// expect: r14=0x2 r15=0x80007fff r16=0xffffffffffffffff r17=0xff0101 r18=0xff0202
// expect: r19=0x81 r20=0xffff00000000ffff r21=0xff00ff00ff00ff00 r22=0x7fff0009
// expect: r23=0xffff7fff r24=0x0000000200000000 r25=0x8000
	movl r2=0x01ff7f80
	movl r3=0x01010101
	;;
	padd1 r8=r2,r3			// 01+01, ff+01 wraps, 7f+01, 80+01
	movl r2=0x7f807f80
	movl r3=0x01ff01ff
	;;
	padd1.sss r9=r2,r3		// 127+1 and -128-1 saturate
	movl r2=0xff10
	movl r3=0x0120
	;;
	padd1.uuu r10=r2,r3		// ff+01 saturates at ff
	movl r2=0x0510
	movl r3=0xf0ff
	;;
	padd1.uus r11=r2,r3		// 5+(-16) -> 0, 16+(-1) -> 15
	movl r2=0x00010005
	movl r3=0x00020003
	;;
	psub2.uuu r14=r2,r3		// 1-2 -> 0, 5-3 = 2
	movl r2=0x80007fff
	movl r3=0x0001ffff
	;;
	psub2.sss r15=r2,r3		// -32768-1 and 32767-(-1) saturate
	mov r2=0
	movl r3=0x0000000100000001
	;;
	psub4 r16=r2,r3
	movl r2=0xff0302
	movl r3=0xff0001
	;;
	pavg1 r17=r2,r3			// odd sums 3: (3>>1)|1 = 1
	pavg1.raz r18=r2,r3		// (3+1)>>1 = 2
	mov r2=0
	mov r3=0xff
	;;
	pavgsub1 r19=r2,r3		// (0-255)>>1 with the borrow on top, | lsb
	movl r2=0x0001ffff80007fff
	movl r3=0x000000007fff8000
	;;
	pcmp2.gt r20=r2,r3		// signed halfword compares
	movl r2=0x1122334455667788
	movl r3=0x1100330055007700
	;;
	pcmp1.eq r21=r2,r3
	movl r2=0x10000001
	mov r3=1
	;;
	pshladd2 r22=r2,3,r3		// 0x1000<<3 saturates, (1<<3)+1 = 9
	movl r2=0xffff0004
	movl r3=0x00007fff
	;;
	pshradd2 r23=r2,1,r3		// -1>>1 = -1; (4>>1)+0x7fff saturates
	movl r2=0x00000001ffffffff
	movl r3=0x0000000100000001
	;;
	padd4 r24=r2,r3			// the low word's carry does not reach the high word
	movl r2=0x7fff
	movl r3=0x0001
	;;
	padd2 r25=r2,r3			// modulo: 0x7fff+1 = 0x8000
	;;
	break.i 0
	;;
