// Explain (explain.hpp): the chain of binding constraints behind a shortfall, then levers chosen by
// rule. Sections: names -- the chain -- levers by rule -- Explain.
#include "kizuna/explain.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "findings_text.hpp"
#include "kizuna/findings.hpp"
#include "kizuna/levers.hpp"
#include "kizuna/results_io.hpp"

namespace kz {
namespace {

constexpr double kFullyMet = 1.0 - 1e-6;

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

const Region* FindRegion(const Scenario& s, const std::string& id) {
  for (const Region& region : s.regions) {
    if (region.id == id) return &region;
  }
  return nullptr;
}
const Good* FindGood(const Scenario& s, const std::string& id) {
  for (const Good& good : s.goods) {
    if (good.id == id) return &good;
  }
  return nullptr;
}
std::string RegionName(const text::Words& w, const Scenario& s, const std::string& id) {
  const Region* region = FindRegion(s, id);
  return region != nullptr ? w.Region(*region) : id;
}
std::string GoodName(const text::Words& w, const Scenario& s, const std::string& id) {
  const Good* good = FindGood(s, id);
  return good != nullptr ? w.Good(*good) : id;
}

// The name of a timed effect: a scenario event's own name (in the wording's language), else EffectName.
std::string EffectLabel(const text::Words& w, const Scenario& s, int index) {
  if (index >= 0 && index < static_cast<int>(s.events.size())) return w.Name(s.events[static_cast<std::size_t>(index)]);
  return EffectName(s, index);
}

text::Id KindName(ConstraintKind kind) {
  return kind == ConstraintKind::CapacityLoss ? text::Id::KindCapacityLoss
         : kind == ConstraintKind::Chokepoint ? text::Id::KindChokepoint
                                              : text::Id::KindExportRestriction;
}

// The region's own export control numbered `index` (as in Constraint::event), or nulls.
std::pair<const RegionPolicy*, const ExportControlPolicy*> OwnExportControl(const Scenario& s, int index) {
  int next = static_cast<int>(s.events.size());
  for (const RegionPolicy& policy : s.policies) {
    for (const ExportControlPolicy& control : policy.exportControls) {
      if (next++ == index) return {&policy, &control};
    }
  }
  return {nullptr, nullptr};
}

bool EventDriven(ConstraintKind kind) {
  return kind == ConstraintKind::CapacityLoss || kind == ConstraintKind::ExportRestriction ||
         kind == ConstraintKind::Chokepoint;
}

// ---------------------------------------------------------------------------------------------
// The chain
// ---------------------------------------------------------------------------------------------

ExplainStep MakeStep(const text::Words& w, const Scenario& s, const Results& results, int region, int good, const Constraint& c) {
  ExplainStep step;
  step.region = results.regionIds[static_cast<std::size_t>(region)];
  step.good = results.goodIds[static_cast<std::size_t>(good)];
  step.constraint = c;
  if (c.region >= 0 && c.region < results.regions) step.seller = results.regionIds[static_cast<std::size_t>(c.region)];
  if (c.input >= 0 && c.input < results.goods) step.input = results.goodIds[static_cast<std::size_t>(c.input)];
  if (EventDriven(c.kind) && c.event >= 0) step.effect = EffectLabel(w, s, c.event);
  const std::string goodName = GoodName(w, s, step.good);
  const std::string regionName = RegionName(w, s, step.region);
  const std::string sellerName = RegionName(w, s, step.seller);
  std::string clause;
  if (c.kind == ConstraintKind::InputShortage && !step.input.empty()) {
    clause = w.Say(text::Id::BecauseInput, {{"good", goodName}, {"region", regionName}, {"seller", sellerName},
                                                {"input", GoodName(w, s, step.input)}});
  } else if (EventDriven(c.kind) && !step.effect.empty()) {
    clause = w.Say(text::Id::BecauseEvent, {{"good", goodName}, {"region", regionName}, {"event", step.effect},
                                                {"seller", sellerName}, {"kind", w.Template(KindName(c.kind))}});
  } else if (c.kind == ConstraintKind::RampUp) {
    clause = w.Say(text::Id::BecauseRampUp, {{"good", goodName}, {"region", regionName}, {"seller", sellerName}});
  } else if (step.seller.empty()) {
    clause = w.Say(text::Id::BecauseNoSupplier, {{"good", goodName}, {"region", regionName}});
  } else {
    clause = w.Say(text::Id::BecauseCapacity, {{"good", goodName}, {"region", regionName}, {"seller", sellerName}});
  }
  step.text = w.Sentence(clause);
  return step;
}

// Follows the binding constraints from (region, good) upstream; true if cut at kMaxExplainHops.
bool FollowChain(const text::Words& w, const Scenario& s, const Results& results, int region, int good, int month,
                 std::vector<ExplainStep>& chain) {
  std::vector<std::pair<int, int>> visited;
  for (int hop = 0; hop < kMaxExplainHops; ++hop) {
    const Constraint c = results.binding[results.Index(month, region, good)];
    if (c.kind == ConstraintKind::None) return false;
    visited.emplace_back(region, good);
    chain.push_back(MakeStep(w, s, results, region, good, c));
    if (c.kind != ConstraintKind::InputShortage || c.region < 0 || c.region >= results.regions || c.input < 0 ||
        c.input >= results.goods) {
      return false;
    }
    region = c.region;
    good = c.input;
    if (std::find(visited.begin(), visited.end(), std::make_pair(region, good)) != visited.end()) return false;
  }
  return results.binding[results.Index(month, region, good)].kind != ConstraintKind::None;
}

// ---------------------------------------------------------------------------------------------
// Levers by rule
// ---------------------------------------------------------------------------------------------

class LeverPicker {
 public:
  LeverPicker(const Scenario& s, const text::Words& wording) : w(wording) {
    for (LeverInfo& lever : ListLevers(s)) levers.emplace(lever.path, std::move(lever));
  }
  /// Adds the lever at `path` if the scenario has it, can move (min < max) and is not picked yet.
  void Suggest(const std::string& path, std::string reason) {
    const auto it = levers.find(path);
    if (it == levers.end() || !(it->second.min < it->second.max)) return;
    for (const LeverSuggestion& existing : picked) {
      if (existing.path == path) return;
    }
    picked.push_back({path, it->second.value, w.Sentence(std::move(reason))});
  }
  std::vector<LeverSuggestion> picked;

 private:
  std::map<std::string, LeverInfo> levers;
  const text::Words& w;
};

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::vector<LeverSuggestion> PickLevers(const text::Words& w, const Scenario& s, const std::string& region, const std::string& good,
                                        const std::vector<ExplainStep>& chain) {
  LeverPicker picker(s, w);
  std::vector<std::string> chainGoods;
  std::vector<std::string> chainRegions = {region};
  for (const ExplainStep& step : chain) {
    if (!Contains(chainGoods, step.good)) chainGoods.push_back(step.good);
    if (!Contains(chainRegions, step.region)) chainRegions.push_back(step.region);
  }
  // Stocks of every short good where it is short.
  for (const ExplainStep& step : chain) {
    picker.Suggest("policy." + step.region + ".stockpile." + step.good + ".targetMonths",
                   w.Say(text::Id::LeverStockpile, {{"good", GoodName(w, s, step.good)}, {"region", RegionName(w, s, step.region)}}));
  }
  // Responding sooner, and using less.
  for (const std::string& r : chainRegions) {
    picker.Suggest("policy." + r + ".responseLagMonths", w.Say(text::Id::LeverResponseLag, {{"region", RegionName(w, s, r)}}));
  }
  picker.Suggest("policy." + region + ".substitution." + good + ".maxReduction",
                 w.Say(text::Id::LeverSubstitution, {{"good", GoodName(w, s, good)}, {"region", RegionName(w, s, region)}}));
  // Re-sourcing away from the supplier where the chain ends.
  const ExplainStep& last = chain.back();
  const std::string lastGood = GoodName(w, s, last.good);
  picker.Suggest("good." + last.good + ".qualificationMonths",
                 w.Say(text::Id::LeverQualification, {{"good", lastGood}, {"region", RegionName(w, s, last.region)}}));
  if (!last.seller.empty() && last.seller != last.region) {
    picker.Suggest("policy." + last.region + ".diversification." + last.good + ".maxShare",
                   w.Say(text::Id::LeverDiversification,
                             {{"good", lastGood}, {"region", RegionName(w, s, last.region)}, {"seller", RegionName(w, s, last.seller)}}));
    picker.Suggest("trade." + last.region + "." + last.good + "." + last.seller,
                   w.Say(text::Id::LeverTradeShare,
                             {{"good", lastGood}, {"region", RegionName(w, s, last.region)}, {"seller", RegionName(w, s, last.seller)}}));
  }
  // New capacity for the short goods: the region asked about first, then every region in scenario order.
  for (const std::string& g : chainGoods) {
    std::vector<std::string> builders = {region};
    for (const Region& r : s.regions) {
      if (!Contains(builders, r.id)) builders.push_back(r.id);
    }
    for (const std::string& r : builders) {
      picker.Suggest("policy." + r + ".investment." + g + ".capacity",
                     w.Say(text::Id::LeverInvestment, {{"good", GoodName(w, s, g)}, {"region", RegionName(w, s, r)}}));
    }
  }
  // The disruption itself, to explore.
  const int event = last.constraint.event;
  if (EventDriven(last.constraint.kind) && event >= 0) {
    if (event < static_cast<int>(s.events.size())) {
      const Event& e = s.events[static_cast<std::size_t>(event)];
      picker.Suggest("event." + e.id + ".fraction", w.Say(text::Id::LeverEventFraction, {{"event", last.effect}}));
      picker.Suggest("event." + e.id + ".duration", w.Say(text::Id::LeverEventDuration, {{"event", last.effect}}));
    } else if (const auto [policy, control] = OwnExportControl(s, event); policy != nullptr) {
      picker.Suggest("policy." + policy->region + ".exportControl." + control->good + ".fraction",
                     w.Say(text::Id::LeverExportControl,
                               {{"seller", RegionName(w, s, policy->region)}, {"good", GoodName(w, s, control->good)}}));
    }
  }
  // Frameworks the region belongs to, rule by rule where the rule touches the chain's goods.
  auto touches = [&chainGoods](const std::vector<std::string>& goods) {
    for (const std::string& g : goods) {
      if (Contains(chainGoods, g)) return true;
    }
    return false;
  };
  for (const Framework& f : s.frameworks) {
    if (!Contains(f.members, region)) continue;
    const std::string name = w.Name(f);
    const std::string p = "framework." + f.id + ".";
    auto status = [&w](bool on) { return w.Template(on ? text::Id::RuleOn : text::Id::RuleOff); };
    if (touches(f.stockpilePool.goods)) {
      std::vector<std::string> pooled;
      for (const std::string& g : f.stockpilePool.goods) pooled.push_back(GoodName(w, s, g));
      picker.Suggest(p + "stockpilePool.enabled",
                     w.Say(text::Id::LeverPool, {{"framework", name}, {"goods", w.JoinList(pooled)},
                                                     {"region", RegionName(w, s, region)},
                                                     {"status", status(f.stockpilePool.enabled)}}));
    }
    picker.Suggest(p + "informationSharing.enabled",
                   w.Say(text::Id::LeverInformation, {{"framework", name}, {"status", status(f.informationSharing.enabled)}}));
    if (f.partnerPriority.goods.empty() || touches(f.partnerPriority.goods)) {
      picker.Suggest(p + "partnerPriority.enabled",
                     w.Say(text::Id::LeverPriority, {{"framework", name}, {"status", status(f.partnerPriority.enabled)}}));
    }
    if (Contains(chainGoods, f.jointInvestment.good)) {
      picker.Suggest(p + "jointInvestment.enabled",
                     w.Say(text::Id::LeverJointInvestment,
                               {{"framework", name}, {"good", GoodName(w, s, f.jointInvestment.good)},
                                {"host", RegionName(w, s, f.jointInvestment.host)}, {"status", status(f.jointInvestment.enabled)}}));
    }
  }
  return picker.picked;
}

int IndexOf(const std::vector<std::string>& ids, std::string_view id) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Explain
// ---------------------------------------------------------------------------------------------
Expected<Explanation> Explain(const Scenario& scenario, const Results& results, std::string_view region,
                              std::string_view good, int month, const Wording* wording) {
  const text::Words w(wording);
  std::vector<Problem> problems;
  const int r = IndexOf(results.regionIds, region);
  const int g = IndexOf(results.goodIds, good);
  if (r < 0) problems.push_back({"region", "unknown region '" + std::string(region) + "'"});
  if (g < 0) problems.push_back({"good", "unknown good '" + std::string(good) + "'"});
  if (month < 0 || month >= results.months) {
    problems.push_back({"month", "must be in 0.." + std::to_string(results.months - 1)});
  }
  if (!problems.empty()) return problems;

  Explanation out;
  out.region = std::string(region);
  out.good = std::string(good);
  out.month = month;
  out.fulfilment = results.fulfilment[results.Index(month, r, g)];
  const bool met = out.fulfilment >= kFullyMet;
  out.text = w.Sentence(w.Say(met ? text::Id::ExplainMet : text::Id::ExplainShare,
                              {{"month", w.Month(month)}, {"region", RegionName(w, scenario, out.region)},
                               {"good", GoodName(w, scenario, out.good)}, {"share", w.Percent(out.fulfilment)}}));
  if (met) return out;
  const bool cut = FollowChain(w, scenario, results, r, g, month, out.chain);
  const std::string& gap = w.Template(text::Id::SentenceGap);
  for (const ExplainStep& step : out.chain) out.text += gap + step.text;
  if (cut) out.text += gap + w.Sentence(w.Template(text::Id::ChainCut));
  if (!out.chain.empty()) out.levers = PickLevers(w, scenario, out.region, out.good, out.chain);
  return out;
}

}  // namespace kz
