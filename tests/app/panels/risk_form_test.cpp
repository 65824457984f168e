// The levers panel's Risks section, clicked as a user would: open it, add a hazard through the form,
// open a bundled hazard and save it unchanged, remove the new one; the single run never moves.
#include "panels/risk_form.hpp"

#include <gtest/gtest.h>

#include "../../core/bundled_scenarios.hpp"
#include "app_driver.hpp"
#include "headless_imgui.hpp"
#include "kizuna/results.hpp"

namespace {

using kz::test::Click;
using kz::test::DrawFrames;
using kz::test::ScrollTo;

TEST(RiskForm, AddsChangesAndRemovesHazardsFromTheLeversPanel) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  ASSERT_TRUE(app.session().Load(kz::test::ReadBundledText("re-2010-japan").value(),
                                 kz::test::ReadBundledText("default-world").value()).empty());
  const std::uint64_t run = kz::HashResults(app.session().results());
  const std::size_t hazards = app.session().scenario().risks.size();
  ASSERT_GT(hazards, 0u);
  DrawFrames(app, 2);
  ScrollTo(app, "risks");
  Click(app, "risks");  // the Risks section opens
  ScrollTo(app, "risk-edit:jp-quake");
  Click(app, "risk-edit:jp-quake");
  ScrollTo(app, "hazard-confirm");
  Click(app, "hazard-confirm");  // saved unchanged: nothing to undo
  EXPECT_EQ(app.session().scenario().risks, app.session().preset().risks) << app.statusText();
  EXPECT_FALSE(app.session().CanUndo());

  ScrollTo(app, "add-hazard");
  Click(app, "add-hazard");
  ScrollTo(app, "hazard-confirm");
  Click(app, "hazard-confirm");
  ASSERT_EQ(app.session().scenario().risks.size(), hazards + 1) << app.statusText();
  const std::string id = app.session().scenario().risks.back().id;
  EXPECT_EQ(id, "user-hazard-1");
  EXPECT_EQ(kz::HashResults(app.session().results()), run) << "hazards are Monte Carlo only";

  DrawFrames(app, 3);  // the closed form's space is gone: let the scroll position settle before aiming
  ScrollTo(app, ("risk-edit:" + id).c_str());
  Click(app, ("risk-edit:" + id).c_str());
  ScrollTo(app, "hazard-name");
  Click(app, "hazard-name");
  ImGui::GetIO().AddInputCharactersUTF8("Typhoon");
  DrawFrames(app, 2);
  ScrollTo(app, "hazard-confirm");
  Click(app, "hazard-confirm");
  EXPECT_EQ(app.session().scenario().risks.back().name.en, "Typhoon") << app.statusText();
  DrawFrames(app, 3);
  ScrollTo(app, ("risk-remove:" + id).c_str());
  Click(app, ("risk-remove:" + id).c_str());
  EXPECT_EQ(app.session().scenario().risks.size(), hazards) << app.statusText();
  EXPECT_TRUE(app.session().CanUndo()) << "the add and the removal are undo steps";
}

}  // namespace
