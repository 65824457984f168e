// Browser entry point: create the host and hand its frame to the browser's animation-frame loop.
#include <emscripten.h>

#include "web_app.hpp"

namespace {
kz::web::WebApp host;  // lives for the page's lifetime; the main loop never returns

void RunFrame(void*) { host.Frame(); }
}  // namespace

int main() {
  if (!host.Init()) return 1;
  emscripten_set_main_loop_arg(RunFrame, nullptr, 0, true);  // 0 fps = requestAnimationFrame
  return 0;
}
