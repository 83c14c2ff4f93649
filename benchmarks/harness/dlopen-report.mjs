// The dlopen figures of issue 13 side by side: DlopenBenchmark's JMH json (sample time, µs) and dlopen-bench.mjs's
// json (node, ms). Prints a markdown table (ms per dlopen; ratio = Ligature's time / node's) and writes it to OUT_MD.
//
//   node dlopen-report.mjs JMH_JSON NODE_JSON OUT_MD
import fs from 'node:fs';

const [jmhJson, nodeJson, outMd] = process.argv.slice(2);
const jmh = fs.existsSync(jmhJson) ? JSON.parse(fs.readFileSync(jmhJson, 'utf8')) : [];
const node = fs.existsSync(nodeJson) ? JSON.parse(fs.readFileSync(nodeJson, 'utf8')) : null;
const toMs = (v, unit) => unit.startsWith('us') ? v / 1000 : unit.startsWith('ms') ? v : unit.startsWith('ns') ? v / 1e6 : v * 1000;
const f = (x) => x === undefined ? 'n/a' : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
const ratio = (a, b) => a === undefined || !b ? '' : ` (${(a / b).toFixed(2)}x)`;

const lines = [];
lines.push('ms per `dlopen("libdata.so", RTLD_NOW)` in a new process of `dylink/fixtures/main.js`; mean and median ' +
  '(p50) of every timed load; in parentheses the ratio to node\'s figure of the same kind (mean to mean, median to median).');
lines.push('');
lines.push('| engine | load | mean | median | p90 | n |');
lines.push('|---|---|---:|---:|---:|---:|');
const peer = node ? { warm: node.warm, cold: node.coldProcess } : {};
for (const r of jmh) {
  const m = r.primaryMetric, unit = m.scoreUnit, load = r.params.load;
  const mean = toMs(m.score, unit), p50 = toMs(m.scorePercentiles['50.0'], unit), p90 = toMs(m.scorePercentiles['90.0'], unit);
  const n = m.rawDataHistogram ? m.rawDataHistogram.flat().flat().reduce((a, x) => a + (Array.isArray(x) ? x[1] : 0), 0) : '';
  const p = peer[load];
  lines.push(`| ${r.params.engine} | ${load} | ${f(mean)}${ratio(mean, p && p.mean)} | ${f(p50)}${ratio(p50, p && p.median)} | ${f(p90)} | ${n} |`);
}
if (node) {
  lines.push(`| node | warm (later glue instances in one node process) | ${f(node.warm.mean)} | ${f(node.warm.median)} | ${f(node.warm.p90)} | ${node.warm.n} |`);
  lines.push(`| node | cold (first dlopen of a fresh node process) | ${f(node.coldProcess.mean)} | ${f(node.coldProcess.median)} | ${f(node.coldProcess.p90)} | ${node.coldProcess.n} |`);
  lines.push('');
  lines.push(`node: ${node.engine}.`);
} else {
  lines.push('');
  lines.push('node: no figures (dlopen-bench.mjs did not run).');
}
const text = lines.join('\n') + '\n';
process.stdout.write(text);
if (outMd) fs.writeFileSync(outMd, text);
