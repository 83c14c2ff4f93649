#!/usr/bin/env bash
# Fetches the Pyodide distribution the python module ships: npm's pyodide@VERSION, unpacked into
# DEST (the build passes target/pyodide-dist), keeping pyodide.asm.wasm and python_stdlib.zip after
# checking their SHA-256. A cache under ~/.cache/ligature keeps the tarball between clean builds.
# Without npm or the registry it says why and leaves DEST empty: the jar then has no bundled
# distribution, PythonRuntime says so, and the tests that need it report themselves skipped.
set -euo pipefail
dest=${1:?usage: fetch-pyodide.sh DEST}
version=314.0.7
wasm_sha=cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6
zip_sha=fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a
out="$dest/dev/ligature/python/pyodide"
if [ -f "$out/pyodide.asm.wasm" ] && [ -f "$out/python_stdlib.zip" ]; then
    exit 0
fi
cache=${LIGATURE_CACHE:-$HOME/.cache/ligature}/npm
mkdir -p "$cache" "$out"
tgz="$cache/pyodide-$version.tgz"
if [ ! -f "$tgz" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        echo "fetch-pyodide: npm is not installed: building without a bundled Pyodide" >&2
        exit 0
    fi
    if ! (cd "$cache" && npm pack --silent "pyodide@$version" >/dev/null 2>"$cache/npm.log"); then
        echo "fetch-pyodide: npm pack pyodide@$version failed ($(tail -1 "$cache/npm.log")): building without a bundled Pyodide" >&2
        exit 0
    fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar xzf "$tgz" -C "$work" package/pyodide.asm.wasm package/python_stdlib.zip
check() {
    local got
    got=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$got" != "$2" ]; then
        echo "fetch-pyodide: $1 has SHA-256 $got, not pyodide@$version's $2" >&2
        rm -f "$tgz"
        exit 1
    fi
}
check "$work/package/pyodide.asm.wasm" "$wasm_sha"
check "$work/package/python_stdlib.zip" "$zip_sha"
mv "$work/package/pyodide.asm.wasm" "$work/package/python_stdlib.zip" "$out/"
printf 'version=%s\nwasm.sha256=%s\nstdlib.sha256=%s\n' "$version" "$wasm_sha" "$zip_sha" > "$out/distribution.properties"
