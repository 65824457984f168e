// SaveSensitivityJson (see sensitivity.hpp): the tornado's rows as JSON for the app's Web Worker and
// other tools (RapidJSON writes the shortest round-trip form of every number), and
// LoadSensitivityViewJson, the app's reader of them inside an analysis job's JSON.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <limits>
#include <string>

#include "json_detail.hpp"
#include "json_read.hpp"
#include "kizuna/sensitivity.hpp"

namespace kz {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;
using json_detail::KeyNumber;
using json_detail::KeyString;

}  // namespace

std::string SaveSensitivityJson(const SensitivityResults& results) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  KeyString(w, "metric", results.metric);
  KeyString(w, "unit", MetricUnit(results.metric));
  KeyNumber(w, "baseline", results.baseline);
  w.Key("rows");
  w.StartArray();
  for (const SensitivityRow& row : results.rows) {
    w.StartObject();
    KeyString(w, "path", row.path);
    KeyString(w, "label", row.label);
    KeyNumber(w, "value", row.value);
    KeyNumber(w, "low", row.low);
    KeyNumber(w, "high", row.high);
    KeyNumber(w, "metricLow", row.metricLow);
    KeyNumber(w, "metricHigh", row.metricHigh);
    KeyNumber(w, "swing", row.swing);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Expected<SensitivityView> LoadSensitivityViewJson(std::string_view json) {
  rapidjson::Document document;
  if (std::vector<Problem> problems = json_read::ParseAnalysisJson(json, "sensitivity", document); !problems.empty()) {
    return problems;
  }
  const json_read::Json& root = document;
  constexpr int kMost = std::numeric_limits<int>::max();
  json_read::Reader r;
  SensitivityView v;
  r.Object(root, "", {"kind", "done", "fraction", "levers", "leversDone", "metric", "unit", "baseline", "rows"});
  r.Bool(root, "", "done", v.done, true);
  r.IntegerIn(root, "", "levers", v.levers, 0, kMost, true);
  r.IntegerIn(root, "", "leversDone", v.leversDone, 0, kMost, true);
  r.String(root, "", "metric", v.metric, true);
  r.String(root, "", "unit", v.unit, true);
  r.Number(root, "", "baseline", v.baseline, true);
  r.Array(root, "", "rows", v.rows, true, [&r](const json_read::Json& item, const std::string& at, SensitivityRowView& row) {
    if (!r.Object(item, at, {"path", "label", "value", "low", "high", "metricLow", "metricHigh", "swing"})) return;
    r.String(item, at, "path", row.path, true);
    r.String(item, at, "label", row.label, true);
    r.Number(item, at, "value", row.value, true);
    r.Number(item, at, "low", row.low, true);
    r.Number(item, at, "high", row.high, true);
    r.Number(item, at, "metricLow", row.metricLow, true);
    r.Number(item, at, "metricHigh", row.metricHigh, true);
    r.Number(item, at, "swing", row.swing, true);
  });
  if (!r.problems.empty()) return r.problems;
  return v;
}

}  // namespace kz
