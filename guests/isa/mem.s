// Loads, stores, semaphores, ALAT/speculation and other M-unit instructions.
	.text
	.global mem_start
	.proc mem_start
mem_start:
	alloc r34 = ar.pfs, 2, 3, 4, 0
	alloc r40 = ar.pfs, 8, 16, 8, 8
	ld1 r4 = [r5]
	ld1.nt1 r4 = [r5]
	ld1.nta r4 = [r5]
	ld1 r4 = [r5], r6
	ld1.nt1 r4 = [r5], -256
	ld1.nta r4 = [r5], 255
	ld1.s r4 = [r5]
	ld1.s.nt1 r4 = [r5]
	ld1.s.nta r4 = [r5]
	ld1.s r4 = [r5], r6
	ld1.s.nt1 r4 = [r5], -256
	ld1.s.nta r4 = [r5], 255
	ld1.a r4 = [r5]
	ld1.a.nt1 r4 = [r5]
	ld1.a.nta r4 = [r5]
	ld1.a r4 = [r5], r6
	ld1.a.nt1 r4 = [r5], -256
	ld1.a.nta r4 = [r5], 255
	ld1.sa r4 = [r5]
	ld1.sa.nt1 r4 = [r5]
	ld1.sa.nta r4 = [r5]
	ld1.sa r4 = [r5], r6
	ld1.sa.nt1 r4 = [r5], -256
	ld1.sa.nta r4 = [r5], 255
	ld1.bias r4 = [r5]
	ld1.bias.nt1 r4 = [r5]
	ld1.bias.nta r4 = [r5]
	ld1.bias r4 = [r5], r6
	ld1.bias.nt1 r4 = [r5], -256
	ld1.bias.nta r4 = [r5], 255
	ld1.acq r4 = [r5]
	ld1.acq.nt1 r4 = [r5]
	ld1.acq.nta r4 = [r5]
	ld1.acq r4 = [r5], r6
	ld1.acq.nt1 r4 = [r5], -256
	ld1.acq.nta r4 = [r5], 255
	ld1.c.clr r4 = [r5]
	ld1.c.clr.nt1 r4 = [r5]
	ld1.c.clr.nta r4 = [r5]
	ld1.c.clr r4 = [r5], r6
	ld1.c.clr.nt1 r4 = [r5], -256
	ld1.c.clr.nta r4 = [r5], 255
	ld1.c.nc r4 = [r5]
	ld1.c.nc.nt1 r4 = [r5]
	ld1.c.nc.nta r4 = [r5]
	ld1.c.nc r4 = [r5], r6
	ld1.c.nc.nt1 r4 = [r5], -256
	ld1.c.nc.nta r4 = [r5], 255
	ld1.c.clr.acq r4 = [r5]
	ld1.c.clr.acq.nt1 r4 = [r5]
	ld1.c.clr.acq.nta r4 = [r5]
	ld1.c.clr.acq r4 = [r5], r6
	ld1.c.clr.acq.nt1 r4 = [r5], -256
	ld1.c.clr.acq.nta r4 = [r5], 255
	ld2 r4 = [r5]
	ld2.nt1 r4 = [r5]
	ld2.nta r4 = [r5]
	ld2 r4 = [r5], r6
	ld2.nt1 r4 = [r5], -256
	ld2.nta r4 = [r5], 255
	ld2.s r4 = [r5]
	ld2.s.nt1 r4 = [r5]
	ld2.s.nta r4 = [r5]
	ld2.s r4 = [r5], r6
	ld2.s.nt1 r4 = [r5], -256
	ld2.s.nta r4 = [r5], 255
	ld2.a r4 = [r5]
	ld2.a.nt1 r4 = [r5]
	ld2.a.nta r4 = [r5]
	ld2.a r4 = [r5], r6
	ld2.a.nt1 r4 = [r5], -256
	ld2.a.nta r4 = [r5], 255
	ld2.sa r4 = [r5]
	ld2.sa.nt1 r4 = [r5]
	ld2.sa.nta r4 = [r5]
	ld2.sa r4 = [r5], r6
	ld2.sa.nt1 r4 = [r5], -256
	ld2.sa.nta r4 = [r5], 255
	ld2.bias r4 = [r5]
	ld2.bias.nt1 r4 = [r5]
	ld2.bias.nta r4 = [r5]
	ld2.bias r4 = [r5], r6
	ld2.bias.nt1 r4 = [r5], -256
	ld2.bias.nta r4 = [r5], 255
	ld2.acq r4 = [r5]
	ld2.acq.nt1 r4 = [r5]
	ld2.acq.nta r4 = [r5]
	ld2.acq r4 = [r5], r6
	ld2.acq.nt1 r4 = [r5], -256
	ld2.acq.nta r4 = [r5], 255
	ld2.c.clr r4 = [r5]
	ld2.c.clr.nt1 r4 = [r5]
	ld2.c.clr.nta r4 = [r5]
	ld2.c.clr r4 = [r5], r6
	ld2.c.clr.nt1 r4 = [r5], -256
	ld2.c.clr.nta r4 = [r5], 255
	ld2.c.nc r4 = [r5]
	ld2.c.nc.nt1 r4 = [r5]
	ld2.c.nc.nta r4 = [r5]
	ld2.c.nc r4 = [r5], r6
	ld2.c.nc.nt1 r4 = [r5], -256
	ld2.c.nc.nta r4 = [r5], 255
	ld2.c.clr.acq r4 = [r5]
	ld2.c.clr.acq.nt1 r4 = [r5]
	ld2.c.clr.acq.nta r4 = [r5]
	ld2.c.clr.acq r4 = [r5], r6
	ld2.c.clr.acq.nt1 r4 = [r5], -256
	ld2.c.clr.acq.nta r4 = [r5], 255
	ld4 r4 = [r5]
	ld4.nt1 r4 = [r5]
	ld4.nta r4 = [r5]
	ld4 r4 = [r5], r6
	ld4.nt1 r4 = [r5], -256
	ld4.nta r4 = [r5], 255
	ld4.s r4 = [r5]
	ld4.s.nt1 r4 = [r5]
	ld4.s.nta r4 = [r5]
	ld4.s r4 = [r5], r6
	ld4.s.nt1 r4 = [r5], -256
	ld4.s.nta r4 = [r5], 255
	ld4.a r4 = [r5]
	ld4.a.nt1 r4 = [r5]
	ld4.a.nta r4 = [r5]
	ld4.a r4 = [r5], r6
	ld4.a.nt1 r4 = [r5], -256
	ld4.a.nta r4 = [r5], 255
	ld4.sa r4 = [r5]
	ld4.sa.nt1 r4 = [r5]
	ld4.sa.nta r4 = [r5]
	ld4.sa r4 = [r5], r6
	ld4.sa.nt1 r4 = [r5], -256
	ld4.sa.nta r4 = [r5], 255
	ld4.bias r4 = [r5]
	ld4.bias.nt1 r4 = [r5]
	ld4.bias.nta r4 = [r5]
	ld4.bias r4 = [r5], r6
	ld4.bias.nt1 r4 = [r5], -256
	ld4.bias.nta r4 = [r5], 255
	ld4.acq r4 = [r5]
	ld4.acq.nt1 r4 = [r5]
	ld4.acq.nta r4 = [r5]
	ld4.acq r4 = [r5], r6
	ld4.acq.nt1 r4 = [r5], -256
	ld4.acq.nta r4 = [r5], 255
	ld4.c.clr r4 = [r5]
	ld4.c.clr.nt1 r4 = [r5]
	ld4.c.clr.nta r4 = [r5]
	ld4.c.clr r4 = [r5], r6
	ld4.c.clr.nt1 r4 = [r5], -256
	ld4.c.clr.nta r4 = [r5], 255
	ld4.c.nc r4 = [r5]
	ld4.c.nc.nt1 r4 = [r5]
	ld4.c.nc.nta r4 = [r5]
	ld4.c.nc r4 = [r5], r6
	ld4.c.nc.nt1 r4 = [r5], -256
	ld4.c.nc.nta r4 = [r5], 255
	ld4.c.clr.acq r4 = [r5]
	ld4.c.clr.acq.nt1 r4 = [r5]
	ld4.c.clr.acq.nta r4 = [r5]
	ld4.c.clr.acq r4 = [r5], r6
	ld4.c.clr.acq.nt1 r4 = [r5], -256
	ld4.c.clr.acq.nta r4 = [r5], 255
	ld8 r4 = [r5]
	ld8.nt1 r4 = [r5]
	ld8.nta r4 = [r5]
	ld8 r4 = [r5], r6
	ld8.nt1 r4 = [r5], -256
	ld8.nta r4 = [r5], 255
	ld8.s r4 = [r5]
	ld8.s.nt1 r4 = [r5]
	ld8.s.nta r4 = [r5]
	ld8.s r4 = [r5], r6
	ld8.s.nt1 r4 = [r5], -256
	ld8.s.nta r4 = [r5], 255
	ld8.a r4 = [r5]
	ld8.a.nt1 r4 = [r5]
	ld8.a.nta r4 = [r5]
	ld8.a r4 = [r5], r6
	ld8.a.nt1 r4 = [r5], -256
	ld8.a.nta r4 = [r5], 255
	ld8.sa r4 = [r5]
	ld8.sa.nt1 r4 = [r5]
	ld8.sa.nta r4 = [r5]
	ld8.sa r4 = [r5], r6
	ld8.sa.nt1 r4 = [r5], -256
	ld8.sa.nta r4 = [r5], 255
	ld8.bias r4 = [r5]
	ld8.bias.nt1 r4 = [r5]
	ld8.bias.nta r4 = [r5]
	ld8.bias r4 = [r5], r6
	ld8.bias.nt1 r4 = [r5], -256
	ld8.bias.nta r4 = [r5], 255
	ld8.acq r4 = [r5]
	ld8.acq.nt1 r4 = [r5]
	ld8.acq.nta r4 = [r5]
	ld8.acq r4 = [r5], r6
	ld8.acq.nt1 r4 = [r5], -256
	ld8.acq.nta r4 = [r5], 255
	ld8.c.clr r4 = [r5]
	ld8.c.clr.nt1 r4 = [r5]
	ld8.c.clr.nta r4 = [r5]
	ld8.c.clr r4 = [r5], r6
	ld8.c.clr.nt1 r4 = [r5], -256
	ld8.c.clr.nta r4 = [r5], 255
	ld8.c.nc r4 = [r5]
	ld8.c.nc.nt1 r4 = [r5]
	ld8.c.nc.nta r4 = [r5]
	ld8.c.nc r4 = [r5], r6
	ld8.c.nc.nt1 r4 = [r5], -256
	ld8.c.nc.nta r4 = [r5], 255
	ld8.c.clr.acq r4 = [r5]
	ld8.c.clr.acq.nt1 r4 = [r5]
	ld8.c.clr.acq.nta r4 = [r5]
	ld8.c.clr.acq r4 = [r5], r6
	ld8.c.clr.acq.nt1 r4 = [r5], -256
	ld8.c.clr.acq.nta r4 = [r5], 255
	ld8.fill r4 = [r5]
	ld8.fill.nt1 r4 = [r5], r6
	ld8.fill.nta r4 = [r5], 8
	ld16 r4, ar.csd = [r5]
	ld16.acq.nt1 r4, ar.csd = [r5]
	ld16.nta r4, ar.csd = [r5]
	st1 [r5] = r4
	st1.nta [r5] = r4
	st1 [r5] = r4, -256
	st1.nta [r5] = r4, 255
	st1.rel [r5] = r4
	st1.rel.nta [r5] = r4
	st1.rel [r5] = r4, -256
	st1.rel.nta [r5] = r4, 255
	st2 [r5] = r4
	st2.nta [r5] = r4
	st2 [r5] = r4, -256
	st2.nta [r5] = r4, 255
	st2.rel [r5] = r4
	st2.rel.nta [r5] = r4
	st2.rel [r5] = r4, -256
	st2.rel.nta [r5] = r4, 255
	st4 [r5] = r4
	st4.nta [r5] = r4
	st4 [r5] = r4, -256
	st4.nta [r5] = r4, 255
	st4.rel [r5] = r4
	st4.rel.nta [r5] = r4
	st4.rel [r5] = r4, -256
	st4.rel.nta [r5] = r4, 255
	st8 [r5] = r4
	st8.nta [r5] = r4
	st8 [r5] = r4, -256
	st8.nta [r5] = r4, 255
	st8.rel [r5] = r4
	st8.rel.nta [r5] = r4
	st8.rel [r5] = r4, -256
	st8.rel.nta [r5] = r4, 255
	st8.spill [r5] = r4
	st8.spill.nta [r5] = r4, 16
	st16 [r5] = r4, ar.csd
	st16.rel.nta [r5] = r4, ar.csd
	ldfs f6 = [r5]
	ldfs.nt1 f6 = [r5]
	ldfs.nta f6 = [r5]
	ldfs f6 = [r5], r7
	ldfs.nt1 f6 = [r5], -256
	ldfs.s f6 = [r5]
	ldfs.s.nt1 f6 = [r5]
	ldfs.s.nta f6 = [r5]
	ldfs.s f6 = [r5], r7
	ldfs.s.nt1 f6 = [r5], -256
	ldfs.a f6 = [r5]
	ldfs.a.nt1 f6 = [r5]
	ldfs.a.nta f6 = [r5]
	ldfs.a f6 = [r5], r7
	ldfs.a.nt1 f6 = [r5], -256
	ldfs.sa f6 = [r5]
	ldfs.sa.nt1 f6 = [r5]
	ldfs.sa.nta f6 = [r5]
	ldfs.sa f6 = [r5], r7
	ldfs.sa.nt1 f6 = [r5], -256
	ldfs.c.clr f6 = [r5]
	ldfs.c.clr.nt1 f6 = [r5]
	ldfs.c.clr.nta f6 = [r5]
	ldfs.c.clr f6 = [r5], r7
	ldfs.c.clr.nt1 f6 = [r5], -256
	ldfs.c.nc f6 = [r5]
	ldfs.c.nc.nt1 f6 = [r5]
	ldfs.c.nc.nta f6 = [r5]
	ldfs.c.nc f6 = [r5], r7
	ldfs.c.nc.nt1 f6 = [r5], -256
	stfs [r5] = f6
	stfs.nta [r5] = f6, 255
	ldfd f6 = [r5]
	ldfd.nt1 f6 = [r5]
	ldfd.nta f6 = [r5]
	ldfd f6 = [r5], r7
	ldfd.nt1 f6 = [r5], -256
	ldfd.s f6 = [r5]
	ldfd.s.nt1 f6 = [r5]
	ldfd.s.nta f6 = [r5]
	ldfd.s f6 = [r5], r7
	ldfd.s.nt1 f6 = [r5], -256
	ldfd.a f6 = [r5]
	ldfd.a.nt1 f6 = [r5]
	ldfd.a.nta f6 = [r5]
	ldfd.a f6 = [r5], r7
	ldfd.a.nt1 f6 = [r5], -256
	ldfd.sa f6 = [r5]
	ldfd.sa.nt1 f6 = [r5]
	ldfd.sa.nta f6 = [r5]
	ldfd.sa f6 = [r5], r7
	ldfd.sa.nt1 f6 = [r5], -256
	ldfd.c.clr f6 = [r5]
	ldfd.c.clr.nt1 f6 = [r5]
	ldfd.c.clr.nta f6 = [r5]
	ldfd.c.clr f6 = [r5], r7
	ldfd.c.clr.nt1 f6 = [r5], -256
	ldfd.c.nc f6 = [r5]
	ldfd.c.nc.nt1 f6 = [r5]
	ldfd.c.nc.nta f6 = [r5]
	ldfd.c.nc f6 = [r5], r7
	ldfd.c.nc.nt1 f6 = [r5], -256
	stfd [r5] = f6
	stfd.nta [r5] = f6, 255
	ldf8 f6 = [r5]
	ldf8.nt1 f6 = [r5]
	ldf8.nta f6 = [r5]
	ldf8 f6 = [r5], r7
	ldf8.nt1 f6 = [r5], -256
	ldf8.s f6 = [r5]
	ldf8.s.nt1 f6 = [r5]
	ldf8.s.nta f6 = [r5]
	ldf8.s f6 = [r5], r7
	ldf8.s.nt1 f6 = [r5], -256
	ldf8.a f6 = [r5]
	ldf8.a.nt1 f6 = [r5]
	ldf8.a.nta f6 = [r5]
	ldf8.a f6 = [r5], r7
	ldf8.a.nt1 f6 = [r5], -256
	ldf8.sa f6 = [r5]
	ldf8.sa.nt1 f6 = [r5]
	ldf8.sa.nta f6 = [r5]
	ldf8.sa f6 = [r5], r7
	ldf8.sa.nt1 f6 = [r5], -256
	ldf8.c.clr f6 = [r5]
	ldf8.c.clr.nt1 f6 = [r5]
	ldf8.c.clr.nta f6 = [r5]
	ldf8.c.clr f6 = [r5], r7
	ldf8.c.clr.nt1 f6 = [r5], -256
	ldf8.c.nc f6 = [r5]
	ldf8.c.nc.nt1 f6 = [r5]
	ldf8.c.nc.nta f6 = [r5]
	ldf8.c.nc f6 = [r5], r7
	ldf8.c.nc.nt1 f6 = [r5], -256
	stf8 [r5] = f6
	stf8.nta [r5] = f6, 255
	ldfe f6 = [r5]
	ldfe.nt1 f6 = [r5]
	ldfe.nta f6 = [r5]
	ldfe f6 = [r5], r7
	ldfe.nt1 f6 = [r5], -256
	ldfe.s f6 = [r5]
	ldfe.s.nt1 f6 = [r5]
	ldfe.s.nta f6 = [r5]
	ldfe.s f6 = [r5], r7
	ldfe.s.nt1 f6 = [r5], -256
	ldfe.a f6 = [r5]
	ldfe.a.nt1 f6 = [r5]
	ldfe.a.nta f6 = [r5]
	ldfe.a f6 = [r5], r7
	ldfe.a.nt1 f6 = [r5], -256
	ldfe.sa f6 = [r5]
	ldfe.sa.nt1 f6 = [r5]
	ldfe.sa.nta f6 = [r5]
	ldfe.sa f6 = [r5], r7
	ldfe.sa.nt1 f6 = [r5], -256
	ldfe.c.clr f6 = [r5]
	ldfe.c.clr.nt1 f6 = [r5]
	ldfe.c.clr.nta f6 = [r5]
	ldfe.c.clr f6 = [r5], r7
	ldfe.c.clr.nt1 f6 = [r5], -256
	ldfe.c.nc f6 = [r5]
	ldfe.c.nc.nt1 f6 = [r5]
	ldfe.c.nc.nta f6 = [r5]
	ldfe.c.nc f6 = [r5], r7
	ldfe.c.nc.nt1 f6 = [r5], -256
	stfe [r5] = f6
	stfe.nta [r5] = f6, 255
	ldf.fill f6 = [r5]
	ldf.fill.nt1 f6 = [r5], r7
	ldf.fill.nta f6 = [r5], 32
	stf.spill [r5] = f6
	stf.spill.nta [r5] = f6, 32
	ldfps f6, f7 = [r5]
	ldfps.nt1 f6, f7 = [r5]
	ldfps.nta f6, f7 = [r5]
	ldfps f6, f7 = [r5], 8
	ldfps.s f6, f7 = [r5]
	ldfps.s.nt1 f6, f7 = [r5]
	ldfps.s.nta f6, f7 = [r5]
	ldfps.s f6, f7 = [r5], 8
	ldfps.a f6, f7 = [r5]
	ldfps.a.nt1 f6, f7 = [r5]
	ldfps.a.nta f6, f7 = [r5]
	ldfps.a f6, f7 = [r5], 8
	ldfps.sa f6, f7 = [r5]
	ldfps.sa.nt1 f6, f7 = [r5]
	ldfps.sa.nta f6, f7 = [r5]
	ldfps.sa f6, f7 = [r5], 8
	ldfps.c.clr f6, f7 = [r5]
	ldfps.c.clr.nt1 f6, f7 = [r5]
	ldfps.c.clr.nta f6, f7 = [r5]
	ldfps.c.clr f6, f7 = [r5], 8
	ldfps.c.nc f6, f7 = [r5]
	ldfps.c.nc.nt1 f6, f7 = [r5]
	ldfps.c.nc.nta f6, f7 = [r5]
	ldfps.c.nc f6, f7 = [r5], 8
	ldfpd f6, f7 = [r5]
	ldfpd.nt1 f6, f7 = [r5]
	ldfpd.nta f6, f7 = [r5]
	ldfpd f6, f7 = [r5], 16
	ldfpd.s f6, f7 = [r5]
	ldfpd.s.nt1 f6, f7 = [r5]
	ldfpd.s.nta f6, f7 = [r5]
	ldfpd.s f6, f7 = [r5], 16
	ldfpd.a f6, f7 = [r5]
	ldfpd.a.nt1 f6, f7 = [r5]
	ldfpd.a.nta f6, f7 = [r5]
	ldfpd.a f6, f7 = [r5], 16
	ldfpd.sa f6, f7 = [r5]
	ldfpd.sa.nt1 f6, f7 = [r5]
	ldfpd.sa.nta f6, f7 = [r5]
	ldfpd.sa f6, f7 = [r5], 16
	ldfpd.c.clr f6, f7 = [r5]
	ldfpd.c.clr.nt1 f6, f7 = [r5]
	ldfpd.c.clr.nta f6, f7 = [r5]
	ldfpd.c.clr f6, f7 = [r5], 16
	ldfpd.c.nc f6, f7 = [r5]
	ldfpd.c.nc.nt1 f6, f7 = [r5]
	ldfpd.c.nc.nta f6, f7 = [r5]
	ldfpd.c.nc f6, f7 = [r5], 16
	ldfp8 f6, f7 = [r5]
	ldfp8.nt1 f6, f7 = [r5]
	ldfp8.nta f6, f7 = [r5]
	ldfp8 f6, f7 = [r5], 16
	ldfp8.s f6, f7 = [r5]
	ldfp8.s.nt1 f6, f7 = [r5]
	ldfp8.s.nta f6, f7 = [r5]
	ldfp8.s f6, f7 = [r5], 16
	ldfp8.a f6, f7 = [r5]
	ldfp8.a.nt1 f6, f7 = [r5]
	ldfp8.a.nta f6, f7 = [r5]
	ldfp8.a f6, f7 = [r5], 16
	ldfp8.sa f6, f7 = [r5]
	ldfp8.sa.nt1 f6, f7 = [r5]
	ldfp8.sa.nta f6, f7 = [r5]
	ldfp8.sa f6, f7 = [r5], 16
	ldfp8.c.clr f6, f7 = [r5]
	ldfp8.c.clr.nt1 f6, f7 = [r5]
	ldfp8.c.clr.nta f6, f7 = [r5]
	ldfp8.c.clr f6, f7 = [r5], 16
	ldfp8.c.nc f6, f7 = [r5]
	ldfp8.c.nc.nt1 f6, f7 = [r5]
	ldfp8.c.nc.nta f6, f7 = [r5]
	ldfp8.c.nc f6, f7 = [r5], 16
	lfetch [r5]
	lfetch.nt1 [r5]
	lfetch.nt2 [r5]
	lfetch.nta [r5]
	lfetch [r5], r6
	lfetch.nta [r5], -256
	lfetch.fault [r5]
	lfetch.fault.nt1 [r5]
	lfetch.fault.nt2 [r5]
	lfetch.fault.nta [r5]
	lfetch.fault [r5], r6
	lfetch.fault.nta [r5], -256
	lfetch.excl [r5]
	lfetch.excl.nt1 [r5]
	lfetch.excl.nt2 [r5]
	lfetch.excl.nta [r5]
	lfetch.excl [r5], r6
	lfetch.excl.nta [r5], -256
	lfetch.fault.excl [r5]
	lfetch.fault.excl.nt1 [r5]
	lfetch.fault.excl.nt2 [r5]
	lfetch.fault.excl.nta [r5]
	lfetch.fault.excl [r5], r6
	lfetch.fault.excl.nta [r5], -256
	cmpxchg1.acq r4 = [r5], r6, ar.ccv
	cmpxchg1.acq.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg1.acq.nta r4 = [r5], r6, ar.ccv
	cmpxchg1.rel r4 = [r5], r6, ar.ccv
	cmpxchg1.rel.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg1.rel.nta r4 = [r5], r6, ar.ccv
	xchg1 r4 = [r5], r6
	xchg1.nt1 r4 = [r5], r6
	xchg1.nta r4 = [r5], r6
	cmpxchg2.acq r4 = [r5], r6, ar.ccv
	cmpxchg2.acq.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg2.acq.nta r4 = [r5], r6, ar.ccv
	cmpxchg2.rel r4 = [r5], r6, ar.ccv
	cmpxchg2.rel.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg2.rel.nta r4 = [r5], r6, ar.ccv
	xchg2 r4 = [r5], r6
	xchg2.nt1 r4 = [r5], r6
	xchg2.nta r4 = [r5], r6
	cmpxchg4.acq r4 = [r5], r6, ar.ccv
	cmpxchg4.acq.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg4.acq.nta r4 = [r5], r6, ar.ccv
	cmpxchg4.rel r4 = [r5], r6, ar.ccv
	cmpxchg4.rel.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg4.rel.nta r4 = [r5], r6, ar.ccv
	xchg4 r4 = [r5], r6
	xchg4.nt1 r4 = [r5], r6
	xchg4.nta r4 = [r5], r6
	cmpxchg8.acq r4 = [r5], r6, ar.ccv
	cmpxchg8.acq.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg8.acq.nta r4 = [r5], r6, ar.ccv
	cmpxchg8.rel r4 = [r5], r6, ar.ccv
	cmpxchg8.rel.nt1 r4 = [r5], r6, ar.ccv
	cmpxchg8.rel.nta r4 = [r5], r6, ar.ccv
	xchg8 r4 = [r5], r6
	xchg8.nt1 r4 = [r5], r6
	xchg8.nta r4 = [r5], r6
	cmp8xchg16.acq r4 = [r5], r6, ar.csd, ar.ccv
	cmp8xchg16.rel.nta r4 = [r5], r6, ar.csd, ar.ccv
	fetchadd4.acq r4 = [r5], -16
	fetchadd4.acq r4 = [r5], -8
	fetchadd4.acq r4 = [r5], -4
	fetchadd4.acq r4 = [r5], -1
	fetchadd4.acq r4 = [r5], 1
	fetchadd4.acq r4 = [r5], 4
	fetchadd4.acq r4 = [r5], 8
	fetchadd4.acq r4 = [r5], 16
	fetchadd4.rel r4 = [r5], -16
	fetchadd4.rel r4 = [r5], -8
	fetchadd4.rel r4 = [r5], -4
	fetchadd4.rel r4 = [r5], -1
	fetchadd4.rel r4 = [r5], 1
	fetchadd4.rel r4 = [r5], 4
	fetchadd4.rel r4 = [r5], 8
	fetchadd4.rel r4 = [r5], 16
	fetchadd4.acq.nta r4 = [r5], 1
	fetchadd8.acq r4 = [r5], -16
	fetchadd8.acq r4 = [r5], -8
	fetchadd8.acq r4 = [r5], -4
	fetchadd8.acq r4 = [r5], -1
	fetchadd8.acq r4 = [r5], 1
	fetchadd8.acq r4 = [r5], 4
	fetchadd8.acq r4 = [r5], 8
	fetchadd8.acq r4 = [r5], 16
	fetchadd8.rel r4 = [r5], -16
	fetchadd8.rel r4 = [r5], -8
	fetchadd8.rel r4 = [r5], -4
	fetchadd8.rel r4 = [r5], -1
	fetchadd8.rel r4 = [r5], 1
	fetchadd8.rel r4 = [r5], 4
	fetchadd8.rel r4 = [r5], 8
	fetchadd8.rel r4 = [r5], 16
	fetchadd8.acq.nta r4 = [r5], 1
	.endp mem_start

	.proc speculation
speculation:
	invala
	invala.e r4
	invala.e f6
	chk.a.clr r4, spec_recover
	chk.a.nc r4, spec_recover
	chk.a.clr f6, spec_recover
	chk.a.nc f6, spec_recover
	chk.s.m r4, spec_recover
	chk.s f6, spec_recover
	getf.s r4 = f6
	getf.d r4 = f6
	getf.exp r4 = f6
	getf.sig r4 = f6
	setf.s f6 = r4
	setf.d f6 = r4
	setf.exp f6 = r4
	setf.sig f6 = r4
	mov.m ar.ccv = r4
	mov.m r4 = ar.ccv
	mov.m ar.unat = 5
	mov ar.rsc = r4
	mov r4 = ar.bsp
	mov ar.bspstore = r4
	mov r4 = ar.rnat
	mov ar.fpsr = r4
	mov r4 = ar.itc
	mov ar.itc = r4
	mov r4 = ar.k0
	mov ar.k7 = r4
	mov ar.csd = r4
	mov r4 = ar.ssd
	mov ar.eflag = r4
	mov r4 = ar.fcr
	mov ar.cflg = r4
	mov r4 = ar.fsr
	mov ar.fir = r4
	mov r4 = ar.fdr
	mov r4 = ar.ruc
	mov.m ar48 = r4
	mov.m r4 = ar63
	mov.m ar20 = -128
	mf
	mf.a
	fwb
	flushrs
	loadrs
	srlz.d
	srlz.i
	sync.i
	fc r4
	fc.i r4
	nop.m 0
	nop.m 0x1fffff
	break.m 0
	break.m 0x1ffff
	hint.m 0
	hint.m @pause
	br.ret.sptk.many b0
	.endp speculation
spec_recover:
	br.ret.sptk.many b0

	// a table in the code section: objdump dumps it as data
	.align 16
	.type mem_table, @object
	.size mem_table, 40
mem_table:
	stringz "IA-64 table"
	.skip 4
	data8 0x0123456789abcdef, 0
	data4 0x41424344
	.align 16
mem_after:
	br.ret.sptk.many b0
