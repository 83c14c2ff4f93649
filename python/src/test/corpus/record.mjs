// Records Pyodide's output for one or more corpus scripts (issue 14).
// usage: node --no-experimental-fetch record.mjs PYODIDE_PACKAGE_DIR EXPECTED_DIR SCRIPT.py...
// For each script: a fresh loadPyodide(), the script written to /tmp/<name>.py in Pyodide's FS,
// run_main.py's corpus_run() on it, raw stdout/stderr bytes and the exit status written to
// EXPECTED_DIR/<name>.stdout, .stderr, .status. See README.md for the calling convention.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [pkgDir, expectedDir, ...scripts] = process.argv.slice(2);
if (!pkgDir || !expectedDir || scripts.length === 0) {
  console.error('usage: node record.mjs PYODIDE_PACKAGE_DIR EXPECTED_DIR SCRIPT.py...');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const runMain = readFileSync(join(here, 'run_main.py'), 'utf8');
const { loadPyodide } = await import(pathToFileURL(join(resolve(pkgDir), 'pyodide.mjs')).href);

function sink() {
  const chunks = [];
  return {
    chunks,
    // Writer handler: gets the raw bytes the program wrote to fd 1/2, no decoding, no batching by line.
    write(buffer) { chunks.push(Buffer.from(buffer)); return buffer.length; },
    isatty: false,
  };
}

for (const script of scripts) {
  const name = basename(script, '.py');
  const started = Date.now();
  const out = sink();
  const err = sink();
  // Nothing is passed but the package location: env, args and stdin are Pyodide's defaults
  // except that stdin is at end of file (as `python FILE < /dev/null`).
  const pyodide = await loadPyodide({ indexURL: resolve(pkgDir) + '/' });
  pyodide.setStdout(out);
  pyodide.setStderr(err);
  pyodide.setStdin({ stdin: () => null });
  const vfsPath = `/tmp/${name}.py`;
  pyodide.FS.writeFile(vfsPath, readFileSync(script));
  // run_main.py is exec'd in a private namespace, so nothing of it is visible to the script.
  const ns = pyodide.globals.get('dict')();
  pyodide.runPython(runMain, { globals: ns, filename: '/corpus/run_main.py' });
  const status = await ns.get('corpus_run').callPromising(vfsPath);
  ns.destroy();
  writeFileSync(join(expectedDir, `${name}.stdout`), Buffer.concat(out.chunks));
  writeFileSync(join(expectedDir, `${name}.stderr`), Buffer.concat(err.chunks));
  writeFileSync(join(expectedDir, `${name}.status`), `${status}\n`);
  console.error(`${name}: status ${status}, ${Date.now() - started} ms`);
}
