// The team page's content (workshop_team_view.hpp): read from the workshop and the catalogs only.
#include "workshop_team_view.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "kizuna/json_write.hpp"
#include "panels/plot.hpp"
#include "state/catalog.hpp"

namespace kz {
namespace {

using json::KeyNumber;
using json::KeyString;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void KeyBool(Writer& w, const char* key, bool value) {
  w.Key(key);
  w.Bool(value);
}

void KeyInt(Writer& w, const char* key, int value) {
  w.Key(key);
  w.Int(value);
}

void WriteTeam(Writer& w, const ExerciseTeam& team) {
  w.Key("team");
  w.StartObject();
  KeyString(w, "id", team.id);
  KeyString(w, "name", LocalName(team.name, team.id));
  KeyString(w, "briefing", LocalText(team.briefing));
  KeyString(w, "objectives", LocalText(team.objectives));
  w.EndObject();
}

// Newest first, as the ImGui panel lists them: the latest news is what a team reads first.
void WriteInjects(Writer& w, const Workshop& workshop, const ExerciseTeam& team) {
  w.Key("injects");
  w.StartArray();
  const std::vector<Inject>& injects = workshop.exercise().injects;
  for (auto it = injects.rbegin(); it != injects.rend(); ++it) {
    if (it->round > workshop.Round() || !it->VisibleTo(team.id)) continue;
    w.StartObject();
    KeyInt(w, "round", it->round);
    KeyString(w, "text", LocalText(it->text));
    KeyBool(w, "private", !it->teams.empty());
    w.EndObject();
  }
  w.EndArray();
}

// A lever with two values 0 and 1 is a yes/no choice: the page shows it as a switch.
bool IsYesNo(const ExerciseLever& lever) { return lever.Steps() == 2 && lever.min == 0.0 && lever.max == 1.0; }

void WriteLevers(Writer& w, const Workshop& workshop, const ExerciseTeam& team) {
  w.Key("levers");
  w.StartArray();
  const DecisionSteps& draft = workshop.Draft();
  for (std::size_t i = 0; i < team.levers.size(); ++i) {
    const ExerciseLever& lever = team.levers[i];
    w.StartObject();
    KeyString(w, "path", lever.path);
    KeyString(w, "label", LocalName(lever.label, lever.path));
    KeyNumber(w, "min", lever.min);
    KeyNumber(w, "max", lever.max);
    KeyNumber(w, "step", lever.step);
    KeyInt(w, "steps", lever.Steps());
    KeyNumber(w, "value", lever.ValueAt(i < draft.size() ? draft[i] : 0));
    KeyBool(w, "yesNo", IsYesNo(lever));
    w.EndObject();
  }
  w.EndArray();
}

void WritePreview(Writer& w, const Workshop& workshop) {
  w.Key("preview");
  w.StartObject();
  const Expected<DecisionPreview> preview = workshop.Preview();
  if (!preview) {
    KeyString(w, "problem", preview.problems().front().message);
  } else {
    KeyNumber(w, "now", preview.value().current.own);
    KeyNumber(w, "with", preview.value().withDraft.own);
    KeyString(w, "nowText", plot::FormatUsd(preview.value().current.own));
    KeyString(w, "withText", plot::FormatUsd(preview.value().withDraft.own));
    const DecisionValue value = preview.value().Value();  // what the draft buys (the debrief's accounting)
    KeyNumber(w, "cost", value.cost);
    KeyNumber(w, "lossAvoided", value.lossAvoided);
    KeyString(w, "costText", plot::FormatUsd(value.cost));
    KeyString(w, "lossAvoidedText", plot::FormatUsd(value.lossAvoided));
  }
  w.EndObject();
}

}  // namespace

std::string TeamViewJson(const Workshop& workshop) {
  const Exercise& ex = workshop.exercise();
  const ExerciseTeam& team = ex.teams[static_cast<std::size_t>(workshop.Team())];
  const int round = workshop.Round();
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  KeyString(w, "title", LocalName(ex.title, ex.id));
  WriteTeam(w, team);
  KeyString(w, "exerciseBriefing", LocalText(ex.briefing));
  KeyInt(w, "round", round);
  KeyInt(w, "rounds", ex.rounds);
  KeyInt(w, "firstMonth", ex.RoundStartMonth(round));
  KeyInt(w, "lastMonth", ex.RoundStartMonth(round) + ex.monthsPerRound - 1);
  KeyBool(w, "decides", team.DecidesIn(round));
  KeyBool(w, "decided", workshop.Decided(workshop.Team()));
  WriteInjects(w, workshop, team);
  WriteLevers(w, workshop, team);
  WritePreview(w, workshop);
  KeyString(w, "code", workshop.LastCode());
  w.EndObject();
  return buffer.GetString();
}

}  // namespace kz
