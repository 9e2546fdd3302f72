// Multimedia data arrangement (I2, I3, I4): mix, unpack, pack with
// saturation, every named mux1 permutation and a few mux2 selectors.
// expect: r8=0x88ff66dd44bb2299 r9=0x77ee55cc33aa1188 r10=0x1111111133333333
// expect: r11=0x2222222244444444 r14=0x44bb33aa22991188 r15=0x88ff77ee66dd55cc
// expect: r16=0x0001ff807f807f80 r17=0x00010000ff008000 r18=0x0005fffb7fff8000
// expect: r19=0x1122334455667788 r20=0x1111111111111111 r21=0x8844662277335511
// expect: r22=0x8844773366225511 r23=0x8866442277553311
// expect: r24=0x1111222233334444 r25=0x2222111122221111 r26=0x4444333322221111
// expect: r27=0x4444444444444444 r28=0x4433221188776655
	movl r2=0x8877665544332211
	movl r3=0xffeeddccbbaa9988
	;;
	mix1.l r8=r2,r3
	mix1.r r9=r2,r3
	unpack1.l r14=r2,r3
	unpack1.h r15=r2,r3
	mux1 r19=r2,@rev
	mux1 r20=r2,@brcst
	mux1 r21=r2,@mix
	mux1 r22=r2,@shuf
	mux1 r23=r2,@alt
	mux2 r28=r2,0x4e		// swap the two words: selectors 2,3,0,1
	movl r4=0x1111111122222222
	movl r5=0x3333333344444444
	;;
	mix4.l r10=r4,r5
	mix4.r r11=r4,r5
	movl r2=0x0100ff000080ff7f
	movl r3=0x00000001ffff8000
	;;
	pack2.sss r16=r2,r3		// -129 128 -256 256 | -32768 -1 1 0
	pack2.uss r17=r2,r3
	movl r2=0x00010000ffff0000
	movl r3=0x00000005fffffffb
	;;
	pack4.sss r18=r2,r3
	movl r2=0x4444333322221111
	;;
	mux2 r24=r2,0x1b		// reverse the halfwords
	mux2 r25=r2,0x44
	mux2 r26=r2,0xe4		// identity
	mux2 r27=r2,0xff		// broadcast the top halfword
	;;
	break.i 0
	;;
