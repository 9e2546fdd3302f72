"""The encoding-table language and the decode structures built from it.

The tables in ``frontend/tables/`` are data written in two small notations
(the QEMU decodetree idea, in Python strings):

Formats -- one line per instruction format, naming its bit fields::

    A4  r1:6:7 imm7b:13:7 r3:20:7 imm6d:27:6 ve:33:1 x2a:34:2 s:36:1 imm14=sx(cat(s,imm6d,imm7b))

``name:lo:width`` is a raw field of the slot (``name:L.lo:width`` takes the
bits from the L slot of an MLX bundle).  ``name=EXPR`` is a derived field:
a Python expression over earlier fields, where ``cat(a,b,..)`` concatenates
fields (the first is most significant) and ``sx(x)``/``sx(x,n)`` sign-extends
a ``cat`` (or ``x`` as an ``n``-bit value).  Every format also has ``qp``
(bits 0-5) and ``op`` (bits 37-40).

Rows -- one line per instruction (or pseudo-op) encoding::

    A4  adds   op=8 x2a=2 ve=0            | r1=imm14,r3
    A4  mov    op=8 x2a=2 ve=0 imm14==0   | r1=r3

``field=value`` constrains raw bits (it is what the decode tree switches on);
any other constraint (``imm14==0``, ``f2==f3``) is a Python condition checked
after the bits match.  More specific rows win: more constrained bits, then
more conditions, then table order.  The operand template is printed with
every token that names a field replaced by its value (``field:style``
chooses the style: gr fr pr br ar cr d u x rel, or one a table adds); other
tokens are printed literally.  A third ``|`` part holds flags (``nopred``:
the predicate is never printed).
"""

from __future__ import annotations

import builtins
import re
import types
from dataclasses import dataclass, field

_RAW_RE = re.compile(r"^(\w+):(L\.)?(\d+):(\d+)$")
_CAT_RE = re.compile(r"cat\(([\w\s,]+)\)")
_SX_RE = re.compile(r"sx\(\s*(__cat\d+)\s*\)")
_TOKEN_RE = re.compile(r"[A-Za-z_][\w.]*(?::\w+)?|.")


def sx(value: int, bits: int) -> int:
    """Sign-extend a ``bits``-wide value."""
    sign = 1 << (bits - 1)
    return ((value & ((1 << bits) - 1)) ^ sign) - sign


class TableError(Exception):
    """An encoding table is malformed or ambiguous."""


@dataclass
class Format:
    name: str
    raw: list           # [(name, from_l_slot, lo, width)]
    derived: list       # [(name, python expression)]
    widths: dict        # field name -> width in bits, where known

    @property
    def field_names(self) -> list:
        return [r[0] for r in self.raw] + [d[0] for d in self.derived]

    def raw_mask(self, name: str) -> tuple:
        for fname, from_l, lo, width in self.raw:
            if fname == name:
                if from_l:
                    raise TableError(f"{self.name}: cannot constrain L-slot field {name}")
                return lo, width
        raise TableError(f"{self.name}: no raw field {name!r}")


def parse_formats(text: str) -> dict:
    formats = {}
    for line in _lines(text):
        name, *specs = line.split()
        raw = [("qp", False, 0, 6), ("op", False, 37, 4)]
        derived = []
        widths = {"qp": 6, "op": 4}
        for spec in specs:
            m = _RAW_RE.match(spec)
            if m:
                fname, lflag, lo, width = m.group(1), bool(m.group(2)), int(m.group(3)), int(m.group(4))
                raw.append((fname, lflag, lo, width))
                widths[fname] = width
                continue
            if "=" not in spec:
                raise TableError(f"format {name}: bad field spec {spec!r}")
            fname, expr = spec.split("=", 1)
            derived.append((fname, _expand(expr, widths, fname)))
        if name in formats:
            raise TableError(f"format {name} defined twice")
        formats[name] = Format(name, raw, derived, widths)
    return formats


def _expand(expr: str, widths: dict, target: str) -> str:
    """Rewrite cat()/sx() into plain Python; record the result's width."""
    cats = {}

    def cat_sub(m):
        names = [n.strip() for n in m.group(1).split(",")]
        total = 0
        parts = []
        for n in reversed(names):
            if n not in widths:
                raise TableError(f"cat(): width of {n!r} unknown")
            parts.append(f"({n}<<{total})" if total else n)
            total += widths[n]
        key = f"__cat{len(cats)}"
        cats[key] = ("(" + "|".join(reversed(parts)) + ")", total)
        return key

    out = _CAT_RE.sub(cat_sub, expr)
    out = _SX_RE.sub(lambda m: f"_sx({m.group(1)},{cats[m.group(1)][1]})", out)
    out = re.sub(r"\bsx\(", "_sx(", out)
    for key, (code, width) in cats.items():
        out = out.replace(key, code)
    if out == next(iter(cats.values()), ("", 0))[0]:
        widths[target] = next(iter(cats.values()))[1]
    return out


@dataclass
class Row:
    """One encoding: the unit type, its format and how it prints."""

    type: str           # A I M B F X
    fmt: Format
    mnemonic: str
    mask: int
    value: int
    conditions: list    # python expressions over fields
    operands: str       # operand template
    flags: frozenset
    order: int          # position in its table: the last tie-break
    index: int = -1     # global row number, set by the registry
    cond_fn: object = None
    extract: object = None
    specificity: tuple = field(default=(0, 0, 0))

    @property
    def format(self) -> str:
        return self.fmt.name

    def __repr__(self):
        return f"<Row {self.type}/{self.fmt.name} {self.mnemonic} {self.operands}>"


def parse_rows(text: str, type_: str, formats: dict, start_order: int = 0) -> list:
    rows = []
    for n, line in enumerate(_lines(text)):
        parts = [p.strip() for p in line.split("|")]
        head = parts[0].split()
        if len(head) < 2:
            raise TableError(f"row {line!r}: need FORMAT MNEMONIC")
        fmt_name, mnemonic, *cons = head
        if fmt_name not in formats:
            raise TableError(f"row {line!r}: unknown format {fmt_name}")
        fmt = formats[fmt_name]
        operands = parts[1] if len(parts) > 1 else ""
        flags = frozenset(parts[2].split()) if len(parts) > 2 else frozenset()
        mask = value = 0
        conditions = []
        for c in cons:
            m = re.match(r"^(\w+)=(0x[0-9a-fA-F]+|0b[01]+|\d+)$", c)
            if m:
                lo, width = fmt.raw_mask(m.group(1))
                v = int(m.group(2), 0)
                if v >> width:
                    raise TableError(f"row {line!r}: {c} does not fit {width} bits")
                fmask = ((1 << width) - 1) << lo
                if mask & fmask:
                    raise TableError(f"row {line!r}: {m.group(1)} constrained twice")
                mask |= fmask
                value |= v << lo
            else:
                conditions.append(c)
        if not (mask >> 37) & 0xF == 0xF:
            raise TableError(f"row {line!r}: every row must fix op")
        row = Row(type_, fmt, mnemonic, mask, value, conditions, operands, flags,
                  start_order + n)
        row.specificity = (bin(mask).count("1"), len(conditions), -row.order)
        rows.append(row)
    return rows


def _lines(text: str):
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield line


# ---------------------------------------------------------------- code generation

def compile_extractor(fmt: Format):
    """Return f(slot, lslot) -> dict of every field of ``fmt``."""
    return make_function(extractor_code(fmt))


def extractor_code(fmt: Format):
    """The code object of ``fmt``'s extractor (see ``compile_extractor``)."""
    # The slot arguments get names no field can have: a field called s
    # (immediate sign) or l must not shadow them for the fields after it.
    lines = ["def extract(_slot, _lslot):"]
    for name, from_l, lo, width in fmt.raw:
        src = "_lslot" if from_l else "_slot"
        lines.append(f"    {name} = ({src} >> {lo}) & {(1 << width) - 1:#x}")
    for name, expr in fmt.derived:
        lines.append(f"    {name} = {expr}")
    names = fmt.field_names
    lines.append("    return {" + ", ".join(f"{n!r}: {n}" for n in names) + "}")
    ns = _namespace()
    exec("\n".join(lines), ns)
    return ns["extract"].__code__


def compile_conditions(row: Row):
    """f(fields) -> whether the row's extra conditions hold; None if it has none."""
    code = condition_code(row)
    return None if code is None else make_function(code)


def condition_code(row: Row):
    """The code object of ``compile_conditions(row)``, or None."""
    if not row.conditions:
        return None
    expr = " and ".join(f"({c})" for c in row.conditions)
    names = row.fmt.field_names
    for n in names:
        expr = re.sub(rf"\b{n}\b", f"f[{n!r}]", expr)
    return eval(f"lambda f: {expr}", _namespace()).__code__


def _namespace() -> dict:
    """The globals generated functions see."""
    return {"_sx": sx, "__builtins__": builtins}


def make_function(code):
    """A function of a code object made by ``extractor_code``/``condition_code``
    (also one loaded back from frontend.cache)."""
    return types.FunctionType(code, _namespace())


def operand_tokens(template: str, fmt: Format):
    """Split an operand template into ('lit', text) and ('field', name, style)."""
    out = []
    names = set(fmt.field_names)
    for tok in _TOKEN_RE.findall(template.replace(" ", "")):
        name, _, style = tok.partition(":")
        if name in names:
            out.append(("field", name, style or default_style(name)))
        elif style:
            raise TableError(f"operand {tok!r}: {name} is not a field of {fmt.name}")
        else:
            out.append(("lit", tok))
    return out


def default_style(name: str) -> str:
    m = re.match(r"^(r|f|p|b|ar|cr)\d*$", name)
    if m:
        return {"r": "gr", "f": "fr", "p": "pr", "b": "br", "ar": "ar", "cr": "cr"}[m.group(1)]
    return "d"


# ---------------------------------------------------------------- decode trees

_MAX_SWITCH_BITS = 12


class Node:
    """Switch on ``slot & mask``; children maps key -> Node | leaf tuple."""

    __slots__ = ("mask", "children", "default")

    def __init__(self, mask, children, default):
        self.mask, self.children, self.default = mask, children, default


def build_tree(rows: list):
    """Decision tree over raw bits; leaves are tuples of rows, best first."""
    rows = sorted(rows, key=lambda r: r.specificity, reverse=True)
    return _build(rows, 0, {})


def _leaf(rows):
    return tuple((r.mask, r.value, r) for r in rows)


def _build(rows, consumed, memo):
    """``rows``: candidates (best first) once the ``consumed`` bits are known."""
    key = (consumed, tuple(r.index for r in rows))
    if key in memo:
        return memo[key]
    if len(rows) <= 2:
        memo[key] = result = _leaf(rows)
        return result
    counts = {}
    for r in rows:
        m = r.mask & ~consumed
        while m:
            low = m & -m
            b = low.bit_length() - 1
            counts[b] = counts.get(b, 0) + 1
            m ^= low
    # Switch on the bits that the most rows constrain.
    ranked = sorted(counts, key=lambda b: (-counts[b], b))
    best = counts[ranked[0]] if ranked else 0
    chosen = [b for b in ranked if counts[b] * 2 >= best][:_MAX_SWITCH_BITS]
    if not chosen or best <= 1:
        memo[key] = result = _leaf(rows)
        return result
    smask = 0
    for b in chosen:
        smask |= 1 << b
    buckets = {}
    for r in rows:
        fixed = r.value & r.mask & smask
        free_bits = [1 << b for b in chosen if not r.mask >> b & 1]
        for k in range(1 << len(free_bits)):
            kval = fixed
            for i, bit in enumerate(free_bits):
                if k >> i & 1:
                    kval |= bit
            buckets.setdefault(kval, []).append(r)
    inner = consumed | smask
    children = {kval: _build(sub, inner, memo) for kval, sub in buckets.items()}
    memo[key] = node = Node(smask, children, ())
    return node
