"""F-unit (floating-point) encodings: formats F1..F16, major opcodes 0-0xE.

Status-field completers: a row whose mnemonic contains ``{sf}`` stands for
four rows, one per value of the 2-bit ``sf`` field (``.s0`` .. ``.s3``);
objdump always prints the completer, ``.s0`` included.  The field ``sf``
itself stays in the format, so later stages read the status field from it.

Pseudo-ops, as objdump picks them (more fixed bits win, see encoding.py):

* fma/fms/fnma/fpma/fpnma family (F1): ``f2=0`` (f0 = +0.0 addend) prints
  the multiply pseudo-op (fmpy, fnmpy, fpmpy, fpnmpy; fms has none);
  ``f4=1`` (f1 = 1.0 multiplicand) prints fadd/fsub (fma/fms only); both
  together print fnorm (fma only).  fcvt.xuf has the very same encoding
  as fnorm; objdump prints fnorm, so there is no fcvt.xuf row.
* xma (F2) with ``f2=0`` prints xmpy.
* fmerge.s / fmerge.ns (F9): ``f2==f3`` prints mov / fneg, ``f2=0`` prints
  fabs / fnegabs -- but with f2=f3=0 the f2==f3 form wins, hence the rows
  that fix both f2=0 and f3=0.  fpmerge.ns likewise (fpneg / fpnegabs);
  fpmerge.s has only fpabs (f2=0).
* objdump never prints the swapped-operand / swapped-predicate pseudo
  relations (fcmp.gt/ge/neq/nlt/..., fpcmp.gt/ge/ngt/nge) nor fclass.nm:
  those share the encoding of a base relation, which is what it prints.

Bits that objdump does not check are simply not constrained here:
sf (34-35) in F9/F11, bit 36 in F8-F13, f2 in F7, bits 35-36 in F5,
bit 26 in break.f, bits 6-12 in F12/F13.
"""

TYPE = "F"

FORMATS = r"""
F1   f1:6:7 f2:13:7 f3:20:7 f4:27:7 sf:34:2 x:36:1
F2   f1:6:7 f2:13:7 f3:20:7 f4:27:7 x2:34:2 x:36:1
F3   f1:6:7 f2:13:7 f3:20:7 f4:27:7 x:36:1
F4   p1:6:6 ta:12:1 f2:13:7 f3:20:7 p2:27:6 ra:33:1 sf:34:2 rb:36:1
F5   p1:6:6 ta:12:1 f2:13:7 fclass7c:20:7 p2:27:6 fc2:33:2 fclass9=cat(fclass7c,fc2)
F6   f1:6:7 f2:13:7 f3:20:7 p2:27:6 x:33:1 sf:34:2 q:36:1
F7   f1:6:7 f3:20:7 p2:27:6 x:33:1 sf:34:2 q:36:1
F8   f1:6:7 f2:13:7 f3:20:7 x6:27:6 x:33:1 sf:34:2
F9   f1:6:7 f2:13:7 f3:20:7 x6:27:6 x:33:1
F10  f1:6:7 f2:13:7 x6:27:6 x:33:1 sf:34:2
F11  f1:6:7 f2:13:7 x6:27:6 x:33:1
F12  amask7:13:7 omask7:20:7 x6:27:6 x:33:1 sf:34:2
F13  x6:27:6 x:33:1 sf:34:2
F14  imm20a:6:20 x6:27:6 x:33:1 sf:34:2 s:36:1 target25=sx(cat(s,imm20a))*16
F15  imm20a:6:20 x6:27:6 x:33:1 i:36:1 imm21=cat(i,imm20a)
F16  imm20a:6:20 y:26:1 x6:27:6 x:33:1 i:36:1 imm21=cat(i,imm20a)
"""

_ROWS = r"""
# ---- F1: floating-point multiply add (op 8-0xD; x selects the variant)
F1  fma.{sf}         op=8   x=0                 | f1=f3,f4,f2
F1  fmpy.{sf}        op=8   x=0 f2=0            | f1=f3,f4
F1  fadd.{sf}        op=8   x=0 f4=1            | f1=f3,f2
F1  fnorm.{sf}       op=8   x=0 f2=0 f4=1       | f1=f3
F1  fma.s.{sf}       op=8   x=1                 | f1=f3,f4,f2
F1  fmpy.s.{sf}      op=8   x=1 f2=0            | f1=f3,f4
F1  fadd.s.{sf}      op=8   x=1 f4=1            | f1=f3,f2
F1  fnorm.s.{sf}     op=8   x=1 f2=0 f4=1       | f1=f3
F1  fma.d.{sf}       op=9   x=0                 | f1=f3,f4,f2
F1  fmpy.d.{sf}      op=9   x=0 f2=0            | f1=f3,f4
F1  fadd.d.{sf}      op=9   x=0 f4=1            | f1=f3,f2
F1  fnorm.d.{sf}     op=9   x=0 f2=0 f4=1       | f1=f3
F1  fpma.{sf}        op=9   x=1                 | f1=f3,f4,f2
F1  fpmpy.{sf}       op=9   x=1 f2=0            | f1=f3,f4
F1  fms.{sf}         op=0xA x=0                 | f1=f3,f4,f2
F1  fsub.{sf}        op=0xA x=0 f4=1            | f1=f3,f2
F1  fms.s.{sf}       op=0xA x=1                 | f1=f3,f4,f2
F1  fsub.s.{sf}      op=0xA x=1 f4=1            | f1=f3,f2
F1  fms.d.{sf}       op=0xB x=0                 | f1=f3,f4,f2
F1  fsub.d.{sf}      op=0xB x=0 f4=1            | f1=f3,f2
F1  fpms.{sf}        op=0xB x=1                 | f1=f3,f4,f2
F1  fnma.{sf}        op=0xC x=0                 | f1=f3,f4,f2
F1  fnmpy.{sf}       op=0xC x=0 f2=0            | f1=f3,f4
F1  fnma.s.{sf}      op=0xC x=1                 | f1=f3,f4,f2
F1  fnmpy.s.{sf}     op=0xC x=1 f2=0            | f1=f3,f4
F1  fnma.d.{sf}      op=0xD x=0                 | f1=f3,f4,f2
F1  fnmpy.d.{sf}     op=0xD x=0 f2=0            | f1=f3,f4
F1  fpnma.{sf}       op=0xD x=1                 | f1=f3,f4,f2
F1  fpnmpy.{sf}      op=0xD x=1 f2=0            | f1=f3,f4

# ---- F2: fixed-point multiply add (x2=1 is reserved)
F2  xma.l            op=0xE x=1 x2=0            | f1=f3,f4,f2
F2  xmpy.l           op=0xE x=1 x2=0 f2=0       | f1=f3,f4
F2  xma.hu           op=0xE x=1 x2=2            | f1=f3,f4,f2
F2  xmpy.hu          op=0xE x=1 x2=2 f2=0       | f1=f3,f4
F2  xma.h            op=0xE x=1 x2=3            | f1=f3,f4,f2
F2  xmpy.h           op=0xE x=1 x2=3 f2=0       | f1=f3,f4

# ---- F3: parallel floating-point select (bits 34-35 unchecked)
F3  fselect          op=0xE x=0                 | f1=f3,f4,f2

# ---- F4: floating-point compare (rb:ra selects the relation, ta .unc)
F4  fcmp.eq.{sf}         op=4 rb=0 ra=0 ta=0    | p1,p2=f2,f3
F4  fcmp.lt.{sf}         op=4 rb=1 ra=0 ta=0    | p1,p2=f2,f3
F4  fcmp.le.{sf}         op=4 rb=0 ra=1 ta=0    | p1,p2=f2,f3
F4  fcmp.unord.{sf}      op=4 rb=1 ra=1 ta=0    | p1,p2=f2,f3
F4  fcmp.eq.unc.{sf}     op=4 rb=0 ra=0 ta=1    | p1,p2=f2,f3
F4  fcmp.lt.unc.{sf}     op=4 rb=1 ra=0 ta=1    | p1,p2=f2,f3
F4  fcmp.le.unc.{sf}     op=4 rb=0 ra=1 ta=1    | p1,p2=f2,f3
F4  fcmp.unord.unc.{sf}  op=4 rb=1 ra=1 ta=1    | p1,p2=f2,f3

# ---- F5: floating-point class (fclass9 prints in hex)
F5  fclass.m         op=5 ta=0                  | p1,p2=f2,fclass9:x
F5  fclass.m.unc     op=5 ta=1                  | p1,p2=f2,fclass9:x

# ---- F6/F7: reciprocal (square root) approximation
F6  frcpa.{sf}       op=0 x=1 q=0               | f1,p2=f2,f3
F7  frsqrta.{sf}     op=0 x=1 q=1               | f1,p2=f3
F6  fprcpa.{sf}      op=1 x=1 q=0               | f1,p2=f2,f3
F7  fprsqrta.{sf}    op=1 x=1 q=1               | f1,p2=f3

# ---- F8: minimum/maximum and parallel compare
F8  fmin.{sf}        op=0 x=0 x6=0x14           | f1=f2,f3
F8  fmax.{sf}        op=0 x=0 x6=0x15           | f1=f2,f3
F8  famin.{sf}       op=0 x=0 x6=0x16           | f1=f2,f3
F8  famax.{sf}       op=0 x=0 x6=0x17           | f1=f2,f3
F8  fpmin.{sf}       op=1 x=0 x6=0x14           | f1=f2,f3
F8  fpmax.{sf}       op=1 x=0 x6=0x15           | f1=f2,f3
F8  fpamin.{sf}      op=1 x=0 x6=0x16           | f1=f2,f3
F8  fpamax.{sf}      op=1 x=0 x6=0x17           | f1=f2,f3
F8  fpcmp.eq.{sf}    op=1 x=0 x6=0x30           | f1=f2,f3
F8  fpcmp.lt.{sf}    op=1 x=0 x6=0x31           | f1=f2,f3
F8  fpcmp.le.{sf}    op=1 x=0 x6=0x32           | f1=f2,f3
F8  fpcmp.unord.{sf} op=1 x=0 x6=0x33           | f1=f2,f3
F8  fpcmp.neq.{sf}   op=1 x=0 x6=0x34           | f1=f2,f3
F8  fpcmp.nlt.{sf}   op=1 x=0 x6=0x35           | f1=f2,f3
F8  fpcmp.nle.{sf}   op=1 x=0 x6=0x36           | f1=f2,f3
F8  fpcmp.ord.{sf}   op=1 x=0 x6=0x37           | f1=f2,f3

# ---- F9: merge and logical
F9  fmerge.s         op=0 x=0 x6=0x10           | f1=f2,f3
F9  mov              op=0 x=0 x6=0x10 f2==f3    | f1=f3
F9  fabs             op=0 x=0 x6=0x10 f2=0      | f1=f3
F9  mov              op=0 x=0 x6=0x10 f2=0 f3=0 | f1=f3
F9  fmerge.ns        op=0 x=0 x6=0x11           | f1=f2,f3
F9  fneg             op=0 x=0 x6=0x11 f2==f3    | f1=f3
F9  fnegabs          op=0 x=0 x6=0x11 f2=0      | f1=f3
F9  fneg             op=0 x=0 x6=0x11 f2=0 f3=0 | f1=f3
F9  fmerge.se        op=0 x=0 x6=0x12           | f1=f2,f3
F9  fpack            op=0 x=0 x6=0x28           | f1=f2,f3
F9  fand             op=0 x=0 x6=0x2C           | f1=f2,f3
F9  fandcm           op=0 x=0 x6=0x2D           | f1=f2,f3
F9  for              op=0 x=0 x6=0x2E           | f1=f2,f3
F9  fxor             op=0 x=0 x6=0x2F           | f1=f2,f3
F9  fswap            op=0 x=0 x6=0x34           | f1=f2,f3
F9  fswap.nl         op=0 x=0 x6=0x35           | f1=f2,f3
F9  fswap.nr         op=0 x=0 x6=0x36           | f1=f2,f3
F9  fmix.lr          op=0 x=0 x6=0x39           | f1=f2,f3
F9  fmix.r           op=0 x=0 x6=0x3A           | f1=f2,f3
F9  fmix.l           op=0 x=0 x6=0x3B           | f1=f2,f3
F9  fsxt.r           op=0 x=0 x6=0x3C           | f1=f2,f3
F9  fsxt.l           op=0 x=0 x6=0x3D           | f1=f2,f3
F9  fpmerge.s        op=1 x=0 x6=0x10           | f1=f2,f3
F9  fpabs            op=1 x=0 x6=0x10 f2=0      | f1=f3
F9  fpmerge.ns       op=1 x=0 x6=0x11           | f1=f2,f3
F9  fpneg            op=1 x=0 x6=0x11 f2==f3    | f1=f3
F9  fpnegabs         op=1 x=0 x6=0x11 f2=0      | f1=f3
F9  fpneg            op=1 x=0 x6=0x11 f2=0 f3=0 | f1=f3
F9  fpmerge.se       op=1 x=0 x6=0x12           | f1=f2,f3

# ---- F10: convert floating to fixed
F10 fcvt.fx.{sf}         op=0 x=0 x6=0x18       | f1=f2
F10 fcvt.fxu.{sf}        op=0 x=0 x6=0x19       | f1=f2
F10 fcvt.fx.trunc.{sf}   op=0 x=0 x6=0x1A       | f1=f2
F10 fcvt.fxu.trunc.{sf}  op=0 x=0 x6=0x1B       | f1=f2
F10 fpcvt.fx.{sf}        op=1 x=0 x6=0x18       | f1=f2
F10 fpcvt.fxu.{sf}       op=1 x=0 x6=0x19       | f1=f2
F10 fpcvt.fx.trunc.{sf}  op=1 x=0 x6=0x1A       | f1=f2
F10 fpcvt.fxu.trunc.{sf} op=1 x=0 x6=0x1B       | f1=f2

# ---- F11: convert fixed to floating
F11 fcvt.xf          op=0 x=0 x6=0x1C           | f1=f2

# ---- F12-F14: status field manipulation
F12 fsetc.{sf}       op=0 x=0 x6=0x04           | amask7:x,omask7:x
F13 fclrf.{sf}       op=0 x=0 x6=0x05           |
F14 fchkf.{sf}       op=0 x=0 x6=0x08           | target25:rel

# ---- F15/F16: break, nop, hint
F15 break.f          op=0 x=0 x6=0x00           | imm21:x
F16 nop.f            op=0 x=0 x6=0x01 y=0       | imm21:x
F16 hint.f           op=0 x=0 x6=0x01 y=1       | imm21:x
"""


def _expand_sf(text: str) -> str:
    """One row per status field for mnemonics containing ``{sf}``."""
    out = []
    for line in text.splitlines():
        head, bar, rest = line.partition("|")
        if "{sf}" not in head:
            out.append(line)
            continue
        fmt, mnem, *cons = head.split()
        for sf in range(4):
            new_head = " ".join([fmt, mnem.replace("{sf}", f"s{sf}"), *cons, f"sf={sf}"])
            out.append(f"{new_head} {bar}{rest}")
    return "\n".join(out) + "\n"


ROWS = _expand_sf(_ROWS)
