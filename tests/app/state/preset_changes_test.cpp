// What was changed from the preset, item by item, and each item undone on its own: a lever, an added
// shock, a removed shock and a framework's members. A link's recipient sees the same list.
#include "state/preset_changes.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "../../core/bundled_scenarios.hpp"
#include "kizuna/link.hpp"

namespace {

using kz::PresetChangeKind;

std::string Text(const char* id) { return kz::test::ReadBundledText(id).value(); }

kz::Event Fire() {
  kz::Event event;
  event.id = "user-fire";
  event.name.en = "Magnet plant fire";
  event.kind = kz::EventKind::CapacityLoss;
  event.regions = {"JP"};
  event.goods = {"re_magnet"};
  event.fraction = 0.5;
  event.start = 2;
  event.duration = 3;
  return event;
}

std::vector<PresetChangeKind> Kinds(const std::vector<kz::PresetChange>& changes) {
  std::vector<PresetChangeKind> kinds;
  for (const kz::PresetChange& c : changes) kinds.push_back(c.kind);
  return kinds;
}

TEST(PresetChanges, ListsEveryKindOfChangeAndEachUndoesAlone) {
  kz::Session session;
  ASSERT_TRUE(session.Load(Text("us-jp-steering-committee"), Text("default-world")).empty());
  EXPECT_TRUE(kz::ChangesFromPreset(session, kz::UiText()).empty()) << "a preset as loaded has no changes";
  const std::string shock = session.scenario().events.front().id;
  ASSERT_TRUE(session.SetLever("policy.JP.responseLagMonths", 1).empty());
  ASSERT_TRUE(session.AddEvent(Fire()).empty());
  ASSERT_TRUE(session.RemoveEvent(shock).empty());
  ASSERT_TRUE(session.SetMember("us-jp-steering", "KR", true).empty());
  const std::vector<kz::PresetChange> changes = kz::ChangesFromPreset(session, kz::UiText());
  ASSERT_EQ(Kinds(changes), (std::vector<PresetChangeKind>{PresetChangeKind::Lever, PresetChangeKind::AddedShock,
                                                             PresetChangeKind::RemovedShock, PresetChangeKind::Members}));
  EXPECT_EQ(changes[0].id, "policy.JP.responseLagMonths");
  EXPECT_EQ(changes[0].value, 1.0);
  EXPECT_EQ(changes[1].name, "Magnet plant fire");
  EXPECT_EQ(changes[2].id, shock);

  // A link's recipient sees the same list.
  kz::Expected<kz::ScenarioLink> link = kz::LinkFromScenario(session.preset(), session.scenario());
  ASSERT_TRUE(link.ok());
  kz::Session recipient;
  ASSERT_TRUE(recipient.OpenLink(Text("us-jp-steering-committee"), Text("default-world"), link.value()).empty());
  EXPECT_EQ(Kinds(kz::ChangesFromPreset(recipient, kz::UiText())), Kinds(changes));

  // Each undone on its own: the lever, the added shock, the removed one, the members.
  ASSERT_TRUE(session.ResetLever(changes[0].id).empty());
  ASSERT_TRUE(session.RemoveEvent(changes[1].id).empty());
  ASSERT_NE(kz::PresetShock(session, changes[2].id), nullptr);
  ASSERT_TRUE(session.AddEvent(*kz::PresetShock(session, changes[2].id)).empty());
  ASSERT_TRUE(session.SetMember(changes[3].id, "KR", false).empty());
  EXPECT_TRUE(kz::ChangesFromPreset(session, kz::UiText()).empty());
}

}  // namespace
