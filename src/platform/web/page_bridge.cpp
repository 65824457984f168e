// EM_JS bodies calling hooks that web/loader.js installs on Module.
#include "page_bridge.hpp"

#include <emscripten/em_js.h>

namespace {

EM_JS(void, kz_js_first_frame, (), {
  if (Module["kizunaFirstFrame"]) Module["kizunaFirstFrame"]();
});

EM_JS(void, kz_js_fatal, (const char* title, const char* detail), {
  var titleText = UTF8ToString(title);
  var detailText = UTF8ToString(detail);
  if (Module["kizunaFatal"]) Module["kizunaFatal"](titleText, detailText);
  else console.error(titleText + ": " + detailText);
});

}  // namespace

namespace kz::web {

void NotifyFirstFrame() { kz_js_first_frame(); }

void ReportFatal(const char* title, const char* detail) { kz_js_fatal(title, detail); }

}  // namespace kz::web
