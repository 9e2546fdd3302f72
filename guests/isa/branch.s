// Branches of every kind with their hints, branch predict, long branches, and
// explicitly bundled code using every template with and without stops.
	.text
	.global _start
	.proc _start
_start:
	br.call.sptk.many b0 = alu_start
	br.call.sptk.many b0 = mem_start
	br.call.sptk.many b0 = fp_start
	br.call.sptk.many b0 = sys_start
	br.call.sptk.many b0 = branches
forever:
	br.cond.sptk.few forever
	.endp _start

	.global branches
	.proc branches
branches:
	br.cond.sptk back
	(p6) br.cond.sptk fwd
	br.cond.sptk.clr back
	(p6) br.cond.sptk.clr fwd
	br.cond.sptk.few back
	(p6) br.cond.sptk.few fwd
	br.cond.sptk.few.clr back
	(p6) br.cond.sptk.few.clr fwd
	br.cond.sptk.many back
	(p6) br.cond.sptk.many fwd
	br.cond.sptk.many.clr back
	(p6) br.cond.sptk.many.clr fwd
	br.cond.spnt back
	(p6) br.cond.spnt fwd
	br.cond.spnt.clr back
	(p6) br.cond.spnt.clr fwd
	br.cond.spnt.few back
	(p6) br.cond.spnt.few fwd
	br.cond.spnt.few.clr back
	(p6) br.cond.spnt.few.clr fwd
	br.cond.spnt.many back
	(p6) br.cond.spnt.many fwd
	br.cond.spnt.many.clr back
	(p6) br.cond.spnt.many.clr fwd
	br.cond.dptk back
	(p6) br.cond.dptk fwd
	br.cond.dptk.clr back
	(p6) br.cond.dptk.clr fwd
	br.cond.dptk.few back
	(p6) br.cond.dptk.few fwd
	br.cond.dptk.few.clr back
	(p6) br.cond.dptk.few.clr fwd
	br.cond.dptk.many back
	(p6) br.cond.dptk.many fwd
	br.cond.dptk.many.clr back
	(p6) br.cond.dptk.many.clr fwd
	br.cond.dpnt back
	(p6) br.cond.dpnt fwd
	br.cond.dpnt.clr back
	(p6) br.cond.dpnt.clr fwd
	br.cond.dpnt.few back
	(p6) br.cond.dpnt.few fwd
	br.cond.dpnt.few.clr back
	(p6) br.cond.dpnt.few.clr fwd
	br.cond.dpnt.many back
	(p6) br.cond.dpnt.many fwd
	br.cond.dpnt.many.clr back
	(p6) br.cond.dpnt.many.clr fwd
	br back
	br.few fwd
	(p1) br.many back
	br.call.sptk b0 = back
	(p2) br.call.sptk.clr b6 = fwd
	br.call.sptk b1 = b2
	br.cond.sptk b3
	(p3) br.ret.sptk b0
	br.ret.sptk.clr b7
	br.ia.sptk b6
	br.call.sptk.few b0 = back
	(p2) br.call.sptk.few.clr b6 = fwd
	br.call.sptk.few b1 = b2
	br.cond.sptk.few b3
	(p3) br.ret.sptk.few b0
	br.ret.sptk.few.clr b7
	br.ia.sptk.few b6
	br.call.sptk.many b0 = back
	(p2) br.call.sptk.many.clr b6 = fwd
	br.call.sptk.many b1 = b2
	br.cond.sptk.many b3
	(p3) br.ret.sptk.many b0
	br.ret.sptk.many.clr b7
	br.ia.sptk.many b6
	br.call.spnt b0 = back
	(p2) br.call.spnt.clr b6 = fwd
	br.call.spnt b1 = b2
	br.cond.spnt b3
	(p3) br.ret.spnt b0
	br.ret.spnt.clr b7
	br.ia.spnt b6
	br.call.spnt.few b0 = back
	(p2) br.call.spnt.few.clr b6 = fwd
	br.call.spnt.few b1 = b2
	br.cond.spnt.few b3
	(p3) br.ret.spnt.few b0
	br.ret.spnt.few.clr b7
	br.ia.spnt.few b6
	br.call.spnt.many b0 = back
	(p2) br.call.spnt.many.clr b6 = fwd
	br.call.spnt.many b1 = b2
	br.cond.spnt.many b3
	(p3) br.ret.spnt.many b0
	br.ret.spnt.many.clr b7
	br.ia.spnt.many b6
	br.call.dptk b0 = back
	(p2) br.call.dptk.clr b6 = fwd
	br.call.dptk b1 = b2
	br.cond.dptk b3
	(p3) br.ret.dptk b0
	br.ret.dptk.clr b7
	br.ia.dptk b6
	br.call.dptk.few b0 = back
	(p2) br.call.dptk.few.clr b6 = fwd
	br.call.dptk.few b1 = b2
	br.cond.dptk.few b3
	(p3) br.ret.dptk.few b0
	br.ret.dptk.few.clr b7
	br.ia.dptk.few b6
	br.call.dptk.many b0 = back
	(p2) br.call.dptk.many.clr b6 = fwd
	br.call.dptk.many b1 = b2
	br.cond.dptk.many b3
	(p3) br.ret.dptk.many b0
	br.ret.dptk.many.clr b7
	br.ia.dptk.many b6
	br.call.dpnt b0 = back
	(p2) br.call.dpnt.clr b6 = fwd
	br.call.dpnt b1 = b2
	br.cond.dpnt b3
	(p3) br.ret.dpnt b0
	br.ret.dpnt.clr b7
	br.ia.dpnt b6
	br.call.dpnt.few b0 = back
	(p2) br.call.dpnt.few.clr b6 = fwd
	br.call.dpnt.few b1 = b2
	br.cond.dpnt.few b3
	(p3) br.ret.dpnt.few b0
	br.ret.dpnt.few.clr b7
	br.ia.dpnt.few b6
	br.call.dpnt.many b0 = back
	(p2) br.call.dpnt.many.clr b6 = fwd
	br.call.dpnt.many b1 = b2
	br.cond.dpnt.many b3
	(p3) br.ret.dpnt.many b0
	br.ret.dpnt.many.clr b7
	br.ia.dpnt.many b6
	br.cloop.sptk.few back
	br.cloop.sptk.many.clr fwd
	br.cloop.spnt.few back
	br.cloop.spnt.many.clr fwd
	br.cloop.dptk.few back
	br.cloop.dptk.many.clr fwd
	br.cloop.dpnt.few back
	br.cloop.dpnt.many.clr fwd
	br.ctop.sptk.few back
	br.ctop.sptk.many.clr fwd
	br.ctop.spnt.few back
	br.ctop.spnt.many.clr fwd
	br.ctop.dptk.few back
	br.ctop.dptk.many.clr fwd
	br.ctop.dpnt.few back
	br.ctop.dpnt.many.clr fwd
	br.cexit.sptk.few back
	br.cexit.sptk.many.clr fwd
	br.cexit.spnt.few back
	br.cexit.spnt.many.clr fwd
	br.cexit.dptk.few back
	br.cexit.dptk.many.clr fwd
	br.cexit.dpnt.few back
	br.cexit.dpnt.many.clr fwd
	br.wtop.sptk.few back
	br.wtop.sptk.many.clr fwd
	br.wtop.spnt.few back
	br.wtop.spnt.many.clr fwd
	br.wtop.dptk.few back
	br.wtop.dptk.many.clr fwd
	br.wtop.dpnt.few back
	br.wtop.dpnt.many.clr fwd
	br.wexit.sptk.few back
	br.wexit.sptk.many.clr fwd
	br.wexit.spnt.few back
	br.wexit.spnt.many.clr fwd
	br.wexit.dptk.few back
	br.wexit.dptk.many.clr fwd
	br.wexit.dpnt.few back
	br.wexit.dpnt.many.clr fwd
	(p4) br.wtop.sptk.few back
	(p5) br.wexit.dptk.many fwd
	brp.sptk back, tag1
	brp.sptk.imp fwd, tag2
	brp.loop back, tag1
	brp.loop.imp fwd, tag2
	brp.exit back, tag1
	brp.exit.imp fwd, tag2
	brp.dptk back, tag1
	brp.dptk.imp fwd, tag2
	brp.sptk b1, tag1
	brp.sptk.imp b2, tag2
	brp.ret.sptk b0, tag1
	brp.ret.sptk.imp b0, tag2
	brp.dptk b1, tag1
	brp.dptk.imp b2, tag2
	brp.ret.dptk b0, tag1
	brp.ret.dptk.imp b0, tag2
tag1:
	nop.b 0
	nop.b 0x1fffff
	break.b 0
	break.b 0x1fffff
	hint.b 0
	hint.b @pause
tag2:
	brl.cond.sptk far_target
	(p9) brl.call.sptk.clr b0 = far_target
	brl.cond.sptk.few far_target
	(p9) brl.call.sptk.few.clr b0 = far_target
	brl.cond.sptk.many far_target
	(p9) brl.call.sptk.many.clr b0 = far_target
	brl.cond.spnt far_target
	(p9) brl.call.spnt.clr b0 = far_target
	brl.cond.spnt.few far_target
	(p9) brl.call.spnt.few.clr b0 = far_target
	brl.cond.spnt.many far_target
	(p9) brl.call.spnt.many.clr b0 = far_target
	brl.cond.dptk far_target
	(p9) brl.call.dptk.clr b0 = far_target
	brl.cond.dptk.few far_target
	(p9) brl.call.dptk.few.clr b0 = far_target
	brl.cond.dptk.many far_target
	(p9) brl.call.dptk.many.clr b0 = far_target
	brl.cond.dpnt far_target
	(p9) brl.call.dpnt.clr b0 = far_target
	brl.cond.dpnt.few far_target
	(p9) brl.call.dpnt.few.clr b0 = far_target
	brl.cond.dpnt.many far_target
	(p9) brl.call.dpnt.many.clr b0 = far_target
	brl far_target
	brl.sptk back
	brl.call.sptk.many b1 = back
	nop.x 0
	nop.x 0x3fffffffffffffff
	break.x 0x123456789
	hint.x 0
	hint.x @pause
	movl r8 = 0xfedcba9876543210
fwd:
	br.ret.sptk.many b0
	.endp branches

	.proc back
back:
	br.ret.sptk.many b0
	.endp back

	// every template, bundled by hand
	.explicit
	.proc templates
templates:
{ .mii
	nop.m 1
	nop.i 2
	nop.i 3
}
{ .mii
	nop.m 1
	nop.i 2
	nop.i 3 ;;
}
{ .mii
	nop.m 1
	nop.i 2 ;;
	nop.i 3
}
{ .mii
	nop.m 1
	nop.i 2 ;;
	nop.i 3 ;;
}
{ .mlx
	nop.m 1
	movl r1 = 0x8000000000000000 ;;
}
{ .mlx
	nop.m 1
	movl r2 = 1 ;;
}
{ .mmi
	nop.m 1
	nop.m 2
	nop.i 3
}
{ .mmi
	nop.m 1
	nop.m 2
	nop.i 3 ;;
}
{ .mmi
	nop.m 1 ;;
	nop.m 2
	nop.i 3
}
{ .mmi
	nop.m 1 ;;
	nop.m 2
	nop.i 3 ;;
}
{ .mfi
	nop.m 1
	nop.f 2
	nop.i 3
}
{ .mfi
	nop.m 1
	nop.f 2
	nop.i 3 ;;
}
{ .mmf
	nop.m 1
	nop.m 2
	nop.f 3
}
{ .mmf
	nop.m 1
	nop.m 2
	nop.f 3 ;;
}
{ .mib
	nop.m 1
	nop.i 2
	nop.b 3
}
{ .mib
	nop.m 1
	nop.i 2
	br.cond.sptk.few templates ;;
}
{ .mbb
	nop.m 1
	nop.b 2
	nop.b 3
}
{ .mbb
	nop.m 1
	nop.b 2
	nop.b 3 ;;
}
{ .bbb
	nop.b 1
	nop.b 2
	nop.b 3
}
{ .bbb
	nop.b 1
	nop.b 2
	br.cond.sptk.few back ;;
}
{ .mmb
	nop.m 1
	nop.m 2
	nop.b 3
}
{ .mmb
	nop.m 1
	nop.m 2
	nop.b 3 ;;
}
{ .mfb
	nop.m 1
	nop.f 2
	nop.b 3
}
{ .mfb
	nop.m 1
	nop.f 2
	br.ret.sptk.many b0 ;;
}
	.endp templates
	.auto

	// a label in the middle of a bundle and a zero-filled gap
	.align 32
gap_before:
	nop.m 0
	nop.i 0
	nop.i 0
	.skip 64
far_target:
	br.ret.sptk.many b0
	.global mid_bundle
mid_bundle = far_target + 6
