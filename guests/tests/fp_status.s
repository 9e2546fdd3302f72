// Status fields: rounding control set with fsetc (sf2: to zero, sf3: up),
// flush-to-zero, the sticky flags of each status field, fcvt.fx out of
// range (integer indefinite, invalid), frcpa zero divide (p2=0) and its
// approximation (p2=1), fchkf.
// expect: f10=0xfffdaaaaab0000000000 f11=0xfffdaaaaaa0000000000 f12=0x2fffdaaaaaa0000000000 f13=0xfffdaaaaab0000000000
// expect: f14=0 f16=0xff810002000000000000 f17=0x1003e8000000000000000 f19=0x1ffff8000000000000000 p6=0
// expect: f21=0xfffdaa80000000000000 p7=1 r9=1 r10=0 r8=0x301b03c0274a33f
	mov r10=0
	fsetc.s2 0x0f,0x30              // sf2: sf0's controls, rc = to zero
	fsetc.s3 0x0f,0x20              // sf3: rc = up
	;;
	movl r15=0xaaaaaaaaaaaaaaab
	movl r16=0xfffd
	movl r17=0x2fffd
	;;
	setf.sig f8=r15
	setf.sig f9=r15
	setf.exp f23=r16
	setf.exp f24=r17
	;;
	fmerge.se f8=f23,f8             // 0xaaaaaaaaaaaaaaab * 2**-65: 1/3 to 64 bits
	fmerge.se f9=f24,f9             // -1/3
	;;
	fma.s.s0 f10=f8,f1,f0           // round to nearest
	fma.s.s2 f11=f8,f1,f0           // to zero
	fma.s.s3 f12=f9,f1,f0           // up (toward zero for a negative)
	fma.s.s3 f13=f8,f1,f0           // up
	;;
	fsetc.s3 0x0f,0x01              // sf3: flush to zero
	movl r18=0x3b90000000000000     // 2**-70
	;;
	setf.d f15=r18
	;;
	fmpy.s.s3 f14=f15,f15           // 2**-140: tiny -> +0 (U, I)
	fmpy.s.s0 f16=f15,f15           // 2**-140: an exact single denormal
	movl r19=0x46293e5939a08cea     // 1e30
	;;
	setf.d f18=r19
	;;
	fcvt.fx.s0 f17=f18              // out of range: integer indefinite, invalid
	frcpa.s0 f19,p6=f1,f0           // 1/0: +inf, zero divide, p6 = 0
	movl r20=0x4008000000000000     // 3.0
	;;
	setf.d f22=r20
	;;
	frcpa.s0 f21,p7=f1,f22          // ~1/3, p7 = 1
	;;
	mov r8=ar.fpsr
	;;
	fchkf.s2 1f                     // sf2 has only I, as sf0: no branch
	mov r9=1
	;;
1:	fchkf.s3 2f                     // sf3 has U, which sf0 lacks: branch
	mov r10=7
	;;
2:	break.i 0
	;;
