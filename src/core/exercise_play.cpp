// Playing an exercise: the rounds and decisions of a session, the scenario they describe at any
// round (the common picture), scoring a run for every team, and a team's preview of its draft.
#include <algorithm>
#include <functional>

#include "exercise_apply.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/exercise.hpp"
#include "kizuna/validate.hpp"

namespace kz {
namespace {

using exercise_detail::LeverApplier;
using exercise_detail::SettingsOf;

std::vector<Problem> CheckSteps(const ExerciseTeam& team, const DecisionSteps& steps) {
  if (steps.size() != team.levers.size()) {
    return {{"decision", "team " + team.id + " controls " + std::to_string(team.levers.size()) + " levers; got " +
                             std::to_string(steps.size()) + " values"}};
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i] < 0 || steps[i] >= team.levers[i].Steps()) {
      return {{"decision." + team.levers[i].path, "step " + std::to_string(steps[i]) + " is outside 0.." +
                                                      std::to_string(team.levers[i].Steps() - 1)}};
    }
  }
  return {};
}

// Which decision to use for (round, team): the recorded one, a replacement, or none (skip).
using DecisionOf = std::function<const DecisionSteps*(int round, int team)>;

// Applies decisions of rounds 1..lastRound in order, each from its round's start month.
std::vector<Problem> ApplyDecisions(const Exercise& exercise, int lastRound, const DecisionOf& decisionOf, Scenario& scenario) {
  LeverApplier apply(scenario);
  exercise_detail::TouchJoinable(exercise, apply);
  for (int round = 1; round <= lastRound; ++round) {
    for (std::size_t t = 0; t < exercise.teams.size(); ++t) {
      const DecisionSteps* steps = decisionOf(round, static_cast<int>(t));
      if (steps == nullptr || steps->empty()) continue;
      for (const LeverSetting& s : SettingsOf(exercise.teams[t], *steps)) {
        std::vector<Problem> problems = apply.Set(s.path, s.value, exercise.RoundStartMonth(round));
        if (!problems.empty()) return problems;
      }
    }
  }
  apply.Finish();  // memberships are standing policy: settled once, after every round
  std::vector<Problem> problems = ValidateScenario(scenario);
  return problems;
}

DecisionOf Recorded(const Play& play) {
  return [&play](int round, int team) -> const DecisionSteps* {
    if (round < 1 || round > play.CurrentRound()) return nullptr;
    const auto& decisions = play.rounds[static_cast<std::size_t>(round - 1)].decisions;
    return static_cast<std::size_t>(team) < decisions.size() ? &decisions[static_cast<std::size_t>(team)] : nullptr;
  };
}

bool Counts(const ExerciseScoring& scoring, const std::string& good) {
  return scoring.goods.empty() || std::find(scoring.goods.begin(), scoring.goods.end(), good) != scoring.goods.end();
}

}  // namespace

Play StartPlay(const Exercise& exercise) {
  Play play;
  play.rounds.push_back(PlayRound{std::vector<DecisionSteps>(exercise.teams.size())});
  return play;
}

std::vector<Problem> RecordDecision(const Exercise& exercise, Play& play, int team, const DecisionSteps& steps) {
  if (team < 0 || team >= static_cast<int>(exercise.teams.size())) return {{"decision", "no team " + std::to_string(team)}};
  if (play.rounds.empty()) return {{"decision", "the session has not started"}};
  const ExerciseTeam& who = exercise.teams[static_cast<std::size_t>(team)];
  const int round = play.CurrentRound();
  if (!who.DecidesIn(round)) return {{"decision", "team " + who.id + " does not decide in round " + std::to_string(round)}};
  std::vector<DecisionSteps>& decisions = play.rounds.back().decisions;
  decisions.resize(exercise.teams.size());
  if (!decisions[static_cast<std::size_t>(team)].empty()) {
    return {{"decision", "team " + who.id + " has already decided round " + std::to_string(round) + "; clear its decision to replace it"}};
  }
  std::vector<Problem> problems = CheckSteps(who, steps);
  if (problems.empty()) decisions[static_cast<std::size_t>(team)] = steps;
  return problems;
}

bool ClearDecision(Play& play, int team) {
  if (play.rounds.empty() || team < 0 || static_cast<std::size_t>(team) >= play.rounds.back().decisions.size()) return false;
  DecisionSteps& steps = play.rounds.back().decisions[static_cast<std::size_t>(team)];
  const bool had = !steps.empty();
  steps.clear();
  return had;
}

std::vector<Problem> AdvanceRound(const Exercise& exercise, Play& play) {
  if (play.CurrentRound() >= exercise.rounds) {
    return {{"round", "round " + std::to_string(exercise.rounds) + " is the last round; go on to the debrief"}};
  }
  play.rounds.push_back(PlayRound{std::vector<DecisionSteps>(exercise.teams.size())});
  return {};
}

bool UndoRound(Play& play) {
  if (play.rounds.size() > 1) {
    play.rounds.pop_back();
    return true;
  }
  if (play.rounds.empty()) return false;
  std::vector<DecisionSteps>& decisions = play.rounds.front().decisions;
  const bool any = std::any_of(decisions.begin(), decisions.end(), [](const DecisionSteps& d) { return !d.empty(); });
  for (DecisionSteps& d : decisions) d.clear();
  return any;
}

std::vector<DecisionSteps> StepsAfterRound(const Exercise& exercise, const Play& play, int round) {
  std::vector<DecisionSteps> steps;
  for (const ExerciseTeam& team : exercise.teams) {
    DecisionSteps initial;
    for (const ExerciseLever& lever : team.levers) {
      const Expected<double> value = exercise_detail::GetExerciseLever(exercise.scenario, lever.path);
      initial.push_back(lever.NearestStep(value ? value.value() : lever.min));
    }
    steps.push_back(std::move(initial));
  }
  const DecisionOf recorded = Recorded(play);
  for (int r = 1; r <= std::min(round, play.CurrentRound()); ++r) {
    for (std::size_t t = 0; t < steps.size(); ++t) {
      const DecisionSteps* decided = recorded(r, static_cast<int>(t));
      if (decided != nullptr && !decided->empty()) steps[t] = *decided;
    }
  }
  return steps;
}

Expected<Scenario> ScenarioAtRound(const Exercise& exercise, const Play& play, int round, InjectScope scope) {
  if (round < 1 || round > play.CurrentRound()) {
    return std::vector<Problem>{{"round", "round " + std::to_string(round) + " has not been played (1.." + std::to_string(play.CurrentRound()) + ")"}};
  }
  Scenario scenario = exercise_detail::WithInjects(exercise, round, -1, scope == InjectScope::Public);
  std::vector<Problem> problems = ApplyDecisions(exercise, round, Recorded(play), scenario);
  if (!problems.empty()) return problems;
  return scenario;
}

Expected<ExerciseOutcome> ScoreScenario(const Exercise& exercise, const Scenario& scenario) {
  Expected<Simulation> simulation = Simulation::Create(scenario, Simulation::Validation::Skip);  // callers validated it
  if (!simulation) return simulation.problems();
  Results results;
  simulation.value().Run(results);
  ExerciseOutcome outcome;
  outcome.resultsHash = HashResults(results);
  for (const ExerciseTeam& team : exercise.teams) {
    TeamOutcome score{team.id};
    const auto r = std::find(results.regionIds.begin(), results.regionIds.end(), team.region) - results.regionIds.begin();
    for (int g = 0; g < results.goods; ++g) {
      if (!Counts(exercise.scoring, results.goodIds[static_cast<std::size_t>(g)])) continue;
      for (int t = 0; t < results.months; ++t) {
        score.loss += results.loss[results.Index(t, static_cast<int>(r), g)];
        score.policyCost += results.policyCost[results.Index(t, static_cast<int>(r), g)];
      }
    }
    score.own = exercise.scoring.lossWeight * score.loss + exercise.scoring.policyCostWeight * score.policyCost;
    outcome.collective += score.own;
    outcome.teams.push_back(score);
  }
  for (TeamOutcome& team : outcome.teams) {
    team.score = exercise.scoring.ownWeight * team.own + exercise.scoring.collectiveWeight * outcome.collective;
  }
  return outcome;
}

Expected<DecisionPreview> PreviewDecision(const Exercise& exercise, const Play& play, int team, const DecisionSteps& draft) {
  if (team < 0 || team >= static_cast<int>(exercise.teams.size())) return std::vector<Problem>{{"team", "no team " + std::to_string(team)}};
  if (std::vector<Problem> problems = CheckSteps(exercise.teams[static_cast<std::size_t>(team)], draft); !problems.empty()) return problems;
  const int round = play.CurrentRound();
  const DecisionOf recorded = Recorded(play);
  DecisionPreview preview;
  for (const bool withDraft : {false, true}) {
    Scenario scenario = exercise_detail::WithInjects(exercise, round, team);  // what the team knows
    const DecisionOf decisions = [&](int r, int t) -> const DecisionSteps* {
      if (r == round && t == team) return withDraft ? &draft : nullptr;
      return recorded(r, t);
    };
    std::vector<Problem> problems = ApplyDecisions(exercise, round, decisions, scenario);
    if (!problems.empty()) return problems;
    Expected<ExerciseOutcome> outcome = ScoreScenario(exercise, scenario);
    if (!outcome) return outcome.problems();
    (withDraft ? preview.withDraft : preview.current) = outcome.value().teams[static_cast<std::size_t>(team)];
  }
  return preview;
}

namespace exercise_detail {

// The outcome of every inject and every decision, with the decision of (skipRound, skipTeam) left out.
Expected<ExerciseOutcome> OutcomeWithout(const Exercise& exercise, const Play& play, int skipRound, int skipTeam) {
  Scenario scenario = WithInjects(exercise, exercise.rounds, -1);
  const DecisionOf recorded = Recorded(play);
  // Without that decision the team would have held its earlier values: its later decisions (a code
  // carries every lever) that only kept a lever where the skipped one put it keep the earlier value
  // instead, until the team chose that lever anew. Otherwise a decision held for the rest of the game
  // would seem to have changed nothing.
  std::vector<DecisionSteps> without(static_cast<std::size_t>(play.CurrentRound()) + 1);
  const DecisionSteps* skipped = recorded(skipRound, skipTeam);
  if (skipped != nullptr && !skipped->empty()) {
    const DecisionSteps before = StepsAfterRound(exercise, play, skipRound - 1)[static_cast<std::size_t>(skipTeam)];
    std::vector<bool> held(skipped->size(), true);
    for (int r = skipRound + 1; r <= play.CurrentRound(); ++r) {
      const DecisionSteps* later = recorded(r, skipTeam);
      if (later == nullptr || later->empty()) continue;
      DecisionSteps& rewritten = without[static_cast<std::size_t>(r)] = *later;
      for (std::size_t i = 0; i < rewritten.size() && i < skipped->size(); ++i) {
        held[i] = held[i] && rewritten[i] == (*skipped)[i];
        if (held[i]) rewritten[i] = before[i];
      }
    }
  }
  const DecisionOf decisions = [&](int r, int t) -> const DecisionSteps* {
    if (t != skipTeam || skipped == nullptr) return recorded(r, t);
    if (r == skipRound) return nullptr;
    return r > skipRound && !without[static_cast<std::size_t>(r)].empty() ? &without[static_cast<std::size_t>(r)] : recorded(r, t);
  };
  std::vector<Problem> problems = ApplyDecisions(exercise, play.CurrentRound(), decisions, scenario);
  if (!problems.empty()) return problems;
  return ScoreScenario(exercise, scenario);
}

}  // namespace exercise_detail
}  // namespace kz
