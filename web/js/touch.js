// Touch on the canvas: a tap acts where it lands, once; a swipe over a panel scrolls it; a drag
// elsewhere (the map, a slider) drags; two fingers pinch to zoom the map. Emscripten's GLFW would
// press the mouse button at the *previous* pointer position on touchstart (it reads no touch
// coordinates) and the browser's compatibility mouse events would then click again where the finger
// landed: so touches never reach GLFW, and are sent on as the mouse events they mean.
/* global Module */
import { canvas } from './state.js';

const SLOP = 8;                      // CSS px a finger may wander and still tap
const PINCH_STEP = Math.log(1.15);   // a wheel step per 15% change of the fingers' distance

const send = (type, at, extra = {}) => canvas.dispatchEvent(new MouseEvent(type, { clientX: at.x, clientY: at.y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true, ...extra }));
const wheel = (at, deltaY) => canvas.dispatchEvent(new WheelEvent('wheel', { clientX: at.x, clientY: at.y, deltaY, deltaMode: 0, bubbles: true, cancelable: true }));
const pointOf = (touch) => ({ x: touch.clientX, y: touch.clientY });
// Whether `at` is on one of the app's panels that scrolls (not the map, not a panel that fits).
function panelScrollsAt(at) {
  if (typeof Module === 'undefined' || !Module._kz_web_panel_scrolls_at) return false;
  const box = canvas.getBoundingClientRect();
  return Module._kz_web_panel_scrolls_at(at.x - box.left, at.y - box.top) === 1;
}

// One gesture at a time: 'tap' until the finger moves past SLOP, then 'scroll' or 'drag'; 'pinch'
// while two fingers are down (and until they all lift).
let gesture = null;

function onTouchStart(event) {
  event.preventDefault();            // no compatibility mouse events: they would click a second time
  event.stopImmediatePropagation();  // nor GLFW's own touch handling (a press at the old position)
  if (event.touches.length >= 2) {
    if (gesture && gesture.mode === 'drag') send('mouseup', gesture.last);
    const [a, b] = event.touches;
    gesture = { mode: 'pinch', distance: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) };
    return;
  }
  if (gesture) return;  // a finger added and lifted during a pinch
  const at = pointOf(event.changedTouches[0]);
  gesture = { mode: 'tap', start: at, last: at };
  send('mousemove', at);  // hover first: the app sees where the finger is before any press
}

function onTouchMove(event) {
  event.preventDefault();
  event.stopImmediatePropagation();
  if (!gesture) return;
  if (gesture.mode === 'pinch') { pinch(event); return; }
  const at = pointOf(event.touches[0]);
  if (gesture.mode === 'tap') {
    const dx = at.x - gesture.start.x;
    const dy = at.y - gesture.start.y;
    if (Math.hypot(dx, dy) < SLOP) return;
    // Up or down over a panel scrolls it; sideways (a slider) or on the map drags.
    gesture.mode = panelScrollsAt(gesture.start) && Math.abs(dy) > Math.abs(dx) ? 'scroll' : 'drag';
    if (gesture.mode === 'drag') send('mousedown', gesture.start);
  }
  if (gesture.mode === 'scroll') wheel(gesture.start, -(at.y - gesture.last.y));  // 100 px of wheel = one step
  else send('mousemove', at);
  gesture.last = at;
}

function pinch(event) {
  if (event.touches.length !== 2) return;
  const [a, b] = event.touches;
  const distance = Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY);
  const change = Math.log(distance / gesture.distance);
  if (Math.abs(change) < PINCH_STEP) return;
  gesture.distance = distance;
  const at = { x: (a.clientX + b.clientX) / 2, y: (a.clientY + b.clientY) / 2 };
  send('mousemove', at);
  wheel(at, change > 0 ? -100 : 100);
}

function onTouchEnd(event) {
  event.preventDefault();
  event.stopImmediatePropagation();
  if (!gesture || event.touches.length > 0) return;
  if (gesture.mode === 'tap' && event.type === 'touchend') {
    send('mousedown', gesture.start);
    send('mouseup', gesture.start);
  } else if (gesture.mode === 'drag') {
    send('mouseup', gesture.last);
  }
  gesture = null;
}

// Registered before the app creates its GLFW window, so these listeners run first on the canvas
// and can keep the touch events from GLFW's.
export function acceptTouch() {
  const options = { passive: false, capture: true };
  canvas.addEventListener('touchstart', onTouchStart, options);
  canvas.addEventListener('touchmove', onTouchMove, options);
  canvas.addEventListener('touchend', onTouchEnd, options);
  canvas.addEventListener('touchcancel', onTouchEnd, options);
}
