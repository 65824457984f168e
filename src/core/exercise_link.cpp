// Session links: a played session (exercise id and content hash, rounds, every decision) as a URL
// fragment "w" + base64url, with a 32-bit checksum, versioned like share links so old sessions keep
// opening (the envelope is link_wire's Seal / Open, shared with share links). Decoding is
// untrusted-input safe: every count is bounded before anything is allocated.
#include <string>

#include "kizuna/assert.hpp"
#include "kizuna/exercise.hpp"
#include "link_wire.hpp"

namespace kz {
namespace {

using link_wire::Reader;
using link_wire::Writer;

constexpr std::size_t kMaxStep = 1000000;  // ExerciseLever allows at most 1,000,000 steps

Problem LinkProblem(std::string message) { return Problem{"link", std::move(message)}; }

// Every older format becomes the current one here, one version at a time (none yet: format 1).
void MigrateSessionLink(int fromVersion, SessionLink& link) {
  for (int version = fromVersion; version < kSessionLinkVersion; ++version) {
    (void)link;
  }
}

Expected<SessionLink> ParseV1(Reader& in) {
  SessionLink link;
  link.exercise = in.Text(64);
  for (int i = 0; i < 4; ++i) link.contentHash |= static_cast<std::uint32_t>(in.Byte()) << (8 * i);
  const std::size_t rounds = in.Count(kMaxExerciseRounds);
  const std::size_t teams = in.Count(kMaxExerciseTeams);
  if (in.failed() || rounds == 0) return std::vector<Problem>{LinkProblem("This session link is damaged: its rounds cannot be read.")};
  for (std::size_t r = 0; r < rounds; ++r) {
    PlayRound round;
    round.decisions.resize(teams);
    for (DecisionSteps& steps : round.decisions) {
      const std::size_t levers = in.Count(kMaxTeamLevers);  // 0 = no decision
      for (std::size_t i = 0; i < levers && !in.failed(); ++i) {
        const std::uint64_t step = in.Varint();
        if (step > kMaxStep) return std::vector<Problem>{LinkProblem("This session link is damaged: a decision value is out of range.")};
        steps.push_back(static_cast<int>(step));
      }
    }
    link.play.rounds.push_back(std::move(round));
  }
  if (in.failed() || !in.done()) return std::vector<Problem>{LinkProblem("This session link is damaged: its decisions cannot be read.")};
  return link;
}

}  // namespace

std::string EncodeSessionLink(const Exercise& exercise, const Play& play) {
  Writer out;
  out.Text(exercise.id);
  for (int i = 0; i < 4; ++i) out.Byte(static_cast<std::uint8_t>(exercise.contentHash >> (8 * i)));
  out.Varint(play.rounds.size());
  out.Varint(exercise.teams.size());
  for (const PlayRound& round : play.rounds) {
    for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
      const DecisionSteps none;
      const DecisionSteps& steps = t < round.decisions.size() ? round.decisions[t] : none;
      out.Varint(steps.size());
      for (const int step : steps) out.Varint(static_cast<std::uint64_t>(step));
    }
  }
  return link_wire::Seal(link_wire::kSessionLinks, out.Bytes());
}

Expected<SessionLink> DecodeSessionLink(std::string_view text) {
  const Expected<link_wire::Opened> opened = link_wire::Open(link_wire::kSessionLinks, text);
  if (!opened) return opened.problems();
  const std::vector<std::uint8_t>& content = opened.value().content;
  Reader reader(content.data(), content.size());
  Expected<SessionLink> link = ParseV1(reader);  // every version so far is laid out as 1
  if (!link) return link;
  MigrateSessionLink(opened.value().version, link.value());
  return link;
}

Expected<Play> PlayFromSessionLink(const Exercise& exercise, const SessionLink& link) {
  if (link.exercise != exercise.id) {
    return std::vector<Problem>{LinkProblem("This session is of exercise \"" + link.exercise + "\", not \"" + exercise.id + "\".")};
  }
  if (link.contentHash != exercise.contentHash) {
    return std::vector<Problem>{LinkProblem("This session was played on another version of exercise \"" + exercise.id +
                                            "\": its decisions may not mean the same here.")};
  }
  if (link.play.rounds.empty() || link.play.CurrentRound() > exercise.rounds) {
    return std::vector<Problem>{LinkProblem("This session has " + std::to_string(link.play.rounds.size()) + " rounds; the exercise has 1.." +
                                            std::to_string(exercise.rounds) + ".")};
  }
  Play play = StartPlay(exercise);
  for (std::size_t r = 0; r < link.play.rounds.size(); ++r) {
    const PlayRound& round = link.play.rounds[r];
    if (round.decisions.size() != exercise.teams.size()) {
      return std::vector<Problem>{LinkProblem("This session has " + std::to_string(round.decisions.size()) + " teams; the exercise has " +
                                              std::to_string(exercise.teams.size()) + ".")};
    }
    if (r > 0) AdvanceRound(exercise, play);
    for (std::size_t t = 0; t < round.decisions.size(); ++t) {
      if (round.decisions[t].empty()) continue;
      std::vector<Problem> problems = RecordDecision(exercise, play, static_cast<int>(t), round.decisions[t]);
      if (!problems.empty()) {
        return std::vector<Problem>{LinkProblem("Round " + std::to_string(r + 1) + ": " + problems.front().ToString())};
      }
    }
  }
  return play;
}

std::string StableTeamLink(const Exercise& exercise, int team) {
  KZ_ASSERT(team >= 0 && team < static_cast<int>(exercise.teams.size()), "StableTeamLink: no such team");
  return EncodeSessionLink(exercise, StartPlay(exercise)) + "." + exercise.teams[static_cast<std::size_t>(team)].id;
}

}  // namespace kz
