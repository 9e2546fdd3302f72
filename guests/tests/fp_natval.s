// NaTVal: a speculative FP load from an unmapped address defers (NaTVal),
// arithmetic propagates it, getf turns it into a GR NaT, setf of a NaT GR
// gives NaTVal, fcmp on it clears both predicates, fclass sees @nat; a
// non-speculative store of it is a NaT consumption fault -- here avoided
// with stf.spill, which saves it as is, and ldf.fill restores it.
// expect: f10=0x1fffe0000000000000000 f11=0x1fffe0000000000000000 f12=0x1fffe0000000000000000
// expect: f13=0x1fffe0000000000000000 f14=0x1003e000000000000002a r8=0 r8.nat=1 r9=42 r9.nat=0
// expect: p1=0 p2=0 p3=1 p4=0 r10=1
	movl r14=0x7770000              // unmapped
	mov r15=42
	;;
	ldfd.s f10=[r14]
	setf.sig f14=r15
	cmp.eq p1,p2=r0,r0
	;;
	fma.s0 f11=f10,f1,f14
	;;
	getf.sig r8=f11
	getf.sig r9=f14
	fcmp.eq.s0 p1,p2=f11,f11
	fclass.m p3,p4=f11,@nat
	;;
	add r16=r8,r9                   // NaT propagates through the ALU
	;;
	setf.sig f12=r16
	adds r17=0x100,r1
	;;
	stf.spill [r17]=f12
	;;
	ldf.fill f13=[r17]
	mov r10=0
	;;
(p3)	mov r10=1
	break.i 0
	;;
