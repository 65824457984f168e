// AnalyzeCoalition's glue: one simulation per subset of candidates, the characteristic function and
// derived figures consistent with each other and with the baseline (the scenario without the
// framework), the problems it reports, and cancellation. Built on engine_fixtures.hpp's ore -> magnet
// chain with a framework of A and B sharing information.
#include "kizuna/coalition_analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "bundled_scenarios.hpp"
#include "engine_fixtures.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/synthetic.hpp"
#include "kizuna/welfare.hpp"

namespace kz {
namespace {

using test::MakeEvent;
using test::OreMagnetChain;

using test::AllProblems;

TEST(CoalitionAnalysis, RunsEverySubsetOfTheCandidatesAndReportsProgress) {
  std::vector<double> fractions;
  const Expected<CoalitionAnalysis> result =
      AnalyzeCoalition(test::OreClubScenario(), "ore-club", {"A", "B", "C"}, [&](double f) {
        fractions.push_back(f);
        return true;
      });
  ASSERT_TRUE(result.ok()) << AllProblems(result.problems());
  const CoalitionAnalysis& a = result.value();
  EXPECT_EQ(a.frameworkId, "ore-club");
  EXPECT_EQ(a.candidates, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(a.regionIds, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(a.subsetValue.size(), 8U);
  EXPECT_EQ(a.regionGain.size(), 8U * 3U);
  EXPECT_EQ(a.subsetValue[0], 0.0);
  for (std::size_t r = 0; r < 3; ++r) EXPECT_EQ(a.regionGain[r], 0.0);  // the empty coalition is the baseline
  EXPECT_EQ(a.shapley.size(), 3U);
  EXPECT_EQ(a.gainInside.size(), 3U);
  EXPECT_EQ(a.gainOutside.size(), 3U);
  EXPECT_EQ(a.incentiveToJoin.size(), 3U);
  EXPECT_EQ(a.nonMemberEffectByRegion.size(), 3U);
  // One call per subset, rising to exactly 1.
  ASSERT_EQ(fractions.size(), 8U);
  for (std::size_t k = 0; k < fractions.size(); ++k) EXPECT_DOUBLE_EQ(fractions[k], static_cast<double>(k + 1) / 8.0);
}

TEST(CoalitionAnalysis, CandidatesDefaultToTheFrameworksMembers) {
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(test::OreClubScenario(), "ore-club", {});
  ASSERT_TRUE(result.ok()) << AllProblems(result.problems());
  EXPECT_EQ(result.value().candidates, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(result.value().subsetValue.size(), 4U);
}

TEST(CoalitionAnalysis, FiguresAreConsistentWithTheCharacteristicFunction) {
  const Scenario s = test::OreClubScenario();
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(s, "ore-club", {"B", "C", "A"});
  ASSERT_TRUE(result.ok()) << AllProblems(result.problems());
  const CoalitionAnalysis& a = result.value();
  const std::size_t regions = a.regionIds.size();
  // Candidate i is bit i; its column in regionGain is its region's index (B=1, C=2, A=0).
  const std::size_t column[] = {1, 2, 0};
  for (std::uint32_t mask = 0; mask < 8; ++mask) {
    double members = 0.0;
    for (int i = 0; i < 3; ++i) members += ((mask >> i) & 1U) ? a.regionGain[mask * regions + column[i]] : 0.0;
    EXPECT_DOUBLE_EQ(a.subsetValue[mask], members) << "mask " << mask;
  }
  const double grand = a.subsetValue[7];
  EXPECT_NEAR(std::accumulate(a.shapley.begin(), a.shapley.end(), 0.0), grand, 1e-9 * (1.0 + std::fabs(grand)));
  const CoreCheck core = CheckCore(a.Game(), a.shapley, 1e-6 * (1.0 + std::fabs(grand)));
  EXPECT_EQ(a.core.inCore, core.inCore);
  EXPECT_EQ(a.core.blockingCoalition, core.blockingCoalition);
  for (int i = 0; i < 3; ++i) {
    const std::uint32_t others = 7U & ~(1U << i);
    EXPECT_EQ(a.gainInside[i], a.regionGain[7 * regions + column[i]]);
    EXPECT_EQ(a.gainOutside[i], a.regionGain[others * regions + column[i]]);
    EXPECT_EQ(a.incentiveToJoin[i], a.gainInside[i] - a.gainOutside[i]);
  }
  // Every region is a candidate here: nobody is left outside.
  EXPECT_EQ(a.nonMemberEffect, 0.0);
  for (const double effect : a.nonMemberEffectByRegion) EXPECT_EQ(effect, 0.0);
  // The baseline is the scenario with the framework removed.
  Scenario without = s;
  without.frameworks.clear();
  EXPECT_EQ(a.baselineWelfare, RegionWelfare(test::RunOrFail(without)));
}

TEST(CoalitionAnalysis, NonMemberEffectSumsTheRegionsOutside) {
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(test::OreClubScenario(), "ore-club", {"A", "B"});
  ASSERT_TRUE(result.ok()) << AllProblems(result.problems());
  const CoalitionAnalysis& a = result.value();
  ASSERT_EQ(a.nonMemberEffectByRegion.size(), 3U);
  EXPECT_EQ(a.nonMemberEffectByRegion[0], 0.0);  // A: a candidate
  EXPECT_EQ(a.nonMemberEffectByRegion[1], 0.0);  // B: a candidate
  EXPECT_EQ(a.nonMemberEffectByRegion[2], a.regionGain[3 * 3 + 2]);  // C, with A and B in
  EXPECT_EQ(a.nonMemberEffect, a.nonMemberEffectByRegion[2]);
}

TEST(CoalitionAnalysis, NamesAnUnknownFramework) {
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(test::OreClubScenario(), "no-such-club", {});
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1U);
  EXPECT_EQ(result.problems()[0].path, "framework");
  EXPECT_NE(result.problems()[0].message.find("no-such-club"), std::string::npos);
  EXPECT_NE(result.problems()[0].message.find("ore-club"), std::string::npos);  // lists the ones there are
}

TEST(CoalitionAnalysis, NamesUnknownAndRepeatedCandidatesByIndex) {
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(test::OreClubScenario(), "ore-club", {"A", "XX", "B", "A"});
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 2U) << AllProblems(result.problems());
  EXPECT_EQ(result.problems()[0].path, "candidates[1]");
  EXPECT_NE(result.problems()[0].message.find("unknown region 'XX'"), std::string::npos);
  EXPECT_EQ(result.problems()[1].path, "candidates[3]");
  EXPECT_NE(result.problems()[1].message.find("candidates[0]"), std::string::npos);
}

TEST(CoalitionAnalysis, RejectsMoreThanTwelveCandidates) {
  SyntheticSpec spec;
  spec.regions = 13;
  spec.goods = 2;
  spec.months = 6;
  Scenario s = MakeSyntheticScenario(spec);
  Framework all;
  all.id = "everyone";
  all.name.en = "Everyone";
  for (const Region& region : s.regions) all.members.push_back(region.id);
  s.frameworks.push_back(all);
  const Expected<CoalitionAnalysis> fromMembers = AnalyzeCoalition(s, "everyone", {});
  ASSERT_FALSE(fromMembers.ok());
  EXPECT_EQ(fromMembers.problems()[0].path, "frameworks[0].members");
  EXPECT_NE(fromMembers.problems()[0].message.find("at most 12"), std::string::npos);
  const Expected<CoalitionAnalysis> listed = AnalyzeCoalition(s, "everyone", all.members);
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.problems()[0].path, "candidates");
}

TEST(CoalitionAnalysis, ReturnsTheScenariosProblemsWhenItIsInvalid) {
  Scenario s = test::OreClubScenario();
  s.horizonMonths = 0;
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(s, "ore-club", {});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problems()[0].path, "horizonMonths");
}

TEST(CoalitionAnalysis, StopsWhenProgressReturnsFalse) {
  int calls = 0;
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(test::OreClubScenario(), "ore-club", {"A", "B", "C"},
                                                              [&](double) { return ++calls < 3; });
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.problems().size(), 1U);
  EXPECT_EQ(result.problems()[0].path, "");
  EXPECT_EQ(result.problems()[0].message, "cancelled");
  EXPECT_EQ(calls, 3);  // no subset runs after the refusal
}

// Real values from the framework rules: information sharing cuts B's response lag from 12 months to
// 0. Without it B makes 6 of its 30 magnets in each month of the halt (12 t of ore from C, 2 t per
// magnet): 24 x 100 USD x 3 = 7,200 USD lost a month, 43,200 over months 1-6; it pays 4,320 for its
// ore over the year (6 months x 60 t + 6 months x 12 t, at 10 USD). As a member B responds the month
// after the first short one and re-sources all 48 t from C (spare 88 t, no qualification time): only
// month 1 is lost, 36,000 avoided. It pays the spot price for the re-sourced ore: its ore price index
// at the start of months 2-6 is 5, 3, 2, 1.5 and 1.25 (half the gap to normal closes each month), so
// 48 x 10 x 12.75 = 6,120 USD more, which C earns. B gains 36,000 - 6,120 = 29,880; A and C, as
// members, change nothing for B.
TEST(CoalitionAnalysis, InformationSharingPaysTheLaggedMember) {
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(test::OreClubScenario(), "ore-club", {"A", "B"});
  ASSERT_TRUE(result.ok()) << AllProblems(result.problems());
  const CoalitionAnalysis& a = result.value();
  EXPECT_NEAR(a.baselineWelfare[1], -43200.0 - 4320.0, 1e-6);
  EXPECT_NEAR(a.subsetValue[3], 29880.0, 1e-6);  // {A, B}
  EXPECT_NEAR(a.subsetValue[2], 29880.0, 1e-6);  // {B}: its own lag is what matters
  EXPECT_NEAR(a.subsetValue[1], 0.0, 1e-6);      // {A}
  EXPECT_NEAR(a.shapley[0], 0.0, 1e-6);          // A is a null player
  EXPECT_NEAR(a.shapley[1], 29880.0, 1e-6);
  EXPECT_NEAR(a.gainInside[1], 29880.0, 1e-6);
  EXPECT_NEAR(a.gainOutside[1], 0.0, 1e-6);      // A's membership alone does not help B
  EXPECT_NEAR(a.incentiveToJoin[1], 29880.0, 1e-6);
  EXPECT_TRUE(a.core.inCore);
}


// The analysis compiles everything but the frameworks once (CompileNetworkBase) and only the
// frameworks per subset: every subset must give exactly what compiling that membership from
// scratch gives. The bundled coalition scenario's club has information sharing, a stockpile pool,
// partner priority and joint investment; coordinated export controls are added to it here.
TEST(CoalitionAnalysis, EverySubsetMatchesCompilingThatMembershipFromScratch) {
  Scenario scenario = test::LoadBundled("two-sector-coalition");
  ASSERT_EQ(scenario.frameworks.size(), 1U);
  Framework& club = scenario.frameworks[0];
  ASSERT_FALSE(club.members.empty());
  CoordinatedExportControlRule& controls = club.exportControls;
  controls.enabled = true;
  controls.goods = {scenario.goods.front().id};
  for (const Region& region : scenario.regions) {
    if (std::find(club.members.begin(), club.members.end(), region.id) == club.members.end()) {
      controls.targets.push_back(region.id);
    }
  }
  ASSERT_FALSE(controls.targets.empty());
  controls.fraction = 0.5;
  controls.start = 2;
  controls.duration = 6;
  const Expected<CoalitionAnalysis> result = AnalyzeCoalition(scenario, club.id, {});
  ASSERT_TRUE(result.ok()) << AllProblems(result.problems());
  const CoalitionAnalysis& a = result.value();
  const std::size_t regions = a.regionIds.size();
  for (std::size_t s = 0; s < a.subsetValue.size(); ++s) {
    Scenario subset = scenario;
    subset.frameworks[0].members.clear();
    for (std::size_t i = 0; i < a.candidates.size(); ++i) {
      if ((s >> i) & 1U) subset.frameworks[0].members.push_back(a.candidates[i]);
    }
    if (subset.frameworks[0].members.empty()) subset.frameworks.clear();  // the baseline: no framework
    Expected<Simulation> simulation = Simulation::Create(subset);
    ASSERT_TRUE(simulation.ok()) << AllProblems(simulation.problems());
    Results results;
    simulation.value().Run(results);
    const std::vector<double> welfare = RegionWelfare(results);
    for (std::size_t r = 0; r < regions; ++r) {
      EXPECT_EQ(a.regionGain[s * regions + r], welfare[r] - a.baselineWelfare[r]) << "subset " << s << ", region " << r;
    }
  }
}

}  // namespace
}  // namespace kz
