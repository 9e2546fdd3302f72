/* ia64rt: a tiny freestanding runtime for static Linux/IA-64 user programs.
 * Link order: crt0.o prog.o libia64rt.a libgcc.a (see Makefile). */
#ifndef IA64RT_H
#define IA64RT_H

#include <stddef.h>
#include <stdarg.h>
#include "sysnr.h"

/* Raw system calls (syscalls.S): return the result, or -errno on error. */
void sys_exit(int status) __attribute__((noreturn));
void sys_exit_group(int status) __attribute__((noreturn));
long sys_read(int fd, void *buf, size_t n);
long sys_write(int fd, const void *buf, size_t n);
long sys_open(const char *path, int flags, int mode);
long sys_close(int fd);
long sys_brk(void *addr);
long sys_mmap(void *addr, size_t len, int prot, int flags, int fd, long off);
long sys_munmap(void *addr, size_t len);
long sys_getpid(void);
long sys_uname(void *utsname);
long sys_gettimeofday(void *tv, void *tz);
long sys_clock_gettime(int clk, void *ts);
long sys_writev(int fd, const void *iov, int iovcnt);
long sys_openat(int dirfd, const char *path, int flags, int mode);
long __syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* Linux/IA-64 constants (asm-generic values). */
#define O_RDONLY   0
#define O_WRONLY   1
#define O_RDWR     2
#define O_CREAT    0100
#define O_TRUNC    01000
#define AT_FDCWD   (-100)
#define PROT_READ  1
#define PROT_WRITE 2
#define PROT_EXEC  4
#define MAP_PRIVATE   0x02
#define MAP_ANONYMOUS 0x20
#define CLOCK_REALTIME  0
#define CLOCK_MONOTONIC 1

struct iovec    { void *iov_base; size_t iov_len; };
struct timespec { long tv_sec; long tv_nsec; };
struct timeval  { long tv_sec; long tv_usec; };
struct utsname  { char sysname[65], nodename[65], release[65], version[65],
                  machine[65], domainname[65]; };

extern char **environ;            /* set by crt0 */

/* string.c */
void  *memcpy(void *dst, const void *src, size_t n);
void  *memmove(void *dst, const void *src, size_t n);
void  *memset(void *dst, int c, size_t n);
int    memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int    strcmp(const char *a, const char *b);

/* printf.c: %d %i %u %x %X %o %ld %lu %lx %lld %llx %zu %s %c %p %%,
 * flags - 0 # + space, a width and a precision (number or '*'). No floats. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vdprintf(int fd, const char *fmt, va_list ap);
int dprintf(int fd, const char *fmt, ...);
int printf(const char *fmt, ...);
int puts(const char *s);
void exit(int status) __attribute__((noreturn));

#endif
