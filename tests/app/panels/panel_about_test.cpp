#include "panels/panel_about.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

const kz::AboutRow* FindRow(const std::vector<kz::AboutRow>& rows, const std::string& label) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const kz::AboutRow& row) { return row.label == label; });
  return it == rows.end() ? nullptr : &*it;
}

TEST(PanelAbout, ShowsTheCoresVersionAndBuild) {
  const kz::BuildInfo build{.version = "1.2.3", .target = "wasm", .buildType = "Release", .compiler = "Clang 14"};
  const auto rows = kz::AboutRows(build, 2.345, 1.5f);
  ASSERT_NE(FindRow(rows, "Version"), nullptr);
  EXPECT_EQ(FindRow(rows, "Version")->value, "1.2.3");
  EXPECT_EQ(FindRow(rows, "Build")->value, "wasm, Release");
  EXPECT_EQ(FindRow(rows, "Compiler")->value, "Clang 14");
  EXPECT_EQ(FindRow(rows, "Frame time (median)")->value, "2.35 ms");
  EXPECT_EQ(FindRow(rows, "UI scale")->value, "1.50x");
  EXPECT_EQ(FindRow(rows, "Dear ImGui")->value, "1.90.1");
}

}  // namespace
