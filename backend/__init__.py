"""backend: LLVM IR to host code with llvmlite -- target machine, optimisation,
code cache, native dispatch and chaining, invalidation, profiling counters."""
