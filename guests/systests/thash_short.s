// thash in the short VHPT format (pta.vf = 0; SDM vol. 2 4.1.5.?, "VHPT
// hashing", and the thash page): the address of the 8-byte entry for va in
// the per-region linear table:
//   va{63:61} | (pta.base{60:15} & ~mask{60:15}) | (((va{50:0} >> rr.ps) << 3) & mask),
//   mask = 2**pta.size - 1, and bits 14:0 always from the offset.
// r9:  va 0x4000000000012340, rr2.ps 16, size 15 -> 0x4000000000800008
// r10: va 0x4000000123456780, ps 16, size 15 -> 0x4000000000801a28
// r11: va 0xa000000000345678, rr5.ps 14, size 15 -> 0xa000000000800688
// r12: va 0x4000000123456780, ps 16, size 20 -> 0x4000000000891a28
// (ttag is only defined for the long format: not checked here.)
// expect: nrec=0 r9=0x4000000000800008 r10=0x4000000000801a28
// expect: r11=0xa000000000800688 r12=0x4000000000891a28
	.include "ivt.inc"
	.global _start
_start:
	SYSTEST_INIT
	SET_RR	0x4000000000000000, 0x222, 16
	SET_RR	0xa000000000000000, 0x555, 14
	SET_PTA	VHPT | (15 << 2)
	movl r14 = 0x4000000000012340
	movl r15 = 0x4000000123456780
	movl r16 = 0xa000000000345678
	;;
	thash r9 = r14
	thash r10 = r15
	thash r11 = r16
	;;
	SET_PTA	VHPT | (20 << 2)
	thash r12 = r15
	;;
	END_TEST
