// A counted loop: sum 1..1000 with br.cloop.
// expect: r14=500500 r15=0 ar.lc=0
	mov r14=0
	mov r15=1000
	;;
	adds r16=-1,r15
	;;
	mov ar.lc=r16
	;;
1:	add r14=r14,r15
	adds r15=-1,r15
	br.cloop.sptk.few 1b
	;;
	break.i 0
	;;
