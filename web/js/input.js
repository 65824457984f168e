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
  textInput.tabIndex = -1;  // focused by the app only, never by Tab (an aria-hidden control must not be reachable)
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

// Tab belongs to the page: Emscripten's GLFW cancels it in a window-level listener, which would trap
// keyboard users in the canvas. Stopping it first (this listener is registered before GLFW's) lets
// the browser move focus to the page's next control; inside the canvas F6 moves between panels
// and arrows between controls. F6's own browser action (the address bar) is kept from the canvas.
export function releaseTab() {
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Tab') event.stopImmediatePropagation();
    else if (event.key === 'F6' && document.activeElement === canvas) event.preventDefault();
  }, true);
}
