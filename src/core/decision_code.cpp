// Decision codes: a team's decision for a round in under 20 read-aloud characters (Crockford base32,
// groups of four), checksummed and tied to one exercise. Layout in exercise.hpp; the reader names
// the first thing wrong, from the characters up to the session.
// What it shares with share and session links is link_wire's trimming of pasted text and FNV-1a
// checksum (through code_wire). What differs, and why: codes are read aloud and typed, so
// Crockford base32 (no prefix, no URL, forgiving O/I/L and hyphens), a 2-bit format, and 13 bits
// of checksum folded from the 32 (bound to the exercise's content hash) instead of 4 whole bytes.
// The alphabet, header and checksum are code_wire's, shared with round and join codes.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "kizuna/assert.hpp"
#include "kizuna/exercise.hpp"
#include "code_wire.hpp"

namespace kz {
namespace {

using code_wire::Bits;
using code_wire::BitsFor;
using code_wire::Combinations;
using code_wire::PackSteps;
using code_wire::UnpackSteps;

constexpr int kRoundBits = 4;
constexpr int kTeamBits = 3;
constexpr int kHeaderBits = code_wire::kKindBits + code_wire::kTagBits + kRoundBits + kTeamBits;

Problem CodeProblem(std::string message) { return Problem{"code", std::move(message)}; }

int CodeChars(const ExerciseTeam& team) { return code_wire::CharsFor(kHeaderBits + BitsFor(Combinations(team)) + code_wire::kChecksumBits); }

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
  bits.Put(code_wire::kDecisionKind, code_wire::kKindBits);
  bits.Put(code_wire::TagOf(exercise), code_wire::kTagBits);
  bits.Put(static_cast<std::uint64_t>(decision.round - 1), kRoundBits);
  bits.Put(static_cast<std::uint64_t>(decision.team), kTeamBits);
  bits.Put(PackSteps(team, decision.steps), BitsFor(Combinations(team)));
  return code_wire::Finish(exercise.contentHash, bits);
}

Expected<DecisionCode> DecodeDecisionCode(const Exercise& exercise, std::string_view code) {
  Expected<Bits> read = code_wire::Read(code, "decision code");
  if (!read) return std::vector<Problem>{CodeProblem(read.problems().front().message)};
  Bits& bits = read.value();
  const int length = code_wire::CharsRead(bits);
  if (bits.Size() < static_cast<std::size_t>(kHeaderBits + code_wire::kChecksumBits)) {
    return std::vector<Problem>{CodeProblem("This code is too short (" + std::to_string(length) + " characters): part of it is missing.")};
  }
  const std::uint64_t format = bits.Get(code_wire::kKindBits);
  const std::uint64_t tag = bits.Get(code_wire::kTagBits);
  DecisionCode decision;
  decision.round = static_cast<int>(bits.Get(kRoundBits)) + 1;
  decision.team = static_cast<int>(bits.Get(kTeamBits));
  if (format == code_wire::kRoundKind || format == code_wire::kJoinKind) {
    return std::vector<Problem>{CodeProblem("This is a " + std::string(code_wire::KindName(format)) + ", not a decision code: it goes in the team's page.")};
  }
  if (format != code_wire::kDecisionKind) {  // kind 0: kept for a kind of code a newer version makes
    return std::vector<Problem>{CodeProblem("This is not a decision code this version of Kizuna can read (code format " + std::to_string(format) +
                                            "): it was made by a newer version of Kizuna.")};
  }
  if (tag != code_wire::TagOf(exercise)) {
    return std::vector<Problem>{CodeProblem("This code is for another exercise (or another version of \"" + exercise.id + "\"): check which exercise the team has open.")};
  }
  if (decision.team >= static_cast<int>(exercise.teams.size())) {
    return std::vector<Problem>{CodeProblem("This code is damaged (checksum): a character was misread or mistyped.")};
  }
  const ExerciseTeam& team = exercise.teams[static_cast<std::size_t>(decision.team)];
  const int chars = CodeChars(team);
  if (length != chars) {
    const bool someTeamFits = std::any_of(exercise.teams.begin(), exercise.teams.end(), [&](const ExerciseTeam& t) {
      return CodeChars(t) == length;
    });
    if (someTeamFits) return std::vector<Problem>{CodeProblem("This code is damaged (checksum): a character was misread or mistyped.")};
    return std::vector<Problem>{CodeProblem("This code has " + std::to_string(length) + " characters; team " + team.id + "'s codes have " +
                                            std::to_string(chars) + ": a character is missing or extra.")};
  }
  const int valueBits = BitsFor(Combinations(team));
  const std::uint64_t packed = bits.Get(valueBits);
  const std::size_t checked = bits.Position();
  if (!code_wire::Intact(exercise.contentHash, bits, checked)) {
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
