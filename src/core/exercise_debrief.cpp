// The debrief of a session: outcomes against the two reference runs, every team's scorecard, the
// timeline of injects and decisions, what each decision changed (that decision alone undone, the
// others held), and the same as CSV for the after-action report.
#include <cstdio>
#include <string>

#include "exercise_apply.hpp"
#include "kizuna/exercise.hpp"
#include "kizuna/validate.hpp"

namespace kz {
namespace {

using exercise_detail::GetExerciseLever;

Expected<ExerciseOutcome> ReferenceOutcome(const Exercise& exercise, const std::vector<LeverSetting>& settings) {
  Scenario scenario = exercise_detail::WithInjects(exercise, exercise.rounds, -1);
  exercise_detail::LeverApplier apply(scenario);
  exercise_detail::TouchJoinable(exercise, apply);
  for (const LeverSetting& s : settings) {
    if (std::vector<Problem> problems = apply.Set(s.path, s.value, -1); !problems.empty()) return problems;
  }
  apply.Finish();
  if (std::vector<Problem> problems = ValidateScenario(scenario); !problems.empty()) return problems;
  return ScoreScenario(exercise, scenario);
}

// The levers a decision changed from the team's values before it, with their new values.
std::vector<LeverSetting> Changes(const Exercise& exercise, const ExerciseTeam& team, const DecisionSteps* before,
                                  const DecisionSteps& steps) {
  std::vector<LeverSetting> changes;
  for (std::size_t i = 0; i < team.levers.size(); ++i) {
    const ExerciseLever& lever = team.levers[i];
    const Expected<double> base = GetExerciseLever(exercise.scenario, lever.path);
    const double previous = before != nullptr ? lever.ValueAt((*before)[i]) : (base ? base.value() : lever.min);
    const double now = lever.ValueAt(steps[i]);
    if (now != previous) changes.push_back({lever.path, now});
  }
  return changes;
}

void AddTimeline(const Exercise& exercise, const Play& play, Debrief& debrief) {
  std::vector<const DecisionSteps*> last(exercise.teams.size(), nullptr);
  for (int round = 1; round <= play.CurrentRound(); ++round) {
    for (const Inject& inject : exercise.injects) {
      if (inject.round != round) continue;
      const int month = inject.hasEvent ? inject.event.start : exercise.RoundStartMonth(round);
      debrief.timeline.push_back({TimelineEntry::Kind::Inject, round, month, inject.id, inject.text, {}});
    }
    const PlayRound& played = play.rounds[static_cast<std::size_t>(round - 1)];
    for (std::size_t t = 0; t < exercise.teams.size() && t < played.decisions.size(); ++t) {
      const DecisionSteps& steps = played.decisions[t];
      if (steps.empty()) continue;
      const ExerciseTeam& team = exercise.teams[t];
      debrief.timeline.push_back({TimelineEntry::Kind::Decision, round, exercise.RoundStartMonth(round), team.id, team.name,
                                  Changes(exercise, team, last[t], steps)});
      last[t] = &steps;
    }
  }
}

std::string Csv(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string Number(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

std::string Value(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

// The session as a team's link had it when `round` opened: earlier rounds closed, no decision yet.
Play AtRoundStart(const Exercise& exercise, const Play& play, int round) {
  Play start = play;
  start.rounds.resize(static_cast<std::size_t>(round));
  start.rounds.back().decisions.assign(exercise.teams.size(), {});
  return start;
}

}  // namespace

Expected<Debrief> MakeDebrief(const Exercise& exercise, const Play& play) {
  if (play.rounds.empty()) return std::vector<Problem>{{"play", "no round has been played"}};
  Debrief debrief;
  Expected<ExerciseOutcome> played = exercise_detail::OutcomeWithout(exercise, play, 0, -1);
  if (!played) return played.problems();
  debrief.played = played.value();
  Expected<ExerciseOutcome> none = ReferenceOutcome(exercise, exercise.noCooperation);
  if (!none) return none.problems();
  debrief.noCooperation = none.value();
  Expected<ExerciseOutcome> full = ReferenceOutcome(exercise, exercise.fullCooperation);
  if (!full) return full.problems();
  debrief.fullCooperation = full.value();
  AddTimeline(exercise, play, debrief);
  for (const TimelineEntry& entry : debrief.timeline) {
    if (entry.kind != TimelineEntry::Kind::Decision || entry.changes.empty()) continue;
    const int team = exercise.TeamIndex(entry.id);
    Expected<ExerciseOutcome> without = exercise_detail::OutcomeWithout(exercise, play, entry.round, team);
    if (!without) return without.problems();
    const TeamOutcome& now = debrief.played.teams[static_cast<std::size_t>(team)];
    const TeamOutcome& then = without.value().teams[static_cast<std::size_t>(team)];
    Expected<DecisionPreview> seen = PreviewDecision(exercise, AtRoundStart(exercise, play, entry.round), team,
                                                     play.rounds[static_cast<std::size_t>(entry.round - 1)].decisions[static_cast<std::size_t>(team)]);
    if (!seen) return seen.problems();
    debrief.effects.push_back({entry.round, entry.id, ValueOfDecision(then, now),
                               debrief.played.collective - without.value().collective, seen.value().Value()});
  }
  return debrief;
}

DecisionValue ValueOfDecision(const TeamOutcome& without, const TeamOutcome& with) {
  return {with.policyCost - without.policyCost, without.loss - with.loss, with.own - without.own, with.score - without.score};
}

const char* DebriefLessonKey(DebriefLesson::Kind kind) {
  switch (kind) {
    case DebriefLesson::Kind::MostGained: return "most-gained";
    case DebriefLesson::Kind::MostPaid: return "most-paid";
    case DebriefLesson::Kind::LeftOnTable: return "left-on-table";
    case DebriefLesson::Kind::BeatFull: return "beat-full";
    case DebriefLesson::Kind::BestDecision: return "best-decision";
    case DebriefLesson::Kind::PaidForOthers: return "paid-for-others";
  }
  return "";
}

std::vector<DebriefLesson> DebriefLessons(const Debrief& debrief) {
  using Kind = DebriefLesson::Kind;
  std::vector<DebriefLesson> lessons;
  const std::vector<TeamOutcome>& played = debrief.played.teams;
  const std::vector<TeamOutcome>& none = debrief.noCooperation.teams;
  // Who gained and who paid, against no cooperation (the first team wins ties: exercise order).
  std::size_t gained = 0, paid = 0;
  for (std::size_t t = 1; t < played.size() && t < none.size(); ++t) {
    if (none[t].own - played[t].own > none[gained].own - played[gained].own) gained = t;
    if (played[t].policyCost - none[t].policyCost > played[paid].policyCost - none[paid].policyCost) paid = t;
  }
  if (!played.empty() && none.size() == played.size()) {
    if (none[gained].own - played[gained].own > 0.0) {
      lessons.push_back({Kind::MostGained, played[gained].team, 0, none[gained].own - played[gained].own, 0.0});
    }
    if (played[paid].policyCost - none[paid].policyCost > 0.0) {
      lessons.push_back({Kind::MostPaid, played[paid].team, 0, played[paid].policyCost - none[paid].policyCost,
                         none[paid].loss - played[paid].loss});
    }
  }
  // What was left on the table, or won beyond the reference.
  const double gap = debrief.played.collective - debrief.fullCooperation.collective;
  if (gap > 0.0) lessons.push_back({Kind::LeftOnTable, "", 0, gap, 0.0});
  if (gap < 0.0) lessons.push_back({Kind::BeatFull, "", 0, -gap, 0.0});
  // The decision that helped all teams most, and one that cost its team while it helped the others.
  const DecisionEffect* best = nullptr;
  const DecisionEffect* generous = nullptr;
  for (const DecisionEffect& effect : debrief.effects) {
    if (effect.collectiveChange < 0.0 && (best == nullptr || effect.collectiveChange < best->collectiveChange)) best = &effect;
    const double othersSaved = -(effect.collectiveChange - effect.value.ownChange);
    if (effect.value.ownChange > 0.0 && othersSaved > 0.0 &&
        (generous == nullptr || othersSaved > -(generous->collectiveChange - generous->value.ownChange))) {
      generous = &effect;
    }
  }
  if (best != nullptr) lessons.push_back({Kind::BestDecision, best->team, best->round, -best->collectiveChange, 0.0});
  if (generous != nullptr && lessons.size() < 5) {
    lessons.push_back({Kind::PaidForOthers, generous->team, generous->round, generous->value.ownChange,
                       -(generous->collectiveChange - generous->value.ownChange)});
  }
  return lessons;
}

std::string DebriefCsv(const Exercise& exercise, const Debrief& debrief) {
  std::string csv = "section,run,team,round,month,item,value,loss_usd,policy_cost_usd,own_usd,collective_usd,score_usd\n";
  const std::pair<const char*, const ExerciseOutcome*> runs[] = {
      {"played", &debrief.played}, {"noCooperation", &debrief.noCooperation}, {"fullCooperation", &debrief.fullCooperation}};
  for (const auto& [name, outcome] : runs) {
    for (const TeamOutcome& team : outcome->teams) {
      csv += std::string("scorecard,") + name + "," + Csv(team.team) + ",,,,," + Number(team.loss) + "," + Number(team.policyCost) + "," +
             Number(team.own) + "," + Number(outcome->collective) + "," + Number(team.score) + "\n";
    }
  }
  for (const TimelineEntry& entry : debrief.timeline) {
    const std::string where = std::to_string(entry.round) + "," + std::to_string(entry.month) + ",";
    if (entry.kind == TimelineEntry::Kind::Inject) {
      csv += "inject,,," + where + Csv(entry.id) + "," + Csv(entry.text.en) + ",,,,,\n";
      continue;
    }
    if (entry.changes.empty()) csv += "decision,," + Csv(entry.id) + "," + where + "(no change),,,,,,\n";
    for (const LeverSetting& change : entry.changes) {
      csv += "decision,," + Csv(entry.id) + "," + where + Csv(change.path) + "," + Value(change.value) + ",,,,,\n";
    }
  }
  for (const DecisionEffect& effect : debrief.effects) {
    csv += "effect,," + Csv(effect.team) + "," + std::to_string(effect.round) + "," +
           std::to_string(exercise.RoundStartMonth(effect.round)) + ",,," + Number(-effect.value.lossAvoided) + "," +
           Number(effect.value.cost) + "," + Number(effect.value.ownChange) + "," + Number(effect.collectiveChange) + "," +
           Number(effect.value.scoreChange) + "\n";
  }
  for (const DecisionEffect& effect : debrief.effects) {  // what the team expected when it decided
    csv += "effect-seen,," + Csv(effect.team) + "," + std::to_string(effect.round) + "," +
           std::to_string(exercise.RoundStartMonth(effect.round)) + ",,," + Number(-effect.seen.lossAvoided) + "," +
           Number(effect.seen.cost) + "," + Number(effect.seen.ownChange) + ",," + Number(effect.seen.scoreChange) + "\n";
  }
  return csv;
}

}  // namespace kz
