// The Analysis window drawn headless for many frames with each kind of result arriving chunk by chunk
// (as the platform would feed the Web Worker's messages), with the mouse over it so hover read-outs
// are built too. The JSON comes from the core's stepped jobs; the app itself never runs them.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "../core/bundled_scenarios.hpp"
#include "app.hpp"
#include "headless_imgui.hpp"
#include "imgui_internal.h"
#include "kizuna/analysis_job.hpp"
#include "kizuna/scenario_json.hpp"

namespace kz {
namespace {

void Load(App& app, const char* id) {
  const std::string text = test::ReadBundledText(id).value();
  const std::string base = test::ReadBundledText("default-world").value();
  ASSERT_TRUE(app.session().Load(text, base).empty());
}

void DrawFrames(App& app, int frames, ImVec2 mouse) {
  for (int frame = 0; frame < frames; ++frame) {
    ImGui::GetIO().MousePos = mouse;
    ImGui::NewFrame();
    app.Frame(FrameContext{.frameMs = 1.5, .uiScale = 1.0f});
    ImGui::Render();
  }
}

// Plays the platform's part: takes the app's request, runs it as a stepped job of the core and
// feeds every partial result and the final one back, drawing frames in between. Returns the number
// of vertices of the Analysis window in the last frame.
int RunThroughApp(App& app, AnalysisKind kind, const Scenario& scenario) {
  // The mouse wanders over the window's middle, where the plots are.
  DrawFrames(app, 3, ImVec2(640.0f, 400.0f));
  std::optional<AnalysisRequest> request = app.Analysis().TakeRequest();
  EXPECT_TRUE(request.has_value()) << "the window asked for a run";
  if (!request) return 0;
  EXPECT_EQ(request->kind, kind);
  Expected<std::unique_ptr<AnalysisJob>> job = StartAnalysis(AnalysisKindId(kind), scenario, request->optionsJson);
  EXPECT_TRUE(job.ok()) << (job.ok() ? "" : job.problems().front().ToString());
  if (!job) return 0;
  EXPECT_TRUE(app.Analysis().OnStarted(11, AnalysisKindId(kind)));
  int chunks = 0;
  float y = 200.0f;
  while (!job.value()->Done()) {
    EXPECT_TRUE(job.value()->Step().empty());
    if (job.value()->Done()) break;
    app.Analysis().OnProgress(11, job.value()->Fraction(), job.value()->Json());
    DrawFrames(app, 4, ImVec2(640.0f, y));
    y = y > 600.0f ? 200.0f : y + 37.0f;
    ++chunks;
  }
  app.Analysis().OnResult(11, job.value()->Json());
  EXPECT_EQ(app.Analysis().status(), AnalysisStatus::Done) << app.Analysis().message();
  for (float my = 150.0f; my < 650.0f; my += 25.0f) DrawFrames(app, 1, ImVec2(600.0f, my));
  DrawFrames(app, 10, ImVec2(640.0f, 420.0f));
  const ImGuiWindow* window = ImGui::FindWindowByName("Analysis###analysis-window");
  EXPECT_NE(window, nullptr);
  if (window == nullptr) return 0;
  EXPECT_TRUE(window->WasActive);
  return window->DrawList->VtxBuffer.Size;
}

TEST(AnalysisSmoke, DrawsMonteCarloBandsAsRunsArrive) {
  test::HeadlessImGui imgui;
  App app;
  Load(app, "re-2010-japan");
  app.OpenAnalysis(AnalysisKind::MonteCarlo);
  DrawFrames(app, 2, ImVec2(0, 0));
  ASSERT_TRUE(app.Analysis().Request(AnalysisKind::MonteCarlo, R"({"runs": 40, "chunkRuns": 10})"));
  const int vertices = RunThroughApp(app, AnalysisKind::MonteCarlo, app.session().scenario());
  EXPECT_GT(vertices, 2000) << "bands, axes and figures";
  EXPECT_EQ(app.Analysis().monteCarlo()->runs, 40);
}

TEST(AnalysisSmoke, RunButtonsRequestEachKindAndResultsDraw) {
  test::HeadlessImGui imgui;
  App app;
  Load(app, "quad-semis");
  // Coalitions: the window's own defaults (the framework's members) through its request.
  app.OpenAnalysis(AnalysisKind::Coalition);
  DrawFrames(app, 2, ImVec2(0, 0));
  const ImGuiWindow* window = ImGui::FindWindowByName("Analysis###analysis-window");
  ASSERT_NE(window, nullptr);
  // The request as the Run button makes it (clicking is not possible headless without layout maths).
  ASSERT_TRUE(app.Analysis().Request(AnalysisKind::Coalition, CoalitionOptionsJson("quad", {"US", "JP", "AU", "IN"})));
  EXPECT_GT(RunThroughApp(app, AnalysisKind::Coalition, app.session().scenario()), 2000) << "bars and the table";
  ASSERT_NE(app.Analysis().coalition(), nullptr);
  EXPECT_TRUE(app.Analysis().coalition()->done);
  // In words, with the framework by its name; the game theory only in tooltips (none hovered).
  DrawFrames(app, 3, ImVec2(0, 0));
  const std::string words = app.AnalysisTextShown();
  EXPECT_NE(words.find("With all 4 members in, "), std::string::npos) << words;
  EXPECT_NE(words.find(app.session().scenario().frameworks[0].name.en), std::string::npos) << words;
  EXPECT_NE(words.find("Member by member"), std::string::npos) << words;
  for (const char* notation : {"v(N)", "v({", "Shapley", "Core:", "free-rider", "Stand-alone"}) {
    EXPECT_EQ(words.find(notation), std::string::npos) << notation << " on screen:\n" << words;
  }

  app.OpenAnalysis(AnalysisKind::Sensitivity);
  DrawFrames(app, 2, ImVec2(0, 0));
  const std::vector<std::size_t> defaults = DefaultSensitivityLevers(app.session(), 6);
  ASSERT_FALSE(defaults.empty()) << "the quad scenario has shocks and framework levers";
  std::vector<std::string> paths;
  for (const std::size_t i : defaults) paths.push_back(app.session().levers()[i].path);
  ASSERT_TRUE(app.Analysis().Request(AnalysisKind::Sensitivity,
                                     SensitivityOptionsJson(SensitivityMetricPath(SensitivityMetric::TotalLoss, app.session()), 0.5, paths)));
  EXPECT_GT(RunThroughApp(app, AnalysisKind::Sensitivity, app.session().scenario()), 1500) << "the tornado";
  EXPECT_EQ(app.Analysis().sensitivity()->rows.size(), paths.size());
  DrawFrames(app, 3, ImVec2(0, 0));
  EXPECT_EQ(app.AnalysisTextShown().find("(loss"), std::string::npos) << "the metric in words, not its path";
  EXPECT_NE(app.AnalysisTextShown().find("Value lost worldwide"), std::string::npos) << app.AnalysisTextShown();
}

// Sensitivity opens on the story's key levers and what the framework does, not every lever: the
// dials (those that move), every rule's switch (run off and on) and the settings of the rules on.
TEST(AnalysisSmoke, SensitivityStartsFromTheKeyLeversAndTheFrameworksRules) {
  test::HeadlessImGui imgui;
  App app;
  Load(app, "us-jp-steering-committee");
  const Session& session = app.session();
  const std::vector<std::string>& dials = session.scenario().presentation.dials;
  std::vector<std::string> chosen;
  std::vector<std::string> switches;
  for (const std::size_t i : DefaultSensitivityLevers(session)) {
    const LeverInfo& lever = session.levers()[i];
    chosen.push_back(lever.path);
    if (IsSwitchLever(lever)) switches.push_back(lever.path);
    const bool dial = std::find(dials.begin(), dials.end(), lever.path) != dials.end();
    EXPECT_TRUE(dial || lever.group == LeverGroup::Frameworks) << lever.path << " is neither a key lever nor a framework rule";
  }
  for (const LeverInfo& lever : session.levers()) {
    const bool dial = std::find(dials.begin(), dials.end(), lever.path) != dials.end();
    if (dial && (lever.value != 0.0 || IsSwitchLever(lever))) {
      EXPECT_NE(std::find(chosen.begin(), chosen.end(), lever.path), chosen.end()) << "key lever " << lever.path << " left out";
    }
  }
  EXPECT_NE(std::find(chosen.begin(), chosen.end(), "framework.us-jp-steering.informationSharing.lagMonths"), chosen.end())
      << "the setting of a rule that is on";
  EXPECT_LT(chosen.size(), 16u) << "a short list, not every lever";
  const std::string json = SensitivityOptionsJson("loss", 0.5, chosen, switches);
  EXPECT_NE(json.find(R"({"path":"framework.us-jp-steering.informationSharing.enabled","low":0,"high":1})"), std::string::npos) << json;
  // The same options run through the app give one tornado row per lever.
  ASSERT_TRUE(app.Analysis().Request(AnalysisKind::Sensitivity, json));
  app.OpenAnalysis(AnalysisKind::Sensitivity);
  RunThroughApp(app, AnalysisKind::Sensitivity, session.scenario());
  ASSERT_NE(app.Analysis().sensitivity(), nullptr);
  EXPECT_EQ(app.Analysis().sensitivity()->rows.size(), chosen.size());
}

TEST(AnalysisSmoke, WindowDrawsEveryTabWithoutResultsAndWhileCancelling) {
  test::HeadlessImGui imgui;
  App app;
  Load(app, "us-jp-steering-committee");
  for (const AnalysisKind kind : {AnalysisKind::MonteCarlo, AnalysisKind::Coalition, AnalysisKind::Sensitivity}) {
    app.OpenAnalysis(kind);
    DrawFrames(app, 3, ImVec2(640.0f, 360.0f));
  }
  ASSERT_TRUE(app.Analysis().Request(AnalysisKind::Sensitivity, "{}"));
  DrawFrames(app, 2, ImVec2(640.0f, 360.0f));
  ASSERT_TRUE(app.Analysis().TakeRequest());
  ASSERT_TRUE(app.Analysis().OnStarted(5, "sensitivity"));
  app.Analysis().RequestCancel();
  DrawFrames(app, 3, ImVec2(640.0f, 360.0f));
  EXPECT_TRUE(app.Analysis().TakeCancelRequest());
  app.Analysis().OnFailed(5, "analysis cancelled", true);
  DrawFrames(app, 3, ImVec2(640.0f, 360.0f));
  EXPECT_EQ(app.Analysis().status(), AnalysisStatus::Cancelled);
}

TEST(AnalysisSmoke, DrawsWithoutAScenario) {
  test::HeadlessImGui imgui;
  App app;
  app.OpenAnalysis(AnalysisKind::Coalition);
  DrawFrames(app, 3, ImVec2(640.0f, 360.0f));
  EXPECT_NE(ImGui::FindWindowByName("Analysis###analysis-window"), nullptr);
}

}  // namespace
}  // namespace kz
