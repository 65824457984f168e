#include "kizuna/version.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace {

TEST(Version, IsSemanticVersion) {
  const std::string version(kz::Version());
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)"))) << version;
}

TEST(Version, BuildInfoAgreesWithVersion) {
  const kz::BuildInfo info = kz::GetBuildInfo();
  EXPECT_EQ(info.version, kz::Version());
}

TEST(Version, BuildInfoNamesOneOfTheThreeBuilds) {
  const std::string target(kz::GetBuildInfo().target);
  EXPECT_TRUE(target == "native" || target == "asan" || target == "wasm") << target;
  EXPECT_FALSE(kz::GetBuildInfo().compiler.empty());
}

}  // namespace
