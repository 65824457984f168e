// SaveSensitivityJson (see sensitivity.hpp): the tornado's rows as JSON for the app's Web Worker and
// other tools (json_out.hpp: the shortest round-trip form of every number), and
// LoadSensitivityViewJson, the app's reader of them inside an analysis job's JSON.
#include <string>
#include <utility>

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
  using json_read::Json;
  return json_read::ReadAnalysisJson<SensitivityView>(json, "sensitivity", [](json_read::Reader& r, const Json& root, SensitivityView& v) {
    r.Object(root, "", {"kind", "done", "fraction", "levers", "leversDone", "metric", "unit", "baseline", "rows"});
    r.Bool(root, "", "done", v.done, true);
    r.Count(root, "", "levers", v.levers);
    r.Count(root, "", "leversDone", v.leversDone);
    r.String(root, "", "metric", v.metric, true);
    r.String(root, "", "unit", v.unit, true);
    r.Number(root, "", "baseline", v.baseline, true);
    r.Array(root, "", "rows", v.rows, true, [&r](const Json& item, const std::string& at, SensitivityRowView& row) {
      if (!r.Object(item, at, {"path", "label", "value", "low", "high", "metricLow", "metricHigh", "swing"})) return;
      r.String(item, at, "path", row.path, true);
      r.String(item, at, "label", row.label, true);
      for (const auto& [name, value] : {std::pair{"value", &row.value}, std::pair{"low", &row.low}, std::pair{"high", &row.high},
                                        std::pair{"metricLow", &row.metricLow}, std::pair{"metricHigh", &row.metricHigh},
                                        std::pair{"swing", &row.swing}}) {
        r.Number(item, at, name, *value, true);
      }
    });
  });
}

}  // namespace kz
