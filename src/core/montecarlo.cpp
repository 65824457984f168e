// Monte Carlo sweeps (see montecarlo.hpp): drawing a run's hazards, running it, recording per-run
// scalars and histograms; merging shards; statistics (means, CVaR, shortfall probabilities,
// percentile bands). Sections: bounds; drawing; one shard; merge and statistics; fingerprints.
#include "kizuna/montecarlo.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>
#include <string>
#include <utility>

#include "distribution.hpp"
#include "out_of_line.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/hash.hpp"
#include "kizuna/rng.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/validate.hpp"
#include "kizuna/welfare.hpp"

namespace kz {
namespace {

std::size_t Sz(int n) { return static_cast<std::size_t>(n); }

std::vector<Problem> Cancelled() { return {Problem{"", "cancelled"}}; }

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The histogram slot of `value` on [low, high]; `scale` = kMonteCarloBins / (high - low), or 0 when
// the range is empty (then everything is at a bound).
int BinOf(double value, double low, double high, double scale) {
  if (!(value > low)) return 0;  // at or below the lower bound (NaN too: it never happens, but stays bounded)
  if (value >= high) return kMonteCarloBins + 1;
  const int bin = static_cast<int>((value - low) * scale);
  return 1 + std::min(bin, kMonteCarloBins - 1);
}

double ScaleOf(double low, double high) { return high > low ? kMonteCarloBins / (high - low) : 0.0; }

// The lower bound of each band series (upper bounds come from BandBounds).
double LowOf(BandSeries series) { return series == BandSeries::Price ? 1.0 : 0.0; }

// Histogram bin scales of a shard's series, computed once (a multiply per value instead of a divide).
struct BinScales {
  double fulfilment = 0.0;
  std::vector<double> price;      // per good
  std::vector<double> stockpile;  // per (region, good)
  std::vector<double> loss;       // per cell
};

BinScales ComputeBinScales(const MonteCarloShard& shard) {
  BinScales scales;
  scales.fulfilment = ScaleOf(0.0, 1.0);
  for (const double high : shard.bounds.priceMax) scales.price.push_back(ScaleOf(1.0, high));
  for (const double high : shard.bounds.stockpileMax) scales.stockpile.push_back(ScaleOf(0.0, high));
  for (const double high : shard.bounds.lossMax) scales.loss.push_back(ScaleOf(0.0, high));
  return scales;
}

// Histogram slots of up to kBatchRuns runs, not yet counted. One run's increments land on one line
// in each of 48,000 histograms spread over 12.7 MB (for 10 x 10 x 120); counting a batch cell by cell
// instead keeps each histogram in cache for all the batch's runs. Integer counts: the order of the
// increments does not change them.
class HistogramBatch {
 public:
  // Each histogram is written at least once per batch: fewer, larger batches mean fewer scattered
  // writes into the counts (BENCHMARKS.md: 128 runs rather than 32).
  static constexpr std::size_t kBatchRuns = 128;

  explicit HistogramBatch(const MonteCarloShard& shard)
      : bounds(shard.bounds), scales(ComputeBinScales(shard)),
        perRun(Sz(kBandSeriesCount) * Sz(shard.months) * Sz(shard.regions) * Sz(shard.goods)),
        slots(kBatchRuns * perRun) {}

  /// Adds one run's fulfilment, price, stockpile and loss; counts the batch into `counts` (laid out
  /// as MonteCarloShard::counts) when it is full.
  void Add(const Results& results, std::uint32_t* counts) {
    WriteSlots(results, slots.data() + runs * perRun);
    if (++runs == kBatchRuns) Flush(counts);
  }

  /// Counts the runs not yet counted into `counts`.
  KZ_OUT_OF_LINE void Flush(std::uint32_t* counts) {
    if (runs == 0) return;
    for (std::size_t i = 0; i < perRun; ++i) {  // i = series x cells + cell, as in `counts`
      std::uint32_t* const histogram = counts + i * kMonteCarloBinSlots;
      // Runs mostly share a cell's slot: counted in a register, not by increments in memory that
      // each wait for the last.
      std::uint8_t slot = slots[i];
      std::uint32_t same = 1;
      for (std::size_t k = 1; k < runs; ++k) {
        const std::uint8_t next = slots[k * perRun + i];
        if (next == slot) {
          ++same;
        } else {
          histogram[slot] += same;
          slot = next;
          same = 1;
        }
      }
      histogram[slot] += same;
    }
    runs = 0;
  }

 private:
  // The slot of each (series, cell) of one run. Out of line and called per run so that wasm runs it
  // optimized.
  KZ_OUT_OF_LINE void WriteSlots(const Results& results, std::uint8_t* out) const {
    const std::size_t RG = Sz(results.regions) * Sz(results.goods);
    const std::size_t G = Sz(results.goods);
    const std::size_t cells = Sz(results.months) * RG;
    std::uint8_t* const fulfilment = out;
    std::uint8_t* const price = fulfilment + cells;
    std::uint8_t* const stockpile = price + cells;
    std::uint8_t* const loss = stockpile + cells;
    // Cells in Results::Index order, walked as (month, region x good) to avoid a division per cell.
    std::size_t cell = 0;
    for (int t = 0; t < results.months; ++t) {
      for (std::size_t rg = 0, g = 0; rg < RG; ++rg, ++cell, g = g + 1 == G ? 0 : g + 1) {
        fulfilment[cell] = Slot(BinOf(results.fulfilment[cell], 0.0, 1.0, scales.fulfilment));
        price[cell] = Slot(BinOf(results.price[cell], 1.0, bounds.priceMax[g], scales.price[g]));
        stockpile[cell] = Slot(BinOf(results.stockpile[cell], 0.0, bounds.stockpileMax[rg], scales.stockpile[rg]));
        loss[cell] = Slot(BinOf(results.loss[cell], 0.0, bounds.lossMax[cell], scales.loss[cell]));
      }
    }
  }

  static std::uint8_t Slot(int bin) { return static_cast<std::uint8_t>(bin); }  // 0..kMonteCarloBinSlots - 1

  const BandBounds& bounds;
  BinScales scales;
  std::size_t perRun;               // series x cells
  std::size_t runs = 0;             // runs in the batch
  std::vector<std::uint8_t> slots;  // run in batch x series x cells
};
static_assert(kMonteCarloBinSlots <= 256, "histogram slots must fit HistogramBatch's bytes");

// Records run k (index within the shard) of `shard`: its per-run scalars, and its histogram slots into `batch`.
KZ_OUT_OF_LINE void RecordRun(const Results& results, std::size_t k, HistogramBatch& batch, MonteCarloShard& shard) {
  const std::size_t R = Sz(shard.regions);
  const std::size_t G = Sz(shard.goods);
  const RegionTotals totals = SumByRegion(results);
  for (std::size_t r = 0; r < R; ++r) {
    shard.regionLoss[k * R + r] = totals.loss[r];
    shard.regionPolicyCost[k * R + r] = totals.policyCost[r];
    shard.regionWelfare[k * R + r] = WelfareOf(totals, r);
    for (std::size_t g = 0; g < G; ++g) {
      shard.peakShortfall[(k * R + r) * G + g] = results.metrics[r * G + g].peakShortfall;
    }
  }
  batch.Add(results, shard.counts.data());
}

// Sizes `counts` to `size` zeros, `slice` at a time (`size` is a multiple of it): wasm runs memset
// as V8's baseline code until it is hot, and one 12.7 MB fill would run there whole (~3x slower).
void ZeroCounts(std::vector<std::uint32_t>& counts, std::size_t size, std::size_t slice) {
  counts.clear();
  counts.reserve(size);
  while (counts.size() < size) counts.resize(counts.size() + slice);
}


}  // namespace

// -- Bounds -------------------------------------------------------------------------------------------

BandBounds ComputeBandBounds(const Scenario& s) {
  const int R = static_cast<int>(s.regions.size());
  const int G = static_cast<int>(s.goods.size());
  const int T = s.horizonMonths;
  std::map<std::string, int> regionIndex;
  std::map<std::string, int> goodIndex;
  for (int r = 0; r < R; ++r) regionIndex.emplace(s.regions[Sz(r)].id, r);
  for (int g = 0; g < G; ++g) goodIndex.emplace(s.goods[Sz(g)].id, g);
  auto rg = [G](int r, int g) { return Sz(r) * Sz(G) + Sz(g); };

  BandBounds bounds;
  bounds.priceMax.resize(Sz(G));
  for (int g = 0; g < G; ++g) bounds.priceMax[Sz(g)] = s.goods[Sz(g)].priceMaxMultiple;

  // Month-0 final demand and its growth bound per (region, good).
  std::vector<double> demand0(Sz(R) * Sz(G), 0.0);
  std::vector<double> growth(Sz(R) * Sz(G), 1.0);
  for (int g = 0; g < G; ++g) {
    for (const FinalDemand& d : s.goods[Sz(g)].finalDemand) {
      const auto r = regionIndex.find(d.region);
      if (r == regionIndex.end()) continue;
      demand0[rg(r->second, g)] = d.monthly;
      // (1 + a)^(1/12) <= 1 + a/12 for a >= 0 (Bernoulli), so this bounds the engine's monthly factor.
      growth[rg(r->second, g)] = 1.0 + std::max(d.growthPerYear, 0.0) / 12.0;
    }
  }

  // Upper bound of baseline use: need = final demand + inputs of what is bought, production
  // uncapped. Recipes are acyclic, so G + 1 passes reach the fixed point.
  std::vector<double> need(demand0);
  std::vector<double> production(Sz(R) * Sz(G), 0.0);
  for (int pass = 0; pass <= G; ++pass) {
    std::fill(production.begin(), production.end(), 0.0);
    for (const TradeShare& t : s.trade) {
      const auto buyer = regionIndex.find(t.buyer);
      const auto seller = regionIndex.find(t.seller);
      const auto good = goodIndex.find(t.good);
      if (buyer == regionIndex.end() || seller == regionIndex.end() || good == goodIndex.end()) continue;
      production[rg(seller->second, good->second)] += need[rg(buyer->second, good->second)] * t.share;
    }
    need = demand0;
    for (int h = 0; h < G; ++h) {
      for (const RecipeInput& input : s.goods[Sz(h)].recipe) {
        const auto g = goodIndex.find(input.good);
        if (g == goodIndex.end()) continue;
        for (int r = 0; r < R; ++r) need[rg(r, g->second)] += input.unitsPerOutput * production[rg(r, h)];
      }
    }
  }
  bounds.stockpileMax.assign(Sz(R) * Sz(G), 0.0);
  for (const RegionPolicy& policy : s.policies) {
    const auto r = regionIndex.find(policy.region);
    if (r == regionIndex.end()) continue;
    for (const StockpilePolicy& stockpile : policy.stockpiles) {
      const auto g = goodIndex.find(stockpile.good);
      if (g == goodIndex.end()) continue;
      bounds.stockpileMax[rg(r->second, g->second)] = stockpile.targetMonths * need[rg(r->second, g->second)];
    }
  }

  // Demand shocks that can reach each (region, good): events and hazards, at their strongest.
  std::vector<double> shock(Sz(R) * Sz(G), 1.0);
  auto applyShock = [&](const std::vector<std::string>& regions, const std::vector<std::string>& goods,
                        double strongest) {
    if (!(strongest > 0.0)) return;
    for (int r = 0; r < R; ++r) {
      if (!Contains(regions, s.regions[Sz(r)].id)) continue;
      for (int g = 0; g < G; ++g) {
        if (Contains(goods, s.goods[Sz(g)].id)) shock[rg(r, g)] *= 1.0 + strongest;
      }
    }
  };
  for (const Event& event : s.events) {
    if (event.kind == EventKind::DemandShock) applyShock(event.regions, event.goods, event.fraction);
  }
  for (const Hazard& hazard : s.risks) {
    if (hazard.kind != EventKind::DemandShock) continue;
    const Distribution& d = hazard.severity;
    applyShock(hazard.regions, hazard.goods, d.kind == DistributionKind::Fixed ? d.mode : d.high);
  }

  bounds.lossMax.resize(Sz(T) * Sz(R) * Sz(G));
  for (int r = 0; r < R; ++r) {
    for (int g = 0; g < G; ++g) {
      const Good& good = s.goods[Sz(g)];
      const double perUnit = good.basePrice * good.valueMultiplier;
      double factor = shock[rg(r, g)];
      for (int t = 0; t < T; ++t) {
        factor *= growth[rg(r, g)];
        bounds.lossMax[(Sz(t) * Sz(R) + Sz(r)) * Sz(G) + Sz(g)] = demand0[rg(r, g)] * factor * perUnit;
      }
    }
  }
  return bounds;
}

// -- Drawing ------------------------------------------------------------------------------------------

namespace {

// Appends to `events` the hazards striking in run `run` (the draw order is documented in the header).
// Returns the number of events added; `strikes` (one per hazard) counts the blocks each struck in.
KZ_OUT_OF_LINE int DrawRun(const Scenario& s, std::uint64_t seed, std::uint64_t run, std::vector<Event>& events,
            std::int32_t* strikes) {
  Rng rng = Rng::ForStream(seed, run);
  const int horizon = s.horizonMonths;
  int added = 0;
  for (std::size_t h = 0; h < s.risks.size(); ++h) {
    const Hazard& hazard = s.risks[h];
    strikes[h] = 0;
    for (int year = 0; year * 12 < horizon; ++year) {
      const int blockStart = year * 12;
      const int blockMonths = std::min(12, horizon - blockStart);
      const double chance = hazard.annualProbability * static_cast<double>(blockMonths) / 12.0;
      if (!(rng.NextUniform() < chance)) continue;
      Event event;
      event.start = std::min(blockStart + static_cast<int>(rng.NextBelow(static_cast<std::uint64_t>(blockMonths))),
                             horizon - 1);
      event.fraction = SampleDistribution(hazard.severity, rng.NextUniform());
      const double duration = SampleDistribution(hazard.durationMonths, rng.NextUniform());
      event.duration = static_cast<int>(std::clamp(std::floor(duration + 0.5), 1.0, double{kMaxHorizonMonths}));
      event.id = hazard.id + "-y" + std::to_string(year);
      event.kind = hazard.kind;
      event.name = hazard.name;
      event.regions = hazard.regions;
      event.targets = hazard.targets;
      event.goods = hazard.goods;
      event.recovery = hazard.recovery;
      event.recoveryMonths = hazard.recoveryMonths;
      events.push_back(std::move(event));
      ++strikes[h];
      ++added;
    }
  }
  return added;
}

}  // namespace

// -- One shard ----------------------------------------------------------------------------------------

RunRange ShardRuns(int totalRuns, int index, int count) {
  if (totalRuns < 0 || count < 1 || index < 0 || index >= count) return {};
  const auto total = static_cast<std::int64_t>(totalRuns);
  const auto first = total * index / count;
  const auto end = total * (index + 1) / count;
  return RunRange{static_cast<int>(first), static_cast<int>(end - first)};
}

Expected<MonteCarloShard> RunMonteCarloShard(const Scenario& scenario, std::uint64_t seed, int firstRun,
                                             int runCount, const Progress& progress) {
  if (firstRun < 0) return std::vector<Problem>{{"firstRun", "must be >= 0"}};
  if (runCount < 1) return std::vector<Problem>{{"runs", "must be >= 1"}};
  if (std::vector<Problem> problems = ValidateScenario(scenario); !problems.empty()) return problems;

  // The base: the scenario without its register (runs never need it once drawn), compiled once and
  // reused for every run in which nothing strikes.
  Scenario base = scenario;
  base.risks.clear();
  Expected<Simulation> baseSimulation = Simulation::Create(base, Simulation::Validation::Skip);
  if (!baseSimulation) return baseSimulation.problems();
  baseSimulation.value().RecordDetail(false);  // RecordRun reads none of it

  MonteCarloShard shard;
  shard.scenarioHash = ScenarioHash(scenario);
  shard.seed = seed;
  shard.firstRun = firstRun;
  shard.runCount = runCount;
  shard.months = scenario.horizonMonths;
  shard.regions = static_cast<int>(scenario.regions.size());
  shard.goods = static_cast<int>(scenario.goods.size());
  for (const Region& region : scenario.regions) shard.regionIds.push_back(region.id);
  for (const Good& good : scenario.goods) shard.goodIds.push_back(good.id);
  for (const Hazard& hazard : scenario.risks) shard.hazardIds.push_back(hazard.id);
  shard.bounds = ComputeBandBounds(scenario);

  const std::size_t R = Sz(shard.regions);
  const std::size_t G = Sz(shard.goods);
  const std::size_t H = scenario.risks.size();
  const std::size_t cells = Sz(shard.months) * R * G;
  const std::size_t runs = Sz(runCount);
  shard.regionLoss.resize(runs * R);
  shard.regionPolicyCost.resize(runs * R);
  shard.regionWelfare.resize(runs * R);
  shard.peakShortfall.resize(runs * R * G);
  shard.strikes.resize(runs * H);
  ZeroCounts(shard.counts, Sz(kBandSeriesCount) * cells * kMonteCarloBinSlots, R * G * kMonteCarloBinSlots);

  HistogramBatch batch(shard);

  Results results;
  std::vector<Event> drawn;  // this run's strikes

  for (std::size_t k = 0; k < runs; ++k) {
    const std::uint64_t run = static_cast<std::uint64_t>(firstRun) + k;
    drawn.clear();
    DrawRun(scenario, seed, run, drawn, shard.strikes.data() + k * H);
    // The drawn events join the compiled base for this run only: `scenario` passed validation and
    // drawn events stay within its validated ranges, so nothing is recompiled.
    baseSimulation.value().Run(results, nullptr, drawn);

    RecordRun(results, k, batch, shard);
    if (progress && !progress(static_cast<double>(k + 1) / static_cast<double>(runs))) return Cancelled();
  }
  batch.Flush(shard.counts.data());
  return shard;
}

// -- Merge and statistics -----------------------------------------------------------------------------

double Cvar(std::vector<double> values, double tail) {
  if (values.empty()) return 0.0;
  tail = std::clamp(tail, 0.0, 1.0);
  std::sort(values.begin(), values.end(), [](double a, double b) { return a > b; });
  const double m = tail * static_cast<double>(values.size());
  if (!(m > 0.0)) return values.front();
  const auto whole = static_cast<std::size_t>(std::floor(m));
  double sum = 0.0;
  for (std::size_t i = 0; i < whole && i < values.size(); ++i) sum += values[i];
  const double fraction = m - static_cast<double>(whole);
  if (fraction > 0.0 && whole < values.size()) sum += fraction * values[whole];
  // m < 1 means the tail is thinner than one run: the worst run alone.
  return m < 1.0 ? values.front() : sum / m;
}

std::vector<double> RunTotalLoss(const MonteCarloShard& runs) {
  const std::size_t R = Sz(runs.regions);
  std::vector<double> totals(Sz(runs.runCount), 0.0);
  for (std::size_t k = 0; k < totals.size(); ++k) {
    for (std::size_t r = 0; r < R; ++r) totals[k] += runs.regionLoss[k * R + r];
  }
  return totals;
}

double ShortfallProbability(const MonteCarloResults& results, int region, int good, double threshold) {
  const MonteCarloShard& runs = results.runs;
  if (runs.runCount < 1 || region < 0 || region >= runs.regions || good < 0 || good >= runs.goods) return 0.0;
  std::size_t above = 0;
  for (std::size_t k = 0; k < Sz(runs.runCount); ++k) {
    if (runs.peakShortfall[(k * Sz(runs.regions) + Sz(region)) * Sz(runs.goods) + Sz(good)] > threshold) ++above;
  }
  return static_cast<double>(above) / static_cast<double>(runs.runCount);
}

double HistogramPercentile(const std::uint32_t* counts, double low, double high, double percentile) {
  std::uint64_t total = 0;
  for (int i = 0; i < kMonteCarloBinSlots; ++i) total += counts[i];
  if (total == 0 || !(high > low)) return low;
  const double rank = std::clamp(percentile, 0.0, 1.0) * static_cast<double>(total);
  std::uint64_t before = 0;
  for (int i = 0; i < kMonteCarloBinSlots; ++i) {
    const std::uint32_t count = counts[i];
    if (count == 0) continue;
    if (static_cast<double>(before + count) >= rank) {
      if (i == 0) return low;
      if (i == kMonteCarloBinSlots - 1) return high;
      const double within = std::clamp((rank - static_cast<double>(before)) / count, 0.0, 1.0);
      return low + (static_cast<double>(i - 1) + within) * ((high - low) / kMonteCarloBins);
    }
    before += count;
  }
  return high;
}

namespace {

// Fills `out[p]` with the value at each of kBandPercentiles in one pass over the histogram (the
// same arithmetic as HistogramPercentile, which the tests check by hand).
void Percentiles(const std::uint32_t* counts, double low, double high, double* out) {
  std::uint64_t total = 0;
  for (int i = 0; i < kMonteCarloBinSlots; ++i) total += counts[i];
  std::size_t p = 0;
  if (total == 0 || !(high > low)) {
    for (; p < kBandPercentiles.size(); ++p) out[p] = low;
    return;
  }
  std::uint64_t before = 0;
  for (int i = 0; i < kMonteCarloBinSlots && p < kBandPercentiles.size(); ++i) {
    const std::uint32_t count = counts[i];
    if (count == 0) continue;
    while (p < kBandPercentiles.size()) {
      const double rank = kBandPercentiles[p] * static_cast<double>(total);
      if (static_cast<double>(before + count) < rank) break;
      if (i == 0) {
        out[p] = low;
      } else if (i == kMonteCarloBinSlots - 1) {
        out[p] = high;
      } else {
        const double within = std::clamp((rank - static_cast<double>(before)) / count, 0.0, 1.0);
        out[p] = low + (static_cast<double>(i - 1) + within) * ((high - low) / kMonteCarloBins);
      }
      ++p;
    }
    before += count;
  }
  for (; p < kBandPercentiles.size(); ++p) out[p] = high;
}

// MergeShards on shards it may consume: the first (by run) is moved into the result, not copied
// (its histograms alone are megabytes).
Expected<MonteCarloResults> MergeOwned(std::vector<MonteCarloShard> shards, double shortfallThreshold) {
  if (shards.empty()) return std::vector<Problem>{{"", "no shards to merge"}};
  std::vector<std::size_t> order(shards.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return shards[a].firstRun < shards[b].firstRun; });

  std::vector<Problem> problems;
  const MonteCarloShard& head = shards[order.front()];
  const std::size_t cells = Sz(head.months) * Sz(head.regions) * Sz(head.goods);
  int next = head.firstRun;
  for (const std::size_t i : order) {
    const MonteCarloShard& s = shards[i];
    const std::string path = "shards[" + std::to_string(i) + "]";
    if (s.scenarioHash != head.scenarioHash || s.seed != head.seed || s.months != head.months ||
        s.regionIds != head.regionIds || s.goodIds != head.goodIds || s.hazardIds != head.hazardIds ||
        !(s.bounds == head.bounds)) {
      problems.push_back({path, "comes from a different scenario or seed than the others"});
      continue;
    }
    if (s.firstRun != next) {
      problems.push_back({path, "runs " + std::to_string(s.firstRun) + ".." +
                                    std::to_string(s.firstRun + s.runCount - 1) +
                                    (s.firstRun < next ? " overlap" : " leave a gap after") + " run " +
                                    std::to_string(next - 1 < 0 ? 0 : next - 1)});
    }
    next = s.firstRun + s.runCount;
    if (s.counts.size() != Sz(kBandSeriesCount) * cells * kMonteCarloBinSlots) {
      problems.push_back({path, "histograms have the wrong size"});
    }
  }
  if (!problems.empty()) return problems;

  MonteCarloResults out;
  MonteCarloShard& all = out.runs;
  all = std::move(shards[order.front()]);
  for (std::size_t n = 1; n < order.size(); ++n) {
    const MonteCarloShard& s = shards[order[n]];
    all.runCount += s.runCount;
    auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    append(all.regionLoss, s.regionLoss);
    append(all.regionPolicyCost, s.regionPolicyCost);
    append(all.regionWelfare, s.regionWelfare);
    append(all.peakShortfall, s.peakShortfall);
    append(all.strikes, s.strikes);
    for (std::size_t i = 0; i < all.counts.size(); ++i) all.counts[i] += s.counts[i];
  }

  const std::size_t R = Sz(all.regions);
  const std::size_t G = Sz(all.goods);
  const std::size_t N = Sz(all.runCount);
  const std::vector<double> totals = RunTotalLoss(all);
  out.expectedLoss.assign(R, 0.0);
  for (std::size_t k = 0; k < N; ++k) {
    for (std::size_t r = 0; r < R; ++r) out.expectedLoss[r] += all.regionLoss[k * R + r];
  }
  for (double& loss : out.expectedLoss) loss /= static_cast<double>(N);
  double sum = 0.0;
  for (const double total : totals) sum += total;
  out.expectedTotalLoss = sum / static_cast<double>(N);
  out.cvar95 = Cvar(totals, 0.05);
  out.shortfallThreshold = shortfallThreshold;
  out.shortfallProbability.resize(R * G);
  for (std::size_t r = 0; r < R; ++r) {
    for (std::size_t g = 0; g < G; ++g) {
      out.shortfallProbability[r * G + g] =
          ShortfallProbability(out, static_cast<int>(r), static_cast<int>(g), shortfallThreshold);
    }
  }

  out.bands.resize(Sz(kBandSeriesCount) * kBandPercentiles.size() * cells);
  for (int series = 0; series < kBandSeriesCount; ++series) {
    const auto kind = static_cast<BandSeries>(series);
    for (std::size_t cell = 0; cell < cells; ++cell) {
      double high = 1.0;
      if (kind == BandSeries::Price) high = all.bounds.priceMax[cell % G];
      if (kind == BandSeries::Stockpile) high = all.bounds.stockpileMax[cell % (R * G)];
      if (kind == BandSeries::Loss) high = all.bounds.lossMax[cell];
      const std::uint32_t* counts = all.counts.data() + (Sz(series) * cells + cell) * kMonteCarloBinSlots;
      double values[kBandPercentiles.size()];
      Percentiles(counts, LowOf(kind), high, values);
      for (std::size_t p = 0; p < kBandPercentiles.size(); ++p) {
        out.bands[(Sz(series) * kBandPercentiles.size() + p) * cells + cell] = values[p];
      }
    }
  }
  return out;
}

}  // namespace

Expected<MonteCarloResults> MergeShards(const std::vector<MonteCarloShard>& shards, double shortfallThreshold) {
  return MergeOwned(shards, shortfallThreshold);
}

Expected<MonteCarloResults> MergeShards(std::vector<MonteCarloShard>&& shards, double shortfallThreshold) {
  return MergeOwned(std::move(shards), shortfallThreshold);
}

Expected<MonteCarloResults> RunMonteCarlo(const Scenario& scenario, int runs, std::uint64_t seed,
                                          const Progress& progress) {
  Expected<MonteCarloShard> shard = RunMonteCarloShard(scenario, seed, 0, runs, progress);
  if (!shard) return shard.problems();
  std::vector<MonteCarloShard> shards;
  shards.push_back(std::move(shard.value()));
  return MergeOwned(std::move(shards), kDefaultShortfallThreshold);
}

// -- Fingerprints -------------------------------------------------------------------------------------

namespace {
void HashShardInto(Hasher& h, const MonteCarloShard& s) {
  h.AddU64(s.scenarioHash);
  h.AddU64(s.seed);
  h.AddU64(static_cast<std::uint64_t>(s.firstRun));
  h.AddU64(static_cast<std::uint64_t>(s.runCount));
  h.AddU64(static_cast<std::uint64_t>(s.months));
  h.AddU64(static_cast<std::uint64_t>(s.regions));
  h.AddU64(static_cast<std::uint64_t>(s.goods));
  for (const auto* ids : {&s.regionIds, &s.goodIds, &s.hazardIds}) {
    h.AddU64(ids->size());
    for (const std::string& id : *ids) h.AddString(id);
  }
  for (const auto* values : {&s.regionLoss, &s.regionPolicyCost, &s.regionWelfare, &s.peakShortfall,
                             &s.bounds.priceMax, &s.bounds.stockpileMax, &s.bounds.lossMax}) {
    h.AddU64(values->size());
    for (const double v : *values) h.AddDouble(v);
  }
  h.AddU64(s.strikes.size());
  for (const std::int32_t v : s.strikes) h.AddU64(static_cast<std::uint64_t>(static_cast<std::int64_t>(v)));
  h.AddU64(s.counts.size());
  for (const std::uint32_t v : s.counts) h.AddU64(v);
}
}  // namespace

std::uint64_t HashMonteCarloShard(const MonteCarloShard& shard) {
  Hasher h;
  HashShardInto(h, shard);
  return h.Digest();
}

std::uint64_t HashMonteCarloResults(const MonteCarloResults& results) {
  Hasher h;
  HashShardInto(h, results.runs);
  for (const double v : results.expectedLoss) h.AddDouble(v);
  h.AddDouble(results.expectedTotalLoss);
  h.AddDouble(results.cvar95);
  h.AddDouble(results.shortfallThreshold);
  for (const double v : results.shortfallProbability) h.AddDouble(v);
  for (const double v : results.bands) h.AddDouble(v);
  return h.Digest();
}

}  // namespace kz
