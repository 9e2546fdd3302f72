"""Integer multimedia: parallel arithmetic on 1/2/4-byte elements of a GR.

A9  padd/psub (modulo, .sss, .uus, .uuu), pavg[.raz], pavgsub, pcmp.eq/.gt
A10 pshladd2, pshradd2
I1  pmpyshr2[.u]
I2  pmpy2.r/.l, mix, pack, unpack, pmin/pmax, psad1, mpy4, mpyshl4
I3  mux1 (@brcst @mix @shuf @alt @rev);  I4 mux2 (mhtype8)
I5-I8 pshr2/4[.u], pshl2/4 by register and by immediate

Element k of a register is bits k*w .. k*w+w-1 (element 0 is the least
significant).  Elements are taken apart with shifts and masks, worked on
as 64-bit values (sign- or zero-extended, so sums and products are exact),
saturated with compare+select, and put back with shifts and ors; the IR
optimiser turns the constant shifts and masks into little.  The result's
NaT is the OR of the sources' NaTs (SDM vol. 3, each instruction's
operation section); none of these instructions consumes a NaT.
"""

from __future__ import annotations

from .. import faults
from . import sem

M64 = (1 << 64) - 1


# ------------------------------------------------------------ element plumbing

def _width(mnemonic):
    """Element width in bits from the digit after the base name (padd2 -> 16)."""
    base = mnemonic.split(".")[0]
    return 8 * int(base[-1])


def _rep(pattern, w):
    """``pattern`` (a w-bit value) repeated in every element."""
    v = 0
    for k in range(64 // w):
        v |= pattern << (k * w)
    return v


def _nat2(e, an, bn):
    if isinstance(an, int) and an == 0:
        return bn
    if isinstance(bn, int) and bn == 0:
        return an
    return e.lor(an, bn)


def _shr(e, v, n):
    return e.lshr(v, n) if n else v


def _zelems(e, v, w):
    """Elements of v, zero-extended."""
    n = 64 // w
    mask = e.const((1 << w) - 1)
    out = []
    for k in range(n):
        x = _shr(e, v, k * w)
        out.append(x if k == n - 1 else e.and_(x, mask))
    return out


def _selems(e, v, w):
    """Elements of v, sign-extended to 64 bits."""
    n = 64 // w
    out = []
    for k in range(n):
        if k == n - 1:
            out.append(e.ashr(v, k * w) if k else e.sext(v, w))
        else:
            out.append(e.sext(_shr(e, v, k * w), w))
    return out


def _join(e, elems, w):
    """Put elements (only their low w bits count) back into one value."""
    mask = e.const((1 << w) - 1)
    acc = None
    n = len(elems)
    for k, x in enumerate(elems):
        if k < n - 1 or k == 0:
            x = e.and_(x, mask)
        if k:
            x = e.shl(x, k * w)
        acc = x if acc is None else e.or_(acc, x)
    return acc


def _sat_s(e, x, w):
    """Signed saturation of a 64-bit signed value to w bits."""
    hi = (1 << (w - 1)) - 1
    lo = -(1 << (w - 1))
    x = e.select(e.sgt(x, e.const(hi)), e.const(hi), x)
    return e.select(e.slt(x, e.const(lo)), e.const(lo), x)


def _sat_u(e, x, w, low=True, high=True):
    """Unsigned saturation of a 64-bit signed value to w bits."""
    if high:
        x = e.select(e.sgt(x, e.const((1 << w) - 1)), e.const((1 << w) - 1), x)
    if low:
        x = e.select(e.slt(x, e.const(0)), e.const(0), x)
    return x


def _srcs(e, i):
    a, an = e.read_gr(i.r2)
    b, bn = e.read_gr(i.r3)
    return a, b, _nat2(e, an, bn)


# ------------------------------------------------------------ A9: padd / psub

@sem(r"^padd[124](\.(sss|uus|uuu))?$", formats=("A9",))
@sem(r"^psub[124](\.(sss|uus|uuu))?$", formats=("A9",))
def padd_psub(e, i):
    parts = i.mnemonic.split(".")
    w = _width(i.mnemonic)
    sub = parts[0].startswith("psub")
    sat = parts[1] if len(parts) > 1 else ""
    a, b, nat = _srcs(e, i)
    if not sat:
        # Modulo: carries stopped at element boundaries (no element loop).
        h = _rep(1 << (w - 1), w)
        low = e.const(M64 ^ h)
        hm = e.const(h)
        if sub:
            d = e.sub(e.or_(a, hm), e.and_(b, low))
            r = e.xor(d, e.and_(e.xor(a, e.not_(b)), hm))
        else:
            s = e.add(e.and_(a, low), e.and_(b, low))
            r = e.xor(s, e.and_(e.xor(a, b), hm))
        e.write_gr(i.r1, r, nat)
        return
    xa = _selems(e, a, w) if sat == "sss" else _zelems(e, a, w)
    xb = _zelems(e, b, w) if sat == "uuu" else _selems(e, b, w)
    op = e.sub if sub else e.add
    res = []
    for x, y in zip(xa, xb):
        t = op(x, y)
        if sat == "sss":
            t = _sat_s(e, t, w)
        elif sat == "uus":
            t = _sat_u(e, t, w)
        else:   # uuu: an unsigned sum can only overflow, a difference only underflow
            t = _sat_u(e, t, w, low=sub, high=not sub)
        res.append(t)
    e.write_gr(i.r1, _join(e, res, w), nat)


# ------------------------------------------------------------ A9: pavg, pavgsub, pcmp

@sem("pavg1", "pavg2", "pavg1.raz", "pavg2.raz", formats=("A9",))
def pavg(e, i):
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    h = _rep(1 << (w - 1), w)
    x = e.xor(a, b)
    half = e.and_(e.lshr(x, 1), e.const(M64 ^ h))       # per-element (a^b)>>1
    if i.mnemonic.endswith(".raz"):
        # (a + b + 1) >> 1  ==  (a | b) - ((a ^ b) >> 1)
        r = e.sub(e.or_(a, b), half)
    else:
        # ((a + b) >> 1) | ((a + b) & 1)
        floor = e.add(e.and_(a, b), half)
        r = e.or_(floor, e.and_(x, e.const(_rep(1, w))))
    e.write_gr(i.r1, r, nat)


@sem("pavgsub1", "pavgsub2", formats=("A9",))
def pavgsub(e, i):
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    res = []
    for x, y in zip(_zelems(e, a, w), _zelems(e, b, w)):
        d = e.sub(x, y)                       # w+1-bit signed difference
        res.append(e.or_(e.ashr(d, 1), e.and_(d, e.const(1))))
    e.write_gr(i.r1, _join(e, res, w), nat)


@sem(r"^pcmp[124]\.(eq|gt)$", formats=("A9",))
def pcmp(e, i):
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    ones, zero = e.const((1 << w) - 1), e.const(0)
    if i.mnemonic.endswith(".eq"):
        pairs, rel = zip(_zelems(e, a, w), _zelems(e, b, w)), e.eq
    else:
        pairs, rel = zip(_selems(e, a, w), _selems(e, b, w)), e.sgt
    res = [e.select(rel(x, y), ones, zero) for x, y in pairs]
    e.write_gr(i.r1, _join(e, res, w), nat)


# ------------------------------------------------------------ A10: pshladd2, pshradd2

@sem("pshladd2", "pshradd2", formats=("A10",))
def pshadd2(e, i):
    a, b, nat = _srcs(e, i)
    c = i.count2
    hi, lo = e.const(0x7FFF), e.const(-0x8000)
    res = []
    for x, y in zip(_selems(e, a, 16), _selems(e, b, 16)):
        if i.mnemonic == "pshradd2":
            res.append(_sat_s(e, e.add(e.ashr(x, c), y), 16))
            continue
        t = e.shl(x, c)
        s = _sat_s(e, e.add(t, y), 16)
        # A shift that overflows saturates the result whatever the addend.
        s = e.select(e.sgt(t, hi), hi, s)
        res.append(e.select(e.slt(t, lo), lo, s))
    e.write_gr(i.r1, _join(e, res, 16), nat)


# ------------------------------------------------------------ I1/I2: multiplies

@sem("pmpyshr2", "pmpyshr2.u", formats=("I1",))
def pmpyshr2(e, i):
    a, b, nat = _srcs(e, i)
    get = _zelems if i.mnemonic.endswith(".u") else _selems
    c = i.count2
    # Bits count2+15..count2 of the exact 32-bit product (a 64-bit value
    # here, so a logical shift sees the right sign bits).
    res = [_shr(e, e.mul(x, y), c) for x, y in zip(get(e, a, 16), get(e, b, 16))]
    e.write_gr(i.r1, _join(e, res, 16), nat)


@sem("pmpy2.r", "pmpy2.l", formats=("I2",))
def pmpy2(e, i):
    a, b, nat = _srcs(e, i)
    xa, xb = _selems(e, a, 16), _selems(e, b, 16)
    k = 1 if i.mnemonic.endswith(".l") else 0
    res = [e.mul(xa[k], xb[k]), e.mul(xa[k + 2], xb[k + 2])]
    e.write_gr(i.r1, _join(e, res, 32), nat)


@sem("mpy4", formats=("I2",))
def mpy4(e, i):
    a, b, nat = _srcs(e, i)
    e.write_gr(i.r1, e.mul(e.zext(a, 32), e.zext(b, 32)), nat)


@sem("mpyshl4", formats=("I2",))
def mpyshl4(e, i):
    """GR[r1] = (GR[r2]{63:32} * GR[r3]{31:0}) << 32 (unsigned).

    mpy4 + mpyshl4(a, b) + mpyshl4(b, a) is the low 64 bits of a*b."""
    a, b, nat = _srcs(e, i)
    e.write_gr(i.r1, e.shl(e.mul(e.lshr(a, 32), e.zext(b, 32)), 32), nat)


# ------------------------------------------------------------ I2: mix, pack, unpack

@sem(r"^mix[124]\.[lr]$", formats=("I2",))
def mix(e, i):
    """.l: res[2j+1] = r2[2j+1], res[2j] = r3[2j+1];
    .r: res[2j+1] = r2[2j],   res[2j] = r3[2j]."""
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    even = _rep((1 << w) - 1, 2 * w)          # elements 0, 2, 4, ...
    odd = M64 ^ even
    if i.mnemonic.endswith(".l"):
        r = e.or_(e.and_(a, e.const(odd)), e.and_(e.lshr(b, w), e.const(even)))
    else:
        r = e.or_(e.and_(e.shl(a, w), e.const(odd)), e.and_(b, e.const(even)))
    e.write_gr(i.r1, r, nat)


@sem("pack2.sss", "pack2.uss", "pack4.sss", formats=("I2",))
def pack(e, i):
    """Signed elements of r2 then r3, saturated to half width, r2's in the
    low half of the result."""
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    sat = _sat_u if i.mnemonic.endswith(".uss") else _sat_s
    res = [sat(e, x, w // 2) for x in _selems(e, a, w) + _selems(e, b, w)]
    e.write_gr(i.r1, _join(e, res, w // 2), nat)


@sem(r"^unpack[124]\.[hl]$", formats=("I2",))
def unpack(e, i):
    """Interleave the low (.l) or high (.h) halves: res[2j] = r3[j'],
    res[2j+1] = r2[j'] with j' = j (+ n/2 for .h)."""
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    n = 64 // w
    xa, xb = _zelems(e, a, w), _zelems(e, b, w)
    base = n // 2 if i.mnemonic.endswith(".h") else 0
    res = []
    for j in range(n // 2):
        res += [xb[base + j], xa[base + j]]
    e.write_gr(i.r1, _join(e, res, w), nat)


# ------------------------------------------------------------ I2: pmin, pmax, psad1

@sem("pmin1.u", "pmax1.u", "pmin2", "pmax2", formats=("I2",))
def pminmax(e, i):
    w = _width(i.mnemonic)
    a, b, nat = _srcs(e, i)
    if w == 8:
        pairs, less = zip(_zelems(e, a, 8), _zelems(e, b, 8)), e.ult
    else:
        pairs, less = zip(_selems(e, a, 16), _selems(e, b, 16)), e.slt
    is_min = i.mnemonic.startswith("pmin")
    res = []
    for x, y in pairs:
        c = less(x, y)          # min: r2 < r3 ? r2 : r3;  max: r2 < r3 ? r3 : r2
        res.append(e.select(c, x, y) if is_min else e.select(c, y, x))
    e.write_gr(i.r1, _join(e, res, w), nat)


@sem("psad1", formats=("I2",))
def psad1(e, i):
    a, b, nat = _srcs(e, i)
    acc = None
    for x, y in zip(_zelems(e, a, 8), _zelems(e, b, 8)):
        d = e.select(e.ult(x, y), e.sub(y, x), e.sub(x, y))
        acc = d if acc is None else e.add(acc, d)
    e.write_gr(i.r1, acc, nat)


# ------------------------------------------------------------ I3/I4: mux1, mux2

# mux1 permutations: result byte k = source byte PERM[k].
MUX1 = {
    0x0: (0, 0, 0, 0, 0, 0, 0, 0),      # @brcst
    0x8: (0, 4, 2, 6, 1, 5, 3, 7),      # @mix
    0x9: (0, 4, 1, 5, 2, 6, 3, 7),      # @shuf
    0xA: (0, 2, 4, 6, 1, 3, 5, 7),      # @alt
    0xB: (7, 6, 5, 4, 3, 2, 1, 0),      # @rev
}


def _permute(e, v, w, perm):
    xs = _zelems(e, v, w)
    return _join(e, [xs[p] for p in perm], w)


@sem("mux1", formats=("I3",))
def mux1(e, i):
    perm = MUX1.get(i.mbt4c)
    if perm is None:
        e.fault(faults.ILLEGAL_OPERATION, detail=f"reserved mux1 mbtype {i.mbt4c:#x}")
        return
    v, nat = e.read_gr(i.r2)
    e.write_gr(i.r1, _permute(e, v, 8, perm), nat)


@sem("mux2", formats=("I4",))
def mux2(e, i):
    v, nat = e.read_gr(i.r2)
    perm = [(i.mht8c >> (2 * k)) & 3 for k in range(4)]
    e.write_gr(i.r1, _permute(e, v, 16, perm), nat)


# ------------------------------------------------------------ I5-I8: parallel shifts

@sem("pshr2", "pshr4", "pshr2.u", "pshr4.u", formats=("I5", "I6"))
def pshr(e, i):
    """Data r3, count r2 (I5: the whole 64-bit value; a count of at least
    the element width shifts every bit out) or count5 (I6)."""
    w = _width(i.mnemonic)
    unsigned = i.mnemonic.endswith(".u")
    v, vn = e.read_gr(i.r3)
    if i.format == "I5":
        cnt, cn = e.read_gr(i.r2)
        nat = _nat2(e, vn, cn)
        if unsigned:
            res = [e.lshr_sat(x, cnt) for x in _zelems(e, v, w)]
        else:
            res = [e.ashr_sat(x, cnt) for x in _selems(e, v, w)]
        e.write_gr(i.r1, _join(e, res, w), nat)
        return
    c = min(i.count5b, w)
    if unsigned and c == w:
        r = e.const(0)
    elif unsigned:
        # One shift of the whole register; clear what came down from above.
        r = e.and_(_shr(e, v, c), e.const(_rep(((1 << w) - 1) >> c, w)))
    else:
        r = _join(e, [e.ashr(x, c) if c else x for x in _selems(e, v, w)], w)
    e.write_gr(i.r1, r, vn)


@sem("pshl2", "pshl4", formats=("I7", "I8"))
def pshl(e, i):
    """Data r2, count r3 (I7: the whole 64-bit value) or count5 (I8).  One
    shift of the whole register; the low ``count`` bits of every element
    (which came from the element below) are cleared."""
    w = _width(i.mnemonic)
    v, vn = e.read_gr(i.r2)
    ones = _rep(1, w)
    if i.format == "I7":
        cnt, cn = e.read_gr(i.r3)
        nat = _nat2(e, vn, cn)
        big = e.ugt(cnt, e.const(w - 1))
        c = e.select(big, e.const(0), cnt)
        low = e.mul(e.sub(e.shl(e.const(1), c), e.const(1)), e.const(ones))
        r = e.select(big, e.const(0), e.andcm(e.shl(v, c), low))
        e.write_gr(i.r1, r, nat)
        return
    c = i.count5
    if c >= w:
        r = e.const(0)
    else:
        r = e.and_(e.shl(v, c) if c else v, e.const(M64 ^ (ones * ((1 << c) - 1))))
    e.write_gr(i.r1, r, vn)
