// A framework rule that is switched on but moves no goods is named under its switch, never silent:
// the session finds why once per edit, and not during a drag.
#include <gtest/gtest.h>

#include <string>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/levers.hpp"
#include "state/session.hpp"

namespace {

std::string Text(const std::string& id) { return kz::test::ReadBundledText(id).value(); }

TEST(IdleRule, TheSteeringCommitteesPoolUnderARestrictionOnEveryoneMovesNoStock) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("us-jp-steering-committee"), Text("default-world")).empty());
  EXPECT_EQ(session.IdleRuleReason("framework.us-jp-steering.stockpilePool.enabled"), kz::IdleReason::PoolNoSpare);
  EXPECT_EQ(session.IdleRuleReason("framework.us-jp-steering.informationSharing.enabled"), std::nullopt)
      << "sharing shortens the members' lag: it acts";
  EXPECT_EQ(session.IdleRuleReason("policy.JP.responseLagMonths"), std::nullopt) << "not a rule's switch";
}

TEST(IdleRule, APartnerPriorityThatNoMemberSellerNeedsIsNamed) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("two-sector-coalition"), Text("default-world")).empty());
  const std::string priority = "framework." + session.scenario().frameworks[0].id + ".partnerPriority.enabled";
  EXPECT_EQ(session.IdleRuleReason(priority), kz::IdleReason::NoEffect);
  const std::string pool = "framework." + session.scenario().frameworks[0].id + ".stockpilePool.enabled";
  EXPECT_EQ(session.IdleRuleReason(pool), std::nullopt) << "a halt to Japan alone: the club's pool pays";
}

// A drag sets a lever every frame: the reasons (a run per enabled rule) are not found again on each
// of its edits, only once it ends, and then for the scenario as the drag left it.
TEST(IdleRule, ADragFindsTheReasonsOnceItEndsNotOnEveryEdit) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("us-jp-steering-committee"), Text("default-world")).empty());
  const std::string sharing = "framework.us-jp-steering.informationSharing.enabled";
  EXPECT_EQ(session.IdleRuleReason(sharing), std::nullopt);
  EXPECT_EQ(session.idleRuleSearches(), 1);
  EXPECT_EQ(session.IdleRuleReason("framework.us-jp-steering.stockpilePool.enabled"), kz::IdleReason::PoolNoSpare);
  EXPECT_EQ(session.idleRuleSearches(), 1) << "found once per edit";

  session.SetDragging(true);
  for (const double fraction : {0.4, 0.3, 0.2, 0.1, 0.0}) {  // the restriction dragged away
    ASSERT_TRUE(session.SetLever("event.cn-re-controls-stress.fraction", fraction).empty());
    EXPECT_EQ(session.IdleRuleReason(sharing), std::nullopt) << "the reasons found before the drag stand";
  }
  EXPECT_EQ(session.idleRuleSearches(), 1) << "no search during the drag";

  session.SetDragging(false);
  EXPECT_EQ(session.IdleRuleReason(sharing), kz::IdleReason::NoEffect) << "no restriction: sharing has nothing to speed up";
  EXPECT_EQ(session.IdleRuleReason(sharing), kz::IdleReason::NoEffect);
  EXPECT_EQ(session.idleRuleSearches(), 2) << "one search once the drag ends";
  ASSERT_TRUE(session.SetLever("event.cn-re-controls-stress.fraction", 0.5).empty());
  EXPECT_EQ(session.IdleRuleReason(sharing), std::nullopt) << "an edit outside a drag is found at once";
  EXPECT_EQ(session.idleRuleSearches(), 3);
}

TEST(IdleRule, AScenarioWithoutFrameworksHasNone) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("re-2010-japan"), Text("default-world")).empty());
  EXPECT_EQ(session.IdleRuleReason("framework.x.stockpilePool.enabled"), std::nullopt);
}

// A substitution's cost moved below its good's normal price is counted at that price, and the
// levers panel says so under it rather than letting the lever change nothing silently.
TEST(IdleRule, ASubstitutionCostBelowTheGoodsPriceIsNamed) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("neon-2022"), Text("default-world")).empty());
  auto counted = [&](const std::string& path) {
    for (const kz::LeverInfo& lever : session.levers()) {
      if (lever.path == path) return session.CostCountedAtNormalPrice(lever);
    }
    ADD_FAILURE() << "no lever " << path;
    return false;
  };
  const std::string cost = "policy.JP.substitution.neon.costPerUnit";
  EXPECT_FALSE(counted(cost)) << "the preset's cost is neon's normal price";
  ASSERT_TRUE(session.SetLever(cost, 50000.0).empty());
  EXPECT_TRUE(counted(cost));
  EXPECT_FALSE(counted("policy.JP.substitution.neon.maxReduction")) << "not a cost";
  EXPECT_FALSE(counted("policy.JP.responseLagMonths"));
}

}  // namespace
