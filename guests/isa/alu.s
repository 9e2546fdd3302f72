// Integer ALU, compare, shift, deposit/extract and multimedia (A and I units).
	.text
	.global alu_start
	.proc alu_start
alu_start:
	add r1 = r2, r3
	add r1 = r2, r3, 1
	adds r4 = -8192, r5
	adds r4 = 8191, r5
	addl r6 = 0x1fffff, r2
	addl r6 = -2097152, r3
	addp4 r7 = r8, r9
	addp4 r7 = -100, r9
	sub r1 = r2, r3
	sub r1 = r2, r3, 1
	sub r1 = 127, r3
	sub r1 = -128, r3
	and r10 = r11, r12
	and r10 = -1, r12
	and r10 = 42, r12
	andcm r10 = r11, r12
	andcm r10 = -1, r12
	andcm r10 = 42, r12
	or r10 = r11, r12
	or r10 = -1, r12
	or r10 = 42, r12
	xor r10 = r11, r12
	xor r10 = -1, r12
	xor r10 = 42, r12
	shladd r13 = r14, 1, r15
	shladdp4 r13 = r14, 1, r15
	shladd r13 = r14, 2, r15
	shladdp4 r13 = r14, 2, r15
	shladd r13 = r14, 3, r15
	shladdp4 r13 = r14, 3, r15
	shladd r13 = r14, 4, r15
	shladdp4 r13 = r14, 4, r15
	mov r16 = r17
	mov r16 = 100
	mov r16 = -1
	mov r127 = r0
	.endp alu_start

	.proc compares
compares:
	cmp.eq p6, p7 = r8, r9
	cmp.eq p6, p7 = -5, r9
	(p1) cmp.eq p6, p7 = 127, r9
	cmp.eq.unc p6, p7 = r8, r9
	cmp.eq.unc p6, p7 = -5, r9
	(p1) cmp.eq.unc p6, p7 = 127, r9
	cmp.ne p6, p7 = r8, r9
	cmp.ne p6, p7 = -5, r9
	(p1) cmp.ne p6, p7 = 127, r9
	cmp.ne.unc p6, p7 = r8, r9
	cmp.ne.unc p6, p7 = -5, r9
	(p1) cmp.ne.unc p6, p7 = 127, r9
	cmp.lt p6, p7 = r8, r9
	cmp.lt p6, p7 = -5, r9
	(p1) cmp.lt p6, p7 = 127, r9
	cmp.lt.unc p6, p7 = r8, r9
	cmp.lt.unc p6, p7 = -5, r9
	(p1) cmp.lt.unc p6, p7 = 127, r9
	cmp.le p6, p7 = r8, r9
	cmp.le p6, p7 = -5, r9
	(p1) cmp.le p6, p7 = 127, r9
	cmp.le.unc p6, p7 = r8, r9
	cmp.le.unc p6, p7 = -5, r9
	(p1) cmp.le.unc p6, p7 = 127, r9
	cmp.gt p6, p7 = r8, r9
	cmp.gt p6, p7 = -5, r9
	(p1) cmp.gt p6, p7 = 127, r9
	cmp.gt.unc p6, p7 = r8, r9
	cmp.gt.unc p6, p7 = -5, r9
	(p1) cmp.gt.unc p6, p7 = 127, r9
	cmp.ge p6, p7 = r8, r9
	cmp.ge p6, p7 = -5, r9
	(p1) cmp.ge p6, p7 = 127, r9
	cmp.ge.unc p6, p7 = r8, r9
	cmp.ge.unc p6, p7 = -5, r9
	(p1) cmp.ge.unc p6, p7 = 127, r9
	cmp.ltu p6, p7 = r8, r9
	cmp.ltu p6, p7 = -5, r9
	(p1) cmp.ltu p6, p7 = 127, r9
	cmp.ltu.unc p6, p7 = r8, r9
	cmp.ltu.unc p6, p7 = -5, r9
	(p1) cmp.ltu.unc p6, p7 = 127, r9
	cmp.leu p6, p7 = r8, r9
	cmp.leu p6, p7 = -5, r9
	(p1) cmp.leu p6, p7 = 127, r9
	cmp.leu.unc p6, p7 = r8, r9
	cmp.leu.unc p6, p7 = -5, r9
	(p1) cmp.leu.unc p6, p7 = 127, r9
	cmp.gtu p6, p7 = r8, r9
	cmp.gtu p6, p7 = -5, r9
	(p1) cmp.gtu p6, p7 = 127, r9
	cmp.gtu.unc p6, p7 = r8, r9
	cmp.gtu.unc p6, p7 = -5, r9
	(p1) cmp.gtu.unc p6, p7 = 127, r9
	cmp.geu p6, p7 = r8, r9
	cmp.geu p6, p7 = -5, r9
	(p1) cmp.geu p6, p7 = 127, r9
	cmp.geu.unc p6, p7 = r8, r9
	cmp.geu.unc p6, p7 = -5, r9
	(p1) cmp.geu.unc p6, p7 = 127, r9
	cmp.eq.and p10, p11 = r8, r9
	cmp.eq.and p10, p11 = 3, r9
	cmp.ne.and p10, p11 = r8, r9
	cmp.ne.and p10, p11 = 3, r9
	cmp.lt.and p10, p11 = r0, r9
	cmp.le.and p10, p11 = r0, r9
	cmp.gt.and p10, p11 = r0, r9
	cmp.ge.and p10, p11 = r0, r9
	cmp.eq.or p10, p11 = r8, r9
	cmp.eq.or p10, p11 = 3, r9
	cmp.ne.or p10, p11 = r8, r9
	cmp.ne.or p10, p11 = 3, r9
	cmp.lt.or p10, p11 = r0, r9
	cmp.le.or p10, p11 = r0, r9
	cmp.gt.or p10, p11 = r0, r9
	cmp.ge.or p10, p11 = r0, r9
	cmp.eq.or.andcm p10, p11 = r8, r9
	cmp.eq.or.andcm p10, p11 = 3, r9
	cmp.ne.or.andcm p10, p11 = r8, r9
	cmp.ne.or.andcm p10, p11 = 3, r9
	cmp.lt.or.andcm p10, p11 = r0, r9
	cmp.le.or.andcm p10, p11 = r0, r9
	cmp.gt.or.andcm p10, p11 = r0, r9
	cmp.ge.or.andcm p10, p11 = r0, r9
	cmp.eq.orcm p10, p11 = r8, r9
	cmp.eq.orcm p10, p11 = 3, r9
	cmp.ne.orcm p10, p11 = r8, r9
	cmp.ne.orcm p10, p11 = 3, r9
	cmp.lt.orcm p10, p11 = r0, r9
	cmp.le.orcm p10, p11 = r0, r9
	cmp.gt.orcm p10, p11 = r0, r9
	cmp.ge.orcm p10, p11 = r0, r9
	cmp.eq.andcm p10, p11 = r8, r9
	cmp.eq.andcm p10, p11 = 3, r9
	cmp.ne.andcm p10, p11 = r8, r9
	cmp.ne.andcm p10, p11 = 3, r9
	cmp.lt.andcm p10, p11 = r0, r9
	cmp.le.andcm p10, p11 = r0, r9
	cmp.gt.andcm p10, p11 = r0, r9
	cmp.ge.andcm p10, p11 = r0, r9
	cmp.eq.and.orcm p10, p11 = r8, r9
	cmp.eq.and.orcm p10, p11 = 3, r9
	cmp.ne.and.orcm p10, p11 = r8, r9
	cmp.ne.and.orcm p10, p11 = 3, r9
	cmp.lt.and.orcm p10, p11 = r0, r9
	cmp.le.and.orcm p10, p11 = r0, r9
	cmp.gt.and.orcm p10, p11 = r0, r9
	cmp.ge.and.orcm p10, p11 = r0, r9
	cmp4.eq p6, p7 = r8, r9
	cmp4.eq p6, p7 = -5, r9
	(p1) cmp4.eq p6, p7 = 127, r9
	cmp4.eq.unc p6, p7 = r8, r9
	cmp4.eq.unc p6, p7 = -5, r9
	(p1) cmp4.eq.unc p6, p7 = 127, r9
	cmp4.ne p6, p7 = r8, r9
	cmp4.ne p6, p7 = -5, r9
	(p1) cmp4.ne p6, p7 = 127, r9
	cmp4.ne.unc p6, p7 = r8, r9
	cmp4.ne.unc p6, p7 = -5, r9
	(p1) cmp4.ne.unc p6, p7 = 127, r9
	cmp4.lt p6, p7 = r8, r9
	cmp4.lt p6, p7 = -5, r9
	(p1) cmp4.lt p6, p7 = 127, r9
	cmp4.lt.unc p6, p7 = r8, r9
	cmp4.lt.unc p6, p7 = -5, r9
	(p1) cmp4.lt.unc p6, p7 = 127, r9
	cmp4.le p6, p7 = r8, r9
	cmp4.le p6, p7 = -5, r9
	(p1) cmp4.le p6, p7 = 127, r9
	cmp4.le.unc p6, p7 = r8, r9
	cmp4.le.unc p6, p7 = -5, r9
	(p1) cmp4.le.unc p6, p7 = 127, r9
	cmp4.gt p6, p7 = r8, r9
	cmp4.gt p6, p7 = -5, r9
	(p1) cmp4.gt p6, p7 = 127, r9
	cmp4.gt.unc p6, p7 = r8, r9
	cmp4.gt.unc p6, p7 = -5, r9
	(p1) cmp4.gt.unc p6, p7 = 127, r9
	cmp4.ge p6, p7 = r8, r9
	cmp4.ge p6, p7 = -5, r9
	(p1) cmp4.ge p6, p7 = 127, r9
	cmp4.ge.unc p6, p7 = r8, r9
	cmp4.ge.unc p6, p7 = -5, r9
	(p1) cmp4.ge.unc p6, p7 = 127, r9
	cmp4.ltu p6, p7 = r8, r9
	cmp4.ltu p6, p7 = -5, r9
	(p1) cmp4.ltu p6, p7 = 127, r9
	cmp4.ltu.unc p6, p7 = r8, r9
	cmp4.ltu.unc p6, p7 = -5, r9
	(p1) cmp4.ltu.unc p6, p7 = 127, r9
	cmp4.leu p6, p7 = r8, r9
	cmp4.leu p6, p7 = -5, r9
	(p1) cmp4.leu p6, p7 = 127, r9
	cmp4.leu.unc p6, p7 = r8, r9
	cmp4.leu.unc p6, p7 = -5, r9
	(p1) cmp4.leu.unc p6, p7 = 127, r9
	cmp4.gtu p6, p7 = r8, r9
	cmp4.gtu p6, p7 = -5, r9
	(p1) cmp4.gtu p6, p7 = 127, r9
	cmp4.gtu.unc p6, p7 = r8, r9
	cmp4.gtu.unc p6, p7 = -5, r9
	(p1) cmp4.gtu.unc p6, p7 = 127, r9
	cmp4.geu p6, p7 = r8, r9
	cmp4.geu p6, p7 = -5, r9
	(p1) cmp4.geu p6, p7 = 127, r9
	cmp4.geu.unc p6, p7 = r8, r9
	cmp4.geu.unc p6, p7 = -5, r9
	(p1) cmp4.geu.unc p6, p7 = 127, r9
	cmp4.eq.and p10, p11 = r8, r9
	cmp4.eq.and p10, p11 = 3, r9
	cmp4.ne.and p10, p11 = r8, r9
	cmp4.ne.and p10, p11 = 3, r9
	cmp4.lt.and p10, p11 = r0, r9
	cmp4.le.and p10, p11 = r0, r9
	cmp4.gt.and p10, p11 = r0, r9
	cmp4.ge.and p10, p11 = r0, r9
	cmp4.eq.or p10, p11 = r8, r9
	cmp4.eq.or p10, p11 = 3, r9
	cmp4.ne.or p10, p11 = r8, r9
	cmp4.ne.or p10, p11 = 3, r9
	cmp4.lt.or p10, p11 = r0, r9
	cmp4.le.or p10, p11 = r0, r9
	cmp4.gt.or p10, p11 = r0, r9
	cmp4.ge.or p10, p11 = r0, r9
	cmp4.eq.or.andcm p10, p11 = r8, r9
	cmp4.eq.or.andcm p10, p11 = 3, r9
	cmp4.ne.or.andcm p10, p11 = r8, r9
	cmp4.ne.or.andcm p10, p11 = 3, r9
	cmp4.lt.or.andcm p10, p11 = r0, r9
	cmp4.le.or.andcm p10, p11 = r0, r9
	cmp4.gt.or.andcm p10, p11 = r0, r9
	cmp4.ge.or.andcm p10, p11 = r0, r9
	cmp4.eq.orcm p10, p11 = r8, r9
	cmp4.eq.orcm p10, p11 = 3, r9
	cmp4.ne.orcm p10, p11 = r8, r9
	cmp4.ne.orcm p10, p11 = 3, r9
	cmp4.lt.orcm p10, p11 = r0, r9
	cmp4.le.orcm p10, p11 = r0, r9
	cmp4.gt.orcm p10, p11 = r0, r9
	cmp4.ge.orcm p10, p11 = r0, r9
	cmp4.eq.andcm p10, p11 = r8, r9
	cmp4.eq.andcm p10, p11 = 3, r9
	cmp4.ne.andcm p10, p11 = r8, r9
	cmp4.ne.andcm p10, p11 = 3, r9
	cmp4.lt.andcm p10, p11 = r0, r9
	cmp4.le.andcm p10, p11 = r0, r9
	cmp4.gt.andcm p10, p11 = r0, r9
	cmp4.ge.andcm p10, p11 = r0, r9
	cmp4.eq.and.orcm p10, p11 = r8, r9
	cmp4.eq.and.orcm p10, p11 = 3, r9
	cmp4.ne.and.orcm p10, p11 = r8, r9
	cmp4.ne.and.orcm p10, p11 = 3, r9
	cmp4.lt.and.orcm p10, p11 = r0, r9
	cmp4.le.and.orcm p10, p11 = r0, r9
	cmp4.gt.and.orcm p10, p11 = r0, r9
	cmp4.ge.and.orcm p10, p11 = r0, r9
	cmp.lt p1, p2 = r3, r0
	cmp.eq p63, p0 = r0, r0
	cmp.ne.unc p1, p0 = r127, r126
	.endp compares

	.proc tests
tests:
	tbit.z p1, p2 = r3, 63
	tbit.z.unc p1, p2 = r3, 63
	tbit.z.and p1, p2 = r3, 63
	tbit.z.or p1, p2 = r3, 63
	tbit.z.or.andcm p1, p2 = r3, 63
	tbit.z.orcm p1, p2 = r3, 63
	tbit.z.andcm p1, p2 = r3, 63
	tbit.z.and.orcm p1, p2 = r3, 63
	tbit.nz p1, p2 = r3, 63
	tbit.nz.unc p1, p2 = r3, 63
	tbit.nz.and p1, p2 = r3, 63
	tbit.nz.or p1, p2 = r3, 63
	tbit.nz.or.andcm p1, p2 = r3, 63
	tbit.nz.orcm p1, p2 = r3, 63
	tbit.nz.andcm p1, p2 = r3, 63
	tbit.nz.and.orcm p1, p2 = r3, 63
	tnat.z p1, p2 = r3
	tnat.z.unc p1, p2 = r3
	tnat.z.and p1, p2 = r3
	tnat.z.or p1, p2 = r3
	tnat.z.or.andcm p1, p2 = r3
	tnat.z.orcm p1, p2 = r3
	tnat.z.andcm p1, p2 = r3
	tnat.z.and.orcm p1, p2 = r3
	tnat.nz p1, p2 = r3
	tnat.nz.unc p1, p2 = r3
	tnat.nz.and p1, p2 = r3
	tnat.nz.or p1, p2 = r3
	tnat.nz.or.andcm p1, p2 = r3
	tnat.nz.orcm p1, p2 = r3
	tnat.nz.andcm p1, p2 = r3
	tnat.nz.and.orcm p1, p2 = r3
	tf.z p1, p2 = 32
	tf.z.unc p1, p2 = 32
	tf.z.and p1, p2 = 32
	tf.z.or p1, p2 = 32
	tf.z.or.andcm p1, p2 = 32
	tf.nz p1, p2 = 32
	tf.nz.unc p1, p2 = 32
	tf.nz.and p1, p2 = 32
	tf.nz.or p1, p2 = 32
	tf.nz.or.andcm p1, p2 = 32
	tbit.z p1, p2 = r3, 0
	.endp tests

	.proc multimedia
multimedia:
	padd1 r1 = r2, r3
	padd1.sss r1 = r2, r3
	padd1.uus r1 = r2, r3
	padd1.uuu r1 = r2, r3
	padd2 r1 = r2, r3
	padd2.sss r1 = r2, r3
	padd2.uus r1 = r2, r3
	padd2.uuu r1 = r2, r3
	padd4 r1 = r2, r3
	psub1 r1 = r2, r3
	psub1.sss r1 = r2, r3
	psub1.uus r1 = r2, r3
	psub1.uuu r1 = r2, r3
	psub2 r1 = r2, r3
	psub2.sss r1 = r2, r3
	psub2.uus r1 = r2, r3
	psub2.uuu r1 = r2, r3
	psub4 r1 = r2, r3
	pavg1 r1 = r2, r3
	pavg1.raz r1 = r2, r3
	pavgsub1 r1 = r2, r3
	pcmp1.eq r1 = r2, r3
	pcmp1.gt r1 = r2, r3
	pavg2 r1 = r2, r3
	pavg2.raz r1 = r2, r3
	pavgsub2 r1 = r2, r3
	pcmp2.eq r1 = r2, r3
	pcmp2.gt r1 = r2, r3
	pcmp4.eq r1 = r2, r3
	pcmp4.gt r1 = r2, r3
	pshladd2 r1 = r2, 1, r3
	pshradd2 r1 = r2, 1, r3
	pshladd2 r1 = r2, 2, r3
	pshradd2 r1 = r2, 2, r3
	pshladd2 r1 = r2, 3, r3
	pshradd2 r1 = r2, 3, r3
	pmpy2.r r1 = r2, r3
	pmpy2.l r1 = r2, r3
	pmpyshr2 r1 = r2, r3, 0
	pmpyshr2.u r1 = r2, r3, 0
	pmpyshr2 r1 = r2, r3, 7
	pmpyshr2.u r1 = r2, r3, 7
	pmpyshr2 r1 = r2, r3, 15
	pmpyshr2.u r1 = r2, r3, 15
	pmpyshr2 r1 = r2, r3, 16
	pmpyshr2.u r1 = r2, r3, 16
	pmin1.u r1 = r2, r3
	pmax1.u r1 = r2, r3
	pmin2 r1 = r2, r3
	pmax2 r1 = r2, r3
	psad1 r1 = r2, r3
	mux1 r1 = r2, @rev
	mux1 r1 = r2, @mix
	mux1 r1 = r2, @shuf
	mux1 r1 = r2, @alt
	mux1 r1 = r2, @brcst
	mux2 r1 = r2, 0x1b
	mux2 r1 = r2, 0
	mux2 r1 = r2, 0xff
	mix1.l r1 = r2, r3
	mix1.r r1 = r2, r3
	unpack1.h r1 = r2, r3
	unpack1.l r1 = r2, r3
	mix2.l r1 = r2, r3
	mix2.r r1 = r2, r3
	unpack2.h r1 = r2, r3
	unpack2.l r1 = r2, r3
	mix4.l r1 = r2, r3
	mix4.r r1 = r2, r3
	unpack4.h r1 = r2, r3
	unpack4.l r1 = r2, r3
	pack2.sss r1 = r2, r3
	pack2.uss r1 = r2, r3
	pack4.sss r1 = r2, r3
	pshl2 r1 = r2, r3
	pshl2 r1 = r2, 5
	pshr2 r1 = r2, r3
	pshr2 r1 = r2, 7
	pshr2.u r1 = r2, r3
	pshr2.u r1 = r2, 9
	pshl4 r1 = r2, r3
	pshl4 r1 = r2, 5
	pshr4 r1 = r2, r3
	pshr4 r1 = r2, 7
	pshr4.u r1 = r2, r3
	pshr4.u r1 = r2, 9
	popcnt r1 = r2
	clz r1 = r2
	mpy4 r1 = r2, r3
	mpyshl4 r1 = r2, r3
	czx1.l r1 = r2
	czx1.r r1 = r2
	czx2.l r1 = r2
	czx2.r r1 = r2
	.endp multimedia

	.proc shifts
shifts:
	shl r1 = r2, r3
	shl r1 = r2, 63
	shr r1 = r2, r3
	shr r1 = r2, 1
	shr.u r1 = r2, r3
	shr.u r1 = r2, 17
	shrp r1 = r2, r3, 13
	extr r1 = r2, 5, 10
	extr.u r1 = r2, 0, 64
	extr.u r1 = r2, 63, 1
	dep r1 = r2, r3, 4, 16
	dep r1 = -1, r3, 60, 4
	dep r1 = 0, r3, 0, 1
	dep.z r1 = r2, 8, 8
	dep.z r1 = 127, 3, 7
	dep.z r1 = -128, 0, 8
	zxt1 r1 = r2
	sxt1 r1 = r2
	zxt2 r1 = r2
	sxt2 r1 = r2
	zxt4 r1 = r2
	sxt4 r1 = r2
	.endp shifts

	.proc moves
moves:
	mov r1 = ip
	mov r1 = pr
	mov pr = r2, 0x1fffe
	mov pr = r2, -1
	mov pr.rot = 0x3fff0000
	mov pr.rot = -65536
	mov r1 = b0
	mov b1 = r2
	mov b6 = r3
	mov.ret b2 = r3, target1
	mov.sptk b3 = r4, target1
	mov.dptk b4 = r5, target1
	mov.imp b5 = r6, target1
	mov.sptk.imp b5 = r6, target1
	mov.dptk.imp b5 = r6, target1
	mov.ret.imp b5 = r6, target1
	movl r1 = 0x123456789abcdef0
	movl r2 = -1
	movl r3 = target1
	mov.i ar.pfs = r1
	mov.i r1 = ar.pfs
	mov.i ar.lc = 100
	mov ar.ec = r2
	mov r2 = ar.ec
	mov ar.lc = r3
	mov r3 = ar.lc
	mov.i ar64 = r4
	mov.i r5 = ar127
	mov.i ar127 = -1
	nop.i 0
	nop.i 0x1fffff
	break.i 0
	break.i 0x12345
	hint.i 0
	hint.i @pause
	hint.i 7
	chk.s.i r4, target1
	chk.s r4, target1
	(p5) add r1 = r2, r3
	(p63) mov r4 = r5
	.endp moves
target1:
	br.ret.sptk.many b0

	// an alias: two symbols at one address, one global and one local
	.global alu_alias
alu_alias:
alu_local_alias:
	add r1 = r1, r1
	br.ret.sptk.many b0

	// a weak symbol and an absolute one
	.weak alu_weak
alu_weak:
	nop.m 0
	br.cond.sptk.few alu_start
	.global alu_abs
alu_abs = 0x40
