// Data speculation and the ALAT: ld.a inserts an entry for its target,
// an overlapping store removes it (a store elsewhere does not); chk.a.nc /
// chk.a.clr branch when the entry is missing; ld.c.nc / ld.c.clr leave the
// target untouched on a hit and reload it on a miss (ld.c.nc re-inserting);
// invala / invala.e; ld.sa that defers leaves no entry; stacked registers
// of different frames do not alias.
// r20 collects one bit per recovery branch taken (bad adds 0x1000).
// expect: r20=0x7f r17=5 r18=0x1111 r19=0x1111 r21.nat=1 r22=0x1111 r33=0x1111
	movl r14=0x1111
	movl r15=0x2222
	;;
	st8 [r1]=r14
	adds r16=8,r1
	adds r23=0x100,r1
	;;
	st8 [r16]=r15
	mov r20=0
	;;
	ld8.a r17=[r1]			// entry r17 @ +0
	ld8.a.nt1 r18=[r16]		// entry r18 @ +8
	;;
	st4 [r16]=r14			// overlaps r18's entry
	st8 [r23]=r15			// overlaps nothing
	;;
	chk.a.nc r17, bad		// hit
	;;
	chk.a.clr r18, recover1		// miss
back1:
	mov r17=5			// a register write keeps the entry
	;;
	ld8.c.nc r17=[r1]		// hit: r17 stays 5, entry stays
	;;
	ld8.c.clr r17=[r1]		// hit: r17 stays 5, entry removed
	;;
	chk.a.nc r17, recover2		// miss
back2:
	ld8.c.nc r18=[r16]		// miss: loads 0x1111 and inserts
	;;
	chk.a.nc r18, bad		// hit
	;;
	ld8.c.clr.acq r19=[r1]		// miss: loads, no entry
	;;
	chk.a.clr r19, recover3		// miss
back3:
	invala.e r18
	;;
	chk.a.nc r18, recover4		// miss
back4:
	ld8.a r18=[r16]
	;;
	invala
	;;
	chk.a.nc r18, recover5		// miss
back5:
	movl r24=0x7000000000
	;;
	ld8.sa r21=[r24]		// defers: NaT, no entry
	ld8.sa r22=[r1]			// entry
	;;
	chk.a.nc r21, recover6		// miss
back6:
	st1 [r16]=r14			// next to r22's entry, no overlap
	;;
	chk.a.nc r22, bad		// hit
	;;
	alloc r35=ar.pfs,0,4,0,0
	;;
	ld8.a r33=[r1]
	;;
	br.call.sptk.many b0=callee
	;;
	chk.a.nc r33, bad		// the caller's r33 still has its entry
	;;
	break.m 0
	;;
callee:
	alloc r34=ar.pfs,0,4,0,0
	;;
	chk.a.nc r33, recover7		// another physical register: miss
back7:
	mov ar.pfs=r34
	;;
	br.ret.sptk.many b0
	;;
recover1:
	adds r20=1,r20
	br.cond.sptk.few back1
	;;
recover2:
	adds r20=2,r20
	br.cond.sptk.few back2
	;;
recover3:
	adds r20=4,r20
	br.cond.sptk.few back3
	;;
recover4:
	adds r20=8,r20
	br.cond.sptk.few back4
	;;
recover5:
	adds r20=16,r20
	br.cond.sptk.few back5
	;;
recover6:
	adds r20=32,r20
	br.cond.sptk.few back6
	;;
recover7:
	adds r20=64,r20
	br.cond.sptk.few back7
	;;
bad:
	adds r20=0x1000,r20
	break.m 0
	;;
