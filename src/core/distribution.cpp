// Inverse-CDF sampling for the risk register (see distribution.hpp for why it is hand-written).
#include "distribution.hpp"

#include <algorithm>
#include <cmath>

namespace kz {

const char* DistributionKindName(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::Fixed: return "fixed";
    case DistributionKind::Uniform: return "uniform";
    case DistributionKind::Triangular: return "triangular";
  }
  return "unknown";  // only reachable through a cast of an invalid value
}

double SampleDistribution(const Distribution& d, double u) {
  switch (d.kind) {
    case DistributionKind::Fixed: return d.mode;
    case DistributionKind::Uniform: return d.low + (d.high - d.low) * u;
    case DistributionKind::Triangular: {
      const double width = d.high - d.low;
      if (!(width > 0.0)) return d.mode;  // degenerate: all three equal
      const double below = d.mode - d.low;
      const double x = u * width < below ? d.low + std::sqrt(u * width * below)
                                         : d.high - std::sqrt((1.0 - u) * width * (d.high - d.mode));
      return std::clamp(x, d.low, d.high);  // rounding must never leave the support
    }
  }
  return d.mode;
}

}  // namespace kz
