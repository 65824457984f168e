// The analyses' options as the worker reads them (JSON), and the defaults the Analysis window starts
// from: which levers a sensitivity run varies, which metric it measures. Data only; the window draws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state/session.hpp"

namespace kz {

/// Sensitivity metrics the window offers; the region and good come from the session's selection.
enum class SensitivityMetric { TotalLoss, RegionLoss, RegionWelfare, Shortfall, PeakPrice };

/// The ids of the session's selected region and good.
const std::string& SelectedRegionId(const Session& session);
const std::string& SelectedGoodId(const Session& session);

/// The metric path for RunSensitivity ("loss", "loss.JP", "shortfall.JP.chips", ...).
std::string SensitivityMetricPath(SensitivityMetric metric, const Session& session);

/// Options JSON of each kind, as the worker reads them (kizuna/analysis_job.hpp).
std::string MonteCarloOptionsJson(int runs, std::uint64_t seed);
std::string CoalitionOptionsJson(const std::string& framework, const std::vector<std::string>& candidates);
std::string SensitivityOptionsJson(const std::string& metric, double spread, const std::vector<std::string>& levers);

/// The levers a sensitivity run starts with: shocks, frameworks and the selected region's policies
/// that are not zero (a zero lever +/-50% does not move), at most `limit`, in lever order. Not the
/// risk register's: a sensitivity run is a single run, which hazards never change.
std::vector<std::size_t> DefaultSensitivityLevers(const Session& session, std::size_t limit = 24);

}  // namespace kz
