// Round codes: the facilitator's published round for teams without a server to catch up from their
// stable link (layout in exercise.hpp). A code carries every decision of the closed rounds, so a
// page that missed a round, or was opened afresh from its link, catches up with the latest code.
// The reader names the first thing wrong and never returns a play the exercise does not allow.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "code_wire.hpp"
#include "kizuna/exercise.hpp"

namespace kz {
namespace {

using code_wire::Bits;

constexpr int kRoundBits = 4;
constexpr int kHeaderBits = code_wire::kKindBits + code_wire::kTagBits + kRoundBits;

Problem Fault(const char* fault, std::string message) { return Problem{std::string("code.") + fault, std::move(message)}; }

// Bits of team `team`'s field in closed round `round`: none when it does not decide then.
int FieldBits(const Exercise& exercise, int round, std::size_t team) {
  const ExerciseTeam& t = exercise.teams[team];
  return t.DecidesIn(round) ? code_wire::BitsFor(code_wire::Combinations(t) + 1) : 0;
}

// Characters of the code whose open round is `round`.
int CodeChars(const Exercise& exercise, int round) {
  int bits = kHeaderBits + code_wire::kChecksumBits;
  for (int r = 1; r < round; ++r) {
    for (std::size_t t = 0; t < exercise.teams.size(); ++t) bits += FieldBits(exercise, r, t);
  }
  return code_wire::CharsFor(bits);
}

const char* KindFault(std::uint64_t kind) { return kind == code_wire::kDecisionKind ? "kind-decision" : "kind-join"; }

}  // namespace

std::string EncodeRoundCode(const Exercise& exercise, const Play& play) {
  Bits bits;
  bits.Put(code_wire::kRoundKind, code_wire::kKindBits);
  bits.Put(code_wire::TagOf(exercise), code_wire::kTagBits);
  bits.Put(static_cast<std::uint64_t>(play.CurrentRound() - 1), kRoundBits);
  for (int r = 1; r < play.CurrentRound(); ++r) {
    const std::vector<DecisionSteps>& decisions = play.rounds[static_cast<std::size_t>(r - 1)].decisions;
    for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
      const int width = FieldBits(exercise, r, t);
      if (width == 0) continue;
      const bool decided = t < decisions.size() && !decisions[t].empty();
      bits.Put(decided ? code_wire::PackSteps(exercise.teams[t], decisions[t]) + 1 : 0, width);
    }
  }
  return code_wire::Finish(exercise.contentHash, bits);
}

Expected<Play> DecodeRoundCode(const Exercise& exercise, std::string_view code) {
  // A long exercise's last round code may pass the 64 characters of other codes: its own length
  // with a hyphen every four and some white space is the bound.
  const auto longest = static_cast<std::size_t>(CodeChars(exercise, exercise.rounds));
  Expected<Bits> read = code_wire::Read(code, "round code", std::max<std::size_t>(64, longest + longest / 4 + 16));
  if (!read) return read.problems();
  Bits& bits = read.value();
  const int length = code_wire::CharsRead(bits);
  const Problem damaged = Fault("checksum", "This round code is damaged (checksum): a character was misread or mistyped.");
  const std::uint64_t kind = bits.Get(code_wire::kKindBits);  // past the end reads zeros: checked below
  const std::uint64_t tag = bits.Get(code_wire::kTagBits);
  const int round = static_cast<int>(bits.Get(kRoundBits)) + 1;
  if (kind == code_wire::kDecisionKind || kind == code_wire::kJoinKind) {  // a join code is shorter than any round code
    return std::vector<Problem>{Fault(KindFault(kind), "This is a " + std::string(code_wire::KindName(kind)) + ", not a round code.")};
  }
  if (bits.Size() < static_cast<std::size_t>(kHeaderBits + code_wire::kChecksumBits)) {
    return std::vector<Problem>{Fault("length", "This round code is too short (" + std::to_string(length) + " characters): part of it is missing.")};
  }
  if (kind != code_wire::kRoundKind) {
    return std::vector<Problem>{Fault("format", "This is not a round code this version of Kizuna can read (code kind " + std::to_string(kind) + "): it was made by a newer version of Kizuna.")};
  }
  if (tag != code_wire::TagOf(exercise)) {
    return std::vector<Problem>{Fault("exercise", "This round code is for another exercise (or another version of \"" + exercise.id + "\").")};
  }
  if (round > exercise.rounds) return std::vector<Problem>{damaged};  // no code of this exercise names it
  if (length != CodeChars(exercise, round)) {
    for (int r = 1; r <= exercise.rounds; ++r) {
      if (CodeChars(exercise, r) == length) return std::vector<Problem>{damaged};
    }
    return std::vector<Problem>{Fault("length", "This round code has " + std::to_string(length) + " characters; round " + std::to_string(round) +
                                                    "'s have " + std::to_string(CodeChars(exercise, round)) + ": a character is missing or extra.")};
  }
  std::vector<std::vector<std::uint64_t>> fields(static_cast<std::size_t>(round - 1), std::vector<std::uint64_t>(exercise.teams.size(), 0));
  for (int r = 1; r < round; ++r) {
    for (std::size_t t = 0; t < exercise.teams.size(); ++t) fields[static_cast<std::size_t>(r - 1)][t] = bits.Get(FieldBits(exercise, r, t));
  }
  if (!code_wire::Intact(exercise.contentHash, bits, bits.Position())) return std::vector<Problem>{damaged};
  Play play = StartPlay(exercise);
  for (int r = 1; r <= round; ++r) {
    if (r > 1) AdvanceRound(exercise, play);
    if (r == round) break;
    for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
      const std::uint64_t value = fields[static_cast<std::size_t>(r - 1)][t];
      if (value == 0) continue;
      if (value > code_wire::Combinations(exercise.teams[t])) {
        return std::vector<Problem>{Fault("range", "This round code's decisions are out of range for team " + exercise.teams[t].id + ".")};
      }
      const std::vector<Problem> problems = RecordDecision(exercise, play, static_cast<int>(t), code_wire::UnpackSteps(exercise.teams[t], value - 1));
      if (!problems.empty()) return std::vector<Problem>{Fault("range", "Round " + std::to_string(r) + ": " + problems.front().ToString())};
    }
  }
  return play;
}

}  // namespace kz
