"""How operand values print (objdump's conventions) and what kind they are.

A style turns a field value into text; the decoder also reports each
operand's kind ('gr', 'fr', 'pr', 'br', 'ar', 'cr', 'imm', 'rel') so later
stages need not parse text.
"""

from __future__ import annotations

MASK64 = (1 << 64) - 1

# Application registers with architected names, as objdump spells them.
AR_NAMES = {
    **{i: f"ar.k{i}" for i in range(8)},
    16: "ar.rsc", 17: "ar.bsp", 18: "ar.bspstore", 19: "ar.rnat",
    21: "ar.fcr", 24: "ar.eflag", 25: "ar.csd", 26: "ar.ssd", 27: "ar.cflg",
    28: "ar.fsr", 29: "ar.fir", 30: "ar.fdr", 32: "ar.ccv", 36: "ar.unat",
    40: "ar.fpsr", 44: "ar.itc", 45: "ar.ruc",
    64: "ar.pfs", 65: "ar.lc", 66: "ar.ec",
}

# Control registers with architected names.
CR_NAMES = {
    0: "cr.dcr", 1: "cr.itm", 2: "cr.iva", 8: "cr.pta", 16: "cr.ipsr",
    17: "cr.isr", 19: "cr.iip", 20: "cr.ifa", 21: "cr.itir", 22: "cr.iipa",
    23: "cr.ifs", 24: "cr.iim", 25: "cr.iha", 26: "cr.iib0", 27: "cr.iib1",
    64: "cr.lid", 65: "cr.ivr",
    66: "cr.tpr", 67: "cr.eoi", 68: "cr.irr0", 69: "cr.irr1", 70: "cr.irr2",
    71: "cr.irr3", 72: "cr.itv", 73: "cr.pmv", 74: "cr.cmcv", 80: "cr.lrr0",
    81: "cr.lrr1",
}

AR_NUMBERS = {v: k for k, v in AR_NAMES.items()}
CR_NUMBERS = {v: k for k, v in CR_NAMES.items()}


def ar_name(n: int) -> str:
    return AR_NAMES.get(n, f"ar{n}")


def cr_name(n: int) -> str:
    return CR_NAMES.get(n, f"cr{n}")


# style -> (kind, formatter(value) -> str); 'rel' is formatted by the caller,
# which knows the bundle address and the symbols.
STYLES = {
    "gr": ("gr", lambda v: f"r{v}"),
    "fr": ("fr", lambda v: f"f{v}"),
    "pr": ("pr", lambda v: f"p{v}"),
    "br": ("br", lambda v: f"b{v}"),
    "ar": ("ar", ar_name),
    "cr": ("cr", cr_name),
    "d": ("imm", lambda v: str(v)),
    "u": ("imm", lambda v: str(v & MASK64)),
    "x": ("imm", lambda v: f"0x{v & MASK64:x}"),
    "rel": ("rel", None),
}


def register_style(name: str, kind: str, fmt) -> None:
    """Tables may add styles (e.g. mux1's @rev) -- each name once."""
    if name in STYLES and STYLES[name] != (kind, fmt):
        raise ValueError(f"operand style {name} defined twice")
    STYLES[name] = (kind, fmt)
