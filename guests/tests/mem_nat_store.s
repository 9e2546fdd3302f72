// Storing a NaT register (other than by st8.spill) is a NaT Consumption
// fault, before anything changes.
// setup: r20=0x1234 r20.nat=1
// fault: NAT_CONSUMPTION
// expect: r16=0x200008 r21=0
	adds r16=8,r1
	;;
	ld8 r21=[r16]
	;;
	st8 [r16]=r20,8
	;;
	break.m 0
	;;
