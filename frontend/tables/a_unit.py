"""A-unit (integer ALU) encodings: major opcodes 8-0xE in M or I slots.

Formats A1..A10 of the Itanium SDM (vol. 3, "A-Unit Instruction
Encodings").  Where several assembler spellings share one encoding (the
compare relations gt/le/ge, the complemented .andcm/.orcm forms, ...)
only the one objdump prints is a row: objdump ranks the candidates by
their position in its opcode table and the first always wins, so the
pseudo relations never appear in its output.

Quirks that objdump has and we follow:
  - A7 (cmp against r0) prints ``r0`` whatever bits 13-19 hold.
  - cmp4.ltu with an immediate prints the same signed imm8 as cmp.ltu.
"""

TYPE = "A"

FORMATS = r"""
A1  r1:6:7 r2:13:7 r3:20:7 x2b:27:2 x4:29:4 ve:33:1 x2a:34:2
A2  r1:6:7 r2:13:7 r3:20:7 ct2d:27:2 x4:29:4 ve:33:1 x2a:34:2 count2=ct2d+1
A3  r1:6:7 imm7b:13:7 r3:20:7 x2b:27:2 x4:29:4 ve:33:1 x2a:34:2 s:36:1 imm8=sx(cat(s,imm7b))
A4  r1:6:7 imm7b:13:7 r3:20:7 imm6d:27:6 ve:33:1 x2a:34:2 s:36:1 imm14=sx(cat(s,imm6d,imm7b))
A5  r1:6:7 imm7b:13:7 r3:20:2 imm5c:22:5 imm9d:27:9 s:36:1 imm22=sx(cat(s,imm5c,imm9d,imm7b))
A6  p1:6:6 c:12:1 r2:13:7 r3:20:7 p2:27:6 ta:33:1 x2:34:2 tb:36:1
A7  p1:6:6 c:12:1 r3:20:7 p2:27:6 ta:33:1 x2:34:2 tb:36:1
A8  p1:6:6 c:12:1 imm7b:13:7 r3:20:7 p2:27:6 ta:33:1 x2:34:2 s:36:1 imm8=sx(cat(s,imm7b))
A9  r1:6:7 r2:13:7 r3:20:7 x2b:27:2 x4:29:4 zb:33:1 x2a:34:2 za:36:1
A10 r1:6:7 r2:13:7 r3:20:7 ct2d:27:2 x4:29:4 zb:33:1 x2a:34:2 za:36:1 count2=ct2d+1
"""

ROWS = r"""
# ---- A1: integer ALU, register-register (op 8, x2a 0, ve 0)
A1  add       op=8 x2a=0 ve=0 x4=0 x2b=0          | r1=r2,r3
A1  add       op=8 x2a=0 ve=0 x4=0 x2b=1          | r1=r2,r3,1
A1  sub       op=8 x2a=0 ve=0 x4=1 x2b=1          | r1=r2,r3
A1  sub       op=8 x2a=0 ve=0 x4=1 x2b=0          | r1=r2,r3,1
A1  addp4     op=8 x2a=0 ve=0 x4=2 x2b=0          | r1=r2,r3
A1  and       op=8 x2a=0 ve=0 x4=3 x2b=0          | r1=r2,r3
A1  andcm     op=8 x2a=0 ve=0 x4=3 x2b=1          | r1=r2,r3
A1  or        op=8 x2a=0 ve=0 x4=3 x2b=2          | r1=r2,r3
A1  xor       op=8 x2a=0 ve=0 x4=3 x2b=3          | r1=r2,r3

# ---- A2: shift left and add
A2  shladd    op=8 x2a=0 ve=0 x4=4                | r1=r2,count2,r3
A2  shladdp4  op=8 x2a=0 ve=0 x4=6                | r1=r2,count2,r3

# ---- A3: integer ALU, immediate8-register
A3  sub       op=8 x2a=0 ve=0 x4=9 x2b=1          | r1=imm8,r3
A3  and       op=8 x2a=0 ve=0 x4=0xb x2b=0        | r1=imm8,r3
A3  andcm     op=8 x2a=0 ve=0 x4=0xb x2b=1        | r1=imm8,r3
A3  or        op=8 x2a=0 ve=0 x4=0xb x2b=2        | r1=imm8,r3
A3  xor       op=8 x2a=0 ve=0 x4=0xb x2b=3        | r1=imm8,r3

# ---- A4: add imm14 (objdump shows mov only for imm14 == 0, never the r3 == 0 form)
A4  adds      op=8 x2a=2 ve=0                     | r1=imm14,r3
A4  mov       op=8 x2a=2 ve=0 imm14==0            | r1=r3
A4  addp4     op=8 x2a=3 ve=0                     | r1=imm14,r3

# ---- A5: add imm22
A5  addl      op=9                                | r1=imm22,r3
A5  mov       op=9 r3=0                           | r1=imm22

# ---- A6: integer compare, register-register (tb 0; x2 0 = cmp, 1 = cmp4)
A6  cmp.lt            op=0xc x2=0 tb=0 ta=0 c=0   | p1,p2=r2,r3
A6  cmp.lt.unc        op=0xc x2=0 tb=0 ta=0 c=1   | p1,p2=r2,r3
A6  cmp.eq.and        op=0xc x2=0 tb=0 ta=1 c=0   | p1,p2=r2,r3
A6  cmp.ne.and        op=0xc x2=0 tb=0 ta=1 c=1   | p1,p2=r2,r3
A6  cmp4.lt           op=0xc x2=1 tb=0 ta=0 c=0   | p1,p2=r2,r3
A6  cmp4.lt.unc       op=0xc x2=1 tb=0 ta=0 c=1   | p1,p2=r2,r3
A6  cmp4.eq.and       op=0xc x2=1 tb=0 ta=1 c=0   | p1,p2=r2,r3
A6  cmp4.ne.and       op=0xc x2=1 tb=0 ta=1 c=1   | p1,p2=r2,r3
A6  cmp.ltu           op=0xd x2=0 tb=0 ta=0 c=0   | p1,p2=r2,r3
A6  cmp.ltu.unc       op=0xd x2=0 tb=0 ta=0 c=1   | p1,p2=r2,r3
A6  cmp.eq.or         op=0xd x2=0 tb=0 ta=1 c=0   | p1,p2=r2,r3
A6  cmp.ne.or         op=0xd x2=0 tb=0 ta=1 c=1   | p1,p2=r2,r3
A6  cmp4.ltu          op=0xd x2=1 tb=0 ta=0 c=0   | p1,p2=r2,r3
A6  cmp4.ltu.unc      op=0xd x2=1 tb=0 ta=0 c=1   | p1,p2=r2,r3
A6  cmp4.eq.or        op=0xd x2=1 tb=0 ta=1 c=0   | p1,p2=r2,r3
A6  cmp4.ne.or        op=0xd x2=1 tb=0 ta=1 c=1   | p1,p2=r2,r3
A6  cmp.eq            op=0xe x2=0 tb=0 ta=0 c=0   | p1,p2=r2,r3
A6  cmp.eq.unc        op=0xe x2=0 tb=0 ta=0 c=1   | p1,p2=r2,r3
A6  cmp.eq.or.andcm   op=0xe x2=0 tb=0 ta=1 c=0   | p1,p2=r2,r3
A6  cmp.ne.or.andcm   op=0xe x2=0 tb=0 ta=1 c=1   | p1,p2=r2,r3
A6  cmp4.eq           op=0xe x2=1 tb=0 ta=0 c=0   | p1,p2=r2,r3
A6  cmp4.eq.unc       op=0xe x2=1 tb=0 ta=0 c=1   | p1,p2=r2,r3
A6  cmp4.eq.or.andcm  op=0xe x2=1 tb=0 ta=1 c=0   | p1,p2=r2,r3
A6  cmp4.ne.or.andcm  op=0xe x2=1 tb=0 ta=1 c=1   | p1,p2=r2,r3

# ---- A7: integer compare against r0 (tb 1): the relation is r0 REL r3
A7  cmp.gt.and        op=0xc x2=0 tb=1 ta=0 c=0   | p1,p2=r0,r3
A7  cmp.le.and        op=0xc x2=0 tb=1 ta=0 c=1   | p1,p2=r0,r3
A7  cmp.ge.and        op=0xc x2=0 tb=1 ta=1 c=0   | p1,p2=r0,r3
A7  cmp.lt.and        op=0xc x2=0 tb=1 ta=1 c=1   | p1,p2=r0,r3
A7  cmp4.gt.and       op=0xc x2=1 tb=1 ta=0 c=0   | p1,p2=r0,r3
A7  cmp4.le.and       op=0xc x2=1 tb=1 ta=0 c=1   | p1,p2=r0,r3
A7  cmp4.ge.and       op=0xc x2=1 tb=1 ta=1 c=0   | p1,p2=r0,r3
A7  cmp4.lt.and       op=0xc x2=1 tb=1 ta=1 c=1   | p1,p2=r0,r3
A7  cmp.gt.or         op=0xd x2=0 tb=1 ta=0 c=0   | p1,p2=r0,r3
A7  cmp.le.or         op=0xd x2=0 tb=1 ta=0 c=1   | p1,p2=r0,r3
A7  cmp.ge.or         op=0xd x2=0 tb=1 ta=1 c=0   | p1,p2=r0,r3
A7  cmp.lt.or         op=0xd x2=0 tb=1 ta=1 c=1   | p1,p2=r0,r3
A7  cmp4.gt.or        op=0xd x2=1 tb=1 ta=0 c=0   | p1,p2=r0,r3
A7  cmp4.le.or        op=0xd x2=1 tb=1 ta=0 c=1   | p1,p2=r0,r3
A7  cmp4.ge.or        op=0xd x2=1 tb=1 ta=1 c=0   | p1,p2=r0,r3
A7  cmp4.lt.or        op=0xd x2=1 tb=1 ta=1 c=1   | p1,p2=r0,r3
A7  cmp.gt.or.andcm   op=0xe x2=0 tb=1 ta=0 c=0   | p1,p2=r0,r3
A7  cmp.le.or.andcm   op=0xe x2=0 tb=1 ta=0 c=1   | p1,p2=r0,r3
A7  cmp.ge.or.andcm   op=0xe x2=0 tb=1 ta=1 c=0   | p1,p2=r0,r3
A7  cmp.lt.or.andcm   op=0xe x2=0 tb=1 ta=1 c=1   | p1,p2=r0,r3
A7  cmp4.gt.or.andcm  op=0xe x2=1 tb=1 ta=0 c=0   | p1,p2=r0,r3
A7  cmp4.le.or.andcm  op=0xe x2=1 tb=1 ta=0 c=1   | p1,p2=r0,r3
A7  cmp4.ge.or.andcm  op=0xe x2=1 tb=1 ta=1 c=0   | p1,p2=r0,r3
A7  cmp4.lt.or.andcm  op=0xe x2=1 tb=1 ta=1 c=1   | p1,p2=r0,r3

# ---- A8: integer compare, immediate-register (x2 2 = cmp, 3 = cmp4; bit 36 is the sign)
A8  cmp.lt            op=0xc x2=2 ta=0 c=0        | p1,p2=imm8,r3
A8  cmp.lt.unc        op=0xc x2=2 ta=0 c=1        | p1,p2=imm8,r3
A8  cmp.eq.and        op=0xc x2=2 ta=1 c=0        | p1,p2=imm8,r3
A8  cmp.ne.and        op=0xc x2=2 ta=1 c=1        | p1,p2=imm8,r3
A8  cmp4.lt           op=0xc x2=3 ta=0 c=0        | p1,p2=imm8,r3
A8  cmp4.lt.unc       op=0xc x2=3 ta=0 c=1        | p1,p2=imm8,r3
A8  cmp4.eq.and       op=0xc x2=3 ta=1 c=0        | p1,p2=imm8,r3
A8  cmp4.ne.and       op=0xc x2=3 ta=1 c=1        | p1,p2=imm8,r3
A8  cmp.ltu           op=0xd x2=2 ta=0 c=0        | p1,p2=imm8,r3
A8  cmp.ltu.unc       op=0xd x2=2 ta=0 c=1        | p1,p2=imm8,r3
A8  cmp.eq.or         op=0xd x2=2 ta=1 c=0        | p1,p2=imm8,r3
A8  cmp.ne.or         op=0xd x2=2 ta=1 c=1        | p1,p2=imm8,r3
A8  cmp4.ltu          op=0xd x2=3 ta=0 c=0        | p1,p2=imm8,r3
A8  cmp4.ltu.unc      op=0xd x2=3 ta=0 c=1        | p1,p2=imm8,r3
A8  cmp4.eq.or        op=0xd x2=3 ta=1 c=0        | p1,p2=imm8,r3
A8  cmp4.ne.or        op=0xd x2=3 ta=1 c=1        | p1,p2=imm8,r3
A8  cmp.eq            op=0xe x2=2 ta=0 c=0        | p1,p2=imm8,r3
A8  cmp.eq.unc        op=0xe x2=2 ta=0 c=1        | p1,p2=imm8,r3
A8  cmp.eq.or.andcm   op=0xe x2=2 ta=1 c=0        | p1,p2=imm8,r3
A8  cmp.ne.or.andcm   op=0xe x2=2 ta=1 c=1        | p1,p2=imm8,r3
A8  cmp4.eq           op=0xe x2=3 ta=0 c=0        | p1,p2=imm8,r3
A8  cmp4.eq.unc       op=0xe x2=3 ta=0 c=1        | p1,p2=imm8,r3
A8  cmp4.eq.or.andcm  op=0xe x2=3 ta=1 c=0        | p1,p2=imm8,r3
A8  cmp4.ne.or.andcm  op=0xe x2=3 ta=1 c=1        | p1,p2=imm8,r3

# ---- A9: multimedia ALU (op 8, x2a 1; za:zb = element size 00=1 01=2 10=4)
A9  padd1         op=8 x2a=1 za=0 zb=0 x4=0 x2b=0 | r1=r2,r3
A9  padd2         op=8 x2a=1 za=0 zb=1 x4=0 x2b=0 | r1=r2,r3
A9  padd4         op=8 x2a=1 za=1 zb=0 x4=0 x2b=0 | r1=r2,r3
A9  padd1.sss     op=8 x2a=1 za=0 zb=0 x4=0 x2b=1 | r1=r2,r3
A9  padd2.sss     op=8 x2a=1 za=0 zb=1 x4=0 x2b=1 | r1=r2,r3
A9  padd1.uuu     op=8 x2a=1 za=0 zb=0 x4=0 x2b=2 | r1=r2,r3
A9  padd2.uuu     op=8 x2a=1 za=0 zb=1 x4=0 x2b=2 | r1=r2,r3
A9  padd1.uus     op=8 x2a=1 za=0 zb=0 x4=0 x2b=3 | r1=r2,r3
A9  padd2.uus     op=8 x2a=1 za=0 zb=1 x4=0 x2b=3 | r1=r2,r3
A9  psub1         op=8 x2a=1 za=0 zb=0 x4=1 x2b=0 | r1=r2,r3
A9  psub2         op=8 x2a=1 za=0 zb=1 x4=1 x2b=0 | r1=r2,r3
A9  psub4         op=8 x2a=1 za=1 zb=0 x4=1 x2b=0 | r1=r2,r3
A9  psub1.sss     op=8 x2a=1 za=0 zb=0 x4=1 x2b=1 | r1=r2,r3
A9  psub2.sss     op=8 x2a=1 za=0 zb=1 x4=1 x2b=1 | r1=r2,r3
A9  psub1.uuu     op=8 x2a=1 za=0 zb=0 x4=1 x2b=2 | r1=r2,r3
A9  psub2.uuu     op=8 x2a=1 za=0 zb=1 x4=1 x2b=2 | r1=r2,r3
A9  psub1.uus     op=8 x2a=1 za=0 zb=0 x4=1 x2b=3 | r1=r2,r3
A9  psub2.uus     op=8 x2a=1 za=0 zb=1 x4=1 x2b=3 | r1=r2,r3
A9  pavg1         op=8 x2a=1 za=0 zb=0 x4=2 x2b=2 | r1=r2,r3
A9  pavg2         op=8 x2a=1 za=0 zb=1 x4=2 x2b=2 | r1=r2,r3
A9  pavg1.raz     op=8 x2a=1 za=0 zb=0 x4=2 x2b=3 | r1=r2,r3
A9  pavg2.raz     op=8 x2a=1 za=0 zb=1 x4=2 x2b=3 | r1=r2,r3
A9  pavgsub1      op=8 x2a=1 za=0 zb=0 x4=3 x2b=2 | r1=r2,r3
A9  pavgsub2      op=8 x2a=1 za=0 zb=1 x4=3 x2b=2 | r1=r2,r3
A9  pcmp1.eq      op=8 x2a=1 za=0 zb=0 x4=9 x2b=0 | r1=r2,r3
A9  pcmp2.eq      op=8 x2a=1 za=0 zb=1 x4=9 x2b=0 | r1=r2,r3
A9  pcmp4.eq      op=8 x2a=1 za=1 zb=0 x4=9 x2b=0 | r1=r2,r3
A9  pcmp1.gt      op=8 x2a=1 za=0 zb=0 x4=9 x2b=1 | r1=r2,r3
A9  pcmp2.gt      op=8 x2a=1 za=0 zb=1 x4=9 x2b=1 | r1=r2,r3
A9  pcmp4.gt      op=8 x2a=1 za=1 zb=0 x4=9 x2b=1 | r1=r2,r3

# ---- A10: multimedia shift and add
A10 pshladd2      op=8 x2a=1 za=0 zb=1 x4=4       | r1=r2,count2,r3
A10 pshradd2      op=8 x2a=1 za=0 zb=1 x4=6       | r1=r2,count2,r3
"""
