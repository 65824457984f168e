// SaveSensitivityJson (see sensitivity.hpp): the tornado's rows as JSON for the app's Web Worker and
// other tools. RapidJSON writes the shortest round-trip form of every number.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

#include "json_detail.hpp"
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

}  // namespace kz
