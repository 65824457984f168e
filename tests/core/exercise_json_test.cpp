// Exercise files: the small fixture and the bundled exercises load; malformed files give one
// message naming the JSON path and the rule; bundled exercises' numbers all have sources.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "exercise_fixtures.hpp"
#include "kizuna/provenance.hpp"

namespace kz::test {
namespace {

// The problems of loading the fixture with `from` replaced by `to`, joined.
std::string ProblemsOfVariant(std::string_view from, std::string_view to) {
  Expected<Exercise> exercise = LoadExerciseText(Replace(SmallExerciseJson(), from, to));
  if (exercise) return "(loaded)";
  return AllProblems(exercise.problems());
}

TEST(ExerciseJson, LoadsTheSmallExercise) {
  const Exercise e = MustLoad(SmallExerciseJson());
  EXPECT_EQ(e.id, "small");
  ASSERT_EQ(e.teams.size(), 3u);
  EXPECT_EQ(e.teams[1].levers[1].Steps(), 5);
  EXPECT_EQ(e.teams[0].levers[1].ValueAt(3), 1.5);
  EXPECT_EQ(e.teams[1].decisionRounds, (std::vector<int>{1, 2}));
  ASSERT_EQ(e.injects.size(), 2u);
  EXPECT_TRUE(e.injects[1].hasEvent);
  EXPECT_EQ(e.injects[1].event.id, "cn-halt-2");
  EXPECT_EQ(e.injects[1].event.targets, (std::vector<std::string>{"JP", "US"}));
  EXPECT_TRUE(std::none_of(e.scenario.events.begin(), e.scenario.events.end(), [](const Event& ev) { return ev.id == "cn-halt-2"; }));
  EXPECT_EQ(e.RoundStartMonth(3), 8);
  EXPECT_NE(e.contentHash, 0u);
  EXPECT_TRUE(ExerciseNumbersWithoutProvenance(e).empty());
}

TEST(ExerciseJson, ContentHashIgnoresCarriageReturnsButNotContent) {
  std::string crlf;
  for (const char c : SmallExerciseJson()) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_EQ(MustLoad(crlf).contentHash, MustLoad(SmallExerciseJson()).contentHash);
  EXPECT_NE(MustLoad(Replace(SmallExerciseJson(), "\"w\"", "\"v\"")).contentHash, MustLoad(SmallExerciseJson()).contentHash);
}

struct Malformed {
  const char* from;
  const char* to;
  const char* expected;  // a substring of the problems
};

TEST(ExerciseJson, MalformedFilesNameThePathAndTheRule) {
  const Malformed cases[] = {
      {"\"format\": 1", "\"format\": 2", "format: this exercise was written for a newer version of Kizuna"},
      {"\"format\": 1,", "", "format: required field is missing"},
      {"\"id\": \"small\"", "\"id\": \"sm all\"", "id: must be 1-64 characters"},
      {"\"title\": {\"en\": \"Small\", \"ja\": \"小\"}", "\"title\": 3", "title: must be an object, got number"},
      {"\"base\": \"two-sector\"", "\"base\": \"nowhere\"", "base: 'nowhere'"},
      {"\"policies\":", "\"base\": \"x\", \"policies\":", "scenario.base: the preset is the exercise's \"base\""},
      {"\"members\": [\"AU\"]", "\"members\": [\"XX\"]", "scenario.frameworks[0].members[0]"},
      {"\"count\": 3", "\"count\": 17", "rounds.count: must be a whole number in 1..16, got 17"},
      {"\"monthsPerRound\": 4", "\"monthsPerRound\": 9", "rounds: 3 rounds of 9 months exceed the scenario's horizon (24 months)"},
      {"\"path\": \"policy.JP.stockpile.re_oxide.targetMonths\"", "\"path\": \"policy.XX.stockpile.re_oxide.targetMonths\"",
       "teams[0].levers[1].path: \"policy.XX.stockpile.re_oxide.targetMonths\" is not a lever of scenario \"two-sector\""},
      {"\"min\": 0, \"max\": 6, \"step\": 0.5", "\"min\": 0, \"max\": 6, \"step\": 0.7", "teams[0].levers[1].step: max - min must be a whole number of steps"},
      {"\"min\": 0, \"max\": 6, \"step\": 0.5", "\"min\": 0, \"max\": 6, \"step\": 0", "teams[0].levers[1].step: must be > 0"},
      {"\"min\": 0, \"max\": 6, \"step\": 0.5", "\"min\": 0, \"max\": 30, \"step\": 0.5", "teams[0].levers[1]: the range 0..30 leaves the lever's own range 0..24"},
      {"\"min\": 0, \"max\": 6, \"step\": 0.5", "\"min\": 6, \"max\": 0, \"step\": 0.5", "teams[0].levers[1]: min must be <= max"},
      {"\"path\": \"join.pool.US\"", "\"path\": \"join.pool.JP\"", "teams[1].levers[0].path: a team may only join for its own region (US)"},
      {"\"path\": \"join.pool.US\"", "\"path\": \"join.club.US\"", "teams[1].levers[0].path: \"join.club.US\": the scenario has no framework 'club'"},
      {"{\"path\": \"join.pool.US\", \"min\": 0, \"max\": 1, \"step\": 1}", "{\"path\": \"join.pool.US\", \"min\": 0, \"max\": 2, \"step\": 1}",
       "teams[1].levers[0]: join levers go from 0 to 1 in steps of 1"},
      {"\"path\": \"framework.pool.jointInvestment.capacity\"", "\"path\": \"policy.US.investment.re_oxide.capacity\"",
       "teams[2].levers[0].path: \"policy.US.investment.re_oxide.capacity\" is already controlled by team US"},
      {"\"region\": \"AU\",", "\"region\": \"NZ\",", "teams[2].region: 'NZ' is not a region of scenario \"two-sector\""},
      {"\"id\": \"AU\"", "\"id\": \"US\"", "teams[2].id: duplicate team id 'US'"},
      {"\"decisionRounds\": [1, 2]", "\"decisionRounds\": [2, 1]", "teams[1].decisionRounds[1]: rounds must be listed in increasing order"},
      {"\"decisionRounds\": [1, 2]", "\"decisionRounds\": [4]", "teams[1].decisionRounds[0]: must be a round, 1..3"},
      {"\"objectives\": {\"en\": \"o\"}, \"briefing\": {\"en\": \"b\"}}\n  ]", "\"briefing\": {\"en\": \"b\"}}\n  ]", "teams[2].objectives: required field is missing"},
      {"\"teams\": [\"JP\"]", "\"teams\": [\"KR\"]", "injects[1].teams[0]: 'KR' is not a team"},
      {"\"round\": 2", "\"round\": 4", "injects[1].round: must be a whole number in 1..3, got 4"},
      {"\"start\": 5", "\"start\": 3", "injects[1].event.start: 3 is before round 2 starts (month 4); an inject cannot change the past"},
      {"\"regions\": [\"CN\"], \"targets\": [\"JP\", \"US\"]", "\"regions\": [\"XX\"], \"targets\": [\"JP\", \"US\"]", "injects[1].event.regions[0]"},
      {"\"kind\": \"exportRestriction\"", "\"kind\": \"ban\"", "injects[1].event.kind: must be one of"},
      {"\"id\": \"warning\"", "\"id\": \"halt\"", "injects[1].id: duplicate inject id 'halt'"},
      {"\"ownWeight\": 0.5", "\"ownWeight\": -1", "scoring.ownWeight: must be >= 0"},
      {"\"collectiveWeight\": 0.5", "\"collectiveWeight\": 0.5, \"goods\": [\"gold\"]", "scoring.goods[0]: 'gold' is not a good of the scenario"},
      {"\"noCooperation\": {}", "\"noCooperation\": {\"policy.JP.responseLagMonths\": 99}", "references.noCooperation.policy.JP.responseLagMonths"},
      {"\"noCooperation\": {}", "\"noCooperation\": {\"nonsense.path\": 1}", "references.noCooperation.nonsense.path: unknown lever"},
      {"\"noCooperation\": {}", "\"noCooperation\": {\"join.pool.US\": 0.5}", "references.noCooperation.join.pool.US: must be 0 or 1"},
      {"\"noCooperation\": {}, ", "", "references.noCooperation: required field is missing"},
      {"\"assumption\": \"test\"", "\"source\": \"nowhere\"", "provenance[0].source: 'nowhere' is not one of the file's sources"},
      {"\"briefing\": {\"en\": \"b\", \"ja\": \"説明\"}", "\"briefing\": {\"en\": \"b\", \"ja\": \"説明\"}, \"colour\": 1", "colour: unknown field"},
  };
  for (const Malformed& c : cases) {
    const std::string problems = ProblemsOfVariant(c.from, c.to);
    EXPECT_NE(problems.find(c.expected), std::string::npos) << "replacing " << c.from << "\nexpected: " << c.expected << "\ngot: " << problems;
  }
}

TEST(ExerciseJson, SyntaxErrorsAndOversizedFilesAreProblems) {
  EXPECT_NE(AllProblems(LoadExerciseText("{\"format\": 1,").problems()).find("not valid JSON"), std::string::npos);
  EXPECT_NE(AllProblems(LoadExerciseText("[]").problems()).find("must be an object, got array"), std::string::npos);
  const std::string big(kMaxExerciseJsonBytes + 1, ' ');
  EXPECT_NE(AllProblems(LoadExerciseText(big).problems()).find("too large"), std::string::npos);
}

TEST(ExerciseJson, TooManyCombinationsForACodeIsAProblem) {
  const std::string problems = ProblemsOfVariant("\"min\": 0, \"max\": 6, \"step\": 0.5", "\"min\": 0, \"max\": 24, \"step\": 0.0000001");
  EXPECT_NE(problems.find("teams[0].levers[1].step: at most 1,000,000 steps"), std::string::npos) << problems;
}

// Every bundled exercise: loads, every exercise number and every scenario number (with every
// inject's event) has a source or an assumption, and no provenance pattern is a typo.
TEST(ExerciseJson, BundledExercisesValidateAndAreSourced) {
  const std::vector<std::string> ids = {"rare-earth-squeeze", "chip-contingency"};
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(KIZUNA_TEST_ASSETS_DIR) + "/exercises")) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().stem().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(files, sorted) << "a bundled exercise must be listed here so it is checked";
  for (const std::string& id : ids) {
    const Expected<std::string> text = ReadExerciseText(id);
    ASSERT_TRUE(text) << id;
    const Exercise e = MustLoad(text.value());
    EXPECT_EQ(e.id, id);
    EXPECT_EQ(e.teams.size(), 4u) << id;
    EXPECT_TRUE(ExerciseNumbersWithoutProvenance(e).empty()) << id << ": " << ExerciseNumbersWithoutProvenance(e).front();
    for (const Inject& inject : e.injects) {
      EXPECT_FALSE(inject.text.ja.empty()) << id << " " << inject.id;
    }
    for (const ExerciseTeam& team : e.teams) EXPECT_FALSE(team.briefing.ja.empty()) << id << " " << team.id;
    Play play = StartPlay(e);
    while (play.CurrentRound() < e.rounds) AdvanceRound(e, play);
    Expected<Scenario> all = ScenarioAtRound(e, play, e.rounds);
    ASSERT_TRUE(all) << AllProblems(all.problems());
    for (const NumberInfo& n : NumbersWithoutProvenance(all.value())) ADD_FAILURE() << id << ": " << n.path << " has no source";
    EXPECT_TRUE(UnmatchedProvenance(all.value()).empty()) << id << ": " << AllProblems(UnmatchedProvenance(all.value()));
  }
}

}  // namespace
}  // namespace kz::test
