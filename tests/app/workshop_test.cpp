// Workshop mode through the app, as the page API drives it: a facilitator and four teams (five
// apps, as on five laptops) play a bundled exercise to its debrief with links and codes only; the
// final session link replays to the same debrief; the panels draw for both roles, in English and
// in Japanese; refused codes are explained in the UI's language.
#include "workshop_api.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../core/bundled_scenarios.hpp"
#include "app_driver.hpp"
#include "state/catalog.hpp"
#include "headless_imgui.hpp"
#include "imgui_internal.h"
#include "panels/panel_workshop.hpp"
#include "panels/ui_landmarks.hpp"
#include "state/facilitator_view.hpp"

namespace {

using kz::Language;
using kz::test::Click;
using kz::test::DrawFrames;

struct LanguageScope {
  explicit LanguageScope(Language language) { kz::SetCurrentLanguage(language); }
  ~LanguageScope() { kz::SetCurrentLanguage(Language::English); }  // the language is app-wide
};

// Every text `draw` renders in one frame, one drawn line per line: ImGui's log records each label it
// renders (and opens collapsed headers while it records). The log ends at the End() of a top-level
// window and then goes to ImGui's own clipboard (the app installs no clipboard of its own).
template <typename Draw>
std::string DrawnText(Draw draw) {
  ImGui::NewFrame();
  ImGui::SetClipboardText("");
  ImGui::LogToClipboard();
  draw();
  ImGui::LogFinish();  // nothing to do when an End() has finished the log
  std::string text = ImGui::GetClipboardText();
  ImGui::Render();
  return text;
}

// The workshop panel, in a test window tall enough for all of it.
std::string PanelText(kz::Workshop& workshop, kz::WorkshopPanelState& state) {
  return DrawnText([&] {
    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(640.0f, ImGui::GetIO().DisplaySize.y));
    ImGui::Begin("workshop-test");
    (void)kz::DrawWorkshopPanel(workshop, state);
    ImGui::End();
  });
}

std::string DebriefText(const kz::Workshop& workshop, kz::WorkshopPanelState& state) {
  return DrawnText([&] { (void)kz::DrawDebriefWindow(workshop, state); });
}

std::string WindowTitle(const char* name) {
  const ImGuiWindow* window = ImGui::FindWindowByName(name);
  return window ? window->Name : "";
}

// The English of every workshop label without placeholders ("Teams", "Enter for them", ...): none
// may be drawn when the UI speaks Japanese.
std::vector<std::string> EnglishWorkshopLabels() {
  std::vector<std::string> labels;
  for (const auto& [key, text] : kz::BuiltInCatalog(Language::English).Entries()) {
    if (key.starts_with("workshop.") && text.find('{') == std::string::npos) labels.push_back(text);
  }
  return labels;
}

void ExpectNoEnglish(const std::string& drawn) {
  const std::vector<std::string> labels = EnglishWorkshopLabels();
  ASSERT_GT(labels.size(), 30u);
  for (const std::string& label : labels) EXPECT_EQ(drawn.find(label), std::string::npos) << "'" << label << "' in\n" << drawn;
  EXPECT_EQ(drawn.find("workshop."), std::string::npos) << "a catalog key drawn as itself:\n" << drawn;
}

std::string ExerciseText(const char* id) {
  std::ifstream file(std::string(KIZUNA_TEST_ASSETS_DIR) + "/exercises/" + id + ".json", std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// The exercise's base preset as the page would fetch it (default-world names no base).
kz::PresetTexts Base() { return kz::PresetTexts{"default-world", kz::test::ReadBundledText("default-world").value(), ""}; }

rapidjson::Document Json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

std::string Call(kz::App& app, const char* command, const std::string& args = "{}") { return kz::WorkshopCommand(app, command, args); }

kz::App& Team(std::vector<std::unique_ptr<kz::App>>& teams, std::size_t i) { return *teams[i]; }

TEST(Workshop, AFacilitatorAndFourTeamsPlayToTheDebriefWithLinksAndCodes) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  rapidjson::Document state = Json(Call(facilitator, "state"));
  ASSERT_TRUE(state["active"].GetBool());
  const int rounds = state["rounds"].GetInt();
  std::vector<std::string> teamIds;
  for (const auto& team : state["teams"].GetArray()) teamIds.emplace_back(team["id"].GetString());
  ASSERT_EQ(teamIds.size(), 4u);

  std::vector<std::unique_ptr<kz::App>> teams;
  for (const std::string& id : teamIds) {
    const std::string link = Json(Call(facilitator, "teamLink", R"({"team":")" + id + "\"}"))["link"].GetString();
    teams.push_back(std::make_unique<kz::App>());
    ASSERT_TRUE(teams.back()->OpenWorkshopLink(link, exercise, Base(), "").empty()) << id;
    EXPECT_EQ(Json(Call(*teams.back(), "state"))["team"].GetString(), id);
  }

  for (int round = 1; round <= rounds; ++round) {
    for (std::size_t t = 0; t < teams.size(); ++t) {
      kz::App& team = Team(teams, t);
      const rapidjson::Document teamState = Json(Call(team, "state"));
      ASSERT_EQ(teamState["round"].GetInt(), round);
      if (!teamState["teams"][static_cast<rapidjson::SizeType>(t)]["decides"].GetBool()) continue;
      // Every team joins the club in round 1 and keeps its other levers.
      if (round == 1) {
        EXPECT_EQ(Call(team, "setDraft", R"({"values":{"join.re-club.)" + teamIds[t] + R"(":1}})"), "[]");
      }
      const rapidjson::Document preview = Json(Call(team, "preview"));
      ASSERT_TRUE(preview.IsObject()) << Call(team, "preview");
      const std::string code = Json(Call(team, "submit"))["code"].GetString();
      EXPECT_LT(code.size(), 20u) << code;
      EXPECT_EQ(Call(facilitator, "enterCode", R"({"code":")" + code + "\"}"), "[]") << teamIds[t] << " round " << round;
      EXPECT_NE(Call(facilitator, "enterCode", R"({"code":")" + code + "\"}"), "[]") << "a code entered twice is refused";
    }
    if (round < rounds) {
      ASSERT_EQ(Call(facilitator, "advance"), "[]");
      // The facilitator shares the new session link; each team catches up from it.
      const std::string session = Json(Call(facilitator, "state"))["link"].GetString();
      for (std::size_t t = 0; t < teams.size(); ++t) {
        ASSERT_TRUE(Team(teams, t).OpenWorkshopLink(session + "." + teamIds[t], exercise, Base(), "").empty());
      }
    }
  }
  const std::string debrief = Call(facilitator, "debrief");
  const rapidjson::Document parsed = Json(debrief);
  ASSERT_TRUE(parsed.HasMember("played")) << debrief;
  EXPECT_EQ(parsed["played"]["teams"].Size(), 4u);
  EXPECT_GT(parsed["timeline"].Size(), 4u);

  kz::App replay;
  ASSERT_TRUE(replay.OpenWorkshopLink(Json(Call(facilitator, "state"))["link"].GetString(), exercise, Base(), "").empty());
  EXPECT_EQ(Call(replay, "debrief"), debrief) << "the final link replays to the same debrief";
  EXPECT_EQ(Json(Call(replay, "debriefCsv"))["csv"], Json(Call(facilitator, "debriefCsv"))["csv"]);
}

TEST(Workshop, WrongCodesAndLinksAreNamedAndChangeNothing) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  const std::string before = Call(facilitator, "state");
  for (const char* code : {"", "HELLO", "0000-0000-0000", "7ZQ2-9XHM-4T", "<script>"}) {
    const std::string reply = Call(facilitator, "enterCode", std::string(R"({"code":")") + code + "\"}");
    EXPECT_NE(reply, "[]") << code;
    EXPECT_NE(reply.find("message"), std::string::npos) << reply;
  }
  EXPECT_EQ(Call(facilitator, "state"), before);
  EXPECT_FALSE(facilitator.OpenWorkshopLink("wAAAA", exercise, Base(), "").empty());
  EXPECT_FALSE(facilitator.OpenWorkshopLink(Json(before)["link"].GetString() + std::string(".XX"), exercise, Base(), "").empty());
  EXPECT_FALSE(facilitator.StartWorkshop("{ not json", Base(), "").empty());
  EXPECT_EQ(Call(facilitator, "state"), before) << "the running session stays";
  EXPECT_NE(Call(facilitator, "bogus").find("not a workshop command"), std::string::npos);
}

TEST(Workshop, PanelsDrawForTheFacilitatorAndATeamAndTheFacilitatorAdvancesByClicking) {
  const std::string exercise = ExerciseText("chip-contingency");
  kz::test::HeadlessImGui imgui;
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty()) << facilitator.statusText();
  DrawFrames(facilitator, 3);
  ASSERT_TRUE(kz::FindLandmark("workshop-advance"));
  EXPECT_FALSE(kz::FindLandmark("add-shock")) << "the workshop panel takes the levers' place";
  Click(facilitator, "workshop-advance");
  EXPECT_EQ(facilitator.workshop().Round(), 2);
  Click(facilitator, "workshop-undo");
  EXPECT_EQ(facilitator.workshop().Round(), 1);
  Click(facilitator, "workshop-copy-team-links");
  const std::optional<kz::CopyRequest> copied = facilitator.TakeRequest<kz::CopyRequest>();
  ASSERT_TRUE(copied);
  EXPECT_NE(copied->text.find(".JP"), std::string::npos) << copied->text;
  Click(facilitator, "workshop-debrief");
  EXPECT_TRUE(kz::FindLandmark("workshop-export-debrief"));

  kz::App team;
  ASSERT_TRUE(team.OpenWorkshopLink(facilitator.workshop().TeamLink(1), exercise, Base(), "").empty());
  DrawFrames(team, 3);
  Click(team, "workshop-submit");
  EXPECT_FALSE(team.workshop().LastCode().empty());
  EXPECT_TRUE(facilitator.workshop().EnterCode(team.workshop().LastCode()).empty());
}

// The viewer's selection stays while the common picture is re-run within a round (a decision) and
// when a round opens with no new crisis; a round that brings one turns the picture to it.
TEST(Workshop, TheViewersSelectionStaysUntilANewCrisisComes) {
  kz::test::HeadlessImGui imgui;
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(ExerciseText("chip-contingency"), Base(), "").empty()) << facilitator.statusText();
  DrawFrames(facilitator, 2);
  auto expectSelection = [&](const kz::Selection& expected, const char* when) {
    const kz::Selection after = facilitator.session().selection();
    EXPECT_EQ(after.region, expected.region) << when;
    EXPECT_EQ(after.good, expected.good) << when;
    EXPECT_EQ(after.month, expected.month) << when;
  };
  const kz::Selection chosen{1, 2, 5};
  facilitator.session().Select(chosen);
  kz::Workshop& session = facilitator.workshop();
  ASSERT_TRUE(session.Decide(0, kz::StepsAfterRound(session.exercise(), session.play(), 1)[0]).empty());
  DrawFrames(facilitator, 2);  // the common picture is re-run with the decision
  expectSelection(chosen, "a decision within round 1");
  Click(facilitator, "workshop-advance");
  ASSERT_EQ(facilitator.workshop().Round(), 2);
  DrawFrames(facilitator, 2);  // round 2 brings the Taiwan quake: the picture turns to it
  const kz::Selection quake = facilitator.session().selection();
  EXPECT_GE(quake.month, kz::LatestCrisis(session.exercise(), 2, "")->event.start);
  ASSERT_TRUE(session.Advance().empty());
  DrawFrames(facilitator, 2);
  facilitator.session().Select(chosen);
  ASSERT_TRUE(session.Advance().empty());  // round 4: a review, no new crisis
  DrawFrames(facilitator, 2);
  expectSelection(chosen, "round 4 brings no new crisis");
}

TEST(Workshop, TheExerciseListIsAskedForWhenTheMenuFirstOpens) {
  kz::test::HeadlessImGui imgui;
  kz::App app;
  DrawFrames(app, 2);
  EXPECT_FALSE(app.TakeRequest<kz::ExerciseListRequest>().has_value()) << "not part of the first view";
  Click(app, "workshop-menu");
  EXPECT_TRUE(app.TakeRequest<kz::ExerciseListRequest>().has_value());
  DrawFrames(app, 2);
  EXPECT_FALSE(app.TakeRequest<kz::ExerciseListRequest>().has_value()) << "asked once";
  app.SetExercises({kz::PresetInfo{"rare-earth-squeeze", {"Rare-earth squeeze", ""}, {}}});
  DrawFrames(app, 2);
  EXPECT_TRUE(kz::FindLandmark("workshop-run:rare-earth-squeeze"));
}

TEST(Workshop, TheFacilitatorsPanelATeamsPanelAndTheDebriefDrawInJapanese) {
  const LanguageScope scope(Language::Japanese);
  const std::string exercise = ExerciseText("chip-contingency");
  kz::test::HeadlessImGui imgui(1280.0f, 3000.0f);  // tall: every line of the panels is drawn
  kz::App facilitator;
  facilitator.SetLanguage(Language::Japanese);
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty()) << facilitator.statusText();
  EXPECT_NE(facilitator.statusText().find("ワークショップ: 半導体有事。"), std::string::npos) << facilitator.statusText();
  DrawFrames(facilitator, 3);
  EXPECT_EQ(WindowTitle("Workshop###workshop"), "ワークショップ###workshop") << "the window keeps its id in every language";
  Click(facilitator, "workshop-debrief");
  EXPECT_EQ(WindowTitle("Debrief###workshop-debrief"), "振り返り###workshop-debrief");

  kz::Workshop& session = facilitator.workshop();
  kz::WorkshopPanelState state;
  std::string drawn = PanelText(session, state);
  EXPECT_NE(drawn.find("半導体有事"), std::string::npos) << "the exercise's own Japanese title:\n" << drawn;
  EXPECT_NE(drawn.find("第1ラウンド／全4ラウンド（0〜2か月目）"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("米国: 決定待ち"), std::string::npos) << "team names from the exercise, status from ja.json:\n" << drawn;
  EXPECT_NE(drawn.find("第1ラウンド：チップ4"), std::string::npos) << "this round's inject in Japanese:\n" << drawn;
  EXPECT_NE(drawn.find(kz::Tr("workshop.hotseat.open")), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("チーム別リンクをコピー"), std::string::npos) << drawn;
  ExpectNoEnglish(drawn);

  state.hotSeatTeam = 1;  // hot-seat: Japan's levers with their Japanese labels
  state.hotSeatSteps = kz::StepsAfterRound(session.exercise(), session.play(), session.Round())[1];
  drawn = PanelText(session, state);
  EXPECT_NE(drawn.find("日本の決定"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("半導体枠組みに参加"), std::string::npos) << drawn;
  ExpectNoEnglish(drawn);
  ASSERT_TRUE(session.Decide(1, state.hotSeatSteps).empty());
  state.hotSeatTeam = -1;
  EXPECT_NE(PanelText(session, state).find("日本: 決定済み"), std::string::npos);

  state.showDebrief = true;
  drawn = DebriefText(session, state);
  EXPECT_NE(drawn.find("振り返り"), std::string::npos) << "the window's title:\n" << drawn;
  EXPECT_NE(drawn.find(kz::Tr("workshop.debrief.no-cooperation")), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("全チーム"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("第1ラウンド: 日本が決定"), std::string::npos) << "the timeline names the team in Japanese:\n" << drawn;
  EXPECT_NE(drawn.find("第1ラウンド、0か月目: "), std::string::npos) << "injects with Japanese months:\n" << drawn;
  EXPECT_NE(drawn.find("億ドル"), std::string::npos) << "money in Japanese units:\n" << drawn;
  ExpectNoEnglish(drawn);

  kz::App team;
  ASSERT_TRUE(team.OpenWorkshopLink(session.TeamLink(1), exercise, Base(), "").empty());
  kz::WorkshopPanelState teamState;
  drawn = PanelText(team.workshop(), teamState);
  EXPECT_NE(drawn.find("担当チーム: 日本"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("日本はフォトレジスト"), std::string::npos) << "the team's briefing in Japanese:\n" << drawn;
  EXPECT_NE(drawn.find(kz::Tr("workshop.objectives")), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("自チームのコスト: 現状 "), std::string::npos) << "the preview:\n" << drawn;
  ExpectNoEnglish(drawn);
  team.workshop().Submit();
  drawn = PanelText(team.workshop(), teamState);
  EXPECT_NE(drawn.find("このコードをファシリテーターに伝えてください"), std::string::npos) << drawn;
  EXPECT_NE(drawn.find(team.workshop().LastCode()), std::string::npos) << drawn;
}

TEST(Workshop, RefusedCodesAreExplainedInTheUiLanguage) {
  const LanguageScope scope(Language::Japanese);
  const std::string exercise = ExerciseText("chip-contingency");
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  kz::App team;
  ASSERT_TRUE(team.OpenWorkshopLink(facilitator.workshop().TeamLink(1), exercise, Base(), "").empty());
  const std::string code = team.workshop().Submit();
  kz::Workshop& session = facilitator.workshop();
  // What the panel shows for the problems EnterCode returns.
  auto refusal = [&session](const std::string& typed) {
    const std::vector<kz::Problem> problems = session.EnterCode(typed);
    return problems.empty() ? std::string("(accepted)") : kz::DescribeCodeProblem(session, typed, problems.front());
  };
  EXPECT_EQ(refusal("  - "), "コードが入力されていません。");
  EXPECT_EQ(refusal("HELLO").rfind("決定コードを受け付けられませんでした: ", 0), 0u) << "the decoder's detail, introduced in Japanese";
  ASSERT_EQ(refusal(code), "(accepted)");
  EXPECT_EQ(refusal(code), "このコードは入力済みです（日本の第1ラウンドの決定）。");
  ASSERT_TRUE(session.Advance().empty());
  EXPECT_EQ(refusal(code), kz::TrFormat("workshop.code.stale", {{"round", "1"}, {"current", "2"}}));
  EXPECT_NE(refusal(code).find("締め切り済み"), std::string::npos);

  kz::SetCurrentLanguage(Language::English);  // the same refusal in English names the round, as the core does
  const std::string english = refusal(code);
  EXPECT_EQ(english, "This code is for round 1, which is closed; the session is in round 2 (a stale code: decide again for this round).");
  EXPECT_EQ(english, session.EnterCode(code).front().message) << "the app's English matches the core's word for word";
}

// The phone's team page (web/js/team_page.js) reads everything from teamView: the team's words in the
// UI's language, its levers (yes/no ones marked), the draft's values, the preview and the code.
TEST(Workshop, TheTeamViewGivesThePhonePageItsWordsLeversPreviewAndCode) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  EXPECT_NE(Call(facilitator, "teamView").find("message"), std::string::npos) << "the facilitator has no team page";
  kz::App team;
  ASSERT_TRUE(team.OpenWorkshopLink(facilitator.workshop().TeamLink(0), exercise, Base(), "").empty());
  rapidjson::Document view = Json(Call(team, "teamView"));
  ASSERT_TRUE(view.IsObject());
  EXPECT_STREQ(view["team"]["id"].GetString(), "US");
  EXPECT_GT(view["team"]["briefing"].GetStringLength(), 20u);
  EXPECT_EQ(view["round"].GetInt(), 1);
  EXPECT_TRUE(view["decides"].GetBool());
  ASSERT_EQ(view["levers"].Size(), 3u);
  EXPECT_TRUE(view["levers"][0]["yesNo"].GetBool()) << "joining is a yes/no choice";
  EXPECT_FALSE(view["levers"][2]["yesNo"].GetBool());
  EXPECT_EQ(view["levers"][0]["value"].GetDouble(), 0.0);
  EXPECT_NE(std::string(view["preview"]["withText"].GetString()).find("USD"), std::string::npos);
  EXPECT_STREQ(view["code"].GetString(), "");

  EXPECT_EQ(Call(team, "setDraft", R"({"values":{"join.re-club.US":1}})"), "[]");
  view = Json(Call(team, "teamView"));
  EXPECT_EQ(view["levers"][0]["value"].GetDouble(), 1.0);
  const std::string code = Json(Call(team, "submit"))["code"].GetString();
  EXPECT_EQ(Json(Call(team, "teamView"))["code"].GetString(), code) << "the page shows the code submitted";
  EXPECT_EQ(Call(facilitator, "enterCode", R"({"code":")" + code + "\"}"), "[]") << "and that code is accepted";

  const std::string english = Json(Call(team, "teamView"))["team"]["name"].GetString();
  const LanguageScope japanese(Language::Japanese);
  const std::string local = Json(Call(team, "teamView"))["team"]["name"].GetString();
  EXPECT_NE(local, english) << "team names in the UI's language";
}

}  // namespace

// The projected facilitator screen: private injects stay off it (panel and debrief) until the
// facilitator turns the presenter view off; the room sees who has decided; the debrief draws its
// chart, scorecards, what each decision changed and the prompts to discuss.
TEST(Workshop, ThePresenterViewKeepsPrivateInjectsOffTheRoomsScreen) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::test::HeadlessImGui imgui(1280.0f, 3000.0f);
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  kz::Workshop& session = facilitator.workshop();
  ASSERT_TRUE(session.Decide(3, {1, 2}).empty());  // the EU joins and holds two months
  ASSERT_TRUE(session.Advance().empty());
  std::string privateText;
  for (const kz::Inject& inject : session.exercise().injects) {
    if (inject.round == 2 && !inject.teams.empty()) privateText = inject.text.en;
  }
  ASSERT_FALSE(privateText.empty());
  kz::WorkshopPanelState state;
  ASSERT_TRUE(state.presenterView) << "presenter-safe by default";
  std::string drawn = PanelText(session, state);
  EXPECT_EQ(drawn.find(privateText), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("China halts"), std::string::npos) << "the public news is shown:\n" << drawn;
  EXPECT_NE(drawn.find(kz::TrFormat("workshop.private-hidden", {{"count", "1"}})), std::string::npos) << drawn;
  EXPECT_NE(drawn.find("0 of 4 teams have decided"), std::string::npos) << drawn;
  ASSERT_TRUE(session.Decide(1, {1, 3}).empty());
  EXPECT_NE(PanelText(session, state).find("1 of 4 teams have decided"), std::string::npos);

  state.showDebrief = true;
  drawn = DebriefText(session, state);
  EXPECT_EQ(drawn.find(privateText), std::string::npos) << "nor in the debrief's timeline:\n" << drawn;
  EXPECT_NE(drawn.find("a private message to Japan"), std::string::npos) << drawn;
  for (const char* key : {"workshop.debrief.chart-title", "workshop.debrief.scorecards", "workshop.debrief.effects", "workshop.debrief.lessons",
                          "workshop.debrief.export-png"}) {
    EXPECT_NE(drawn.find(kz::Tr(key)), std::string::npos) << key << ":\n" << drawn;
  }
  EXPECT_NE(drawn.find("Changed: "), std::string::npos) << "what the EU's decision changed, in plain words:\n" << drawn;
  EXPECT_TRUE(kz::FindLandmark("workshop-debrief-chart"));

  state.presenterView = false;  // the facilitator's own screen, not the room's
  drawn = PanelText(session, state);
  EXPECT_NE(drawn.find(privateText), std::string::npos) << drawn;
  EXPECT_NE(DebriefText(session, state).find(privateText), std::string::npos);
}

// When a round opens, the map and chart turn to the latest public crisis: Japan, oxide, its worst month.
TEST(Workshop, TheCommonPictureFollowsTheCrisisWhenARoundOpens) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::test::HeadlessImGui imgui(1280.0f, 800.0f);
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  DrawFrames(facilitator, 2);
  ASSERT_TRUE(facilitator.workshop().Advance().empty());
  DrawFrames(facilitator, 2);
  const kz::Scenario& picture = facilitator.session().scenario();
  const kz::Selection& selected = facilitator.session().selection();
  EXPECT_EQ(picture.regions[static_cast<std::size_t>(selected.region)].id, "JP");
  EXPECT_EQ(picture.goods[static_cast<std::size_t>(selected.good)].id, "re_oxide");
  EXPECT_GE(selected.month, 6) << "from the halt's start";
  const kz::Results& results = facilitator.session().results();
  EXPECT_LT(results.fulfilment[results.Index(selected.month, selected.region, selected.good)], 0.99) << "a month Japan runs short";
}

// Teams keep one link for the whole exercise and catch up by the round code the facilitator's screen
// shows: a mistyped code, an older round's code and a code of the round already shown are named in
// the UI's language and change nothing; the code shown is the one the page accepts.
TEST(Workshop, TeamsKeepTheirStableLinkAndCatchUpByRoundCode) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  const rapidjson::Document links = Json(Call(facilitator, "teamLink", R"({"team":"JP"})"));
  const std::string stable = links["stableLink"].GetString();
  EXPECT_EQ(stable, links["link"].GetString()) << "in round 1 the round's link is the stable one";
  EXPECT_EQ(std::string(links["joinCode"].GetString()).size(), 7u);
  kz::App team;
  ASSERT_TRUE(team.OpenWorkshopLink(stable, exercise, Base(), "").empty());
  ASSERT_TRUE(facilitator.workshop().Decide(1, {1, 3}).empty());
  ASSERT_TRUE(facilitator.workshop().Decide(3, {1, 2}).empty());
  ASSERT_TRUE(facilitator.workshop().Advance().empty());
  EXPECT_EQ(Json(Call(facilitator, "teamLink", R"({"team":"JP"})"))["stableLink"].GetString(), stable) << "the same link in round 2";
  const std::string round2 = Json(Call(facilitator, "state"))["roundCode"].GetString();

  const std::string before = Call(team, "state");
  std::string typo = round2;
  typo[typo.size() - 2] = typo[typo.size() - 2] == 'Z' ? 'Y' : 'Z';
  const std::string refused = Call(team, "catchUp", R"({"code":")" + typo + "\"}");
  EXPECT_NE(refused.find("code.checksum"), std::string::npos) << refused;
  EXPECT_NE(refused.find("damaged"), std::string::npos) << refused;
  EXPECT_EQ(Call(team, "state"), before) << "a mistyped code loses nothing";
  {
    LanguageScope japanese(Language::Japanese);
    team.workshop().SetLanguage(Language::Japanese);
    const std::string worded = Call(team, "catchUp", R"({"code":")" + typo + "\"}");
    EXPECT_NE(worded.find(kz::TrFormat("workshop.code-fault.checksum", {{"what", kz::Tr("workshop.round-code.name")}})), std::string::npos) << worded;
    team.workshop().SetLanguage(Language::English);
  }

  EXPECT_EQ(Call(team, "catchUp", R"({"code":")" + round2 + "\"}"), "[]");
  EXPECT_EQ(Json(Call(team, "state"))["round"].GetInt(), 2);
  EXPECT_EQ(team.workshop().play(), facilitator.workshop().play()) << "every decision of round 1 is on the page";
  EXPECT_NE(Call(team, "catchUp", R"({"code":")" + round2 + "\"}").find("code.same"), std::string::npos);
  ASSERT_TRUE(facilitator.workshop().Advance().empty());
  const std::string round3 = Json(Call(facilitator, "state"))["roundCode"].GetString();
  EXPECT_EQ(Call(team, "catchUp", R"({"code":")" + round3 + "\"}"), "[]");
  EXPECT_NE(Call(team, "catchUp", R"({"code":")" + round2 + "\"}").find("code.older"), std::string::npos);
  EXPECT_EQ(Json(Call(team, "state"))["round"].GetInt(), 3) << "an older code changes nothing";
  // A page opened afresh from the stable link catches up with the latest code alone.
  kz::App late;
  ASSERT_TRUE(late.OpenWorkshopLink(stable, exercise, Base(), "").empty());
  EXPECT_EQ(Call(late, "catchUp", R"({"code":")" + round3 + "\"}"), "[]");
  EXPECT_EQ(late.workshop().play(), facilitator.workshop().play());
  EXPECT_NE(Call(facilitator, "catchUp", R"({"code":")" + round3 + "\"}").find("code.facilitator"), std::string::npos);
}

// A join code names the exercise and the team: it opens the team's stable link; another exercise's
// code is told apart so the page can try the next one.
TEST(Workshop, AJoinCodeOpensTheTeamsStableLink) {
  const std::string exercise = ExerciseText("rare-earth-squeeze");
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  const rapidjson::Document links = Json(Call(facilitator, "teamLink", R"({"team":"AU"})"));
  kz::App phone;
  const kz::Expected<std::string> link = phone.JoinLink(links["joinCode"].GetString(), exercise, Base(), "");
  ASSERT_TRUE(link) << link.problems().front().message;
  EXPECT_EQ(link.value(), links["stableLink"].GetString());
  ASSERT_TRUE(phone.OpenWorkshopLink(link.value(), exercise, Base(), "").empty());
  EXPECT_STREQ(Json(Call(phone, "state"))["team"].GetString(), "AU");
  const std::string chips = ExerciseText("chip-contingency");
  kz::PresetTexts chipBase{"", "", ""};
  {
    rapidjson::Document parsed = Json(chips);
    const std::string base = parsed["base"].GetString();
    chipBase = kz::PresetTexts{base, kz::test::ReadBundledText(base).value(), ""};
  }
  const kz::Expected<std::string> elsewhere = phone.JoinLink(links["joinCode"].GetString(), chips, chipBase, "");
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.problems().front().path, "code.exercise");
  const kz::Expected<std::string> typed = phone.JoinLink("00", exercise, Base(), "");
  ASSERT_FALSE(typed);
  EXPECT_EQ(typed.problems().front().message, kz::TrFormat("workshop.code-fault.length", {{"what", kz::Tr("workshop.join-code.name")}}));
}

// An inject private to one team that carries a model event stays off the projected picture: the
// presenter view's map and chart run without it; the facilitator's own view (presenter view off)
// and the team it reached run with it.
TEST(Workshop, APrivateInjectsEventStaysOffThePresenterViewsPicture) {
  std::string exercise = ExerciseText("rare-earth-squeeze");
  const std::string halt = R"({"id": "cn-halt-japan", "round": 2,)";
  ASSERT_NE(exercise.find(halt), std::string::npos);
  exercise.replace(exercise.find(halt), halt.size(), R"({"id": "cn-halt-japan", "round": 2, "teams": ["JP"],)");
  const auto halted = [](const kz::App& app) {
    const std::vector<kz::Event>& events = app.session().scenario().events;
    return std::any_of(events.begin(), events.end(), [](const kz::Event& e) { return e.id == "cn-halt-japan"; });
  };
  kz::test::HeadlessImGui imgui(1280.0f, 3000.0f);
  kz::App facilitator;
  ASSERT_TRUE(facilitator.StartWorkshop(exercise, Base(), "").empty());
  ASSERT_TRUE(facilitator.workshop().Advance().empty());
  DrawFrames(facilitator, 2);
  EXPECT_FALSE(halted(facilitator)) << "the room's picture has no private event";
  Click(facilitator, "workshop-presenter-view");  // the facilitator's own screen
  EXPECT_TRUE(halted(facilitator)) << "the facilitator's own view has the model's truth";
  Click(facilitator, "workshop-presenter-view");
  EXPECT_FALSE(halted(facilitator));
  kz::App japan;
  ASSERT_TRUE(japan.OpenWorkshopLink(Json(Call(facilitator, "state"))["link"].GetString() + std::string(".JP"), exercise, Base(), "").empty());
  DrawFrames(japan, 1);
  EXPECT_TRUE(halted(japan));
}
