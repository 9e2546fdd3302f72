// br.ctop with LC = 0 and EC = 0 neither rotates nor branches; registers the
// block wrote before it must survive the block's end (the rotation runtime
// call sits on a path not taken).
// expect: r14=5 r15=9 ar.lc=0 ar.ec=0 p63=0
	mov r15=7
	mov ar.lc=r0
	;;
	mov ar.ec=r0
	;;
	mov r14=5
	br.ctop.sptk.few 1f
	;;
	mov r15=9
	;;
1:	break.i 0
	;;
