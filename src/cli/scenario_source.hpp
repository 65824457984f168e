// Where the CLI gets a scenario: a JSON file path, or the id of a bundled preset in assets/scenarios.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz::cli {

/// Loads `source` (a path, or a preset id looked up as <assets>/scenarios/<id>.json, where <assets>
/// is $KIZUNA_ASSETS or the source tree's assets/). A file's "base" id resolves to
/// `<directory of the file>/<id>.json` (see LoadScenarioJson). Problems name the file and, for
/// invalid content, every validation problem.
Expected<Scenario> LoadScenarioSource(const std::string& source);

/// Applies "path=value" lever overrides (--set); every problem is reported, none applied partially.
std::vector<Problem> ApplySets(Scenario& scenario, const std::vector<std::string>& sets);
/// $KIZUNA_ASSETS, or the source tree's assets/ compiled in.
std::filesystem::path AssetsDir();
/// The whole text of a file, or a problem naming it.
Expected<std::string> ReadText(const std::filesystem::path& path);
/// Resolves preset ids to <assets>/scenarios/<id>.json (exercises' bases).
ScenarioResolver BundledPresets();

}  // namespace kz::cli
