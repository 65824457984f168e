// What the facilitator's screen shows, decided without drawing: the projected view is presenter-safe
// (no private inject reaches the room), the common picture follows the crisis (the region, good and
// month of the latest public inject with a model event), the room sees who has decided, and the
// debrief's chart compares the play with the two reference runs. The panels only draw these.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "kizuna/exercise.hpp"
#include "kizuna/results.hpp"
#include "state/session.hpp"
#include "state/workshop.hpp"

namespace kz {

/// The injects of `round` a facilitator's screen lists, in file order: the public ones, and the
/// private ones too only when `presenterSafe` is false (the facilitator's own, unprojected view).
std::vector<const Inject*> FacilitatorInjects(const Exercise& exercise, int round, bool presenterSafe);

/// How many of `round`'s injects are private to some teams (what the presenter view holds back).
int PrivateInjectCount(const Exercise& exercise, int round);

/// The latest inject up to `round` (1-based) with a model event that `viewerTeam` may see ("" = the
/// room: public injects only, so a private inject's region never reaches the projector), or null.
const Inject* LatestCrisis(const Exercise& exercise, int round, const std::string& viewerTeam);

/// The selection that follows the crisis at `round` in the common picture (`picture`, and `results`
/// of its run): the region is the first buyer the latest crisis cuts off (else the first region it
/// hits; a cut to every buyer keeps the region the room was watching); the good is the one of the
/// crisis's goods the exercise scores that the region runs shortest of, and the month its worst from
/// the crisis's start on (where it collapses; the start month when it never runs short). Parts the
/// crisis does not name, or the picture lacks, keep their value from `current`. Without a crisis:
/// `current`.
Selection CrisisSelection(const Exercise& exercise, const Scenario& picture, const Results& results, int round,
                          const std::string& viewerTeam, Selection current);

/// Who has decided in the open round, for the room.
struct DecisionTally {
  int decided = 0;   ///< teams that decide this round and have
  int deciding = 0;  ///< teams that decide this round
};
DecisionTally TallyDecisions(const Workshop& workshop);

/// The debrief chart's runs, in the order the chart draws them.
enum class DebriefRun { Played, NoCooperation, FullCooperation };
inline constexpr std::array<DebriefRun, 3> kDebriefRuns = {DebriefRun::Played, DebriefRun::NoCooperation, DebriefRun::FullCooperation};

/// One group of bars of the debrief chart: a team's score (or, with an empty team, all teams'
/// collective cost) in each run, USD (costs: lower is better).
struct OutcomeBars {
  std::string team;  ///< team id; "" = all teams together
  std::array<double, 3> values{};  ///< indexed like kDebriefRuns
};

/// The debrief chart: one group per team in exercise order, then all teams together.
std::vector<OutcomeBars> DebriefChartBars(const Debrief& debrief);

/// The chart's scale: the largest value of the team groups (`allTeams` false; the teams share one
/// scale so their bars compare) or of the all-teams group (true; its sums are on another scale),
/// at least 1 so an all-zero chart still draws.
double DebriefChartScale(const std::vector<OutcomeBars>& bars, bool allTeams);

}  // namespace kz
