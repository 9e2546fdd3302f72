"""LLVM IR as text, built directly: the JIT's IR builder.

The IR emitter (translator/irgen.py) builds one function per guest block,
about a thousand instructions each.  llvmlite's ``ir`` layer spent ~37 ms
per block on that (object graph, name uniquing, then ``str()``) -- half of
all compile time -- while writing the same text is a few string
formats.  LLVM still parses, checks, optimises and compiles it through
llvmlite's binding (``llvm.parse_assembly``), as before.

The interface keeps llvmlite.ir's names (``IRBuilder.add``, ``if_then``,
``Constant`` ...) so the emitter reads the same.  Pointers are opaque
(``ptr``); a pointer value remembers the type it points to, so ``load``
needs no type argument.  Operations on constants are folded here, and
identities (``x + 0``, ``x * 1`` ...) emit nothing: the semantics are
written for clarity, and the fewer lines LLVM reads the less it costs.
"""

from __future__ import annotations

from contextlib import contextmanager

__all__ = ["IntType", "PTR", "DOUBLE", "X86_FP80", "Constant", "Module", "Function",
           "IRBuilder", "Value"]


class Type:
    __slots__ = ("name", "width")

    def __init__(self, name, width=0):
        self.name, self.width = name, width

    def __str__(self):
        return self.name

    def __repr__(self):
        return self.name


_INTS = {}


def IntType(bits: int) -> Type:
    t = _INTS.get(bits)
    if t is None:
        t = _INTS[bits] = Type(f"i{bits}", bits)
    return t


PTR = Type("ptr", 64)
DOUBLE = Type("double", 64)
X86_FP80 = Type("x86_fp80", 80)


class Value:
    """An SSA value: its type and how the text names it (``%v12``)."""
    __slots__ = ("type", "ref", "pointee")

    def __init__(self, ty, ref, pointee=None):
        self.type, self.ref, self.pointee = ty, ref, pointee

    def __str__(self):
        return self.ref


_CONSTANTS = {}      # (type, value) -> Constant


class Constant(Value):
    """A constant (one object per type and value: a few hundred are made
    per block, mostly the same few)."""
    __slots__ = ("constant",)

    def __new__(cls, ty, v):
        c = _CONSTANTS.get((ty, v))
        if c is None:
            if len(_CONSTANTS) >= 1 << 16:
                _CONSTANTS.clear()
            c = _CONSTANTS[(ty, v)] = object.__new__(cls)
            v &= (1 << ty.width) - 1
            c.constant = v
            c.type, c.pointee = ty, None
            c.ref = ("true" if v else "false") if ty.width == 1 else str(v)
        return c

    def __init__(self, ty, v):
        pass


def _signed(v, bits):
    return v - (1 << bits) if v >> (bits - 1) else v


_ICMP = {"==": "eq", "!=": "ne", "<": "ult", "<=": "ule", ">": "ugt", ">=": "uge"}
_ICMP_S = {"==": "eq", "!=": "ne", "<": "slt", "<=": "sle", ">": "sgt", ">=": "sge"}
_CMP_FOLD = {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b,
             "ult": lambda a, b: a < b, "ule": lambda a, b: a <= b,
             "ugt": lambda a, b: a > b, "uge": lambda a, b: a >= b}

# Branch weights for if_then(likely=...): metadata !0 (likely), !1 (unlikely).
_WEIGHTS = ('!0 = !{!"branch_weights", i32 2000, i32 1}\n'
            '!1 = !{!"branch_weights", i32 1, i32 2000}\n')


def _arms(incoming):
    return ", ".join(f"[ {v.ref}, %{name} ]" for v, name in incoming)


def phi_line(result, incoming):
    """A phi defining ``result`` (a Value named in advance), as a line."""
    return f"  {result.ref} = phi {result.type} {_arms(incoming)}"


class Module:
    def __init__(self, name=""):
        self.name = name
        self.triple = ""
        self.functions = []
        self._declared = {}          # name -> declaration line

    def declare(self, name, ret, argtys):
        """A function defined outside the module (an intrinsic); the value
        names it, and its ``pointee`` is the result type (for ``call``)."""
        if name not in self._declared:
            self._declared[name] = \
                f"declare {ret} @{name}({', '.join(str(t) for t in argtys)})"
        return Value(PTR, "@" + name, pointee=ret)

    def remove(self, fn):
        if fn in self.functions:
            self.functions.remove(fn)

    def __str__(self):
        head = f'; ModuleID = "{self.name}"\n'
        if self.triple:
            head += f'target triple = "{self.triple}"\n'
        body = "\n".join(str(f) for f in self.functions)
        decls = "\n".join(self._declared.values())
        return f"{head}\n{body}\n{decls}\n{_WEIGHTS}"


class Block:
    __slots__ = ("fn", "name", "lines", "terminated")

    def __init__(self, fn, name):
        self.fn, self.name, self.lines, self.terminated = fn, name, [], False

    @property
    def is_terminated(self):
        return self.terminated


class Function:
    """``define ret @name(args)``; ``args`` are (type, name) pairs."""

    def __init__(self, module, ret, args, name):
        self.module, self.ret, self.name = module, ret, name
        self.args = [Value(t, f"%{n}", pointee=None) for t, n in args]
        self._params = ", ".join(f"{t} %{n}" for t, n in args)
        self.blocks = []
        self._n = 0
        self._labels = set()
        module.functions.append(self)

    def tmp(self):
        self._n += 1
        return f"%v{self._n}"

    def append_basic_block(self, name="bb"):
        label = name
        if label in self._labels:
            self._n += 1
            label = f"{name}{self._n}"
        self._labels.add(label)
        bb = Block(self, label)
        self.blocks.append(bb)
        return bb

    def __str__(self):
        out = [f"define {self.ret} @\"{self.name}\"({self._params}) {{"]
        for bb in self.blocks:
            out.append(bb.name + ":")
            out.extend(bb.lines)
        out.append("}")
        return "\n".join(out)


class IRBuilder:
    def __init__(self, block=None, flow=None):
        """``flow``: what keeps values across branches (the emitter's
        register cache): ``snapshot()``, ``restore(snap)`` and
        ``merge(builder, arms)`` at a merge block, arms being (snapshot,
        predecessor name) of the edges that reach it."""
        self.block = block
        self.flow = flow

    def position_at_end(self, block):
        self.block = block

    def _emit(self, text, ty, pointee=None):
        assert not self.block.terminated, "instruction after the block's terminator"
        ref = self.block.fn.tmp()
        self.block.lines.append(f"  {ref} = {text}")
        return Value(ty, ref, pointee)

    def _line(self, text):
        assert not self.block.terminated, "instruction after the block's terminator"
        self.block.lines.append("  " + text)

    # ------------------------------------------------------------ arithmetic
    def _binop(self, op, a, b, fold):
        ty = a.type
        if isinstance(a, Constant) and isinstance(b, Constant) and fold is not None:
            r = fold(a.constant, b.constant, ty.width)
            if r is not None:
                return Constant(ty, r)
        return self._emit(f"{op} {ty} {a.ref}, {b.ref}", ty)

    def add(self, a, b):
        if isinstance(b, Constant) and b.constant == 0:
            return a
        if isinstance(a, Constant) and a.constant == 0:
            return b
        return self._binop("add", a, b, lambda x, y, w: x + y)

    def sub(self, a, b):
        if isinstance(b, Constant) and b.constant == 0:
            return a
        return self._binop("sub", a, b, lambda x, y, w: x - y)

    def mul(self, a, b):
        if isinstance(b, Constant) and b.constant == 1:
            return a
        if isinstance(a, Constant) and a.constant == 1:
            return b
        return self._binop("mul", a, b, lambda x, y, w: x * y)

    def and_(self, a, b):
        m = (1 << a.type.width) - 1
        if isinstance(b, Constant) and b.constant == m:
            return a
        if isinstance(a, Constant) and a.constant == m:
            return b
        return self._binop("and", a, b, lambda x, y, w: x & y)

    def or_(self, a, b):
        if isinstance(b, Constant) and b.constant == 0:
            return a
        if isinstance(a, Constant) and a.constant == 0:
            return b
        return self._binop("or", a, b, lambda x, y, w: x | y)

    def xor(self, a, b):
        if isinstance(b, Constant) and b.constant == 0:
            return a
        return self._binop("xor", a, b, lambda x, y, w: x ^ y)

    def not_(self, a):
        return self.xor(a, Constant(a.type, -1))

    def neg(self, a):
        return self.sub(Constant(a.type, 0), a)

    def shl(self, a, n):
        if isinstance(n, Constant) and n.constant == 0:
            return a
        return self._binop("shl", a, n, lambda x, y, w: x << y if y < w else None)

    def lshr(self, a, n):
        if isinstance(n, Constant) and n.constant == 0:
            return a
        return self._binop("lshr", a, n, lambda x, y, w: x >> y if y < w else None)

    def ashr(self, a, n):
        if isinstance(n, Constant) and n.constant == 0:
            return a
        return self._binop("ashr", a, n,
                           lambda x, y, w: _signed(x, w) >> y if y < w else None)

    def udiv(self, a, b):
        return self._binop("udiv", a, b, lambda x, y, w: x // y if y else None)

    def urem(self, a, b):
        return self._binop("urem", a, b, lambda x, y, w: x % y if y else None)

    # ------------------------------------------------------------ comparisons
    def _icmp(self, pred, a, b):
        if isinstance(a, Constant) and isinstance(b, Constant):
            w = a.type.width
            x, y = a.constant, b.constant
            if pred[0] == "s":
                x, y, pred = _signed(x, w), _signed(y, w), "u" + pred[1:]
            return Constant(I1, 1 if _CMP_FOLD[pred](x, y) else 0)
        return self._emit(f"icmp {pred} {a.type} {a.ref}, {b.ref}", I1)

    def icmp_unsigned(self, op, a, b):
        return self._icmp(_ICMP[op], a, b)

    def icmp_signed(self, op, a, b):
        return self._icmp(_ICMP_S[op], a, b)

    def select(self, c, a, b):
        if isinstance(c, Constant):
            return a if c.constant else b
        if a.ref == b.ref:
            return a
        return self._emit(f"select i1 {c.ref}, {a.type} {a.ref}, {b.type} {b.ref}", a.type)

    # ------------------------------------------------------------ casts
    def zext(self, a, ty):
        if isinstance(a, Constant):
            return Constant(ty, a.constant)
        return self._emit(f"zext {a.type} {a.ref} to {ty}", ty)

    def sext(self, a, ty):
        if isinstance(a, Constant):
            return Constant(ty, _signed(a.constant, a.type.width))
        return self._emit(f"sext {a.type} {a.ref} to {ty}", ty)

    def trunc(self, a, ty):
        if isinstance(a, Constant):
            return Constant(ty, a.constant)
        return self._emit(f"trunc {a.type} {a.ref} to {ty}", ty)

    def bitcast(self, a, ty):
        return self._emit(f"bitcast {a.type} {a.ref} to {ty}", ty)

    def inttoptr(self, a, pointee=None):
        """An opaque pointer; ``pointee``: the type a load through it reads."""
        return self._emit(f"inttoptr {a.type} {a.ref} to ptr", PTR, pointee)

    def ptrtoint(self, a, ty):
        return self._emit(f"ptrtoint ptr {a.ref} to {ty}", ty)

    # ------------------------------------------------------------ memory
    def alloca(self, ty):
        return self._emit(f"alloca {ty}", PTR, ty)

    def load(self, p, align=None):
        ty = p.pointee
        a = f", align {align}" if align else ""
        return self._emit(f"load {ty}, ptr {p.ref}{a}", ty)

    def store(self, v, p, align=None):
        a = f", align {align}" if align else ""
        self._line(f"store {v.type} {v.ref}, ptr {p.ref}{a}")

    def gep(self, base, indices, inbounds=False, pointee=None, elem=None):
        """``base`` + index * sizeof(``elem``) (``indices``: one i64;
        ``elem`` i8 unless given)."""
        (off,) = indices
        if isinstance(off, Constant) and off.constant == 0:
            return Value(PTR, base.ref, pointee)
        ib = "inbounds " if inbounds else ""
        return self._emit(f"getelementptr {ib}{elem or I8}, ptr {base.ref}, i64 {off.ref}",
                          PTR, pointee)

    # ------------------------------------------------------------ calls
    def call(self, fn, args, ret=None, tail=""):
        """Call ``fn`` (a declared function or a function pointer); ``ret``
        is the result type (i64 unless given); ``tail``: "" or "musttail"
        (a jump: the caller must return the result at once)."""
        ret = ret or fn.pointee or I64
        argl = ", ".join(f"{a.type} {a.ref}" for a in args)
        kind = f"{tail} call" if tail else "call"
        if ret.name == "void":
            self._line(f"{kind} void {fn.ref}({argl})")
            return None
        return self._emit(f"{kind} {ret} {fn.ref}({argl})", ret)

    def phi(self, ty, incoming):
        """``incoming``: (value, predecessor block name) pairs; one value
        for all of them needs no phi."""
        first = incoming[0][0]
        ref = first.ref
        for v, _ in incoming:
            if v.ref != ref:
                break
        else:
            return first
        assert not self.block.lines or "= phi " in self.block.lines[-1], \
            "phi after a non-phi instruction"
        return self._emit(f"phi {ty} {_arms(incoming)}", ty)

    # ------------------------------------------------------------ control
    def branch(self, target):
        self._line(f"br label %{target.name}")
        self.block.terminated = True

    def cbranch(self, c, t, f, likely=None):
        # (not folded when c is constant: a merge's phis list both edges)
        prof = "" if likely is None else (", !prof !0" if likely else ", !prof !1")
        self._line(f"br i1 {c.ref}, label %{t.name}, label %{f.name}{prof}")
        self.block.terminated = True

    def switch(self, v, default, cases):
        """``cases``: (constant int, block) pairs."""
        arms = " ".join(f"{v.type} {k}, label %{bb.name}" for k, bb in cases)
        self._line(f"switch {v.type} {v.ref}, label %{default.name} [{arms}]")
        self.block.terminated = True

    def ret(self, v):
        self._line(f"ret {v.type} {v.ref}")
        self.block.terminated = True

    def unreachable(self):
        self._line("unreachable")
        self.block.terminated = True

    @contextmanager
    def if_then(self, c, likely=None):
        fn = self.block.fn
        flow = self.flow
        then = fn.append_basic_block("if")
        merge = fn.append_basic_block("endif")
        arms = [(flow.snapshot() if flow else None, self.block.name)]
        self.cbranch(c, then, merge, likely)
        self.position_at_end(then)
        yield then
        if not self.block.terminated:
            arms.append((flow.snapshot() if flow else None, self.block.name))
            self.branch(merge)
        self.position_at_end(merge)
        if flow:
            flow.merge(self, arms)

    @contextmanager
    def if_else(self, c, likely=None):
        fn = self.block.fn
        flow = self.flow
        then = fn.append_basic_block("if")
        other = fn.append_basic_block("else")
        merge = fn.append_basic_block("endif")
        pre = flow.snapshot() if flow else None
        arms = []
        self.cbranch(c, then, other, likely)

        @contextmanager
        def arm(bb):
            self.position_at_end(bb)
            if flow:
                flow.restore(pre)
            yield bb
            if not self.block.terminated:
                arms.append((flow.snapshot() if flow else None, self.block.name))
                self.branch(merge)

        yield arm(then), arm(other)
        self.position_at_end(merge)
        if flow:
            flow.merge(self, arms) if arms else flow.restore(pre)


I1, I8, I64 = IntType(1), IntType(8), IntType(64)
