// Kizuna's version and the facts of the build that produced this binary. Shown by `kizuna --version`,
// the app's About window and the page's `kizuna.version()`, so a bug report names exactly what ran.
#pragma once

#include <string_view>

namespace kz {

/// Facts about the build. All strings are static (valid for the program's lifetime).
struct BuildInfo {
  std::string_view version;    ///< semantic version of the project, e.g. "0.1.0"
  std::string_view target;     ///< "native", "asan" or "wasm": which of the three builds this is
  std::string_view buildType;  ///< CMake build type, e.g. "Release"
  std::string_view compiler;   ///< compiler id and version, e.g. "GNU 12.2.0"
};

/// The project version, e.g. "0.1.0".
std::string_view Version();

/// Everything known about this build.
BuildInfo GetBuildInfo();

}  // namespace kz
