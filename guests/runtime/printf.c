/* A small printf-like formatter for freestanding Linux/IA-64 programs.
 * Supported: %d %i %u %x %X %o %c %s %p %%, length modifiers h hh l ll z t j,
 * flags '-' (left align), '0' (zero pad), '#', '+', ' ', a width and a precision
 * (decimal or '*'; for %s it limits the length, for integers it is the
 * minimum number of digits).  No floating point. */
#include "rt.h"

struct out {
    char  *buf;     /* destination, or NULL to only count */
    size_t size;    /* capacity of buf, including the final NUL */
    size_t len;     /* characters produced so far (may exceed size) */
};

static void put(struct out *o, char c)
{
    if (o->buf && o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        put(o, c);
}

/* Digits of v in the given base, least significant first; returns count. */
static int digits(char *tmp, unsigned long v, unsigned base, int upper)
{
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    int n = 0;
    do {
        tmp[n++] = dig[v % base];
        v /= base;
    } while (v);
    return n;
}

static void fmt_int(struct out *o, unsigned long v, int neg, unsigned base,
                    int upper, int width, int prec, int left, int zero,
                    const char *prefix)
{
    char tmp[24];
    int n = (prec == 0 && v == 0) ? 0 : digits(tmp, v, base, upper);
    int plen = (int)strlen(prefix) + (neg ? 1 : 0);
    int zeros = prec > n ? prec - n : 0;
    int total;
    if (prec >= 0)
        zero = 0;               /* C: a precision disables the 0 flag */
    total = plen + zeros + n;
    if (!left && !zero)
        pad(o, ' ', width - total);
    if (neg)
        put(o, '-');
    while (*prefix)
        put(o, *prefix++);
    if (!left && zero)
        pad(o, '0', width - total);
    pad(o, '0', zeros);
    while (n > 0)
        put(o, tmp[--n]);
    if (left)
        pad(o, ' ', width - total);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = { buf, size, 0 };
    for (; *fmt; fmt++) {
        int left = 0, zero = 0, alt = 0, width = 0, prec = -1, lng = 0;
        const char *sign = "";
        if (*fmt != '%') {
            put(&o, *fmt);
            continue;
        }
        fmt++;
        for (;; fmt++) {                            /* flags */
            if (*fmt == '-') left = 1;
            else if (*fmt == '0') zero = 1;
            else if (*fmt == '#') alt = 1;
            else if (*fmt == '+') sign = "+";
            else if (*fmt == ' ') { if (!*sign) sign = " "; }
            else break;
        }
        if (*fmt == '*') {                          /* width */
            width = va_arg(ap, int);
            if (width < 0) { left = 1; width = -width; }
            fmt++;
        } else {
            while (*fmt >= '0' && *fmt <= '9')
                width = width * 10 + (*fmt++ - '0');
        }
        if (*fmt == '.') {                          /* precision */
            fmt++;
            prec = 0;
            if (*fmt == '*') {
                prec = va_arg(ap, int);
                fmt++;
            } else {
                while (*fmt >= '0' && *fmt <= '9')
                    prec = prec * 10 + (*fmt++ - '0');
            }
        }
        for (;; fmt++) {                            /* length */
            if (*fmt == 'l' || *fmt == 'z' || *fmt == 't' || *fmt == 'j') lng = 1;
            else if (*fmt == 'h') ;                 /* promoted to int anyway */
            else break;
        }
        switch (*fmt) {
        case 'd': case 'i': {
            long v = lng ? va_arg(ap, long) : va_arg(ap, int);
            unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
            fmt_int(&o, u, v < 0, 10, 0, width, prec, left, zero, v < 0 ? "" : sign);
            break;
        }
        case 'u': case 'x': case 'X': case 'o': {
            unsigned long v = lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned int);
            unsigned base = *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16;
            const char *pre = "";
            if (alt && v && base == 16) pre = *fmt == 'X' ? "0X" : "0x";
            if (alt && base == 8 && (prec <= 1)) {
                pre = v ? "0" : "";
                if (!v && prec == 0) prec = 1;
            }
            fmt_int(&o, v, 0, base, *fmt == 'X', width, prec, left, zero, pre);
            break;
        }
        case 'p': {
            void *p = va_arg(ap, void *);
            fmt_int(&o, (unsigned long)p, 0, 16, 0, width, prec, left, zero, "0x");
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            if (!left) pad(&o, ' ', width - 1);
            put(&o, c);
            if (left) pad(&o, ' ', width - 1);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            int n = 0;
            if (!s) s = "(null)";
            while (s[n] && (prec < 0 || n < prec))
                n++;
            if (!left) pad(&o, ' ', width - n);
            for (int i = 0; i < n; i++)
                put(&o, s[i]);
            if (left) pad(&o, ' ', width - n);
            break;
        }
        case '%':
            put(&o, '%');
            break;
        case '\0':
            fmt--;                                  /* lone '%' at the end */
            break;
        default:                                    /* unknown: echo it */
            put(&o, '%');
            put(&o, *fmt);
            break;
        }
    }
    if (buf && size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

static long write_all(int fd, const char *p, size_t n)
{
    size_t done = 0;
    while (done < n) {
        long r = sys_write(fd, p + done, n - done);
        if (r <= 0)
            return r;
        done += (size_t)r;
    }
    return (long)done;
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    char small[512];
    va_list ap2;
    int n;
    va_copy(ap2, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    if ((size_t)n < sizeof small) {
        write_all(fd, small, (size_t)n);
    } else {
        /* Too long for the stack buffer: format into an anonymous mapping. */
        size_t len = ((size_t)n + 1 + 65535) & ~(size_t)65535;
        long m = sys_mmap(0, len, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m < 0 && m > -4096) {
            write_all(fd, small, sizeof small - 1);
        } else {
            vsnprintf((char *)m, len, fmt, ap2);
            write_all(fd, (char *)m, (size_t)n);
            sys_munmap((void *)m, len);
        }
    }
    va_end(ap2);
    return n;
}

int dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vdprintf(fd, fmt, ap);
    va_end(ap);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vdprintf(1, fmt, ap);
    va_end(ap);
    return n;
}

int puts(const char *s)
{
    size_t n = strlen(s);
    write_all(1, s, n);
    write_all(1, "\n", 1);
    return (int)n + 1;
}

void exit(int status)
{
    sys_exit_group(status);
}
