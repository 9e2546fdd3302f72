"""The system machine's core, on both engines: interruption delivery (what
the vectors write, with collection on and off), rfi back to a slot and a
frame, banks, the PSR instructions, privilege checks, and the run loop's
guards.  Programs run at physical addresses (psr.dt/it = 0); the MMU's own
behaviour is tests/ia64jit/test_mmu.py's, the per-vector programs are
tests/ia64jit/test_vectors.py's."""

from __future__ import annotations

import pytest

from ia64jit.difftest import assemble, have_binutils
from ia64jit.machine import EmulationError, Machine

pytestmark = pytest.mark.skipif(not have_binutils(), reason="needs ia64-linux-gnu-as")

BASE = 0x100000
IVT = BASE + 0x8000          # the programs' `.org 0x8000`
DONE = BASE + 0x7000         # `.org 0x7000`: an endless loop the run stops at


def program(main: str, vectors: dict) -> bytes:
    """``main`` at BASE, ``done`` at DONE, each vector's code at IVT + offset."""
    src = main + "\n\tbr.sptk.few done\n\t;;\n\t.org 0x7000\ndone:\tbr.sptk.few done\n\t;;\n"
    for off in sorted(vectors):
        src += f"\t.org {0x8000 + off:#x}\n{vectors[off]}\n"
    src += "\t.org 0x10000\n"
    return assemble(src, explicit=True)


def run(code: bytes, engine: str, setup=None, count=2000) -> Machine:
    m = Machine(engine=engine, system=True, jit_threshold=1)
    m.mem_map(0, 4 << 20)
    m.mem_write(BASE, code)
    m.reg_write("cr.iva", IVT)
    if setup:
        setup(m)
    m.run(BASE, until=DONE, count=count)
    assert m.reg_read("ip") == DONE, f"did not reach done: ip={m.reg_read('ip'):#x}"
    return m


ENGINES = ("interp", "jit")
# rfi to cpl 3 (psr.ic on) at BASE + 0x100, the label `user` that follows
TO_USER = """
	movl r2=0x300002000
	movl r3=0x100100
	;;
	mov cr.ipsr=r2
	;;
	mov cr.iip=r3
	mov cr.ifs=r0
	;;
	rfi
	;;
	.org 0x100"""
SKIP_SLOT = "\tmov r30=cr.ipsr\n\tmovl r31=0x20000000000\n\t;;\n\tadd r30=r30,r31\n\t;;\n" \
            "\tmov cr.ipsr=r30\n\t;;\n\trfi\n\t;;"


@pytest.mark.parametrize("engine", ENGINES)
def test_break_with_collection_resumes_after_rfi(engine):
    main = """
	ssm psr.ic
	;;
	srlz.d
	mov r9=1
	;;
	nop.m 0
	break.i 0x1234
	nop.i 0
	;;
	add r9=1,r9
	;;"""
    vec = "\tmov r8=cr.iim\n\tmov r10=cr.iip\n\tmov r11=cr.isr\n\tmov r12=cr.ipsr\n\tmov r13=psr\n" \
          "\t;;\n\tmov r30=cr.ipsr\n\tmovl r31=0x10000000000\n\t;;\n\tadd r30=r30,r31\n\t;;\n" \
          "\tmov cr.ipsr=r30\n\t;;\n\trfi\n\t;;"
    m = run(program(main, {0x2C00: vec}), engine)
    assert m.reg_read("r8") == 0x1234                # IIM = the immediate
    assert m.reg_read("r10") == BASE + 0x10          # IIP: the break's bundle
    assert m.reg_read("r11") == 1 << 41              # ISR.ei = slot 1, ni = 0
    assert (m.reg_read("r12") >> 41) & 3 == 1        # IPSR.ri
    assert m.reg_read("r13") & (1 << 13) == 0        # psr.ic off in the handler
    assert m.reg_read("r9") == 2                     # resumed at slot 2, then on
    assert m.reg_read("psr") & (1 << 13)             # ic back on from ipsr


@pytest.mark.parametrize("engine", ENGINES)
def test_fault_without_collection_sets_ni_and_leaves_iip(engine):
    main = "\tmovl r2=0x5555\n\t;;\n\tmov cr.iip=r2\n\t;;\n\tbreak.m 7\n\t;;"
    vec = "\tmov r8=cr.iip\n\tmov r11=cr.isr\n\tmov r12=cr.iim\n\t;;\n\tbr.sptk.few done\n\t;;"
    m = run(program(main, {0x2C00: vec}), engine)
    assert m.reg_read("r8") == 0x5555                # IIP untouched with psr.ic = 0
    assert m.reg_read("r11") & ~(3 << 41) == 1 << 39  # ISR.ni (and ei)
    assert m.reg_read("r12") == 0                    # IIM not written either


@pytest.mark.parametrize("engine", ENGINES)
def test_privileged_operation_at_cpl3_is_a_general_exception(engine):
    # rfi to cpl 3 at `user`, which executes a privileged mov from cr.
    main = TO_USER + """
user:	mov r5=cr.dcr
	;;"""
    vec = "\tmov r8=cr.isr\n\tmov r9=cr.iip\n\tmov r10=cr.ipsr\n\tmov r11=psr\n\t;;\n" \
          "\tbr.sptk.few done\n\t;;"
    m = run(program(main, {0x5400: vec}), engine)
    assert m.reg_read("r8") & 0xFFFF == 0x10          # ISR.code: Privileged Operation
    assert m.reg_read("r9") == BASE + 0x100
    assert (m.reg_read("r10") >> 32) & 3 == 3         # collected cpl
    assert (m.reg_read("r11") >> 32) & 3 == 0         # handler at cpl 0


@pytest.mark.parametrize("engine", ENGINES)
def test_cover_then_rfi_restores_the_frame(engine):
    main = """
	movl r2=0x200000
	;;
	mov ar.rsc=r0
	;;
	mov ar.bspstore=r2
	;;
	alloc r39=ar.pfs,5,3,0,0
	mov r32=11
	mov r33=22
	mov r34=33
	;;
	ssm psr.ic
	;;
	srlz.d
	;;
	break.m 1
	;;
	add r8=r32,r34
	;;"""
    # The handler covers (psr.ic = 0: CFM -> cr.ifs), uses a frame of its
    # own, sets the resume slot and returns: rfi must bring the frame back.
    vec = """
	cover
	;;
	alloc r16=ar.pfs,0,4,0,0
	mov r32=99
	mov r33=98
	;;
	mov r30=cr.ipsr
	movl r31=0x10000000000
	;;
	add r30=r30,r31
	mov r20=cr.ifs
	;;
	mov cr.ipsr=r30
	;;
	rfi
	;;"""
    m = run(program(main, {0x2C00: vec}), engine)
    assert m.reg_read("r8") == 44
    assert m.reg_read("r20") == (1 << 63) | 8 | 8 << 7     # ifs.v, sof 8, sol 8
    assert m.reg_read("cfm") & 0x3FFF == 8 | 8 << 7


@pytest.mark.parametrize("engine", ENGINES)
def test_banks_switch_on_bsw_and_on_interruption(engine):
    main = """
	mov r16=5
	;;
	bsw.1
	;;
	mov r16=7
	ssm psr.ic
	;;
	srlz.d
	break.m 1
	;;"""
    vec = "\tmov r8=r16\n\tmov r9=psr\n\t;;\n\tbsw.1\n\t;;\n\tmov r10=r16\n\t;;\n" \
          "\tbr.sptk.few done\n\t;;"
    m = run(program(main, {0x2C00: vec}), engine)
    assert m.reg_read("r8") == 5           # the handler sees bank 0
    assert m.reg_read("r9") & (1 << 44) == 0
    assert m.reg_read("r10") == 7          # bank 1 kept the interrupted r16


@pytest.mark.parametrize("engine", ENGINES)
def test_psr_instructions(engine):
    main = """
	ssm psr.ic|psr.dfh
	;;
	mov r8=psr
	;;
	rsm psr.dfh
	;;
	mov r9=psr
	movl r2=0x2008
	;;
	mov psr.l=r2
	;;
	mov r10=psr
	;;"""
    m = run(program(main, {}), engine)
    assert m.reg_read("r8") == (1 << 13) | (1 << 19)
    assert m.reg_read("r9") == 1 << 13
    assert m.reg_read("r10") == 0x2008                # psr.ac and psr.ic


@pytest.mark.parametrize("engine", ENGINES)
def test_interruption_cr_write_with_collection_on_is_illegal(engine):
    main = "\tssm psr.ic\n\t;;\n\tsrlz.d\n\t;;\n\tmov cr.iip=r0\n\t;;"
    vec = "\tmov r8=cr.isr\n\tmov r9=cr.iip\n\t;;\n\tbr.sptk.few done\n\t;;"
    m = run(program(main, {0x5400: vec}), engine)
    assert m.reg_read("r8") & 0xFFFF == 0x00          # Illegal Operation
    assert m.reg_read("r9") == BASE + 0x10


@pytest.mark.parametrize("engine", ENGINES)
def test_kernel_register_write_at_cpl3_is_a_privileged_register_fault(engine):
    main = TO_USER + """
user:	mov r5=ar.k0
	;;
	mov ar.k1=r5
	;;"""
    vec = "\tmov r8=cr.isr\n\tmov r9=cr.iip\n\t;;\n\tbr.sptk.few done\n\t;;"
    m = run(program(main, {0x5400: vec}), engine)
    assert m.reg_read("r8") & 0xFFFF == 0x20          # Privileged Register
    assert m.reg_read("r9") == BASE + 0x100
    assert (m.reg_read("r8") >> 41) & 3 == 1          # slot 1: the write, not the read


@pytest.mark.parametrize("engine", ENGINES)
def test_unbacked_physical_memory_reads_ones(engine, capfd):
    main = "\tmovl r2=0x7000000\n\t;;\n\tld8 r8=[r2]\n\t;;\n\tst8 [r2]=r0\n\t;;\n\tld8 r9=[r2]\n\t;;"
    m = run(program(main, {}), engine)
    assert m.reg_read("r8") == m.reg_read("r9") == (1 << 64) - 1
    assert capfd.readouterr().err.count("unbacked physical address 0x7000000") == 1


def test_an_interruption_loop_stops_with_one_message():
    # No IVT: every vector is zeros (break.m 0 in slot 0): Break faults forever.
    m = Machine(system=True)
    m.mem_map(0, 1 << 20)
    m.reg_write("cr.iva", 0x40000)
    with pytest.raises(EmulationError, match="interruption loop"):
        m.run(0x10000, count=100000)


@pytest.mark.parametrize("engine", ENGINES)
def test_uart_on_mmio_through_the_uncacheable_region(engine):
    from ia64jit.platform.boot import NativePlatform
    from ia64jit.platform.uart import UART_BASE
    out = []
    main = f"""
	movl r2=0x8000000000000000 + {UART_BASE:#x}
	mov r3=0x68
	mov r4=0x69
	;;
	st1 [r2]=r3
	;;
	st1 [r2]=r4
	add r5=5,r2
	;;
	ld1 r8=[r5]
	;;"""
    m = Machine(engine=engine, system=True, jit_threshold=1)
    m.mem_map(0, 4 << 20)
    p = NativePlatform(m, console_out=out.append)
    for base, size, read, write in p.mmio:
        m.phys.map_mmio(base, size, read, write)
    m.platform = p
    m.mem_write(BASE, program(main, {}))
    m.run(BASE, until=DONE, count=2000)
    assert b"".join(out) == b"hi"
    assert m.reg_read("r8") & 0x60 == 0x60        # LSR: THRE and TEMT


def test_idle_jumps_virtual_time_to_the_next_timer_event():
    from ia64jit.platform.lsapic import LSAPIC
    m = Machine(system=True)
    m.lsapic = LSAPIC(m.state, itc=m.read_itc)
    m.reg_write("cr.itv", 0xEF)
    m.reg_write("cr.itm", 5000)
    assert m.read_itc() == 0
    m.idle()
    assert m.read_itc() == 5000
