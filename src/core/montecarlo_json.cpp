// Monte Carlo shard files (see montecarlo.hpp): every number written exactly (RapidJSON's shortest
// round-trip doubles, read back with full precision), histograms as sparse (gap, count) pairs since
// most bins of most cells are empty. Loading checks types and sizes and names the JSON path.
// Also the summary the app draws (SaveMonteCarloSummaryJson: statistics and fulfilment bands) and
// its reader for the app (LoadMonteCarloViewJson, the summary inside an analysis job's JSON).
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "json_detail.hpp"
#include "json_out.hpp"
#include "json_read.hpp"
#include "kizuna/montecarlo.hpp"

namespace kz {
namespace {

constexpr const char* kFormat = "kizuna-montecarlo-shard";
constexpr int kFormatVersion = 1;

using Json = rapidjson::Value;
using json_read::Reader;

// A cell's fulfilment: 5 percentile bands of one value per month each.
void ReadBands(Reader& r, const Json& cell, const std::string& at, int months, std::array<std::vector<double>, 5>& bands) {
  const Json* value = r.ArrayMember(cell, at, "fulfilment", true, bands.size());
  if (value == nullptr) return;
  const std::string bandsAt = json_detail::Field(at, "fulfilment");
  if (value->Size() != bands.size()) return r.Add(bandsAt, "must hold 5 percentile bands");
  for (rapidjson::SizeType p = 0; p < value->Size(); ++p) {
    const std::string bandAt = json_detail::Item(bandsAt, p);
    if (r.NumberItems((*value)[p], bandAt, bands[p]) && bands[p].size() != static_cast<std::size_t>(months)) {
      r.Add(bandAt, "must have one value per month (" + std::to_string(months) + ")");
    }
  }
}

}  // namespace

std::string SaveMonteCarloShardJson(const MonteCarloShard& s) {
  std::string text = CompactJsonObject([&s](CompactJsonOut& o) {
    o.Str("format", kFormat);
    o.Int("version", kFormatVersion);
    o.Uint64("scenarioHash", s.scenarioHash);
    o.Uint64("seed", s.seed);
    o.Int("firstRun", s.firstRun);
    o.Int("runCount", s.runCount);
    o.Int("months", s.months);
    o.Int("bins", kMonteCarloBins);
    o.Strings("regionIds", s.regionIds);
    o.Strings("goodIds", s.goodIds);
    o.Strings("hazardIds", s.hazardIds);
    o.Numbers("regionLoss", s.regionLoss);
    o.Numbers("regionPolicyCost", s.regionPolicyCost);
    o.Numbers("regionWelfare", s.regionWelfare);
    o.Numbers("peakShortfall", s.peakShortfall);
    o.Array("strikes", [&] {
      for (const std::int32_t v : s.strikes) o.w.Int(v);
    });
    o.Numbers("priceMax", s.bounds.priceMax);
    o.Numbers("stockpileMax", s.bounds.stockpileMax);
    o.Numbers("lossMax", s.bounds.lossMax);
    // Sparse counts: pairs (slots skipped since the previous non-zero slot, count).
    o.Array("counts", [&] {
      std::uint64_t gap = 0;
      for (const std::uint32_t count : s.counts) {
        if (count == 0) {
          ++gap;
          continue;
        }
        o.w.Uint64(gap);
        o.w.Uint(count);
        gap = 0;
      }
    });
  });
  text += '\n';
  return text;
}

std::string SaveMonteCarloSummaryJson(const MonteCarloResults& results, const Scenario& scenario, bool withHash) {
  const MonteCarloShard& s = results.runs;
  return CompactJsonObject([&](CompactJsonOut& o) {
    o.Int("runs", s.runCount);
    o.Uint64("seed", s.seed);
    o.Int("months", s.months);
    o.Strings("hazards", s.hazardIds);
    o.Strings("regions", s.regionIds);
    o.Strings("goods", s.goodIds);
    o.Numbers("expectedLoss", results.expectedLoss);
    o.Num("expectedTotalLoss", results.expectedTotalLoss);
    o.Num("cvar95", results.cvar95);
    o.Num("shortfallThreshold", results.shortfallThreshold);
    if (withHash) {
      char hash[17];
      std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(HashMonteCarloResults(results)));
      o.Str("hash", hash);
    }
    o.Array("cells", [&] {
      for (int r = 0; r < s.regions; ++r) {
        for (int g = 0; g < s.goods && static_cast<std::size_t>(g) < scenario.goods.size(); ++g) {
          const std::string& region = s.regionIds[static_cast<std::size_t>(r)];
          bool demanded = false;
          for (const FinalDemand& d : scenario.goods[static_cast<std::size_t>(g)].finalDemand) {
            demanded = demanded || (d.region == region && d.monthly > 0.0);
          }
          if (!demanded) continue;
          o.w.StartObject();
          o.Str("region", region);
          o.Str("good", s.goodIds[static_cast<std::size_t>(g)]);
          o.Num("shortfallProbability", results.shortfallProbability[static_cast<std::size_t>(r * s.goods + g)]);
          o.Array("fulfilment", [&] {
            for (int p = 0; p < static_cast<int>(kBandPercentiles.size()); ++p) {
              o.w.StartArray();
              for (int t = 0; t < s.months; ++t) o.Number(results.bands[results.BandIndex(BandSeries::Fulfilment, p, t, r, g)]);
              o.w.EndArray();
            }
          });
          o.w.EndObject();
        }
      }
    });
  });
}

Expected<MonteCarloShard> LoadMonteCarloShardJson(std::string_view text) {
  rapidjson::Document document;
  constexpr unsigned kFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag;
  document.Parse<kFlags>(text.data(), text.size());
  if (document.HasParseError()) {
    return std::vector<Problem>{{"", "offset " + std::to_string(document.GetErrorOffset()) + ": " +
                                         rapidjson::GetParseError_En(document.GetParseError())}};
  }
  const Json& root = document;
  if (!root.IsObject()) return std::vector<Problem>{{"", "a shard file must be a JSON object"}};
  const auto format = root.FindMember("format");
  if (format == root.MemberEnd() || !format->value.IsString() || std::string(format->value.GetString()) != kFormat) {
    return std::vector<Problem>{{"format", std::string("must be \"") + kFormat + "\" (not a Monte Carlo shard file)"}};
  }
  const auto version = root.FindMember("version");
  if (version == root.MemberEnd() || !version->value.IsInt() || version->value.GetInt() != kFormatVersion) {
    return std::vector<Problem>{{"version", "must be " + std::to_string(kFormatVersion)}};
  }
  const auto bins = root.FindMember("bins");
  if (bins == root.MemberEnd() || !bins->value.IsInt() || bins->value.GetInt() != kMonteCarloBins) {
    return std::vector<Problem>{{"bins", "must be " + std::to_string(kMonteCarloBins) + " (made by another build)"}};
  }

  Reader r;
  MonteCarloShard s;
  r.Uint64(root, "", "scenarioHash", s.scenarioHash, true);
  r.Uint64(root, "", "seed", s.seed, true);
  r.IntegerIn(root, "", "firstRun", s.firstRun, 0, std::numeric_limits<int>::max(), true);
  r.IntegerIn(root, "", "runCount", s.runCount, 1, std::numeric_limits<int>::max(), true);
  r.IntegerIn(root, "", "months", s.months, 1, std::numeric_limits<int>::max(), true);
  r.StringList(root, "", "regionIds", s.regionIds, true);
  r.StringList(root, "", "goodIds", s.goodIds, true);
  r.StringList(root, "", "hazardIds", s.hazardIds, true);  // their count sizes the strike array
  if (!r.problems.empty()) return r.problems;
  s.regions = static_cast<int>(s.regionIds.size());
  s.goods = static_cast<int>(s.goodIds.size());
  const std::size_t runs = static_cast<std::size_t>(s.runCount);
  const std::size_t R = s.regionIds.size();
  const std::size_t G = s.goodIds.size();
  const std::size_t cells = static_cast<std::size_t>(s.months) * R * G;
  r.Numbers(root, "", "regionLoss", s.regionLoss, runs * R);
  r.Numbers(root, "", "regionPolicyCost", s.regionPolicyCost, runs * R);
  r.Numbers(root, "", "regionWelfare", s.regionWelfare, runs * R);
  r.Numbers(root, "", "peakShortfall", s.peakShortfall, runs * R * G);
  std::vector<double> strikes;
  r.Numbers(root, "", "strikes", strikes, runs * s.hazardIds.size());
  for (const double v : strikes) s.strikes.push_back(static_cast<std::int32_t>(v));
  r.Numbers(root, "", "priceMax", s.bounds.priceMax, G);
  r.Numbers(root, "", "stockpileMax", s.bounds.stockpileMax, R * G);
  r.Numbers(root, "", "lossMax", s.bounds.lossMax, cells);
  if (!r.problems.empty()) return r.problems;

  const Json* counts = r.Member(root, "", "counts", true);
  if (counts == nullptr) return r.problems;
  if (!counts->IsArray() || counts->Size() % 2 != 0) {
    return std::vector<Problem>{{"counts", "must be an array of (gap, count) pairs"}};
  }
  s.counts.assign(static_cast<std::size_t>(kBandSeriesCount) * cells * kMonteCarloBinSlots, 0);
  std::uint64_t at = 0;
  for (rapidjson::SizeType i = 0; i < counts->Size(); i += 2) {
    const Json& gap = (*counts)[i];
    const Json& count = (*counts)[i + 1];
    if (!gap.IsUint64() || !count.IsUint() || gap.GetUint64() >= s.counts.size() - at) {
      return std::vector<Problem>{{"counts[" + std::to_string(i) + "]", "gap or count out of range"}};
    }
    at += gap.GetUint64();
    s.counts[at++] = count.GetUint();
  }
  return s;
}

Expected<MonteCarloView> LoadMonteCarloViewJson(std::string_view json) {
  return json_read::ReadAnalysisJson<MonteCarloView>(json, "montecarlo", [](Reader& r, const Json& root, MonteCarloView& v) {
    r.Object(root, "", {"kind", "done", "fraction", "runsRequested", "runs", "seed", "months", "hazards", "regions", "goods",
                        "expectedLoss", "expectedTotalLoss", "cvar95", "shortfallThreshold", "hash", "cells"});
    r.Bool(root, "", "done", v.done, true);
    r.Count(root, "", "runsRequested", v.runsRequested);
    r.Count(root, "", "runs", v.runs);
    if (!r.problems.empty() || v.runs == 0) return;  // nothing run yet: no statistics
    r.Count(root, "", "months", v.months);
    std::uint64_t seed = 0;
    r.Uint64(root, "", "seed", seed, true);
    v.seed = std::to_string(seed);
    if (v.done) r.String(root, "", "hash", v.hash, true);  // final results only
    r.StringList(root, "", "hazards", v.hazards, true);
    r.StringList(root, "", "regions", v.regions, true);
    r.NumberList(root, "", "expectedLoss", v.expectedLoss, true);
    r.Number(root, "", "expectedTotalLoss", v.expectedTotalLoss, true);
    r.Number(root, "", "cvar95", v.cvar95, true);
    r.Number(root, "", "shortfallThreshold", v.shortfallThreshold, true);
    r.Array(root, "", "cells", v.cells, true, [&](const Json& item, const std::string& at, MonteCarloCell& cell) {
      if (!r.Object(item, at, {"region", "good", "shortfallProbability", "fulfilment"})) return;
      r.String(item, at, "region", cell.region, true);
      r.String(item, at, "good", cell.good, true);
      r.Number(item, at, "shortfallProbability", cell.shortfallProbability, true);
      ReadBands(r, item, at, v.months, cell.fulfilment);
    });
    if (v.expectedLoss.size() != v.regions.size()) r.Add("expectedLoss", "must have one value per region");
  });
}

}  // namespace kz
