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
}


class GuestFault(Exception):
    """A fault raised by guest code, precise to the slot."""

    def __init__(self, code: int, ip: int = 0, slot: int = 0, arg: int = 0, detail: str = ""):
        self.code, self.ip, self.slot, self.arg, self.detail = code, ip, slot, arg, detail
        super().__init__(self.describe())

    @property
    def name(self) -> str:
        return NAMES.get(self.code, f"fault {self.code}")

    def describe(self) -> str:
        s = f"{self.name} at ip={self.ip:#x} slot {self.slot}"
        if self.detail:
            s += f" ({self.detail})"
        return s
