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


def privileged(cpu, what):
    """Gate for privileged instructions (what: an index into PRIV_NAMES)."""
    name = PRIV_NAMES[what]
    if _cpl(cpu) != 0:
        raise GuestFault(faults.PRIVILEGED_OPERATION, detail=f"{name} at cpl {_cpl(cpu)}")
    raise GuestFault(faults.UNIMPLEMENTED, detail=f"{name}: the system model is not built yet")


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


def probe(cpu, addr, kind):
    """probe.r/.w: 1 if the address is accessible that way (the user-mode
    model has no TLB: mapped pages with their protections decide)."""
    ent = cpu.mem.pages.get(addr >> 12)
    if ent is None:
        return 0
    need = 1 if kind == 0 else 2
    return 1 if ent[0].prot & need else 0


HELPERS.update({"privileged": privileged, "psr_um_update": psr_um_update,
                "psr_um_read": psr_um_read, "cpuid": cpuid, "probe": probe})

PRIV_NAMES = ("mov to/from cr", "mov to psr.l", "mov from psr", "ssm/rsm", "itc", "itr",
              "ptc/ptr", "mov to/from rr/dbr/ibr/pkr/pmc/msr", "tpa/tak", "rfi", "bsw",
              "vmsw", "epc", "thash/ttag")


def _gate(what):
    def fn(e, i):
        e.helper("privileged", PRIV_NAMES.index(what))
    return fn


sem("mov", formats=("M32", "M33"))(_gate("mov to/from cr"))
sem(r"^itc\.[id]$")(_gate("itc"))
sem(r"^itr\.[id]$")(_gate("itr"))
sem(r"^pt(c|r)\.")(_gate("ptc/ptr"))
sem("tpa", "tak")(_gate("tpa/tak"))
sem("thash", "ttag")(_gate("thash/ttag"))
sem("rfi")(_gate("rfi"))
sem("bsw.0", "bsw.1")(_gate("bsw"))
sem("vmsw.0", "vmsw.1")(_gate("vmsw"))
sem("epc")(_gate("epc"))
sem("ssm", "rsm")(_gate("ssm/rsm"))


@sem("sum", "rum")
def user_mask(e, i):
    if i.mnemonic == "sum":
        e.helper("psr_um_update", i.imm24, 0)
    else:
        e.helper("psr_um_update", 0, i.imm24)


@sem("mov", formats=("M35",))
def mov_to_psr(e, i):
    if i.x6 == 0x2D:                                  # mov psr.l=r2
        e.helper("privileged", PRIV_NAMES.index("mov to psr.l"))
        return
    v, nat = e.read_gr(i.r2)                          # mov psr.um=r2
    e.fault(faults.NAT_CONSUMPTION, nat)
    e.helper("psr_um_update", e.and_(v, e.const(0x3F)), e.and_(e.not_(v), e.const(0x3F)))


@sem("mov", formats=("M36",))
def mov_from_psr(e, i):
    if i.x6 == 0x25:                                  # mov r1=psr
        e.helper("privileged", PRIV_NAMES.index("mov from psr"))
        return
    e.write_gr(i.r1, e.helper("psr_um_read"), 0)      # mov r1=psr.um


@sem("mov", formats=("M42",))
def mov_to_indirect(e, i):
    e.helper("privileged", PRIV_NAMES.index("mov to/from rr/dbr/ibr/pkr/pmc/msr"))


@sem("itr.d", "itr.i", formats=("M42",))
def itr(e, i):
    e.helper("privileged", PRIV_NAMES.index("itr"))


@sem("mov", formats=("M43",))
def mov_from_indirect(e, i):
    reg = i.row.operands.split("=")[1].split("[")[0]
    idx, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)
    if reg == "cpuid":
        e.write_gr(i.r1, e.helper("cpuid", idx), 0)
    elif reg == "dahr":
        e.write_gr(i.r1, e.const(0), 0)               # no data access hints implemented
    else:
        e.helper("privileged", PRIV_NAMES.index("mov to/from rr/dbr/ibr/pkr/pmc/msr"))


@sem("fc", "fc.i")
def flush_cache(e, i):
    """No caches are modelled; code writes are seen at once (the JIT
    invalidates translations on any store to a code page)."""
    _, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)


@sem(r"^probe\.(r|w)$", formats=("M38", "M39"))
def probe_(e, i):
    addr, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)
    kind = 0 if i.mnemonic.endswith(".r") else 1
    e.write_gr(i.r1, e.helper("probe", addr, kind), 0)


@sem(r"^probe\..*fault$", formats=("M40",))
def probe_fault(e, i):
    addr, nat = e.read_gr(i.r3)
    e.fault(faults.NAT_CONSUMPTION, nat)
    ok = e.helper("probe", addr, 0 if ".r." in i.mnemonic else 1)
    e.fault(faults.DATA_ACCESS, e.eq(ok, e.const(0)))


@sem("mov", formats=("M48c",))
def mov_dahr_imm(e, i):
    """Data access hint registers (Itanium 9500): hints only, no effect here."""
