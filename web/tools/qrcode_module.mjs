// Writes the QR code encoder (npm `qrcode`, from web/node_modules) as one ES module for the site,
// js/vendor/qrcode.js, which js/join_sheet.js imports only when the facilitator opens the join
// sheet. Generated into the build tree, never committed.
// Usage: node web/tools/qrcode_module.mjs OUT.js
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const webDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

async function main() {
  const [out] = process.argv.slice(2);
  if (!out) throw new Error('usage: qrcode_module.mjs OUT.js');
  const result = await esbuild.build({
    stdin: { contents: "export { toString } from 'qrcode/lib/browser.js';", resolveDir: webDir, loader: 'js' },
    bundle: true, format: 'esm', charset: 'utf8', legalComments: 'none', logLevel: 'silent', write: false,
  });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(`${out}.tmp`, result.outputFiles[0].text);
  fs.renameSync(`${out}.tmp`, out);
}

main().catch((error) => {
  const missing = /Could not resolve/.test(error.message) ? ' (npm package qrcode missing from web/node_modules: run tools/setup)' : '';
  console.error(`qrcode_module: ${error.message}${missing}`);
  process.exit(1);
});
