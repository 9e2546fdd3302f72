"""The emitter interface: the vocabulary instruction semantics are written in.

Every instruction's behaviour is a function ``sem(e, i)`` (``e`` an emitter,
``i`` a decoded ``frontend.decoder.Insn``) in ``translator/semantics/``.
Two emitters implement this interface:

* ``translator.interp.PyEmitter`` evaluates immediately on Python ints
  (the interpreter, the reference);
* ``translator.irgen.IREmitter`` builds LLVM IR (the JIT).

Rules for semantics, so that both consumers agree:

* Values are 64-bit unsigned integers; conditions are 1-bit.  Python control
  flow may depend only on decode-time fields (``i.r1``, completers), never on
  values: data-dependent choices use ``e.select``.
* Shift amounts passed to ``shl/lshr/ashr`` must be < 64; ``shl_sat`` and
  friends saturate (IA-64's "count > 63 gives 0") for variable counts.
* State is reached only through ``read_*``/``write_*``, memory through
  ``load``/``store``; faults through ``fault``; control flow through
  ``branch``; anything else through ``helper`` (a named runtime routine
  with a Python implementation and, where hot, a native one).
* The predicate ``qp`` is checked by the driver before ``sem`` runs, unless
  the function is registered with ``qp=True`` (e.g. ``cmp.unc``, which writes
  its targets even when ``qp`` is false): then ``e.qp`` is the qp value.

Methods (all required of an emitter)::

    const(v)                      -> value
    add sub mul and_ or_ xor andcm(a, b)      -> value
    shl lshr ashr(a, n)           -> value (n < 64)
    shl_sat lshr_sat ashr_sat(a, n) -> value (n any 64-bit value)
    not_(a) neg(a) popcnt(a) clz(a) umulh(a, b) smulh(a, b)
    sext(a, bits) zext(a, bits)   -> value (extend the low ``bits``)
    eq ne ult ule ugt uge slt sle sgt sge(a, b) -> cond
    land lor lxor(c, d) lnot(c) -> cond;  to_int(c) -> value;  truth(a) -> cond
    select(c, a, b)
    read_gr(n) -> (value, nat cond);  write_gr(n, value, nat)
    read_pr(n) -> cond;  write_pr(n, cond)
    read_fr(n) -> (significand, sign_exponent);  write_fr(n, sig, se)
                                  (82-bit register format: se = sign<<17 | exponent)
    read_br(n) / write_br(n, v);  read_ar(n) / write_ar(n, v)
    load(addr, size, sema=False) -> value;  store(addr, value, size, sema=False)
                                  (sema: a semaphore's access -- cmpxchg, xchg,
                                  fetchadd: memory whose attribute does not
                                  support them faults, Unsupported Data Reference);
                                  with psr.ac = 1 an address that is not a
                                  multiple of size faults first, Unaligned Data
                                  Reference (helpers.check_alignment)
    load_spec(addr, size) -> (value, failed cond)
                                  a load that never faults: failed = 1 (value 0)
                                  where ``load`` would raise (speculative loads)
    write_state(name, v, i=0)     a raw state-buffer word (frame fields: bof, cfm_*)
    udiv(a, n) urem(a, n)         unsigned division (n != 0)
    fma_f64(a, b, c) -> value     a * b + c on IEEE double bit patterns, rounded
                                  once to nearest-even (the host's fused
                                  multiply-add; callers guard the operand range)
    fma_ext(asig, ase, bsig, bse, csig, cse) -> (sig, se)
                                  the same on 82-bit register-format values,
                                  rounded once to a 64-bit significand (the
                                  x87 extended fma; operands +-0 or normalised
                                  within 2**+-400, callers guard)
    end_block()                   the frame changes here: compiled code ends its
                                  block after this instruction
    read_state(name, i=0) -> value
                                  a raw state-buffer word outside the register
                                  files the block caches (psr, alat_count ...;
                                  ia64jit/state.py), read at this point
    fault(code, cond=None)        raise ``code`` (translator.faults) if cond
    branch(target, cond=None, slot=0)
                                  transfer control at the end of this slot (to
                                  ``slot`` of the target bundle: rfi's ipsr.ri)
    helper(name, *args) -> value  call a runtime routine (translator/helpers.py)
    helper_if(cond, name, *args) -> value
                                  the same, only when cond holds (else 0)
    ip                            address of the executing bundle (int)
"""
