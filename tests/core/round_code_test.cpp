// Round codes and join codes: every published round round-trips to the same play, in the decision
// code's alphabet and reading; a mistyped code is named (damage, a missing character, another kind
// of code, another exercise) rather than read as another round; join codes name exercise and team.
// Also: the stable team link is the same in every round, and the picture a projected screen shows
// leaves out private injects' events.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "exercise_fixtures.hpp"

namespace kz::test {
namespace {

const Exercise& Small() {
  static const Exercise e = MustLoad(SmallExerciseJson());
  return e;
}

template <typename T>
std::string FaultOf(const Expected<T>& decoded) {
  return decoded ? std::string("(decoded)") : decoded.problems().front().path;
}

// A session played to `round` (open), with decisions in every closed round (some teams skip).
Play PlayedTo(const Exercise& e, int round) {
  Play play = StartPlay(e);
  for (int r = 1; r < round; ++r) {
    EXPECT_TRUE(RecordDecision(e, play, 0, {1, r}).empty());
    if (r == 1) {
      EXPECT_TRUE(RecordDecision(e, play, 1, {1, 4}).empty());  // US decides in round 1 only here
    }
    EXPECT_TRUE(RecordDecision(e, play, 2, {r % 4}).empty());
    EXPECT_TRUE(AdvanceRound(e, play).empty());
  }
  return play;
}

// A character of `code` (not a hyphen) changed to another of the alphabet.
std::string Mistyped(std::string code, std::size_t at) {
  while (code[at] == '-') ++at;
  code[at] = code[at] == 'Z' ? 'Y' : 'Z';
  return code;
}

TEST(RoundCode, EveryPublishedRoundRoundTripsToTheSamePlay) {
  const Exercise& e = Small();
  for (int round = 1; round <= e.rounds; ++round) {
    const Play play = PlayedTo(e, round);
    const std::string code = EncodeRoundCode(e, play);
    EXPECT_LT(code.size(), 20u) << code;
    Expected<Play> back = DecodeRoundCode(e, code);
    ASSERT_TRUE(back) << code << ": " << back.problems().front().message;
    EXPECT_EQ(back.value(), play) << "round " << round;
    EXPECT_EQ(back.value().CurrentRound(), round);
  }
}

TEST(RoundCode, TheBundledExercisesLastRoundsCodeIsShort) {
  for (const char* id : {"rare-earth-squeeze", "chip-contingency"}) {
    const Exercise e = MustLoad(ReadExerciseText(id).value());
    Play play = StartPlay(e);
    for (int r = 1; r < e.rounds; ++r) {
      for (std::size_t t = 0; t < e.teams.size(); ++t) {
        if (!e.teams[t].DecidesIn(r)) continue;
        DecisionSteps last;
        for (const ExerciseLever& lever : e.teams[t].levers) last.push_back(lever.Steps() - 1);
        ASSERT_TRUE(RecordDecision(e, play, static_cast<int>(t), last).empty());
      }
      ASSERT_TRUE(AdvanceRound(e, play).empty());
    }
    const std::string code = EncodeRoundCode(e, play);
    EXPECT_LE(code.size(), 24u) << id << ": " << code;  // 19 characters and their hyphens at most
    ASSERT_TRUE(DecodeRoundCode(e, code)) << id;
    EXPECT_EQ(DecodeRoundCode(e, code).value(), play) << id;
  }
}

TEST(RoundCode, ReadsForgivinglyLikeDecisionCodes) {
  const Exercise& e = Small();
  const Play play = PlayedTo(e, 3);
  std::string sloppy;
  for (const char c : EncodeRoundCode(e, play)) {
    if (c != '-') sloppy += static_cast<char>(c == '0' ? 'o' : c == '1' ? 'l' : std::tolower(static_cast<unsigned char>(c)));
  }
  Expected<Play> back = DecodeRoundCode(e, "  " + sloppy + "\n");
  ASSERT_TRUE(back) << back.problems().front().message;
  EXPECT_EQ(back.value(), play);
}

TEST(RoundCode, EveryMistypedCharacterIsNamedAndNeverReadAsAnotherRound) {
  const Exercise& e = Small();
  const std::string code = EncodeRoundCode(e, PlayedTo(e, 3));
  for (std::size_t at = 0; at < code.size(); ++at) {
    if (code[at] == '-') continue;
    const Expected<Play> read = DecodeRoundCode(e, Mistyped(code, at));
    ASSERT_FALSE(read) << "character " << at << " of " << code;
    const std::string fault = FaultOf(read);
    EXPECT_TRUE(fault == "code.checksum" || fault == "code.exercise" || fault == "code.length" || fault == "code.format" ||
                fault == "code.kind-decision" || fault == "code.kind-join")
        << fault << " at " << at;
  }
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, Mistyped(code, code.size() - 2))), "code.checksum");
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, code + "7")), "code.length") << "a character extra";
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, code.substr(0, code.size() - 1))), "code.length") << "a character missing";
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, code.substr(0, 4))), "code.length");
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, "")), "code.empty");
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, "GK3T-U")), "code.characters");
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, std::string(80, 'G'))), "code.too-long");
  const std::string message = DecodeRoundCode(e, Mistyped(code, code.size() - 2)).problems().front().message;
  EXPECT_NE(message.find("damaged (checksum)"), std::string::npos) << message;
}

TEST(RoundCode, AnotherExerciseOrKindOfCodeIsNamed) {
  const Exercise& e = Small();
  const std::string code = EncodeRoundCode(e, PlayedTo(e, 2));
  const Exercise other = MustLoad(Replace(SmallExerciseJson(), "\"w\"", "\"another warning\""));
  ASSERT_NE(other.contentHash & 0xFFF, e.contentHash & 0xFFF) << "pick another variant: the tags collide";
  EXPECT_EQ(FaultOf(DecodeRoundCode(other, code)), "code.exercise");
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, EncodeDecisionCode(e, {1, 0, {1, 4}}))), "code.kind-decision");
  EXPECT_EQ(FaultOf(DecodeRoundCode(e, EncodeJoinCode(e, 1))), "code.kind-join");
  // And the other way round: a round code typed as a decision or join code.
  const Expected<DecisionCode> asDecision = DecodeDecisionCode(e, code);
  ASSERT_FALSE(asDecision);
  EXPECT_NE(asDecision.problems().front().message.find("This is a round code, not a decision code"), std::string::npos)
      << asDecision.problems().front().message;
  EXPECT_EQ(FaultOf(DecodeJoinCode(e, code)), "code.kind-round");
}

TEST(JoinCode, NamesEveryTeamInSixCharacters) {
  const Exercise& e = Small();
  for (int team = 0; team < static_cast<int>(e.teams.size()); ++team) {
    const std::string code = EncodeJoinCode(e, team);
    EXPECT_EQ(code.size(), 7u) << code;  // six characters and a hyphen
    const Expected<int> back = DecodeJoinCode(e, code);
    ASSERT_TRUE(back) << code << ": " << back.problems().front().message;
    EXPECT_EQ(back.value(), team);
  }
}

TEST(JoinCode, MistypedOrForeignCodesAreNamed) {
  const Exercise& e = Small();
  const std::string code = EncodeJoinCode(e, 2);
  const Exercise other = MustLoad(Replace(SmallExerciseJson(), "\"w\"", "\"another warning\""));
  EXPECT_EQ(FaultOf(DecodeJoinCode(other, code)), "code.exercise") << "the page tries the next exercise";
  EXPECT_EQ(FaultOf(DecodeJoinCode(e, Mistyped(code, 5))), "code.checksum");
  EXPECT_EQ(FaultOf(DecodeJoinCode(e, code.substr(0, 6))), "code.length");
  EXPECT_EQ(FaultOf(DecodeJoinCode(e, EncodeDecisionCode(e, {1, 0, {1, 4}}))), "code.kind-decision");
  EXPECT_EQ(FaultOf(DecodeJoinCode(e, "I0U-ABC")), "code.characters");
  for (std::size_t at = 0; at < code.size(); ++at) {
    if (code[at] == '-') continue;
    EXPECT_FALSE(DecodeJoinCode(e, Mistyped(code, at))) << "character " << at << " of " << code;
  }
}

TEST(StableTeamLink, IsTheSessionAsItStartsAndTheSameInEveryRound) {
  const Exercise& e = Small();
  const std::string link = StableTeamLink(e, 1);
  EXPECT_EQ(link, EncodeSessionLink(e, StartPlay(e)) + ".US");
  const std::string fragment = link.substr(0, link.rfind('.'));
  Expected<SessionLink> decoded = DecodeSessionLink(fragment);
  ASSERT_TRUE(decoded);
  Expected<Play> play = PlayFromSessionLink(e, decoded.value());
  ASSERT_TRUE(play);
  EXPECT_EQ(play.value(), StartPlay(e));
}

// The halt is private to Japan and carries a model event: the projected screen's picture leaves it
// out, the model's truth keeps it.
TEST(ScenarioAtRound, ThePublicPictureLeavesOutPrivateInjectsEvents) {
  const Exercise& e = Small();
  Play play = PlayedTo(e, 2);
  const auto hasHalt = [](const Scenario& s) {
    return std::any_of(s.events.begin(), s.events.end(), [](const Event& event) { return event.id == "cn-halt-2"; });
  };
  const Expected<Scenario> all = ScenarioAtRound(e, play, 2);
  const Expected<Scenario> room = ScenarioAtRound(e, play, 2, InjectScope::Public);
  ASSERT_TRUE(all);
  ASSERT_TRUE(room);
  EXPECT_TRUE(hasHalt(all.value()));
  EXPECT_FALSE(hasHalt(room.value()));
  EXPECT_EQ(room.value().events.size() + 1, all.value().events.size()) << "only the private event is left out";
}

}  // namespace
}  // namespace kz::test
