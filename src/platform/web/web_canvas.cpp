// Canvas sizing: CSS size x devicePixelRatio -> drawing buffer (see web_canvas.hpp).
#include "web_canvas.hpp"

#include <GLFW/glfw3.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cmath>

namespace kz::web {

CanvasSize SyncCanvasSize(GLFWwindow* window, const char* canvasSelector, const CanvasSize& previous) {
  double cssWidth = 0.0;
  double cssHeight = 0.0;
  emscripten_get_element_css_size(canvasSelector, &cssWidth, &cssHeight);
  CanvasSize now;
  now.pixelRatio = emscripten_get_device_pixel_ratio();
  if (!(now.pixelRatio > 0.0)) now.pixelRatio = 1.0;
  now.framebufferWidth = std::max(1, static_cast<int>(std::lround(cssWidth * now.pixelRatio)));
  now.framebufferHeight = std::max(1, static_cast<int>(std::lround(cssHeight * now.pixelRatio)));
  if (now.framebufferWidth != previous.framebufferWidth || now.framebufferHeight != previous.framebufferHeight) {
    // Emscripten's GLFW sets canvas.width/height and reports the new size to ImGui's backend.
    glfwSetWindowSize(window, now.framebufferWidth, now.framebufferHeight);
  }
  return now;
}

}  // namespace kz::web
