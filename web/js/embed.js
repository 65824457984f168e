// Embedding: the page that frames Kizuna drives it with postMessage (README: Embedding). Only the
// parent window is listened to; replies go back to its origin. Messages: { kizuna: 1, id, method,
// args } with method one of EMBED_METHODS, replied to with { kizuna: 1, id, result } or { kizuna: 1,
// id, error }; the app posts { kizuna: 1, event: 'ready', version } once running and { kizuna: 1,
// event: 'change', summary } after every re-run.
import { messageOf } from './fatal.js';
import { framed, ready, running } from './state.js';

const EMBED_METHODS = ['version', 'summary', 'levers', 'setLever', 'select', 'setComparison', 'link', 'openLink',
  'loadPreset', 'compareWith', 'getScenario'];
const toParent = (message, origin = '*') => window.parent.postMessage({ kizuna: 1, ...message }, origin);

let pageApi = null;  // window.kizuna, whose methods the parent calls

export function answerParent(api) {
  pageApi = api;
  if (!framed) return;
  window.addEventListener('message', async (event) => {
    const message = event.data;
    if (event.source !== window.parent || !message || message.kizuna !== 1 || typeof message.method !== 'string') return;
    const origin = event.origin && event.origin !== 'null' ? event.origin : '*';
    const reply = (answer) => toParent({ id: message.id, ...answer }, origin);
    if (!EMBED_METHODS.includes(message.method)) {
      reply({ error: `'${message.method}' is not a method embedding pages can call (${EMBED_METHODS.join(', ')})` });
      return;
    }
    try {
      await ready;
      const args = Array.isArray(message.args) ? message.args : [];
      reply({ result: await api[message.method](...args) });
    } catch (error) {
      reply({ error: messageOf(error) });
    }
  });
  ready.then(() => toParent({ event: 'ready', version: api.version() }), () => {});
}

// After a re-run (the findings change), once the frame that made it is over.
let changeQueued = false;
export function announceChange() {
  if (!framed || changeQueued || !running()) return;
  changeQueued = true;
  setTimeout(() => {
    changeQueued = false;
    toParent({ event: 'change', summary: pageApi.summary() });
  }, 0);
}
