// Opening a scenario file the user chose or dropped: untrusted input, validated in full; any problem
// is named and the work on screen stays.
#include <string>

#include "app.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

constexpr std::size_t kMaxScenarioFileBytes = 4u << 20;  // bundled presets are under 100 kB

std::string Describe(const std::vector<Problem>& problems) {
  std::string text = problems.front().ToString();
  while (!text.empty() && text.back() == '.') text.pop_back();  // the sentence goes on
  if (problems.size() > 1) {
    text += " (and " + std::to_string(problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")";
  }
  return text;
}

// The file's scenario over `preset` when a share link can carry its changes; otherwise none.
std::optional<Scenario> PresetItChanges(const Scenario& imported, const PresetTexts& preset) {
  if (preset.text.empty()) return std::nullopt;
  Expected<Scenario> parsed = ParseWithBase(preset.text, preset.baseText);
  if (!parsed || !LinkFromScenario(parsed.value(), imported)) return std::nullopt;
  return std::move(parsed.value());
}

}  // namespace

std::vector<Problem> App::ImportScenario(std::string_view fileName, std::string_view text, std::string_view baseText,
                                         const PresetTexts& preset) {
  const std::string name(fileName.empty() ? "the file" : fileName);
  std::vector<Problem> problems;
  if (text.size() > kMaxScenarioFileBytes) {
    problems = {{"", "it is " + std::to_string(text.size() >> 10) + " kB; a scenario file is at most " +
                         std::to_string(kMaxScenarioFileBytes >> 10) + " kB"}};
  }
  Expected<Scenario> imported = problems.empty() ? ParseWithBase(text, baseText) : Expected<Scenario>(problems);
  if (imported) {
    std::optional<Scenario> reference = PresetItChanges(imported.value(), preset);
    const bool linkable = reference.has_value();
    problems = work.Open(linkable ? std::move(*reference) : imported.value(), imported.value());
    if (problems.empty()) {
      if (linkable) {
        currentPreset = preset.id;
        openedFile.clear();
        status = TrFormat("status.opened-change", {{"file", name}, {"preset", preset.id}});
      } else {
        OpenedFromFile(name);
        status = TrFormat("status.opened-own", {{"file", name}});
      }
      return {};
    }
  } else {
    problems = imported.problems();
  }
  status = TrFormat("status.open-failed", {{"file", name}, {"problem", Describe(problems)}});
  return problems;
}

}  // namespace kz
