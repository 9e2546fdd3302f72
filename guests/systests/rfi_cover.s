// cover and rfi (SDM vol. 2: cover, rfi; 6.? the register stack on
// interruptions): with psr.ic = 0, cover writes IFS = {v = 1, pfm = CFM}
// and makes the frame empty (BSP += sof); rfi with ifs.v = 1 restores CFM
// from ifs.pfm (BSP back) and resumes at iip, slot ipsr.ri = 2: slots 0
// and 1 of the target bundle are not executed.
// expect: nrec=0 r9=0x8000000000000206 r14=0 r15=0x380030
// expect: r8=0 r11=0 r10=3 cfm=0x206 r33=0x33 r37=0x37 ar.bsp=0x380000
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	mov r8 = 0
	mov r11 = 0
	alloc r32 = ar.pfs, 2, 2, 2, 0	// sof 6, sol 4
	;;
	mov r33 = 0x33
	mov r37 = 0x37
	;;
	cover
	;;
	mov r9 = cr.ifs
	mov r15 = ar.bsp
	;;
	mov r2 = ar.pfs			// unchanged by cover
	;;
	movl r3 = target
	movl r4 = 2 << 41		// ipsr: physical, cpl 0, ri = 2
	;;
	mov cr.iip = r3
	mov cr.ipsr = r4
	mov r14 = 0
	;;
	rfi
	;;
target:
	{ .mii
	  mov r8 = 1
	  mov r11 = 2
	  mov r10 = 3
	  ;;
	}
	END_TEST
