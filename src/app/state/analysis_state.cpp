// AnalysisState and the parsers of the worker's result JSON (RapidJSON). Sections: kinds; parsing;
// state transitions.
#include "state/analysis_state.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdint>
#include <utility>

namespace kz {

// -- Kinds ------------------------------------------------------------------------------------------

const char* AnalysisKindId(AnalysisKind kind) {
  switch (kind) {
    case AnalysisKind::MonteCarlo: return "montecarlo";
    case AnalysisKind::Coalition: return "coalition";
    case AnalysisKind::Sensitivity: return "sensitivity";
  }
  return "";
}

std::optional<AnalysisKind> ParseAnalysisKind(std::string_view id) {
  for (const AnalysisKind kind : {AnalysisKind::MonteCarlo, AnalysisKind::Coalition, AnalysisKind::Sensitivity}) {
    if (id == AnalysisKindId(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<double> CoalitionView::StandAlone(int i) const {
  const std::size_t mask = std::size_t{1} << i;
  if (i < 0 || mask >= subsetValue.size() || !known[mask]) return std::nullopt;
  return subsetValue[mask];
}

std::optional<double> CoalitionView::GrandValue() const {
  if (subsetValue.empty() || !known.back()) return std::nullopt;
  return subsetValue.back();
}

// -- Parsing ----------------------------------------------------------------------------------------

namespace {

using Json = rapidjson::Value;

// Reads fields of one object, collecting problems named by their path.
class Reader {
 public:
  std::vector<Problem> problems;

  const Json* Field(const Json& object, const char* name, const std::string& at) {
    if (!object.IsObject()) {
      Fail(at, "must be an object");
      return nullptr;
    }
    const auto it = object.FindMember(name);
    if (it == object.MemberEnd()) {
      Fail(Join(at, name), "is missing");
      return nullptr;
    }
    return &it->value;
  }
  double Number(const Json& object, const char* name, const std::string& at = "") {
    const Json* v = Field(object, name, at);
    if (v == nullptr) return 0.0;
    if (!v->IsNumber()) Fail(Join(at, name), "must be a number");
    return v->IsNumber() ? v->GetDouble() : 0.0;
  }
  int Int(const Json& object, const char* name, const std::string& at = "") {
    const Json* v = Field(object, name, at);
    if (v == nullptr) return 0;
    if (!v->IsInt()) Fail(Join(at, name), "must be a whole number");
    return v->IsInt() ? v->GetInt() : 0;
  }
  bool Bool(const Json& object, const char* name, const std::string& at = "") {
    const Json* v = Field(object, name, at);
    if (v == nullptr) return false;
    if (!v->IsBool()) Fail(Join(at, name), "must be true or false");
    return v->IsBool() && v->GetBool();
  }
  std::string String(const Json& object, const char* name, const std::string& at = "") {
    const Json* v = Field(object, name, at);
    if (v == nullptr) return {};
    if (!v->IsString()) Fail(Join(at, name), "must be a string");
    return v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
  }
  // Calls `each(item, path)` for every element of the array `name` (a missing one is a problem).
  template <typename Each>
  void Objects(const Json& object, const char* name, Each each) {
    const Json* v = Field(object, name, "");
    if (v == nullptr) return;
    if (!v->IsArray()) {
      Fail(name, "must be an array");
      return;
    }
    for (rapidjson::SizeType i = 0; i < v->Size(); ++i) each((*v)[i], std::string(name) + "[" + std::to_string(i) + "]");
  }
  std::vector<std::string> Strings(const Json& object, const char* name, const std::string& at = "") {
    std::vector<std::string> out;
    const Json* v = Field(object, name, at);
    if (v == nullptr) return out;
    if (!v->IsArray()) {
      Fail(Join(at, name), "must be an array of strings");
      return out;
    }
    for (const Json& item : v->GetArray()) {
      if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
      else Fail(Join(at, name), "must be an array of strings");
    }
    return out;
  }
  std::vector<double> Numbers(const Json& array, const std::string& at) {
    std::vector<double> out;
    if (!array.IsArray()) {
      Fail(at, "must be an array of numbers");
      return out;
    }
    for (const Json& item : array.GetArray()) {
      if (item.IsNumber()) out.push_back(item.GetDouble());
      else if (item.IsNull()) out.push_back(0.0);  // JSON has no NaN: writers put null there
      else Fail(at, "must be an array of numbers");
    }
    return out;
  }
  std::vector<double> Numbers(const Json& object, const char* name, const std::string& at = "") {
    const Json* v = Field(object, name, at);
    return v ? Numbers(*v, Join(at, name)) : std::vector<double>{};
  }
  void Fail(std::string path, std::string message) { problems.push_back({std::move(path), std::move(message)}); }

  static std::string Join(const std::string& at, const char* name) { return at.empty() ? name : at + "." + name; }
};

// Parses `json` and checks it is an object of `kind`; `document` keeps the parsed tree. Full
// precision: the core writes shortest round-trip doubles, and RapidJSON's default (fast) parse may
// read them an ulp off, which shows in differences of large figures (incentive = inside - outside).
std::vector<Problem> ParseEnvelope(std::string_view json, const char* kind, rapidjson::Document& document) {
  document.Parse<rapidjson::kParseFullPrecisionFlag>(json.data(), json.size());
  if (document.HasParseError()) {
    return {{"", std::string("not valid JSON: ") + rapidjson::GetParseError_En(document.GetParseError()) +
                     " (offset " + std::to_string(document.GetErrorOffset()) + ")"}};
  }
  if (!document.IsObject()) return {{"", "must be a JSON object"}};
  const Json& root = document;
  const auto it = root.FindMember("kind");
  if (it == root.MemberEnd() || !it->value.IsString() || std::string_view(it->value.GetString()) != kind) {
    return {{"kind", std::string("must be \"") + kind + "\""}};
  }
  return {};
}

}  // namespace

Expected<MonteCarloView> ParseMonteCarloJson(std::string_view json) {
  rapidjson::Document d;
  if (std::vector<Problem> problems = ParseEnvelope(json, "montecarlo", d); !problems.empty()) return problems;
  Reader r;
  MonteCarloView v;
  v.done = r.Bool(d, "done");
  v.runsRequested = r.Int(d, "runsRequested");
  v.runs = r.Int(d, "runs");
  if (!r.problems.empty()) return r.problems;
  if (v.runs == 0) return v;  // nothing run yet: no statistics
  v.months = r.Int(d, "months");
  if (const Json* seed = r.Field(d, "seed", ""); seed && seed->IsUint64()) v.seed = std::to_string(seed->GetUint64());
  if (v.done) v.hash = r.String(d, "hash");  // final results only
  v.hazards = r.Strings(d, "hazards");
  v.regions = r.Strings(d, "regions");
  v.expectedLoss = r.Numbers(d, "expectedLoss");
  v.expectedTotalLoss = r.Number(d, "expectedTotalLoss");
  v.cvar95 = r.Number(d, "cvar95");
  v.shortfallThreshold = r.Number(d, "shortfallThreshold");
  r.Objects(d, "cells", [&](const Json& c, const std::string& at) {
    MonteCarloCell cell;
    cell.region = r.String(c, "region", at);
    cell.good = r.String(c, "good", at);
    cell.shortfallProbability = r.Number(c, "shortfallProbability", at);
    const Json* bands = r.Field(c, "fulfilment", at);
    if (bands && (!bands->IsArray() || bands->Size() != cell.fulfilment.size())) {
      r.Fail(at + ".fulfilment", "must hold 5 percentile bands");
    } else if (bands) {
      for (rapidjson::SizeType p = 0; p < bands->Size(); ++p) {
        cell.fulfilment[p] = r.Numbers((*bands)[p], at + ".fulfilment[" + std::to_string(p) + "]");
        if (static_cast<int>(cell.fulfilment[p].size()) != v.months) {
          r.Fail(at + ".fulfilment[" + std::to_string(p) + "]", "must have one value per month");
        }
      }
    }
    v.cells.push_back(std::move(cell));
  });
  if (v.expectedLoss.size() != v.regions.size()) r.Fail("expectedLoss", "must have one value per region");
  if (!r.problems.empty()) return r.problems;
  return v;
}

Expected<CoalitionView> ParseCoalitionJson(std::string_view json) {
  rapidjson::Document d;
  if (std::vector<Problem> problems = ParseEnvelope(json, "coalition", d); !problems.empty()) return problems;
  Reader r;
  CoalitionView v;
  v.done = r.Bool(d, "done");
  v.subsets = r.Int(d, "subsets");
  v.subsetsDone = r.Int(d, "subsetsDone");
  v.framework = r.String(d, "framework");
  v.candidates = r.Strings(d, "candidates");
  v.regions = r.Strings(d, "regions");
  if (const Json* values = r.Field(d, "subsetValue", ""); values && values->IsArray()) {
    for (const Json& item : values->GetArray()) {
      v.known.push_back(item.IsNumber());
      v.subsetValue.push_back(item.IsNumber() ? item.GetDouble() : 0.0);
    }
  } else if (values) {
    r.Fail("subsetValue", "must be an array");
  }
  if (!r.problems.empty()) return r.problems;
  const std::size_t n = v.candidates.size();
  if (n > 20 || v.subsetValue.size() != (std::size_t{1} << n)) return std::vector<Problem>{{"subsetValue", "must have 2^n values"}};
  if (!v.done) return v;
  v.shapley = r.Numbers(d, "shapley");
  v.gainInside = r.Numbers(d, "gainInside");
  v.gainOutside = r.Numbers(d, "gainOutside");
  v.incentiveToJoin = r.Numbers(d, "incentiveToJoin");
  if (const Json* core = r.Field(d, "core", "")) {
    v.inCore = r.Bool(*core, "inCore", "core");
    v.largestExcessCoalition = r.Strings(*core, "largestExcessCoalition", "core");
    v.excess = r.Number(*core, "excess", "core");
  }
  v.nonMemberEffect = r.Number(d, "nonMemberEffect");
  v.nonMemberEffectByRegion = r.Numbers(d, "nonMemberEffectByRegion");
  for (const auto* values : {&v.shapley, &v.gainInside, &v.gainOutside, &v.incentiveToJoin}) {
    if (values->size() != n) r.Fail("shapley", "per-candidate arrays must have one value per candidate");
  }
  if (v.nonMemberEffectByRegion.size() != v.regions.size()) r.Fail("nonMemberEffectByRegion", "must have one value per region");
  if (!r.problems.empty()) return r.problems;
  return v;
}

Expected<SensitivityView> ParseSensitivityJson(std::string_view json) {
  rapidjson::Document d;
  if (std::vector<Problem> problems = ParseEnvelope(json, "sensitivity", d); !problems.empty()) return problems;
  Reader r;
  SensitivityView v;
  v.done = r.Bool(d, "done");
  v.levers = r.Int(d, "levers");
  v.leversDone = r.Int(d, "leversDone");
  v.metric = r.String(d, "metric");
  v.unit = r.String(d, "unit");
  v.baseline = r.Number(d, "baseline");
  r.Objects(d, "rows", [&](const Json& row, const std::string& at) {
    SensitivityRowView out;
    out.path = r.String(row, "path", at);
    out.label = r.String(row, "label", at);
    out.value = r.Number(row, "value", at);
    out.low = r.Number(row, "low", at);
    out.high = r.Number(row, "high", at);
    out.metricLow = r.Number(row, "metricLow", at);
    out.metricHigh = r.Number(row, "metricHigh", at);
    out.swing = r.Number(row, "swing", at);
    v.rows.push_back(std::move(out));
  });
  if (!r.problems.empty()) return r.problems;
  return v;
}

// -- State transitions ------------------------------------------------------------------------------

bool AnalysisState::Request(AnalysisKind kind, std::string optionsJson) {
  if (Busy()) return false;
  pending = AnalysisRequest{kind, std::move(optionsJson)};
  state = AnalysisStatus::Starting;
  runKind = kind;
  progress = 0.0;
  statusMessage.clear();
  cancelAsked = false;
  return true;
}

void AnalysisState::RequestCancel() {
  if (!Busy()) return;
  if (state == AnalysisStatus::Starting && pending) {  // never reached the platform: nothing to stop
    pending.reset();
    state = AnalysisStatus::Cancelled;
    statusMessage = "analysis cancelled";
    return;
  }
  cancelPending = true;
  cancelAsked = true;
}

std::optional<AnalysisRequest> AnalysisState::TakeRequest() {
  std::optional<AnalysisRequest> request = std::move(pending);
  pending.reset();
  return request;
}

bool AnalysisState::TakeCancelRequest() {
  const bool cancel = cancelPending;
  cancelPending = false;
  return cancel;
}

bool AnalysisState::OnStarted(int runId, std::string_view kind) {
  const std::optional<AnalysisKind> parsed = ParseAnalysisKind(kind);
  if (!parsed) return false;
  currentRun = runId;
  runKind = *parsed;
  state = AnalysisStatus::Running;
  progress = 0.0;
  statusMessage.clear();
  cancelAsked = false;
  switch (runKind) {  // the previous result of this kind no longer matches what is running
    case AnalysisKind::MonteCarlo: mc.reset(); break;
    case AnalysisKind::Coalition: coalitionView.reset(); break;
    case AnalysisKind::Sensitivity: sensitivityView.reset(); break;
  }
  return true;
}

void AnalysisState::Accept(std::string_view json) {
  std::vector<Problem> problems;
  switch (runKind) {
    case AnalysisKind::MonteCarlo: {
      Expected<MonteCarloView> v = ParseMonteCarloJson(json);
      if (v) mc = std::move(v.value());
      else problems = v.problems();
      break;
    }
    case AnalysisKind::Coalition: {
      Expected<CoalitionView> v = ParseCoalitionJson(json);
      if (v) coalitionView = std::move(v.value());
      else problems = v.problems();
      break;
    }
    case AnalysisKind::Sensitivity: {
      Expected<SensitivityView> v = ParseSensitivityJson(json);
      if (v) sensitivityView = std::move(v.value());
      else problems = v.problems();
      break;
    }
  }
  if (!problems.empty()) {
    state = AnalysisStatus::Failed;
    statusMessage = "the result could not be read: " + problems.front().ToString();
    return;
  }
  ++updateCount;
}

void AnalysisState::OnProgress(int runId, double fraction, std::string_view partialJson) {
  if (runId != currentRun || state != AnalysisStatus::Running) return;
  progress = fraction < 0.0 ? 0.0 : (fraction > 1.0 ? 1.0 : fraction);
  if (!partialJson.empty()) Accept(partialJson);
}

void AnalysisState::OnResult(int runId, std::string_view resultJson) {
  if (runId != currentRun || state != AnalysisStatus::Running) return;
  progress = 1.0;
  Accept(resultJson);
  if (state == AnalysisStatus::Running) state = AnalysisStatus::Done;
}

void AnalysisState::OnFailed(int runId, std::string_view message, bool cancelled) {
  if (runId != currentRun || state != AnalysisStatus::Running) return;
  state = cancelled ? AnalysisStatus::Cancelled : AnalysisStatus::Failed;
  statusMessage = std::string(message);
  cancelAsked = false;
}

}  // namespace kz
