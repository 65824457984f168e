// Fuzzes decision codes and session links against the bundled "chip-contingency" exercise: any text
// must decode or give a problem with a message, never crash; a decoded code must re-encode to a code
// that decodes to the same decision, and a decoded session link must re-encode and replay safely.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "kizuna/exercise.hpp"

namespace {

std::string Read(const std::string& path) {
  std::ifstream file(std::string(KIZUNA_TEST_ASSETS_DIR) + "/" + path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

const kz::Exercise& TheExercise() {
  static const kz::Exercise exercise = [] {
    kz::Expected<kz::Exercise> e = kz::LoadExerciseJson(Read("exercises/chip-contingency.json"), [](std::string_view id) -> kz::Expected<std::string> {
      return Read("scenarios/" + std::string(id) + ".json");
    });
    if (!e) std::abort();
    return e.value();
  }();
  return exercise;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const kz::Exercise& e = TheExercise();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  kz::Expected<kz::DecisionCode> code = kz::DecodeDecisionCode(e, text);
  if (!code) {
    if (code.problems().empty() || code.problems().front().message.empty()) std::abort();
  } else {
    kz::Expected<kz::DecisionCode> again = kz::DecodeDecisionCode(e, kz::EncodeDecisionCode(e, code.value()));
    if (!again || !(again.value() == code.value())) std::abort();
  }
  // Round and join codes: a problem always has a fault path and words; what reads re-encodes the same.
  kz::Expected<kz::Play> round = kz::DecodeRoundCode(e, text);
  if (!round && (round.problems().empty() || !round.problems().front().path.starts_with("code.") || round.problems().front().message.empty())) std::abort();
  if (round && !(kz::DecodeRoundCode(e, kz::EncodeRoundCode(e, round.value())).value() == round.value())) std::abort();
  kz::Expected<int> team = kz::DecodeJoinCode(e, text);
  if (!team && (team.problems().empty() || !team.problems().front().path.starts_with("code."))) std::abort();
  if (team && kz::DecodeJoinCode(e, kz::EncodeJoinCode(e, team.value())).value() != team.value()) std::abort();
  kz::Expected<kz::SessionLink> link = kz::DecodeSessionLink(text);
  if (!link) {
    if (link.problems().empty() || link.problems().front().message.empty()) std::abort();
    return 0;
  }
  kz::SessionLink onExercise = link.value();
  onExercise.exercise = e.id;
  onExercise.contentHash = e.contentHash;
  kz::Expected<kz::Play> play = kz::PlayFromSessionLink(e, onExercise);
  if (play && !(kz::DecodeSessionLink(kz::EncodeSessionLink(e, play.value())).value().play == play.value())) std::abort();
  return 0;
}
