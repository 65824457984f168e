// Framework impact: two runs and the per-region difference, each rule's contribution (one more run
// per rule), and the rules that act on nothing in a run (see framework.hpp).
#include "kizuna/framework.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "kizuna/assert.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/results.hpp"
#include "kizuna/validate.hpp"
#include "kizuna/welfare.hpp"

namespace kz {
namespace {

// `scenario` with rule `rule` of framework `f` switched off; nothing when it is off already.
std::optional<Scenario> WithoutRule(const Scenario& scenario, std::size_t f, std::string_view rule) {
  Scenario off = scenario;
  bool& enabled = RuleEnabled(off.frameworks[f], rule);
  if (!enabled) return std::nullopt;
  enabled = false;
  return off;
}

}  // namespace

bool& RuleEnabled(Framework& framework, std::string_view rule) {
  if (rule == "informationSharing") return framework.informationSharing.enabled;
  if (rule == "stockpilePool") return framework.stockpilePool.enabled;
  if (rule == "partnerPriority") return framework.partnerPriority.enabled;
  if (rule == "jointInvestment") return framework.jointInvestment.enabled;
  KZ_ASSERT(rule == "exportControls", "RuleEnabled: unknown framework rule (see kFrameworkRules)");
  return framework.exportControls.enabled;
}

Scenario WithoutFramework(const Scenario& scenario, std::string_view frameworkId) {
  Scenario without = scenario;
  std::erase_if(without.frameworks, [&](const Framework& f) { return f.id == frameworkId; });
  return without;
}

Expected<FrameworkImpact> AssessFramework(const Scenario& scenario, std::string_view frameworkId) {
  const auto framework = std::find_if(scenario.frameworks.begin(), scenario.frameworks.end(),
                                      [&](const Framework& f) { return f.id == frameworkId; });
  if (framework == scenario.frameworks.end()) {
    return std::vector<Problem>{{"framework", "unknown framework '" + std::string(frameworkId) + "'"}};
  }
  Expected<Results> with = RunScenario(scenario);
  if (!with) return with.problems();
  Expected<Results> without = RunScenario(WithoutFramework(scenario, frameworkId));
  if (!without) return without.problems();
  const RegionTotals a = SumByRegion(with.value());
  const RegionTotals b = SumByRegion(without.value());

  FrameworkImpact impact;
  impact.framework = framework->id;
  for (std::size_t r = 0; r < scenario.regions.size(); ++r) {
    RegionImpact region;
    region.region = scenario.regions[r].id;
    region.member = std::find(framework->members.begin(), framework->members.end(), region.region) !=
                    framework->members.end();
    region.lossAvoided = b.loss[r] - a.loss[r];
    region.extraCost = a.policyCost[r] - b.policyCost[r];
    region.tradeGain = a.tradeIncome[r] - b.tradeIncome[r] + a.stockValueChange[r] - b.stockValueChange[r];
    region.netGain = region.lossAvoided - region.extraCost + region.tradeGain;
    region.exposure = b.loss[r];
    (region.member ? impact.membersNetGain : impact.nonMembersNetGain) += region.netGain;
    impact.regions.push_back(region);
  }
  // Gains per unit of exposure, for regions with an exposure worth the name (a millionth of the
  // world's: below that a loss is rounding, and a ratio to it meaningless).
  double worldExposure = 0.0;
  for (const RegionImpact& region : impact.regions) worldExposure += region.exposure;
  for (RegionImpact& region : impact.regions) {
    region.gainPerExposure = region.exposure > 1e-6 * worldExposure ? region.netGain / region.exposure : 0.0;
  }
  const std::vector<double> all = RegionWelfare(with.value());
  const std::size_t f = static_cast<std::size_t>(framework - scenario.frameworks.begin());
  for (const char* name : kFrameworkRules) {
    const std::optional<Scenario> off = WithoutRule(scenario, f, name);
    if (!off) continue;
    Expected<Results> lacking = RunScenario(*off);
    if (!lacking) return lacking.problems();
    const std::vector<double> lackingWelfare = RegionWelfare(lacking.value());
    RuleContribution contribution;
    contribution.rule = name;
    for (std::size_t r = 0; r < all.size(); ++r) {
      contribution.netGain.push_back(all[r] - lackingWelfare[r]);
      (impact.regions[r].member ? contribution.membersNetGain : contribution.nonMembersNetGain) += all[r] - lackingWelfare[r];
    }
    impact.rules.push_back(std::move(contribution));
  }
  return impact;
}

namespace {

// Two runs make, deliver, stock and leave short the same amounts (a rule that changes only who pays
// for what, such as a pool's shared holding costs, moves no goods).
bool SameGoodsMoved(const Results& a, const Results& b) {
  for (const auto member : {&Results::production, &Results::deliveries, &Results::finalDelivered, &Results::shortfall,
                            &Results::inventory, &Results::stockpile}) {
    const std::vector<double>& x = a.*member;
    const std::vector<double>& y = b.*member;
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (std::fabs(x[i] - y[i]) > 1e-9 * (1.0 + std::fabs(x[i]))) return false;
    }
  }
  return true;
}

}  // namespace

Expected<IdleRules> IdleFrameworkRules(const Scenario& scenario) {
  Expected<Results> with = RunScenario(scenario);
  if (!with) return with.problems();
  const std::uint64_t on = HashResults(with.value());
  IdleRules idle;
  for (std::size_t f = 0; f < scenario.frameworks.size(); ++f) {
    for (const char* name : kFrameworkRules) {
      const std::optional<Scenario> off = WithoutRule(scenario, f, name);
      if (!off) continue;
      Expected<Results> without = RunScenario(*off);
      if (!without) return without.problems();
      const std::string path = "frameworks[" + std::to_string(f) + "]." + name;
      if (HashResults(without.value()) == on) {
        idle.rules.push_back({path, "acts on nothing in this scenario: switching it off changes no result"});
        idle.reasons.push_back(IdleReason::NoEffect);
      } else if (SameGoodsMoved(with.value(), without.value())) {
        // The steering committee's pool under a restriction on everyone: both members are short
        // together, so neither has stock to spare, and only the shared holding costs move.
        const bool pool = std::string(name) == "stockpilePool";
        idle.rules.push_back({path, pool ? "moves no stock in this scenario: no member has any to spare while another is short (they are short at the same time); only the holding costs are shared"
                                         : "moves no goods in this scenario: switching it off changes only who pays"});
        idle.reasons.push_back(pool ? IdleReason::PoolNoSpare : IdleReason::OnlyCosts);
      }
    }
  }
  return idle;
}

}  // namespace kz
