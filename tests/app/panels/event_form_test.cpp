#include "panels/event_form.hpp"

#include <gtest/gtest.h>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/validate.hpp"

namespace {

kz::Scenario World() { return kz::test::LoadBundled("default-world"); }

TEST(EventForm, BuildsAValidNamedShockWithANewId) {
  kz::Scenario world = World();
  kz::EventFormState form;
  form.kind = static_cast<int>(kz::EventKind::ExportRestriction);
  form.region = 2;  // CN
  form.target = 1;  // JP
  form.good = 1;
  form.strength = 0.7f;
  const kz::Event first = kz::EventFromForm(world, form);
  EXPECT_EQ(first.kind, kz::EventKind::ExportRestriction);
  EXPECT_EQ(first.regions, std::vector<std::string>{world.regions[2].id});
  EXPECT_EQ(first.targets, std::vector<std::string>{world.regions[1].id});
  EXPECT_NE(first.name.en.find(world.regions[1].name.en), std::string::npos) << first.name.en;
  EXPECT_FLOAT_EQ(static_cast<float>(first.fraction), 0.7f);
  world.events.push_back(first);
  EXPECT_TRUE(kz::ValidateScenario(world).empty());
  const kz::Event second = kz::EventFromForm(world, form);
  EXPECT_NE(second.id, first.id) << "ids stay unique";
}

TEST(EventForm, OnlyRestrictionsAndChokepointsNameBuyers) {
  const kz::Scenario world = World();
  kz::EventFormState form;
  form.kind = static_cast<int>(kz::EventKind::CapacityLoss);
  form.target = 1;
  EXPECT_TRUE(kz::EventFromForm(world, form).targets.empty());
  form.kind = static_cast<int>(kz::EventKind::Chokepoint);
  form.target = -1;  // everyone else
  EXPECT_TRUE(kz::EventFromForm(world, form).targets.empty());
  form.recoveryMonths = 6;
  EXPECT_EQ(kz::EventFromForm(world, form).recovery, kz::RecoveryShape::Linear);
}

TEST(EventForm, OpensOnTheLargestProducerOfTheGood) {
  const kz::Scenario world = World();
  int oxide = 0;
  while (world.goods[static_cast<std::size_t>(oxide)].id != "re_oxide") ++oxide;
  EXPECT_EQ(world.regions[static_cast<std::size_t>(kz::LargestProducer(world, oxide))].id, "CN");  // IEA: ~87% of separation
  EXPECT_EQ(kz::LargestProducer(world, -1), 0);
}

}  // namespace
