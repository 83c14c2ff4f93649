#!/usr/bin/env bash
# Re-records the web-tree-sitter reference output for the tree-sitter client test (issue 13):
# fetches the pinned npm packages with `npm pack` (no install, no scripts run), checks the SHA-256 of
# the files that matter, and runs record.mjs under node on the committed source file, writing the
# expected syntax tree next to it. Needs node and npm, and the npm registry.
#
# usage: dylink/src/test/treesitter/record.sh [WORK_DIR]   (default: dylink/target/treesitter-record)
# The versions and hashes must match TreeSitterPackages.java.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dylink=$(cd "$here/../../.." && pwd)
work=${1:-$dylink/target/treesitter-record}
resources=$dylink/src/test/resources/treesitter

WTS_VERSION=0.27.2
WTS_WASM_SHA256=488beeff7adb7fd7e21e97cc29a43dc6d031977755eda892d6d96c7f456cfdec
WTS_JS_SHA256=44626cc32a7b6878a10be084b58b471d9c47c1e2082cd5a5e34c8a41431f0c2d
JSON_VERSION=0.24.8
JSON_WASM_SHA256=d2119fb98d5912719b13f9458574f8608d2d29dfbe45f6be1f860ea1fe2a2405

fetch() { # package version -> unpacks into $work/package-version/package
    local dir=$work/$1-$2
    if [ ! -d "$dir/package" ]; then
        mkdir -p "$dir"
        (cd "$dir" && npm pack --silent "$1@$2" >/dev/null && tar xzf "$1-$2.tgz")
    fi
}

check() { # file sha256
    local got
    got=$(sha256sum "$1" | cut -d' ' -f1)
    if [ "$got" != "$2" ]; then
        echo "record.sh: $1 has SHA-256 $got, expected $2" >&2
        exit 1
    fi
}

fetch web-tree-sitter "$WTS_VERSION"
fetch tree-sitter-json "$JSON_VERSION"
wts=$work/web-tree-sitter-$WTS_VERSION/package
grammar=$work/tree-sitter-json-$JSON_VERSION/package/tree-sitter-json.wasm
check "$wts/web-tree-sitter.wasm" "$WTS_WASM_SHA256"
check "$wts/web-tree-sitter.js" "$WTS_JS_SHA256"
check "$grammar" "$JSON_WASM_SHA256"

# --no-experimental-fetch: nothing in the run may reach for the network (the glue would use fetch
# for a URL; here every file is a local path or bytes).
node --no-experimental-fetch "$here/record.mjs" "$wts" "$grammar" "$resources/sample.json" \
    > "$resources/sample.json.tree"
echo "wrote $resources/sample.json.tree" >&2
