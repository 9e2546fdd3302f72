"""B-type encodings (branch unit): formats B1..B9 of the Itanium SDM vol. 3.

Completers: wh (bits 33-34, B5 bits 32-34, B6/B7 bits 3-4) is the
prediction hint, p (bit 12) the prefetch hint .few/.many, d (bit 35) .clr,
ih (bit 35) .imp.  Branch targets and brp tags are byte displacements from
the bundle address.  With qp=0, a br.cond.sptk prints as objdump's br pseudo-op.
"""

TYPE = "B"

FORMATS = r"""
B1  btype:6:3 p:12:1 imm20b:13:20 wh:33:2 d:35:1 s:36:1 target25=sx(cat(s,imm20b))<<4
B2  btype:6:3 p:12:1 imm20b:13:20 wh:33:2 d:35:1 s:36:1 target25=sx(cat(s,imm20b))<<4
B3  b1:6:3 p:12:1 imm20b:13:20 wh:33:2 d:35:1 s:36:1 target25=sx(cat(s,imm20b))<<4
B4  btype:6:3 p:12:1 b2:13:3 x6:27:6 wh:33:2 d:35:1
B5  b1:6:3 p:12:1 b2:13:3 wh:32:3 d:35:1
B6  wh:3:2 timm7a:6:7 imm20b:13:20 t2e:33:2 ih:35:1 s:36:1 target25=sx(cat(s,imm20b))<<4 tag13=sx(cat(t2e,timm7a))<<4
B7  wh:3:2 timm7a:6:7 b2:13:3 x6:27:6 t2e:33:2 ih:35:1 tag13=sx(cat(t2e,timm7a))<<4
B8  x6:27:6
B9  imm20a:6:20 x6:27:6 i:36:1 imm21=cat(i,imm20a)
"""

ROWS = r"""
# B1: IP-relative conditional branches (op 4)
B1  br.cond.sptk.few        op=4 btype=0 p=0 wh=0 d=0           | target25:rel
B1  br.cond.sptk.few.clr    op=4 btype=0 p=0 wh=0 d=1           | target25:rel
B1  br.cond.spnt.few        op=4 btype=0 p=0 wh=1 d=0           | target25:rel
B1  br.cond.spnt.few.clr    op=4 btype=0 p=0 wh=1 d=1           | target25:rel
B1  br.cond.dptk.few        op=4 btype=0 p=0 wh=2 d=0           | target25:rel
B1  br.cond.dptk.few.clr    op=4 btype=0 p=0 wh=2 d=1           | target25:rel
B1  br.cond.dpnt.few        op=4 btype=0 p=0 wh=3 d=0           | target25:rel
B1  br.cond.dpnt.few.clr    op=4 btype=0 p=0 wh=3 d=1           | target25:rel
B1  br.cond.sptk.many       op=4 btype=0 p=1 wh=0 d=0           | target25:rel
B1  br.cond.sptk.many.clr   op=4 btype=0 p=1 wh=0 d=1           | target25:rel
B1  br.cond.spnt.many       op=4 btype=0 p=1 wh=1 d=0           | target25:rel
B1  br.cond.spnt.many.clr   op=4 btype=0 p=1 wh=1 d=1           | target25:rel
B1  br.cond.dptk.many       op=4 btype=0 p=1 wh=2 d=0           | target25:rel
B1  br.cond.dptk.many.clr   op=4 btype=0 p=1 wh=2 d=1           | target25:rel
B1  br.cond.dpnt.many       op=4 btype=0 p=1 wh=3 d=0           | target25:rel
B1  br.cond.dpnt.many.clr   op=4 btype=0 p=1 wh=3 d=1           | target25:rel
B1  br.few                  op=4 btype=0 p=0 wh=0 d=0 qp=0      | target25:rel
B1  br.few.clr              op=4 btype=0 p=0 wh=0 d=1 qp=0      | target25:rel
B1  br.many                 op=4 btype=0 p=1 wh=0 d=0 qp=0      | target25:rel
B1  br.many.clr             op=4 btype=0 p=1 wh=0 d=1 qp=0      | target25:rel
B1  br.wexit.sptk.few       op=4 btype=2 p=0 wh=0 d=0           | target25:rel
B1  br.wexit.sptk.few.clr   op=4 btype=2 p=0 wh=0 d=1           | target25:rel
B1  br.wexit.spnt.few       op=4 btype=2 p=0 wh=1 d=0           | target25:rel
B1  br.wexit.spnt.few.clr   op=4 btype=2 p=0 wh=1 d=1           | target25:rel
B1  br.wexit.dptk.few       op=4 btype=2 p=0 wh=2 d=0           | target25:rel
B1  br.wexit.dptk.few.clr   op=4 btype=2 p=0 wh=2 d=1           | target25:rel
B1  br.wexit.dpnt.few       op=4 btype=2 p=0 wh=3 d=0           | target25:rel
B1  br.wexit.dpnt.few.clr   op=4 btype=2 p=0 wh=3 d=1           | target25:rel
B1  br.wexit.sptk.many      op=4 btype=2 p=1 wh=0 d=0           | target25:rel
B1  br.wexit.sptk.many.clr  op=4 btype=2 p=1 wh=0 d=1           | target25:rel
B1  br.wexit.spnt.many      op=4 btype=2 p=1 wh=1 d=0           | target25:rel
B1  br.wexit.spnt.many.clr  op=4 btype=2 p=1 wh=1 d=1           | target25:rel
B1  br.wexit.dptk.many      op=4 btype=2 p=1 wh=2 d=0           | target25:rel
B1  br.wexit.dptk.many.clr  op=4 btype=2 p=1 wh=2 d=1           | target25:rel
B1  br.wexit.dpnt.many      op=4 btype=2 p=1 wh=3 d=0           | target25:rel
B1  br.wexit.dpnt.many.clr  op=4 btype=2 p=1 wh=3 d=1           | target25:rel
B1  br.wtop.sptk.few        op=4 btype=3 p=0 wh=0 d=0           | target25:rel
B1  br.wtop.sptk.few.clr    op=4 btype=3 p=0 wh=0 d=1           | target25:rel
B1  br.wtop.spnt.few        op=4 btype=3 p=0 wh=1 d=0           | target25:rel
B1  br.wtop.spnt.few.clr    op=4 btype=3 p=0 wh=1 d=1           | target25:rel
B1  br.wtop.dptk.few        op=4 btype=3 p=0 wh=2 d=0           | target25:rel
B1  br.wtop.dptk.few.clr    op=4 btype=3 p=0 wh=2 d=1           | target25:rel
B1  br.wtop.dpnt.few        op=4 btype=3 p=0 wh=3 d=0           | target25:rel
B1  br.wtop.dpnt.few.clr    op=4 btype=3 p=0 wh=3 d=1           | target25:rel
B1  br.wtop.sptk.many       op=4 btype=3 p=1 wh=0 d=0           | target25:rel
B1  br.wtop.sptk.many.clr   op=4 btype=3 p=1 wh=0 d=1           | target25:rel
B1  br.wtop.spnt.many       op=4 btype=3 p=1 wh=1 d=0           | target25:rel
B1  br.wtop.spnt.many.clr   op=4 btype=3 p=1 wh=1 d=1           | target25:rel
B1  br.wtop.dptk.many       op=4 btype=3 p=1 wh=2 d=0           | target25:rel
B1  br.wtop.dptk.many.clr   op=4 btype=3 p=1 wh=2 d=1           | target25:rel
B1  br.wtop.dpnt.many       op=4 btype=3 p=1 wh=3 d=0           | target25:rel
B1  br.wtop.dpnt.many.clr   op=4 btype=3 p=1 wh=3 d=1           | target25:rel
# B2: IP-relative counted branches (op 4), never predicated
B2  br.cloop.sptk.few       op=4 btype=5 p=0 wh=0 d=0           | target25:rel | nopred
B2  br.cloop.sptk.few.clr   op=4 btype=5 p=0 wh=0 d=1           | target25:rel | nopred
B2  br.cloop.spnt.few       op=4 btype=5 p=0 wh=1 d=0           | target25:rel | nopred
B2  br.cloop.spnt.few.clr   op=4 btype=5 p=0 wh=1 d=1           | target25:rel | nopred
B2  br.cloop.dptk.few       op=4 btype=5 p=0 wh=2 d=0           | target25:rel | nopred
B2  br.cloop.dptk.few.clr   op=4 btype=5 p=0 wh=2 d=1           | target25:rel | nopred
B2  br.cloop.dpnt.few       op=4 btype=5 p=0 wh=3 d=0           | target25:rel | nopred
B2  br.cloop.dpnt.few.clr   op=4 btype=5 p=0 wh=3 d=1           | target25:rel | nopred
B2  br.cloop.sptk.many      op=4 btype=5 p=1 wh=0 d=0           | target25:rel | nopred
B2  br.cloop.sptk.many.clr  op=4 btype=5 p=1 wh=0 d=1           | target25:rel | nopred
B2  br.cloop.spnt.many      op=4 btype=5 p=1 wh=1 d=0           | target25:rel | nopred
B2  br.cloop.spnt.many.clr  op=4 btype=5 p=1 wh=1 d=1           | target25:rel | nopred
B2  br.cloop.dptk.many      op=4 btype=5 p=1 wh=2 d=0           | target25:rel | nopred
B2  br.cloop.dptk.many.clr  op=4 btype=5 p=1 wh=2 d=1           | target25:rel | nopred
B2  br.cloop.dpnt.many      op=4 btype=5 p=1 wh=3 d=0           | target25:rel | nopred
B2  br.cloop.dpnt.many.clr  op=4 btype=5 p=1 wh=3 d=1           | target25:rel | nopred
B2  br.cexit.sptk.few       op=4 btype=6 p=0 wh=0 d=0           | target25:rel | nopred
B2  br.cexit.sptk.few.clr   op=4 btype=6 p=0 wh=0 d=1           | target25:rel | nopred
B2  br.cexit.spnt.few       op=4 btype=6 p=0 wh=1 d=0           | target25:rel | nopred
B2  br.cexit.spnt.few.clr   op=4 btype=6 p=0 wh=1 d=1           | target25:rel | nopred
B2  br.cexit.dptk.few       op=4 btype=6 p=0 wh=2 d=0           | target25:rel | nopred
B2  br.cexit.dptk.few.clr   op=4 btype=6 p=0 wh=2 d=1           | target25:rel | nopred
B2  br.cexit.dpnt.few       op=4 btype=6 p=0 wh=3 d=0           | target25:rel | nopred
B2  br.cexit.dpnt.few.clr   op=4 btype=6 p=0 wh=3 d=1           | target25:rel | nopred
B2  br.cexit.sptk.many      op=4 btype=6 p=1 wh=0 d=0           | target25:rel | nopred
B2  br.cexit.sptk.many.clr  op=4 btype=6 p=1 wh=0 d=1           | target25:rel | nopred
B2  br.cexit.spnt.many      op=4 btype=6 p=1 wh=1 d=0           | target25:rel | nopred
B2  br.cexit.spnt.many.clr  op=4 btype=6 p=1 wh=1 d=1           | target25:rel | nopred
B2  br.cexit.dptk.many      op=4 btype=6 p=1 wh=2 d=0           | target25:rel | nopred
B2  br.cexit.dptk.many.clr  op=4 btype=6 p=1 wh=2 d=1           | target25:rel | nopred
B2  br.cexit.dpnt.many      op=4 btype=6 p=1 wh=3 d=0           | target25:rel | nopred
B2  br.cexit.dpnt.many.clr  op=4 btype=6 p=1 wh=3 d=1           | target25:rel | nopred
B2  br.ctop.sptk.few        op=4 btype=7 p=0 wh=0 d=0           | target25:rel | nopred
B2  br.ctop.sptk.few.clr    op=4 btype=7 p=0 wh=0 d=1           | target25:rel | nopred
B2  br.ctop.spnt.few        op=4 btype=7 p=0 wh=1 d=0           | target25:rel | nopred
B2  br.ctop.spnt.few.clr    op=4 btype=7 p=0 wh=1 d=1           | target25:rel | nopred
B2  br.ctop.dptk.few        op=4 btype=7 p=0 wh=2 d=0           | target25:rel | nopred
B2  br.ctop.dptk.few.clr    op=4 btype=7 p=0 wh=2 d=1           | target25:rel | nopred
B2  br.ctop.dpnt.few        op=4 btype=7 p=0 wh=3 d=0           | target25:rel | nopred
B2  br.ctop.dpnt.few.clr    op=4 btype=7 p=0 wh=3 d=1           | target25:rel | nopred
B2  br.ctop.sptk.many       op=4 btype=7 p=1 wh=0 d=0           | target25:rel | nopred
B2  br.ctop.sptk.many.clr   op=4 btype=7 p=1 wh=0 d=1           | target25:rel | nopred
B2  br.ctop.spnt.many       op=4 btype=7 p=1 wh=1 d=0           | target25:rel | nopred
B2  br.ctop.spnt.many.clr   op=4 btype=7 p=1 wh=1 d=1           | target25:rel | nopred
B2  br.ctop.dptk.many       op=4 btype=7 p=1 wh=2 d=0           | target25:rel | nopred
B2  br.ctop.dptk.many.clr   op=4 btype=7 p=1 wh=2 d=1           | target25:rel | nopred
B2  br.ctop.dpnt.many       op=4 btype=7 p=1 wh=3 d=0           | target25:rel | nopred
B2  br.ctop.dpnt.many.clr   op=4 btype=7 p=1 wh=3 d=1           | target25:rel | nopred
# B3: IP-relative call (op 5)
B3  br.call.sptk.few        op=5 p=0 wh=0 d=0                   | b1=target25:rel
B3  br.call.sptk.few.clr    op=5 p=0 wh=0 d=1                   | b1=target25:rel
B3  br.call.spnt.few        op=5 p=0 wh=1 d=0                   | b1=target25:rel
B3  br.call.spnt.few.clr    op=5 p=0 wh=1 d=1                   | b1=target25:rel
B3  br.call.dptk.few        op=5 p=0 wh=2 d=0                   | b1=target25:rel
B3  br.call.dptk.few.clr    op=5 p=0 wh=2 d=1                   | b1=target25:rel
B3  br.call.dpnt.few        op=5 p=0 wh=3 d=0                   | b1=target25:rel
B3  br.call.dpnt.few.clr    op=5 p=0 wh=3 d=1                   | b1=target25:rel
B3  br.call.sptk.many       op=5 p=1 wh=0 d=0                   | b1=target25:rel
B3  br.call.sptk.many.clr   op=5 p=1 wh=0 d=1                   | b1=target25:rel
B3  br.call.spnt.many       op=5 p=1 wh=1 d=0                   | b1=target25:rel
B3  br.call.spnt.many.clr   op=5 p=1 wh=1 d=1                   | b1=target25:rel
B3  br.call.dptk.many       op=5 p=1 wh=2 d=0                   | b1=target25:rel
B3  br.call.dptk.many.clr   op=5 p=1 wh=2 d=1                   | b1=target25:rel
B3  br.call.dpnt.many       op=5 p=1 wh=3 d=0                   | b1=target25:rel
B3  br.call.dpnt.many.clr   op=5 p=1 wh=3 d=1                   | b1=target25:rel
# B4: indirect branches (op 0, x6 0x20/0x21)
B4  br.cond.sptk.few        op=0 x6=0x20 btype=0 p=0 wh=0 d=0   | b2
B4  br.cond.sptk.few.clr    op=0 x6=0x20 btype=0 p=0 wh=0 d=1   | b2
B4  br.cond.spnt.few        op=0 x6=0x20 btype=0 p=0 wh=1 d=0   | b2
B4  br.cond.spnt.few.clr    op=0 x6=0x20 btype=0 p=0 wh=1 d=1   | b2
B4  br.cond.dptk.few        op=0 x6=0x20 btype=0 p=0 wh=2 d=0   | b2
B4  br.cond.dptk.few.clr    op=0 x6=0x20 btype=0 p=0 wh=2 d=1   | b2
B4  br.cond.dpnt.few        op=0 x6=0x20 btype=0 p=0 wh=3 d=0   | b2
B4  br.cond.dpnt.few.clr    op=0 x6=0x20 btype=0 p=0 wh=3 d=1   | b2
B4  br.cond.sptk.many       op=0 x6=0x20 btype=0 p=1 wh=0 d=0   | b2
B4  br.cond.sptk.many.clr   op=0 x6=0x20 btype=0 p=1 wh=0 d=1   | b2
B4  br.cond.spnt.many       op=0 x6=0x20 btype=0 p=1 wh=1 d=0   | b2
B4  br.cond.spnt.many.clr   op=0 x6=0x20 btype=0 p=1 wh=1 d=1   | b2
B4  br.cond.dptk.many       op=0 x6=0x20 btype=0 p=1 wh=2 d=0   | b2
B4  br.cond.dptk.many.clr   op=0 x6=0x20 btype=0 p=1 wh=2 d=1   | b2
B4  br.cond.dpnt.many       op=0 x6=0x20 btype=0 p=1 wh=3 d=0   | b2
B4  br.cond.dpnt.many.clr   op=0 x6=0x20 btype=0 p=1 wh=3 d=1   | b2
B4  br.few                  op=0 x6=0x20 btype=0 p=0 wh=0 d=0 qp=0| b2
B4  br.few.clr              op=0 x6=0x20 btype=0 p=0 wh=0 d=1 qp=0| b2
B4  br.many                 op=0 x6=0x20 btype=0 p=1 wh=0 d=0 qp=0| b2
B4  br.many.clr             op=0 x6=0x20 btype=0 p=1 wh=0 d=1 qp=0| b2
B4  br.ia.sptk.few          op=0 x6=0x20 btype=1 p=0 wh=0 d=0   | b2
B4  br.ia.sptk.few.clr      op=0 x6=0x20 btype=1 p=0 wh=0 d=1   | b2
B4  br.ia.spnt.few          op=0 x6=0x20 btype=1 p=0 wh=1 d=0   | b2
B4  br.ia.spnt.few.clr      op=0 x6=0x20 btype=1 p=0 wh=1 d=1   | b2
B4  br.ia.dptk.few          op=0 x6=0x20 btype=1 p=0 wh=2 d=0   | b2
B4  br.ia.dptk.few.clr      op=0 x6=0x20 btype=1 p=0 wh=2 d=1   | b2
B4  br.ia.dpnt.few          op=0 x6=0x20 btype=1 p=0 wh=3 d=0   | b2
B4  br.ia.dpnt.few.clr      op=0 x6=0x20 btype=1 p=0 wh=3 d=1   | b2
B4  br.ia.sptk.many         op=0 x6=0x20 btype=1 p=1 wh=0 d=0   | b2
B4  br.ia.sptk.many.clr     op=0 x6=0x20 btype=1 p=1 wh=0 d=1   | b2
B4  br.ia.spnt.many         op=0 x6=0x20 btype=1 p=1 wh=1 d=0   | b2
B4  br.ia.spnt.many.clr     op=0 x6=0x20 btype=1 p=1 wh=1 d=1   | b2
B4  br.ia.dptk.many         op=0 x6=0x20 btype=1 p=1 wh=2 d=0   | b2
B4  br.ia.dptk.many.clr     op=0 x6=0x20 btype=1 p=1 wh=2 d=1   | b2
B4  br.ia.dpnt.many         op=0 x6=0x20 btype=1 p=1 wh=3 d=0   | b2
B4  br.ia.dpnt.many.clr     op=0 x6=0x20 btype=1 p=1 wh=3 d=1   | b2
B4  br.ret.sptk.few         op=0 x6=0x21 btype=4 p=0 wh=0 d=0   | b2
B4  br.ret.sptk.few.clr     op=0 x6=0x21 btype=4 p=0 wh=0 d=1   | b2
B4  br.ret.spnt.few         op=0 x6=0x21 btype=4 p=0 wh=1 d=0   | b2
B4  br.ret.spnt.few.clr     op=0 x6=0x21 btype=4 p=0 wh=1 d=1   | b2
B4  br.ret.dptk.few         op=0 x6=0x21 btype=4 p=0 wh=2 d=0   | b2
B4  br.ret.dptk.few.clr     op=0 x6=0x21 btype=4 p=0 wh=2 d=1   | b2
B4  br.ret.dpnt.few         op=0 x6=0x21 btype=4 p=0 wh=3 d=0   | b2
B4  br.ret.dpnt.few.clr     op=0 x6=0x21 btype=4 p=0 wh=3 d=1   | b2
B4  br.ret.sptk.many        op=0 x6=0x21 btype=4 p=1 wh=0 d=0   | b2
B4  br.ret.sptk.many.clr    op=0 x6=0x21 btype=4 p=1 wh=0 d=1   | b2
B4  br.ret.spnt.many        op=0 x6=0x21 btype=4 p=1 wh=1 d=0   | b2
B4  br.ret.spnt.many.clr    op=0 x6=0x21 btype=4 p=1 wh=1 d=1   | b2
B4  br.ret.dptk.many        op=0 x6=0x21 btype=4 p=1 wh=2 d=0   | b2
B4  br.ret.dptk.many.clr    op=0 x6=0x21 btype=4 p=1 wh=2 d=1   | b2
B4  br.ret.dpnt.many        op=0 x6=0x21 btype=4 p=1 wh=3 d=0   | b2
B4  br.ret.dpnt.many.clr    op=0 x6=0x21 btype=4 p=1 wh=3 d=1   | b2
# B5: indirect call (op 1); wh is 3 bits here, even values reserved
B5  br.call.sptk.few        op=1 p=0 wh=1 d=0                   | b1=b2
B5  br.call.sptk.few.clr    op=1 p=0 wh=1 d=1                   | b1=b2
B5  br.call.spnt.few        op=1 p=0 wh=3 d=0                   | b1=b2
B5  br.call.spnt.few.clr    op=1 p=0 wh=3 d=1                   | b1=b2
B5  br.call.dptk.few        op=1 p=0 wh=5 d=0                   | b1=b2
B5  br.call.dptk.few.clr    op=1 p=0 wh=5 d=1                   | b1=b2
B5  br.call.dpnt.few        op=1 p=0 wh=7 d=0                   | b1=b2
B5  br.call.dpnt.few.clr    op=1 p=0 wh=7 d=1                   | b1=b2
B5  br.call.sptk.many       op=1 p=1 wh=1 d=0                   | b1=b2
B5  br.call.sptk.many.clr   op=1 p=1 wh=1 d=1                   | b1=b2
B5  br.call.spnt.many       op=1 p=1 wh=3 d=0                   | b1=b2
B5  br.call.spnt.many.clr   op=1 p=1 wh=3 d=1                   | b1=b2
B5  br.call.dptk.many       op=1 p=1 wh=5 d=0                   | b1=b2
B5  br.call.dptk.many.clr   op=1 p=1 wh=5 d=1                   | b1=b2
B5  br.call.dpnt.many       op=1 p=1 wh=7 d=0                   | b1=b2
B5  br.call.dpnt.many.clr   op=1 p=1 wh=7 d=1                   | b1=b2

# B6: IP-relative branch predict (op 7)
B6  brp.sptk                op=7 ih=0 wh=0                      | target25:rel,tag13:rel | nopred
B6  brp.loop                op=7 ih=0 wh=1                      | target25:rel,tag13:rel | nopred
B6  brp.dptk                op=7 ih=0 wh=2                      | target25:rel,tag13:rel | nopred
B6  brp.exit                op=7 ih=0 wh=3                      | target25:rel,tag13:rel | nopred
B6  brp.sptk.imp            op=7 ih=1 wh=0                      | target25:rel,tag13:rel | nopred
B6  brp.loop.imp            op=7 ih=1 wh=1                      | target25:rel,tag13:rel | nopred
B6  brp.dptk.imp            op=7 ih=1 wh=2                      | target25:rel,tag13:rel | nopred
B6  brp.exit.imp            op=7 ih=1 wh=3                      | target25:rel,tag13:rel | nopred
# B7: indirect branch predict (op 2); wh 1 and 3 are reserved
B7  brp.sptk                op=2 x6=0x10 ih=0 wh=0              | b2,tag13:rel | nopred
B7  brp.dptk                op=2 x6=0x10 ih=0 wh=2              | b2,tag13:rel | nopred
B7  brp.sptk.imp            op=2 x6=0x10 ih=1 wh=0              | b2,tag13:rel | nopred
B7  brp.dptk.imp            op=2 x6=0x10 ih=1 wh=2              | b2,tag13:rel | nopred
B7  brp.ret.sptk            op=2 x6=0x11 ih=0 wh=0              | b2,tag13:rel | nopred
B7  brp.ret.dptk            op=2 x6=0x11 ih=0 wh=2              | b2,tag13:rel | nopred
B7  brp.ret.sptk.imp        op=2 x6=0x11 ih=1 wh=0              | b2,tag13:rel | nopred
B7  brp.ret.dptk.imp        op=2 x6=0x11 ih=1 wh=2              | b2,tag13:rel | nopred
# B8: miscellaneous (op 0), never predicated
B8  cover                   op=0 x6=0x02                        | | nopred
B8  clrrrb                  op=0 x6=0x04                        | | nopred
B8  clrrrb.pr               op=0 x6=0x05                        | | nopred
B8  rfi                     op=0 x6=0x08                        | | nopred
B8  bsw.0                   op=0 x6=0x0c                        | | nopred
B8  bsw.1                   op=0 x6=0x0d                        | | nopred
B8  epc                     op=0 x6=0x10                        | | nopred
B8  vmsw.0                  op=0 x6=0x18                        | | nopred
B8  vmsw.1                  op=0 x6=0x19                        | | nopred
# B9: break/nop/hint (21-bit immediate)
B9  break.b                 op=0 x6=0x00                        | imm21:x
B9  nop.b                   op=2 x6=0x00                        | imm21:x
B9  hint.b                  op=2 x6=0x01                        | imm21:x
"""
