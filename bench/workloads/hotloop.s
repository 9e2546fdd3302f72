// The 9-instruction loop of the JIT performance aim: ld8/add/shladd/xor/
// adds/st8/br.cloop over a 4 KiB buffer (r1 = data area, r20 = iterations).
// setup: r20=200000000
	.explicit
	mov r14=0
	mov r15=0x5555
	adds r20=-1,r20
	;;
	mov ar.lc=r20
	mov r16=r1
	;;
	nop.m 0
	nop.i 0
	nop.i 0
	;;
1:	ld8 r17=[r16]
	add r14=r14,r15
	shladd r18=r15,2,r14
	;;
	xor r19=r17,r18
	adds r15=7,r15
	nop.i 0
	;;
	st8 [r16]=r19
	nop.i 0
	br.cloop.sptk.few 1b
	;;
	break.i 0
	;;
