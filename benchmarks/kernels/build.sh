#!/bin/sh
# Rebuilds the benchmark kernels' .wasm files from their C/C++ sources, byte for byte, and checks them against a
# native build of the same sources (the checksum oracle, kernels.txt). Needs Emscripten 3.1.6 (emcc) and a host
# C/C++ compiler; the Maven build and CI never run this: they use the committed .wasm files.
#
#   benchmarks/kernels/build.sh           rebuild the .wasm files, then verify expected checksums natively
#   benchmarks/kernels/build.sh --check   only verify kernels.txt natively
#
# Flags, the same for every kernel:
#   -O2                      optimised as a release build would be
#   -mbulk-memory            memcpy/memset become memory.copy/memory.fill (Emscripten's default since 4.0)
#   -sSTANDALONE_WASM        no JavaScript glue: the module defines and exports its memory and table
#   --no-entry               a reactor: exports `run` (and `_initialize`, which hosts call once, as WASI
#                            reactors specify), no main
#   standalone_exit.c        replaces WASI's proc_exit (reached only from abort) with a trap: no imports at all
#   -fwasm-exceptions        (C++ only) native Wasm exception handling (try/catch/throw/rethrow, one tag), not
#                            JavaScript invoke_* trampolines
set -eu
cd "$(dirname "$0")"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

EMFLAGS="-O2 -mbulk-memory -sSTANDALONE_WASM --no-entry"
C_KERNELS="fib matmul sieve sha256 nbody interp memops qsort"
CXX_KERNELS="exceptions"

if [ "${1:-}" != "--check" ]; then
    case "$(emcc --version)" in
        *" 3.1.6 "*) ;;
        *) echo "build.sh: needs emcc 3.1.6 for byte-identical output" >&2; exit 1 ;;
    esac
    for k in $C_KERNELS; do
        emcc $EMFLAGS -o "$k.wasm" "$k.c" standalone_exit.c
    done
    for k in $CXX_KERNELS; do
        em++ $EMFLAGS -fwasm-exceptions -o "$k.wasm" "$k.cpp" -x c++ standalone_exit.c
    done
    chmod 644 ./*.wasm
fi

# The native oracle: every line of kernels.txt is "kernel size checksum"; the native build must agree.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while read -r kernel size expected; do
    case "$kernel" in ''|'#'*) continue ;; esac
    if [ ! -x "$tmp/$kernel" ]; then
        if [ -f "$kernel.cpp" ]; then
            c++ -O2 -ffp-contract=off -o "$tmp/$kernel" "$kernel.cpp" -x c native_main.c -lm
        else
            cc -O2 -ffp-contract=off -o "$tmp/$kernel" "$kernel.c" native_main.c -lm
        fi
    fi
    actual=$("$tmp/$kernel" "$size")
    if [ "$actual" != "$expected" ]; then
        echo "build.sh: native $kernel($size) = $actual, kernels.txt says $expected" >&2
        status=1
    fi
done < kernels.txt
[ $status -eq 0 ] && echo "kernels.txt agrees with the native build"
exit $status
