// Symbol arrangements that exercise objdump's choice of labels and of the
// symbol a branch target is shown against: several symbols at one address
// (function, object, global, weak, local, sizes, names starting with '.',
// file-like and gcc2_compiled names), a section whose first symbol is not at
// its start, a code section without symbols, an absolute symbol, and branch
// targets outside the section (relative to other sections' symbols).
	.text
	.global sym_start
sym_start:
	br.call.sptk.many b0 = a_global
	br.call.sptk.many b0 = b_weak
	br.call.sptk.many b0 = c_func
	br.call.sptk.many b0 = d_big
	br.call.sptk.many b0 = e_plain
	br.call.sptk.many b0 = f_last
	br.call.sptk.many b0 = g_code + 0x10
	br.cond.sptk.few . + 0x2000
	br.cond.sptk.few . - 0x100
	br.cond.sptk.few . + 0xff0000
	br.ret.sptk.many b0

	.align 16
a_local:
	.global a_global
a_global:
	br.ret.sptk.many b0

	.weak b_weak
b_weak:
b_local:
	br.ret.sptk.many b0

	.global c_glob, c_func
	.type c_func, @function
c_glob:
c_func:
	br.ret.sptk.many b0

	.global d_small, d_big
	.type d_small, @function
	.type d_big, @function
	.size d_small, 16
	.size d_big, 32
d_small:
d_big:
	nop.m 0
	br.ret.sptk.many b0

.dotname:
e_plain:
	br.ret.sptk.many b0

gcc2_compiled.:
module.o:
f_last:
	br.ret.sptk.many b0

	.type g_data, @object
	.size g_data, 32
g_data:
g_code:
	data8 0x6867666564636261, 0x0000000000000000
	data8 0x2020202020202020, 0x7f7e0a0900ff4142

	.global abs_sym
abs_sym = 0x1000

	.section .text.late, "ax", @progbits
	nop.m 0
	nop.i 0
	nop.i 0
	.skip 16
late_first:
	br.cond.sptk.few late_first
	br.cond.sptk.few . + 0x40
	br.ret.sptk.many b0

	.section .text.nosym, "ax", @progbits
	.explicit
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.few . + 0x10 ;; }
	{ .mib
	nop.m 0
	nop.i 0
	br.cond.sptk.few . - 0x10 ;; }
	.auto

	.data
	.global data_sym
	.skip 0x30
data_sym:
	data8 0
	.skip 0x1000
data_far:
	data8 1
