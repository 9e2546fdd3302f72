"""Structured decoding of slots and bundles, driven by frontend/tables.

Everything else asks this module (never the bit layouts) what an
instruction is: ``decode_bundle(bytes)`` gives a ``Bundle`` whose slots
are ``Insn`` objects (or ``None`` where the encoding is reserved or not
decodable, exactly where objdump prints ``data8``).
"""

from __future__ import annotations

from . import encoding, operands
from .bundle import TEMPLATES, split
from .encoding import Node
from .tables import TABLES

TYPES = ("A", "I", "M", "B", "F", "X")


class Registry:
    """All rows of all tables, with one decode tree per instruction type.

    ``Registry(tables)`` builds it; ``Registry(tables, state)`` takes the
    derived structures from ``state`` (a ``state()`` stored by
    frontend.cache) instead of building them."""

    def __init__(self, tables, state=None):
        for tab in tables:
            for name, (kind, fn) in getattr(tab, "STYLES", {}).items():
                operands.register_style(name, kind, fn)
        if state is not None:
            self.rows, self.formats, self.trees = state["rows"], state["formats"], state["trees"]
            return
        self.rows = []
        self.formats = {}
        self.trees = {}
        by_type = {t: [] for t in TYPES}
        for tab in tables:
            fmts = encoding.parse_formats(tab.FORMATS)
            for name, fmt in fmts.items():
                if name in self.formats:
                    raise encoding.TableError(f"format {name} defined in two tables")
                self.formats[name] = fmt
            rows = encoding.parse_rows(tab.ROWS, tab.TYPE, fmts, len(self.rows))
            for r in rows:
                r.index = len(self.rows)
                self.rows.append(r)
                by_type[tab.TYPE].append(r)
        extractors = {name: encoding.compile_extractor(f) for name, f in self.formats.items()}
        for r in self.rows:
            r.extract = extractors[r.fmt.name]
            r.cond_fn = encoding.compile_conditions(r)
            r.tokens = encoding.operand_tokens(r.operands, r.fmt)
            r.num_outputs = _num_outputs(r.tokens)
            r.nopred = "nopred" in r.flags
        self._check_duplicates()
        for t, rows in by_type.items():
            self.trees[t] = encoding.build_tree(rows)

    def state(self) -> dict:
        """What ``Registry(tables, state)`` needs to stand for this registry."""
        return {"rows": self.rows, "formats": self.formats, "trees": self.trees}

    def _check_duplicates(self):
        seen = {}
        for r in self.rows:
            key = (r.type, r.mask, r.value, tuple(r.conditions))
            if key in seen:
                raise encoding.TableError(f"{r!r} and {seen[key]!r} have the same encoding")
            seen[key] = r


def _num_outputs(tokens) -> int:
    n = 0
    for t in tokens:
        if t[0] == "lit" and t[1] == "=":
            return n
        if t[0] == "field":
            n += 1
    return 0


def load_registry(tables=TABLES, directory=None):
    """(registry, how): from the on-disk cache of derived decode structures
    when it has a sound one for these tables and this engine, else built
    (and stored).  See frontend/cache.py."""
    from . import cache
    return cache.load_registry(tables, lambda: Registry(tables),
                               lambda state: Registry(tables, state), directory)


REGISTRY, REGISTRY_SOURCE = load_registry()
_TREES = REGISTRY.trees


class Insn:
    """One decoded instruction: its encoding row and its field values.

    Fields are plain attributes (``i.r1``, ``i.imm14``) and also the dict ``i.f``."""

    def __init__(self, row, fields):
        self.__dict__.update(fields)
        self.row = row
        self.f = fields

    # What the instruction is.
    @property
    def mnemonic(self) -> str:
        return self.row.mnemonic

    @property
    def format(self) -> str:
        return self.row.fmt.name

    @property
    def type(self) -> str:
        return self.row.type

    @property
    def qp(self) -> int:
        return self.f["qp"]

    @property
    def operands(self) -> tuple:
        """(kind, value) per operand field in print order; outputs first."""
        return tuple((operands.STYLES[t[2]][0], self.f[t[1]])
                     for t in self.row.tokens if t[0] == "field")

    @property
    def num_outputs(self) -> int:
        return self.row.num_outputs

    def operand_text(self, addr: int = 0, symbolize=None) -> str:
        fn = getattr(self.row, "_operand_text", None)
        if fn is None:
            key = tuple(self.row.tokens)
            fn = _OPERAND_TEXT.get(key)
            if fn is None:
                fn = _OPERAND_TEXT[key] = _compile_operand_text(key)
            self.row._operand_text = fn
        return fn(self.f, addr, symbolize)

    def text(self, addr: int = 0, symbolize=None) -> str:
        """objdump's text: predicate, mnemonic and operands."""
        pred = "" if (self.row.nopred or self.f["qp"] == 0) else "(p%02d) " % self.f["qp"]
        ops = self.operand_text(addr, symbolize)
        return pred + self.row.mnemonic + (" " + ops if ops else "")

    def __repr__(self):
        return f"<Insn {self.text()}>"


# Operand templates compiled by _compile_operand_text, by token tuple (many
# rows share one template; compiling costs far more than one call).
_OPERAND_TEXT = {}


def _rel_text(target: int, symbolize) -> str:
    target &= operands.MASK64
    return symbolize(target) if symbolize else f"0x{target:x}"


def _compile_operand_text(tokens):
    """f(fields, addr, symbolize) -> the operand text of a row's tokens:
    literals as they are, each field through its style (``rel``: the target
    address, symbolized when a symbolizer is given)."""
    ns = {"_rel": _rel_text}
    parts = []
    for i, t in enumerate(tokens):
        if t[0] == "lit":
            parts.append(repr(t[1]))
        elif t[2] == "rel":
            parts.append(f"_rel(addr + f[{t[1]!r}], symbolize)")
        else:
            ns[f"_s{i}"] = operands.STYLES[t[2]][1]
            parts.append(f"_s{i}(f[{t[1]!r}])")
    return eval(f"lambda f, addr, symbolize: ''.join(({''.join(p + ', ' for p in parts)}))", ns)


def slot_type(unit: str, slot: int) -> str | None:
    """The instruction type a slot of ``unit`` decodes as (A for op>=8 on M/I)."""
    if unit is None:
        return None
    if unit in "MI" and (slot >> 37) >= 8:
        return "A"
    return "X" if unit == "L" else unit


def decode_slot(type_: str, slot: int, lslot: int = 0, _trees=_TREES):
    """Decode one 41-bit slot of the given type; None if undecodable.
    (``_trees``: another registry's trees, for tests.)"""
    node = _trees[type_]
    while node.__class__ is Node:
        node = node.children.get(slot & node.mask, ())
    for mask, value, row in node:
        if slot & mask == value:
            f = row.extract(slot, lslot)
            if row.cond_fn is None or row.cond_fn(f):
                return Insn(row, f)
    return None


class Bundle:
    """A decoded bundle.  For MLX, ``insns[1]`` is the X-unit instruction
    (it uses both slot 1 and slot 2) and ``insns[2]`` is the same object."""

    __slots__ = ("template", "slots", "insns")

    def __init__(self, template, slots, insns):
        self.template = template
        self.slots = slots
        self.insns = insns

    @property
    def stops(self):
        return self.template.stops

    def __repr__(self):
        return f"<Bundle [{self.template.name}] {self.insns}>"


def decode_bundle(data) -> Bundle:
    code, s0, s1, s2 = split(data)
    tmpl = TEMPLATES[code]
    slots = (s0, s1, s2)
    if tmpl.units[0] is None:
        return Bundle(tmpl, slots, (None, None, None))
    u0, u1, u2 = tmpl.units
    i0 = decode_slot(slot_type(u0, s0), s0)
    if u1 == "L":
        x = decode_slot("X", s2, s1)
        return Bundle(tmpl, slots, (i0, x, x))
    return Bundle(tmpl, slots, (i0, decode_slot(slot_type(u1, s1), s1),
                                decode_slot(slot_type(u2, s2), s2)))
