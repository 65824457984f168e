// The presenter's story in the app: built from views on screen (through the Story window and the
// page API), shared as one link, opened by a viewer on its first step, stepped with the keys while
// the levers stay live; a bad story link leaves the viewer's work as it was.
#include <gtest/gtest.h>

#include "../core/bundled_scenarios.hpp"
#include "app.hpp"
#include "app_driver.hpp"
#include "headless_imgui.hpp"
#include "kizuna/levers.hpp"
#include "page_api.hpp"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_text.hpp"
#include "story_api.hpp"

namespace {

using kz::test::Click;
using kz::test::DrawFrames;

constexpr const char* kHalt = "event.cn-halt-japan-2010.fraction";
constexpr const char* kLag = "policy.JP.responseLagMonths";

std::string Text(const char* id) { return kz::test::ReadBundledText(id).value(); }

void LoadPreset(kz::App& app) { ASSERT_TRUE(app.session().Load(Text("re-2010-japan"), Text("default-world")).empty()); }

double Lever(const kz::App& app, const char* path) { return kz::GetLever(app.session().scenario(), path).value(); }

void PressKey(kz::App& app, ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(key, true);
  DrawFrames(app, 1);
  io.AddKeyEvent(key, false);
  DrawFrames(app, 1);
}

// A presenter's two steps: the halt at 0.5 on magnets, then at 0.9 with a faster response, on oxide.
std::string TwoStepStoryLink() {
  kz::App presenter;
  LoadPreset(presenter);
  EXPECT_TRUE(presenter.session().SetLever(kHalt, 0.5).empty());
  EXPECT_TRUE(presenter.AddStoryStep("Half of the exports stop.", kz::kStoryFigureWorst).empty());
  EXPECT_TRUE(presenter.session().SetLever(kHalt, 0.9).empty());
  EXPECT_TRUE(presenter.session().SetLever(kLag, 1).empty());
  EXPECT_TRUE(kz::SelectByIds(presenter.session(), "JP", "re_oxide", 5).empty());
  EXPECT_TRUE(presenter.AddStoryStep("日本が早く動く。", kz::kStoryFigureLoss).empty());
  kz::Expected<std::string> link = presenter.ShareLink(kz::ShareKind::Story);
  EXPECT_TRUE(link.ok());
  return link.ok() ? link.value() : "";
}

// A viewer who opened the presenter's two-step story and drew it: the story is on its first step.
// Members are made in this order: the presenter's app comes and goes before the viewer's.
class StoryViewer : public ::testing::Test {
 protected:
  void SetUp() override {
    LoadPreset(viewer);
    ASSERT_TRUE(viewer.OpenLink(kz::DecodeLink(text).value(), Text("re-2010-japan"), Text("default-world")).empty());
    DrawFrames(viewer, 2);
  }

  kz::test::HeadlessImGui imgui;
  const std::string text = TwoStepStoryLink();
  kz::App viewer;
};

TEST_F(StoryViewer, AViewerOpensTheStoryOnItsFirstStepAndStepsWithTheKeys) {
  EXPECT_TRUE(viewer.story().Presenting());
  EXPECT_EQ(viewer.story().Current(), 0);
  EXPECT_EQ(Lever(viewer, kHalt), 0.5);
  EXPECT_TRUE(kz::FindLandmark("story-caption").has_value()) << "the caption is on screen";

  PressKey(viewer, ImGuiKey_RightArrow);
  EXPECT_EQ(viewer.story().Current(), 1);
  EXPECT_EQ(Lever(viewer, kHalt), 0.9);
  EXPECT_EQ(Lever(viewer, kLag), 1.0);
  EXPECT_EQ(viewer.session().scenario().goods[static_cast<std::size_t>(viewer.session().selection().good)].id, "re_oxide");
  EXPECT_EQ(viewer.session().selection().month, 5);
  EXPECT_TRUE(kz::FindLandmark("story-figure").has_value()) << "step 2 points at the value lost";

  // The viewer touches a lever; stepping back and forth re-applies each step's own scenario.
  ASSERT_TRUE(viewer.session().SetLever(kLag, 6).empty());
  EXPECT_TRUE(viewer.story().Presenting()) << "touching a lever keeps the story";
  PressKey(viewer, ImGuiKey_PageUp);
  EXPECT_EQ(viewer.story().Current(), 0);
  EXPECT_EQ(Lever(viewer, kHalt), 0.5);
  PressKey(viewer, ImGuiKey_PageDown);
  EXPECT_EQ(Lever(viewer, kLag), 1.0);
  PressKey(viewer, ImGuiKey_RightArrow);
  EXPECT_EQ(viewer.story().Current(), 1) << "the last step stays";
  PressKey(viewer, ImGuiKey_Escape);
  EXPECT_FALSE(viewer.story().Presenting());
  EXPECT_EQ(viewer.story().Count(), 2);
  for (const std::string& clipped : kz::ClippedTextLastFrame()) ADD_FAILURE() << "clipped: " << clipped;
}

TEST(StoryApp, ABadStoryLinkNamesTheStepAndKeepsTheWork) {
  kz::test::HeadlessImGui imgui;
  kz::ScenarioLink link = kz::DecodeLink(TwoStepStoryLink()).value();
  link.story[1].scene.levers.push_back({kLag, -3});
  kz::App viewer;
  LoadPreset(viewer);
  ASSERT_TRUE(viewer.session().SetLever(kHalt, 0.25).empty());
  const std::vector<kz::Problem> problems = viewer.OpenLink(link, Text("re-2010-japan"), Text("default-world"));
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().message.find("Story step 2"), std::string::npos) << problems.front().message;
  EXPECT_EQ(Lever(viewer, kHalt), 0.25) << "the viewer's work is untouched";
  EXPECT_FALSE(viewer.story().Presenting());
}

TEST(StoryApp, ThePresenterBuildsTheStoryInTheStoryWindow) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadPreset(app);
  DrawFrames(app, 2);
  Click(app, "share");
  Click(app, "share-story");
  ASSERT_TRUE(kz::FindLandmark("story-add").has_value()) << "Share > Story... opens the Story window";
  Click(app, "story-add");
  ASSERT_TRUE(app.session().SetLever(kHalt, 0.8).empty());
  DrawFrames(app, 1);
  Click(app, "story-add");
  ASSERT_EQ(app.story().Count(), 2);
  DrawFrames(app, 2);
  for (const std::string& clipped : kz::ClippedTextLastFrame()) ADD_FAILURE() << "clipped in the Story window: " << clipped;
  Click(app, "story-copy-link");
  EXPECT_EQ(app.TakeRequest<kz::ShareRequest>().value_or(kz::ShareRequest{kz::ShareKind::View}).kind, kz::ShareKind::Story);
  Click(app, "story-present");
  EXPECT_TRUE(app.story().Presenting());
  EXPECT_NE(Lever(app, kHalt), 0.8) << "step 1 is the preset as loaded";
  DrawFrames(app, 1);  // landmarks are the last frame's
  EXPECT_FALSE(kz::FindLandmark("story-add").has_value()) << "presenting closes the Story window: the room sees the step";
  Click(app, "story-next");
  EXPECT_EQ(app.story().Current(), 1);
  EXPECT_EQ(Lever(app, kHalt), 0.8);
  for (const std::string& clipped : kz::ClippedTextLastFrame()) ADD_FAILURE() << "clipped: " << clipped;
}

TEST(StoryApp, ThePageApiBuildsAndStepsAStory) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadPreset(app);
  EXPECT_EQ(kz::StoryCommand(app, "add", R"({"caption":"first","figure":"worst"})"), "[]");
  ASSERT_TRUE(app.session().SetLever(kHalt, 0.7).empty());
  EXPECT_EQ(kz::StoryCommand(app, "add", R"({"caption":"second"})"), "[]");
  EXPECT_NE(kz::StoryCommand(app, "add", R"({"figure":"tallest"})").find("figure must be"), std::string::npos);
  EXPECT_NE(kz::StoryCommand(app, "fly", "{}").find("unknown story command"), std::string::npos);
  EXPECT_EQ(kz::StoryCommand(app, "present", R"({"step":0})"), "[]");
  EXPECT_EQ(kz::StoryCommand(app, "next", ""), "{\"moved\":true}");
  EXPECT_EQ(kz::StoryCommand(app, "next", ""), "{\"moved\":false}");
  EXPECT_EQ(kz::StoryCommand(app, "state", ""),
            R"({"preset":"re-2010-japan","presenting":true,"current":1,"count":2,"steps":[{"caption":"first","figure":"worst"},{"caption":"second","figure":""}]})");
}

// The address bar holds the story's link while it is presented (a reload presents it again) and
// the view's own link once the viewer leaves; the presented step's figure is highlighted in the
// headline strip.
TEST_F(StoryViewer, TheAddressKeepsTheStoryWhilePresentingAndTheStripHighlightsTheStepsFigure) {
  const std::string presenting = viewer.AddressLink().value();
  ASSERT_EQ(kz::DecodeLink(presenting).value().story.size(), 2u) << "the story stays in the address";
  EXPECT_TRUE(kz::FindLandmark("headline-highlight").has_value()) << "step 1 points at the worst month";
  const std::string key = viewer.LinkStateKey();
  PressKey(viewer, ImGuiKey_Escape);
  ASSERT_FALSE(viewer.story().Presenting());
  EXPECT_NE(viewer.LinkStateKey(), key) << "leaving re-publishes the address";
  EXPECT_TRUE(kz::DecodeLink(viewer.AddressLink().value()).value().story.empty()) << "then the view's own link";
  DrawFrames(viewer, 2);
  EXPECT_FALSE(kz::FindLandmark("headline-highlight").has_value());
}

}  // namespace
