// Fuzzes share-link decoding: any text must give a link or problems with a message, never a crash,
// a leak or undefined behaviour; what decodes must re-encode to the same link, and applying it to a
// bundled preset must give a valid scenario or problems.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "kizuna/link.hpp"
#include "kizuna/scenario_json.hpp"

namespace {

std::string Read(const std::string& id) {
  std::ifstream file(std::string(KIZUNA_TEST_ASSETS_DIR) + "/scenarios/" + id + ".json", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

const kz::Scenario& Preset() {
  static const kz::Scenario preset = [] {
    kz::Expected<kz::Scenario> s = kz::LoadScenarioJson(Read("us-jp-steering-committee"), [](std::string_view id) -> kz::Expected<std::string> {
      return Read(std::string(id));
    });
    if (!s) std::abort();
    return s.value();
  }();
  return preset;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(text);
  if (!link) {
    if (link.problems().empty() || link.problems().front().message.empty()) std::abort();
    return 0;
  }
  kz::Expected<kz::ScenarioLink> again = kz::DecodeLink(kz::EncodeLink(link.value()));
  if (!again || !(again.value() == link.value())) std::abort();  // a decoded link must round-trip
  kz::ScenarioLink onPreset = link.value();
  onPreset.preset = Preset().id;
  kz::Expected<kz::Scenario> scenario = kz::ApplyLink(Preset(), onPreset);
  if (!scenario && scenario.problems().front().message.empty()) std::abort();
  return 0;
}
