"""Faults an instruction can raise, named as the architecture names them."""

from __future__ import annotations

ILLEGAL_OPERATION = 1
BREAK = 2
NAT_CONSUMPTION = 3
UNALIGNED_REFERENCE = 4
DATA_ACCESS = 5            # no mapping for a data address (user mode: SIGSEGV)
INSTRUCTION_ACCESS = 6     # no mapping for the code address
PRIVILEGED_OPERATION = 7
FP_FAULT = 8
FP_TRAP = 9
SPECULATION = 10
UNIMPLEMENTED = 11         # decodable but not implemented here (a defect, named)
RESERVED_REGISTER = 12     # reserved register/field

# The system architecture's interruptions (delivered through the IVT by
# ia64jit/interrupts.py on a system machine; a flat machine stops on them).
ALT_ITLB = 20              # Alternate Instruction TLB fault (VHPT walker off)
ALT_DTLB = 21              # Alternate Data TLB fault
ITLB = 22                  # Instruction TLB fault (VHPT walk found nothing)
DTLB = 23                  # Data TLB fault
VHPT_ITRANSLATION = 24     # VHPT Translation fault (walker's own reference missed), fetch
VHPT_DTRANSLATION = 25     # VHPT Translation fault, data
DATA_NESTED_TLB = 26       # data TLB miss with psr.ic = 0
IKEY_MISS = 27
DKEY_MISS = 28
IKEY_PERMISSION = 29
DKEY_PERMISSION = 30
IACCESS_RIGHTS = 31
DACCESS_RIGHTS = 32
DIRTY_BIT = 33
IACCESS_BIT = 34
DACCESS_BIT = 35
IPAGE_NOT_PRESENT = 36
DPAGE_NOT_PRESENT = 37
NAT_PAGE_CONSUMPTION = 38  # (Register/Data NaT Consumption vector, ISR.code = 0x20)
PRIVILEGED_REGISTER = 39   # General Exception, ISR.code = 0x20
DISABLED_FP_REGISTER = 40
UNSUPPORTED_DATA_REFERENCE = 41
UNIMPLEMENTED_DATA_ADDRESS = 42
IDEBUG = 43
DDEBUG = 44
LOWER_PRIVILEGE_TRANSFER = 45   # trap
TAKEN_BRANCH = 46               # trap
SINGLE_STEP = 47                # trap
UNIMPLEMENTED_INSTRUCTION_ADDRESS = 48   # trap
DISABLED_ISA_TRANSITION = 49    # General Exception, ISR.code = 0x40
EXTERNAL_INTERRUPT = 50

NAMES = {
    ILLEGAL_OPERATION: "Illegal Operation fault",
    BREAK: "Break Instruction fault",
    NAT_CONSUMPTION: "Register NaT Consumption fault",
    UNALIGNED_REFERENCE: "Unaligned Data Reference fault",
    DATA_ACCESS: "Data access fault (unmapped address)",
    INSTRUCTION_ACCESS: "Instruction access fault (unmapped address)",
    PRIVILEGED_OPERATION: "Privileged Operation fault",
    FP_FAULT: "Floating-point Exception fault",
    FP_TRAP: "Floating-point Exception trap",
    SPECULATION: "Speculation fault",
    UNIMPLEMENTED: "Unimplemented instruction",
    RESERVED_REGISTER: "Reserved Register/Field fault",
    ALT_ITLB: "Alternate Instruction TLB fault",
    ALT_DTLB: "Alternate Data TLB fault",
    ITLB: "Instruction TLB fault",
    DTLB: "Data TLB fault",
    VHPT_ITRANSLATION: "VHPT Instruction Translation fault",
    VHPT_DTRANSLATION: "VHPT Data Translation fault",
    DATA_NESTED_TLB: "Data Nested TLB fault",
    IKEY_MISS: "Instruction Key Miss fault",
    DKEY_MISS: "Data Key Miss fault",
    IKEY_PERMISSION: "Instruction Key Permission fault",
    DKEY_PERMISSION: "Data Key Permission fault",
    IACCESS_RIGHTS: "Instruction Access Rights fault",
    DACCESS_RIGHTS: "Data Access Rights fault",
    DIRTY_BIT: "Dirty Bit fault",
    IACCESS_BIT: "Instruction Access Bit fault",
    DACCESS_BIT: "Data Access Bit fault",
    IPAGE_NOT_PRESENT: "Instruction Page Not Present fault",
    DPAGE_NOT_PRESENT: "Data Page Not Present fault",
    NAT_PAGE_CONSUMPTION: "NaT Page Consumption fault",
    PRIVILEGED_REGISTER: "Privileged Register fault",
    DISABLED_FP_REGISTER: "Disabled Floating-Point Register fault",
    UNSUPPORTED_DATA_REFERENCE: "Unsupported Data Reference fault",
    UNIMPLEMENTED_DATA_ADDRESS: "Unimplemented Data Address fault",
    IDEBUG: "Instruction Debug fault",
    DDEBUG: "Data Debug fault",
    LOWER_PRIVILEGE_TRANSFER: "Lower-Privilege Transfer trap",
    TAKEN_BRANCH: "Taken Branch trap",
    SINGLE_STEP: "Single Step trap",
    UNIMPLEMENTED_INSTRUCTION_ADDRESS: "Unimplemented Instruction Address trap",
    DISABLED_ISA_TRANSITION: "Disabled Instruction Set Transition fault",
    EXTERNAL_INTERRUPT: "External interrupt",
}

# ISR bits an access sets (ia64jit/mmu.py and the delivery fill them in).
ISR_X, ISR_W, ISR_R, ISR_NA, ISR_SP, ISR_RS, ISR_IR, ISR_NI = (1 << b for b in range(32, 40))
ISR_ED = 1 << 43


class GuestFault(Exception):
    """A fault raised by guest code, precise to the slot."""

    def __init__(self, code: int, ip: int = 0, slot: int = 0, arg: int = 0, detail: str = "",
                 isr: int = 0, ifa=None, itir=None, iha=None, iim=None, resume=None):
        """``isr``: the ISR bits the fault defines (code, x/w/r, na, sp, rs, ed);
        ei and ni are the delivery's.  ``ifa``/``itir``/``iha``/``iim``: the
        values the vector writes to those control registers, or None when it
        leaves them alone."""
        self.code, self.ip, self.slot, self.arg, self.detail = code, ip, slot, arg, detail
        self.isr, self.ifa, self.itir, self.iha, self.iim = isr, ifa, itir, iha, iim
        self.resume = resume
        super().__init__()            # (the message is made only when shown)

    def __str__(self) -> str:
        return self.describe()

    @property
    def name(self) -> str:
        return NAMES.get(self.code, f"fault {self.code}")

    def describe(self) -> str:
        s = f"{self.name} at ip={self.ip:#x} slot {self.slot}"
        if self.detail:
            s += f" ({self.detail})"
        return s
