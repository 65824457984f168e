// Backdrop: one full-screen triangle, no buffers (positions come from gl_VertexID).
#include "backdrop.hpp"

#include "gl_program.hpp"
#include "kizuna_shaders.hpp"

namespace kz {

bool Backdrop::Init(std::string& error) {
  program = CompileProgram(shaders::kBackdropVert, shaders::kBackdropFrag, error);
  if (program == 0) return false;
  resolutionLocation = glGetUniformLocation(program, "uResolution");
  pixelRatioLocation = glGetUniformLocation(program, "uPixelRatio");
  glGenVertexArrays(1, &vertexArray);  // WebGL2 draws need a bound vertex array, even an empty one
  return true;
}

void Backdrop::Draw(int framebufferWidth, int framebufferHeight, float pixelRatio) const {
  if (program == 0) return;
  glViewport(0, 0, framebufferWidth, framebufferHeight);
  glDisable(GL_BLEND);
  glUseProgram(program);
  glUniform2f(resolutionLocation, static_cast<float>(framebufferWidth), static_cast<float>(framebufferHeight));
  glUniform1f(pixelRatioLocation, pixelRatio);
  glBindVertexArray(vertexArray);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
}

void Backdrop::Shutdown() {
  if (vertexArray != 0) glDeleteVertexArrays(1, &vertexArray);
  if (program != 0) glDeleteProgram(program);
  vertexArray = 0;
  program = 0;
}

}  // namespace kz
