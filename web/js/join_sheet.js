// The facilitator's join sheet: for each team a QR code, the full address of its link for the whole
// exercise and its join code (typed instead of the link); once a round has closed, the round code
// teams type on their pages to catch up, large, with a QR code of the round's address (a phone that
// lost its page opens it and picks its team). An HTML dialog over the app: the codes stay sharp on a
// projector and the links can be selected and copied. The QR encoder (npm qrcode, built into
// js/vendor/qrcode.js) is fetched the first time the sheet opens.
import { tr } from './i18n.js';
import { pageUrl, workshopCall } from './links.js';

// Not a literal: the offline single file's bundler leaves it alone (the sheet has no codes there).
const QR_MODULE = './vendor/qrcode.js';
let button = null;
let dialog = null;

// An HTML element with attributes (className, on<event> handlers, the rest as attributes) and children.
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

// A QR code image of `text` (an SVG as a data: URL, which the page's CSP allows), or null when the
// encoder cannot be loaded (e.g. the single-file offline page): the link below it still serves.
async function qrImage(text, label) {
  try {
    const { toString } = await import(QR_MODULE);
    const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return element('img', { className: 'join-qr', alt: label, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
  } catch (error) {
    return null;
  }
}

async function teamCard(team) {
  const links = workshopCall('teamLink', { team: team.id });
  const link = `${pageUrl()}#${links.stableLink}`;
  const copied = element('span', { className: 'join-copied', role: 'status' });
  const image = await qrImage(link, tr('workshop.join.qr-label', { team: team.label }));
  return element('li', { className: 'join-team', 'data-team': team.id },
    element('h3', {}, team.label),
    ...(image ? [image] : []),
    element('a', { className: 'join-link', href: link, target: '_blank', rel: 'noopener' }, link),
    element('p', { className: 'join-code' }, tr('workshop.join-code.label'), ' ', element('strong', { className: 'join-code-value' }, links.joinCode)),
    element('button', { type: 'button', className: 'join-copy', onclick: () => {
      const done = (key) => { copied.textContent = tr(key); };
      if (!navigator.clipboard) { done('workshop.phone.copy-by-hand'); return; }
      navigator.clipboard.writeText(link).then(() => done('workshop.join.copied'), () => done('workshop.phone.copy-by-hand'));
    } }, tr('workshop.join.copy')),
    copied);
}

// After a round closes: the round code, large, and a QR code of the round's full address.
async function roundSection(state) {
  if (state.round <= 1) return [];
  const address = `${pageUrl()}#${state.link}`;
  const image = await qrImage(address, tr('workshop.join.round-qr-label', { round: state.round }));
  return [element('section', { className: 'join-round' },
    element('p', {}, tr('workshop.round-code.show', { round: state.round })),
    element('output', { className: 'join-round-code', id: 'join-round-code' }, state.roundCode),
    ...(image ? [image] : []),
    element('p', { className: 'join-quiet' }, tr('workshop.join.round-qr-explain')))];
}

// Opens the sheet with the session's current round.
export async function showJoinSheet() {
  const state = workshopCall('state');
  if (!state.active || state.role !== 'facilitator') return;
  if (!dialog) {
    dialog = element('dialog', { id: 'join-sheet', 'aria-labelledby': 'join-sheet-title' });
    document.body.append(dialog);
  }
  const cards = await Promise.all(state.teams.map(teamCard));
  dialog.replaceChildren(
    element('h2', { id: 'join-sheet-title' }, tr('workshop.join.title', { round: state.round, rounds: state.rounds })),
    ...(await roundSection(state)),
    element('p', {}, tr('workshop.join.explain')),
    element('ul', { className: 'join-teams' }, ...cards),
    element('button', { type: 'button', className: 'join-close', onclick: () => dialog.close() }, tr('workshop.join.close')));
  if (!dialog.open) dialog.showModal();
}

// The sheet's button over the app, shown while this screen facilitates a workshop.
let listening = false;
export function followFacilitator() {
  if (!listening) {
    listening = true;
    window.addEventListener('kizuna-workshop-opened', () => followFacilitator());
  }
  const state = workshopCall('state');
  const facilitating = state.active && state.role === 'facilitator';
  if (!button && facilitating) {
    button = element('button', { type: 'button', id: 'join-toggle', onclick: () => { showJoinSheet(); } });
    document.body.append(button);
  }
  if (!button) return;
  button.hidden = !facilitating;
  button.textContent = tr('workshop.join.open');
  if (!facilitating && dialog && dialog.open) dialog.close();
}
