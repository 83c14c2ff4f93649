// The native reference of the suite: V8 (node) runs the same .wasm files as the JVM engines, outside JMH.
// Each kernel is instantiated once, _initialize called if exported, run(size) checked against kernels.txt (the
// native build's checksum), warmed up, then timed in fixed-length iterations; the figure is the mean ms per call
// over the measurement iterations, like JMH's average time.
//
//   node node-bench.mjs KERNELS_DIR CHECK_JSON OUT_JSON [--quick] [--pyodide PATH]
import fs from 'node:fs';
import path from 'node:path';

const [kernelsDir, checkJson, outJson, ...rest] = process.argv.slice(2);
const quick = rest.includes('--quick');
const pyodideAt = rest.indexOf('--pyodide');
const pyodide = pyodideAt >= 0 ? rest[pyodideAt + 1] : null;
const warmupMs = quick ? 1000 : 5000;
const iterations = quick ? 3 : 5;
const iterationMs = quick ? 500 : 1000;

const sizes = JSON.parse(fs.readFileSync(checkJson, 'utf8')).sizes;
const expected = new Map();
for (const line of fs.readFileSync(path.join(kernelsDir, 'kernels.txt'), 'utf8').split('\n')) {
  const f = line.trim().split(/\s+/);
  if (f.length === 3 && !f[0].startsWith('#')) expected.set(`${f[0]} ${f[1]}`, Number(f[2]));
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

// Calls run(size) repeatedly for at least `ms` milliseconds; returns [calls, elapsed ms, last result].
function timed(run, size, ms) {
  let calls = 0, result = 0;
  const start = now();
  let elapsed = 0;
  do {
    result = run(size);
    calls++;
    elapsed = now() - start;
  } while (elapsed < ms);
  return [calls, elapsed, result];
}

const out = { engine: `node ${process.version} (V8 ${process.versions.v8})`, kernels: {}, startup: {} };
for (const [kernel, size] of Object.entries(sizes)) {
  const want = expected.get(`${kernel} ${size}`);
  try {
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(kernelsDir, `${kernel}.wasm`)), {});
    const exports = instance.exports;
    if (exports._initialize) exports._initialize();
    const got = exports.run(size);
    if (got !== want) throw new Error(`wrong checksum: run(${size}) = ${got}, the native build ${want}`);
    timed(exports.run, size, warmupMs);
    const perCall = [];
    for (let i = 0; i < iterations; i++) {
      const [calls, elapsed, result] = timed(exports.run, size, iterationMs);
      if (result !== want) throw new Error(`wrong checksum while measuring: ${result}`);
      perCall.push(elapsed / calls);
    }
    const mean = perCall.reduce((a, b) => a + b, 0) / perCall.length;
    out.kernels[kernel] = { ms: mean, iterations: perCall };
    console.log(`${kernel.padEnd(12)} node ${mean.toFixed(4)} ms/call`);
  } catch (e) {
    out.kernels[kernel] = { failed: String(e.message || e) };
    console.log(`${kernel.padEnd(12)} node failed: ${e.message || e}`);
  }
}

// Startup, for scale: V8 compiling Pyodide's main module (new WebAssembly.Module: decode, validate and its
// baseline-tier compile, lazily per function unless V8 decides otherwise), min of several runs.
if (pyodide && fs.existsSync(pyodide)) {
  const bytes = fs.readFileSync(pyodide);
  const times = [];
  for (let i = 0; i < (quick ? 3 : 6); i++) {
    const start = now();
    new WebAssembly.Module(bytes);
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  out.startup.pyodideModule = { ms: times[Math.floor(times.length / 2)], runs: times };
  console.log(`pyodide     node new WebAssembly.Module ${out.startup.pyodideModule.ms.toFixed(1)} ms (median)`);
}
fs.writeFileSync(outJson, JSON.stringify(out, null, 2) + '\n');
