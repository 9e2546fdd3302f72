// A static Linux/IA-64 program in assembly: writes a line and exits with status 0.
	.text
	.global _start
	.proc _start
_start:
	alloc r14=ar.pfs,0,0,3,0
	movl r1=msg
	;;
	mov out0=1
	mov out1=r1
	mov out2=len
	mov r15=1027			// write
	;;
	break 0x100000
	;;
	mov out0=0
	mov r15=1236			// exit_group
	;;
	break 0x100000
	;;
	.endp _start

	.data
msg:	.ascii "hello from ia64\n"
	len = . - msg
