// chk.s / chk.a recovery (SDM vol. 1 4.4.x and the chk instruction page):
// a NaT register makes chk.s branch to its recovery code; chk.a of a
// register with no ALAT entry branches too.  The Speculation vector (0x5700)
// is only taken by implementations that do not implement the check
// branches (the instruction pages: "Speculation fault" instead of the
// branch); this model branches, so no interruption is expected.
// expect: nrec=0 r8=0x11 r9=0x22 r10.nat=1
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	IC_ON
	movl r14 = natword
	mov r2 = -1
	mov r8 = 0
	mov r9 = 0
	;;
	mov ar.unat = r2
	;;
	ld8.fill r10 = [r14]
	;;
	chk.s r10, recover1
	mov r8 = 0xbad
	;;
back1:
	invala
	;;
	chk.a.clr r11, recover2
	mov r9 = 0xbad
	;;
back2:
	END_TEST
recover1:
	mov r8 = 0x11
	br.sptk.many back1
	;;
recover2:
	mov r9 = 0x22
	br.sptk.many back2
	;;

	.data
	.align 8
natword:
	data8 0
