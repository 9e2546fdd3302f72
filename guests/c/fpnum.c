/* fpnum: double-precision numerics, printed as raw bit patterns.
 *
 *   1. + - * / and the six comparisons over every pair of a set of edge
 *      values (zeros, subnormals, DBL_MIN/MAX, infinities, a NaN, 1/3, ...);
 *   2. per value: sqrt (__builtin_sqrt, inlined: frsqrta sequence on IA-64),
 *      a Newton-iteration sqrt, negation, float rounding, conversions to
 *      integers where in range;
 *   3. integer <-> double and float <-> double conversions of edge values;
 *   4. single-precision arithmetic;
 *   5. series and iterations without transcendental library calls: e by
 *      Taylor, pi by Machin's formula, sum 1/k^2 forwards and backwards,
 *      Kahan summation, Horner polynomials, sin/cos by Taylor, a Mandelbrot
 *      escape-count grid, random doubles (xorshift64).
 * No two NaN operands are ever combined (which one propagates differs
 * between architectures); a NaN result of one NaN operand or of an invalid
 * operation is printed as is.
 *
 * Usage: fpnum [N]   (N terms of the sums, N/5 random doubles; default 500)
 * Build with -ffp-contract=off (no fused multiply-add), see the Makefile. */
#include <stdint.h>
#include "rt.h"

#define NOINL __attribute__((noinline))

typedef union { double d; unsigned long u; } dbits;
typedef union { float f; uint32_t u; } fbits;

static unsigned long bd(double d) { dbits x; x.d = d; return x.u; }
static double db(unsigned long u) { dbits x; x.u = u; return x.d; }
static uint32_t bf(float f) { fbits x; x.f = f; return x.u; }
static float fb(uint32_t u) { fbits x; x.u = u; return x.f; }
static int isnan_d(double d) { return d != d; }

/* Output lines built by hand: the runtime's printf formats numbers by
 * dividing by the base, and IA-64 integer division is a floating-point
 * sequence (slow to emulate); "%s" only copies. */
static char line[512];
static char *lp = line;

static void put_str(const char *s)
{
    while (*s)
        *lp++ = *s++;
}

static void put_hex(unsigned long v, int digits)
{
    for (int i = digits - 1; i >= 0; i--)
        lp[i] = "0123456789abcdef"[(v >> (4 * (digits - 1 - i))) & 15];
    lp += digits;
}

/* 16 hex digits in one of 8 rotating buffers, for printf("%s"). */
static const char *hx(unsigned long v)
{
    static char buf[8][17];
    static int next;
    char *b = buf[next++ & 7];
    for (int i = 15; i >= 0; i--, v >>= 4)
        b[i] = "0123456789abcdef"[v & 15];
    b[16] = 0;
    return b;
}

static void put_x64(unsigned long v) { *lp++ = ' '; put_hex(v, 16); }
static void put_x32(unsigned long v) { *lp++ = ' '; put_hex(v, 8); }

static void end_line(void)
{
    *lp = 0;
    printf("%s\n", line);
    lp = line;
}

static unsigned long parse_ulong(const char *s)
{
    unsigned long v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (unsigned long)(*s++ - '0');
    return v;
}

static unsigned long rng_state = 0x853C49E6748FEA9BUL;

static unsigned long xorshift64(void)
{
    unsigned long x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* Operations behind noinline calls so that -O2 cannot fold them. */
NOINL static double add(double a, double b) { return a + b; }
NOINL static double sub(double a, double b) { return a - b; }
NOINL static double mul(double a, double b) { return a * b; }
NOINL static double dvd(double a, double b) { return a / b; }
NOINL static double sqr(double a) { return __builtin_sqrt(a); }
NOINL static int cmpmask(double a, double b)
{
    return (a < b) | (a <= b) << 1 | (a == b) << 2 | (a != b) << 3 |
           (a > b) << 4 | (a >= b) << 5;
}

NOINL static double newton_sqrt(double x)
{
    double y, prev;
    int i;
    if (!(x > 0) || x > 1.7e308)
        return x == 0 ? x : (x > 0 ? x : (x - x) / (x - x));
    /* initial guess from the exponent: halve it */
    y = db(((bd(x) >> 1) + 0x1ff8000000000000UL) & 0x7fffffffffffffffUL);
    for (i = 0; i < 60; i++) {
        prev = y;
        y = 0.5 * (y + x / y);
        if (y == prev)
            break;
    }
    return y;
}

static const unsigned long edge_bits[] = {
    0x0000000000000000UL,   /* +0 */
    0x8000000000000000UL,   /* -0 */
    0x0000000000000001UL,   /* smallest subnormal */
    0x000fffffffffffffUL,   /* largest subnormal */
    0x0010000000000000UL,   /* DBL_MIN */
    0x7fefffffffffffffUL,   /* DBL_MAX */
    0x7ff0000000000000UL,   /* +inf */
    0xfff0000000000000UL,   /* -inf */
    0x7ff8000000000000UL,   /* quiet NaN */
    0x3ff0000000000000UL,   /* 1 */
    0xbff0000000000000UL,   /* -1 */
    0x3fb999999999999aUL,   /* 0.1 */
    0x3fd5555555555555UL,   /* 1/3 */
    0x4008000000000000UL,   /* 3 */
    0xc004000000000000UL,   /* -2.5 */
    0x4340000000000001UL,   /* 2^54 + 2 */
    0x3ff0000000000001UL,   /* 1 + ulp */
    0x7fe0000000000000UL,   /* 2^1023 */
    0x0340000000000000UL,   /* 2^-971 */
    0xc1d2a05f20000000UL,   /* -1.25e9 */
};
#define NEDGE (sizeof edge_bits / sizeof edge_bits[0])

static void pairs(void)
{
    printf("-- pairs: a b : a+b a-b a*b a/b cmp(lt le eq ne gt ge)\n");
    for (unsigned i = 0; i < NEDGE; i++)
        for (unsigned j = 0; j < NEDGE; j++) {
            double a = db(edge_bits[i]), b = db(edge_bits[j]);
            if (isnan_d(a) && isnan_d(b))
                continue;
            put_hex(edge_bits[i], 16);
            put_x64(edge_bits[j]);
            put_str(" :");
            put_x64(bd(add(a, b)));
            put_x64(bd(sub(a, b)));
            put_x64(bd(mul(a, b)));
            put_x64(bd(dvd(a, b)));
            *lp++ = ' ';
            put_hex((unsigned long)cmpmask(a, b), 2);
            end_line();
        }
}

NOINL static long d2l(double d) { return (long)d; }
NOINL static unsigned long d2ul(double d) { return (unsigned long)d; }
NOINL static int d2i(double d) { return (int)d; }
NOINL static unsigned d2u(double d) { return (unsigned)d; }
NOINL static double l2d(long l) { return (double)l; }
NOINL static double ul2d(unsigned long l) { return (double)l; }
NOINL static double i2d(int i) { return (double)i; }
NOINL static double u2d(unsigned u) { return (double)u; }
NOINL static float l2f(long l) { return (float)l; }
NOINL static float ul2f(unsigned long l) { return (float)l; }
NOINL static float d2f(double d) { return (float)d; }
NOINL static double f2d(float f) { return (double)f; }
NOINL static float fadd(float a, float b) { return a + b; }
NOINL static float fsub(float a, float b) { return a - b; }
NOINL static float fmul(float a, float b) { return a * b; }
NOINL static float fdiv(float a, float b) { return a / b; }
NOINL static float fsqr(float a) { return __builtin_sqrtf(a); }

static void unary(void)
{
    printf("-- unary: a : sqrt newton -a (float)a (double)(float)a [long unsigned-long]\n");
    for (unsigned i = 0; i < NEDGE; i++) {
        double a = db(edge_bits[i]);
        float f = d2f(a);
        put_hex(edge_bits[i], 16);
        put_str(" :");
        put_x64(bd(sqr(a)));
        put_x64(bd(newton_sqrt(a)));
        put_x64(bd(-a));
        put_x32(bf(f));
        put_x64(bd(f2d(f)));
        if (a > -9.2e18 && a < 9.2e18)
            put_x64((unsigned long)d2l(a));
        if (a > -1.0 && a < 1.8e19)
            put_x64(d2ul(a));
        end_line();
    }
}

static void conversions(void)
{
    static const long lv[] = {
        0, 1, -1, 2, 3, 100, -100, 0x7fffffff, -0x7fffffff - 1, 0xffffffffL,
        (1L << 53) - 1, 1L << 53, (1L << 53) + 1, (1L << 53) + 3, (1L << 54) + 2,
        (1L << 54) + 6, 0x7fffffffffffffffL, -0x7fffffffffffffffL - 1,
        0x123456789abcdef0L, -0x123456789abcdef0L, (1L << 24) + 1, (1L << 24) + 3,
        0x7fffffbfffffffffL,
    };
    static const unsigned long uv[] = {
        0, 1, 0x8000000000000000UL, 0x8000000000000001UL, 0x8000000000000400UL,
        0x8000000000000401UL, 0xfffffffffffff800UL, 0xfffffffffffffbffUL,
        0xfffffffffffffc00UL, 0xffffffffffffffffUL, 0xfedcba9876543210UL,
    };
    static const double dv[] = {
        0.0, -0.0, 0.5, -0.5, 0.9999999999999999, 1.5, -1.5, 2.5, -2.5,
        123456.789, -123456.789, 2147483647.9, -2147483648.9, 4294967295.5,
        1e18, -1e18, 9.2e18, -9.2e18, 9223372036854774784.0, 1.8e19,
        18446744073709549568.0, 1e-300, 4.9e-324,
    };
    static const unsigned long fd_bits[] = {       /* doubles rounded to float */
        0x3fb999999999999aUL, 0x3ff0000010000000UL, 0x3ff0000030000000UL,
        0x3ff0000010000001UL, 0x3ff000000fffffffUL, 0x47efffffe0000000UL,
        0x47efffffefffffffUL, 0x47effffff0000000UL, 0x7fefffffffffffffUL,
        0x36a0000000000000UL, 0x3690000000000000UL, 0x3690000000000001UL,
        0x3680000000000000UL, 0x380fffffe0000000UL, 0x380ffffff0000000UL,
        0x3810000000000000UL, 0xb7f0000000000000UL, 0x7ff0000000000000UL,
        0x7ff8000000000000UL, 0x7ff8000020000000UL, 0x0000000000000001UL,
    };
    printf("-- long -> double float\n");
    for (unsigned i = 0; i < sizeof lv / sizeof lv[0]; i++)
    {
        put_hex((unsigned long)lv[i], 16);
        put_str(" :");
        put_x64(bd(l2d(lv[i])));
        put_x32(bf(l2f(lv[i])));
        end_line();
    }
    printf("-- unsigned long -> double float\n");
    for (unsigned i = 0; i < sizeof uv / sizeof uv[0]; i++)
    {
        put_hex(uv[i], 16);
        put_str(" :");
        put_x64(bd(ul2d(uv[i])));
        put_x32(bf(ul2f(uv[i])));
        end_line();
    }
    printf("-- int, unsigned -> double\n");
    for (unsigned i = 0; i < sizeof lv / sizeof lv[0]; i++)
    {
        put_hex((unsigned)lv[i], 8);
        put_str(" :");
        put_x64(bd(i2d((int)lv[i])));
        put_x64(bd(u2d((unsigned)lv[i])));
        end_line();
    }
    printf("-- double -> long unsigned-long int unsigned (in range only)\n");
    for (unsigned i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        double d = dv[i];
        put_hex(bd(d), 16);
        put_str(" :");
        if (d > -9223372036854775808.0 && d < 9223372036854775808.0) {
            put_str(" l=");
            put_hex((unsigned long)d2l(d), 16);
        }
        if (d > -1.0 && d < 18446744073709551616.0) {
            put_str(" ul=");
            put_hex(d2ul(d), 16);
        }
        if (d > -2147483649.0 && d < 2147483648.0) {
            put_str(" i=");
            put_hex((unsigned)d2i(d), 8);
        }
        if (d > -1.0 && d < 4294967296.0) {
            put_str(" u=");
            put_hex(d2u(d), 8);
        }
        end_line();
    }
    printf("-- double -> float -> double\n");
    for (unsigned i = 0; i < sizeof fd_bits / sizeof fd_bits[0]; i++) {
        float f = d2f(db(fd_bits[i]));
        put_hex(fd_bits[i], 16);
        put_str(" :");
        put_x32(bf(f));
        put_x64(bd(f2d(f)));
        end_line();
    }
}

static void single(void)
{
    static const uint32_t fv[] = {
        0x00000000, 0x80000000, 0x00000001, 0x007fffff, 0x00800000, 0x7f7fffff,
        0x7f800000, 0xff800000, 0x3f800000, 0xbf800000, 0x3dcccccd, 0x3eaaaaab,
        0x40400000, 0x4b800001, 0x3f800001, 0x7fc00000,
    };
    unsigned n = sizeof fv / sizeof fv[0];
    printf("-- float pairs: a b : a+b a-b a*b a/b ; sqrt(a)\n");
    for (unsigned i = 0; i < n; i++) {
        for (unsigned j = 0; j < n; j++) {
            float a = fb(fv[i]), b = fb(fv[j]);
            if (a != a && b != b)
                continue;
            put_hex(fv[i], 8);
            put_x32(fv[j]);
            put_str(" :");
            put_x32(bf(fadd(a, b)));
            put_x32(bf(fsub(a, b)));
            put_x32(bf(fmul(a, b)));
            put_x32(bf(fdiv(a, b)));
            end_line();
        }
        put_hex(fv[i], 8);
        put_str(" sqrt");
        put_x32(bf(fsqr(fb(fv[i]))));
        end_line();
    }
}

static double taylor_exp(double x)
{
    double term = 1.0, sum = 1.0;
    for (int k = 1; k < 40; k++) {
        term = term * x / k;
        sum = sum + term;
    }
    return sum;
}

static double atan_series(double x)         /* |x| small */
{
    double x2 = x * x, p = x, sum = 0.0;
    for (int k = 0; k < 40; k++) {
        double t = p / (2 * k + 1);
        sum = (k & 1) ? sum - t : sum + t;
        p = p * x2;
    }
    return sum;
}

static double sin_taylor(double x)
{
    double term = x, sum = x, x2 = x * x;
    for (int k = 1; k < 20; k++) {
        term = -term * x2 / ((2 * k) * (2 * k + 1));
        sum = sum + term;
    }
    return sum;
}

static double cos_taylor(double x)
{
    double term = 1.0, sum = 1.0, x2 = x * x;
    for (int k = 1; k < 20; k++) {
        term = -term * x2 / ((2 * k - 1) * (2 * k));
        sum = sum + term;
    }
    return sum;
}

static double horner(const double *c, int n, double x)
{
    double r = c[n - 1];
    for (int i = n - 2; i >= 0; i--)
        r = r * x + c[i];
    return r;
}

static void series(unsigned long n)
{
    static const double poly[] = { 1.0, -0.5, 0.3333333333333333, -0.25, 0.2,
                                   -0.16666666666666666, 0.14285714285714285 };
    double pi, s, c, x, naive, kahan, comp;
    unsigned long k, iters;
    printf("-- series\n");
    printf("e        %s\n", hx(bd(taylor_exp(1.0))));
    printf("exp(-3)  %s\n", hx(bd(taylor_exp(-3.0))));
    printf("exp(0.1) %s\n", hx(bd(taylor_exp(0.1))));
    pi = 16.0 * atan_series(1.0 / 5.0) - 4.0 * atan_series(1.0 / 239.0);
    printf("pi       %s\n", hx(bd(pi)));
    for (int i = -4; i <= 4; i++) {
        x = i * 0.375;
        s = sin_taylor(x);
        c = cos_taylor(x);
        printf("sin,cos(%s) %s %s s2+c2 %s\n", hx(bd(x)), hx(bd(s)), hx(bd(c)),
               hx(bd(s * s + c * c)));
    }
    s = 0.0;
    for (k = 1; k <= n; k++)
        s = s + 1.0 / ((double)k * (double)k);
    c = 0.0;
    for (k = n; k >= 1; k--)
        c = c + 1.0 / ((double)k * (double)k);
    printf("zeta2 fwd %s bwd %s\n", hx(bd(s)), hx(bd(c)));
    s = 0.0;
    for (k = 1; k <= n; k++)
        s = s + 1.0 / (double)k;
    printf("harmonic %s\n", hx(bd(s)));
    naive = 0.0;
    kahan = 0.0;
    comp = 0.0;
    for (k = 0; k < n; k++) {
        double y = 0.1 - comp, t = kahan + y;
        comp = (t - kahan) - y;
        kahan = t;
        naive = naive + 0.1;
    }
    printf("sum 0.1: naive %s kahan %s\n", hx(bd(naive)), hx(bd(kahan)));
    for (int i = 0; i <= 8; i++) {
        x = i / 8.0;
        printf("log1p-poly(%s) %s\n", hx(bd(x)), hx(bd(horner(poly, 7, x) * x)));
    }
    /* Mandelbrot escape counts on a 24 x 12 grid, max 32 iterations */
    iters = 0;
    for (int row = 0; row < 12; row++) {
        char line[32];
        for (int col = 0; col < 24; col++) {
            double cr = -2.0 + col * 0.109375, ci = -1.125 + row * 0.1875;
            double zr = 0.0, zi = 0.0;
            int it = 0;
            while (it < 32 && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                it++;
            }
            iters += (unsigned long)it;
            line[col] = " .:-=+*#%@"[it < 32 ? it % 9 : 9];
        }
        line[24] = 0;
        printf("|%s|\n", line);
    }
    printf("mandelbrot iterations %lu\n", iters);
}

static void random_doubles(unsigned long n)
{
    double sum = 0.0, prod = 1.0, mx = 0.0, q = 0.0, rt = 0.0;
    unsigned long h = 0;
    printf("-- random doubles\n");
    for (unsigned long i = 0; i < n; i++) {
        double u = (double)(xorshift64() >> 11) * 0x1p-53;           /* [0,1) */
        double v = db((xorshift64() & 0x800fffffffffffffUL) | 0x3ff0000000000000UL);
        long li = (long)xorshift64();
        double w;
        li >>= xorshift64() & 63;
        w = (double)li;
        sum = sum + u;
        prod = prod * (v < 0 ? -v : v) * 0.75;
        if (prod < 1e-200 || prod > 1e200)
            prod = 1.0;
        if (u > mx)
            mx = u;
        q = q + u / v;
        rt = rt + sqr(u);
        h = (h ^ bd(w) ^ bd(u * v) ^ (unsigned long)(long)(v * 1e6)) * 0x100000001b3UL;
        h = (h ^ bd(w / (v + 2.0))) * 0x100000001b3UL;
        h = (h ^ bf((float)u) ^ (unsigned long)bf((float)w) << 32) * 0x100000001b3UL;
    }
    printf("n %lu sum %s prod %s max %s\n", n, hx(bd(sum)), hx(bd(prod)), hx(bd(mx)));
    printf("quot %s sqrt %s hash %s\n", hx(bd(q)), hx(bd(rt)), hx(h));
}

int main(int argc, char **argv)
{
    unsigned long n = 500;
    if (argc > 1)
        n = parse_ulong(argv[1]);
    pairs();
    unary();
    conversions();
    single();
    series(n);
    random_doubles(n / 5);
    return 0;
}
