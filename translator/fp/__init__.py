"""Floating point: the 82-bit register format (regfmt), exact IEEE
arithmetic with the IA-64 rules (ieee), and the runtime helpers the FP
semantics call (runtime)."""
