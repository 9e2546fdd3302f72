"""Profiling of translated code (backend/profile.py, ia64jit/profile.py).

A benchmark workload and a small Linux program run under the profiler: the
hottest block must be the inner loop, the counts must add up to icount, and
the perf map, folded stacks and speedscope files must be what their readers
expect.  Without a profiler nothing counts.
"""

from __future__ import annotations

import json
import re

import pytest

from backend.codecache import CodeCache
from backend.profile import Profiler, read_perf_map
from frontend.decoder import decode_bundle
from ia64jit import bench
from ia64jit.difftest import CODE_BASE, have_binutils, new_machine
from ia64jit.machine import EmulationError
from ia64jit.profile import (Symbols, folded_text, format_report, speedscope_json)

needs_binutils = pytest.mark.skipif(not have_binutils(), reason="ia64-linux-gnu-as not installed")

LOOP_S = r"""
// sum_to(n) three times, in a function with a hot counted loop; write; exit.
	.text
	.explicit
	.global _start
	.proc _start
_start:
	alloc r32=ar.pfs,0,4,3,0
	mov r33=3
	mov r34=0
	;;
1:	movl out0=200000
	;;
	br.call.sptk.many b0=sum_to
	;;
	add r34=r34,r8
	adds r33=-1,r33
	;;
	cmp.ne p6,p0=0,r33
(p6)	br.cond.sptk.few 1b
	;;
	movl r14=msg
	;;
	mov out0=1
	mov out1=r14
	mov out2=len
	mov r15=1027			// write
	;;
	break 0x100000
	;;
	zxt1 out0=r34
	mov r15=1236			// exit_group
	;;
	break 0x100000
	;;
	.endp _start

	.global sum_to
	.proc sum_to
sum_to:
	adds r14=-1,r32
	mov r8=0
	mov r9=1
	;;
	mov ar.lc=r14
	;;
2:	add r8=r8,r9
	adds r9=1,r9
	br.cloop.sptk.few 2b
	;;
	br.ret.sptk.many b0
	;;
	.endp sum_to

	.data
msg:	.ascii "loop done\n"
	len = . - msg
"""
LOOP_STATUS = (3 * (200000 * 200001 // 2)) & 0xFF


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("codecache"))


@pytest.fixture(scope="module")
def loop_prog(tmp_path_factory, gas, gld):
    import subprocess
    d = tmp_path_factory.mktemp("loop")
    src, obj, exe = d / "loop.s", d / "loop.o", d / "loop"
    src.write_text(LOOP_S)
    subprocess.run([gas, "-o", str(obj), str(src)], check=True)
    subprocess.run([gld, "-static", "-o", str(exe), str(obj)], check=True)
    return str(exe)


def _insn_texts(mem, covered):
    out = []
    for ip in covered:
        b = decode_bundle(mem.read(ip, 16))
        out += [i.text() for i in dict.fromkeys(b.insns) if i is not None]
    return out


def _consistent(snap):
    assert snap.block_insns + snap.interp.insns + snap.handlers.insns == snap.total_insns
    assert all(b.entries > 0 and b.insns > 0 for b in snap.blocks)
    # Python-side times are converted with the cycle rate measured over the run.
    assert snap.block_cycles + snap.interp.cycles + snap.handlers.cycles \
        <= 1.01 * snap.total_cycles


# ---------------------------------------------------------------- a workload

@pytest.fixture(scope="module")
def sort_profile(cache_dir):
    code, setup = bench.load("sort")
    m = new_machine("jit", code, jit_threshold=20)
    m.jit.code_cache = CodeCache(cache_dir, salt=m.jit.code_cache.salt)
    m.reg_write("r20", 1)
    icount0 = m.reg_read("icount")
    prof = Profiler(m).attach()
    with pytest.raises(EmulationError):         # the workload ends with break 0
        m.run(CODE_BASE)
    prof.detach()
    return m, prof, prof.snapshot(), m.reg_read("icount") - icount0


@needs_binutils
def test_workload_hottest_block_is_the_inner_loop(sort_profile):
    m, prof, snap, ran = sort_profile
    assert snap.total_insns == ran
    _consistent(snap)
    top = snap.by_cycles()[0]
    texts = _insn_texts(m.mem, top.covered)
    # The insertion sort's inner loop: compare the key with the element below, shift it up.
    assert "ld8 r26=[r25]" in texts and "cmp.ltu p8,p0=r23,r26" in texts, texts
    assert snap.by_insns()[0].key == top.key
    assert top.insns > 0.9 * snap.total_insns
    assert snap.by_entries()[0].entries >= top.entries


@needs_binutils
def test_report_shows_address_disassembly_ir_and_asm(sort_profile):
    m, prof, snap, _ = sort_profile
    text = format_report(prof, snap, top=5, detail=1, show_ir=True, show_asm=True)
    top = snap.by_cycles()[0]
    assert "hottest by host time" in text and "hottest by entries" in text
    assert f"=== {top.name}  {top.ip:#x}" in text
    assert "[MMI]" in text or "[MIB]" in text or "[MII]" in text
    assert "cmp.ltu p8,p0=r23,r26" in text
    assert f'define i64 @"{top.name}"' in text
    assert f"\n{top.name}:\n" in text          # the assembly label
    assert "(interpreter)" in text
    ir = prof.ir(top.records[-1])
    asm = prof.assembly(top.records[-1])
    assert ir.startswith("define") and ir.rstrip().endswith("}")
    assert asm.startswith(f"{top.name}:") and ".size" in asm.splitlines()[-1]
    assert "differs from the loaded code" not in text   # recompiled == loaded
    assert re.search(r"\bret[q]?\b", asm)


@needs_binutils
def test_folded_and_speedscope(sort_profile, tmp_path):
    m, prof, snap, _ = sort_profile
    for weight in ("cycles", "insns"):
        text = folded_text(snap, weight)
        total = 0
        for line in text.splitlines():
            stack, count = line.rsplit(" ", 1)
            frames = stack.split(";")
            assert int(count) > 0
            if frames[0] == "guest" and len(frames) == 3:
                assert re.fullmatch(r"blk_[0-9a-f]+_[0-3]", frames[2]), line
            else:
                assert frames[-1] in ("(interpreter)", "(fault handlers)", "(compiler)",
                                      "(other)"), line
            total += int(count)
        if weight == "insns":
            assert total == snap.total_insns
        else:
            assert total <= snap.total_cycles + 1
    path = tmp_path / "p.speedscope.json"
    path.write_text(json.dumps(speedscope_json(snap)))
    doc = json.loads(path.read_text())
    assert doc["$schema"].startswith("https://www.speedscope.app/")
    nframes = len(doc["shared"]["frames"])
    assert [p["type"] for p in doc["profiles"]] == ["sampled", "sampled"]
    for p in doc["profiles"]:
        assert len(p["samples"]) == len(p["weights"]) > 0
        assert all(0 <= f < nframes for s in p["samples"] for f in s)
        assert p["endValue"] == sum(p["weights"])
    assert doc["profiles"][1]["endValue"] == snap.total_insns


@needs_binutils
def test_counts_survive_table_flushes_and_recompilation(cache_dir):
    """A flush empties the table (the slots' counts go to their blocks);
    the blocks compiled again get new records under the same keys."""
    code, setup = bench.load("sort")
    m = new_machine("jit", code, jit_threshold=20)
    m.jit.code_cache = CodeCache(cache_dir, salt=m.jit.code_cache.salt)
    m.jit.tier_up = 0         # (one compilation per block: no tier-1 record before tier 2)
    m.reg_write("r20", 1)
    prof = Profiler(m).attach()
    m.run(CODE_BASE, count=2_000_000)
    before = prof.snapshot()
    _consistent(before)
    m.jit.flush()
    assert not prof.counters.any()                 # all moved to the records
    with pytest.raises(EmulationError):
        m.run()
    snap = prof.snapshot()
    _consistent(snap)
    top = snap.by_cycles()[0]
    assert len(top.records) == 2                   # compiled, flushed, compiled again
    assert top.insns > before.by_insns()[0].insns
    # A colliding insert moves the old block's counts out of the slot too.
    from backend.dispatch import _index
    slot, key, addr = next(iter(m.jit.dispatcher.live_slots()))
    prof.counters[slot] = (5, 50, 7)
    other = key ^ (1 << 20)                        # same slot, different key
    assert _index(other) == slot
    rec = prof.records[addr]
    before = (rec.entries, rec.cycles, rec.insns)
    m.jit.dispatcher.insert(other, addr)
    assert (rec.entries, rec.cycles, rec.insns) == (before[0] + 5, before[1] + 50, before[2] + 7)
    assert not prof.counters[slot].any()
    prof.detach()


def test_off_by_default():
    code = bytes(16)
    m = new_machine("jit", code)
    d = m.jit.dispatcher
    assert m.jit.profiler is None
    assert d.counters is None and d._counting is None and not d.profiling
    assert d._on_evict is None
    assert "run" not in vars(m.interp) and "_handle_fault" not in vars(m)


@needs_binutils
def test_detach_restores_the_plain_loop(cache_dir):
    code, _ = bench.load("hotloop")
    m = new_machine("jit", code, jit_threshold=20)
    m.jit.code_cache = CodeCache(cache_dir, salt=m.jit.code_cache.salt)
    m.reg_write("r20", 100_000)
    plain = m.jit.dispatcher._fn
    with Profiler(m) as prof:
        assert m.jit.dispatcher._fn is not plain and m.jit.profiler is prof
        assert prof.perf_map is None                # only when asked for
        m.run(CODE_BASE, count=200_000)
    assert m.jit.dispatcher._fn is plain and m.jit.profiler is None
    assert "run" not in vars(m.interp) and "_handle_fault" not in vars(m)
    snap = prof.snapshot()
    _consistent(snap)
    n = snap.total_insns
    m.run(count=100_000)                        # no longer counted
    assert prof.snapshot().total_insns == n


# ---------------------------------------------------------------- a Linux program

@pytest.fixture(scope="module")
def loop_profile(loop_prog, cache_dir, tmp_path_factory):
    import io
    from ia64jit.linux import LinuxProcess
    out, err = io.BytesIO(), io.BytesIO()
    proc = LinuxProcess(loop_prog, [loop_prog], jit_threshold=20, stdout=out, stderr=err)
    proc.m.jit.code_cache = CodeCache(cache_dir, salt=proc.m.jit.code_cache.salt)
    symbols = Symbols.from_file(loop_prog)
    mapfile = str(tmp_path_factory.mktemp("perf") / "perf-test.map")
    prof = Profiler(proc.m, perf_map=mapfile, symbolize=symbols.describe).attach()
    status = proc.run()
    prof.detach()
    assert status == LOOP_STATUS and out.getvalue() == b"loop done\n"
    return proc, prof, prof.snapshot(), symbols, mapfile


@needs_binutils
def test_linux_program_profile(loop_profile):
    proc, prof, snap, symbols, _ = loop_profile
    _consistent(snap)
    assert snap.total_insns == proc.m.reg_read("icount")
    assert snap.handlers.entries == 2 and snap.handlers.insns == 2   # write, exit_group
    top = snap.by_cycles()[0]
    assert symbols.describe(top.ip) == "sum_to+0x20"
    assert any(t.startswith("br.cloop.sptk.few") for t in _insn_texts(proc.m.mem, top.covered))
    assert top.insns >= 3 * 3 * 200000 - 3 * 3 * 20
    text = format_report(prof, snap, symbols=symbols)
    assert "sum_to+0x20" in text
    assert re.search(r"br\.cloop\.sptk\.few [0-9a-f]+ <sum_to\+0x20>", text)
    folded = folded_text(snap, "insns", symbols)
    assert re.search(r"^guest;sum_to;blk_[0-9a-f]+_0 \d+$", folded, re.M)


@needs_binutils
def test_perf_map(loop_profile):
    proc, prof, snap, symbols, mapfile = loop_profile
    entries = read_perf_map(mapfile)
    assert entries[0][2].startswith("ia64jit dispatch")
    by_addr = {a: (s, n) for a, s, n in entries}
    compiled = [r for r in prof.records.values() if r.module >= 0]
    assert compiled
    for rec in compiled:
        size, name = by_addr[rec.addr]
        assert size == rec.size > 0
        assert name.startswith(f"ia64:{rec.ip:#018x}")
    for blk in proc.m.jit.blocks.values():
        a = proc.m.jit.engine_addr(blk)
        assert any(s <= a < s + n for s, n, _ in entries)
    top = snap.by_cycles()[0]
    assert by_addr[top.records[-1].addr][1] == f"ia64:{top.ip:#018x} sum_to+0x20"
    # Ranges do not overlap.
    spans = sorted((a, a + s) for a, s, _ in entries)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))


@needs_binutils
def test_profile_command(loop_prog, run_ia64jit, tmp_path):
    folded, scope, report = tmp_path / "f.txt", tmp_path / "s.json", tmp_path / "r.txt"
    r = run_ia64jit("profile", loop_prog, "--top", "3", "--ir", "--asm", "--detail", "1",
                    "--folded", folded, "--speedscope", scope, "--perf-map")
    assert r.returncode == LOOP_STATUS, r.stderr
    assert r.stdout == b"loop done\n"
    err = r.stderr.decode()
    assert "hottest by host time (top 3" in err and "sum_to+0x20" in err
    assert "--- LLVM IR of blk_" in err and "--- host assembly of blk_" in err
    m = re.search(r"perf map: (/tmp/perf-(\d+)\.map) \((\d+) entries\)", err)
    assert m and int(m.group(3)) >= 2
    try:
        assert len(read_perf_map(m.group(1))) == int(m.group(3))
    finally:
        import os
        os.unlink(m.group(1))
    assert folded.read_text().startswith("guest;")
    json.loads(scope.read_text())
    r = run_ia64jit("profile", loop_prog, "--report", report, "--detail", "0")
    assert r.returncode == LOOP_STATUS and "hottest" not in r.stderr.decode()
    assert "hottest by entries" in report.read_text()
    r = run_ia64jit("run-user", "--profile", loop_prog)
    assert r.returncode == LOOP_STATUS and r.stdout == b"loop done\n"
    assert "sum_to+0x20" in r.stderr.decode()
    r = run_ia64jit("profile", "--engine", "interp", loop_prog)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "ia64jit: profile needs the JIT engine (--engine jit)"


@needs_binutils
def test_runtime_helpers_are_counted(cache_dir):
    """Deep recursion needs the RSE runtime for spills (alloc) and fills
    (return): the timing runtime entry counts those calls (and is taken out
    again on detach).  Calls and returns that need neither stay native."""
    code, _ = bench.load("fib")
    m = new_machine("jit", code, jit_threshold=5)
    m.jit.code_cache = CodeCache(cache_dir, salt=m.jit.code_cache.salt)
    m.reg_write("r20", 22)
    entry = int(m.state.rt_callback[0])
    prof = Profiler(m).attach()
    assert int(m.state.rt_callback[0]) != entry
    with pytest.raises(EmulationError):
        m.run(CODE_BASE)
    prof.detach()
    assert int(m.state.rt_callback[0]) == entry
    assert m.reg_read("r8") == 17711
    snap = prof.snapshot()
    _consistent(snap)
    calls = {name: c.entries for name, c in snap.helpers.items()}
    assert calls.get("rse_alloc", 0) > 0 and calls.get("rse_return", 0) > 0, calls
    assert sum(c.cycles for c in snap.helpers.values()) <= snap.block_cycles
    assert "rse_return" in format_report(prof, snap)
