// The risk register in scenario files: JSON round trips with hazards, each validation rule broken
// once (exact path and message), and the risk levers (paths, ranges that keep low <= mode <= high).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "kizuna/levers.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/validate.hpp"
#include "risk_scenarios.hpp"
#include "test_scenarios.hpp"

namespace {

using kz::DistributionKind;
using kz::EventKind;
using kz::Scenario;
using kz::test::SmallChainWithRisks;
using Strings = std::vector<std::string>;

Strings Texts(const std::vector<kz::Problem>& problems) {
  Strings out;
  for (const kz::Problem& p : problems) out.push_back(p.ToString());
  return out;
}
Strings Problems(const Scenario& s) { return Texts(kz::ValidateScenario(s)); }

// -- JSON ---------------------------------------------------------------------------------------------

TEST(RiskJson, RoundTripKeepsEveryHazardField) {
  for (Scenario original : {SmallChainWithRisks(), kz::test::EveryFieldScenario()}) {
    if (original.risks.empty()) original.risks = SmallChainWithRisks().risks;
    ASSERT_EQ(Problems(original), Strings{});
    const std::string text = kz::SaveScenarioJson(original);
    const kz::Expected<Scenario> loaded = kz::LoadScenarioJson(text);
    ASSERT_TRUE(loaded.ok()) << loaded.problems()[0].ToString();
    EXPECT_TRUE(loaded.value() == original) << text;
    EXPECT_EQ(kz::SaveScenarioJson(loaded.value()), text);
  }
}

TEST(RiskJson, DistributionKindsAreWrittenAsTheirNames) {
  const std::string text = kz::SaveScenarioJson(SmallChainWithRisks());
  for (const char* name : {"\"risks\"", "\"fixed\"", "\"uniform\"", "\"triangular\"", "\"annualProbability\"",
                           "\"durationMonths\""}) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
}

TEST(RiskJson, UnknownDistributionKindAndMissingHazardKindAreProblems) {
  std::string text = kz::SaveScenarioJson(SmallChainWithRisks());
  const std::size_t at = text.find("\"triangular\"");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 12, "\"normal\"");
  const kz::Expected<Scenario> loaded = kz::LoadScenarioJson(text);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(Texts(loaded.problems()),
            Strings{"risks[0].severity.kind: must be one of fixed, uniform, triangular; got 'normal'"});

  std::string noKind = kz::SaveScenarioJson(SmallChainWithRisks());
  const std::size_t kind = noKind.find("\"kind\": \"capacityLoss\"", noKind.find("\"risks\""));
  ASSERT_NE(kind, std::string::npos);
  noKind.replace(kind, 22, "\"kinds\": \"capacityLoss\"");
  const kz::Expected<Scenario> missing = kz::LoadScenarioJson(noKind);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(Texts(missing.problems()),
            (Strings{"risks[0].kinds: unknown field (did you mean 'kind'?)", "risks[0].kind: required field is missing"}));
}

// -- Validation: each rule once -------------------------------------------------------------------------

TEST(RiskValidate, RegisterOfTheTestScenarioIsValid) { EXPECT_EQ(Problems(SmallChainWithRisks()), Strings{}); }

TEST(RiskValidate, HazardIdsAreUnique) {
  Scenario s = SmallChainWithRisks();
  s.risks[1].id = s.risks[0].id;
  EXPECT_EQ(Problems(s), Strings{"risks[1].id: duplicate hazard id 'cn-oxide-outage' (first at risks[0])"});
  s.risks[1].id = "";
  EXPECT_EQ(Problems(s), Strings{"risks[1].id: must not be empty"});
}

TEST(RiskValidate, ReferencesMustExist) {
  Scenario s = SmallChainWithRisks();
  s.risks[0].regions = {"KR"};
  s.risks[0].goods = {"gold"};
  s.risks[1].targets = {"US"};
  EXPECT_EQ(Problems(s), (Strings{"risks[0].regions[0]: unknown region 'KR'", "risks[0].goods[0]: unknown good 'gold'",
                                  "risks[1].targets[0]: unknown region 'US'"}));
}

TEST(RiskValidate, KindRulesAreTheEventRules) {
  Scenario s = SmallChainWithRisks();
  s.risks[0].regions.clear();
  s.risks[0].goods.clear();
  s.risks[0].targets = {"JP"};
  EXPECT_EQ(Problems(s), (Strings{"risks[0].regions: a capacityLoss hazard needs at least one region",
                                  "risks[0].targets: only exportRestriction and chokepoint hazards have targets",
                                  "risks[0].goods: a capacityLoss hazard needs at least one good"}));
}

TEST(RiskValidate, AnnualProbabilityIsAShare) {
  Scenario s = SmallChainWithRisks();
  s.risks[0].annualProbability = 1.5;
  EXPECT_EQ(Problems(s), Strings{"risks[0].annualProbability: must be in 0..1, got 1.5"});
  s.risks[0].annualProbability = -0.1;
  EXPECT_EQ(Problems(s), Strings{"risks[0].annualProbability: must be in 0..1, got -0.1"});
}

TEST(RiskValidate, DistributionsMustBeOrdered) {
  Scenario s = SmallChainWithRisks();
  s.risks[0].severity = {DistributionKind::Triangular, 0.6, 0.4, 0.9};
  EXPECT_EQ(Problems(s), Strings{"risks[0].severity: must have low <= mode <= high, got 0.6, 0.4, 0.9"});
  s.risks[0].severity = {DistributionKind::Uniform, 0.2, 0.1, 0.9};  // uniform keeps mode inside too
  EXPECT_EQ(Problems(s), Strings{"risks[0].severity: must have low <= mode <= high, got 0.2, 0.1, 0.9"});
  s.risks[0].severity = {DistributionKind::Fixed, 0.9, 0.5, 0.1};  // fixed uses only its mode
  EXPECT_EQ(Problems(s), Strings{});
}

TEST(RiskValidate, SeverityRangeIsTheEventKinds) {
  Scenario s = SmallChainWithRisks();
  s.risks[0].severity = {DistributionKind::Uniform, 0.2, 0.5, 1.2};
  EXPECT_EQ(Problems(s), Strings{"risks[0].severity.high: must be in 0..1, got 1.2"});
  s.risks[0].kind = EventKind::DemandShock;  // demand shocks may be -1..10
  EXPECT_EQ(Problems(s), Strings{});
  s.risks[0].severity = {DistributionKind::Fixed, 0, -2, 0};
  EXPECT_EQ(Problems(s), Strings{"risks[0].severity.mode: must be in -1..10, got -2"});
}

TEST(RiskValidate, DurationIsAtLeastOneAndAtMost240Months) {
  Scenario s = SmallChainWithRisks();
  s.risks[0].durationMonths = {DistributionKind::Uniform, 0.5, 3, 250};
  EXPECT_EQ(Problems(s), (Strings{"risks[0].durationMonths.low: must be in 1..240, got 0.5",
                                  "risks[0].durationMonths.high: must be in 1..240, got 250"}));
}

TEST(RiskValidate, RecoveryMonthsIn0To240) {
  Scenario s = SmallChainWithRisks();
  s.risks[1].recoveryMonths = 241;
  EXPECT_EQ(Problems(s), Strings{"risks[1].recoveryMonths: must be in 0..240, got 241"});
}

// -- Levers -----------------------------------------------------------------------------------------------

TEST(RiskLevers, PathsFollowTheDistributionKind) {
  Strings paths;
  for (const kz::LeverInfo& lever : kz::ListLevers(SmallChainWithRisks())) {
    if (lever.path.rfind("risk.", 0) == 0) paths.push_back(lever.path);
  }
  EXPECT_EQ(paths, (Strings{"risk.cn-oxide-outage.annualProbability", "risk.cn-oxide-outage.severity.low",
                            "risk.cn-oxide-outage.severity.mode", "risk.cn-oxide-outage.severity.high",
                            "risk.cn-oxide-outage.durationMonths.low", "risk.cn-oxide-outage.durationMonths.mode",
                            "risk.cn-oxide-outage.durationMonths.high", "risk.cn-export-ban.annualProbability",
                            "risk.cn-export-ban.severity.mode", "risk.cn-export-ban.durationMonths.low",
                            "risk.cn-export-ban.durationMonths.mode", "risk.cn-export-ban.durationMonths.high"}));
}

TEST(RiskLevers, DistributionLeversCannotBreakTheOrder) {
  Scenario s = SmallChainWithRisks();  // outage severity triangular 0.2 / 0.5 / 0.9
  EXPECT_EQ(Texts(kz::SetLever(s, "risk.cn-oxide-outage.severity.low", 0.6)),
            Strings{"risk.cn-oxide-outage.severity.low: must be in 0..0.5, got 0.6"});
  EXPECT_EQ(Texts(kz::SetLever(s, "risk.cn-oxide-outage.severity.high", 1.1)),
            Strings{"risk.cn-oxide-outage.severity.high: must be in 0.5..1, got 1.1"});
  EXPECT_EQ(Texts(kz::SetLever(s, "risk.cn-oxide-outage.severity.mode", 0.9)), Strings{});
  EXPECT_EQ(Texts(kz::SetLever(s, "risk.cn-oxide-outage.annualProbability", 0.3)), Strings{});
  EXPECT_EQ(kz::GetLever(s, "risk.cn-oxide-outage.annualProbability").value(), 0.3);
  EXPECT_EQ(Problems(s), Strings{});
}

TEST(RiskLevers, EveryRiskLeverAtItsBoundsKeepsTheScenarioValid) {
  const Scenario original = SmallChainWithRisks();
  int checked = 0;
  for (const kz::LeverInfo& lever : kz::ListLevers(original)) {
    if (lever.path.rfind("risk.", 0) != 0) continue;
    for (const double value : {lever.min, lever.max}) {
      Scenario s = original;
      EXPECT_EQ(Texts(kz::SetLever(s, lever.path, value)), Strings{}) << lever.path;
      EXPECT_EQ(Problems(s), Strings{}) << lever.path << " = " << value;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 24);
}

}  // namespace
