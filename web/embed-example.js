// The example briefing page's side of Kizuna's postMessage API (README: Embedding): calls are
// { kizuna: 1, id, method, args }; replies { kizuna: 1, id, result | error }; events { kizuna: 1,
// event: 'ready' | 'change', ... }. A page on another origin names Kizuna's origin instead of its own.
'use strict';
(function () {
  const frame = document.getElementById('kizuna');
  const kizunaOrigin = new URL(frame.src, location.href).origin;
  const readout = document.getElementById('readout');
  const pending = new Map();
  let nextId = 1;

  // Calls a method of the embedded app; resolves to its result, rejects with its error.
  function call(method, ...args) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      frame.contentWindow.postMessage({ kizuna: 1, id, method, args }, kizunaOrigin);
    });
  }

  const money = (usd) => `${(usd / 1e9).toFixed(2)} bn USD`;
  function show(summary) {
    const { lossUsd, comparisonLossUsd } = summary.metrics;
    readout.textContent = `${summary.readout} Economic loss over the scenario: ${money(lossUsd)}` +
      (comparisonLossUsd !== undefined && comparisonLossUsd !== null ? ` (without the shocks: ${money(comparisonLossUsd)}).` : '.');
  }

  // Each slider sets one lever; the change event that follows updates the readout.
  function bind(inputId, leverPath) {
    const input = document.getElementById(inputId);
    const output = document.getElementById(`${inputId}-value`);
    input.disabled = true;
    input.addEventListener('input', () => {
      output.textContent = `${input.value} month${input.value === '1' ? '' : 's'}`;
      call('setLever', leverPath, Number(input.value)).then((problems) => {
        if (problems.length) readout.textContent = `Kizuna refused the change: ${problems[0].message}`;
      }, (error) => { readout.textContent = `Kizuna could not be reached: ${error.message}`; });
    });
    return input;
  }
  const inputs = [bind('stockpile', 'policy.JP.stockpile.re_oxide.targetMonths'), bind('halt', 'event.cn-halt-japan-2010.duration')];

  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || event.origin !== kizunaOrigin) return;
    const message = event.data;
    if (!message || message.kizuna !== 1) return;
    if (message.event === 'ready') {
      inputs.forEach((input) => { input.disabled = false; });
      call('summary').then(show);
    } else if (message.event === 'change') {
      show(message.summary);
    } else if (pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if ('error' in message) reject(new Error(message.error));
      else resolve(message.result);
    }
  });
})();
