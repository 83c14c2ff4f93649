// node (V8) as the peer of DlopenBenchmark (issue 13): the time of one dlopen of dylink/fixtures/libdata.so in a
// new process of the emcc 3.1.6 main module dylink/fixtures/main.js, loaded as Emscripten's glue loads it.
//
//   node dlopen-bench.mjs FIXTURES_DIR OUT_JSON [--quick]
//
// A "process" is one run of main.js's glue: the script is evaluated afresh (its own Module, memory, table, FS
// state and LDSO), main.wasm instantiated, the runtime initialised, main not run (noInitialRun). Starting it is
// not timed; the timed part is what C's dlopen("libdata.so", RTLD_NOW) does in the glue, without the C handle:
// loadDynamicLibrary (read the file from NODERAWFS, new WebAssembly.Module, new WebAssembly.Instance, relocations,
// constructors), as DylinkProcess.dlopen does without one. side_func(21) = 142 is checked after each load.
//
// Three figures, ms per dlopen:
//   cold process  the first dlopen in a fresh node process (V8 has compiled nothing), from child processes;
//   first         the first dlopen of the parent's first glue instance (same as above, in the parent);
//   warm          later glue instances in the same node process: V8's JIT has run the glue's loader before, and
//                 V8 may reuse its compilation of the same wire bytes (its native module cache).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const child = args[0] === '--child';
const fixtures = path.resolve(child ? args[1] : args[0]);
const outJson = child ? null : args[1];
const quick = args.includes('--quick');

const source = fs.readFileSync(path.join(fixtures, 'main.js'), 'utf8');
// The glue as a function of the free variables node gives a CommonJS script; it hands back its loader's internals.
// fetch is hidden (undefined), as record.sh hides it with --no-experimental-fetch: the glue then reads main.wasm
// from the file system instead of trying to fetch a path.
const glue = new Function('Module', 'require', 'process', '__dirname', 'module', 'fetch',
  source + '\n;return { loadDynamicLibrary: loadDynamicLibrary, FS: FS, LDSO: LDSO };');
// The glue registers process-wide handlers (uncaughtException, unhandledRejection) on every start; one real
// process runs many glue instances here, so it gets a view of the process whose 'on' does nothing.
const quietProcess = Object.create(process, {
  on: { value() { return this; } },
  argv: { value: [process.argv[0], './this.program'] },
});
process.chdir(fixtures); // NODERAWFS: the glue's current directory is node's

const now = () => process.hrtime.bigint();

/** Starts one glue instance (not timed), then times one dlopen; returns ms. */
async function oneProcess() {
  let api;
  await new Promise((resolve, reject) => {
    const Module = { noInitialRun: true, onRuntimeInitialized: resolve, onAbort: reject };
    api = glue(Module, require, quietProcess, fixtures, { exports: {} }, undefined);
  });
  const t0 = now();
  api.loadDynamicLibrary('libdata.so', { global: false, nodelete: false, loadAsync: false, fs: api.FS });
  const t1 = now();
  const got = api.LDSO.loadedLibsByName['libdata.so'].module.side_func(21);
  if (got !== 142) throw new Error(`side_func(21) = ${got}, want 142`);
  return Number(t1 - t0) / 1e6;
}

if (child) {
  console.log(JSON.stringify(await oneProcess()));
  process.exit(0);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, median: s[Math.floor(s.length / 2)],
    p90: s[Math.floor(s.length * 0.9)], min: s[0], max: s[s.length - 1], n: s.length };
};

// Cold: fresh node processes.
const coldRuns = quick ? 5 : 20;
const cold = [];
for (let i = 0; i < coldRuns; i++) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', fixtures], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  cold.push(Number(r.stdout.trim()));
}
// First and warm: glue instances one after another in this process.
const first = await oneProcess();
const warmupRuns = quick ? 100 : 500;
const measuredRuns = quick ? 200 : 1000;
for (let i = 0; i < warmupRuns; i++) await oneProcess();
const warm = [];
for (let i = 0; i < measuredRuns; i++) warm.push(await oneProcess());

const out = {
  engine: `node ${process.version} (V8 ${process.versions.v8})`,
  coldProcess: stats(cold),
  first,
  warm: stats(warm),
};
console.log(`node dlopen libdata.so: cold process ${out.coldProcess.mean.toFixed(3)} ms (median ${out.coldProcess.median.toFixed(3)}, n=${coldRuns}), ` +
  `first in process ${first.toFixed(3)} ms, warm ${out.warm.mean.toFixed(4)} ms (median ${out.warm.median.toFixed(4)}, n=${measuredRuns})`);
if (outJson) fs.writeFileSync(outJson, JSON.stringify(out, null, 1));
