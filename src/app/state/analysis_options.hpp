// The analyses' options as the worker reads them (JSON), and the defaults the Analysis window starts
// from: which levers a sensitivity run varies, which metric it measures. Data only; the window draws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state/catalog.hpp"
#include "state/session.hpp"

namespace kz {

/// Sensitivity metrics the window offers; the region and good come from the session's selection.
enum class SensitivityMetric { TotalLoss, RegionLoss, RegionWelfare, Shortfall, PeakPrice };

/// The ids of the session's selected region and good.
const std::string& SelectedRegionId(const Session& session);
const std::string& SelectedGoodId(const Session& session);

/// The metric path for RunSensitivity ("loss", "loss.JP", "shortfall.JP.chips", ...).
std::string SensitivityMetricPath(SensitivityMetric metric, const Session& session);

/// A metric path ("loss", "loss.JP", "shortfall.JP.chips", ...) in words: "Value lost in Japan".
/// Unknown shapes read as the path itself.
std::string SensitivityMetricLabel(const std::string& metric, const Scenario& scenario, const UiText& words);
/// The axis title of a metric's values in `unit` ("USD", "share", "index"): "Value lost in Japan, US dollars".
std::string SensitivityAxisTitle(const std::string& metric, const std::string& unit, const Scenario& scenario, const UiText& words);

/// Options JSON of each kind, as the worker reads them (kizuna/analysis_job.hpp).
std::string MonteCarloOptionsJson(int runs, std::uint64_t seed);
std::string CoalitionOptionsJson(const std::string& framework, const std::vector<std::string>& candidates);
/// `switches` (paths among `levers`) are on/off levers, varied from off to on rather than by the
/// spread (a switch at 1 +/- 50% would not move).
std::string SensitivityOptionsJson(const std::string& metric, double spread, const std::vector<std::string>& levers,
                                   const std::vector<std::string>& switches = {});

/// Whether the lever is an on/off switch (unit "on/off"), which a sensitivity run varies off to on.
bool IsSwitchLever(const LeverInfo& lever);

/// The levers a sensitivity run starts with (indices into session.levers()), at most `limit`: the
/// scenario's key levers (its dials, in their order) and its frameworks' rules (each rule's switch,
/// and the settings of the rules that are on); without dials, the shocks, frameworks and
/// the selected region's policies. Levers at zero are left out (a zero lever +/- the spread does
/// not move), switches are not (off to on moves).
/// Never the risk register's: a sensitivity run is a single run, which hazards never change.
std::vector<std::size_t> DefaultSensitivityLevers(const Session& session, std::size_t limit = 24);

}  // namespace kz
