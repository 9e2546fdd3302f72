"""Bundles: 128-bit little-endian words holding a template and three slots.

Bit layout (Intel SDM vol. 3, "Instruction encoding overview"):
bit 0 is the stop bit of the template field, bits 1-4 select the unit
sequence, slot 0 is bits 5-45, slot 1 bits 46-86, slot 2 bits 87-127.
"""

from __future__ import annotations

from typing import NamedTuple

SLOT_MASK = (1 << 41) - 1


class Template(NamedTuple):
    """One of the 32 template encodings."""

    code: int
    name: str          # what objdump prints between the brackets
    units: tuple       # unit of each slot: 'M','I','F','B','L','X' or None
    stops: tuple       # True where an instruction group ends after that slot

    @property
    def reserved(self) -> bool:
        return self.units[0] is None


# Template index (bits 1-4) -> (units, slot after which a mid-bundle stop falls).
_TEMPLATE_KINDS = (
    ("MII", 0), ("MII", 2), ("MLX", 0), (None, 0),
    ("MMI", 0), ("MMI", 1), ("MFI", 0), ("MMF", 0),
    ("MIB", 0), ("MBB", 0), (None, 0), ("BBB", 0),
    ("MMB", 0), (None, 0), ("MFB", 0), (None, 0),
)


def _make_templates() -> tuple:
    out = []
    for code in range(32):
        kind, mid = _TEMPLATE_KINDS[code >> 1]
        end_stop = bool(code & 1)
        if kind is None:
            # objdump names a reserved template by its 4-bit index.
            out.append(Template(code, "-%x-" % (code >> 1), (None, None, None),
                                (False, False, end_stop)))
            continue
        units = tuple("L" if (kind == "MLX" and i == 1) else c
                      for i, c in enumerate(kind))
        stops = tuple((mid == i + 1) or (i == 2 and end_stop) for i in range(3))
        out.append(Template(code, kind, units, stops))
    return tuple(out)


TEMPLATES = _make_templates()


def split(b: bytes | int) -> tuple:
    """Return (template code, slot0, slot1, slot2) of one bundle."""
    v = b if isinstance(b, int) else int.from_bytes(b[:16], "little")
    return v & 0x1F, (v >> 5) & SLOT_MASK, (v >> 46) & SLOT_MASK, (v >> 87) & SLOT_MASK


def join(template: int, s0: int, s1: int, s2: int) -> bytes:
    """Inverse of split(): assemble a bundle's 16 bytes."""
    v = (template & 0x1F) | (s0 & SLOT_MASK) << 5 | (s1 & SLOT_MASK) << 46 | (s2 & SLOT_MASK) << 87
    return v.to_bytes(16, "little")
