// Every bundled scenario loads, is valid, runs with the engine's invariants intact, starts from a
// steady baseline where it should, and has a source or an assumption behind every number.
// (tests/cli checks with the CLI that the directory holds no scenario missing from this list.)
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "bundled_scenarios.hpp"
#include "engine_fixtures.hpp"
#include "kizuna/provenance.hpp"

namespace kz {
namespace {

class BundledScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(BundledScenario, LoadsRunsAndKeepsTheInvariants) {
  const Scenario s = test::LoadBundled(GetParam());
  ASSERT_EQ(s.id, GetParam());
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
}

TEST_P(BundledScenario, EveryNumberHasASourceOrAnAssumption) {
  const Scenario s = test::LoadBundled(GetParam());
  std::string missing;
  for (const NumberInfo& number : NumbersWithoutProvenance(s)) missing += "\n  " + number.path;
  EXPECT_TRUE(missing.empty()) << GetParam() << ": numbers with no source or assumption:" << missing;
  for (const Problem& problem : UnmatchedProvenance(s)) ADD_FAILURE() << GetParam() << ": " << problem.ToString();
}

TEST_P(BundledScenario, PresetsTellTheirStoryInBothLanguages) {
  const Scenario s = test::LoadBundled(GetParam());
  EXPECT_FALSE(s.title.en.empty());
  EXPECT_FALSE(s.title.ja.empty());
  if (GetParam() == "default-world" || GetParam().rfind("two-sector", 0) == 0) return;  // not presets
  EXPECT_FALSE(s.narrative.en.empty()) << GetParam();
  EXPECT_FALSE(s.narrative.ja.empty()) << GetParam();
}

// A preset that changes a number of its base (through `set`, or by merging a policy) must say where
// the new value comes from: the entry covering it must be the preset's own, not the base's citation
// for the old value. Numbers the preset adds (events, frameworks, goods) are covered by its entries
// too, since the base has none for them.
TEST_P(BundledScenario, ChangedNumbersAreSourcedByThePresetItself) {
  const Scenario preset = test::LoadBundled(GetParam());
  if (GetParam() == "default-world" || GetParam().rfind("two-sector", 0) == 0) return;  // not presets
  const Scenario base = test::LoadBundled("default-world");
  std::map<std::string, double> baseValues;
  for (const NumberInfo& number : ListNumbers(base)) baseValues.emplace(number.path, number.value);
  std::string stale;
  for (const NumberProvenance& item : ResolveProvenance(preset)) {
    const auto it = baseValues.find(item.number.path);
    const bool changed = it == baseValues.end() || it->second != item.number.value;
    if (changed && item.covered() && item.entry < base.provenance.size()) stale += "\n  " + item.number.path;
  }
  EXPECT_TRUE(stale.empty()) << GetParam() << ": changed numbers still cited to the base's entries:" << stale;
}

// Every preset's world is sound on its own: with its shocks switched off (event fractions 0, and
// demand shocks too), nothing is short, so every shortfall a preset shows comes from its events.
TEST_P(BundledScenario, WithoutItsShocksNothingIsShort) {
  Scenario s = test::LoadBundled(GetParam());
  for (Event& event : s.events) event.fraction = 0.0;
  for (RegionPolicy& policy : s.policies) policy.exportControls.clear();
  const Results r = test::RunOrFail(s);
  double worst = 1.0;
  std::string where;
  for (int t = 0; t < r.months; ++t) {
    for (int region = 0; region < r.regions; ++region) {
      for (int g = 0; g < r.goods; ++g) {
        const double phi = r.fulfilment[r.Index(t, region, g)];
        if (phi < worst - 1e-12) {
          worst = phi;
          where = r.regionIds[static_cast<std::size_t>(region)] + " " + r.goodIds[static_cast<std::size_t>(g)] + " month " + std::to_string(t);
        }
      }
    }
  }
  EXPECT_GT(worst, 1.0 - 1e-9) << GetParam() << ": short without its shocks at " << where << " (" << worst << ")";
}

INSTANTIATE_TEST_SUITE_P(Assets, BundledScenario, ::testing::ValuesIn(test::BundledScenarioIds()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param;
                           for (char& c : name) c = (c == '-') ? '_' : c;
                           return name;
                         });

// The default world is the base of every preset: with no events it must be steady and fully met,
// or every preset would show shortfalls that are artefacts of the data.
TEST(DefaultWorld, BaselineIsSteadyAndFullyMet) {
  const Scenario s = test::LoadBundled("default-world");
  ASSERT_TRUE(s.events.empty());
  const Results r = test::RunOrFail(s);
  for (int t = 0; t < r.months; ++t) {
    for (int region = 0; region < r.regions; ++region) {
      for (int g = 0; g < r.goods; ++g) {
        ASSERT_NEAR(r.fulfilment[r.Index(t, region, g)], 1.0, 1e-9)
            << r.regionIds[static_cast<std::size_t>(region)] << " " << r.goodIds[static_cast<std::size_t>(g)] << " month " << t;
      }
    }
  }
}

}  // namespace
}  // namespace kz
