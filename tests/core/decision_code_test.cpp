// Decision codes: every decision round-trips in under 20 characters; each kind of bad code gets
// its own message; reading forgives case, hyphens and O/I/L slips.
#include <gtest/gtest.h>

#include "exercise_fixtures.hpp"

namespace kz::test {
namespace {

const Exercise& Small() {
  static const Exercise e = MustLoad(SmallExerciseJson());
  return e;
}

std::string MessageOf(const Expected<DecisionCode>& decoded) {
  return decoded ? std::string("(decoded)") : decoded.problems().front().message;
}

TEST(DecisionCode, EveryDecisionRoundTripsInUnderTwentyCharacters) {
  const Exercise& e = Small();
  for (int team = 0; team < 3; ++team) {
    const ExerciseTeam& t = e.teams[static_cast<std::size_t>(team)];
    DecisionSteps steps(t.levers.size(), 0);
    // Walk every combination (at most 2 x 13 here).
    while (true) {
      for (int round = 1; round <= e.rounds; ++round) {
        const DecisionCode d{round, team, steps};
        const std::string code = EncodeDecisionCode(e, d);
        EXPECT_LT(code.size(), 20u) << code;
        Expected<DecisionCode> back = DecodeDecisionCode(e, code);
        ASSERT_TRUE(back) << code << ": " << MessageOf(back);
        EXPECT_EQ(back.value(), d);
      }
      std::size_t i = 0;
      while (i < steps.size() && ++steps[i] == t.levers[i].Steps()) steps[i++] = 0;
      if (i == steps.size()) break;
    }
  }
}

TEST(DecisionCode, LooksLikeGroupsOfFourAndReadsForgivingly) {
  const Exercise& e = Small();
  const std::string code = EncodeDecisionCode(e, {2, 0, {1, 5}});
  EXPECT_EQ(code[4], '-');
  std::string sloppy;
  for (const char c : code) {
    if (c == '-') continue;
    sloppy += static_cast<char>(c == '0' ? 'o' : c == '1' ? 'l' : std::tolower(static_cast<unsigned char>(c)));
    sloppy += ' ';
  }
  Expected<DecisionCode> back = DecodeDecisionCode(e, sloppy);
  ASSERT_TRUE(back) << MessageOf(back);
  EXPECT_EQ(back.value().steps, (DecisionSteps{1, 5}));
}

TEST(DecisionCode, BundledExercisesCodesAreShort) {
  for (const char* id : {"rare-earth-squeeze", "chip-contingency"}) {
    const Exercise e = MustLoad(ReadExerciseText(id).value());
    for (std::size_t t = 0; t < e.teams.size(); ++t) {
      DecisionSteps last;
      for (const ExerciseLever& lever : e.teams[t].levers) last.push_back(lever.Steps() - 1);
      const std::string code = EncodeDecisionCode(e, {e.rounds, static_cast<int>(t), last});
      EXPECT_LT(code.size(), 20u) << id << " " << code;
      EXPECT_TRUE(DecodeDecisionCode(e, code)) << id << " " << code;
    }
  }
}

// Every single-character change is caught: by the checksum, or as another exercise's code.
TEST(DecisionCode, EveryMistypedCharacterIsCaught) {
  const Exercise& e = Small();
  const std::string code = EncodeDecisionCode(e, {3, 2, {2}});
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  int caught = 0, total = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '-') continue;
    for (const char c : alphabet) {
      if (c == code[i]) continue;
      std::string typo = code;
      typo[i] = c;
      ++total;
      if (!DecodeDecisionCode(e, typo)) ++caught;
    }
  }
  EXPECT_EQ(caught, total);
}

TEST(DecisionCode, EachMalformedCodeHasItsOwnMessage) {
  const Exercise& e = Small();
  const std::string good = EncodeDecisionCode(e, {1, 0, {1, 4}});
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, "")).find("empty"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, "AB-U")).find("cannot contain 'U'"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, "AB*C")).find("cannot contain '*'"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, "\xE3\x81\x82")).find("cannot contain a character"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, std::string(80, '0'))).find("too long"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, good.substr(0, 4))).find("too short"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, good + "7")).find("a character is missing or extra"), std::string::npos);
  // Another exercise: same structure, other text.
  const Exercise other = MustLoad(Replace(SmallExerciseJson(), "\"w\"", "\"another warning\""));
  ASSERT_NE(other.contentHash & 0xFFF, e.contentHash & 0xFFF) << "pick another variant: the tags collide";
  EXPECT_NE(MessageOf(DecodeDecisionCode(other, good)).find("for another exercise"), std::string::npos);
  // Damaged: flip one character.
  std::string typo = good;
  typo[typo.size() - 2] = typo[typo.size() - 2] == 'Z' ? 'Y' : 'Z';
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, typo)).find("damaged (checksum)"), std::string::npos);
  // A format this version cannot read, and a round or values out of range, need a valid checksum:
  // made by hand with the encoder's layout (exercise.hpp).
  auto craft = [&](std::uint64_t format, int roundMinus1, int team, std::uint64_t packed, int valueBits) {
    std::vector<std::uint8_t> bits;
    auto put = [&](std::uint64_t v, int n) { for (int i = n - 1; i >= 0; --i) bits.push_back(static_cast<std::uint8_t>((v >> i) & 1U)); };
    put(format, 2);
    put(e.contentHash & 0xFFF, 12);
    put(static_cast<std::uint64_t>(roundMinus1), 4);
    put(static_cast<std::uint64_t>(team), 3);
    put(packed, valueBits);
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<std::uint8_t>(e.contentHash >> (8 * i)));
    bytes.insert(bytes.end(), bits.begin(), bits.end());
    std::uint32_t sum = 0x811C9DC5U;
    for (const std::uint8_t b : bytes) sum = (sum ^ b) * 0x01000193U;
    put((sum ^ (sum >> 13) ^ (sum >> 26)) & 0x1FFF, 13);
    while (bits.size() % 5 != 0) bits.push_back(0);
    std::string code;
    for (std::size_t i = 0; i < bits.size(); i += 5) {
      int v = 0;
      for (std::size_t k = 0; k < 5; ++k) v = v * 2 + bits[i + k];
      code += "0123456789ABCDEFGHJKMNPQRSTVWXYZ"[v];
    }
    return code;
  };
  ASSERT_TRUE(DecodeDecisionCode(e, craft(1, 0, 0, 1 * 13 + 4, 5))) << "the crafted layout matches the encoder";
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, craft(0, 0, 0, 0, 5))).find("this version of Kizuna can read (code format 0)"), std::string::npos);
  // Kinds 2 and 3 are round and join codes (round_code_test): named as such, not as a newer format.
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, craft(2, 0, 0, 0, 5))).find("This is a round code, not a decision code"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, craft(1, 5, 0, 0, 5))).find("names round 6, but the exercise has 3 rounds"), std::string::npos);
  EXPECT_NE(MessageOf(DecodeDecisionCode(e, craft(1, 0, 0, 30, 5))).find("out of range for team JP's levers"), std::string::npos);
}

TEST(DecisionCode, SessionChecksNameStaleFutureWrongTeamAndDuplicateCodes) {
  const Exercise& e = Small();
  Play play = StartPlay(e);
  const std::string jp1 = EncodeDecisionCode(e, {1, 0, {1, 4}});
  const std::string jp1other = EncodeDecisionCode(e, {1, 0, {1, 5}});
  const std::string us2 = EncodeDecisionCode(e, {2, 1, {1, 2}});
  const std::string us3 = EncodeDecisionCode(e, {3, 1, {1, 2}});
  EXPECT_NE(MessageOf(CheckDecisionCode(e, play, us2)).find("but the session is still in round 1"), std::string::npos);
  EXPECT_NE(MessageOf(CheckDecisionCode(e, play, jp1, 1)).find("team JP's code, not team US's"), std::string::npos);
  ASSERT_TRUE(EnterDecisionCode(e, play, jp1));
  EXPECT_NE(MessageOf(CheckDecisionCode(e, play, jp1)).find("already entered"), std::string::npos);
  EXPECT_NE(MessageOf(CheckDecisionCode(e, play, jp1other)).find("has already decided round 1 with a different decision"), std::string::npos);
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  EXPECT_NE(MessageOf(CheckDecisionCode(e, play, jp1)).find("round 1, which is closed"), std::string::npos);
  ASSERT_TRUE(AdvanceRound(e, play).empty());
  EXPECT_NE(MessageOf(CheckDecisionCode(e, play, us3)).find("Team US does not decide in round 3"), std::string::npos);
}

}  // namespace
}  // namespace kz::test
