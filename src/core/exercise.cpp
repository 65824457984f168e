// The exercise model: lever steps, decision rounds, inject visibility, exercise number paths and
// how exercise levers and injects are applied to a scenario (exercise_apply.hpp).
#include <algorithm>
#include <cmath>
#include <string>

#include "exercise_apply.hpp"
#include "id_text.hpp"
#include "kizuna/exercise.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/provenance.hpp"

namespace kz {

// -- The model --------------------------------------------------------------------------------------

int ExerciseLever::Steps() const {
  if (!(step > 0.0) || !(max >= min)) return 1;
  return static_cast<int>(std::llround((max - min) / step)) + 1;
}

double ExerciseLever::ValueAt(int index) const {
  const int last = Steps() - 1;
  if (index >= last) return max;  // exactly max, whatever the rounding of min + k x step
  if (index <= 0) return min;
  return min + static_cast<double>(index) * step;
}

int ExerciseLever::NearestStep(double value) const {
  if (!(step > 0.0) || !std::isfinite(value)) return 0;
  const double k = std::round((value - min) / step);
  return static_cast<int>(std::clamp(k, 0.0, static_cast<double>(Steps() - 1)));
}

bool ExerciseTeam::DecidesIn(int round) const {
  return decisionRounds.empty() || std::find(decisionRounds.begin(), decisionRounds.end(), round) != decisionRounds.end();
}

bool Inject::VisibleTo(const std::string& teamId) const {
  return teams.empty() || std::find(teams.begin(), teams.end(), teamId) != teams.end();
}

int Exercise::TeamIndex(std::string_view teamId) const {
  for (std::size_t i = 0; i < teams.size(); ++i) {
    if (teams[i].id == teamId) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> ExerciseNumbers(const Exercise& exercise) {
  std::vector<std::string> numbers = {"rounds.count", "rounds.monthsPerRound"};
  for (const ExerciseTeam& team : exercise.teams) {
    for (std::size_t i = 0; i < team.levers.size(); ++i) numbers.push_back("teams." + team.id + ".levers." + std::to_string(i));
  }
  for (const char* field : {"lossWeight", "policyCostWeight", "ownWeight", "collectiveWeight"}) {
    numbers.push_back(std::string("scoring.") + field);
  }
  for (std::size_t i = 0; i < exercise.noCooperation.size(); ++i) numbers.push_back("references.noCooperation." + std::to_string(i));
  for (std::size_t i = 0; i < exercise.fullCooperation.size(); ++i) numbers.push_back("references.fullCooperation." + std::to_string(i));
  return numbers;
}

std::vector<std::string> ExerciseNumbersWithoutProvenance(const Exercise& exercise) {
  std::vector<std::string> uncovered;
  for (const std::string& number : ExerciseNumbers(exercise)) {
    const bool covered = std::any_of(exercise.provenance.begin(), exercise.provenance.end(), [&](const Provenance& entry) {
      return std::any_of(entry.numbers.begin(), entry.numbers.end(),
                         [&](const std::string& pattern) { return MatchesNumberPattern(pattern, number); });
    });
    if (!covered) uncovered.push_back(number);
  }
  return uncovered;
}

// -- Applying levers --------------------------------------------------------------------------------

namespace exercise_detail {
namespace {

Framework* FindFramework(Scenario& scenario, std::string_view id) {
  for (Framework& f : scenario.frameworks) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

// The start lever of the object a lever belongs to, for objects with their own start month
// (investments, export controls, joint investment, coordinated controls); empty for the rest.
std::string StartLeverOf(std::string_view path) {
  const std::vector<std::string_view> p = SplitPath(path);
  const bool policyObject = p.size() == 5 && p[0] == "policy" && (p[2] == "investment" || p[2] == "exportControl");
  const bool frameworkObject = p.size() == 4 && p[0] == "framework" && (p[2] == "jointInvestment" || p[2] == "exportControls");
  if (!policyObject && !frameworkObject) return {};
  return std::string(path.substr(0, path.rfind('.'))) + ".start";  // the object's path and its start
}

void SwitchOffRules(Framework& f) {
  f.informationSharing.enabled = false;
  f.stockpilePool.enabled = false;
  f.partnerPriority.enabled = false;
  f.jointInvestment.enabled = false;
  f.exportControls.enabled = false;
}

}  // namespace

bool ParseJoinPath(std::string_view path, std::string& framework, std::string& region) {
  const std::vector<std::string_view> p = SplitPath(path);
  if (p.size() != 3 || p[0] != "join" || p[1].empty() || p[2].empty()) return false;
  framework = p[1];
  region = p[2];
  return true;
}

Expected<double> GetExerciseLever(const Scenario& scenario, std::string_view path) {
  std::string framework, region;
  if (!ParseJoinPath(path, framework, region)) return GetLever(scenario, path);
  for (const Framework& f : scenario.frameworks) {
    if (f.id != framework) continue;
    return std::find(f.members.begin(), f.members.end(), region) != f.members.end() ? 1.0 : 0.0;
  }
  return std::vector<Problem>{{std::string(path), "unknown lever: no framework '" + framework + "'"}};
}

std::vector<Problem> LeverApplier::Set(const std::string& path, double value, int fromMonth) {
  std::string framework, region;
  if (ParseJoinPath(path, framework, region)) {
    Framework* f = FindFramework(scenario, framework);
    if (f == nullptr) return {{path, "unknown lever: no framework '" + framework + "'"}};
    if (value != 0.0 && value != 1.0) return {{path, "must be 0 or 1"}};
    if (std::none_of(scenario.regions.begin(), scenario.regions.end(), [&](const Region& r) { return r.id == region; })) {
      return {{path, "unknown lever: no region '" + region + "'"}};
    }
    auto [it, inserted] = members.try_emplace(framework, f->members);
    std::vector<std::string>& list = it->second;
    const auto at = std::find(list.begin(), list.end(), region);
    if (value == 1.0 && at == list.end()) list.push_back(region);
    if (value == 0.0 && at != list.end()) list.erase(at);
    return {};
  }
  const Expected<double> before = GetLever(scenario, path);
  std::vector<Problem> problems = SetLever(scenario, path, value);
  if (!problems.empty() || !before || before.value() == value || fromMonth < 0) return problems;
  const std::string start = StartLeverOf(path);
  if (!start.empty() && path != start) return SetLever(scenario, start, static_cast<double>(fromMonth));
  return problems;
}

void LeverApplier::Touch(const std::string& framework) {
  if (Framework* f = FindFramework(scenario, framework)) members.try_emplace(framework, f->members);
}

void TouchJoinable(const Exercise& exercise, LeverApplier& apply) {
  for (const ExerciseTeam& team : exercise.teams) {
    for (const ExerciseLever& lever : team.levers) {
      std::string framework, region;
      if (ParseJoinPath(lever.path, framework, region)) apply.Touch(framework);
    }
  }
}

void LeverApplier::Finish() {
  for (auto& [id, list] : members) {
    Framework* f = FindFramework(scenario, id);
    if (f == nullptr) continue;
    if (list.size() < 2) SwitchOffRules(*f);  // no partner: nothing to coordinate
    if (!list.empty()) f->members = list;     // keep one member: a framework needs at least one
    const bool hostIn = std::find(f->members.begin(), f->members.end(), f->jointInvestment.host) != f->members.end();
    if (!hostIn) f->jointInvestment.enabled = false;
  }
  members.clear();
}

Scenario WithInjects(const Exercise& exercise, int round, int team, bool publicOnly) {
  Scenario scenario = exercise.scenario;
  for (const Inject& inject : exercise.injects) {
    if (!inject.hasEvent || inject.round > round || (publicOnly && !inject.teams.empty())) continue;
    if (team >= 0 && !inject.VisibleTo(exercise.teams[static_cast<std::size_t>(team)].id)) continue;
    scenario.events.push_back(inject.event);
  }
  return scenario;
}

std::vector<LeverSetting> SettingsOf(const ExerciseTeam& team, const DecisionSteps& steps) {
  std::vector<LeverSetting> settings;
  for (std::size_t i = 0; i < team.levers.size() && i < steps.size(); ++i) {
    settings.push_back({team.levers[i].path, team.levers[i].ValueAt(steps[i])});
  }
  return settings;
}

}  // namespace exercise_detail
}  // namespace kz
