/* Linux/IA-64 system call numbers (shared by C and assembly).
 *
 * Source: Linux arch/ia64/kernel/syscalls/syscall.tbl, where the listed
 * number plus 1024 is the value passed in r15 (e.g. "2 common read" -> 1026).
 * Note clock_gettime is 1254 (230 + 1024); 1255 is clock_getres.
 */
#ifndef IA64RT_SYSNR_H
#define IA64RT_SYSNR_H

#define SYS_exit            1025
#define SYS_read            1026
#define SYS_write           1027
#define SYS_open            1028
#define SYS_close           1029
#define SYS_getpid          1041
#define SYS_brk             1060
#define SYS_gettimeofday    1087
#define SYS_uname           1130
#define SYS_writev          1147
#define SYS_mmap            1151
#define SYS_munmap          1152
#define SYS_exit_group      1236
#define SYS_clock_gettime   1254
#define SYS_clock_getres    1255
#define SYS_openat          1281

/* "break 0x100000" is the Linux/IA-64 system call trap (__IA64_BREAK_SYSCALL). */
#define IA64_BREAK_SYSCALL  0x100000

#endif
