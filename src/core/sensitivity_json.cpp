// SaveSensitivityJson (see sensitivity.hpp): the tornado's rows as JSON for the app's Web Worker and
// other tools. RapidJSON writes the shortest round-trip form of every number.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <string>

#include "kizuna/sensitivity.hpp"

namespace kz {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void Number(JsonWriter& w, const char* key, double value) {
  w.Key(key);
  if (std::isfinite(value)) {
    w.Double(value);
  } else {
    w.Null();
  }
}

void Text(JsonWriter& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

}  // namespace

std::string SaveSensitivityJson(const SensitivityResults& results) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  Text(w, "metric", results.metric);
  Text(w, "unit", MetricUnit(results.metric));
  Number(w, "baseline", results.baseline);
  w.Key("rows");
  w.StartArray();
  for (const SensitivityRow& row : results.rows) {
    w.StartObject();
    Text(w, "path", row.path);
    Text(w, "label", row.label);
    Number(w, "value", row.value);
    Number(w, "low", row.low);
    Number(w, "high", row.high);
    Number(w, "metricLow", row.metricLow);
    Number(w, "metricHigh", row.metricHigh);
    Number(w, "swing", row.swing);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace kz
