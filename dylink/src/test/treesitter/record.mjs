// The node reference for the tree-sitter client test (issue 13): what web-tree-sitter itself prints
// for a source file, so the Java side (the same main and grammar modules, run by Ligature) can be
// compared with it byte for byte.
//
// usage: node --no-experimental-fetch record.mjs WEB_TREE_SITTER_PACKAGE_DIR GRAMMAR_WASM SOURCE_FILE
//
// WEB_TREE_SITTER_PACKAGE_DIR is the "package" directory unpacked from web-tree-sitter's npm
// tarball (it holds web-tree-sitter.js and web-tree-sitter.wasm); GRAMMAR_WASM is a grammar side
// module such as tree-sitter-json.wasm. Prints the language's ABI version to stderr and
// tree.rootNode.toString() (one line) to stdout. record.sh fetches the pinned packages and runs this.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkgDir, grammarWasm, sourceFile] = process.argv.slice(2);
if (!sourceFile) {
  console.error('usage: node record.mjs WEB_TREE_SITTER_PACKAGE_DIR GRAMMAR_WASM SOURCE_FILE');
  process.exit(2);
}

const { Parser, Language } = await import(pathToFileURL(resolve(pkgDir, 'web-tree-sitter.js')).href);
// The glue finds web-tree-sitter.wasm beside itself; locateFile makes that explicit.
await Parser.init({ locateFile: (name) => resolve(pkgDir, name) });
// Bytes rather than a path, so nothing depends on how Language.load reads files in this node.
const language = await Language.load(new Uint8Array(await readFile(grammarWasm)));
console.error(`language ${language.name ?? '?'} ABI ${language.abiVersion}`);

const parser = new Parser();
parser.setLanguage(language);
// Read as UTF-8 and handed over as a JS string: web-tree-sitter feeds the parser UTF-16LE.
const source = await readFile(sourceFile, 'utf8');
const tree = parser.parse(source);
process.stdout.write(tree.rootNode.toString() + '\n');
tree.delete();
parser.delete();
