// Integer division through the FP unit, as libgcc's __divdi3/__moddi3/
// __udivdi3 do it (frcpa, three Newton-Raphson steps in sf1, truncation,
// xma.l for the remainder), called as functions with their own frames.
// expect: r20=-3 r21=-1 r22=0x5555555555555555 r23=0 r24=0x8000000000000000 r25=0
// expect: r26=0x225c17cc4 r27=0x115aeea3 r28=0 r29=5 r30=-5 r31=0 r14=0x7ffffffffffffffe r15=-8
	alloc r32=ar.pfs,0,8,2,0
	;;
	mov r40=-7
	mov r41=2
	br.call.sptk.many b0=divdi3
	;;
	mov r20=r8
	mov r21=r9
	mov r40=-1
	mov r41=3
	br.call.sptk.many b0=udivdi3
	;;
	mov r22=r8
	mov r23=r9
	movl r40=0x8000000000000000
	mov r41=-1
	br.call.sptk.many b0=divdi3
	;;
	mov r24=r8
	mov r25=r9
	movl r40=0x7fffffffffffffff
	movl r41=1000000007
	br.call.sptk.many b0=divdi3
	;;
	mov r26=r8
	mov r27=r9
	mov r40=0
	mov r41=-9
	br.call.sptk.many b0=divdi3
	;;
	mov r28=r8
	mov r40=-25
	mov r41=-5
	br.call.sptk.many b0=divdi3
	;;
	mov r29=r8
	mov r31=r9
	mov r40=25
	mov r41=-5
	br.call.sptk.many b0=divdi3
	;;
	mov r30=r8
	mov r40=-1
	movl r41=0x8000000000000001
	br.call.sptk.many b0=udivdi3
	;;
	mov r14=r9
	mov r40=-8
	mov r41=1
	br.call.sptk.many b0=divdi3
	;;
	mov r15=r8
	break.i 0
	;;

// in0 / in1 -> out quotient in r8, remainder in r9 (copied to the caller's r42/r43)
divdi3:
	alloc r2=ar.pfs,2,0,0,0
	setf.sig f8=in0
	setf.sig f9=in1
	sub r3=r0,in1
	;;
	setf.sig f14=in0
	setf.sig f15=r3
	fcvt.xf f8=f8
	fcvt.xf f9=f9
	;;
	frcpa.s1 f10,p6=f8,f9
	;;
(p6)	fnma.s1 f11=f9,f10,f1
(p6)	fmpy.s1 f12=f8,f10
	;;
(p6)	fmpy.s1 f13=f11,f11
(p6)	fma.s1 f12=f11,f12,f12
	;;
(p6)	fma.s1 f10=f11,f10,f10
(p6)	fma.s1 f11=f13,f12,f12
	;;
(p6)	fma.s1 f10=f13,f10,f10
(p6)	fnma.s1 f12=f9,f11,f8
	;;
(p6)	fma.s1 f10=f12,f10,f11
	;;
	fcvt.fx.trunc.s1 f10=f10
	;;
	xma.l f11=f10,f15,f14
	getf.sig r8=f10
	;;
	getf.sig r9=f11
	mov ar.pfs=r2
	br.ret.sptk.many b0
	;;

udivdi3:
	alloc r2=ar.pfs,2,0,0,0
	setf.sig f8=in0
	setf.sig f9=in1
	sub r3=r0,in1
	;;
	setf.sig f14=in0
	setf.sig f15=r3
	fcvt.xuf.s1 f8=f8
	fcvt.xuf.s1 f9=f9
	;;
	frcpa.s1 f10,p6=f8,f9
	;;
(p6)	fnma.s1 f11=f9,f10,f1
(p6)	fmpy.s1 f12=f8,f10
	;;
(p6)	fmpy.s1 f13=f11,f11
(p6)	fma.s1 f12=f11,f12,f12
	;;
(p6)	fma.s1 f10=f11,f10,f10
(p6)	fma.s1 f11=f13,f12,f12
	;;
(p6)	fma.s1 f10=f13,f10,f10
(p6)	fnma.s1 f12=f9,f11,f8
	;;
(p6)	fma.s1 f10=f12,f10,f11
	;;
	fcvt.fxu.trunc.s1 f10=f10
	;;
	xma.l f11=f10,f15,f14
	getf.sig r8=f10
	;;
	getf.sig r9=f11
	mov ar.pfs=r2
	br.ret.sptk.many b0
	;;
