"""Random but well-formed IA-64 guest programs, for differential testing.

``programs()`` is a hypothesis strategy producing ``Program`` objects: GNU as
source for a main routine and a few small functions built from

* integer ALU, compare, shift, deposit/extract, multimedia instructions on
  a pool of registers (static r2-r31 except r1/r12, and the stacked
  registers of the frame the routine ``alloc``'ed),
* floating point (setf/getf, xma, the fma family, merges, logicals,
  conversions, min/max, compares, fclass) on f0-f31,
* predication (compares into p6-p15, then ``(pN)`` instructions),
* counted loops (``br.cloop`` with ``ar.lc``, or a counter in a reserved
  stacked register), forward conditional branches,
* calls (``alloc``/``br.call``/``br.ret``) to functions that only call
  functions defined after them, plus one optionally recursive function
  whose depth is bounded by its argument (deep enough to make the RSE spill
  and fill),
* loads, stores and semaphores on the data area at ``r1`` (0x200000,
  64 KiB): addresses are ``r1`` + a masked register, aligned for the size
  (now and then deliberately misaligned), with the post-increment forms,

and ending with ``break.i 0``.  Every program terminates.  Only instruction
forms whose semantics exist are used: each form's sample is assembled and
decoded once per process and dropped if ``translator.semantics.lookup``
has nothing for it (the set grows as semantics are written).

Assembling is slow compared with running a program, so ``assemble_batch``
assembles many programs in one gas run (each program under its own label,
branches are IP-relative, so a program's bytes can also be run alone at
any bundle address) and caches the result on disk.  ``BatchRunner`` runs
the programs of one batch on one interpreter machine and one JIT machine,
resetting the architectural state and memory between programs (the JIT
keeps its compiled blocks: programs sit at different addresses).
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import tempfile
from dataclasses import dataclass, field

from hypothesis import strategies as st

from . import difftest
from .difftest import CODE_BASE, DATA_BASE, DATA_SIZE, RSE_BASE, STACK_TOP

M64 = (1 << 64) - 1
NM = "ia64-linux-gnu-nm"
_CACHE = os.path.join(os.path.expanduser("~"), ".cache", "ia64jit", "progen")

STATIC_W = [r for r in range(2, 32) if r not in (1, 12)]      # writable static GRs
PREDS = list(range(6, 16))
RELS = ("eq", "ne", "lt", "le", "gt", "ge", "ltu", "leu", "gtu", "geu")
RELS8 = ("eq", "ne", "lt", "ge", "ltu", "geu")


# ------------------------------------------------------------ instruction forms
#
# A form is a template with placeholders:
#   {d}  a writable GR         {a} {b} readable GRs    {a03} r0-r3 (addl)
#   {i8} {i14} {i22} {i64} signed immediates            {p1} {p2} distinct p6-p15
#   {c2} shladd count 1-4      {c6} 0-63               {pl} extract pos,len
#   {dz} dep.z pos,len         {dpl} dep (I15) pos,len {dil} dep (I14) imm1,...
#   {rel} a relation           {c5} 0-31               {c3} 0-7 (pshladd2 1-3: {c2s})
#   {mux1} mux1 permutation    {u8} 0-255              {pmc} pmpyshr2 count
#   {b} branch register b1-b7 ({br})

ALU_FORMS = [
    "add {d}={a},{b}", "add {d}={a},{b},1", "sub {d}={a},{b}", "sub {d}={a},{b},1",
    "sub {d}={i8},{b}", "and {d}={a},{b}", "and {d}={i8},{b}", "or {d}={a},{b}",
    "or {d}={i8},{b}", "xor {d}={a},{b}", "xor {d}={i8},{b}", "andcm {d}={a},{b}",
    "andcm {d}={i8},{b}", "adds {d}={i14},{a}", "addl {d}={i22},{a03}", "mov {d}={a}",
    "mov {d}={i22}", "movl {d}={i64}", "shladd {d}={a},{c2},{b}", "addp4 {d}={a},{b}",
    "addp4 {d}={i14},{a}", "shladdp4 {d}={a},{c2},{b}",
    "shl {d}={a},{b}", "shr {d}={a},{b}", "shr.u {d}={a},{b}",
    "shl {d}={a},{c6}", "shr {d}={a},{c6}", "shr.u {d}={a},{c6}",
    "extr {d}={a},{pl}", "extr.u {d}={a},{pl}", "dep.z {d}={a},{dz}", "dep.z {d}={i8},{dz}",
    "dep {d}={a},{b},{dpl}", "dep {d}={dil},{b},{dz}", "shrp {d}={a},{b},{c6}",
    "zxt1 {d}={a}", "zxt2 {d}={a}", "zxt4 {d}={a}", "sxt1 {d}={a}", "sxt2 {d}={a}",
    "sxt4 {d}={a}", "czx1.l {d}={a}", "czx1.r {d}={a}", "czx2.l {d}={a}", "czx2.r {d}={a}",
    "popcnt {d}={a}", "clz {d}={a}",
]

MM_FORMS = [
    f"{op} {{d}}={{a}},{{b}}" for op in (
        "padd1", "padd2", "padd4", "padd1.sss", "padd2.sss", "padd1.uuu", "padd2.uuu",
        "padd1.uus", "padd2.uus", "psub1", "psub2", "psub4", "psub1.sss", "psub2.sss",
        "psub1.uuu", "psub2.uuu", "psub1.uus", "psub2.uus", "pavg1", "pavg2", "pavg1.raz",
        "pavg2.raz", "pavgsub1", "pavgsub2", "pcmp1.eq", "pcmp2.eq", "pcmp4.eq", "pcmp1.gt",
        "pcmp2.gt", "pcmp4.gt", "pmpy2.r", "pmpy2.l", "mpy4", "mpyshl4", "mix1.l", "mix1.r",
        "mix2.l", "mix2.r", "mix4.l", "mix4.r", "pack2.sss", "pack2.uss", "pack4.sss",
        "unpack1.h", "unpack1.l", "unpack2.h", "unpack2.l", "unpack4.h", "unpack4.l",
        "pmin1.u", "pmax1.u", "pmin2", "pmax2", "psad1", "pshl2", "pshl4", "pshr2",
        "pshr4", "pshr2.u", "pshr4.u")
] + [
    "pshladd2 {d}={a},{c2s},{b}", "pshradd2 {d}={a},{c2s},{b}",
    "pmpyshr2 {d}={a},{b},{pmc}", "pmpyshr2.u {d}={a},{b},{pmc}",
    "mux1 {d}={a},{mux1}", "mux2 {d}={a},{u8}",
    "pshl2 {d}={a},{c5}", "pshl4 {d}={a},{c5}", "pshr2 {d}={a},{c5}", "pshr4 {d}={a},{c5}",
    "pshr2.u {d}={a},{c5}", "pshr4.u {d}={a},{c5}",
]

CMP_FORMS = [
    "cmp.{rel} {p1},{p2}={a},{b}", "cmp.{rel}.unc {p1},{p2}={a},{b}",
    "cmp.{rel8} {p1},{p2}={i8},{b}", "cmp4.{rel} {p1},{p2}={a},{b}",
    "cmp4.{rel8}.unc {p1},{p2}={i8},{b}",
    "cmp.eq.and {p1},{p2}={a},{b}", "cmp.ne.or {p1},{p2}={a},{b}",
    "cmp.eq.or.andcm {p1},{p2}={a},{b}", "cmp.ne.and.orcm {p1},{p2}={a},{b}",
    "cmp.lt.and {p1},{p2}=r0,{b}", "cmp.gt.or {p1},{p2}=r0,{b}",
    "tbit.z {p1},{p2}={a},{c6}", "tbit.nz.unc {p1},{p2}={a},{c6}",
    "tbit.z.and {p1},{p2}={a},{c6}", "tbit.nz.or {p1},{p2}={a},{c6}",
    "tnat.z {p1},{p2}={a}",
]

FP_FORMS = [
    "setf.sig {fd}={a}", "setf.exp {fd}={a}", "setf.d {fd}={a}", "setf.s {fd}={a}",
    "getf.sig {d}={fs}", "getf.exp {d}={fs}", "getf.d {d}={fs}", "getf.s {d}={fs}",
    "xma.l {fd}={fs},{ft},{fu}", "xma.h {fd}={fs},{ft},{fu}", "xma.hu {fd}={fs},{ft},{fu}",
    "fma.s1 {fd}={fs},{ft},{fu}", "fma.d.s0 {fd}={fs},{ft},{fu}", "fms.s.s1 {fd}={fs},{ft},{fu}",
    "fnma {fd}={fs},{ft},{fu}", "fadd.d {fd}={fs},{ft}", "fsub {fd}={fs},{ft}",
    "fmpy.s1 {fd}={fs},{ft}", "fmerge.s {fd}={fs},{ft}", "fmerge.ns {fd}={fs},{ft}",
    "fmerge.se {fd}={fs},{ft}", "fmix.lr {fd}={fs},{ft}", "fand {fd}={fs},{ft}",
    "for {fd}={fs},{ft}", "fxor {fd}={fs},{ft}", "fandcm {fd}={fs},{ft}",
    "fselect {fd}={fs},{ft},{fu}", "fcvt.fx {fd}={fs}", "fcvt.fxu.trunc {fd}={fs}",
    "fcvt.xf {fd}={fs}", "fnorm.s1 {fd}={fs}", "fmin {fd}={fs},{ft}", "fmax {fd}={fs},{ft}",
    "fpack {fd}={fs},{ft}", "fpma {fd}={fs},{ft},{fu}", "fswap {fd}={fs},{ft}",
    "fcmp.eq {p1},{p2}={fs},{ft}", "fcmp.lt.unc {p1},{p2}={fs},{ft}",
    "fclass.m {p1},{p2}={fs},0x1ff",
]

MOVE_FORMS = [
    "mov {br}={a} ;; mov {d}={br}", "mov {d}=pr", "mov {d}=ar.lc", "mov {d}=b0",
    "mov {d}=ip",
]

MUX1_MODES = ("@rev", "@mix", "@shuf", "@alt", "@brcst")

SAMPLE = {"d": "r8", "a": "r9", "b": "r10", "a03": "r2", "i8": "-3", "i14": "100",
          "i22": "-70000", "i64": "0x123456789abcdef0", "p1": "p6", "p2": "p7", "c2": "2",
          "c2s": "2", "c6": "5", "pl": "5,7", "dz": "5,7", "dpl": "5,7", "dil": "-1",
          "rel": "lt", "rel8": "lt", "fd": "f6", "fs": "f7", "ft": "f8", "fu": "f9", "c5": "3", "pmc": "7", "mux1": "@rev", "u8": "27", "br": "b6"}

_PH = re.compile(r"\{(\w+)\}")


def _sample(fmt: str) -> str:
    return _PH.sub(lambda m: SAMPLE[m.group(1)], fmt)


# Memory forms are built in code (address computation first); their samples:
def _mem_samples():
    out = {}
    for s in (1, 2, 4, 8):
        for c in ("", ".acq", ".bias"):
            out[f"ld{s}{c}"] = f"ld{s}{c} r8=[r9]"
        out[f"ld{s}.imm"] = f"ld{s} r8=[r9],8"
        out[f"ld{s}.reg"] = f"ld{s} r8=[r9],r10"
        out[f"st{s}"] = f"st{s} [r9]=r8"
        out[f"st{s}.rel"] = f"st{s}.rel [r9]=r8"
        out[f"st{s}.imm"] = f"st{s} [r9]=r8,8"
        out[f"xchg{s}"] = f"xchg{s} r8=[r9],r10"
        out[f"cmpxchg{s}"] = f"cmpxchg{s}.acq r8=[r9],r10,ar.ccv"
    out["fetchadd4"] = "fetchadd4.acq r8=[r9],4"
    out["fetchadd8"] = "fetchadd8.rel r8=[r9],-8"
    out["ld8.fill"] = "ld8.fill r8=[r9]"
    out["st8.spill"] = "st8.spill [r9]=r8"
    out["ld16"] = "ld16 r8,ar.csd=[r9]"
    out["st16"] = "st16 [r9]=r8,ar.csd"
    out["mov.ccv"] = "mov ar.ccv=r8"
    out["mov.csd"] = "mov ar.csd=r8"
    out["lfetch"] = "lfetch [r9]"
    return out


MEM_SAMPLES = _mem_samples()
STRUCT_SAMPLES = {
    "cloop": "mov ar.lc=r9 ;; 1: br.cloop.sptk.few 1b",
    "brcond": "(p6) br.cond.sptk.few 1f ;; 1: nop.i 0",
    "call": "br.call.sptk.many b0=1f ;; 1: alloc r33=ar.pfs,1,4,2,0 ;; br.ret.sptk.many b0",
    "movbr": "mov b0=r33 ;; mov ar.pfs=r32",
    "break": "break.i 0",
}


# ------------------------------------------------------------ availability

_AVAILABLE = None


def _assemble_obj(text: str, want_syms=True, cache=True):
    """(bytes of .text, {symbol: offset}) for GNU as source; cached on disk
    unless ``cache`` is false."""
    key = hashlib.sha256(text.encode()).hexdigest()[:24]
    path = os.path.join(_CACHE, key)
    if cache and os.path.exists(path + ".bin") and os.path.exists(path + ".sym"):
        with open(path + ".bin", "rb") as f:
            code = f.read()
        syms = {}
        with open(path + ".sym") as f:
            for line in f:
                n, v = line.split()
                syms[n] = int(v)
        return code, syms
    with tempfile.TemporaryDirectory() as d:
        src, obj, binf = (os.path.join(d, n) for n in ("t.s", "t.o", "t.bin"))
        with open(src, "w") as f:
            f.write(text)
        r = subprocess.run([difftest.AS, "-o", obj, src], capture_output=True, text=True)
        if r.returncode != 0:
            raise ValueError("assembly failed:\n" + r.stderr[:4000])
        subprocess.run([difftest.OBJCOPY, "-O", "binary", "-j", ".text", obj, binf], check=True)
        with open(binf, "rb") as f:
            code = f.read()
        syms = {}
        if want_syms:
            out = subprocess.run([NM, obj], capture_output=True, text=True, check=True).stdout
            for line in out.splitlines():
                parts = line.split()
                if len(parts) == 3 and parts[1] in "tT":
                    syms[parts[2]] = int(parts[0], 16)
    if not cache:
        return code, syms
    os.makedirs(_CACHE, exist_ok=True)
    for ext, data in ((".bin", code), (".sym", "".join(f"{n} {v}\n" for n, v in syms.items()))):
        tmp = path + ext + f".{os.getpid()}"
        with open(tmp, "wb" if ext == ".bin" else "w") as f:
            f.write(data)
        os.replace(tmp, path + ext)
    return code, syms


def available() -> dict:
    """{'alu': [...], 'mm': [...], 'cmp': [...], 'move': [...], 'mem': set(...),
    'struct': set(...)}: the forms whose every instruction has semantics."""
    global _AVAILABLE
    if _AVAILABLE is not None:
        return _AVAILABLE
    from frontend.decoder import decode_bundle
    from translator.semantics import lookup
    items = [("alu", f, _sample(f)) for f in ALU_FORMS] + \
        [("mm", f, _sample(f)) for f in MM_FORMS] + \
        [("cmp", f, _sample(f)) for f in CMP_FORMS] + \
        [("move", f, _sample(f)) for f in MOVE_FORMS] + \
        [("fp", f, _sample(f)) for f in FP_FORMS] + \
        [("mem", k, v) for k, v in MEM_SAMPLES.items()] + \
        [("struct", k, v) for k, v in STRUCT_SAMPLES.items()]
    lines = ["\t.text"]
    for n, (_, _, text) in enumerate(items):
        lines.append(f"t{n}:\t{text} ;;")
    lines.append(f"t{len(items)}:\tnop.i 0 ;;")
    code, syms = _assemble_obj("\n".join(lines) + "\n")
    out = {"alu": [], "mm": [], "cmp": [], "move": [], "fp": [], "mem": set(), "struct": set()}
    for n, (kind, key, _) in enumerate(items):
        lo, hi = syms[f"t{n}"], syms[f"t{n + 1}"]
        ok = True
        for off in range(lo, hi, 16):
            b = decode_bundle(code[off:off + 16])
            for k in range(3):
                insn = b.insns[k]
                if k == 2 and b.template.units[1] == "L":
                    continue
                if insn is None or lookup(insn.row) is None:
                    ok = False
        if ok:
            out[kind].append(key) if isinstance(out[kind], list) else out[kind].add(key)
    _AVAILABLE = out
    return out


# ------------------------------------------------------------ programs

@dataclass
class Program:
    name: str                        # entry label
    source: str                      # GNU as source (labels prefixed by name)
    regs: dict = field(default_factory=dict)   # initial register values
    data_seed: int = 0               # the data area's initial bytes
    max_insns: int = 300_000

    def setup(self, m):
        """Initial registers and data area of a machine made by difftest.new_machine."""
        for r, v in self.regs.items():
            m.reg_write(r, v)
        m.mem_write(DATA_BASE, data_bytes(self.data_seed))

    def __repr__(self):      # what hypothesis prints for a failing example
        return (f"Program(name={self.name!r}, regs={self.regs!r}, data_seed={self.data_seed}, "
                f"source=\n{self.source}\n)")


_DATA = {}


def data_bytes(seed: int) -> bytes:
    d = _DATA.get(seed)
    if d is None:
        if len(_DATA) > 64:
            _DATA.clear()
        d = _DATA[seed] = random.Random(seed).randbytes(DATA_SIZE)
    return d


class _Frame:
    """The register frame of the routine being generated."""

    def __init__(self, nin, nloc, nout, reserved):
        self.nin, self.nloc, self.nout = nin, nloc, nout
        self.sof = nin + nloc + nout
        self.reserved = set(reserved)      # stacked GRs the body must not write

    def stacked(self):
        return list(range(32, 32 + self.sof))

    def outs(self):
        return list(range(32 + self.nin + self.nloc, 32 + self.sof))

    def free_local(self):
        for r in range(32 + self.nin, 32 + self.nin + self.nloc):
            if r not in self.reserved:
                return r
        return None


class _Gen:
    def __init__(self, draw, name, opts):
        self.draw = draw
        self.name = name
        self.opts = opts
        self.avail = available()
        self.nlabel = 0
        self.frame = None
        self.callees = []          # (label, nin)
        self.in_cloop = False
        self.rec = None            # (label) of the recursive function, if any
        self.budget = 0            # items left for the routine being generated

    # -- helpers
    def label(self):
        self.nlabel += 1
        return f".L{self.name}_{self.nlabel}"

    def writable(self):
        return STATIC_W + [r for r in self.frame.stacked() if r not in self.frame.reserved]

    def readable(self):
        return [0, 1, 12] + STATIC_W + self.frame.stacked()

    def reg(self, pool):
        return f"r{self.draw(st.sampled_from(pool))}"

    def fill(self, fmt):
        d = self.draw
        vals = {}

        def one(m):
            k = m.group(1)
            if k == "d":
                return self.reg(self.writable())
            if k in ("a", "b"):
                return self.reg(self.readable())
            if k == "a03":
                return f"r{d(st.sampled_from([0, 1, 2, 3]))}"
            if k == "i8":
                return str(d(st.integers(-128, 127)))
            if k == "i14":
                return str(d(st.integers(-8192, 8191)))
            if k == "i22":
                return str(d(st.integers(-(1 << 21), (1 << 21) - 1)))
            if k == "i64":
                return hex(d(st.one_of(st.integers(0, M64), st.sampled_from(
                    [0, 1, M64, 1 << 63, (1 << 63) - 1, 0x8000, 0xFFFFFFFF]))))
            if k in ("p1", "p2"):
                if "p" not in vals:
                    p1, p2 = d(st.lists(st.sampled_from(PREDS), min_size=2, max_size=2,
                                        unique=True))
                    vals["p"] = (p1, p2)
                return f"p{vals['p'][0 if k == 'p1' else 1]}"
            if k == "c2":
                return str(d(st.integers(1, 4)))
            if k == "c2s":
                return str(d(st.integers(1, 3)))
            if k == "c6":
                return str(d(st.integers(0, 63)))
            if k == "c5":
                return str(d(st.integers(0, 31)))
            if k == "pl":
                pos = d(st.integers(0, 63))
                return f"{pos},{d(st.integers(1, 64 - pos))}"
            if k == "dz":
                ln = d(st.integers(1, 64))
                return f"{d(st.integers(0, 64 - ln))},{ln}"
            if k == "dpl":
                ln = d(st.integers(1, 16))
                return f"{d(st.integers(0, 63))},{ln}"
            if k == "dil":
                return str(d(st.integers(-1, 0)))
            if k == "rel":
                return d(st.sampled_from(RELS))
            if k == "rel8":         # immediate forms (gas adjusts imm8 for the others)
                return d(st.sampled_from(RELS8))
            if k == "pmc":
                return str(d(st.sampled_from([0, 7, 15, 16])))
            if k == "mux1":
                return d(st.sampled_from(MUX1_MODES))
            if k == "u8":
                return str(d(st.integers(0, 255)))
            if k == "br":
                return f"b{d(st.integers(1, 7))}"
            if k == "fd":
                return f"f{d(st.integers(2, 31))}"
            if k in ("fs", "ft", "fu"):
                return f"f{d(st.integers(0, 31))}"
            raise KeyError(k)

        return _PH.sub(one, fmt)

    def pred(self):
        return f"(p{self.draw(st.sampled_from(PREDS))}) " if self.draw(st.booleans()) else ""

    # -- items
    def item(self, depth):
        kinds = ["alu"] * 6 + ["cmp"] * 2 + ["palu"] * 3
        if self.avail["mm"] and self.opts.get("multimedia", True):
            kinds += ["mm"] * 2
        if self.avail["move"]:
            kinds += ["move"]
        if self.avail["fp"] and self.opts.get("fp", True):
            kinds += ["fp"] * 2
        if self.avail["mem"] and self.opts.get("memory", True):
            kinds += ["mem"] * 3
        if depth < 3 and self.opts.get("branches", True) and "brcond" in self.avail["struct"]:
            kinds += ["fwd"]
        if depth < 2 and self.opts.get("loops", True):
            kinds += ["loop"]
        if self.callees and not self.in_cloop and self.opts.get("calls", True):
            kinds += ["call"] * 2
        k = self.draw(st.sampled_from(kinds))
        return getattr(self, "i_" + k)(depth)

    def block(self, depth, lo=1, hi=8):
        n = self.draw(st.integers(lo, hi)) if lo < hi else hi
        out = []
        for _ in range(n):
            if self.budget <= 0:
                break
            self.budget -= 1
            out += self.item(depth)
        return out

    def i_alu(self, depth):
        return [self.fill(self.draw(st.sampled_from(self.avail["alu"])))]

    def i_palu(self, depth):
        return [self.fill("cmp.{rel} {p1},{p2}={a},{b}"),
                self.pred() + self.fill(self.draw(st.sampled_from(self.avail["alu"])))]

    def i_mm(self, depth):
        return [self.pred() + self.fill(self.draw(st.sampled_from(self.avail["mm"])))]

    def i_cmp(self, depth):
        return [self.pred() + self.fill(self.draw(st.sampled_from(self.avail["cmp"])))]

    def i_fp(self, depth):
        return [self.pred() + self.fill(self.draw(st.sampled_from(self.avail["fp"])))]

    def i_move(self, depth):
        f = self.fill(self.draw(st.sampled_from(self.avail["move"])))
        return f.split(" ;; ")

    def i_mem(self, depth):
        d = self.draw
        mem = self.avail["mem"]
        size = d(st.sampled_from([1, 2, 4, 8]))
        shift = size.bit_length() - 1
        kinds = [k for k in ("ld", "ld.imm", "ld.reg", "st", "st.imm", "xchg", "cmpxchg",
                             "fetchadd", "fill", "spill", "ld16", "st16")
                 if self._mem_ok(k, size)]
        if not kinds:
            return self.i_alu(depth)
        kind = d(st.sampled_from(kinds))
        if kind in ("fill", "spill") or (kind == "fetchadd" and size < 4):
            size, shift = 8, 3
        if kind in ("ld16", "st16"):
            size, shift = 16, 4
        w = [r for r in self.writable() if r != 1]
        t = d(st.sampled_from(w))
        src = self.reg(self.readable())
        # address: r1 + (src & mask) * size, a few bytes off now and then
        out = [f"extr.u r{t}={src},0,{16 - shift}"]
        if shift:
            out.append(f"shladd r{t}=r{t},{shift},r1")
        else:
            out.append(f"add r{t}=r{t},r1")
        if size <= 8 and kind in ("ld", "ld.imm", "ld.reg", "st", "st.imm") and \
                d(st.integers(0, 9)) == 0:
            out.append(f"adds r{t}=-{d(st.integers(1, 15))},r{t}")    # misaligned (and inside)
        dest = self.reg([r for r in w if r != t])
        val = self.reg(self.readable())
        p = self.pred()
        if kind == "ld":
            c = d(st.sampled_from([c for c in ("", ".acq", ".bias") if f"ld{size}{c}" in mem]))
            out.append(f"{p}ld{size}{c} {dest}=[r{t}]")
        elif kind == "ld.imm":
            out.append(f"{p}ld{size} {dest}=[r{t}],{d(st.integers(-256, 255))}")
        elif kind == "ld.reg":
            out.append(f"{p}ld{size} {dest}=[r{t}],{val}")
        elif kind == "st":
            c = d(st.sampled_from([c for c in ("", ".rel") if f"st{size}{c}" in mem]))
            out.append(f"{p}st{size}{c} [r{t}]={val}")
        elif kind == "st.imm":
            out.append(f"{p}st{size} [r{t}]={val},{d(st.integers(-256, 255))}")
        elif kind == "xchg":
            out.append(f"{p}xchg{size} {dest}=[r{t}],{val}")
        elif kind == "cmpxchg":
            ccv = self.reg(self.readable())
            out.append(f"mov ar.ccv={ccv}")
            out.append(f"{p}cmpxchg{size}.{d(st.sampled_from(['acq', 'rel']))} "
                       f"{dest}=[r{t}],{val},ar.ccv")
        elif kind == "fetchadd":
            inc = d(st.sampled_from([-16, -8, -4, -1, 1, 4, 8, 16]))
            out.append(f"{p}fetchadd{size}.{d(st.sampled_from(['acq', 'rel']))} "
                       f"{dest}=[r{t}],{inc}")
        elif kind == "fill":
            out.append(f"{p}ld8.fill {dest}=[r{t}]")
        elif kind == "spill":
            out.append(f"{p}st8.spill [r{t}]={val}")
        elif kind == "ld16":
            out.append(f"{p}ld16 {dest},ar.csd=[r{t}]")
            out.append(f"mov {self.reg(w)}=ar.csd")
        elif kind == "st16":
            out.append(f"mov ar.csd={self.reg(self.readable())}")
            out.append(f"{p}st16 [r{t}]={val},ar.csd")
        return out

    def _mem_ok(self, kind, size):
        mem = self.avail["mem"]
        return {
            "ld": f"ld{size}" in mem, "ld.imm": f"ld{size}.imm" in mem,
            "ld.reg": f"ld{size}.reg" in mem, "st": f"st{size}" in mem,
            "st.imm": f"st{size}.imm" in mem, "xchg": f"xchg{size}" in mem,
            "cmpxchg": f"cmpxchg{size}" in mem and "mov.ccv" in mem,
            "fetchadd": size >= 4 and f"fetchadd{size}" in mem,
            "fill": "ld8.fill" in mem, "spill": "st8.spill" in mem,
            "ld16": "ld16" in mem and "mov.csd" in mem,
            "st16": "st16" in mem and "mov.csd" in mem,
        }[kind]

    def i_fwd(self, depth):
        lab = self.label()
        p = self.draw(st.sampled_from(PREDS))
        out = [self.fill("cmp.{rel} {p1},{p2}={a},{b}")] if self.draw(st.booleans()) else []
        out.append(f"(p{p}) br.cond.{self.draw(st.sampled_from(['sptk', 'dptk', 'dpnt']))}"
                   f".few {lab}")
        out += self.block(depth + 1, 1, 5)
        out.append(f"{lab}:")
        return out

    def i_loop(self, depth):
        d = self.draw
        n = d(st.integers(1, 12 if depth == 0 else 5))
        use_cloop = not self.in_cloop and "cloop" in self.avail["struct"] and d(st.booleans())
        lab = self.label()
        if use_cloop:
            if d(st.booleans()):
                out = [f"mov ar.lc={n - 1}"]
            else:
                tmp = self._tmp()
                out = [f"and r{tmp}=7,{self.reg(self.readable())}", f"mov ar.lc=r{tmp}"]
            out.append(f"{lab}:")
            self.in_cloop = True
            out += self.block(depth + 1, 1, 6)
            self.in_cloop = False
            out.append(f"br.cloop.{d(st.sampled_from(['sptk', 'dptk']))}.few {lab}")
            return out
        c = self.frame.free_local()
        if c is None:
            return self.i_alu(depth)
        self.frame.reserved.add(c)
        p = d(st.sampled_from(PREDS))
        q = d(st.sampled_from([x for x in PREDS if x != p]))
        out = [f"mov r{c}={n}", f"{lab}:"]
        out += self.block(depth + 1, 1, 6)
        out += [f"adds r{c}=-1,r{c}", f"cmp.ne p{p},p{q}=0,r{c}",
                f"(p{p}) br.cond.sptk.few {lab}"]
        self.frame.reserved.discard(c)
        return out

    def _tmp(self):
        return self.draw(st.sampled_from([r for r in self.writable() if r >= 2]))

    def i_call(self, depth):
        return self.i_call_to(*self.draw(st.sampled_from(self.callees)))

    def i_call_to(self, label, nin):
        d = self.draw
        outs = self.frame.outs()
        out = []
        if label == self.rec:
            top = self.opts.get("max_depth", 12)
            out.append(f"mov r{outs[0]}={d(st.integers(top // 2, top))}")
        else:
            for k in range(nin):
                out.append(f"mov r{outs[k]}={self.reg(self.readable())}")
        out.append(f"br.call.sptk.many b0={label}")
        return out

    # -- routines
    def routine(self, label, nin, nloc, nout, items, recursive=False):
        """A function: alloc, save b0, body, restore, return."""
        pfs, b0s = 32 + nin, 33 + nin
        self.frame = _Frame(nin, nloc, nout, {pfs, b0s} | ({32} if recursive else set()))
        self.budget = items
        out = [f"{label}:", f"alloc r{pfs}=ar.pfs,{nin},{nloc},{nout},0", f"mov r{b0s}=b0"]
        out += self.block(0, items, items)
        if recursive:
            done = self.label()
            p = self.draw(st.sampled_from(PREDS))
            outs = self.frame.outs()
            out += [f"cmp.eq p{p},p0=0,r32", f"(p{p}) br.cond.dpnt.few {done}",
                    f"adds r{outs[0]}=-1,r32", f"br.call.sptk.many b0={label}"]
            self.budget = max(2, items // 2)
            out += self.block(0, 0, self.budget)
            out.append(f"{done}:")
        out += [f"mov ar.pfs=r{pfs}", f"mov b0=r{b0s}", "br.ret.sptk.many b0"]
        return out


@st.composite
def programs(draw, name="prog", items=(4, 30), functions=(0, 3), recursion=True,
             multimedia=True, memory=True, loops=True, branches=True, calls=True,
             max_depth=12, fp=True):
    """A strategy for ``Program`` objects (labels prefixed by ``name``)."""
    opts = dict(multimedia=multimedia, memory=memory, loops=loops, branches=branches,
                calls=calls, max_depth=max_depth, fp=fp)
    g = _Gen(draw, name, opts)
    can_call = calls and "call" in g.avail["struct"] and "movbr" in g.avail["struct"]
    nf = draw(st.integers(*functions)) if can_call else 0
    rec = can_call and recursion and draw(st.booleans())
    funcs = []
    # functions are generated last-first: each may call those after it
    for k in reversed(range(nf)):
        nin = draw(st.integers(0, 2))
        nloc = draw(st.integers(2, 8))
        nout = draw(st.integers(0, 2))
        label = f"{name}_f{k}"
        g.callees = [c for c in funcs_meta(funcs) if c[1] <= nout]
        lines = g.routine(label, nin, nloc, nout, draw(st.integers(1, 10)))
        funcs.append((label, nin, lines))
    if rec:
        label = f"{name}_rec"
        nloc = draw(st.integers(6, 20))
        g.callees = [c for c in funcs_meta(funcs) if c[1] <= 1]
        g.rec = label
        lines = g.routine(label, 1, nloc, 1, draw(st.integers(1, 6)), recursive=True)
        funcs.append((label, 1, lines))
    # main: a frame with locals (loop counters) and outputs for calls
    # (without functions, half of the programs keep the empty frame they
    # start with: static registers only, and one block fewer to compile)
    if funcs or draw(st.booleans()):
        nloc = draw(st.integers(1, 10))
        nout = draw(st.integers(1, 3)) if funcs else draw(st.integers(0, 3))
        g.frame = _Frame(0, nloc, nout, {32})
        main = [f"{name}:", f"alloc r32=ar.pfs,0,{nloc},{nout},0"]
    else:
        nout = 0
        g.frame = _Frame(0, 0, 0, set())
        main = [f"{name}:"]
    g.callees = [c for c in funcs_meta(funcs) if c[1] <= nout]
    g.budget = draw(st.integers(*items))
    main += g.block(0, g.budget, g.budget)
    if g.rec and nout:          # the recursive function is called at least once
        g.in_cloop = False
        main += g.i_call_to(g.rec, 1)
    main += ["break.i 0", ";;"]
    body = list(main)
    for _, _, lines in reversed(funcs):
        body += lines + [";;"]
    src = "\n".join(("\t" + ln if not ln.endswith(":") else ln) for ln in body) + "\n"
    regs = initial_regs(draw(st.integers(0, (1 << 32) - 1)))
    return Program(name=name, source=src, regs=regs, data_seed=draw(st.integers(0, 1 << 30)))


def initial_regs(seed: int) -> dict:
    """Initial values of the static GRs and p6-p15 (drawn from one seed: far
    cheaper than a hypothesis draw per register): random, small, negative
    and boundary values."""
    rnd = random.Random(seed)
    special = [0, M64, 1 << 63, (1 << 63) - 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 1]
    regs = {}
    for r in STATIC_W:
        k = rnd.randrange(4)
        regs[f"r{r}"] = (rnd.getrandbits(64) if k == 0 else rnd.randint(-300, 300) & M64
                         if k == 1 else rnd.choice(special) if k == 2
                         else rnd.getrandbits(rnd.randint(1, 64)))
    for n in PREDS:
        regs[f"p{n}"] = rnd.randrange(2)
    return regs


def funcs_meta(funcs):
    return [(label, nin) for label, nin, _ in funcs]


def program_batches(n, **kw):
    """A list of n programs with distinct names (one assembler run serves them all)."""
    return st.tuples(*[programs(name=f"prog{k}", **kw) for k in range(n)]).map(list)


# ------------------------------------------------------------ assembling and running

_BATCHES = {}


def assemble_batch(progs):
    """(code bytes of .text, {program name: offset}) -- one gas run for all.
    Random batches never come back in a later run: kept in memory (for
    hypothesis' replays), not on disk."""
    text = "\t.text\n" + "".join(p.source + "\t;;\n" for p in progs)
    if text not in _BATCHES:
        if len(_BATCHES) > 16:
            _BATCHES.clear()
        _BATCHES[text] = _assemble_obj(text, cache=False)
    code, syms = _BATCHES[text]
    return code, {p.name: syms[p.name] for p in progs}


def program_code(progs):
    """Each program's bytes, runnable alone at any bundle address."""
    code, offs = assemble_batch(progs)
    starts = sorted(offs.values()) + [len(code)]
    out = []
    for p in progs:
        o = offs[p.name]
        end = next(s for s in starts if s > o)
        out.append(code[o:end])
    return out


def block_starts(code: bytes, entries):
    """Guest keys (address | slot) where compiled blocks will start: the
    entries, IP-relative branch targets, the bundles after calls and the
    slot after each alloc (frame-changing instructions end a block)."""
    from frontend.decoder import decode_bundle
    keys = {CODE_BASE + e for e in entries}
    for off in range(0, len(code) - 15, 16):
        ip = CODE_BASE + off
        b = decode_bundle(code[off:off + 16])
        mlx = b.template.units[1] == "L"
        for k, insn in enumerate(b.insns):
            if insn is None or (k == 2 and mlx):
                continue
            m = insn.mnemonic
            if "target25" in insn.f and m.startswith("br"):
                keys.add((ip + insn.f["target25"]) & M64)
            if m.startswith("br.call") or m.startswith("br.ret"):
                keys.add(ip + 16)
            if m == "alloc":
                keys.add(ip + k + 1 if k < 2 and not (mlx and k == 1) else ip + 16)
    return sorted(k for k in keys if CODE_BASE <= k < CODE_BASE + len(code))


class BatchRunner:
    """One interpreter and one JIT machine for a whole batch of programs.

    ``run(prog)`` resets both machines to the state difftest.new_machine
    gives (registers, data, stack and backing store) plus the program's
    setup, runs it from its entry on both and returns (interp, jit)."""

    def __init__(self, code: bytes, offsets: dict, jit_threshold=1, opt=None, seed_blocks=True,
                 tier_up=None):
        """``seed_blocks``: mark the statically known block starts (entries,
        branch targets, return addresses, the slot after each ``alloc``) as
        warm, so that the first compilation takes them all into one module
        (the JIT's own warm-block batching; compiling costs mostly per
        module and per instruction, not per block)."""
        self.offsets = offsets
        self.machines = []
        for engine in ("interp", "jit"):
            m = difftest.new_machine(engine, code, jit_threshold)
            if m.jit is not None:
                # random code never comes back: no persistent code cache
                m.jit.code_cache = None
                if opt is not None:
                    m.jit.opt = opt
                if tier_up is not None:     # (see backend/jit.JIT: 0 = loops at tier 2 at once)
                    m.jit.tier_up = tier_up
                if seed_blocks and jit_threshold <= 4:
                    m.jit.batch = 1 << 20
                    for key in block_starts(code, offsets.values()):
                        m.jit.counts[key] = jit_threshold
            self.machines.append(m)

    @staticmethod
    def reset(m):
        st = m.state
        cb = int(st.rt_callback[0])
        st.reset()
        st.rt_callback[0] = cb
        for r in m.mem.regions[1:]:
            r.buf[:] = 0
        m.reg_write("r12", STACK_TOP - 16)
        m.reg_write("ar.bsp", RSE_BASE)
        m.reg_write("ar.bspstore", RSE_BASE)
        m.reg_write("r1", DATA_BASE)
        m.reg_write("ar.fpsr", 0x0009804C0270033F)
        m.last_fault = None
        m._halted = False
        if m.jit is not None:
            m.jit.pending_fault = None

    def run(self, prog: Program):
        from translator.faults import BREAK
        out = []
        for m in self.machines:
            self.reset(m)
            prog.setup(m)
            try:
                m.run(CODE_BASE + self.offsets[prog.name], count=prog.max_insns)
            except difftest.EmulationError as exc:
                f = exc.fault
                m.last_fault = (f.code, f.ip, f.slot, f.arg if f.code == BREAK else 0)
            out.append(m)
        return tuple(out)
