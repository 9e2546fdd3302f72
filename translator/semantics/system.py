"""System-level instructions as far as application code can reach them.

The user mask (sum/rum, mov to/from psr.um), cpuid, fc and probe act as the
architecture says at any privilege level.  Privileged instructions raise a
Privileged Operation fault at cpl > 0, as they must for user programs; at
cpl 0 they need the system model (interruptions, TLBs), which reports them
as not implemented until it exists.
"""

from __future__ import annotations

from .. import faults
from ..faults import GuestFault
from ..helpers import HELPERS
from . import sem

PSR_UM_MASK = 0x3E          # be, up, ac, mfl, mfh (bit 0 is reserved)

# cpuid[0..4]: vendor "GenuineIntel", 0, version (number=4, revision, model,
# family 0x1f (Itanium 2), archrev), features (none of the optional ones).
CPUID = (0x49656E69756E6547, 0x6C65746E, 0, 0x0000001F00000004, 0)


def _cpl(cpu) -> int:
    ctl, C = cpu.state.ctl, cpu.state.CTL
    return (ctl[C["psr"]] >> 32) & 3


def system_op(cpu, what, *args):
    """Privileged operations a flat machine cannot perform (a system machine,
    ia64jit.Machine(system=True), replaces these helpers)."""
    raise GuestFault(faults.UNIMPLEMENTED,
                     detail=f"{what}: needs a system machine (Machine(system=True))")


def psr_um_update(cpu, set_bits, clear_bits):
    ctl, C = cpu.state.ctl, cpu.state.CTL
    for v in (set_bits, clear_bits):
        if v & ~PSR_UM_MASK & 0xFFFFFF:
            raise GuestFault(faults.RESERVED_REGISTER, detail="user mask: reserved bit")
    ctl[C["psr"]] = (ctl[C["psr"]] | set_bits) & ~clear_bits & ((1 << 64) - 1)


def psr_um_read(cpu):
    ctl, C = cpu.state.ctl, cpu.state.CTL
    return ctl[C["psr"]] & 0x3F


def cpuid(cpu, index):
    if index >= len(CPUID):
        raise GuestFault(faults.RESERVED_REGISTER, detail=f"cpuid[{index}]")
    return CPUID[index]


def probe(cpu, addr, kind, pl=0):
    """probe on a flat machine: mapped pages and their protections decide
    (a system machine asks its MMU).  kind: 0 read, 1 write, 2 read+write;
    | 4 for the .fault forms, which raise instead of answering."""
    ent = cpu.mem.pages.get(addr >> 12)
    need = (1, 2, 3)[kind & 3]
    ok = ent is not None and (ent[0].prot & need) == need
    if kind & 4:
        if not ok:
            raise GuestFault(faults.DATA_ACCESS, arg=addr, detail=f"probe.fault at {addr:#x}")
        return 0
    return int(ok)


# Names of the helpers a system machine provides (ia64jit/sysops.py).
SYSTEM_HELPERS = ("cr_read", "cr_write", "psr_write", "rfi", "bsw", "itc", "itr", "ptc_l",
                  "ptc_e", "ptr", "tpa", "tak", "thash", "ttag", "ind_read", "ind_write", "epc",
                  "vmsw")

HELPERS.update({"psr_um_update": psr_um_update, "psr_um_read": psr_um_read, "cpuid": cpuid,
                "probe": probe})
HELPERS.update({name: (lambda cpu, *a, _n=name: system_op(cpu, _n)) for name in SYSTEM_HELPERS})

# CRs compiled code reads and writes in place (the rest go through cr_read/cr_write:
# the LSAPIC's and the timer's have side effects, reserved numbers fault).
PLAIN_CRS = frozenset({0, 2, 8, 16, 17, 19, 20, 21, 22, 23, 24, 25})
INTERRUPTION_CRS = frozenset(range(16, 26))
PSR_IC_BIT, PSR_CPL_SHIFT = 13, 32
# ssm/rsm bits whose change needs the runtime (psr.ac, i, pk, dt: translation, interrupts)
PSR_SIDE_EFFECTS = (1 << 3) | (1 << 14) | (1 << 15) | (1 << 17)
PSR_SM_RESERVED = sum(1 << b for b in (0, 6, 7, 8, 9, 10, 11, 12, 16))


def _privileged(e):
    """Privileged Operation fault at cpl > 0 (inline: no runtime call)."""
    psr = e.read_state("psr")
    e.fault(faults.PRIVILEGED_OPERATION, e.ne(e.and_(psr, e.const(3 << PSR_CPL_SHIFT)), e.const(0)))
    return psr


def _gr_operand(e, n):
    v, nat = e.read_gr(n)
    e.fault(faults.NAT_CONSUMPTION, nat)
    return v


CR_ITM = 1
LSAPIC_CRS = frozenset({64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 80, 81})
RESERVED_CRS = frozenset(range(128)) - PLAIN_CRS - {CR_ITM} - LSAPIC_CRS
READ_ONLY_CRS = frozenset({65, 68, 69, 70, 71})          # ivr, irr0-3


def _cr_access(e, n, write):
    """The checks of mov to/from cr, in the order the SDM's pseudo-code (and
    Ski) makes them: a reserved (or, for writes, read-only) CR or an
    interruption CR with psr.ic = 1 is an Illegal Operation fault, then
    cpl > 0 a Privileged Operation fault.  Returns False when it always faults."""
    if n in RESERVED_CRS or (write and n in READ_ONLY_CRS):
        e.fault(faults.ILLEGAL_OPERATION, detail=f"mov {'to' if write else 'from'} cr{n}")
        return False
    psr = e.read_state("psr")
    if n in INTERRUPTION_CRS:
        e.fault(faults.ILLEGAL_OPERATION, e.ne(e.and_(psr, e.const(1 << PSR_IC_BIT)), e.const(0)))
    e.fault(faults.PRIVILEGED_OPERATION, e.ne(e.and_(psr, e.const(3 << PSR_CPL_SHIFT)), e.const(0)))
    return True


@sem("mov", formats=("M32",))
def mov_to_cr(e, i):
    n = i.cr3
    if not _cr_access(e, n, True):
        return
    v = _gr_operand(e, i.r2)
    if n in PLAIN_CRS:
        if n == 2:
            v = e.and_(v, e.const(~0x7FFF & (1 << 64) - 1))      # iva{14:0} ignored
        e.write_state("cr", v, n)
    else:
        e.helper("cr_write", n, v)


@sem("mov", formats=("M33",))
def mov_from_cr(e, i):
    n = i.cr3
    if not _cr_access(e, n, False):
        return
    v = e.read_state("cr", n) if n in PLAIN_CRS else e.helper("cr_read", n)
    e.write_gr(i.r1, v, 0)


@sem("ssm", "rsm")
def set_reset_system_mask(e, i):
    psr = _privileged(e)
    mask = i.imm24
    if mask & PSR_SM_RESERVED:
        e.fault(faults.RESERVED_REGISTER, detail=f"{i.mnemonic}: reserved psr bit")
        return
    if mask & PSR_SIDE_EFFECTS:
        new = e.or_(psr, e.const(mask)) if i.mnemonic == "ssm" else e.andcm(psr, e.const(mask))
        e.helper("psr_write", new)
        e.end_block()
    else:
        new = e.or_(psr, e.const(mask)) if i.mnemonic == "ssm" else e.andcm(psr, e.const(mask))
        e.write_state("psr", new)


@sem("mov", formats=("M35",))
def mov_to_psr(e, i):
    if i.x6 == 0x2D:                                  # mov psr.l=r2
        psr = _privileged(e)
        v = _gr_operand(e, i.r2)
        new = e.or_(e.and_(psr, e.const(0xFFFFFFFF00000000)), e.and_(v, e.const(0xFFFFFFFF)))
        e.helper("psr_write", new)
        e.end_block()
        return
    v, nat = e.read_gr(i.r2)                          # mov psr.um=r2
    e.fault(faults.NAT_CONSUMPTION, nat)
    e.helper("psr_um_update", e.and_(v, e.const(0x3F)), e.and_(e.not_(v), e.const(0x3F)))


@sem("mov", formats=("M36",))
def mov_from_psr(e, i):
    if i.x6 == 0x25:                                  # mov r1=psr: psr{36:35} and {31:0}
        psr = _privileged(e)
        e.write_gr(i.r1, e.and_(psr, e.const(0x18FFFFFFFF)), 0)
        return
    e.write_gr(i.r1, e.helper("psr_um_read"), 0)      # mov r1=psr.um


@sem("rfi")
def rfi(e, i):
    _privileged(e)
    r = e.helper("rfi")                  # target | resume slot (the runtime's encoding)
    e.branch(e.and_(r, e.const(~0xF & (1 << 64) - 1)), slot=e.and_(r, e.const(3)))
    e.end_block()


@sem("bsw.0", "bsw.1")
def bank_switch(e, i):
    _privileged(e)
    e.helper("bsw", 1 if i.mnemonic == "bsw.1" else 0)
    e.end_block()


@sem("epc")
def epc(e, i):
    e.helper("epc", e.const(e.ip))
    e.end_block()


@sem("vmsw.0", "vmsw.1")
def vmsw(e, i):
    _privileged(e)
    e.helper("vmsw")


@sem(r"^itc\.[id]$")
def itc(e, i):
    psr = _privileged(e)
    v = _gr_operand(e, i.r2)
    e.fault(faults.ILLEGAL_OPERATION, e.ne(e.and_(psr, e.const(1 << PSR_IC_BIT)), e.const(0)))
    e.helper("itc", 0 if i.mnemonic.endswith(".i") else 1, v)


@sem("itr.d", "itr.i", formats=("M42",))
def itr(e, i):
    psr = _privileged(e)
    slot = _gr_operand(e, i.r3)
    v = _gr_operand(e, i.r2)
    e.fault(faults.ILLEGAL_OPERATION, e.ne(e.and_(psr, e.const(1 << PSR_IC_BIT)), e.const(0)))
    e.helper("itr", 0 if i.mnemonic.endswith(".i") else 1, slot, v)


@sem("ptc.l", "ptc.g", "ptc.ga")
def ptc(e, i):
    _privileged(e)
    va = _gr_operand(e, i.r3)
    ps = e.and_(e.lshr(_gr_operand(e, i.r2), 2), e.const(0x3F))
    e.helper("ptc_l", va, ps)


@sem("ptc.e")
def ptc_e(e, i):
    _privileged(e)
    e.helper("ptc_e", _gr_operand(e, i.r3))


@sem("ptr.d", "ptr.i")
def ptr(e, i):
    _privileged(e)
    va = _gr_operand(e, i.r3)
    ps = e.and_(e.lshr(_gr_operand(e, i.r2), 2), e.const(0x3F))
    e.helper("ptr", 0 if i.mnemonic.endswith(".i") else 1, va, ps)


@sem("tpa", "tak")
def tpa_tak(e, i):
    _privileged(e)
    va = _gr_operand(e, i.r3)
    e.write_gr(i.r1, e.helper(i.mnemonic, va), 0)


@sem("thash", "ttag")
def thash_ttag(e, i):
    """Not privileged; a NaT address gives a NaT result (SDM: thash, ttag)."""
    va, nat = e.read_gr(i.r3)
    e.write_gr(i.r1, e.helper(i.mnemonic, va), nat)


_IND = {"rr": 0, "dbr": 1, "ibr": 2, "pkr": 3, "pmc": 4, "pmd": 5, "msr": 6}


@sem("mov", formats=("M42",))
def mov_to_indirect(e, i):
    reg = i.row.operands.split("[")[0]
    _privileged(e)
    idx = _gr_operand(e, i.r3)
    v = _gr_operand(e, i.r2)
    e.helper("ind_write", _IND[reg], idx, v)


@sem("mov", formats=("M43",))
def mov_from_indirect(e, i):
    reg = i.row.operands.split("=")[1].split("[")[0]
    if reg == "cpuid":
        e.write_gr(i.r1, e.helper("cpuid", _gr_operand(e, i.r3)), 0)
        return
    if reg == "dahr":
        _gr_operand(e, i.r3)
        e.write_gr(i.r1, e.const(0), 0)               # no data access hints implemented
        return
    if reg != "pmd":                                  # pmd reads: psr.sp decides (runtime)
        _privileged(e)
    idx = _gr_operand(e, i.r3)
    e.write_gr(i.r1, e.helper("ind_read", _IND[reg], idx), 0)


@sem("sum", "rum")
def user_mask(e, i):
    if i.mnemonic == "sum":
        e.helper("psr_um_update", i.imm24, 0)
    else:
        e.helper("psr_um_update", 0, i.imm24)


@sem("fc", "fc.i")
def flush_cache(e, i):
    """No caches are modelled; code writes are seen at once (the JIT
    invalidates translations on any store to a code page).  The address is
    translated as a non-access reference (its TLB faults are taken)."""
    addr, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)
    e.helper("fc_translate", addr, e.const(0))


@sem(r"^probe\.(r|w)$", formats=("M38", "M39"))
def probe_(e, i):
    addr, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)
    kind = 0 if i.mnemonic.endswith(".r") else 1
    pl = e.and_(_gr_operand(e, i.r2), e.const(3)) if i.row.fmt.name == "M38" else e.const(i.imm2)
    e.write_gr(i.r1, e.helper("probe", addr, kind, pl), 0)


@sem(r"^probe\..*fault$", formats=("M40",))
def probe_fault(e, i):
    addr, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)
    kind = 2 if ".rw." in i.mnemonic else (0 if ".r." in i.mnemonic else 1)
    e.helper("probe", addr, kind | 4, e.const(i.imm2))   # | 4: fault instead of answering


@sem("mov", formats=("M48c",))
def mov_dahr_imm(e, i):
    """Data access hints registers (Itanium 9500): hints only, no effect here."""
