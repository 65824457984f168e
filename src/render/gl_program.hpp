// Compiling and linking GLSL ES 3.00 programs, with the driver's log returned as an error message.
#pragma once

#include <GLES3/gl3.h>

#include <string>

namespace kz {

/// Compiles and links a vertex + fragment program. Returns the program, or 0 with `error` set to
/// the stage that failed and the driver's log.
GLuint CompileProgram(const char* vertexSource, const char* fragmentSource, std::string& error);

}  // namespace kz
