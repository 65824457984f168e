// The join dialog: a team types the join code the facilitator's screen shows (six characters)
// instead of opening its link, e.g. on a phone that cannot scan. Opened from the Workshop menu
// (Join with a code); the code names the exercise and the team, and opens the team's link for the
// whole exercise. A mistyped code is named and stays in the field to be corrected.
import { tr } from './i18n.js';
import { element } from './join_sheet.js';
import { joinWithCode } from './links.js';

let dialog = null;

async function join(input, status) {
  status.textContent = '';
  const problems = await joinWithCode(input.value);
  if (!problems.length) { dialog.close(); return; }
  status.textContent = problems[0].message;
  input.focus();
}

// Opens the dialog with an empty field.
export function showJoinDialog() {
  if (!dialog) {
    dialog = element('dialog', { id: 'join-dialog', 'aria-labelledby': 'join-dialog-title' });
    document.body.append(dialog);
  }
  const input = element('input', { id: 'join-code-input', type: 'text', autocomplete: 'off', autocapitalize: 'characters',
    spellcheck: 'false', 'aria-describedby': 'join-dialog-explain' });
  const status = element('p', { className: 'join-problem', role: 'status', id: 'join-dialog-status' });
  const form = element('form', { method: 'dialog', onsubmit: (event) => { event.preventDefault(); join(input, status); } },
    element('label', { for: 'join-code-input' }, tr('workshop.join-code.label')), input, status,
    element('button', { type: 'submit', id: 'join-dialog-join' }, tr('workshop.join-code.join')),
    element('button', { type: 'button', onclick: () => dialog.close() }, tr('workshop.join.close')));
  dialog.replaceChildren(element('h2', { id: 'join-dialog-title' }, tr('workshop.join-code.title')),
    element('p', { id: 'join-dialog-explain' }, tr('workshop.join-code.explain')), form);
  if (!dialog.open) dialog.showModal();
  input.focus();
}
