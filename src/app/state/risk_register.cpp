// Risk register editing (see risk_register.hpp): drafts, their plain-word checks, and the session
// edits, each a whole-scenario Replace so it is validated and undoable like any structural edit.
#include "state/risk_register.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kz {
namespace {

constexpr int kMaxMonths = 240;

constexpr const char* kKindKeys[] = {"shock.kind.capacity-loss", "shock.kind.export-restriction", "shock.kind.demand-shock",
                                     "shock.kind.chokepoint"};

bool HasBuyers(EventKind kind) { return kind == EventKind::ExportRestriction || kind == EventKind::Chokepoint; }

template <typename Item>
const Item* ById(const std::vector<Item>& items, std::string_view id) {
  const auto it = std::find_if(items.begin(), items.end(), [id](const Item& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

// A name in one language, whatever the UI speaks: ja falls back to en, en to the id.
template <typename Item>
std::string NameIn(Language language, const Item& item) {
  if (language == Language::Japanese && !item.name.ja.empty()) return item.name.ja;
  return item.name.en.empty() ? item.id : item.name.en;
}

// "Capacity loss: Japan, Silicon wafers" in `language` (the shock form's pattern).
std::string DescribedName(const Scenario& s, const HazardDraft& d, Language language) {
  const UiText words(language);
  std::string where;
  for (const std::string& id : d.regions) {
    if (const Region* region = ById(s.regions, id)) where += (where.empty() ? "" : ", ") + NameIn(language, *region);
  }
  if (HasBuyers(d.kind) && !d.target.empty()) {
    if (const Region* buyer = ById(s.regions, d.target)) {
      where = words.TrFormat("shock.name.to", {{"seller", where}, {"buyer", NameIn(language, *buyer)}});
    }
  }
  std::string goods;
  for (const std::string& id : d.goods) {
    if (const Good* good = ById(s.goods, id)) goods += (goods.empty() ? "" : ", ") + NameIn(language, *good);
  }
  if (goods.empty()) goods = words.Tr("risks.every-good");
  return words.TrFormat("shock.name.described",
                        {{"kind", words.Tr(kKindKeys[static_cast<int>(d.kind)])}, {"where", where}, {"good", goods}});
}

std::string UnusedHazardId(const Scenario& s) {
  for (int n = 1;; ++n) {
    const std::string id = "user-hazard-" + std::to_string(n);
    if (ById(s.risks, id) == nullptr) return id;
  }
}

Distribution SpreadOf(double low, double likely, double high, bool uniform) {
  if (low == high) return {DistributionKind::Fixed, low, likely, high};
  return {uniform ? DistributionKind::Uniform : DistributionKind::Triangular, low, likely, high};
}

std::string Percent(double share) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100.0);
  return text;
}

std::string Range(const std::string& low, const std::string& high) { return low == high ? low : low + "-" + high; }

}  // namespace

HazardDraft NewHazardDraft(const Scenario& s, int good) {
  HazardDraft d;
  if (s.goods.empty() || s.regions.empty()) return d;
  const std::size_t g = static_cast<std::size_t>(std::clamp(good, 0, static_cast<int>(s.goods.size()) - 1));
  d.goods = {s.goods[g].id};
  std::string largest = s.regions.front().id;
  double most = 0.0;
  for (const Facility& facility : s.facilities) {
    if (facility.good == s.goods[g].id && facility.capacity > most) {
      most = facility.capacity;
      largest = facility.region;
    }
  }
  d.regions = {largest};
  return d;
}

HazardDraft DraftFromHazard(const Hazard& h) {
  HazardDraft d;
  d.id = h.id;
  d.name = h.name;
  d.kind = h.kind;
  d.regions = h.regions;
  d.target = h.targets.empty() ? std::string() : h.targets.front();
  d.goods = h.goods;
  d.chance = h.annualProbability;
  d.strengthLow = h.severity.kind == DistributionKind::Fixed ? h.severity.mode : h.severity.low;
  d.strengthLikely = h.severity.mode;
  d.strengthHigh = h.severity.kind == DistributionKind::Fixed ? h.severity.mode : h.severity.high;
  const auto months = [](double m) { return static_cast<int>(std::lround(m)); };
  const Distribution& t = h.durationMonths;
  d.monthsLow = months(t.kind == DistributionKind::Fixed ? t.mode : t.low);
  d.monthsLikely = months(t.mode);
  d.monthsHigh = months(t.kind == DistributionKind::Fixed ? t.mode : t.high);
  d.recoveryMonths = h.recoveryMonths;
  d.uniform = h.severity.kind == DistributionKind::Uniform || h.durationMonths.kind == DistributionKind::Uniform;
  return d;
}

std::vector<Problem> CheckHazardDraft(const Scenario& s, const HazardDraft& d, const UiText& words) {
  std::vector<Problem> problems;
  const auto add = [&problems, &words](const char* field, const char* key) { problems.push_back({std::string("risks.") + field, words.Tr(key)}); };
  if (d.regions.empty()) add("regions", "risks.problem.no-region");
  for (const std::string& id : d.regions) {
    if (ById(s.regions, id) == nullptr) add("regions", "risks.problem.unknown-region");
  }
  if (!d.target.empty() && ById(s.regions, d.target) == nullptr) add("targets", "risks.problem.unknown-region");
  if (d.goods.empty() && d.kind != EventKind::Chokepoint) add("goods", "risks.problem.no-good");
  for (const std::string& id : d.goods) {
    if (ById(s.goods, id) == nullptr) add("goods", "risks.problem.unknown-good");
  }
  if (!(d.chance >= 0.0 && d.chance <= 1.0)) add("annualProbability", "risks.problem.chance");
  const bool demand = d.kind == EventKind::DemandShock;
  const double lowest = demand ? -1.0 : 0.0;
  const double highest = demand ? 10.0 : 1.0;
  const auto inside = [lowest, highest](double x) { return x >= lowest && x <= highest; };
  if (!inside(d.strengthLow) || !inside(d.strengthLikely) || !inside(d.strengthHigh)) {
    add("severity", demand ? "risks.problem.demand-range" : "risks.problem.strength-range");
  } else if (d.strengthLow > d.strengthLikely || d.strengthLikely > d.strengthHigh) {
    add("severity", "risks.problem.strength-order");
  }
  const auto month = [](int m) { return m >= 1 && m <= kMaxMonths; };
  if (!month(d.monthsLow) || !month(d.monthsLikely) || !month(d.monthsHigh)) {
    add("durationMonths", "risks.problem.months-range");
  } else if (d.monthsLow > d.monthsLikely || d.monthsLikely > d.monthsHigh) {
    add("durationMonths", "risks.problem.months-order");
  }
  if (d.recoveryMonths < 0 || d.recoveryMonths > kMaxMonths) add("recoveryMonths", "risks.problem.recovery-range");
  if (!d.id.empty() && ById(s.risks, d.id) == nullptr) add("id", "risks.problem.gone");
  return problems;
}

Expected<Hazard> HazardFromDraft(const Scenario& s, const HazardDraft& d, const UiText& words) {
  std::vector<Problem> problems = CheckHazardDraft(s, d, words);
  if (!problems.empty()) return problems;
  Hazard h;
  h.id = d.id.empty() ? UnusedHazardId(s) : d.id;
  if (!d.typedName.empty()) {  // the user's own name, as typed (in any script), for both languages
    h.name.en = h.name.ja = d.typedName;
  } else if (!d.name.en.empty() || !d.name.ja.empty()) {
    h.name = d.name;
  } else {
    h.name.en = DescribedName(s, d, Language::English);
    h.name.ja = DescribedName(s, d, Language::Japanese);
  }
  h.kind = d.kind;
  h.regions = d.regions;
  if (HasBuyers(d.kind) && !d.target.empty()) h.targets = {d.target};
  h.goods = d.goods;
  h.annualProbability = d.chance;
  h.severity = SpreadOf(d.strengthLow, d.strengthLikely, d.strengthHigh, d.uniform);
  h.durationMonths = SpreadOf(d.monthsLow, d.monthsLikely, d.monthsHigh, d.uniform);
  h.recovery = d.recoveryMonths > 0 ? RecoveryShape::Linear : RecoveryShape::Step;
  h.recoveryMonths = d.recoveryMonths;
  return h;
}

std::vector<Problem> AddHazard(Session& session, const Hazard& hazard) {
  if (ById(session.scenario().risks, hazard.id) != nullptr) {
    return {{"risks", "a hazard with id '" + hazard.id + "' already exists"}};
  }
  Scenario edited = session.scenario();
  edited.risks.push_back(hazard);
  return session.Replace(edited);  // validated whole, one undo step
}

std::vector<Problem> EditHazard(Session& session, const Hazard& hazard) {
  Scenario edited = session.scenario();
  const auto it = std::find_if(edited.risks.begin(), edited.risks.end(), [&hazard](const Hazard& h) { return h.id == hazard.id; });
  if (it == edited.risks.end()) return {{"risks", "there is no hazard '" + hazard.id + "'"}};
  if (*it == hazard) return {};
  *it = hazard;
  return session.Replace(edited);
}

std::vector<Problem> RemoveHazard(Session& session, std::string_view id) {
  Scenario edited = session.scenario();
  const auto removed = std::remove_if(edited.risks.begin(), edited.risks.end(), [id](const Hazard& h) { return h.id == id; });
  if (removed == edited.risks.end()) return {{"risks", "there is no hazard '" + std::string(id) + "'"}};
  edited.risks.erase(removed, edited.risks.end());
  return session.Replace(edited);
}

std::string HazardSummary(const Hazard& h, const UiText& words) {
  const Distribution& s = h.severity;
  const bool fixedStrength = s.kind == DistributionKind::Fixed;
  const std::string strength = Range(Percent(fixedStrength ? s.mode : s.low), Percent(fixedStrength ? s.mode : s.high));
  const Distribution& t = h.durationMonths;
  const bool fixedMonths = t.kind == DistributionKind::Fixed;
  const auto months = [](double m) { return std::to_string(std::max(1L, std::lround(m))); };
  const std::string duration = Range(months(fixedMonths ? t.mode : t.low), months(fixedMonths ? t.mode : t.high));
  return words.TrFormat("risks.summary", {{"chance", Percent(h.annualProbability)}, {"strength", strength}, {"months", duration}});
}

}  // namespace kz
