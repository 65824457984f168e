// Loading the bundled scenarios (assets/scenarios) in tests, resolving `base` ids beside the file as
// the CLI does. Works natively and in wasm under node (NODERAWFS reads the real files).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "kizuna/scenario_json.hpp"

namespace kz::test {

inline std::string BundledPath(std::string_view id) {
  return std::string(KIZUNA_TEST_ASSETS_DIR) + "/scenarios/" + std::string(id) + ".json";
}

inline Expected<std::string> ReadBundledText(std::string_view id) {
  std::ifstream file(BundledPath(id), std::ios::binary);
  if (!file) return std::vector<Problem>{Problem{"", "cannot read " + BundledPath(id)}};
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// The bundled scenario `id`, with its base resolved; a test failure (and an empty scenario) if it
/// does not load.
inline Scenario LoadBundled(std::string_view id) {
  const Expected<std::string> text = ReadBundledText(id);
  if (!text) {
    ADD_FAILURE() << text.problems().front().ToString();
    return Scenario{};
  }
  Expected<Scenario> scenario = LoadScenarioJson(text.value(), [](std::string_view base) { return ReadBundledText(base); });
  if (!scenario) {
    std::string all;
    for (const Problem& p : scenario.problems()) all += p.ToString() + "\n";
    ADD_FAILURE() << id << " does not load:\n" << all;
    return Scenario{};
  }
  return scenario.value();
}

/// Every bundled scenario, by id (assets/scenarios/<id>.json). A test checks the directory holds
/// exactly these, so a new file cannot skip the checks.
inline const std::vector<std::string>& BundledScenarioIds() {
  static const std::vector<std::string> ids = {
      "default-world", "two-sector", "two-sector-coalition",
      // historical presets
      "re-2010-japan", "tohoku-2011", "renesas-fire-2021", "chip-shortage-2021", "jp-kr-controls-2019",
      "ga-ge-controls-2023", "neon-2022",
      // hypothetical
      "taiwan-disruption",
      // frameworks
      "us-jp-steering-committee", "quad-semis", "minerals-security-partnership", "chip4", "g7-critical-minerals",
      "ipef-supply-chain"};
  return ids;
}

}  // namespace kz::test
