// The app in Japanese: every panel and dialog draws, switching changes the labels at once and
// re-words the findings, the share link carries the language, and typed names reach the scenario.
#include <gtest/gtest.h>

#include "../core/bundled_scenarios.hpp"
#include "app.hpp"
#include "app_driver.hpp"
#include "state/catalog.hpp"
#include "panels/event_form.hpp"
#include "headless_imgui.hpp"
#include "panels/panel_findings.hpp"
#include "imgui_internal.h"
#include "kizuna/explain.hpp"
#include "kizuna/link.hpp"

namespace {

using kz::Language;
using kz::test::Click;
using kz::test::DrawFrames;
using kz::test::ScrollTo;

struct LanguageScope {
  ~LanguageScope() { kz::SetCurrentLanguage(Language::English); }  // the language is app-wide
};

void LoadDefaultWorld(kz::App& app) {
  ASSERT_TRUE(app.session().Load(kz::test::ReadBundledText("re-2010-japan").value(),
                                 kz::test::ReadBundledText("default-world").value()).empty());
}

std::string WindowTitle(const char* name) {
  const ImGuiWindow* window = ImGui::FindWindowByName(name);
  return window ? window->Name : "";
}

TEST(Language, DrawsEveryPanelAndDialogInJapanese) {
  const LanguageScope scope;
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  app.SetLanguage(Language::Japanese);
  DrawFrames(app, 3);
  Click(app, "add-shock");  // the shock form
  Click(app, "help-menu");
  Click(app, "help-open");
  for (const char* menu : {"analysis-montecarlo", "analysis-coalition", "analysis-sensitivity"}) {
    Click(app, "analysis-menu");
    Click(app, menu);
  }
  app.OfferRestore("2026-01-01 09:00");
  DrawFrames(app, 10);
  EXPECT_EQ(WindowTitle("Levers###levers"), "政策レバー###levers");
  EXPECT_EQ(WindowTitle("Help###help"), "ヘルプ###help");
  EXPECT_EQ(WindowTitle("Analysis###analysis-window"), "分析###analysis-window");
  EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 1000);
  const std::string& findings = app.session().findings().paragraph;
  EXPECT_NE(findings.find("か月目"), std::string::npos) << findings;
  EXPECT_NE(findings.find("。"), std::string::npos) << findings;
  EXPECT_EQ(findings.find("month"), std::string::npos) << findings;
}

TEST(Language, ExplainSpeaksJapanese) {
  const LanguageScope scope;
  kz::App app;
  LoadDefaultWorld(app);
  const kz::Results& results = app.session().results();
  kz::SetCurrentLanguage(Language::Japanese);
  const kz::Expected<kz::Explanation> why = kz::Explain(app.session().scenario(), results, "JP", "re_magnet", 4, &kz::CurrentWording());
  ASSERT_TRUE(why.ok());
  EXPECT_NE(why.value().text.find("4か月目"), std::string::npos) << why.value().text;
  EXPECT_NE(why.value().text.find("日本"), std::string::npos) << why.value().text;
  for (const kz::LeverSuggestion& lever : why.value().levers) EXPECT_EQ(lever.reason.find(" the "), std::string::npos) << lever.reason;
}

TEST(Language, SwitchingIsInstantAndRewordsTheFindings) {
  const LanguageScope scope;
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 2);
  const std::string english = app.session().findings().paragraph;
  const int version = app.session().resultsVersion();
  const std::string readout = kz::SelectionReadout(app.session(), app.session().Words());
  EXPECT_NE(readout.find("of need met"), std::string::npos) << readout;
  Click(app, "language-menu");
  Click(app, "language-ja");
  EXPECT_EQ(app.CurrentUiLanguage(), Language::Japanese);
  EXPECT_STREQ(kz::Tr("window.chart"), "グラフ") << "the next frame's labels are Japanese";
  const std::string japanese = kz::SelectionReadout(app.session(), app.session().Words());
  EXPECT_NE(japanese.find("を充足"), std::string::npos) << japanese;
  EXPECT_NE(japanese.find("か月目"), std::string::npos) << japanese;
  EXPECT_NE(app.session().resultsVersion(), version) << "the page republishes the findings";
  EXPECT_NE(app.session().findings().paragraph, english);
  Click(app, "language-menu");
  Click(app, "language-en");
  EXPECT_EQ(app.session().findings().paragraph, english) << "and back, word for word";
}

TEST(Language, TheShareLinkCarriesTheLanguage) {
  const LanguageScope scope;
  kz::test::HeadlessImGui imgui;
  kz::App sender;
  LoadDefaultWorld(sender);
  sender.SetLanguage(Language::Japanese);
  DrawFrames(sender, 2);
  const kz::Expected<kz::ScenarioLink> link = kz::DecodeLink(sender.ShareLink().value());
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link.value().view.language, kz::kLinkLanguageJapanese);
  EXPECT_EQ(kz::DecodeLink(sender.ShareLink(kz::ShareKind::Comparison).value()).value().view.language, kz::kLinkLanguageJapanese);

  kz::SetCurrentLanguage(Language::English);  // a reader whose browser speaks English
  kz::App reader;
  const std::string preset = kz::test::ReadBundledText("re-2010-japan").value();
  const std::string base = kz::test::ReadBundledText("default-world").value();
  ASSERT_TRUE(reader.OpenLink(link.value(), preset, base).empty());
  EXPECT_EQ(reader.CurrentUiLanguage(), Language::Japanese);

  kz::ScenarioLink noLanguage = link.value();  // a version-1 link: the reader keeps their own
  noLanguage.view.language = kz::kLinkLanguageDefault;
  kz::SetCurrentLanguage(Language::English);
  kz::App other;
  ASSERT_TRUE(other.OpenLink(noLanguage, preset, base).empty());
  EXPECT_EQ(other.CurrentUiLanguage(), Language::English);
}

TEST(Language, ATypedJapaneseNameNamesTheShock) {
  const LanguageScope scope;
  kz::Scenario scenario = kz::test::LoadBundled("re-2010-japan");
  kz::EventFormState form;
  std::snprintf(form.name, sizeof form.name, "%s", "日本の備蓄");
  const kz::Event named = kz::EventFromForm(scenario, form);
  EXPECT_EQ(named.name.en, "日本の備蓄");
  EXPECT_EQ(named.name.ja, "日本の備蓄");
  form.name[0] = '\0';
  const kz::Event described = kz::EventFromForm(scenario, form);
  EXPECT_EQ(described.name.en.rfind("Capacity loss: ", 0), 0u) << described.name.en;
  EXPECT_EQ(described.name.ja.rfind("生産能力の喪失: ", 0), 0u) << described.name.ja;
}

TEST(Language, ImGuiTakesComposedTextIntoTheShockName) {
  const LanguageScope scope;
  kz::test::HeadlessImGui imgui;
  kz::App app;
  LoadDefaultWorld(app);
  DrawFrames(app, 2);
  ScrollTo(app, "add-shock");
  Click(app, "add-shock");
  ScrollTo(app, "shock-name");
  Click(app, "shock-name");
  ImGui::GetIO().AddInputCharactersUTF8("日本の備蓄");  // what the page forwards from the IME or a paste
  DrawFrames(app, 2);
  const std::size_t before = app.session().scenario().events.size();
  ScrollTo(app, "add-shock-confirm");
  Click(app, "add-shock-confirm");
  ASSERT_EQ(app.session().scenario().events.size(), before + 1);
  EXPECT_EQ(app.session().scenario().events.back().name.en, "日本の備蓄");
}

}  // namespace
