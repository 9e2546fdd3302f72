"""The ALAT (advanced load address table), as runtime helpers.

Entries live in the state buffer (ia64jit/state.py): ``alat_tag[i]`` is the
register id of entry i (~0 = invalid), ``alat_addr``/``alat_size`` the bytes
the advanced load read; ``alat_count`` counts the valid entries, so stores
can skip all ALAT work while it is 0 (the common case).

Register ids name *physical* registers, so that frames and rotation do not
alias: r0-r15 -> n; r16-r31 -> n (bank 1) or n + 64 (bank 0, psr.bn = 0);
stacked r32-r127 -> 128 + physical index in the stacked file; f0-f127 ->
1024 + physical index (rotation applied).

Semantics name registers by an architectural *code* (decode-time constant):
``gr_code(n)`` = n, ``fr_code(n)`` = 256 + n.  The helpers map a code to its
id with the current frame (inside a compiled block the frame is constant and
the state's frame fields are current).

Helpers (all engines call them through ``e.helper``):

    alat_set(code, addr, size)   ld.a/ld.sa/ld.c.nc: (re)insert the entry of the
                                 register; size 0: remove it (invala.e, deferred
                                 ld.sa)
    alat_check(code, clear)      1 if the register has an entry; clear: remove it
                                 (chk.a.clr, ld.c.clr)
    alat_store(addr, size)       invalidate entries overlapping [addr, addr+size)
    alat_clear()                 invala

Replacement when all N_ALAT entries are valid: the entry ``id % N_ALAT``
(deterministic, so both engines agree; the architecture allows any).
"""

from __future__ import annotations

from . import frame

INVALID = (1 << 64) - 1
FR_CODE = 256
_PSR_BN = 1 << 44


def gr_code(n: int) -> int:
    return n


def fr_code(n: int) -> int:
    return FR_CODE + n


def reg_id(cpu, code: int) -> int:
    st = cpu.state
    ctl, C = st.ctl, st.CTL
    if code >= FR_CODE:
        return 1024 + frame.fr_phys(ctl, C, code - FR_CODE)
    if code < 16:
        return code
    if code < 32:
        return code if ctl[C["psr"]] & _PSR_BN else code + 64
    return 128 + frame.gr_phys(ctl, C, code, st.N_STACKED)


def _find(st, rid):
    tags = st.alat_tag
    for i in range(len(tags)):
        if int(tags[i]) == rid:
            return i
    return -1


def alat_set(cpu, code, addr, size):
    st = cpu.state
    rid = reg_id(cpu, code)
    i = _find(st, rid)
    if size == 0:
        if i >= 0:
            st.alat_tag[i] = INVALID
            st.alat_count[0] -= 1
        return 0
    if i < 0:
        tags = st.alat_tag
        for j in range(len(tags)):
            if int(tags[j]) == INVALID:
                i = j
                st.alat_count[0] += 1
                break
        else:
            i = rid % len(tags)          # full: replace (count unchanged)
    st.alat_tag[i] = rid
    st.alat_addr[i] = addr
    st.alat_size[i] = size
    return 0


def alat_check(cpu, code, clear):
    st = cpu.state
    if not st.alat_count[0]:
        return 0
    i = _find(st, reg_id(cpu, code))
    if i < 0:
        return 0
    if clear:
        st.alat_tag[i] = INVALID
        st.alat_count[0] -= 1
    return 1


def alat_store(cpu, addr, size):
    st = cpu.state
    if not st.alat_count[0]:
        return 0
    end = addr + size
    tags, addrs, sizes = st.alat_tag, st.alat_addr, st.alat_size
    n = 0
    for i in range(len(tags)):
        if int(tags[i]) != INVALID:
            a = int(addrs[i])
            if a < end and addr < a + int(sizes[i]):
                tags[i] = INVALID
                n += 1
    st.alat_count[0] -= n
    return 0


def alat_clear(cpu):
    st = cpu.state
    st.alat_tag[:] = INVALID
    st.alat_count[0] = 0
    return 0


def entries(cpu) -> list:
    """The valid entries as (id, addr, size), for tests and debugging."""
    st = cpu.state
    return [(int(st.alat_tag[i]), int(st.alat_addr[i]), int(st.alat_size[i]))
            for i in range(len(st.alat_tag)) if int(st.alat_tag[i]) != INVALID]


HELPERS = {
    "alat_set": alat_set,
    "alat_check": alat_check,
    "alat_store": alat_store,
    "alat_clear": alat_clear,
}
