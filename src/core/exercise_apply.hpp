// Applying exercise levers and injects to a scenario (private to the core): the one place that knows
// how a decision takes effect (exercise.hpp, "How a decision applies") and what join.* means.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/exercise.hpp"

namespace kz::exercise_detail {

/// join.<framework>.<region>: the framework and region it names, or false.
bool ParseJoinPath(std::string_view path, std::string& framework, std::string& region);

/// The current value of an exercise lever (join.*: 1 when the region is a member), or a problem.
Expected<double> GetExerciseLever(const Scenario& scenario, std::string_view path);

/// Collects lever settings and applies them to a scenario. Memberships are gathered and settled
/// at Finish, so the order of join and rule levers within a batch does not matter.
class LeverApplier {
 public:
  explicit LeverApplier(Scenario& target) : scenario(target) {}
  /// Sets `path` to `value`; when it changes a lever of an object with its own start month and
  /// `fromMonth` >= 0, that start becomes `fromMonth`. Problems name the path.
  std::vector<Problem> Set(const std::string& path, double value, int fromMonth);
  /// Settles memberships: a framework left with fewer than two members has its rules switched off
  /// (one member keeps the list valid), and a joint investment whose host left is switched off.
  void Finish();
  /// Makes Finish settle `framework` even if no join lever names it in this batch (so a framework
  /// teams may join has its rules off until two members are in, from the first month).
  void Touch(const std::string& framework);

 private:
  Scenario& scenario;
  std::map<std::string, std::vector<std::string>> members;  // frameworks touched by join levers
};

/// Touches every framework that some team's join lever names.
void TouchJoinable(const Exercise& exercise, LeverApplier& apply);

/// The exercise's scenario with the events of the injects of rounds 1..`round` added; with `team`
/// >= 0, only injects that team receives; with `publicOnly`, only injects every team receives.
Scenario WithInjects(const Exercise& exercise, int round, int team, bool publicOnly = false);

/// The value of step `steps[i]` of each lever of `team`.
std::vector<LeverSetting> SettingsOf(const ExerciseTeam& team, const DecisionSteps& steps);

}  // namespace kz::exercise_detail

namespace kz::exercise_detail {
/// The outcome of the whole horizon with every inject and every decision of `play`, except the
/// decision of (skipRound, skipTeam) (pass 0, -1 to skip none).
Expected<ExerciseOutcome> OutcomeWithout(const Exercise& exercise, const Play& play, int skipRound, int skipTeam);
}  // namespace kz::exercise_detail
