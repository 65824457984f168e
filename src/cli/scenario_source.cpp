// Scenario files and bundled presets for the CLI.
#include "scenario_source.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kizuna/scenario_json.hpp"

namespace kz::cli {
namespace {

std::filesystem::path AssetsDir() {
  if (const char* env = std::getenv("KIZUNA_ASSETS"); env && *env) return env;
  return KIZUNA_SOURCE_ASSETS_DIR;  // compiled in by src/cli/CMakeLists.txt
}

}  // namespace

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
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  if (!file.good() && !file.eof()) return std::vector<Problem>{{path.string(), "could not be read"}};
  return LoadScenarioJson(text.str());
}

}  // namespace kz::cli
