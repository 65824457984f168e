// Builds dist/kizuna.html: the served site (build/web/site) as one self-contained file that runs from
// file:// with no network (a USB stick in a closed room). Nothing is rebuilt: the page, its modules,
// app and worker are the served site's own files, so a link or an analysis gives the same results.
// Browsers refuse module imports from file://, so the page's modules (js/, entry js/main.js) are
// bundled into one inline classic script by web/tools/bundle.mjs (esbuild).
// Usage: node web/tools/offline_html.mjs --site build/web/site --out build/web/dist/kizuna.html
//
// Layout of the output:
//   <style>              kizuna.css
//   <script type="application/json" id="kizuna-files">
//                        { text: { name: contents }, base64: { name: bytes } }: every other file of
//                        the site (kizuna.js, kizuna_core.js, worker.js, the wasm modules, scenarios/,
//                        MODEL.md); not executed, read by js/site_files.js (siteText / siteBytes)
//   <script>             js/main.js and its imports, bundled; it starts kizuna.js and the worker
//                        from Blob URLs
// The page's Content-Security-Policy is rewritten for that: inline code only by hash, scripts and
// workers also from blob: (made by the page itself), no connections at all.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle.mjs';

const BINARY = new Set(['.wasm', '.bin', '.png', '.otf', '.ttf', '.woff2']);
// In the page already (inline), so not again in the embedded files.
const INLINED = new Set(['index.html', 'kizuna.css']);
const isInlined = (name) => INLINED.has(name) || name.startsWith('js/');  // the page's modules, bundled

function parseArguments(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--site') options.site = path.resolve(value);
    else if (flag === '--out') options.out = path.resolve(value);
    else throw new Error(`unknown option '${flag}' (expected --site DIR --out FILE)`);
  }
  if (!options.site || !options.out) throw new Error('usage: offline_html.mjs --site DIR --out FILE');
  return options;
}

// Every file under `root` as site-relative paths with forward slashes, sorted (stable output).
function listFiles(root, dir = root) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(root, full);
    return entry.isFile() ? [path.relative(root, full).split(path.sep).join('/')] : [];
  }).sort();
}

function embeddedFiles(site) {
  const files = { text: {}, base64: {} };
  for (const name of listFiles(site)) {
    if (isInlined(name)) continue;
    const bytes = fs.readFileSync(path.join(site, name));
    if (BINARY.has(path.extname(name))) files.base64[name] = bytes.toString('base64');
    else files.text[name] = bytes.toString('utf8');
  }
  return files;
}

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// JSON safe inside <script>: no "</script" or "<!--" can end or confuse the element.
const scriptSafeJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function offlineCsp(styleText, loaderText) {
  return [
    "default-src 'none'",
    `script-src ${sha256(loaderText)} blob: 'wasm-unsafe-eval'`,
    `style-src ${sha256(styleText)}`,
    'img-src data: blob:',
    'worker-src blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

// Replaces exactly one match of `pattern` in `html`, or fails naming what index.html lacks.
function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern, 'g')) || [];
  if (matches.length !== 1) throw new Error(`index.html: expected one ${what}, found ${matches.length}`);
  return html.replace(pattern, () => replacement);
}

export async function buildOfflineHtml(site) {
  let html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  const style = fs.readFileSync(path.join(site, 'kizuna.css'), 'utf8');
  const loader = await bundle(path.join(site, 'js', 'main.js'));
  if (/<\/script/i.test(loader)) throw new Error('the bundled page script contains "</script": it cannot be inlined');
  const files = embeddedFiles(site);
  for (const needed of ['kizuna.js', 'kizuna_core.js', 'worker.js', 'scenarios/index.json']) {
    if (!(needed in files.text)) throw new Error(`${site} has no ${needed}: build the web preset first`);
  }
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy"[^>]*>/,
    `<meta http-equiv="Content-Security-Policy" content="${offlineCsp(style, loader)}">`, 'CSP meta element');
  html = replaceOnce(html, /<link rel="stylesheet" href="kizuna.css">/, `<style>${style}</style>`, 'stylesheet link');
  // The modules are in the bundle: nothing to preload (file:// and the CSP would refuse it anyway).
  html = html.replace(/<!-- The page's modules[^]*?-->\s*/, '').replace(/ *<link rel="modulepreload" href="[^"]*">\n?/g, '');
  html = replaceOnce(html, /<script type="module" src="js\/main.js"><\/script>/,
    `<script type="application/json" id="kizuna-files">${scriptSafeJson(files)}</script>\n  <script>${loader}</script>`,
    'loader script');
  return html;
}

async function main() {
  const { site, out } = parseArguments(process.argv.slice(2));
  const html = await buildOfflineHtml(site);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const temporary = `${out}.tmp`;
  fs.writeFileSync(temporary, html);
  fs.renameSync(temporary, out);  // never a half-written file at `out`
  console.log(`${out}: ${(html.length / 1048576).toFixed(2)} MB`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`offline_html: ${error.message}`);
    process.exit(1);
  });
}
