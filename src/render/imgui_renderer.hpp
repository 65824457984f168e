// Dear ImGui's draw data in WebGL2, for a context the app owns entirely: unlike ImGui's generic
// OpenGL3 backend, it never reads GL state back (no glGet*, no glIsEnabled). In Chromium every such
// query the client does not cache is a synchronous round trip to the GPU process, which first runs
// all the drawing queued before it; under software WebGL that made one glGetIntegerv(GL_SCISSOR_BOX)
// per frame cost the whole frame's rasterisation on the main thread (BENCHMARKS.md, the app section).
// It sets every state it relies on and leaves blending and the scissor test disabled.
#pragma once

#include <GLES3/gl3.h>

#include <string>

struct ImDrawData;

namespace kz {

class ImGuiRenderer {
 public:
  /// Compiles the shaders, creates the buffers and uploads the font atlas of the current ImGui
  /// context. Returns false with `error` set if the GL driver rejects the shaders.
  bool Init(std::string& error);
  /// Re-uploads the font atlas after it was rebuilt (e.g. at a new UI scale).
  void UploadFontTexture();
  /// Draws one frame's draw data over the framebuffer (device pixels). Uploads its vertices and
  /// indices once per frame, as one buffer each.
  void Draw(const ImDrawData& drawData, int framebufferWidth, int framebufferHeight);
  /// Releases GL objects. Safe to call twice.
  void Shutdown();

 private:
  GLuint program = 0;
  GLuint vertexArray = 0, vertexBuffer = 0, indexBuffer = 0;
  GLuint fontTexture = 0;
  GLint transformLocation = -1;
  GLint positionLocation = -1, uvLocation = -1, colourLocation = -1;
  GLsizeiptr vertexCapacity = 0, indexCapacity = 0;  // bytes allocated in the buffers
};

}  // namespace kz
