// Scenario files and bundled presets for the CLI. A file's "base" is looked for beside it.
#include "scenario_source.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kizuna/levers.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz::cli {

std::filesystem::path AssetsDir() {
  if (const char* env = std::getenv("KIZUNA_ASSETS"); env && *env) return env;
  return KIZUNA_SOURCE_ASSETS_DIR;  // compiled in by src/cli/CMakeLists.txt
}

Expected<std::string> ReadText(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file.good() && !file.eof()) return std::vector<Problem>{{path.string(), "could not be read"}};
  return text.str();
}

namespace {

// Base ids resolve to <directory>/<id>.json; problems name that file.
ScenarioResolver FilesBeside(const std::filesystem::path& directory) {
  return [directory](std::string_view id) -> Expected<std::string> {
    const std::filesystem::path path = directory / (std::string(id) + ".json");
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
      return std::vector<Problem>{{path.string(), "no such file (looked for the base beside the scenario)"}};
    }
    return ReadText(path);
  };
}

}  // namespace

ScenarioResolver BundledPresets() { return FilesBeside(AssetsDir() / "scenarios"); }

Expected<Scenario> LoadScenarioSource(const std::string& source) {
  std::filesystem::path path = source;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    const std::filesystem::path preset = AssetsDir() / "scenarios" / (source + ".json");
    if (source.find('/') != std::string::npos || source.find('.') != std::string::npos ||
        !std::filesystem::is_regular_file(preset, error)) {
      return std::vector<Problem>{{source, "no such file, and no bundled preset of that id"}};
    }
    path = preset;
  }
  Expected<std::string> text = ReadText(path);
  if (!text) return text.problems();
  return LoadScenarioJson(text.value(), FilesBeside(path.parent_path()));
}

std::vector<Problem> ApplySets(Scenario& scenario, const std::vector<std::string>& sets) {
  std::vector<Problem> problems;
  for (const std::string& set : sets) {
    const std::size_t equals = set.find('=');
    if (equals == std::string::npos) {
      problems.push_back({set, "expected lever.path=value"});
      continue;
    }
    const std::string value = set.substr(equals + 1);
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0') {
      problems.push_back({set.substr(0, equals), "'" + value + "' is not a number"});
      continue;
    }
    for (Problem& problem : SetLever(scenario, set.substr(0, equals), number)) problems.push_back(problem);
  }
  return problems;
}

}  // namespace kz::cli
