/* divmod: integer division and modulo of every width and signedness.
 *
 * For int8/16/32/64 and uint8/16/32/64:
 *   1. every pair of "core" edge values (0, 1, -1, 2, -2, -7, 10, MIN, MIN+1,
 *      MAX, MAX-1, converted to the type) with a nonzero divisor: one line
 *      "T a b a/b a%b" in hex (two's complement at the type's width), and
 *      a check of a combined q/r function and of q*b + r == a;
 *   2. division by constants (2, 3, 7, 10, 16, 100, -3, 0x5deece66d, each
 *      converted to the type) of the core values: one line per dividend;
 *   3. all pairs of an extended edge set (2^k for k a multiple of a quarter
 *      of the width, their negations, 2^k - 1, 0b1000111.. patterns) and N
 *      random pairs (xorshift64; the divisors shifted right by a random
 *      amount, so of every magnitude): a hash per type.
 * Signed MIN / -1 and MIN % -1 overflow for int and long (undefined in C, a
 * trap on x86): those pairs are skipped; for int8/int16 they are defined
 * (promotion to int) and included.
 *
 * The drivers are shared by all types (values travel as unsigned long,
 * sign- or zero-extended from the type); only the small operation functions
 * exist per type.  That keeps the number of distinct hot blocks, and so
 * the JIT's compile time, small.
 *
 * Usage: divmod [N]   (N random pairs per type, default 100; N < 100 also
 * shrinks the extended edge set to its first quarter)
 * Output is compared with divmod.expected, produced by the same source built
 * for the host (make -C guests/c expected). */
#include <stdint.h>
#include "rt.h"

#define NOINL __attribute__((noinline))

typedef unsigned long ul;

static ul rng_state = 0x9E3779B97F4A7C15UL;

static ul xorshift64(void)
{
    ul x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static ul hash_mix(ul h, ul v)
{
    h ^= v;
    h *= 0x100000001b3UL;           /* FNV-1a prime, 64-bit */
    h ^= h >> 29;
    return h;
}

/* Output lines built by hand: the runtime's printf formats numbers by
 * dividing by the base, which is slow to emulate; "%s" only copies. */
static char line[512];
static char *lp = line;

static void put_str(const char *s)
{
    while (*s)
        *lp++ = *s++;
}

static void put_hex(ul v, int digits)
{
    for (int i = digits - 1; i >= 0; i--)
        lp[i] = "0123456789abcdef"[(v >> (4 * (digits - 1 - i))) & 15];
    lp += digits;
}

static void end_line(void)
{
    *lp = 0;
    printf("%s\n", line);
    lp = line;
}

static ul parse_ulong(const char *s)
{
    ul v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (ul)(*s++ - '0');
    return v;
}

/* One type: its operations on values converted to T. */
struct type {
    const char *name;
    int digits;                 /* hex digits: 2 * sizeof(T) */
    int is_signed;
    int min_div_m1_undefined;   /* MIN / -1 overflows (int, long) */
    ul min, max;                /* as converted values */
    ul (*conv)(ul);             /* (ul)(T)x, sign- or zero-extended */
    ul (*div)(ul, ul);
    ul (*mod)(ul, ul);
    void (*divmod)(ul, ul, ul *, ul *);
    void (*consts)(ul, ul *);
};

#define NCONST 16

#define DEFINE_OPS(N, T)                                                      \
static ul conv_##N(ul x) { return (ul)(T)x; }                                 \
NOINL static ul div_##N(ul a, ul b) { return (ul)(T)((T)a / (T)b); }          \
NOINL static ul mod_##N(ul a, ul b) { return (ul)(T)((T)a % (T)b); }          \
NOINL static void divmod_##N(ul a, ul b, ul *q, ul *r)                        \
{                                                                             \
    T x = (T)a, y = (T)b;                                                     \
    *q = (ul)(T)(x / y);                                                      \
    *r = (ul)(T)(x % y);                                                      \
}                                                                             \
NOINL static void consts_##N(ul a0, ul *o)                                    \
{                                                                             \
    T a = (T)a0;                                                              \
    o[0] = (ul)(T)(a / 2);    o[1] = (ul)(T)(a % 2);                          \
    o[2] = (ul)(T)(a / 3);    o[3] = (ul)(T)(a % 3);                          \
    o[4] = (ul)(T)(a / 7);    o[5] = (ul)(T)(a % 7);                          \
    o[6] = (ul)(T)(a / 10);   o[7] = (ul)(T)(a % 10);                         \
    o[8] = (ul)(T)(a / 16);   o[9] = (ul)(T)(a % 16);                         \
    o[10] = (ul)(T)(a / 100); o[11] = (ul)(T)(a % 100);                       \
    o[12] = (ul)(T)(a / (T)-3); o[13] = (ul)(T)(a % (T)-3);                   \
    o[14] = (ul)(T)(a / (T)0x5deece66dUL);                                    \
    o[15] = (ul)(T)(a % (T)0x5deece66dUL);                                    \
}

DEFINE_OPS(i8, int8_t)
DEFINE_OPS(u8, uint8_t)
DEFINE_OPS(i16, int16_t)
DEFINE_OPS(u16, uint16_t)
DEFINE_OPS(i32, int32_t)
DEFINE_OPS(u32, uint32_t)
DEFINE_OPS(i64, int64_t)
DEFINE_OPS(u64, uint64_t)

#define TYPE(N, T, S, OVF, MINV, MAXV)                                        \
    { #N, 2 * (int)sizeof(T), S, OVF, (ul)(T)(MINV), (ul)(T)(MAXV), conv_##N, \
      div_##N, mod_##N, divmod_##N, consts_##N }

static const struct type types[] = {
    TYPE(i8,  int8_t,   1, 0, INT8_MIN,  INT8_MAX),
    TYPE(u8,  uint8_t,  0, 0, 0,         UINT8_MAX),
    TYPE(i16, int16_t,  1, 0, INT16_MIN, INT16_MAX),
    TYPE(u16, uint16_t, 0, 0, 0,         UINT16_MAX),
    TYPE(i32, int32_t,  1, 1, INT32_MIN, INT32_MAX),
    TYPE(u32, uint32_t, 0, 0, 0,         UINT32_MAX),
    TYPE(i64, int64_t,  1, 1, INT64_MIN, INT64_MAX),
    TYPE(u64, uint64_t, 0, 0, 0,         UINT64_MAX),
};

static const long core_vals[] = { 0, 1, -1, 2, -2, -7, 10 };
#define NCORE (sizeof core_vals / sizeof core_vals[0])

static ul n_random = 100;

static int skip(const struct type *t, ul a, ul b)
{
    return b == 0 || (t->min_div_m1_undefined && a == t->min && b == t->conv(-1UL));
}

static int add_val(ul *v, int n, ul x)
{
    for (int i = 0; i < n; i++)
        if (v[i] == x)
            return n;
    v[n] = x;
    return n + 1;
}

static ul mask(const struct type *t, ul v)
{
    return t->digits == 16 ? v : v & ((1UL << (4 * t->digits)) - 1);
}

static void test_type(const struct type *t)
{
    ul core[NCORE + 4], ext[64], q, r, q2, r2, o[NCONST], h, skipped = 0;
    int nc = 0, ne = 0, w = t->digits;

    for (unsigned i = 0; i < NCORE; i++)
        nc = add_val(core, nc, t->conv((ul)core_vals[i]));
    nc = add_val(core, nc, t->min);
    nc = add_val(core, nc, t->conv(t->min + 1));
    nc = add_val(core, nc, t->max);
    nc = add_val(core, nc, t->conv(t->max - 1));

    /* 1. core pairs, listed */
    for (int i = 0; i < nc; i++)
        for (int j = 0; j < nc; j++) {
            ul a = core[i], b = core[j];
            if (skip(t, a, b))
                continue;
            q = t->div(a, b);
            r = t->mod(a, b);
            put_str(t->name);
            *lp++ = ' ';
            put_hex(mask(t, a), w);
            *lp++ = ' ';
            put_hex(mask(t, b), w);
            *lp++ = ' ';
            put_hex(mask(t, q), w);
            *lp++ = ' ';
            put_hex(mask(t, r), w);
            end_line();
            t->divmod(a, b, &q2, &r2);
            if (q2 != q || r2 != r)
                printf("%s divmod mismatch at %d %d\n", t->name, i, j);
            if (t->conv(q * b + r) != a)
                printf("%s q*b+r != a at %d %d\n", t->name, i, j);
        }

    /* 2. division by constants */
    for (int i = 0; i < nc; i++) {
        t->consts(core[i], o);
        put_str(t->name);
        put_str(" const ");
        put_hex(mask(t, core[i]), w);
        *lp++ = ':';
        for (int k = 0; k < NCONST; k++) {
            *lp++ = ' ';
            put_hex(mask(t, o[k]), w);
        }
        end_line();
    }

    /* 3a. extended edge set, hashed */
    for (int k = 0; k < (n_random >= 100 ? 4 : 1) * w; k += w) {
        ul p = 1UL << k, top = 1UL << (k + w - 1);
        ne = add_val(ext, ne, t->conv(p));
        ne = add_val(ext, ne, t->conv(0 - p));
        ne = add_val(ext, ne, t->conv(p - 1));
        ne = add_val(ext, ne, t->conv(top | (top - 1) >> 3));
    }
    h = 0;
    for (int i = 0; i < ne; i++)
        for (int j = 0; j < ne; j++) {
            if (skip(t, ext[i], ext[j])) {
                skipped++;
                continue;
            }
            t->divmod(ext[i], ext[j], &q, &r);
            h = hash_mix(h, q);
            h = hash_mix(h, r);
        }
    put_str(t->name);
    put_str(" edges: hash ");
    put_hex(h, 16);
    end_line();
    printf("%s edges: %d values, %d pairs skipped\n", t->name, ne, (int)skipped);

    /* 3b. random pairs, hashed; divisors of every magnitude */
    h = 0;
    skipped = 0;
    for (ul i = 0; i < n_random; i++) {
        ul a = t->conv(xorshift64()), b = xorshift64();
        b = t->conv(b >> (xorshift64() & 63));
        if (skip(t, a, b)) {
            skipped++;
            continue;
        }
        h = hash_mix(h, t->div(a, b));
        h = hash_mix(h, t->mod(a, b));
        t->consts(a, o);
        for (int k = 0; k < NCONST; k++)
            h = hash_mix(h, o[k]);
    }
    put_str(t->name);
    put_str(" random: hash ");
    put_hex(h, 16);
    end_line();
    printf("%s random: %d pairs, %d skipped\n", t->name, (int)n_random, (int)skipped);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        n_random = parse_ulong(argv[1]);
    for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++)
        test_type(&types[i]);
    put_str("rng ");
    put_hex(rng_state, 16);
    end_line();
    return 0;
}
