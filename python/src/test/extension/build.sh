#!/bin/sh
# Rebuild ligext.abi3.so from ligext.c with Debian's emcc 3.1.6 as an Emscripten side module
# (what Pyodide's CPython dlopens for an extension). The stable-ABI tag "abi3" is one of
# Pyodide 314's importlib.machinery.EXTENSION_SUFFIXES.
set -eu
cd "$(dirname "$0")"
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"   # Debian's node-acorn etc.
emcc -O2 -fPIC -sSIDE_MODULE=1 -Wall -Werror ligext.c -o ligext.abi3.so
