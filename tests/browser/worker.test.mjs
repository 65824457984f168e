// The core-only wasm module (kizuna_core.js) runs inside a Web Worker and answers requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { config, launchBrowser, serveSite, openPage, waitUntilRunning } from './harness.mjs';

let browser;
let site;
before(async () => { site = await serveSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await site?.close(); });

// Posts the requests to a fresh worker and resolves with its replies, in order.
function askWorker(page, requests) {
  return page.evaluate((messages) => new Promise((resolve, reject) => {
    const worker = new Worker('worker.js');
    const replies = [];
    worker.onerror = (event) => reject(new Error(`worker error: ${event.message}`));
    worker.onmessage = (event) => {
      replies.push(event.data);
      if (replies.length === messages.length) { worker.terminate(); resolve(replies); }
    };
    for (const message of messages) worker.postMessage(message);
  }), requests);
}

test('the core module in a Web Worker reports the same version as the app', async () => {
  const { page, context, consoleErrors } = await openPage(browser, site.url);
  await waitUntilRunning(page);
  const [reply] = await askWorker(page, [{ id: 1, type: 'version' }]);
  assert.deepEqual(reply, { id: 1, ok: true, result: config.expectedVersion });
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('the worker answers an unknown request with an error naming it', async () => {
  const { page, context } = await openPage(browser, site.url);
  await waitUntilRunning(page);
  const [unknown, version] = await askWorker(page, [{ id: 7, type: 'no-such-request' }, { id: 8, type: 'version' }]);
  assert.equal(unknown.id, 7);
  assert.equal(unknown.ok, false);
  assert.match(unknown.error, /no-such-request/);
  assert.equal(version.ok, true, 'the worker keeps serving after an error');
  await context.close();
});
