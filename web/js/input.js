// Input the canvas cannot take by itself: text composed by an IME or pasted into the app's text
// fields (touch gestures are js/touch.js's).
/* global Module */
import { appCall, canvas } from './state.js';

// A hidden text area that has the focus while an ImGui text field does: the IME composes into it
// (its candidate window appears at the field's caret) and pastes land in it. Keys typed without
// an IME reach the field through GLFW (keypress), so their input events are not forwarded twice.
let textInput = null;
export function createTextInput() {
  textInput = document.createElement('textarea');
  textInput.id = 'text-input';
  textInput.className = 'ime-input';
  textInput.setAttribute('aria-hidden', 'true');
  textInput.autocomplete = 'off';
  textInput.spellcheck = false;
  document.body.appendChild(textInput);
  let typedByKey = false;
  const forwardText = (text) => { if (text) appCall(Module._kz_web_text_input, [text]); };
  textInput.addEventListener('keypress', () => { typedByKey = true; });
  textInput.addEventListener('compositionend', (event) => { forwardText(event.data); textInput.value = ''; });
  textInput.addEventListener('input', (event) => {
    if (event.isComposing || event.inputType === 'insertCompositionText') return;  // compositionend sends it
    if (!(event.inputType === 'insertText' && typedByKey)) forwardText(event.data !== null && event.inputType === 'insertText' ? event.data : textInput.value);
    typedByKey = false;
    textInput.value = '';
  });
}

// The app's text field with the keyboard (active) and its caret, in CSS pixels, every frame.
export function followTextInput(active, x, y, lineHeight) {
  if (active) {
    textInput.style.left = `${x}px`;
    textInput.style.top = `${y}px`;
    textInput.style.height = `${Math.max(1, lineHeight)}px`;
    if (document.activeElement !== textInput) textInput.focus({ preventScroll: true });
  } else if (document.activeElement === textInput) {
    textInput.blur();
    canvas.focus({ preventScroll: true });
  }
}
