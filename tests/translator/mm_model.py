"""Reference model of the IA-64 integer multimedia instructions.

Written from the operation sections of the Itanium SDM (vol. 3, Part I
ch. 2), independently of translator/semantics/multimedia.py: registers are
split into lists of elements (element 0 = least significant), each
instruction works on those lists with plain Python integers, and the list
is concatenated back.  Nothing here shares code with the translator.

Every model function takes the values of the SDM's named operands
(``r2``, ``r3``, and ``count`` / ``mbtype`` / ``mhtype`` where there is
one) and returns the 64-bit result; ``MODEL[mnemonic]`` maps an objdump
mnemonic to its function.  NaT: every instruction's result NaT is the OR of
its register sources' NaTs (see ``nat_sources``).
"""

from __future__ import annotations

MASK64 = (1 << 64) - 1


# ------------------------------------------------------------ element lists

def split(value, bits):
    """GR value -> list of unsigned elements, element 0 first."""
    return [(value >> (bits * k)) & ((1 << bits) - 1) for k in range(64 // bits)]


def concat(elems, bits):
    """List of elements (any integers; only their low bits count) -> GR value."""
    out = 0
    for k, x in enumerate(elems):
        out |= (x & ((1 << bits) - 1)) << (bits * k)
    return out


def sign_ext(x, bits):
    x &= (1 << bits) - 1
    return x - (1 << bits) if x >> (bits - 1) else x


def saturate(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


def smin(bits):
    return -(1 << (bits - 1))


def smax(bits):
    return (1 << (bits - 1)) - 1


def umax(bits):
    return (1 << bits) - 1


# ------------------------------------------------------------ A9

def padd(bits, form):
    def fn(r2, r3):
        x, y = split(r2, bits), split(r3, bits)
        res = []
        for a, b in zip(x, y):
            if form == "":
                res.append(a + b)
            elif form == "sss":
                res.append(saturate(sign_ext(a, bits) + sign_ext(b, bits), smin(bits), smax(bits)))
            elif form == "uus":
                res.append(saturate(a + sign_ext(b, bits), 0, umax(bits)))
            elif form == "uuu":
                res.append(saturate(a + b, 0, umax(bits)))
        return concat(res, bits)
    return fn


def psub(bits, form):
    def fn(r2, r3):
        x, y = split(r2, bits), split(r3, bits)
        res = []
        for a, b in zip(x, y):
            if form == "":
                res.append(a - b)
            elif form == "sss":
                res.append(saturate(sign_ext(a, bits) - sign_ext(b, bits), smin(bits), smax(bits)))
            elif form == "uus":
                res.append(saturate(a - sign_ext(b, bits), 0, umax(bits)))
            elif form == "uuu":
                res.append(saturate(a - b, 0, umax(bits)))
        return concat(res, bits)
    return fn


def pavg(bits, raz):
    def fn(r2, r3):
        res = []
        for a, b in zip(split(r2, bits), split(r3, bits)):
            if raz:
                t = a + b + 1
                res.append(t >> 1)
            else:
                t = a + b
                res.append((t >> 1) | (t & 1))
        return concat(res, bits)
    return fn


def pavgsub(bits):
    def fn(r2, r3):
        res = []
        for a, b in zip(split(r2, bits), split(r3, bits)):
            t = a - b                       # the borrow becomes the top bit
            res.append((t >> 1) | (t & 1))
        return concat(res, bits)
    return fn


def pcmp(bits, rel):
    def fn(r2, r3):
        res = []
        for a, b in zip(split(r2, bits), split(r3, bits)):
            if rel == "eq":
                hit = a == b
            else:
                hit = sign_ext(a, bits) > sign_ext(b, bits)
            res.append(umax(bits) if hit else 0)
        return concat(res, bits)
    return fn


# ------------------------------------------------------------ A10

def pshladd2(r2, r3, count):
    res = []
    for a, b in zip(split(r2, 16), split(r3, 16)):
        t = sign_ext(a, 16) << count
        if t > smax(16):
            res.append(smax(16))
        elif t < smin(16):
            res.append(smin(16))
        else:
            res.append(saturate(t + sign_ext(b, 16), smin(16), smax(16)))
    return concat(res, 16)


def pshradd2(r2, r3, count):
    res = []
    for a, b in zip(split(r2, 16), split(r3, 16)):
        t = sign_ext(a, 16) >> count
        res.append(saturate(t + sign_ext(b, 16), smin(16), smax(16)))
    return concat(res, 16)


# ------------------------------------------------------------ I1, I2

def pmpyshr2(unsigned):
    def fn(r2, r3, count):
        res = []
        for a, b in zip(split(r2, 16), split(r3, 16)):
            if unsigned:
                t = a * b
            else:
                t = sign_ext(a, 16) * sign_ext(b, 16)
            res.append((t >> count) & 0xFFFF)        # bits count+15 .. count
        return concat(res, 16)
    return fn


def pmpy2(left):
    def fn(r2, r3):
        x, y = split(r2, 16), split(r3, 16)
        pick = (1, 3) if left else (0, 2)
        return concat([sign_ext(x[k], 16) * sign_ext(y[k], 16) for k in pick], 32)
    return fn


def mpy4(r2, r3):
    return (r2 & 0xFFFFFFFF) * (r3 & 0xFFFFFFFF)


def mpyshl4(r2, r3):
    return ((r2 >> 32) * (r3 & 0xFFFFFFFF) << 32) & MASK64


def mix(bits, left):
    def fn(r2, r3):
        x, y = split(r2, bits), split(r3, bits)
        n = len(x)
        res = [0] * n
        for j in range(0, n, 2):
            src = j + 1 if left else j
            res[j] = y[src]
            res[j + 1] = x[src]
        return concat(res, bits)
    return fn


def pack(bits, form):
    """bits: source element width; results are bits/2 wide."""
    half = bits // 2

    def fn(r2, r3):
        temp = [sign_ext(v, bits) for v in split(r2, bits) + split(r3, bits)]
        if form == "sss":
            res = [saturate(t, smin(half), smax(half)) for t in temp]
        else:   # uss
            res = [saturate(t, 0, umax(half)) for t in temp]
        return concat(res, half)
    return fn


def unpack(bits, high):
    def fn(r2, r3):
        x, y = split(r2, bits), split(r3, bits)
        n = len(x)
        first = n // 2 if high else 0
        res = []
        for j in range(first, first + n // 2):
            res += [y[j], x[j]]
        return concat(res, bits)
    return fn


def pminmax(bits, is_max):
    def fn(r2, r3):
        res = []
        for a, b in zip(split(r2, bits), split(r3, bits)):
            if bits == 16:
                a, b = sign_ext(a, 16), sign_ext(b, 16)
            res.append(max(a, b) if is_max else min(a, b))
        return concat(res, bits)
    return fn


def psad1(r2, r3):
    return sum(abs(a - b) for a, b in zip(split(r2, 8), split(r3, 8)))


# ------------------------------------------------------------ I3, I4

MBTYPES = {"@brcst": 0x0, "@mix": 0x8, "@shuf": 0x9, "@alt": 0xA, "@rev": 0xB}


def mux1(r2, mbtype):
    x = split(r2, 8)
    if mbtype == 0x0:            # @brcst
        res = [x[0]] * 8
    elif mbtype == 0x8:          # @mix
        res = [x[0], x[4], x[2], x[6], x[1], x[5], x[3], x[7]]
    elif mbtype == 0x9:          # @shuf
        res = [x[0], x[4], x[1], x[5], x[2], x[6], x[3], x[7]]
    elif mbtype == 0xA:          # @alt
        res = [x[0], x[2], x[4], x[6], x[1], x[3], x[5], x[7]]
    elif mbtype == 0xB:          # @rev
        res = x[::-1]
    else:
        raise ValueError("reserved mbtype")
    return concat(res, 8)


def mux2(r2, mhtype):
    x = split(r2, 16)
    return concat([x[(mhtype >> (2 * i)) & 3] for i in range(4)], 16)


# ------------------------------------------------------------ I5-I8

def pshr(bits, unsigned):
    """Data r3, count (GR r2 or count5), count > bits-1 acts as bits."""
    def fn(r3, count):
        count = min(count, bits)
        res = []
        for a in split(r3, bits):
            v = a if unsigned else sign_ext(a, bits)
            res.append(v >> count)
        return concat(res, bits)
    return fn


def pshl(bits):
    """Data r2, count (GR r3 or count5); count > bits-1 gives zero."""
    def fn(r2, count):
        if count > bits - 1:
            return 0
        return concat([a << count for a in split(r2, bits)], bits)
    return fn


# ------------------------------------------------------------ the table

MODEL = {}
for _b in (1, 2, 4):
    MODEL[f"padd{_b}"] = padd(8 * _b, "")
    MODEL[f"psub{_b}"] = psub(8 * _b, "")
    MODEL[f"pcmp{_b}.eq"] = pcmp(8 * _b, "eq")
    MODEL[f"pcmp{_b}.gt"] = pcmp(8 * _b, "gt")
    MODEL[f"mix{_b}.l"] = mix(8 * _b, True)
    MODEL[f"mix{_b}.r"] = mix(8 * _b, False)
    MODEL[f"unpack{_b}.h"] = unpack(8 * _b, True)
    MODEL[f"unpack{_b}.l"] = unpack(8 * _b, False)
for _b in (1, 2):
    for _f in ("sss", "uus", "uuu"):
        MODEL[f"padd{_b}.{_f}"] = padd(8 * _b, _f)
        MODEL[f"psub{_b}.{_f}"] = psub(8 * _b, _f)
    MODEL[f"pavg{_b}"] = pavg(8 * _b, False)
    MODEL[f"pavg{_b}.raz"] = pavg(8 * _b, True)
    MODEL[f"pavgsub{_b}"] = pavgsub(8 * _b)
for _b in (2, 4):
    MODEL[f"pshr{_b}"] = pshr(8 * _b, False)
    MODEL[f"pshr{_b}.u"] = pshr(8 * _b, True)
    MODEL[f"pshl{_b}"] = pshl(8 * _b)
MODEL.update({
    "pshladd2": pshladd2, "pshradd2": pshradd2,
    "pmpyshr2": pmpyshr2(False), "pmpyshr2.u": pmpyshr2(True),
    "pmpy2.r": pmpy2(False), "pmpy2.l": pmpy2(True),
    "mpy4": mpy4, "mpyshl4": mpyshl4,
    "pack2.sss": pack(16, "sss"), "pack2.uss": pack(16, "uss"), "pack4.sss": pack(32, "sss"),
    "pmin1.u": pminmax(8, False), "pmax1.u": pminmax(8, True),
    "pmin2": pminmax(16, False), "pmax2": pminmax(16, True),
    "psad1": psad1, "mux1": mux1, "mux2": mux2,
})
