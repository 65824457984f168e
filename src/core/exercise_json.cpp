// Exercise files: RapidJSON, then a reader that walks the known structure collecting problems with
// their JSON paths; the "scenario" part and the inject events are read by the scenario loader (as a
// file extending the preset), and last the checks that need the scenario: lever paths and ranges,
// inject timing, and that every team's extremes and both reference runs give a valid scenario.
// Sections: helpers; parts (teams, injects, scoring, references, provenance; read with the core's
// json_read::Reader); scenario; semantic checks; load.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <string>

#include "exercise_apply.hpp"
#include "json_detail.hpp"
#include "json_read.hpp"
#include "kizuna/exercise.hpp"
#include "kizuna/hash.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/provenance.hpp"
#include "kizuna/validate.hpp"
#include "ranges.hpp"

namespace kz {
namespace {

using Json = rapidjson::Value;
using json_read::Reader;
using exercise_detail::GetExerciseLever;
using exercise_detail::LeverApplier;
using exercise_detail::ParseJoinPath;

// -- Helpers ------------------------------------------------------------------------------------------

using json_detail::Field;
using json_detail::Item;
using json_detail::TypeName;

constexpr std::size_t kMaxListedIds = 64;  // teams of an inject, scored goods, numbers of a provenance entry
constexpr std::size_t kMaxInjects = 256;

std::uint32_t ContentHash(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '\r') clean.push_back(c);  // the same file checked out with CRLF line ends is the same exercise
  }
  const std::uint64_t h = Fnv1a64(clean);
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

// -- Parts --------------------------------------------------------------------------------------------

void ReadLever(Reader& in, const Json& json, const std::string& path, ExerciseLever& lever) {
  if (!in.Object(json, path, {"path", "min", "max", "step", "label"})) return;
  in.String(json, path, "path", lever.path, true);
  in.Number(json, path, "min", lever.min, true);
  in.Number(json, path, "max", lever.max, true);
  in.Number(json, path, "step", lever.step, true);
  in.Text(json, path, "label", lever.label, false);
}

void ReadTeam(Reader& in, const Json& json, const std::string& path, ExerciseTeam& team, int rounds) {
  if (!in.Object(json, path, {"id", "name", "region", "levers", "objectives", "briefing", "decisionRounds"})) return;
  in.Id(json, path, "id", team.id);
  in.Text(json, path, "name", team.name, true);
  in.String(json, path, "region", team.region, true);
  in.Array(json, path, "levers", team.levers, true, [&](const Json& item, const std::string& itemPath, ExerciseLever& lever) {
    ReadLever(in, item, itemPath, lever);
  }, kMaxTeamLevers);
  if (json.HasMember("levers") && json["levers"].IsArray() && json["levers"].Empty()) in.Add(Field(path, "levers"), "must list at least one lever");
  in.Text(json, path, "objectives", team.objectives, true);
  in.Text(json, path, "briefing", team.briefing, true);
  in.Each(json, path, "decisionRounds", false, kMaxExerciseRounds, [&](const Json& item, const std::string& itemPath) {
    if (!item.IsInt() || item.GetInt() < 1 || item.GetInt() > rounds) {
      return in.Add(itemPath, "must be a round, 1.." + std::to_string(rounds));
    }
    if (!team.decisionRounds.empty() && item.GetInt() <= team.decisionRounds.back()) {
      return in.Add(itemPath, "rounds must be listed in increasing order, each once");
    }
    team.decisionRounds.push_back(item.GetInt());
  });
}

void ReadInject(Reader& in, const Json& json, const std::string& path, Inject& inject, int rounds) {
  if (!in.Object(json, path, {"id", "round", "text", "event", "teams"})) return;
  in.Id(json, path, "id", inject.id);
  in.IntegerIn(json, path, "round", inject.round, 1, rounds, true);
  in.Text(json, path, "text", inject.text, true);
  inject.hasEvent = json.HasMember("event");  // read by the scenario loader
  in.StringList(json, path, "teams", inject.teams, false, kMaxListedIds);
}

void ReadScoring(Reader& in, const Json& json, const std::string& path, ExerciseScoring& scoring) {
  if (!in.Object(json, path, {"lossWeight", "policyCostWeight", "ownWeight", "collectiveWeight", "goods"})) return;
  const std::pair<const char*, double*> weights[] = {{"lossWeight", &scoring.lossWeight},
                                                      {"policyCostWeight", &scoring.policyCostWeight},
                                                      {"ownWeight", &scoring.ownWeight},
                                                      {"collectiveWeight", &scoring.collectiveWeight}};
  for (const auto& [name, out] : weights) {
    in.Number(json, path, name, *out, true);
    if (!(*out >= 0.0) || !std::isfinite(*out)) in.Add(Field(path, name), "must be >= 0");
  }
  in.StringList(json, path, "goods", scoring.goods, false, kMaxListedIds);
}

void ReadSettings(Reader& in, const Json& json, const std::string& path, std::vector<LeverSetting>& out) {
  if (!json.IsObject()) return in.Add(path, std::string("must be an object of lever paths to values, got ") + TypeName(json));
  for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it) {
    const std::string key(it->name.GetString(), it->name.GetStringLength());
    if (!it->value.IsNumber()) {
      in.Add(Field(path, key), std::string("must be a number, got ") + TypeName(it->value));
      continue;
    }
    out.push_back({key, it->value.GetDouble()});
  }
}

void ReadReferences(Reader& in, const Json& json, const std::string& path, Exercise& exercise) {
  if (!in.Object(json, path, {"noCooperation", "fullCooperation"})) return;
  if (const Json* none = in.Member(json, path, "noCooperation", true)) ReadSettings(in, *none, Field(path, "noCooperation"), exercise.noCooperation);
  if (const Json* full = in.Member(json, path, "fullCooperation", true)) ReadSettings(in, *full, Field(path, "fullCooperation"), exercise.fullCooperation);
}

void ReadSourcesAndProvenance(Reader& in, const Json& root, Exercise& exercise) {
  in.Each(root, "", "sources", false, 256, [&](const Json& item, const std::string& path) {
    Source source;
    if (!in.Object(item, path, {"id", "citation", "tag", "url"})) return;
    in.String(item, path, "id", source.id, true);
    in.String(item, path, "citation", source.citation, true);
    in.String(item, path, "tag", source.tag, false);
    in.String(item, path, "url", source.url, false);
    exercise.sources.push_back(std::move(source));
  });
  in.Each(root, "", "provenance", false, 1024, [&](const Json& item, const std::string& path) {
    Provenance entry;
    if (!in.Object(item, path, {"numbers", "source", "assumption", "note"})) return;
    const std::size_t problemsBefore = in.problems.size() + in.dropped;
    in.StringList(item, path, "numbers", entry.numbers, false, kMaxListedIds);
    if (in.problems.size() + in.dropped != problemsBefore) entry.numbers.clear();  // its own problem says why; no echoes below
    in.String(item, path, "source", entry.source, false);
    in.String(item, path, "assumption", entry.assumption, false);
    in.String(item, path, "note", entry.note, false);
    if (entry.numbers.empty() && in.problems.size() + in.dropped == problemsBefore) in.Add(Field(path, "numbers"), "must name at least one number");
    for (const std::string& pattern : entry.numbers) {
      if (auto why = CheckNumberPattern(pattern)) in.Add(Field(path, "numbers"), "'" + pattern + "' " + *why);
    }
    const bool known = std::any_of(exercise.sources.begin(), exercise.sources.end(), [&](const Source& s) { return s.id == entry.source; });
    if (entry.source.empty() == entry.assumption.empty()) {
      in.Add(path, "needs exactly one of 'source' or 'assumption'");
    } else if (!entry.source.empty() && !known) {
      in.Add(Field(path, "source"), "'" + entry.source + "' is not one of the file's sources");
    }
    exercise.provenance.push_back(std::move(entry));
  });
}

// -- Scenario -----------------------------------------------------------------------------------------

// The "scenario" part as a scenario file on the preset, with the inject events appended to its events
// when `withInjects` (so the scenario loader reads and validates them in context).
std::string ScenarioFileText(const Json& root, const std::string& base, bool withInjects) {
  rapidjson::Document doc;
  auto& alloc = doc.GetAllocator();
  const auto part = root.FindMember("scenario");
  if (part != root.MemberEnd() && part->value.IsObject()) {
    doc.CopyFrom(part->value, alloc);
  } else {
    doc.SetObject();
  }
  if (!doc.HasMember("schemaVersion")) doc.AddMember("schemaVersion", kScenarioSchemaVersion, alloc);
  doc.RemoveMember("base");
  doc.AddMember("base", Json(base.c_str(), alloc), alloc);
  if (withInjects) {
    if (!doc.HasMember("events") || !doc["events"].IsArray()) {
      doc.RemoveMember("events");
      doc.AddMember("events", Json(rapidjson::kArrayType), alloc);
    }
    const Json& injects = root["injects"];
    for (const Json& inject : injects.GetArray()) {
      if (inject.IsObject() && inject.HasMember("event")) doc["events"].PushBack(Json(inject["event"], alloc), alloc);
    }
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  doc.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Problems of the scenario loader, renamed into the exercise file: `base: ...` stays (the preset),
// `events[k]` for an inject's event becomes `injects[i].event`, anything else is under `scenario`.
Problem RenameScenarioProblem(Problem problem, std::size_t ownEvents, const std::vector<std::size_t>& injectsWithEvents) {
  if (problem.path == "base" || problem.path.starts_with("base.")) return problem;
  if (problem.path.starts_with("events[")) {
    const std::size_t close = problem.path.find(']');
    const std::size_t index = static_cast<std::size_t>(std::strtoull(problem.path.c_str() + 7, nullptr, 10));
    if (close != std::string::npos && index >= ownEvents && index - ownEvents < injectsWithEvents.size()) {
      problem.path = "injects[" + std::to_string(injectsWithEvents[index - ownEvents]) + "].event" + problem.path.substr(close + 1);
      return problem;
    }
  }
  problem.path = problem.path.empty() ? "scenario" : "scenario." + problem.path;
  return problem;
}

void ReadScenario(Reader& in, const Json& root, Exercise& exercise, const ScenarioResolver& resolve) {
  const auto part = root.FindMember("scenario");
  if (part != root.MemberEnd() && !part->value.IsObject()) return in.Add("scenario", std::string("must be an object, got ") + TypeName(part->value));
  if (part != root.MemberEnd() && part->value.HasMember("base")) return in.Add("scenario.base", "the preset is the exercise's \"base\"; remove it here");
  Expected<Scenario> plain = LoadScenarioJson(ScenarioFileText(root, exercise.base, false), resolve);
  if (!plain) {
    for (const Problem& p : plain.problems()) in.Add(RenameScenarioProblem(p, 0, {}).path, p.message);
    return;
  }
  exercise.scenario = plain.value();
  std::vector<std::size_t> injectsWithEvents;
  for (std::size_t i = 0; i < exercise.injects.size(); ++i) {
    if (exercise.injects[i].hasEvent) injectsWithEvents.push_back(i);
  }
  if (injectsWithEvents.empty()) return;
  // The scenario loader numbers structural problems by the file's own list and semantic ones by the
  // merged list (base first): a first pass over the inject events alone finds the structural ones,
  // numbered by inject.
  rapidjson::Document alone;
  alone.SetObject();
  alone.AddMember("injects", Json(root["injects"], alone.GetAllocator()), alone.GetAllocator());
  std::string aloneText = ScenarioFileText(alone, exercise.base, true);
  // A broken region list makes the loader skip semantic checks: only structure is read.
  aloneText.replace(aloneText.find("\"base\":"), 0, "\"regions\":0,");
  Expected<Scenario> structure = LoadScenarioJson(aloneText, resolve);
  bool structural = false;
  for (const Problem& p : structure ? std::vector<Problem>{} : structure.problems()) {
    if (!p.path.starts_with("events[")) continue;
    Problem renamed = RenameScenarioProblem(p, 0, injectsWithEvents);
    in.Add(std::move(renamed.path), renamed.message);
    structural = true;
  }
  if (structural) return;
  Expected<Scenario> all = LoadScenarioJson(ScenarioFileText(root, exercise.base, true), resolve);
  if (!all) {
    for (const Problem& p : all.problems()) {
      Problem renamed = RenameScenarioProblem(p, exercise.scenario.events.size(), injectsWithEvents);
      in.Add(std::move(renamed.path), renamed.message);
    }
    return;
  }
  const std::size_t own = exercise.scenario.events.size();
  for (std::size_t k = 0; k < injectsWithEvents.size(); ++k) {
    exercise.injects[injectsWithEvents[k]].event = all.value().events[own + k];
  }
}

// -- Semantic checks ----------------------------------------------------------------------------------

void CheckLever(Reader& in, const Exercise& exercise, const ExerciseTeam& team, const ExerciseLever& lever,
                const std::map<std::string, LeverInfo>& levers, const std::string& path) {
  std::string framework, region;
  const bool join = ParseJoinPath(lever.path, framework, region);
  const auto info = levers.find(lever.path);
  if (join) {
    if (!GetExerciseLever(exercise.scenario, lever.path)) {
      return in.Add(Field(path, "path"), "\"" + lever.path + "\": the scenario has no framework '" + framework + "'");
    }
    if (region != team.region) return in.Add(Field(path, "path"), "a team may only join for its own region (" + team.region + ")");
    if (lever.min != 0.0 || lever.max != 1.0 || lever.step != 1.0) return in.Add(path, "join levers go from 0 to 1 in steps of 1");
    return;
  }
  if (info == levers.end()) {
    return in.Add(Field(path, "path"), "\"" + lever.path + "\" is not a lever of scenario \"" + exercise.scenario.id + "\"");
  }
  if (!(lever.step > 0.0) || !std::isfinite(lever.step)) return in.Add(Field(path, "step"), "must be > 0");
  if (!(lever.min <= lever.max)) return in.Add(path, "min must be <= max");
  if (lever.min < info->second.min || lever.max > info->second.max) {
    return in.Add(path, "the range " + FormatNumber(lever.min) + ".." + FormatNumber(lever.max) + " leaves the lever's own range " +
                            FormatNumber(info->second.min) + ".." + FormatNumber(info->second.max));
  }
  const double k = (lever.max - lever.min) / lever.step;
  if (std::fabs(k - std::round(k)) > 1e-9 * std::max(1.0, k)) return in.Add(Field(path, "step"), "max - min must be a whole number of steps");
  if (k > 1e6) return in.Add(Field(path, "step"), "at most 1,000,000 steps");
  if (info->second.integer && (lever.min != std::floor(lever.min) || lever.step != std::floor(lever.step))) {
    in.Add(path, "the lever takes whole numbers: min and step must be whole");
  }
}

void CheckTeams(Reader& in, const Exercise& exercise) {
  std::map<std::string, LeverInfo> levers;
  for (LeverInfo& info : ListLevers(exercise.scenario)) levers.emplace(info.path, std::move(info));
  std::map<std::string, std::string> owner;  // lever path -> team that controls it
  std::set<std::string> ids;
  for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
    const ExerciseTeam& team = exercise.teams[t];
    const std::string path = Item("teams", t);
    if (!ids.insert(team.id).second) in.Add(Field(path, "id"), "duplicate team id '" + team.id + "'");
    if (std::none_of(exercise.scenario.regions.begin(), exercise.scenario.regions.end(), [&](const Region& r) { return r.id == team.region; })) {
      in.Add(Field(path, "region"), "'" + team.region + "' is not a region of scenario \"" + exercise.scenario.id + "\"");
    }
    double combinations = 1.0;
    for (std::size_t i = 0; i < team.levers.size(); ++i) {
      const std::string leverPath = Item(Field(path, "levers"), i);
      CheckLever(in, exercise, team, team.levers[i], levers, leverPath);
      auto [it, inserted] = owner.try_emplace(team.levers[i].path, team.id);
      if (!inserted) in.Add(Field(leverPath, "path"), "\"" + team.levers[i].path + "\" is already controlled by team " + it->second);
      combinations *= static_cast<double>(team.levers[i].Steps());
    }
    if (combinations > std::ldexp(1.0, kMaxDecisionBits)) {
      in.Add(Field(path, "levers"), "too many combinations of values for a short decision code (" + FormatNumber(combinations) +
                                        " > 2^" + std::to_string(kMaxDecisionBits) + "); use fewer levers or coarser steps");
    }
  }
}

void CheckInjects(Reader& in, const Exercise& exercise) {
  std::set<std::string> ids;
  for (std::size_t i = 0; i < exercise.injects.size(); ++i) {
    const Inject& inject = exercise.injects[i];
    const std::string path = Item("injects", i);
    if (!ids.insert(inject.id).second) in.Add(Field(path, "id"), "duplicate inject id '" + inject.id + "'");
    for (std::size_t k = 0; k < inject.teams.size(); ++k) {
      if (exercise.TeamIndex(inject.teams[k]) < 0) in.Add(Item(Field(path, "teams"), k), "'" + inject.teams[k] + "' is not a team");
    }
    const int from = exercise.RoundStartMonth(inject.round);
    if (inject.hasEvent && inject.event.start < from) {
      in.Add(Field(path, "event.start"), std::to_string(inject.event.start) + " is before round " + std::to_string(inject.round) +
                                              " starts (month " + std::to_string(from) + "); an inject cannot change the past");
    }
  }
}

void CheckScoring(Reader& in, const Exercise& exercise) {
  for (std::size_t i = 0; i < exercise.scoring.goods.size(); ++i) {
    const std::string& good = exercise.scoring.goods[i];
    if (std::none_of(exercise.scenario.goods.begin(), exercise.scenario.goods.end(), [&](const Good& g) { return g.id == good; })) {
      in.Add(Item("scoring.goods", i), "'" + good + "' is not a good of the scenario");
    }
  }
}

// Applies settings to the scenario with every inject and reports problems under `path`.
void CheckApplies(Reader& in, const Exercise& exercise, const std::vector<LeverSetting>& settings, const std::string& path,
                  const std::string& what) {
  Scenario scenario = exercise_detail::WithInjects(exercise, exercise.rounds, -1);
  LeverApplier apply(scenario);
  exercise_detail::TouchJoinable(exercise, apply);
  bool ok = true;
  for (const LeverSetting& s : settings) {
    for (const Problem& p : apply.Set(s.path, s.value, -1)) {
      in.Add(Field(path, s.path), p.message);
      ok = false;
    }
  }
  if (!ok) return;
  apply.Finish();
  for (const Problem& p : ValidateScenario(scenario)) in.Add(path, what + " the scenario is invalid: " + p.ToString());
}

void CheckExtremes(Reader& in, const Exercise& exercise) {
  for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
    for (const bool atMax : {false, true}) {
      std::vector<LeverSetting> settings;
      for (const ExerciseLever& lever : exercise.teams[t].levers) settings.push_back({lever.path, atMax ? lever.max : lever.min});
      CheckApplies(in, exercise, settings, Item("teams", t) + ".levers", atMax ? "at their maximum" : "at their minimum");
    }
  }
  CheckApplies(in, exercise, exercise.noCooperation, "references.noCooperation", "with these settings");
  CheckApplies(in, exercise, exercise.fullCooperation, "references.fullCooperation", "with these settings");
}

}  // namespace

// -- Load ---------------------------------------------------------------------------------------------

Expected<Exercise> LoadExerciseJson(std::string_view text, const ScenarioResolver& resolvePreset) {
  if (text.size() > kMaxExerciseJsonBytes) {
    return std::vector<Problem>{{"", "the file is too large (" + std::to_string(text.size()) + " bytes; at most " +
                                         std::to_string(kMaxExerciseJsonBytes) + ")"}};
  }
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag>(text.data(), text.size());
  if (doc.HasParseError()) {
    return std::vector<Problem>{{"", std::string("not valid JSON at byte ") + std::to_string(doc.GetErrorOffset()) + ": " +
                                         rapidjson::GetParseError_En(doc.GetParseError())}};
  }
  Reader in;
  Exercise exercise;
  if (!in.Object(doc, "", {"format", "id", "title", "briefing", "base", "scenario", "rounds", "teams", "injects", "scoring",
                           "references", "sources", "provenance"})) {
    return in.problems;
  }
  in.IntegerIn(doc, "", "format", exercise.format, 1, 1000000, true);
  if (exercise.format > kExerciseFormat) {
    return std::vector<Problem>{{"format", "this exercise was written for a newer version of Kizuna (format " + std::to_string(exercise.format) +
                                               "; this version reads format " + std::to_string(kExerciseFormat) + ")"}};
  }
  in.Id(doc, "", "id", exercise.id);
  in.Text(doc, "", "title", exercise.title, true);
  in.Text(doc, "", "briefing", exercise.briefing, true);
  in.Id(doc, "", "base", exercise.base);
  if (const Json* rounds = in.Member(doc, "", "rounds", true); rounds != nullptr && in.Object(*rounds, "rounds", {"count", "monthsPerRound"})) {
    in.IntegerIn(*rounds, "rounds", "count", exercise.rounds, 1, kMaxExerciseRounds, true);
    in.IntegerIn(*rounds, "rounds", "monthsPerRound", exercise.monthsPerRound, 1, kMaxHorizonMonths, true);
  }
  in.Array(doc, "", "teams", exercise.teams, true, [&](const Json& item, const std::string& path, ExerciseTeam& team) {
    ReadTeam(in, item, path, team, exercise.rounds);
  }, kMaxExerciseTeams);
  if (exercise.teams.empty() && doc.HasMember("teams") && doc["teams"].IsArray()) in.Add("teams", "must list at least one team");
  in.Array(doc, "", "injects", exercise.injects, false, [&](const Json& item, const std::string& path, Inject& inject) {
    ReadInject(in, item, path, inject, exercise.rounds);
  }, kMaxInjects);
  if (const Json* scoring = in.Member(doc, "", "scoring", true)) ReadScoring(in, *scoring, "scoring", exercise.scoring);
  if (const Json* references = in.Member(doc, "", "references", true)) ReadReferences(in, *references, "references", exercise);
  ReadSourcesAndProvenance(in, doc, exercise);
  if (!in.problems.empty()) return in.problems;  // the rest needs a well-formed file

  ReadScenario(in, doc, exercise, resolvePreset);
  if (!in.problems.empty()) return in.problems;
  if (exercise.rounds * exercise.monthsPerRound > exercise.scenario.horizonMonths) {
    in.Add("rounds", std::to_string(exercise.rounds) + " rounds of " + std::to_string(exercise.monthsPerRound) + " months exceed the scenario's horizon (" +
                         std::to_string(exercise.scenario.horizonMonths) + " months)");
  }
  CheckTeams(in, exercise);
  CheckInjects(in, exercise);
  CheckScoring(in, exercise);
  if (!in.problems.empty()) return in.problems;
  CheckExtremes(in, exercise);
  if (!in.problems.empty()) return in.problems;
  exercise.contentHash = ContentHash(text);
  return exercise;
}

}  // namespace kz
