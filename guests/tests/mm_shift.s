// Parallel shifts (I5-I8) by register and by immediate, counts beyond the
// element width, and NaT propagation from either source.
// setup: r7.nat=1
// expect: r8=0xf8000010 r9=0xffff0000 r10=0x0800000000000010 r11=0x00100ff0
// expect: r14=0 r15=0x8000000080000000 r16=0xffffffff00000000 r17=0x100000000
// expect: r18=0xf0000ff0 r19=0xf00ff0f0f0f0f0f0 r20=0xfff0fff0fff0fff0
// expect: r21.nat=1 r22.nat=1 r23.nat=1 r24.nat=0
	movl r2=0x80000100
	mov r3=4
	mov r4=1000
	;;
	pshr2 r8=r2,r3			// arithmetic: 0x8000>>4, 0x0100>>4
	pshr2 r9=r2,r4			// count above 15: sign fill
	movl r5=0x8000000000000100
	;;
	pshr4.u r10=r5,r3
	movl r2=0x800100ff
	mov r6=16
	;;
	pshl2 r11=r2,r3
	pshl2 r14=r2,r6			// count 16: all bits gone
	movl r2=0x0000000300000001
	;;
	pshl4 r15=r2,31
	movl r2=0x800000007fffffff
	;;
	pshr4 r16=r2,31
	pshr4.u r17=r2,31
	movl r2=0x0f00f0ff
	;;
	pshl2 r18=r2,4
	movl r2=0xff00ff0f0f0f0f0f
	;;
	pshl4 r19=r2,4
	mov r2=-1
	;;
	pshl2 r20=r2,4
	pshl2 r21=r2,r7			// r7 is NaT
	pshr2.u r22=r7,r3
	pshl2 r23=r7,1
	pshr2 r24=r2,r3
	;;
	break.i 0
	;;
