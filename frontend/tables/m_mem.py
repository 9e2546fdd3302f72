"""M-type memory-access encodings: major opcodes 4, 5, 6 and 7 (SDM formats M1-M19).

    op 4  integer loads/stores without update (m=0 x=0), with register
          post-increment (m=1 x=0), semaphores, getf, ld16/st16 (m=0 x=1)
    op 5  integer loads/stores with imm9 post-increment
    op 6  FP loads/stores, lfetch (m=0/1 x=0), FP load pairs (x=1), setf
    op 7  FP loads/stores and lfetch with imm9 post-increment

The many completer x hint combinations are written as small tables of
(x6, mnemonic) and hint suffixes below, and expanded into ROWS (plain rows
in the notation of frontend/encoding.py) when the module is imported.
Fields that are unused by a format (e.g. bits 6-12 of a store) are left
unconstrained, as the hardware and objdump ignore them.
"""

TYPE = "M"

# All formats: x6:30:6 and hint:28:2.  With op 4 and 6, m (bit 36) and x
# (bit 27) select no update / register update / the x=1 group; op 5 and 7
# use bits 27 and 36 as bit 7 and sign of the imm9 post-increment instead.
# hx: see the hint completers below.  M13b is Poulson's lfetch.count
# (y=1): count6+1 lines, stride5 * 64 bytes apart.
FORMATS = r"""
M1   r1:6:7 hx:19:1 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M2   r1:6:7 r2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M3   r1:6:7 imm7b:13:7 r3:20:7 i:27:1 hint:28:2 x6:30:6 s:36:1 imm9=sx(cat(s,i,imm7b))
M4   hx:12:1 r2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M5   imm7a:6:7 r2:13:7 r3:20:7 i:27:1 hint:28:2 x6:30:6 s:36:1 imm9=sx(cat(s,i,imm7a))
M6   f1:6:7 hx:19:1 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M7   f1:6:7 r2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M8   f1:6:7 imm7b:13:7 r3:20:7 i:27:1 hint:28:2 x6:30:6 s:36:1 imm9=sx(cat(s,i,imm7b))
M9   hx:12:1 f2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M10  imm7a:6:7 f2:13:7 r3:20:7 i:27:1 hint:28:2 x6:30:6 s:36:1 imm9=sx(cat(s,i,imm7a))
M11  f1:6:7 f2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M12  f1:6:7 f2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1 inc=16-8*((x6&3)==2)
M13  hx:12:1 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M13b count6:6:6 hx:12:1 stride5:13:5 y:19:1 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1 count=count6+1 stride=sx(stride5,5)*64
M14  hx:12:1 r2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M15  hx:12:1 imm7b:13:7 r3:20:7 i:27:1 hint:28:2 x6:30:6 s:36:1 imm9=sx(cat(s,i,imm7b))
M16  r1:6:7 r2:13:7 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1
M17  r1:6:7 i2b:13:2 s:15:1 r3:20:7 x:27:1 hint:28:2 x6:30:6 m:36:1 inc3=(16,8,4,1)[i2b]*(1-2*s)
M18  f1:6:7 r2:13:7 r3:20:7 x:27:1 x6:30:6 m:36:1
M19  r1:6:7 f2:13:7 r3:20:7 x:27:1 x6:30:6 m:36:1
"""

# Hint completers: hint (bits 28-29) -> mnemonic suffix.  Where objdump
# also knows the Poulson dependency hints .d1-.d7, the key is (hint, hx):
# hx is one otherwise unused bit (19 for no-update loads, 12 for no-update
# stores and all lfetch forms) that extends the hint to three bits.
_LD_HINTS = {0: "", 1: ".nt1", 3: ".nta"}          # loads with update, semaphores
_ST_HINTS = {0: "", 3: ".nta"}                      # stores with imm9 update
_LD_DHINTS = {(h, x): ("", ".nt1", ".d2", ".nta", ".d4", ".d5", ".d6", ".d7")[h + 4 * x]
              for h in range(4) for x in range(2)}
_ST_DHINTS = {(h, x): ("", ".d1", ".d2", ".nta", ".d4", ".d5", ".d6", ".d7")[h + 4 * x]
              for h in range(4) for x in range(2)}
_LFETCH_DHINTS = {(h, x): ("", ".nt1", ".nt2", ".nta", ".d4", ".d5", ".d6", ".d7")[h + 4 * x]
                  for h in range(4) for x in range(2)}

_SIZES = ("1", "2", "4", "8")

# Integer loads (M1 M2 M3): x6 -> mnemonic
_INT_LOADS = {}
for _base, _compl in ((0x00, ""), (0x04, ".s"), (0x08, ".a"), (0x0C, ".sa"),
                      (0x10, ".bias"), (0x14, ".acq"), (0x20, ".c.clr"),
                      (0x24, ".c.nc"), (0x28, ".c.clr.acq")):
    for _k, _sz in enumerate(_SIZES):
        _INT_LOADS[_base + _k] = f"ld{_sz}{_compl}"
_INT_LOADS[0x1B] = "ld8.fill"

# Integer stores (M4 M5)
_INT_STORES = {0x30 + k: f"st{sz}" for k, sz in enumerate(_SIZES)}
_INT_STORES.update({0x34 + k: f"st{sz}.rel" for k, sz in enumerate(_SIZES)})
_INT_STORES[0x3B] = "st8.spill"

# FP loads (M6 M7 M8): low two x6 bits give the format e/8/s/d
_FP_SIZES = ("e", "8", "s", "d")
_FP_LOADS = {}
for _base, _compl in ((0x00, ""), (0x04, ".s"), (0x08, ".a"), (0x0C, ".sa"),
                      (0x20, ".c.clr"), (0x24, ".c.nc")):
    for _k, _sz in enumerate(_FP_SIZES):
        _FP_LOADS[_base + _k] = f"ldf{_sz}{_compl}"
_FP_LOADS[0x1B] = "ldf.fill"

# FP stores (M9 M10)
_FP_STORES = {0x30 + k: f"stf{sz}" for k, sz in enumerate(_FP_SIZES)}
_FP_STORES[0x3B] = "stf.spill"

# FP load pairs (M11 M12): no ldfpe
_FP_PAIRS = {}
for _base, _compl in ((0x00, ""), (0x04, ".s"), (0x08, ".a"), (0x0C, ".sa"),
                      (0x20, ".c.clr"), (0x24, ".c.nc")):
    for _k, _sz in enumerate(_FP_SIZES):
        if _sz != "e":
            _FP_PAIRS[_base + _k] = f"ldfp{_sz}{_compl}"

# Line prefetch (M13 M14 M15)
_LFETCH = {0x2C: "lfetch", 0x2D: "lfetch.excl", 0x2E: "lfetch.fault",
           0x2F: "lfetch.fault.excl"}

# Semaphores (M16 M17), op 4 m=0 x=1
_CMPXCHG = {k: f"cmpxchg{sz}.acq" for k, sz in enumerate(_SIZES)}
_CMPXCHG.update({4 + k: f"cmpxchg{sz}.rel" for k, sz in enumerate(_SIZES)})
_XCHG = {8 + k: f"xchg{sz}" for k, sz in enumerate(_SIZES)}
_CMP8XCHG16 = {0x20: "cmp8xchg16.acq", 0x24: "cmp8xchg16.rel"}
_FETCHADD = {0x12: "fetchadd4.acq", 0x13: "fetchadd8.acq",
             0x16: "fetchadd4.rel", 0x17: "fetchadd8.rel"}

# 16-byte load/store (M1/M4 with x=1; the second datum goes via ar.csd)
_LD16 = {0x28: "ld16", 0x2C: "ld16.acq"}
_ST16 = {0x30: "st16", 0x34: "st16.rel"}

# setf (M18, op 6) and getf (M19, op 4), m=0 x=1; hint bits are ignored
_FPXFER = {0x1C: "sig", 0x1D: "exp", 0x1E: "s", 0x1F: "d"}


def _rows(fmt, cons, table, hints, operands):
    out = []
    for x6, name in table.items():
        for key, suffix in hints.items():
            hbits = f"hint={key[0]} hx={key[1]}" if isinstance(key, tuple) else f"hint={key}"
            out.append(f"{fmt:4} {name + suffix:24} {cons} x6={x6:#04x} {hbits} | {operands}")
    return out


_R = []
# op 4: no update (m=0 x=0) and register post-increment (m=1 x=0)
_R += _rows("M1", "op=4 m=0 x=0", _INT_LOADS, _LD_DHINTS, "r1=[r3]")
_R += _rows("M2", "op=4 m=1 x=0", _INT_LOADS, _LD_HINTS, "r1=[r3],r2")
_R += _rows("M4", "op=4 m=0 x=0", _INT_STORES, _ST_DHINTS, "[r3]=r2")
# op 4 m=0 x=1: semaphores, getf, ld16/st16
_R += _rows("M16", "op=4 m=0 x=1", _CMPXCHG, _LD_HINTS, "r1=[r3],r2,ar.ccv")
_R += _rows("M16", "op=4 m=0 x=1", _XCHG, _LD_HINTS, "r1=[r3],r2")
_R += _rows("M16", "op=4 m=0 x=1", _CMP8XCHG16, _LD_HINTS, "r1=[r3],r2,ar.csd,ar.ccv")
_R += _rows("M17", "op=4 m=0 x=1", _FETCHADD, _LD_HINTS, "r1=[r3],inc3")
_R += _rows("M1", "op=4 m=0 x=1", _LD16, _LD_DHINTS, "r1,ar.csd=[r3]")
_R += _rows("M4", "op=4 m=0 x=1", _ST16, _ST_DHINTS, "[r3]=r2,ar.csd")
_R += [f"M19  getf.{n:20} op=4 m=0 x=1 x6={x6:#04x} | r1=f2" for x6, n in _FPXFER.items()]
# op 5: imm9 post-increment
_R += _rows("M3", "op=5", _INT_LOADS, _LD_HINTS, "r1=[r3],imm9")
_R += _rows("M5", "op=5", _INT_STORES, _ST_HINTS, "[r3]=r2,imm9")
# op 6: FP no update (m=0 x=0) and register post-increment (m=1 x=0)
_R += _rows("M6", "op=6 m=0 x=0", _FP_LOADS, _LD_DHINTS, "f1=[r3]")
_R += _rows("M7", "op=6 m=1 x=0", _FP_LOADS, _LD_HINTS, "f1=[r3],r2")
_R += _rows("M9", "op=6 m=0 x=0", _FP_STORES, _ST_DHINTS, "[r3]=f2")
_R += _rows("M13", "op=6 m=0 x=0", _LFETCH, _LFETCH_DHINTS, "[r3]")
_R += _rows("M13b", "op=6 m=0 x=0 y=1", {0x2C: "lfetch.count"}, _LFETCH_DHINTS,
            "[r3],count,stride")
_R += _rows("M14", "op=6 m=1 x=0", _LFETCH, _LFETCH_DHINTS, "[r3],r2")
# op 6 x=1: FP load pairs (m=1: post-increment by 8 or 16), setf
_R += _rows("M11", "op=6 m=0 x=1", _FP_PAIRS, _LD_HINTS, "f1,f2=[r3]")
_R += _rows("M12", "op=6 m=1 x=1", _FP_PAIRS, _LD_HINTS, "f1,f2=[r3],inc")
_R += [f"M18  setf.{n:20} op=6 m=0 x=1 x6={x6:#04x} | f1=r2" for x6, n in _FPXFER.items()]
# op 7: imm9 post-increment
_R += _rows("M8", "op=7", _FP_LOADS, _LD_HINTS, "f1=[r3],imm9")
_R += _rows("M10", "op=7", _FP_STORES, _ST_HINTS, "[r3]=f2,imm9")
_R += _rows("M15", "op=7", _LFETCH, _LFETCH_DHINTS, "[r3],imm9")

ROWS = "\n".join(_R) + "\n"

del _R, _base, _compl, _k, _sz
