#!/usr/bin/env bash
# Re-records the Pyodide reference output of the differential corpus (issue 14):
# fetches pyodide@314.0.7 with `npm pack` (no install, no scripts run), checks the SHA-256 of
# pyodide.asm.wasm, then runs record.mjs under node once per script (a fresh loadPyodide() each)
# and writes expected/NN_topic.stdout, .stderr, .status. Needs node (20) and npm, and the npm
# registry the first time.
#
# usage: python/src/test/corpus/record.sh [CACHE_DIR] [SCRIPT.py...]
#   CACHE_DIR defaults to python/target/pyodide; with no scripts, all of scripts/*.py are recorded.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
python_dir=$(cd "$here/../../.." && pwd)
cache=${1:-$python_dir/target/pyodide}
shift || true

VERSION=314.0.7
WASM_SHA256=cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6

if [ ! -f "$cache/package/pyodide.asm.wasm" ]; then
    echo "== fetching pyodide@$VERSION with npm pack into $cache" >&2
    mkdir -p "$cache"
    (cd "$cache" && npm pack --silent "pyodide@$VERSION" >/dev/null && tar xzf "pyodide-$VERSION.tgz")
fi
got=$(sha256sum "$cache/package/pyodide.asm.wasm" | cut -d' ' -f1)
if [ "$got" != "$WASM_SHA256" ]; then
    echo "record.sh: $cache/package/pyodide.asm.wasm has SHA-256 $got, expected $WASM_SHA256" >&2
    exit 1
fi

if [ $# -eq 0 ]; then
    set -- "$here"/scripts/*.py
fi
mkdir -p "$here/expected"
# --no-experimental-fetch: nothing may reach for the network (every file is a local path).
# --experimental-wasm-stack-switching: JSPI for node 20, so that asyncio.run() works on
#   Pyodide's WebLoop (record.mjs calls the runner with callPromising).
# One node process per script: each script gets a fresh interpreter and a fresh VFS.
start=$(date +%s)
for script in "$@"; do
    node --no-experimental-fetch --experimental-wasm-stack-switching \
        "$here/record.mjs" "$cache/package" "$here/expected" "$script"
done
echo "recorded $# scripts in $(( $(date +%s) - start )) s" >&2
