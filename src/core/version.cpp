// Version and build facts, filled in from the generated build_config.hpp.
#include "kizuna/version.hpp"

#include "build_config.hpp"

namespace kz {

std::string_view Version() { return KIZUNA_VERSION_STRING; }

BuildInfo GetBuildInfo() {
  return BuildInfo{
      .version = KIZUNA_VERSION_STRING,
      .target = KIZUNA_TARGET_NAME,
      .buildType = KIZUNA_BUILD_TYPE,
      .compiler = KIZUNA_COMPILER,
  };
}

}  // namespace kz
