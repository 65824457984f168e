// GLSL program compilation with readable errors.
#include "gl_program.hpp"

#include <utility>
#include <vector>

namespace kz {
namespace {

std::string ShaderLog(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
  glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
  return log.data();
}

std::string ProgramLog(GLuint program) {
  GLint length = 0;
  glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(length > 0 ? length : 1), '\0');
  glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
  return log.data();
}

GLuint CompileStage(GLenum stage, const char* source) {
  const GLuint shader = glCreateShader(stage);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

// Why a program did not link: a stage's compile log if one failed, else the link log.
std::string ProgramError(GLuint program, GLuint vertex, GLuint fragment) {
  for (const auto& [shader, name] : {std::pair{vertex, "vertex"}, std::pair{fragment, "fragment"}}) {
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) return std::string(name) + " shader: " + ShaderLog(shader);
  }
  return "link: " + ProgramLog(program);
}

}  // namespace

// Every status query waits for the GPU process to finish what is queued (WebGL has no asynchronous
// query here), so a program asks once, for its link status, and reads the stages' status only to
// explain a failure: one wait per program instead of three, on the first load's critical path.
GLuint CompileProgram(const char* vertexSource, const char* fragmentSource, std::string& error) {
  const GLuint vertex = CompileStage(GL_VERTEX_SHADER, vertexSource);
  const GLuint fragment = CompileStage(GL_FRAGMENT_SHADER, fragmentSource);
  const GLuint program = glCreateProgram();
  glAttachShader(program, vertex);
  glAttachShader(program, fragment);
  glLinkProgram(program);
  GLint ok = GL_FALSE;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) error = ProgramError(program, vertex, fragment);
  glDeleteShader(vertex);  // the program keeps them alive while attached
  glDeleteShader(fragment);
  if (ok == GL_TRUE) return program;
  glDeleteProgram(program);
  return 0;
}

}  // namespace kz
