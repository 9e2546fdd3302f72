// Firmware entry stubs of the native platform (see firmware.py).
// Assembled once with ia64-linux-gnu-as; the bytes are committed in firmware.py
// (FIRMWARE_CODE) and tests/ia64jit/test_platform.py re-assembles and compares.
// Each stub executes `break` with an immediate the host serves (the host then
// resumes at the next slot), then returns to its caller.
	.text
	.explicit

// +0x00  PAL_PROC.  r28 = procedure index; static calls (index bit 8 = 0:
// 0-255, 512-767) take r29-r31 and return through b0 without touching the
// frame; stacked calls (bit 8 = 1) were made with br.call: args in32-in35,
// return with br.ret.  Results r8-r11 either way.  Clobbers p6/p7 (scratch).
pal_proc:
{ .mii
	break.m 0x80100
	tbit.nz p6, p7 = r28, 8
	nop.i 0 ;;
}
{ .mbb
	nop.m 0
(p6)	br.ret.sptk.many b0
	br.sptk.many b0 ;;
}
	.skip 0x20

// +0x40  SAL_PROC (C calling convention: index in0, args in1-in7, r8-r11 out).
sal_proc:
{ .mib
	break.m 0x80101
	nop.i 0
	br.ret.sptk.many b0 ;;
}
	.skip 0x30

// +0x80  EFI runtime services, one bundle each (C convention), in the order of
// efi_runtime_services_t: get_time .. query_variable_info.
efi_services:
	.irp k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13
{ .mib
	break.m 0x80110 + \k
	nop.i 0
	br.ret.sptk.many b0 ;;
}
	.endr
