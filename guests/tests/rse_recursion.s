// Deep recursion: fib(20) with a fresh register frame per call (sof 6,
// sol 5): 20 nested frames need more than the 96 physical stacked registers,
// so the RSE spills on the way down and fills on the way up.
// expect: r8=6765 ar.bsp=0x500000
	alloc r32=ar.pfs,0,4,1,0
	mov r36=20
	;;
	br.call.sptk.many b0=fib
	;;
	mov ar.pfs=r32
	;;
	alloc r2=ar.pfs,0,0,0,0
	;;
	break.i 0
	;;
fib:	alloc r35=ar.pfs,1,4,1,0
	mov r34=b0
	cmp.ltu p6,p7=1,r32
	;;
(p7)	mov r8=r32
(p7)	br.cond.dpnt.few 2f
	adds r37=-1,r32
	;;
	br.call.sptk.many b0=fib
	;;
	mov r33=r8
	adds r37=-2,r32
	;;
	br.call.sptk.many b0=fib
	;;
	add r8=r8,r33
	;;
2:	mov ar.pfs=r35
	mov b0=r34
	br.ret.sptk.many b0
	;;
