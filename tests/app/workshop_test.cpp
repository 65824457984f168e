// Workshop mode through the app, as the page API drives it: a facilitator and four teams (five
// apps, as on five laptops) play a bundled exercise to its debrief with links and codes only; the
// final session link replays to the same debrief; the panels draw for both roles.
#include "workshop_api.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <sstream>

#include "../core/bundled_scenarios.hpp"
#include "app_driver.hpp"
#include "headless_imgui.hpp"
#include "ui_landmarks.hpp"

namespace {

using kz::test::Click;
using kz::test::DrawFrames;

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
  const std::optional<kz::CopyRequest> copied = facilitator.TakeCopyRequest();
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

}  // namespace
