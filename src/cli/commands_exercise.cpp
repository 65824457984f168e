// `kizuna exercise check|code|play|debrief` (see commands_exercise.hpp).
#include "commands_exercise.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli_output.hpp"
#include "kizuna/exercise.hpp"
#include "scenario_source.hpp"

namespace kz::cli {
namespace {

// A file path, or the id of a bundled exercise.
Expected<Exercise> LoadExerciseSource(const std::string& source) {
  std::filesystem::path path = source;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    path = AssetsDir() / "exercises" / (source + ".json");
    if (source.find('/') != std::string::npos || source.find('.') != std::string::npos || !std::filesystem::is_regular_file(path, error)) {
      return std::vector<Problem>{{source, "no such file, and no bundled exercise of that id"}};
    }
  }
  Expected<std::string> text = ReadText(path);
  if (!text) return text.problems();
  return LoadExerciseJson(text.value(), BundledPresets());
}

// USD million; changes carry their sign ("+12.3"), amounts do not.
std::string Usd(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.1f", value / 1e6);
  return buffer;
}

std::string UsdChange(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%+.1f", value / 1e6);
  return buffer;
}

void PrintDebrief(const Exercise& exercise, const Play& play, const Debrief& debrief) {
  std::printf("Exercise %s: %s (%d of %d rounds played)\n\n", exercise.id.c_str(), exercise.title.en.c_str(), play.CurrentRound(), exercise.rounds);
  std::printf("Scorecards: weighted costs in USD million, lower is better (own = %.2f x loss + %.2f x policy cost;\n"
              "score = %.2f x own + %.2f x collective)\n",
              exercise.scoring.lossWeight, exercise.scoring.policyCostWeight, exercise.scoring.ownWeight, exercise.scoring.collectiveWeight);
  std::printf("%-6s %14s %14s %14s %14s %14s %14s\n", "team", "own played", "own no-coop", "own full-coop", "score played",
              "score no-coop", "score full");
  for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
    const TeamOutcome& p = debrief.played.teams[t];
    const TeamOutcome& n = debrief.noCooperation.teams[t];
    const TeamOutcome& f = debrief.fullCooperation.teams[t];
    std::printf("%-6s %14s %14s %14s %14s %14s %14s\n", p.team.c_str(), Usd(p.own).c_str(), Usd(n.own).c_str(), Usd(f.own).c_str(),
                Usd(p.score).c_str(), Usd(n.score).c_str(), Usd(f.score).c_str());
  }
  std::printf("%-6s %14s %14s %14s\n\n", "all", Usd(debrief.played.collective).c_str(), Usd(debrief.noCooperation.collective).c_str(),
              Usd(debrief.fullCooperation.collective).c_str());
  std::printf("Timeline\n");
  for (const TimelineEntry& entry : debrief.timeline) {
    if (entry.kind == TimelineEntry::Kind::Inject) {
      std::printf("  round %d, month %2d  inject %s: %s\n", entry.round, entry.month, entry.id.c_str(), entry.text.en.c_str());
      continue;
    }
    std::printf("  round %d, month %2d  %s decides:", entry.round, entry.month, entry.id.c_str());
    if (entry.changes.empty()) std::printf(" no change");
    for (const LeverSetting& change : entry.changes) std::printf(" %s=%g", change.path.c_str(), change.value);
    std::printf("\n");
  }
  std::printf("\nWhat each decision changed (that decision alone undone; USD million, negative = better)\n");
  for (const DecisionEffect& effect : debrief.effects) {
    std::printf("  round %d %-4s cost %10s  loss avoided %10s  own %10s  score %10s  collective %10s\n", effect.round,
                effect.team.c_str(), UsdChange(effect.value.cost).c_str(), UsdChange(effect.value.lossAvoided).c_str(),
                UsdChange(effect.value.ownChange).c_str(), UsdChange(effect.value.scoreChange).c_str(),
                UsdChange(effect.collectiveChange).c_str());
  }
  std::printf("\nresults %016llx\n", static_cast<unsigned long long>(debrief.played.resultsHash));
}

int Finish(const Exercise& exercise, const Play& play, const ExerciseOptions& options) {
  Expected<Debrief> debrief = MakeDebrief(exercise, play);
  if (!debrief) return ReportProblems(exercise.id, debrief.problems());
  PrintDebrief(exercise, play, debrief.value());
  if (options.link) std::printf("link #%s\n", EncodeSessionLink(exercise, play).c_str());
  if (!options.csvPath.empty() && !WriteFile(options.csvPath, DebriefCsv(exercise, debrief.value()))) return 1;
  return 0;
}

}  // namespace

int ExerciseCheckCommand(const ExerciseOptions& options) {
  Expected<Exercise> exercise = LoadExerciseSource(options.exercise);
  if (!exercise) return ReportProblems(options.exercise, exercise.problems());
  const Exercise& e = exercise.value();
  std::printf("%s: valid (%zu teams, %d rounds of %d months, %zu injects, on %s)\n", e.id.c_str(), e.teams.size(), e.rounds,
              e.monthsPerRound, e.injects.size(), e.base.c_str());
  for (const std::string& number : ExerciseNumbersWithoutProvenance(e)) {
    std::fprintf(stderr, "warning: %s: no source or assumption\n", number.c_str());
  }
  return 0;
}

int ExerciseCodeCommand(const ExerciseOptions& options) {
  Expected<Exercise> exercise = LoadExerciseSource(options.exercise);
  if (!exercise) return ReportProblems(options.exercise, exercise.problems());
  const Exercise& e = exercise.value();
  const int team = e.TeamIndex(options.team);
  if (team < 0) return ReportProblems("--team", {{options.team, "is not a team of exercise " + e.id}});
  if (options.round < 1 || options.round > e.rounds) return ReportProblems("--round", {{"", "must be 1.." + std::to_string(e.rounds)}});
  const ExerciseTeam& who = e.teams[static_cast<std::size_t>(team)];
  DecisionSteps steps = StepsAfterRound(e, StartPlay(e), 0)[static_cast<std::size_t>(team)];
  std::vector<Problem> problems;
  for (const std::string& set : options.sets) {
    const std::size_t eq = set.find('=');
    const std::string path = set.substr(0, eq);
    std::size_t lever = 0;
    while (lever < who.levers.size() && who.levers[lever].path != path) ++lever;
    char* end = nullptr;
    const double value = eq == std::string::npos ? NAN : std::strtod(set.c_str() + eq + 1, &end);
    if (lever == who.levers.size()) {
      problems.push_back({path, "is not a lever of team " + who.id});
    } else if (!std::isfinite(value) || end == nullptr || *end != '\0') {
      problems.push_back({path, "needs PATH=VALUE with a number"});
    } else {
      const ExerciseLever& l = who.levers[lever];
      const int step = l.NearestStep(value);
      if (std::fabs(l.ValueAt(step) - value) > 1e-9 * std::max(1.0, std::fabs(value))) {
        problems.push_back({path, "must be one of " + std::to_string(l.min) + ", " + std::to_string(l.min + l.step) + " ... " + std::to_string(l.max)});
      } else {
        steps[lever] = step;
      }
    }
  }
  if (!problems.empty()) return ReportProblems("--set", problems);
  std::printf("%s\n", EncodeDecisionCode(e, DecisionCode{options.round, team, steps}).c_str());
  return 0;
}

int ExercisePlayCommand(const ExerciseOptions& options) {
  Expected<Exercise> exercise = LoadExerciseSource(options.exercise);
  if (!exercise) return ReportProblems(options.exercise, exercise.problems());
  const Exercise& e = exercise.value();
  Play play = StartPlay(e);
  for (const std::string& code : options.codes) {
    Expected<DecisionCode> decoded = DecodeDecisionCode(e, code);
    // A code for a later round closes the rounds before it (the facilitator advances).
    while (decoded && decoded.value().round > play.CurrentRound()) AdvanceRound(e, play);
    Expected<DecisionCode> entered = EnterDecisionCode(e, play, code);
    if (!entered) return ReportProblems(code, entered.problems());
  }
  while (play.CurrentRound() < e.rounds) AdvanceRound(e, play);
  return Finish(e, play, options);
}

int ExerciseDebriefCommand(const ExerciseOptions& options) {
  Expected<SessionLink> link = DecodeSessionLink(options.sessionLink);
  if (!link) return ReportProblems("link", link.problems());
  Expected<Exercise> exercise = LoadExerciseSource(link.value().exercise);
  if (!exercise) return ReportProblems(link.value().exercise, exercise.problems());
  Expected<Play> play = PlayFromSessionLink(exercise.value(), link.value());
  if (!play) return ReportProblems("link", play.problems());
  return Finish(exercise.value(), play.value(), options);
}

}  // namespace kz::cli
