// Synthetic scenario generator (see synthetic.hpp): a layered production network with random
// but sensible parameters, drawn from the core's own Rng so every platform makes the same one.
#include "kizuna/synthetic.hpp"

#include <algorithm>
#include <string>

#include "kizuna/rng.hpp"

namespace kz {
namespace {

double Uniform(Rng& rng, double lo, double hi) { return lo + (hi - lo) * rng.NextUniform(); }
int UniformInt(Rng& rng, int lo, int hi) { return lo + static_cast<int>(rng.NextBelow(static_cast<std::uint64_t>(hi - lo + 1))); }

std::string RegionId(int r) { return "R" + std::to_string(r); }
std::string GoodId(int g) { return "G" + std::to_string(g); }

}  // namespace

Scenario MakeSyntheticScenario(const SyntheticSpec& spec) {
  Rng rng = Rng::ForStream(spec.seed, 0x5e7);
  // Drawn from streams of their own, so that adding them left every other draw as it was.
  Rng sourcing = Rng::ForStream(spec.seed, 0x50c);
  Rng outputShares = Rng::ForStream(spec.seed, 0x5a5);
  const int R = std::clamp(spec.regions, 1, 200);
  const int G = std::clamp(spec.goods, 1, 200);
  Scenario s;
  s.id = "synthetic-" + std::to_string(R) + "x" + std::to_string(G);
  s.title.en = "Synthetic network " + std::to_string(R) + " regions x " + std::to_string(G) + " goods";
  s.description = "Generated for benchmarks and property tests; all numbers are arbitrary.";
  s.horizonMonths = std::clamp(spec.months, 1, kMaxHorizonMonths);
  s.seed = spec.seed;
  for (int r = 0; r < R; ++r) {
    Region region;
    region.id = RegionId(r);
    region.name.en = "Region " + std::to_string(r);
    region.lat = Uniform(rng, -60.0, 70.0);
    region.lon = Uniform(rng, -180.0, 180.0);
    region.weight = Uniform(rng, 0.1, 20.0);
    s.regions.push_back(region);
  }
  // Goods: the first third are raw materials; later goods use up to three earlier goods.
  const int raw = std::max(1, G / 3);
  for (int g = 0; g < G; ++g) {
    Good good;
    good.id = GoodId(g);
    good.name.en = "Good " + std::to_string(g);
    good.unit = "units";
    good.basePrice = Uniform(rng, 1.0, 1000.0);  // value added; the inputs' cost is added below
    good.valueMultiplier = Uniform(rng, 1.0, 5.0);
    good.qualificationMonths = UniformInt(rng, 0, 18);
    // Half commodities, a quarter parts tied to their maker, a quarter in between.
    const double kind = sourcing.NextUniform();
    good.interchangeable = kind < 0.5 ? 1.0 : kind < 0.75 ? 0.0 : sourcing.NextUniform();
    good.demandElasticity = Uniform(rng, 0.0, 0.3);
    good.priceSensitivity = Uniform(rng, 1.0, 20.0);
    good.priceMaxMultiple = Uniform(rng, 2.0, 15.0);
    good.priceAdjustment = Uniform(rng, 0.1, 1.0);
    if (g >= raw) {
      const int inputs = UniformInt(rng, 1, std::min(3, g));
      for (int k = 0; k < inputs; ++k) {
        const std::string input = GoodId(UniformInt(rng, 0, g - 1));
        const bool duplicate = std::any_of(good.recipe.begin(), good.recipe.end(),
                                           [&](const RecipeInput& in) { return in.good == input; });
        // Three inputs in four needed by all of the output, the rest by a share of it.
        const double share = outputShares.NextUniform() < 0.75 ? 1.0 : Uniform(outputShares, 0.2, 1.0);
        if (!duplicate) good.recipe.push_back({input, Uniform(rng, 0.2, 3.0), share});
      }
    }
    // A good is worth at least what goes into it, as in any economy that keeps producing it.
    for (const RecipeInput& in : good.recipe) {
      const auto input = std::find_if(s.goods.begin(), s.goods.end(), [&](const Good& x) { return x.id == in.good; });
      good.basePrice += in.unitsPerOutput * input->basePrice;
    }
    s.goods.push_back(good);
  }
  // Final demand for the upper two thirds (and every good when there is only one tier).
  for (int g = 0; g < G; ++g) {
    if (g < raw && G > 1) continue;
    for (int r = 0; r < R; ++r) {
      if (rng.NextUniform() < 0.7) s.goods[g].finalDemand.push_back({RegionId(r), Uniform(rng, 10.0, 1000.0), Uniform(rng, -0.02, 0.05)});
    }
  }
  // Producers: one to four regions per good.
  std::vector<std::vector<int>> producers(static_cast<std::size_t>(G));
  for (int g = 0; g < G; ++g) {
    const int count = UniformInt(rng, 1, std::min(4, R));
    while (static_cast<int>(producers[g].size()) < count) {
      const int r = UniformInt(rng, 0, R - 1);
      if (std::find(producers[g].begin(), producers[g].end(), r) == producers[g].end()) producers[g].push_back(r);
    }
    std::sort(producers[g].begin(), producers[g].end());
  }
  // Sourcing: every region that may need a good buys it from that good's producers.
  for (int g = 0; g < G; ++g) {
    for (int buyer = 0; buyer < R; ++buyer) {
      std::vector<double> weights;
      double total = 0.0;
      for (std::size_t k = 0; k < producers[g].size(); ++k) {
        weights.push_back(Uniform(rng, 0.1, 1.0));
        total += weights.back();
      }
      double assigned = 0.0;
      for (std::size_t k = 0; k < producers[g].size(); ++k) {
        const double share = k + 1 == producers[g].size() ? 1.0 - assigned : weights[k] / total;
        assigned += share;
        s.trade.push_back({RegionId(buyer), GoodId(g), RegionId(producers[g][k]), share});
      }
    }
  }
  // Capacities: enough for everyone's demand with 10-60% slack, propagated down the recipes
  // (an upper bound of need: all demand of every user good, whoever makes it).
  std::vector<double> worldNeed(static_cast<std::size_t>(G), 0.0);
  for (int g = G - 1; g >= 0; --g) {
    for (const FinalDemand& d : s.goods[g].finalDemand) worldNeed[g] += d.monthly * 1.5;  // room for growth
    for (const RecipeInput& in : s.goods[g].recipe) worldNeed[std::stoi(in.good.substr(1))] += worldNeed[g] * in.unitsPerOutput;
  }
  for (int g = 0; g < G; ++g) {
    for (const int r : producers[g]) {
      Facility facility;
      facility.region = RegionId(r);
      facility.good = GoodId(g);
      facility.capacity = worldNeed[g] * Uniform(rng, 1.1, 1.6);  // each producer could serve the world alone
      facility.initialStock = facility.capacity * Uniform(rng, 0.0, 0.5);
      facility.maxRampPerMonth = Uniform(rng, 0.05, 1.0);
      s.facilities.push_back(facility);
    }
  }
  const EventKind kinds[] = {EventKind::CapacityLoss, EventKind::ExportRestriction, EventKind::DemandShock,
                             EventKind::Chokepoint};
  for (int e = 0; e < std::max(0, spec.events); ++e) {
    Event event;
    event.id = "E" + std::to_string(e);
    event.kind = kinds[e % 4];
    event.name.en = "Event " + std::to_string(e);
    const int g = UniformInt(rng, 0, G - 1);
    event.regions = {RegionId(producers[g][rng.NextBelow(producers[g].size())])};
    event.goods = {GoodId(g)};
    if (event.kind == EventKind::ExportRestriction || event.kind == EventKind::Chokepoint) {
      event.targets = {RegionId(UniformInt(rng, 0, R - 1))};
    }
    event.fraction = event.kind == EventKind::DemandShock ? Uniform(rng, -0.5, 1.0) : Uniform(rng, 0.2, 1.0);
    event.start = UniformInt(rng, 0, s.horizonMonths - 1);
    event.duration = UniformInt(rng, 1, 12);
    event.recovery = rng.NextUniform() < 0.5 ? RecoveryShape::Step : RecoveryShape::Linear;
    event.recoveryMonths = event.recovery == RecoveryShape::Linear ? UniformInt(rng, 1, 12) : 0;
    s.events.push_back(event);
  }
  for (int r = 0; r < R; ++r) {
    RegionPolicy policy;
    policy.region = RegionId(r);
    policy.responseLagMonths = UniformInt(rng, 0, 6);
    if (spec.policies) {
      const int g = UniformInt(rng, 0, G - 1);
      StockpilePolicy pile;
      pile.good = GoodId(g);
      pile.targetMonths = Uniform(rng, 0.0, 6.0);
      policy.stockpiles.push_back(pile);
      const int h = UniformInt(rng, 0, G - 1);
      if (std::find(producers[h].begin(), producers[h].end(), r) != producers[h].end()) {
        policy.investments.push_back({GoodId(h), worldNeed[h] * 0.2, UniformInt(rng, 0, s.horizonMonths - 1),
                                      UniformInt(rng, 0, 48), UniformInt(rng, 0, 12), Uniform(rng, 0.0, 5000.0)});
        policy.exportControls.push_back({GoodId(h), {}, Uniform(rng, 0.0, 1.0), UniformInt(rng, 0, s.horizonMonths - 1),
                                         UniformInt(rng, 1, 6)});
      }
      policy.substitution.push_back({GoodId(UniformInt(rng, 0, G - 1)), Uniform(rng, 0.0, 0.5), UniformInt(rng, 1, 24), Uniform(rng, 0.0, 100.0)});
      policy.recycling.push_back({GoodId(UniformInt(rng, 0, G - 1)), Uniform(rng, 0.0, 0.3), UniformInt(rng, 0, 24)});
    }
    s.policies.push_back(policy);
  }
  return s;
}

}  // namespace kz
