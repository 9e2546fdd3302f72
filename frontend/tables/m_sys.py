"""M-unit system, memory-management and miscellaneous encodings: major
opcodes 0 and 1 of M slots (majors 2 and 3 hold no M instructions).

Layouts follow the Itanium SDM vol. 3 formats M20-M48.  Variants:

  M48b  hint.m imm19           (y=1, z=0; the low immediate skips z at 10-11)
  M48c  mov dahr=imm16         (y=1, z=1; Itanium 9500 data access hints)
  M43 also carries mov r1=dahr[r3] (x6=0x20).

Bits the SDM leaves unused (e.g. 6-26 of M24, bit 36 of most op-1 forms)
are ignored, as objdump ignores them.
"""

TYPE = "M"

FORMATS = r"""
M20   r2:13:7 imm7a:6:7 imm13c:20:13 x3:33:3 s:36:1  target25=sx(cat(s,imm13c,imm7a))*16
M21   f2:13:7 imm7a:6:7 imm13c:20:13 x3:33:3 s:36:1  target25=sx(cat(s,imm13c,imm7a))*16
M22   r1:6:7 imm20b:13:20 x3:33:3 s:36:1             target25=sx(cat(s,imm20b))*16
M23   f1:6:7 imm20b:13:20 x3:33:3 s:36:1             target25=sx(cat(s,imm20b))*16
M24   x4:27:4 x2:31:2 x3:33:3
M25   x4:27:4 x2:31:2 x3:33:3
M26   r1:6:7 x4:27:4 x2:31:2 x3:33:3
M27   f1:6:7 x4:27:4 x2:31:2 x3:33:3
M28   r3:20:7 x6:27:6 x3:33:3 x:36:1
M29   r2:13:7 ar3:20:7 x6:27:6 x3:33:3
M30   imm7b:13:7 ar3:20:7 x4:27:4 x2:31:2 x3:33:3 s:36:1  imm8=sx(cat(s,imm7b))
M31   r1:6:7 ar3:20:7 x6:27:6 x3:33:3
M32   r2:13:7 cr3:20:7 x6:27:6 x3:33:3
M33   r1:6:7 cr3:20:7 x6:27:6 x3:33:3
M34   r1:6:7 sof:13:7 sol:20:7 sor:27:4 x3:33:3  nrot=sor*8
M35   r2:13:7 x6:27:6 x3:33:3
M36   r1:6:7 x6:27:6 x3:33:3
M37   imm20a:6:20 x4:27:4 x2:31:2 x3:33:3 i:36:1  imm21=cat(i,imm20a)
M38   r1:6:7 r2:13:7 r3:20:7 x6:27:6 x3:33:3
M39   r1:6:7 i2b:13:2 r3:20:7 x6:27:6 x3:33:3  imm2=i2b
M40   i2b:13:2 r3:20:7 x6:27:6 x3:33:3  imm2=i2b
M41   r2:13:7 x6:27:6 x3:33:3
M42   r2:13:7 r3:20:7 x6:27:6 x3:33:3
M43   r1:6:7 r3:20:7 x6:27:6 x3:33:3
M44   imm21a:6:21 x4:27:4 i2d:31:2 x3:33:3 i:36:1  imm24=cat(i,i2d,imm21a)
M45   r2:13:7 r3:20:7 x6:27:6 x3:33:3
M46   r1:6:7 r3:20:7 x6:27:6 x3:33:3
M47   r3:20:7 x6:27:6 x3:33:3
M48   imm20a:6:20 y:26:1 x4:27:4 x2:31:2 x3:33:3 i:36:1  imm21=cat(i,imm20a)
M48b  imm4a:6:4 z:10:2 imm14b:12:14 y:26:1 x4:27:4 x2:31:2 x3:33:3 i:36:1  imm19=cat(i,imm14b,imm4a)
M48c  imm4a:6:4 z:10:2 imm11b:12:11 dahr:23:3 y:26:1 x4:27:4 x2:31:2 x3:33:3 i:36:1  imm16=cat(i,imm11b,imm4a)
"""

ROWS = r"""
# ---- major opcode 0: x3 = 0 (x4/x2 sub-opcodes), x3 = 4..7 (chk.a)
M37   break.m    op=0 x3=0 x4=0 x2=0              | imm21:x
M48   nop.m      op=0 x3=0 x4=1 x2=0 y=0          | imm21:x
M48b  hint.m     op=0 x3=0 x4=1 x2=0 y=1 z=0      | imm19
M48c  mov        op=0 x3=0 x4=1 x2=0 y=1 z=1      | dahr:dahr=imm16
M25   loadrs     op=0 x3=0 x4=0xa x2=0            |  | nopred
M25   flushrs    op=0 x3=0 x4=0xc x2=0            |  | nopred
M24   invala     op=0 x3=0 x4=0 x2=1
M26   invala.e   op=0 x3=0 x4=2 x2=1              | r1
M27   invala.e   op=0 x3=0 x4=3 x2=1              | f1
M24   fwb        op=0 x3=0 x4=0 x2=2
M24   mf         op=0 x3=0 x4=2 x2=2
M24   mf.a       op=0 x3=0 x4=3 x2=2
M30   mov.m      op=0 x3=0 x4=8 x2=2              | ar3=imm8
M24   srlz.d     op=0 x3=0 x4=0 x2=3
M24   srlz.i     op=0 x3=0 x4=1 x2=3
M24   sync.i     op=0 x3=0 x4=3 x2=3
M44   sum        op=0 x3=0 x4=4                   | imm24:x
M44   rum        op=0 x3=0 x4=5                   | imm24:x
M44   ssm        op=0 x3=0 x4=6                   | imm24:x
M44   rsm        op=0 x3=0 x4=7                   | imm24:x
M22   chk.a.nc   op=0 x3=4                        | r1,target25:rel
M22   chk.a.clr  op=0 x3=5                        | r1,target25:rel
M23   chk.a.nc   op=0 x3=6                        | f1,target25:rel
M23   chk.a.clr  op=0 x3=7                        | f1,target25:rel

# ---- major opcode 1: x3 = 0 (x6 sub-opcodes), 1, 3 (chk.s), 6 (alloc)
M20   chk.s.m    op=1 x3=1                        | r2,target25:rel
M21   chk.s      op=1 x3=3                        | f2,target25:rel
M34   alloc      op=1 x3=6                        | r1=ar.pfs,sof,sol,nrot | nopred

M42   mov        op=1 x3=0 x6=0x00                | rr[r3]=r2
M42   mov        op=1 x3=0 x6=0x01                | dbr[r3]=r2
M42   mov        op=1 x3=0 x6=0x02                | ibr[r3]=r2
M42   mov        op=1 x3=0 x6=0x03                | pkr[r3]=r2
M42   mov        op=1 x3=0 x6=0x04                | pmc[r3]=r2
M42   mov        op=1 x3=0 x6=0x05                | pmd[r3]=r2
M42   mov        op=1 x3=0 x6=0x06                | msr[r3]=r2
M45   ptc.l      op=1 x3=0 x6=0x09                | r3,r2
M45   ptc.g      op=1 x3=0 x6=0x0a                | r3,r2
M45   ptc.ga     op=1 x3=0 x6=0x0b                | r3,r2
M45   ptr.d      op=1 x3=0 x6=0x0c                | r3,r2
M45   ptr.i      op=1 x3=0 x6=0x0d                | r3,r2
M42   itr.d      op=1 x3=0 x6=0x0e                | dtr[r3]=r2
M42   itr.i      op=1 x3=0 x6=0x0f                | itr[r3]=r2
M43   mov        op=1 x3=0 x6=0x10                | r1=rr[r3]
M43   mov        op=1 x3=0 x6=0x11                | r1=dbr[r3]
M43   mov        op=1 x3=0 x6=0x12                | r1=ibr[r3]
M43   mov        op=1 x3=0 x6=0x13                | r1=pkr[r3]
M43   mov        op=1 x3=0 x6=0x14                | r1=pmc[r3]
M43   mov        op=1 x3=0 x6=0x15                | r1=pmd[r3]
M43   mov        op=1 x3=0 x6=0x16                | r1=msr[r3]
M43   mov        op=1 x3=0 x6=0x17                | r1=cpuid[r3]
M39   probe.r    op=1 x3=0 x6=0x18                | r1=r3,imm2
M39   probe.w    op=1 x3=0 x6=0x19                | r1=r3,imm2
M46   thash      op=1 x3=0 x6=0x1a                | r1=r3
M46   ttag       op=1 x3=0 x6=0x1b                | r1=r3
M46   tpa        op=1 x3=0 x6=0x1e                | r1=r3
M46   tak        op=1 x3=0 x6=0x1f                | r1=r3
M43   mov        op=1 x3=0 x6=0x20                | r1=dahr[r3]
M36   mov        op=1 x3=0 x6=0x21                | r1=psr.um
M31   mov.m      op=1 x3=0 x6=0x22                | r1=ar3
M33   mov        op=1 x3=0 x6=0x24                | r1=cr3
M36   mov        op=1 x3=0 x6=0x25                | r1=psr
M35   mov        op=1 x3=0 x6=0x29                | psr.um=r2
M29   mov.m      op=1 x3=0 x6=0x2a                | ar3=r2
M32   mov        op=1 x3=0 x6=0x2c                | cr3=r2
M35   mov        op=1 x3=0 x6=0x2d                | psr.l=r2
M41   itc.d      op=1 x3=0 x6=0x2e                | r2
M41   itc.i      op=1 x3=0 x6=0x2f                | r2
M28   fc         op=1 x3=0 x6=0x30 x=0            | r3
M28   fc.i       op=1 x3=0 x6=0x30 x=1            | r3
M40   probe.rw.fault op=1 x3=0 x6=0x31            | r3,imm2
M40   probe.r.fault  op=1 x3=0 x6=0x32            | r3,imm2
M40   probe.w.fault  op=1 x3=0 x6=0x33            | r3,imm2
M47   ptc.e      op=1 x3=0 x6=0x34                | r3
M38   probe.r    op=1 x3=0 x6=0x38                | r1=r3,r2
M38   probe.w    op=1 x3=0 x6=0x39                | r1=r3,r2
"""


def _dahr(v: int) -> str:
    return f"dahr{v}"


STYLES = {"dahr": ("dahr", _dahr)}
