// Decision codes: a team's decision for a round in under 20 read-aloud characters (Crockford base32,
// groups of four), checksummed and tied to one exercise. Layout in exercise.hpp; the reader names
// the first thing wrong, from the characters up to the session.
// What it shares with share and session links is link_wire's: the trimming of pasted text, the
// format gate and the FNV-1a checksum. What differs, and why: codes are read aloud and typed, so
// Crockford base32 (no prefix, no URL, forgiving O/I/L and hyphens), a 2-bit format, and 13 bits
// of checksum folded from the 32 (bound to the exercise's content hash) instead of 4 whole bytes.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "kizuna/assert.hpp"
#include "kizuna/exercise.hpp"
#include "link_wire.hpp"

namespace kz {
namespace {

constexpr int kCodeFormat = 1;
constexpr int kFormatBits = 2;
constexpr int kTagBits = 12;
constexpr int kRoundBits = 4;
constexpr int kTeamBits = 3;
constexpr int kChecksumBits = 13;
constexpr int kHeaderBits = kFormatBits + kTagBits + kRoundBits + kTeamBits;
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford: no I, L, O, U
constexpr std::size_t kMaxCodeInput = 64;  // characters, hyphens and spaces included
constexpr std::uint64_t kFirstImplausibleFormat = std::uint64_t{1} << kFormatBits;  // every 2-bit format may be a future one

Problem CodeProblem(std::string message) { return Problem{"code", std::move(message)}; }

// The number of distinct decisions of a team and the bits they take.
std::uint64_t Combinations(const ExerciseTeam& team) {
  std::uint64_t n = 1;
  for (const ExerciseLever& lever : team.levers) n *= static_cast<std::uint64_t>(lever.Steps());
  return n;
}
int BitsFor(std::uint64_t combinations) {
  int bits = 0;
  while (bits < 64 && (std::uint64_t{1} << bits) < combinations) ++bits;
  return bits;
}
int CodeChars(const ExerciseTeam& team) { return (kHeaderBits + BitsFor(Combinations(team)) + kChecksumBits + 4) / 5; }

class Bits {
 public:
  void Put(std::uint64_t value, int count) {
    for (int i = count - 1; i >= 0; --i) bits.push_back(static_cast<std::uint8_t>((value >> i) & 1U));
  }
  std::uint64_t Get(int count) {
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i) value = (value << 1) | (at < bits.size() ? bits[at++] : 0U);
    return value;
  }
  std::size_t Position() const { return at; }
  std::vector<std::uint8_t> bits;  // one bit per element, most significant first

 private:
  std::size_t at = 0;
};

// 13 bits of FNV-1a over the exercise's whole content hash and the code's bits before the checksum:
// a code made for another version of the exercise (same 12-bit tag) fails here too.
std::uint64_t CodeChecksum(std::uint32_t contentHash, const std::vector<std::uint8_t>& bits, std::size_t count) {
  std::vector<std::uint8_t> bytes(4 + count);
  for (std::size_t i = 0; i < 4; ++i) bytes[i] = static_cast<std::uint8_t>(contentHash >> (8 * i));
  for (std::size_t i = 0; i < count; ++i) bytes[4 + i] = bits[i];  // a loop: GCC 12 warns falsely on insert
  const std::uint32_t sum = link_wire::Checksum(bytes.data(), bytes.size());
  return (sum ^ (sum >> 13) ^ (sum >> 26)) & ((1U << kChecksumBits) - 1);
}

std::uint64_t PackSteps(const ExerciseTeam& team, const DecisionSteps& steps) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < team.levers.size(); ++i) {
    value = value * static_cast<std::uint64_t>(team.levers[i].Steps()) + static_cast<std::uint64_t>(steps[i]);
  }
  return value;
}

DecisionSteps UnpackSteps(const ExerciseTeam& team, std::uint64_t value) {
  DecisionSteps steps(team.levers.size());
  for (std::size_t i = team.levers.size(); i-- > 0;) {
    const auto n = static_cast<std::uint64_t>(team.levers[i].Steps());
    steps[i] = static_cast<int>(value % n);
    value /= n;
  }
  return steps;
}

// The code's characters as symbol values, or the problem with them.
Expected<std::vector<int>> Symbols(std::string_view code) {
  if (code.size() > kMaxCodeInput) return std::vector<Problem>{CodeProblem("This is too long to be a decision code.")};
  std::vector<int> symbols;
  for (const char raw : code) {
    if (raw == '-' || raw == ' ') continue;
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c == 'O') c = '0';  // read-aloud slips Crockford forgives
    if (c == 'I' || c == 'L') c = '1';
    const std::size_t at = kAlphabet.find(c);
    if (at == std::string_view::npos) {
      const std::string shown = static_cast<unsigned char>(raw) < 0x80 && std::isprint(static_cast<unsigned char>(raw))
                                    ? "'" + std::string(1, raw) + "'" : "a character";
      return std::vector<Problem>{CodeProblem("A decision code cannot contain " + shown + " (it uses 0-9 and A-Z without I, L, O and U).")};
    }
    symbols.push_back(static_cast<int>(at));
  }
  if (symbols.empty()) return std::vector<Problem>{CodeProblem("The code is empty.")};
  return symbols;
}

}  // namespace

std::string EncodeDecisionCode(const Exercise& exercise, const DecisionCode& decision) {
  KZ_ASSERT(decision.team >= 0 && decision.team < static_cast<int>(exercise.teams.size()), "EncodeDecisionCode: no such team");
  KZ_ASSERT(decision.round >= 1 && decision.round <= exercise.rounds, "EncodeDecisionCode: no such round");
  const ExerciseTeam& team = exercise.teams[static_cast<std::size_t>(decision.team)];
  KZ_ASSERT(decision.steps.size() == team.levers.size(), "EncodeDecisionCode: one step per lever of the team");
  for (std::size_t i = 0; i < decision.steps.size(); ++i) {
    KZ_ASSERT(decision.steps[i] >= 0 && decision.steps[i] < team.levers[i].Steps(), "EncodeDecisionCode: step out of range");
  }
  Bits bits;
  bits.Put(kCodeFormat, kFormatBits);
  bits.Put(exercise.contentHash & ((1U << kTagBits) - 1), kTagBits);
  bits.Put(static_cast<std::uint64_t>(decision.round - 1), kRoundBits);
  bits.Put(static_cast<std::uint64_t>(decision.team), kTeamBits);
  bits.Put(PackSteps(team, decision.steps), BitsFor(Combinations(team)));
  bits.Put(CodeChecksum(exercise.contentHash, bits.bits, bits.bits.size()), kChecksumBits);
  while (bits.bits.size() % 5 != 0) bits.Put(0, 1);
  std::string code;
  for (std::size_t i = 0; i < bits.bits.size() / 5; ++i) {
    if (i > 0 && i % 4 == 0) code.push_back('-');
    code.push_back(kAlphabet[static_cast<std::size_t>(bits.Get(5))]);
  }
  return code;
}

Expected<DecisionCode> DecodeDecisionCode(const Exercise& exercise, std::string_view code) {
  Expected<std::vector<int>> symbols = Symbols(link_wire::TrimInput(code));
  if (!symbols) return symbols.problems();
  Bits bits;
  for (const int s : symbols.value()) bits.Put(static_cast<std::uint64_t>(s), 5);
  if (bits.bits.size() < static_cast<std::size_t>(kHeaderBits + kChecksumBits)) {
    return std::vector<Problem>{CodeProblem("This code is too short (" + std::to_string(symbols.value().size()) + " characters): part of it is missing.")};
  }
  const std::uint64_t format = bits.Get(kFormatBits);
  const std::uint64_t tag = bits.Get(kTagBits);
  DecisionCode decision;
  decision.round = static_cast<int>(bits.Get(kRoundBits)) + 1;
  decision.team = static_cast<int>(bits.Get(kTeamBits));
  const link_wire::FormatStanding standing = link_wire::StandingOf(format, kCodeFormat, kFirstImplausibleFormat);
  if (standing != link_wire::FormatStanding::Readable) {
    const std::string newer = standing == link_wire::FormatStanding::Newer ? ": it was made by a newer version of Kizuna" : "";
    return std::vector<Problem>{CodeProblem("This is not a decision code this version of Kizuna can read (code format " + std::to_string(format) + ")" +
                                            newer + ".")};
  }
  if (tag != (exercise.contentHash & ((1U << kTagBits) - 1))) {
    return std::vector<Problem>{CodeProblem("This code is for another exercise (or another version of \"" + exercise.id + "\"): check which exercise the team has open.")};
  }
  if (decision.team >= static_cast<int>(exercise.teams.size())) {
    return std::vector<Problem>{CodeProblem("This code is damaged (checksum): a character was misread or mistyped.")};
  }
  const ExerciseTeam& team = exercise.teams[static_cast<std::size_t>(decision.team)];
  const int chars = CodeChars(team);
  if (static_cast<int>(symbols.value().size()) != chars) {
    const bool someTeamFits = std::any_of(exercise.teams.begin(), exercise.teams.end(), [&](const ExerciseTeam& t) {
      return CodeChars(t) == static_cast<int>(symbols.value().size());
    });
    if (someTeamFits) return std::vector<Problem>{CodeProblem("This code is damaged (checksum): a character was misread or mistyped.")};
    return std::vector<Problem>{CodeProblem("This code has " + std::to_string(symbols.value().size()) + " characters; team " + team.id + "'s codes have " +
                                            std::to_string(chars) + ": a character is missing or extra.")};
  }
  const int valueBits = BitsFor(Combinations(team));
  const std::uint64_t packed = bits.Get(valueBits);
  const std::size_t checked = bits.Position();
  const std::uint64_t checksum = bits.Get(kChecksumBits);
  const std::uint64_t padding = bits.Get(static_cast<int>(bits.bits.size() - bits.Position()));
  if (checksum != CodeChecksum(exercise.contentHash, bits.bits, checked) || padding != 0) {
    return std::vector<Problem>{CodeProblem("This code is damaged (checksum): a character was misread or mistyped.")};
  }
  if (decision.round > exercise.rounds) {
    return std::vector<Problem>{CodeProblem("This code names round " + std::to_string(decision.round) + ", but the exercise has " +
                                            std::to_string(exercise.rounds) + " rounds.")};
  }
  if (packed >= Combinations(team)) {
    return std::vector<Problem>{CodeProblem("This code's values are out of range for team " + team.id + "'s levers.")};
  }
  decision.steps = UnpackSteps(team, packed);
  return decision;
}

Expected<DecisionCode> CheckDecisionCode(const Exercise& exercise, const Play& play, std::string_view code, int expectedTeam) {
  Expected<DecisionCode> decoded = DecodeDecisionCode(exercise, code);
  if (!decoded) return decoded;
  const DecisionCode& d = decoded.value();
  const ExerciseTeam& team = exercise.teams[static_cast<std::size_t>(d.team)];
  const int current = play.CurrentRound();
  const std::string round = std::to_string(d.round);
  if (expectedTeam >= 0 && expectedTeam != d.team) {
    const std::string expected = expectedTeam < static_cast<int>(exercise.teams.size()) ? exercise.teams[static_cast<std::size_t>(expectedTeam)].id : "?";
    return std::vector<Problem>{CodeProblem("This is team " + team.id + "'s code, not team " + expected + "'s.")};
  }
  if (d.round < current) {
    return std::vector<Problem>{CodeProblem("This code is for round " + round + ", which is closed; the session is in round " +
                                            std::to_string(current) + " (a stale code: decide again for this round).")};
  }
  if (d.round > current) {
    return std::vector<Problem>{CodeProblem("This code is for round " + round + ", but the session is still in round " + std::to_string(current) + ".")};
  }
  if (!team.DecidesIn(d.round)) {
    return std::vector<Problem>{CodeProblem("Team " + team.id + " does not decide in round " + round + ".")};
  }
  const std::vector<DecisionSteps>& decisions = play.rounds.back().decisions;
  if (static_cast<std::size_t>(d.team) < decisions.size() && !decisions[static_cast<std::size_t>(d.team)].empty()) {
    if (decisions[static_cast<std::size_t>(d.team)] == d.steps) {
      return std::vector<Problem>{CodeProblem("This code was already entered: team " + team.id + "'s decision for round " + round + " (a duplicate).")};
    }
    return std::vector<Problem>{CodeProblem("Team " + team.id + " has already decided round " + round +
                                            " with a different decision; clear that decision first to replace it.")};
  }
  return decoded;
}

Expected<DecisionCode> EnterDecisionCode(const Exercise& exercise, Play& play, std::string_view code) {
  Expected<DecisionCode> checked = CheckDecisionCode(exercise, play, code);
  if (!checked) return checked;
  std::vector<Problem> problems = RecordDecision(exercise, play, checked.value().team, checked.value().steps);
  if (!problems.empty()) return problems;
  return checked;
}

}  // namespace kz
