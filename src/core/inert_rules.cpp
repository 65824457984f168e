// Rules and policies that cannot act in their scenario (see InertRules in validate.hpp): a valid
// scenario may still hold a rule with nothing to act on, and a user who switches it on must be told
// rather than shown an unchanged result.
#include <algorithm>
#include <set>
#include <string>

#include "kizuna/validate.hpp"

namespace kz {
namespace {

// What the scenario's regions make and use: facilities, final demand and their makers' inputs.
struct Footprint {
  std::set<std::pair<std::string, std::string>> makes;  // (region, good)
  std::set<std::pair<std::string, std::string>> uses;   // (region, good)

  explicit Footprint(const Scenario& s) {
    for (const Facility& f : s.facilities) {
      if (f.capacity > 0.0) makes.emplace(f.region, f.good);
    }
    for (const RegionPolicy& p : s.policies) {
      for (const InvestmentPolicy& inv : p.investments) {
        if (inv.capacity > 0.0) makes.emplace(p.region, inv.good);
      }
    }
    for (const Good& good : s.goods) {
      for (const FinalDemand& d : good.finalDemand) {
        if (d.monthly > 0.0) uses.emplace(d.region, good.id);
      }
    }
    for (const Good& good : s.goods) {
      for (const RecipeInput& input : good.recipe) {
        for (const auto& [region, made] : makes) {
          if (made == good.id) uses.emplace(region, input.good);
        }
      }
    }
  }
  bool Makes(const std::string& region, const std::string& good) const { return makes.count({region, good}) > 0; }
  bool Uses(const std::string& region, const std::string& good) const { return uses.count({region, good}) > 0; }
};

std::vector<std::string> GoodsOrAll(const Scenario& s, const std::vector<std::string>& goods) {
  if (!goods.empty()) return goods;
  std::vector<std::string> all;
  for (const Good& good : s.goods) all.push_back(good.id);
  return all;
}

int ResponseLag(const Scenario& s, const std::string& region) {
  for (const RegionPolicy& p : s.policies) {
    if (p.region == region) return p.responseLagMonths;
  }
  return RegionPolicy{}.responseLagMonths;
}

bool HoldsStockpile(const Scenario& s, const std::string& region, const std::string& good) {
  for (const RegionPolicy& p : s.policies) {
    if (p.region != region) continue;
    for (const StockpilePolicy& pile : p.stockpiles) {
      if (pile.good == good && pile.targetMonths > 0.0) return true;
    }
  }
  return false;
}

void CheckFrameworks(const Scenario& s, const Footprint& fp, std::vector<Problem>& out) {
  for (std::size_t f = 0; f < s.frameworks.size(); ++f) {
    const Framework& fw = s.frameworks[f];
    const std::string path = "frameworks[" + std::to_string(f) + "]";
    if (fw.informationSharing.enabled) {
      const bool shortens = std::any_of(fw.members.begin(), fw.members.end(), [&](const std::string& m) {
        return ResponseLag(s, m) > fw.informationSharing.lagMonths;
      });
      if (!shortens) {
        out.push_back({path + ".informationSharing", "cannot act: no member responds later than its " +
                                                        std::to_string(fw.informationSharing.lagMonths) + "-month lag"});
      }
    }
    if (fw.stockpilePool.enabled) {
      for (const std::string& good : fw.stockpilePool.goods) {
        const auto holders = std::count_if(fw.members.begin(), fw.members.end(),
                                           [&](const std::string& m) { return HoldsStockpile(s, m, good); });
        if (holders == 0) out.push_back({path + ".stockpilePool", "cannot act on " + good + ": no member holds a stockpile of it"});
      }
    }
    if (fw.partnerPriority.enabled && fw.partnerPriority.priority > 0.0) {
      for (const std::string& good : GoodsOrAll(s, fw.partnerPriority.goods)) {
        const bool made = std::any_of(fw.members.begin(), fw.members.end(), [&](const std::string& m) { return fp.Makes(m, good); });
        if (!made && !fw.partnerPriority.goods.empty()) {
          out.push_back({path + ".partnerPriority", "cannot act on " + good + ": no member makes it"});
        }
      }
      const bool anyMade = std::any_of(fw.members.begin(), fw.members.end(), [&](const std::string& m) {
        const std::vector<std::string> goods = GoodsOrAll(s, fw.partnerPriority.goods);
        return std::any_of(goods.begin(), goods.end(), [&](const std::string& g) { return fp.Makes(m, g); });
      });
      if (!anyMade && fw.partnerPriority.goods.empty()) {
        out.push_back({path + ".partnerPriority", "cannot act: no member makes any good"});
      }
    }
    if (fw.jointInvestment.enabled) {
      const JointInvestmentRule& j = fw.jointInvestment;
      if (j.capacity <= 0.0) {
        out.push_back({path + ".jointInvestment", "cannot act: the plant has no capacity"});
      } else if (j.start + j.leadMonths >= s.horizonMonths) {
        out.push_back({path + ".jointInvestment", "cannot act: the plant is finished after the horizon (month " +
                                                      std::to_string(j.start + j.leadMonths) + ")"});
      }
    }
    if (fw.exportControls.enabled) {
      const CoordinatedExportControlRule& c = fw.exportControls;
      const bool made = std::any_of(fw.members.begin(), fw.members.end(), [&](const std::string& m) {
        return std::any_of(c.goods.begin(), c.goods.end(), [&](const std::string& g) { return fp.Makes(m, g); });
      });
      if (c.fraction <= 0.0 || !made) {
        out.push_back({path + ".exportControls", c.fraction <= 0.0 ? "cannot act: its fraction is 0"
                                                                   : "cannot act: no member makes the goods it controls"});
      } else if (c.start >= s.horizonMonths) {
        out.push_back({path + ".exportControls", "cannot act: it starts after the horizon"});
      }
    }
  }
}

void CheckPolicies(const Scenario& s, const Footprint& fp, std::vector<Problem>& out) {
  for (std::size_t p = 0; p < s.policies.size(); ++p) {
    const RegionPolicy& policy = s.policies[p];
    const std::string path = "policies[" + std::to_string(p) + "]";
    auto item = [&](const char* list, std::size_t k) { return path + "." + list + "[" + std::to_string(k) + "]"; };
    for (std::size_t k = 0; k < policy.stockpiles.size(); ++k) {
      const StockpilePolicy& pile = policy.stockpiles[k];
      if (pile.targetMonths > 0.0 && !fp.Uses(policy.region, pile.good)) {
        out.push_back({item("stockpiles", k), "cannot act: " + policy.region + " does not use " + pile.good});
      }
    }
    for (std::size_t k = 0; k < policy.substitution.size(); ++k) {
      const SubstitutionPolicy& sub = policy.substitution[k];
      if (sub.maxReduction > 0.0 && !fp.Uses(policy.region, sub.good)) {
        out.push_back({item("substitution", k), "cannot act: " + policy.region + " does not use " + sub.good});
      }
      const auto good = std::find_if(s.goods.begin(), s.goods.end(), [&](const Good& g) { return g.id == sub.good; });
      if (sub.maxReduction > 0.0 && good != s.goods.end() && sub.costPerUnit < good->basePrice) {
        out.push_back({item("substitution", k) + ".costPerUnit",
                       "costs less than " + sub.good + "'s base price per unit avoided, and is charged that price: a "
                       "substitute cheaper than the good would be in use without any shock"});
      }
    }
    for (std::size_t k = 0; k < policy.investments.size(); ++k) {
      const InvestmentPolicy& inv = policy.investments[k];
      if (inv.capacity > 0.0 && inv.start + inv.leadMonths >= s.horizonMonths) {
        out.push_back({item("investments", k), "cannot act: the plant is finished after the horizon"});
      }
    }
    for (std::size_t k = 0; k < policy.exportControls.size(); ++k) {
      const ExportControlPolicy& control = policy.exportControls[k];
      if (control.fraction > 0.0 && !fp.Makes(policy.region, control.good)) {
        out.push_back({item("exportControls", k), "cannot act: " + policy.region + " does not make " + control.good});
      }
    }
  }
}

void CheckEvents(const Scenario& s, const Footprint& fp, std::vector<Problem>& out) {
  for (std::size_t e = 0; e < s.events.size(); ++e) {
    const Event& event = s.events[e];
    if (event.kind != EventKind::ExportRestriction && event.kind != EventKind::CapacityLoss) continue;
    const std::vector<std::string> goods = GoodsOrAll(s, event.goods);
    const bool made = std::any_of(event.regions.begin(), event.regions.end(), [&](const std::string& r) {
      return std::any_of(goods.begin(), goods.end(), [&](const std::string& g) { return fp.Makes(r, g); });
    });
    if (event.fraction > 0.0 && !made) {
      out.push_back({"events[" + std::to_string(e) + "]", "cannot act: none of its regions makes its goods"});
    }
  }
}

}  // namespace

std::vector<Problem> InertRules(const Scenario& scenario) {
  std::vector<Problem> out;
  const Footprint fp(scenario);
  CheckFrameworks(scenario, fp, out);
  CheckPolicies(scenario, fp, out);
  CheckEvents(scenario, fp, out);
  return out;
}

}  // namespace kz
