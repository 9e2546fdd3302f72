# The two set-up-free commands: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
VPY     := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
OBJDUMP := ia64-linux-gnu-objdump

.PHONY: run test bench binutils venv clean toolchain

$(STAMP): pyproject.toml
	test -x $(VPY) || $(PY) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# GNU binutils for IA-64 is the encoding oracle and the guest assembler.
binutils:
	@command -v ia64-linux-gnu-as >/dev/null && command -v $(OBJDUMP) >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binutils-ia64-linux-gnu; }

# IA-64 C cross compiler (gcc 12 from Debian's source package; C only,
# freestanding, with libgcc), built once into $IA64JIT_TOOLCHAIN
# (default ~/.cache/ia64jit/toolchain), outside the repo; reused afterwards.
toolchain:
	bash tools/build-toolchain.sh

test: $(STAMP) binutils
	$(VPY) -m pytest -q

# `make run` boots the native mini kernel (guests/kernel) under the JIT.
run: $(STAMP)
	$(VENV)/bin/ia64jit run guests/kernel/kernel.elf

bench: $(STAMP) binutils
	$(VPY) -m pytest -q bench --benchmark-only

clean:
	rm -rf $(VENV) build *.egg-info
