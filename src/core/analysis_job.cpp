// StartAnalysis and the three stepped jobs (see analysis_job.hpp). Sections: options; parts (the
// bytes one part of a job hands to the job merging it); Monte Carlo; coalition; sensitivity; start. Each job's JSON is an envelope { kind, done, fraction, ... } spliced
// in front of the fields the kind's own writer produces, so the worker, the app and the CLI share one
// writer per result.
#include "kizuna/analysis_job.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <utility>

#include "json_out.hpp"
#include "kizuna/coalition_analysis.hpp"
#include "kizuna/montecarlo.hpp"
#include "kizuna/scenario_json.hpp"
#include "kizuna/sensitivity.hpp"
#include "kizuna/validate.hpp"

namespace kz {
namespace {

using Json = rapidjson::Value;

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

int CeilDiv(int a, int b) { return (a + b - 1) / b; }

// "{ \"kind\": ..., \"done\": ..., \"fraction\": ..., " + the fields of `object` (a JSON object).
std::string Envelope(const char* kind, bool done, double fraction, const std::string& object) {
  std::string head = CompactJsonObject([&](CompactJsonOut& o) {
    o.Str("kind", kind);
    o.Bool("done", done);
    o.Num("fraction", std::clamp(fraction, 0.0, 1.0));
  });
  head.pop_back();  // the closing brace
  const std::size_t open = object.find('{');
  const std::size_t rest = object.find_first_not_of(" \n\t", open + 1);
  if (open == std::string::npos || rest == std::string::npos) return head + "}";
  if (object[rest] == '}') return head + "}";
  return head + "," + object.substr(open + 1);
}

// -- Options ----------------------------------------------------------------------------------------

// Reads the fields of an options object, collecting problems named `options.<field>`.
class OptionsReader {
 public:
  OptionsReader(const Json& options, std::initializer_list<const char*> known, const char* kind) : object(options) {
    std::string list;
    for (const char* name : known) list += (list.empty() ? "" : ", ") + std::string(name);
    for (auto it = options.MemberBegin(); it != options.MemberEnd(); ++it) {
      const std::string name(it->name.GetString(), it->name.GetStringLength());
      if (std::find_if(known.begin(), known.end(), [&](const char* k) { return name == k; }) == known.end()) {
        problems.push_back({"options." + name, std::string("unknown option for ") + kind + " (it takes " + list + ")"});
      }
    }
  }

  const Json* Find(const char* name) const {
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
  }

  /// A whole number in min..max, or `fallback` when absent.
  int Int(const char* name, int min, int max, int fallback) {
    const Json* v = Find(name);
    if (v == nullptr) return fallback;
    if (!v->IsNumber() || !(v->GetDouble() >= min && v->GetDouble() <= max) ||
        v->GetDouble() != std::floor(v->GetDouble())) {
      problems.push_back({std::string("options.") + name,
                          "must be a whole number in " + std::to_string(min) + ".." + std::to_string(max)});
      return fallback;
    }
    return static_cast<int>(v->GetDouble());
  }

  /// A number in [min, max], or `fallback` when absent.
  double Number(const char* name, double min, double max, double fallback) {
    const Json* v = Find(name);
    if (v == nullptr) return fallback;
    if (!v->IsNumber() || !(v->GetDouble() >= min && v->GetDouble() <= max)) {
      char range[64];
      std::snprintf(range, sizeof range, "%g..%g", min, max);
      problems.push_back({std::string("options.") + name, std::string("must be a number in ") + range});
      return fallback;
    }
    return v->GetDouble();
  }

  /// A non-negative whole number (seeds; above 2^53 JSON numbers lose digits, so pass those as strings).
  std::uint64_t Seed(const char* name, std::uint64_t fallback) {
    const Json* v = Find(name);
    if (v == nullptr) return fallback;
    if (v->IsUint64()) return v->GetUint64();
    if (v->IsString()) {
      const std::string text(v->GetString(), v->GetStringLength());
      if (!text.empty() && text.size() <= 20 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        std::uint64_t value = 0;
        bool overflow = false;
        for (const char c : text) {
          const std::uint64_t digit = static_cast<std::uint64_t>(c - '0');
          if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) overflow = true;
          value = value * 10 + digit;
        }
        if (!overflow) return value;
      }
    }
    problems.push_back({std::string("options.") + name, "must be a whole number >= 0 (a string of digits above 2^53)"});
    return fallback;
  }

  std::string String(const char* name, std::string fallback) {
    const Json* v = Find(name);
    if (v == nullptr) return fallback;
    if (!v->IsString()) {
      problems.push_back({std::string("options.") + name, "must be a string"});
      return fallback;
    }
    return std::string(v->GetString(), v->GetStringLength());
  }

  std::vector<std::string> Strings(const char* name) {
    std::vector<std::string> out;
    const Json* v = Find(name);
    if (v == nullptr) return out;
    if (!v->IsArray()) {
      problems.push_back({std::string("options.") + name, "must be an array of strings"});
      return out;
    }
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) {
      if (!(*v)[i].IsString()) {
        problems.push_back({std::string("options.") + name + "[" + std::to_string(i) + "]", "must be a string"});
        continue;
      }
      out.emplace_back((*v)[i].GetString(), (*v)[i].GetStringLength());
    }
    return out;
  }

  std::vector<Problem> problems;

 private:
  const Json& object;
};

// -- Parts ------------------------------------------------------------------------------------------

// A job covers the parts [firstPart, lastPart] of partCount, i.e. the work units [first, end) of
// total (Monte Carlo runs, coalition masks, sensitivity levers), and has computed [first, done).
struct PartRange {
  int partCount = 1;
  int firstPart = 0;
  int lastPart = 0;
  int first = 0;
  int end = 0;
  int total = 0;
  int offset = 0;  // unit numbering starts here (coalition masks: 1; mask 0 is the baseline)

  static PartRange Of(int units, int offset, int index, int count) {
    const RunRange range = ShardRuns(units, index, count);
    return {count, index, index, offset + range.first, offset + range.first + range.count, offset + units, offset};
  }
  bool Whole() const { return firstPart == 0 && lastPart == partCount - 1; }
};

static_assert(std::endian::native == std::endian::little, "part bytes are written little-endian as in memory");

// Part bytes: "KZP1", the kind, the PartRange, then the kind's body.
class ByteWriter {
 public:
  template <typename T>
  void Put(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    Put(static_cast<std::uint32_t>(values.size()));
    if (!values.empty()) out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  void Strings(const std::vector<std::string>& values) {
    Put(static_cast<std::uint32_t>(values.size()));
    for (const std::string& value : values) {
      Put(static_cast<std::uint32_t>(value.size()));
      out += value;
    }
  }
  // Mostly zeros (histogram counts): the non-zero entries as (index, value) pairs.
  void Sparse(const std::vector<std::uint32_t>& values) {
    Put(static_cast<std::uint32_t>(values.size()));
    std::uint32_t nonZero = 0;
    for (const std::uint32_t v : values) nonZero += v != 0 ? 1U : 0U;
    Put(nonZero);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] == 0) continue;
      Put(static_cast<std::uint32_t>(i));
      Put(values[i]);
    }
  }
  void Head(int kind, const PartRange& range) {
    out += "KZP1";
    Put(static_cast<std::int32_t>(kind));
    for (const int v : {range.partCount, range.firstPart, range.lastPart, range.first, range.end, range.total}) {
      Put(static_cast<std::int32_t>(v));
    }
  }
  std::string out;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : in(bytes) {}
  template <typename T>
  T Get() {
    T value{};
    if (!Need(sizeof(T))) return value;
    std::memcpy(&value, in.data() + at, sizeof(T));
    at += sizeof(T);
    return value;
  }
  template <typename T>
  std::vector<T> Array() {
    const std::uint32_t size = Get<std::uint32_t>();
    std::vector<T> values;
    if (!Need(static_cast<std::size_t>(size) * sizeof(T))) return values;
    values.resize(size);
    if (size > 0) std::memcpy(values.data(), in.data() + at, static_cast<std::size_t>(size) * sizeof(T));
    at += static_cast<std::size_t>(size) * sizeof(T);
    return values;
  }
  std::vector<std::string> Strings() {
    const std::uint32_t size = Get<std::uint32_t>();
    std::vector<std::string> values;
    for (std::uint32_t i = 0; i < size && ok; ++i) {
      const std::uint32_t length = Get<std::uint32_t>();
      if (!Need(length)) break;
      values.emplace_back(in.substr(at, length));
      at += length;
    }
    return values;
  }
  std::vector<std::uint32_t> Sparse() {
    const std::uint32_t size = Get<std::uint32_t>();
    const std::uint32_t nonZero = Get<std::uint32_t>();
    std::vector<std::uint32_t> values;
    if (!ok || !Need(static_cast<std::size_t>(nonZero) * 8) || nonZero > size) {
      ok = false;
      return values;
    }
    values.assign(size, 0);
    for (std::uint32_t k = 0; k < nonZero; ++k) {
      const std::uint32_t index = Get<std::uint32_t>();
      const std::uint32_t value = Get<std::uint32_t>();
      if (index >= size) {
        ok = false;
        return values;
      }
      values[index] = value;
    }
    return values;
  }
  // The head, checked against the job taking the part: its next part, of the same kind and split.
  std::optional<PartRange> Head(int kind, const PartRange& taker) {
    if (!Need(4) || in.substr(0, 4) != "KZP1") return std::nullopt;
    at = 4;
    if (Get<std::int32_t>() != kind) return std::nullopt;
    PartRange range;
    for (int* v : {&range.partCount, &range.firstPart, &range.lastPart, &range.first, &range.end, &range.total}) {
      *v = Get<std::int32_t>();
    }
    if (!ok || range.partCount != taker.partCount || range.firstPart != taker.lastPart + 1 ||
        range.lastPart < range.firstPart || range.lastPart >= range.partCount || range.first != taker.end ||
        range.end < range.first || range.total != taker.total || range.end > range.total) {
      return std::nullopt;
    }
    return range;
  }
  bool Finished() const { return ok && at == in.size(); }

  bool ok = true;

 private:
  bool Need(std::size_t size) {
    if (!ok || in.size() - at < size) ok = false;
    return ok;
  }
  std::string_view in;
  std::size_t at = 0;
};

std::vector<Problem> NotTheNextPart(const PartRange& taker) {
  return {{"part", "not part " + std::to_string(taker.lastPart + 1) + " of " + std::to_string(taker.partCount) +
                       " of this analysis (or damaged bytes)"}};
}

void WriteShard(ByteWriter& w, const MonteCarloShard& s) {
  w.Put(s.scenarioHash);
  w.Put(s.seed);
  for (const int v : {s.firstRun, s.runCount, s.months, s.regions, s.goods}) w.Put(static_cast<std::int32_t>(v));
  w.Strings(s.regionIds);
  w.Strings(s.goodIds);
  w.Strings(s.hazardIds);
  w.Array(s.regionLoss);
  w.Array(s.regionPolicyCost);
  w.Array(s.regionWelfare);
  w.Array(s.peakShortfall);
  w.Array(s.strikes);
  w.Array(s.bounds.priceMax);
  w.Array(s.bounds.stockpileMax);
  w.Array(s.bounds.lossMax);
  w.Sparse(s.counts);
}

// A shard read from bytes has arrays of the sizes its counts say (so merging cannot read past them).
bool Consistent(const MonteCarloShard& s) {
  if (s.months < 0 || s.regions < 0 || s.goods < 0 || s.runCount < 0) return false;
  const auto runs = static_cast<std::size_t>(s.runCount);
  const auto regions = static_cast<std::size_t>(s.regions);
  const auto goods = static_cast<std::size_t>(s.goods);
  return s.regionIds.size() == regions && s.goodIds.size() == goods && s.regionLoss.size() == runs * regions &&
         s.regionPolicyCost.size() == runs * regions && s.regionWelfare.size() == runs * regions &&
         s.peakShortfall.size() == runs * regions * goods && s.strikes.size() == runs * s.hazardIds.size();
}

// `s` can merge with `merged` (as MergeShards checks, before it takes the shards: a refused part
// leaves the job as it was).
bool SameSweep(const MonteCarloShard& s, const MonteCarloShard& merged) {
  return s.scenarioHash == merged.scenarioHash && s.seed == merged.seed && s.months == merged.months &&
         s.regionIds == merged.regionIds && s.goodIds == merged.goodIds && s.hazardIds == merged.hazardIds &&
         s.bounds == merged.bounds && s.counts.size() == merged.counts.size();
}

MonteCarloShard ReadShard(ByteReader& r) {
  MonteCarloShard s;
  s.scenarioHash = r.Get<std::uint64_t>();
  s.seed = r.Get<std::uint64_t>();
  for (int* v : {&s.firstRun, &s.runCount, &s.months, &s.regions, &s.goods}) *v = r.Get<std::int32_t>();
  s.regionIds = r.Strings();
  s.goodIds = r.Strings();
  s.hazardIds = r.Strings();
  s.regionLoss = r.Array<double>();
  s.regionPolicyCost = r.Array<double>();
  s.regionWelfare = r.Array<double>();
  s.peakShortfall = r.Array<double>();
  s.strikes = r.Array<std::int32_t>();
  s.bounds.priceMax = r.Array<double>();
  s.bounds.stockpileMax = r.Array<double>();
  s.bounds.lossMax = r.Array<double>();
  s.counts = r.Sparse();
  return s;
}

// -- Monte Carlo ------------------------------------------------------------------------------------

class MonteCarloJob final : public AnalysisJob {
 public:
  MonteCarloJob(const Scenario& s, int runCount, std::uint64_t sweepSeed, int chunk, double shortfallThreshold,
                PartRange partRange)
      : scenario(s), runs(runCount), seed(sweepSeed), chunkRuns(chunk), threshold(shortfallThreshold),
        range(partRange), runsDone(partRange.first) {}

  std::vector<Problem> Step() override {
    if (Done()) return {};
    const int count = std::min(chunkRuns, range.end - runsDone);
    Expected<MonteCarloShard> shard = RunMonteCarloShard(scenario, seed, runsDone, count);
    if (!shard) return Fail(shard.problems());
    if (std::vector<Problem> problems = Merge(std::move(shard.value())); !problems.empty()) return Fail(std::move(problems));
    runsDone += count;
    return {};
  }
  bool Done() const override { return runsDone == range.end; }
  double Fraction() const override {
    return range.end == range.first ? 1.0
                                    : static_cast<double>(runsDone - range.first) / static_cast<double>(range.end - range.first);
  }
  std::string Json() const override {
    const bool final = Done() && range.Whole();
    std::string fields = "{\"runsRequested\":" + std::to_string(runs);
    if (merged) {
      const std::string summary = SaveMonteCarloSummaryJson(*merged, scenario, final);
      fields += "," + summary.substr(summary.find('{') + 1);
    } else {
      fields += ",\"runs\":0}";
    }
    return Envelope("montecarlo", final, Fraction(), fields);
  }
  std::string ExportPart() const override {
    if (failed) return {};
    ByteWriter w;
    w.Head(0, range);
    w.Put(static_cast<std::uint8_t>(merged ? 1 : 0));
    if (merged) WriteShard(w, merged->runs);
    return std::move(w.out);
  }
  std::vector<Problem> AbsorbPart(std::string_view bytes) override {
    ByteReader r(bytes);
    const std::optional<PartRange> part = r.Head(0, range);
    if (!Done() || failed || !part) return NotTheNextPart(range);
    const bool hasRuns = r.Get<std::uint8_t>() == 1;
    std::optional<MonteCarloShard> shard;
    if (hasRuns) shard = ReadShard(r);
    if (!r.Finished() || hasRuns != (part->end > part->first) ||
        (shard && (shard->firstRun != part->first || shard->runCount != part->end - part->first)) ||
        (shard && !Consistent(*shard)) ||
        (shard && merged && !SameSweep(*shard, merged->runs))) {
      return NotTheNextPart(range);
    }
    if (shard) {
      if (std::vector<Problem> problems = Merge(std::move(*shard)); !problems.empty()) return problems;
    }
    range.lastPart = part->lastPart;
    range.end = part->end;
    runsDone = part->end;
    return {};
  }

 private:
  // Merges `shard` (the runs just after those merged) exactly as a chunk.
  std::vector<Problem> Merge(MonteCarloShard shard) {
    std::vector<MonteCarloShard> shards;
    if (merged) shards.push_back(std::move(merged->runs));
    shards.push_back(std::move(shard));
    Expected<MonteCarloResults> next = MergeShards(std::move(shards), threshold);
    if (!next) return next.problems();
    merged = std::move(next.value());
    return {};
  }
  std::vector<Problem> Fail(std::vector<Problem> problems) {
    runsDone = range.end;  // finished: no further steps
    failed = true;
    merged.reset();
    return problems;
  }

  Scenario scenario;
  int runs;
  std::uint64_t seed;
  int chunkRuns;
  double threshold;
  PartRange range;
  int runsDone;
  bool failed = false;
  std::optional<MonteCarloResults> merged;
};

// -- Coalition --------------------------------------------------------------------------------------

class CoalitionJob final : public AnalysisJob {
 public:
  CoalitionJob(CoalitionAnalyzer started, int chunk, PartRange partRange)
      : analyzer(std::move(started)), chunkSubsets(chunk), subsets(analyzer.SubsetCount()), range(partRange) {
    analyzer.SkipTo(range.first);
    Finalize();
  }

  std::vector<Problem> Step() override {
    if (Done()) return {};
    if (std::vector<Problem> problems = analyzer.RunSubsets(std::min(chunkSubsets, range.end - analyzer.SubsetsDone()));
        !problems.empty()) {
      failed = true;
      return problems;
    }
    Finalize();
    return {};
  }
  bool Done() const override { return result.has_value() || failed || analyzer.SubsetsDone() == range.end; }
  double Fraction() const override {
    if (result || range.end == range.first) return 1.0;
    const int first = range.first == 1 ? 0 : range.first;  // the whole job counts the baseline, mask 0
    return static_cast<double>(analyzer.SubsetsDone() - first) / static_cast<double>(range.end - first);
  }
  std::string Json() const override {
    const int subsetsDone = SubsetsDone();
    std::string head = "{\"subsets\":" + std::to_string(subsets) + ",\"subsetsDone\":" + std::to_string(subsetsDone);
    if (result) {
      const std::string body = SaveCoalitionAnalysisJson(*result);
      return Envelope("coalition", true, 1.0, head + "," + body.substr(body.find('{') + 1));
    }
    const CoalitionAnalysis& partial = analyzer.Partial();
    const int first = range.first == 1 ? 0 : range.first;
    const std::string body = CompactJsonObject([&](CompactJsonOut& o) {
      o.Str("framework", partial.frameworkId);
      o.Strings("candidates", partial.candidates);
      o.Strings("regions", partial.regionIds);
      o.Array("subsetValue", [&] {  // null for the subsets not run yet (or not in this part)
        for (int s = 0; s < subsets; ++s) {
          if (s >= first && s < analyzer.SubsetsDone()) {
            o.Number(partial.subsetValue[static_cast<std::size_t>(s)]);
          } else {
            o.w.Null();
          }
        }
      });
    });
    return Envelope("coalition", false, Fraction(), head + "," + body.substr(1));
  }
  std::string ExportPart() const override {
    if (failed || result) return {};  // a finished analysis is whole: it is nobody's part
    ByteWriter w;
    w.Head(1, range);
    const CoalitionAnalysis& partial = analyzer.Partial();
    const std::size_t regions = partial.regionIds.size();
    w.Put(static_cast<std::uint32_t>(regions));
    w.Array(std::vector<double>(partial.subsetValue.begin() + range.first, partial.subsetValue.begin() + range.end));
    w.Array(std::vector<double>(partial.regionGain.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(range.first) * regions),
                                partial.regionGain.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(range.end) * regions)));
    return std::move(w.out);
  }
  std::vector<Problem> AbsorbPart(std::string_view bytes) override {
    ByteReader r(bytes);
    const std::optional<PartRange> part = r.Head(1, range);
    if (!Done() || failed || result || !part) return NotTheNextPart(range);
    const std::size_t regions = analyzer.Partial().regionIds.size();
    const bool sameRegions = r.Get<std::uint32_t>() == regions;
    const std::vector<double> values = r.Array<double>();
    const std::vector<double> gains = r.Array<double>();
    const auto count = static_cast<std::size_t>(part->end - part->first);
    if (!r.Finished() || !sameRegions || values.size() != count || gains.size() != count * regions) {
      return NotTheNextPart(range);
    }
    analyzer.AddSubsets(part->first, values, gains);
    range.lastPart = part->lastPart;
    range.end = part->end;
    Finalize();
    return {};
  }

 private:
  // The analyzer is spent once finished: its counts come from here then.
  int SubsetsDone() const {
    if (result) return subsets;
    return analyzer.SubsetsDone() - (range.first == 1 ? 0 : range.first);
  }
  void Finalize() {
    if (range.Whole() && analyzer.AllSubsetsDone()) result = analyzer.Finish();
  }

  CoalitionAnalyzer analyzer;
  int chunkSubsets;
  int subsets;
  PartRange range;
  std::optional<CoalitionAnalysis> result;
  bool failed = false;
};

// -- Sensitivity ------------------------------------------------------------------------------------

class SensitivityJob final : public AnalysisJob {
 public:
  SensitivityJob(SensitivityAnalyzer started, int chunk, PartRange partRange)
      : analyzer(std::move(started)), chunkLevers(chunk), range(partRange) {
    analyzer.SkipTo(range.first);
  }

  std::vector<Problem> Step() override {
    if (Done()) return {};
    if (std::vector<Problem> problems = analyzer.RunLevers(std::min(chunkLevers, range.end - analyzer.LeversDone()));
        !problems.empty()) {
      failed = true;
      return problems;
    }
    return {};
  }
  bool Done() const override { return analyzer.LeversDone() == range.end || failed; }
  double Fraction() const override {
    return range.end == range.first ? 1.0
                                     : static_cast<double>(analyzer.LeversDone() - range.first) /
                                           static_cast<double>(range.end - range.first);
  }
  std::string Json() const override {
    // The rows of this job (all of them for the whole analysis), sorted as SensitivityAnalyzer::Partial.
    SensitivityResults partial = analyzer.Partial();
    const std::vector<SensitivityRow>& rows = analyzer.Rows();
    partial.rows.assign(rows.begin() + range.first, rows.begin() + analyzer.LeversDone());
    std::stable_sort(partial.rows.begin(), partial.rows.end(),
                     [](const SensitivityRow& a, const SensitivityRow& b) { return a.swing > b.swing; });
    const std::string body = SaveSensitivityJson(partial);
    const std::string head = "{\"levers\":" + std::to_string(analyzer.LeverCount()) +
                             ",\"leversDone\":" + std::to_string(analyzer.LeversDone() - range.first);
    return Envelope("sensitivity", Done() && range.Whole(), Fraction(),
                    head + "," + body.substr(body.find('{') + 1));
  }
  std::string ExportPart() const override {
    if (failed) return {};
    ByteWriter w;
    w.Head(2, range);
    std::vector<double> figures;
    for (int i = range.first; i < range.end; ++i) {
      const SensitivityRow& row = analyzer.Rows()[static_cast<std::size_t>(i)];
      figures.insert(figures.end(), {row.metricLow, row.metricHigh, row.swing});
    }
    w.Array(figures);
    return std::move(w.out);
  }
  std::vector<Problem> AbsorbPart(std::string_view bytes) override {
    ByteReader r(bytes);
    const std::optional<PartRange> part = r.Head(2, range);
    if (!Done() || failed || !part) return NotTheNextPart(range);
    const std::vector<double> figures = r.Array<double>();
    const auto count = static_cast<std::size_t>(part->end - part->first);
    if (!r.Finished() || figures.size() != 3 * count) return NotTheNextPart(range);
    std::vector<SensitivityRow> rows(analyzer.Rows().begin() + part->first, analyzer.Rows().begin() + part->end);
    for (std::size_t i = 0; i < count; ++i) {
      rows[i].metricLow = figures[3 * i];
      rows[i].metricHigh = figures[3 * i + 1];
      rows[i].swing = figures[3 * i + 2];
    }
    analyzer.AddRows(part->first, rows);
    range.lastPart = part->lastPart;
    range.end = part->end;
    return {};
  }

 private:
  SensitivityAnalyzer analyzer;
  int chunkLevers;
  PartRange range;
  bool failed = false;
};

// -- Start ------------------------------------------------------------------------------------------

using JobOrProblems = Expected<std::unique_ptr<AnalysisJob>>;

// options.partIndex and options.partCount: which part of `units` (numbered from `offset`) the job runs.
PartRange ReadPart(OptionsReader& read, int units, int offset) {
  const int count = read.Int("partCount", 1, kMaxAnalysisParts, 1);
  const int index = read.Int("partIndex", 0, kMaxAnalysisParts - 1, 0);
  if (index >= count) {
    read.problems.push_back({"options.partIndex", "must be less than partCount (" + std::to_string(count) + ")"});
    return PartRange::Of(units, offset, 0, 1);
  }
  return PartRange::Of(units, offset, index, count);
}

JobOrProblems StartMonteCarlo(const Scenario& scenario, const Json& options) {
  OptionsReader read(options, {"runs", "seed", "chunkRuns", "shortfallThreshold", "partIndex", "partCount"}, "montecarlo");
  const int runs = read.Int("runs", 1, kMaxAnalysisRuns, 200);
  const std::uint64_t seed = read.Seed("seed", scenario.seed);
  // About 20 partial results, but never chunks so small that merging dominates.
  const int chunkRuns = read.Int("chunkRuns", 1, kMaxAnalysisRuns, std::max(10, CeilDiv(runs, 20)));
  const double threshold = read.Number("shortfallThreshold", 0.0, 1.0, kDefaultShortfallThreshold);
  const PartRange part = ReadPart(read, runs, 0);
  if (!read.problems.empty()) return read.problems;
  if (std::vector<Problem> problems = ValidateScenario(scenario); !problems.empty()) return problems;
  return std::unique_ptr<AnalysisJob>(new MonteCarloJob(scenario, runs, seed, chunkRuns, threshold, part));
}

JobOrProblems StartCoalition(const Scenario& scenario, const Json& options) {
  OptionsReader read(options, {"framework", "candidates", "chunkSubsets", "partIndex", "partCount"}, "coalition");
  std::string framework = read.String("framework", "");
  const std::vector<std::string> candidates = read.Strings("candidates");
  const int chunkSubsets = read.Int("chunkSubsets", 1, 1 << kMaxCoalitionCandidates, 0);
  if (!read.problems.empty()) return read.problems;
  if (framework.empty()) {
    if (scenario.frameworks.size() != 1) {
      std::string known;
      for (const Framework& f : scenario.frameworks) known += (known.empty() ? "" : ", ") + f.id;
      return std::vector<Problem>{{"options.framework", scenario.frameworks.empty()
                                                            ? "the scenario has no framework to analyse"
                                                            : "required: the scenario has " + known}};
    }
    framework = scenario.frameworks.front().id;
  }
  Expected<CoalitionAnalyzer> analyzer = CoalitionAnalyzer::Start(scenario, framework, candidates);
  if (!analyzer) return analyzer.problems();
  const int chunk = chunkSubsets > 0 ? chunkSubsets : std::max(1, CeilDiv(analyzer.value().SubsetCount(), 32));
  // Mask 0 is the baseline, run by Start: the parts split masks 1..2^n-1.
  const PartRange part = ReadPart(read, analyzer.value().SubsetCount() - 1, 1);
  if (!read.problems.empty()) return read.problems;
  return std::unique_ptr<AnalysisJob>(new CoalitionJob(std::move(analyzer.value()), chunk, part));
}

JobOrProblems StartSensitivity(const Scenario& scenario, const Json& options) {
  OptionsReader read(options, {"metric", "levers", "spread", "chunkLevers", "partIndex", "partCount"}, "sensitivity");
  SensitivityOptions sensitivity;
  sensitivity.metric = read.String("metric", "loss");
  sensitivity.spread = read.Number("spread", 0.0, 1.0, 0.5);
  const int chunkLevers = read.Int("chunkLevers", 1, 1000000, 1);
  if (const Json* levers = read.Find("levers")) {
    if (!levers->IsArray()) {
      read.problems.push_back({"options.levers", "must be an array of lever paths or { path, low, high }"});
    } else {
      for (rapidjson::SizeType i = 0; i < levers->Size(); ++i) {
        const Json& lever = (*levers)[i];
        const std::string where = "options.levers[" + std::to_string(i) + "]";
        SensitivityLever out;
        if (lever.IsString()) {
          out.path.assign(lever.GetString(), lever.GetStringLength());
        } else if (lever.IsObject() && lever.HasMember("path") && lever["path"].IsString()) {
          out.path.assign(lever["path"].GetString(), lever["path"].GetStringLength());
          for (const char* bound : {"low", "high"}) {
            if (!lever.HasMember(bound) || lever[bound].IsNull()) continue;
            if (!lever[bound].IsNumber()) {
              read.problems.push_back({where + "." + bound, "must be a number"});
              continue;
            }
            (std::string(bound) == "low" ? out.low : out.high) = lever[bound].GetDouble();
          }
        } else {
          read.problems.push_back({where, "must be a lever path or { path, low, high }"});
          continue;
        }
        sensitivity.levers.push_back(std::move(out));
      }
    }
  }
  if (!read.problems.empty()) return read.problems;
  Expected<SensitivityAnalyzer> analyzer = SensitivityAnalyzer::Start(scenario, sensitivity);
  if (!analyzer) return analyzer.problems();
  const PartRange part = ReadPart(read, analyzer.value().LeverCount(), 0);
  if (!read.problems.empty()) return read.problems;
  return std::unique_ptr<AnalysisJob>(new SensitivityJob(std::move(analyzer.value()), chunkLevers, part));
}

}  // namespace

JobOrProblems StartAnalysis(std::string_view kind, const Scenario& scenario, std::string_view optionsJson) {
  using Starter = JobOrProblems (*)(const Scenario&, const Json&);
  Starter start = nullptr;
  if (kind == "montecarlo") start = StartMonteCarlo;
  if (kind == "coalition") start = StartCoalition;
  if (kind == "sensitivity") start = StartSensitivity;
  if (start == nullptr) {
    return std::vector<Problem>{{"kind", "unknown analysis " + Quoted(kind) + ": use montecarlo, coalition or sensitivity"}};
  }
  rapidjson::Document options;
  const std::string_view text = optionsJson.empty() ? std::string_view("{}") : optionsJson;
  options.Parse(text.data(), text.size());
  if (options.HasParseError()) {
    return std::vector<Problem>{{"options", "not valid JSON (offset " + std::to_string(options.GetErrorOffset()) +
                                                ": " + rapidjson::GetParseError_En(options.GetParseError()) + ")"}};
  }
  if (!options.IsObject()) return std::vector<Problem>{{"options", "must be a JSON object"}};
  return start(scenario, options);
}

JobOrProblems StartAnalysis(std::string_view kind, std::string_view scenarioJson, std::string_view optionsJson) {
  Expected<Scenario> scenario = LoadScenarioJson(scenarioJson);
  if (!scenario) {
    std::vector<Problem> problems = scenario.problems();
    for (Problem& p : problems) p.path = p.path.empty() ? "scenario" : "scenario." + p.path;
    return problems;
  }
  return StartAnalysis(kind, scenario.value(), optionsJson);
}

}  // namespace kz
