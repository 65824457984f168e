# Embeds a data file (a bundled scenario) into a generated C++ source at configure time, because the
# web app has no file system (-sFILESYSTEM=0). Editing the file re-runs configure.
#   kizuna_embed_file(<output .cpp> <function> <file>)
# defines `std::string_view kz::<function>()` returning the file's bytes (declare it where it is used).
function(kizuna_embed_file output function file)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
  file(READ "${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR size "${hex_length} / 2")
  # 32 bytes a line (CMake regexes have no {n}: 64 dots), then each hex pair becomes "0x..,".
  string(REPEAT "." 64 line)
  string(REGEX REPLACE "(${line})" "\\1\n" hex "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  file(CONFIGURE OUTPUT "${output}" CONTENT
"// Generated from ${file} by cmake/KizunaEmbedFile.cmake. Do not edit.
#include <string_view>

namespace kz {
namespace {
constexpr unsigned char kBytes[${size}] = {
${bytes}
};
}  // namespace

std::string_view ${function}() { return {reinterpret_cast<const char*>(kBytes), sizeof(kBytes)}; }

}  // namespace kz
" @ONLY)
endfunction()
