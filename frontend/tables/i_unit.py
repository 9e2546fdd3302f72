"""I-type encodings: major opcodes 0-7 in I slots.

Formats I1..I30 of the Itanium SDM (vol. 3, "I-Unit Instruction
Encodings").  Where several assembler spellings share one encoding only
the one objdump prints is a row (objdump ranks candidates by table
position; e.g. tbit.nz p1,p2 is always shown as tbit.z p2,p1).

Quirks that objdump has and we follow:
  - ``mov pr=r2,mask17`` is always shown with its mask, never as the
    ``mov pr=r2`` pseudo-op; the mask prints as a 64-bit hex value.
  - ``mov b1=r2,tag`` with the default hint (.many, no .imp, not .ret)
    prints as the ``mov b1=r2`` pseudo-op, dropping the tag.
  - tnat (I17) and popcnt/clz (I9) ignore the bits the SDM says are 0.
"""

TYPE = "I"

_MBTYPE = {0x0: "@brcst", 0x8: "@mix", 0x9: "@shuf", 0xA: "@alt", 0xB: "@rev"}

# mux1's mbtype4: the named permutations, anything else in hex.
STYLES = {
    "mbtype": ("imm", lambda v: _MBTYPE.get(v, f"0x{v:x}")),
}

FORMATS = r"""
I1  r1:6:7 r2:13:7 r3:20:7 x2b:28:2 ct2d:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1 count2=(0,7,15,16)[ct2d]
I2  r1:6:7 r2:13:7 r3:20:7 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I3  r1:6:7 r2:13:7 mbt4c:20:4 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I4  r1:6:7 r2:13:7 mht8c:20:8 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I5  r1:6:7 r2:13:7 r3:20:7 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I6  r1:6:7 count5b:14:5 r3:20:7 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I7  r1:6:7 r2:13:7 r3:20:7 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I8  r1:6:7 r2:13:7 ccount5c:20:5 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1 count5=31-ccount5c
I9  r1:6:7 r3:20:7 x2b:28:2 x2c:30:2 ve:32:1 zb:33:1 x2a:34:2 za:36:1
I10 r1:6:7 r2:13:7 r3:20:7 count6d:27:6 x:33:1 x2:34:2
I11 r1:6:7 y:13:1 pos6b:14:6 r3:20:7 len6d:27:6 x:33:1 x2:34:2 len6=len6d+1
I12 r1:6:7 r2:13:7 cpos6c:20:6 y:26:1 len6d:27:6 x:33:1 x2:34:2 pos6=63-cpos6c len6=len6d+1
I13 r1:6:7 imm7b:13:7 cpos6c:20:6 y:26:1 len6d:27:6 x:33:1 x2:34:2 s:36:1 imm8=sx(cat(s,imm7b)) pos6=63-cpos6c len6=len6d+1
I14 r1:6:7 cpos6b:14:6 r3:20:7 len6d:27:6 x:33:1 x2:34:2 s:36:1 imm1=sx(s,1) pos6=63-cpos6b len6=len6d+1
I15 r1:6:7 r2:13:7 r3:20:7 len4d:27:4 cpos6d:31:6 pos6=63-cpos6d len4=len4d+1
I16 p1:6:6 c:12:1 y:13:1 pos6b:14:6 r3:20:7 p2:27:6 ta:33:1 x2:34:2 tb:36:1
I17 p1:6:6 c:12:1 y:13:1 r3:20:7 p2:27:6 ta:33:1 x2:34:2 tb:36:1
I30 p1:6:6 c:12:1 y:13:1 imm5b:14:5 x:19:1 p2:27:6 ta:33:1 x2:34:2 tb:36:1 imm5=imm5b+32
I18 imm20a:6:20 y:26:1 x6:27:6 x3:33:3 i:36:1 imm21=cat(i,imm20a)
I19 imm20a:6:20 x6:27:6 x3:33:3 i:36:1 imm21=cat(i,imm20a)
I20 imm7a:6:7 r2:13:7 imm13c:20:13 x3:33:3 s:36:1 target25=sx(cat(s,imm13c,imm7a))<<4
I21 b1:6:3 r2:13:7 wh:20:2 x:22:1 ih:23:1 timm9c:24:9 x3:33:3 tag13=sx(timm9c,9)<<4
I22 r1:6:7 b2:13:3 x6:27:6 x3:33:3
I23 mask7a:6:7 r2:13:7 mask8c:24:8 x3:33:3 s:36:1 mask17=sx(cat(s,mask8c,mask7a))<<1
I24 imm27a:6:27 x3:33:3 s:36:1 imm44=sx(cat(s,imm27a))<<16
I25 r1:6:7 x6:27:6 x3:33:3
I26 r2:13:7 ar3:20:7 x6:27:6 x3:33:3
I27 imm7b:13:7 ar3:20:7 x6:27:6 x3:33:3 s:36:1 imm8=sx(cat(s,imm7b))
I28 r1:6:7 ar3:20:7 x6:27:6 x3:33:3
I29 r1:6:7 r3:20:7 x6:27:6 x3:33:3
"""

ROWS = r"""
# ---- op 0, x3 0: misc (x6 selects)
I19 break.i   op=0 x3=0 x6=0x00               | imm21:x
I18 nop.i     op=0 x3=0 x6=0x01 y=0           | imm21:x
I18 hint.i    op=0 x3=0 x6=0x01 y=1           | imm21:x
I27 mov.i     op=0 x3=0 x6=0x0a               | ar3=imm8
I29 zxt1      op=0 x3=0 x6=0x10               | r1=r3
I29 zxt2      op=0 x3=0 x6=0x11               | r1=r3
I29 zxt4      op=0 x3=0 x6=0x12               | r1=r3
I29 sxt1      op=0 x3=0 x6=0x14               | r1=r3
I29 sxt2      op=0 x3=0 x6=0x15               | r1=r3
I29 sxt4      op=0 x3=0 x6=0x16               | r1=r3
I29 czx1.l    op=0 x3=0 x6=0x18               | r1=r3
I29 czx2.l    op=0 x3=0 x6=0x19               | r1=r3
I29 czx1.r    op=0 x3=0 x6=0x1c               | r1=r3
I29 czx2.r    op=0 x3=0 x6=0x1d               | r1=r3
I26 mov.i     op=0 x3=0 x6=0x2a               | ar3=r2
I25 mov       op=0 x3=0 x6=0x30               | r1=ip
I22 mov       op=0 x3=0 x6=0x31               | r1=b2
I28 mov.i     op=0 x3=0 x6=0x32               | r1=ar3
I25 mov       op=0 x3=0 x6=0x33               | r1=pr

# ---- op 0, other x3
I20 chk.s.i   op=0 x3=1                       | r2,target25:rel
I24 mov       op=0 x3=2                       | pr.rot=imm44:x
I23 mov       op=0 x3=3                       | pr=r2,mask17:x
I21 mov                op=0 x3=7 x=0 ih=0 wh=1 | b1=r2
I21 mov.sptk           op=0 x3=7 x=0 ih=0 wh=0 | b1=r2,tag13:rel
I21 mov.sptk.imp       op=0 x3=7 x=0 ih=1 wh=0 | b1=r2,tag13:rel
I21 mov.imp            op=0 x3=7 x=0 ih=1 wh=1 | b1=r2,tag13:rel
I21 mov.dptk           op=0 x3=7 x=0 ih=0 wh=2 | b1=r2,tag13:rel
I21 mov.dptk.imp       op=0 x3=7 x=0 ih=1 wh=2 | b1=r2,tag13:rel
I21 mov.ret.sptk       op=0 x3=7 x=1 ih=0 wh=0 | b1=r2,tag13:rel
I21 mov.ret.sptk.imp   op=0 x3=7 x=1 ih=1 wh=0 | b1=r2,tag13:rel
I21 mov.ret            op=0 x3=7 x=1 ih=0 wh=1 | b1=r2,tag13:rel
I21 mov.ret.imp        op=0 x3=7 x=1 ih=1 wh=1 | b1=r2,tag13:rel
I21 mov.ret.dptk       op=0 x3=7 x=1 ih=0 wh=2 | b1=r2,tag13:rel
I21 mov.ret.dptk.imp   op=0 x3=7 x=1 ih=1 wh=2 | b1=r2,tag13:rel

# ---- op 4: deposit
I15 dep       op=4                            | r1=r2,r3,pos6,len4

# ---- op 5: shift pair, extract, deposit, test bit / NaT / feature
I10 shrp      op=5 x2=3 x=0                   | r1=r2,r3,count6d
I11 extr.u    op=5 x2=1 x=0 y=0               | r1=r3,pos6b,len6
I11 shr.u     op=5 x2=1 x=0 y=0 len6==64-pos6b | r1=r3,pos6b
I11 extr      op=5 x2=1 x=0 y=1               | r1=r3,pos6b,len6
I11 shr       op=5 x2=1 x=0 y=1 len6==64-pos6b | r1=r3,pos6b
I12 dep.z     op=5 x2=1 x=1 y=0               | r1=r2,pos6,len6
I12 shl       op=5 x2=1 x=1 y=0 len6==64-pos6  | r1=r2,pos6
I13 dep.z     op=5 x2=1 x=1 y=1               | r1=imm8,pos6,len6
I14 dep       op=5 x2=3 x=1                   | r1=imm1,r3,pos6,len6

I16 tbit.z            op=5 x2=0 y=0 ta=0 tb=0 c=0 | p1,p2=r3,pos6b
I16 tbit.z.unc        op=5 x2=0 y=0 ta=0 tb=0 c=1 | p1,p2=r3,pos6b
I16 tbit.z.and        op=5 x2=0 y=0 ta=0 tb=1 c=0 | p1,p2=r3,pos6b
I16 tbit.nz.and       op=5 x2=0 y=0 ta=0 tb=1 c=1 | p1,p2=r3,pos6b
I16 tbit.z.or         op=5 x2=0 y=0 ta=1 tb=0 c=0 | p1,p2=r3,pos6b
I16 tbit.nz.or        op=5 x2=0 y=0 ta=1 tb=0 c=1 | p1,p2=r3,pos6b
I16 tbit.z.or.andcm   op=5 x2=0 y=0 ta=1 tb=1 c=0 | p1,p2=r3,pos6b
I16 tbit.nz.or.andcm  op=5 x2=0 y=0 ta=1 tb=1 c=1 | p1,p2=r3,pos6b

I17 tnat.z            op=5 x2=0 y=1 ta=0 tb=0 c=0 | p1,p2=r3
I17 tnat.z.unc        op=5 x2=0 y=1 ta=0 tb=0 c=1 | p1,p2=r3
I17 tnat.z.and        op=5 x2=0 y=1 ta=0 tb=1 c=0 | p1,p2=r3
I17 tnat.nz.and       op=5 x2=0 y=1 ta=0 tb=1 c=1 | p1,p2=r3
I17 tnat.z.or         op=5 x2=0 y=1 ta=1 tb=0 c=0 | p1,p2=r3
I17 tnat.nz.or        op=5 x2=0 y=1 ta=1 tb=0 c=1 | p1,p2=r3
I17 tnat.z.or.andcm   op=5 x2=0 y=1 ta=1 tb=1 c=0 | p1,p2=r3
I17 tnat.nz.or.andcm  op=5 x2=0 y=1 ta=1 tb=1 c=1 | p1,p2=r3

I30 tf.z              op=5 x2=0 y=1 x=1 ta=0 tb=0 c=0 | p1,p2=imm5
I30 tf.z.unc          op=5 x2=0 y=1 x=1 ta=0 tb=0 c=1 | p1,p2=imm5
I30 tf.z.and          op=5 x2=0 y=1 x=1 ta=0 tb=1 c=0 | p1,p2=imm5
I30 tf.nz.and         op=5 x2=0 y=1 x=1 ta=0 tb=1 c=1 | p1,p2=imm5
I30 tf.z.or           op=5 x2=0 y=1 x=1 ta=1 tb=0 c=0 | p1,p2=imm5
I30 tf.nz.or          op=5 x2=0 y=1 x=1 ta=1 tb=0 c=1 | p1,p2=imm5
I30 tf.z.or.andcm     op=5 x2=0 y=1 x=1 ta=1 tb=1 c=0 | p1,p2=imm5
I30 tf.nz.or.andcm    op=5 x2=0 y=1 x=1 ta=1 tb=1 c=1 | p1,p2=imm5

# ---- op 7: multimedia and variable shifts (za zb = element size 00=1 01=2 10=4 11=8)
I1  pmpyshr2    op=7 za=0 zb=1 ve=0 x2a=0 x2b=3        | r1=r2,r3,count2
I1  pmpyshr2.u  op=7 za=0 zb=1 ve=0 x2a=0 x2b=1        | r1=r2,r3,count2
I2  pmpy2.r     op=7 za=0 zb=1 ve=0 x2a=2 x2b=1 x2c=3  | r1=r2,r3
I2  pmpy2.l     op=7 za=0 zb=1 ve=0 x2a=2 x2b=3 x2c=3  | r1=r2,r3
I2  mix1.r      op=7 za=0 zb=0 ve=0 x2a=2 x2b=0 x2c=2  | r1=r2,r3
I2  mix2.r      op=7 za=0 zb=1 ve=0 x2a=2 x2b=0 x2c=2  | r1=r2,r3
I2  mix4.r      op=7 za=1 zb=0 ve=0 x2a=2 x2b=0 x2c=2  | r1=r2,r3
I2  mix1.l      op=7 za=0 zb=0 ve=0 x2a=2 x2b=2 x2c=2  | r1=r2,r3
I2  mix2.l      op=7 za=0 zb=1 ve=0 x2a=2 x2b=2 x2c=2  | r1=r2,r3
I2  mix4.l      op=7 za=1 zb=0 ve=0 x2a=2 x2b=2 x2c=2  | r1=r2,r3
I2  pack2.uss   op=7 za=0 zb=1 ve=0 x2a=2 x2b=0 x2c=0  | r1=r2,r3
I2  pack2.sss   op=7 za=0 zb=1 ve=0 x2a=2 x2b=2 x2c=0  | r1=r2,r3
I2  pack4.sss   op=7 za=1 zb=0 ve=0 x2a=2 x2b=2 x2c=0  | r1=r2,r3
I2  unpack1.h   op=7 za=0 zb=0 ve=0 x2a=2 x2b=0 x2c=1  | r1=r2,r3
I2  unpack2.h   op=7 za=0 zb=1 ve=0 x2a=2 x2b=0 x2c=1  | r1=r2,r3
I2  unpack4.h   op=7 za=1 zb=0 ve=0 x2a=2 x2b=0 x2c=1  | r1=r2,r3
I2  unpack1.l   op=7 za=0 zb=0 ve=0 x2a=2 x2b=2 x2c=1  | r1=r2,r3
I2  unpack2.l   op=7 za=0 zb=1 ve=0 x2a=2 x2b=2 x2c=1  | r1=r2,r3
I2  unpack4.l   op=7 za=1 zb=0 ve=0 x2a=2 x2b=2 x2c=1  | r1=r2,r3
I2  pmin1.u     op=7 za=0 zb=0 ve=0 x2a=2 x2b=1 x2c=0  | r1=r2,r3
I2  pmax1.u     op=7 za=0 zb=0 ve=0 x2a=2 x2b=1 x2c=1  | r1=r2,r3
I2  pmin2       op=7 za=0 zb=1 ve=0 x2a=2 x2b=3 x2c=0  | r1=r2,r3
I2  pmax2       op=7 za=0 zb=1 ve=0 x2a=2 x2b=3 x2c=1  | r1=r2,r3
I2  psad1       op=7 za=0 zb=0 ve=0 x2a=2 x2b=3 x2c=2  | r1=r2,r3
I2  mpy4        op=7 za=1 zb=0 ve=0 x2a=0 x2b=1 x2c=3  | r1=r2,r3
I2  mpyshl4     op=7 za=1 zb=0 ve=0 x2a=0 x2b=3 x2c=3  | r1=r2,r3
I3  mux1        op=7 za=0 zb=0 ve=0 x2a=3 x2b=2 x2c=2  | r1=r2,mbt4c:mbtype
I4  mux2        op=7 za=0 zb=1 ve=0 x2a=3 x2b=2 x2c=2  | r1=r2,mht8c:x
I5  pshr2       op=7 za=0 zb=1 ve=0 x2a=0 x2b=2 x2c=0  | r1=r3,r2
I5  pshr4       op=7 za=1 zb=0 ve=0 x2a=0 x2b=2 x2c=0  | r1=r3,r2
I5  shr         op=7 za=1 zb=1 ve=0 x2a=0 x2b=2 x2c=0  | r1=r3,r2
I5  pshr2.u     op=7 za=0 zb=1 ve=0 x2a=0 x2b=0 x2c=0  | r1=r3,r2
I5  pshr4.u     op=7 za=1 zb=0 ve=0 x2a=0 x2b=0 x2c=0  | r1=r3,r2
I5  shr.u       op=7 za=1 zb=1 ve=0 x2a=0 x2b=0 x2c=0  | r1=r3,r2
I6  pshr2       op=7 za=0 zb=1 ve=0 x2a=1 x2b=3 x2c=0  | r1=r3,count5b
I6  pshr4       op=7 za=1 zb=0 ve=0 x2a=1 x2b=3 x2c=0  | r1=r3,count5b
I6  pshr2.u     op=7 za=0 zb=1 ve=0 x2a=1 x2b=1 x2c=0  | r1=r3,count5b
I6  pshr4.u     op=7 za=1 zb=0 ve=0 x2a=1 x2b=1 x2c=0  | r1=r3,count5b
I7  pshl2       op=7 za=0 zb=1 ve=0 x2a=0 x2b=0 x2c=1  | r1=r2,r3
I7  pshl4       op=7 za=1 zb=0 ve=0 x2a=0 x2b=0 x2c=1  | r1=r2,r3
I7  shl         op=7 za=1 zb=1 ve=0 x2a=0 x2b=0 x2c=1  | r1=r2,r3
I8  pshl2       op=7 za=0 zb=1 ve=0 x2a=3 x2b=1 x2c=1  | r1=r2,count5
I8  pshl4       op=7 za=1 zb=0 ve=0 x2a=3 x2b=1 x2c=1  | r1=r2,count5
I9  popcnt      op=7 za=0 zb=1 ve=0 x2a=1 x2b=1 x2c=2  | r1=r3
I9  clz         op=7 za=0 zb=1 ve=0 x2a=1 x2b=1 x2c=3  | r1=r3
"""
