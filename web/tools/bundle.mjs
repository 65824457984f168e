// Bundles an ES module and everything it imports into one classic script (an IIFE), with esbuild
// (web/package.json): the analysis worker (worker.js, whose kizuna_core.js is a classic script it
// loads with importScripts) and, in the offline single file, the page's modules (file:// pages cannot
// import modules). The code is kept as written (no minifying, no syntax lowering): the bundle runs
// the same statements as the served modules.
// Usage: node web/tools/bundle.mjs ENTRY.js OUT.js
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

// The bundle of `entry` as text.
export async function bundle(entry) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    charset: 'utf8',       // the page's words as they are, not \u escapes
    legalComments: 'none',
    logLevel: 'silent',    // errors are thrown and reported by the caller
    banner: { js: "'use strict';" },  // a classic script is strict only if it says so (modules are)
    write: false,
  });
  return result.outputFiles[0].text;
}

async function main() {
  const [entry, out] = process.argv.slice(2);
  if (!entry || !out) throw new Error('usage: bundle.mjs ENTRY.js OUT.js');
  const text = await bundle(path.resolve(entry));
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(`${out}.tmp`, text);
  fs.renameSync(`${out}.tmp`, out);  // never a half-written file at `out`
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`bundle: ${error.message}`);
    process.exit(1);
  });
}
