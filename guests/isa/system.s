// System (privileged) instructions: PSR, control/indirect registers, TLB,
// probes, register-stack and bank control, and the M-unit moves.
	.text
	.global sys_start
	.proc sys_start
sys_start:
	mov psr.l = r2
	mov psr.um = r2
	mov r2 = psr
	mov r2 = psr.um
	rsm 0x6000
	ssm 0xffffff
	rum 0x3f
	sum 1
	rsm 0
	ssm 0x800000
	mov cr.dcr = r2
	mov r3 = cr.dcr
	mov cr.itm = r2
	mov r3 = cr.itm
	mov cr.iva = r2
	mov r3 = cr.iva
	mov cr.pta = r2
	mov r3 = cr.pta
	mov cr.ipsr = r2
	mov r3 = cr.ipsr
	mov cr.isr = r2
	mov r3 = cr.isr
	mov cr.iip = r2
	mov r3 = cr.iip
	mov cr.ifa = r2
	mov r3 = cr.ifa
	mov cr.itir = r2
	mov r3 = cr.itir
	mov cr.iipa = r2
	mov r3 = cr.iipa
	mov cr.ifs = r2
	mov r3 = cr.ifs
	mov cr.iim = r2
	mov r3 = cr.iim
	mov cr.iha = r2
	mov r3 = cr.iha
	mov cr.lid = r2
	mov r3 = cr.lid
	mov cr.tpr = r2
	mov r3 = cr.tpr
	mov cr.eoi = r2
	mov r3 = cr.eoi
	mov cr.itv = r2
	mov r3 = cr.itv
	mov cr.pmv = r2
	mov r3 = cr.pmv
	mov cr.cmcv = r2
	mov r3 = cr.cmcv
	mov cr.lrr0 = r2
	mov r3 = cr.lrr0
	mov cr.lrr1 = r2
	mov r3 = cr.lrr1
	mov r3 = cr.ivr
	mov r3 = cr.irr0
	mov r3 = cr.irr1
	mov r3 = cr.irr2
	mov r3 = cr.irr3
	mov cr3 = r2
	mov r2 = cr127
	mov rr[r3] = r2
	mov r2 = rr[r3]
	mov pkr[r3] = r2
	mov r2 = pkr[r3]
	mov ibr[r3] = r2
	mov r2 = ibr[r3]
	mov dbr[r3] = r2
	mov r2 = dbr[r3]
	mov pmc[r3] = r2
	mov r2 = pmc[r3]
	mov pmd[r3] = r2
	mov r2 = pmd[r3]
	mov msr[r3] = r2
	mov r2 = msr[r3]
	mov r2 = cpuid[r3]
	mov r127 = cpuid[r0]
	mov r2 = dahr[r3]
	itc.i r2
	itc.d r2
	itr.i itr[r3] = r2
	itr.d dtr[r3] = r2
	ptc.l r2, r3
	ptc.g r2, r3
	ptc.ga r2, r3
	ptc.e r2
	ptr.i r2, r3
	ptr.d r2, r3
	probe.r r2 = r3, r4
	probe.r r2 = r3, 3
	probe.r r2 = r3, 0
	probe.r.fault r3, 2
	probe.w r2 = r3, r4
	probe.w r2 = r3, 3
	probe.w r2 = r3, 0
	probe.w.fault r3, 2
	probe.rw.fault r3, 1
	probe.rw.fault r3, 0
	tpa r2 = r3
	tak r2 = r3
	thash r2 = r3
	ttag r2 = r3
	mov r2 = ar.bspstore
	mov ar.rnat = r2
	mov.m ar.itc = r2
	mov ar.ruc = r2
	bsw.0
	bsw.1
	cover
	clrrrb
	clrrrb.pr
	epc
	vmsw.0
	vmsw.1
	rfi
	.endp sys_start

	.proc sys_tail
sys_tail:
	(p1) mov psr.l = r127
	(p2) itc.d r4
	.endp sys_tail
