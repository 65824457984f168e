// SaveSensitivityJson (see sensitivity.hpp): the tornado's rows as JSON for the app's Web Worker and
// other tools (json_out.hpp: the shortest round-trip form of every number), and
// LoadSensitivityViewJson, the app's reader of them inside an analysis job's JSON.
#include <limits>
#include <string>

#include "json_out.hpp"
#include "json_read.hpp"
#include "kizuna/sensitivity.hpp"

namespace kz {

std::string SaveSensitivityJson(const SensitivityResults& results) {
  return CompactJsonObject([&results](CompactJsonOut& o) {
    o.Str("metric", results.metric);
    o.Str("unit", MetricUnit(results.metric));
    o.Num("baseline", results.baseline);
    o.Objects("rows", results.rows, [&o](const SensitivityRow& row) {
      o.Str("path", row.path);
      o.Str("label", row.label);
      o.Num("value", row.value);
      o.Num("low", row.low);
      o.Num("high", row.high);
      o.Num("metricLow", row.metricLow);
      o.Num("metricHigh", row.metricHigh);
      o.Num("swing", row.swing);
    });
  });
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
