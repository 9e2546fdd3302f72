/* Host shim for the guest C programs in guests/c: maps the ia64rt API
 * (guests/runtime/rt.h) onto the host libc, so the same sources compiled with
 * the host gcc produce the reference output (NAME.expected).  Used only by
 * `make -C guests/c expected` via -Iguests/c/host; the IA-64 build includes
 * the real guests/runtime/rt.h instead. */
#ifndef IA64RT_HOST_SHIM_H
#define IA64RT_HOST_SHIM_H

#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IA64RT_HOST 1

static inline long sys_write(int fd, const void *buf, size_t n)
{
    fflush(stdout);
    return write(fd, buf, n);
}

static inline void sys_exit_group(int status)
{
    fflush(stdout);
    _exit(status);
}

#endif
