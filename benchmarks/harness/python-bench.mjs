// Issue 14's Python figures in one go: the workloads of benchmarks/python on Ligature and on node + Pyodide
// 314.0.7 in the same run on the same machine.
//
//   node python-bench.mjs ROOT TARGET [--processes N] [--rounds N] [--many N] [--no-many]
//
// 1. cold processes: every workload script in N fresh processes of `./ligature python FILE` (compiler, the
//    default engine) and N of `node harness/pyodide-python.mjs PKG FILE`; each script times its workload 3 times
//    (pass 1 = first run, pass 3 = steady state within the process); median over processes per pass; the scripts'
//    check values must agree between the two;
// 2. in-JVM steady state: PythonBench steady (one JVM, every script in a new interpreter each round), last round;
// 3. cold start of `python -c pass`: wall time of N processes of each, and their parts (PythonBench startup, and
//    pyodide-python.mjs --timing); bare `node -e 0` and `java -version` for the processes alone;
// 4. PythonBench many: 100 interpreters in one JVM on 2 threads.
// Writes TARGET/python.json and TARGET/python.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const [root, target, ...rest] = process.argv.slice(2);
const opt = (name, dflt) => { const i = rest.indexOf(name); return i >= 0 ? Number(rest[i + 1]) : dflt; };
const PROCESSES = opt('--processes', 3);
const ROUNDS = opt('--rounds', 3);
const MANY = rest.includes('--no-many') ? 0 : opt('--many', 100);
const javaHome = process.env.JAVA_HOME || '/usr/lib/jvm/temurin-25-jdk-amd64';
const JAVA = path.join(javaHome, 'bin', 'java');
const JAR = path.join(target, 'benchmarks.jar');
const PKG = path.join(target, 'pyodide', 'package');
const LIGATURE = path.join(root, 'ligature');
const NODE_RUNNER = path.join(root, 'benchmarks', 'harness', 'pyodide-python.mjs');
const WORKLOADS = ['fib', 'loop', 'json_rt', 'regex', 'sort', 'objects', 'strings'];
const files = WORKLOADS.map((w) => path.join(root, 'benchmarks', 'python', `${w}.py`));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const geomean = (xs) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const log = (s) => console.log(s);

function run(cmd, args, opts = {}) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}: ${(r.stderr || '').slice(-2000)}`);
  return { wall, stdout: r.stdout, stderr: r.stderr };
}
const jsonLines = (text) => text.split('\n').filter((l) => l.trim().startsWith('{')).map((l) => JSON.parse(l));

const out = { date: new Date().toISOString(), loadavgStart: os.loadavg(), processes: PROCESSES, rounds: ROUNDS,
  cpu: os.cpus()[0].model, cores: os.cpus().length, node: process.version,
  java: spawnSync(JAVA, ['-version'], { encoding: 'utf8' }).stderr.split('\n')[1],
  cold: {}, steady: {}, startup: {}, many: null, problems: [] };

// 1. Cold processes, interleaved per workload so load changes hit both sides alike.
for (const [i, w] of WORKLOADS.entries()) {
  const sides = { ligature: [], node: [] };
  for (let p = 0; p < PROCESSES; p++) {
    for (const side of ['ligature', 'node']) {
      try {
        const r = side === 'ligature' ? run(LIGATURE, ['python', files[i]]) : run('node', [NODE_RUNNER, PKG, files[i]]);
        const lines = jsonLines(r.stdout);
        if (lines.length !== 3) throw new Error(`expected 3 result lines, got: ${r.stdout.slice(0, 500)}`);
        sides[side].push({ wall: r.wall, passes: lines.map((l) => l.ms), check: JSON.stringify(lines[0].check),
          checks: lines.map((l) => JSON.stringify(l.check)) });
      } catch (e) {
        out.problems.push(`${w} on ${side}: ${e.message}`);
        log(`   ${w} ${side} FAILED: ${e.message.slice(0, 300)}`);
      }
    }
  }
  const summary = {};
  for (const side of ['ligature', 'node']) {
    const runs = sides[side];
    summary[side] = { pass1: median(runs.map((r) => r.passes[0])), pass3: median(runs.map((r) => r.passes[2])),
      wall: median(runs.map((r) => r.wall)), runs };
  }
  const checks = new Set([...sides.ligature, ...sides.node].flatMap((r) => r.checks));
  if (checks.size > 1) out.problems.push(`${w}: the check values differ: ${[...checks].join(' vs ')}`);
  summary.check = [...checks][0];
  out.cold[w] = summary;
  log(`${w.padEnd(8)} ligature ${f1(summary.ligature.pass1)} / ${f1(summary.ligature.pass3)} ms   node ${f1(summary.node.pass1)} / ${f1(summary.node.pass3)} ms   (pass 1 / pass 3; wall ${f1(summary.ligature.wall)} vs ${f1(summary.node.wall)})${checks.size > 1 ? '  CHECK MISMATCH' : ''}`);
}

// 2. In-JVM steady state.
try {
  const r = run(JAVA, ['-Xmx4g', '-cp', JAR, 'dev.ligature.bench.python.PythonBench', 'steady', String(ROUNDS), ...files]);
  const lines = jsonLines(r.stdout);
  for (const w of WORKLOADS) {
    const name = w === 'json_rt' ? 'json' : w;
    const last = lines.filter((l) => l.workload === name && l.round === ROUNDS);
    out.steady[w] = { pass1: last.find((l) => l.pass === 1)?.ms, pass3: last.find((l) => l.pass === 3)?.ms,
      all: lines.filter((l) => l.workload === name).map((l) => [l.round, l.pass, l.ms]) };
    if (last.length && JSON.stringify(last[0].check) !== out.cold[w]?.check) out.problems.push(`${w} in-JVM: check ${JSON.stringify(last[0].check)}`);
  }
  log(`steady (round ${ROUNDS} of one JVM): ` + WORKLOADS.map((w) => `${w} ${f1(out.steady[w].pass1)}/${f1(out.steady[w].pass3)}`).join(', '));
} catch (e) {
  out.problems.push(`in-JVM steady: ${e.message}`);
  log(`steady FAILED: ${e.message.slice(0, 500)}`);
}

// 3. Cold start.
const st = { ligaturePass: [], nodePass: [], nodeBare: [], javaVersion: [], parts: [], nodeParts: [] };
for (let p = 0; p < PROCESSES; p++) {
  try {
    st.javaVersion.push(run(JAVA, ['-version']).wall);
    st.nodeBare.push(run('node', ['-e', '0']).wall);
    st.ligaturePass.push(run(LIGATURE, ['python', '-c', 'pass']).wall);
    const n = run('node', [NODE_RUNNER, PKG, '--timing', '-c', 'pass']);
    st.nodePass.push(n.wall);
    st.nodeParts.push(jsonLines(n.stderr)[0]);
    st.parts.push(jsonLines(run(JAVA, ['-Xmx4g', '-cp', JAR, 'dev.ligature.bench.python.PythonBench', 'startup', 'lazy']).stdout)[0]);
  } catch (e) {
    out.problems.push(`startup: ${e.message}`);
    log(`startup FAILED: ${e.message.slice(0, 500)}`);
  }
}
const medOf = (rows, key) => median(rows.filter(Boolean).map((r) => r[key]));
out.startup = {
  ligatureWall: median(st.ligaturePass), nodeWall: median(st.nodePass), nodeBare: median(st.nodeBare), javaVersion: median(st.javaVersion),
  parts: Object.fromEntries(['jvmUptimeAtMain', 'distribution', 'decodeValidate', 'firstInterpreter', 'pass', 'imports',
    'secondInterpreter', 'secondImports', 'classesBeforeBoot', 'classesAfterBoot', 'jvmJitMs', 'totalMs'].map((k) => [k, medOf(st.parts, k)])),
  nodeParts: Object.fromEntries(['nodeStartToScript', 'importPyodideMjs', 'loadPyodide', 'run', 'total'].map((k) => [k, medOf(st.nodeParts, k)])),
  raw: st,
};
log(`python -c pass: ligature ${f1(out.startup.ligatureWall)} ms, node+Pyodide ${f1(out.startup.nodeWall)} ms (bare node ${f1(out.startup.nodeBare)}, java -version ${f1(out.startup.javaVersion)})`);
log(`  ligature parts: ${JSON.stringify(out.startup.parts)}`);
log(`  node parts: ${JSON.stringify(out.startup.nodeParts)}`);

// 4. Many interpreters.
if (MANY > 0) {
  try {
    const r = run(JAVA, ['-Xmx12g', '-cp', JAR, 'dev.ligature.bench.python.PythonBench', 'many', String(MANY), '2']);
    const lines = jsonLines(r.stdout);
    out.many = { steps: lines.filter((l) => l.kind === 'many-step'), result: lines.find((l) => l.kind === 'many'), wall: r.wall };
    log(`many: ${JSON.stringify(out.many)}`);
  } catch (e) {
    out.problems.push(`many: ${e.message}`);
    log(`many FAILED: ${e.message.slice(0, 1000)}`);
  }
}
out.loadavgEnd = os.loadavg();

// Report.
const md = [];
md.push(`Run ${out.date}: ${out.cpu}, ${out.cores} cores, ${out.java}, node ${out.node} + Pyodide 314.0.7; load average at start ${out.loadavgStart.map(f2).join(' ')}, at end ${out.loadavgEnd.map(f2).join(' ')}. Median over ${PROCESSES} processes per figure; ms.`);
md.push('');
md.push('| workload | Ligature pass 1 | Ligature pass 3 | in-JVM pass 1 | in-JVM pass 3 | node pass 1 | node pass 3 | ratio pass 1 | ratio pass 3 | ratio in-JVM pass 3 |');
md.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const r1 = [], r3 = [], rs = [];
for (const w of WORKLOADS) {
  const c = out.cold[w], s = out.steady[w] || {};
  const a = c.ligature.pass1 / c.node.pass1, b = c.ligature.pass3 / c.node.pass3, d = s.pass3 / c.node.pass3;
  if (Number.isFinite(a)) r1.push(a);
  if (Number.isFinite(b)) r3.push(b);
  if (Number.isFinite(d)) rs.push(d);
  md.push(`| ${w === 'json_rt' ? 'json' : w} | ${f1(c.ligature.pass1)} | ${f1(c.ligature.pass3)} | ${f1(s.pass1)} | ${f1(s.pass3)} | ${f1(c.node.pass1)} | ${f1(c.node.pass3)} | ${f2(a)} | ${f2(b)} | ${f2(d)} |`);
}
md.push(`| **geometric mean** | | | | | | | **${f2(geomean(r1))}** | **${f2(geomean(r3))}** | **${f2(geomean(rs))}** |`);
out.geomean = { pass1: geomean(r1), pass3: geomean(r3), inJvmPass3: geomean(rs) };
md.push('');
const P = out.startup.parts, N = out.startup.nodeParts;
md.push('| cold start, `python -c pass` | Ligature | node + Pyodide |');
md.push('|---|---:|---:|');
md.push(`| whole process, wall | ${f1(out.startup.ligatureWall)} | ${f1(out.startup.nodeWall)} |`);
md.push(`| runtime start (\`java -version\` / \`node -e 0\`, wall) | ${f1(out.startup.javaVersion)} | ${f1(out.startup.nodeBare)} |`);
md.push(`| JVM uptime at main / node start to script | ${f1(P.jvmUptimeAtMain)} | ${f1(N.nodeStartToScript)} |`);
md.push(`| read the bundled distribution / import pyodide.mjs | ${f1(P.distribution)} | ${f1(N.importPyodideMjs)} |`);
md.push(`| decode + validate (\`PythonRuntime.create\`) | ${f1(P.decodeValidate)} | (in loadPyodide) |`);
md.push(`| first interpreter: instantiate, compile + load classes, CPython \`main()\` / \`loadPyodide()\` | ${f1(P.firstInterpreter)} | ${f1(N.loadPyodide)} |`);
md.push(`| of which class generation + loading + JVM warm-up (first − second interpreter) | ${f1(P.firstInterpreter - P.secondInterpreter)} | |`);
md.push(`| second interpreter in the same JVM (nothing left to compile) | ${f1(P.secondInterpreter)} | |`);
md.push(`| \`pass\` | ${f1(P.pass)} | ${f1(N.run)} |`);
md.push(`| imports (\`${'json, re, decimal, hashlib, asyncio, email.message, argparse, dataclasses, typing, pathlib, traceback'}\`), first / second interpreter | ${f1(P.imports)} / ${f1(P.secondImports)} | |`);
md.push(`| HotSpot JIT compile time in the startup harness (CPU ms, all compiler threads) | ${f1(P.jvmJitMs)} | |`);
md.push('');
if (out.many?.result) {
  const m = out.many.result;
  md.push(`${m.interpreters} interpreters of one \`PythonRuntime\` (memory backing ${m.memoryBacking}): created one after another in ${f1(m.createMs)} ms; ` +
    `${m.runs} \`exec\` calls (3 per interpreter) on ${m.threads} threads in ${f1(m.runMs)} ms; heap after GC ${f1(m.heapBeforeMB)} → ${f1(m.heapAfterMB)} MB ` +
    `(${f1(m.heapPerInterpreterMB)} MB per interpreter), RSS ${f1(m.rssBeforeMB)} → ${f1(m.rssAfterMB)} MB (${f1(m.rssPerInterpreterMB)} MB per interpreter); ` +
    `loaded classes ${m.classesBefore} → ${m.classesAfter} → ${m.classesAfterRun}; live instances ${JSON.stringify(m.liveInstances)}; outputs not exactly their own: ${m.wrongOutputs}.`);
  md.push('');
  md.push('| interpreters alive | heap after GC, MB | RSS, MB | loaded classes |');
  md.push('|---:|---:|---:|---:|');
  for (const s of out.many.steps) md.push(`| ${s.interpreters} | ${f1(s.heapMB)} | ${f1(s.rssMB)} | ${s.classes} |`);
  md.push('');
}
if (out.problems.length) {
  md.push('Problems:');
  for (const p of out.problems) md.push(`- ${p.slice(0, 500)}`);
  md.push('');
}
fs.writeFileSync(path.join(target, 'python.json'), JSON.stringify(out, null, 2) + '\n');
fs.writeFileSync(path.join(target, 'python.md'), md.join('\n') + '\n');
log('');
log(md.join('\n'));
