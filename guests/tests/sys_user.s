// The user mask and cpuid at cpl 3, then a privileged instruction faults.
// setup: psr=0x300000000
// expect: r8=0x8 r10=0x1f00000004 r11=0 r14=0x49656e69756e6547
// fault: PRIVILEGED_OPERATION
	sum 0x8
	;;
	mov r8=psr.um
	mov r9=3
	;;
	mov r10=cpuid[r9]
	mov r13=0
	;;
	mov r14=cpuid[r13]
	rum 0x8
	;;
	mov r11=psr.um
	;;
	mov r15=psr
	;;
	break.i 0
	;;
