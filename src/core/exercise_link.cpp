// Session links: a played session (exercise id and content hash, rounds, every decision) as a URL
// fragment "w" + base64url, with a 32-bit checksum, versioned like share links so old sessions keep
// opening. Decoding is untrusted-input safe: every count is bounded before anything is allocated.
#include <string>

#include "kizuna/exercise.hpp"
#include "link_wire.hpp"

namespace kz {
namespace {

using link_wire::Reader;
using link_wire::Writer;

constexpr std::size_t kMaxStep = 1000000;  // ExerciseLever allows at most 1,000,000 steps

Problem LinkProblem(std::string message) { return Problem{"link", std::move(message)}; }

std::string_view FragmentOf(std::string_view text) {
  const std::size_t hash = text.find('#');
  return hash == std::string_view::npos ? text : text.substr(hash + 1);
}

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
  out.Varint(kSessionLinkVersion);
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
  std::vector<std::uint8_t> bytes = out.Bytes();
  const std::uint32_t sum = link_wire::Checksum(bytes.data(), bytes.size());
  for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(sum >> (8 * i)));
  return "w" + link_wire::Base64UrlEncode(bytes);
}

Expected<SessionLink> DecodeSessionLink(std::string_view text) {
  const std::string_view fragment = FragmentOf(text);
  if (fragment.size() > kMaxSessionLinkChars) {
    return std::vector<Problem>{LinkProblem("This session link is too long (" + std::to_string(fragment.size()) + " characters; at most " +
                                            std::to_string(kMaxSessionLinkChars) + ").")};
  }
  if (fragment.empty() || fragment.front() != 'w') {
    return std::vector<Problem>{LinkProblem("This is not a Kizuna exercise session link (it should start with #w).")};
  }
  const std::optional<std::vector<std::uint8_t>> bytes = link_wire::Base64UrlDecode(fragment.substr(1));
  if (!bytes) return std::vector<Problem>{LinkProblem("This session link is damaged: it has characters a link cannot contain (was it cut or re-typed?).")};
  if (bytes->size() < 10) return std::vector<Problem>{LinkProblem("This session link is damaged: it is too short.")};
  Reader header(bytes->data(), bytes->size());
  const std::uint64_t version = header.Varint();
  if (!header.failed() && version > static_cast<std::uint64_t>(kSessionLinkVersion) && version < 1000) {
    return std::vector<Problem>{LinkProblem("This session link was made by a newer version of Kizuna (format " + std::to_string(version) +
                                            "; this version reads formats 1 to " + std::to_string(kSessionLinkVersion) + ").")};
  }
  const std::size_t payload = bytes->size() - 4;
  std::uint32_t stored = 0;
  for (int i = 0; i < 4; ++i) stored |= static_cast<std::uint32_t>((*bytes)[payload + static_cast<std::size_t>(i)]) << (8 * i);
  if (link_wire::Checksum(bytes->data(), payload) != stored) {
    return std::vector<Problem>{LinkProblem("This session link is damaged (checksum): part of it was lost or changed when it was copied.")};
  }
  if (header.failed() || version == 0 || version > static_cast<std::uint64_t>(kSessionLinkVersion)) {
    return std::vector<Problem>{LinkProblem("This session link is damaged: it names no known format.")};
  }
  Reader reader(bytes->data(), payload);
  reader.Varint();  // the version, read above
  Expected<SessionLink> link = ParseV1(reader);  // every version so far is laid out as 1
  if (!link) return link;
  MigrateSessionLink(static_cast<int>(version), link.value());
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

}  // namespace kz
