// Exports of the core-only wasm module (kizuna_core.js) that Web Workers load for heavy batches
// (Monte Carlo, coalitions, sweeps). No graphics: it links kizuna_core alone.
#include <emscripten/emscripten.h>

#include <string>

#include "kizuna/version.hpp"

extern "C" {

/// Project version as a NUL-terminated UTF-8 string (static storage).
EMSCRIPTEN_KEEPALIVE const char* kz_core_version() {
  static const std::string version(kz::Version());
  return version.c_str();
}

}  // extern "C"
