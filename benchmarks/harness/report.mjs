// Merges one suite run (Check's outcomes, JMH's JSON, node's JSON) into benchmarks/target/results.json and a
// Markdown table (printed, and written to results.md for BENCHMARKS.md): ms per run call, kernel x engine, with
// each engine's ratio to Ligature's compiler. Every failure is shown with its reason, never dropped.
//
//   node report.mjs TARGET_DIR MODE [BENCHMARKS_MD]
//
// With BENCHMARKS_MD (run.sh passes /BENCHMARKS.md after a full run), the text between its markers
// <!-- results:begin --> and <!-- results:end --> is replaced by this run's machine, JDK, date and table.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const [target, mode, benchmarksMd] = process.argv.slice(2);
const read = (name) => {
  const file = path.join(target, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};
const check = read('check.json');
const suite = read('jmh-suite.json') || [];
const startup = read('jmh-startup.json') || [];
const node = read('node.json');
const meta = read('meta.json') || {};

const REFERENCE = 'ligature-compiler';
const kernels = Object.keys(check.kernels);
const jvmEngines = Object.keys(check.kernels[kernels[0]]);
const engines = [...jvmEngines, 'node'];

const results = { kernels: {}, ci999: {}, failures: {}, startup: {}, meta: { ...meta, mode } };
for (const k of kernels) {
  results.kernels[k] = {};
  results.ci999[k] = {};
}
const fail = (k, e, why) => {
  (results.failures[k] ??= {})[e] = why;
};
for (const r of suite) {
  const k = r.params.kernel.toLowerCase();
  const e = r.params.engine;
  if (!results.kernels[k]) continue;
  results.kernels[k][e] = r.primaryMetric.score;
  results.ci999[k][e] = r.primaryMetric.scoreError;
}
for (const k of kernels) {
  for (const e of jvmEngines) {
    const outcome = check.kernels[k][e];
    if (outcome !== 'ok') {
      delete results.kernels[k][e];
      fail(k, e, outcome.replace(/^failed: /, ''));
    } else if (results.kernels[k][e] === undefined) {
      fail(k, e, 'checksum ok, but JMH produced no figure (see the JMH log)');
    }
  }
  const n = node?.kernels?.[k];
  if (n?.ms !== undefined) results.kernels[k].node = n.ms;
  else fail(k, 'node', n?.failed ?? 'node did not run');
}

// Startup: single-shot ms for Pyodide; µs per instance for the small module.
for (const r of startup) {
  const name = r.benchmark.replace(/^.*\./, '');
  const m = r.primaryMetric;
  if (name === 'instantiate') {
    results.startup[`smallInstantiate_us/${r.params.engine}`] = m.score;
  } else {
    results.startup[`${name}_ms`] = m.score;
  }
}
for (const [step, outcome] of Object.entries(check.startup || {})) {
  if (outcome !== 'ok') results.startup[`${step}_ms`] = `failed: ${outcome.replace(/^failed: /, '')}`;
}
if (node?.startup?.pyodideModule) results.startup['node_pyodideModule_ms'] = node.startup.pyodideModule.ms;
fs.writeFileSync(path.join(target, 'results.json'), JSON.stringify(results, null, 2) + '\n');

// The table.
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const notes = [];
const lines = [];
lines.push(`| kernel (size) | ${engines.join(' | ')} |`);
lines.push(`|---|${engines.map(() => '---:').join('|')}|`);
for (const k of kernels) {
  const ref = results.kernels[k][REFERENCE];
  const cells = engines.map((e) => {
    const ms = results.kernels[k][e];
    if (ms === undefined) {
      notes.push(`${k} on ${e}: ${results.failures[k]?.[e] ?? 'no figure'}`);
      return `failed [${notes.length}]`;
    }
    const ci = results.ci999[k][e];
    const ratio = ref === undefined ? '' : e === REFERENCE ? ' (1x)' : ` (${(ms / ref).toFixed(ms / ref >= 10 ? 0 : 2)}x)`;
    return `${fmt(ms)}${ci !== undefined && !Number.isNaN(ci) ? ` ± ${fmt(ci)}` : ''}${ratio}`;
  });
  lines.push(`| ${k} (${check.sizes[k]}) | ${cells.join(' | ')} |`);
}
// Geometric mean of each engine's ratio to Ligature's compiler, over the kernels both ran.
const geo = engines.map((e) => {
  const ratios = kernels
    .filter((k) => results.kernels[k][e] !== undefined && results.kernels[k][REFERENCE] !== undefined)
    .map((k) => results.kernels[k][e] / results.kernels[k][REFERENCE]);
  if (ratios.length === 0) return '';
  const g = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  return `${g.toFixed(2)}x over ${ratios.length}`;
});
lines.push(`| geometric mean of ratios | ${geo.join(' | ')} |`);
let md = lines.join('\n') + '\n';
if (notes.length) md += '\n' + notes.map((n, i) => `[${i + 1}] ${n}`).join('\n') + '\n';
md += '\nStartup:\n\n| figure | value |\n|---|---:|\n';
for (const [name, v] of Object.entries(results.startup)) {
  md += `| ${name} | ${typeof v === 'number' ? fmt(v) : v} |\n`;
}
fs.writeFileSync(path.join(target, 'results.md'), md);
console.log(`\nms per run call, ± 99.9% CI (JMH), ratio to ${REFERENCE} in parentheses (lower is faster):\n`);
console.log(md);
console.log(`written: ${path.join(target, 'results.json')}, ${path.join(target, 'results.md')}`);

if (benchmarksMd) {
  const BEGIN = '<!-- results:begin -->';
  const END = '<!-- results:end -->';
  const doc = fs.readFileSync(benchmarksMd, 'utf8');
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${benchmarksMd} has no ${BEGIN} ... ${END} section`);
  const load = Array.isArray(meta.loadavg) ? meta.loadavg.map((l) => l.toFixed(2)).join(', ') : '?';
  const header = [
    `Measured ${meta.date ?? '?'} by \`benchmarks/run.sh\` (${mode} settings, ${meta.seconds ?? '?'} s in all).`,
    `Machine: ${meta.cpu ?? '?'}, ${meta.cores ?? '?'} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM; load average at the end ${load}.`,
    `JDK: ${meta.jdk ?? '?'}; ${meta.node ?? 'node ?'}.`,
    meta.graalwasmRuntime
      ? `GraalWasm 25.0.2 ran on Truffle's "${meta.graalwasmRuntime}" runtime` +
        (meta.graalwasmRuntime === 'Interpreted' ? ' (no runtime compilation: interpreter only).' : '.')
      : 'GraalWasm was not in this run (run.sh --graalwasm adds it).',
  ].join('\n');
  const body = `${header}\n\nms per \`run\` call, ± 99.9% confidence interval (JMH; node: mean of its iterations), ` +
    `ratio to ${REFERENCE} in parentheses (lower is faster):\n\n${md}`;
  fs.writeFileSync(benchmarksMd, `${doc.slice(0, from + BEGIN.length)}\n${body}${doc.slice(to)}`);
  console.log(`updated ${benchmarksMd}`);
}

// A wrong checksum is a bug in an engine (or a kernel), not a missing feature: the run fails loudly.
const wrong = Object.entries(results.failures).flatMap(([k, byEngine]) =>
  Object.entries(byEngine).filter(([, why]) => why.includes('wrong checksum')).map(([e]) => `${k} on ${e}`));
if (wrong.length) {
  console.error(`WRONG CHECKSUMS: ${wrong.join(', ')}`);
  process.exitCode = 1;
}
