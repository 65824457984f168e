// Levers: every user-adjustable number of a scenario, addressed by a stable path made of ids and JSON
// field names (`facility.JP.chips.capacity`, `policy.US.stockpile.re_oxide.targetMonths`), so the UI,
// links, exercises and sensitivity analyses can name a number without knowing list positions.
// Ranges are the validator's: a valid scenario stays valid after any accepted SetLever.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

/// One adjustable number. Paths (ids are [A-Za-z0-9_-], so '.' separates safely):
///   horizonMonths
///   region.<r>.weight
///   good.<g>.<basePrice|valueMultiplier|qualificationMonths|interchangeable|demandElasticity|priceSensitivity|
///            priceMaxMultiple|priceAdjustment>
///   demand.<region>.<good>.<monthly|growthPerYear>
///   facility.<region>.<good>.<capacity|initialStock|maxRampPerMonth>
///   trade.<buyer>.<good>.<seller>                                  (the share)
///   event.<id>.<fraction|start|duration|recoveryMonths>
///   risk.<id>.annualProbability      risk.<id>.<severity|durationMonths>.<low|mode|high>
///                                    (fixed distributions: mode only)
///   policy.<region>.responseLagMonths
///   policy.<region>.stockpile.<good>.<targetMonths|initialFill|releaseTrigger|releasePerMonth|
///                                     refillPerMonth|holdingCostPerYear>
///   policy.<region>.investment.<good>.<capacity|start|leadMonths|rampMonths|capexPerUnit>
///   policy.<region>.diversification.<good>.maxShare
///   policy.<region>.substitution.<good>.<maxReduction|monthsToFull|costPerUnit>
///   policy.<region>.recycling.<good>.<rate|lagMonths>
///   policy.<region>.exportControl.<good>.<fraction|start|duration>
///   framework.<id>.<rule>.<enabled|parameter>  (rules that name goods, targets or a host: once named)
/// Where a lever belongs in a UI: what a scenario is about (its shocks, the regions' policies, the
/// frameworks, the risk register) or the world's data (regions, goods, demand, facilities, trade).
enum class LeverGroup : std::uint8_t { Shocks, Policies, Frameworks, Risks, WorldData };

/// The group's stable English name, as the page API reports it: "Shocks", "National policies",
/// "Frameworks", "Risks", "World data".
const char* LeverGroupName(LeverGroup group);

struct LeverInfo {
  std::string path;   ///< stable address, see above
  std::string unit;   ///< e.g. "t/month", "USD/t", "months", "share", "x" (the good's unit where it applies)
  double min = 0.0;   ///< smallest valid value (for "> 0" ranges, the smallest double above 0)
  double max = 0.0;   ///< largest valid value; +infinity when unbounded (the UI picks a slider span)
  double value = 0.0; ///< current value
  bool integer = false;  ///< whole numbers only (months)
  std::string label;  ///< short English description, e.g. "JP chips capacity"
  LeverGroup group = LeverGroup::WorldData;
  /// The id the lever belongs to: the event, region (policies, demand, trade: the buyer, facilities:
  /// the host), framework, hazard or good; "" for the scenario's own (horizonMonths, discountRate).
  std::string owner;
  /// The path's words after the owner, for a label in any language: ids of goods or regions
  /// (e.g. {"stockpile", "re_oxide", "targetMonths"}, {"re_oxide", "CN"} for a trade share).
  std::vector<std::string> labelParts;
};

/// Every lever of `scenario`, in scenario order (header, regions, goods, demand, facilities, trade, events,
/// policies). Ranges that depend on the scenario are resolved: an event's start is 0..horizon-1,
/// the horizon is at least the latest event start + 1, a trade share with no other seller is 1..1.
std::vector<LeverInfo> ListLevers(const Scenario& scenario);

/// One number of a scenario that needs a source: a lever, or a map position (`region.<r>.lat|lon`,
/// degrees), which the UI shows but no lever changes.
struct NumberInfo {
  std::string path;    ///< a lever path, or region.<r>.lat / region.<r>.lon
  std::string unit;    ///< as LeverInfo::unit; "degrees north" / "degrees east" for map positions
  double value = 0.0;  ///< current value
  bool lever = true;   ///< false for map positions (GetLever and SetLever do not know them)
  std::string label;   ///< short English description
};

/// Every number path of `scenario`: the levers in ListLevers order, with each region's lat and lon
/// just before its weight. These are the numbers provenance must cover (kizuna/provenance.hpp).
std::vector<NumberInfo> ListNumbers(const Scenario& scenario);

/// The current value of the lever at `path`, or one problem (`unknown lever`) naming the path.
Expected<double> GetLever(const Scenario& scenario, std::string_view path);

/// Sets the lever at `path` to `value`. Setting a trade share rescales the buyer's other sellers of
/// that good proportionally so the shares still sum to 1 (equally when they were all 0). Returns the
/// problems (unknown path, non-finite value, out of range, not a whole number), each naming the
/// path; on any problem the scenario is left unchanged.
std::vector<Problem> SetLever(Scenario& scenario, std::string_view path, double value);
/// As above, and appends to `changed` the paths whose values changed: the lever's, and for a trade
/// share also the buyer's other shares of the good, which rescale to keep the sum at 1.
std::vector<Problem> SetLever(Scenario& scenario, std::string_view path, double value, std::vector<std::string>& changed);

}  // namespace kz
