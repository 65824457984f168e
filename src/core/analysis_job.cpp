// StartAnalysis and the three stepped jobs (see analysis_job.hpp). Sections: options; Monte Carlo;
// coalition; sensitivity; start. Each job's JSON is an envelope { kind, done, fraction, ... } spliced
// in front of the fields the kind's own writer produces, so the worker, the app and the CLI share one
// writer per result.
#include "kizuna/analysis_job.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <limits>
#include <optional>
#include <utility>

#include "kizuna/coalition_analysis.hpp"
#include "kizuna/json_write.hpp"
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
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("kind");
  w.String(kind);
  w.Key("done");
  w.Bool(done);
  w.Key("fraction");
  w.Double(std::clamp(fraction, 0.0, 1.0));
  w.EndObject();
  std::string head(buffer.GetString(), buffer.GetSize());
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

// -- Monte Carlo ------------------------------------------------------------------------------------

class MonteCarloJob final : public AnalysisJob {
 public:
  MonteCarloJob(const Scenario& s, int runCount, std::uint64_t sweepSeed, int chunk, double shortfallThreshold)
      : scenario(s), runs(runCount), seed(sweepSeed), chunkRuns(chunk), threshold(shortfallThreshold) {}

  std::vector<Problem> Step() override {
    if (Done()) return {};
    const int count = std::min(chunkRuns, runs - runsDone);
    Expected<MonteCarloShard> shard = RunMonteCarloShard(scenario, seed, runsDone, count);
    if (!shard) return Fail(shard.problems());
    std::vector<MonteCarloShard> shards;
    if (merged) shards.push_back(std::move(merged->runs));
    shards.push_back(std::move(shard.value()));
    Expected<MonteCarloResults> next = MergeShards(std::move(shards), threshold);
    if (!next) return Fail(next.problems());
    merged = std::move(next.value());
    runsDone += count;
    return {};
  }
  bool Done() const override { return runsDone == runs; }
  double Fraction() const override { return static_cast<double>(runsDone) / static_cast<double>(runs); }
  std::string Json() const override {
    std::string fields = "{\"runsRequested\":" + std::to_string(runs);
    if (merged) {
      const std::string summary = SaveMonteCarloSummaryJson(*merged, scenario, Done());
      fields += "," + summary.substr(summary.find('{') + 1);
    } else {
      fields += ",\"runs\":0}";
    }
    return Envelope("montecarlo", Done(), Fraction(), fields);
  }

 private:
  std::vector<Problem> Fail(std::vector<Problem> problems) {
    runsDone = runs;  // finished: no further steps
    merged.reset();
    return problems;
  }

  Scenario scenario;
  int runs;
  std::uint64_t seed;
  int chunkRuns;
  double threshold;
  int runsDone = 0;
  std::optional<MonteCarloResults> merged;
};

// -- Coalition --------------------------------------------------------------------------------------

class CoalitionJob final : public AnalysisJob {
 public:
  CoalitionJob(CoalitionAnalyzer started, int chunk)
      : analyzer(std::move(started)), chunkSubsets(chunk), subsets(analyzer.SubsetCount()) {}

  std::vector<Problem> Step() override {
    if (Done()) return {};
    if (std::vector<Problem> problems = analyzer.RunSubsets(chunkSubsets); !problems.empty()) {
      failed = true;
      return problems;
    }
    if (analyzer.AllSubsetsDone()) result = analyzer.Finish();
    return {};
  }
  bool Done() const override { return result.has_value() || failed; }
  double Fraction() const override { return static_cast<double>(SubsetsDone()) / static_cast<double>(subsets); }
  std::string Json() const override {
    const int subsetsDone = SubsetsDone();
    std::string head = "{\"subsets\":" + std::to_string(subsets) + ",\"subsetsDone\":" + std::to_string(subsetsDone);
    if (result) {
      const std::string body = SaveCoalitionAnalysisJson(*result);
      return Envelope("coalition", true, 1.0, head + "," + body.substr(body.find('{') + 1));
    }
    const CoalitionAnalysis& partial = analyzer.Partial();
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    w.StartObject();
    json::KeyString(w, "framework", partial.frameworkId);
    json::KeyStrings(w, "candidates", partial.candidates);
    json::KeyStrings(w, "regions", partial.regionIds);
    w.Key("subsetValue");  // null for the subsets not run yet
    w.StartArray();
    for (int s = 0; s < subsets; ++s) {
      if (s < subsetsDone) {
        json::WriteNumber(w, partial.subsetValue[static_cast<std::size_t>(s)]);
      } else {
        w.Null();
      }
    }
    w.EndArray();
    w.EndObject();
    const std::string body(buffer.GetString(), buffer.GetSize());
    return Envelope("coalition", false, Fraction(), head + "," + body.substr(1));
  }

 private:
  // The analyzer is spent once finished: its counts come from here then.
  int SubsetsDone() const { return result ? subsets : analyzer.SubsetsDone(); }

  CoalitionAnalyzer analyzer;
  int chunkSubsets;
  int subsets;
  std::optional<CoalitionAnalysis> result;
  bool failed = false;
};

// -- Sensitivity ------------------------------------------------------------------------------------

class SensitivityJob final : public AnalysisJob {
 public:
  SensitivityJob(SensitivityAnalyzer started, int chunk) : analyzer(std::move(started)), chunkLevers(chunk) {}

  std::vector<Problem> Step() override {
    if (Done()) return {};
    if (std::vector<Problem> problems = analyzer.RunLevers(chunkLevers); !problems.empty()) {
      failed = true;
      return problems;
    }
    return {};
  }
  bool Done() const override { return analyzer.AllLeversDone() || failed; }
  double Fraction() const override {
    return analyzer.LeverCount() == 0 ? 1.0
                                      : static_cast<double>(analyzer.LeversDone()) / static_cast<double>(analyzer.LeverCount());
  }
  std::string Json() const override {
    const std::string body = SaveSensitivityJson(analyzer.Partial());
    const std::string head = "{\"levers\":" + std::to_string(analyzer.LeverCount()) +
                             ",\"leversDone\":" + std::to_string(analyzer.LeversDone());
    return Envelope("sensitivity", Done(), Fraction(), head + "," + body.substr(body.find('{') + 1));
  }

 private:
  SensitivityAnalyzer analyzer;
  int chunkLevers;
  bool failed = false;
};

// -- Start ------------------------------------------------------------------------------------------

using JobOrProblems = Expected<std::unique_ptr<AnalysisJob>>;

JobOrProblems StartMonteCarlo(const Scenario& scenario, const Json& options) {
  OptionsReader read(options, {"runs", "seed", "chunkRuns", "shortfallThreshold"}, "montecarlo");
  const int runs = read.Int("runs", 1, kMaxAnalysisRuns, 200);
  const std::uint64_t seed = read.Seed("seed", scenario.seed);
  // About 20 partial results, but never chunks so small that merging dominates.
  const int chunkRuns = read.Int("chunkRuns", 1, kMaxAnalysisRuns, std::max(10, CeilDiv(runs, 20)));
  const double threshold = read.Number("shortfallThreshold", 0.0, 1.0, kDefaultShortfallThreshold);
  if (!read.problems.empty()) return read.problems;
  if (std::vector<Problem> problems = ValidateScenario(scenario); !problems.empty()) return problems;
  return std::unique_ptr<AnalysisJob>(new MonteCarloJob(scenario, runs, seed, chunkRuns, threshold));
}

JobOrProblems StartCoalition(const Scenario& scenario, const Json& options) {
  OptionsReader read(options, {"framework", "candidates", "chunkSubsets"}, "coalition");
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
  return std::unique_ptr<AnalysisJob>(new CoalitionJob(std::move(analyzer.value()), chunk));
}

JobOrProblems StartSensitivity(const Scenario& scenario, const Json& options) {
  OptionsReader read(options, {"metric", "levers", "spread", "chunkLevers"}, "sensitivity");
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
  return std::unique_ptr<AnalysisJob>(new SensitivityJob(std::move(analyzer.value()), chunkLevers));
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
