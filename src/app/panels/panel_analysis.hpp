// The Analysis window: Monte Carlo percentile bands, coalition Shapley bars and table, sensitivity
// tornado. Options and Run/Cancel issue requests through AnalysisState; results arrive from the
// Web Worker (via the platform) and are drawn as they come. Nothing here runs the model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state/analysis_state.hpp"
#include "state/session.hpp"

namespace kz {

/// Sensitivity metrics the window offers; the region and good come from the session's selection.
enum class SensitivityMetric { TotalLoss, RegionLoss, RegionWelfare, Shortfall, PeakPrice };

/// The window's UI state: the options being edited and which tab shows.
struct AnalysisPanelState {
  AnalysisKind tab = AnalysisKind::MonteCarlo;
  bool selectTab = false;  ///< switch to `tab` on the next frame (a menu pick)
  // Monte Carlo
  int runs = 200;
  std::uint64_t seed = 0;
  int cell = -1;  ///< result cell shown; -1 = follow the session's selection
  // Coalitions
  int framework = 0;
  std::vector<char> candidate;  ///< per scenario region
  // Sensitivity
  SensitivityMetric metric = SensitivityMetric::RegionLoss;
  int spreadPercent = 50;  ///< low/high = value x (1 -/+ spreadPercent / 100)
  std::vector<char> leverOn;  ///< per Session::levers() entry
  char leverFilter[64] = "";
  int optionsVersion = -1;  ///< Session::leversVersion() the options were set up for
};

/// Draws the window while *open (closing it sets *open = false). Requires a current ImGui frame.
void DrawAnalysisWindow(const Session& session, AnalysisState& analysis, AnalysisPanelState& state, bool* open);

/// The metric path for RunSensitivity ("loss", "loss.JP", "shortfall.JP.chips", ...).
std::string SensitivityMetricPath(SensitivityMetric metric, const Session& session);

/// Options JSON of each kind, as the worker reads them (kizuna/analysis_job.hpp).
std::string MonteCarloOptionsJson(int runs, std::uint64_t seed);
std::string CoalitionOptionsJson(const std::string& framework, const std::vector<std::string>& candidates);
std::string SensitivityOptionsJson(const std::string& metric, double spread, const std::vector<std::string>& levers);

/// The levers a sensitivity run starts with: shocks, frameworks, risks and the selected region's
/// policies that are not zero (a zero lever +/-50% does not move), at most `limit`, in lever order.
std::vector<std::size_t> DefaultSensitivityLevers(const Session& session, std::size_t limit = 24);

}  // namespace kz
