// Progress reporting and cancellation for long analyses (Monte Carlo, coalitions, sensitivity), so
// the CLI can print progress and the app can run them in a Web Worker and cancel them.
#pragma once

#include <functional>

namespace kz {

/// Called with the fraction done (0..1) between units of work; return false to cancel. An analysis
/// that is cancelled returns a problem { "", "cancelled" } and no partial results.
using Progress = std::function<bool(double fractionDone)>;

}  // namespace kz
