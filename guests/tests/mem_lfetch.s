// lfetch in all forms has no memory effect and never faults on a bad
// address (a faulting lfetch.fault is cancelled, as Linux does); plain
// lfetch does not even consume a NaT address; the post-increment forms
// update r3 (a NaT increment makes r3 NaT).
// setup: r20=0x40 r20.nat=1
// expect: r16=0x200018 r16.nat=0 r18=0x200040 r18.nat=1 r19=0x6fffffff00 r15=0x7000000000
	movl r15=0x7000000000		// not mapped
	mov r16=r1
	mov r17=16
	mov r18=r1
	;;
	lfetch [r15]
	lfetch.fault [r15]
	;;
	lfetch.excl.nt1 [r20]
	lfetch.nta [r16],8
	;;
	lfetch.fault.excl [r16],r17
	lfetch.nt2 [r18],r20
	;;
	adds r19=0,r15
	;;
	lfetch.fault.excl.nta [r19],-256
	;;
	lfetch.excl [r19],r0
	lfetch.fault [r15],0
	;;
	break.m 0
	;;
