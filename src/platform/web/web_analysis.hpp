// The analysis bridge: the app's analysis requests go to the page (web/js/analysis.js runs them in the
// Web Worker), and the worker's progress, partial and final results come back through the exports
// in web_analysis.cpp into the app's AnalysisState.
#pragma once

#include "app.hpp"

namespace kz::web {

/// Passes this frame's analysis request and cancel, if any, to the page. Called once per frame.
void ForwardAnalysisRequests(App& app);

}  // namespace kz::web
