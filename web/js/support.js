// Can this browser run Kizuna? Checked before anything large is downloaded, so an old browser is
// told what it lacks instead of failing somewhere inside the app.

// A wasm module of one function that uses the SIMD instructions the model is built with
// (f64x2.splat, f64x2.pmin: src/core/minmax.hpp): browsers without wasm SIMD refuse to compile
// kizuna.wasm, so the page says why before downloading it.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 29, 1, 27, 0,
  68, 0, 0, 0, 0, 0, 0, 0, 0, 253, 20, 68, 0, 0, 0, 0, 0, 0, 0, 0, 253, 20, 253, 246, 1, 11]);

// What the browser lacks as { title, detail } for the fatal message, or null if it has everything.
export function missingSupport() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiateStreaming !== 'function') {
    return {
      title: 'WebAssembly is not available',
      detail: 'Kizuna runs its model in WebAssembly, which this browser does not support. ' +
        'Try a current Chrome, Edge, Firefox or Safari.',
    };
  }
  if (!WebAssembly.validate(SIMD_PROBE)) {
    return {
      title: 'This browser is too old for Kizuna',
      detail: 'Kizuna\'s model uses WebAssembly SIMD: it needs Chrome or Edge 97, Firefox 89 or Safari 16.4 ' +
        'or newer. Update the browser, or try a current Chrome, Edge, Firefox or Safari.',
    };
  }
  if (typeof WebGL2RenderingContext === 'undefined') {
    return {
      title: 'WebGL2 is not available',
      detail: 'Kizuna draws with WebGL2, which this browser does not support. ' +
        'Try a current Chrome, Edge, Firefox or Safari, and check that hardware acceleration is enabled.',
    };
  }
  return null;
}
