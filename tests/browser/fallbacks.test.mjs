// When the browser cannot run Kizuna, the page says what is missing instead of showing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveSite, openPage } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

// Returns the fatal message shown and the reason kizuna.ready was rejected with.
async function expectFatal(page) {
  const reason = await page.evaluate(() => window.kizuna.ready.then(() => 'resolved', (e) => e.message));
  await page.locator('#fatal').waitFor({ state: 'visible', timeout: 30000 });
  return { reason, shown: await page.locator('#fatal').innerText() };
}

test('without WebGL2 the page names WebGL2 as missing and does not download the app', async () => {
  const { page, context, requests } = await openPage(browser, site.url,
    { initScript: () => { delete window.WebGL2RenderingContext; } });
  const { reason, shown } = await expectFatal(page);
  assert.match(shown, /WebGL2 is not available/);
  assert.match(reason, /WebGL2/);
  assert.ok(!requests.some((url) => url.endsWith('kizuna.wasm')), 'the wasm was fetched anyway');
  await context.close();
});

test('without WebAssembly the page names WebAssembly as missing', async () => {
  const { page, context } = await openPage(browser, site.url, { initScript: () => { delete window.WebAssembly; } });
  const { reason, shown } = await expectFatal(page);
  assert.match(shown, /WebAssembly is not available/);
  assert.match(reason, /WebAssembly/);
  await context.close();
});

test('without WebAssembly SIMD the page names the browser versions needed and does not download the app', async () => {
  const { page, context, requests } = await openPage(browser, site.url, {
    initScript: () => {
      // A browser before wasm SIMD: modules that use v128 do not validate (0x7b is the v128 type).
      const validate = WebAssembly.validate;
      WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(0x7b) && validate(bytes);
    },
  });
  const { reason, shown } = await expectFatal(page);
  assert.match(shown, /too old for Kizuna/);
  assert.match(shown, /Safari 16\.4/);
  assert.match(reason, /SIMD/);
  assert.ok(!requests.some((url) => url.endsWith('kizuna.wasm')), 'the wasm was fetched anyway');
  await context.close();
});

test('when the WebGL2 context cannot be created the app reports it from wasm', async () => {
  const { page, context } = await openPage(browser, site.url, {
    initScript: () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    },
  });
  const { reason, shown } = await expectFatal(page);
  assert.match(shown, /WebGL2 is not available/);
  assert.match(reason, /WebGL2/);
  await context.close();
});

test('a missing wasm file gives a load error naming the file', async () => {
  const { page, context } = await openPage(browser, `${site.url}`, {
    initScript: () => {
      const originalFetch = window.fetch;
      window.fetch = (input, init) => (String(input).endsWith('kizuna.wasm')
        ? originalFetch('kizuna-missing.wasm', init) : originalFetch(input, init));
    },
  });
  const { reason, shown } = await expectFatal(page);
  assert.match(shown, /could not load/);
  assert.match(shown, /kizuna\.wasm: HTTP 404/);
  assert.match(reason, /404/);
  await context.close();
});
