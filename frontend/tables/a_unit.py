"""A-unit (integer ALU) encodings: major opcodes 8-0xE in M or I slots."""

TYPE = "A"

FORMATS = r"""
A1  r1:6:7 r2:13:7 r3:20:7 x2b:27:2 x4:29:4 ve:33:1 x2a:34:2
A4  r1:6:7 imm7b:13:7 r3:20:7 imm6d:27:6 ve:33:1 x2a:34:2 s:36:1 imm14=sx(cat(s,imm6d,imm7b))
A5  r1:6:7 imm7b:13:7 r3:20:2 imm5c:22:5 imm9d:27:9 s:36:1 imm22=sx(cat(s,imm5c,imm9d,imm7b))
"""

ROWS = r"""
A1  add    op=8 x2a=0 ve=0 x4=0 x2b=0         | r1=r2,r3
A1  add    op=8 x2a=0 ve=0 x4=0 x2b=1         | r1=r2,r3,1
A4  adds   op=8 x2a=2 ve=0                    | r1=imm14,r3
A4  mov    op=8 x2a=2 ve=0 imm14==0           | r1=r3
A5  addl   op=9                               | r1=imm22,r3
A5  mov    op=9 r3=0                          | r1=imm22
"""
