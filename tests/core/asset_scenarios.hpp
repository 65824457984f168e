// Bundled scenarios (assets/scenarios) for core tests, with their bases resolved beside them as the
// CLI does. A test that a bundled scenario is fully sourced reads:
//   EXPECT_EQ(kz::test::UncoveredPaths(kz::test::LoadAssetScenario("default-world")), Strings{});
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kizuna/provenance.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz::test {

/// The text of assets/scenarios/<id>.json, or a problem naming the file.
inline Expected<std::string> ReadAssetScenario(std::string_view id) {
  const std::string path = std::string(KIZUNA_TEST_ASSETS_DIR) + "/scenarios/" + std::string(id) + ".json";
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::vector<Problem>{{path, "no such file"}};
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// The bundled scenario `id`, bases resolved; a failed test (and an empty scenario) if it does not load.
inline Scenario LoadAssetScenario(std::string_view id) {
  const Expected<std::string> text = ReadAssetScenario(id);
  Expected<Scenario> scenario = text ? LoadScenarioJson(text.value(), ReadAssetScenario) : text.problems();
  if (!scenario) {
    for (const Problem& problem : scenario.problems()) ADD_FAILURE() << id << ": " << problem.ToString();
    return Scenario{};
  }
  return scenario.value();
}

/// The paths of the numbers of `scenario` with neither a source nor an assumption.
inline std::vector<std::string> UncoveredPaths(const Scenario& scenario) {
  std::vector<std::string> paths;
  for (const NumberInfo& number : NumbersWithoutProvenance(scenario)) paths.push_back(number.path);
  return paths;
}

}  // namespace kz::test
