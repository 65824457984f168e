#include "workshop_api.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

#include "kizuna/json_write.hpp"
#include "page_api.hpp"
#include "state/catalog.hpp"
#include "workshop_team_view.hpp"

namespace kz {
namespace {

using json::KeyNumber;
using json::KeyString;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string Problems(std::string message) { return ProblemsJson({{"", std::move(message)}}); }

std::string HashText(std::uint64_t hash) {
  char text[24];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return text;
}

void WriteTeams(Writer& w, const Workshop& workshop) {
  const Exercise& ex = workshop.exercise();
  w.Key("teams");
  w.StartArray();
  for (int t = 0; t < static_cast<int>(ex.teams.size()); ++t) {
    const ExerciseTeam& team = ex.teams[static_cast<std::size_t>(t)];
    w.StartObject();
    KeyString(w, "id", team.id);
    KeyString(w, "name", team.name.en);
    KeyString(w, "label", LocalName(team.name, team.id));  // in the UI's language
    KeyString(w, "region", team.region);
    w.Key("decides");
    w.Bool(team.DecidesIn(workshop.Round()));
    w.Key("decided");
    w.Bool(workshop.Decided(t));
    w.EndObject();
  }
  w.EndArray();
}

void WriteInjects(Writer& w, const Workshop& workshop) {
  const Exercise& ex = workshop.exercise();
  const std::string teamId = workshop.Team() >= 0 ? ex.teams[static_cast<std::size_t>(workshop.Team())].id : "";
  w.Key("injects");
  w.StartArray();
  for (const Inject& inject : ex.injects) {
    if (inject.round > workshop.Round() || (!teamId.empty() && !inject.VisibleTo(teamId))) continue;
    w.StartObject();
    KeyString(w, "id", inject.id);
    w.Key("round");
    w.Int(inject.round);
    KeyString(w, "text", inject.text.en);
    w.EndObject();
  }
  w.EndArray();
}

std::string State(const Workshop& workshop) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("active");
  w.Bool(workshop.Active());
  if (workshop.Active()) {
    const Exercise& ex = workshop.exercise();
    KeyString(w, "exercise", ex.id);
    KeyString(w, "title", ex.title.en);
    KeyString(w, "localTitle", LocalName(ex.title, ex.id));  // in the UI's language
    w.Key("round");
    w.Int(workshop.Round());
    w.Key("rounds");
    w.Int(ex.rounds);
    KeyString(w, "role", workshop.Facilitating() ? "facilitator" : "team");
    KeyString(w, "team", workshop.Facilitating() ? "" : ex.teams[static_cast<std::size_t>(workshop.Team())].id);
    WriteTeams(w, workshop);
    WriteInjects(w, workshop);
    KeyString(w, "link", workshop.SessionLink());
    KeyString(w, "code", workshop.LastCode());
    KeyString(w, "roundCode", workshop.RoundCode());
  }
  w.EndObject();
  return buffer.GetString();
}

void WriteOutcome(Writer& w, const char* key, const TeamOutcome& outcome) {
  w.Key(key);
  w.StartObject();
  KeyNumber(w, "own", outcome.own);
  KeyNumber(w, "score", outcome.score);
  KeyNumber(w, "loss", outcome.loss);
  KeyNumber(w, "policyCost", outcome.policyCost);
  w.EndObject();
}

void WriteExerciseOutcome(Writer& w, const char* key, const ExerciseOutcome& outcome) {
  w.Key(key);
  w.StartObject();
  KeyNumber(w, "collective", outcome.collective);
  KeyString(w, "hash", HashText(outcome.resultsHash));
  w.Key("teams");
  w.StartArray();
  for (const TeamOutcome& team : outcome.teams) {
    w.StartObject();
    KeyString(w, "team", team.team);
    KeyNumber(w, "loss", team.loss);
    KeyNumber(w, "policyCost", team.policyCost);
    KeyNumber(w, "own", team.own);
    KeyNumber(w, "score", team.score);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string DebriefJson(const Debrief& d) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  WriteExerciseOutcome(w, "played", d.played);
  WriteExerciseOutcome(w, "noCooperation", d.noCooperation);
  WriteExerciseOutcome(w, "fullCooperation", d.fullCooperation);
  w.Key("effects");
  w.StartArray();
  for (const DecisionEffect& effect : d.effects) {
    w.StartObject();
    w.Key("round");
    w.Int(effect.round);
    KeyString(w, "team", effect.team);
    KeyNumber(w, "cost", effect.value.cost);
    KeyNumber(w, "lossAvoided", effect.value.lossAvoided);
    KeyNumber(w, "ownChange", effect.value.ownChange);
    KeyNumber(w, "scoreChange", effect.value.scoreChange);
    KeyNumber(w, "collectiveChange", effect.collectiveChange);
    w.Key("seen");  // what the team view showed when the team decided
    w.StartObject();
    KeyNumber(w, "cost", effect.seen.cost);
    KeyNumber(w, "lossAvoided", effect.seen.lossAvoided);
    KeyNumber(w, "ownChange", effect.seen.ownChange);
    KeyNumber(w, "scoreChange", effect.seen.scoreChange);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("lessons");
  w.StartArray();
  for (const DebriefLesson& lesson : DebriefLessons(d)) {
    w.StartObject();
    KeyString(w, "kind", DebriefLessonKey(lesson.kind));
    KeyString(w, "team", lesson.team);
    w.Key("round");
    w.Int(lesson.round);
    KeyNumber(w, "amount", lesson.amount);
    KeyNumber(w, "other", lesson.other);
    w.EndObject();
  }
  w.EndArray();
  w.Key("timeline");
  w.StartArray();
  for (const TimelineEntry& entry : d.timeline) {
    w.StartObject();
    KeyString(w, "kind", entry.kind == TimelineEntry::Kind::Inject ? "inject" : "decision");
    w.Key("round");
    w.Int(entry.round);
    w.Key("month");
    w.Int(entry.month);
    KeyString(w, "id", entry.id);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return buffer.GetString();
}

// { "lever path": value, ... } as a team's steps, starting from `steps`.
std::vector<Problem> StepsFromValues(const ExerciseTeam& team, const rapidjson::Value& values, DecisionSteps& steps) {
  if (!values.IsObject()) return {{"values", "must be an object of lever path -> value"}};
  for (auto it = values.MemberBegin(); it != values.MemberEnd(); ++it) {
    const std::string path = it->name.GetString();
    std::size_t index = 0;
    while (index < team.levers.size() && team.levers[index].path != path) ++index;
    if (index == team.levers.size()) return {{path, "is not one of " + team.id + "'s levers"}};
    if (!it->value.IsNumber()) return {{path, "must be a number"}};
    steps[index] = team.levers[index].NearestStep(it->value.GetDouble());
  }
  return {};
}

int TeamArgument(const Workshop& workshop, const rapidjson::Document& args) {
  if (!args.HasMember("team") || !args["team"].IsString()) return -1;
  return workshop.exercise().TeamIndex(args["team"].GetString());
}

std::string Run(App& app, Workshop& workshop, std::string_view command, const rapidjson::Document& args) {
  if (command == "enterCode") {
    if (!args.HasMember("code") || !args["code"].IsString()) return Problems("enterCode needs { code }");
    return ProblemsJson(workshop.EnterCode(args["code"].GetString()));
  }
  if (command == "decide") {
    const int team = TeamArgument(workshop, args);
    if (team < 0 || !args.HasMember("values")) return Problems("decide needs { team, values } with a team of this exercise");
    DecisionSteps steps = StepsAfterRound(workshop.exercise(), workshop.play(), workshop.Round())[static_cast<std::size_t>(team)];
    const ExerciseTeam& spec = workshop.exercise().teams[static_cast<std::size_t>(team)];
    if (std::vector<Problem> problems = StepsFromValues(spec, args["values"], steps); !problems.empty()) return ProblemsJson(problems);
    return ProblemsJson(workshop.Decide(team, steps));
  }
  if (command == "advance") return ProblemsJson(workshop.Advance());
  if (command == "undoRound") return workshop.UndoRound() ? R"({"undone":true})" : R"({"undone":false})";
  if (command == "teamLink") {
    const int team = TeamArgument(workshop, args);
    if (team < 0) return Problems("teamLink needs { team } with a team of this exercise");
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    KeyString(w, "link", workshop.TeamLink(team));  // this round's
    KeyString(w, "stableLink", workshop.StableTeamLink(team));  // every round's: teams catch up by round code
    KeyString(w, "joinCode", workshop.JoinCode(team));
    w.EndObject();
    return buffer.GetString();
  }
  if (command == "catchUp") {
    if (!args.HasMember("code") || !args["code"].IsString()) return Problems("catchUp needs { code }");
    return ProblemsJson(workshop.CatchUp(args["code"].GetString()));
  }
  if (command == "setDraft") {
    if (workshop.Facilitating()) return Problems("the facilitator has no draft: open a team link");
    if (!args.HasMember("values")) return Problems("setDraft needs { values }");
    const ExerciseTeam& spec = workshop.exercise().teams[static_cast<std::size_t>(workshop.Team())];
    DecisionSteps steps = workshop.Draft();
    if (std::vector<Problem> problems = StepsFromValues(spec, args["values"], steps); !problems.empty()) return ProblemsJson(problems);
    workshop.Draft() = steps;
    return "[]";
  }
  if (command == "teamView") {
    if (workshop.Facilitating()) return Problems("the facilitator has no team page: open a team link");
    return TeamViewJson(workshop);
  }
  if (command == "preview") {
    const Expected<DecisionPreview> preview = workshop.Preview();
    if (!preview) return ProblemsJson(preview.problems());
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    WriteOutcome(w, "current", preview.value().current);
    WriteOutcome(w, "withDraft", preview.value().withDraft);
    w.EndObject();
    return buffer.GetString();
  }
  if (command == "submit") {
    if (workshop.Facilitating()) return Problems("the facilitator does not submit codes: open a team link");
    const ExerciseTeam& spec = workshop.exercise().teams[static_cast<std::size_t>(workshop.Team())];
    if (!spec.DecidesIn(workshop.Round())) return Problems(spec.name.en + " does not decide in round " + std::to_string(workshop.Round()));
    return "{\"code\":\"" + workshop.Submit() + "\"}";  // Crockford base32 and hyphens
  }
  if (command == "debrief" || command == "debriefCsv") {
    const Expected<Debrief>& debrief = workshop.CurrentDebrief();
    if (!debrief) return ProblemsJson(debrief.problems());
    if (command == "debrief") return DebriefJson(debrief.value());
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    KeyString(w, "csv", DebriefCsv(workshop.exercise(), debrief.value()));
    w.EndObject();
    return buffer.GetString();
  }
  (void)app;
  return Problems("'" + std::string(command) + "' is not a workshop command");
}

}  // namespace

std::string WorkshopCommand(App& app, std::string_view command, std::string_view argJson) {
  Workshop& workshop = app.workshop();
  if (command == "state") return State(workshop);
  rapidjson::Document args;
  args.Parse(argJson.empty() ? "{}" : std::string(argJson).c_str());
  if (args.HasParseError() || !args.IsObject()) return Problems("the arguments must be a JSON object");
  if (!workshop.Active()) return Problems("no workshop is running: start one from the Workshop menu or open a session link");
  if (command == "leave") {
    app.LeaveWorkshop();
    return "{}";
  }
  return Run(app, workshop, command, args);
}

}  // namespace kz
