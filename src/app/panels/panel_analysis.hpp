// The Analysis window: Monte Carlo percentile bands, coalition Shapley bars and table, sensitivity
// tornado. Options and Run/Cancel issue requests through AnalysisState; results arrive from the
// Web Worker (via the platform) and are drawn as they come. Nothing here runs the model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "state/analysis_options.hpp"
#include "state/analysis_state.hpp"
#include "state/session.hpp"

namespace kz {

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
  std::string shownText;    ///< the window's text as the last frame drew it ("" when closed): tests read it
};

/// Draws the window while *open (closing it sets *open = false). Requires a current ImGui frame.
void DrawAnalysisWindow(const Session& session, AnalysisState& analysis, AnalysisPanelState& state, bool* open);

}  // namespace kz
