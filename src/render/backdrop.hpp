// The backdrop drawn under every panel: a gradient with a faint graticule (shaders/backdrop.*).
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace kz {

class Backdrop {
 public:
  /// Compiles the shaders. Returns false with `error` set if the GL driver rejects them.
  bool Init(std::string& error);
  /// Draws over the whole framebuffer (device pixels).
  void Draw(int framebufferWidth, int framebufferHeight, float pixelRatio) const;
  /// Releases GL objects. Safe to call twice.
  void Shutdown();

 private:
  GLuint program = 0;
  GLuint vertexArray = 0;
  GLint resolutionLocation = -1;
  GLint pixelRatioLocation = -1;
};

}  // namespace kz
