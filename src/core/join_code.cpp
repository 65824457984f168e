// Join codes: a team's way into an exercise typed by hand instead of its link (layout in
// exercise.hpp): six characters naming the exercise (by its tag and checksum) and the team. The
// page tries a code against each bundled exercise; "code.exercise" says to try the next.
#include <cstdint>
#include <string>

#include "code_wire.hpp"
#include "kizuna/assert.hpp"
#include "kizuna/exercise.hpp"

namespace kz {
namespace {

using code_wire::Bits;

constexpr int kTeamBits = 3;
constexpr int kCodeBits = code_wire::kKindBits + code_wire::kTagBits + kTeamBits + code_wire::kChecksumBits;

Problem Fault(const char* fault, std::string message) { return Problem{std::string("code.") + fault, std::move(message)}; }

}  // namespace

std::string EncodeJoinCode(const Exercise& exercise, int team) {
  KZ_ASSERT(team >= 0 && team < static_cast<int>(exercise.teams.size()), "EncodeJoinCode: no such team");
  Bits bits;
  bits.Put(code_wire::kJoinKind, code_wire::kKindBits);
  bits.Put(code_wire::TagOf(exercise), code_wire::kTagBits);
  bits.Put(static_cast<std::uint64_t>(team), kTeamBits);
  return code_wire::Finish(exercise.contentHash, bits);
}

Expected<int> DecodeJoinCode(const Exercise& exercise, std::string_view code) {
  Expected<Bits> read = code_wire::Read(code, "join code");
  if (!read) return read.problems();
  Bits& bits = read.value();
  const int length = code_wire::CharsRead(bits);
  const std::uint64_t kind = bits.Get(code_wire::kKindBits);
  const std::uint64_t tag = bits.Get(code_wire::kTagBits);
  const auto team = static_cast<int>(bits.Get(kTeamBits));
  const Problem damaged = Fault("checksum", "This join code is damaged (checksum): a character was misread or mistyped.");
  const bool otherKind = kind == code_wire::kDecisionKind || kind == code_wire::kRoundKind;
  if (length != code_wire::CharsFor(kCodeBits)) {
    // Decision and round codes are longer than six characters: a code of their length and kind is one.
    if (otherKind) {
      return std::vector<Problem>{Fault(kind == code_wire::kDecisionKind ? "kind-decision" : "kind-round",
                                        "This is a " + std::string(code_wire::KindName(kind)) + ", not a join code.")};
    }
    return std::vector<Problem>{Fault("length", "This join code has " + std::to_string(length) + " characters; join codes have " +
                                                    std::to_string(code_wire::CharsFor(kCodeBits)) + ": a character is missing or extra.")};
  }
  if (otherKind) return std::vector<Problem>{damaged};  // six characters: a join code with its first mistyped
  if (kind != code_wire::kJoinKind) {
    return std::vector<Problem>{Fault("format", "This is not a join code this version of Kizuna can read (code kind " + std::to_string(kind) + "): it was made by a newer version of Kizuna.")};
  }
  if (tag != code_wire::TagOf(exercise)) {
    return std::vector<Problem>{Fault("exercise", "This join code is for another exercise (or another version of \"" + exercise.id + "\").")};
  }
  if (!code_wire::Intact(exercise.contentHash, bits, bits.Position())) return std::vector<Problem>{damaged};
  if (team >= static_cast<int>(exercise.teams.size())) {
    return std::vector<Problem>{Fault("range", "This join code names team " + std::to_string(team + 1) + ", but the exercise has " +
                                                   std::to_string(exercise.teams.size()) + " teams.")};
  }
  return team;
}

}  // namespace kz
