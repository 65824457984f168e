// The bundled hand-written scenario assets/scenarios/two-sector.json, checked against a hand
// calculation of its first disruption month (China halts oxide exports to Japan in month 3):
//   Japan needs 0.3 t oxide per t of magnets. Its magnet plant plans 1,305 t (90% of Japan's
//   1,200 t + 15% of the US's 1,500 t), so it orders 391.5 t oxide: 352.35 t from China (blocked)
//   and 39.15 t from Australia. Oxide fulfilment 10%; magnets made 130.5 t, shared pro rata:
//   Japan 108 t + 120 t from China = 228 of 1,200 (19%); the US 22.5 + 1,275 = 1,297.5 of 1,500.
//   Japan's stockpile (2 months x 391.5 t = 783 t) releases from month 4, after its 1-month lag,
//   at most 25% of target a month: 195.75 t, leaving 587.25 t.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine_fixtures.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz {
namespace {

Scenario LoadTwoSector() {
  std::ifstream file(std::string(KIZUNA_TEST_ASSETS_DIR) + "/scenarios/two-sector.json");
  std::ostringstream text;
  text << file.rdbuf();
  Expected<Scenario> scenario = LoadScenarioJson(text.str());
  if (!scenario) {
    ADD_FAILURE() << scenario.problems().front().ToString();
    return Scenario{};
  }
  return scenario.value();
}

TEST(TwoSector, OxideHaltMatchesTheHandCalculation) {
  const Scenario s = LoadTwoSector();
  ASSERT_EQ(s.id, "two-sector");
  const Results r = test::RunOrFail(s);
  test::ExpectInvariants(s, r);
  using test::At;
  constexpr double kEps = 1e-9;
  // Before the halt everything is met.
  EXPECT_NEAR(At(r, r.fulfilment, 2, "JP", "re_magnet"), 1.0, kEps);
  // Month 3, by hand (see the top of this file).
  EXPECT_NEAR(At(r, r.deliveries, 3, "JP", "re_oxide"), 39.15, kEps);
  EXPECT_NEAR(At(r, r.fulfilment, 3, "JP", "re_oxide"), 0.1, kEps);
  EXPECT_NEAR(At(r, r.production, 3, "JP", "re_magnet"), 130.5, kEps);
  EXPECT_NEAR(At(r, r.finalDelivered, 3, "JP", "re_magnet"), 228.0, kEps);
  EXPECT_NEAR(At(r, r.finalDelivered, 3, "US", "re_magnet"), 1297.5, kEps);
  EXPECT_NEAR(At(r, r.loss, 3, "JP", "re_magnet"), 972.0 * 60000.0 * 4.0, 1e-3);
  EXPECT_NEAR(At(r, r.stockpile, 3, "JP", "re_oxide"), 783.0, kEps);  // no release in the first short month
  EXPECT_NEAR(At(r, r.stockpile, 4, "JP", "re_oxide"), 587.25, kEps);
  // Why: Japan's oxide is short because of the halt (event 0) at China; its magnets for lack of oxide.
  const int jp = test::RegionIndex(r, "JP");
  const Constraint oxide = r.binding[r.Index(3, jp, test::GoodIndex(r, "re_oxide"))];
  EXPECT_EQ(oxide.kind, ConstraintKind::ExportRestriction);
  EXPECT_EQ(oxide.event, 0);
  EXPECT_EQ(oxide.region, test::RegionIndex(r, "CN"));
  const Constraint magnet = r.binding[r.Index(3, jp, test::GoodIndex(r, "re_magnet"))];
  EXPECT_EQ(magnet.kind, ConstraintKind::InputShortage);
  EXPECT_EQ(magnet.input, test::GoodIndex(r, "re_oxide"));
  // After the halt (months 3-4) Japan's magnets are fully supplied again.
  EXPECT_NEAR(At(r, r.fulfilment, 5, "JP", "re_magnet"), 1.0, kEps);
}

}  // namespace
}  // namespace kz
