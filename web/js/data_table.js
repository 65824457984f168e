// The data table (#data-summary): the findings, the scenario's changed levers and the chart's
// series as HTML headings and tables, since the canvas is invisible to screen readers. Visually
// hidden until the "Data table" button shows it. The app says when its data changed (after a run
// or a new selection, not every frame); the table is rebuilt after that frame.
/* global Module */
import { tr } from './i18n.js';
import { appCall, ready, running } from './state.js';

const dataSummary = document.getElementById('data-summary');
const dataToggle = document.getElementById('data-toggle');
let dataTableQueued = false;
export function scheduleDataTable() {
  if (dataTableQueued || !dataSummary) return;
  dataTableQueued = true;
  setTimeout(() => { dataTableQueued = false; renderDataTable(); }, 0);
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

// Fills `table` with a caption, one header row and body rows (arrays of cell texts; the first
// cell of each row is its header).
function fillTable(table, caption, headers, rows) {
  table.replaceChildren(element('caption', caption));
  const head = element('tr');
  headers.forEach((text) => head.append(element('th', text, { scope: 'col' })));
  table.append(element('thead'));
  table.tHead.append(head);
  const body = element('tbody');
  rows.forEach(([first, ...rest]) => {
    const row = element('tr');
    row.append(element('th', first, { scope: 'row' }));
    rest.forEach((text) => row.append(element('td', text)));
    body.append(row);
  });
  table.append(body);
}

function renderDataTable() {
  if (!running()) { ready.then(scheduleDataTable, () => {}); return; }  // the first frame tells first
  const summary = appCall(Module._kz_web_summary_json, [], true);
  const levers = appCall(Module._kz_web_changed_levers_json, [], true);
  const chart = appCall(Module._kz_web_chart_json, [], true);
  document.getElementById('data-scenario').textContent =
    tr('data.scenario', { title: summary.title, readout: summary.readout, comparison: summary.comparison });
  const leverCaption = levers.length === 0 ? tr('data.no-lever-changed')
    : levers.length === 1 ? tr('data.lever-changed') : tr('data.levers-changed', { count: levers.length });
  fillTable(document.getElementById('data-levers'), leverCaption,
    [tr('data.column.lever'), tr('data.column.path'), tr('data.column.value'), tr('data.column.preset')],
    levers.map((lever) => [lever.name, lever.path, lever.valueText, lever.presetText ?? '']));
  const series = chart.series || [];
  fillTable(document.getElementById('data-chart'), tr('data.chart-caption', { title: chart.title, unit: chart.unit }),
    [tr('data.column.month'), ...series.map((line) => (line.id === chart.region ? tr('data.selected', { name: line.name }) : line.name))],
    Array.from({ length: chart.months || 0 }, (_, month) => [String(month), ...series.map((line) => line.text[month])]));
  dataSummary.dataset.version = String(Number(dataSummary.dataset.version || 0) + 1);  // tests wait on it
}

function showDataTable(show) {
  dataToggle.setAttribute('aria-expanded', String(show));
  dataSummary.classList.toggle('visually-hidden', !show);
  dataSummary.classList.toggle('shown', show);
  dataSummary.tabIndex = show ? 0 : -1;  // the shown table scrolls: keyboards reach it to scroll it
}

// The "Data table" button shows and hides it; Escape, wherever the focus is, closes it, back on
// the button.
export function connectDataToggle() {
  if (!dataToggle) return;
  dataToggle.addEventListener('click', () => showDataTable(dataToggle.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !dataSummary.classList.contains('shown')) return;
    showDataTable(false);
    dataToggle.focus();
  });
}
