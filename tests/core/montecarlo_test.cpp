// Monte Carlo: our distributions' moments, strike frequencies against the annual probability (fixed
// seeds, tolerances of 4-5 standard errors, stated per test), degenerate registers against the
// deterministic run, exact shard merges and shard files, CVaR's tail cut, histogram percentiles.
#include "kizuna/montecarlo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "distribution.hpp"
#include "kizuna/engine.hpp"
#include "kizuna/rng.hpp"
#include "kizuna/synthetic.hpp"
#include "kizuna/welfare.hpp"
#include "risk_scenarios.hpp"

namespace {

using kz::Distribution;
using kz::DistributionKind;
using kz::MonteCarloResults;
using kz::MonteCarloShard;
using kz::Scenario;

struct Moments {
  double mean = 0.0;
  double variance = 0.0;
  double belowMode = 0.0;  // share of samples below the mode
};

Moments Sample(const Distribution& d, int n, std::uint64_t seed) {
  kz::Rng rng = kz::Rng::ForStream(seed, 0);
  double sum = 0.0;
  double sumSquares = 0.0;
  int below = 0;
  for (int i = 0; i < n; ++i) {
    const double x = kz::SampleDistribution(d, rng.NextUniform());
    EXPECT_GE(x, d.low);
    EXPECT_LE(x, d.high);
    sum += x;
    sumSquares += x * x;
    if (x < d.mode) ++below;
  }
  Moments m;
  m.mean = sum / n;
  m.variance = sumSquares / n - m.mean * m.mean;
  m.belowMode = static_cast<double>(below) / n;
  return m;
}

MonteCarloResults RunSweep(const Scenario& s, int runs, std::uint64_t seed) {
  kz::Expected<MonteCarloResults> results = kz::RunMonteCarlo(s, runs, seed);
  EXPECT_TRUE(results.ok()) << (results.ok() ? "" : results.problems()[0].ToString());
  return results.ok() ? std::move(results.value()) : MonteCarloResults{};
}

// -- Distributions ------------------------------------------------------------------------------------

// 200,000 samples: the standard error of the mean is ~0.002 (uniform) and ~0.0024 (triangular);
// tolerances are about 5 standard errors.
TEST(Distribution, UniformHasTheRightMeanAndVariance) {
  const Moments m = Sample({DistributionKind::Uniform, 2.0, 3.0, 5.0}, 200000, 7);
  EXPECT_NEAR(m.mean, 3.5, 0.01);
  EXPECT_NEAR(m.variance, 9.0 / 12.0, 0.01);
}

TEST(Distribution, TriangularHasTheRightMeanVarianceAndModeShare) {
  // a = 1, c = 2, b = 6: mean (1 + 2 + 6) / 3 = 3; variance (1 + 4 + 36 - 2 - 6 - 12) / 18 = 7/6;
  // P(X < c) = (c - a) / (b - a) = 0.2 (standard error 0.0009).
  const Moments m = Sample({DistributionKind::Triangular, 1.0, 2.0, 6.0}, 200000, 11);
  EXPECT_NEAR(m.mean, 3.0, 0.012);
  EXPECT_NEAR(m.variance, 7.0 / 6.0, 0.02);
  EXPECT_NEAR(m.belowMode, 0.2, 0.004);
}

TEST(Distribution, EndsAndDegenerateCasesAreExact) {
  EXPECT_EQ(kz::SampleDistribution({DistributionKind::Fixed, 0.0, 0.4, 1.0}, 0.99), 0.4);
  EXPECT_EQ(kz::SampleDistribution({DistributionKind::Triangular, 1.0, 2.0, 6.0}, 0.0), 1.0);
  EXPECT_EQ(kz::SampleDistribution({DistributionKind::Triangular, 1.0, 1.0, 6.0}, 0.0), 1.0);  // mode at low
  EXPECT_EQ(kz::SampleDistribution({DistributionKind::Triangular, 3.0, 3.0, 3.0}, 0.5), 3.0);
  EXPECT_EQ(kz::SampleDistribution({DistributionKind::Uniform, 2.0, 3.0, 4.0}, 0.5), 3.0);
}

// -- Strikes --------------------------------------------------------------------------------------------

// 2,000 one-year runs with p = 0.3: standard error sqrt(0.3 x 0.7 / 2000) = 0.0102; tolerance 4 SE.
TEST(MonteCarlo, HazardStrikesInAboutAnnualProbabilityOfRuns) {
  const int runs = 2000;
  const MonteCarloResults r = RunSweep(kz::test::OneHazard(0.3, 0.5, 2, 12), runs, 2024);
  ASSERT_EQ(r.runs.strikes.size(), static_cast<std::size_t>(runs));
  int struck = 0;
  for (const std::int32_t count : r.runs.strikes) {
    EXPECT_LE(count, 1);
    struck += count;
  }
  EXPECT_NEAR(static_cast<double>(struck) / runs, 0.3, 4 * std::sqrt(0.3 * 0.7 / runs));
}

// 18 months = a full year (p = 0.4) and a half year (p scaled to 0.2): expected strikes per run 0.6,
// variance 0.24 + 0.16 = 0.4, standard error over 2,000 runs 0.0141; tolerance 4 SE.
TEST(MonteCarlo, ShorterLastYearScalesTheProbabilityLinearly) {
  const int runs = 2000;
  const MonteCarloResults r = RunSweep(kz::test::OneHazard(0.4, 0.5, 2, 18), runs, 99);
  double strikes = 0.0;
  for (const std::int32_t count : r.runs.strikes) {
    EXPECT_LE(count, 2);
    strikes += count;
  }
  EXPECT_NEAR(strikes / runs, 0.6, 4 * std::sqrt(0.4 / runs));
}

TEST(MonteCarlo, ProbabilityZeroGivesTheDeterministicRunEveryTime) {
  Scenario s = kz::test::SmallChainWithRisks();
  for (kz::Hazard& h : s.risks) h.annualProbability = 0.0;
  const kz::Expected<kz::Results> deterministic = kz::RunScenario(s);
  ASSERT_TRUE(deterministic.ok());
  const kz::RegionTotals totals = kz::SumByRegion(deterministic.value());
  const MonteCarloResults r = RunSweep(s, 20, 5);
  const auto R = static_cast<std::size_t>(r.runs.regions);
  const auto G = static_cast<std::size_t>(r.runs.goods);
  for (std::size_t k = 0; k < 20; ++k) {
    for (std::size_t g = 0; g < R; ++g) EXPECT_EQ(r.runs.regionLoss[k * R + g], totals.loss[g]);
    for (std::size_t i = 0; i < R * G; ++i) {
      EXPECT_EQ(r.runs.peakShortfall[k * R * G + i], deterministic.value().metrics[i].peakShortfall);
    }
  }
  // Every band sits in the bin of the deterministic value: within one bin width of it.
  const kz::Results& d = deterministic.value();
  for (int t = 0; t < d.months; ++t) {
    for (int reg = 0; reg < d.regions; ++reg) {
      for (int g = 0; g < d.goods; ++g) {
        for (int p = 0; p < 5; ++p) {
          EXPECT_NEAR(r.bands[r.BandIndex(kz::BandSeries::Fulfilment, p, t, reg, g)], d.fulfilment[d.Index(t, reg, g)],
                      1.0 / kz::kMonteCarloBins);
          const double priceWidth = (s.goods[static_cast<std::size_t>(g)].priceMaxMultiple - 1.0) / kz::kMonteCarloBins;
          EXPECT_NEAR(r.bands[r.BandIndex(kz::BandSeries::Price, p, t, reg, g)], d.price[d.Index(t, reg, g)], priceWidth);
        }
      }
    }
  }
  // No spread at all: the mean of all runs and of the worst 5% average identical values (to rounding).
  EXPECT_DOUBLE_EQ(r.expectedTotalLoss, r.cvar95);
}

// With p = 1 and fixed severity and duration, a one-year run differs only by the drawn start month:
// every run must equal the deterministic run with that event at one of the 12 months, and with 240
// runs every month turns up (seeded, so this is a fixed fact, not a flaky chance).
TEST(MonteCarlo, ProbabilityOneWithFixedNumbersGivesTheEventAtSomeMonth) {
  const Scenario s = kz::test::OneHazard(1.0, 0.7, 3, 12);
  std::vector<std::vector<double>> byStart;
  for (int start = 0; start < 12; ++start) {
    Scenario explicitEvent = s;
    explicitEvent.risks.clear();
    kz::Event e;
    e.id = "outage-y0";
    e.regions = {"CN"};
    e.goods = {"re_oxide"};
    e.fraction = 0.7;
    e.start = start;
    e.duration = 3;
    explicitEvent.events.push_back(e);
    const kz::Expected<kz::Results> expected = kz::RunScenario(explicitEvent);
    ASSERT_TRUE(expected.ok());
    byStart.push_back(kz::SumByRegion(expected.value()).loss);
  }
  ASSERT_NE(byStart[0], byStart[11]);  // the start month matters, so the check below has teeth
  const MonteCarloResults r = RunSweep(s, 240, 3);
  const auto R = static_cast<std::size_t>(r.runs.regions);
  std::vector<int> seen(12, 0);
  for (std::size_t k = 0; k < 240; ++k) {
    EXPECT_EQ(r.runs.strikes[k], 1);
    const std::vector<double> loss(r.runs.regionLoss.begin() + static_cast<std::ptrdiff_t>(k * R),
                                   r.runs.regionLoss.begin() + static_cast<std::ptrdiff_t>((k + 1) * R));
    bool matched = false;
    for (int start = 0; start < 12; ++start) {
      if (loss == byStart[static_cast<std::size_t>(start)]) {
        ++seen[static_cast<std::size_t>(start)];
        matched = true;
      }
    }
    EXPECT_TRUE(matched) << "run " << k;
  }
  for (int start = 0; start < 12; ++start) EXPECT_GT(seen[static_cast<std::size_t>(start)], 0) << start;
}

// -- Statistics -------------------------------------------------------------------------------------------

TEST(MonteCarlo, CvarCutsTheTailFractionally) {
  std::vector<double> values;
  for (int i = 1; i <= 30; ++i) values.push_back(i);
  EXPECT_DOUBLE_EQ(kz::Cvar(values, 0.05), (30.0 + 0.5 * 29.0) / 1.5);  // m = 1.5 runs
  values.resize(10);
  EXPECT_EQ(kz::Cvar(values, 0.05), 10.0);  // m = 0.5 < 1: the worst run
  values.clear();
  for (int i = 100; i >= 1; --i) values.push_back(i);
  EXPECT_DOUBLE_EQ(kz::Cvar(values, 0.05), 98.0);  // m = 5: mean of 96..100
}

TEST(MonteCarlo, Cvar95IsAtLeastTheExpectedLoss) {
  const MonteCarloResults r = RunSweep(kz::test::SmallChainWithRisks(), 200, 17);
  EXPECT_GT(r.expectedTotalLoss, 0.0);
  EXPECT_GE(r.cvar95, r.expectedTotalLoss);
  double sum = 0.0;
  for (const double loss : r.expectedLoss) sum += loss;
  EXPECT_NEAR(sum, r.expectedTotalLoss, 1e-9 * sum);
}

TEST(MonteCarlo, ShortfallProbabilityCountsRunsAboveTheThreshold) {
  const MonteCarloResults r = RunSweep(kz::test::SmallChainWithRisks(), 100, 23);
  const auto G = static_cast<std::size_t>(r.runs.goods);
  for (int reg = 0; reg < r.runs.regions; ++reg) {
    for (int g = 0; g < r.runs.goods; ++g) {
      int above = 0;
      for (std::size_t k = 0; k < 100; ++k) {
        above += r.runs.peakShortfall[(k * static_cast<std::size_t>(r.runs.regions) + static_cast<std::size_t>(reg)) * G +
                                      static_cast<std::size_t>(g)] > 0.1;
      }
      EXPECT_EQ(r.shortfallProbability[static_cast<std::size_t>(reg) * G + static_cast<std::size_t>(g)], above / 100.0);
    }
  }
  EXPECT_EQ(kz::ShortfallProbability(r, 0, 0, 2.0), 0.0);  // nothing exceeds 200%
}

TEST(MonteCarlo, HistogramPercentilesInterpolateInsideTheBin) {
  std::vector<std::uint32_t> counts(kz::kMonteCarloBinSlots, 0);
  counts[5] = 10;  // interior bin 4 of 64 on [0, 64]: values in [4, 5)
  EXPECT_DOUBLE_EQ(kz::HistogramPercentile(counts.data(), 0.0, 64.0, 0.5), 4.5);
  EXPECT_DOUBLE_EQ(kz::HistogramPercentile(counts.data(), 0.0, 64.0, 0.05), 4.05);
  counts[0] = 10;  // half exactly at the lower bound
  EXPECT_EQ(kz::HistogramPercentile(counts.data(), 0.0, 64.0, 0.25), 0.0);
  counts[kz::kMonteCarloBinSlots - 1] = 80;  // most at the upper bound
  EXPECT_EQ(kz::HistogramPercentile(counts.data(), 0.0, 64.0, 0.95), 64.0);
  std::vector<std::uint32_t> empty(kz::kMonteCarloBinSlots, 0);
  EXPECT_EQ(kz::HistogramPercentile(empty.data(), 1.0, 10.0, 0.5), 1.0);
}

// -- Shards -------------------------------------------------------------------------------------------------

Scenario BusyRegister() {
  Scenario s = kz::test::SmallChainWithRisks();
  s.risks[0].annualProbability = 0.6;
  s.risks[1].annualProbability = 0.5;
  return s;
}

TEST(MonteCarlo, FourShardsMergeBitForBitIntoOneShardsResults) {
  const Scenario s = BusyRegister();
  const std::uint64_t seed = 0xC0FFEE;
  const MonteCarloResults whole = RunSweep(s, 64, seed);
  std::vector<MonteCarloShard> shards;
  for (const auto& [first, count] : std::vector<std::pair<int, int>>{{25, 15}, {0, 10}, {40, 24}, {10, 15}}) {
    kz::Expected<MonteCarloShard> shard = kz::RunMonteCarloShard(s, seed, first, count);
    ASSERT_TRUE(shard.ok());
    shards.push_back(std::move(shard.value()));
  }
  const kz::Expected<MonteCarloResults> merged = kz::MergeShards(shards);
  ASSERT_TRUE(merged.ok()) << merged.problems()[0].ToString();
  EXPECT_TRUE(merged.value().runs == whole.runs);
  EXPECT_EQ(merged.value().bands, whole.bands);
  EXPECT_EQ(merged.value().expectedLoss, whole.expectedLoss);
  EXPECT_EQ(merged.value().cvar95, whole.cvar95);
  EXPECT_EQ(kz::HashMonteCarloResults(merged.value()), kz::HashMonteCarloResults(whole));
  // And the runs really differ from each other (a sweep of identical runs would prove nothing).
  EXPECT_GT(whole.cvar95, whole.expectedTotalLoss);
}

// The bands come from a one-pass percentile routine; HistogramPercentile (checked by hand above) is
// the reference for every band of every cell.
TEST(MonteCarlo, BandsAreTheHistogramPercentiles) {
  const MonteCarloResults r = RunSweep(BusyRegister(), 40, 9);
  const kz::MonteCarloShard& s = r.runs;
  const auto cells = static_cast<std::size_t>(s.months * s.regions * s.goods);
  for (int series = 0; series < kz::kBandSeriesCount; ++series) {
    for (int t = 0; t < s.months; ++t) {
      for (int reg = 0; reg < s.regions; ++reg) {
        for (int g = 0; g < s.goods; ++g) {
          const std::size_t cell = r.BandIndex(kz::BandSeries::Fulfilment, 0, t, reg, g);  // series 0, p 0: the cell
          const auto rg = static_cast<std::size_t>(reg * s.goods + g);
          double low = 0.0;
          double high = 1.0;
          if (series == 1) {
            low = 1.0;
            high = s.bounds.priceMax[static_cast<std::size_t>(g)];
          }
          if (series == 2) high = s.bounds.stockpileMax[rg];
          if (series == 3) high = s.bounds.lossMax[cell];
          const std::uint32_t* counts = s.counts.data() + (static_cast<std::size_t>(series) * cells + cell) * kz::kMonteCarloBinSlots;
          for (int p = 0; p < 5; ++p) {
            ASSERT_EQ(r.bands[r.BandIndex(static_cast<kz::BandSeries>(series), p, t, reg, g)],
                      kz::HistogramPercentile(counts, low, high, kz::kBandPercentiles[static_cast<std::size_t>(p)]))
                << series << " " << t << " " << reg << " " << g << " " << p;
          }
        }
      }
    }
  }
}

TEST(MonteCarlo, ShardFilesRoundTripExactly) {
  const Scenario s = BusyRegister();
  kz::Expected<MonteCarloShard> shard = kz::RunMonteCarloShard(s, 77, 5, 12);
  ASSERT_TRUE(shard.ok());
  const std::string text = kz::SaveMonteCarloShardJson(shard.value());
  const kz::Expected<MonteCarloShard> loaded = kz::LoadMonteCarloShardJson(text);
  ASSERT_TRUE(loaded.ok()) << loaded.problems()[0].ToString();
  EXPECT_TRUE(loaded.value() == shard.value());
  EXPECT_EQ(kz::HashMonteCarloShard(loaded.value()), kz::HashMonteCarloShard(shard.value()));
  EXPECT_EQ(kz::SaveMonteCarloShardJson(loaded.value()), text);
}

TEST(MonteCarlo, BrokenShardFilesAreProblemsNotCrashes) {
  EXPECT_FALSE(kz::LoadMonteCarloShardJson("{").ok());
  EXPECT_EQ(kz::LoadMonteCarloShardJson("{}").problems()[0].path, "format");
  kz::Expected<MonteCarloShard> shard = kz::RunMonteCarloShard(BusyRegister(), 1, 0, 3);
  ASSERT_TRUE(shard.ok());
  const std::string text = kz::SaveMonteCarloShardJson(shard.value());
  for (std::size_t cut = 0; cut < text.size(); cut += text.size() / 50 + 1) {
    EXPECT_FALSE(kz::LoadMonteCarloShardJson(text.substr(0, cut)).ok()) << cut;
  }
  std::string wrongSize = text;
  wrongSize.replace(wrongSize.find("\"runCount\":3"), 12, "\"runCount\":4");
  const kz::Expected<MonteCarloShard> bad = kz::LoadMonteCarloShardJson(wrongSize);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.problems()[0].ToString(), "regionLoss: must be an array of 8 numbers");
}

TEST(MonteCarlo, MergeRefusesGapsOverlapsAndForeignShards) {
  const Scenario s = BusyRegister();
  auto shard = [&](std::uint64_t seed, int first, int count) { return kz::RunMonteCarloShard(s, seed, first, count).value(); };
  const kz::Expected<MonteCarloResults> gap = kz::MergeShards({shard(1, 0, 4), shard(1, 5, 4)});
  ASSERT_FALSE(gap.ok());
  EXPECT_EQ(gap.problems()[0].ToString(), "shards[1]: runs 5..8 leave a gap after run 3");
  const kz::Expected<MonteCarloResults> overlap = kz::MergeShards({shard(1, 0, 4), shard(1, 3, 4)});
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.problems()[0].ToString(), "shards[1]: runs 3..6 overlap run 3");
  const kz::Expected<MonteCarloResults> foreign = kz::MergeShards({shard(1, 0, 4), shard(2, 4, 4)});
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.problems()[0].ToString(), "shards[1]: comes from a different scenario or seed than the others");
  EXPECT_FALSE(kz::MergeShards({}).ok());
}

TEST(MonteCarlo, ShardRunsTileTheSweepEvenly) {
  EXPECT_EQ(kz::ShardRuns(10, 0, 3).first, 0);
  EXPECT_EQ(kz::ShardRuns(10, 0, 3).count, 3);
  EXPECT_EQ(kz::ShardRuns(10, 1, 3).count, 3);
  EXPECT_EQ(kz::ShardRuns(10, 2, 3).first, 6);
  EXPECT_EQ(kz::ShardRuns(10, 2, 3).count, 4);
  for (const int total : {1, 7, 64, 1000, 1001}) {
    for (const int n : {1, 2, 3, 8, 13}) {
      int next = 0;
      for (int i = 0; i < n; ++i) {
        const kz::RunRange range = kz::ShardRuns(total, i, n);
        EXPECT_EQ(range.first, next);
        EXPECT_LE(range.count, total / n + 1);
        EXPECT_GE(range.count, total / n);
        next += range.count;
      }
      EXPECT_EQ(next, total);
    }
  }
}

// -- Progress, errors, memory -----------------------------------------------------------------------------

TEST(MonteCarlo, ProgressRisesToOneAndCancelling) {
  std::vector<double> seen;
  const kz::Expected<MonteCarloResults> done =
      kz::RunMonteCarlo(BusyRegister(), 5, 1, [&](double fraction) { seen.push_back(fraction); return true; });
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(seen, (std::vector<double>{0.2, 0.4, 0.6, 0.8, 1.0}));
  int calls = 0;
  const kz::Expected<MonteCarloResults> cancelled =
      kz::RunMonteCarlo(BusyRegister(), 50, 1, [&](double) { return ++calls < 3; });
  ASSERT_FALSE(cancelled.ok());
  EXPECT_EQ(cancelled.problems()[0].ToString(), "cancelled");
  EXPECT_EQ(calls, 3);
}

TEST(MonteCarlo, InvalidScenarioOrRunCountIsAProblem) {
  Scenario s = kz::test::SmallChainWithRisks();
  s.risks[0].annualProbability = 2.0;
  const kz::Expected<MonteCarloResults> invalid = kz::RunMonteCarlo(s, 10, 1);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.problems()[0].ToString(), "risks[0].annualProbability: must be in 0..1, got 2");
  EXPECT_FALSE(kz::RunMonteCarlo(kz::test::SmallChainWithRisks(), 0, 1).ok());
}

TEST(MonteCarlo, HistogramMemoryIsFixedPerCellWhateverTheRuns) {
  kz::SyntheticSpec spec;  // 10 x 10 x 120
  const Scenario s = kz::MakeSyntheticScenario(spec);
  const kz::Expected<MonteCarloShard> shard = kz::RunMonteCarloShard(s, 1, 0, 2);
  ASSERT_TRUE(shard.ok()) << shard.problems()[0].ToString();
  const std::size_t cells = 10 * 10 * 120;
  EXPECT_EQ(shard.value().counts.size(), 4 * cells * kz::kMonteCarloBinSlots);  // 12.7 MB of uint32
  for (std::size_t c = 0; c < 4 * cells; ++c) {
    std::uint32_t sum = 0;
    for (int b = 0; b < kz::kMonteCarloBinSlots; ++b) sum += shard.value().counts[c * kz::kMonteCarloBinSlots + b];
    ASSERT_EQ(sum, 2u) << c;  // every run lands in exactly one slot of every histogram
  }
}

}  // namespace
