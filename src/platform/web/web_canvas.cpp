// Canvas sizing: CSS size x devicePixelRatio -> drawing buffer (see web_canvas.hpp).
#include "web_canvas.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

namespace kz::web {

CanvasSize SyncCanvasSize(const char* canvasSelector, const CanvasSize& previous) {
  double cssWidth = 0.0;
  double cssHeight = 0.0;
  emscripten_get_element_css_size(canvasSelector, &cssWidth, &cssHeight);
  CanvasSize now;
  now.pixelRatio = emscripten_get_device_pixel_ratio();
  if (!(now.pixelRatio > 0.0)) now.pixelRatio = 1.0;
  now.framebufferWidth = std::max(1, static_cast<int>(std::lround(cssWidth * now.pixelRatio)));
  now.framebufferHeight = std::max(1, static_cast<int>(std::lround(cssHeight * now.pixelRatio)));
  if (now.framebufferWidth != previous.framebufferWidth || now.framebufferHeight != previous.framebufferHeight) {
    // Not glfwSetWindowSize: Emscripten's GLFW requests fullscreen (refused without a user gesture)
    // when the size equals the screen's, as it does for a maximised window or a projector. This
    // resizes the canvas and tells GLFW through its resize listener, so ImGui sees the new size.
    // emscripten_set_canvas_size is marked deprecated (it assumes Module.canvas, which is ours), but it
    // is the one call that goes through Browser.setCanvasSize and so updates GLFW's window size.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
    emscripten_set_canvas_size(now.framebufferWidth, now.framebufferHeight);
#pragma clang diagnostic pop
  }
  return now;
}

}  // namespace kz::web
