// The team page for phones: a team that opens its link on a narrow or touch screen plays from this
// HTML page over the app, not from the ImGui panel squeezed into the canvas. HTML gives what a
// phone needs for free: text that wraps, native controls of thumb size, copy and paste, the IME, the
// screen reader and the browser's own scrolling. Everything it shows comes from the app through the
// workshop commands (teamView, setDraft, submit; src/app/workshop_team_view.hpp) in the UI's
// language; the facilitator's and analysts' screens stay the app's.
/* global Module */
import { tr } from './i18n.js';
import { openSession, workshopCall } from './links.js';
import { appCall } from './state.js';

// Narrow screens and touch-first ones get the page; a laptop's team keeps the app's panel.
const phoneQuery = window.matchMedia('(max-width: 760px), (pointer: coarse)');
// The languages the page offers, each named in itself (the same in every UI language).
const LANGUAGE_NAMES = { en: 'English', ja: '日本語' };

let root = null;       // the page's <section>, created on first use
let showingMap = false;
// A session link without a team, opened on a phone, asks which team this is (one link for every
// team); whoever started the workshop here, or chose to facilitate, is not asked.
let facilitatorChosen = false;
let message = null;    // { text, problem } under the code or the catch-up field
let catchUpText = '';  // what is typed in the catch-up field: a redraw keeps it, a mistyped code is not lost

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

// A lever's value as the ImGui panel writes it ("%g"): 300, 0.5, 1200.
const valueText = (value) => String(Number(value.toPrecision(6)));
const valuesOf = (lever) => Array.from({ length: lever.steps }, (unused, i) => (i === lever.steps - 1 ? lever.max : lever.min + i * lever.step));

function setDraft(path, value) {
  const problems = workshopCall('setDraft', { values: { [path]: value } });
  message = problems.length ? { text: problems[0].message, problem: true } : null;
  render(path);
}

// Yes/no as a switch; a few values as a row of buttons; many as a stepper (- value +).
function leverControl(lever) {
  const id = `team-lever-${lever.path}`;
  const label = element('span', { className: 'team-lever-label', id: `${id}-label` }, lever.label);
  if (lever.yesNo) {
    const on = lever.value === 1;
    return element('div', { className: 'team-lever' },
      element('button', { type: 'button', role: 'switch', className: 'team-switch', 'aria-checked': on ? 'true' : 'false',
        'aria-labelledby': `${id}-label`, 'data-focus': lever.path, 'data-lever': lever.path, onclick: () => setDraft(lever.path, on ? 0 : 1) },
      label, element('span', { className: 'team-switch-track', 'aria-hidden': 'true' }, element('span', { className: 'team-switch-thumb' })),
      element('span', { className: 'team-switch-state' }, tr(on ? 'workshop.phone.yes' : 'workshop.phone.no'))));
  }
  const values = valuesOf(lever);
  if (values.length <= 7) {
    return element('div', { className: 'team-lever', role: 'group', 'aria-labelledby': `${id}-label` }, label,
      element('div', { className: 'team-choices' }, ...values.map((value) => element('button', {
        type: 'button', className: 'team-choice', 'aria-pressed': value === lever.value ? 'true' : 'false',
        'data-focus': `${lever.path}=${value}`, 'data-lever': lever.path, 'data-value': value, onclick: () => setDraft(lever.path, value),
      }, valueText(value)))));
  }
  const index = values.indexOf(lever.value);
  const stepButton = (delta, key) => element('button', {
    type: 'button', className: 'team-choice', 'aria-label': tr(key), 'data-focus': `${lever.path}${delta}`, 'data-lever': lever.path,
    disabled: index + delta < 0 || index + delta >= values.length, onclick: () => setDraft(lever.path, values[index + delta]),
  }, delta < 0 ? '−' : '+');
  return element('div', { className: 'team-lever', role: 'group', 'aria-labelledby': `${id}-label` }, label,
    element('div', { className: 'team-choices' }, stepButton(-1, 'workshop.phone.less'),
      element('output', { className: 'team-stepper-value', 'aria-live': 'polite' }, valueText(lever.value)), stepButton(1, 'workshop.phone.more')));
}

function submit() {
  const reply = workshopCall('submit');
  message = reply.code ? null : { text: reply[0].message, problem: true };
  render('submit');
}

function copyCode(code) {
  const done = (text, problem) => { message = { text, problem }; render('copy'); };
  if (!navigator.clipboard) { done(tr('workshop.phone.copy-by-hand'), true); return; }
  navigator.clipboard.writeText(code).then(() => done(tr('workshop.code-copied'), false), () => done(tr('workshop.phone.copy-by-hand'), true));
}

// Catches up to the facilitator's published round: the round code their screen shows (it carries
// every decision so far), or the round's link (a full address, "#w..." or "w...", with or without a
// team; the old way, still accepted) opened as this team. A problem leaves the page and the field.
const isLink = (text) => text.includes('#') || text.length > 40;  // codes are short and have no '#'
async function catchUp(teamId, text) {
  catchUpText = text;
  const trimmed = text.trim();
  let problems;
  if (!trimmed) {
    problems = [{ message: tr('workshop.phone.catch-up-empty') }];
  } else if (isLink(trimmed)) {
    const fragment = trimmed.includes('#') ? trimmed.slice(trimmed.indexOf('#') + 1) : trimmed;
    const session = fragment.includes('.') ? fragment.slice(0, fragment.lastIndexOf('.')) : fragment;
    problems = await openSession(`${session}.${teamId}`);
  } else {
    problems = workshopCall('catchUp', { code: trimmed });
  }
  if (!problems.length) catchUpText = '';
  message = problems.length ? { text: problems[0].message, problem: true }
    : { text: tr('workshop.round-code.caught-up', { round: workshopCall('state').round }), problem: false };
  render('catch-up');
}

function decisionSection(view) {
  const section = element('section', { className: 'team-card', 'aria-labelledby': 'team-decision-heading' },
    element('h2', { id: 'team-decision-heading' }, tr('workshop.your-decision')));
  if (!view.decides) {
    section.append(element('p', { className: 'team-quiet' }, tr('workshop.your-team-not-deciding')));
    return section;
  }
  section.append(...view.levers.map(leverControl));
  const preview = view.preview.problem ? element('p', { className: 'team-problem' }, view.preview.problem)
    : element('p', { className: 'team-preview' }, tr('workshop.preview', {
      cost: view.preview.costText, saved: view.preview.lossAvoidedText, now: view.preview.nowText, with: view.preview.withText,
    }));
  section.append(preview, element('p', { className: 'team-quiet' }, tr('workshop.preview-basis')),
    element('button', { type: 'button', className: 'team-primary', id: 'team-submit', 'data-focus': 'submit', onclick: submit }, tr('workshop.submit')));
  if (view.code) {
    section.append(element('p', {}, tr('workshop.read-code')),
      element('output', { className: 'team-code', id: 'team-code', 'aria-live': 'polite' }, view.code),
      element('button', { type: 'button', className: 'team-secondary', 'data-focus': 'copy', onclick: () => copyCode(view.code) }, tr('workshop.copy-code')));
  }
  return section;
}

function catchUpSection(view) {
  const input = element('input', { type: 'text', id: 'team-catch-up', className: 'team-input', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', placeholder: tr('workshop.phone.catch-up-hint'), 'aria-describedby': 'team-catch-up-hint', 'data-focus': 'catch-up-field',
    oninput: () => { catchUpText = input.value; } });
  input.value = catchUpText;
  return element('section', { className: 'team-card', 'aria-labelledby': 'team-catch-up-heading' },
    element('h2', { id: 'team-catch-up-heading' }, tr('workshop.phone.catch-up')),
    element('p', { className: 'team-quiet', id: 'team-catch-up-hint' }, tr('workshop.next-round-hint')),
    element('label', { className: 'visually-hidden', for: 'team-catch-up' }, tr('workshop.phone.catch-up-hint')), input,
    element('button', { type: 'button', className: 'team-secondary', 'data-focus': 'catch-up', onclick: () => catchUp(view.team.id, input.value) },
      tr('workshop.phone.catch-up-button')));
}

function languageSwitch() {
  const current = document.documentElement.lang === 'ja' ? 'ja' : 'en';
  const other = current === 'ja' ? 'en' : 'ja';
  return element('button', { type: 'button', className: 'team-secondary team-language', lang: other, 'data-focus': 'language',
    onclick: () => appCall(Module._kz_web_set_language, [other]) }, LANGUAGE_NAMES[other]);
}

function pageContent(view) {
  const news = view.injects.length
    ? element('ul', { className: 'team-news' }, ...view.injects.map((inject) => element('li', {},
      inject.private ? tr('workshop.inject-private', { text: inject.text }) : inject.text)))
    : element('p', { className: 'team-quiet' }, tr('workshop.no-news'));
  return [
    element('header', { className: 'team-header' },
      element('p', { className: 'team-title' }, view.title),
      element('h1', {}, tr('workshop.you-play', { team: view.team.name })),
      element('p', {}, tr('workshop.round-heading', { round: view.round, rounds: view.rounds, first: view.firstMonth, last: view.lastMonth }))),
    element('details', { className: 'team-card', open: true },
      element('summary', {}, tr('workshop.your-briefing')),
      element('p', {}, view.team.briefing),
      element('h3', {}, tr('workshop.objectives')),
      element('p', {}, view.team.objectives)),
    element('details', { className: 'team-card' }, element('summary', {}, tr('workshop.the-exercise')), element('p', {}, view.exerciseBriefing)),
    element('section', { className: 'team-card', 'aria-labelledby': 'team-news-heading' },
      element('h2', { id: 'team-news-heading' }, tr('workshop.news')), news),
    decisionSection(view),
    message ? element('p', { className: message.problem ? 'team-problem' : 'team-done', role: 'status' }, message.text) : null,
    catchUpSection(view),
    element('footer', { className: 'team-footer' },
      element('button', { type: 'button', className: 'team-secondary', 'data-focus': 'map', onclick: () => { showingMap = true; render(); } }, tr('workshop.phone.show-map')),
      languageSwitch()),
  ];
}

// Which team is this phone? Each button opens the session as that team.
function teamPicker(state) {
  return [
    element('header', { className: 'team-header' }, element('p', { className: 'team-title' }, state.localTitle),
      element('h1', {}, tr('workshop.phone.pick-title'))),
    element('section', { className: 'team-card' },
      ...state.teams.map((team) => element('button', { type: 'button', className: 'team-primary', 'data-team': team.id, 'data-focus': `pick-${team.id}`,
        onclick: async () => {
          const problems = await openSession(`${state.link}.${team.id}`);
          message = problems.length ? { text: problems[0].message, problem: true } : null;
          render();
        } }, team.label)),
      element('button', { type: 'button', className: 'team-secondary', 'data-focus': 'pick-facilitator',
        onclick: () => { facilitatorChosen = true; render(); } }, tr('workshop.phone.pick-facilitator'))),
    message ? element('p', { className: 'team-problem', role: 'status' }, message.text) : null,
    element('footer', { className: 'team-footer' }, languageSwitch()),
  ];
}

// Redraws the page from the app's current team view; `focus` names the control to keep focused.
function render(focus = null) {
  const state = workshopCall('state');
  const picking = state.active && state.role === 'facilitator' && phoneQuery.matches && !facilitatorChosen;
  const wanted = (state.active && state.role === 'team' && phoneQuery.matches) || picking;
  document.body.classList.toggle('team-page-shown', wanted && !showingMap);
  document.body.classList.toggle('team-map-shown', wanted && showingMap);
  if (!wanted) { if (root) root.hidden = true; return; }
  if (!root) {
    root = element('section', { id: 'team-page', 'aria-label': tr('workshop.your-decision') });
    document.body.append(root,
      element('button', { type: 'button', id: 'team-page-back', className: 'team-primary', onclick: () => { showingMap = false; render(); } }));
  }
  document.getElementById('team-page-back').textContent = tr('workshop.phone.back');
  root.hidden = showingMap;
  if (showingMap) return;
  const active = focus || (document.activeElement && root.contains(document.activeElement) ? document.activeElement.dataset.focus : null);
  root.setAttribute('lang', document.documentElement.lang || 'en');
  if (picking) { root.replaceChildren(...teamPicker(state).filter(Boolean)); return; }
  const view = workshopCall('teamView');
  if (!view.team) { root.replaceChildren(element('p', { className: 'team-problem' }, view[0].message)); return; }
  root.setAttribute('lang', document.documentElement.lang || 'en');
  root.replaceChildren(...pageContent(view).filter(Boolean));
  const again = active && [...root.querySelectorAll('[data-focus]')].find((node) => node.dataset.focus === active);
  if (again && !again.disabled) again.focus({ preventScroll: true });
}

let listening = false;
// Shows the page when this screen plays a team on a phone (hides it otherwise); called when a
// session opens, the language changes or the screen turns or resizes.
export function showTeamPageIfWanted() {
  if (!listening) {
    listening = true;
    phoneQuery.addEventListener('change', () => render());
    window.addEventListener('kizuna-workshop-opened', (event) => {
      message = null;
      showingMap = false;
      facilitatorChosen = !event.detail.fromLink;
      render();
    });
  }
  render();
}
