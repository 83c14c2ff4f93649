// node + Pyodide as a `python` command, the peer of `ligature python`: loads the npm package with loadPyodide()
// (no packages beyond the standard library) and runs a script file as __main__, or -c CODE, with stdout and stderr
// passed through unbuffered. With --timing it also prints one JSON line on stderr with node's start-up parts.
//
//   node pyodide-python.mjs PYODIDE_PACKAGE_DIR [--timing] (FILE | -c CODE)
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const t0 = performance.now(); // ms since this node process started (performance.timeOrigin)
const args = process.argv.slice(2);
const dir = path.resolve(args.shift());
const timing = args[0] === '--timing' ? (args.shift(), true) : false;
let code, filename;
if (args[0] === '-c') {
  code = args[1];
  filename = '<string>';
} else {
  filename = args[0];
  code = fs.readFileSync(filename, 'utf8');
}
const { loadPyodide } = await import(pathToFileURL(path.join(dir, 'pyodide.mjs')).href);
const t1 = performance.now();
const write = (fd) => ({ write: (bytes) => { fs.writeSync(fd, bytes); return bytes.length; } });
const pyodide = await loadPyodide({ indexURL: dir + '/', stdout: undefined, stderr: undefined });
pyodide.setStdout(write(1));
pyodide.setStderr(write(2));
const t2 = performance.now();
let status = 0;
try {
  pyodide.runPython(code, { filename });
} catch (e) {
  status = 1;
  fs.writeSync(2, String(e.message || e) + '\n');
}
const t3 = performance.now();
if (timing) {
  fs.writeSync(2, '\n' + JSON.stringify({ kind: 'node-startup', nodeStartToScript: t0, importPyodideMjs: t1 - t0,
    loadPyodide: t2 - t1, run: t3 - t2, total: t3 }) + '\n');
}
process.exit(status);
