// Monte Carlo over a scenario's risk register (docs/MODEL.md, section 4, "Analyses"): N runs, each adding the
// hazards that strike in it as events, summarised as per-run scalars (kept for every run) and
// fixed-bin histograms per (month, region, good). Runs are computed in shards that merge exactly,
// so a sweep can be spread over workers, machines or a cluster and give bit-identical results.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kizuna/expected.hpp"
#include "kizuna/progress.hpp"
#include "kizuna/scenario.hpp"

namespace kz {

// ---------------------------------------------------------------------------------------------
// Draw order (part of the results' contract: changing it changes every result).
// Run i (0-based, counted over the whole sweep) draws only from Rng::ForStream(seed, i), in order:
//   for each hazard h in Scenario::risks order:
//     for each year block y = 0, 1, ... covering months [12y, min(12y + 12, horizon)):
//       u = NextUniform(); the hazard strikes in the block when u < annualProbability * months / 12
//       (a shorter last block scales the probability linearly). If it strikes, in this order:
//         start    = 12y + NextBelow(months in the block)      (uniform month in the block)
//         severity = Sample(severity, NextUniform())           (exactly one uniform, even if fixed)
//         duration = Sample(durationMonths, NextUniform()), rounded half up, clamped to 1..240
//       and Event{id = "<hazard id>-y<y>", the hazard's kind, regions, targets, goods, recovery}
//       is appended to the run's copy of Scenario::events, in this order.
// A hazard strikes at most once per block. Runs in which nothing strikes are the scenario's own
// deterministic run.
// ---------------------------------------------------------------------------------------------

/// The series whose spread over runs the app plots as percentile bands.
enum class BandSeries : int {
  Fulfilment,  ///< Results::fulfilment, share 0..1; bins on [0, 1]
  Price,       ///< Results::price, index; bins on [1, Good::priceMaxMultiple]
  Stockpile,   ///< Results::stockpile, units; bins on [0, stockpile target bound] (see below)
  Loss,        ///< Results::loss, USD per month; bins on [0, loss bound of the month] (see below)
};
inline constexpr int kBandSeriesCount = 4;

/// Interior bins per histogram. Each (series, cell) histogram has kMonteCarloBins + 2 counts:
/// [0] values at or below the lower bound (reported exactly as the bound: a loss of 0, a price of 1),
/// [1..kMonteCarloBins] equal-width bins strictly inside, [kMonteCarloBins + 1] values at or above the
/// upper bound (reported as the bound: fulfilment 1; values beyond a bound saturate there).
/// Memory: 4 series x cells x 66 x 4 bytes; 10 regions x 10 goods x 120 months = 12,000 cells:
/// 12.7 MB of counts per shard (or result), whatever the number of runs.
inline constexpr int kMonteCarloBins = 64;
inline constexpr int kMonteCarloBinSlots = kMonteCarloBins + 2;

/// The percentiles reported for every band.
inline constexpr std::array<double, 5> kBandPercentiles = {0.05, 0.25, 0.50, 0.75, 0.95};

/// The default threshold for shortfall probabilities: a peak shortfall above 10% of final demand.
inline constexpr double kDefaultShortfallThreshold = 0.10;

/// Bin ranges of one sweep, computed from the scenario alone (never from the runs, so every shard
/// agrees): prices up to the good's priceMaxMultiple; stockpiles up to targetMonths x an upper bound
/// of baseline use (final demand plus the inputs of every good bought, ignoring capacity limits);
/// loss up to month-0 final demand x growth bound (1 + max(growth, 0) / 12)^(t + 1) x the product of
/// (1 + strongest positive shock) over demand shocks and demand-shock hazards that reach the
/// (region, good) x base price x value multiplier.
struct BandBounds {
  std::vector<double> priceMax;      ///< per good, price index
  std::vector<double> stockpileMax;  ///< per (region, good), index r * goods + g, units
  std::vector<double> lossMax;       ///< per (month, region, good), Results::Index order, USD
  bool operator==(const BandBounds&) const = default;
};

/// The runs [firstRun, firstRun + runCount) of a sweep. Per-run arrays are indexed by the run's
/// position in the shard (run - firstRun). Shards of the same scenario and seed merge exactly.
struct MonteCarloShard {
  std::uint64_t scenarioHash = 0;  ///< ScenarioHash(scenario): shards of other scenarios do not merge
  std::uint64_t seed = 0;
  int firstRun = 0;
  int runCount = 0;
  int months = 0;
  int regions = 0;
  int goods = 0;
  std::vector<std::string> regionIds;
  std::vector<std::string> goodIds;
  std::vector<std::string> hazardIds;  ///< Scenario::risks ids, in order
  std::vector<double> regionLoss;        ///< runCount x regions: total economic loss, USD
  std::vector<double> regionPolicyCost;  ///< runCount x regions: total policy cost, USD
  std::vector<double> regionWelfare;     ///< runCount x regions: RegionWelfare, USD (negative)
  std::vector<double> peakShortfall;     ///< runCount x regions x goods: Metrics::peakShortfall, 0..1
  std::vector<std::int32_t> strikes;     ///< runCount x hazards: year blocks in which the hazard struck
  BandBounds bounds;
  std::vector<std::uint32_t> counts;     ///< series x cells x kMonteCarloBinSlots (cells in Results::Index order)
  bool operator==(const MonteCarloShard&) const = default;
};

/// A whole sweep: the merged shards plus statistics over its runs.
struct MonteCarloResults {
  MonteCarloShard runs;  ///< every run's scalars, in run order, and the merged histograms

  // Statistics (all USD unless stated), computed from `runs` in run order, so they are the same
  // however the runs were sharded.
  std::vector<double> expectedLoss;  ///< per region: mean over runs of the region's total loss
  double expectedTotalLoss = 0.0;    ///< mean over runs of the sum over regions
  double cvar95 = 0.0;               ///< mean of the worst 5% of runs' total loss (see Cvar)
  double shortfallThreshold = kDefaultShortfallThreshold;
  std::vector<double> shortfallProbability;  ///< regions x goods: share of runs with peak shortfall > threshold
  /// Percentile bands: series x percentile x cell, index BandIndex(). From the merged histograms.
  std::vector<double> bands;

  std::size_t BandIndex(BandSeries series, int percentile, int t, int r, int g) const {
    const std::size_t cells = static_cast<std::size_t>(runs.months) * static_cast<std::size_t>(runs.regions) *
                              static_cast<std::size_t>(runs.goods);
    const std::size_t cell = (static_cast<std::size_t>(t) * static_cast<std::size_t>(runs.regions) +
                              static_cast<std::size_t>(r)) * static_cast<std::size_t>(runs.goods) +
                             static_cast<std::size_t>(g);
    return (static_cast<std::size_t>(static_cast<int>(series)) * kBandPercentiles.size() +
            static_cast<std::size_t>(percentile)) * cells + cell;
  }
};

/// The runs of shard `index` (0-based) of `count` when `totalRuns` runs are split as evenly as
/// possible: runs [totalRuns * index / count, totalRuns * (index + 1) / count) (integer division),
/// so shard sizes differ by at most one and the shards tile 0..totalRuns-1.
struct RunRange {
  int first = 0;
  int count = 0;
};
RunRange ShardRuns(int totalRuns, int index, int count);

/// Computes runs [firstRun, firstRun + runCount) of the sweep (seed). Validates the scenario once
/// (every problem is returned). `progress` (may be empty) gets the fraction of this shard's runs
/// done; cancelling returns { {"", "cancelled"} }. firstRun >= 0, runCount >= 1.
Expected<MonteCarloShard> RunMonteCarloShard(const Scenario& scenario, std::uint64_t seed, int firstRun,
                                             int runCount, const Progress& progress = {});

/// Merges shards of one sweep (same scenario, seed and sizes; run ranges contiguous without gaps or
/// overlaps, in any order) and computes the statistics. Bit-for-bit the same whatever the split.
Expected<MonteCarloResults> MergeShards(const std::vector<MonteCarloShard>& shards,
                                        double shortfallThreshold = kDefaultShortfallThreshold);

/// MergeShards on shards the caller gives up: the first by run is moved into the result rather than
/// copied (its histograms alone are megabytes), so merging a growing sweep chunk by chunk stays cheap.
Expected<MonteCarloResults> MergeShards(std::vector<MonteCarloShard>&& shards,
                                        double shortfallThreshold = kDefaultShortfallThreshold);

/// RunMonteCarloShard(scenario, seed, 0, runs, progress) merged alone.
Expected<MonteCarloResults> RunMonteCarlo(const Scenario& scenario, int runs, std::uint64_t seed,
                                          const Progress& progress = {});

/// Conditional value at risk: the mean of the worst `tail` share (0 < tail <= 1) of `values`
/// (losses, larger = worse). With m = tail x N runs in the tail: the floor(m) largest count fully
/// and the next largest with weight m - floor(m); so with N = 30 and tail 0.05 (m = 1.5), CVaR =
/// (largest + 0.5 x second largest) / 1.5, and with N < 20 it is the largest value.
double Cvar(std::vector<double> values, double tail);

/// Share of runs whose peak shortfall of `good` in `region` exceeds `threshold` (a share, 0..1).
double ShortfallProbability(const MonteCarloResults& results, int region, int good, double threshold);

/// Total loss (sum over regions) of each run, in run order, USD.
std::vector<double> RunTotalLoss(const MonteCarloShard& runs);

/// The value at `percentile` (0..1) of a histogram of kMonteCarloBinSlots counts on [low, high]:
/// linear interpolation inside the bin holding rank percentile x N (values assumed spread evenly in
/// it); the end slots give exactly `low` or `high`. Returns `low` when the histogram is empty.
double HistogramPercentile(const std::uint32_t* counts, double low, double high, double percentile);

/// The bin ranges of `scenario` (see BandBounds).
BandBounds ComputeBandBounds(const Scenario& scenario);

/// Fingerprints over every number, id and count (exact bits), for tests and the CLI.
std::uint64_t HashMonteCarloShard(const MonteCarloShard& shard);
std::uint64_t HashMonteCarloResults(const MonteCarloResults& results);

/// A summary of `results` for people and the app (not a shard file): { runs, seed, months, hazards,
/// regions, goods, expectedLoss (per region), expectedTotalLoss, cvar95, shortfallThreshold, hash
/// (HashMonteCarloResults as 16 hex digits), cells: [{ region, good, shortfallProbability,
/// fulfilment: [5 arrays of `months` values, the kBandPercentiles bands] }] } with one cell per
/// (region, good) that has final demand in `scenario` (the scenario the runs came from), in
/// region then good order. USD for money, shares 0..1 for fulfilment and probabilities. Without
/// `withHash` the hash is left out (it reads every histogram count: partial results skip it).
std::string SaveMonteCarloSummaryJson(const MonteCarloResults& results, const Scenario& scenario, bool withHash = true);

/// Shard files: JSON with every number exact (histograms stored sparsely). Load checks structure
/// and sizes and reports problems with their JSON paths.
std::string SaveMonteCarloShardJson(const MonteCarloShard& shard);
Expected<MonteCarloShard> LoadMonteCarloShardJson(std::string_view text);

/// One (region, good) with final demand in a Monte Carlo summary: shortfall odds and fulfilment
/// bands (shares 0..1).
struct MonteCarloCell {
  std::string region;
  std::string good;
  double shortfallProbability = 0.0;               ///< share of runs with a peak shortfall above the threshold
  std::array<std::vector<double>, 5> fulfilment;   ///< 5th, 25th, 50th, 75th, 95th percentile, per month
};

/// A Monte Carlo result as an analysis job's JSON carries it (partial while runs < runsRequested),
/// read back for the app. Money in USD.
struct MonteCarloView {
  bool done = false;
  int runs = 0;
  int runsRequested = 0;
  int months = 0;
  std::string seed;  ///< decimal (seeds are 64-bit)
  std::string hash;  ///< results fingerprint, 16 hex digits (final results only)
  std::vector<std::string> hazards;
  std::vector<std::string> regions;
  std::vector<double> expectedLoss;  ///< per region
  double expectedTotalLoss = 0.0;
  double cvar95 = 0.0;
  double shortfallThreshold = 0.1;
  std::vector<MonteCarloCell> cells;
};

/// Reads AnalysisJob::Json() of a Monte Carlo job (kizuna/analysis_job.hpp: its envelope plus
/// SaveMonteCarloSummaryJson's fields), partial or final. Problems name the JSON path: not JSON,
/// another kind, wrong types, unknown fields, sizes that do not match (bands per month, losses per
/// region). Before the first runs (runs 0) only done, runs and runsRequested are read.
Expected<MonteCarloView> LoadMonteCarloViewJson(std::string_view json);

}  // namespace kz
