// A store that faults (it crosses into an unmapped page) changes nothing:
// not its base register (imm9 post-increment), not the mapped bytes it
// would have covered (tests/translator/test_memory.py reads them back).
// fault: DATA_ACCESS
// expect: r16=0x20fffc r17=0x55555555 r14=-1
	movl r16=0x20fffc
	movl r17=0x55555555
	mov r14=-1
	;;
	st4 [r16]=r17
	;;
	st8 [r16]=r14,8			// bytes 0x20fffc-0x210003: faults
	;;
	break.m 0
	;;
