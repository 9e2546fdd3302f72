/* sorthash: sort and hash N pseudo-random numbers (default N = 100000).
 *
 *   - N 64-bit numbers from xorshift64* (also kept as 32-bit keys);
 *   - the 64-bit numbers sorted with an LSD radix sort (4 passes of 16 bits;
 *     8 passes of 8 bits when N < 32768)
 *     and, on a prefix of the array (N/16 elements), a heapsort; both
 *     results checked sorted, the heapsorted prefix checked against a radix
 *     sort (8 passes of 8 bits) of the same prefix;
 *   - the 32-bit keys sorted with a quicksort (median of three, insertion
 *     sort below 16 elements, recursion on the smaller side);
 *   - a checksum of each sorted array (FNV-1a style over the words, and a
 *     position-weighted sum), sampled elements (min, quartiles, max);
 *   - an open-addressing hash table (2^17 slots, fewer for a small N; linear
 *     probing) counting the
 *     distinct values among the keys reduced modulo 131071, the most frequent
 *     one, and a hash of the table.
 * Sizes are chosen to keep the run short under emulation (printf is only
 * called a few times: it divides by the base, which is slow to emulate).
 *
 * Usage: sorthash [N]   (N <= 100000) */
#include <stdint.h>
#include "rt.h"

#define MAXN 100000

static unsigned long a64[MAXN], t64[MAXN], h64[MAXN];
static uint32_t k32[MAXN];

static unsigned long rng_state = 0x2545F4914F6CDD1DUL;

static unsigned long xorshift64s(void)
{
    unsigned long x = rng_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    rng_state = x;
    return x * 0x2545F4914F6CDD1DUL;
}

static unsigned long parse_ulong(const char *s)
{
    unsigned long v = 0;
    while (*s >= '0' && *s <= '9')
        v = v * 10 + (unsigned long)(*s++ - '0');
    return v;
}

/* LSD radix sort of a[0..n), digits of `bits` bits (8 or 16); the passes
 * alternate between a and tmp (64 / bits is even: the result ends in a). */
static long count[1 << 16];

static void radix_sort(unsigned long *a, unsigned long *tmp, long n, int bits)
{
    long nd = 1L << bits;
    unsigned long m = (unsigned long)nd - 1;
    unsigned long *src = a, *dst = tmp, *t;
    for (int shift = 0; shift < 64; shift += bits) {
        long sum = 0;
        for (long d = 0; d < nd; d++)
            count[d] = 0;
        for (long i = 0; i < n; i++)
            count[(src[i] >> shift) & m]++;
        for (long d = 0; d < nd; d++) {
            long c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (long i = 0; i < n; i++) {
            unsigned long v = src[i];
            dst[count[(v >> shift) & m]++] = v;
        }
        t = src;
        src = dst;
        dst = t;
    }
}

static void sift_down(unsigned long *a, long root, long n)
{
    unsigned long v = a[root];
    for (;;) {
        long child = 2 * root + 1;
        if (child >= n)
            break;
        if (child + 1 < n && a[child + 1] > a[child])
            child++;
        if (a[child] <= v)
            break;
        a[root] = a[child];
        root = child;
    }
    a[root] = v;
}

static void heap_sort(unsigned long *a, long n)
{
    for (long i = n / 2 - 1; i >= 0; i--)
        sift_down(a, i, n);
    for (long end = n - 1; end > 0; end--) {
        unsigned long t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(a, 0, end);
    }
}

static void insertion_sort32(uint32_t *a, long n)
{
    for (long i = 1; i < n; i++) {
        uint32_t v = a[i];
        long j = i;
        while (j > 0 && a[j - 1] > v) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = v;
    }
}

static void swap32(uint32_t *a, uint32_t *b)
{
    uint32_t t = *a;
    *a = *b;
    *b = t;
}

static long qs_depth, qs_max_depth;

static void quick_sort32(uint32_t *a, long n)
{
    qs_depth++;
    if (qs_depth > qs_max_depth)
        qs_max_depth = qs_depth;
    while (n > 16) {
        long mid = n / 2, i = 0, j = n - 1;
        uint32_t pivot;
        if (a[mid] < a[0]) swap32(&a[mid], &a[0]);
        if (a[n - 1] < a[0]) swap32(&a[n - 1], &a[0]);
        if (a[n - 1] < a[mid]) swap32(&a[n - 1], &a[mid]);
        pivot = a[mid];
        for (;;) {                              /* Hoare partition */
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i >= j)
                break;
            swap32(&a[i], &a[j]);
            i++;
            j--;
        }
        /* a[0..j] <= pivot <= a[j+1..n) */
        if (j + 1 < n - j - 1) {
            quick_sort32(a, j + 1);
            a += j + 1;
            n -= j + 1;
        } else {
            quick_sort32(a + j + 1, n - j - 1);
            n = j + 1;
        }
    }
    insertion_sort32(a, n);
    qs_depth--;
}

static unsigned long fnv64(const unsigned long *a, long n)
{
    unsigned long h = 0xcbf29ce484222325UL;
    for (long i = 0; i < n; i++) {
        h ^= a[i];
        h *= 0x100000001b3UL;
    }
    return h;
}

static unsigned long fnv32(const uint32_t *a, long n)
{
    unsigned long h = 0xcbf29ce484222325UL;
    for (long i = 0; i < n; i++) {
        h ^= a[i];
        h *= 0x100000001b3UL;
    }
    return h;
}

static unsigned long weighted64(const unsigned long *a, long n)
{
    unsigned long s = 0;
    for (long i = 0; i < n; i++)
        s += a[i] * (unsigned long)(i + 1);
    return s;
}

static long unsorted64(const unsigned long *a, long n)
{
    long bad = 0;
    for (long i = 1; i < n; i++)
        bad += a[i - 1] > a[i];
    return bad;
}

static long unsorted32(const uint32_t *a, long n)
{
    long bad = 0;
    for (long i = 1; i < n; i++)
        bad += a[i - 1] > a[i];
    return bad;
}

/* Open addressing with linear probing; key 0 is stored as ~0 (empty = 0). */
#define HBITS_MAX 17
static uint32_t htab_key[1L << HBITS_MAX];
static uint32_t htab_count[1L << HBITS_MAX];
static int hbits = HBITS_MAX;           /* smaller for small N */
static long probes;

static uint32_t hkey(uint32_t k)
{
    return k ? k : 0xffffffffu;
}

static void hinsert(uint32_t k)
{
    uint32_t key = hkey(k);
    unsigned long i = ((unsigned long)key * 0x9E3779B97F4A7C15UL) >> (64 - hbits);
    for (;;) {
        probes++;
        if (htab_key[i] == key) {
            htab_count[i]++;
            return;
        }
        if (htab_key[i] == 0) {
            htab_key[i] = key;
            htab_count[i] = 1;
            return;
        }
        i = (i + 1) & ((1UL << hbits) - 1);
    }
}

int main(int argc, char **argv)
{
    long n = MAXN, np, distinct_hash, i;
    unsigned long sum = 0, xsum = 0, table_hash = 0xcbf29ce484222325UL;
    uint32_t best_key = 0, best_count = 0;

    if (argc > 1) {
        n = (long)parse_ulong(argv[1]);
        if (n < 2 || n > MAXN)
            n = MAXN;
    }
    np = n / 16;
    printf("n = %ld, heapsort prefix %ld\n", n, np);

    for (i = 0; i < n; i++) {
        unsigned long x = xorshift64s();
        a64[i] = x;
        k32[i] = (uint32_t)(x >> 32);
        sum += x;
        xsum ^= x;
    }
    printf("generated: sum %016lx xor %016lx last %016lx\n", sum, xsum, a64[n - 1]);
    printf("unsorted fnv %016lx\n", fnv64(a64, n));

    /* heapsort a prefix, check against radix sort of the same prefix */
    for (i = 0; i < np; i++)
        h64[i] = a64[i];
    heap_sort(h64, np);
    radix_sort(a64, t64, np, 8);    /* sorts a64[0..np) only */
    {
        long diff = 0;
        for (i = 0; i < np; i++)
            diff += h64[i] != a64[i];
        printf("heapsort prefix: unsorted %ld, differs from radix %ld, fnv %016lx\n",
               unsorted64(h64, np), diff, fnv64(h64, np));
    }

    /* radix sort everything (the prefix is already sorted: no matter) */
    radix_sort(a64, t64, n, n >= 32768 ? 16 : 8);
    printf("radix64: unsorted %ld fnv %016lx weighted %016lx\n",
           unsorted64(a64, n), fnv64(a64, n), weighted64(a64, n));
    printf("radix64: min %016lx q1 %016lx median %016lx q3 %016lx max %016lx\n",
           a64[0], a64[n / 4], a64[n / 2], a64[3 * n / 4], a64[n - 1]);
    {
        unsigned long s2 = 0;
        for (i = 0; i < n; i++)
            s2 += a64[i];
        printf("radix64: sum %s\n", s2 == sum ? "preserved" : "CHANGED");
    }

    /* quicksort the 32-bit keys */
    quick_sort32(k32, n);
    printf("quick32: unsorted %ld fnv %016lx max depth %ld\n",
           unsorted32(k32, n), fnv32(k32, n), qs_max_depth);
    printf("quick32: min %08x median %08x max %08x\n", k32[0], k32[n / 2], k32[n - 1]);
    {
        long bad = 0;
        for (i = 0; i < n; i++)    /* high halves of the sorted 64-bit values */
            bad += k32[i] != (uint32_t)(a64[i] >> 32);
        printf("quick32 vs radix64 high halves: %ld differ\n", bad);
    }

    /* hash table over the keys mod 131071 (many duplicates); >= 2N slots */
    while (hbits > 8 && (1L << (hbits - 1)) >= 2 * n)
        hbits--;
    for (i = 0; i < n; i++) {
        hinsert(k32[i] % 131071u);          /* a prime below 2^17 */
    }
    distinct_hash = 0;
    for (i = 0; i < 1L << hbits; i++)
        if (htab_key[i]) {
            distinct_hash++;
            table_hash = (table_hash ^ ((unsigned long)i << 40 ^
                                        (unsigned long)htab_count[i] << 32 ^ htab_key[i]))
                         * 0x100000001b3UL;
            if (htab_count[i] > best_count ||
                (htab_count[i] == best_count && htab_key[i] < best_key)) {
                best_count = htab_count[i];
                best_key = htab_key[i];
            }
        }
    printf("hash: %ld distinct, %ld probes, most frequent %u x%u\n",
           distinct_hash, probes, best_key, best_count);
    printf("hash: table fnv %016lx\n", table_hash);
    return 0;
}
