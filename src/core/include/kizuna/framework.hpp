// What a coordination framework does for each region: the scenario run with the framework against
// the same scenario without it. Loss avoided, costs borne and the net welfare change, for members
// and non-members alike (a framework can help or hurt outsiders).
// The rules themselves act inside the engine; how overlapping frameworks combine is documented in
// src/core/framework_rules.hpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

struct RegionImpact {
  std::string region;
  bool member = false;
  double lossAvoided = 0.0;  ///< USD: economic loss without the framework minus with it
  double extraCost = 0.0;    ///< USD: policy and framework costs with it minus without it
  double tradeGain = 0.0;    ///< USD: trade income (sales minus purchases) and stock value with it minus without it
  double netGain = 0.0;      ///< USD: lossAvoided - extraCost + tradeGain (the welfare change)
  double exposure = 0.0;     ///< USD: the region's economic loss without the framework
  double gainPerExposure = 0.0;  ///< netGain / exposure, comparable across regions; 0 where the exposure is
                                 ///< under a millionth of the world's (rounding, not a loss)
};

/// What one rule adds to a framework: the welfare with every rule against the welfare with that one
/// switched off, per region. (Rules interact, so contributions need not add up to the whole.)
struct RuleContribution {
  std::string rule;              ///< "informationSharing", "stockpilePool", "partnerPriority", ...
  std::vector<double> netGain;   ///< USD per region, in scenario order
  double membersNetGain = 0.0;
  double nonMembersNetGain = 0.0;
};

struct FrameworkImpact {
  std::string framework;
  std::vector<RegionImpact> regions;  ///< every region, in scenario order
  double membersNetGain = 0.0;        ///< sum over members
  double nonMembersNetGain = 0.0;     ///< sum over everyone else
  std::vector<RuleContribution> rules;  ///< each enabled rule's contribution
};

/// The names of a framework's rules, as in scenario files and lever paths.
inline constexpr const char* kFrameworkRules[] = {"informationSharing", "stockpilePool", "partnerPriority",
                                                  "jointInvestment", "exportControls"};

/// The `enabled` switch of `framework`'s rule `rule` (a name from kFrameworkRules; asserts otherwise).
bool& RuleEnabled(Framework& framework, std::string_view rule);

/// The scenario without the framework `frameworkId` (unchanged if there is none).
Scenario WithoutFramework(const Scenario& scenario, std::string_view frameworkId);

/// Runs the scenario with and without the framework. Problems: invalid scenario, unknown framework.
Expected<FrameworkImpact> AssessFramework(const Scenario& scenario, std::string_view frameworkId);

/// Why a switched-on rule is idle.
enum class IdleReason {
  NoEffect,     ///< switching it off changes no result
  OnlyCosts,    ///< it moves no goods: switching it off changes only who pays
  PoolNoSpare,  ///< a stockpile pool whose members are short together: only holding costs are shared
};

/// The frameworks' rules that are switched on but move no goods in this scenario's run (e.g. partner
/// priority where member sellers are never short), as warnings with their paths
/// (`frameworks[1].partnerPriority`), and each one's reason (same order).
struct IdleRules {
  std::vector<Problem> rules;
  std::vector<IdleReason> reasons;
};
/// One run per enabled rule: for tools, validation and the app once per edit, not for every frame.
/// Problems: an invalid scenario.
Expected<IdleRules> IdleFrameworkRules(const Scenario& scenario);

}  // namespace kz
