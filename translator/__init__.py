"""translator: what IA-64 instructions mean.

One semantic description per instruction written against a small emitter
interface (semantics/), consumed by the interpreter for cold code and by
the LLVM IR emitter for hot code; block formation.
"""
