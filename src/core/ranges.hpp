// The valid range of every number in a scenario, in one table that validation (validate.cpp) and the
// lever API (levers.cpp) both read, so a slider can never offer a value the validator rejects.
// Internal: no promises to code outside src/core. The ranges restate those documented in
// kizuna/scenario.hpp; where that header gives no upper bound for a month count, it is 0..240.
#pragma once

#include <limits>
#include <optional>
#include <string>

#include "kizuna/scenario.hpp"

namespace kz {

/// A closed interval [min, max] (or (min, max] when `minExclusive`), optionally of whole numbers.
struct Range {
  double min = 0.0;
  double max = std::numeric_limits<double>::infinity();  ///< +inf = no upper bound
  bool minExclusive = false;                              ///< "> min" instead of ">= min"
  bool integer = false;                                   ///< whole numbers only (months, counts)
};

/// The message for `value` breaking `range` ("must be in 0..24, got 30"), or nothing when it fits.
std::optional<std::string> CheckRange(const Range& range, double value);

/// The JSON name of an event kind ("capacityLoss"...), also used in messages.
const char* EventKindName(EventKind kind);
/// The JSON name of a recovery shape ("step", "linear").
const char* RecoveryShapeName(RecoveryShape shape);

/// The JSON name of a pool allocation rule ("need", "contribution", "equal").
const char* PoolAllocationName(PoolAllocation allocation);
/// The JSON name of a cost-sharing rule ("gdp", "consumption", "equal").
const char* CostShareName(CostShare share);

/// Numbers as they appear in messages: up to 12 significant digits, so a sum of 1.2999999999999998
/// reads "1.3". Locale-independent.
std::string FormatNumber(double value);

namespace ranges {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kMonths = kMaxHorizonMonths;

inline constexpr Range kFraction{0, 1};
inline constexpr Range kNonNegative{0, kInf};
inline constexpr Range kPositive{0, kInf, true};

// Scenario
inline constexpr Range kSchemaVersion{1, kScenarioSchemaVersion, false, true};
inline constexpr Range kHorizonMonths{1, kMonths, false, true};
inline constexpr Range kDiscountRate{0, 0.3};

// Region
inline constexpr Range kRegionLat{-90, 90};
inline constexpr Range kRegionLon{-180, 180};
inline constexpr Range kRegionWeight = kPositive;

// Good
inline constexpr Range kUnitsPerOutput = kPositive;
inline constexpr Range kShareOfOutput{0, 1, true};  // (0, 1]: an input no output needs is no input
inline constexpr Range kDemandMonthly = kNonNegative;
inline constexpr Range kDemandGrowthPerYear{-0.5, 1};
inline constexpr Range kBasePrice = kPositive;
inline constexpr Range kValueMultiplier{1, kInf};
inline constexpr Range kQualificationMonths{0, 60, false, true};
inline constexpr Range kDemandElasticity = kFraction;
inline constexpr Range kPriceSensitivity{0, 100};
inline constexpr Range kPriceMaxMultiple{1, 100};
inline constexpr Range kPriceAdjustment = kFraction;
inline constexpr Range kUserStockMonths{0, 12};
inline constexpr Range kAdaptationMax = kFraction;
inline constexpr Range kInterchangeable = kFraction;
inline constexpr Range kAdaptationMonths{1, 120, false, true};

// Facility and trade
inline constexpr Range kCapacity = kNonNegative;
inline constexpr Range kInitialStock = kNonNegative;
inline constexpr Range kMaxRampPerMonth = kFraction;
inline constexpr Range kTradeShare = kFraction;
/// A buyer's shares of one good must sum to 1 within this.
inline constexpr double kShareSumTolerance = 1e-6;

// Event (start depends on the horizon, fraction on the kind: see the functions below)
inline constexpr Range kEventDuration{1, kMonths, false, true};
inline constexpr Range kRecoveryMonths{0, kMonths, false, true};
inline constexpr Range kLeakage = kFraction;

// Hazards (risk register). Severity uses the event kind's fraction range (EventFraction); drawn
// durations are rounded when a hazard strikes, so the distribution itself need not be whole.
inline constexpr Range kAnnualProbability = kFraction;
inline constexpr Range kHazardDurationMonths{1, kMonths};

// Policies
inline constexpr Range kResponseLagMonths{0, 24, false, true};
inline constexpr Range kStockpileTargetMonths{0, 24};
inline constexpr Range kStockpileInitialFill = kFraction;
inline constexpr Range kStockpileReleaseTrigger = kFraction;
inline constexpr Range kStockpileReleasePerMonth = kFraction;
inline constexpr Range kStockpileRefillPerMonth = kFraction;
inline constexpr Range kStockpileHoldingCostPerYear = kFraction;
inline constexpr Range kInvestmentCapacity = kNonNegative;
inline constexpr Range kInvestmentStart{0, kMonths, false, true};
inline constexpr Range kInvestmentLeadMonths{0, kMonths, false, true};
inline constexpr Range kInvestmentRampMonths{0, 120, false, true};
inline constexpr Range kInvestmentCapexPerUnit = kNonNegative;
inline constexpr Range kDiversificationMaxShare = kFraction;
inline constexpr Range kSubstitutionMaxReduction = kFraction;
inline constexpr Range kSubstitutionMonthsToFull{1, 120, false, true};
inline constexpr Range kSubstitutionCostPerUnit = kNonNegative;
inline constexpr Range kRecyclingRate = kFraction;
inline constexpr Range kRecyclingLagMonths{0, 120, false, true};
inline constexpr Range kExportControlFraction = kFraction;
inline constexpr Range kExportControlStart{0, kMonths, false, true};
inline constexpr Range kExportControlDuration{1, kMonths, false, true};

// Frameworks
inline constexpr Range kInformationLagMonths{0, 24, false, true};
inline constexpr Range kPartnerPriority = kFraction;
inline constexpr Range kJointCapacity = kNonNegative;
inline constexpr Range kJointStart{0, kMonths, false, true};
inline constexpr Range kJointLeadMonths{0, kMonths, false, true};
inline constexpr Range kJointRampMonths{0, 120, false, true};
inline constexpr Range kJointCapexPerUnit = kNonNegative;
inline constexpr Range kJointReservedShare = kFraction;
inline constexpr Range kCoordinatedControlFraction = kFraction;
inline constexpr Range kCoordinatedControlStart{0, kMonths, false, true};
inline constexpr Range kCoordinatedControlDuration{1, kMonths, false, true};

/// Event start: 0..horizon-1. An out-of-range horizon (reported on its own) falls back to the
/// largest horizon, so one bad horizon does not also flag every event.
Range EventStart(int horizonMonths);
/// Event fraction: 0..1, except demand shocks: -1..10.
Range EventFraction(EventKind kind);

}  // namespace ranges
}  // namespace kz
