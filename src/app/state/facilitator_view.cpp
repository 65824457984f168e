// The facilitator's screen without drawing (facilitator_view.hpp).
#include "state/facilitator_view.hpp"

#include <algorithm>
#include <cmath>

namespace kz {
namespace {

template <typename Item>
int IndexOf(const std::vector<Item>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

bool Scored(const Exercise& exercise, const std::string& good) {
  const std::vector<std::string>& scored = exercise.scoring.goods;
  return scored.empty() || std::find(scored.begin(), scored.end(), good) != scored.end();
}

// The region's lowest fulfilment of `good` from `start` on, and its month (start and 1 when the
// results do not cover it).
std::pair<double, int> Worst(const Results& results, int region, int good, int start) {
  std::pair<double, int> worst{1.0, start};
  if (region < 0 || good < 0 || region >= results.regions || good >= results.goods) return worst;
  for (int t = std::max(0, start); t < results.months; ++t) {
    const double fulfilment = results.fulfilment[results.Index(t, region, good)];
    if (fulfilment < worst.first - 1e-9) worst = {fulfilment, t};
  }
  return worst;
}

}  // namespace

std::vector<const Inject*> FacilitatorInjects(const Exercise& exercise, int round, bool presenterSafe) {
  std::vector<const Inject*> shown;
  for (const Inject& inject : exercise.injects) {
    if (inject.round == round && (inject.teams.empty() || !presenterSafe)) shown.push_back(&inject);
  }
  return shown;
}

int PrivateInjectCount(const Exercise& exercise, int round) {
  return static_cast<int>(std::count_if(exercise.injects.begin(), exercise.injects.end(),
                                        [&](const Inject& inject) { return inject.round == round && !inject.teams.empty(); }));
}

const Inject* LatestCrisis(const Exercise& exercise, int round, const std::string& viewerTeam) {
  const Inject* latest = nullptr;
  for (const Inject& inject : exercise.injects) {
    if (!inject.hasEvent || inject.round > round) continue;
    const bool visible = viewerTeam.empty() ? inject.teams.empty() : inject.VisibleTo(viewerTeam);
    if (visible && (latest == nullptr || inject.round >= latest->round)) latest = &inject;  // the last written wins a tie
  }
  return latest;
}

Selection CrisisSelection(const Exercise& exercise, const Scenario& picture, const Results& results, int round,
                          const std::string& viewerTeam, Selection current) {
  const Inject* crisis = LatestCrisis(exercise, round, viewerTeam);
  if (crisis == nullptr) return current;
  const Event& event = crisis->event;
  const std::vector<std::string>& hit = event.targets.empty() ? event.regions : event.targets;
  // A restriction on every buyer names only its seller: the room keeps looking where it was.
  const bool sellerOnly = event.targets.empty() && event.kind == EventKind::ExportRestriction;
  if (!hit.empty() && !sellerOnly) {
    if (const int region = IndexOf(picture.regions, hit.front()); region >= 0) current.region = region;
  }
  // The crisis's scored good the region runs shortest of (the first on a tie), at its worst month.
  int chosen = -1;
  std::pair<double, int> chosenWorst{2.0, event.start};
  for (const std::string& id : event.goods) {
    const int good = IndexOf(picture.goods, id);
    if (good < 0 || !Scored(exercise, id)) continue;
    const std::pair<double, int> worst = Worst(results, current.region, good, event.start);
    if (worst.first < chosenWorst.first - 1e-9) {
      chosen = good;
      chosenWorst = worst;
    }
  }
  if (chosen >= 0) current.good = chosen;
  if (chosenWorst.second >= 0 && chosenWorst.second < picture.horizonMonths) current.month = chosenWorst.second;
  return current;
}

DecisionTally TallyDecisions(const Workshop& workshop) {
  DecisionTally tally;
  const std::vector<ExerciseTeam>& teams = workshop.exercise().teams;
  for (std::size_t t = 0; t < teams.size(); ++t) {
    if (!teams[t].DecidesIn(workshop.Round())) continue;
    ++tally.deciding;
    if (workshop.Decided(static_cast<int>(t))) ++tally.decided;
  }
  return tally;
}

std::vector<OutcomeBars> DebriefChartBars(const Debrief& debrief) {
  const std::array<const ExerciseOutcome*, 3> runs = {&debrief.played, &debrief.noCooperation, &debrief.fullCooperation};
  std::vector<OutcomeBars> bars;
  for (std::size_t t = 0; t < debrief.played.teams.size(); ++t) {
    OutcomeBars group{debrief.played.teams[t].team, {}};
    for (std::size_t r = 0; r < runs.size(); ++r) group.values[r] = t < runs[r]->teams.size() ? runs[r]->teams[t].score : 0.0;
    bars.push_back(group);
  }
  bars.push_back({"", {debrief.played.collective, debrief.noCooperation.collective, debrief.fullCooperation.collective}});
  return bars;
}

double DebriefChartScale(const std::vector<OutcomeBars>& bars, bool allTeams) {
  double scale = 1.0;
  for (const OutcomeBars& group : bars) {
    if (group.team.empty() != allTeams) continue;
    for (const double value : group.values) scale = std::max(scale, std::abs(value));
  }
  return scale;
}

}  // namespace kz
