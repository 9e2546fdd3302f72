"""Vectorized (numpy) decoding of many bundles at once.

``decode_many(data)`` splits N bundles into templates and slots with uint64
arithmetic and finds every slot's encoding row exactly as
``frontend.decoder.decode_slot`` would -- the same rows, the same priority
between them (more constrained bits, then more conditions, then table
order), the same extra conditions (``imm14==0``, ``f2==f3``, ...).

Nothing here knows a bit layout.  The lookup structures are derived once per
process from ``REGISTRY.rows`` (each row's type, mask, value, conditions and
format):

* Every slot starts at a *root node* chosen by its instruction type and major
  opcode (type A for M/I slots with op >= 8; the MLX X instruction decodes
  slot 2 with slot 1 as its L slot).
* A node switches on a set of slot bits: the union of the bits its candidate
  rows constrain (at most ``_MAX_BITS`` of them, the most used first).  Those
  bits, compacted run by run into a dense index, select an entry of one flat
  int32 table: a row index, -1 (undecodable), another node (when the rows
  constrain more bits than one level takes) or a *group*: rows whose bits all
  match but whose conditions must be checked, best first.
* Groups are resolved by evaluating the rows' conditions vectorized over the
  slots that reach them (the format's field expressions, evaluated with
  numpy; int64 where interval analysis proves no overflow, Python ints in
  object arrays otherwise).  A condition that cannot be evaluated that way
  falls back to the scalar decoder for just those slots; ``fallback_count()``
  says how often that happened (with the current tables: never).

``DecodedBundles`` holds the arrays (templates, slots, row index per slot)
and makes ``Insn`` objects on demand, identical to the scalar decoder's.
"""

from __future__ import annotations

import ast
import re
import threading

import numpy as np

from .bundle import TEMPLATES
from .decoder import REGISTRY, TYPES, Bundle, Insn, decode_slot

__all__ = ["decode_many", "DecodedBundles", "fallback_count"]

_MAX_BITS = 14            # switch bits per table level (2**14 entries at most)
_SLOT_BITS = 41
_OP_LO = 37
_OP_MASK = 0xF << _OP_LO
_NONE_T = len(TYPES)       # "no instruction": reserved template, or the L slot
_TYPE_CODE = {t: i for i, t in enumerate(TYPES)}
_A, _I, _M = _TYPE_CODE["A"], _TYPE_CODE["I"], _TYPE_CODE["M"]
_NONE_ROOT = len(TYPES) * 16   # the root node of "no instruction" slots

_U64 = np.uint64
_M41 = _U64((1 << _SLOT_BITS) - 1)

_fallbacks = 0


def fallback_count() -> int:
    """Slots resolved by the scalar decoder since the process started."""
    return _fallbacks


# ---------------------------------------------------------------- build

def _runs(mask: int) -> list:
    """Contiguous runs of set bits: [(lo, width)], lowest first."""
    out = []
    b = 0
    while mask >> b:
        if mask >> b & 1:
            lo = b
            while mask >> b & 1:
                b += 1
            out.append((lo, b - lo))
        else:
            b += 1
    return out


def _compact(x: int, runs) -> int:
    """Python-int version of the runtime compaction (for masks and values)."""
    out = pos = 0
    for lo, width in runs:
        out |= ((x >> lo) & ((1 << width) - 1)) << pos
        pos += width
    return out


class _Builder:
    def __init__(self):
        self.node_runs = []       # node id -> [(lo, width)]
        self.chunks = []          # table pieces, in node order
        self.groups = []          # group id -> tuple of rows, best first
        self.group_ids = {}
        self.memo = {}

    def new_node(self) -> int:
        self.node_runs.append(None)
        self.chunks.append(None)
        return len(self.node_runs) - 1

    def fill(self, nid: int, rows: list, fixed: int) -> None:
        """Make node ``nid`` decide between ``rows`` (best first), all of
        which agree with the slot on the bits in ``fixed``."""
        union = 0
        for r in rows:
            union |= r.mask
        union &= ~fixed
        bits = [b for b in range(_SLOT_BITS) if union >> b & 1]
        if len(bits) > _MAX_BITS:
            count = {b: sum(1 for r in rows if r.mask >> b & 1) for b in bits}
            bits = sorted(sorted(bits, key=lambda b: (-count[b], b))[:_MAX_BITS])
        smask = 0
        for b in bits:
            smask |= 1 << b
        runs = _runs(smask)
        k = len(bits)
        now_fixed = fixed | smask
        nrows = len(rows)
        keys = np.arange(1 << k, dtype=np.int64)
        cm = np.array([_compact(r.mask, runs) for r in rows], dtype=np.int64)
        cv = np.array([_compact(r.value & r.mask, runs) for r in rows], dtype=np.int64)
        if not nrows:
            self.node_runs[nid] = []
            self.chunks[nid] = np.full(1, -1, dtype=np.int32)
            return
        # Per key: the first consistent row, and the first one that is final
        # (no conditions, no bits left to check); rows are best first.
        final = [not r.conditions and not (r.mask & ~now_fixed) for r in rows]
        first = np.full(1 << k, nrows, dtype=np.int64)
        first_final = np.full(1 << k, nrows, dtype=np.int64)
        for i in range(nrows - 1, -1, -1):
            c = (keys & cm[i]) == cv[i]
            first[c] = i
            if final[i]:
                first_final[c] = i
        index = np.array([r.index for r in rows] + [-1], dtype=np.int32)
        table = index[first]
        hard = np.flatnonzero((first < nrows) & (first != first_final))
        self.node_runs[nid] = runs
        self.chunks[nid] = table
        if hard.size:
            # The candidates of each hard key, cut after the first final row.
            hk = keys[hard]
            rel = ((hk[None, :] & cm[:, None]) == cv[:, None]) & \
                (np.arange(nrows)[:, None] <= first_final[hard][None, :])
            packed = np.packbits(rel.T, axis=1)
            uniq, inverse = np.unique(packed, axis=0, return_inverse=True)
            entries = np.empty(len(uniq), dtype=np.int32)
            for u in range(len(uniq)):
                sel = np.unpackbits(uniq[u])[:nrows].astype(bool)
                cand = [r for r, s in zip(rows, sel) if s]
                entries[u] = self.entry(cand, now_fixed)
            table[hard] = entries[inverse.reshape(-1)]

    def entry(self, cand: list, fixed: int) -> int:
        """Table entry for candidates left once the ``fixed`` bits are known."""
        if all(not (r.mask & ~fixed) for r in cand):
            key = tuple(r.index for r in cand)
            gid = self.group_ids.get(key)
            if gid is None:
                gid = self.group_ids[key] = len(self.groups)
                self.groups.append(tuple(cand))
            return -2 - (_GROUP_BASE + gid)
        key = (tuple(r.index for r in cand), fixed)
        nid = self.memo.get(key)
        if nid is None:
            nid = self.memo[key] = self.new_node()
            self.fill(nid, cand, fixed)
        return -2 - nid


_GROUP_BASE = 1 << 24     # entries -2-x: x < _GROUP_BASE is a node, else a group


class _Tables:
    """Everything decode_many needs, derived from the registry."""

    def __init__(self, registry):
        b = _Builder()
        by_root = {}
        for r in registry.rows:
            by_root.setdefault((_TYPE_CODE[r.type], (r.value >> _OP_LO) & 0xF), []).append(r)
        for _ in range(_NONE_ROOT + 1):
            b.new_node()
        for t in range(len(TYPES)):
            for op in range(16):
                rows = sorted(by_root.get((t, op), []), key=lambda r: r.specificity,
                              reverse=True)
                b.fill(t * 16 + op, rows, _OP_MASK)
        b.fill(_NONE_ROOT, [], _OP_MASK)
        nnodes = len(b.node_runs)
        if nnodes >= _GROUP_BASE:
            raise RuntimeError("batch decoder: too many nodes")
        kmax = max(len(r) for r in b.node_runs)
        self.kmax = kmax
        # Run j of a node: (slot & mask[j]) >> shift[j] lands the run's bits at
        # their place in the compacted key (a run never starts below its place).
        self.mask = np.zeros((kmax, nnodes), dtype=np.uint64)
        self.shift = np.zeros((kmax, nnodes), dtype=np.uint64)
        for nid, runs in enumerate(b.node_runs):
            pos = 0
            for j, (lo, width) in enumerate(runs):
                self.mask[j, nid] = ((1 << width) - 1) << lo
                self.shift[j, nid] = lo - pos
                pos += width
        sizes = np.array([c.size for c in b.chunks], dtype=np.int64)
        self.offset = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.table = np.concatenate(b.chunks)
        self.groups = b.groups
        self.nnodes = nnodes
        self.vec_cond = {}
        for g in b.groups:
            for r in g:
                if r.conditions and r.index not in self.vec_cond:
                    self.vec_cond[r.index] = _vector_condition(r)
        # Unit type of each template's slots (L -> none: decoded with its X).
        units = np.full((32, 3), _NONE_T, dtype=np.int64)
        for t in TEMPLATES:
            for j, u in enumerate(t.units):
                if u is not None and u != "L":
                    units[t.code, j] = _TYPE_CODE[u]
        self.units = units
        # Root node of slot j for (template << 4 | major opcode).
        root = np.full((3, 32 * 16), _NONE_ROOT, dtype=np.int64)
        for tcode in range(32):
            for j in range(3):
                t = units[tcode, j]
                for op in range(16):
                    if t == _NONE_T:
                        continue
                    tt = _A if t in (_I, _M) and op >= 8 else t
                    root[j, tcode * 16 + op] = tt * 16 + op
        self.root = root
        self.mlx = np.array([t.units[1] == "L" for t in TEMPLATES], dtype=bool)
        self.mnemonic = np.array([r.mnemonic for r in registry.rows] + [None], dtype=object)
        self.format = np.array([r.fmt.name for r in registry.rows] + [None], dtype=object)
        self.type = np.array([r.type for r in registry.rows] + [None], dtype=object)


# ---------------------------------------------------------------- conditions

_NAME_RE = re.compile(r"[A-Za-z_]\w*")
_INT64_SAFE = 1 << 62


def _bounds(node, env):
    """Interval (lo, hi) of an integer expression, or None if unknown or not
    well inside int64 (this or any subexpression)."""
    b = _bounds_of(node, env)
    if b is None or b[0] <= -_INT64_SAFE or b[1] >= _INT64_SAFE:
        return None
    return b


def _bounds_of(node, env):
    if isinstance(node, ast.Expression):
        return _bounds(node.body, env)
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value, node.value
    if isinstance(node, ast.Name):
        return env.get(node.id)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        b = _bounds(node.operand, env)
        return None if b is None else (-b[1], -b[0])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id == "_sx" and len(node.args) == 2 \
            and isinstance(node.args[1], ast.Constant) and type(node.args[1].value) is int:
        n = node.args[1].value
        if _bounds(node.args[0], env) is None or not 0 < n < 63:
            return None
        return -(1 << (n - 1)), (1 << (n - 1)) - 1
    if isinstance(node, ast.Compare):
        for sub in (node.left, *node.comparators):
            if _bounds(sub, env) is None:
                return None
        return (0, 1) if len(node.ops) == 1 else None
    if isinstance(node, ast.BinOp):
        a, b = _bounds(node.left, env), _bounds(node.right, env)
        if a is None or b is None:
            return None
        op = node.op
        if isinstance(op, (ast.Add, ast.Sub, ast.Mult)):
            if isinstance(op, ast.Add):
                c = (a[0] + b[0], a[1] + b[1])
            elif isinstance(op, ast.Sub):
                c = (a[0] - b[1], a[1] - b[0])
            else:
                p = (a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1])
                c = (min(p), max(p))
            return c
        if isinstance(op, ast.LShift) and b[0] >= 0 and b[1] < 63:
            p = (a[0] << b[0], a[0] << b[1], a[1] << b[0], a[1] << b[1])
            return min(p), max(p)
        if isinstance(op, ast.RShift) and b[0] >= 0 and b[1] < 63:
            return min(a[0], a[0] >> b[1]), max(a[1], a[1] >> b[1])
        if isinstance(op, (ast.BitOr, ast.BitAnd, ast.BitXor)) and a[0] >= 0 and b[0] >= 0:
            return 0, (1 << max(a[1], b[1]).bit_length()) - 1
        return None
    return None


def _vector_condition(row, force_object: bool = False):
    """f(slots, lslots) -> bool array for ``row``'s conditions, or None.

    The format's field code is evaluated on arrays.  Raw fields come from the
    same (name, lo, width) as the scalar extractor; derived fields from the
    same expressions.  int64 is used when every value provably fits,
    Python ints in object arrays otherwise.
    """
    fmt = row.fmt
    derived = dict(fmt.derived)
    raw = {name: (from_l, lo, width) for name, from_l, lo, width in fmt.raw}
    need = set()

    def want(expr):
        for n in _NAME_RE.findall(expr):
            if n in need or (n not in raw and n not in derived):
                continue
            need.add(n)
            if n in derived:
                want(derived[n])

    for c in row.conditions:
        want(c)
    # int64 only when interval analysis bounds every value well inside it.
    env = {}
    safe = True
    for name, from_l, lo, width in fmt.raw:
        env[name] = (0, (1 << width) - 1)
    for name, expr in fmt.derived:
        b = _bounds(ast.parse(expr, mode="eval"), env)
        env[name] = b
    exprs = [derived[n] for n in need if n in derived] + list(row.conditions)
    for e in exprs:
        b = _bounds(ast.parse(e, mode="eval"), env)
        if b is None or b[0] <= -_INT64_SAFE or b[1] >= _INT64_SAFE:
            safe = False
    safe = safe and not force_object
    conv = ".astype(np.int64)" if safe else ".astype(object)"
    lines = ["def cond(_slot, _lslot):"]
    for name, from_l, lo, width in fmt.raw:
        if name in need:
            src = "_lslot" if from_l else "_slot"
            lines.append(f"    {name} = (({src} >> np.uint64({lo})) & np.uint64({(1 << width) - 1})){conv}")
    for name, expr in fmt.derived:
        if name in need:
            lines.append(f"    {name} = {expr}")
    lines.append("    return " + " & ".join(f"np.asarray({c}, dtype=bool)" for c in row.conditions))
    ns = {"np": np, "_sx": _vsx if safe else _osx}
    try:
        exec("\n".join(lines), ns)
    except SyntaxError:
        return None
    fn = ns["cond"]
    if not _self_check(row, fn):
        return None
    fn.int64 = safe
    return fn


def _vsx(value, bits):
    """sx() on int64 arrays."""
    sign = np.int64(1 << (bits - 1))
    return ((value & np.int64((1 << bits) - 1)) ^ sign) - sign


def _osx(value, bits):
    """sx() on object arrays of Python ints."""
    sign = 1 << (bits - 1)
    return ((value & ((1 << bits) - 1)) ^ sign) - sign


def _self_check(row, fn) -> bool:
    """Compare the vectorized condition with the scalar one on sample slots
    of the row (random, sparse and dense free bits)."""
    rng = np.random.default_rng(row.index)
    free = ~row.mask & ((1 << _SLOT_BITS) - 1)
    r = [rng.integers(0, 1 << 62, 256, dtype=np.uint64) for _ in range(3)]
    samples = np.concatenate([r[0], r[0] & r[1] & r[2], r[0] | r[1] | r[2],
                              np.array([0, (1 << 64) - 1], dtype=np.uint64)])
    slots = (samples & _U64(free)) | _U64(row.value & row.mask)
    lslots = rng.integers(0, 1 << _SLOT_BITS, slots.size, dtype=np.uint64)
    try:
        got = fn(slots, lslots)
    except Exception:
        return False
    if not (isinstance(got, np.ndarray) and got.dtype == bool and got.shape == slots.shape):
        return False
    for s, l, g in zip(slots.tolist(), lslots.tolist(), got.tolist()):
        if bool(row.cond_fn(row.extract(s, l))) != g:
            return False
    return True


# ---------------------------------------------------------------- runtime

_TABLES = None


def tables_built() -> bool:
    """Whether the lookup structures exist already (they take ~0.2 s to build)."""
    return _TABLES is not None


def tables() -> _Tables:
    """The lookup structures (built on first use, then kept)."""
    global _TABLES
    if _TABLES is None:
        _TABLES = _Tables(REGISTRY)
    return _TABLES


class _Work(threading.local):
    """Scratch arrays reused from call to call (fresh large arrays cost page
    faults; this keeps the full-length passes allocation free)."""

    def __init__(self):
        self.bufs = {}

    def get(self, name, n, dtype):
        buf = self.bufs.get(name)
        if buf is None or buf.size < n:
            buf = self.bufs[name] = np.empty(max(n, 4096), dtype)
        return buf[:n]


_WORK = _Work()


def _lookup_into(tb, slots, node, out, w):
    """out[:] = table entries for ``slots`` at ``node`` (full-length pass)."""
    n = len(slots)
    key = w.get("key", n, np.uint64)
    t = w.get("t", n, np.uint64)
    u = w.get("u", n, np.uint64)
    np.take(tb.mask[0], node, out=key, mode="clip")
    key &= slots
    np.take(tb.shift[0], node, out=t, mode="clip")
    np.right_shift(key, t, out=key)
    for j in range(1, tb.kmax):
        np.take(tb.mask[j], node, out=t, mode="clip")
        t &= slots
        np.take(tb.shift[j], node, out=u, mode="clip")
        np.right_shift(t, u, out=t)
        key |= t
    ix = w.get("ix", n, np.int64)
    np.take(tb.offset, node, out=ix, mode="clip")
    ix += key.view(np.int64)
    np.take(tb.table, ix, out=out, mode="clip")


def _lookup(tb, slots, node):
    """Table entries for ``slots`` at ``node`` (small follow-up passes)."""
    key = (slots & tb.mask[0][node]) >> tb.shift[0][node]
    for j in range(1, tb.kmax):
        key |= (slots & tb.mask[j][node]) >> tb.shift[j][node]
    return tb.table[tb.offset[node] + key.astype(np.int64)]


def _finish(tb, out, pend, slots, lslots, root):
    """Follow child nodes and condition groups for the slots ``pend``."""
    while pend.size:
        x = -2 - out[pend].astype(np.int64)
        is_node = x < _GROUP_BASE
        nidx = pend[is_node]
        if nidx.size:
            out[nidx] = _lookup(tb, slots[nidx], x[is_node])
        gidx = pend[~is_node]
        if gidx.size:
            _resolve(tb, out, gidx, x[~is_node] - _GROUP_BASE, slots, lslots, root)
        pend = nidx[out[nidx] < -1]


def _resolve(tb, out, idx, group_ids, slots, lslots, root):
    """Rows for the slots ``idx`` that reached condition groups."""
    global _fallbacks
    order = np.argsort(group_ids, kind="stable")
    gs = group_ids[order]
    idx = idx[order]
    cuts = np.flatnonzero(np.diff(gs)) + 1
    for part in np.split(np.arange(len(gs)), cuts):
        if not part.size:
            continue
        rem = idx[part]
        for r in tb.groups[int(gs[part[0]])]:
            if not r.conditions:
                out[rem] = r.index
                rem = rem[:0]
                break
            fn = tb.vec_cond.get(r.index)
            ok = None
            if fn is not None:
                try:
                    ok = fn(slots[rem], lslots[rem])
                except Exception:
                    ok = None
            if ok is None:
                # Not vectorizable: the scalar decoder decides these slots.
                for i in rem.tolist():
                    type_ = TYPES[int(root[i]) // 16]
                    insn = decode_slot(type_, int(slots[i]), int(lslots[i]))
                    out[i] = -1 if insn is None else insn.row.index
                _fallbacks += len(rem)
                rem = rem[:0]
                break
            out[rem[ok]] = r.index
            rem = rem[~ok]
        if rem.size:
            out[rem] = -1


_CHUNK = 1 << 17          # bundles per pass (bounds the scratch arrays: 1 MiB each)


def _decode_chunk(tb, w, words, template, slots, rows):
    """Fill template (m,), slots (3, m) and rows (3, m) from words (m, 2)."""
    m = len(words)
    lo, hi = words[:, 0], words[:, 1]
    a = w.get("a", m, np.uint64)
    np.bitwise_and(lo, _U64(0x1F), out=a)
    np.copyto(template, a, casting="unsafe")
    t16 = w.get("t16", m, np.uint64)
    np.left_shift(a, _U64(4), out=t16)
    np.right_shift(lo, _U64(5), out=slots[0])
    slots[0] &= _M41
    np.right_shift(lo, _U64(46), out=slots[1])
    np.bitwise_and(hi, _U64((1 << 23) - 1), out=a)
    a <<= _U64(18)
    slots[1] |= a
    np.right_shift(hi, _U64(23), out=slots[2])
    lslots = slots[1]
    node = w.get("node", m, np.int64)
    for j in range(3):
        s = slots[j]
        # Root node: instruction type (the template's unit; A for an M or I
        # slot with major opcode >= 8) and major opcode.
        np.right_shift(s, _U64(_OP_LO), out=a)
        a += t16
        np.take(tb.root[j], a.view(np.int64), out=node, mode="clip")
        out = rows[j]
        _lookup_into(tb, s, node, out, w)
        pend = np.flatnonzero(out < -1)
        if pend.size:
            _finish(tb, out, pend, s, lslots, node)


def decode_many(data) -> "DecodedBundles":
    """Decode ``len(data) // 16`` bundles (``data`` a bytes-like object whose
    length is a multiple of 16; empty gives an empty result)."""
    mv = memoryview(data).cast("B")
    if len(mv) % 16:
        raise ValueError(f"decode_many: {len(mv)} bytes is not a whole number of "
                         "16-byte bundles")
    tb = tables()
    words = np.frombuffer(mv, dtype="<u8").reshape(-1, 2)
    n = len(words)
    template = np.empty(n, dtype=np.uint8)
    slots = np.empty((3, n), dtype=np.uint64)
    rows = np.empty((3, n), dtype=np.int32)
    # In chunks: the scratch arrays stay small (and in cache).
    for c0 in range(0, n, _CHUNK):
        c1 = min(n, c0 + _CHUNK)
        _decode_chunk(tb, _WORK, words[c0:c1], template[c0:c1], slots[:, c0:c1],
                      rows[:, c0:c1])
    mlx = tb.mlx[template]
    rows[1, mlx] = rows[2, mlx]
    return DecodedBundles(template, slots.T, rows.T, mlx)


class DecodedBundles:
    """N decoded bundles as arrays.

    ``template`` (N,) uint8 template codes; ``slots`` (N, 3) uint64 raw slots;
    ``rows`` (N, 3) int32 registry row index per slot, -1 where undecodable
    or reserved (for MLX both slot 1 and slot 2 hold the X instruction's row,
    as ``Bundle.insns[1] is Bundle.insns[2]``); ``mlx`` (N,) bool.
    """

    __slots__ = ("template", "slots", "rows", "mlx")

    def __init__(self, template, slots, rows, mlx):
        self.template = template
        self.slots = slots
        self.rows = rows
        self.mlx = mlx

    def __len__(self) -> int:
        return len(self.template)

    def row(self, k: int, slot: int):
        """The encoding row of slot ``slot`` of bundle ``k`` (None if none)."""
        i = int(self.rows[k, slot])
        return None if i < 0 else REGISTRY.rows[i]

    def insn(self, k: int, slot: int):
        """The ``Insn`` the scalar decoder gives for that slot (or None)."""
        i = int(self.rows[k, slot])
        if i < 0:
            return None
        row = REGISTRY.rows[i]
        if self.mlx[k] and slot:
            s, l = int(self.slots[k, 2]), int(self.slots[k, 1])
        else:
            s, l = int(self.slots[k, slot]), 0
        return Insn(row, row.extract(s, l))

    def bundle(self, k: int) -> Bundle:
        """Bundle ``k`` as ``decoder.decode_bundle`` gives it."""
        tmpl = TEMPLATES[int(self.template[k])]
        slots = tuple(int(s) for s in self.slots[k])
        if tmpl.reserved:
            return Bundle(tmpl, slots, (None, None, None))
        i0 = self.insn(k, 0)
        if self.mlx[k]:
            x = self.insn(k, 2)
            return Bundle(tmpl, slots, (i0, x, x))
        return Bundle(tmpl, slots, (i0, self.insn(k, 1), self.insn(k, 2)))

    def mnemonics(self) -> np.ndarray:
        """(N, 3) object array of mnemonics, None where undecodable."""
        return tables().mnemonic[self.rows]

    def formats(self) -> np.ndarray:
        """(N, 3) object array of format names (A1, M48, ...), None where undecodable."""
        return tables().format[self.rows]

    def types(self) -> np.ndarray:
        """(N, 3) object array of instruction types ('A', 'M', ...), None where undecodable."""
        return tables().type[self.rows]

    def __repr__(self):
        return f"<DecodedBundles {len(self)} bundles>"
