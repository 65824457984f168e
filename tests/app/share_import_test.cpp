// Share choices (view, comparison, embed), embedded views, and opening scenario files: what a user
// clicks and what the platform is asked to do. Every refused file leaves the work as it was.
#include <gtest/gtest.h>

#include "../core/bundled_scenarios.hpp"
#include "app.hpp"
#include "app_driver.hpp"
#include "headless_imgui.hpp"
#include "kizuna/scenario_json.hpp"
#include "state/layout.hpp"
#include "panels/ui_landmarks.hpp"

namespace {

using kz::test::Click;
using kz::test::DrawFrames;
using kz::test::ScrollTo;

std::string Text(const char* id) { return kz::test::ReadBundledText(id).value(); }

kz::PresetTexts Preset(const char* id) { return kz::PresetTexts{id, Text(id), Text("default-world")}; }

void LoadPreset(kz::App& app) { ASSERT_TRUE(app.session().Load(Text("re-2010-japan"), Text("default-world")).empty()); }

kz::ScenarioLink Decoded(const kz::Expected<std::string>& link) {
  EXPECT_TRUE(link.ok()) << (link.ok() ? "" : link.problems().front().message);
  kz::Expected<kz::ScenarioLink> decoded = kz::DecodeLink(link.ok() ? link.value() : "");
  EXPECT_TRUE(decoded.ok());
  return decoded.ok() ? decoded.value() : kz::ScenarioLink{};
}

TEST(PanelLayout, TheFullAppShowsEveryPanelAndEmbedsFillTheSpaceOfHiddenOnes) {
  const kz::PanelLayout full = kz::LayoutPanels(0);
  EXPECT_TRUE(full.levers.shown && full.findings.shown && full.map.shown && full.chart.shown);
  EXPECT_FLOAT_EQ(full.levers.width, 0.28f);
  EXPECT_FLOAT_EQ(full.findings.height, 0.24f);
  EXPECT_FLOAT_EQ(full.chart.y, 0.62f);
  EXPECT_TRUE(kz::LayoutPanels(kz::kEmbedHideLevers).levers.shown) << "hide bits mean nothing outside embed mode";

  const kz::PanelLayout noLevers = kz::LayoutPanels(kz::kEmbedMode | kz::kEmbedHideLevers);
  EXPECT_FALSE(noLevers.levers.shown);
  EXPECT_FLOAT_EQ(noLevers.chart.x, 0.0f);
  EXPECT_FLOAT_EQ(noLevers.chart.width, 1.0f);

  const kz::PanelLayout chartOnly =
      kz::LayoutPanels(kz::kEmbedMode | kz::kEmbedHideLevers | kz::kEmbedHideFindings | kz::kEmbedHideMap);
  EXPECT_FLOAT_EQ(chartOnly.chart.y, 0.0f);
  EXPECT_FLOAT_EQ(chartOnly.chart.height, 1.0f);

  const kz::PanelLayout leversOnly =
      kz::LayoutPanels(kz::kEmbedMode | kz::kEmbedHideFindings | kz::kEmbedHideMap | kz::kEmbedHideChart);
  EXPECT_FLOAT_EQ(leversOnly.levers.width, 1.0f);

  const kz::PanelLayout nothing = kz::LayoutPanels(kz::kEmbedMode | kz::kEmbedHideLevers | kz::kEmbedHideFindings |
                                                   kz::kEmbedHideMap | kz::kEmbedHideChart);
  EXPECT_TRUE(nothing.chart.shown) << "an embed that hides everything keeps the chart";
}

// A phone held upright: one column, findings over the chart over the levers, no map; the bands
// tile the height without gaps or overlaps, and hidden panels give their room to the others.
TEST(PanelLayout, NarrowScreensStackThePanelsInOneColumnWithoutTheMap) {
  const kz::PanelLayout narrow = kz::LayoutPanels(0, true);
  EXPECT_FALSE(narrow.map.shown);
  float y = 0.0f;
  for (const kz::PanelRect* rect : {&narrow.findings, &narrow.chart, &narrow.levers}) {
    EXPECT_TRUE(rect->shown);
    EXPECT_FLOAT_EQ(rect->x, 0.0f);
    EXPECT_FLOAT_EQ(rect->width, 1.0f);
    EXPECT_FLOAT_EQ(rect->y, y);
    EXPECT_GT(rect->height, 0.25f) << "each band keeps room for its content";
    y += rect->height;
  }
  EXPECT_NEAR(y, 1.0f, 1e-6f);

  const kz::PanelLayout chartAndLevers = kz::LayoutPanels(kz::kEmbedMode | kz::kEmbedHideFindings, true);
  EXPECT_FALSE(chartAndLevers.findings.shown);
  EXPECT_FLOAT_EQ(chartAndLevers.chart.y, 0.0f);
  EXPECT_NEAR(chartAndLevers.chart.height + chartAndLevers.levers.height, 1.0f, 1e-6f);

  const kz::PanelLayout mapOnly =
      kz::LayoutPanels(kz::kEmbedMode | kz::kEmbedHideLevers | kz::kEmbedHideFindings | kz::kEmbedHideChart, true);
  EXPECT_TRUE(mapOnly.chart.shown) << "a narrow embed of the map alone shows the chart instead";
  EXPECT_FLOAT_EQ(mapOnly.chart.height, 1.0f);
}

TEST(ShareMenu, LinkToTheComparisonFramesItOnTheDifferenceChartAtTheDefaultView) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadPreset(app);
  ASSERT_TRUE(app.session().SetLever("event.cn-halt-japan-2010.fraction", 0.4).empty());
  app.session().Select({.region = 1, .good = 2, .month = 6});
  DrawFrames(app, 2);
  Click(app, "share");
  Click(app, "share-comparison");
  EXPECT_EQ(app.TakeRequest<kz::ShareRequest>().value_or(kz::ShareRequest{kz::ShareKind::View}).kind, kz::ShareKind::Comparison);

  const kz::ScenarioLink comparison = Decoded(app.ShareLink(kz::ShareKind::Comparison));
  EXPECT_EQ(comparison.view.comparison, 1) << "without the shocks, as on screen";
  EXPECT_TRUE(comparison.view.chartDelta);
  EXPECT_EQ(comparison.view.month, -1);
  EXPECT_FALSE(comparison.view.hasMapView);
  ASSERT_EQ(comparison.levers.size(), 1u) << "the scenario's change travels";

  const kz::ScenarioLink view = Decoded(app.ShareLink(kz::ShareKind::View));
  EXPECT_EQ(view.view.month, 6);
  EXPECT_TRUE(view.view.hasMapView);
  EXPECT_EQ(view.levers, comparison.levers);
}

TEST(ShareMenu, TheEmbedDialogCopiesALinkWithTheChosenOptions) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadPreset(app);
  DrawFrames(app, 2);
  Click(app, "share");
  Click(app, "share-embed");
  Click(app, "embed-copy");
  EXPECT_EQ(app.TakeRequest<kz::ShareRequest>().value_or(kz::ShareRequest{kz::ShareKind::View}).kind, kz::ShareKind::Embed);
  const kz::ScenarioLink link = Decoded(app.ShareLink(kz::ShareKind::Embed));
  EXPECT_EQ(link.view.embed, kz::kEmbedMode | kz::kEmbedReadOnly);
  EXPECT_EQ(Decoded(app.ShareLink()).view.embed, 0u) << "the app itself is not embedded";
}

// An embedded, read-only view with no levers panel: no menu bar, and a way out to the full app.
TEST(EmbeddedView, HasNoMenuBarAndItsWayOutOpensTheFullApp) {
  kz::test::HeadlessImGui imgui;
  kz::App sender;
  LoadPreset(sender);
  ASSERT_TRUE(sender.session().SetLever("event.cn-halt-japan-2010.fraction", 0.4).empty());
  kz::ScenarioLink link = Decoded(sender.ShareLink());
  link.view.embed = kz::kEmbedMode | kz::kEmbedReadOnly | kz::kEmbedHideMap;

  kz::App viewer;
  ASSERT_TRUE(viewer.OpenLink(link, Text("re-2010-japan"), Text("default-world")).empty());
  EXPECT_TRUE(viewer.Embedded());
  DrawFrames(viewer, 3);
  EXPECT_FALSE(kz::FindLandmark("share")) << "no menu bar";
  EXPECT_FALSE(kz::FindLandmark("file-menu"));
  ScrollTo(viewer, "add-shock");
  ASSERT_TRUE(kz::FindLandmark("add-shock")) << "the levers show";
  Click(viewer, "add-shock");
  EXPECT_FALSE(kz::FindLandmark("add-shock-confirm")) << "read-only: the shock form does not open";

  Click(viewer, "embed-open-full");
  const std::optional<kz::UrlRequest> url = viewer.TakeRequest<kz::UrlRequest>();
  ASSERT_TRUE(url && url->url.rfind("#k", 0) == 0);
  const kz::Expected<kz::ScenarioLink> full = kz::DecodeLink(url->url);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full.value().view.embed, 0u);
  EXPECT_EQ(full.value().levers, link.levers);
}

TEST(EmbeddedView, EditableLeversTakeEdits) {
  kz::test::HeadlessImGui imgui;
  kz::App sender;
  LoadPreset(sender);
  kz::ScenarioLink link = Decoded(sender.ShareLink());
  link.view.embed = kz::kEmbedMode;
  kz::App viewer;
  ASSERT_TRUE(viewer.OpenLink(link, Text("re-2010-japan"), Text("default-world")).empty());
  DrawFrames(viewer, 3);
  ScrollTo(viewer, "add-shock");
  Click(viewer, "add-shock");
  ScrollTo(viewer, "add-shock-confirm");
  EXPECT_TRUE(kz::FindLandmark("add-shock-confirm"));
}

TEST(FileMenu, EachEntryAsksThePlatform) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadPreset(app);
  DrawFrames(app, 2);
  const std::pair<const char*, kz::FileAction> entries[] = {
      {"file-open", kz::FileAction::OpenScenario},          {"export-scenario", kz::FileAction::ExportScenario},
      {"export-csv", kz::FileAction::ExportResultsCsv},     {"export-view-png", kz::FileAction::ExportViewPng},
      {"export-chart-png", kz::FileAction::ExportChartPng}};
  for (const auto& [landmark, action] : entries) {
    Click(app, "file-menu");
    Click(app, landmark);
    const std::optional<kz::FileRequest> file = app.TakeRequest<kz::FileRequest>();
    ASSERT_TRUE(file.has_value()) << landmark;
    EXPECT_EQ(file->action, action) << landmark;
  }
  EXPECT_TRUE(kz::FindLandmark("chart-window")) << "the chart PNG crops to it";
}

TEST(ImportScenario, AnExportedEditOfAPresetOpensOverThatPresetAndSharesTheSameLink) {
  kz::App sender;
  LoadPreset(sender);
  ASSERT_TRUE(sender.session().SetLever("event.cn-halt-japan-2010.fraction", 0.4).empty());
  const std::string exported = kz::SaveScenarioJson(sender.session().scenario());

  kz::App viewer;
  ASSERT_TRUE(viewer.ImportScenario("mine.json", exported, "", Preset("re-2010-japan")).empty()) << viewer.statusText();
  EXPECT_EQ(viewer.session().scenario(), sender.session().scenario());
  EXPECT_EQ(viewer.session().preset().id, "re-2010-japan");
  EXPECT_TRUE(viewer.OpenedFile().empty());
  EXPECT_EQ(Decoded(viewer.ShareLink()).levers, Decoded(sender.ShareLink()).levers);
  EXPECT_NE(viewer.statusText().find("Opened mine.json"), std::string::npos);
}

TEST(ImportScenario, AScenarioOfItsOwnOpensButCannotBeLinked) {
  kz::Expected<kz::Scenario> own = kz::LoadScenarioJson(Text("two-sector"));
  ASSERT_TRUE(own.ok());
  own.value().id = "my-own-world";
  kz::App app;
  LoadPreset(app);
  ASSERT_TRUE(app.ImportScenario("own.json", kz::SaveScenarioJson(own.value()), "", kz::PresetTexts{}).empty()) << app.statusText();
  EXPECT_EQ(app.session().scenario().id, "my-own-world");
  EXPECT_EQ(app.OpenedFile(), "own.json");
  const kz::Expected<std::string> link = app.ShareLink();
  ASSERT_FALSE(link.ok());
  EXPECT_NE(link.problems().front().message.find("Export the scenario"), std::string::npos) << link.problems().front().message;
}

TEST(ImportScenario, BadFilesAreNamedAndTheWorkStays) {
  kz::App app;
  LoadPreset(app);
  ASSERT_TRUE(app.session().SetLever("event.cn-halt-japan-2010.fraction", 0.4).empty());
  const kz::Scenario before = app.session().scenario();
  std::string negativeHorizon = kz::SaveScenarioJson(before);
  const std::size_t at = negativeHorizon.find("\"horizonMonths\"");
  ASSERT_NE(at, std::string::npos);
  negativeHorizon.insert(negativeHorizon.find_first_of("0123456789", at), "-");

  const std::pair<std::string, std::string> cases[] = {
      {"{ not json", "could not be opened"},
      {"[]", "could not be opened"},
      {negativeHorizon, "horizonMonths"},
      {std::string(5u << 20, ' '), "at most 4096 kB"},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_FALSE(app.ImportScenario("bad.json", text, "", Preset("re-2010-japan")).empty());
    EXPECT_NE(app.statusText().find(expected), std::string::npos) << app.statusText();
    EXPECT_NE(app.statusText().find("Your work is unchanged"), std::string::npos);
    EXPECT_EQ(app.session().scenario(), before);
  }
}

}  // namespace
