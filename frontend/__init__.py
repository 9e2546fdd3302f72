"""frontend: the IA-64 ISA as bytes.

Bundles and templates (bundle.py), the encoding tables (tables/, the one
place that knows bit layouts, in the notation of encoding.py), structured
decoding (decoder.py), objdump-identical disassembly (disasm.py) and ELF
loading (elf.py).  Nothing here knows how instructions execute.
"""
