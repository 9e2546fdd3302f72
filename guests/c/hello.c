/* First guest program for ia64jit: prints a greeting and its argc.
 * Build: make -C guests/runtime hello  (needs `make toolchain`).
 * Expected output with no arguments:
 *   hello, ia64
 *   argc = 1
 * and exit status 0. */
#include "rt.h"

int main(int argc, char **argv)
{
    (void)argv;
    printf("hello, ia64\n");
    printf("argc = %d\n", argc);
    return 0;
}
