// Every bundled scenario carries a risk register that makes Monte Carlo mean something: at least one
// hazard, every hazard named in both languages, its numbers sourced or labelled as assumptions, its
// yearly chance taken from the record (a cited source, not a guess), and a sweep over it that
// spreads the results (the 5th and 95th percentiles differ somewhere in the preset's subject region).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "bundled_scenarios.hpp"
#include "kizuna/montecarlo.hpp"
#include "kizuna/provenance.hpp"

namespace kz {
namespace {

// Enough runs that a hazard striking one run in ten a year shows in the tails; few enough for wasm.
constexpr int kRuns = 200;

class BundledRisks : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledRisks, HasARegisterOfNamedHazards) {
  const Scenario s = test::LoadBundled(GetParam());
  ASSERT_FALSE(s.risks.empty()) << GetParam() << ": no risk register, so every Monte Carlo run is the deterministic run";
  for (const Hazard& hazard : s.risks) {
    EXPECT_FALSE(hazard.name.en.empty()) << GetParam() << ": hazard " << hazard.id << " has no English name";
    EXPECT_FALSE(hazard.name.ja.empty()) << GetParam() << ": hazard " << hazard.id << " has no Japanese name";
    EXPECT_GT(hazard.annualProbability, 0.0) << GetParam() << ": hazard " << hazard.id << " never strikes";
  }
}

// Each hazard's numbers resolve to a source or an assumption; its yearly chance to a source.
TEST_P(BundledRisks, EveryHazardCitesTheRecordOrIsAnAssumption) {
  const Scenario s = test::LoadBundled(GetParam());
  std::string uncovered;
  std::string unsourcedChance;
  for (const NumberProvenance& item : ResolveProvenance(s)) {
    const std::string& path = item.number.path;
    if (path.rfind("risk.", 0) != 0) continue;
    if (!item.covered()) uncovered += "\n  " + path;
    const bool isChance = path.size() > 18 && path.compare(path.size() - 18, 18, ".annualProbability") == 0;
    if (isChance && item.source == kNoProvenance) unsourcedChance += "\n  " + path;
  }
  EXPECT_TRUE(uncovered.empty()) << GetParam() << ": hazard numbers with no source or assumption:" << uncovered;
  EXPECT_TRUE(unsourcedChance.empty()) << GetParam() << ": yearly chances not taken from a cited record:" << unsourcedChance;
}

// The fulfilment band of some (month, good) in the story's subject region (any region for the
// default world) is wider than a point: p5 < p95.
TEST_P(BundledRisks, MonteCarloBandsAreNotDegenerate) {
  const Scenario s = test::LoadBundled(GetParam());
  const Expected<MonteCarloResults> mc = RunMonteCarlo(s, kRuns, s.seed);
  ASSERT_TRUE(mc) << mc.problems().front().ToString();
  const MonteCarloResults& r = mc.value();
  const std::string& subject = s.presentation.subjectRegion;
  double widest = 0.0;
  for (int region = 0; region < r.runs.regions; ++region) {
    if (!subject.empty() && r.runs.regionIds[static_cast<std::size_t>(region)] != subject) continue;
    for (int t = 0; t < r.runs.months; ++t) {
      for (int g = 0; g < r.runs.goods; ++g) {
        const double p5 = r.bands[r.BandIndex(BandSeries::Fulfilment, 0, t, region, g)];
        const double p95 = r.bands[r.BandIndex(BandSeries::Fulfilment, 4, t, region, g)];
        EXPECT_LE(p5, p95 + 1e-12);
        widest = std::max(widest, p95 - p5);
      }
    }
  }
  EXPECT_GT(widest, 1e-3) << GetParam() << ": every fulfilment band" << (subject.empty() ? "" : " in " + subject)
                          << " is a point (p5 == p95): the register never changes the story";
  // And the runs differ in total loss: the 5% worst cost more than the average.
  EXPECT_GT(r.cvar95, r.expectedTotalLoss) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Assets, BundledRisks, ::testing::ValuesIn(test::BundledScenarioIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) c = (c == '-') ? '_' : c;
                           return name;
                         });

}  // namespace
}  // namespace kz
