// A framework rule that is switched on but moves no goods is named under its switch, never silent:
// the session finds why once per edit.
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

TEST(IdleRule, AScenarioWithoutFrameworksHasNone) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("re-2010-japan"), Text("default-world")).empty());
  EXPECT_EQ(session.IdleRuleReason("framework.x.stockpilePool.enabled"), std::nullopt);
}

}  // namespace
