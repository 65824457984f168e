// Test scenarios with a risk register: the small rare-earth chain with two hazards (every
// distribution kind, both recovery shapes), and a one-hazard variant for Monte Carlo statistics.
#pragma once

#include <string>

#include "kizuna/scenario.hpp"
#include "test_scenarios.hpp"

namespace kz::test {

/// SmallChainScenario plus: `cn-oxide-outage` (capacity loss of CN oxide, 20%/year, severity
/// triangular 0.2/0.5/0.9, duration triangular 1/3/8 months, linear recovery over 4) and
/// `cn-export-ban` (CN magnets to JP, 10%/year, fixed severity 0.8, duration uniform 2..6).
inline Scenario SmallChainWithRisks() {
  Scenario s = SmallChainScenario();
  Hazard outage;
  outage.id = "cn-oxide-outage";
  outage.name = {"Oxide plant outage", "酸化物工場の停止"};
  outage.kind = EventKind::CapacityLoss;
  outage.regions = {"CN"};
  outage.goods = {"re_oxide"};
  outage.annualProbability = 0.2;
  outage.severity = {DistributionKind::Triangular, 0.2, 0.5, 0.9};
  outage.durationMonths = {DistributionKind::Triangular, 1.0, 3.0, 8.0};
  outage.recovery = RecoveryShape::Linear;
  outage.recoveryMonths = 4;
  Hazard ban;
  ban.id = "cn-export-ban";
  ban.name.en = "Magnet export ban";
  ban.kind = EventKind::ExportRestriction;
  ban.regions = {"CN"};
  ban.targets = {"JP"};
  ban.goods = {"re_magnet"};
  ban.annualProbability = 0.1;
  ban.severity = {DistributionKind::Fixed, 0.0, 0.8, 0.0};
  ban.durationMonths = {DistributionKind::Uniform, 2.0, 4.0, 6.0};
  s.risks = {outage, ban};
  return s;
}

/// SmallChainScenario over `months` without its own event, with one hazard: CN loses `severity`
/// (fixed) of its oxide capacity for `duration` months with probability `probability` a year.
inline Scenario OneHazard(double probability, double severity, int duration, int months) {
  Scenario s = SmallChainScenario();
  s.horizonMonths = months;
  s.events.clear();
  Hazard h;
  h.id = "outage";
  h.kind = EventKind::CapacityLoss;
  h.regions = {"CN"};
  h.goods = {"re_oxide"};
  h.annualProbability = probability;
  h.severity = {DistributionKind::Fixed, severity, severity, severity};
  h.durationMonths = {DistributionKind::Fixed, double(duration), double(duration), double(duration)};
  s.risks = {h};
  return s;
}

}  // namespace kz::test
