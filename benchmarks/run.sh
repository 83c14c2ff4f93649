#!/bin/sh
# Issue 5's benchmark suite: every C kernel (benchmarks/kernels) on every JVM engine in one JMH run, the same
# .wasm files on node (V8), and Pyodide startup figures; prints a table of ms per call with each engine's ratio to
# Ligature's compiler and writes benchmarks/target/results.json (and results.md); a full run also rewrites the
# results section of /BENCHMARKS.md.
#
#   benchmarks/run.sh [--quick] [--graalwasm] [--dlopen-only] [--python-only]
#
#   --quick        short JMH iterations (the whole run stays under 5 minutes on 2 cores); default: full settings
#   --graalwasm    build the benchmarks with the graalwasm Maven profile and add GraalWasm as an engine
#   --dlopen-only  only issue 13's dlopen figures (DlopenBenchmark and node on dylink/fixtures): step 4b; writes
#                  target/dlopen.md and leaves /BENCHMARKS.md alone
#   --python-only  only issue 14's Python figures (benchmarks/python workloads on `ligature python`, in one JVM, and
#                  on node + Pyodide 314.0.7; cold start; 100 interpreters): step 4c; writes target/python.md and
#                  target/python.json and leaves /BENCHMARKS.md alone. With --quick: 1 process per figure, 2 rounds,
#                  10 interpreters
#
# Needs JDK 25 (JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), Maven, node, and npm for Pyodide (without
# npm or network the Pyodide figures are reported as unavailable). Never needs emcc: the .wasm files are committed.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TARGET="$ROOT/benchmarks/target"
QUICK=0
PROFILE=default
DLOPEN_ONLY=0
PYTHON_ONLY=0
for arg in "$@"; do
    case "$arg" in
        --quick) QUICK=1 ;;
        --graalwasm) PROFILE=graalwasm ;;
        --dlopen-only) DLOPEN_ONLY=1 ;;
        --python-only) PYTHON_ONLY=1 ;;
        *) echo "usage: benchmarks/run.sh [--quick] [--graalwasm] [--dlopen-only] [--python-only]" >&2; exit 2 ;;
    esac
done
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JAR="$TARGET/benchmarks.jar"
started=$(date +%s)

# 1. The jar: rebuilt when missing, built with another profile, or older than any source it contains. The profile
#    is read from the jar itself (GraalWasm's runner is in it or not), since mvn may have rebuilt it in between.
stale=0
if [ ! -f "$JAR" ]; then
    stale=1
elif [ "$("$JAVA_HOME/bin/jar" tf "$JAR" | grep -c 'dev/ligature/bench/graal/GraalWasmRunner.class')" = 1 ]; then
    [ "$PROFILE" = graalwasm ] || stale=1
elif [ "$PROFILE" = graalwasm ]; then
    stale=1
elif [ -n "$(find benchmarks/src benchmarks/kernels benchmarks/pom.xml wasm-core/src jit-asm/src emscripten-abi/src dylink/src python/src pom.xml -newer "$JAR" -type f 2>/dev/null | head -1)" ]; then
    stale=1
fi
if [ $stale -eq 1 ]; then
    echo "== building benchmarks.jar ($PROFILE)"
    if [ "$PROFILE" = graalwasm ]; then
        mvn -q -Pgraalwasm -pl benchmarks -am package -DskipTests
    else
        mvn -q -pl benchmarks -am package -DskipTests
    fi
fi

# 4b. Issue 13: dlopen of an already compiled side module in a new process, next to its first (compiling) load, on
#     both Ligature engines (JMH, sample time), and node on the same main module and library
#     (harness/dlopen-bench.mjs); ratios to node in target/dlopen.md. A function, so --dlopen-only can run it alone.
dlopen_figures() {
    if [ $QUICK -eq 1 ]; then DLOPEN_OPTS="-wi 2 -w 1s -i 3 -r 1s -f 1"; else DLOPEN_OPTS="-wi 5 -w 2s -i 5 -r 2s -f 1"; fi
    echo "== JMH: dlopen"
    # shellcheck disable=SC2086
    "$JAVA" -jar "$JAR" 'suite.DlopenBenchmark' $DLOPEN_OPTS -jvmArgsAppend "-Dligature.dylinkFixtures=$ROOT/dylink/fixtures" \
        -rf json -rff "$TARGET/jmh-dlopen.json" > "$TARGET/jmh-dlopen.log" 2>&1 || true
    grep -E '^DlopenBenchmark' "$TARGET/jmh-dlopen.log" || true
    echo "== node: dlopen"
    DLOPEN_QUICK=""
    [ $QUICK -eq 1 ] && DLOPEN_QUICK=--quick
    node benchmarks/harness/dlopen-bench.mjs "$ROOT/dylink/fixtures" "$TARGET/node-dlopen.json" $DLOPEN_QUICK
    node benchmarks/harness/dlopen-report.mjs "$TARGET/jmh-dlopen.json" "$TARGET/node-dlopen.json" "$TARGET/dlopen.md"
}
if [ $DLOPEN_ONLY -eq 1 ]; then
    dlopen_figures
    echo "== done in $(( $(date +%s) - started )) s"
    exit 0
fi

# 4c. Issue 14: the Python workloads (benchmarks/python) on `ligature python FILE` (fresh processes, the CLI jar),
#     in one JVM through PythonRuntime (PythonBench), and on node + Pyodide 314.0.7 (the whole npm package, which
#     loadPyodide needs; SHA-256 of its main module checked); cold start parts; 100 interpreters in one JVM.
python_figures() {
    if [ ! -f cli/target/ligature.jar ] || [ -n "$(find cli/src python/src wasm-core/src jit-asm/src emscripten-abi/src dylink/src -newer cli/target/ligature.jar -type f 2>/dev/null | head -1)" ]; then
        echo "== building cli/target/ligature.jar"
        mvn -q -pl cli -am package -DskipTests
    fi
    pkg="$TARGET/pyodide/package"
    if [ ! -f "$pkg/pyodide.mjs" ]; then
        echo "== fetching pyodide@314.0.7 (whole package) with npm pack"
        mkdir -p "$TARGET/pyodide"
        tgz="${LIGATURE_CACHE:-$HOME/.cache/ligature}/npm/pyodide-314.0.7.tgz"
        if [ ! -f "$tgz" ]; then
            (cd "$TARGET/pyodide" && npm pack --silent pyodide@314.0.7 >/dev/null) || { echo "could not fetch Pyodide" >&2; return 1; }
            tgz="$TARGET/pyodide/pyodide-314.0.7.tgz"
        fi
        tar xzf "$tgz" -C "$TARGET/pyodide"
    fi
    if [ "$(sha256sum "$pkg/pyodide.asm.wasm" | cut -d' ' -f1)" != cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6 ]; then
        echo "$pkg/pyodide.asm.wasm is not pyodide@314.0.7's main module (SHA-256 differs); delete it and re-run" >&2
        return 1
    fi
    echo "== python: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    if [ $QUICK -eq 1 ]; then PY_OPTS="--processes 1 --rounds 2 --many 10"; else PY_OPTS="--processes 3 --rounds 3 --many 100"; fi
    # shellcheck disable=SC2086
    node benchmarks/harness/python-bench.mjs "$ROOT" "$TARGET" $PY_OPTS
}
if [ $PYTHON_ONLY -eq 1 ]; then
    python_figures
    echo "== done in $(( $(date +%s) - started )) s"
    exit 0
fi

# 2. Pyodide 314.0.7's main module, fetched with npm pack (never committed), checked by SHA-256.
PYODIDE="$TARGET/pyodide/package/pyodide.asm.wasm"
PYODIDE_SHA256=cc36e3cab04fdfc9a63ff13eb52eae2b911bf46c025cc7b281f394bd3de1d5e6
if [ ! -f "$PYODIDE" ]; then
    echo "== fetching pyodide@314.0.7 with npm pack"
    mkdir -p "$TARGET/pyodide"
    (cd "$TARGET/pyodide" && npm pack --silent pyodide@314.0.7 >/dev/null && tar xzf pyodide-314.0.7.tgz package/pyodide.asm.wasm) \
        || echo "   (could not fetch Pyodide: its startup figures will be reported as unavailable)"
fi
if [ -f "$PYODIDE" ] && [ "$(sha256sum "$PYODIDE" | cut -d' ' -f1)" != "$PYODIDE_SHA256" ]; then
    echo "$PYODIDE is not pyodide@314.0.7's main module (SHA-256 differs); delete it and re-run" >&2
    exit 1
fi

# 3. Which engines this build has; every engine's checksum on every kernel (and why an engine cannot run one).
ENGINES=$("$JAVA" -cp "$JAR" dev.ligature.bench.suite.Engines | head -1)
GRAAL_RUNTIME=$("$JAVA" -cp "$JAR" dev.ligature.bench.suite.Engines 2>/dev/null | sed -n 2p)
echo "== checksums: every engine on every kernel ($ENGINES)"
"$JAVA" -Dligature.pyodide="$PYODIDE" -Xmx4g -cp "$JAR" dev.ligature.bench.suite.Check "$TARGET/check.json" 2>/dev/null

# 4. JMH: the kernels, then startup. Trials whose engine cannot run the kernel fail fast and are reported from step 3.
if [ $QUICK -eq 1 ]; then
    SUITE_OPTS="-wi 2 -w 500ms -i 3 -r 500ms -f 1"
    SINGLE_OPTS="-wi 2 -i 3 -f 1"
    SMALL_OPTS="-wi 2 -w 500ms -i 3 -r 500ms -f 1"
else
    SUITE_OPTS="-wi 5 -w 2s -i 5 -r 1s -f 1"
    SINGLE_OPTS="-wi 5 -i 10 -f 1"
    SMALL_OPTS="-wi 5 -w 1s -i 5 -r 1s -f 1"
fi
echo "== JMH: kernels"
# shellcheck disable=SC2086
"$JAVA" -jar "$JAR" 'suite.SuiteBenchmark' $SUITE_OPTS -p engine="$ENGINES" \
    -rf json -rff "$TARGET/jmh-suite.json" > "$TARGET/jmh-suite.log" 2>&1 || true
grep -E '^SuiteBenchmark|<failure>' "$TARGET/jmh-suite.log" | tail -60 || true
echo "== JMH: startup"
# shellcheck disable=SC2086
"$JAVA" -jar "$JAR" 'suite.StartupBenchmark' $SINGLE_OPTS -jvmArgsAppend "-Xmx4g -Dligature.pyodide=$PYODIDE" \
    -rf json -rff "$TARGET/jmh-pyodide.json" > "$TARGET/jmh-startup.log" 2>&1 || true
# shellcheck disable=SC2086
"$JAVA" -jar "$JAR" 'suite.SmallInstantiateBenchmark' $SMALL_OPTS \
    -rf json -rff "$TARGET/jmh-small.json" >> "$TARGET/jmh-startup.log" 2>&1 || true
grep -E '^(StartupBenchmark|SmallInstantiateBenchmark)' "$TARGET/jmh-startup.log" || true
node -e 'const fs=require("fs");const r=f=>fs.existsSync(f)?JSON.parse(fs.readFileSync(f)):[];
fs.writeFileSync(process.argv[3],JSON.stringify([...r(process.argv[1]),...r(process.argv[2])]))' \
    "$TARGET/jmh-pyodide.json" "$TARGET/jmh-small.json" "$TARGET/jmh-startup.json"

dlopen_figures

# 5. node (V8) on the same .wasm files.
echo "== node"
NODE_QUICK=""
[ $QUICK -eq 1 ] && NODE_QUICK=--quick
node benchmarks/harness/node-bench.mjs benchmarks/kernels "$TARGET/check.json" "$TARGET/node.json" $NODE_QUICK --pyodide "$PYODIDE"

# 6. The report.
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
jdk=$("$JAVA" -version 2>&1 | sed -n 2p)
node -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({
  date: new Date().toISOString(), cpu: process.argv[2], cores: Number(process.argv[3]), jdk: process.argv[4],
  node: process.version + " (V8 " + process.versions.v8 + ")", loadavg: require("os").loadavg(),
  graalwasmRuntime: process.argv[5] || null, seconds: Number(process.argv[6])}))' \
    "$TARGET/meta.json" "$cpu" "$(nproc)" "$jdk" "$GRAAL_RUNTIME" "$(( $(date +%s) - started ))"
# A full run rewrites the results section of /BENCHMARKS.md; a quick run only writes target/.
if [ $QUICK -eq 1 ]; then
    node benchmarks/harness/report.mjs "$TARGET" quick
else
    node benchmarks/harness/report.mjs "$TARGET" full "$ROOT/BENCHMARKS.md"
fi
echo "== done in $(( $(date +%s) - started )) s"
