#include "app.hpp"

#include <gtest/gtest.h>

#include "../core/bundled_scenarios.hpp"
#include "app_driver.hpp"
#include "headless_imgui.hpp"
#include "imgui_internal.h"
#include "panels/ui_landmarks.hpp"
#include "panels/ui_scale.hpp"
#include "panels/ui_text.hpp"

namespace {

using kz::test::Click;
using kz::test::DrawFrames;
using kz::test::ScrollTo;

std::string ReadScenario(const char* id) { return kz::test::ReadBundledText(id).value(); }

void LoadDefaultWorld(kz::App& app) {
  ASSERT_TRUE(app.session().Load(ReadScenario("re-2010-japan"), ReadScenario("default-world")).empty());
}

const ImGuiWindow* Window(const char* name) {
  const ImGuiWindow* window = ImGui::FindWindowByName(name);
  EXPECT_NE(window, nullptr) << name;
  return window;
}

TEST(AppSmoke, DrawsEveryPanelForManyFramesWithAScenario) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 30);
  const ImDrawData* drawData = ImGui::GetDrawData();
  ASSERT_NE(drawData, nullptr);
  EXPECT_GT(drawData->TotalVtxCount, 1000);  // panels with text and a chart
  for (const char* name : {"Levers###levers", "Key findings###findings", "Chart###chart"}) {
    const ImGuiWindow* window = Window(name);
    ASSERT_NE(window, nullptr);
    EXPECT_TRUE(window->WasActive) << name;
    EXPECT_LE(window->Pos.x + window->Size.x, 1280.0f + 0.5f) << name << " fits the screen";
    EXPECT_LE(window->Pos.y + window->Size.y, 720.0f + 0.5f) << name << " fits the screen";
  }
}

// The name of the panel the keyboard is in ("###levers"), or "" when none.
std::string KeyboardPanel() {
  const ImGuiWindow* window = ImGui::GetCurrentContext()->NavWindow;
  if (window == nullptr) return "";
  const std::string name = window->RootWindow->Name;
  return name.substr(name.find("###"));
}

void PressF6(kz::App& app, bool shift = false) {
  ImGuiIO& io = ImGui::GetIO();
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
  io.AddKeyEvent(ImGuiKey_F6, true);
  DrawFrames(app, 1);
  io.AddKeyEvent(ImGuiKey_F6, false);
  if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
  DrawFrames(app, 1);
}

TEST(AppSmoke, F6MovesTheKeyboardBetweenPanels) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 3);
  PressF6(app);
  EXPECT_EQ(KeyboardPanel(), "###levers");
  PressF6(app);
  EXPECT_EQ(KeyboardPanel(), "###findings");
  PressF6(app);
  EXPECT_EQ(KeyboardPanel(), "###chart");
  PressF6(app);
  EXPECT_EQ(KeyboardPanel(), "###levers");  // round again (no workshop: its panel is skipped)
  PressF6(app, true);
  EXPECT_EQ(KeyboardPanel(), "###chart");   // Shift+F6 goes back
}

TEST(AppSmoke, TheViewMenuSetsTheTextSize) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  DrawFrames(app, 3);
  EXPECT_EQ(app.TextSizeSetting(), kz::TextSize::Normal);
  Click(app, "view-menu");
  Click(app, "text-larger");
  EXPECT_EQ(app.TextSizeSetting(), kz::TextSize::Larger);
}

// The audit the browser tests read (kizuna.clippedText()): nothing cut at a projector's size with
// the size the window asks for, and something reported when a window is far too narrow.
TEST(AppSmoke, NoTextIsClippedAt1024x768) {
  kz::test::HeadlessImGui imgui(1024.0f, 768.0f);
  kz::ApplyUiFonts(1.0f, kz::BodyTextPx(1024.0f, 768.0f, kz::TextSize::Normal), {});
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 5, 15.0f / kz::kBaseFontPx);
  EXPECT_EQ(kz::ClippedTextLastFrame(), std::vector<std::string>{});
}

TEST(AppSmoke, ClippedTextIsReportedWhenTheWindowIsTooNarrow) {
  kz::test::HeadlessImGui imgui(300.0f, 400.0f);
  kz::ApplyUiFonts(1.0f, 24.0f, {});
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 5);
  EXPECT_FALSE(kz::ClippedTextLastFrame().empty());
}

TEST(AppSmoke, DrawsWithoutAScenario) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  DrawFrames(app, 5);
  EXPECT_NE(ImGui::FindWindowByName("Levers###levers"), nullptr);
}

TEST(AppSmoke, PanelsFitAt1920x1080AndScaled) {
  kz::test::HeadlessImGui imgui(3840.0f, 2160.0f);
  kz::ApplyUiScale(2.0f);
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 5, 2.0f);
  for (const char* name : {"Levers###levers", "Key findings###findings", "Chart###chart"}) {
    const ImGuiWindow* window = Window(name);
    ASSERT_NE(window, nullptr);
    EXPECT_LE(window->Pos.x + window->Size.x, 3840.0f + 0.5f) << name;
  }
}

TEST(AppSmoke, LeverEditsReRunAndChangeTheReadout) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  kz::Session& session = app.session();
  session.Select({.region = 1, .good = 1, .month = 4});  // Japan, oxide, November 2010
  // The price, not the fulfilment: Japan's stocks and oxide's lower-value uses keep its magnet makers
  // supplied through the halt, but the market is tight.
  const std::string before = session.scenario().regions[1].id + std::to_string(session.results().price[session.results().Index(4, 1, 1)]);
  const int runs = session.runs();
  ASSERT_TRUE(session.SetLever("event.cn-halt-japan-2010.fraction", 0.0).empty());
  EXPECT_GT(session.runs(), runs);
  const std::string after = session.scenario().regions[1].id + std::to_string(session.results().price[session.results().Index(4, 1, 1)]);
  EXPECT_NE(before, after);
  EXPECT_FALSE(session.SetLever("event.cn-halt-japan-2010.fraction", 7.0).empty());  // out of range: unchanged
  EXPECT_DOUBLE_EQ(session.levers().empty() ? -1.0 : *session.PresetValue("event.cn-halt-japan-2010.fraction"), 1.0);
  ASSERT_TRUE(session.ResetLever("event.cn-halt-japan-2010.fraction").empty());
  DrawFrames(app, 3);
}

// Comparing with the preset as loaded: the preset's results stand, so an edit runs the engine once.
TEST(AppSmoke, PresetComparisonIsNotReRunOnEdits) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  kz::Session& session = app.session();
  session.SetComparison(kz::Comparison::Preset);
  const double presetLoss = session.comparisonResults()->metrics.front().cumulativeLoss;
  const int runs = session.runs();
  const int findings = session.resultsVersion();
  ASSERT_TRUE(session.SetLever("event.cn-halt-japan-2010.fraction", 0.0).empty());
  EXPECT_EQ(session.runs(), runs + 1);
  EXPECT_GT(session.resultsVersion(), findings);
  EXPECT_EQ(session.comparisonResults()->metrics.front().cumulativeLoss, presetLoss);
  session.SetComparison(kz::Comparison::NoEvents);
  const int before = session.runs();
  ASSERT_TRUE(session.SetLever("event.cn-halt-japan-2010.fraction", 0.5).empty());
  EXPECT_EQ(session.runs(), before + 2);  // the variant without shocks follows the edit
}

// A slider dragged with the mouse edits on every frame; the framework rules' idle reasons (a run
// per enabled rule) are not looked for on those frames, once after the slider is let go.
TEST(AppSmoke, DraggingASliderLooksForIdleRulesOnlyOnceItIsLetGo) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  ASSERT_TRUE(app.session().Load(ReadScenario("us-jp-steering-committee"), ReadScenario("default-world")).empty());
  const kz::Session& session = app.session();
  DrawFrames(app, 2);
  const int searches = session.idleRuleSearches();
  ASSERT_EQ(searches, 1) << "the pool's switch is drawn with its note";
  const std::optional<kz::LandmarkRect> slider = kz::FindLandmark("lever:event.cn-re-controls-stress.fraction");
  ASSERT_TRUE(slider.has_value());
  const float y = slider->y + slider->height * 0.5f;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(slider->x + slider->width * 0.5f, y);
  DrawFrames(app, 1);
  io.AddMouseButtonEvent(0, true);
  DrawFrames(app, 1);
  const int edits = session.editsVersion();
  for (int step = 1; step <= 5; ++step) {
    io.AddMousePosEvent(slider->x + slider->width * (0.5f - 0.08f * static_cast<float>(step)), y);
    DrawFrames(app, 1);
  }
  EXPECT_EQ(session.editsVersion(), edits + 5) << "every frame of the drag edits the lever";
  EXPECT_EQ(session.idleRuleSearches(), searches) << "no search while the slider is held";
  io.AddMouseButtonEvent(0, false);
  DrawFrames(app, 2);
  EXPECT_EQ(session.idleRuleSearches(), searches + 1) << "one search once it is let go";
  DrawFrames(app, 2);
  EXPECT_EQ(session.idleRuleSearches(), searches + 1);
}

TEST(AppSmoke, BadScenarioTextLeavesTheSessionAsItWas) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  const std::string id = app.session().scenario().id;
  EXPECT_FALSE(app.session().Load("{ not json").empty());
  EXPECT_FALSE(app.session().Load(ReadScenario("re-2010-japan")).empty());  // base not provided
  EXPECT_EQ(app.session().scenario().id, id);
}

TEST(AppSmoke, AShockAddedThroughTheFormRunsAndCanBeRemoved) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 2);
  const std::size_t events = app.session().scenario().events.size();
  ScrollTo(app, "add-shock");
  Click(app, "add-shock");
  ScrollTo(app, "add-shock-confirm");
  Click(app, "add-shock-confirm");
  ASSERT_EQ(app.session().scenario().events.size(), events + 1) << app.statusText();
  const std::string id = app.session().scenario().events.back().id;
  EXPECT_EQ(id.rfind("user-", 0), 0u) << id;
  ScrollTo(app, ("remove-shock:" + id).c_str());  // the new shock is listed last, below the fold
  Click(app, ("remove-shock:" + id).c_str());
  EXPECT_EQ(app.session().scenario().events.size(), events);
}

TEST(AppSmoke, PlayAdvancesTheMonthAndTheDifferenceViewDraws) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  app.session().Select({.region = 1, .good = 1, .month = 0});
  DrawFrames(app, 2);
  Click(app, "timeline-play");
  DrawFrames(app, 60);  // one second at 60 frames per second
  EXPECT_GT(app.session().selection().month, 1);
  Click(app, "chart-delta");
  DrawFrames(app, 5);
  ASSERT_NE(ImGui::GetDrawData(), nullptr);
  EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 1000);
}

// The Analysis menu opens each tab, and its Run button asks the platform for that analysis.
TEST(AppSmoke, AnalysisRunButtonsRequestTheirAnalysis) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  ASSERT_TRUE(app.session().Load(ReadScenario("us-jp-steering-committee"), ReadScenario("default-world")).empty());
  DrawFrames(app, 2);
  int runId = 0;
  for (const auto& [menu, kind] : {std::pair{"analysis-montecarlo", kz::AnalysisKind::MonteCarlo},
                                   std::pair{"analysis-coalition", kz::AnalysisKind::Coalition},
                                   std::pair{"analysis-sensitivity", kz::AnalysisKind::Sensitivity}}) {
    Click(app, "analysis-menu");
    Click(app, menu);
    DrawFrames(app, 2);
    Click(app, "analysis-run");
    const std::optional<kz::AnalysisRequest> request = app.Analysis().TakeRequest();
    ASSERT_TRUE(request) << menu;
    EXPECT_EQ(request->kind, kind) << menu;
    ASSERT_TRUE(app.Analysis().OnStarted(++runId, kz::AnalysisKindId(kind)));
    app.Analysis().OnFailed(runId, "test: no worker here", false);  // frees the slot for the next kind
  }
}

// A share link carries the view: selection, comparison, chart, the analysis shown and the map.
TEST(AppSmoke, AShareLinkReopensTheSameView) {
  kz::test::HeadlessImGui imgui;
  kz::App sender;
  LoadDefaultWorld(sender);
  ASSERT_TRUE(sender.session().SetLever("event.cn-halt-japan-2010.fraction", 0.4).empty());
  sender.session().Select({.region = 1, .good = 2, .month = 6});
  sender.session().SetComparison(kz::Comparison::Preset);
  DrawFrames(sender, 2);
  Click(sender, "chart-delta");
  Click(sender, "analysis-menu");
  Click(sender, "analysis-coalition");
  sender.World().Panel().SetView(kz::MapView{{139.0, 36.0}, 3.0});  // after the frames (a click over the map may pan it)
  const kz::Expected<std::string> link = sender.ShareLink();
  ASSERT_TRUE(link.ok());

  kz::App viewer;
  LoadDefaultWorld(viewer);
  const kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(link.value());
  ASSERT_TRUE(decoded.ok());
  ASSERT_TRUE(viewer.OpenLink(decoded.value(), ReadScenario("re-2010-japan"), ReadScenario("default-world")).empty());
  EXPECT_EQ(viewer.session().scenario(), sender.session().scenario());
  EXPECT_EQ(viewer.session().selection().month, 6);
  EXPECT_EQ(viewer.session().selection().good, 2);
  EXPECT_EQ(viewer.session().comparison(), kz::Comparison::Preset);
  EXPECT_NEAR(viewer.World().Panel().View().center.lon, 139.0, 1e-4);
  EXPECT_NEAR(viewer.World().Panel().View().zoom, 3.0, 1e-4);
  EXPECT_EQ(viewer.ShareLink().value(), link.value()) << "the viewer's link is the sender's";
}

TEST(AppSmoke, HelpOpensFromTheTopBarAndFitsTheScreen) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 2);
  EXPECT_EQ(ImGui::FindWindowByName("Help###help"), nullptr);
  Click(app, "help-menu");
  Click(app, "help-open");
  const ImGuiWindow* help = Window("Help###help");
  ASSERT_NE(help, nullptr);
  EXPECT_TRUE(help->WasActive);
  EXPECT_LE(help->Pos.x + help->Size.x, 1280.0f + 0.5f);
  EXPECT_FALSE(app.TakeRequest<kz::UrlRequest>()) << "nothing opens by itself";
}

// The first-visit tour: offered by the platform, it opens with the first scenario, steps through
// its four controls, and once dismissed tells the platform (once) to remember it; Help > Getting
// started opens it again.
TEST(AppSmoke, TheTourOpensOnAFirstVisitStepsAndIsRememberedOnceDismissed) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  app.OfferTour();
  DrawFrames(app, 2);
  EXPECT_FALSE(app.GuidedTour().Shown()) << "not before a scenario is on screen";
  LoadDefaultWorld(app);
  DrawFrames(app, 3);
  ASSERT_TRUE(app.GuidedTour().Shown());
  EXPECT_TRUE(kz::FindLandmark("tour-window"));
  EXPECT_FALSE(kz::FindLandmark("tour-back")) << "no way back from the first step";
  Click(app, "tour-next");
  EXPECT_EQ(app.GuidedTour().Step(), 1);
  DrawFrames(app, 2);  // the window fits a longer step's text from the next frame (ImGui's auto-size lags one)
  Click(app, "tour-back");
  EXPECT_EQ(app.GuidedTour().Step(), 0);
  EXPECT_FALSE(app.TakeTourDismissed());
  DrawFrames(app, 2);
  Click(app, "tour-skip");
  EXPECT_FALSE(app.GuidedTour().Shown());
  EXPECT_TRUE(app.TakeTourDismissed());
  EXPECT_FALSE(app.TakeTourDismissed()) << "told once";
  Click(app, "help-menu");
  Click(app, "help-tour");
  ASSERT_TRUE(app.GuidedTour().Shown()) << "Help > Getting started";
  for (int step = 0; step < 4; ++step) {  // Done on the last step
    DrawFrames(app, 2);
    Click(app, "tour-next");
  }
  EXPECT_FALSE(app.GuidedTour().Shown());
  EXPECT_TRUE(app.TakeTourDismissed());
}

// On a phone the compact bar folds Compare and Share into its one menu: those steps point at the
// menu (the window just under it), not at a control that is not on screen.
TEST(AppSmoke, TheTourPointsAtTheCompactBarsMenuForFoldedControls) {
  kz::test::HeadlessImGui imgui(390.0f, 844.0f);
  kz::App app;
  app.OfferTour();
  LoadDefaultWorld(app);
  DrawFrames(app, 3);
  ASSERT_TRUE(app.GuidedTour().Shown());
  for (int step = 0; step < 2; ++step) {
    DrawFrames(app, 2);
    Click(app, "tour-next");
  }
  ASSERT_EQ(app.GuidedTour().Step(), 2) << "the Compare step";
  DrawFrames(app, 3);
  EXPECT_FALSE(kz::FindLandmark("compare-picker")) << "folded into the menu";
  const std::optional<kz::LandmarkRect> menu = kz::FindLandmark("more-menu");
  const std::optional<kz::LandmarkRect> tour = kz::FindLandmark("tour-window");
  ASSERT_TRUE(menu && tour);
  EXPECT_LT(tour->y, menu->y + menu->height + ImGui::GetFontSize() * 2.0f) << "the step's window is under the menu, not mid-screen";
}

}  // namespace
