// Range checks and the wording of their messages, shared by validation and the lever API.
#include "ranges.hpp"

#include <cmath>
#include <cstdio>

namespace kz {

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0.0) return "0";  // never "-0"
  // snprintf in the "C" locale (the core never calls setlocale): the same text natively and in wasm.
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

const char* EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::CapacityLoss: return "capacityLoss";
    case EventKind::ExportRestriction: return "exportRestriction";
    case EventKind::DemandShock: return "demandShock";
    case EventKind::Chokepoint: return "chokepoint";
  }
  return "unknown";  // only reachable through a cast of an invalid value
}

const char* PoolAllocationName(PoolAllocation allocation) {
  switch (allocation) {
    case PoolAllocation::ByNeed: return "need";
    case PoolAllocation::ByContribution: return "contribution";
    case PoolAllocation::Equal: return "equal";
  }
  return "need";
}

const char* CostShareName(CostShare share) {
  switch (share) {
    case CostShare::Gdp: return "gdp";
    case CostShare::Consumption: return "consumption";
    case CostShare::Equal: return "equal";
  }
  return "gdp";
}

const char* RecoveryShapeName(RecoveryShape shape) {
  switch (shape) {
    case RecoveryShape::Step: return "step";
    case RecoveryShape::Linear: return "linear";
  }
  return "unknown";
}

std::optional<std::string> CheckRange(const Range& range, double value) {
  if (!std::isfinite(value)) return "must be a finite number, got " + FormatNumber(value);
  const bool aboveMin = range.minExclusive ? value > range.min : value >= range.min;
  if (!aboveMin || value > range.max) {
    std::string rule;
    if (std::isinf(range.max)) {
      rule = (range.minExclusive ? "must be > " : "must be >= ") + FormatNumber(range.min);
    } else {
      rule = "must be in " + FormatNumber(range.min) + ".." + FormatNumber(range.max) + (range.minExclusive ? " and above " + FormatNumber(range.min) : "");
    }
    return rule + ", got " + FormatNumber(value);
  }
  if (range.integer && value != std::floor(value)) {
    return "must be a whole number, got " + FormatNumber(value);
  }
  return std::nullopt;
}

namespace ranges {

Range EventStart(int horizonMonths) {
  const int horizon = horizonMonths >= 1 && horizonMonths <= kMaxHorizonMonths ? horizonMonths
                                                                                : kMaxHorizonMonths;
  return Range{0, static_cast<double>(horizon - 1), false, true};
}

Range EventFraction(EventKind kind) {
  return kind == EventKind::DemandShock ? Range{-1, 10} : kFraction;
}

}  // namespace ranges
}  // namespace kz
