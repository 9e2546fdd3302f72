/* strmem: string and memory routines over many lengths and alignments.
 *
 *   - memcpy, memmove (overlapping both ways), memset, memcmp, strlen,
 *     strcmp of the runtime (libc on the host) for lengths 0..N and a few
 *     larger ones, at source/destination offsets 0..7 within aligned
 *     buffers (all 64 pairs up to 16 bytes, fewer above); the destination
 *     windows, guard bytes included, are compared with a byte-wise
 *     reference and hashed after each call; comparison results are
 *     reduced to their sign;
 *   - own implementations checked against them and hashed: byte-wise copy
 *     and compare, strchr, strrchr, strstr (naive), strspn/strcspn,
 *     reverse, toupper/rot13, strtok-like splitting, integer <-> string
 *     conversion, an insertion sort of words with strcmp, djb2 hashes.
 * Lines of checksums (hex) per group, no addresses.
 *
 * Usage: strmem [N]   (lengths 0..N, default 40; the larger lengths 63..1000
 * only when N >= 32) */
#include <stdint.h>
#include "rt.h"

typedef unsigned long ul;

#define BUF 1024
#define PAD 32

static unsigned char srcbuf[BUF + 2 * PAD] __attribute__((aligned(16)));
static unsigned char dstbuf[BUF + 2 * PAD] __attribute__((aligned(16)));
static unsigned char refbuf[BUF + 2 * PAD] __attribute__((aligned(16)));

static ul rng_state = 0xD1B54A32D192ED03UL;

static ul xorshift64(void)
{
    ul x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static ul parse_ulong(const char *s)
{
    ul v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (ul)(*s++ - '0');
    return v;
}

/* 16 hex digits in one of 8 rotating buffers, for printf("%s") (the
 * runtime's printf divides by the base: slow to emulate). */
static const char *hx(ul v)
{
    static char buf[8][17];
    static int next;
    char *b = buf[next++ & 7];
    for (int i = 15; i >= 0; i--, v >>= 4)
        b[i] = "0123456789abcdef"[v & 15];
    b[16] = 0;
    return b;
}

static ul mix(ul h, ul v)
{
    h = (h ^ v) * 0x100000001b3UL;
    return h ^ (h >> 31);
}

static ul hash_bytes(ul h, const unsigned char *p, long n)
{
    ul w = 0;
    long i;
    for (i = 0; i < n; i++) {
        w = (w << 8) | p[i];
        if ((i & 7) == 7) {
            h = mix(h, w);
            w = 0;
        }
    }
    return mix(h, w ^ (ul)n);
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void fill(unsigned char *p, long n, int nonzero)
{
    for (long i = 0; i < n; i++) {
        unsigned char c = (unsigned char)xorshift64();
        if (nonzero && c == 0)
            c = 0x80;
        p[i] = c;
    }
}

/* ------------------------------------------------------------ own routines */
static void *my_memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

static int my_memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return p[i] - q[i];
    return 0;
}

static size_t my_strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static int my_strcmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    while (*p && *p == *q)
        p++, q++;
    return *p - *q;
}

static const char *my_strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return s;
        if (!*s)
            return 0;
    }
}

static const char *my_strrchr(const char *s, int c)
{
    const char *last = 0;
    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (!*s)
            return last;
    }
}

static const char *my_strstr(const char *h, const char *n)
{
    size_t ln = my_strlen(n);
    if (!ln)
        return h;
    for (; *h; h++)
        if (*h == *n && my_memcmp(h, n, ln) == 0)
            return h;
    return 0;
}

static size_t my_strspn(const char *s, const char *accept)
{
    size_t n = 0;
    while (s[n] && my_strchr(accept, s[n]))
        n++;
    return n;
}

static size_t my_strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    while (s[n] && !my_strchr(reject, s[n]))
        n++;
    return n;
}

static void my_reverse(char *s)
{
    size_t n = my_strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
}

static void my_toupper(char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 'a' + 'A');
}

static void rot13(char *s)
{
    for (; *s; s++) {
        char c = *s;
        if (c >= 'a' && c <= 'z')
            *s = (char)('a' + (c - 'a' + 13) % 26);
        else if (c >= 'A' && c <= 'Z')
            *s = (char)('A' + (c - 'A' + 13) % 26);
    }
}

static ul djb2(const char *s)
{
    ul h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* Signed decimal to string; returns the length. */
static int my_ltoa(long v, char *out)
{
    char tmp[24];
    int n = 0, len = 0;
    ul u = v < 0 ? 0 - (ul)v : (ul)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        out[len++] = '-';
    while (n)
        out[len++] = tmp[--n];
    out[len] = 0;
    return len;
}

static long my_atol(const char *s)
{
    int neg = 0;
    ul v = 0;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (ul)(*s++ - '0');
    return neg ? (long)(0 - v) : (long)v;
}

/* Split on any of delims (consecutive delimiters: no empty tokens). */
static int split(char *s, const char *delims, char **tok, int max)
{
    int n = 0;
    for (;;) {
        s += my_strspn(s, delims);
        if (!*s || n == max)
            return n;
        tok[n++] = s;
        s += my_strcspn(s, delims);
        if (!*s)
            return n;
        *s++ = 0;
    }
}

/* ------------------------------------------------------------ groups */
static long lengths[96];
static int nlen;

static void setup_lengths(long maxlen)
{
    static const long extra[] = { 63, 64, 65, 127, 128, 129, 255, 256, 257, 1000 };
    nlen = 0;
    for (long l = 0; l <= maxlen && nlen < 80; l++)
        lengths[nlen++] = l;
    for (unsigned i = 0; i < sizeof extra / sizeof extra[0] && maxlen >= 32; i++)
        if (extra[i] > maxlen)
            lengths[nlen++] = extra[i];
}

/* Cheap fill for the destination windows: a pattern depending on seed. */
static void pattern(unsigned char *p, long n, unsigned seed)
{
    for (long i = 0; i < n; i++)
        p[i] = (unsigned char)(seed + (unsigned)i * 37u);
}

static const int offs_all[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
static const int offs_some[] = { 0, 1, 4, 7 };

/* Offsets tried for a length: all 8 for short ones, fewer for longer. */
static int offsets(long n, const int **list)
{
    *list = n <= 16 ? offs_all : offs_some;
    return n <= 16 ? 8 : n <= 100 ? 4 : 2;
}

static void test_memcpy(void)
{
    ul h = 0, mism = 0;
    for (int li = 0; li < nlen; li++) {
        long n = lengths[li], w = n + 16;       /* window: 8 guard bytes each side */
        const int *off;
        int noff = offsets(n, &off);
        for (int si = 0; si < noff; si++)
            for (int di = 0; di < noff; di++) {
                unsigned char *dst = dstbuf + PAD + off[di], *ref = refbuf + PAD + off[di];
                const unsigned char *src = srcbuf + PAD + off[si];
                pattern(dst - 8, w, (unsigned)(li + si + di));
                my_memcpy(ref - 8, dst - 8, (size_t)w);
                if (memcpy(dst, src, (size_t)n) != dst)
                    mism++;
                my_memcpy(ref, src, (size_t)n);
                mism += my_memcmp(dst - 8, ref - 8, (size_t)w) != 0;
                h = hash_bytes(h, dst - 8, w);
            }
    }
    printf("memcpy  %s mismatches %d\n", hx(h), (int)mism);
}

static void test_memmove(void)
{
    ul h = 0, mism = 0;
    for (int li = 0; li < nlen; li++) {
        long n = lengths[li], w = n + 32;       /* window: 16 bytes each side */
        for (int shift = -9; shift <= 9; shift++) {
            unsigned char *base = dstbuf + PAD + 12, *ref = refbuf + PAD + 12;
            if ((n > 16 && (shift & 1)) || (n > 100 && (shift & 3)))
                continue;
            pattern(base - 16, w, (unsigned)(li * 19 + shift));
            my_memcpy(ref - 16, base - 16, (size_t)w);
            if (memmove(base + shift, base, (size_t)n) != base + shift)
                mism++;
            /* reference: through a temporary */
            my_memcpy(srcbuf, ref, (size_t)n);
            my_memcpy(ref + shift, srcbuf, (size_t)n);
            mism += my_memcmp(base - 16, ref - 16, (size_t)w) != 0;
            h = hash_bytes(h, base - 16, w);
        }
    }
    fill(srcbuf, BUF + 2 * PAD, 0);             /* restore a source pattern */
    printf("memmove %s mismatches %d\n", hx(h), (int)mism);
}

static void test_memset(void)
{
    static const int vals[] = { 0, 0x5a, 0xff, -1, 0x1234, -128 };
    ul h = 0, mism = 0;
    for (int li = 0; li < nlen; li++) {
        long n = lengths[li];
        for (int off = 0; off < 8; off++) {
            int v = vals[(li + off) % 6];
            unsigned char *p = dstbuf + PAD + off;
            pattern(p - 8, n + 16, (unsigned)(li + off));
            if (memset(p, v, (size_t)n) != p)
                mism++;
            for (long i = 0; i < n; i++)
                mism += p[i] != (unsigned char)v;
            h = hash_bytes(h, p - 8, n + 16);
        }
    }
    printf("memset  %s mismatches %d\n", hx(h), (int)mism);
}

static void test_memcmp(void)
{
    ul h = 0, mism = 0;
    for (int li = 0; li < nlen; li++) {
        long n = lengths[li];
        int noff = n > 100 ? 2 : 4;
        for (int a = 0; a < noff; a++)
            for (int b = 0; b < noff; b++) {
                unsigned char *p = srcbuf + PAD + a, *q = dstbuf + PAD + b;
                my_memcpy(q, p, (size_t)n);
                for (long pos = -1; pos < n; pos += n > 16 ? n / 5 + 1 : 1) {
                    int r, mine;
                    if (pos >= 0)
                        q[pos] = (unsigned char)(p[pos] + ((pos & 1) ? 1 : 0x80));
                    r = sign(memcmp(p, q, (size_t)n));
                    mine = sign(my_memcmp(p, q, (size_t)n));
                    mism += r != mine;
                    h = mix(h, (ul)(r + 1) << 32 | (ul)pos);
                    if (pos >= 0)
                        q[pos] = p[pos];
                }
            }
    }
    printf("memcmp  %s mismatches %d\n", hx(h), (int)mism);
}

static void test_strlen_strcmp(void)
{
    ul h = 0, mism = 0;
    for (int li = 0; li < nlen; li++) {
        long n = lengths[li];
        for (int off = 0; off < 8; off++) {
            char *s = (char *)srcbuf + PAD + off, *t = (char *)dstbuf + PAD + (7 - off);
            size_t l;
            fill((unsigned char *)s, n, 1);
            s[n] = 0;
            l = strlen(s);
            mism += l != my_strlen(s) || l != (size_t)n;
            h = mix(h, l);
            my_memcpy(t, s, (size_t)n + 1);
            h = mix(h, (ul)(sign(strcmp(s, t)) + 1));
            if (n > 0) {
                int last = (int)n - 1, mid = (int)n / 2, r;
                t[mid] = (char)(t[mid] ^ 0x80);      /* above/below 0x80: unsigned order */
                r = sign(strcmp(s, t));
                mism += r != sign(my_strcmp(s, t));
                h = mix(h, (ul)(r + 1));
                t[mid] = s[mid];
                t[last] = 0;                          /* t a proper prefix of s */
                r = sign(strcmp(s, t));
                mism += r != sign(my_strcmp(s, t)) || r != 1;
                r = sign(strcmp(t, s));
                mism += r != -1;
            }
        }
    }
    fill(srcbuf, BUF + 2 * PAD, 0);
    printf("strlen/strcmp %s mismatches %d\n", hx(h), (int)mism);
}

static const char text[] =
    "The quick brown fox jumps over the lazy dog; pack my box with five dozen "
    "liquor jugs!  Sphinx of black quartz, judge my vow.  How vexingly quick "
    "daft zebras jump: 12345 -678 +90 0 -9223372036854775807 4294967296.";

static void test_own(void)
{
    static char buf[512], buf2[512];
    static char *tok[64];
    const char *needles[] = { "quick", "jump", "dog;", "zebra", "xyz", "", "T", ".",
                              "vow.  How", "quartz, judge", "-678" };
    ul h = 0;
    int n, i, j;

    /* strchr / strrchr for every byte value in the text and a few absent */
    for (int c = 0; c < 128; c++) {
        const char *p = my_strchr(text, c), *q = my_strrchr(text, c);
        h = mix(h, p ? (ul)(p - text) : 0xffff);
        h = mix(h, q ? (ul)(q - text) : 0xffff);
    }
    printf("strchr/strrchr %s\n", hx(h));

    h = 0;
    for (i = 0; i < (int)(sizeof needles / sizeof needles[0]); i++) {
        const char *p = my_strstr(text, needles[i]);
        h = mix(h, p ? (ul)(p - text) : 0xffff);
        printf("strstr \"%s\" %s\n", needles[i], p ? hx((ul)(p - text)) + 12 : "none");
    }
    printf("strstr %s\n", hx(h));

    my_memcpy(buf, text, sizeof text);
    my_reverse(buf);
    printf("reverse %s djb2 %s\n", hx(djb2(buf)), hx(hash_bytes(0, (unsigned char *)buf, (long)sizeof text)));
    my_reverse(buf);
    printf("reverse twice %s\n", my_strcmp(buf, text) == 0 ? "same" : "DIFFERENT");
    my_toupper(buf);
    printf("upper: %.40s\n", buf);
    my_memcpy(buf, text, sizeof text);
    rot13(buf);
    printf("rot13: %.40s\n", buf);
    rot13(buf);
    printf("rot13 twice %s\n", my_strcmp(buf, text) == 0 ? "same" : "DIFFERENT");

    /* split into words, sort them (insertion sort with strcmp), hash */
    my_memcpy(buf, text, sizeof text);
    n = split(buf, " ;:,.!", tok, 64);
    for (i = 1; i < n; i++) {
        char *t = tok[i];
        for (j = i; j > 0 && strcmp(tok[j - 1], t) > 0; j--)
            tok[j] = tok[j - 1];
        tok[j] = t;
    }
    h = 0;
    buf2[0] = 0;
    for (i = 0; i < n; i++) {
        h = mix(h, djb2(tok[i]));
        if (i < 8 || i >= n - 4) {
            size_t l = strlen(buf2);
            my_memcpy(buf2 + l, tok[i], my_strlen(tok[i]));
            buf2[l + my_strlen(tok[i])] = '|';
            buf2[l + my_strlen(tok[i]) + 1] = 0;
        }
    }
    printf("words %d sorted %s: %s\n", n, hx(h), buf2);

    /* numbers in the text: atol, back to string, compare */
    h = 0;
    for (i = 0; i < n; i++) {
        if ((tok[i][0] >= '0' && tok[i][0] <= '9') || tok[i][0] == '-' || tok[i][0] == '+') {
            long v = my_atol(tok[i]);
            int len = my_ltoa(v, buf2);
            printf("number %s -> %s (len %d) %s\n", tok[i], buf2, len, hx((ul)v));
            h = mix(h, (ul)v);
        }
    }
    for (ul v = 1, k = 0; k < 19; k++, v *= 10) {
        my_ltoa((long)(v - 1), buf2);
        h = mix(h, djb2(buf2));
        my_ltoa(-(long)v, buf2);
        h = mix(h, djb2(buf2) ^ (ul)my_atol(buf2));
    }
    printf("ltoa/atol %s\n", hx(h));
}

int main(int argc, char **argv)
{
    long maxlen = 40;
    if (argc > 1)
        maxlen = (long)parse_ulong(argv[1]);
    if (maxlen > 79)
        maxlen = 79;
    setup_lengths(maxlen);
    fill(srcbuf, BUF + 2 * PAD, 0);
    printf("lengths 0..%d and %d larger\n", (int)maxlen, nlen - (int)maxlen - 1);
    test_memcpy();
    test_memmove();
    test_memset();
    test_memcmp();
    test_strlen_strcmp();
    test_own();
    return 0;
}
