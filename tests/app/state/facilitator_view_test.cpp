// The facilitator's screen without drawing: the presenter view keeps private injects off the
// projector, the common picture turns to the latest public crisis when a round opens, the room's
// tally of who has decided, and the debrief chart's bars against the two reference runs.
#include "state/facilitator_view.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/engine.hpp"

namespace kz {
namespace {

const Exercise& Squeeze() {
  static const Exercise exercise = [] {
    std::ifstream file(std::string(KIZUNA_TEST_ASSETS_DIR) + "/exercises/rare-earth-squeeze.json", std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    Expected<Exercise> loaded = LoadExerciseJson(text.str(), [](std::string_view id) { return test::ReadBundledText(id); });
    EXPECT_TRUE(loaded) << (loaded ? "" : loaded.problems().front().ToString());
    return loaded ? loaded.value() : Exercise{};
  }();
  return exercise;
}

std::vector<std::string> Ids(const std::vector<const Inject*>& injects) {
  std::vector<std::string> ids;
  for (const Inject* inject : injects) ids.push_back(inject->id);
  return ids;
}

int IndexOf(const std::vector<Region>& regions, const std::string& id) {
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (regions[i].id == id) return static_cast<int>(i);
  }
  return -1;
}
int IndexOf(const std::vector<Good>& goods, const std::string& id) {
  for (std::size_t i = 0; i < goods.size(); ++i) {
    if (goods[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

TEST(FacilitatorView, ThePresenterViewListsOnlyPublicInjects) {
  const Exercise& ex = Squeeze();
  EXPECT_EQ(Ids(FacilitatorInjects(ex, 2, true)), std::vector<std::string>{"cn-halt-japan"});
  EXPECT_EQ(Ids(FacilitatorInjects(ex, 2, false)), (std::vector<std::string>{"cn-halt-japan", "jp-stock-note"}));
  EXPECT_EQ(PrivateInjectCount(ex, 2), 1);
  EXPECT_EQ(PrivateInjectCount(ex, 1), 0);
  for (int round = 1; round <= ex.rounds; ++round) {
    for (const Inject* inject : FacilitatorInjects(ex, round, true)) EXPECT_TRUE(inject->teams.empty()) << inject->id;
  }
}

TEST(FacilitatorView, ThePictureFollowsTheLatestPublicCrisisToItsWorstMonth) {
  const Exercise& ex = Squeeze();
  Play play = StartPlay(ex);
  const Selection start{IndexOf(ex.scenario.regions, "CN"), IndexOf(ex.scenario.goods, "electronics"), 0};
  ASSERT_GE(start.region, 0);
  ASSERT_GE(start.good, 0);
  const Scenario round1 = ScenarioAtRound(ex, play, 1).value();
  const Selection quiet = CrisisSelection(ex, round1, RunScenario(round1).value(), 1, "", start);
  EXPECT_EQ(quiet.region, start.region) << "no crisis yet: the selection stays";
  EXPECT_EQ(quiet.good, start.good);
  EXPECT_EQ(quiet.month, 0);

  ASSERT_TRUE(AdvanceRound(ex, play).empty());
  const Scenario round2 = ScenarioAtRound(ex, play, 2).value();
  const Results results2 = RunScenario(round2).value();
  ASSERT_NE(LatestCrisis(ex, 2, ""), nullptr);
  EXPECT_EQ(LatestCrisis(ex, 2, "")->id, "cn-halt-japan");
  const Selection halt = CrisisSelection(ex, round2, results2, 2, "", start);
  const int japan = IndexOf(round2.regions, "JP");
  EXPECT_EQ(halt.region, japan) << "the buyer cut off, not the seller";
  EXPECT_EQ(halt.good, IndexOf(round2.goods, "re_oxide")) << "Japan buys oxide: the ore it does not use runs short of nothing";
  EXPECT_GE(halt.month, 6) << "from the halt's start";
  const double worst = results2.fulfilment[results2.Index(halt.month, japan, halt.good)];
  EXPECT_LT(worst, 0.99) << "the month Japan runs short";
  for (const char* good : {"re_ore", "re_oxide"}) {
    for (int t = 6; t < results2.months; ++t) EXPECT_GE(results2.fulfilment[results2.Index(t, japan, IndexOf(round2.goods, good))], worst);
  }

  ASSERT_TRUE(AdvanceRound(ex, play).empty());
  const Scenario round3 = ScenarioAtRound(ex, play, 3).value();
  const Selection quota = CrisisSelection(ex, round3, RunScenario(round3).value(), 3, "", halt);
  EXPECT_EQ(quota.region, japan) << "a cut to every buyer keeps the region the room was watching";
  EXPECT_EQ(quota.good, IndexOf(round3.goods, "re_oxide"));
  EXPECT_GE(quota.month, 12);
  EXPECT_EQ(LatestCrisis(ex, 3, "US")->id, "cn-quota") << "a team's private news carries no event here";
}

TEST(FacilitatorView, AnInjectPrivateToATeamNeverMovesTheRoomsPicture) {
  Exercise ex = Squeeze();
  for (Inject& inject : ex.injects) {
    if (inject.id == "cn-quota") inject.teams = {"EU"};  // as if the quota were private news for the EU
  }
  EXPECT_EQ(LatestCrisis(ex, 3, "")->id, "cn-halt-japan");
  EXPECT_EQ(LatestCrisis(ex, 3, "EU")->id, "cn-quota");
  EXPECT_EQ(LatestCrisis(ex, 3, "JP")->id, "cn-halt-japan");
}

TEST(FacilitatorView, TheTallyCountsTeamsThatDecideThisRound) {
  Workshop workshop;
  workshop.Start(Squeeze());
  EXPECT_EQ(TallyDecisions(workshop).decided, 0);
  EXPECT_EQ(TallyDecisions(workshop).deciding, 4);
  ASSERT_TRUE(workshop.Decide(1, StepsAfterRound(workshop.exercise(), workshop.play(), 1)[1]).empty());
  EXPECT_EQ(TallyDecisions(workshop).decided, 1);
  ASSERT_TRUE(workshop.Advance().empty());
  EXPECT_EQ(TallyDecisions(workshop).decided, 0) << "a new round starts with no decision";
}

TEST(FacilitatorView, TheDebriefChartHasEveryTeamAndAllTeamsInThreeRuns) {
  const Exercise& ex = Squeeze();
  Play play = StartPlay(ex);
  ASSERT_TRUE(RecordDecision(ex, play, 0, {1, 3, 2}).empty());
  const Debrief debrief = MakeDebrief(ex, play).value();
  const std::vector<OutcomeBars> bars = DebriefChartBars(debrief);
  ASSERT_EQ(bars.size(), ex.teams.size() + 1);
  for (std::size_t t = 0; t < ex.teams.size(); ++t) {
    EXPECT_EQ(bars[t].team, ex.teams[t].id);
    EXPECT_EQ(bars[t].values[0], debrief.played.teams[t].score);
    EXPECT_EQ(bars[t].values[1], debrief.noCooperation.teams[t].score);
    EXPECT_EQ(bars[t].values[2], debrief.fullCooperation.teams[t].score);
    for (const double value : bars[t].values) EXPECT_LE(value, DebriefChartScale(bars, false));
  }
  EXPECT_EQ(bars.back().team, "");
  EXPECT_EQ(bars.back().values[0], debrief.played.collective);
  EXPECT_EQ(DebriefChartScale(bars, true),
            std::max({1.0, debrief.played.collective, debrief.noCooperation.collective, debrief.fullCooperation.collective}));
  EXPECT_NE(debrief.played.collective, debrief.fullCooperation.collective) << "the references are runs of their own";
  EXPECT_EQ(DebriefChartScale({}, false), 1.0);
}

}  // namespace
}  // namespace kz
