/* Freestanding string functions.  Compiled with -fno-builtin and
 * -fno-tree-loop-distribute-patterns so GCC does not turn these loops back
 * into calls to themselves. */
#include "rt.h"

void *memcpy(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((unsigned long)d | (unsigned long)s | n) & 7) == 0) {
        unsigned long *dw = dst;
        const unsigned long *sw = src;
        for (n >>= 3; n; n--)
            *dw++ = *sw++;
        return dst;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if ((((unsigned long)d | n) & 7) == 0) {
        unsigned long v = (unsigned char)c * 0x0101010101010101UL;
        unsigned long *dw = dst;
        for (n >>= 3; n; n--)
            *dw++ = v;
        return dst;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p < *q ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}
