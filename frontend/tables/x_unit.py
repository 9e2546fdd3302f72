"""X-type encodings (MLX bundles): formats X1..X5 of the Itanium SDM vol. 3.

The X instruction sits in slot 2; fields named ``L.lo`` come from the L
slot (slot 1).  brl targets are byte displacements from the bundle address.
With qp=0, a brl.cond.sptk prints as objdump's brl pseudo-op.
"""

TYPE = "X"

FORMATS = r"""
X1  imm20a:6:20 y:26:1 x6:27:6 x3:33:3 i:36:1 imm41:L.0:41 imm62=cat(imm41,i,imm20a)
X2  r1:6:7 imm7b:13:7 vc:20:1 ic:21:1 imm5c:22:5 imm9d:27:9 i:36:1 imm41:L.0:41 imm64=cat(i,imm41,ic,imm5c,imm9d,imm7b)
X3  btype:6:3 p:12:1 imm20b:13:20 wh:33:2 d:35:1 i:36:1 imm39:L.2:39 target64=sx(cat(i,imm39,imm20b))<<4
X4  b1:6:3 p:12:1 imm20b:13:20 wh:33:2 d:35:1 i:36:1 imm39:L.2:39 target64=sx(cat(i,imm39,imm20b))<<4
X5  imm20a:6:20 y:26:1 x6:27:6 x3:33:3 i:36:1 imm41:L.0:41 imm62=cat(imm41,i,imm20a)
"""

ROWS = r"""
# X1: break.x (the y bit is not decoded)
X1  break.x                 op=0 x3=0 x6=0x00                   | imm62:x
# X2: movl (64-bit immediate from both slots)
X2  movl                    op=6 vc=0                           | r1=imm64:x
# X5: nop.x / hint.x
X5  nop.x                   op=0 x3=0 x6=0x01 y=0               | imm62:x
X5  hint.x                  op=0 x3=0 x6=0x01 y=1               | imm62:x
# X3: long branch (op 0xC)
X3  brl.cond.sptk.few       op=0xC btype=0 p=0 wh=0 d=0         | target64:rel
X3  brl.cond.sptk.few.clr   op=0xC btype=0 p=0 wh=0 d=1         | target64:rel
X3  brl.cond.spnt.few       op=0xC btype=0 p=0 wh=1 d=0         | target64:rel
X3  brl.cond.spnt.few.clr   op=0xC btype=0 p=0 wh=1 d=1         | target64:rel
X3  brl.cond.dptk.few       op=0xC btype=0 p=0 wh=2 d=0         | target64:rel
X3  brl.cond.dptk.few.clr   op=0xC btype=0 p=0 wh=2 d=1         | target64:rel
X3  brl.cond.dpnt.few       op=0xC btype=0 p=0 wh=3 d=0         | target64:rel
X3  brl.cond.dpnt.few.clr   op=0xC btype=0 p=0 wh=3 d=1         | target64:rel
X3  brl.cond.sptk.many      op=0xC btype=0 p=1 wh=0 d=0         | target64:rel
X3  brl.cond.sptk.many.clr  op=0xC btype=0 p=1 wh=0 d=1         | target64:rel
X3  brl.cond.spnt.many      op=0xC btype=0 p=1 wh=1 d=0         | target64:rel
X3  brl.cond.spnt.many.clr  op=0xC btype=0 p=1 wh=1 d=1         | target64:rel
X3  brl.cond.dptk.many      op=0xC btype=0 p=1 wh=2 d=0         | target64:rel
X3  brl.cond.dptk.many.clr  op=0xC btype=0 p=1 wh=2 d=1         | target64:rel
X3  brl.cond.dpnt.many      op=0xC btype=0 p=1 wh=3 d=0         | target64:rel
X3  brl.cond.dpnt.many.clr  op=0xC btype=0 p=1 wh=3 d=1         | target64:rel
X3  brl.few                 op=0xC btype=0 p=0 wh=0 d=0 qp=0    | target64:rel
X3  brl.few.clr             op=0xC btype=0 p=0 wh=0 d=1 qp=0    | target64:rel
X3  brl.many                op=0xC btype=0 p=1 wh=0 d=0 qp=0    | target64:rel
X3  brl.many.clr            op=0xC btype=0 p=1 wh=0 d=1 qp=0    | target64:rel
# X4: long call (op 0xD)
X4  brl.call.sptk.few       op=0xD p=0 wh=0 d=0                 | b1=target64:rel
X4  brl.call.sptk.few.clr   op=0xD p=0 wh=0 d=1                 | b1=target64:rel
X4  brl.call.spnt.few       op=0xD p=0 wh=1 d=0                 | b1=target64:rel
X4  brl.call.spnt.few.clr   op=0xD p=0 wh=1 d=1                 | b1=target64:rel
X4  brl.call.dptk.few       op=0xD p=0 wh=2 d=0                 | b1=target64:rel
X4  brl.call.dptk.few.clr   op=0xD p=0 wh=2 d=1                 | b1=target64:rel
X4  brl.call.dpnt.few       op=0xD p=0 wh=3 d=0                 | b1=target64:rel
X4  brl.call.dpnt.few.clr   op=0xD p=0 wh=3 d=1                 | b1=target64:rel
X4  brl.call.sptk.many      op=0xD p=1 wh=0 d=0                 | b1=target64:rel
X4  brl.call.sptk.many.clr  op=0xD p=1 wh=0 d=1                 | b1=target64:rel
X4  brl.call.spnt.many      op=0xD p=1 wh=1 d=0                 | b1=target64:rel
X4  brl.call.spnt.many.clr  op=0xD p=1 wh=1 d=1                 | b1=target64:rel
X4  brl.call.dptk.many      op=0xD p=1 wh=2 d=0                 | b1=target64:rel
X4  brl.call.dptk.many.clr  op=0xD p=1 wh=2 d=1                 | b1=target64:rel
X4  brl.call.dpnt.many      op=0xD p=1 wh=3 d=0                 | b1=target64:rel
X4  brl.call.dpnt.many.clr  op=0xD p=1 wh=3 d=1                 | b1=target64:rel
"""
