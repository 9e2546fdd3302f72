#!/usr/bin/env bash
# Build an IA-64 C cross compiler (ia64-linux-gnu-gcc, C only, freestanding,
# with libgcc) from Debian's gcc-12 source package.
#
#   tools/build-toolchain.sh            # or: make toolchain
#
# Installs into $IA64JIT_TOOLCHAIN (default $HOME/.cache/ia64jit/toolchain),
# outside the repository, and reuses an existing install.  Every step is
# stamped, so a re-run resumes where a previous run stopped.  Needs root (or
# sudo) for apt-get, network access to the Debian archive, and GNU binutils
# for IA-64 (binutils-ia64-linux-gnu, installed if missing).
#
# Environment:
#   IA64JIT_TOOLCHAIN  install prefix (default $HOME/.cache/ia64jit/toolchain)
#   JOBS               parallel make jobs (default: nproc)
#   NICE               prefix for the heavy commands (default: "nice -n 19")
#   KEEP_BUILD=1       keep the build tree (build/obj, ~2.8 GB) after installing
set -euo pipefail

TARGET=ia64-linux-gnu
PREFIX=${IA64JIT_TOOLCHAIN:-$HOME/.cache/ia64jit/toolchain}
BUILD=$PREFIX/build
SRCDIR=$BUILD/src
OBJDIR=$BUILD/obj
LOGDIR=$BUILD/logs
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
NICE=${NICE:-nice -n 19}
GCC=$PREFIX/bin/$TARGET-gcc
AS=/usr/bin/$TARGET-as
LD=/usr/bin/$TARGET-ld
T0=$(date +%s)

say()  { printf '[toolchain %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die()  { printf '[toolchain] ERROR: %s\n' "$*" >&2; exit 1; }
# run LOGNAME CMD...: run a step with its output in a log; on failure show the tail.
run() {
    local log=$LOGDIR/$1.log; shift
    if ! "$@" >"$log" 2>&1; then
        show_log "$log"
        return 1
    fi
}
run_quiet() { local log=$LOGDIR/$1.log; shift; "$@" >"$log" 2>&1; }
show_log() {
    echo "----- last lines of $1 -----" >&2
    tail -n 40 "$1" >&2
}
SUDO=
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null && SUDO=sudo
fi
apt_get() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

installed() {
    [ -x "$GCC" ] || return 1
    local lib; lib=$("$GCC" -print-libgcc-file-name 2>/dev/null) || return 1
    [ -f "$lib" ]
}

if installed; then
    say "already built; reusing $PREFIX"
    echo "$GCC"
    exit 0
fi

mkdir -p "$SRCDIR" "$OBJDIR" "$LOGDIR"
say "building $TARGET-gcc into $PREFIX (jobs=$JOBS, logs in $LOGDIR)"

# --- 1. host packages ------------------------------------------------------
need=()
for p in binutils-ia64-linux-gnu libgmp-dev libmpfr-dev libmpc-dev flex bison \
         texinfo make gcc g++ xz-utils dpkg-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    say "installing build dependencies: ${need[*]}"
    run apt-update apt_get update -qq || die "apt-get update failed"
    run apt-install apt_get install -y -qq --no-install-recommends "${need[@]}" \
        || die "apt-get install ${need[*]} failed"
fi
[ -x "$AS" ] && [ -x "$LD" ] || die "$AS / $LD not found (package binutils-ia64-linux-gnu)"

# --- 2. gcc-12 source package ---------------------------------------------
have_deb_src() {
    grep -hqsE '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list ||
    grep -hqsE '^[[:space:]]*Types:.*deb-src' /etc/apt/sources.list.d/*.sources
}
if ! ls "$SRCDIR"/gcc-12_*.dsc >/dev/null 2>&1; then
    if ! have_deb_src; then
        # Mirror the existing binary sources as deb-src, same archive and suites.
        say "adding deb-src entries mirroring the existing apt sources"
        tmp=$(mktemp)
        for f in /etc/apt/sources.list.d/*.sources; do
            [ -f "$f" ] || continue
            # deb822 stanzas: keep the Debian archive ones, switch Types to deb-src.
            awk 'BEGIN{RS=""; ORS="\n\n"}
                 /URIs:[^\n]*debian/ && /Types:[^\n]*deb/ {
                     sub(/Types:[^\n]*/, "Types: deb-src"); print }' "$f" >>"$tmp"
        done
        if [ ! -s "$tmp" ] && [ -f /etc/apt/sources.list ]; then
            sed -nE 's/^[[:space:]]*deb[[:space:]]+(.*debian.*)$/deb-src \1/p' /etc/apt/sources.list >>"$tmp"
            [ -s "$tmp" ] && { $SUDO cp "$tmp" /etc/apt/sources.list.d/ia64jit-deb-src.list; rm -f "$tmp"; }
        fi
        if [ -f "$tmp" ]; then
            [ -s "$tmp" ] || { rm -f "$tmp"; die "no Debian apt source found to mirror as deb-src"; }
            $SUDO cp "$tmp" /etc/apt/sources.list.d/ia64jit-deb-src.sources
            $SUDO chmod 644 /etc/apt/sources.list.d/ia64jit-deb-src.sources
            rm -f "$tmp"
        fi
    fi
    say "apt-get update"
    run apt-update-src apt_get update -qq || die "apt-get update failed"
    say "downloading the gcc-12 source package (apt-get source --download-only gcc-12)"
    (cd "$SRCDIR" && run apt-source apt_get source --download-only gcc-12) \
        || die "apt-get source gcc-12 failed (is a deb-src entry configured?)"
fi

# --- 3. plain upstream source ----------------------------------------------
# gcc-12_*.orig.tar.* holds Debian's build tree, which contains the upstream
# gcc-*.tar.xz; the Debian patches are not applied (not needed for a cross C).
if [ ! -f "$SRCDIR/.unpacked" ]; then
    say "unpacking the upstream gcc tarball"
    orig=$(ls "$SRCDIR"/gcc-12_*.orig.tar.* 2>/dev/null | head -n1)
    [ -n "$orig" ] || die "no gcc-12_*.orig.tar.* in $SRCDIR"
    rm -rf "$SRCDIR/orig" "$SRCDIR/gcc"
    mkdir -p "$SRCDIR/orig"
    run untar-orig tar -xf "$orig" -C "$SRCDIR/orig" || die "cannot unpack $orig"
    up=$(find "$SRCDIR/orig" -maxdepth 3 -name 'gcc-*.tar.*' ! -name '*.orig.*' | head -n1)
    if [ -n "$up" ]; then
        mkdir -p "$SRCDIR/up"
        run untar-upstream tar -xf "$up" -C "$SRCDIR/up" || die "cannot unpack $up"
        top=$(find "$SRCDIR/up" -mindepth 1 -maxdepth 1 -type d | head -n1)
    else
        # Orig tarball is the upstream tree itself.
        top=$(find "$SRCDIR/orig" -mindepth 1 -maxdepth 1 -type d | head -n1)
    fi
    [ -n "$top" ] && [ -x "$top/configure" ] && [ -d "$top/gcc" ] \
        || die "could not find an upstream gcc tree (configure + gcc/) in $orig"
    mv "$top" "$SRCDIR/gcc"
    rm -rf "$SRCDIR/orig" "$SRCDIR/up"
    touch "$SRCDIR/.unpacked"
fi
say "source: $SRCDIR/gcc (gcc $(cat "$SRCDIR/gcc/gcc/BASE-VER" 2>/dev/null || echo '?'))"

# --- 4. configure ------------------------------------------------------------
if [ ! -f "$OBJDIR/.configured" ]; then
    say "configuring --target=$TARGET --prefix=$PREFIX"
    rm -rf "$OBJDIR"; mkdir -p "$OBJDIR"
    (cd "$OBJDIR" && run configure $NICE "$SRCDIR/gcc/configure" \
        --target=$TARGET --prefix="$PREFIX" \
        --enable-languages=c --without-headers \
        --disable-shared --disable-threads --disable-multilib --disable-nls \
        --disable-libssp --disable-libquadmath --disable-libgomp --disable-libatomic \
        --disable-libsanitizer --disable-libvtv --disable-libstdcxx \
        --disable-bootstrap --disable-werror \
        --with-as="$AS" --with-ld="$LD") \
        || die "configure failed (see $LOGDIR/configure.log and $OBJDIR/config.log)"
    touch "$OBJDIR/.configured"
fi

# --- 5. build ------------------------------------------------------------------
# Debian's -dfsg tarball strips the GFDL manuals, so genhooks cannot rebuild
# tm.texi from the stripped doc/tm.texi.in ("No place specified to document
# hook ...") and the s-tm-texi step fails; touching its stamp is enough (no
# docs are built).
make_step() {  # make_step NAME TARGETS...
    local name=$1; shift
    (cd "$OBJDIR" && run_quiet "$name" $NICE make -j"$JOBS" "$@") && return 0
    if grep -q 'Makefile:[0-9]*: s-tm-texi\] Error' "$LOGDIR/$name.log" && [ -d "$OBJDIR/gcc" ]; then
        say "s-tm-texi check failed (no docs in the tarball): touching gcc/s-tm-texi, retrying"
        touch "$OBJDIR/gcc/s-tm-texi"
        (cd "$OBJDIR" && run "$name-retry" $NICE make -j"$JOBS" "$@") && return 0
        return 1
    fi
    show_log "$LOGDIR/$name.log"
    return 1
}
if [ ! -f "$OBJDIR/.built-gcc" ]; then
    say "make all-gcc (the long step)"
    make_step make-all-gcc all-gcc || die "make all-gcc failed (see $LOGDIR/)"
    touch "$OBJDIR/.built-gcc"
fi
if [ ! -f "$OBJDIR/.built-libgcc" ]; then
    say "make all-target-libgcc"
    make_step make-libgcc all-target-libgcc || die "make all-target-libgcc failed (see $LOGDIR/)"
    touch "$OBJDIR/.built-libgcc"
fi

# --- 6. install -----------------------------------------------------------------
say "make install-gcc install-target-libgcc"
(cd "$OBJDIR" && run install $NICE make install-gcc install-target-libgcc) \
    || die "make install failed (see $LOGDIR/install.log)"
installed || die "install finished but $GCC or its libgcc.a is missing"

# --- 7. smoke test ------------------------------------------------------------
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/t.c" <<'C'
long div(long a, long b) { return a / b + a % b; }
unsigned long udiv(unsigned long a, unsigned long b) { return a / b; }
void _start(void) { for (;;) ; }
C
"$GCC" -O2 -ffreestanding -nostdlib -c "$tmp/t.c" -o "$tmp/t.o" || die "smoke test: compile failed"
"$LD" -static -e _start "$tmp/t.o" "$("$GCC" -print-libgcc-file-name)" -o "$tmp/t" \
    || die "smoke test: link against libgcc.a failed"
say "smoke test ok (compiled, linked with libgcc.a)"

# --- 8. drop the ~2.8 GB build tree (keeps the downloaded source package) ---
if [ "${KEEP_BUILD:-0}" != 1 ]; then
    say "removing the build tree $OBJDIR and $SRCDIR/gcc (KEEP_BUILD=1 keeps them)"
    rm -rf "$OBJDIR" "$SRCDIR/gcc" "$SRCDIR/.unpacked"
fi
say "done in $(( $(date +%s) - T0 ))s: $PREFIX"
echo "$GCC"
