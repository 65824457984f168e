// Framework rules compiled into the network (see framework_rules.hpp for how overlaps combine).
#include "framework_rules.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "capital_cost.hpp"

namespace kz {
namespace {

int IndexOf(const std::vector<std::string>& ids, const std::string& id) {
  const auto it = std::find(ids.begin(), ids.end(), id);
  return it == ids.end() ? -1 : static_cast<int>(it - ids.begin());
}

// A mask over `ids` of the listed ones; unknown ids are reported at path[i].
std::vector<char> Mask(const std::vector<std::string>& ids, const std::vector<std::string>& listed,
                       const std::string& path, std::vector<Problem>& problems) {
  std::vector<char> mask(ids.size(), 0);
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const int index = IndexOf(ids, listed[i]);
    if (index < 0) {
      problems.push_back({path + "[" + std::to_string(i) + "]", "unknown id '" + listed[i] + "'"});
    } else {
      mask[static_cast<std::size_t>(index)] = 1;
    }
  }
  return mask;
}

// Members' cost weights (summing to 1) under a cost-sharing rule.
std::vector<double> CostWeights(const Scenario& scenario, const Network& net, const std::vector<char>& member,
                                CostShare rule, const std::vector<char>& goods, const std::vector<double>& baselineUse) {
  std::vector<double> weight(static_cast<std::size_t>(net.regions), 0.0);
  double total = 0.0;
  for (int r = 0; r < net.regions; ++r) {
    if (!member[r]) continue;
    switch (rule) {
      case CostShare::Gdp: weight[r] = scenario.regions[r].weight; break;
      case CostShare::Equal: weight[r] = 1.0; break;
      case CostShare::Consumption:
        for (int g = 0; g < net.goods; ++g) weight[r] += goods[g] ? baselineUse[net.RG(r, g)] : 0.0;
        break;
    }
    total += weight[r];
  }
  for (int r = 0; r < net.regions; ++r) {
    // No use at all (or no weight): fall back to equal shares rather than leave costs unpaid.
    weight[r] = total > 0.0 ? weight[r] / total : (member[r] ? 1.0 : 0.0);
  }
  if (total <= 0.0) {
    const double members = static_cast<double>(std::count(member.begin(), member.end(), 1));
    for (double& w : weight) w = members > 0.0 ? w / members : 0.0;
  }
  return weight;
}

}  // namespace

void CompileFrameworks(const Scenario& scenario, const std::vector<double>& baselineUse, Network& net,
                       std::vector<Problem>& problems) {
  const int R = net.regions;
  const int G = net.goods;
  net.pooledGood.assign(static_cast<std::size_t>(G), 0);
  net.priorityShare.assign(static_cast<std::size_t>(R * G), 0.0);
  net.priorityPartner.assign(static_cast<std::size_t>(R * G * R), 0);
  const int controlBase = static_cast<int>(net.effects.size()) + static_cast<int>(scenario.events.size());

  for (std::size_t f = 0; f < scenario.frameworks.size(); ++f) {
    const Framework& framework = scenario.frameworks[f];
    const std::string path = "frameworks[" + std::to_string(f) + "]";
    const std::vector<char> member = Mask(net.regionIds, framework.members, path + ".members", problems);
    const std::vector<char> allGoods(static_cast<std::size_t>(G), 1);

    if (framework.informationSharing.enabled) {
      for (int r = 0; r < R; ++r) {
        if (member[r]) net.responseLag[r] = std::min(net.responseLag[r], framework.informationSharing.lagMonths);
      }
    }

    if (framework.stockpilePool.enabled) {
      Network::StockPool pool;
      pool.member = member;
      pool.good = Mask(net.goodIds, framework.stockpilePool.goods, path + ".stockpilePool.goods", problems);
      pool.allocation = framework.stockpilePool.allocation;
      pool.costWeight = CostWeights(scenario, net, member, framework.stockpilePool.costShare, pool.good, baselineUse);
      for (int g = 0; g < G; ++g) net.pooledGood[g] = static_cast<char>(net.pooledGood[g] || pool.good[g]);
      net.pools.push_back(std::move(pool));
    }

    if (framework.partnerPriority.enabled) {
      const std::vector<char> goods =
          framework.partnerPriority.goods.empty()
              ? allGoods
              : Mask(net.goodIds, framework.partnerPriority.goods, path + ".partnerPriority.goods", problems);
      for (int s = 0; s < R; ++s) {
        if (!member[s]) continue;
        for (int g = 0; g < G; ++g) {
          if (!goods[g]) continue;
          double& share = net.priorityShare[net.RG(s, g)];
          share = std::max(share, framework.partnerPriority.priority);
          for (int b = 0; b < R; ++b) {
            if (member[b]) net.priorityPartner[net.RG(s, g) * static_cast<std::size_t>(R) + b] = 1;
          }
        }
      }
    }

    if (framework.jointInvestment.enabled) {
      const JointInvestmentRule& rule = framework.jointInvestment;
      const int host = IndexOf(net.regionIds, rule.host);
      const int good = IndexOf(net.goodIds, rule.good);
      if (host < 0 || good < 0) {
        problems.push_back({path + ".jointInvestment", "unknown host or good"});
      } else if (!member[host]) {
        // Validation requires the host to be a member; coalition analysis runs subsets without the
        // host, and then the project is simply not part of that coalition's framework.
      } else {
        Network::JointProject project;
        project.host = host;
        project.good = good;
        project.capacity = rule.capacity;
        project.start = rule.start;
        project.lead = rule.leadMonths;
        project.ramp = rule.rampMonths;
        project.capexPerMonth = CapitalChargePerMonth(rule.capacity * rule.capexPerUnit, net.monthlyRate, kAssetLifeMonths);
        std::vector<char> projectGood(static_cast<std::size_t>(G), 0);
        projectGood[good] = 1;
        project.costWeight = CostWeights(scenario, net, member, rule.costShare, projectGood, baselineUse);
        project.reservedShare = rule.reservedShare;
        const std::size_t i = net.RG(host, good);
        if (!net.hasFacility[i]) {  // a new plant: it exists from the start, with no capacity until built
          net.hasFacility[i] = 1;
          net.maxRamp[i] = 1.0;
        }
        for (int b = 0; b < R; ++b) {
          if (member[b]) net.priorityPartner[i * static_cast<std::size_t>(R) + b] = 1;
        }
        net.joints.push_back(std::move(project));
      }
    }

    if (framework.exportControls.enabled) {
      const CoordinatedExportControlRule& rule = framework.exportControls;
      TimedEffect effect;
      effect.kind = EventKind::ExportRestriction;
      effect.regionMask = member;
      effect.targetMask = Mask(net.regionIds, rule.targets, path + ".exportControls.targets", problems);
      for (int r = 0; r < R; ++r) {
        if (member[r]) effect.targetMask[r] = 0;  // members never restrict one another
      }
      effect.goodMask = Mask(net.goodIds, rule.goods, path + ".exportControls.goods", problems);
      effect.fraction = rule.fraction;
      effect.start = rule.start;
      effect.duration = std::max(1, rule.duration);
      effect.sourceIndex = controlBase + static_cast<int>(f);
      effect.framework = static_cast<int>(f);
      net.effects.push_back(std::move(effect));
    }
  }
}

}  // namespace kz
